"""Explorer ``linear_classifier`` (lesson 03): softmax regression on blobs."""

import numpy as np
import pytest

from mlplab import MLP, sgd, softmax_cross_entropy
from mlplab.data import make_dataset
from mlplab.widgets import linear_classifier as lc


@pytest.fixture(scope="module")
def traj():
    return lc.train_trajectory(0.5)


def test_accuracy_after_default_steps_is_at_least_0_9(traj):
    r = lc.compute(step=lc.LinearClassifierExplorer().defaults()["step"], trajectory=traj)
    assert r.accuracy >= 0.9
    assert traj.accuracy[-1] >= 0.95


def test_random_start_is_bad_and_loss_falls(traj):
    assert traj.accuracy[0] < 0.1
    assert np.all(np.diff(traj.loss) < 0)  # full batch, small lr: loss falls every step
    assert traj.loss[-1] < 0.15


def test_snapshots_are_gradient_steps_of_cross_entropy(traj):
    X, y = make_dataset("blobs", n=300, noise=lc.NOISE, seed=0)
    loss, dO = softmax_cross_entropy(X @ traj.W[4] + traj.b[4], y)
    assert traj.loss[4] == pytest.approx(loss)
    assert traj.W[5] == pytest.approx(traj.W[4] - 0.5 * X.T @ dO)
    assert traj.b[5] == pytest.approx(traj.b[4] - 0.5 * dO.sum(axis=0))


def test_same_as_a_zero_hidden_layer_mlp_trained_by_sgd(traj):
    X, y = make_dataset("blobs", n=300, noise=lc.NOISE, seed=0)
    model = MLP([2, 3], output="softmax", seed=2)
    sgd(model, X, y, lr=0.5, batch_size=300, epochs=30)
    W, b = model.params[0]
    assert np.allclose(W, traj.W[30]) and np.allclose(b, traj.b[30])
    assert model.accuracy(X, y) == pytest.approx(traj.accuracy[30])


def test_regions_are_the_argmax_of_the_scores(traj):
    r = lc.compute(step=50, trajectory=traj, resolution=40)
    assert r.Z.shape == (40, 40) and set(np.unique(r.Z)) == {0, 1, 2}
    i, j = 7, 31
    point = np.array([r.xs[j], r.ys[i]])
    assert r.Z[i, j] == np.argmax(point @ r.W + r.b)


def test_bad_step_is_explained(traj):
    with pytest.raises(ValueError, match="beyond the trained 200 steps"):
        lc.compute(step=500, trajectory=traj)
    with pytest.raises(ValueError, match="lr must be > 0"):
        lc.train_trajectory(-1.0)


def test_step_change_does_not_retrain_but_lr_change_does():
    ex = lc.show()
    assert ex.n_trainings == 1
    regions0, png0, text0 = ex.regions.get_array().copy(), ex.png(), ex.readout_text
    ex.set(step=3)
    assert ex.n_trainings == 1
    assert not np.array_equal(ex.regions.get_array(), regions0)
    assert ex.png() != png0 and ex.readout_text != text0
    loss0 = ex.loss_line.get_ydata().copy()
    ex.set(lr=0.05)
    assert ex.n_trainings == 2
    assert not np.allclose(ex.loss_line.get_ydata(), loss0)
