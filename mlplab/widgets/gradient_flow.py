"""Explorer ``gradient_flow``: vanishing and exploding gradients (lesson 06).

Backpropagation multiplies, layer after layer going backwards,

    δ⁽ˡ⁻¹⁾ = (δ⁽ˡ⁾ W⁽ˡ⁾ᵀ) ⊙ h'(Z⁽ˡ⁻¹⁾),

so the gradient reaching layer 1 of an L-layer net is a product of L − 1 such
factors. If each one shrinks it (σ' ≤ 1/4 for the sigmoid, small weights) the
early layers get almost nothing: the gradient *vanishes*. If each one grows it
(large weights) it *explodes*. ``compute`` builds a random net of a given depth,
activation and weight scale (W ~ N(0, scale²/d_in)), runs one forward and backward
pass on random data, and returns for every layer the norm of the backpropagated
signal ‖δ⁽ˡ⁾‖ = ‖∂L/∂Z⁽ˡ⁾‖ and of the weight gradient ‖∂L/∂W⁽ˡ⁾‖ = ‖H⁽ˡ⁻¹⁾ᵀ δ⁽ˡ⁾‖.

The verdict uses δ: it is what the recursion carries. (For ReLU or tanh with small
weights the forward values shrink just as fast as δ, and ∂L/∂W⁽ˡ⁾ = H⁽ˡ⁻¹⁾ᵀ δ⁽ˡ⁾ can
come out similar in every layer while all of them are tiny; the sigmoid's σ' ≤ 1/4
makes both fall.)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..activations import ACTIVATIONS, get_activation
from ..mlp import MLP
from ..validation import as_rng, check_positive
from ._legacy import Explorer

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
    scale : float > 0; weights W⁽ˡ⁾ ~ N(0, scale² / d_in), biases 0
            (scale 1 ≈ "LeCun" init; ReLU keeps its signal size at scale √2)
    width : int ≥ 1, units per hidden layer
    seed : int (data and weights)

    Returns
    -------
    FlowResult
    """
    if isinstance(depth, bool) or not isinstance(depth, (int, np.integer)) or not 2 <= depth <= MAX_DEPTH:
        raise ValueError(f"depth must be an int from 2 to {MAX_DEPTH}, got {depth!r}.")
    get_activation(activation)
    scale = check_positive(scale, "scale")
    width = check_positive(width, "width", integer=True)
    rng = as_rng(seed, "seed")
    depth = int(depth)
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


class GradientFlowExplorer(Explorer):
    """One bar per layer: ‖∂L/∂W⁽ˡ⁾‖ on a log scale, input layer on the left."""

    figsize = (8.0, 3.6)

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

    def _build(self, fig):
        self.ax = fig.subplots()
        fig.subplots_adjust(left=0.1, right=0.98, bottom=0.15, top=0.88)
        self.bars = self.ax.bar(np.arange(1, MAX_DEPTH + 1), np.ones(MAX_DEPTH), color="C0",
                                label="||dL/dW(l)|| (bars)")
        (self.delta_line,) = self.ax.plot([], [], "ko-", ms=4, lw=1,
                                          label="||delta(l)|| = ||dL/dZ(l)||")
        self.ax.set_yscale("log")
        self.ax.set_xlabel("layer l (1 = next to the input)")
        self.ax.set_ylabel("gradient norm")
        self.ax.legend(loc="upper left", fontsize=8, frameon=False)
        self.ax.grid(True, axis="y", which="major", alpha=0.3)

    def _update(self):
        v = self.values
        r = compute(v["depth"], v["activation"], v["scale"])
        self.result = r
        color = COLORS[r.verdict]
        shown = np.where(np.isfinite(r.norms) & (r.norms > 0), r.norms, np.nan)
        for l, bar in enumerate(self.bars):
            visible = l < r.depth and np.isfinite(shown[l]) if l < r.depth else False
            bar.set_visible(bool(visible))
            if visible:
                bar.set_height(shown[l])
                bar.set_color(color)
        dn = np.where(np.isfinite(r.delta_norms) & (r.delta_norms > 0), r.delta_norms, np.nan)
        self.delta_line.set_data(np.arange(1, r.depth + 1), dn)
        both = np.concatenate([shown, dn])
        finite = both[np.isfinite(both)]
        lo, hi = (finite.min(), finite.max()) if finite.size else (1e-3, 1.0)
        self.ax.set_ylim(lo / 5, hi * 50)
        self.ax.set_xlim(0.4, r.depth + 0.6)
        self.ax.set_xticks(np.arange(1, r.depth + 1))
        self.ax.set_title(f"{r.depth} layers, {r.activation}, init scale {r.scale:.3g}: "
                          f"{r.verdict}", fontsize=10, color=color)
        return (f"<b style='color:{color}'>{r.verdict}</b>: by the time it reaches layer 1 the "
                f"backpropagated signal δ is <b>{r.delta_ratio:.2g}</b>× what it was at layer "
                f"{r.depth}; the weight gradient ‖dW1‖/‖dW{r.depth}‖ = <b>{r.ratio:.2g}</b> "
                f"(‖dW1‖ = {r.norms[0]:.2g}, ‖dW{r.depth}‖ = {r.norms[-1]:.2g}). "
                "Each layer back multiplies δ by Wᵀ and by h'(a).")


def show(**values):
    """The ``gradient_flow`` explorer (displays itself as the widget in Jupyter).

    Parameters: depth, activation, scale (see ``compute``).
    """
    return GradientFlowExplorer(**values)
