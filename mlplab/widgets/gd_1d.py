"""Explorer ``gd_1d``: gradient descent on a function of one variable (lesson 01).

The update is x ← x − λ f'(x). Near a minimum x* the function looks like a
parabola with curvature f''(x*), and one step multiplies the distance to the
minimum by r = 1 − λ f''(x*):

    0 < λ < 1/f''         0 < r < 1     every step moves towards x*, never past it
    λ = 1/f''             r = 0         one step lands exactly on x* (quadratic f)
    1/f'' < λ < 2/f''     −1 < r < 0    each step jumps over x*, but by less: it converges
    λ = 2/f''             r = −1        it bounces between x* ± d forever
    λ > 2/f''             r < −1        each jump lands farther away: it diverges

``compute`` runs ``mlplab.optim.gradient_descent`` and names the regime from the
path itself (slow / good / oscillating / divergent), so the same rule also works
on the non-quadratic functions of the menu; on the quadratic it reproduces the
thresholds above exactly.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from matplotlib.ticker import LogLocator, NullLocator

from ..optim import gradient_descent
from ..validation import as_array, check_positive
from ._base import Explorer

__all__ = ["Function1D", "FUNCTIONS", "GD1DResult", "compute", "GD1DExplorer", "show",
           "regimes_figure", "REGIMES"]

REGIMES = ("slow", "good", "oscillating", "divergent")


@dataclass(frozen=True)
class Function1D:
    """A function of one variable with its first and second derivatives.

    minima : x of every local minimum, increasing
    maxima : x of the hilltops between them (one fewer)
    """

    label: str          # mathtext formula for figure titles
    f: object
    fprime: object
    fsecond: object
    domain: tuple
    minima: tuple
    maxima: tuple
    start: float        # a start that tells the story for this function


def _quad(x):
    return x ** 2


def _quad_p(x):
    return 2.0 * x


def _quad_pp(x):
    return np.full_like(np.asarray(x, dtype=float), 2.0)


def _two(x):
    return x ** 4 - 3.0 * x ** 2 + x


def _two_p(x):
    return 4.0 * x ** 3 - 6.0 * x + 1.0


def _two_pp(x):
    return 12.0 * x ** 2 - 6.0


def _quart(x):
    return x ** 4


def _quart_p(x):
    return 4.0 * x ** 3


def _quart_pp(x):
    return 12.0 * x ** 2


# f'(x) = 4x³ − 6x + 1 = 0 has three real roots: two valleys and the hilltop between.
_TWO_ROOTS = tuple(float(t) for t in np.sort(np.roots([4.0, 0.0, -6.0, 1.0]).real))


FUNCTIONS = {
    "quadratic": Function1D(r"$f(x) = x^2$", _quad, _quad_p, _quad_pp,
                            (-3.0, 3.0), (0.0,), (), 2.0),
    "two minima": Function1D(r"$f(x) = x^4 - 3x^2 + x$", _two, _two_p, _two_pp,
                             (-2.2, 2.2), _TWO_ROOTS[::2], _TWO_ROOTS[1:2], 0.5),
    "quartic": Function1D(r"$f(x) = x^4$", _quart, _quart_p, _quart_pp,
                          (-2.0, 2.0), (0.0,), (), 1.5),
}


@dataclass
class GD1DResult:
    """What one run of gradient descent did.

    path : (T + 1,) iterates x_0 … x_T (shorter than steps + 1 if it overflowed)
    values, grads : f and f' along the path
    regime : one of "slow", "good", "oscillating", "divergent"
    x_star, f_star : the local minimum whose valley holds the last iterate, and f there
    f_min : the lowest f over all local minima (the global minimum)
    curvature : f''(x_star)
    lr_oscillate, lr_diverge : 1/f''(x_star) and 2/f''(x_star) (inf if f'' = 0)
    converged_step : first t with |f'(x_t)| < eps, or None
    """

    function: str
    lr: float
    eps: float
    path: np.ndarray
    values: np.ndarray
    grads: np.ndarray
    regime: str
    x_star: float
    f_star: float
    f_min: float
    curvature: float
    lr_oscillate: float
    lr_diverge: float
    converged_step: int | None
    overflowed: bool

    @property
    def final_x(self):
        return float(self.path[-1])

    @property
    def final_f(self):
        return float(self.values[-1])


def _check_function(function):
    if function not in FUNCTIONS:
        raise ValueError(
            f"unknown function {function!r}; choose one of: {', '.join(FUNCTIONS)}"
        )
    return FUNCTIONS[function]


def _basin_minimum(fn, x):
    """The local minimum whose valley contains x (valleys are split at the hilltops)."""
    return fn.minima[int(np.searchsorted(fn.maxima, x))]


def _classify(path, x_star, converged, overflowed):
    """Name the regime from the path (see the module docstring).

    divergent: the numbers overflowed, or the path ended farther from the
    minimum of its valley than it started; oscillating: the last
    (non-negligible) moves alternate in direction; good / slow: monotone, and
    |f'| < eps at the end / not yet.
    """
    e = path - x_star
    if overflowed or abs(e[-1]) > abs(e[0]):
        return "divergent"
    steps = np.diff(path)
    steps = steps[np.abs(steps) > 1e-9 * (1.0 + abs(path[0]))]   # moves that still matter
    last = np.sign(steps[-4:])
    if last.size >= 2 and np.all(last[1:] * last[:-1] < 0):
        return "oscillating"
    return "good" if converged else "slow"


def compute(function="quadratic", lr=0.1, x0=2.0, steps=30, eps=1e-3):
    """Run gradient descent x ← x − lr·f'(x) from x0 and name what happened.

    Parameters
    ----------
    function : a name in ``FUNCTIONS`` ("quadratic", "two minima", "quartic")
    lr : float > 0, the learning rate λ
    x0 : float, the start
    steps : int ≥ 1, number of updates
    eps : float > 0, "converged" means |f'(x)| < eps

    Returns
    -------
    GD1DResult
    """
    fn = _check_function(function)
    lr = check_positive(lr, "lr")
    x0 = float(as_array(x0, "x0", ndim=0))
    steps = check_positive(steps, "steps", integer=True)
    eps = check_positive(eps, "eps")

    path = gradient_descent(fn.fprime, x0, lr, steps)
    overflowed = path.shape[0] < steps + 1
    with np.errstate(over="ignore", invalid="ignore"):
        values = fn.f(path)
        grads = fn.fprime(path)
    small = np.flatnonzero(np.abs(grads) < eps)
    converged_step = int(small[0]) if small.size else None

    x_star = _basin_minimum(fn, path[-1])
    curvature = float(fn.fsecond(x_star))
    lr_osc = 1.0 / curvature if curvature > 0 else np.inf
    regime = _classify(path, x_star, bool(abs(grads[-1]) < eps), overflowed)
    return GD1DResult(
        function=function, lr=lr, eps=eps, path=path, values=values, grads=grads,
        regime=regime, x_star=x_star, f_star=float(fn.f(x_star)),
        f_min=float(min(fn.f(m) for m in fn.minima)), curvature=curvature,
        lr_oscillate=lr_osc, lr_diverge=2.0 * lr_osc,
        converged_step=converged_step if regime != "divergent" else None,
        overflowed=overflowed,
    )


CAP = 1e100   # log axes cannot tick near the float limit; larger values are pinned here
REGIME_COLORS = {"slow": "#1f77b4", "good": "#2ca02c", "oscillating": "#ff7f0e",
                 "divergent": "#d62728"}


def _gap(r):
    """f(x_t) − f_min, floored so a log axis can show an exact landing."""
    with np.errstate(invalid="ignore"):
        gap = np.maximum(r.values - r.f_min, 1e-16)
    return np.minimum(np.where(np.isfinite(gap), gap, CAP), CAP)   # overflowed: pinned at the top


def _view(fn, path):
    """x-range to draw: the domain, widened (up to 3×) to show a path that leaves it."""
    lo, hi = fn.domain
    width = hi - lo
    finite = path[np.isfinite(path)]
    lo = max(min(lo, finite.min() - 0.1 * width), lo - width)
    hi = min(max(hi, finite.max() + 0.1 * width), hi + width)
    return lo, hi


def describe(r):
    """One or two sentences for the readout (HTML)."""
    thresholds = ""
    if np.isfinite(r.lr_oscillate):
        thresholds = (f"f''(x*) = {r.curvature:.3g} at the minimum x* = {r.x_star:.3g}, so "
                      f"steps overshoot above lr = 1/f'' = {r.lr_oscillate:.3g} and diverge "
                      f"above lr = 2/f'' = {r.lr_diverge:.3g}.")
    else:
        thresholds = (f"f''(x*) = 0 at x* = {r.x_star:.3g}: the bottom is flat, so near it "
                      "the steps shrink with the gradient and progress crawls.")
    n = r.path.size - 1
    if r.regime == "divergent":
        what = "each step lands farther from the minimum than the last" + (
            " (the numbers overflowed)" if r.overflowed else "")
    elif r.regime == "oscillating":
        what = "each step jumps over the minimum"
        what += (f"; still, |f'| &lt; {r.eps:g} after {r.converged_step} steps"
                 if r.converged_step is not None else "; it has not settled")
    elif r.regime == "good":
        what = f"|f'(x)| &lt; {r.eps:g} after {r.converged_step} steps"
    else:
        what = (f"after {n} steps |f'(x)| = {abs(r.grads[-1]):.2g} is still above "
                f"{r.eps:g}; raise lr or steps")
    final = "overflow" if r.overflowed else f"{r.final_f:.4g}"
    where = ""
    fn = FUNCTIONS[r.function]
    if len(fn.minima) > 1 and r.regime != "divergent":
        kind = "global" if np.isclose(r.f_star, r.f_min) else "local (not the global)"
        where = f" Heading for the {kind} minimum at x = {r.x_star:.3g}."
    color = REGIME_COLORS[r.regime]
    return (f"<b style='color:{color}'>{r.regime}</b> (lr = {r.lr:.3g}): {what}. "
            f"Final x = {r.final_x:.4g}, final f = <b>{final}</b>.{where}<br>{thresholds}")


class GD1DExplorer(Explorer):
    """Left: the path on the curve. Right: f(x_t) − f_min per step (log scale)."""

    figsize = (9.0, 3.4)

    def defaults(self):
        return {"function": "quadratic", "lr": 0.1, "x0": 2.0, "steps": 40}

    def controls(self):
        import ipywidgets as widgets

        style = {"description_width": "initial"}
        return {
            "function": widgets.Dropdown(options=list(FUNCTIONS), description="f",
                                         style=style),
            "lr": widgets.FloatLogSlider(base=10, min=-3, max=0.5, step=0.01,
                                         description="learning rate", readout_format=".3g",
                                         continuous_update=False, style=style),
            "x0": widgets.FloatSlider(min=-3.0, max=3.0, step=0.05, description="start x0",
                                      continuous_update=False, style=style),
            "steps": widgets.IntSlider(min=1, max=200, description="steps",
                                       continuous_update=False, style=style),
        }

    def _build(self, fig):
        self.ax_curve, self.ax_loss = fig.subplots(1, 2)
        fig.subplots_adjust(left=0.07, right=0.98, bottom=0.15, top=0.88, wspace=0.28)
        (self.curve,) = self.ax_curve.plot([], [], color="0.3", lw=1.5)
        (self.path_line,) = self.ax_curve.plot([], [], "o-", ms=3.5, lw=1)
        (self.start_dot,) = self.ax_curve.plot([], [], "o", ms=8, color="k", label="start")
        (self.end_dot,) = self.ax_curve.plot([], [], "*", ms=13, color="C3", label="end")
        self.ax_curve.set_xlabel("x")
        legend = self.ax_curve.legend(loc="upper center", fontsize=8, ncol=2, frameon=False)
        (self.loss_line,) = self.ax_loss.plot([], [], "o-", ms=3, lw=1)
        # where a path stuck in a local (not global) minimum levels off
        (self.local_line,) = self.ax_loss.plot([], [], ":", color="0.4", lw=1.2)
        self.local_text = self.ax_loss.text(0.98, 0.95, "", transform=self.ax_loss.transAxes,
                                            ha="right", va="top", fontsize=8, color="0.3")
        self.ax_loss.set_yscale("log")
        # few ticks: every minor tick of a log axis is transformed and drawn on each update
        self.ax_loss.yaxis.set_major_locator(LogLocator(numticks=6))
        self.ax_loss.yaxis.set_minor_locator(NullLocator())
        self.ax_loss.set_xlabel("step t")
        self.ax_loss.set_ylabel(r"$f(x_t) - f_{min}$")
        self.ax_loss.grid(True, which="major", alpha=0.3)
        # blitting (see Explorer): everything that changes on an update, in drawing order
        self.animated = [self.curve, self.path_line, self.start_dot, self.end_dot, legend,
                         self.ax_curve.title, self.loss_line, self.local_line,
                         self.local_text, self.ax_loss.title]

    def _update(self):
        v = self.values
        r = compute(v["function"], v["lr"], v["x0"], v["steps"])
        self.result = r
        fn = FUNCTIONS[r.function]
        lo, hi = _view(fn, r.path)
        xs = np.linspace(lo, hi, 300)
        ys = fn.f(xs)
        self.curve.set_data(xs, ys)
        self.path_line.set_data(r.path, r.values)
        self.start_dot.set_data(r.path[:1], r.values[:1])
        self.end_dot.set_data(r.path[-1:], r.values[-1:])
        ymin, ymax = ys.min(), ys.max()
        pad = 0.06 * (ymax - ymin)
        self.ax_curve.set_xlim(lo, hi)
        self.ax_curve.set_ylim(ymin - pad, ymax + 3 * pad)
        self.ax_curve.set_title(fn.label, fontsize=10)

        gap = _gap(r)
        color = REGIME_COLORS[r.regime]
        self.loss_line.set_data(np.arange(gap.size), gap)
        self.loss_line.set_color(color)
        self.path_line.set_color(color)
        self.ax_loss.set_xlim(-0.5, max(v["steps"], 1) + 0.5)
        level = r.f_star - r.f_min
        stuck = r.regime != "divergent" and level > 1e-9
        self.local_line.set_data([0, v["steps"]] if stuck else [], [level, level] if stuck else [])
        self.local_text.set_text(f"dotted: local minimum, {level:.3g} above the global one"
                                 if stuck else "")
        # whole decades: the limits (so the cached background) stay put over most lr steps
        self.ax_loss.set_ylim(10.0 ** np.floor(np.log10(gap.min() / 2)),
                              10.0 ** np.ceil(np.log10(gap.max() * 2)))
        self.ax_loss.set_title(f"{r.regime}: lr = {r.lr:.3g}", fontsize=10, color=color)
        return describe(r)


def show(**values):
    """The ``gd_1d`` explorer (it displays itself as the widget in Jupyter).

    Parameters: function, lr, x0, steps (see ``compute``).
    """
    return GD1DExplorer(**values)


def regimes_figure(lrs=(0.01, 0.3, 0.8, 1.05), function="quadratic", x0=2.0, steps=10):
    """One panel per learning rate: the path on the curve, titled with its regime.

    The lesson's static picture of slow / good / oscillating / divergent.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fn = _check_function(function)
    fig = Figure(figsize=(3.0 * len(lrs), 3.2), dpi=80)
    FigureCanvasAgg(fig)
    axes = fig.subplots(1, len(lrs), sharey=True)
    fig.subplots_adjust(left=0.05, right=0.99, bottom=0.15, top=0.85, wspace=0.08)
    for ax, lr in zip(np.atleast_1d(axes), lrs):
        r = compute(function, lr, x0, steps)
        lo, hi = fn.domain
        xs = np.linspace(lo, hi, 200)
        ax.plot(xs, fn.f(xs), color="0.3", lw=1.5)
        color = REGIME_COLORS[r.regime]
        ax.plot(r.path, r.values, "o-", ms=3.5, lw=1, color=color)
        ax.plot(r.path[:1], r.values[:1], "o", ms=7, color="k")
        ys = fn.f(xs)
        ax.set_xlim(lo, hi)
        ax.set_ylim(ys.min() - 0.05 * np.ptp(ys), ys.max() + 0.1 * np.ptp(ys))
        ax.set_title(f"lr = {lr:g} (lr f'' = {lr * r.curvature:.3g}): {r.regime}",
                     color=color, fontsize=10)
        ax.set_xlabel("x")
    fig.suptitle(f"{fn.label}, start x0 = {x0:g}, {steps} steps", fontsize=10)
    return fig
