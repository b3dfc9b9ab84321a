import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from mlplab.activations import (
    ACTIVATIONS,
    get_activation,
    relu,
    relu_grad,
    sigmoid,
    sigmoid_grad,
    tanh_grad,
)
from mlplab.gradcheck import numerical_gradient


def test_registry_names():
    assert sorted(ACTIVATIONS) == ["identity", "leaky_relu", "relu", "sigmoid", "tanh"]


def test_values_by_hand():
    x = np.array([-2.0, 0.0, 3.0])
    assert sigmoid(x)[1] == 0.5
    assert sigmoid(np.array([np.log(3.0)]))[0] == pytest.approx(0.75)
    assert relu(x).tolist() == [0.0, 0.0, 3.0]
    assert relu_grad(x).tolist() == [0.0, 0.0, 1.0]  # derivative 0 at the kink
    assert sigmoid_grad(np.array([0.0]))[0] == 0.25
    assert tanh_grad(np.array([0.0]))[0] == 1.0
    assert ACTIVATIONS["leaky_relu"].h(np.array([-1.0]))[0] == pytest.approx(-0.01)


def test_infinite_inputs_give_the_exact_limits_and_nan_is_refused():
    assert sigmoid(np.array([-np.inf, np.inf])).tolist() == [0.0, 1.0]
    assert relu(np.array([np.inf, -np.inf])).tolist() == [np.inf, 0.0]
    assert sigmoid_grad(np.array([np.inf])).tolist() == [0.0]
    with pytest.raises(ValueError, match="x contains 1 NaN"):
        sigmoid(np.array([0.0, np.nan]))


def test_a_record_is_one_entry_with_everything_the_mlp_needs():
    for name, act in ACTIVATIONS.items():
        assert act.name == name and act.init in ("he", "glorot")
        a = np.linspace(-3, 3, 13) + 0.05  # away from the kink at 0
        f, f_prime = act  # unpacks to (h, h')
        assert np.allclose(act.h_prime_from_h(f(a)), f_prime(a), atol=0, rtol=1e-12)
    assert ACTIVATIONS["relu"].init == "he" and ACTIVATIONS["tanh"].init == "glorot"


def test_sigmoid_is_finite_and_exact_for_huge_inputs():
    x = np.array([-1e4, -800.0, -40.0, 40.0, 800.0, 1e4])
    with np.errstate(over="raise", invalid="raise", divide="raise"):  # no overflow warnings either
        s = sigmoid(x)
    assert np.all(np.isfinite(s))
    assert s[0] == 0.0 and s[-1] == 1.0
    assert s[2] == pytest.approx(np.exp(-40.0), rel=1e-12)  # keeps relative precision


@pytest.mark.parametrize("name", sorted(ACTIVATIONS))
def test_derivatives_match_finite_differences(name):
    f, df = get_activation(name)
    x = np.array([-2.3, -0.7, 0.4, 1.9])  # away from the kink at 0
    for i in range(x.size):
        num = numerical_gradient(lambda v, i=i: f(v)[i], x.copy())
        assert num[i] == pytest.approx(df(x)[i], rel=1e-8, abs=1e-10)


@settings(max_examples=50, deadline=None)
@given(arrays(float, (5, 3), elements=st.floats(-1e4, 1e4)))
def test_sigmoid_range_property(x):
    s = sigmoid(x)
    assert np.all((s >= 0) & (s <= 1))
    assert np.allclose(s + sigmoid(-x), 1.0)


def test_unknown_activation_lists_valid_names():
    with pytest.raises(ValueError, match="unknown activation 'relux'; choose one of: identity, "
                                         "leaky_relu, relu, sigmoid, tanh"):
        get_activation("relux")


def test_activation_rejects_text_and_nan():
    with pytest.raises(TypeError, match="numeric"):
        relu("abc")
    with pytest.raises(ValueError, match="NaN"):
        sigmoid(np.array([1.0, np.nan]))


def test_adding_an_activation_is_adding_one_record(monkeypatch):
    """docs/CONTRIBUTING.md says one record in ACTIVATIONS is enough: softplus, added only
    there, is looked up by the MLP, passes the gradient check, trains through the fast path
    exactly as through the plain one, and appears in the explorers' menus."""
    import mlplab.activations as acts
    from mlplab import MLP, check_gradients, fast
    from mlplab.widgets import activation_explorer

    softplus = acts.Activation(
        "softplus",
        lambda a: np.logaddexp(0.0, a),
        lambda a: acts._sigmoid(a),
        lambda h: -np.expm1(-h),  # σ(a) = 1 − e^(−softplus(a))
    )
    monkeypatch.setitem(acts.ACTIVATIONS, "softplus", softplus)

    rng = np.random.default_rng(0)
    X, y = rng.normal(size=(12, 3)), rng.integers(0, 2, 12)
    net = MLP([3, 5, 2], activation="softplus", seed=1)
    assert net.act is softplus, "the MLP should look the new activation up by name"
    report = check_gradients(net, X, y)
    assert report.passed, f"backprop with softplus disagrees with centred differences:\n{report}"
    plain, _ = net.backward(net.forward(X)[1], y)
    quick = fast.loss_and_grads(net, X, y)[1]
    for (dW, db), (qW, qb) in zip(plain, quick):
        assert np.allclose(dW, qW, rtol=0, atol=1e-12) and np.allclose(db, qb, rtol=0, atol=1e-12), \
            "the fast path should equal the plain delta recursion for a new activation too"
    e = activation_explorer.show(activation="softplus")
    try:
        assert "softplus" in e.controls()["activation"].options, "the explorer's menu should list it"
    finally:
        e.close()
