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
