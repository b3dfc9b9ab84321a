"""Explorer ``training_explorer``: mini-batch SGD on a 2-D set or the digits (lesson 07).

Pick the learning rate, the batch size, the hidden width and the number of
epochs; a one-hidden-layer MLP (d-H-k, ReLU) is trained with ``mlplab.optim.sgd``
and the explorer shows the loss per step and per epoch, train/test accuracy per
epoch, and either the decision regions (2-D data sets) or the test confusion
matrix (digits).

Training shows its progress (an ``IntProgress`` bar and, for runs longer than a
moment, a live loss curve) and can be interrupted with the kernel's stop button:
the explorer then shows what was trained so far and stays usable.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from ..data import DATASETS, load_digits_split, make_dataset, train_test_split
from ..mlp import MLP
from ..optim import History, sgd
from ..plots import CLASS_COLORS, decision_grid
from ..validation import check_positive
from ._legacy import Explorer

__all__ = ["TrainResult", "load", "compute", "confusion_matrix", "TrainingExplorer", "show",
           "DATASET_NAMES"]

DATASET_NAMES = tuple(sorted(DATASETS)) + ("digits",)
_CACHE = {}


def load(dataset, n=400, noise=0.15, seed=0):
    """Train/test split of a 2-D set (``make_dataset``) or of the digits.

    Returns X_train, X_test, y_train, y_test (cached: the same call returns the same arrays).
    """
    if dataset not in DATASET_NAMES:
        raise ValueError(f"unknown dataset {dataset!r}; choose one of: {', '.join(DATASET_NAMES)}")
    key = (dataset, n, noise, seed)
    if key not in _CACHE:
        if dataset == "digits":
            _CACHE[key] = load_digits_split(seed=seed)
        else:
            X, y = make_dataset(dataset, n=n, noise=noise, seed=seed)
            _CACHE[key] = train_test_split(X, y, test_size=0.25, seed=seed)
    return _CACHE[key]


def confusion_matrix(y_true, y_pred, k):
    """C[i, j] = number of samples of class i predicted as class j; (k, k) ints."""
    C = np.zeros((k, k), dtype=np.int64)
    np.add.at(C, (np.asarray(y_true), np.asarray(y_pred)), 1)
    return C


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


def compute(dataset="moons", lr=0.3, batch_size=32, hidden=32, epochs=50, seed=0,
            activation="relu", callback=None, interruptible=False, resolution=120):
    """Train a d-hidden-k MLP with mini-batch SGD and evaluate it.

    Parameters
    ----------
    dataset : one of ``DATASET_NAMES`` (2-D sets: 400 points, noise 0.15; or "digits")
    lr : float > 0; batch_size : int > 0; hidden : int > 0 units; epochs : int > 0
    seed : int, for the initial weights and the shuffling
    activation : hidden activation name
    callback : optional callable(epoch, history) after each epoch (progress display)
    interruptible : if True, a KeyboardInterrupt stops training and the partial
        result is returned with ``interrupted=True`` (used by the explorer)
    resolution : grid points per axis for the decision regions

    Returns
    -------
    TrainResult
    """
    lr = check_positive(lr, "lr")
    batch_size = check_positive(batch_size, "batch_size", integer=True)
    hidden = check_positive(hidden, "hidden", integer=True)
    epochs = check_positive(epochs, "epochs", integer=True)
    Xtr, Xte, ytr, yte = load(dataset)
    k = int(max(ytr.max(), yte.max())) + 1
    model = MLP([Xtr.shape[1], hidden, k], activation=activation, seed=seed)
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
    return TrainResult(
        dataset=dataset, history=hist, model=model, X_train=Xtr, y_train=ytr, X_test=Xte,
        y_test=yte, train_accuracy=train_acc, test_accuracy=test_acc,
        epochs_done=len(hist.epoch_loss), steps_per_epoch=-(-Xtr.shape[0] // batch_size),
        interrupted=interrupted, seconds=seconds, grid=grid, confusion=confusion,
    )


class TrainingExplorer(Explorer):
    """lr, batch size, width, epochs → loss and accuracy curves, regions or confusion matrix."""

    figsize = (10.0, 3.6)

    def __init__(self, **values):
        self._progress = None
        self._button = None
        super().__init__(**values)

    def defaults(self):
        return {"dataset": "moons", "lr": 0.3, "batch_size": 32, "hidden": 32, "epochs": 50,
                "seed": 0}

    def controls(self):
        import ipywidgets as widgets

        style = {"description_width": "initial"}
        v = self.values
        batch_sizes = sorted({1, 4, 8, 16, 32, 64, 128, 256, 2048, int(v["batch_size"])})
        return {
            "dataset": widgets.Dropdown(options=list(DATASET_NAMES), description="data"),
            "lr": widgets.FloatLogSlider(min=-3, max=1, base=10, step=0.1, description="learning rate",
                                         style=style, continuous_update=False),
            "batch_size": widgets.Dropdown(options=batch_sizes, description="batch size",
                                           style=style),
            "hidden": widgets.IntSlider(min=1, max=max(128, int(v["hidden"])), description="hidden units",
                                        style=style, continuous_update=False),
            "epochs": widgets.IntSlider(min=1, max=max(200, int(v["epochs"])), description="epochs",
                                        continuous_update=False),
        }

    # ------------------------------------------------------------------ figure
    def _build(self, fig):
        from matplotlib.colors import ListedColormap

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
        from matplotlib.ticker import NullFormatter

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
        finite = steps[np.isfinite(steps) & (steps > 0)]
        xmax = max(1.0, t[-1] if t.size else 1.0)
        self.ax_loss.set_xlim(0, xmax)
        if finite.size:
            self.ax_loss.set_ylim(max(finite.min() / 1.5, 1e-4), finite.max() * 1.5)
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

    # ------------------------------------------------------------------ update
    def _update(self):
        v = self.values
        bar = self._progress
        state = {"last_draw": time.perf_counter()}
        steps_per_epoch = -(-load(v["dataset"])[0].shape[0] // v["batch_size"])

        def progress(epoch, hist):
            if bar is not None:
                bar.value = epoch + 1
                now = time.perf_counter()
                if now - state["last_draw"] > 0.4:  # a live loss curve on long runs
                    self._draw_curves(hist, steps_per_epoch)
                    self.live_text.set_text(f"training... epoch {epoch + 1}/{v['epochs']}")
                    self.image.value = self.png()
                    state["last_draw"] = time.perf_counter()

        if bar is not None:
            bar.max, bar.value = v["epochs"], 0
            bar.bar_style = "info"
        if self._button is not None:
            self._button.disabled = True
        try:
            r = compute(v["dataset"], v["lr"], v["batch_size"], v["hidden"], v["epochs"],
                        seed=v["seed"], callback=progress, interruptible=True)
        finally:  # whatever happens, leave the controls usable
            if self._button is not None:
                self._button.disabled = False
            if bar is not None:
                bar.bar_style = "success"
        self.result = r
        self.live_text.set_text("")
        self._draw_curves(r.history, r.steps_per_epoch)
        self._draw_right(r)
        h = r.history
        status = ""
        if r.interrupted:
            status = f" <b>Interrupted</b> after {r.epochs_done} of {v['epochs']} epochs."
        if h.diverged or not np.isfinite(r.test_accuracy):
            return (f"<b>Diverged</b>: the loss overflowed (learning rate {v['lr']:.3g} is too large "
                    f"for batch size {v['batch_size']}). Lower the learning rate.{status}")
        last_loss = h.epoch_loss[-1] if h.epoch_loss else float("nan")
        return (
            f"{r.dataset}: {r.model.sizes[0]}-{v['hidden']}-{r.model.sizes[-1]} net, "
            f"{r.epochs_done} epochs × {r.steps_per_epoch} steps (batch {v['batch_size']}, "
            f"lr {v['lr']:.3g}) in {r.seconds:.2f} s: train loss {last_loss:.4f}, "
            f"train accuracy <b>{r.train_accuracy:.1%}</b>, test accuracy "
            f"<b>{r.test_accuracy:.1%}</b>.{status}"
        )

    # ------------------------------------------------------------------ UI
    def widget(self):
        """Controls (retrain on release), a Train button (new random start), progress, figure."""
        if self._widget is None:
            import ipywidgets as widgets

            box = super().widget()
            self._button = widgets.Button(description="Train (new seed)", icon="play",
                                          button_style="primary")
            self._button.on_click(lambda _: self.set(seed=self.values["seed"] + 1))
            self._progress = widgets.IntProgress(value=self.values["epochs"], min=0,
                                                 max=self.values["epochs"], description="epochs",
                                                 bar_style="success")
            box.children = (box.children[0],
                            widgets.HBox([self._button, self._progress]),
                            *box.children[1:])
        return self._widget


def show(**values):
    """The training explorer (displays itself as a widget in Jupyter)."""
    return TrainingExplorer(**values)
