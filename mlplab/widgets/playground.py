"""Explorer ``playground``: a small TensorFlow-Playground inside Jupyter (lesson 10).

Pick a 2-D data set, the noise, 0–4 hidden layers and their width, the
activation, the learning rate and the batch size; then Train / Pause / Step /
Reset. The picture shows

* the decision regions, shaded by the predicted probability (white where the
  net is unsure), with the training points (white edge) and test points
  (black edge);
* the train and test loss (mean cross-entropy) after every epoch;
* what each neuron of the first hidden layer computes over the plane.

Training runs in short chunks (``chunk_epochs`` epochs of mini-batch SGD on the
unchecked fast path, then one redraw). **Train** starts an asyncio task on the
kernel's event loop that runs a chunk, redraws, and yields with
``await asyncio.sleep``, so the kernel stays responsive and **Pause** (or any
slider) is handled between chunks; it also stops by itself after
``max_epochs``. In scripts and in the lessons use ``step()`` / ``run(chunks)``,
which train a fixed amount synchronously.

``export_state()`` returns the configuration, the weights (as lists), the
history and the random generator's state as a JSON-friendly dict;
``Playground.from_state(d)`` rebuilds an identical playground (same
predictions, and the same future training), so a configuration can be shared.
"""

from __future__ import annotations

import asyncio
import io
import numbers
from dataclasses import dataclass

import numpy as np

from .. import fast
from ..activations import ACTIVATIONS
from ..data import DATASETS, make_dataset, train_test_split
from ..mlp import MLP
from ..plots import CLASS_COLORS
from ..validation import check_positive
from ._legacy import Explorer

__all__ = ["Trainer", "PlaygroundResult", "compute", "Playground", "show", "STATE_VERSION"]

STATE_VERSION = 1
MAX_HIDDEN_LAYERS = 4
MAX_WIDTH = 32
N_NEURON_PANELS = 8
MAX_CLASSES = 4
TEST_FRACTION = 0.3
GRID_MARGIN = 0.3


def _rgb(hex_colour):
    h = hex_colour.lstrip("#")
    return [int(h[i:i + 2], 16) / 255 for i in (0, 2, 4)]


CLASS_RGB = np.array([_rgb(c) for c in CLASS_COLORS])


def _int(value, name, lo, hi):
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be an int, got {type(value).__name__} {value!r}.")
    if not lo <= value <= hi:
        raise ValueError(f"{name} must be between {lo} and {hi}, got {value}.")
    return int(value)


def check_config(dataset, noise, hidden_layers, width, activation, seed, n_points):
    """Validate the parts of a configuration that define data and network."""
    if dataset not in DATASETS:
        raise ValueError(f"unknown dataset {dataset!r}; choose one of: {', '.join(DATASETS)}")
    if activation not in ACTIVATIONS:
        raise ValueError(
            f"unknown activation {activation!r}; choose one of: {', '.join(sorted(ACTIVATIONS))}"
        )
    return dict(
        dataset=dataset,
        noise=check_positive(noise, "noise", allow_zero=True),
        hidden_layers=_int(hidden_layers, "hidden_layers", 0, MAX_HIDDEN_LAYERS),
        width=_int(width, "width", 1, MAX_WIDTH),
        activation=activation,
        seed=_int(seed, "seed", 0, 2**31 - 1),
        n_points=_int(n_points, "n_points", 20, 100_000),
    )


