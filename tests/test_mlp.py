import time

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from mlplab.activations import SMOOTH
from mlplab.data import load_digits_split, make_dataset
from mlplab.gradcheck import check_gradients, numerical_gradient, rel_error
from mlplab.mlp import MLP, count_params, dense_backward, dense_forward
from mlplab.optim import sgd


def test_784_15_10_has_11935_parameters():
    assert MLP([784, 15, 10]).n_params == 11935
    assert count_params([784, 15, 10]) == 784 * 15 + 15 + 15 * 10 + 10 == 11935


def test_shapes_and_cache():
    m = MLP([4, 5, 3], activation="tanh")
    X = np.random.default_rng(0).normal(size=(7, 4))
    out, cache = m.forward(X)
    assert out.shape == (7, 3) and np.allclose(out.sum(axis=1), 1.0)
    assert [z.shape for z in cache["Z"]] == [(7, 5), (7, 3)]
    assert [h.shape for h in cache["H"]] == [(7, 4), (7, 5)]
    grads, deltas = m.backward(cache, np.array([0, 1, 2, 0, 1, 2, 0]))
    assert [d.shape for d in deltas] == [(7, 5), (7, 3)]
    assert [(dW.shape, db.shape) for dW, db in grads] == [((4, 5), (5,)), ((5, 3), (3,))]


def test_initialisation_is_seeded_he_or_glorot():
    a, b = MLP([50, 400, 3], seed=1), MLP([50, 400, 3], seed=1)
    assert np.array_equal(a.params[0][0], b.params[0][0])
    assert not np.array_equal(a.params[0][0], MLP([50, 400, 3], seed=2).params[0][0])
    assert a.params[0][0].std() == pytest.approx(np.sqrt(2 / 50), rel=0.05)  # He for relu
    t = MLP([50, 400, 3], activation="tanh")
    assert t.params[0][0].std() == pytest.approx(np.sqrt(2 / 450), rel=0.05)  # Glorot
    assert all(np.all(bias == 0) for _, bias in a.params)


def _numeric_grads(model, X, Y):
    out = []
    for W, b in model.params:
        out.append(tuple(numerical_gradient(lambda _: model.loss(X, Y), p) for p in (W, b)))
    return out


@settings(max_examples=200, deadline=None)
@given(
    depth=st.integers(1, 4),
    widths=st.lists(st.integers(1, 6), min_size=5, max_size=5),
    n=st.integers(1, 5),
    activation=st.sampled_from(SMOOTH),
    output=st.sampled_from(["softmax", "identity"]),
    seed=st.integers(0, 2**16),
)
def test_gradients_match_centred_differences(depth, widths, n, activation, output, seed):
    sizes = widths[: depth + 1]
    if output == "softmax":
        sizes[-1] = max(sizes[-1], 2)
    model = MLP(sizes, activation=activation, output=output, seed=seed)
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, sizes[0]))
    Y = rng.integers(0, sizes[-1], n) if output == "softmax" else rng.normal(size=(n, sizes[-1]))
    _, grads = model.loss_and_grads(X, Y)
    # Centred differences carry ~1e-11 of rounding noise; a relative error only
    # means something where the gradient itself is not ~0 (e.g. a 1-unit layer
    # whose two samples cancel exactly). Those degenerate draws are skipped.
    assume(all(np.abs(g).max() > 1e-3 for pair in grads for g in pair))
    for (dW, db), (nW, nb) in zip(grads, _numeric_grads(model, X, Y)):
        assert rel_error(dW, nW) < 1e-7
        assert rel_error(db, nb) < 1e-7


@settings(max_examples=60, deadline=None)
@given(depth=st.integers(1, 4), n=st.integers(1, 4), seed=st.integers(0, 2**16),
       activation=st.sampled_from(["relu", "leaky_relu"]))
def test_relu_gradients_away_from_kinks(depth, n, seed, activation):
    sizes = [3] + [4] * (depth - 1) + [3]
    model = MLP(sizes, activation=activation, seed=seed)
    rng = np.random.default_rng(seed)
    X, y = rng.normal(size=(n, 3)), rng.integers(0, 3, n)
    _, cache = model.forward(X)
    assume(all(np.abs(z).min() > 1e-3 for z in cache["Z"][:-1]))  # h = 1e-5 never crosses 0
    _, grads = model.loss_and_grads(X, y)
    assume(all(np.abs(g).max() > 1e-3 for pair in grads for g in pair))  # see above
    for (dW, db), (nW, nb) in zip(grads, _numeric_grads(model, X, y)):
        assert rel_error(dW, nW) < 1e-7 and rel_error(db, nb) < 1e-7


