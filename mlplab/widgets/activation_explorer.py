"""Explorer ``activation_explorer``: an activation h, its derivative h', and what
h does to a cloud of points after one random linear layer (lesson 04).

A dense layer first maps every point x ∈ ℝ² linearly, a = x W + b: a grid stays a
grid (straight lines stay straight and parallel). Then h acts on each coordinate of
a separately, and that is what bends the picture: sigmoid and tanh squash every
coordinate into a bounded interval, ReLU folds the negative half-planes onto the axes.
"""

from __future__ import annotations

from dataclasses import dataclass

import matplotlib
import numpy as np

from ..activations import ACTIVATIONS, get_activation
from ..validation import as_rng, check_positive
from ._legacy import Explorer

__all__ = ["ActivationResult", "compute", "ActivationExplorer", "show", "grid_points"]

X_RANGE = (-5.0, 5.0)


def grid_points(lines=9, per_line=41):
    """Points on a square grid in [-1, 1]², as lines: (2·lines·per_line, 2), line ids."""
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
    scale : float > 0, the layer's weights are N(0, scale²) and biases N(0, (scale/2)²)
    seed : int, for the random layer

    Returns
    -------
    ActivationResult
    """
    f, fprime = get_activation(activation)
    scale = check_positive(scale, "scale")
    rng = as_rng(seed)
    x = np.linspace(*X_RANGE, 401)
    P, ids = grid_points()
    W = rng.standard_normal((2, 2)) * scale
    b = rng.standard_normal(2) * scale / 2
    A = P @ W + b
    H = f(A)
    fp = fprime(x)
    return ActivationResult(
        activation=activation, x=x, f=f(x), fprime=fp, points=P, line_ids=ids, W=W, b=b,
        A=A, H=H, max_fprime=float(fp.max()), flat_fraction=float(np.mean(fprime(A) < 0.05)),
    )


_LADDER = np.array([1.0, 1.5, 2.0, 3.0, 5.0, 7.5, 10.0])


def _round_up(v):
    """The smallest of 1, 1.5, 2, 3, 5, 7.5 × 10^k that is ≥ v > 0."""
    decade = 10.0 ** np.floor(np.log10(v))
    return float(decade * _LADDER[np.searchsorted(_LADDER, v / decade * (1 - 1e-12))])


def _limits(Z, pad=0.05):
    """The same limits for both coordinates: [-R, R] (or [0, R] if no value is negative).

    R = max |Z| rounded up to a ladder value: coarse on purpose, so over most slider
    steps the limits stay put and the cached background (blitting, see Explorer) is
    reused; and both axes share one scale, so angles in the picture are true.
    """
    R = _round_up(max(float(np.abs(Z).max()), 1e-3))
    lo = 0.0 if Z.min() >= -1e-9 else -R
    lim = (lo - pad * (R - lo), R + pad * (R - lo))
    return lim, lim


class ActivationExplorer(Explorer):
    """Left: h and h'. Middle: the grid after a = xW + b. Right: after h(a)."""

    figsize = (10.5, 3.5)

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

    def _build(self, fig):
        self.ax_f, self.ax_a, self.ax_h = fig.subplots(1, 3)
        fig.subplots_adjust(left=0.05, right=0.98, bottom=0.14, top=0.88, wspace=0.3)
        (self.f_line,) = self.ax_f.plot([], [], lw=2, label="h(a)")
        (self.fp_line,) = self.ax_f.plot([], [], lw=2, ls="--", label="h'(a)")
        self.ax_f.axhline(0, color="0.7", lw=0.8)
        self.ax_f.axvline(0, color="0.7", lw=0.8)
        self.ax_f.set_xlim(*X_RANGE)
        self.ax_f.set_xlabel("a")
        self.ax_f.legend(loc="upper left", fontsize=8, frameon=False)
        P, ids = grid_points()
        # the grid's horizontal lines (blue) and vertical lines (red), as plain markers:
        # Agg draws a marker line ~40x faster than a scatter of the same points
        self._vertical = ids > ids.max() // 2
        cmap = matplotlib.colormaps["coolwarm"]
        self.pts_a, self.pts_h = (
            [ax.plot([], [], "o", ms=2.5, mew=0.5, color=cmap(c))[0] for c in (0.0, 1.0)]
            for ax in (self.ax_a, self.ax_h))
        self.ax_a.set_title("after the layer: a = xW + b", fontsize=10)
        for ax in (self.ax_a, self.ax_h):
            ax.set_xlabel("coordinate 1")
            ax.axhline(0, color="0.7", lw=0.8, zorder=0)
            ax.axvline(0, color="0.7", lw=0.8, zorder=0)
        # blitting (see Explorer): what changes on an update, in drawing order
        # (the left panel and the titles depend only on the activation: _layout_key)
        self.animated = [*self.pts_a, *self.pts_h]

    def _layout_key(self):
        """The cached background also holds the curves and titles of this activation."""
        return super()._layout_key() + (self.values["activation"],)

    def _set_points(self, lines, Z):
        for line, mask in zip(lines, (~self._vertical, self._vertical)):
            line.set_data(Z[mask, 0], Z[mask, 1])

    def _update(self):
        v = self.values
        r = compute(v["activation"], v["scale"], v["seed"])
        self.result = r
        self.f_line.set_data(r.x, r.f)
        self.fp_line.set_data(r.x, r.fprime)
        lo = min(r.f.min(), r.fprime.min())
        hi = max(r.f.max(), r.fprime.max())
        lo, hi = max(lo, -3.0), min(hi, 3.0)
        pad = 0.08 * (hi - lo)
        self.ax_f.set_ylim(lo - pad, hi + pad)
        self.ax_f.set_title(f"{r.activation} and its derivative", fontsize=10)
        self._set_points(self.pts_a, r.A)
        self._set_points(self.pts_h, r.H)
        xl, yl = _limits(r.A)
        self.ax_a.set_xlim(*xl)
        self.ax_a.set_ylim(*yl)
        xl, yl = _limits(r.H)
        self.ax_h.set_xlim(*xl)
        self.ax_h.set_ylim(*yl)
        self.ax_h.set_title(f"after the activation: {r.activation}(a)", fontsize=10)
        shape = ("straight: the layer is still linear" if r.activation == "identity"
                 else "bent: the grid lines are no longer straight")
        return (f"<b>{r.activation}</b>, weight scale <b>{v['scale']:.3g}</b> (seed {v['seed']}): "
                f"max h'(a) = <b>{r.max_fprime:.3g}</b>; "
                f"{100 * r.flat_fraction:.0f}% of the layer's values sit where h'(a) &lt; 0.05 "
                f"(saturated or cut off — little gradient flows back there). "
                f"After h the grid is {shape}.")


def show(**values):
    """The ``activation_explorer`` (displays itself as the widget in Jupyter).

    Parameters: activation, scale, seed (see ``compute``).
    """
    return ActivationExplorer(**values)
