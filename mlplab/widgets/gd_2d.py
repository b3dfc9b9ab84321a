"""Explorer ``gd_2d``: gradient descent on a 2-D quadratic bowl (lesson 01).

    f(x, y) = ½ (x² + κ y²)        ∇f = (∂f/∂x, ∂f/∂y) = (x, κ y)

optionally rotated by an angle θ, i.e. f(p) = ½ pᵀ H p with H = R diag(1, κ) Rᵀ.
The condition number κ ≥ 1 is the ratio of the steepest to the flattest
curvature. In the eigen-directions of H each coordinate is a 1-D quadratic, so
one step multiplies it by (1 − λ·1) and (1 − λ·κ):

    λ < 2/κ      converges (the steep direction sets the limit)
    λ > 1/κ      the steep coordinate changes sign every step: a zig-zag across the valley
    λ > 2/κ      diverges along the steep direction

and along the flat direction progress is at best |1 − λ| ≥ 1 − 2/κ per step, so
ill-conditioned bowls (large κ) need about κ steps. ``compute`` uses
``mlplab.optim.gradient_descent`` for the path.
"""

from __future__ import annotations

import numbers
from dataclasses import dataclass

import numpy as np
from matplotlib.ticker import LogLocator, NullLocator

from ..optim import gradient_descent
from ..validation import as_array, check_positive
from ._legacy import Explorer

__all__ = ["GD2DResult", "hessian", "compute", "GD2DExplorer", "show", "EXTENT"]

EXTENT = 5.0      # the plot shows [-EXTENT, EXTENT]²
CAP = 1e100   # log axes cannot tick near the float limit; larger values are pinned here
REGIME_COLORS = {"slow": "#1f77b4", "good": "#2ca02c", "oscillating": "#ff7f0e",
                 "divergent": "#d62728"}


def hessian(kappa, angle=0.0):
    """H = R diag(1, κ) Rᵀ, R the rotation by ``angle`` degrees; f(p) = ½ pᵀ H p."""
    t = np.deg2rad(angle)
    R = np.array([[np.cos(t), -np.sin(t)], [np.sin(t), np.cos(t)]])
    return R @ np.diag([1.0, kappa]) @ R.T


@dataclass
class GD2DResult:
    """One run on the bowl.

    path : (T + 1, 2) iterates (shorter if it overflowed); values : f along the path
    grid_x, grid_y : (g, g) coarse grid; grad_u, grad_v : (g, g) components of ∇f there
    lr_zigzag, lr_limit : 1/κ and 2/κ (κ = the largest curvature)
    regime : "slow", "good", "oscillating" (zig-zag) or "divergent"
    converged_step : first t with |∇f(p_t)| < eps, or None
    """

    kappa: float
    angle: float
    lr: float
    eps: float
    H: np.ndarray
    path: np.ndarray
    values: np.ndarray
    grid_x: np.ndarray
    grid_y: np.ndarray
    grad_u: np.ndarray
    grad_v: np.ndarray
    lr_zigzag: float
    lr_limit: float
    regime: str
    converged_step: int | None
    overflowed: bool

    @property
    def final_f(self):
        return float(self.values[-1])


def _check_angle(angle):
    if isinstance(angle, bool) or not isinstance(angle, numbers.Real) or not np.isfinite(angle):
        raise TypeError(f"angle must be a number of degrees, got {type(angle).__name__} {angle!r}.")
    return float(angle)