def test_one_hot_and_integer_labels_give_the_same_gradients():
    model = MLP([3, 4, 3], activation="tanh")
    X, y = np.random.default_rng(0).normal(size=(6, 3)), np.array([0, 1, 2, 2, 1, 0])
    l1, g1 = model.loss_and_grads(X, y)
    l2, g2 = model.loss_and_grads(X, np.eye(3)[y])
    assert l1 == pytest.approx(l2)
    assert all(np.allclose(a, c) and np.allclose(b, d) for (a, b), (c, d) in zip(g1, g2))


def test_check_gradients_report_prints_a_table():
    model = MLP([2, 3, 2], activation="sigmoid")
    report = check_gradients(model, np.ones((2, 2)) * [[0.3, -0.2]], np.array([0, 1]))
    text = str(report)
    assert report.passed and report.max_rel_error < 1e-7
    assert "W1" in text and "b2" in text and "all passed" in text


def test_check_gradients_catches_a_broken_backward():
    model = MLP([2, 3, 2], activation="tanh")
    model.h_prime = lambda z: np.ones_like(z)  # forgot h'(a)
    X = np.random.default_rng(0).normal(size=(4, 2))
    report = check_gradients(model, X, np.array([0, 1, 1, 0]))
    assert not report.passed and "FAIL" in str(report)


def test_dense_layer_backward_matches_finite_differences():
    rng = np.random.default_rng(0)
    X, W, b = rng.normal(size=(3, 4)), rng.normal(size=(4, 2)), rng.normal(size=2)
    G = rng.normal(size=(3, 2))  # L = sum(G * O)
    O, cache = dense_forward(X, W, b)
    dX, dW, db = dense_backward(G, *cache)
    assert rel_error(dW, numerical_gradient(lambda v: np.sum(G * dense_forward(X, v, b)[0]), W)) < 1e-9
    assert rel_error(dX, numerical_gradient(lambda v: np.sum(G * dense_forward(v, W, b)[0]), X)) < 1e-9
    assert np.allclose(db, G.sum(axis=0))


def test_from_params_computes_the_given_function():
    W1, b1 = np.array([[1.0, -1.0]]), np.array([0.0, 0.5])
    W2, b2 = np.array([[2.0], [3.0]]), np.array([1.0])
    m = MLP.from_params([(W1, b1), (W2, b2)], activation="relu", output="identity")
    x = np.array([[0.25], [-1.0]])
    expected = np.maximum(x @ W1 + b1, 0) @ W2 + b2
    assert np.allclose(m.predict(x), expected)
    assert m.sizes == [1, 2, 1]


def test_regression_output_learns_a_line():
    x = np.linspace(-1, 1, 50)[:, None]
    m = MLP([1, 1], activation="identity", output="identity")
    sgd(m, x, 3 * x - 1, lr=0.5, batch_size=50, epochs=300)
    assert m.params[0][0][0, 0] == pytest.approx(3, abs=1e-4)
    assert m.params[0][1][0] == pytest.approx(-1, abs=1e-4)


def test_moons_reach_97_percent_within_2_seconds():
    X, y = make_dataset("moons", n=1000, noise=0.1, seed=0)
    model = MLP([2, 16, 16, 2], seed=0)
    start = time.perf_counter()
    hist = sgd(model, X, y, lr=0.1, batch_size=32, epochs=60, seed=0)
    seconds = time.perf_counter() - start
    assert hist.epoch_accuracy[-1] >= 0.97
    assert seconds < 2.0


def test_digits_64_32_10_reaches_95_percent_test_accuracy():
    Xtr, Xte, ytr, yte = load_digits_split(seed=0)
    model = MLP([64, 32, 10], seed=0)
    hist = sgd(model, Xtr, ytr, lr=0.1, batch_size=32, epochs=30, seed=0, X_val=Xte, Y_val=yte)
    assert hist.val_accuracy[-1] >= 0.95
    assert model.accuracy(Xte, yte) == pytest.approx(hist.val_accuracy[-1])


def test_float32_model_stays_float32():
    m = MLP([2, 3, 2], dtype=np.float32)
    out, _ = m.forward(np.ones((2, 2)))
    _, grads = m.loss_and_grads(np.ones((2, 2)), np.array([0, 1]))
    assert out.dtype == np.float32 and grads[0][0].dtype == np.float32