class Trainer:
    """Data, model, random generator and history of one playground configuration.

    The data come from ``make_dataset(dataset, n_points, noise, seed)``, split 70/30
    into train and test; the model is ``MLP([2] + [width] * hidden_layers + [k])``
    with softmax output (k classes), seeded by ``seed``; the mini-batch order
    comes from ``np.random.default_rng(seed)``.
    """

    def __init__(self, dataset="circles", noise=0.1, hidden_layers=2, width=8,
                 activation="tanh", seed=0, n_points=500, resolution=60):
        self.config = check_config(dataset, noise, hidden_layers, width, activation, seed,
                                   n_points)
        X, y = make_dataset(dataset, n=n_points, noise=self.config["noise"], seed=seed)
        self.X_train, self.X_test, self.y_train, self.y_test = train_test_split(
            X, y, test_size=TEST_FRACTION, seed=seed)
        self.k = int(y.max()) + 1
        self.sizes = [2] + [width] * hidden_layers + [self.k]
        self.model = MLP(self.sizes, activation=activation, output="softmax", seed=seed)
        self.rng = np.random.default_rng(seed)
        self.epoch = 0
        self.train_loss, self.test_loss = [], []
        self.diverged = False
        (x0, y0), (x1, y1) = X.min(axis=0) - GRID_MARGIN, X.max(axis=0) + GRID_MARGIN
        self.extent = (float(x0), float(x1), float(y0), float(y1))
        self.xs, self.ys = np.linspace(x0, x1, resolution), np.linspace(y0, y1, resolution)
        gx, gy = np.meshgrid(self.xs, self.ys)
        self.grid = np.c_[gx.ravel(), gy.ravel()]
        self.resolution = resolution

    def run_epochs(self, epochs, lr, batch_size):
        """Train ``epochs`` epochs of mini-batch SGD in place; record the losses per epoch."""
        model, X, y = self.model, self.X_train, self.y_train
        n = X.shape[0]
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            for _ in range(epochs):
                if self.diverged:
                    return
                order = self.rng.permutation(n)
                for i in range(0, n, batch_size):
                    idx = order[i:i + batch_size]
                    fast.sgd_step(model, X[idx], y[idx], lr)
                self.epoch += 1
                self.train_loss.append(fast.evaluate(model, X, y)[0])
                self.test_loss.append(fast.evaluate(model, self.X_test, self.y_test)[0])
                if not np.isfinite(self.train_loss[-1]):
                    self.diverged = True

    def proba(self, X):
        """Class probabilities (m, k) for points X (m, 2); unchecked fast path."""
        with np.errstate(over="ignore", invalid="ignore"):
            return self.model.out.f(fast.forward(self.model, np.asarray(X, dtype=np.float64))[0])

    def accuracy(self, split="test"):
        X, y = (self.X_test, self.y_test) if split == "test" else (self.X_train, self.y_train)
        return float(np.mean(np.argmax(self.proba(X), axis=1) == y))

    def first_layer(self):
        """Each first-layer neuron's activation on the grid, (r, r, width), or None."""
        if len(self.model.params) < 2:
            return None
        W, b = self.model.params[0]
        with np.errstate(over="ignore", invalid="ignore"):
            H = self.model.h(self.grid @ W + b)
        return H.reshape(self.resolution, self.resolution, -1)


@dataclass
class PlaygroundResult:
    """What ``compute`` trained.

    sizes, n_params : the architecture; epochs : epochs trained
    train_loss, test_loss : mean cross-entropy after each epoch
    train_accuracy, test_accuracy : after training
    xs, ys : grid coordinates; proba : (r, r, k) class probabilities on the grid
    """

    sizes: list
    n_params: int
    epochs: int
    train_loss: np.ndarray
    test_loss: np.ndarray
    train_accuracy: float
    test_accuracy: float
    xs: np.ndarray
    ys: np.ndarray
    proba: np.ndarray


def compute(dataset="circles", noise=0.1, hidden_layers=2, width=8, activation="tanh",
            lr=0.1, batch_size=10, epochs=50, seed=0, n_points=500, resolution=60):
    """Train one playground configuration for ``epochs`` epochs and report.

    Returns
    -------
    PlaygroundResult
    """
    lr = check_positive(lr, "lr")
    batch_size = _int(batch_size, "batch_size", 1, 100_000)
    epochs = _int(epochs, "epochs", 0, 100_000)
    t = Trainer(dataset, noise, hidden_layers, width, activation, seed, n_points, resolution)
    t.run_epochs(epochs, lr, batch_size)
    return PlaygroundResult(
        sizes=t.sizes, n_params=t.model.n_params, epochs=t.epoch,
        train_loss=np.array(t.train_loss), test_loss=np.array(t.test_loss),
        train_accuracy=t.accuracy("train"), test_accuracy=t.accuracy("test"),
        xs=t.xs, ys=t.ys, proba=t.proba(t.grid).reshape(resolution, resolution, -1),
    )


def shade(proba):
    """RGB image of class probabilities: the likeliest class's colour, faded to
    white as the net gets unsure (white where all classes are equally likely)."""
    k = proba.shape[-1]
    rgb = proba @ CLASS_RGB[:k]
    conf = (proba.max(axis=-1) - 1.0 / k) / (1.0 - 1.0 / k)
    conf = np.nan_to_num(conf, nan=0.0)[..., None]
    return np.clip(1.0 - 0.75 * conf * (1.0 - rgb), 0.0, 1.0)


