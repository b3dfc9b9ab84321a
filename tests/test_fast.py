"""mlplab.fast (every speed trick) gives what the readable path gives, to 1e-12."""

import itertools

import numpy as np
import pytest

from mlplab import MLP, fast
from mlplab.activations import ACTIVATIONS

CASES = list(itertools.product(sorted(ACTIVATIONS), ["softmax", "sigmoid", "identity"]))


def _data(model, n=9, seed=0, labels=True):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, model.sizes[0]))
    k = model.sizes[-1]
    if model.out.classes:
        y = rng.integers(0, k, size=n)
        return X, (y if labels else np.eye(k)[y])
    return X, rng.normal(size=(n, k))


def _close(a, b):
    return np.max(np.abs(np.asarray(a) - np.asarray(b))) <= 1e-12 * max(1.0, np.max(np.abs(b)))


@pytest.mark.parametrize("activation, output", CASES)
@pytest.mark.parametrize("labels", [True, False])
def test_loss_and_grads_equal_the_plain_path(activation, output, labels):
    model = MLP([3, 5, 4, 3], activation=activation, output=output, seed=1)
    X, Y = _data(model, labels=labels)
    loss, grads = model.loss_and_grads(X, Y)
    X, Y = model.check_inputs(X, Y)
    f_loss, f_grads = fast.loss_and_grads(model, X, Y)
    assert f_loss == pytest.approx(loss, rel=1e-12, abs=1e-15)
    for (dW, db), (fW, fb) in zip(grads, f_grads):
        assert _close(fW, dW) and _close(fb, db)


@pytest.mark.parametrize("activation, output", CASES)
def test_sgd_step_is_w_minus_lr_times_the_plain_gradient(activation, output):
    model = MLP([2, 4, 3], activation=activation, output=output, seed=2)
    X, Y = _data(model, n=6)
    _, grads = model.loss_and_grads(X, Y)
    expected = [(W - 0.3 * dW, b - 0.3 * db) for (W, b), (dW, db) in zip(model.params, grads)]
    fast.sgd_step(model, *model.check_inputs(X, Y), 0.3)
    for (W, b), (eW, eb) in zip(model.params, expected):
        assert _close(W, eW) and _close(b, eb)


@pytest.mark.parametrize("activation, output", CASES)
def test_sgd_step_with_a_handed_in_forward_pass_is_the_same_step(activation, output):
    """Trick 6: the full-batch loop hands the end-of-epoch forward pass to the next step."""
    nets = [MLP([3, 5, 2], activation=activation, output=output, seed=4) for _ in range(2)]
    X, Y = nets[0].check_inputs(*_data(nets[0], n=7))
    for _ in range(3):
        losses = [fast.sgd_step(nets[0], X, Y, 0.2),
                  fast.sgd_step(nets[1], X, Y, 0.2, forward_pass=fast.forward(nets[1], X))]
        assert losses[0] == losses[1]
        for (W, b), (V, c) in zip(*(net.params for net in nets)):
            assert np.array_equal(W, V) and np.array_equal(b, c)


@pytest.mark.parametrize("output", ["softmax", "sigmoid", "identity"])
def test_forward_and_evaluate_match_the_plain_path(output):
    model = MLP([2, 6, 3], activation="tanh", output=output, seed=3)
    X, Y = _data(model)
    out, cache = model.forward(X)
    O, f_cache = fast.forward(model, *model.check_inputs(X)[:1])
    assert _close(model.out.f(O), out)
    for a, b in zip(f_cache["H"], cache["H"]):
        assert _close(a, b)
    loss, acc, _ = fast.evaluate(model, *model.check_inputs(X, Y))
    assert loss == pytest.approx(model.loss(X, Y), rel=1e-12)
    if model.out.classes:
        assert acc == model.accuracy(X, Y)
    else:
        assert acc is None


def test_fused_softmax_cross_entropy_survives_rows_far_below_the_batch_max():
    O = np.array([[1000.0, 0.0], [-1000.0, -1001.0]])  # row 2 underflows under one shared shift
    y = np.array([0, 1])
    loss, delta = fast.softmax_cross_entropy(O, y)
    model = MLP([2, 2], output="softmax")
    plain_loss, plain_delta = model.out.loss_and_delta(O, np.eye(2)[y])
    assert loss == pytest.approx(plain_loss, rel=1e-12) and _close(delta, plain_delta)
