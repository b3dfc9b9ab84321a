"""Explorer ``sawtooth``: depth buys linear pieces exponentially (lesson 09).

The tent map on [0, 1],

    t(x) = 2·relu(x) − 4·relu(x − ½)      (= 2x up to ½, then 2 − 2x),

is a ReLU layer with two units followed by a weighted sum. Composing it k times,
t∘t∘…∘t, gives a sawtooth with 2^k linear pieces, computed by a network with k
hidden layers of 2 ReLUs each (2k units). A network with a single hidden layer
adds one kink per unit, so it needs 2^k units for the same function.

The constructions live in ``mlplab.constructions``. Everything is exact in
floating point: the weights are small powers of two and the grid is dyadic
(x = i / 2^m), so the sawtooth's kinks at j / 2^k land exactly on grid points
and the numerical piece count is exact.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from matplotlib.ticker import NullLocator

# deep_sawtooth_params, piecewise_linear_params, shallow_sawtooth_mlp and tent are
# imported by the lessons from here; their home is mlplab.constructions
from ..constructions import (  # noqa: F401
    K_MAX,
    count_linear_pieces,
    deep_sawtooth_mlp,
    deep_sawtooth_params,
    dyadic_grid,
    piecewise_linear_params,
    sawtooth_composed,
    shallow_sawtooth_mlp,
    tent,
)
from ..i18n import Text
from ..mlp import count_params
from ..validation import check_int
from ._base import Explorer, html

__all__ = ["SawtoothResult", "compute", "SawtoothExplorer", "show"]

@dataclass
class SawtoothResult:
    """What ``compute`` found for depth k.

    x, y : the dyadic grid and t^k on it (from the deep MLP)
    pieces : linear pieces counted numerically on the grid
    kinks : x positions where the slope changes
    deep_units, deep_params : 2k hidden ReLUs, parameters of [1, 2, …, 2, 1]
    shallow_units, shallow_params : units (= pieces) and parameters of [1, pieces, 1]
    max_deviation : max |deep MLP − composition| on the grid
    """

    k: int
    x: np.ndarray
    y: np.ndarray
    pieces: int
    kinks: np.ndarray
    deep_units: int
    deep_params: int
    shallow_units: int
    shallow_params: int
    max_deviation: float


def compute(k=3, grid_power=None):
    """Build the deep sawtooth net for depth k, evaluate it and count its pieces.

    Parameters
    ----------
    k : int in 1..10, the number of compositions (hidden layers)
    grid_power : int m, grid of 2^m intervals; default max(12, k + 2), which
        puts every kink j / 2^k on a grid point

    Returns
    -------
    SawtoothResult
    """
    k = check_int(k, "k", 1, K_MAX, example=3)
    m = max(12, k + 2) if grid_power is None else check_int(grid_power, "grid_power", k, 24)
    x = dyadic_grid(m)
    y = deep_sawtooth_mlp(k).predict(x[:, None]).ravel()
    slopes = np.diff(y) / np.diff(x)
    kinks = x[1:-1][np.diff(slopes) != 0]
    pieces = count_linear_pieces(x, y)
    deviation = float(np.max(np.abs(y - sawtooth_composed(x, k))))
    return SawtoothResult(
        k=k, x=x, y=y, pieces=pieces, kinks=kinks,
        deep_units=2 * k, deep_params=count_params([1] + [2] * k + [1]),
        shallow_units=pieces, shallow_params=count_params([1, pieces, 1]),
        max_deviation=deviation,
    )


READOUT = Text(
    "<b>k = {k}</b>: {pieces} linear pieces (counted on a grid of {n} dyadic intervals). Deep "
    "net: {k} layers × 2 ReLUs = <b>{du} units</b> ({dp} parameters). One hidden layer needs "
    "<b>{su} units</b> ({sp} parameters).",
    "<b>k = {k}</b>: 선형 조각 {pieces}개 (이진 구간 {n}개로 나눈 격자에서 센 값). 깊은 신경망: "
    "{k}층 × ReLU 2개 = <b>유닛 {du}개</b> (파라미터 {dp}개). 은닉층이 하나뿐이면 <b>유닛 {su}개</b>가 "
    "필요합니다 (파라미터 {sp}개).",
)


class SawtoothExplorer(Explorer):
    """Depth k → the sawtooth t^k, its counted pieces, and units deep vs shallow."""

    figsize = (9.0, 3.4)
    compute = staticmethod(compute)

    def defaults(self):
        return {"k": 3}

    def controls(self):
        import ipywidgets as widgets

        return {"k": widgets.IntSlider(min=1, max=8, description="depth k")}

    def build(self, fig):
        self.ax_f, self.ax_u = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1.5, 1]})
        fig.subplots_adjust(left=0.07, right=0.97, bottom=0.16, top=0.88, wspace=0.3)
        (self.curve,) = self.dynamic(self.ax_f.plot([], [], "C0-", lw=1.5))
        (self.kink_dots,) = self.dynamic(self.ax_f.plot([], [], "C3.", ms=4))
        self.ax_f.set_xlim(0, 1)
        self.ax_f.set_ylim(-0.05, 1.1)
        self.ax_f.set_xlabel("x")
        self.ax_f.set_ylabel("t^k(x)")
        self.title = self.dynamic(self.ax_f.set_title("", fontsize=10))
        ks = np.arange(1, K_MAX + 1)
        self.ax_u.semilogy(ks, 2 * ks, "C0o-", ms=4, label="deep: 2k units")
        self.ax_u.semilogy(ks, 2.0**ks, "C1s-", ms=4, label="shallow: 2^k units")
        (self.mark_deep,) = self.dynamic(self.ax_u.plot([], [], "o", ms=11, mfc="none", mec="C0",
                                                        mew=2))
        (self.mark_shallow,) = self.dynamic(self.ax_u.plot([], [], "s", ms=11, mfc="none",
                                                           mec="C1", mew=2))
        # plain tick labels (log-scale defaults are mathtext, slow to render)
        ticks = [2**i for i in range(1, K_MAX + 1)]
        self.ax_u.set_yticks(ticks, labels=[str(t) for t in ticks])
        self.ax_u.yaxis.set_minor_locator(NullLocator())
        self.ax_u.set_xlabel("depth k")
        self.ax_u.set_ylabel("hidden ReLU units")
        self.ax_u.set_title("units needed for t^k", fontsize=10)
        self.ax_u.legend(loc="upper left", fontsize=8)

    def draw(self, r):
        # a piecewise-linear function is drawn exactly by its piece ends
        ends = np.r_[r.x[0], r.kinks, r.x[-1]]
        self.curve.set_data(ends, np.interp(ends, r.x, r.y))
        self.kink_dots.set_data(r.kinks, np.interp(r.kinks, r.x, r.y))
        self.mark_deep.set_data([r.k], [r.deep_units])
        self.mark_shallow.set_data([r.k], [r.shallow_units])
        self.title.set_text(f"t composed {r.k} times: {r.pieces} linear pieces")
        return html(READOUT, k=r.k, pieces=r.pieces, n=r.x.size - 1, du=r.deep_units,
                    dp=r.deep_params, su=r.shallow_units, sp=r.shallow_params)


def show(**values):
    """The sawtooth explorer (displays itself as a widget in Jupyter)."""
    return SawtoothExplorer(**values)
