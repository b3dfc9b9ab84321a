"""Bad input to any public function gets a clear error, never a NumPy traceback,
a hang or a silently wrong answer.

Each row is one bad call: the error type it must raise and the words its
message must contain (the argument's name and what was expected). Every
message must also say what it expected (or list the choices) and be a sentence.
"""

import re
import signal

import numpy as np
import pytest

import mlplab
from mlplab import activations as act
from mlplab import data, gradcheck, linear, losses, optim, plots
from mlplab import softmax as _softmax_module  # noqa: F401  (the module; mlplab.softmax is the function)
from mlplab.course import lesson
from mlplab.mlp import MLP, count_params, dense_backward, dense_forward

sm = __import__("importlib").import_module("mlplab.softmax")
rng = np.random.default_rng(0)
X4 = rng.normal(size=(4, 3))
W32, b2 = rng.normal(size=(3, 2)), rng.normal(size=2)
y4 = np.array([0, 1, 1, 0])
NET = MLP([3, 4, 2], activation="tanh", seed=0)
REG = MLP([3, 4, 1], activation="tanh", output="identity", seed=0)
P2 = np.array([[0.3, 0.7], [0.6, 0.4]])
Y2 = np.array([[0.0, 1.0], [1.0, 0.0]])
nan = np.nan
inf = np.inf


def _cache():
    return NET.forward(X4)[1]


