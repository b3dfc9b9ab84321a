"""gd_2d: conditioning, the 2/κ stability limit and the zig-zag, with real numbers."""

import numpy as np
import pytest

from mlplab.widgets.gd_2d import compute, hessian


def test_gradient_of_the_bowl_is_x_and_kappa_y():
    r = compute(kappa=10, lr=0.01, x0=3.0, y0=-2.0, steps=1, grid=3)
    # grid is (-5, 0, 5) per side; grad f = (x, 10 y)
    assert np.allclose(r.grad_u, r.grid_x) and np.allclose(r.grad_v, 10 * r.grid_y)
    # one step: (3, -2) - 0.01 * (3, -20) = (2.97, -1.8)
    assert np.allclose(r.path[1], [2.97, -1.8])
    assert r.values[0] == pytest.approx(0.5 * (9 + 10 * 4))


def test_rotated_bowl_keeps_its_curvatures():
    H = hessian(10, 30)
    assert np.allclose(np.linalg.eigvalsh(H), [1, 10]) and np.allclose(H, H.T)


@pytest.mark.parametrize("lr, regime", [
    (0.005, "slow"), (0.09, "good"), (0.15, "oscillating"), (0.199, "oscillating"),
    (0.2, "oscillating"), (0.201, "divergent"), (0.3, "divergent"),
])
def test_stability_limit_two_over_kappa(lr, regime):
    r = compute(kappa=10, lr=lr, x0=-4, y0=2, steps=200)
    assert r.lr_limit == pytest.approx(0.2) and r.lr_zigzag == pytest.approx(0.1)
    assert r.regime == regime


def test_just_below_the_limit_converges_just_above_diverges():
    below = compute(kappa=10, lr=0.19, x0=-4, y0=2, steps=200)
    above = compute(kappa=10, lr=0.21, x0=-4, y0=2, steps=200)
    assert below.final_f < 1e-8 and below.converged_step is not None
    assert above.final_f > 1e6 and above.converged_step is None
    # y is multiplied by (1 - lr*kappa) each step: -0.9 and -1.1
    assert np.allclose(below.path[:5, 1], 2 * (-0.9) ** np.arange(5))
    assert np.allclose(above.path[:5, 1], 2 * (-1.1) ** np.arange(5))


def test_zigzag_sign_of_y_alternates_above_one_over_kappa():
    zig = compute(kappa=10, lr=0.15, x0=-4, y0=2, steps=20)
    assert np.all(np.sign(zig.path[:-1, 1]) * np.sign(zig.path[1:, 1]) < 0)
    smooth = compute(kappa=10, lr=0.05, x0=-4, y0=2, steps=20)
    assert np.all(np.sign(smooth.path[:, 1]) > 0)


def test_ill_conditioning_costs_steps():
    # best fixed lr is 2/(1 + kappa); steps to converge grow with kappa
    n = [compute(kappa=k, lr=2 / (1 + k), x0=-4, y0=2, steps=2000).converged_step
         for k in (1, 10, 100)]
    assert n[0] == 1 and n[0] < n[1] < n[2]
    assert n[2] > 5 * n[1]


@pytest.mark.parametrize("kwargs, err", [
    ({"kappa": 0.5}, ValueError), ({"kappa": -1}, ValueError), ({"lr": 0}, ValueError),
    ({"steps": 0}, ValueError), ({"angle": "north"}, TypeError), ({"grid": 1}, ValueError),
    ({"x0": np.inf}, ValueError),
])
def test_bad_input_is_explained(kwargs, err):
    with pytest.raises(err):
        compute(**kwargs)