def compute(kappa=10.0, lr=0.1, x0=-4.0, y0=2.0, steps=50, angle=0.0, eps=1e-3, grid=11):
    """Gradient descent p ← p − lr·∇f(p) on f = ½ pᵀ H p from (x0, y0).

    Parameters
    ----------
    kappa : float ≥ 1, condition number (curvatures 1 and κ)
    lr : float > 0, learning rate λ
    x0, y0 : floats, the start
    steps : int ≥ 1
    angle : rotation of the bowl in degrees (0: valley along the x axis)
    eps : float > 0; converged means |∇f| < eps
    grid : int ≥ 2, points per side of the arrow grid

    Returns
    -------
    GD2DResult
    """
    kappa = check_positive(kappa, "kappa")
    if kappa < 1:
        raise ValueError(
            f"kappa must be >= 1 (it is the largest curvature over the smallest), got "
            f"{kappa!r}. Use kappa=1 for a round bowl, 10 for a long valley."
        )
    lr = check_positive(lr, "lr")
    p0 = np.array([float(as_array(x0, "x0", ndim=0)), float(as_array(y0, "y0", ndim=0))])
    steps = check_positive(steps, "steps", integer=True)
    angle = _check_angle(angle)
    eps = check_positive(eps, "eps")
    grid = check_positive(grid, "grid", integer=True)
    if grid < 2:
        raise ValueError(f"grid must be at least 2 points per side, got {grid}.")

    H = hessian(kappa, angle)
    path = gradient_descent(lambda p: H @ p, p0, lr, steps)   # ∇f(p) = H p
    overflowed = path.shape[0] < steps + 1
    with np.errstate(over="ignore", invalid="ignore"):
        values = 0.5 * np.einsum("ti,ij,tj->t", path, H, path)
        gnorm = np.linalg.norm(path @ H, axis=1)
    small = np.flatnonzero(gnorm < eps)

    g = np.linspace(-EXTENT, EXTENT, grid)
    gx, gy = np.meshgrid(g, g)
    gu = H[0, 0] * gx + H[0, 1] * gy
    gv = H[1, 0] * gx + H[1, 1] * gy

    # The steep direction has curvature kappa: one step multiplies it by 1 - lr*kappa.
    m = lr * kappa
    if overflowed or m > 2:
        regime = "divergent"
    elif m > 1:
        regime = "oscillating"              # zig-zag (m == 2 exactly: it never settles)
    elif gnorm[-1] < eps:
        regime = "good"
    else:
        regime = "slow"
    return GD2DResult(
        kappa=kappa, angle=angle, lr=lr, eps=eps, H=H, path=path, values=values,
        grid_x=gx, grid_y=gy, grad_u=gu, grad_v=gv,
        lr_zigzag=1.0 / kappa, lr_limit=2.0 / kappa, regime=regime,
        converged_step=int(small[0]) if small.size and regime != "divergent" else None,
        overflowed=overflowed,
    )


def describe(r):
    """Readout: the regime, steps to converge, final f and the stability limit."""
    color = REGIME_COLORS[r.regime]
    limit = (f"&kappa; = {r.kappa:.3g}: stable for lr &lt; 2/&kappa; = {r.lr_limit:.3g}, "
             f"zig-zag above 1/&kappa; = {r.lr_zigzag:.3g}.")
    n = r.path.shape[0] - 1
    if r.regime == "divergent":
        what = f"lr = {r.lr:.3g} is above 2/&kappa;: the zig-zag grows every step"
    elif r.converged_step is not None:
        what = f"|&nabla;f| &lt; {r.eps:g} after <b>{r.converged_step}</b> steps"
        if r.regime == "oscillating":
            what = "zig-zags across the valley; " + what
    else:
        what = f"not converged after {n} steps (|&nabla;f| &ge; {r.eps:g})"
        if r.regime == "oscillating":
            what = "zig-zags across the valley; " + what
    final = "overflow" if r.overflowed else f"{r.final_f:.3g}"
    return (f"<b style='color:{color}'>{r.regime}</b> (lr = {r.lr:.3g}): {what}. "
            f"Final f = <b>{final}</b>.<br>{limit}")


def _levels(kappa):
    top = 0.5 * (1.0 + kappa) * EXTENT ** 2
    return np.geomspace(top * 1e-3, top, 12)


