"""Explorer ``sgd_batch_size``: full-batch gradient descent vs mini-batch SGD.

Both fit the same line (``mlplab.data.line_data``) by the squared loss
L(β) = ‖y − Xβ‖²/n, from β = 0, with the same learning rate, for the same number
of epochs (passes over the data). Full batch: one step per epoch with the exact
gradient −2/n·Xᵀ(y − Xβ). Mini-batch: each epoch shuffles the rows, cuts them into
batches B of ``batch_size`` (``minibatches``) and takes one step per batch with
the batch's gradient −2/|B|·X_Bᵀ(y_B − X_Bβ) — cheaper, noisier, and many more
steps per epoch.

    from mlplab.widgets import sgd_batch_size
    sgd_batch_size.show(batch_size=8)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from matplotlib.ticker import LogLocator, NullLocator

from ..data import line_data
from ..linear import add_bias_column, lstsq_pinv
from ..optim import minibatches
from ..validation import check_positive
from ._legacy import Explorer

__all__ = ["compute", "SGDResult", "SGDBatchExplorer", "show", "BATCH_SIZES", "N_DEFAULT"]

N_DEFAULT = 128
BATCH_SIZES = (1, 2, 4, 8, 16, 32, 64, 128)


@dataclass
class SGDResult:
    """What ``compute`` returns (losses are on the whole data set, MSE).

    full_loss : (epochs + 1,) full-batch GD, after each epoch (= each step)
    sgd_loss : (steps + 1,) mini-batch SGD, after each step
    sgd_epoch_loss : (epochs + 1,) mini-batch SGD, after each epoch
    batch_loss : (steps,) the loss on the batch each SGD step saw (before it)
    steps_per_epoch : ⌈n / batch_size⌉;  loss_pinv : the best possible loss
    batch_bytes, full_bytes : float64 memory of one batch of X, and of all of X
    """

    batch_size: int
    n: int
    epochs: int
    full_loss: np.ndarray
    sgd_loss: np.ndarray
    sgd_epoch_loss: np.ndarray
    batch_loss: np.ndarray
    beta_full: np.ndarray
    beta_sgd: np.ndarray
    loss_pinv: float
    steps_per_epoch: int
    batch_bytes: int
    full_bytes: int

    @property
    def steps(self):
        return self.steps_per_epoch * self.epochs

    @property
    def monotone(self):
        """True if SGD's whole-data loss never went up from one step to the next."""
        return bool(np.all(np.diff(self.sgd_loss) <= 1e-12))


def _mse_of_rows(X, y, B):
    R = y[:, None] - X @ B.T  # (n, T): every β of the path at once
    return np.mean(R * R, axis=0)


