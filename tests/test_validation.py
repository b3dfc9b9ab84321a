"""A bad call anywhere in the public API raises ValueError/TypeError with a
message, never a bare NumPy error (IndexError, AxisError, LinAlgError...)."""

import importlib

import numpy as np
import pytest

import mlplab
from mlplab import activations, data, gradcheck, linear, losses, optim
from mlplab.mlp import MLP, count_params, dense_backward

sm = importlib.import_module("mlplab.softmax")  # the module (mlplab.softmax is the function)

BAD_ARRAYS = [None, "abc", np.array([1.0, np.nan]), np.array([[np.inf]]), [[1, 2], [3]],
              np.zeros((2, 2, 2, 2)), np.array([True, False]), {"a": 1}]

ONE_ARRAY_FUNCS = [
    ("sigmoid", activations.sigmoid), ("relu", activations.relu),
    ("tanh_grad", activations.tanh_grad), ("softmax", sm.softmax),
    ("log_softmax", sm.log_softmax), ("predict_labels", sm.predict_labels),
    ("add_bias_column", linear.add_bias_column),
    ("MLP.forward", MLP([2, 2]).forward), ("MLP.predict", MLP([2, 2]).predict),
]


@pytest.mark.parametrize("bad", BAD_ARRAYS, ids=repr)
@pytest.mark.parametrize("name, fn", ONE_ARRAY_FUNCS, ids=[n for n, _ in ONE_ARRAY_FUNCS])
def test_single_array_entry_points(name, fn, bad):
    elementwise = name in ("sigmoid", "relu", "tanh_grad")
    if elementwise and isinstance(bad, np.ndarray) and (bad.ndim == 4 or np.isinf(bad).any()):
        return  # elementwise maps accept any rank, and ±inf (their answers there are exact)
    with pytest.raises((ValueError, TypeError)) as info:
        fn(bad)
    assert len(str(info.value)) > 20  # a sentence, not a bare code


def _ok():
    rng = np.random.default_rng(0)
    return rng.normal(size=(4, 3)), rng.normal(size=(3, 2)), rng.normal(size=2)


PAIR_CALLS = [
    lambda X, W, b: linear.linear_forward(X, W.T, b),
    lambda X, W, b: linear.linear_forward(X, W, b[:1]),
    lambda X, W, b: linear.linear_forward(X[0], W, b),
    lambda X, W, b: linear.lstsq_pinv(X, np.ones(5)),
    lambda X, W, b: linear.linreg_gradient(X, np.ones(4), np.ones((3, 1))),
    lambda X, W, b: losses.mse(X, X[:, :2]),
    lambda X, W, b: losses.mse_grad(X, X.T),
    lambda X, W, b: losses.cross_entropy(sm.softmax(X), np.array([0, 1, 2])),
    lambda X, W, b: losses.cross_entropy(sm.softmax(X), np.array([0, 1, 2, 3])),
    lambda X, W, b: losses.cross_entropy(sm.softmax(X), np.array([0.5, 1, 2, 0])),
    lambda X, W, b: losses.softmax_cross_entropy(X, np.ones((4, 2))),
    lambda X, W, b: losses.softmax_cross_entropy(X, np.array(["a", "b", "c", "d"])),
    lambda X, W, b: sm.one_hot(np.array([[0, 1]]), 2),
    lambda X, W, b: sm.one_hot(np.array([-1, 0]), 2),
    lambda X, W, b: sm.one_hot(np.array([0, 1]), 2.5),
    lambda X, W, b: dense_backward(np.ones((4, 5)), X, W),
    lambda X, W, b: count_params([3, -1]),
    lambda X, W, b: count_params(7),
    lambda X, W, b: gradcheck.rel_error(X, W),
    lambda X, W, b: gradcheck.numerical_gradient(lambda v: v, np.ones(2)),
    lambda X, W, b: gradcheck.numerical_gradient("f", np.ones(2)),
    lambda X, W, b: optim.gradient_descent(lambda v: v, np.ones((2, 2)), 0.1, 3),
    lambda X, W, b: optim.gradient_descent(lambda v: v, 1.0, float("nan"), 3),
    lambda X, W, b: optim.gradient_descent(lambda v: v, 1.0, 0.1, -3),
    lambda X, W, b: optim.minibatches(-5, 2, 0),
    lambda X, W, b: optim.sgd("model", X, np.zeros(4, int), 0.1, 2, 1),
    lambda X, W, b: optim.sgd(MLP([3, 2]), X, np.zeros(3, int), 0.1, 2, 1),
    lambda X, W, b: MLP([3, 2], seed="zero"),
    lambda X, W, b: MLP([3, 2]).backward({}, np.zeros(4, int)),
    lambda X, W, b: MLP([3, 1], output="identity").loss(X, np.ones((4, 2))),
    lambda X, W, b: MLP([3, 2]).predict_proba(X[:, :2]),
    lambda X, W, b: data.make_dataset("moons", n=0),
    lambda X, W, b: data.make_regression_1d("sine", n=10, noise=float("inf")),
    lambda X, W, b: data.train_test_split(X, np.ones(3)),
    lambda X, W, b: data.train_test_split(X, np.ones(4), test_size=1.5),
    lambda X, W, b: mlplab.get_activation(None),
]


@pytest.mark.parametrize("call", PAIR_CALLS, ids=[f"call{i}" for i in range(len(PAIR_CALLS))])
def test_mismatched_calls_raise_clear_errors(call):
    with pytest.raises((ValueError, TypeError)) as info:
        call(*_ok())
    assert len(str(info.value)) > 20
