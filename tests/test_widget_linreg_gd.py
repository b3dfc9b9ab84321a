"""Explorer ``linreg_gd`` (lesson 02): gradient descent reaches the pinv answer."""

import numpy as np
import pytest

from mlplab.linear import linreg_gradient
from mlplab.widgets import linreg_gd as lg


def test_distance_to_pinv_shrinks_with_steps_and_reaches_1e_6():
    dists = [lg.compute(lr=0.3, steps=s).final_distance for s in (0, 10, 50, 100, 200)]
    assert all(a > b for a, b in zip(dists, dists[1:]))
    assert dists[0] == pytest.approx(np.linalg.norm(lg.compute(steps=0).beta_pinv))
    assert dists[-1] < 1e-6
    r = lg.compute(lr=0.3, steps=200)
    assert r.beta == pytest.approx(r.beta_pinv, abs=1e-6)
    assert r.final_loss == pytest.approx(r.loss_pinv, rel=1e-9)
    assert not r.diverged


def test_steps_match_the_squared_gradient_formula():
    r = lg.compute(lr=0.1, steps=3)
    beta = np.zeros(2)
    for t in range(1, 4):
        beta = beta - 0.1 * linreg_gradient(r.X, r.y, beta, kind="mse")
        assert r.path[t] == pytest.approx(beta, abs=1e-14)


def test_norm_form_steps_and_convergence():
    r = lg.compute(lr=0.05, steps=2, kind="norm")
    beta = np.zeros(2)
    for t in range(1, 3):
        beta = beta - 0.05 * linreg_gradient(r.X, r.y, beta, kind="norm")
        assert r.path[t] == pytest.approx(beta, abs=1e-14)
    far = lg.compute(lr=0.1, steps=500, kind="norm")
    assert far.final_distance < 1e-6
    assert far.loss_pinv == pytest.approx(np.sqrt(lg.compute().loss_pinv))


def test_lr_bound_is_two_over_the_largest_hessian_eigenvalue():
    r = lg.compute()
    n = r.X.shape[0]
    lam_max = np.linalg.eigvalsh(2 / n * r.X.T @ r.X).max()
    assert r.lr_max == pytest.approx(2 / lam_max)
    assert 0.40 < r.lr_max < 0.45
    below = lg.compute(lr=0.95 * r.lr_max, steps=400)
    assert not below.diverged and below.final_distance < 1e-6


@pytest.mark.parametrize("factor,steps", [(1.05, 400), (2.5, 500)])
def test_lr_above_the_bound_diverges_and_is_reported(factor, steps):
    lr = factor * lg.compute().lr_max
    r = lg.compute(lr=lr, steps=steps)  # no exception, even when it overflows
    assert r.diverged
    assert r.final_distance > 1e3
    ex = lg.show(lr=lr, steps=steps)
    assert "diverged" in ex.readout_text
    assert ex.png()[:4] == b"\x89PNG"


def test_bad_arguments_are_explained():
    with pytest.raises(ValueError, match="lr must be > 0"):
        lg.compute(lr=0)
    with pytest.raises(ValueError, match="unknown kind 'l1'"):
        lg.compute(kind="l1")
    with pytest.raises(TypeError, match="steps must be an int"):
        lg.compute(steps=2.5)
    with pytest.raises(TypeError, match="unknown parameter"):
        lg.show(rate=0.1)








def test_norm_form_with_a_large_lr_bounces_and_says_so():
    r = lg.compute(lr=1.0, steps=500, kind="norm")  # its gradient never blows up
    assert not r.diverged and r.stalled and r.final_distance > 0.1
    assert "bounces" in lg.show(lr=1.0, steps=500, kind="norm").readout_text
    slow = lg.compute(lr=0.422, steps=500)  # just below 2/λ_max: a slow zig-zag, still closing in
    assert not slow.stalled and not slow.diverged and slow.final_distance < 0.05
