"""Explorer ``linear_classifier``: softmax regression on blobs, step by step.

The model is the linear map O = XW + b (W: (2, 3), b: (3,)) followed by softmax;
it is trained by full-batch gradient descent on the mean cross-entropy,

    L = −(1/n) Σ_i log softmax(o_i)[y_i],   ∂L/∂O = (P − Y)/n,
    W ← W − λ Xᵀ(P − Y)/n,   b ← b − λ Σ_rows (P − Y)/n,

starting from the random weights of ``MLP([2, 3], seed=init_seed)`` (seed 2 happens
to get almost every point wrong, so the regions visibly turn into place; W = 0
would predict class 0 everywhere). The whole trajectory of
(W, b) is computed once per learning rate; the step slider only picks a snapshot,
so moving it is cheap. A zero-hidden-layer ``MLP([2, 3], output="softmax")``
is the same model, and ``sgd(..., batch_size=n)`` from the same start gives the
same snapshots.

    from mlplab.widgets import linear_classifier
    linear_classifier.show(lr=0.5, step=30)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..data import make_dataset
from ..losses import softmax_cross_entropy
from ..mlp import MLP
from ..plots import CLASS_COLORS
from ..validation import check_positive
from ._legacy import Explorer

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
    lr : float > 0; steps : int ≥ 0; n, noise, seed : the data
    init_seed : the start is ``MLP([2, k], seed=init_seed).params[0]``

    Returns
    -------
    Trajectory
    """
    lr = check_positive(lr, "lr")
    steps = check_positive(steps, "steps", integer=True, allow_zero=True)
    X, y = make_dataset("blobs", n=n, noise=noise, seed=seed)
    k = int(y.max()) + 1
    W, b = MLP([X.shape[1], k], output="softmax", seed=init_seed).params[0]
    Ws, bs = np.empty((steps + 1, *W.shape)), np.empty((steps + 1, k))
    loss, acc = np.empty(steps + 1), np.empty(steps + 1)
    for t in range(steps + 1):
        O = X @ W + b
        Ws[t], bs[t] = W, b
        loss[t], dO = softmax_cross_entropy(O, y)
        acc[t] = np.mean(np.argmax(O, axis=1) == y)
        W = W - lr * (X.T @ dO)
        b = b - lr * dO.sum(axis=0)
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


def _grid(X, resolution, margin=0.4):
    (x0, y0), (x1, y1) = X.min(axis=0) - margin, X.max(axis=0) + margin
    xs, ys = np.linspace(x0, x1, resolution), np.linspace(y0, y1, resolution)
    gx, gy = np.meshgrid(xs, ys)
    return xs, ys, np.c_[gx.ravel(), gy.ravel()]


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
    step = check_positive(step, "step", integer=True, allow_zero=True)
    if step > traj.steps:
        raise ValueError(
            f"step={step} is beyond the trained {traj.steps} steps; expected "
            f"0 <= step <= {traj.steps}."
        )
    W, b = traj.W[step], traj.b[step]
    xs, ys, G = _grid(traj.X, resolution)
    Z = np.argmax(G @ W + b, axis=1).reshape(len(ys), len(xs))
    return ClassifierResult(step=step, W=W, b=b, loss=float(traj.loss[step]),
                            accuracy=float(traj.accuracy[step]), xs=xs, ys=ys, Z=Z,
                            trajectory=traj)


