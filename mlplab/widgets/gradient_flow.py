"""Explorer ``gradient_flow``: vanishing and exploding gradients (lesson 06).

Backpropagation multiplies, layer after layer going backwards,

    δ⁽ˡ⁻¹⁾ = (δ⁽ˡ⁾ W⁽ˡ⁾ᵀ) ⊙ h'(Z⁽ˡ⁻¹⁾),

so the gradient reaching layer 1 of an L-layer net is a product of L − 1 such
factors. If each one shrinks it (σ' ≤ 1/4 for the sigmoid, small weights) the
early layers get almost nothing: the gradient *vanishes*. If each one grows it, it
*explodes*: for ReLU each layer multiplies δ by about scale/√2, for the identity
by about the scale, so scales above √2 (ReLU) or 1 explode; the sigmoid's σ' ≤ 1/4
keeps shrinking δ for scales up to about 10 and explodes only from about 16.
``compute`` builds a random net of a given depth, activation and weight scale
(W ~ N(0, scale²/d_in)), runs one forward and backward pass on random data, and
returns for every layer the norm of the backpropagated signal ‖δ⁽ˡ⁾‖ = ‖∂L/∂Z⁽ˡ⁾‖
and of the weight gradient ‖∂L/∂W⁽ˡ⁾‖ = ‖H⁽ˡ⁻¹⁾ᵀ δ⁽ˡ⁾‖.

The verdict uses δ: it is what the recursion carries. (For ReLU or tanh with small
weights the forward values shrink just as fast as δ, and ∂L/∂W⁽ˡ⁾ = H⁽ˡ⁻¹⁾ᵀ δ⁽ˡ⁾ can
come out similar in every layer while all of them are tiny; the sigmoid's σ' ≤ 1/4
makes both fall.)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..activations import ACTIVATIONS
from ..i18n import Text
from ..mlp import MLP
from ..validation import check_choice, check_int, check_number, check_seed
from ._base import Explorer, html
from ._limits import log_decades

__all__ = ["FlowResult", "compute", "GradientFlowExplorer", "show", "MAX_DEPTH"]

MAX_DEPTH = 20
D_IN, K, N = 16, 4, 64


@dataclass
class FlowResult:
    """Per-layer gradient norms of one random network.

    norms : (depth,) Frobenius norm of ∂L/∂W⁽ˡ⁾, layer 1 (input side) first
    delta_norms : (depth,) norm of δ⁽ˡ⁾ = ∂L/∂Z⁽ˡ⁾
    ratio : norms[0] / norms[-1]; delta_ratio : delta_norms[0] / delta_norms[-1]
    verdict : "vanishing", "exploding" or "stable" (delta_ratio below 1e-2, above
              1e2, or between)
    """

    depth: int
    activation: str
    scale: float
    width: int
    norms: np.ndarray
    delta_norms: np.ndarray
    ratio: float
    delta_ratio: float
    verdict: str
    loss: float


def compute(depth=10, activation="sigmoid", scale=1.0, width=32, seed=0):
    """Gradient norm of every layer of a random ``depth``-layer network.

    Parameters
    ----------
    depth : int from 2 to 20, number of weight layers (depth − 1 hidden layers)
    activation : a name in ``ACTIVATIONS``
    scale : float in (0, 1000]; weights W⁽ˡ⁾ ~ N(0, scale² / d_in), biases 0
            (scale 1 ≈ "LeCun" init; ReLU keeps its signal size at scale √2)
    width : int from 1 to 512, units per hidden layer
    seed : int ≥ 0 (data and weights)

    Returns
    -------
    FlowResult
    """
    depth = check_int(depth, "depth", 2, MAX_DEPTH, example=10)
    activation = check_choice(activation, "activation", ACTIVATIONS)
    scale = check_number(scale, "scale", 0.0, 1e3, lo_open=True, example=1.0)
    width = check_int(width, "width", 1, 512, example=32)
    rng = np.random.default_rng(check_seed(seed))
    sizes = [D_IN] + [width] * (depth - 1) + [K]
    params = [(rng.standard_normal((a, b)) * scale / np.sqrt(a), np.zeros(b))
              for a, b in zip(sizes[:-1], sizes[1:])]
    model = MLP.from_params(params, activation=activation, output="softmax")
    X = rng.standard_normal((N, D_IN))
    y = rng.integers(0, K, size=N)
    with np.errstate(over="ignore", invalid="ignore"):
        P, cache = model.forward(X)
        loss = model.loss(X, y)
        grads, deltas = model.backward(cache, y)  # the delta recursion keeps every δ⁽ˡ⁾
        delta_norms = np.array([np.linalg.norm(d) for d in deltas])
        norms = np.array([np.linalg.norm(dW) for dW, _ in grads])
        ratio = float(norms[0] / norms[-1])
        delta_ratio = float(delta_norms[0] / delta_norms[-1])
    verdict = ("vanishing" if delta_ratio < 1e-2 else
               "exploding" if not delta_ratio <= 1e2 else "stable")
    return FlowResult(depth=depth, activation=activation, scale=scale, width=width,
                      norms=norms, delta_norms=delta_norms, ratio=ratio,
                      delta_ratio=delta_ratio, verdict=verdict, loss=float(loss))


COLORS = {"vanishing": "#1f77b4", "exploding": "#d62728", "stable": "#2ca02c"}
# Korean readouts keep the English word the figure title shows
VERDICTS = {"vanishing": Text("vanishing", "그레디언트 소실(vanishing)"),
            "exploding": Text("exploding", "그레디언트 폭발(exploding)"),
            "stable": Text("stable", "안정(stable)")}
READOUT = Text(
    "<b style='color:{color}'>{verdict}</b>: by the time it reaches layer 1 the backpropagated "
    "signal δ is <b>{dr:.2g}</b>× what it was at layer {L}; the weight gradient "
    "‖dW1‖/‖dW{L}‖ = <b>{ratio:.2g}</b> (‖dW1‖ = {n1:.2g}, ‖dW{L}‖ = {nL:.2g}). Each layer back "
    "multiplies δ by Wᵀ and by h'(a).",
    "<b style='color:{color}'>{verdict}</b>: 역전파된 신호 δ는 1층에 닿을 때 {L}층에서의 "
    "<b>{dr:.2g}</b>배가 됩니다. 가중치 그레디언트 ‖dW1‖/‖dW{L}‖ = <b>{ratio:.2g}</b> "
    "(‖dW1‖ = {n1:.2g}, ‖dW{L}‖ = {nL:.2g}). 한 층 거슬러 갈 때마다 δ에 Wᵀ와 h'(a)가 곱해집니다.",
)


class GradientFlowExplorer(Explorer):
    """One bar per layer: ‖∂L/∂W⁽ˡ⁾‖ on a log scale, input layer on the left."""

    figsize = (8.0, 3.6)
    compute = staticmethod(compute)

    def defaults(self):
        return {"depth": 10, "activation": "sigmoid", "scale": 1.0}

    def controls(self):
        import ipywidgets as widgets

        style = {"description_width": "initial"}
        return {
            "depth": widgets.IntSlider(min=2, max=MAX_DEPTH, description="layers", style=style),
            "activation": widgets.Dropdown(options=list(ACTIVATIONS), description="activation",
                                           style=style),
            "scale": widgets.FloatLogSlider(base=10, min=-0.7, max=0.7, step=0.01,
                                            description="init scale", readout_format=".3g",
                                            style=style),
        }

    def build(self, fig):
        self.ax = fig.subplots()
        fig.subplots_adjust(left=0.1, right=0.98, bottom=0.15, top=0.88)
        self.bars = self.dynamic(list(self.ax.bar(np.arange(1, MAX_DEPTH + 1), np.ones(MAX_DEPTH),
                                                  color="C0", label="||dL/dW(l)|| (bars)")))
        (self.delta_line,) = self.dynamic(self.ax.plot([], [], "ko-", ms=4, lw=1,
                                                       label="||delta(l)|| = ||dL/dZ(l)||"))
        self.ax.set_yscale("log")
        self.ax.set_xlabel("layer l (1 = next to the input)")
        self.ax.set_ylabel("gradient norm")
        self.dynamic(self.ax.legend(loc="upper left", fontsize=8, frameon=False))  # over the bars
        self.ax.grid(True, axis="y", which="major", alpha=0.3)
        self.ax.set_axisbelow(True)  # the grid under the bars, as they are drawn over it
        self.title = self.dynamic(self.ax.set_title("", fontsize=10))

    def draw(self, r):
        color = COLORS[r.verdict]
        with np.errstate(invalid="ignore"):
            shown = np.where(np.isfinite(r.norms) & (r.norms > 0), r.norms, np.nan)
            dn = np.where(np.isfinite(r.delta_norms) & (r.delta_norms > 0), r.delta_norms, np.nan)
        lo, hi = log_decades(np.r_[shown, dn], margin=5.0)
        for l, bar in enumerate(self.bars):
            visible = l < r.depth and bool(np.isfinite(shown[l]))
            bar.set_visible(visible)
            if visible:
                bar.set_height(shown[l])
                bar.set_color(color)
        self.delta_line.set_data(np.arange(1, r.depth + 1), dn)
        self.ax.set_ylim(lo, hi * 100)  # room for the legend
        self.ax.set_xlim(0.4, r.depth + 0.6)
        self.ax.set_xticks(np.arange(1, r.depth + 1))
        self.title.set_text(f"{r.depth} layers, {r.activation}, init scale {r.scale:.3g}: "
                            f"{r.verdict}")
        self.title.set_color(color)
        return html(READOUT, color=color, verdict=VERDICTS[r.verdict], dr=r.delta_ratio,
                    L=r.depth, ratio=r.ratio, n1=r.norms[0], nL=r.norms[-1])


def show(**values):
    """The ``gradient_flow`` explorer (displays itself as the widget in Jupyter).

    Parameters: depth, activation, scale (see ``compute``).
    """
    return GradientFlowExplorer(**values)
