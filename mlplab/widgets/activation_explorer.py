"""Explorer ``activation_explorer``: an activation h, its derivative h', and what
h does to a cloud of points after one random linear layer (lesson 04).

A dense layer first maps every point x ∈ ℝ² linearly, a = x W + b: a grid stays a
grid (straight lines stay straight and parallel). Then h acts on each coordinate of
a separately, and that is what bends the picture: sigmoid and tanh squash every
coordinate into a bounded interval, ReLU folds the negative half-planes onto the axes.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..activations import ACTIVATIONS, get_activation
from ..i18n import Text
from ..validation import check_choice, check_number, check_seed
from ._base import Explorer, html
from ._limits import square_limits

__all__ = ["ActivationResult", "compute", "ActivationExplorer", "show", "grid_points"]

X_RANGE = (-5.0, 5.0)


GRID_LINES = 9      # grid lines per direction
PER_LINE = 41       # points along each grid line


def grid_points(lines=GRID_LINES, per_line=PER_LINE):
    """Points on a square grid in [-1, 1]², as lines: (2·lines·per_line, 2), line ids.

    The first ``lines`` lines are horizontal, the rest vertical; the points of one
    line are consecutive.
    """
    t = np.linspace(-1.0, 1.0, per_line)
    ticks = np.linspace(-1.0, 1.0, lines)
    horiz = [np.c_[t, np.full_like(t, c)] for c in ticks]
    vert = [np.c_[np.full_like(t, c), t] for c in ticks]
    P = np.vstack(horiz + vert)
    ids = np.repeat(np.arange(2 * lines), per_line)
    return P, ids


@dataclass
class ActivationResult:
    """f and f' on a grid of x, and a grid of points before/after one layer.

    x, f, fprime : (m,) curve samples on [-5, 5]
    points : (p, 2) grid in [-1, 1]²; line_ids : (p,) which grid line a point is on
    W : (2, 2), b : (2,) the random layer; A = points W + b; H = f(A)
    max_fprime : largest f'(x) on the curve (0.25 for sigmoid, 1 for tanh/relu)
    flat_fraction : fraction of the entries of A where f'(a) < 0.05 (saturated or cut)
    """

    activation: str
    scale: float
    seed: int
    x: np.ndarray
    f: np.ndarray
    fprime: np.ndarray
    points: np.ndarray
    line_ids: np.ndarray
    W: np.ndarray
    b: np.ndarray
    A: np.ndarray
    H: np.ndarray
    max_fprime: float
    flat_fraction: float


def compute(activation="tanh", scale=2.0, seed=0):
    """An activation on a line, and on a point grid after a random layer a = xW + b.

    Parameters
    ----------
    activation : a name in ``ACTIVATIONS``
    scale : float in (0, 1e6], the layer's weights are N(0, scale²) and biases N(0, (scale/2)²)
    seed : int ≥ 0, for the random layer

    Returns
    -------
    ActivationResult
    """
    f, fprime = get_activation(check_choice(activation, "activation", ACTIVATIONS))
    scale = check_number(scale, "scale", 0.0, 1e6, lo_open=True, example=2.0)
    seed = check_seed(seed)
    rng = np.random.default_rng(seed)
    x = np.linspace(*X_RANGE, 401)
    P, ids = grid_points()
    W = rng.standard_normal((2, 2)) * scale
    b = rng.standard_normal(2) * scale / 2
    A = P @ W + b
    H = f(A)
    fp = fprime(x)
    return ActivationResult(
        activation=activation, scale=scale, seed=seed, x=x, f=f(x), fprime=fp, points=P,
        line_ids=ids, W=W, b=b, A=A, H=H, max_fprime=float(fp.max()),
        flat_fraction=float(np.mean(fprime(A) < 0.05)),
    )


READOUT = Text(
    "<b>{act}</b>, weight scale <b>{scale:.3g}</b> (seed {seed}): max h'(a) = <b>{maxfp:.3g}</b>; "
    "{flat:.0f}% of the layer's values sit where h'(a) &lt; 0.05 (saturated or cut off — little "
    "gradient flows back there). After h the grid is {shape}.",
    "<b>{act}</b>, 가중치 크기 <b>{scale:.3g}</b> (seed {seed}): 최대 h'(a) = <b>{maxfp:.3g}</b>; "
    "층의 값 중 {flat:.0f}%가 h'(a) &lt; 0.05인 곳에 있습니다 (포화되었거나 잘려서, 그곳으로는 "
    "그레디언트가 거의 흘러가지 않습니다). h를 거친 격자는 {shape}.",
)
SHAPE = {"straight": Text("straight: the layer is still linear", "곧습니다: 층이 여전히 선형입니다"),
         "bent": Text("bent: the grid lines are no longer straight",
                      "휘었습니다: 격자선이 더 이상 곧지 않습니다")}


def _polylines(Z, per_line=PER_LINE):
    """Consecutive runs of ``per_line`` points as one polyline, NaN between the lines."""
    lines = Z.reshape(-1, per_line, 2)
    gaps = np.full((lines.shape[0], 1, 2), np.nan)
    return np.concatenate([lines, gaps], axis=1).reshape(-1, 2)


class ActivationExplorer(Explorer):
    """Left: h and h'. Middle: the grid after a = xW + b. Right: after h(a)."""

    figsize = (10.5, 3.5)
    compute = staticmethod(compute)
    # the left panel (h and h') and the titles follow the activation only
    background_depends_on = ("activation",)

    def defaults(self):
        return {"activation": "tanh", "scale": 2.0, "seed": 0}

    def controls(self):
        import ipywidgets as widgets

        style = {"description_width": "initial"}
        return {
            "activation": widgets.Dropdown(options=list(ACTIVATIONS), description="activation",
                                           style=style),
            "scale": widgets.FloatSlider(min=0.2, max=6.0, step=0.1, description="weight scale",
                                         continuous_update=False, style=style),
            "seed": widgets.IntSlider(min=0, max=20, description="seed (layer)",
                                      continuous_update=False, style=style),
        }

    def build(self, fig):
        self.ax_f, self.ax_a, self.ax_h = fig.subplots(1, 3)
        fig.subplots_adjust(left=0.05, right=0.98, bottom=0.14, top=0.88, wspace=0.3)
        (self.f_line,) = self.ax_f.plot([], [], lw=2, label="h(a)")
        (self.fp_line,) = self.ax_f.plot([], [], lw=2, ls="--", label="h'(a)")
        self.ax_f.axhline(0, color="0.7", lw=0.8)
        self.ax_f.axvline(0, color="0.7", lw=0.8)
        self.ax_f.set_xlim(*X_RANGE)
        self.ax_f.set_xlabel("a")
        self.ax_f.legend(loc="upper left", fontsize=8, frameon=False)
        # the grid as thin lines, horizontal ones blue and vertical ones red, each direction
        # one polyline (NaN between grid lines): straight, parallel lines stay visible
        self.grid_a, self.grid_h = (
            [self.dynamic(ax.plot([], [], "-", lw=1.0, color=c))[0] for c in ("C0", "C3")]
            for ax in (self.ax_a, self.ax_h))
        self.ax_a.set_title("after the layer: a = xW + b", fontsize=10)
        for ax in (self.ax_a, self.ax_h):
            ax.set_xlabel("coordinate 1")
            ax.axhline(0, color="0.7", lw=0.8, zorder=0)
            ax.axvline(0, color="0.7", lw=0.8, zorder=0)

    def _set_grid(self, lines, Z):
        half = Z.shape[0] // 2            # horizontal lines first, then vertical ones
        for line, part in zip(lines, (Z[:half], Z[half:])):
            xy = _polylines(part)
            line.set_data(xy[:, 0], xy[:, 1])

    def draw(self, r):
        self.f_line.set_data(r.x, r.f)
        self.fp_line.set_data(r.x, r.fprime)
        lo = max(min(r.f.min(), r.fprime.min()), -3.0)
        hi = min(max(r.f.max(), r.fprime.max()), 3.0)
        pad = 0.08 * (hi - lo)
        self.ax_f.set_ylim(lo - pad, hi + pad)
        self.ax_f.set_title(f"{r.activation} and its derivative", fontsize=10)
        self._set_grid(self.grid_a, r.A)
        self._set_grid(self.grid_h, r.H)
        # one rounded scale for both coordinates of a panel, around the grid: angles are
        # true, and the limits (so the cached background) stay put over most slider steps
        for ax, Z in ((self.ax_a, r.A), (self.ax_h, r.H)):
            xlim, ylim = square_limits(Z)
            ax.set_xlim(*xlim)
            ax.set_ylim(*ylim)
        self.ax_h.set_title(f"after the activation: {r.activation}(a)", fontsize=10)
        shape = SHAPE["straight" if r.activation == "identity" else "bent"]
        return html(READOUT, act=r.activation, scale=r.scale, seed=r.seed, maxfp=r.max_fprime,
                    flat=100 * r.flat_fraction, shape=shape)


def show(**values):
    """The ``activation_explorer`` (displays itself as the widget in Jupyter).

    Parameters: activation, scale, seed (see ``compute``).
    """
    return ActivationExplorer(**values)