@pytest.mark.parametrize(
    "call, exc, pattern",
    [
        (lambda: MLP([3]), ValueError, "at least an input and an output"),
        (lambda: MLP([3, 0, 2]), ValueError, "positive int"),
        (lambda: MLP("784-15-10"), TypeError, "list of layer widths"),
        (lambda: MLP([2, 2], activation="relux"), ValueError, "choose one of: identity"),
        (lambda: MLP([2, 2], output="tanh"), ValueError, "softmax, sigmoid, identity"),
        (lambda: MLP([3, 2]).forward(np.ones((4, 2))), ValueError, r"X has 2 features.*\(n, 3\)"),
        (lambda: MLP([3, 2]).forward(np.ones(3)), ValueError, r"x\[None, :\]"),
        (lambda: MLP([3, 2]).loss(np.ones((4, 3)), np.array([0, 1, 2, 1])), ValueError, "0..1"),
        (lambda: MLP([3, 2]).loss(np.ones((4, 3)), np.array([0, 1])), ValueError, "rows"),
        (lambda: MLP([3, 2]).loss(np.ones((4, 3)), np.ones((4, 3))), ValueError, r"\(4, 2\)"),
        (lambda: MLP([3, 2]).forward(np.full((1, 3), np.nan)), ValueError, "NaN"),
        (lambda: MLP([3, 2]).forward([["a", "b", "c"]]), TypeError, "real numbers"),
        (lambda: MLP.from_params([(np.ones((2, 3)), np.ones(2))]), ValueError, r"b1 has 2"),
        (lambda: MLP.from_params([(np.ones((2, 3)), np.ones(3)), (np.ones((2, 1)), np.ones(1))]),
         ValueError, "W2 has shape"),
    ],
)
def test_bad_input_gets_a_clear_error(call, exc, pattern):
    with pytest.raises(exc, match=pattern):
        call()


# ---------------------------------------------- the lecture's classifier: sigmoid outputs
def test_sigmoid_output_delta_is_the_lectures_formula():
    """For 𝓛 = (1/n) Σ ½‖y − ẑ‖², ẑ = σ(O): δ⁽ᴸ⁾ = (ẑ − y) ⊙ ẑ(1 − ẑ) / n."""
    model = MLP([3, 4, 2], activation="sigmoid", output="sigmoid", seed=0)
    X = np.random.default_rng(0).normal(size=(5, 3))
    y = np.array([0, 1, 1, 0, 1])
    Zhat, cache = model.forward(X)
    Y = np.eye(2)[y]
    _, deltas = model.backward(cache, y)
    assert np.allclose(deltas[-1], (Zhat - Y) * Zhat * (1 - Zhat) / 5, atol=1e-15)
    assert model.loss(X, y) == pytest.approx(0.5 * np.sum((Y - Zhat) ** 2) / 5)


@pytest.mark.parametrize("activation", ["sigmoid", "tanh"])
def test_sigmoid_output_gradients_match_centred_differences(activation):
    model = MLP([3, 5, 3], activation=activation, output="sigmoid", seed=1)
    X = np.random.default_rng(1).normal(size=(6, 3))
    report = check_gradients(model, X, np.array([0, 1, 2, 2, 1, 0]))
    assert report.passed and report.max_rel_error < 1e-7, str(report)


def test_deltas_are_the_gradients_of_the_pre_activations():
    """δ⁽ˡ⁾ = ∂𝓛/∂Z⁽ˡ⁾, checked by perturbing Z⁽¹⁾ through the layer's bias for one sample."""
    model = MLP([2, 3, 2], activation="tanh", seed=2)
    X, y = np.random.default_rng(2).normal(size=(1, 2)), np.array([1])
    _, cache = model.forward(X)
    _, deltas = model.backward(cache, y)
    b1 = model.params[0][1]
    num = numerical_gradient(lambda _: model.loss(X, y), b1)  # with n = 1, ∂𝓛/∂b⁽¹⁾ = δ⁽¹⁾
    assert rel_error(deltas[0][0], num) < 1e-9


def test_numerical_gradient_perturbs_views_in_place():
    W = np.random.default_rng(3).normal(size=(3, 4))
    loss = lambda _: float(np.sum(W**2))  # noqa: E731
    assert np.allclose(numerical_gradient(loss, W.T), 2 * W.T, atol=1e-8)
    assert np.allclose(numerical_gradient(loss, W[:, 1:3]), 2 * W[:, 1:3], atol=1e-8)
    with pytest.raises(TypeError, match="float16"):
        numerical_gradient(loss, W.astype(np.float16))
    with pytest.raises(TypeError, match="h must be a number, got bool"):
        numerical_gradient(loss, W, h=True)