class LinearClassifierExplorer(Explorer):
    """Learning rate (retrains once) and a training-step slider (picks a snapshot)."""

    figsize = (9.5, 3.6)

    def defaults(self):
        return {"lr": 0.5, "step": 30}

    def controls(self):
        import ipywidgets as widgets

        return {
            "lr": widgets.FloatLogSlider(base=10, min=-2, max=1, step=0.125, description="lr",
                                         readout_format=".3g", continuous_update=False),
            "step": widgets.IntSlider(min=0, max=MAX_STEPS, description="step"),
        }

    def _trajectory(self, lr):
        if getattr(self, "_traj", None) is None or self._traj.lr != lr:
            self._traj = train_trajectory(lr)
            self.n_trainings = getattr(self, "n_trainings", 0) + 1
            t = np.arange(self._traj.steps + 1)
            self.loss_line.set_data(t, self._traj.loss)
            self.acc_line.set_data(t, self._traj.accuracy)
            top = np.nanmax(self._traj.loss[np.isfinite(self._traj.loss)])
            self.ax_curve.set_ylim(0, max(1.15, 1.05 * top))
        return self._traj

    def _build(self, fig):
        from matplotlib.colors import ListedColormap

        self.ax_map, self.ax_curve = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1, 1.3]})
        fig.subplots_adjust(left=0.06, right=0.98, bottom=0.14, top=0.88, wspace=0.22)
        X, y = make_dataset("blobs", n=300, noise=NOISE, seed=0)
        k = int(y.max()) + 1
        cmap = ListedColormap(CLASS_COLORS[:k])
        xs, ys, _ = _grid(X, 2)
        self.regions = self.ax_map.imshow(
            np.zeros((2, 2)), origin="lower", extent=(xs[0], xs[-1], ys[0], ys[-1]),
            cmap=cmap, vmin=-0.5, vmax=k - 0.5, alpha=0.3, aspect="auto",
            interpolation="nearest")
        points = self.ax_map.scatter(X[:, 0], X[:, 1], c=y, cmap=cmap, vmin=-0.5, vmax=k - 0.5, s=10,
                            edgecolors="k", linewidths=0.3)
        self.ax_map.set_xlim(xs[0], xs[-1])
        self.ax_map.set_ylim(ys[0], ys[-1])
        self.map_title = self.ax_map.set_title("", fontsize=10)

        ax = self.ax_curve
        (self.loss_line,) = ax.plot([], [], "C0-", lw=1.5, label="loss (cross-entropy)")
        (self.acc_line,) = ax.plot([], [], "C2-", lw=1.5, label="accuracy")
        self.step_line = ax.axvline(0, color="k", lw=1, ls=":")
        (self.step_dots,) = ax.plot([], [], "ko", ms=4)
        ax.set_xlim(0, MAX_STEPS)
        ax.set_xlabel("gradient step")
        legend = ax.legend(loc="center right", fontsize=8)
        self.curve_title = ax.set_title("", fontsize=10)
        # blitting (see Explorer): what changes with the step, in drawing order (the
        # points over the regions, the legend over the step line); the loss and
        # accuracy curves change only with lr (see _layout_key)
        self.animated = [self.regions, points, self.map_title, self.step_line,
                         self.step_dots, legend, self.curve_title]

    def _layout_key(self):
        """The cached background also holds this learning rate's curves."""
        return super()._layout_key() + (float(self.values["lr"]),)

    def _update(self):
        v = self.values
        traj = self._trajectory(float(v["lr"]))
        r = compute(step=v["step"], trajectory=traj)
        self.result = r
        self.regions.set_data(r.Z)
        self.map_title.set_text(f"decision regions after {r.step} steps")
        self.step_line.set_xdata([r.step, r.step])
        self.step_dots.set_data([r.step, r.step], [r.loss, r.accuracy])
        self.curve_title.set_text(f"lr = {traj.lr:.3g}: loss {r.loss:.3f}, "
                                  f"accuracy {r.accuracy:.3f}")
        return (f"step <b>{r.step}</b> of {traj.steps} (lr {traj.lr:.3g}): cross-entropy "
                f"<b>{r.loss:.4f}</b>, training accuracy <b>{r.accuracy:.3f}</b> "
                f"(a random start: step 0 has accuracy {traj.accuracy[0]:.3f}).")


def show(**values):
    """The explorer, displayed as a widget in Jupyter."""
    return LinearClassifierExplorer(**values)
