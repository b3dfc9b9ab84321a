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

from dataclasses import dataclass

import numpy as np
from matplotlib.ticker import LogLocator, NullLocator

from ..i18n import Text
from ..optim import gradient_descent
from ..validation import check_int, check_number, check_steps
from ._base import Explorer, Markup, html
from ._limits import log_decades, pin_for_log

__all__ = ["GD2DResult", "hessian", "compute", "GD2DExplorer", "show", "EXTENT"]

EXTENT = 5.0      # the plot shows [-EXTENT, EXTENT]²
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
    steps : the number of steps asked for (the path is shorter if it overflowed)
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
    steps: int

    @property
    def final_f(self):
        return float(self.values[-1])


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
    kappa = check_number(kappa, "kappa", example=10.0)
    if not 1 <= kappa <= 1e6:
        raise ValueError(
            f"kappa must be between 1 and 1e6 (it is the largest curvature over the smallest), "
            f"got {kappa:g}. Use kappa=1 for a round bowl, 10 for a long valley."
        )
    lr = check_number(lr, "lr", 0.0, lo_open=True, example=0.1)
    p0 = np.array([check_number(x0, "x0", -1e6, 1e6, example=-4.0),
                   check_number(y0, "y0", -1e6, 1e6, example=2.0)])
    steps = check_steps(steps, allow_zero=False)
    angle = check_number(angle, "angle", -360.0, 360.0, example=30.0)
    eps = check_number(eps, "eps", 0.0, lo_open=True, example=1e-3)
    grid = check_int(grid, "grid", 2, 100, example=11)

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
        overflowed=overflowed, steps=steps,
    )


# Korean readouts name the regime and keep the English word the figure titles show
REGIME_WORDS = {"slow": Text("slow", "느림(slow)"), "good": Text("good", "수렴(good)"),
                "oscillating": Text("oscillating", "진동(oscillating)"),
                "divergent": Text("divergent", "발산(divergent)")}
READOUT = Text(
    "<b style='color:{color}'>{regime}</b> (lr = {lr:.3g}): {what}. Final f = <b>{final}</b>."
    "<br>{limit}",
    "<b style='color:{color}'>{regime}</b> (lr = {lr:.3g}): {what}. 마지막 f = <b>{final}</b>."
    "<br>{limit}",
)
LIMIT = Text(
    "&kappa; = {k:.3g}: stable for lr &lt; 2/&kappa; = {hi:.3g}, zig-zag above "
    "1/&kappa; = {lo:.3g}.",
    "&kappa; = {k:.3g}: lr &lt; 2/&kappa; = {hi:.3g}이면 안정적이고, 1/&kappa; = {lo:.3g}보다 "
    "크면 지그재그로 움직입니다.",
)
WHAT = {
    "divergent": Text("lr = {lr:.3g} is above 2/&kappa;: the zig-zag grows every step",
                      "lr = {lr:.3g}이 2/&kappa;보다 커서 지그재그가 스텝마다 커집니다"),
    "converged": Text("|&nabla;f| &lt; {eps:g} after <b>{n}</b> steps",
                      "<b>{n}</b>스텝 뒤 |&nabla;f| &lt; {eps:g}"),
    "not": Text("not converged after {n} steps (|&nabla;f| &ge; {eps:g})",
                "{n}스텝 뒤에도 수렴하지 않았습니다 (|&nabla;f| &ge; {eps:g})"),
    "zigzag": Text("zig-zags across the valley; ", "골짜기를 가로질러 지그재그로 움직입니다. "),
}
OVERFLOW = Text("overflow", "넘침")


def describe(r):
    """Readout: the regime, steps to converge, final f and the stability limit (HTML)."""
    n = r.path.shape[0] - 1
    if r.regime == "divergent":
        what = html(WHAT["divergent"], lr=r.lr)
    elif r.converged_step is not None:
        what = html(WHAT["converged"], eps=r.eps, n=r.converged_step)
    else:
        what = html(WHAT["not"], n=n, eps=r.eps)
    if r.regime == "oscillating":
        what = html(WHAT["zigzag"]) + what
    final = html(OVERFLOW) if r.overflowed else Markup(f"{r.final_f:.3g}")
    return html(READOUT, color=REGIME_COLORS[r.regime], regime=REGIME_WORDS[r.regime], lr=r.lr,
                what=Markup(what), final=final,
                limit=html(LIMIT, k=r.kappa, hi=r.lr_limit, lo=r.lr_zigzag))


