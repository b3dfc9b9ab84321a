import re

import numpy as np
import pytest

from mlplab.data import make_dataset
from mlplab.linear import LinearRegression, add_bias_column, linreg_gradient, lstsq_pinv
from mlplab.mlp import MLP
from mlplab.optim import adam, gradient_descent, minibatches, sgd


def test_gradient_descent_on_a_quadratic_by_hand():
    # f = x², f' = 2x: x_{t+1} = (1 - 2 lr) x_t
    path = gradient_descent(lambda x: 2 * x, 1.0, lr=0.25, steps=3)
    assert path.tolist() == [1.0, 0.5, 0.25, 0.125]


def test_divergence_beyond_two_over_curvature():
    # curvature f'' = 2: lr < 1 converges, lr > 1 diverges
    assert abs(gradient_descent(lambda x: 2 * x, 1.0, 0.99, 500)[-1]) < 1e-2
    assert abs(gradient_descent(lambda x: 2 * x, 1.0, 1.01, 500)[-1]) > 1e2


def test_overflowing_path_stops_at_last_finite_point():
    path = gradient_descent(lambda x: 2 * x, 1.0, lr=1e10, steps=100)
    assert len(path) < 101 and np.all(np.isfinite(path))


def test_gradient_descent_vector():
    path = gradient_descent(lambda v: np.array([2 * v[0], 20 * v[1]]), np.array([1.0, 1.0]), 0.05, 200)
    assert path.shape == (201, 2) and np.abs(path[-1]).max() < 1e-8


def test_minibatches_partition_and_reproducibility():
    batches = minibatches(10, 4, np.random.default_rng(0))
    assert [len(b) for b in batches] == [4, 4, 2]
    assert sorted(np.concatenate(batches).tolist()) == list(range(10))
    again = minibatches(10, 4, np.random.default_rng(0))
    assert all(np.array_equal(a, b) for a, b in zip(batches, again))
    assert np.concatenate(batches).tolist() != list(range(10))  # shuffled


def test_sgd_history_and_determinism():
    X, y = make_dataset("blobs", n=90, seed=0)
    runs = []
    for _ in range(2):
        m = MLP([2, 8, 3], seed=0)
        runs.append((sgd(m, X, y, lr=0.2, batch_size=16, epochs=5, seed=3), m))
    (h1, m1), (h2, m2) = runs
    assert len(h1.step_loss) == 5 * 6 and len(h1.epoch_loss) == 5 == len(h1.epoch_accuracy)
    assert h1.step_loss == h2.step_loss
    assert np.array_equal(m1.params[0][0], m2.params[0][0])
    assert h1.epoch_loss[-1] < h1.epoch_loss[0]


def test_full_batch_loss_is_monotone_for_a_small_lr():
    X, y = make_dataset("moons", n=200, seed=0)
    h = sgd(MLP([2, 8, 2], activation="tanh"), X, y, lr=0.1, batch_size=200, epochs=50)
    assert np.all(np.diff(h.step_loss) < 0)


def test_too_large_learning_rate_stops_and_says_diverged():
    x = np.linspace(-1, 1, 20)[:, None]
    m = MLP([1, 1], activation="identity", output="identity")
    h = sgd(m, x, 5 * x, lr=100.0, batch_size=20, epochs=200)
    assert h.diverged and len(h.epoch_loss) < 200


def test_callback_can_stop_training():
    X, y = make_dataset("xor", n=40)
    h = sgd(MLP([2, 4, 2]), X, y, 0.1, 8, 10, callback=lambda epoch, hist: epoch == 2)
    assert len(h.epoch_loss) == 3


@pytest.mark.parametrize(
    "kwargs, exc, pattern",
    [
        ({"lr": 0.0}, ValueError, "lr must be > 0"),
        ({"lr": -1.0}, ValueError, "lr must be > 0"),
        ({"batch_size": 0}, ValueError, "batch_size must be > 0"),
        ({"batch_size": 2.5}, TypeError, "batch_size must be an integer"),
        ({"epochs": -1}, ValueError, "epochs must be >= 0"),
    ],
)
def test_sgd_rejects_bad_hyperparameters(kwargs, exc, pattern):
    X, y = make_dataset("xor", n=20)
    args = {"lr": 0.1, "batch_size": 4, "epochs": 1} | kwargs
    with pytest.raises(exc, match=pattern):
        sgd(MLP([2, 3, 2]), X, y, **args)


