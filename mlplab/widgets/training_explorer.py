"""Explorer ``training_explorer``: mini-batch SGD on a 2-D set or the digits (lesson 07).

Pick the learning rate, the batch size, the hidden width and the number of
epochs; a one-hidden-layer MLP (d-H-k, ReLU) is trained with ``mlplab.optim.sgd``
and the explorer shows the loss per step and per epoch, train/test accuracy per
epoch, and either the decision regions (2-D data sets) or the test confusion
matrix (digits).

Training shows its progress (an ``IntProgress`` bar and, for runs longer than a
moment, a live loss curve) and can be interrupted with the kernel's stop button:
the explorer then shows what was trained so far and stays usable. A run whose
steps were too large is named in the readout: an overflowing loss, or training
accuracy no better than guessing with the loss no lower than at the start or
most hidden ReLUs dead (off for every training input).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from ..activations import ACTIVATIONS
from ..data import DATASETS, load_digits_split, make_dataset, train_test_split
from ..i18n import Text
from ..mlp import MLP
from ..optim import History, sgd
from ..plots import CLASS_COLORS, decision_grid
from ..validation import check_choice, check_int, check_labels, check_number, check_seed, check_size
from ._base import Explorer, html
from ._limits import log_decades

__all__ = ["TrainResult", "load", "compute", "confusion_matrix", "TrainingExplorer", "show",
           "DATASET_NAMES"]

DATASET_NAMES = tuple(sorted(DATASETS)) + ("digits",)
_CACHE = {}


def _cached(dataset):
    """The train/test split of ``dataset`` (defaults of ``load``), computed once, read-only."""
    dataset = check_choice(dataset, "dataset", DATASET_NAMES)
    if dataset not in _CACHE:
        if dataset == "digits":
            parts = load_digits_split(seed=0)
        else:
            X, y = make_dataset(dataset, n=400, noise=0.15, seed=0)
            parts = train_test_split(X, y, test_size=0.25, seed=0)
        for part in parts:
            part.flags.writeable = False  # shared by every run: nobody may edit it in place
        _CACHE[dataset] = parts
    return _CACHE[dataset]


def load(dataset):
    """Train/test split of a 2-D set (``make_dataset``: 400 points, noise 0.15, seed 0)
    or of the digits, as used by the explorer.

    Returns X_train, X_test, y_train, y_test: fresh copies, yours to change.
    """
    return tuple(part.copy() for part in _cached(dataset))


def confusion_matrix(y_true, y_pred, k):
    """C[i, j] = number of samples of class i predicted as class j; (k, k) ints."""
    k = check_int(k, "k", 1, 1000, example=10)
    y_true, y_pred = check_labels(y_true, k, "y_true"), check_labels(y_pred, k, "y_pred")
    if y_true.shape != y_pred.shape:
        raise ValueError(f"y_true has {y_true.size} labels but y_pred has {y_pred.size}; "
                         "expected one prediction per label.")
    C = np.zeros((k, k), dtype=np.int64)
    np.add.at(C, (y_true, y_pred), 1)
    return C


def _dead_units(model, X):
    """How many first-layer units are off (output 0) for every row of X (ReLU family)."""
    if model.activation != "relu" or len(model.params) < 2:
        return 0
    W, b = model.params[0]
    with np.errstate(over="ignore", invalid="ignore"):
        return int(np.sum(np.all(X @ W + b <= 0, axis=0)))


@dataclass
class TrainResult:
    """A finished (or interrupted) training run.

    history : ``mlplab.optim.History`` (step_loss, epoch_loss, epoch_accuracy,
              val_loss, val_accuracy = test set)
    model : the trained ``MLP``
    train_accuracy, test_accuracy : after the last finished epoch
    epochs_done : finished epochs; interrupted : True if stopped by KeyboardInterrupt
    grid : (xs, ys, labels (r, r)) decision regions, 2-D sets only
    confusion : (k, k) test confusion matrix, digits only
    initial_loss : training loss before the first step
    dead_units : hidden ReLUs that are off for every training input
    status : "ok", "diverged" (the loss overflowed), "stuck" (accuracy at chance and the
             loss no lower than at the start, or most ReLUs dead: steps too large) or
             "slow" (accuracy at chance, but the loss is falling)
    (X_train ... y_test are the explorer's shared, read-only data; ``load`` gives copies)
    """

    dataset: str
    history: History
    model: MLP
    X_train: np.ndarray
    y_train: np.ndarray
    X_test: np.ndarray
    y_test: np.ndarray
    train_accuracy: float
    test_accuracy: float
    epochs_done: int
    steps_per_epoch: int
    interrupted: bool
    seconds: float
    grid: tuple | None
    confusion: np.ndarray | None
    initial_loss: float
    dead_units: int
    status: str
    lr: float
    batch_size: int


def compute(dataset="moons", lr=0.3, batch_size=32, hidden=32, epochs=50, seed=0,
            activation="relu", callback=None, interruptible=False, resolution=120):
    """Train a d-hidden-k MLP with mini-batch SGD and evaluate it.

    Parameters
    ----------
    dataset : one of ``DATASET_NAMES`` (2-D sets: 400 points, noise 0.15; or "digits")
    lr : float in (0, 1000]; batch_size : int from 1; hidden : units, 1 to 1,024;
    epochs : 1 to 10,000 (epochs × samples × hidden at most 2·10⁸)
    seed : int ≥ 0, for the initial weights and the shuffling
    activation : hidden activation name
    callback : optional callable(epoch, history) after each epoch (progress display)
    interruptible : if True, a KeyboardInterrupt stops training and the partial
        result is returned with ``interrupted=True`` (used by the explorer)
    resolution : grid points per axis for the decision regions

    Returns
    -------
    TrainResult
    """
    Xtr, Xte, ytr, yte = _cached(dataset)
    lr = check_number(lr, "lr", 0.0, 1e3, lo_open=True, example=0.3)
    batch_size = check_int(batch_size, "batch_size", 1, 100_000, example=32)
    hidden = check_int(hidden, "hidden", 1, 1024, example=32)
    epochs = check_int(epochs, "epochs", 1, 10_000, example=50)
    seed = check_seed(seed)
    activation = check_choice(activation, "activation", ACTIVATIONS)
    check_size(epochs * Xtr.shape[0] * hidden, f"{epochs} epochs of {Xtr.shape[0]} samples "
               f"through {hidden} hidden units (it would take minutes)", limit=2 * 10**8)
    if callback is not None and not callable(callback):
        raise TypeError(f"callback must be a function (or None), got {type(callback).__name__}.")
    k = int(max(ytr.max(), yte.max())) + 1
    model = MLP([Xtr.shape[1], hidden, k], activation=activation, seed=seed)
    initial_loss = model.loss(Xtr, ytr)
    seen = {"history": History()}

    def on_epoch(epoch, hist):
        seen["history"] = hist
        return callback(epoch, hist) if callback is not None else None

    start = time.perf_counter()
    interrupted = False
    try:
        hist = sgd(model, Xtr, ytr, lr, batch_size, epochs, seed=seed, X_val=Xte, Y_val=yte,
                   callback=on_epoch)
    except KeyboardInterrupt:
        if not interruptible:
            raise
        interrupted, hist = True, seen["history"]
    seconds = time.perf_counter() - start
    finite = all(np.all(np.isfinite(W)) and np.all(np.isfinite(b)) for W, b in model.params)
    if finite:
        train_acc = model.accuracy(Xtr, ytr)
        pred_test = model.predict(Xte)
        test_acc = float(np.mean(pred_test == yte))
    else:  # diverged: predictions are meaningless
        train_acc = test_acc = float("nan")
        pred_test = np.zeros_like(yte)
    grid = confusion = None
    if dataset == "digits":
        confusion = confusion_matrix(yte, pred_test, k)
    elif finite:
        grid = decision_grid(model.predict, np.vstack([Xtr, Xte]), resolution=resolution)
    dead = _dead_units(model, Xtr) if finite else 0
    last_loss = hist.epoch_loss[-1] if hist.epoch_loss else initial_loss
    if hist.diverged or not finite or not np.isfinite(last_loss):
        status = "diverged"
    elif train_acc <= 1.5 / k and (last_loss >= initial_loss or dead >= 0.75 * hidden):
        status = "stuck"
    elif train_acc <= 1.5 / k:
        status = "slow"
    else:
        status = "ok"
    return TrainResult(
        dataset=dataset, history=hist, model=model, X_train=Xtr, y_train=ytr, X_test=Xte,
        y_test=yte, train_accuracy=train_acc, test_accuracy=test_acc,
        epochs_done=len(hist.epoch_loss), steps_per_epoch=-(-Xtr.shape[0] // batch_size),
        interrupted=interrupted, seconds=seconds, grid=grid, confusion=confusion,
        initial_loss=float(initial_loss), dead_units=dead, status=status, lr=lr,
        batch_size=batch_size,
    )


READOUT = Text(
    "{dataset}: {arch} net, {done} epochs × {spe} steps (batch {b}, lr {lr:.3g}) in {sec:.2f} s: "
    "train loss {loss:.4f}, train accuracy <b>{train:.1%}</b>, test accuracy <b>{test:.1%}</b>."
    "{note}{status}",
    "{dataset}: {arch} 신경망, {done} 에포크 × {spe}스텝 (배치 {b}, lr {lr:.3g}), {sec:.2f}초: "
    "훈련 손실 {loss:.4f}, 훈련 정확도 <b>{train:.1%}</b>, 테스트 정확도 <b>{test:.1%}</b>."
    "{note}{status}",
)
INTERRUPTED = Text(" <b>Interrupted</b> after {done} of {epochs} epochs.",
                   " {epochs} 에포크 중 {done} 에포크에서 <b>중단됨</b>.")
OVERFLOW = Text(
    "<b style='color:#c00'>Diverged</b>: the loss overflowed (learning rate {lr:.3g} is too "
    "large for batch size {b}). Lower the learning rate.{status}",
    "<b style='color:#c00'>발산</b>: 손실이 넘쳤습니다 (배치 크기 {b}에 비해 학습률 {lr:.3g}이 "
    "너무 큽니다). 학습률을 낮추세요.{status}",
)
STUCK = Text(
    " <b style='color:#c00'>Diverged</b>: the steps were too large and training got stuck: "
    "training accuracy {train:.1%} is no better than guessing among {k} classes{dead}. Lower the "
    "learning rate (try {lr:.3g}) or use a larger batch.",
    " <b style='color:#c00'>발산</b>: 스텝이 너무 커서 학습이 멈춰 버렸습니다. 훈련 정확도 "
    "{train:.1%}는 {k}개 클래스 중 하나를 무작위로 고르는 것보다 낫지 않습니다{dead}. 학습률을 낮추거나 "
    "(예: {lr:.3g}) 배치를 키우세요.",
)
DEAD = Text(" ({d} of {h} hidden ReLUs are off for every training input: dead, so no gradient "
            "reaches them)",
            " (은닉 ReLU {h}개 중 {d}개가 모든 훈련 입력에서 꺼져 있습니다. 죽은 뉴런이라 "
            "그레디언트가 닿지 않습니다)")
SLOW = Text(" Training accuracy is still no better than guessing: raise the learning rate or "
            "train for more epochs.",
            " 훈련 정확도가 아직 무작위로 고르는 것보다 낫지 않습니다. 학습률을 높이거나 에포크를 "
            "늘리세요.")
TRAINING = "training... epoch {epoch}/{epochs}"


class TrainingExplorer(Explorer):
    """lr, batch size, width, epochs → loss and accuracy curves, regions or confusion matrix."""

    figsize = (10.0, 3.6)
    # the right panel switches between decision regions and a confusion matrix (ticks,
    # labels, aspect) with the data set
    background_depends_on = ("dataset",)

    def __init__(self, **values):
        self._progress = None
        self._button = None
        super().__init__(**values)

    def compute(self, dataset, lr, batch_size, hidden, epochs, seed):
        """Train (with a progress bar and a live loss curve when displayed); Ctrl-C keeps
        what was trained so far."""
        _cached(dataset)  # the progress bar needs valid sizes: check them first
        batch_size = check_int(batch_size, "batch_size", 1, 100_000, example=32)
        epochs = check_int(epochs, "epochs", 1, 10_000, example=50)
        try:
            return compute(dataset, lr, batch_size, hidden, epochs, seed=seed,
                           callback=self._progress_callback(dataset, batch_size, epochs),
                           interruptible=True)
        finally:  # whatever happens (an error, Ctrl-C), leave the controls usable
            self._training_done()

    def defaults(self):
        return {"dataset": "moons", "lr": 0.3, "batch_size": 32, "hidden": 32, "epochs": 50,
                "seed": 0}

    def controls(self):
        import ipywidgets as widgets

        style = {"description_width": "initial"}
        return {
            "dataset": widgets.Dropdown(options=list(DATASET_NAMES), description="data"),
            "lr": widgets.FloatLogSlider(min=-3, max=1, base=10, step=0.1, description="learning rate",
                                         style=style, continuous_update=False),
            "batch_size": widgets.Dropdown(options=[1, 4, 8, 16, 32, 64, 128, 256, 2048],
                                           description="batch size", style=style),
            "hidden": widgets.IntSlider(min=1, max=128, description="hidden units", style=style,
                                        continuous_update=False),
            "epochs": widgets.IntSlider(min=1, max=200, description="epochs",
                                        continuous_update=False),
        }

    def extra_widgets(self):
        """A Train button (a new random start: seed + 1) and the progress bar."""
        import ipywidgets as widgets

        self._button = widgets.Button(description="Train (new seed)", icon="play",
                                      button_style="primary")
        self._button.on_click(lambda _: self._new_seed())
        self._progress = widgets.IntProgress(value=self.values["epochs"], min=0,
                                             max=self.values["epochs"], description="epochs",
                                             bar_style="success")
        return [self._button, self._progress]

    def _new_seed(self):
        try:
            self.set(seed=self.values["seed"] + 1)
        except (ValueError, TypeError):
            pass  # shown in the readout by set

    # ------------------------------------------------------------------ figure
    def build(self, fig):
        from matplotlib.colors import ListedColormap
        from matplotlib.ticker import NullFormatter

        gs = fig.add_gridspec(1, 3, width_ratios=[1.2, 1.0, 1.0])
        fig.subplots_adjust(left=0.06, right=0.98, bottom=0.15, top=0.88, wspace=0.3)
        self.ax_loss = fig.add_subplot(gs[0])
        self.ax_acc = fig.add_subplot(gs[1])
        self.ax_reg = fig.add_subplot(gs[2])
        (self.step_line,) = self.ax_loss.plot([], [], "C0-", lw=0.6, alpha=0.45,
                                              label="mini-batch loss")
        (self.epoch_line,) = self.ax_loss.plot([], [], "C1o-", ms=2.5, lw=1.5,
                                               label="train loss (epoch)")
        self.ax_loss.set_yscale("log")
        self.ax_loss.yaxis.set_minor_formatter(NullFormatter())  # fewer labels: a faster redraw
        self.ax_loss.set_xlabel("epoch")
        self.ax_loss.set_title("loss (cross-entropy)", fontsize=10)
        self.ax_loss.legend(loc="upper right", fontsize=7)
        (self.acc_train,) = self.ax_acc.plot([], [], "C1-", label="train")
        (self.acc_test,) = self.ax_acc.plot([], [], "C2-", label="test")
        self.ax_acc.set_xlabel("epoch")
        self.ax_acc.set_title("accuracy", fontsize=10)
        self.ax_acc.legend(loc="lower right", fontsize=7)
        # right panel: decision regions (2-D) — an image plus the points ...
        self.cmap = ListedColormap(CLASS_COLORS)
        self.regions = self.ax_reg.imshow(np.zeros((2, 2)), origin="lower", cmap=self.cmap,
                                          vmin=-0.5, vmax=9.5, alpha=0.3, aspect="auto",
                                          interpolation="nearest", extent=(0, 1, 0, 1))
        self.points = self.ax_reg.scatter(np.zeros(1), np.zeros(1), c=[0], cmap=self.cmap,
                                          vmin=-0.5, vmax=9.5, s=9, edgecolors="k", linewidths=0.25)
        # ... or the confusion matrix (digits), with one text per cell
        self.conf_img = self.ax_reg.imshow(np.zeros((10, 10)), cmap="Blues", origin="upper",
                                           extent=(-0.5, 9.5, 9.5, -0.5), interpolation="nearest")
        self.conf_text = [[self.ax_reg.text(j, i, "", ha="center", va="center", fontsize=6)
                           for j in range(10)] for i in range(10)]
        self.live_text = self.ax_loss.text(0.5, 0.5, "", transform=self.ax_loss.transAxes,
                                           ha="center", fontsize=9, color="C3")

    def _draw_curves(self, hist, steps_per_epoch):
        steps = np.asarray(hist.step_loss, dtype=float)
        t = np.arange(1, steps.size + 1) / steps_per_epoch
        self.step_line.set_data(t, steps)
        e = np.arange(1, len(hist.epoch_loss) + 1)
        self.epoch_line.set_data(e, hist.epoch_loss)
        self.acc_train.set_data(e[: len(hist.epoch_accuracy)], hist.epoch_accuracy)
        self.acc_test.set_data(e[: len(hist.val_accuracy)], hist.val_accuracy)
        self.ax_loss.set_xlim(0, max(1.0, t[-1] if t.size else 1.0))
        self.ax_loss.set_ylim(*log_decades(np.minimum(steps, 1e100), margin=1.5, floor=1e-4))
        self.ax_acc.set_xlim(0.5, max(1.5, e[-1] if e.size else 1.5))
        accs = np.r_[hist.epoch_accuracy, hist.val_accuracy]
        accs = accs[np.isfinite(accs)]
        self.ax_acc.set_ylim(min(0.5, accs.min() - 0.02) if accs.size else 0.0, 1.01)

    def _draw_right(self, r):
        is_digits = r.confusion is not None
        for a in (self.regions, self.points):
            a.set_visible(not is_digits)
        self.conf_img.set_visible(is_digits)
        self.ax_reg.set_aspect("equal" if is_digits else "auto")
        for row in self.conf_text:
            for t in row:
                t.set_visible(is_digits)
        if is_digits:
            C = r.confusion
            self.conf_img.set_data(C)
            self.conf_img.set_clim(0, max(1, C.max()))
            k = C.shape[0]
            for i in range(k):
                for j in range(k):
                    self.conf_text[i][j].set_text(str(C[i, j]) if C[i, j] else "")
                    self.conf_text[i][j].set_color("w" if C[i, j] > 0.6 * C.max() else "k")
            self.ax_reg.set_xlim(-0.5, k - 0.5)
            self.ax_reg.set_ylim(k - 0.5, -0.5)
            self.ax_reg.set_xticks(range(k))
            self.ax_reg.set_yticks(range(k))
            self.ax_reg.tick_params(labelsize=7)
            self.ax_reg.set_xlabel("predicted")
            self.ax_reg.set_ylabel("true")
            self.ax_reg.set_title(f"test confusion matrix ({r.test_accuracy:.1%} correct)", fontsize=10)
        else:
            X = np.vstack([r.X_train, r.X_test])
            y = np.r_[r.y_train, r.y_test]
            if r.grid is not None:
                xs, ys, Z = r.grid
                self.regions.set_data(Z)
                self.regions.set_extent((xs[0], xs[-1], ys[0], ys[-1]))
                self.ax_reg.set_xlim(xs[0], xs[-1])
                self.ax_reg.set_ylim(ys[0], ys[-1])
            self.regions.set_visible(r.grid is not None)
            self.points.set_offsets(X)
            self.points.set_array(y.astype(float))
            self.ax_reg.set_xticks([])
            self.ax_reg.set_yticks([])
            self.ax_reg.set_xlabel("")
            self.ax_reg.set_ylabel("")
            self.ax_reg.set_title(f"decision regions (test acc. {r.test_accuracy:.1%})", fontsize=10)

    # ------------------------------------------------------------------ training
    def _progress_callback(self, dataset, batch_size, epochs):
        """Per epoch: move the progress bar; on long runs redraw the loss curve live."""
        bar = self._progress
        if bar is None:
            return None
        bar.max, bar.value, bar.bar_style = epochs, 0, "info"
        if self._button is not None:
            self._button.disabled = True
        steps_per_epoch = -(-_cached(dataset)[0].shape[0] // batch_size)
        state = {"last_draw": time.perf_counter()}

        def progress(epoch, hist):
            bar.value = epoch + 1
            if epoch + 1 == epochs:
                self._training_done()
            now = time.perf_counter()
            if now - state["last_draw"] > 0.4:  # a live loss curve on long runs
                self._draw_curves(hist, steps_per_epoch)
                self.live_text.set_text(TRAINING.format(epoch=epoch + 1, epochs=epochs))
                self.image.value = self.png()
                state["last_draw"] = time.perf_counter()

        return progress

    def _training_done(self):
        button, bar = getattr(self, "_button", None), getattr(self, "_progress", None)
        if button is not None:
            button.disabled = False
        if bar is not None:
            bar.bar_style = "success"

    def draw(self, r):
        self.live_text.set_text("")
        self._draw_curves(r.history, r.steps_per_epoch)
        self._draw_right(r)
        h = r.history
        status = html(INTERRUPTED, done=r.epochs_done, epochs=self.values["epochs"]) \
            if r.interrupted else ""
        if r.status == "diverged":
            return html(OVERFLOW, lr=r.lr, b=r.batch_size, status=status)
        k = r.model.sizes[-1]
        note = ""
        if r.status == "stuck":
            dead = html(DEAD, d=r.dead_units, h=r.model.sizes[1]) if r.dead_units else ""
            note = html(STUCK, train=r.train_accuracy, k=k, dead=dead, lr=r.lr / 10)
        elif r.status == "slow":
            note = html(SLOW)
        last_loss = h.epoch_loss[-1] if h.epoch_loss else float("nan")
        return html(READOUT, dataset=r.dataset, arch="-".join(map(str, r.model.sizes)),
                    done=r.epochs_done, spe=r.steps_per_epoch, b=r.batch_size, lr=r.lr,
                    sec=r.seconds, loss=last_loss, train=r.train_accuracy, test=r.test_accuracy,
                    note=note, status=status)


def show(**values):
    """The training explorer (displays itself as a widget in Jupyter)."""
    return TrainingExplorer(**values)
