"""Explorer ``mlp_forward_explorer``: a 1-3-1 network whose every weight is a slider
(lesson 05).

Row convention, one input x per row:

    a = x W₁ + b₁          (3 pre-activations)
    h = σ(a)               (the hidden vector)
    o = h W₂ + b₂          (the output, no activation)

So o(x) = Σ_j W₂[j] · σ(W₁[j] x + b₁[j]) + b₂: a weighted sum of three bent copies
of the activation. The picture shows the network (edge width ∝ |w|, red positive,
blue negative, the values at a probe input written at the nodes) and the function
o(x) together with the three terms it is the sum of.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..activations import ACTIVATIONS, get_activation
from ..mlp import MLP
from ..validation import as_array
from ._legacy import Explorer

__all__ = ["ForwardResult", "compute", "params_from_values", "MLPForwardExplorer", "show"]

X_RANGE = (-3.0, 3.0)
HIDDEN = 3
# the default hat: relu(x + 1) − 2 relu(x) + relu(x − 1)
DEFAULTS = {"W1_1": 1.0, "W1_2": 1.0, "W1_3": 1.0, "b1_1": 1.0, "b1_2": 0.0, "b1_3": -1.0,
            "W2_1": 1.0, "W2_2": -2.0, "W2_3": 1.0, "b2": 0.0}


def params_from_values(values):
    """Slider values {"W1_1": …, "b2": …} → [(W1 (1, 3), b1 (3,)), (W2 (3, 1), b2 (1,))]."""
    W1 = np.array([[values[f"W1_{j}"] for j in range(1, HIDDEN + 1)]], dtype=float)
    b1 = np.array([values[f"b1_{j}"] for j in range(1, HIDDEN + 1)], dtype=float)
    W2 = np.array([[values[f"W2_{j}"]] for j in range(1, HIDDEN + 1)], dtype=float)
    b2 = np.array([values["b2"]], dtype=float)
    return [(W1, b1), (W2, b2)]


@dataclass
class ForwardResult:
    """The 1-H-1 net on a grid and at one probe input.

    xs : (m,) inputs; output : (m,) o(x); terms : (m, H) W₂[j]·σ(a_j(x))
    x : the probe input; a, h : (H,) pre-activations and hidden vector at x; o : output at x
    """

    activation: str
    params: list
    xs: np.ndarray
    output: np.ndarray
    terms: np.ndarray
    x: float
    a: np.ndarray
    h: np.ndarray
    o: float


def compute(params, activation="relu", x=0.5):
    """Forward propagation of a 1-H-1 network, layer by layer.

    Parameters
    ----------
    params : [(W1 (1, H), b1 (H,)), (W2 (H, 1), b2 (1,))]
    activation : a name in ``ACTIVATIONS``
    x : float, the probe input whose hidden vector is reported

    Returns
    -------
    ForwardResult
    """
    f, _ = get_activation(activation)
    model = MLP.from_params(params, activation=activation, output="identity")  # validates
    if model.sizes[0] != 1 or model.sizes[-1] != 1 or len(model.sizes) != 3:
        raise ValueError(f"expected a 1-H-1 network, got sizes {model.sizes}.")
    x = float(as_array(x, "x", ndim=0))
    (W1, b1), (W2, b2) = model.params
    xs = np.linspace(*X_RANGE, 301)
    A = xs[:, None] @ W1 + b1                # (m, H)  a = x W1 + b1
    H = f(A)                                 # (m, H)  h = σ(a)
    output = (H @ W2 + b2).ravel()           # (m,)    o = h W2 + b2
    a = (np.array([[x]]) @ W1 + b1).ravel()
    h = f(a)
    return ForwardResult(activation=activation, params=model.params, xs=xs, output=output,
                         terms=H * W2.ravel(), x=x, a=a, h=h, o=float(h @ W2.ravel() + b2[0]))


class MLPForwardExplorer(Explorer):
    """Left: the 1-3-1 network with its weights. Right: o(x) and its three terms."""

    figsize = (10.0, 3.8)

    def defaults(self):
        return {"activation": "relu", "x": 0.5, **DEFAULTS}

    def controls(self):
        import ipywidgets as widgets

        style = {"description_width": "initial"}
        layout = widgets.Layout(width="230px")
        ctrl = {"activation": widgets.Dropdown(options=list(ACTIVATIONS), description="activation",
                                               style=style, layout=layout),
                "x": widgets.FloatSlider(min=-3, max=3, step=0.1, description="probe x",
                                         style=style, layout=layout)}
        for name in DEFAULTS:
            ctrl[name] = widgets.FloatSlider(min=-3, max=3, step=0.1, description=name,
                                             style=style, layout=layout)
        return ctrl

    def _build(self, fig):
        from ..plots import network_diagram

        self.ax_net, self.ax_fn = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1, 1.4]})
        fig.subplots_adjust(left=0.02, right=0.98, bottom=0.13, top=0.88, wspace=0.12)
        params = params_from_values(self.values)
        network_diagram(params, ax=self.ax_net)
        self.edges = next(c for c in self.ax_net.collections if c.get_gid() == "network_edges")
        nodes = next(c for c in self.ax_net.collections if c.get_gid() == "network_nodes")
        self.node_xy = nodes.get_offsets()
        self.node_text = [self.ax_net.text(px + 0.13, py - 0.1, "", fontsize=8, color="0.2",
                                           ha="left", va="top")
                          for px, py in self.node_xy]
        (self.out_line,) = self.ax_fn.plot([], [], "k", lw=2.5, label="o(x)")
        self.term_lines = [self.ax_fn.plot([], [], "--", lw=1.2, color=f"C{j}",
                                           label=f"W2_{j + 1} h_{j + 1}(x)")[0]
                           for j in range(HIDDEN)]
        (self.probe,) = self.ax_fn.plot([], [], "o", ms=8, color="C3")
        self.ax_fn.axhline(0, color="0.7", lw=0.8)
        self.ax_fn.set_xlim(*X_RANGE)
        self.ax_fn.set_xlabel("x")
        legend = self.ax_fn.legend(loc="upper left", fontsize=7, frameon=False, ncol=2)
        # blitting (see Explorer): what changes with the probe x, in drawing order; the
        # edges and curves depend on the weights and activation only (see _layout_key)
        self.animated = [*self.node_text, self.ax_net.title, self.probe, legend]

    def _layout_key(self):
        """The cached background also holds this activation's and these weights' edges and curves."""
        weights = tuple(self.values[name] for name in DEFAULTS)
        return super()._layout_key() + (self.values["activation"], weights)

    def _update(self):
        from ..plots import edge_style

        v = self.values
        params = params_from_values(v)
        r = compute(params, v["activation"], v["x"])
        self.result = r
        widths, colors = edge_style(r.params, [[0], list(range(HIDDEN)), [0]])
        self.edges.set_linewidths(widths)
        self.edges.set_colors(colors)
        values = [f"x={r.x:.2g}"] + [f"h={h:.2g}" for h in r.h] + [f"o={r.o:.3g}"]
        for t, s in zip(self.node_text, values):
            t.set_text(s)
        self.ax_net.set_title(f"1-3-1 net, {r.activation}; values at x = {r.x:.2g}", fontsize=10)
        self.out_line.set_data(r.xs, r.output)
        for j, line in enumerate(self.term_lines):
            line.set_data(r.xs, r.terms[:, j])
        self.probe.set_data([r.x], [r.o])
        both = np.concatenate([r.output, r.terms.ravel()])
        lo, hi = float(both.min()), float(both.max())
        pad = 0.1 * max(hi - lo, 1e-3)
        self.ax_fn.set_ylim(lo - pad, hi + 3 * pad)
        self.ax_fn.set_title("o(x) = sum of the hidden units' terms + b2", fontsize=10)
        a = ", ".join(f"{t:.3g}" for t in r.a)
        h = ", ".join(f"{t:.3g}" for t in r.h)
        return (f"At x = {r.x:.3g}: a = xW1 + b1 = [{a}], hidden vector h = {r.activation}(a) = "
                f"[{h}], output o = hW2 + b2 = <b>{r.o:.4g}</b>.")


def show(**values):
    """The ``mlp_forward_explorer`` (displays itself as the widget in Jupyter).

    Parameters: activation, x (probe input) and the weights W1_1…W1_3, b1_1…b1_3,
    W2_1…W2_3, b2.
    """
    return MLPForwardExplorer(**values)
