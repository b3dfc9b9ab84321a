"""Explorer ``bump_builder``: a sum of bumps made of steep sigmoids (lesson 08).

A hidden unit with a steep sigmoid is (almost) a step:

    σ(w x + b) = σ(w (x − p)),   p = −b / w,

which jumps from 0 to 1 at x = p, over a width of about 4 / w. Two steps with
output weights +h and −h make a bump of height h on [p_left, p_right]:

    h · (σ(w (x − p_left)) − σ(w (x − p_right))).

Cutting [0, 1] into n equal pieces and giving each piece a bump whose height is
the target at its centre gives a staircase that follows any continuous curve;
with more bumps the staircase gets finer. The whole sum is a network with one
hidden layer of 2n sigmoid units and a linear output, so its weights can be
handed to ``MLP.from_params`` unchanged (see ``BumpResult.params``).

The first bump starts one bump width before 0 and the last ends one bump width
after 1, so the ends of [0, 1] are not cut in half by a step.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..activations import SIGMOID
from ..constructions import bump_edges, bump_params
from ..data import TARGETS, target_function
from ..i18n import Text
from ..mlp import MLP
from ..validation import as_array, check_choice, check_int, check_number, check_size
from ._base import Explorer, html
from ._limits import step_limits

__all__ = ["BumpResult", "compute", "BumpBuilderExplorer", "show", "N_SLIDERS"]

#: how many height sliders the explorer offers ("sliders" mode uses at most this many bumps)
N_SLIDERS = 6
MAX_BUMPS = 50


@dataclass
class BumpResult:
    """What ``compute`` built.

    x : (m,) grid on [0, 1]; target : (m,) f(x)
    edges : (n + 1,) step positions; centres, heights : (n,)
    steps : (2n, m) each hidden unit's output σ(w (x − p)), units ordered
            (left edge of bump 1, right edge of bump 1, left edge of bump 2, ...)
    bumps : (n, m) each bump h_j · (step_left − step_right)
    total : (m,) the sum of the bumps (the network's output)
    W1 (1, 2n), b1 (2n,), W2 (2n, 1), b2 (1,) : the same sum as network weights
    max_error, mean_error : max and mean of |total − target| on the grid
    """

    x: np.ndarray
    target: np.ndarray
    steepness: float
    edges: np.ndarray
    centres: np.ndarray
    heights: np.ndarray
    steps: np.ndarray
    bumps: np.ndarray
    total: np.ndarray
    W1: np.ndarray
    b1: np.ndarray
    W2: np.ndarray
    b2: np.ndarray
    max_error: float
    mean_error: float

    @property
    def n_bumps(self):
        return self.heights.size

    @property
    def n_hidden(self):
        """Hidden units: two steps per bump."""
        return 2 * self.heights.size

    @property
    def params(self):
        """[(W1, b1), (W2, b2)] for ``MLP.from_params(..., activation="sigmoid", output="identity")``."""
        return [(self.W1.copy(), self.b1.copy()), (self.W2.copy(), self.b2.copy())]

    def to_mlp(self):
        """The hand-built weights as an ``MLP`` (sigmoid hidden layer, identity output)."""
        return MLP.from_params(self.params, activation="sigmoid", output="identity")


def compute(n_bumps=10, steepness=1000.0, target="wiggly", heights=None, n_points=500):
    """Build the sum of n bumps that follows ``target`` on [0, 1].

    Parameters
    ----------
    n_bumps : int from 1 to 500, number of bumps n (the network has 2n hidden units)
    steepness : float in (0, 1e6], the slope w of every hidden sigmoid σ(w (x − p))
    target : name in ``mlplab.data.TARGETS`` (the curve to follow)
    heights : None (height of bump j = target at its centre) or (n,) given heights
    n_points : int from 2 to 100,000, grid size on [0, 1]

    Returns
    -------
    BumpResult
    """
    edges, centres = bump_edges(n_bumps)
    n = centres.size
    w = check_number(steepness, "steepness", 0.0, 1e6, lo_open=True, example=1000.0)
    f = target_function(check_choice(target, "target", TARGETS))
    n_points = check_int(n_points, "n_points", 2, 100_000, example=500)
    check_size(2 * n * n_points, f"{n} bumps on {n_points} points")
    if heights is None:
        heights = f(centres)
    else:
        heights = as_array(heights, "heights", ndim=1)
        if np.abs(heights).max() > 1e6:
            raise ValueError(f"heights must lie in [-1e6, 1e6], got {np.abs(heights).max():.3g}.")
        if heights.shape != (n,):
            raise ValueError(
                f"heights has {heights.shape[0]} entries but there are {n} bumps; "
                f"expected one height per bump, shape ({n},)."
            )
    x = np.linspace(0.0, 1.0, n_points)

    (W1, b1), (W2, b2) = bump_params(edges, heights, w)   # 2n sigmoid steps, ±h_j out
    steps = SIGMOID.h(x[None, :] * W1.T + b1[:, None])            # (2n, m)
    bumps = heights[:, None] * (steps[0::2] - steps[1::2])          # (n, m)
    total = bumps.sum(axis=0)
    y = f(x)
    err = np.abs(total - y)
    return BumpResult(
        x=x, target=y, steepness=w, edges=edges, centres=centres, heights=heights,
        steps=steps, bumps=bumps, total=total, W1=W1, b1=b1, W2=W2, b2=b2,
        max_error=float(err.max()), mean_error=float(err.mean()),
    )


HEIGHTS_FROM = ("target", "sliders")
READOUT = Text(
    "<b>{n} bumps</b> ({units} sigmoid units, steepness w = {w:.0f}, step width ≈ 4/w = "
    "{width:.3g}): max error <b>{max_err:.4f}</b>, mean error <b>{mean_err:.4f}</b> on [0, 1]{note}.",
    "<b>범프 {n}개</b> (시그모이드 유닛 {units}개, 가파르기 w = {w:.0f}, 계단 폭 ≈ 4/w = "
    "{width:.3g}): [0, 1]에서 최대 오차 <b>{max_err:.4f}</b>, 평균 오차 <b>{mean_err:.4f}</b>{note}.",
)
CAPPED = Text(" (sliders mode uses at most {k} bumps, h1…h{k})",
              " (슬라이더 모드는 범프를 최대 {k}개, h1…h{k}까지 씁니다)")


class BumpBuilderExplorer(Explorer):
    """Number of bumps, steepness, heights → the hidden steps and their sum vs the target."""

    figsize = (9.0, 3.6)

    def compute(self, n_bumps, steepness, target, heights_from, **sliders):
        """Heights from the target, or from the sliders h1…h6 (then at most 6 bumps)."""
        heights = [check_number(sliders[f"h{i + 1}"], f"h{i + 1}", -1e6, 1e6, example=0.3)
                   for i in range(N_SLIDERS)]
        if check_choice(heights_from, "heights_from", HEIGHTS_FROM) == "sliders":
            n = min(check_int(n_bumps, "n_bumps", 1, None), N_SLIDERS)
            return compute(n, steepness, target, heights=heights[:n], n_points=400)
        return compute(n_bumps, steepness, target, n_points=400)

    def defaults(self):
        values = {"n_bumps": 10, "steepness": 1000.0, "target": "wiggly", "heights_from": "target"}
        values.update({f"h{i + 1}": 0.3 for i in range(N_SLIDERS)})
        return values

    def controls(self):
        import ipywidgets as widgets

        style = {"description_width": "initial"}
        small = widgets.Layout(width="210px")
        c = {
            "n_bumps": widgets.IntSlider(min=1, max=MAX_BUMPS, description="bumps",
                                         continuous_update=False),
            "steepness": widgets.FloatLogSlider(min=1, max=4, base=10, description="steepness w",
                                                style=style, continuous_update=False),
            "target": widgets.Dropdown(options=sorted(TARGETS), description="target"),
            "heights_from": widgets.Dropdown(options=list(HEIGHTS_FROM),
                                             description="heights from", style=style),
        }
        for i in range(N_SLIDERS):
            c[f"h{i + 1}"] = widgets.FloatSlider(min=-0.5, max=1.5, step=0.01,
                                                 description=f"h{i + 1}", layout=small,
                                                 continuous_update=False)
        return c

    def build(self, fig):
        from matplotlib.collections import LineCollection

        self.ax_s, self.ax_f = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1, 1.4]})
        fig.subplots_adjust(left=0.07, right=0.98, bottom=0.15, top=0.88, wspace=0.22)
        self.step_lines = self.dynamic(LineCollection([], colors="C0", linewidths=0.8, alpha=0.7))
        self.ax_s.add_collection(self.step_lines)
        self.ax_s.set_xlim(0, 1)
        self.ax_s.set_ylim(-0.05, 1.05)
        self.ax_s.set_xlabel("x")
        self.ax_s.set_title("hidden units: steps σ(w(x − p))", fontsize=10)
        self.bump_lines = self.dynamic(LineCollection([], linewidths=0.8, alpha=0.6,
                                                      cmap="viridis"))
        self.ax_f.add_collection(self.bump_lines)
        (self.target_line,) = self.dynamic(self.ax_f.plot([], [], "k--", lw=1.2,
                                                          label="target f(x)"))
        (self.sum_line,) = self.dynamic(self.ax_f.plot([], [], "C1-", lw=2, label="sum of bumps"))
        self.ax_f.set_xlim(0, 1)
        self.ax_f.set_xlabel("x")
        self.dynamic(self.ax_f.legend(loc="upper left", fontsize=8))   # over the curves
        self.title = self.dynamic(self.ax_f.set_title("", fontsize=10))

    def draw(self, r):
        xs = np.broadcast_to(r.x, r.steps.shape)
        self.step_lines.set_segments(np.stack([xs, r.steps], axis=-1))
        self.bump_lines.set_segments(np.stack([xs[: r.n_bumps], r.bumps], axis=-1))
        self.bump_lines.set_array(np.linspace(0, 1, r.n_bumps))
        self.target_line.set_data(r.x, r.target)
        self.sum_line.set_data(r.x, r.total)
        lo = min(r.target.min(), r.total.min(), r.bumps.min(), 0.0)
        hi = max(r.target.max(), r.total.max(), r.bumps.max())
        # limits on a quarter grid: they (so the cached background) stay put over most steps
        self.ax_f.set_ylim(*step_limits(lo, hi, step=0.25, pad=0.04))
        self.title.set_text(f"{r.n_bumps} bumps = {r.n_hidden} hidden units, w = {r.steepness:.0f}")
        capped = self.values["heights_from"] == "sliders" and self.values["n_bumps"] > N_SLIDERS
        return html(READOUT, n=r.n_bumps, units=r.n_hidden, w=r.steepness, width=4 / r.steepness,
                    max_err=r.max_error, mean_err=r.mean_error,
                    note=html(CAPPED, k=N_SLIDERS) if capped else "")


def show(**values):
    """The bump-builder explorer (displays itself as a widget in Jupyter)."""
    return BumpBuilderExplorer(**values)
