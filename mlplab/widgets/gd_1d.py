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

from ..i18n import Text
from ..optim import gradient_descent
from ..validation import check_choice, check_number, check_steps
from ._base import Explorer, Markup, html
from ._limits import log_decades, padded_limits, pin_for_log

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
    steps : the number of steps asked for (the path is shorter if it overflowed)
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
    steps: int

    @property
    def final_x(self):
        return float(self.path[-1])

    @property
    def final_f(self):
        return float(self.values[-1])


def _check_function(function):
    return FUNCTIONS[check_choice(function, "function", FUNCTIONS)]


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
    lr = check_number(lr, "lr", 0.0, lo_open=True, example=0.1)
    x0 = check_number(x0, "x0", -1e6, 1e6, example=2.0)
    steps = check_steps(steps, allow_zero=False)
    eps = check_number(eps, "eps", 0.0, lo_open=True, example=1e-3)

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
        overflowed=overflowed, steps=steps,
    )


REGIME_COLORS = {"slow": "#1f77b4", "good": "#2ca02c", "oscillating": "#ff7f0e",
                 "divergent": "#d62728"}
# Korean readouts name the regime and keep the English word the figure titles show
REGIME_WORDS = {"slow": Text("slow", "느림(slow)"), "good": Text("good", "수렴(good)"),
                "oscillating": Text("oscillating", "진동(oscillating)"),
                "divergent": Text("divergent", "발산(divergent)")}

READOUT = Text(
    "<b style='color:{color}'>{regime}</b> (lr = {lr:.3g}): {what}. Final x = {x:.4g}, "
    "final f = <b>{final}</b>.{where}<br>{thresholds}",
    "<b style='color:{color}'>{regime}</b> (lr = {lr:.3g}): {what}. 마지막 x = {x:.4g}, "
    "마지막 f = <b>{final}</b>.{where}<br>{thresholds}",
)
WHAT = {
    "divergent": Text("each step lands farther from the minimum than the last",
                      "한 스텝마다 최솟값에서 더 멀어집니다"),
    "overflow": Text(" (the numbers overflowed)", " (수가 너무 커져 넘쳤습니다)"),
    "oscillating": Text("each step jumps over the minimum", "한 스텝마다 최솟값을 건너뜁니다"),
    "settled": Text("; still, |f'| &lt; {eps:g} after {n} steps",
                    "; 그래도 {n}스텝 뒤 |f'| &lt; {eps:g}"),
    "unsettled": Text("; it has not settled", "; 아직 자리를 잡지 못했습니다"),
    "good": Text("|f'(x)| &lt; {eps:g} after {n} steps", "{n}스텝 뒤 |f'(x)| &lt; {eps:g}"),
    "slow": Text("after {n} steps |f'(x)| = {g:.2g} is still above {eps:g}; raise lr or steps",
                 "{n}스텝 뒤에도 |f'(x)| = {g:.2g}로 {eps:g}보다 큽니다. 학습률 lr이나 "
                 "steps를 늘리세요"),
}
THRESHOLDS = Text(
    "f''(x*) = {c:.3g} at the minimum x* = {x:.3g}, so steps overshoot above lr = 1/f'' = "
    "{lo:.3g} and diverge above lr = 2/f'' = {hi:.3g}.",
    "최솟값 x* = {x:.3g}에서 f''(x*) = {c:.3g}이므로 lr이 1/f'' = {lo:.3g}보다 크면 최솟값을 "
    "지나치고, 2/f'' = {hi:.3g}보다 크면 발산합니다.",
)
FLAT = Text(
    "f''(x*) = 0 at x* = {x:.3g}: the bottom is flat, so near it the steps shrink with the "
    "gradient and progress crawls.",
    "x* = {x:.3g}에서 f''(x*) = 0: 바닥이 평평해서, 그 근처에서는 그레디언트와 함께 스텝도 "
    "작아져 아주 느리게 나아갑니다.",
)
WHERE = Text(" Heading for the {kind} at x = {x:.3g}.", " x = {x:.3g}의 {kind}으로 향합니다.")
GLOBAL = Text("global minimum", "전역 최솟값")
LOCAL = Text("local minimum (not the global one)", "극솟값(전역 최솟값이 아님)")
OVERFLOW = Text("overflow", "넘침")
STUCK = "dotted: local minimum, {level:.3g} above the global one"


def describe(r):
    """The readout for a result: the regime, what the steps did, the thresholds (HTML)."""
    if np.isfinite(r.lr_oscillate):
        thresholds = html(THRESHOLDS, c=r.curvature, x=r.x_star, lo=r.lr_oscillate,
                          hi=r.lr_diverge)
    else:
        thresholds = html(FLAT, x=r.x_star)
    n = r.path.size - 1
    if r.regime == "divergent":
        what = html(WHAT["divergent"]) + (html(WHAT["overflow"]) if r.overflowed else "")
    elif r.regime == "oscillating":
        what = html(WHAT["oscillating"]) + (
            html(WHAT["settled"], eps=r.eps, n=r.converged_step)
            if r.converged_step is not None else html(WHAT["unsettled"]))
    elif r.regime == "good":
        what = html(WHAT["good"], eps=r.eps, n=r.converged_step)
    else:
        what = html(WHAT["slow"], n=n, g=abs(r.grads[-1]), eps=r.eps)
    where = ""
    if len(FUNCTIONS[r.function].minima) > 1 and r.regime != "divergent":
        kind = GLOBAL if np.isclose(r.f_star, r.f_min) else LOCAL
        where = html(WHERE, kind=kind, x=r.x_star)
    final = html(OVERFLOW) if r.overflowed else Markup(f"{r.final_f:.4g}")
    return html(READOUT, color=REGIME_COLORS[r.regime], regime=REGIME_WORDS[r.regime], lr=r.lr,
                what=Markup(what), x=r.final_x, final=final, where=Markup(where),
                thresholds=thresholds)


