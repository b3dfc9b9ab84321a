"""Explorer ``bump_builder`` (lesson 08): steps, bumps, their sum, and the exported MLP."""

import numpy as np
import pytest

from mlplab import MLP
from mlplab.data import target_function
from mlplab.widgets import bump_builder as bb


def test_a_hidden_unit_is_half_way_up_at_its_position():
    r = bb.compute(n_bumps=4, steepness=300.0)
    positions = -r.b1 / r.W1[0]
    # unit outputs at their own position p = -b/w are exactly σ(0) = 0.5
    for p, (w, b) in zip(positions, zip(r.W1[0], r.b1)):
        assert 1.0 / (1.0 + np.exp(-(w * p + b))) == pytest.approx(0.5, abs=1e-12)
    assert np.allclose(np.repeat(r.edges, 2)[1:-1], positions)


def test_edges_and_heights_follow_the_target():
    r = bb.compute(n_bumps=5, steepness=1000.0, target="wiggly")
    assert np.allclose(r.centres, [0.1, 0.3, 0.5, 0.7, 0.9])
    assert np.allclose(r.edges, [-0.2, 0.2, 0.4, 0.6, 0.8, 1.2])
    f = target_function("wiggly")
    assert np.allclose(r.heights, f(r.centres))
    # f(0.5) = 0.2 + 0.1 + 0.15 sin(7.5) + 0.05 cos(25), worked out by hand
    assert r.heights[2] == pytest.approx(0.2 + 0.1 + 0.15 * np.sin(7.5) + 0.05 * np.cos(25.0))
    # output weights: +h for the left step, -h for the right step
    assert np.allclose(r.W2[0::2, 0], r.heights) and np.allclose(r.W2[1::2, 0], -r.heights)


def test_a_steep_bump_has_its_height_inside_and_zero_outside():
    r = bb.compute(n_bumps=4, steepness=5000.0, heights=[0.0, 0.7, 0.0, 0.0], n_points=401)
    inside = (r.x > 0.27) & (r.x < 0.48)
    outside = (r.x < 0.23) | (r.x > 0.52)
    assert np.allclose(r.total[inside], 0.7, atol=1e-9)
    assert np.allclose(r.total[outside], 0.0, atol=1e-9)
    assert np.allclose(r.total, r.bumps.sum(axis=0))


def test_exported_mlp_reproduces_the_sum_to_1e_9():
    r = bb.compute(n_bumps=20, steepness=800.0)
    model = MLP.from_params(r.params, activation="sigmoid", output="identity")
    assert model.sizes == [1, 40, 1]
    assert model.n_params == 3 * 40 + 1
    out = model.predict(r.x[:, None]).ravel()
    assert np.max(np.abs(out - r.total)) <= 1e-9
    assert np.max(np.abs(r.to_mlp().predict(r.x[:, None]).ravel() - r.total)) <= 1e-9


def test_more_bumps_follow_the_wiggly_curve_better():
    errs = [bb.compute(n, steepness=2000.0).mean_error for n in (5, 10, 20, 50)]
    assert all(a > b for a, b in zip(errs, errs[1:]))
    assert errs[-1] < 0.01


def test_bad_input_gets_a_clear_message():
    with pytest.raises(ValueError, match="one height per bump"):
        bb.compute(n_bumps=3, heights=[1.0, 2.0])
    with pytest.raises(ValueError, match="steepness"):
        bb.compute(steepness=-1.0)
    with pytest.raises(TypeError, match="n_bumps"):
        bb.compute(n_bumps=2.5)
    with pytest.raises(ValueError, match="unknown target"):
        bb.compute(target="wigly")
