"""Explorer ``chain_rule_graph``: the chain rule on z = (x + y)², drawn as a
computational graph (lesson 06).

Forward, left to right:   w = x + y,   z = w².
Backward, right to left, multiplying local derivatives:

    ∂z/∂z = 1
    ∂z/∂w = 2w                     (the local derivative of the square)
    ∂z/∂x = ∂z/∂w · ∂w/∂x = 2w · 1
    ∂z/∂y = ∂z/∂w · ∂w/∂y = 2w · 1

At x = 1, y = 2: w = 3, z = 9, ∂z/∂x = ∂z/∂y = 6. The right panel checks the
number: z as a function of x (y fixed) and its tangent of slope ∂z/∂x.
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
    """Forward values and backward gradients of z = (x + y)².

    dz_dw : local derivative of z = w²; dw_dx = dw_dy = 1 (local derivatives of +)
    dz_dx, dz_dy : the chain rule products; numerical_dz_dx : centred difference check
    """

    x: float
    y: float
    w: float
    z: float
    dz_dw: float
    dw_dx: float
    dw_dy: float
    dz_dx: float
    dz_dy: float
    numerical_dz_dx: float


def compute(x=1.0, y=2.0, h=1e-6):
    """Forward and backward pass through w = x + y, z = w².

    Parameters
    ----------
    x, y : floats in [-1e6, 1e6], the inputs
    h : step of the centred difference that checks ∂z/∂x, in (0, 1]

    Returns
    -------
    ChainResult
    """
    x = check_number(x, "x", -1e6, 1e6, example=1.0)
    y = check_number(y, "y", -1e6, 1e6, example=2.0)
    h = check_number(h, "h", 0.0, 1.0, lo_open=True, example=1e-6)
    # forward: store every intermediate value, backward needs them
    w = x + y
    z = w ** 2
    # backward: start from dz/dz = 1, multiply by each local derivative
    dz_dw = 2.0 * w
    dw_dx, dw_dy = 1.0, 1.0
    dz_dx = dz_dw * dw_dx
    dz_dy = dz_dw * dw_dy
    numerical = ((x + h + y) ** 2 - (x - h + y) ** 2) / (2 * h)
    return ChainResult(x=x, y=y, w=w, z=z, dz_dw=dz_dw, dw_dx=dw_dx, dw_dy=dw_dy,
                       dz_dx=dz_dx, dz_dy=dz_dy, numerical_dz_dx=numerical)


FWD = "#2ca02c"   # forward values
BWD = "#d62728"   # backward gradients

# node positions in the graph panel
POS = {"x": (0.0, 1.0), "y": (0.0, 0.0), "+": (1.2, 0.5), "sq": (2.5, 0.5), "z": (3.6, 0.5)}
X_VIEW = (-3.5, 3.5)  # the z(x) panel: the x slider's range and a little more


READOUT = Text(
    "Forward: w = {x:.3g} + {y:.3g} = {w:.3g}, z = w² = <b>{z:.4g}</b>. Backward: ∂z/∂w = 2w = "
    "{dw:.4g}, ∂z/∂x = ∂z/∂w·∂w/∂x = <b>{dx:.4g}</b>, ∂z/∂y = <b>{dy:.4g}</b> (centred "
    "difference: {num:.6g}).",
    "순전파: w = {x:.3g} + {y:.3g} = {w:.3g}, z = w² = <b>{z:.4g}</b>. 역전파: ∂z/∂w = 2w = "
    "{dw:.4g}, ∂z/∂x = ∂z/∂w·∂w/∂x = <b>{dx:.4g}</b>, ∂z/∂y = <b>{dy:.4g}</b> (중심 차분으로 "
    "구한 값: {num:.6g}).",
)


class ChainRuleExplorer(Explorer):
    """Left: the graph with forward values (green) and gradients (red). Right: z(x)."""

    figsize = (10.0, 3.6)
    compute = staticmethod(compute)

    def defaults(self):
        return {"x": 1.0, "y": 2.0}

    def controls(self):
        import ipywidgets as widgets

        return {"x": widgets.FloatSlider(min=-3, max=3, step=0.1, description="x"),
                "y": widgets.FloatSlider(min=-3, max=3, step=0.1, description="y")}

    def build(self, fig):
        self.ax_g, self.ax_z = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1.5, 1]})
        fig.subplots_adjust(left=0.02, right=0.98, bottom=0.14, top=0.88, wspace=0.15)
        ax = self.ax_g
        arrow = dict(arrowstyle="-|>", color="0.3", lw=1.3, shrinkA=17, shrinkB=17)
        for a, b in (("x", "+"), ("y", "+"), ("+", "sq"), ("sq", "z")):
            ax.annotate("", xy=POS[b], xytext=POS[a], arrowprops=arrow)
        labels = {"x": "x", "y": "y", "+": "+", "sq": r"$(\cdot)^2$", "z": "z"}
        for k, (px, py) in POS.items():
            op = k in ("+", "sq")
            ax.text(px, py, labels[k], ha="center", va="center", fontsize=12, zorder=3,
                    bbox=dict(boxstyle="circle" if not op else "round,pad=0.45",
                              fc="#fff3d6" if op else "#eeeeee", ec="k"))
        # forward values above / gradients below each edge or node
        place = {"x": (-0.05, 1.25, FWD), "y": (-0.05, -0.37, FWD), "gx": (0.62, 0.98, BWD),
                 "gy": (0.62, -0.05, BWD), "w": (1.85, 0.62, FWD), "gw": (1.85, 0.28, BWD),
                 "z": (3.6, 0.85, FWD)}
        self.t = {k: self.dynamic(ax.text(px, py, "", color=c, ha="center", fontsize=10))
                  for k, (px, py, c) in place.items()}
        ax.text(3.6, 0.07, "dz/dz = 1", color=BWD, ha="center", fontsize=10)  # never changes
        ax.text(1.8, -0.6, "green: forward values    red: gradients dz/d(.)", ha="center",
                fontsize=9, color="0.3")
        ax.set_xlim(-0.45, 4.0)
        ax.set_ylim(-0.75, 1.45)
        ax.set_axis_off()
        ax.set_title("z = (x + y)² as a computational graph", fontsize=10)
        (self.z_curve,) = self.dynamic(self.ax_z.plot([], [], lw=2, label="z(x), y fixed"))
        (self.tangent,) = self.dynamic(self.ax_z.plot([], [], "--", color=BWD, lw=1.5,
                                                      label="tangent"))
        (self.point,) = self.dynamic(self.ax_z.plot([], [], "o", color="k", ms=6))
        self.ax_z.set_xlabel("x")
        self.dynamic(self.ax_z.legend(loc="upper center", fontsize=8, frameon=False))
        self.z_title = self.dynamic(self.ax_z.set_title("", fontsize=10))

    def draw(self, r):
        t = self.t
        t["x"].set_text(f"x = {r.x:.3g}")
        t["y"].set_text(f"y = {r.y:.3g}")
        t["gx"].set_text(f"dz/dx = {r.dz_dw:.3g}·1 = {r.dz_dx:.3g}")
        t["gy"].set_text(f"dz/dy = {r.dz_dw:.3g}·1 = {r.dz_dy:.3g}")
        t["w"].set_text(f"w = x + y = {r.w:.3g}")
        t["gw"].set_text(f"dz/dw = 2w = {r.dz_dw:.3g}")
        t["z"].set_text(f"z = w² = {r.z:.3g}")
        # a fixed x-range (the slider's): moving x slides the point along a fixed curve,
        # and the limits (so the cached background) change only with y
        lo, hi = min(X_VIEW[0], r.x - 0.5), max(X_VIEW[1], r.x + 0.5)  # x typed in code
        xs = np.linspace(lo, hi, 200)
        zs = (xs + r.y) ** 2
        self.z_curve.set_data(xs, zs)
        self.tangent.set_data(xs, r.z + r.dz_dx * (xs - r.x))
        self.point.set_data([r.x], [r.z])
        self.ax_z.set_xlim(lo, hi)
        self.ax_z.set_ylim(min(-1.0, zs.min() - 1), zs.max() + 1)
        self.z_title.set_text(f"slope at x = {r.x:.3g}: dz/dx = {r.dz_dx:.3g}")
        return html(READOUT, x=r.x, y=r.y, w=r.w, z=r.z, dw=r.dz_dw, dx=r.dz_dx, dy=r.dz_dy,
                    num=r.numerical_dz_dx)


def show(**values):
    """The ``chain_rule_graph`` explorer (displays itself as the widget in Jupyter).

    Parameters: x, y.
    """
    return ChainRuleExplorer(**values)