def _gap(r):
    """f(x_t) − f_min, ready for a log axis (an exact landing at the floor, overflow at the cap)."""
    with np.errstate(invalid="ignore", over="ignore"):
        return pin_for_log(r.values - r.f_min)


def _view(fn, path):
    """x-range to draw: the domain, widened (up to 3×) to show a path that leaves it."""
    lo, hi = fn.domain
    width = hi - lo
    finite = path[np.isfinite(path)]
    lo = max(min(lo, finite.min() - 0.1 * width), lo - width)
    hi = min(max(hi, finite.max() + 0.1 * width), hi + width)
    return lo, hi


class GD1DExplorer(Explorer):
    """Left: the path on the curve. Right: f(x_t) − f_min per step (log scale)."""

    figsize = (9.0, 3.4)
    compute = staticmethod(compute)

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

    def build(self, fig):
        self.ax_curve, self.ax_loss = fig.subplots(1, 2)
        fig.subplots_adjust(left=0.07, right=0.98, bottom=0.15, top=0.88, wspace=0.28)
        (self.curve,) = self.dynamic(self.ax_curve.plot([], [], color="0.3", lw=1.5))
        (self.path_line,) = self.dynamic(self.ax_curve.plot([], [], "o-", ms=3.5, lw=1))
        (self.start_dot,) = self.dynamic(self.ax_curve.plot([], [], "o", ms=8, color="k",
                                                            label="start"))
        (self.end_dot,) = self.dynamic(self.ax_curve.plot([], [], "*", ms=13, color="C3",
                                                          label="end"))
        self.ax_curve.set_xlabel("x")
        self.dynamic(self.ax_curve.legend(loc="upper center", fontsize=8, ncol=2, frameon=False))
        self.curve_title = self.dynamic(self.ax_curve.set_title("", fontsize=10))
        (self.loss_line,) = self.dynamic(self.ax_loss.plot([], [], "o-", ms=3, lw=1))
        # where a path stuck in a local (not global) minimum levels off
        (self.local_line,) = self.dynamic(self.ax_loss.plot([], [], ":", color="0.4", lw=1.2))
        self.local_text = self.dynamic(self.ax_loss.text(
            0.98, 0.95, "", transform=self.ax_loss.transAxes, ha="right", va="top", fontsize=8,
            color="0.3"))
        self.loss_title = self.dynamic(self.ax_loss.set_title("", fontsize=10))
        self.ax_loss.set_yscale("log")
        # few ticks: every minor tick of a log axis is transformed and drawn on each update
        self.ax_loss.yaxis.set_major_locator(LogLocator(numticks=6))
        self.ax_loss.yaxis.set_minor_locator(NullLocator())
        self.ax_loss.set_xlabel("step t")
        self.ax_loss.set_ylabel(r"$f(x_t) - f_{min}$")
        self.ax_loss.grid(True, which="major", alpha=0.3)

    def draw(self, r):
        fn = FUNCTIONS[r.function]
        lo, hi = _view(fn, r.path)
        xs = np.linspace(lo, hi, 300)
        ys = fn.f(xs)
        with np.errstate(invalid="ignore", over="ignore"):
            shown = np.clip(r.values, -1e12, 1e12)  # an overflowed path leaves the axes cleanly
        self.curve.set_data(xs, ys)
        self.path_line.set_data(r.path, shown)
        self.start_dot.set_data(r.path[:1], shown[:1])
        self.end_dot.set_data(r.path[-1:], shown[-1:])
        self.ax_curve.set_xlim(lo, hi)
        self.ax_curve.set_ylim(*padded_limits(ys, pad=0.06, top_pad=0.18))
        self.curve_title.set_text(fn.label)

        gap = _gap(r)
        color = REGIME_COLORS[r.regime]
        self.loss_line.set_data(np.arange(gap.size), gap)
        self.loss_line.set_color(color)
        self.path_line.set_color(color)
        self.ax_loss.set_xlim(-0.5, r.steps + 0.5)
        level = r.f_star - r.f_min
        stuck = r.regime != "divergent" and level > 1e-9
        self.local_line.set_data([0, r.steps] if stuck else [], [level, level] if stuck else [])
        self.local_text.set_text(STUCK.format(level=level) if stuck else "")
        # whole decades: the limits (so the cached background) stay put over most lr steps
        self.ax_loss.set_ylim(*log_decades(gap))
        self.loss_title.set_text(f"{r.regime}: lr = {r.lr:.3g}")
        self.loss_title.set_color(color)
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
    if isinstance(lrs, (str, bytes)) or not hasattr(lrs, "__len__") or not 1 <= len(lrs) <= 8:
        raise TypeError(f"lrs must be a list of 1 to 8 learning rates, got {lrs!r}; for example "
                        "lrs=(0.01, 0.3, 0.8, 1.05).")
    results = [compute(function, lr, x0, steps) for lr in lrs]   # checks every lr, x0, steps
    fig = Figure(figsize=(3.0 * len(lrs), 3.2), dpi=80)
    FigureCanvasAgg(fig)
    axes = fig.subplots(1, len(lrs), sharey=True)
    fig.subplots_adjust(left=0.05, right=0.99, bottom=0.15, top=0.85, wspace=0.08)
    for ax, lr, r in zip(np.atleast_1d(axes), lrs, results):
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
