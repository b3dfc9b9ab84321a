"""Explorer ``sgd_batch_size``: full-batch gradient descent vs mini-batch SGD.

Both fit the same line (``mlplab.data.line_data``) by the squared loss
L(β) = ‖y − Xβ‖²/n, from β = 0, with the same learning rate, for the same number
of epochs (passes over the data). Full batch: one step per epoch with the exact
gradient −2/n·Xᵀ(y − Xβ) (``optim.gradient_descent`` on ``linreg_gradient``).
Mini-batch: each epoch shuffles the rows, cuts them into batches B of
``batch_size`` and takes one step per batch with the batch's gradient
−2/|B|·X_Bᵀ(y_B − X_Bβ) (``optim.sgd`` on a ``LinearRegression``; its ``on_step``
callback records β after every step) — cheaper, noisier, and many more steps
per epoch.

    from mlplab.widgets import sgd_batch_size
    sgd_batch_size.show(batch_size=8)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from matplotlib.ticker import LogLocator, NullLocator

from ..data import line_data
from ..i18n import Text
from ..linear import LinearRegression, add_bias_column, linreg_gradient, lstsq_pinv
from ..optim import gradient_descent, sgd
from ..validation import check_int, check_number, check_seed
from ._base import Explorer, html
from ._limits import log_decades

__all__ = ["compute", "SGDResult", "SGDBatchExplorer", "show", "BATCH_SIZES", "N_DEFAULT"]

N_DEFAULT = 128
BATCH_SIZES = (1, 2, 4, 8, 16, 32, 64, 128)
MAX_EPOCHS = 1000


@dataclass
class SGDResult:
    """What ``compute`` returns (losses are on the whole data set, MSE).

    full_loss : (epochs + 1,) full-batch GD, after each epoch (= each step)
    sgd_loss : (steps + 1,) mini-batch SGD, after each step
    sgd_epoch_loss : (epochs + 1,) mini-batch SGD, after each epoch
    batch_loss : (steps,) the loss on the batch each SGD step saw (before it)
    steps_per_epoch : ⌈n / batch_size⌉;  loss_pinv : the best possible loss
    batch_bytes, full_bytes : float64 memory of one batch of X, and of all of X
    diverged : True if a run overflowed (its curve stops there; NaN after)
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
    lr: float
    diverged: bool

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
    epochs : int from 1 to 1,000, passes over the data (at most 200,000 steps in all)
    n, noise : the data (``line_data``, seed 0); seed : the shuffling of SGD

    Returns
    -------
    SGDResult
    """
    n = check_int(n, "n", 2, 100_000, example=N_DEFAULT)
    batch_size = check_int(batch_size, "batch_size", 1, None, example=8)
    if batch_size > n:
        raise ValueError(
            f"batch_size={batch_size} is larger than the data set (n={n}); "
            f"expected 1 <= batch_size <= {n}. batch_size=n is full-batch GD."
        )
    lr = check_number(lr, "lr", 0.0, lo_open=True, example=0.05)
    epochs = check_int(epochs, "epochs", 1, MAX_EPOCHS, example=20)
    seed = check_seed(seed)
    steps_per_epoch = -(-n // batch_size)
    if steps_per_epoch * epochs > 200_000:
        raise ValueError(f"batch_size={batch_size} for {epochs} epochs is "
                         f"{steps_per_epoch * epochs:,} steps, more than 200,000; expected fewer "
                         "epochs or larger batches.")
    x, y = line_data(n, noise, seed=0)
    X = add_bias_column(x[:, None])

    # full batch: one exact gradient step per epoch
    full = np.full((epochs + 1, 2), np.nan)
    done = gradient_descent(lambda beta: linreg_gradient(X, y, beta), np.zeros(2), lr, epochs)
    full[: len(done)] = done

    # mini-batches: a fresh shuffle every epoch, one step per batch; β recorded after each
    model = LinearRegression(2)
    path = np.full((steps_per_epoch * epochs + 1, 2), np.nan)
    path[0] = model.beta

    def record(step, loss):
        path[step] = model.beta

    hist = sgd(model, X, y, lr, batch_size, epochs, seed=seed, on_step=record)
    with np.errstate(over="ignore", invalid="ignore"):
        full_loss = _mse_of_rows(X, y, full)
        sgd_loss = _mse_of_rows(X, y, path)
    batch_loss = np.full(steps_per_epoch * epochs, np.nan)
    batch_loss[: len(hist.step_loss)] = hist.step_loss  # each batch's loss, before its step
    last = np.flatnonzero(np.all(np.isfinite(path), axis=1))[-1]
    return SGDResult(
        batch_size=batch_size, n=n, epochs=epochs, full_loss=full_loss,
        sgd_loss=sgd_loss, sgd_epoch_loss=sgd_loss[::steps_per_epoch],
        batch_loss=batch_loss, beta_full=done[-1], beta_sgd=path[last],
        loss_pinv=float(_mse_of_rows(X, y, lstsq_pinv(X, y)[None])[0]),
        steps_per_epoch=steps_per_epoch, batch_bytes=batch_size * X.shape[1] * 8,
        full_bytes=X.nbytes, lr=lr,
        diverged=bool(hist.diverged or len(done) < epochs + 1
                      or not np.all(np.isfinite(sgd_loss))),
    )


READOUT = Text(
    "batch size <b>{b}</b>{full}: <b>{k}</b> {per} per epoch, {steps} steps in {epochs} "
    "epochs. Final loss: mini-batch <b>{mini:.4g}</b>, full batch <b>{gd:.4g}</b> (best "
    "{best:.4g}). Memory per step: {bytes} bytes of X vs {all_bytes} for all {n} rows.{ups}",
    "배치 크기 <b>{b}</b>{full}: 에포크마다 <b>{k}</b>{per}, {epochs} 에포크 동안 {steps}스텝. "
    "마지막 손실: 미니배치 <b>{mini:.4g}</b>, 전체 배치 <b>{gd:.4g}</b> (최선 {best:.4g}). "
    "한 스텝의 메모리: X의 {bytes}바이트 (전체 {n}행은 {all_bytes}바이트).{ups}",
)
FULL = Text(" (= full batch)", " (= 전체 배치)")
PER = {"one": Text("step", "스텝"), "many": Text("steps", "스텝")}
UPS = Text(" SGD's loss went up on {ups} steps.", " SGD의 손실이 {ups}스텝에서 올라갔습니다.")
DIVERGED = Text(" <b style='color:#c00'>Diverged</b>: the learning rate {lr:.3g} is too large; "
                "lower it.",
                " <b style='color:#c00'>발산</b>: 학습률 {lr:.3g}이 너무 큽니다. 낮추세요.")


class SGDBatchExplorer(Explorer):
    """A batch-size slider: the same data, smooth full-batch vs noisy mini-batch curves."""

    figsize = (10.0, 3.5)
    compute = staticmethod(compute)

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

    def build(self, fig):
        self.ax_epoch, self.ax_step = fig.subplots(1, 2)
        fig.subplots_adjust(left=0.07, right=0.98, bottom=0.15, top=0.88, wspace=0.25)
        self.full, self.mini = {}, {}
        for ax in (self.ax_epoch, self.ax_step):
            (self.full[ax],) = self.dynamic(ax.plot([], [], "o-", color="C0", ms=3, lw=2,
                                                    label="full batch (GD)"))
            (self.mini[ax],) = self.dynamic(ax.plot([], [], "-", color="C1", lw=1, alpha=0.8,
                                                    label="mini-batch"))
            ax.set_yscale("log")
            ax.yaxis.set_major_locator(LogLocator(numticks=5))
            ax.yaxis.set_minor_locator(NullLocator())
            ax.set_ylabel("loss - best loss")
        (self.mini_epoch_pts,) = self.dynamic(self.ax_epoch.plot([], [], "s", color="C1", ms=3,
                                                                 label="mini-batch, end of epoch"))
        self.ax_epoch.set_xlabel("epoch (passes over the data)")
        self.ax_step.set_xlabel("update step")
        self.ax_step.set_xscale("log")
        self.dynamic(self.ax_epoch.legend(loc="upper right", fontsize=8))  # over the curves
        self.ax_epoch.set_title("per epoch (the same data read)", fontsize=10)
        self.step_title = self.dynamic(self.ax_step.set_title("", fontsize=10))

    def draw(self, r):
        epochs = np.arange(r.epochs + 1)
        steps = np.arange(r.steps + 1)
        # excess loss above the pinv optimum, so the noise floor shows on a log axis
        with np.errstate(invalid="ignore"):
            full, sgd_, sgd_epoch = (np.minimum(np.maximum(v - r.loss_pinv, 1e-12), 1e100)
                                     for v in (r.full_loss, r.sgd_loss, r.sgd_epoch_loss))
        # whole decades: the limits (so the cached background) stay put over most steps
        lo, hi = log_decades(np.r_[full, sgd_], margin=1.5, floor=1e-5)
        self.full[self.ax_epoch].set_data(epochs, full)
        self.mini[self.ax_epoch].set_data(steps / r.steps_per_epoch, sgd_)
        self.mini_epoch_pts.set_data(epochs, sgd_epoch)
        self.ax_epoch.set_xlim(0, r.epochs)
        self.full[self.ax_step].set_data(epochs + 1, full)  # +1: log x axis starts at 1
        self.mini[self.ax_step].set_data(steps + 1, sgd_)
        self.ax_step.set_xlim(1, max(r.steps, r.epochs) + 1)
        self.step_title.set_text(f"per step: batch {r.batch_size} makes "
                                 f"{r.steps_per_epoch} steps per epoch")
        for ax in (self.ax_epoch, self.ax_step):
            ax.set_ylim(lo, hi)

        with np.errstate(invalid="ignore"):
            ups = int(np.sum(np.diff(r.sgd_loss) > 1e-12))
        tail = "" if r.batch_size == r.n else html(UPS, ups=ups)
        if r.diverged:
            tail = html(DIVERGED, lr=r.lr)
        return html(READOUT, b=r.batch_size, full=FULL if r.batch_size == r.n else "",
                    k=r.steps_per_epoch, per=PER["one" if r.steps_per_epoch == 1 else "many"],
                    steps=r.steps, epochs=r.epochs, mini=r.sgd_loss[-1], gd=r.full_loss[-1],
                    best=r.loss_pinv, bytes=r.batch_bytes, all_bytes=r.full_bytes, n=r.n,
                    ups=tail)


def show(**values):
    """The explorer, displayed as a widget in Jupyter."""
    return SGDBatchExplorer(**values)