def _levels(kappa):
    top = 0.5 * (1.0 + kappa) * EXTENT ** 2
    return np.geomspace(top * 1e-3, top, 12)


class GD2DExplorer(Explorer):
    """Left: contours of f, arrows of −∇f, the descent path. Right: f per step (log)."""

    figsize = (9.0, 4.0)
    compute = staticmethod(compute)
    # the contours, the arrows and the left title follow the bowl: they are static
    # (in the cached background) and redrawn when κ or the angle changes
    background_depends_on = ("kappa", "angle")

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

    def build(self, fig):
        self.ax, self.ax_loss = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1.1, 1]})
        fig.subplots_adjust(left=0.06, right=0.98, bottom=0.13, top=0.9, wspace=0.25)
        self.ax.set_xlim(-EXTENT, EXTENT)
        self.ax.set_ylim(-EXTENT, EXTENT)
        self.ax.set_aspect("equal")
        self.ax.set_xlabel("x")
        self.ax.set_ylabel("y")
        self._contour_key = None
        self._contours = None
        g = np.linspace(-EXTENT, EXTENT, 11)
        gx, gy = np.meshgrid(g, g)
        self.quiver = self.ax.quiver(gx, gy, 0 * gx, 0 * gy, color="0.55", angles="xy",
                                     scale_units="xy", scale=1.6, width=0.004)
        (self.path_line,) = self.dynamic(self.ax.plot([], [], "o-", ms=3, lw=1.2, color="C1"))
        (self.start_dot,) = self.dynamic(self.ax.plot([], [], "o", ms=8, color="k"))
        # the minimum's mark goes over the path: dynamic although it never moves
        self.dynamic(self.ax.plot([0], [0], "+", ms=10, mew=2, color="k"))
        (self.loss_line,) = self.dynamic(self.ax_loss.plot([], [], "o-", ms=2.5, lw=1))
        self.loss_title = self.dynamic(self.ax_loss.set_title("", fontsize=10))
        self.ax_loss.set_yscale("log")
        # few ticks: every minor tick of a log axis is transformed and drawn on each update
        self.ax_loss.yaxis.set_major_locator(LogLocator(numticks=6))
        self.ax_loss.yaxis.set_minor_locator(NullLocator())
        self.ax_loss.set_xlabel("step t")
        self.ax_loss.set_ylabel(r"$f(p_t)$")
        self.ax_loss.grid(True, alpha=0.3)

    def _draw_bowl(self, r):
        """Contours, arrows (all of one length, along −∇f) and title of this bowl."""
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
        norm = np.hypot(r.grad_u, r.grad_v)
        norm[norm == 0] = 1.0
        self.quiver.set_UVC(-r.grad_u / norm, -r.grad_v / norm)
        self.ax.set_title(rf"$f = \frac{{1}}{{2}}(x^2 + \kappa y^2)$, $\kappa$ = {r.kappa:.3g}"
                          + (f", rotated {r.angle:g} deg" if r.angle else "")
                          + "; arrows: $-\\nabla f$", fontsize=9)
        self._contour_key = key

    def draw(self, r):
        self._draw_bowl(r)
        color = REGIME_COLORS[r.regime]
        shown = np.clip(r.path, -1e12, 1e12)   # a diverging path leaves the axes cleanly
        self.path_line.set_data(shown[:, 0], shown[:, 1])
        self.path_line.set_color(color)
        self.start_dot.set_data(shown[:1, 0], shown[:1, 1])
        with np.errstate(invalid="ignore"):
            vals = pin_for_log(r.values)
        self.loss_line.set_data(np.arange(vals.size), vals)
        self.loss_line.set_color(color)
        self.ax_loss.set_xlim(-0.5, r.steps + 0.5)
        # whole decades: the limits (so the cached background) stay put over most steps
        self.ax_loss.set_ylim(*log_decades(vals))
        self.loss_title.set_text(f"{r.regime}: lr = {r.lr:.3g} (limit 2/κ = {r.lr_limit:.3g})")
        self.loss_title.set_color(color)
        return describe(r)


def show(**values):
    """The ``gd_2d`` explorer (it displays itself as the widget in Jupyter).

    Parameters: kappa, lr, x0, y0, steps, angle (see ``compute``).
    """
    return GD2DExplorer(**values)