def compute(batch_size=8, lr=0.05, epochs=20, n=N_DEFAULT, noise=0.3, seed=0):
    """Run full-batch GD and mini-batch SGD on the same line fit.

    Parameters
    ----------
    batch_size : int in 1..n (n means full batch: SGD = GD)
    lr : float > 0, the same learning rate for both
    epochs : int ≥ 1, passes over the data
    n, noise : the data (``line_data``, seed 0); seed : the shuffling of SGD

    Returns
    -------
    SGDResult
    """
    batch_size = check_positive(batch_size, "batch_size", integer=True)
    lr = check_positive(lr, "lr")
    epochs = check_positive(epochs, "epochs", integer=True)
    n = check_positive(n, "n", integer=True)
    if batch_size > n:
        raise ValueError(
            f"batch_size={batch_size} is larger than the data set (n={n}); "
            f"expected 1 <= batch_size <= {n}. batch_size=n is full-batch GD."
        )
    x, y = line_data(n, noise, seed=0)
    X = add_bias_column(x[:, None])

    with np.errstate(over="ignore", invalid="ignore"):
        # full batch: one exact step per epoch
        beta = np.zeros(2)
        full_path = [beta]
        for _ in range(epochs):
            beta = beta - lr * (-2.0 / n * (X.T @ (y - X @ beta)))
            full_path.append(beta)
        full_loss = _mse_of_rows(X, y, np.array(full_path))

        # mini-batches: a fresh shuffle every epoch, one step per batch
        rng = np.random.default_rng(seed)
        beta = np.zeros(2)
        path, epoch_ends, batch_loss = [beta], [0], []
        for _ in range(epochs):
            for idx in minibatches(n, batch_size, rng):
                Xb, yb = X[idx], y[idx]
                r = yb - Xb @ beta
                batch_loss.append(r @ r / len(idx))
                beta = beta - lr * (-2.0 / len(idx) * (Xb.T @ r))
                path.append(beta)
            epoch_ends.append(len(path) - 1)
        sgd_loss = _mse_of_rows(X, y, np.array(path))

    steps_per_epoch = -(-n // batch_size)
    return SGDResult(
        batch_size=batch_size, n=n, epochs=epochs, full_loss=full_loss,
        sgd_loss=sgd_loss, sgd_epoch_loss=sgd_loss[epoch_ends],
        batch_loss=np.array(batch_loss), beta_full=full_path[-1], beta_sgd=path[-1],
        loss_pinv=float(_mse_of_rows(X, y, lstsq_pinv(X, y)[None])[0]),
        steps_per_epoch=steps_per_epoch, batch_bytes=batch_size * X.shape[1] * 8,
        full_bytes=X.nbytes,
    )


class SGDBatchExplorer(Explorer):
    """A batch-size slider: the same data, smooth full-batch vs noisy mini-batch curves."""

    figsize = (10.0, 3.5)

    def defaults(self):
        return {"batch_size": 8, "lr": 0.05, "epochs": 20, "seed": 0}

    def controls(self):
        import ipywidgets as widgets

        return {
            "batch_size": widgets.SelectionSlider(options=list(BATCH_SIZES), value=8,
                                                  description="batch size"),
            "lr": widgets.FloatLogSlider(value=0.05, base=10, min=-3, max=-0.5, step=0.125,
                                         description="lr", readout_format=".3g",
                                         continuous_update=False),
            "epochs": widgets.IntSlider(value=20, min=1, max=50, description="epochs",
                                        continuous_update=False),
            "seed": widgets.IntSlider(value=0, min=0, max=9, description="shuffle seed"),
        }

    def _build(self, fig):
        self.ax_epoch, self.ax_step = fig.subplots(1, 2)
        fig.subplots_adjust(left=0.07, right=0.98, bottom=0.15, top=0.88, wspace=0.25)
        for ax in (self.ax_epoch, self.ax_step):
            (full,) = ax.plot([], [], "o-", color="C0", ms=3, lw=2, label="full batch (GD)")
            (mini,) = ax.plot([], [], "-", color="C1", lw=1, alpha=0.8, label="mini-batch")
            ax.set_yscale("log")
            ax.yaxis.set_major_locator(LogLocator(numticks=5))
            ax.yaxis.set_minor_locator(NullLocator())
            ax.set_ylabel("loss - best loss")
            ax.full, ax.mini = full, mini
        (self.mini_epoch_pts,) = self.ax_epoch.plot([], [], "s", color="C1", ms=3)
        self.ax_epoch.set_xlabel("epoch (passes over the data)")
        self.ax_step.set_xlabel("update step")
        self.ax_step.set_xscale("log")
        legend = self.ax_epoch.legend(loc="upper right", fontsize=8)
        self.ax_epoch.set_title("per epoch (the same data read)", fontsize=10)
        self.step_title = self.ax_step.set_title("", fontsize=10)
        # blitting (see Explorer): what changes on an update, in drawing order (the
        # legend goes on top of the curves that may pass under it)
        self.animated = [self.ax_epoch.full, self.ax_epoch.mini, self.mini_epoch_pts, legend,
                         self.ax_step.full, self.ax_step.mini, self.step_title]

    def _update(self):
        v = self.values
        r = compute(batch_size=v["batch_size"], lr=v["lr"], epochs=v["epochs"], seed=v["seed"])
        self.result = r
        epochs = np.arange(r.epochs + 1)
        steps = np.arange(r.steps + 1)
        full_steps = np.arange(r.epochs + 1)
        # excess loss above the pinv optimum, so the noise floor shows on a log axis
        full, sgd, sgd_epoch = (np.maximum(v - r.loss_pinv, 1e-12)
                                for v in (r.full_loss, r.sgd_loss, r.sgd_epoch_loss))
        lo = max(min(np.nanmin(sgd), np.nanmin(full)) / 1.5, 1e-5)
        hi = max(full[0], np.nanmax(sgd)) * 1.5
        # whole decades: the limits (so the cached background) stay put over most steps
        lo = 10.0 ** np.floor(np.log10(lo))
        hi = 10.0 ** np.ceil(np.log10(hi)) if np.isfinite(hi) else hi

        ax = self.ax_epoch
        ax.full.set_data(epochs, full)
        ax.mini.set_data(steps / r.steps_per_epoch, sgd)
        self.mini_epoch_pts.set_data(epochs, sgd_epoch)
        ax.set_xlim(0, r.epochs)
        ax = self.ax_step
        ax.full.set_data(full_steps + 1, full)  # +1: log x axis starts at 1
        ax.mini.set_data(steps + 1, sgd)
        ax.set_xlim(1, max(r.steps, r.epochs) + 1)
        self.step_title.set_text(f"per step: batch {r.batch_size} makes "
                                 f"{r.steps_per_epoch} steps per epoch")
        for ax in (self.ax_epoch, self.ax_step):
            if np.isfinite(hi):
                ax.set_ylim(lo, hi)

        full_batch = " (= full batch)" if r.batch_size == r.n else ""
        per = "step" if r.steps_per_epoch == 1 else "steps"
        return (f"batch size <b>{r.batch_size}</b>{full_batch}: <b>{r.steps_per_epoch}</b> "
                f"{per} per epoch, {r.steps} steps in {r.epochs} epochs. Final loss: "
                f"mini-batch <b>{r.sgd_loss[-1]:.4g}</b>, full batch <b>{r.full_loss[-1]:.4g}</b> "
                f"(best {r.loss_pinv:.4g}). Memory per step: {r.batch_bytes} bytes of X "
                f"vs {r.full_bytes} for all {r.n} rows."
                + ("" if r.batch_size == r.n else
                   f" SGD's loss went up on {int(np.sum(np.diff(r.sgd_loss) > 1e-12))} steps."))


def show(**values):
    """The explorer, displayed as a widget in Jupyter."""
    return SGDBatchExplorer(**values)