def test_minibatches_rejects_bad_rng_and_sizes():
    with pytest.raises(TypeError, match="default_rng"):
        minibatches(10, 2, rng="seed")
    with pytest.raises(ValueError, match="batch_size must be > 0"):
        minibatches(10, 0, np.random.default_rng(0))


def test_gradient_descent_rejects_wrong_gradient_shape():
    with pytest.raises(ValueError, match="same shape as x"):
        gradient_descent(lambda v: np.zeros(3), np.zeros(2), 0.1, 2)


# ------------------------------------------------------------- callbacks, adam, other models
def test_gradient_descent_callback_records_and_stops():
    seen = []
    path = gradient_descent(lambda x: 2 * x, 1.0, lr=0.1, steps=50,
                            callback=lambda t, x: seen.append((t, float(x))) or t == 5)
    assert [t for t, _ in seen] == [1, 2, 3, 4, 5] and len(path) == 6
    assert seen[0][1] == pytest.approx(0.8) and path[-1] == pytest.approx(0.8**5)


@pytest.mark.parametrize("grad_fn, error, text", [
    (lambda x: None, TypeError, "returned None — did you forget `return`"),
    (lambda x: np.array(np.nan), ValueError, "returned NaN at step 1"),
    (lambda x: np.array(1j), TypeError, "complex"),
    (lambda x: "up", TypeError, "dtype"),
    (lambda x: np.ones(3), ValueError, "returned shape (3,)"),
])
def test_a_broken_gradient_function_is_named(grad_fn, error, text):
    with pytest.raises(error, match=re.escape(text)):
        gradient_descent(grad_fn, 1.0, lr=0.1, steps=3)


def test_divergence_still_stops_quietly():
    path = gradient_descent(lambda x: x**3, 10.0, lr=1.0, steps=50)
    assert np.all(np.isfinite(path)) and len(path) < 51


def test_sgd_on_steps_sees_every_update():
    X, y = make_dataset("blobs", n=40, seed=0)
    losses = []
    h = sgd(MLP([2, 3]), X, y, 0.1, 8, 3, on_step=lambda step, loss: losses.append((step, loss)))
    assert [s for s, _ in losses] == list(range(1, 16)) and [l for _, l in losses] == h.step_loss


def test_adam_fits_a_line_and_matches_the_update_rule_by_hand():
    rng = np.random.default_rng(0)
    X = add_bias_column(rng.normal(size=(30, 1)))
    y = X @ np.array([0.5, -2.0]) + 0.01 * rng.normal(size=30)
    model = LinearRegression(2)
    h = adam(model, X, y, lr=0.1, steps=400)
    assert h.step_loss[-1] < 1e-3 < h.step_loss[0]
    assert np.allclose(model.beta, lstsq_pinv(X, y), atol=1e-2)
    # one step by hand: m = 0.1 g, v = 0.001 g², m̂ = g, v̂ = g², step = λ g/(|g| + ε)
    model = LinearRegression(2)
    g = linreg_gradient(X, y, np.zeros(2))
    adam(model, X, y, lr=0.1, steps=1)
    assert np.allclose(model.beta, -0.1 * g / (np.abs(g) + 1e-8))


def test_adam_trains_an_mlp_and_the_callback_can_stop_it():
    X, y = make_dataset("moons", n=200, seed=0)
    model = MLP([2, 16, 2], activation="tanh", seed=0)
    h = adam(model, X, y, lr=0.02, steps=300)
    assert h.epoch_accuracy[-1] > 0.9
    h = adam(MLP([2, 4, 2]), X, y, lr=0.01, steps=100, callback=lambda t, hist: t == 7)
    assert len(h.step_loss) == 7


def test_sgd_trains_a_linear_regression_model_and_records_its_path():
    rng = np.random.default_rng(1)
    X = add_bias_column(rng.uniform(-1, 1, size=(50, 1)))
    y = X @ np.array([1.0, 3.0])
    model = LinearRegression(2)
    path = []
    sgd(model, X, y, lr=0.1, batch_size=5, epochs=30, on_step=lambda s, l: path.append(model.beta.copy()))
    assert len(path) == 300 and np.allclose(model.beta, [1.0, 3.0], atol=1e-3)


def test_optimisers_refuse_what_is_not_a_model():
    with pytest.raises(TypeError, match="model must be an mlplab model"):
        sgd("net", np.ones((2, 2)), np.zeros(2), 0.1, 1, 1)
    with pytest.raises(TypeError, match="model must be an mlplab model"):
        adam(None, np.ones((2, 2)), np.zeros(2))
