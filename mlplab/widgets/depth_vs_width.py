"""Explorer ``depth_vs_width``: the same parameter budget spent deep or wide (lesson 09).

Two ReLU networks with (almost exactly) the same number of parameters are
trained by full-batch gradient descent on the same 1-D target:

* deep-narrow:  [1, w, w, …, w, 1] with ``depth`` hidden layers of width w,
  w chosen so the parameter count is as close to ``budget`` as possible;
* shallow-wide: [1, W, 1], W chosen so its count (3W + 1) matches the deep net's
  count to within one parameter.

Both start from the same seed and see the same data, learning rate and number
of steps of full-batch gradient descent (``optim.sgd`` with ``batch_size=n``,
which records the loss before every step). Inputs x ∈ [0, 1] are fed to the nets
as 2x − 1 (centred), targets as they are. The loss is the mean squared error.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from ..activations import ACTIVATIONS
from ..constructions import sawtooth_composed, width_for_budget
from ..data import TARGETS
from ..i18n import Text
from ..mlp import MLP, count_params
from ..optim import sgd
from ..validation import check_choice, check_int, check_number, check_seed, check_size
from ._base import Explorer, html
from ._limits import log_decades, padded_limits

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
    steps: int

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
    """Full-batch gradient descent on the mean squared error; returns (loss per step,
    final loss, fit). A diverged run stops early, with a final loss of inf."""
    model = MLP(sizes, activation=activation, output="identity", seed=seed)
    hist = sgd(model, U, Y, lr, batch_size=U.shape[0], epochs=steps, seed=seed)
    final = hist.epoch_loss[-1] if hist.epoch_loss and not hist.diverged else float("inf")
    with np.errstate(over="ignore", invalid="ignore"):
        fit = model.predict(U).ravel()
    return np.array(hist.step_loss), float(final), fit


def compute(budget=200, depth=4, target="sawtooth", lr=0.1, steps=3000, seed=0,
            activation="relu", n_points=128):
    """Train a deep-narrow and a shallow-wide net with the same parameter budget.

    Parameters
    ----------
    budget : int from 10 to 10,000, the number of parameters to spend
    depth : int from 2 to 10, hidden layers of the deep net (the wide one has 1)
    target : key of ``DVW_TARGETS``
    lr : learning rate of full-batch gradient descent; steps : number of steps (≤ 100,000)
    seed : initial weights of both nets; activation : key of ``ACTIVATIONS``
    n_points : evenly spaced training points on [0, 1] (2 to 10,000)

    Returns
    -------
    DepthWidthResult
    """
    budget = check_int(budget, "budget", 10, 10_000, example=200)
    depth = check_int(depth, "depth", 2, 10, example=4)
    target = check_choice(target, "target", DVW_TARGETS)
    lr = check_number(lr, "lr", 0.0, 1e6, lo_open=True, example=0.1)
    steps = check_int(steps, "steps", 1, 100_000, example=3000)
    seed = check_seed(seed)
    activation = check_choice(activation, "activation", ACTIVATIONS)
    n_points = check_int(n_points, "n_points", 2, 10_000, example=128)
    check_size(2 * steps * budget * n_points, f"training two nets of {budget} parameters for "
               f"{steps} steps on {n_points} points (that many multiply-adds would take "
               "minutes)", limit=10**10)
    x = np.linspace(0.0, 1.0, n_points)
    y = DVW_TARGETS[target](x)
    U, Y = (2 * x - 1)[:, None], y[:, None]
    w = width_for_budget(budget, depth)
    deep_sizes = [1] + [w] * depth + [1]
    p = count_params(deep_sizes)
    wide_sizes = [1, max(1, round((p - 1) / 3)), 1]

    start = time.perf_counter()
    deep_loss, deep_final, deep_fit = _train(deep_sizes, activation, U, Y, lr, steps, seed)
    wide_loss, wide_final, wide_fit = _train(wide_sizes, activation, U, Y, lr, steps, seed)
    seconds = time.perf_counter() - start
    return DepthWidthResult(
        x=x, y=y, deep_sizes=deep_sizes, wide_sizes=wide_sizes,
        deep_params=p, wide_params=count_params(wide_sizes),
        deep_fit=deep_fit, wide_fit=wide_fit, deep_loss=deep_loss, wide_loss=wide_loss,
        deep_final=deep_final, wide_final=wide_final, seconds=seconds, steps=steps,
    )


def _arch(sizes):
    return "-".join(map(str, sizes))


def _thin(curve, max_points=400):
    """Every k-th point of a loss curve (enough for a 9-inch plot, much faster to draw)."""
    k = max(1, len(curve) // max_points)
    idx = np.arange(0, len(curve), k)
    return idx, curve[idx]


READOUT = Text(
    "Budget {budget}: deep-narrow {deep} ({dp} params): final MSE <b>{df:.4g}</b> · shallow-wide "
    "{wide} ({wp} params): final MSE <b>{wf:.4g}</b> → {verdict} ({sec:.2f} s for both).",
    "예산 {budget}: 깊고 좁은 신경망 {deep} (파라미터 {dp}개): 마지막 MSE <b>{df:.4g}</b> · 얕고 넓은 "
    "신경망 {wide} (파라미터 {wp}개): 마지막 MSE <b>{wf:.4g}</b> → {verdict} (둘을 학습하는 데 "
    "{sec:.2f}초).",
)
VERDICTS = {"deep": Text("the deep net fits better", "깊은 신경망이 더 잘 맞춥니다"),
            "wide": Text("the wide net fits better", "넓은 신경망이 더 잘 맞춥니다"),
            "tie": Text("a tie", "비슷합니다")}
DIVERGED = Text(" <b style='color:#c00'>Diverged</b>: lower the learning rate.",
                " <b style='color:#c00'>발산</b>: 학습률을 낮추세요.")


class DepthVsWidthExplorer(Explorer):
    """Budget and depth → both fits and both loss curves, with a readout of who won."""

    figsize = (9.0, 3.4)
    compute = staticmethod(compute)
    busy_text = Text("<i>training both nets…</i>", "<i>두 신경망을 학습하는 중…</i>")

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

    def build(self, fig):
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

    def draw(self, r):
        self.target_dots.set_data(r.x, r.y)
        self.deep_line.set_data(r.x, r.deep_fit)
        self.wide_line.set_data(r.x, r.wide_fit)
        self.ax_fit.set_ylim(*padded_limits(np.r_[r.y, r.deep_fit, r.wide_fit], limit=1e3))
        self.ax_fit.set_title(f"{r.deep_params} vs {r.wide_params} parameters", fontsize=10)
        self.deep_curve.set_data(*_thin(r.deep_loss))
        self.wide_curve.set_data(*_thin(r.wide_loss))
        self.ax_loss.set_xlim(0, r.steps)
        self.ax_loss.set_ylim(*log_decades(np.minimum(np.r_[r.deep_loss, r.wide_loss], 1e6),
                                           margin=1.5))
        diverged = not (np.isfinite(r.deep_final) and np.isfinite(r.wide_final))
        text = html(READOUT, budget=self.values["budget"], deep=_arch(r.deep_sizes),
                    dp=r.deep_params, df=r.deep_final, wide=_arch(r.wide_sizes), wp=r.wide_params,
                    wf=r.wide_final, verdict=VERDICTS[r.winner], sec=r.seconds)
        return text + html(DIVERGED) if diverged else text


def show(**values):
    """The depth-vs-width explorer (displays itself as a widget in Jupyter)."""
    return DepthVsWidthExplorer(**values)
