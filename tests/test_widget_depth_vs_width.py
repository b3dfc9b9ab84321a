"""Explorer ``depth_vs_width`` (lesson 09): equal budgets, real training, both outcomes."""

import numpy as np
import pytest

from mlplab.mlp import count_params
from mlplab.widgets import depth_vs_width as dvw

FAST = dict(steps=300)


@pytest.mark.parametrize("budget,depth", [(40, 2), (100, 3), (200, 4), (400, 6), (150, 5)])
def test_deep_and_wide_have_the_same_budget(budget, depth):
    r = dvw.compute(budget=budget, depth=depth, **FAST)
    assert len(r.deep_sizes) == depth + 2 and len(r.wide_sizes) == 3
    assert r.deep_params == count_params(r.deep_sizes)
    assert r.wide_params == count_params(r.wide_sizes)
    assert abs(r.deep_params - r.wide_params) <= 1
    assert abs(r.deep_params - budget) <= 0.25 * budget




def test_default_deep_net_beats_the_wide_one_on_the_sawtooth():
    r = dvw.compute(budget=200, depth=4, target="sawtooth", lr=0.1, seed=5)
    assert (r.deep_params, r.wide_params) == (190, 190)
    assert r.deep_final < 0.005 < 0.05 < r.wide_final
    assert r.winner == "deep"
    assert r.deep_loss.shape == r.wide_loss.shape == (3000,)
    # recorded losses fall, and the final loss matches the returned fit
    assert r.deep_loss[-1] < r.deep_loss[0]
    assert r.deep_final == pytest.approx(np.mean((r.deep_fit - r.y) ** 2))


def test_deep_net_can_get_stuck():
    r = dvw.compute(budget=100, depth=4, target="wiggly", lr=0.1, seed=5)
    assert r.deep_final > 5 * r.wide_final
    assert r.winner == "wide"


def test_divergence_stops_early_and_is_reported():
    r = dvw.compute(budget=100, depth=3, lr=50.0, steps=200)
    assert len(r.deep_loss) < 200 or len(r.wide_loss) < 200
    assert not (np.isfinite(r.deep_final) and np.isfinite(r.wide_final))


def test_bad_arguments_are_explained():
    with pytest.raises(ValueError, match="choose one of"):
        dvw.compute(target="nope")
    with pytest.raises(ValueError, match="depth"):
        dvw.compute(depth=1)
    with pytest.raises(TypeError, match="budget"):
        dvw.compute(budget=100.5)
    with pytest.raises(ValueError, match="lr"):
        dvw.compute(lr=-1.0)