def _nice_ceil(x):
    """The smallest of 1, 2, 5 × 10^k that is ≥ x (x > 0)."""
    if not np.isfinite(x) or x <= 0:
        return 1.0
    base = 10.0 ** np.floor(np.log10(x))
    for m in (1, 2, 5, 10):
        if m * base >= x * (1 - 1e-12):
            return float(m * base)
    return float(10 * base)


_MODEL_KEYS = ("dataset", "noise", "hidden_layers", "width", "activation", "seed", "n_points")


class Playground(Explorer):
    """The capstone explorer; see the module docstring."""

    figsize = (10.0, 4.4)

    def __init__(self, **values):
        self.trainer = None
        self._model_key = None
        self._running = False
        self._task = None
        self.status = "ready"
        super().__init__(**values)

    def defaults(self):
        return {"dataset": "circles", "noise": 0.1, "hidden_layers": 2, "width": 8,
                "activation": "tanh", "lr": 0.1, "batch_size": 10, "seed": 0,
                "n_points": 500, "chunk_epochs": 5, "max_epochs": 2000}

    def controls(self):
        import ipywidgets as widgets

        lazy = {"continuous_update": False}
        return {
            "dataset": widgets.Dropdown(options=list(DATASETS), description="data"),
            "noise": widgets.FloatSlider(min=0, max=0.5, step=0.05, description="noise", **lazy),
            "hidden_layers": widgets.IntSlider(min=0, max=MAX_HIDDEN_LAYERS,
                                               description="layers", **lazy),
            "width": widgets.IntSlider(min=1, max=MAX_WIDTH, description="width", **lazy),
            "activation": widgets.Dropdown(options=sorted(ACTIVATIONS), description="activation"),
            "lr": widgets.FloatLogSlider(min=-3, max=0.5, step=0.1, base=10, description="lr",
                                         readout_format=".3f", **lazy),
            "batch_size": widgets.Dropdown(
                options=sorted({1, 5, 10, 20, 50, 100, 350, int(self.values["batch_size"])}),
                description="batch"),
        }

    # ------------------------------------------------------------------ figure
    def _build(self, fig):
        h = 0.86
        w = h * self.figsize[1] / self.figsize[0]
        self.ax_region = fig.add_axes([0.015, 0.05, w, h])
        self.ax_region.set_xticks([])
        self.ax_region.set_yticks([])
        blank = np.ones((2, 2, 3))
        self.region_img = self.ax_region.imshow(blank, origin="lower", aspect="auto",
                                                interpolation="bilinear")
        # one marker line per (split, class): markers stamp much faster than a scatter
        self.train_dots = [self.ax_region.plot([], [], "o", ms=4, mfc=CLASS_COLORS[c], mec="white",
                                               mew=0.6)[0] for c in range(MAX_CLASSES)]
        self.test_dots = [self.ax_region.plot([], [], "o", ms=4, mfc=CLASS_COLORS[c], mec="black",
                                              mew=0.6)[0] for c in range(MAX_CLASSES)]
        self.title = self.ax_region.set_title("", fontsize=10)

        left = 0.015 + w + 0.07
        self.ax_loss = fig.add_axes([left, 0.58, 0.985 - left, 0.33])
        (self.train_line,) = self.ax_loss.plot([], [], "C0-", label="train")
        (self.test_line,) = self.ax_loss.plot([], [], "C1-", label="test")
        self.ax_loss.legend(loc="upper right", fontsize=8)
        self.ax_loss.set_xlabel("epoch", fontsize=9, labelpad=1)
        self.ax_loss.set_ylabel("loss", fontsize=9)
        self.ax_loss.tick_params(labelsize=8)
        from matplotlib.ticker import MaxNLocator

        self.ax_loss.xaxis.set_major_locator(MaxNLocator(5, integer=True))
        self.ax_loss.yaxis.set_major_locator(MaxNLocator(4))

        fig.text(left, 0.43, "first hidden layer: each neuron over the plane", fontsize=9)
        cols, gap = 4, 0.01
        pw = (0.985 - left - (cols - 1) * gap) / cols
        ph = 0.17
        self.neuron_axes, self.neuron_imgs = [], []
        for i in range(N_NEURON_PANELS):
            r, c = divmod(i, cols)
            ax = fig.add_axes([left + c * (pw + gap), 0.22 - r * (ph + 0.02), pw, ph])
            ax.set_xticks([])
            ax.set_yticks([])
            img = ax.imshow(np.zeros((2, 2)), origin="lower", aspect="auto", cmap="RdBu_r",
                            vmin=-1, vmax=1, interpolation="bilinear")
            self.neuron_axes.append(ax)
            self.neuron_imgs.append(img)
        self.no_hidden_text = fig.text(left + 0.02, 0.15, "no hidden layer: the net is a "
                                       "linear classifier", fontsize=9, visible=False)

    def _update(self):
        key = tuple(self.values[k] for k in _MODEL_KEYS)
        if key != self._model_key:
            self._new_trainer()
        return self._draw()

    def _new_trainer(self):
        v = self.values
        self.trainer = Trainer(**{k: v[k] for k in _MODEL_KEYS})
        self._model_key = tuple(v[k] for k in _MODEL_KEYS)
        t = self.trainer
        for c in range(MAX_CLASSES):
            self.train_dots[c].set_data(*t.X_train[t.y_train == c].T)
            self.test_dots[c].set_data(*t.X_test[t.y_test == c].T)
        self.region_img.set_extent(t.extent)
        self.ax_region.set_xlim(t.extent[:2])
        self.ax_region.set_ylim(t.extent[2:])
        for img in self.neuron_imgs:
            img.set_extent(t.extent)
        for ax in self.neuron_axes:
            ax.set_xlim(t.extent[:2])
            ax.set_ylim(t.extent[2:])

    def _draw(self):
        """Update every artist from the trainer's current state; return the readout."""
        t = self.trainer
        r = t.resolution
        self.region_img.set_data(shade(t.proba(t.grid).reshape(r, r, -1)))
        epochs = np.arange(1, t.epoch + 1)
        self.train_line.set_data(epochs, t.train_loss)
        self.test_line.set_data(epochs, t.test_loss)
        # limits move in "nice" jumps, so the axes (and the cached background) rarely change
        self.ax_loss.set_xlim(0, _nice_ceil(max(10, t.epoch)))
        losses = np.array(t.train_loss + t.test_loss)
        losses = losses[np.isfinite(losses)]
        self.ax_loss.set_ylim(0, _nice_ceil(min(float(losses.max()), 100.0)) if losses.size else 1.0)
        H = t.first_layer()
        shown = 0 if H is None else min(H.shape[-1], N_NEURON_PANELS)
        for i, (ax, img) in enumerate(zip(self.neuron_axes, self.neuron_imgs)):
            ax.set_visible(i < shown)
            if i < shown:
                a = H[..., i]
                m = float(np.max(np.abs(a))) if np.all(np.isfinite(a)) else 1.0
                img.set_data(a)
                img.set_clim(-max(m, 1e-12), max(m, 1e-12))
        self.no_hidden_text.set_visible(H is None)
        arch = "-".join(map(str, t.sizes))
        if t.epoch:
            test_acc = t.accuracy("test")
            self.title.set_text(f"epoch {t.epoch}: test accuracy {test_acc:.0%}")
            numbers_ = (f"epoch <b>{t.epoch}</b> · train loss {t.train_loss[-1]:.4f} · "
                        f"test loss <b>{t.test_loss[-1]:.4f}</b> · test accuracy "
                        f"<b>{test_acc:.1%}</b>")
        else:
            self.title.set_text(f"{self.values['dataset']}: untrained")
            numbers_ = "epoch 0 (untrained) — press Train or Step"
        if t.diverged:
            numbers_ += " · <b>diverged</b>: lower the learning rate and Reset"
        more = "" if H is None or H.shape[-1] <= N_NEURON_PANELS else (
            f" (first {N_NEURON_PANELS} of {H.shape[-1]} neurons shown)")
        return (f"{numbers_}<br>net {arch} ({t.model.n_params} parameters), "
                f"{self.values['activation']}, lr {self.values['lr']:.3g}, batch "
                f"{self.values['batch_size']} · {self.status}{more}")

    def _dynamic_artists(self):
        """The artists that change from chunk to chunk, in drawing order."""
        arts = [self.region_img, *self.train_dots, *self.test_dots, self.title,
                self.train_line, self.test_line]
        shown = [(ax, img) for ax, img in zip(self.neuron_axes, self.neuron_imgs) if ax.get_visible()]
        arts += [img for _, img in shown]
        # frames go back on top of the images, as in a full draw
        for ax in [self.ax_region] + [ax for ax, _ in shown]:
            arts += list(ax.spines.values())
        return arts

    def _static_key(self):
        return (self.ax_region.get_xlim(), self.ax_region.get_ylim(), self.ax_loss.get_xlim(),
                self.ax_loss.get_ylim(), tuple(ax.get_visible() for ax in self.neuron_axes),
                self.no_hidden_text.get_visible(), self.fig.get_size_inches().tobytes())

    def _render(self):
        """Draw the figure into the Agg buffer, re-using a cached background.

        Axes frames, ticks, labels and legends are drawn once and cached
        (``copy_from_bbox``); each later frame restores that background and
        draws only the changing artists (``draw_artist``). The cache is
        rebuilt whenever anything static changed (data extent, loss-axis
        limits, which neuron panels are shown).
        """
        canvas = self.fig.canvas
        dynamic = self._dynamic_artists()
        key = self._static_key()
        if key != getattr(self, "_bg_key", None):
            for a in dynamic:
                a.set_animated(True)
            canvas.draw()  # everything but the animated artists (images are drawn anyway)
            self._bg = canvas.copy_from_bbox(self.fig.bbox)
            self._bg_key = key
        else:
            canvas.restore_region(self._bg)
        for a in dynamic:
            a.axes.draw_artist(a)

    def png(self):
        """The figure as PNG bytes: cached-background render, then a fast (level 1) PNG encode.

        About three times faster than ``savefig``, which matters when a chunk is
        redrawn several times a second. (``savefig`` still draws the whole figure.)
        """
        from PIL import Image

        canvas = self.fig.canvas
        self._render()
        size = canvas.get_width_height(physical=True)
        image = Image.frombuffer("RGBA", size, canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
        buf = io.BytesIO()
        image.convert("RGB").save(buf, format="png", compress_level=1)
        return buf.getvalue()

    # ------------------------------------------------------------------ training
    def _refresh(self):
        self.readout_text = self._draw()
        if self._widget is not None:
            self._sync_widget()

    def step(self):
        """Train one chunk (``chunk_epochs`` epochs) and redraw; returns self."""
        v = self.values
        lr = check_positive(float(v["lr"]), "lr")
        batch_size = _int(int(v["batch_size"]), "batch_size", 1, 100_000)
        self.trainer.run_epochs(_int(v["chunk_epochs"], "chunk_epochs", 1, 10_000), lr, batch_size)
        self._refresh()
        return self

    def run(self, chunks=1):
        """Train ``chunks`` chunks synchronously (for scripts and lessons); returns self."""
        chunks = _int(chunks, "chunks", 0, 100_000)
        for _ in range(chunks):
            self.step()
        return self

    def reset(self):
        """Fresh weights, history and batch order for the current configuration."""
        self.pause()
        self._new_trainer()
        self.status = "reset"
        self._refresh()
        return self

    def train(self):
        """Start training in the background on the running asyncio loop (Jupyter).

        Each chunk is followed by ``await asyncio.sleep``, so the kernel keeps
        answering (Pause, sliders, other cells). Stops at ``max_epochs``, on
        divergence, or when ``pause()`` is called. Returns the asyncio task.
        """
        if self._running and self._task is not None:
            return self._task
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            raise RuntimeError(
                "train() needs a running asyncio event loop, as in Jupyter; in a script "
                "use run(chunks) (synchronous) instead."
            ) from None
        self._running = True
        self.status = "training…"
        self._task = loop.create_task(self._loop())
        return self._task

    def pause(self):
        """Stop background training after the current chunk."""
        self._running = False
        if self.status.startswith("training"):
            self.status = "paused"

    @property
    def running(self):
        return self._running

    async def _loop(self):
        try:
            while self._running:
                if self.trainer.epoch >= self.values["max_epochs"] or self.trainer.diverged:
                    self.status = ("stopped: diverged" if self.trainer.diverged
                                   else f"stopped at max_epochs={self.values['max_epochs']}")
                    break
                self.step()
                await asyncio.sleep(0.01)  # let the kernel handle clicks and slider moves
        except Exception as exc:  # keep the explorer usable and say what happened
            self.status = f"stopped by an error: {type(exc).__name__}: {exc}"
        finally:
            self._running = False
            self._task = None
            self._refresh()

    # ------------------------------------------------------------------ UI
    def widget(self):
        """Controls, Train / Pause / Step / Reset buttons, the picture and the readout."""
        if self._widget is None:
            import ipywidgets as widgets

            box = super().widget()
            buttons = []
            for label, icon, action in (("Train", "play", self.train), ("Pause", "pause", self.pause),
                                        ("Step", "step-forward", self.step),
                                        ("Reset", "undo", self.reset)):
                b = widgets.Button(description=label, icon=icon,
                                   layout=widgets.Layout(width="90px"))
                b.on_click(self._button(action))
                buttons.append(b)
            self.buttons = {b.description: b for b in buttons}
            box.children = (widgets.HBox(buttons),) + tuple(box.children)
        return self._widget

    def _button(self, action):
        def handler(_):
            action()
            if action == self.pause:
                self._refresh()
        return handler

    # ------------------------------------------------------------------ sharing
    def predict_proba(self, X):
        """Class probabilities (m, k) of the current net for points X (m, 2)."""
        return self.trainer.model.predict_proba(X)

    def export_state(self):
        """Configuration, weights, history and RNG state as a JSON-friendly dict."""
        t = self.trainer
        return {
            "version": STATE_VERSION,
            "config": {k: (v.item() if hasattr(v, "item") else v) for k, v in self.values.items()},
            "sizes": list(t.sizes),
            "epoch": t.epoch,
            "weights": [[W.tolist(), b.tolist()] for W, b in t.model.params],
            "history": {"train_loss": [float(x) for x in t.train_loss],
                        "test_loss": [float(x) for x in t.test_loss]},
            "rng_state": t.rng.bit_generator.state,
            "diverged": bool(t.diverged),
        }

    @classmethod
    def from_state(cls, state):
        """Rebuild a playground from ``export_state()`` output (e.g. after json.loads)."""
        if not isinstance(state, dict) or "config" not in state or "weights" not in state:
            raise TypeError(
                "state must be the dict returned by Playground.export_state() "
                "(with keys 'config' and 'weights')."
            )
        if state.get("version") != STATE_VERSION:
            raise ValueError(f"state version {state.get('version')!r} is not supported; "
                             f"expected {STATE_VERSION}.")
        pg = cls(**state["config"])
        t = pg.trainer
        weights = state["weights"]
        if len(weights) != len(t.model.params):
            raise ValueError(f"state has {len(weights)} layers but the configuration builds "
                             f"{len(t.model.params)} (sizes {t.sizes}).")
        params = []
        for i, ((W0, b0), (W, b)) in enumerate(zip(t.model.params, weights), start=1):
            W, b = np.asarray(W, dtype=np.float64), np.asarray(b, dtype=np.float64)
            if W.shape != W0.shape or b.shape != b0.shape:
                raise ValueError(f"layer {i}: state has W {W.shape}, b {b.shape}; the "
                                 f"configuration needs W {W0.shape}, b {b0.shape}.")
            params.append((W.copy(), b.copy()))
        t.model.params = params
        t.epoch = int(state.get("epoch", 0))
        hist = state.get("history", {})
        t.train_loss = [float(x) for x in hist.get("train_loss", [])]
        t.test_loss = [float(x) for x in hist.get("test_loss", [])]
        if "rng_state" in state:
            t.rng.bit_generator.state = state["rng_state"]
        t.diverged = bool(state.get("diverged", False))
        pg.status = "restored"
        pg._refresh()
        return pg

    @classmethod
    def static_figure(cls, epochs=0, **values):
        """The playground's picture after training ``epochs`` epochs (no widgets)."""
        pg = cls(**values)
        if epochs:
            epochs = _int(epochs, "epochs", 0, 100_000)
            pg.trainer.run_epochs(epochs, float(pg.values["lr"]), int(pg.values["batch_size"]))
            pg._refresh()
        return pg.fig


def show(**values):
    """The playground (displays itself as a widget in Jupyter)."""
    return Playground(**values)