BAD = [
    # ------------------------------------------------------------ activations
    (lambda: act.sigmoid(None), TypeError, "x"),
    (lambda: act.sigmoid("1.0"), TypeError, "x"),
    (lambda: act.sigmoid(np.array([1.0, nan])), ValueError, "NaN"),
    (lambda: act.relu([[1, 2], [3]]), TypeError, "x"),
    (lambda: act.relu(np.array([True, False])), TypeError, "x"),
    (lambda: act.tanh({"a": 1}), TypeError, "x"),
    (lambda: act.tanh_grad(np.array([], dtype=float)), ValueError, "empty"),
    (lambda: act.relu_grad(np.array([1.0], dtype=np.float16)), TypeError, "float16"),
    (lambda: act.sigmoid_grad(np.array(["a"])), TypeError, "x"),
    (lambda: act.leaky_relu(np.array([1 + 2j])), TypeError, "x"),
    (lambda: act.identity(object()), TypeError, "x"),
    (lambda: mlplab.get_activation("relux"), ValueError, "relux"),
    (lambda: mlplab.get_activation(None), TypeError, "activation"),
    (lambda: mlplab.get_activation(3), TypeError, "activation"),
    (lambda: act.Activation("x", np.abs, np.sign, np.sign, init="xavier"), ValueError, "init"),
    # ---------------------------------------------------------------- softmax
    (lambda: sm.softmax(None), TypeError, "O"),
    (lambda: sm.softmax(np.zeros((2, 2, 2, 2))), ValueError, "O"),
    (lambda: sm.softmax(X4, axis=5), ValueError, "axis"),
    (lambda: sm.softmax(X4, axis="rows"), ValueError, "axis"),
    (lambda: sm.softmax(np.array([[1.0, inf]])), ValueError, "O"),
    (lambda: sm.log_softmax("abc"), TypeError, "O"),
    (lambda: sm.log_softmax(np.empty((0, 3))), ValueError, "empty"),
    (lambda: sm.one_hot(y4, 0), ValueError, "k"),
    (lambda: sm.one_hot(y4, 1), ValueError, "labels"),
    (lambda: sm.one_hot(y4, 2.0), ValueError, "k"),
    (lambda: sm.one_hot(y4, True), ValueError, "k"),
    (lambda: sm.one_hot(np.array([0.5, 1.0]), 2), ValueError, "whole-number"),
    (lambda: sm.one_hot(np.array([-1, 0]), 2), ValueError, "labels"),
    (lambda: sm.one_hot(np.array([[0, 1]]), 2), ValueError, "1-D"),
    (lambda: sm.one_hot(np.array(["a", "b"]), 2), TypeError, "integer"),
    (lambda: sm.one_hot(np.zeros(10, dtype=int), 10**12), ValueError, "one-hot"),
    (lambda: sm.predict_labels(np.ones(3)), ValueError, "P"),
    (lambda: sm.predict_labels(None), TypeError, "P"),
    # ----------------------------------------------------------------- linear
    (lambda: linear.linear_forward(X4, W32.T, b2), ValueError, "W"),
    (lambda: linear.linear_forward(X4, W32, b2[:1]), ValueError, "b"),
    (lambda: linear.linear_forward(X4[0], W32, b2), ValueError, "X"),
    (lambda: linear.linear_forward(X4, W32, np.ones((2, 1))), ValueError, "b"),
    (lambda: linear.linear_forward(X4, "W", b2), TypeError, "W"),
    (lambda: linear.linear_forward(np.empty((0, 3)), W32, b2), ValueError, "empty"),
    (lambda: linear.add_bias_column(np.ones(3)), ValueError, "X"),
    (lambda: linear.add_bias_column(None), TypeError, "X"),
    (lambda: linear.lstsq_pinv(X4, np.ones(5)), ValueError, "rows"),
    (lambda: linear.lstsq_pinv(X4, np.array([1.0, nan, 0, 0])), ValueError, "NaN"),
    (lambda: linear.linreg_gradient(X4, np.ones(4), np.ones(2)), ValueError, "beta"),
    (lambda: linear.linreg_gradient(X4, np.ones(4), np.ones(3), kind="l1"), ValueError, "kind"),
    (lambda: linear.linreg_loss(X4, np.ones(4), np.ones((3, 1))), ValueError, "beta"),
    (lambda: linear.linreg_loss(X4, np.ones(3), np.ones(3)), ValueError, "rows"),
    (lambda: linear.LinearRegression(0), ValueError, "d"),
    (lambda: linear.LinearRegression(2.5), TypeError, "d"),
    (lambda: linear.LinearRegression(3, kind="abs"), ValueError, "kind"),
    (lambda: linear.LinearRegression(3, beta=np.ones(2)), ValueError, "beta"),
    (lambda: linear.LinearRegression(3).loss_and_grads(X4[:, :2], np.ones(4)), ValueError, "X"),
    (lambda: linear.LinearRegression(3).loss_and_grads(X4, np.ones((4, 2))), ValueError, "y"),
    # ----------------------------------------------------------------- losses
    (lambda: losses.mse(np.ones(3), np.ones((3, 1))), ValueError, "shape"),
    (lambda: losses.mse(None, np.ones(3)), TypeError, "Yhat"),
    (lambda: losses.mse_grad(np.ones(2), np.ones(3)), ValueError, "shape"),
    (lambda: losses.cross_entropy(P2, -Y2), ValueError, "one-hot"),
    (lambda: losses.cross_entropy(P2, 2 * Y2), ValueError, "one-hot"),
    (lambda: losses.cross_entropy(Y2, P2), ValueError, "swap"),
    (lambda: losses.cross_entropy(P2, Y2, from_logits="no"), TypeError, "from_logits"),
    (lambda: losses.cross_entropy(P2 * 2, Y2), ValueError, "probabilities"),
    (lambda: losses.cross_entropy(np.array([[0.5, 0.6], [0.5, 0.5]]), Y2), ValueError, "sum to 1"),
    (lambda: losses.cross_entropy(P2, np.array([0, 2])), ValueError, "labels"),
    (lambda: losses.cross_entropy(P2, np.array([0, 1, 1])), ValueError, "labels"),
    (lambda: losses.cross_entropy(np.empty((0, 2)), np.empty((0, 2))), ValueError, "empty"),
    (lambda: losses.cross_entropy(P2, Y2[:, :1]), ValueError, "shape"),
    (lambda: losses.softmax_cross_entropy(np.ones(3), np.array([0])), ValueError, "logits"),
    (lambda: losses.softmax_cross_entropy(X4[:, :2], np.array([0, 1])), ValueError, "labels"),
    (lambda: losses.get_output("tanh"), ValueError, "output"),
    # -------------------------------------------------------------------- MLP
    (lambda: MLP({3, 2}), TypeError, "sizes"),
    (lambda: MLP("3-2"), TypeError, "sizes"),
    (lambda: MLP([3]), ValueError, "sizes"),
    (lambda: MLP([3, 0]), ValueError, "width"),
    (lambda: MLP([3, 2.5]), ValueError, "width"),
    (lambda: MLP([3, True]), ValueError, "width"),
    (lambda: MLP([3, 10**9]), ValueError, "MLP"),
    (lambda: MLP([3, 2], activation="sigmoidd"), ValueError, "sigmoidd"),
    (lambda: MLP([3, 2], output="tanh"), ValueError, "output"),
    (lambda: MLP([3, 2], seed=1.5), TypeError, "seed"),
    (lambda: MLP([3, 2], seed=-3), ValueError, "seed"),
    (lambda: MLP([3, 2], dtype=np.int32), TypeError, "dtype"),
    (lambda: MLP.from_params([]), TypeError, "params"),
    (lambda: MLP.from_params([(W32, b2), (W32, b2)]), ValueError, "W2"),
    (lambda: MLP.from_params([(W32, np.ones(3))]), ValueError, "b1"),
    (lambda: MLP.from_params([W32]), TypeError, "params"),
    (lambda: NET.forward(X4[:, :2]), ValueError, "features"),
    (lambda: NET.forward(X4[0]), ValueError, "X"),
    (lambda: NET.forward(np.empty((0, 3))), ValueError, "empty"),
    (lambda: NET.loss(X4, np.array([0, 1, 2, 0])), ValueError, "labels"),
    (lambda: NET.loss(X4, y4[:3]), ValueError, "rows"),
    (lambda: NET.loss(X4, 2 * np.eye(2)[y4]), ValueError, "one-hot"),
    (lambda: NET.loss(X4, np.eye(3)[[0, 1, 2, 0]]), ValueError, "shape"),
    (lambda: NET.loss_and_grads(X4, None), ValueError, "Y"),
    (lambda: NET.backward({"Z": []}, y4), TypeError, "cache"),
    (lambda: NET.accuracy(X4, None), ValueError, "Y"),
    (lambda: optim.sgd(NET, X4, None, 0.1, 2, 1), ValueError, "Y"),
    (lambda: NET.backward(_cache(), y4[:2]), ValueError, "rows"),
    (lambda: NET.accuracy(X4, np.array([0, 5, 1, 0])), ValueError, "labels"),
    (lambda: REG.accuracy(X4, np.ones(4)), ValueError, "accuracy"),
    (lambda: REG.predict_proba(X4), ValueError, "predict_proba"),
    (lambda: REG.loss(X4, np.ones((4, 2))), ValueError, "shape"),
    (lambda: count_params([2]), ValueError, "sizes"),
    (lambda: count_params(None), TypeError, "sizes"),
    (lambda: dense_forward(X4, W32.T, b2), ValueError, "W"),
    (lambda: dense_backward(np.ones((4, 5)), X4, W32), ValueError, "dO"),
    (lambda: dense_backward(np.ones((4, 2)), X4, W32.T), ValueError, "W"),
    # --------------------------------------------------------------- gradcheck
    (lambda: gradcheck.numerical_gradient(lambda v: 0.0, [1.0, 2.0]), TypeError, "x"),
    (lambda: gradcheck.numerical_gradient(lambda v: 0.0, np.ones(2), h=0), ValueError, "h"),
    (lambda: gradcheck.numerical_gradient(lambda v: 0.0, np.ones(2), h=True), TypeError, "h"),
    (lambda: gradcheck.numerical_gradient(lambda v: 0.0, np.ones(2), h="1e-5"), TypeError, "h"),
    (lambda: gradcheck.numerical_gradient(lambda v: 0.0, np.ones(2, np.float16)), TypeError, "float16"),
    (lambda: gradcheck.numerical_gradient(lambda v: 0.0, np.ones(2, int)), TypeError, "x"),
    (lambda: gradcheck.numerical_gradient(None, np.ones(2)), TypeError, "f"),
    (lambda: gradcheck.numerical_gradient(lambda v: v, np.ones(2)), ValueError, "single number"),
    (lambda: gradcheck.rel_error(np.ones(2), np.ones(3)), ValueError, "shape"),
    (lambda: gradcheck.rel_error("a", np.ones(3)), TypeError, "a"),
    (lambda: gradcheck.check_gradients("not a model", X4, y4), TypeError, "model"),
    (lambda: gradcheck.check_gradients(NET, X4, y4, tol=-1), ValueError, "tol"),
    (lambda: gradcheck.check_gradients(NET, X4, y4, h=0.0), ValueError, "h"),
    # ------------------------------------------------------------------ optim
    (lambda: optim.gradient_descent(None, 1.0, 0.1, 3), TypeError, "grad_fn"),
    (lambda: optim.gradient_descent(lambda x: 2 * x, 1.0, 0, 3), ValueError, "lr"),
    (lambda: optim.gradient_descent(lambda x: 2 * x, 1.0, -0.1, 3), ValueError, "lr"),
    (lambda: optim.gradient_descent(lambda x: 2 * x, 1.0, "0.1", 3), TypeError, "lr"),
    (lambda: optim.gradient_descent(lambda x: 2 * x, 1.0, 0.1, 2.5), TypeError, "steps"),
    (lambda: optim.gradient_descent(lambda x: 2 * x, 1.0, 0.1, 10**9), ValueError, "steps"),
    (lambda: optim.gradient_descent(lambda x: 2 * x, np.ones((2, 2)), 0.1, 3), ValueError, "x0"),
    (lambda: optim.gradient_descent(lambda x: 2 * x, nan, 0.1, 3), ValueError, "x0"),
    (lambda: optim.gradient_descent(lambda x: None, 1.0, 0.1, 3), TypeError, "return"),
    (lambda: optim.gradient_descent(lambda x: x * nan, 1.0, 0.1, 3), ValueError, "NaN"),
    (lambda: optim.gradient_descent(lambda x: x + 1j, 1.0, 0.1, 3), TypeError, "complex"),
    (lambda: optim.gradient_descent(lambda x: 2 * x, 1.0, 0.1, 3, callback=5), TypeError, "callback"),
    (lambda: optim.minibatches(0, 2, 0), ValueError, "n"),
    (lambda: optim.minibatches(10, 0, 0), ValueError, "batch_size"),
    (lambda: optim.minibatches(10, 2, "seed"), TypeError, "rng"),
    (lambda: optim.sgd(NET, X4, y4, 0.1, 0, 1), ValueError, "batch_size"),
    (lambda: optim.sgd(NET, X4, y4, 0.1, 2, -1), ValueError, "epochs"),
    (lambda: optim.sgd(NET, X4, y4, 0.1, 2, 10**9), ValueError, "epochs"),
    (lambda: optim.sgd(NET, X4, y4, 0.1, 2, 1, seed="a"), TypeError, "seed"),
    (lambda: optim.sgd(NET, X4, y4, 0.1, 2, 1, X_val=X4), ValueError, "X_val"),
    (lambda: optim.sgd(NET, X4, y4, 0.1, 2, 1, on_step=3), TypeError, "on_step"),
    (lambda: optim.sgd([1, 2], X4, y4, 0.1, 2, 1), TypeError, "model"),
    (lambda: optim.adam(NET, X4, y4, lr=0), ValueError, "lr"),
    (lambda: optim.adam(NET, X4, y4, beta1=1.0), ValueError, "beta1"),
    (lambda: optim.adam(NET, X4, y4, eps=-1), ValueError, "eps"),
    (lambda: optim.adam(NET, X4, y4, steps=-2), ValueError, "steps"),
    # ------------------------------------------------------------------- data
    (lambda: data.target_function("sin"), ValueError, "target"),
    (lambda: data.make_regression_1d("sine", n=0), ValueError, "n"),
    (lambda: data.make_regression_1d("sine", noise=-1), ValueError, "noise"),
    (lambda: data.make_regression_1d("sine", noise=inf), ValueError, "noise"),
    (lambda: data.make_regression_1d("sine", grid="yes"), TypeError, "grid"),
    (lambda: data.make_dataset("moon"), ValueError, "dataset"),
    (lambda: data.make_dataset("moons", n=10**10), ValueError, "n"),
    (lambda: data.make_dataset("moons", n=2.5), TypeError, "n"),
    (lambda: data.make_dataset("moons", seed=-1), ValueError, "seed"),
    (lambda: data.make_dataset("moons", seed="0"), TypeError, "seed"),
    (lambda: data.make_dataset("moons", noise="0.1"), TypeError, "noise"),
    (lambda: data.make_blobs(k=0), ValueError, "k"),
    (lambda: data.make_spirals(k=0), ValueError, "k"),
    (lambda: data.make_spirals(turns=0), ValueError, "turns"),
    (lambda: data.make_circles(factor=2.0), ValueError, "factor"),
    (lambda: data.train_test_split(X4, 5), ValueError, "y"),
    (lambda: data.train_test_split(X4, y4, test_size="0.2"), TypeError, "test_size"),
    (lambda: data.train_test_split(X4, y4, test_size=1.5), ValueError, "test_size"),
    (lambda: data.train_test_split(X4, y4[:3]), ValueError, "rows"),
    (lambda: data.train_test_split(X4[:1], y4[:1]), ValueError, "X"),
    (lambda: data.load_digits_split(test_size=0), ValueError, "test_size"),
    # ------------------------------------------------------------------ plots
    (lambda: plots.decision_grid(NET.predict, X4), ValueError, "columns"),
    (lambda: plots.decision_grid(None, X4[:, :2]), TypeError, "predict"),
    (lambda: plots.decision_grid(lambda G: G[:, 0], X4[:, :2], resolution=10**5), ValueError, "resolution"),
    (lambda: plots.decision_grid(lambda G: G[:, 0], X4[:, :2], resolution=1), ValueError, "resolution"),
    (lambda: plots.decision_grid(lambda G: G[:3, 0], X4[:, :2]), ValueError, "predict"),
    (lambda: plots.plot_fit_1d(np.arange(5.0), np.arange(4.0)), ValueError, "y_true"),
    (lambda: plots.plot_fit_1d(np.arange(5.0), np.arange(5.0), np.arange(3.0)), ValueError, "y_pred"),
    (lambda: plots.plot_loss("loss"), TypeError, "losses"),
    (lambda: plots.plot_loss([]), ValueError, "losses"),
    (lambda: plots.plot_decision_regions(NET, X4[:, :2], y4[:3]), ValueError, "rows"),
    (lambda: plots.network_diagram([2, 0, 1]), ValueError, "width"),
    (lambda: plots.network_diagram("784-15-10"), TypeError, "sizes"),
    (lambda: plots.network_diagram([2, 3], max_nodes=10**6), ValueError, "max_nodes"),
    (lambda: plots.network_diagram([2, 3], max_nodes=2), ValueError, "max_nodes"),
    (lambda: plots.network_diagram([2, 3], layer_names="in out"), TypeError, "layer_names"),
    (lambda: plots.network_diagram([(W32, b2), (W32, b2)]), ValueError, "W2"),
    # --------------------------------------------------------- course, language
    (lambda: mlplab.set_language("fr"), ValueError, "language"),
    (lambda: mlplab.set_language(None), ValueError, "language"),
    (lambda: lesson("11"), ValueError, "lesson"),
    (lambda: mlplab.exercises.check("softmx"), ValueError, "exercise"),
    (lambda: mlplab.exercises.hint(3), ValueError, "exercise"),
    (lambda: mlplab.exercises.solution("nope"), ValueError, "exercise"),
]

EXPECTS = re.compile(r"expected|must|choose one of|needs|should|did you|use ", re.I)


class _Hang(Exception):
    pass


def _alarm(signum, frame):
    raise _Hang


def test_there_are_at_least_150_bad_calls():
    assert len(BAD) >= 150


@pytest.mark.parametrize("call, error, words", BAD, ids=[f"bad{i:03d}" for i in range(len(BAD))])
def test_bad_input_gets_a_clear_error(call, error, words):
    old = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(20)  # nothing here may hang
    try:
        with pytest.raises((ValueError, TypeError)) as info:
            call()
    except _Hang:
        pytest.fail("the call hung (> 20 s)")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
    message = str(info.value)
    assert info.type is error, f"{info.type.__name__}: {message}"
    assert words.lower() in message.lower(), message
    assert EXPECTS.search(message), f"does not say what was expected: {message}"
    assert len(message) > 30, message
    tb = info.value.__traceback__
    while tb.tb_next is not None:
        tb = tb.tb_next
    raised_in = tb.tb_frame.f_code.co_filename
    assert "mlplab" in raised_in and "numpy" not in raised_in, f"raised inside {raised_in}"
