"""Explorer ``uat_neurons`` (lesson 08): a trained 1-N-1 net fits better with more units."""

import time

import numpy as np
import pytest

from mlplab.widgets import uat_neurons as un


def test_error_falls_from_2_to_32_units_on_the_wiggly_target():
    r2 = un.compute(n_hidden=2, target="wiggly", activation="tanh", steps=2000, n_points=200, seed=0)
    r32 = un.compute(n_hidden=32, target="wiggly", activation="tanh", steps=2000, n_points=200, seed=0)
    assert r32.rmse < r2.rmse / 10
    assert r32.rmse < 0.01
    assert r32.max_error < r2.max_error


def test_the_loss_goes_down_and_matches_the_fit():
    r = un.compute(n_hidden=8, steps=500)
    assert r.loss.shape == (500,)
    assert r.loss[-1] < r.loss[0] / 10
    # the recorded loss is the MSE before each step; the last one is close to the final fit's
    assert r.rmse**2 == pytest.approx(r.loss[-1], rel=0.05)


def test_the_fit_is_an_mlplab_mlp():
    r = un.compute(n_hidden=5, steps=300, activation="sigmoid")
    model = r.to_mlp()
    assert model.sizes == [1, 5, 1]
    assert np.max(np.abs(model.predict(r.x[:, None]).ravel() - r.fit)) <= 1e-12
    W1, b1 = r.params[0]
    assert np.allclose(r.positions, -b1 / W1[0])


@pytest.mark.parametrize("activation", ["tanh", "sigmoid", "relu", "leaky_relu"])
def test_every_activation_learns(activation):
    r1 = un.compute(n_hidden=1, activation=activation, steps=800)
    r16 = un.compute(n_hidden=16, activation=activation, steps=800)
    assert np.isfinite(r16.rmse) and r16.rmse < r1.rmse


def test_same_seed_same_result():
    a, b = un.compute(n_hidden=4, steps=200, seed=3), un.compute(n_hidden=4, steps=200, seed=3)
    assert np.array_equal(a.fit, b.fit)


def test_fifty_units_train_fast():
    times = []
    for _ in range(3):
        start = time.perf_counter()
        un.compute(n_hidden=50)
        times.append(time.perf_counter() - start)
    assert np.median(times) < 1.0  # about 0.16 s unloaded; generous for shared CI machines


def test_bad_input_gets_a_clear_message():
    with pytest.raises(ValueError, match="n_hidden"):
        un.compute(n_hidden=0)
    with pytest.raises(TypeError, match="n_hidden"):
        un.compute(n_hidden=2.0)
    with pytest.raises(ValueError, match="unknown activation|choose one of"):
        un.compute(activation="relux")


def test_a_change_updates_artists_png_and_readout():
    e = un.UATNeuronsExplorer(n_hidden=4)
    png, text = e.png(), e.readout_text
    fit = e.fit_line.get_ydata().copy()
    e.set(n_hidden=16)
    assert not np.allclose(e.fit_line.get_ydata(), fit)
    assert e.png() != png and e.readout_text != text
    assert "N = 16" in e.readout_text
    e.widget()
    before = e.image.value
    e.inputs["n_hidden"].value = 8
    assert e.image.value != before and "N = 8" in e.readout.value


def test_error_vs_n_matches_compute_and_returns_copies():
    ns, rmse, max_err = un.error_vs_n([2, 4], steps=300)
    assert ns.tolist() == [2, 4]
    assert rmse[1] == un.compute(n_hidden=4, steps=300).rmse
    rmse[:] = -1.0
    assert np.all(un.error_vs_n([2, 4], steps=300)[1] > 0)
