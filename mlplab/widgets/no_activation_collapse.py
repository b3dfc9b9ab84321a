"""Explorer ``no_activation_collapse``: without activations a deep net is one
linear map (lesson 04).

Stack layers with nothing between them:

    O = ((X W₁ + b₁) W₂ + b₂) … W_L + b_L  =  X (W₁ W₂ … W_L) + b_eff,
    b_eff = (… (b₁ W₂ + b₂) W₃ + … ) W_L + b_L .

However many layers, the result is one matrix and one bias, so a classifier built
this way still splits the plane with straight lines. ``compute`` trains two nets of
the same shape on a 2-D data set — one with an activation after every hidden layer,
one without — collapses the second into (W_eff, b_eff), and measures how far the
collapsed single layer is from the deep net (rounding error only, ~1e-15).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np

from .. import fast
from ..activations import ACTIVATIONS
from ..constructions import collapse  # the lessons import it from here too
from ..data import make_dataset
from ..i18n import Text
from ..mlp import MLP
from ..optim import sgd
from ..plots import CLASS_COLORS, plane_grid
from ..validation import check_choice, check_int, check_seed
from ._base import Explorer, html

__all__ = ["CollapseResult", "compute", "CollapseExplorer", "show", "DATASETS"]

DATASETS = ("moons", "circles", "xor")
N_POINTS = 160
EPOCHS = 200
LR = 0.3
RESOLUTION = 80


@dataclass
class CollapseResult:
    """Two trained nets of the same shape, with and without activations.

    xs, ys : grid coordinates; region_act, region_lin : (r, r) predicted class
    accuracy_act, accuracy_lin : training accuracy of each net
    W_eff (2, 2), b_eff (2,) : the linear net folded into one layer
    max_diff : max |deep linear net − one folded layer| over the grid (≈1e-15)
    """

    dataset: str
    depth: int
    activation: str
    X: np.ndarray
    y: np.ndarray
    xs: np.ndarray
    ys: np.ndarray
    region_act: np.ndarray
    region_lin: np.ndarray
    accuracy_act: float
    accuracy_lin: float
    W_eff: np.ndarray
    b_eff: np.ndarray
    max_diff: float


@functools.lru_cache(maxsize=64)
def _train(dataset, depth, activation, width, seed):
    X, y = make_dataset(dataset, n=N_POINTS, noise=0.1, seed=seed)
    model = MLP([2] + [width] * depth + [2], activation=activation, seed=seed)
    sgd(model, X, y, lr=LR, batch_size=N_POINTS, epochs=EPOCHS, seed=seed)
    return X, y, model


def compute(depth=2, activation="relu", dataset="moons", width=16, seed=0):
    """Train a net with ``depth`` hidden layers twice: with ``activation`` and without.

    Parameters
    ----------
    depth : int from 0 to 10, number of hidden layers (0 = a single linear layer)
    activation : a name in ``ACTIVATIONS`` (other than "identity") for the bent net
    dataset : "moons", "circles" or "xor"
    width : int from 1 to 256, units per hidden layer
    seed : int ≥ 0, data and initial weights

    Returns
    -------
    CollapseResult
    """
    depth = check_int(depth, "depth", 0, 10, example=2)
    activation = check_choice(activation, "activation", ACTIVATIONS)
    dataset = check_choice(dataset, "dataset", DATASETS)
    width = check_int(width, "width", 1, 256, example=16)
    seed = check_seed(seed)
    X, y, bent = _train(dataset, depth, activation, width, seed)
    _, _, flat = _train(dataset, depth, "identity", width, seed)

    xs, ys, G = plane_grid(X, RESOLUTION, margin=0.4)
    shape = (ys.size, xs.size)
    deep_scores, _ = fast.forward(flat, G)                 # layer by layer
    W_eff, b_eff = collapse(flat.params)
    one_layer = G @ W_eff + b_eff                            # one matrix, one bias
    max_diff = float(np.max(np.abs(deep_scores - one_layer)))
    region_act = bent.predict(G).reshape(shape)
    region_lin = np.argmax(one_layer, axis=1).reshape(shape)
    return CollapseResult(
        dataset=dataset, depth=depth, activation=activation, X=X, y=y, xs=xs, ys=ys,
        region_act=region_act, region_lin=region_lin,
        accuracy_act=bent.accuracy(X, y), accuracy_lin=flat.accuracy(X, y),
        W_eff=W_eff, b_eff=b_eff, max_diff=max_diff,
    )


DEPTH_ZERO = Text(
    "<b>linear: one matrix</b>. With no hidden layer both nets are the same single layer "
    "X·W1 + b1: no activation is applied, the boundary is a line (accuracy {acc:.2f}). Add "
    "hidden layers to see the difference.",
    "<b>선형: 행렬 하나</b>. 은닉층이 없으면 두 신경망은 같은 층 하나 X·W1 + b1입니다. 활성함수가 "
    "쓰이지 않으므로 경계는 직선입니다 (정확도 {acc:.2f}). 은닉층을 더해 차이를 보세요.",
)
READOUT = Text(
    "<b>linear: one matrix</b>. Without activations the {L}-layer net is X·({prod}) + b_eff, a "
    "single 2×2 matrix W_eff and bias; it matches the layer-by-layer output to "
    "<b>{diff:.1e}</b>, and its boundary is a line (accuracy {acc_lin:.2f}). With "
    "<b>{act}</b> between the layers the boundary bends (accuracy <b>{acc_act:.2f}</b>){note}.",
    "<b>선형: 행렬 하나</b>. 활성함수가 없으면 {L}층 신경망은 X·({prod}) + b_eff, 곧 2×2 행렬 "
    "W_eff 하나와 절편입니다. 층별로 계산한 출력과 <b>{diff:.1e}</b>까지 일치하고, 경계는 "
    "직선입니다 (정확도 {acc_lin:.2f}). 층 사이에 <b>{act}</b>를 넣으면 경계가 휩니다 "
    "(정확도 <b>{acc_act:.2f}</b>){note}.",
)
POOR_FIT = Text(
    " (this plain gradient-descent run fits poorly; lesson 06 shows why deep sigmoid/tanh nets "
    "can learn slowly: their gradients vanish)",
    " (이 경사하강법 학습은 잘 맞추지 못했습니다. 깊은 sigmoid/tanh 신경망이 느리게 배우는 까닭, "
    "곧 그레디언트 소실은 6강에서 다룹니다)",
)


class CollapseExplorer(Explorer):
    """Left: decision regions with the activation. Right: the same net without it."""

    figsize = (9.0, 4.0)
    compute = staticmethod(compute)

    def defaults(self):
        return {"depth": 2, "activation": "relu", "dataset": "moons"}

    def controls(self):
        import ipywidgets as widgets

        style = {"description_width": "initial"}
        return {
            "depth": widgets.IntSlider(min=0, max=6, description="hidden layers",
                                       continuous_update=False, style=style),
            "activation": widgets.Dropdown(options=[a for a in ACTIVATIONS if a != "identity"],
                                           description="activation", style=style),
            "dataset": widgets.Dropdown(options=list(DATASETS), description="data",
                                        style=style),
        }

    def build(self, fig):
        from matplotlib.colors import ListedColormap

        self.ax_act, self.ax_lin = fig.subplots(1, 2)
        fig.subplots_adjust(left=0.05, right=0.98, bottom=0.08, top=0.86, wspace=0.12)
        cmap = ListedColormap(CLASS_COLORS[:2])
        blank = np.zeros((RESOLUTION, RESOLUTION))
        self.images, self.scatters = [], []
        for ax in (self.ax_act, self.ax_lin):
            im = ax.imshow(blank, origin="lower", cmap=cmap, alpha=0.25, vmin=-0.5, vmax=1.5,
                           aspect="auto", interpolation="nearest")
            sc = ax.scatter([0], [0], c=[0], cmap=cmap, vmin=-0.5, vmax=1.5, s=10,
                            edgecolors="k", linewidths=0.3)
            ax.set_xticks([])
            ax.set_yticks([])
            self.images.append(im)
            self.scatters.append(sc)

    def draw(self, r):
        extent = (r.xs[0], r.xs[-1], r.ys[0], r.ys[-1])
        for ax, im, sc, region in zip((self.ax_act, self.ax_lin), self.images, self.scatters,
                                      (r.region_act, r.region_lin)):
            im.set_data(region)
            im.set_extent(extent)
            sc.set_offsets(r.X)
            sc.set_array(r.y.astype(float))
            ax.set_xlim(extent[:2])
            ax.set_ylim(extent[2:])
        L = r.depth + 1
        self.ax_act.set_title(f"{L} layers with {r.activation}: accuracy {r.accuracy_act:.2f}",
                              fontsize=10)
        self.ax_lin.set_title(f"{L} layers, no activation: accuracy {r.accuracy_lin:.2f}\n"
                              "= one 2x2 matrix: a straight boundary", fontsize=10)
        if r.depth == 0:
            return html(DEPTH_ZERO, acc=r.accuracy_lin)
        prod = " ".join(f"W{l}" for l in range(1, L + 1))
        return html(READOUT, L=L, prod=prod, diff=r.max_diff, acc_lin=r.accuracy_lin,
                    act=r.activation, acc_act=r.accuracy_act,
                    note="" if r.accuracy_act >= 0.9 else POOR_FIT)


def show(**values):
    """The ``no_activation_collapse`` explorer (displays itself as the widget in Jupyter).

    Parameters: depth, activation, dataset (see ``compute``).
    """
    return CollapseExplorer(**values)