class GD2DExplorer(Explorer):
    """Left: contours of f, arrows of −∇f, the descent path. Right: f per step (log)."""

    figsize = (9.0, 4.0)

    def defaults(self):
        return {"kappa": 10.0, "lr": 0.15, "x0": -4.0, "y0": 2.0, "steps": 50, "angle": 0.0}

    def controls(self):
        import ipywidgets as widgets

        style = {"description_width": "initial"}
        slider = {"continuous_update": False, "style": style}
        return {
            "kappa": widgets.FloatLogSlider(base=10, min=0, max=2, step=0.02,
                                            description="condition number κ",
                                            readout_format=".3g", **slider),
            "lr": widgets.FloatLogSlider(base=10, min=-3, max=0.3, step=0.01,
                                         description="learning rate", readout_format=".3g",
                                         **slider),
            "steps": widgets.IntSlider(min=1, max=300, description="steps", **slider),
            "x0": widgets.FloatSlider(min=-EXTENT, max=EXTENT, step=0.1, description="x0",
                                      **slider),
            "y0": widgets.FloatSlider(min=-EXTENT, max=EXTENT, step=0.1, description="y0",
                                      **slider),
            "angle": widgets.FloatSlider(min=0, max=90, step=5, description="rotation (deg)",
                                         **slider),
        }

    def _build(self, fig):
        self.ax, self.ax_loss = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1.1, 1]})
        fig.subplots_adjust(left=0.06, right=0.98, bottom=0.13, top=0.9, wspace=0.25)
        self.ax.set_xlim(-EXTENT, EXTENT)
        self.ax.set_ylim(-EXTENT, EXTENT)
        self.ax.set_aspect("equal")
        self.ax.set_xlabel("x")
        self.ax.set_ylabel("y")
        self._contour_key = None
        self._contours = None
        r0 = compute(grid=11)
        self.quiver = self.ax.quiver(r0.grid_x, r0.grid_y, 0 * r0.grid_x, 0 * r0.grid_y,
                                     color="0.55", angles="xy", scale_units="xy", scale=1.6,
                                     width=0.004)
        (self.path_line,) = self.ax.plot([], [], "o-", ms=3, lw=1.2, color="C1")
        (self.start_dot,) = self.ax.plot([], [], "o", ms=8, color="k")
        (self.minimum_mark,) = self.ax.plot([0], [0], "+", ms=10, mew=2, color="k")
        (self.loss_line,) = self.ax_loss.plot([], [], "o-", ms=2.5, lw=1)
        self.ax_loss.set_yscale("log")
        # few ticks: every minor tick of a log axis is transformed and drawn on each update
        self.ax_loss.yaxis.set_major_locator(LogLocator(numticks=6))
        self.ax_loss.yaxis.set_minor_locator(NullLocator())
        self.ax_loss.set_xlabel("step t")
        self.ax_loss.set_ylabel(r"$f(p_t)$")
        self.ax_loss.grid(True, alpha=0.3)
        # blitting (see Explorer): what changes on an update, in drawing order; the
        # contours, arrows and left title depend only on (κ, angle): see _layout_key
        self.animated = [self.path_line, self.start_dot, self.minimum_mark, self.loss_line,
                         self.ax_loss.title]

    def _layout_key(self):
        """The cached background also holds this (κ, angle)'s contours, arrows and title."""
        return super()._layout_key() + ((self.values["kappa"], self.values["angle"]),)

    def _draw_contours(self, r):
        key = (r.kappa, r.angle)
        if key == self._contour_key:
            return
        if self._contours is not None:
            self._contours.remove()
        g = np.linspace(-EXTENT, EXTENT, 121)
        X, Y = np.meshgrid(g, g)
        H = r.H
        F = 0.5 * (H[0, 0] * X ** 2 + 2 * H[0, 1] * X * Y + H[1, 1] * Y ** 2)
        self._contours = self.ax.contour(X, Y, F, levels=_levels(r.kappa), cmap="viridis",
                                         linewidths=0.9, zorder=1)  # under the path
        self._contour_key = key

    def _update(self):
        v = self.values
        r = compute(v["kappa"], v["lr"], v["x0"], v["y0"], v["steps"], v["angle"])
        self.result = r
        self._draw_contours(r)
        # Arrows show -grad f (the downhill direction), all of the same length.
        norm = np.hypot(r.grad_u, r.grad_v)
        norm[norm == 0] = 1.0
        self.quiver.set_UVC(-r.grad_u / norm, -r.grad_v / norm)
        color = REGIME_COLORS[r.regime]
        self.path_line.set_data(r.path[:, 0], r.path[:, 1])
        self.path_line.set_color(color)
        self.start_dot.set_data(r.path[:1, 0], r.path[:1, 1])
        self.ax.set_title(rf"$f = \frac{{1}}{{2}}(x^2 + \kappa y^2)$, $\kappa$ = {r.kappa:.3g}"
                          + (f", rotated {r.angle:g} deg" if r.angle else "")
                          + "; arrows: $-\\nabla f$", fontsize=9)

        with np.errstate(invalid="ignore"):
            vals = np.maximum(r.values, 1e-16)
        vals = np.minimum(np.where(np.isfinite(vals), vals, CAP), CAP)   # pin overflow
        self.loss_line.set_data(np.arange(vals.size), vals)
        self.loss_line.set_color(color)
        self.ax_loss.set_xlim(-0.5, v["steps"] + 0.5)
        # whole decades: the limits (so the cached background) stay put over most steps
        self.ax_loss.set_ylim(10.0 ** np.floor(np.log10(vals.min() / 2)),
                              10.0 ** np.ceil(np.log10(vals.max() * 2)))
        self.ax_loss.set_title(f"{r.regime}: lr = {r.lr:.3g} (limit 2/κ = {r.lr_limit:.3g})",
                               fontsize=10, color=color)
        return describe(r)


def show(**values):
    """The ``gd_2d`` explorer (it displays itself as the widget in Jupyter).

    Parameters: kappa, lr, x0, y0, steps, angle (see ``compute``).
    """
    return GD2DExplorer(**values)
