"""Explorer ``depth_vs_width``: the same parameter budget spent deep or wide (lesson 09).

Two ReLU networks with (almost exactly) the same number of parameters are
trained by full-batch gradient descent on the same 1-D target:

* deep-narrow:  [1, w, w, …, w, 1] with ``depth`` hidden layers of width w,
  w chosen so the parameter count is as close to ``budget`` as possible;
* shallow-wide: [1, W, 1], W chosen so its count (3W + 1) matches the deep net's
  count to within one parameter.

Both start from the same seed and see the same data, learning rate and number
of steps. Inputs x ∈ [0, 1] are fed to the nets as 2x − 1 (centred), targets as
they are. The loss is the mean squared error.
"""

from __future__ import annotations

import numbers
import time
from dataclasses import dataclass

import numpy as np

from .. import fast
from ..activations import ACTIVATIONS
from ..constructions import sawtooth_composed, width_for_budget
from ..data import TARGETS
from ..mlp import MLP, count_params
from ..validation import check_positive
from ._legacy import Explorer

__all__ = ["DVW_TARGETS", "DepthWidthResult", "compute",
           "DepthVsWidthExplorer", "show"]


def _sawtooth3(x):
    return sawtooth_composed(x, 3)


#: name -> f(x) on [0, 1]: the sawtooth t∘t∘t (8 pieces) and the 1-D targets of mlplab.data
DVW_TARGETS = {"sawtooth": _sawtooth3, **TARGETS}


@dataclass
class DepthWidthResult:
    """Both fits and loss curves.

    x, y : the training points (x in [0, 1]) and the target values
    deep_sizes, wide_sizes : the two architectures
    deep_params, wide_params : their parameter counts
    deep_fit, wide_fit : predictions on x after training
    deep_loss, wide_loss : MSE after each step (a diverged run stops early)
    deep_final, wide_final : MSE of the trained nets on x
    seconds : wall time of both trainings
    """

    x: np.ndarray
    y: np.ndarray
    deep_sizes: list
    wide_sizes: list
    deep_params: int
    wide_params: int
    deep_fit: np.ndarray
    wide_fit: np.ndarray
    deep_loss: np.ndarray
    wide_loss: np.ndarray
    deep_final: float
    wide_final: float
    seconds: float

    @property
    def winner(self):
        """"deep", "wide" or "tie" (final losses within 5 % of each other)."""
        lo, hi = sorted([self.deep_final, self.wide_final])
        if not np.isfinite(hi) and np.isfinite(lo):
            return "deep" if np.isfinite(self.deep_final) else "wide"
        if hi <= 1.05 * lo:
            return "tie"
        return "deep" if self.deep_final < self.wide_final else "wide"


def _train(sizes, activation, U, Y, lr, steps, seed):
    """Full-batch gradient descent, in place, on the unchecked fast path.

    The loss is MSE = mean((O − Y)²) with ∂MSE/∂O = 2(O − Y)/n; the learning
    rate is folded into that output delta, so backprop returns λ·∂W directly
    and each update is a single in-place subtraction.
    """
    model = MLP(sizes, activation=activation, output="identity", seed=seed)
    losses = np.empty(steps)
    n = U.shape[0]
    done = steps
    with np.errstate(over="ignore", invalid="ignore"):
        for s in range(steps):
            out, cache = fast.forward(model, U)
            diff = out - Y
            losses[s] = loss = float(diff.ravel() @ diff.ravel()) / n
            if not np.isfinite(loss):
                done = s + 1
                break
            diff *= 2.0 * lr / n
            for (W, b), (dW, db) in zip(model.params, fast.backprop(model, cache, diff)):
                W -= dW
                b -= db
        final = fast.evaluate(model, U, Y)[0]
        fit = fast.forward(model, U)[0].ravel()
    return model, losses[:done], float(final), fit


def compute(budget=200, depth=4, target="sawtooth", lr=0.1, steps=3000, seed=0,
            activation="relu", n_points=128):
    """Train a deep-narrow and a shallow-wide net with the same parameter budget.

    Parameters
    ----------
    budget : int ≥ 10, the number of parameters to spend
    depth : int ≥ 2, hidden layers of the deep net (the wide one has 1)
    target : key of ``DVW_TARGETS``
    lr : learning rate of full-batch gradient descent; steps : number of steps
    seed : initial weights of both nets; activation : key of ``ACTIVATIONS``
    n_points : evenly spaced training points on [0, 1]

    Returns
    -------
    DepthWidthResult
    """
    for name, value in (("budget", budget), ("depth", depth), ("steps", steps),
                        ("n_points", n_points), ("seed", seed)):
        if isinstance(value, bool) or not isinstance(value, numbers.Integral):
            raise TypeError(f"{name} must be an int, got {type(value).__name__} {value!r}.")
    if budget < 10:
        raise ValueError(f"budget must be at least 10 parameters, got {budget}. Try 200.")
    if not 2 <= depth <= 10:
        raise ValueError(f"depth must be between 2 and 10 hidden layers, got {depth}. Try 4.")
    if steps < 1 or n_points < 2:
        raise ValueError(f"need steps ≥ 1 and n_points ≥ 2, got steps={steps}, n_points={n_points}.")
    if target not in DVW_TARGETS:
        raise ValueError(f"unknown target {target!r}; choose one of: {', '.join(DVW_TARGETS)}")
    if activation not in ACTIVATIONS:
        raise ValueError(
            f"unknown activation {activation!r}; choose one of: {', '.join(sorted(ACTIVATIONS))}"
        )
    lr = check_positive(lr, "lr")

    x = np.linspace(0.0, 1.0, n_points)
    y = DVW_TARGETS[target](x)
    U, Y = (2 * x - 1)[:, None], y[:, None]
    w = width_for_budget(budget, depth)
    deep_sizes = [1] + [w] * depth + [1]
    p = count_params(deep_sizes)
    wide_sizes = [1, max(1, round((p - 1) / 3)), 1]

    start = time.perf_counter()
    _, deep_loss, deep_final, deep_fit = _train(deep_sizes, activation, U, Y, lr, steps, seed)
    _, wide_loss, wide_final, wide_fit = _train(wide_sizes, activation, U, Y, lr, steps, seed)
    seconds = time.perf_counter() - start
    return DepthWidthResult(
        x=x, y=y, deep_sizes=deep_sizes, wide_sizes=wide_sizes,
        deep_params=p, wide_params=count_params(wide_sizes),
        deep_fit=deep_fit, wide_fit=wide_fit, deep_loss=deep_loss, wide_loss=wide_loss,
        deep_final=deep_final, wide_final=wide_final, seconds=seconds,
    )


