"""Explorer ``sgd_batch_size`` (lesson 02): full batch is smooth, mini-batches are noisy."""

import numpy as np
import pytest

from mlplab.data import line_data
from mlplab.linear import add_bias_column, lstsq_pinv
from mlplab.widgets import sgd_batch_size as sb


def test_full_batch_is_monotone_and_equals_gd():
    r = sb.compute(batch_size=sb.N_DEFAULT)
    assert r.steps_per_epoch == 1 and r.steps == r.epochs == 20
    assert r.monotone
    assert np.all(np.diff(r.full_loss) < 0)
    assert np.allclose(r.sgd_loss, r.full_loss)  # batch = n *is* gradient descent


def test_batch_one_is_not_monotone_but_gets_near_the_best():
    r = sb.compute(batch_size=1)
    assert r.steps_per_epoch == 128 and r.steps == 2560
    assert not r.monotone
    assert int(np.sum(np.diff(r.sgd_loss) > 0)) > 100  # many steps go up
    assert r.sgd_loss[-1] < 1.5 * r.loss_pinv


def test_per_epoch_mini_batches_get_further_than_full_batch():
    r = sb.compute(batch_size=8, epochs=5)
    assert r.steps_per_epoch == 16
    assert r.sgd_epoch_loss[-1] < r.full_loss[-1]
    assert r.sgd_epoch_loss[0] == r.full_loss[0]  # both start at beta = 0


@pytest.mark.parametrize("b,expected", [(1, 128), (5, 26), (32, 4), (100, 2), (128, 1)])
def test_steps_per_epoch_is_ceil_n_over_b(b, expected):
    assert sb.compute(batch_size=b, epochs=1).steps_per_epoch == expected


def test_losses_are_mse_on_all_data_and_pinv_is_best():
    r = sb.compute(batch_size=4, epochs=3)
    x, y = line_data(128, 0.3, seed=0)
    X = add_bias_column(x[:, None])
    assert r.full_loss[0] == pytest.approx(np.mean(y**2))
    assert r.loss_pinv == pytest.approx(np.mean((y - X @ lstsq_pinv(X, y)) ** 2))
    assert np.all(r.sgd_loss >= r.loss_pinv - 1e-12)
    assert len(r.batch_loss) == r.steps


def test_memory_counts_bytes_of_one_batch():
    r = sb.compute(batch_size=16, epochs=1)
    assert r.batch_bytes == 16 * 2 * 8 and r.full_bytes == 128 * 2 * 8


def test_same_seed_same_curve_other_seed_other_curve():
    a, b = sb.compute(seed=3), sb.compute(seed=3)
    assert np.array_equal(a.sgd_loss, b.sgd_loss)
    assert not np.array_equal(a.sgd_loss, sb.compute(seed=4).sgd_loss)


def test_bad_arguments_are_explained():
    with pytest.raises(ValueError, match="larger than the data set"):
        sb.compute(batch_size=500)
    with pytest.raises(ValueError, match="batch_size must be >= 1"):
        sb.compute(batch_size=0)
    with pytest.raises(ValueError, match="epochs must be >= 1"):
        sb.compute(epochs=0)


def test_set_changes_artists_png_and_readout():
    ex = sb.show()
    n0, png0, text0 = len(ex.mini[ex.ax_step].get_xdata()), ex.png(), ex.readout_text
    ex.set(batch_size=1)
    assert len(ex.mini[ex.ax_step].get_xdata()) == 2561 != n0
    assert ex.png() != png0 and ex.readout_text != text0
    assert "<b>128</b> steps per epoch" in ex.readout_text
    ex.set(batch_size=128)
    assert "<b>1</b> step per epoch" in ex.readout_text


def test_widget_control_drives_the_explorer():
    ex = sb.show()
    ex.widget()
    png0 = ex.image.value
    ex.inputs["batch_size"].value = 128
    assert ex.result.batch_size == 128 and "full batch" in ex.readout.value
    assert ex.image.value != png0


def test_blitted_updates_look_like_a_full_draw():
    from _blit_check import assert_blitting_is_faithful

    e = sb.SGDBatchExplorer()
    steps = [dict(seed=s) for s in (1, 2, 3)]
    steps += [dict(batch_size=b) for b in (16, 1, 128)]
    steps += [dict(lr=10 ** -1.125), dict(lr=0.3), dict(epochs=5), dict(batch_size=4, seed=7)]
    assert_blitting_is_faithful(e, steps)
