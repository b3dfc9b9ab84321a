"""Explorer ``chain_rule_graph``: the chain rule on f = (x + y)², drawn as a
computational graph (lesson 06).

Forward, left to right:   u = x + y,   f = u².
Backward, right to left, multiplying local derivatives:

    ∂f/∂f = 1
    ∂f/∂u = 2u                     (the local derivative of the square)
    ∂f/∂x = ∂f/∂u · ∂u/∂x = 2u · 1
    ∂f/∂y = ∂f/∂u · ∂u/∂y = 2u · 1

At x = 1, y = 2: u = 3, f = 9, ∂f/∂x = ∂f/∂y = 6. The right panel checks the
number: f as a function of x (y fixed) and its tangent of slope ∂f/∂x.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..i18n import Text
from ..validation import check_number
from ._base import Explorer, html

__all__ = ["ChainResult", "compute", "ChainRuleExplorer", "show"]


@dataclass
class ChainResult:
    """Forward values and backward gradients of f = (x + y)².

    u = x + y, f = u²; df_du : local derivative of f = u²; du_dx = du_dy = 1 (local
    derivatives of +); df_dx, df_dy : the chain rule products; numerical_df_dx : centred
    difference check
    """

    x: float
    y: float
    u: float
    f: float
    df_du: float
    du_dx: float
    du_dy: float
    df_dx: float
    df_dy: float
    numerical_df_dx: float


def compute(x=1.0, y=2.0, h=1e-6):
    """Forward and backward pass through u = x + y, f = u².

    Parameters
    ----------
    x, y : floats in [-1e6, 1e6], the inputs
    h : step of the centred difference that checks ∂f/∂x, in (0, 1]

    Returns
    -------
    ChainResult
    """
    x = check_number(x, "x", -1e6, 1e6, example=1.0)
    y = check_number(y, "y", -1e6, 1e6, example=2.0)
    h = check_number(h, "h", 0.0, 1.0, lo_open=True, example=1e-6)
    # forward: store every intermediate value, backward needs them
    u = x + y
    f = u ** 2
    # backward: start from df/df = 1, multiply by each local derivative
    df_du = 2.0 * u
    du_dx, du_dy = 1.0, 1.0
    df_dx = df_du * du_dx
    df_dy = df_du * du_dy
    numerical = ((x + h + y) ** 2 - (x - h + y) ** 2) / (2 * h)
    return ChainResult(x=x, y=y, u=u, f=f, df_du=df_du, du_dx=du_dx, du_dy=du_dy,
                       df_dx=df_dx, df_dy=df_dy, numerical_df_dx=numerical)


FWD = "#2ca02c"   # forward values
BWD = "#d62728"   # backward gradients

# node positions in the graph panel
POS = {"x": (0.0, 1.0), "y": (0.0, 0.0), "+": (1.2, 0.5), "sq": (2.5, 0.5), "f": (3.6, 0.5)}
X_VIEW = (-3.5, 3.5)  # the f(x) panel: the x slider's range and a little more


READOUT = Text(
    "Forward: u = {x:.3g} + {y:.3g} = {u:.3g}, f = u² = <b>{f:.4g}</b>. Backward: ∂f/∂u = 2u = "
    "{du:.4g}, ∂f/∂x = ∂f/∂u·∂u/∂x = <b>{dx:.4g}</b>, ∂f/∂y = <b>{dy:.4g}</b> (centred "
    "difference: {num:.6g}).",
    "순전파: u = {x:.3g} + {y:.3g} = {u:.3g}, f = u² = <b>{f:.4g}</b>. 역전파: ∂f/∂u = 2u = "
    "{du:.4g}, ∂f/∂x = ∂f/∂u·∂u/∂x = <b>{dx:.4g}</b>, ∂f/∂y = <b>{dy:.4g}</b> (중앙 차분으로 "
    "구한 값: {num:.6g}).",
)


class ChainRuleExplorer(Explorer):
    """Left: the graph with forward values (green) and gradients (red). Right: f(x)."""

    figsize = (10.0, 3.6)
    compute = staticmethod(compute)

    def defaults(self):
        return {"x": 1.0, "y": 2.0}

    def controls(self):
        import ipywidgets as widgets

        return {"x": widgets.FloatSlider(min=-3, max=3, step=0.1, description="x"),
                "y": widgets.FloatSlider(min=-3, max=3, step=0.1, description="y")}

    def build(self, fig):
        self.ax_g, self.ax_f = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1.5, 1]})
        fig.subplots_adjust(left=0.02, right=0.98, bottom=0.14, top=0.88, wspace=0.15)
        ax = self.ax_g
        arrow = dict(arrowstyle="-|>", color="0.3", lw=1.3, shrinkA=17, shrinkB=17)
        for a, b in (("x", "+"), ("y", "+"), ("+", "sq"), ("sq", "f")):
            ax.annotate("", xy=POS[b], xytext=POS[a], arrowprops=arrow)
        labels = {"x": "x", "y": "y", "+": "+", "sq": r"$(\cdot)^2$", "f": "f"}
        for k, (px, py) in POS.items():
            op = k in ("+", "sq")
            ax.text(px, py, labels[k], ha="center", va="center", fontsize=12, zorder=3,
                    bbox=dict(boxstyle="circle" if not op else "round,pad=0.45",
                              fc="#fff3d6" if op else "#eeeeee", ec="k"))
        # forward values above / gradients below each edge or node
        place = {"x": (-0.05, 1.25, FWD), "y": (-0.05, -0.37, FWD), "gx": (0.62, 0.98, BWD),
                 "gy": (0.62, -0.05, BWD), "u": (1.85, 0.62, FWD), "gu": (1.85, 0.28, BWD),
                 "f": (3.6, 0.85, FWD)}
        self.t = {k: self.dynamic(ax.text(px, py, "", color=c, ha="center", fontsize=10))
                  for k, (px, py, c) in place.items()}
        ax.text(3.6, 0.07, "df/df = 1", color=BWD, ha="center", fontsize=10)  # never changes
        ax.text(1.8, -0.6, "green: forward values    red: gradients df/d(.)", ha="center",
                fontsize=9, color="0.3")
        ax.set_xlim(-0.45, 4.0)
        ax.set_ylim(-0.75, 1.45)
        ax.set_axis_off()
        ax.set_title("f = (x + y)² as a computational graph", fontsize=10)
        (self.f_curve,) = self.dynamic(self.ax_f.plot([], [], lw=2, label="f(x), y fixed"))
        (self.tangent,) = self.dynamic(self.ax_f.plot([], [], "--", color=BWD, lw=1.5,
                                                      label="tangent"))
        (self.point,) = self.dynamic(self.ax_f.plot([], [], "o", color="k", ms=6))
        self.ax_f.set_xlabel("x")
        self.dynamic(self.ax_f.legend(loc="upper center", fontsize=8, frameon=False))
        self.f_title = self.dynamic(self.ax_f.set_title("", fontsize=10))

    def draw(self, r):
        t = self.t
        t["x"].set_text(f"x = {r.x:.3g}")
        t["y"].set_text(f"y = {r.y:.3g}")
        t["gx"].set_text(f"df/dx = {r.df_du:.3g}·1 = {r.df_dx:.3g}")
        t["gy"].set_text(f"df/dy = {r.df_du:.3g}·1 = {r.df_dy:.3g}")
        t["u"].set_text(f"u = x + y = {r.u:.3g}")
        t["gu"].set_text(f"df/du = 2u = {r.df_du:.3g}")
        t["f"].set_text(f"f = u² = {r.f:.3g}")
        # a fixed x-range (the slider's): moving x slides the point along a fixed curve,
        # and the limits (so the cached background) change only with y
        lo, hi = min(X_VIEW[0], r.x - 0.5), max(X_VIEW[1], r.x + 0.5)  # x typed in code
        xs = np.linspace(lo, hi, 200)
        fs = (xs + r.y) ** 2
        self.f_curve.set_data(xs, fs)
        self.tangent.set_data(xs, r.f + r.df_dx * (xs - r.x))
        self.point.set_data([r.x], [r.f])
        self.ax_f.set_xlim(lo, hi)
        self.ax_f.set_ylim(min(-1.0, fs.min() - 1), fs.max() + 1)
        self.f_title.set_text(f"slope at x = {r.x:.3g}: df/dx = {r.df_dx:.3g}")
        return html(READOUT, x=r.x, y=r.y, u=r.u, f=r.f, du=r.df_du, dx=r.df_dx, dy=r.df_dy,
                    num=r.numerical_df_dx)


def show(**values):
    """The ``chain_rule_graph`` explorer (displays itself as the widget in Jupyter).

    Parameters: x, y.
    """
    return ChainRuleExplorer(**values)
