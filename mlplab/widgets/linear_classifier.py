"""Explorer ``linear_classifier``: softmax regression on blobs, step by step.

The model is the linear map O = XW + b (W: (2, 3), b: (3,)) followed by softmax;
it is trained by full-batch gradient descent on the mean cross-entropy,

    L = −(1/n) Σ_i log softmax(o_i)[y_i],   ∂L/∂O = (P − Y)/n,
    W ← W − λ Xᵀ(P − Y)/n,   b ← b − λ Σ_rows (P − Y)/n,

starting from the random weights of ``MLP([2, 3], seed=init_seed)`` (seed 2 happens
to get almost every point wrong, so the regions visibly turn into place; W = 0
would predict class 0 everywhere). The model *is* that zero-hidden-layer MLP,
trained by ``optim.sgd`` with ``batch_size=n``; its callback records (W, b) after
every step. The whole trajectory is computed once per learning rate; the step
slider only picks a snapshot, so moving it is cheap.

    from mlplab.widgets import linear_classifier
    linear_classifier.show(lr=0.5, step=30)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..data import make_dataset
from ..i18n import Text
from ..mlp import MLP
from ..optim import sgd
from ..plots import CLASS_COLORS, plane_grid
from ..validation import check_int, check_number
from ._base import Explorer, html

__all__ = ["compute", "train_trajectory", "Trajectory", "ClassifierResult",
           "LinearClassifierExplorer", "show", "MAX_STEPS", "NOISE"]

MAX_STEPS = 200
NOISE = 0.3  # blobs overlap a little: accuracy ends near 0.98, not 1


@dataclass
class Trajectory:
    """Every parameter snapshot of one training run.

    W : (steps + 1, d, k), b : (steps + 1, k)  W[t], b[t] after t steps
    loss, accuracy : (steps + 1,) on the training data at each snapshot
    """

    X: np.ndarray
    y: np.ndarray
    lr: float
    W: np.ndarray
    b: np.ndarray
    loss: np.ndarray
    accuracy: np.ndarray

    @property
    def steps(self):
        return len(self.loss) - 1


def train_trajectory(lr=0.5, steps=MAX_STEPS, n=300, noise=NOISE, seed=0, init_seed=2):
    """Train softmax regression on ``make_dataset("blobs")`` and keep every step.

    Parameters
    ----------
    lr : float in (0, 1e6]; steps : int from 0 to 10,000; n, noise, seed : the data
    init_seed : the start is ``MLP([2, k], seed=init_seed).params[0]``

    Returns
    -------
    Trajectory
    """
    lr = check_number(lr, "lr", 0.0, 1e6, lo_open=True, example=0.5)
    steps = check_int(steps, "steps", 0, 10_000, example=MAX_STEPS)
    X, y = make_dataset("blobs", n=n, noise=noise, seed=seed)
    k = int(y.max()) + 1
    model = MLP([X.shape[1], k], output="softmax", seed=init_seed)
    W, b = model.params[0]
    Ws, bs = np.full((steps + 1, *W.shape), np.nan), np.full((steps + 1, k), np.nan)
    loss, acc = np.full(steps + 1, np.nan), np.full(steps + 1, np.nan)
    Ws[0], bs[0], loss[0], acc[0] = W, b, model.loss(X, y), model.accuracy(X, y)

    def snapshot(epoch, hist):  # one epoch = one full-batch step
        Ws[epoch + 1], bs[epoch + 1] = W, b   # the parameters are updated in place
        loss[epoch + 1], acc[epoch + 1] = hist.epoch_loss[-1], hist.epoch_accuracy[-1]

    sgd(model, X, y, lr, batch_size=X.shape[0], epochs=steps, callback=snapshot)
    return Trajectory(X=X, y=y, lr=lr, W=Ws, b=bs, loss=loss, accuracy=acc)


@dataclass
class ClassifierResult:
    """The model after ``step`` steps: W (d, k), b (k,), its loss and accuracy,
    and the predicted class on a grid (xs, ys, Z (r, r))."""

    step: int
    W: np.ndarray
    b: np.ndarray
    loss: float
    accuracy: float
    xs: np.ndarray
    ys: np.ndarray
    Z: np.ndarray
    trajectory: Trajectory


MARGIN = 0.4  # the regions extend this far beyond the points


def compute(lr=0.5, step=30, trajectory=None, resolution=120):
    """The classifier after ``step`` gradient steps, and its decision regions.

    Parameters
    ----------
    lr : float > 0 (ignored when ``trajectory`` is given)
    step : int in 0..MAX_STEPS
    trajectory : a ``Trajectory`` to reuse (then nothing is retrained)
    resolution : grid points per axis for the regions

    Returns
    -------
    ClassifierResult
    """
    traj = trajectory if trajectory is not None else train_trajectory(lr)
    step = check_int(step, "step", 0, None, example=30)
    if step > traj.steps:
        raise ValueError(
            f"step={step} is beyond the trained {traj.steps} steps; expected "
            f"0 <= step <= {traj.steps}."
        )
    W, b = traj.W[step], traj.b[step]
    xs, ys, G = plane_grid(traj.X, resolution, MARGIN)
    with np.errstate(over="ignore", invalid="ignore"):
        Z = np.argmax(G @ W + b, axis=1).reshape(len(ys), len(xs))
    return ClassifierResult(step=step, W=W, b=b, loss=float(traj.loss[step]),
                            accuracy=float(traj.accuracy[step]), xs=xs, ys=ys, Z=Z,
                            trajectory=traj)


READOUT = Text(
    "step <b>{t}</b> of {T} (lr {lr:.3g}): cross-entropy <b>{loss:.4f}</b>, training accuracy "
    "<b>{acc:.3f}</b> (a random start: step 0 has accuracy {acc0:.3f}).",
    "{T}스텝 중 <b>{t}</b>번째 (lr {lr:.3g}): 교차 엔트로피 <b>{loss:.4f}</b>, 훈련 정확도 "
    "<b>{acc:.3f}</b> (무작위로 시작했으므로 0스텝의 정확도는 {acc0:.3f}).",
)


class LinearClassifierExplorer(Explorer):
    """Learning rate (retrains once) and a training-step slider (picks a snapshot)."""

    figsize = (9.5, 3.6)
    # the loss and accuracy curves follow the learning rate only: static, redrawn with it
    background_depends_on = ("lr",)

    def compute(self, lr, step):
        """The snapshot after ``step`` steps; training runs once per learning rate."""
        if getattr(self, "_traj", None) is None or self._traj.lr != lr:
            self._traj = train_trajectory(lr)
            self.n_trainings = getattr(self, "n_trainings", 0) + 1
        return compute(step=step, trajectory=self._traj)

    def defaults(self):
        return {"lr": 0.5, "step": 30}

    def controls(self):
        import ipywidgets as widgets

        return {
            "lr": widgets.FloatLogSlider(base=10, min=-2, max=1, step=0.125, description="lr",
                                         readout_format=".3g", continuous_update=False),
            "step": widgets.IntSlider(min=0, max=MAX_STEPS, description="step"),
        }

    def build(self, fig):
        from matplotlib.colors import ListedColormap

        self.ax_map, self.ax_curve = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1, 1.3]})
        fig.subplots_adjust(left=0.06, right=0.98, bottom=0.14, top=0.88, wspace=0.22)
        X, y = make_dataset("blobs", n=300, noise=NOISE, seed=0)
        k = int(y.max()) + 1
        cmap = ListedColormap(CLASS_COLORS[:k])
        xs, ys, _ = plane_grid(X, 2, MARGIN)
        self.regions = self.dynamic(self.ax_map.imshow(
            np.zeros((2, 2)), origin="lower", extent=(xs[0], xs[-1], ys[0], ys[-1]),
            cmap=cmap, vmin=-0.5, vmax=k - 0.5, alpha=0.3, aspect="auto",
            interpolation="nearest"))
        self.dynamic(self.ax_map.scatter(X[:, 0], X[:, 1], c=y, cmap=cmap, vmin=-0.5,  # over
                                         vmax=k - 0.5, s=10, edgecolors="k", linewidths=0.3))
        self.ax_map.set_xlim(xs[0], xs[-1])
        self.ax_map.set_ylim(ys[0], ys[-1])
        self.map_title = self.dynamic(self.ax_map.set_title("", fontsize=10))

        ax = self.ax_curve
        (self.loss_line,) = ax.plot([], [], "C0-", lw=1.5, label="loss (cross-entropy)")
        (self.acc_line,) = ax.plot([], [], "C2-", lw=1.5, label="accuracy")
        self.step_line = self.dynamic(ax.axvline(0, color="k", lw=1, ls=":"))
        (self.step_dots,) = self.dynamic(ax.plot([], [], "ko", ms=4))
        ax.set_xlim(0, MAX_STEPS)
        ax.set_xlabel("gradient step")
        self.dynamic(ax.legend(loc="center right", fontsize=8))   # over the step line
        self.curve_title = self.dynamic(ax.set_title("", fontsize=10))

    def draw(self, r):
        traj = r.trajectory
        t = np.arange(traj.steps + 1)
        self.loss_line.set_data(t, traj.loss)
        self.acc_line.set_data(t, traj.accuracy)
        finite = traj.loss[np.isfinite(traj.loss)]
        self.ax_curve.set_ylim(0, max(1.15, 1.05 * float(finite.max())) if finite.size else 1.15)
        self.regions.set_data(r.Z)
        self.map_title.set_text(f"decision regions after {r.step} steps")
        self.step_line.set_xdata([r.step, r.step])
        self.step_dots.set_data([r.step, r.step], [r.loss, r.accuracy])
        self.curve_title.set_text(f"lr = {traj.lr:.3g}: loss {r.loss:.3f}, "
                                  f"accuracy {r.accuracy:.3f}")
        return html(READOUT, t=r.step, T=traj.steps, lr=traj.lr, loss=r.loss, acc=r.accuracy,
                    acc0=traj.accuracy[0])


def show(**values):
    """The explorer, displayed as a widget in Jupyter."""
    return LinearClassifierExplorer(**values)
