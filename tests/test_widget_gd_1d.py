"""gd_1d: the regimes of x ← x − λ f'(x), with real numbers, and the explorer UI."""

import numpy as np
import pytest

from mlplab.widgets import gd_1d
from mlplab.widgets.gd_1d import FUNCTIONS, compute


# f = x², f'' = 2: overshoot starts at lr = 1/f'' = 0.5, divergence at 2/f'' = 1.
@pytest.mark.parametrize("lr, regime", [
    (0.01, "slow"), (0.3, "good"), (0.5, "good"), (0.8, "oscillating"),
    (0.99, "oscillating"), (1.0, "oscillating"), (1.05, "divergent"), (3.0, "divergent"),
])
def test_quadratic_regimes(lr, regime):
    assert compute("quadratic", lr, x0=2.0, steps=30).regime == regime


def test_quadratic_thresholds_are_one_and_two_over_curvature():
    r = compute("quadratic", 0.1, 2.0, 30)
    assert r.curvature == 2.0
    assert r.lr_oscillate == 0.5 and r.lr_diverge == 1.0


def test_each_step_multiplies_x_by_one_minus_lr_curvature():
    r = compute("quadratic", 0.3, 2.0, 5)
    assert np.allclose(r.path, 2.0 * 0.4 ** np.arange(6))
    r = compute("quadratic", 0.8, 2.0, 5)
    assert np.allclose(r.path, 2.0 * (-0.6) ** np.arange(6))
    assert r.values == pytest.approx(r.path ** 2)
    assert r.grads == pytest.approx(2 * r.path)


def test_exactly_at_the_thresholds():
    one = compute("quadratic", 0.5, 2.0, 10)        # lr = 1/f'': lands on 0 in one step
    assert one.path[1] == 0.0 and one.converged_step == 1 and one.regime == "good"
    edge = compute("quadratic", 1.0, 2.0, 10)       # lr = 2/f'': bounces between ±2 forever
    assert np.array_equal(edge.path, 2.0 * (-1.0) ** np.arange(11))
    assert edge.regime == "oscillating" and edge.converged_step is None
    assert compute("quadratic", 1.0 + 1e-9, 2.0, 10).regime == "divergent"


def test_slow_becomes_good_with_enough_steps():
    # |f'(x_t)| = 4 * 0.98**t < 1e-3 first at t = 411
    assert compute("quadratic", 0.01, 2.0, 30).regime == "slow"
    r = compute("quadratic", 0.01, 2.0, 500)
    assert r.regime == "good" and r.converged_step == 411


def test_divergence_overflows_cleanly():
    r = compute("quadratic", 50.0, 2.0, 200)
    assert r.regime == "divergent" and r.overflowed
    assert np.all(np.isfinite(r.path)) and len(r.path) < 201


def test_two_minima_the_start_decides_which_valley():
    left, right = FUNCTIONS["two minima"].minima
    assert left == pytest.approx(-1.30084, abs=1e-5) and right == pytest.approx(1.13090, abs=1e-5)
    a = compute("two minima", 0.05, x0=0.5, steps=60)
    b = compute("two minima", 0.05, x0=-0.5, steps=60)
    assert a.final_x == pytest.approx(right, abs=1e-4) and a.final_f == pytest.approx(-1.0702, abs=1e-4)
    assert b.final_x == pytest.approx(left, abs=1e-4) and b.final_f == pytest.approx(-3.5139, abs=1e-4)
    assert a.f_min == pytest.approx(-3.5139, abs=1e-4)
    assert a.regime == b.regime == "good"


def test_two_minima_leaving_the_hilltop_is_slow_not_divergent():
    r = compute("two minima", 0.01, x0=0.16, steps=30)   # just left of the hilltop at 0.1699
    assert r.regime == "slow" and r.x_star == pytest.approx(-1.30084, abs=1e-5)


def test_quartic_has_a_flat_bottom():
    r = compute("quartic", 0.1, 1.5, 30)
    assert r.curvature == 0.0 and np.isinf(r.lr_diverge)
    assert r.regime == "slow"
    # far out the curvature 12 x² is large: 4 lr x² > 2 makes it blow up
    assert compute("quartic", 0.1, 3.0, 30).regime == "divergent"


@pytest.mark.parametrize("kwargs, err", [
    ({"function": "cubic"}, ValueError), ({"lr": 0.0}, ValueError), ({"lr": "big"}, TypeError),
    ({"steps": 0}, ValueError), ({"steps": 2.5}, TypeError), ({"x0": np.nan}, ValueError),
    ({"x0": [1.0, 2.0]}, TypeError), ({"x0": 1e9}, ValueError),
])
def test_bad_input_is_explained(kwargs, err):
    with pytest.raises(err):
        compute(**kwargs)


def test_unknown_function_lists_the_choices():
    with pytest.raises(ValueError, match="quadratic, quartic, two minima"):
        compute("cubic")


def test_set_changes_artists_png_and_readout():
    e = gd_1d.show()
    before = (e.path_line.get_xdata().copy(), e.png(), e.readout_text)
    assert "good" in e.readout_text
    e.set(lr=1.05)
    assert not np.array_equal(e.path_line.get_xdata(), before[0])
    assert e.png() != before[1]
    assert "divergent" in e.readout_text and e.readout_text != before[2]
    assert "2/f'' = 1" in e.readout_text




def test_static_figures_use_the_same_compute():
    fig = gd_1d.GD1DExplorer.static_figure(lr=0.8)
    assert len(fig.axes) == 2
    fig = gd_1d.regimes_figure()
    titles = [ax.get_title() for ax in fig.axes]
    assert [t.split(": ")[-1] for t in titles] == ["slow", "good", "oscillating", "divergent"]


def test_local_minimum_level_is_marked_only_when_stuck():
    e = gd_1d.show(function="two minima", lr=0.05, x0=0.5, steps=40)
    assert e.local_line.get_ydata()[0] == pytest.approx(-1.0702 + 3.5139, abs=1e-3)
    assert "local minimum, 2.44 above" in e.local_text.get_text()
    e.set(x0=-0.5)    # the global valley
    assert len(e.local_line.get_ydata()) == 0 and e.local_text.get_text() == ""


def test_regimes_figure_checks_its_learning_rates():
    with pytest.raises(TypeError, match="lrs must be a list of 1 to 8"):
        gd_1d.regimes_figure(lrs=[])
    with pytest.raises(ValueError, match="lr must be > 0"):
        gd_1d.regimes_figure(lrs=[0.1, -1.0])
