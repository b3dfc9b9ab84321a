"""Explorer ``mlp_forward_explorer``: a 1-3-1 network whose every weight is a slider
(lesson 05).

Row convention, one input x per row:

    a = x W₁ + b₁          (3 pre-activations)
    h = h(a)               (the hidden vector; h is also the activation's name)
    o = h W₂ + b₂          (the output, no activation)

So o(x) = Σ_j W₂[j] · h(W₁[j] x + b₁[j]) + b₂: a weighted sum of three bent copies
of the activation. The picture shows the network (edge width ∝ |w|, red positive,
blue negative, the values at a probe input written at the nodes) and the function
o(x) together with the three terms it is the sum of.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..activations import ACTIVATIONS, get_activation
from ..i18n import Text
from ..mlp import MLP
from ..plots import edge_style, network_diagram
from ..validation import check_choice, check_number
from ._base import Explorer, html
from ._limits import padded_limits

__all__ = ["ForwardResult", "compute", "params_from_values", "MLPForwardExplorer", "show"]

X_RANGE = (-3.0, 3.0)
HIDDEN = 3
# the default hat: relu(x + 1) − 2 relu(x) + relu(x − 1)
DEFAULTS = {"W1_1": 1.0, "W1_2": 1.0, "W1_3": 1.0, "b1_1": 1.0, "b1_2": 0.0, "b1_3": -1.0,
            "W2_1": 1.0, "W2_2": -2.0, "W2_3": 1.0, "b2": 0.0}


WEIGHT_LIMIT = 1e6  # no weight beyond ±1e6 (the sliders go to ±3)


def params_from_values(values):
    """Slider values {"W1_1": …, "b2": …} → [(W1 (1, 3), b1 (3,)), (W2 (3, 1), b2 (1,))]."""
    v = {name: check_number(values[name], name, -WEIGHT_LIMIT, WEIGHT_LIMIT, example=1.0)
         for name in DEFAULTS}
    W1 = np.array([[v[f"W1_{j}"] for j in range(1, HIDDEN + 1)]])
    b1 = np.array([v[f"b1_{j}"] for j in range(1, HIDDEN + 1)])
    W2 = np.array([[v[f"W2_{j}"]] for j in range(1, HIDDEN + 1)])
    b2 = np.array([v["b2"]])
    return [(W1, b1), (W2, b2)]


@dataclass
class ForwardResult:
    """The 1-H-1 net on a grid and at one probe input.

    xs : (m,) inputs; output : (m,) o(x); terms : (m, H) W₂[j]·h(a_j(x))
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
    f, _ = get_activation(check_choice(activation, "activation", ACTIVATIONS))
    model = MLP.from_params(params, activation=activation, output="identity")  # validates
    if model.sizes[0] != 1 or model.sizes[-1] != 1 or len(model.sizes) != 3:
        raise ValueError(f"expected a 1-H-1 network, got sizes {model.sizes}.")
    x = check_number(x, "x", -1e6, 1e6, example=0.5)
    (W1, b1), (W2, b2) = model.params
    xs = np.linspace(*X_RANGE, 301)
    A = xs[:, None] @ W1 + b1                # (m, H)  a = x W1 + b1
    H = f(A)                                 # (m, H)  h(a)
    output = (H @ W2 + b2).ravel()           # (m,)    o = h W2 + b2
    a = (np.array([[x]]) @ W1 + b1).ravel()
    h = f(a)
    return ForwardResult(activation=activation, params=model.params, xs=xs, output=output,
                         terms=H * W2.ravel(), x=x, a=a, h=h, o=float(h @ W2.ravel() + b2[0]))


READOUT = Text(
    "At x = {x:.3g}: a = xW1 + b1 = [{a}], hidden vector h = {act}(a) = [{h}], output "
    "o = hW2 + b2 = <b>{o:.4g}</b>.",
    "x = {x:.3g}에서: a = xW1 + b1 = [{a}], 잠재 벡터 h = {act}(a) = [{h}], 출력 "
    "o = hW2 + b2 = <b>{o:.4g}</b>.",
)


class MLPForwardExplorer(Explorer):
    """Left: the 1-3-1 network with its weights. Right: o(x) and its three terms."""

    figsize = (10.0, 3.8)
    # the edges and the curves follow the weights and the activation, not the probe x
    background_depends_on = ("activation", *DEFAULTS)

    def compute(self, activation, x, **weights):
        return compute(params_from_values(weights), activation, x)

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

    def build(self, fig):
        self.ax_net, self.ax_fn = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1, 1.4]})
        fig.subplots_adjust(left=0.02, right=0.98, bottom=0.13, top=0.88, wspace=0.12)
        network_diagram(params_from_values(DEFAULTS), ax=self.ax_net)
        self.edges = next(c for c in self.ax_net.collections if c.get_gid() == "network_edges")
        nodes = next(c for c in self.ax_net.collections if c.get_gid() == "network_nodes")
        self.node_text = self.dynamic([
            self.ax_net.text(px + 0.13, py - 0.1, "", fontsize=8, color="0.2", ha="left", va="top")
            for px, py in nodes.get_offsets()])
        self.net_title = self.dynamic(self.ax_net.set_title("", fontsize=10))
        (self.out_line,) = self.ax_fn.plot([], [], "k", lw=2.5, label="o(x)")
        self.term_lines = [self.ax_fn.plot([], [], "--", lw=1.2, color=f"C{j}",
                                           label=f"W2_{j + 1} h_{j + 1}(x)")[0]
                           for j in range(HIDDEN)]
        (self.probe,) = self.dynamic(self.ax_fn.plot([], [], "o", ms=8, color="C3"))
        self.ax_fn.axhline(0, color="0.7", lw=0.8)
        self.ax_fn.set_xlim(*X_RANGE)
        self.ax_fn.set_xlabel("x")
        self.dynamic(self.ax_fn.legend(loc="upper left", fontsize=7, frameon=False, ncol=2))
        self.ax_fn.set_title("o(x) = sum of the hidden units' terms + b2", fontsize=10)

    def draw(self, r):
        widths, colors = edge_style(r.params, [[0], list(range(HIDDEN)), [0]])
        self.edges.set_linewidths(widths)
        self.edges.set_colors(colors)
        values = [f"x={r.x:.2g}"] + [f"h={h:.2g}" for h in r.h] + [f"o={r.o:.3g}"]
        for t, s in zip(self.node_text, values):
            t.set_text(s)
        self.net_title.set_text(f"1-3-1 net, {r.activation}; values at x = {r.x:.2g}")
        self.out_line.set_data(r.xs, r.output)
        for j, line in enumerate(self.term_lines):
            line.set_data(r.xs, r.terms[:, j])
        self.probe.set_data([r.x], [r.o])
        self.ax_fn.set_ylim(*padded_limits(np.r_[r.output, r.terms.ravel()], pad=0.1,
                                           top_pad=0.3))
        a = ", ".join(f"{t:.3g}" for t in r.a)
        h = ", ".join(f"{t:.3g}" for t in r.h)
        return html(READOUT, x=r.x, a=a, act=r.activation, h=h, o=r.o)


def show(**values):
    """The ``mlp_forward_explorer`` (displays itself as the widget in Jupyter).

    Parameters: activation, x (probe input) and the weights W1_1…W1_3, b1_1…b1_3,
    W2_1…W2_3, b2.
    """
    return MLPForwardExplorer(**values)