def _arch(sizes):
    return "-".join(map(str, sizes))


def _thin(curve, max_points=400):
    """Every k-th point of a loss curve (enough for a 9-inch plot, much faster to draw)."""
    k = max(1, len(curve) // max_points)
    idx = np.arange(0, len(curve), k)
    return idx, curve[idx]


class DepthVsWidthExplorer(Explorer):
    """Budget and depth → both fits and both loss curves, with a readout of who won."""

    figsize = (9.0, 3.4)

    def defaults(self):
        return {"budget": 200, "depth": 4, "target": "sawtooth", "lr": 0.1, "seed": 0,
                "activation": "relu", "steps": 3000}

    def controls(self):
        import ipywidgets as widgets

        lazy = {"continuous_update": False}
        return {
            "budget": widgets.IntSlider(min=40, max=400, step=10, description="budget", **lazy),
            "depth": widgets.IntSlider(min=2, max=6, description="depth", **lazy),
            "target": widgets.Dropdown(options=list(DVW_TARGETS), description="target"),
            "lr": widgets.FloatLogSlider(min=-3, max=0, step=0.1, base=10, description="lr",
                                         readout_format=".3f", **lazy),
            "seed": widgets.IntSlider(min=0, max=9, description="seed", **lazy),
            "activation": widgets.Dropdown(options=sorted(ACTIVATIONS), description="activation"),
        }

    def set(self, **values):
        """As ``Explorer.set``, but first says in the readout that training is under way."""
        if self._widget is not None:
            self.readout.value = "<i>training both nets…</i>"
        return super().set(**values)

    def _build(self, fig):
        self.ax_fit, self.ax_loss = fig.subplots(1, 2)
        fig.subplots_adjust(left=0.07, right=0.98, bottom=0.16, top=0.88, wspace=0.25)
        (self.target_dots,) = self.ax_fit.plot([], [], "k.", ms=3, label="target")
        (self.deep_line,) = self.ax_fit.plot([], [], "C0-", lw=2, label="deep-narrow")
        (self.wide_line,) = self.ax_fit.plot([], [], "C1-", lw=2, label="shallow-wide")
        self.ax_fit.set_xlim(0, 1)
        self.ax_fit.set_xlabel("x")
        self.ax_fit.legend(loc="upper left", fontsize=8)
        (self.deep_curve,) = self.ax_loss.semilogy([], [], "C0-", label="deep-narrow")
        (self.wide_curve,) = self.ax_loss.semilogy([], [], "C1-", label="shallow-wide")
        self.ax_loss.set_xlabel("gradient descent step")
        self.ax_loss.set_ylabel("MSE")
        self.ax_loss.legend(loc="upper right", fontsize=8)

    def _update(self):
        v = self.values
        r = compute(budget=v["budget"], depth=v["depth"], target=v["target"], lr=v["lr"],
                    steps=v["steps"], seed=v["seed"], activation=v["activation"])
        self.result = r
        self.target_dots.set_data(r.x, r.y)
        self.deep_line.set_data(r.x, r.deep_fit)
        self.wide_line.set_data(r.x, r.wide_fit)
        finite = [a for a in (r.y, r.deep_fit, r.wide_fit) if np.all(np.isfinite(a))]
        lo, hi = min(a.min() for a in finite), max(a.max() for a in finite)
        pad = 0.1 * (hi - lo + 1e-9)
        self.ax_fit.set_ylim(lo - pad, hi + pad)
        self.ax_fit.set_title(f"{r.deep_params} vs {r.wide_params} parameters", fontsize=10)
        self.deep_curve.set_data(*_thin(r.deep_loss))
        self.wide_curve.set_data(*_thin(r.wide_loss))
        curves = np.r_[r.deep_loss, r.wide_loss]
        curves = curves[np.isfinite(curves) & (curves > 0)]
        self.ax_loss.set_xlim(0, v["steps"])
        if curves.size:
            self.ax_loss.set_ylim(curves.min() / 1.5, min(curves.max(), 1e6) * 1.5)
        verdict = {"deep": "the deep net fits better", "wide": "the wide net fits better",
                   "tie": "a tie"}[r.winner]
        return (
            f"deep-narrow {_arch(r.deep_sizes)} ({r.deep_params} params): final MSE "
            f"<b>{r.deep_final:.4g}</b> · shallow-wide {_arch(r.wide_sizes)} "
            f"({r.wide_params} params): final MSE <b>{r.wide_final:.4g}</b> → {verdict} "
            f"({r.seconds:.2f} s for both)."
        )


def show(**values):
    """The depth-vs-width explorer (displays itself as a widget in Jupyter)."""
    return DepthVsWidthExplorer(**values)
