"""Explorer ``playground``: a small TensorFlow-Playground inside Jupyter (lesson 10).

Pick a 2-D data set, the noise, 0–4 hidden layers and their width, the
activation, the learning rate and the batch size; then Train / Pause / Step /
Reset. The picture shows

* the decision regions, shaded by the predicted probability (white where the
  net is unsure), with the training points (white edge) and test points
  (black edge);
* the train and test loss (mean cross-entropy) after every epoch;
* what each neuron of the first hidden layer computes over the plane.

Training runs in short chunks (``chunk_epochs`` epochs of ``mlplab.optim.sgd``,
then one redraw). **Train** starts an asyncio task on the
kernel's event loop that runs a chunk, redraws, and yields with
``await asyncio.sleep``, so the kernel stays responsive and **Pause** (or any
slider) is handled between chunks; it also stops by itself after
``max_epochs``. In scripts and in the lessons use ``step()`` / ``run(chunks)``,
which train a fixed amount synchronously.

``export_state()`` returns the configuration, the weights (as lists), the
history and the random generator's state as a JSON-friendly dict;
``Playground.from_state(d)`` checks every field of such a dict (types, ranges,
shapes, finite weights, history lengths) and rebuilds an identical playground
(same predictions, and the same future training), so a configuration can be
shared safely.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

import numpy as np

from .. import fast
from ..activations import ACTIVATIONS
from ..data import DATASETS, make_dataset, train_test_split
from ..i18n import Text
from ..mlp import MLP
from ..optim import sgd
from ..plots import CLASS_COLORS, plane_grid
from ..validation import as_array, check_bool, check_choice, check_int, check_number
from ._base import Explorer, Markup, html
from ._limits import nice_ceil

__all__ = ["Trainer", "PlaygroundResult", "compute", "Playground", "show", "STATE_VERSION",
           "check_config"]

STATE_VERSION = 1
MAX_HIDDEN_LAYERS = 4
MAX_WIDTH = 32
N_NEURON_PANELS = 8
MAX_CLASSES = 4
TEST_FRACTION = 0.3
GRID_MARGIN = 0.3
MAX_EPOCHS = 100_000


def _rgb(hex_colour):
    h = hex_colour.lstrip("#")
    return [int(h[i:i + 2], 16) / 255 for i in (0, 2, 4)]


CLASS_RGB = np.array([_rgb(c) for c in CLASS_COLORS])


def check_config(dataset, noise, hidden_layers, width, activation, seed, n_points):
    """Validate the parts of a configuration that define data and network; returns a dict."""
    return dict(
        dataset=check_choice(dataset, "dataset", DATASETS),
        noise=check_number(noise, "noise", 0.0, 2.0, example=0.1),
        hidden_layers=check_int(hidden_layers, "hidden_layers", 0, MAX_HIDDEN_LAYERS, example=2),
        width=check_int(width, "width", 1, MAX_WIDTH, example=8),
        activation=check_choice(activation, "activation", ACTIVATIONS),
        seed=check_int(seed, "seed", 0, 2**31 - 1, example=0),
        n_points=check_int(n_points, "n_points", 20, 100_000, example=500),
    )


def _check_training(lr, batch_size, epochs=None):
    lr = check_number(lr, "lr", 0.0, 1e3, lo_open=True, example=0.1)
    batch_size = check_int(batch_size, "batch_size", 1, 100_000, example=10)
    if epochs is None:
        return lr, batch_size
    return lr, batch_size, check_int(epochs, "epochs", 0, MAX_EPOCHS, example=50)


class Trainer:
    """Data, model, random generator and history of one playground configuration.

    The data come from ``make_dataset(dataset, n_points, noise, seed)``, split 70/30
    into train and test; the model is ``MLP([2] + [width] * hidden_layers + [k])``
    with softmax output (k classes), seeded by ``seed``; training is ``optim.sgd``,
    whose mini-batch order comes from this trainer's ``np.random.default_rng(seed)``
    (so a chunk at a time gives the same run as one long call).
    """

    def __init__(self, dataset="circles", noise=0.1, hidden_layers=2, width=8,
                 activation="tanh", seed=0, n_points=500, resolution=60):
        self.config = check_config(dataset, noise, hidden_layers, width, activation, seed,
                                   n_points)
        c = self.config
        X, y = make_dataset(c["dataset"], n=c["n_points"], noise=c["noise"], seed=c["seed"])
        self.X_train, self.X_test, self.y_train, self.y_test = train_test_split(
            X, y, test_size=TEST_FRACTION, seed=c["seed"])
        self.k = int(y.max()) + 1
        self.sizes = [2] + [c["width"]] * c["hidden_layers"] + [self.k]
        self.model = MLP(self.sizes, activation=c["activation"], output="softmax", seed=c["seed"])
        self.rng = np.random.default_rng(c["seed"])
        self.epoch = 0
        self.train_loss, self.test_loss = [], []
        self.diverged = False
        self.xs, self.ys, self.grid = plane_grid(X, resolution, GRID_MARGIN)
        self.resolution = self.xs.size
        self.extent = (float(self.xs[0]), float(self.xs[-1]), float(self.ys[0]), float(self.ys[-1]))

    def run_epochs(self, epochs, lr, batch_size):
        """Train ``epochs`` epochs of mini-batch SGD in place; record the losses per epoch."""
        lr, batch_size, epochs = _check_training(lr, batch_size, epochs)
        if self.diverged or not epochs:
            return
        hist = sgd(self.model, self.X_train, self.y_train, lr, batch_size, epochs, seed=self.rng,
                   X_val=self.X_test, Y_val=self.y_test)
        self.epoch += len(hist.epoch_loss)
        self.train_loss += hist.epoch_loss
        self.test_loss += hist.val_loss
        self.diverged = hist.diverged

    def proba(self, X):
        """Class probabilities (m, k) for points X (m, 2); X is trusted (the grid, the data)."""
        with np.errstate(over="ignore", invalid="ignore"):
            return self.model.out.f(fast.forward(self.model, np.asarray(X, dtype=np.float64))[0])

    def accuracy(self, split="test"):
        """Accuracy on the "test" or "train" points."""
        split = check_choice(split, "split", ("test", "train"))
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
    lr, batch_size, epochs = _check_training(lr, batch_size, epochs)
    t = Trainer(dataset, noise, hidden_layers, width, activation, seed, n_points, resolution)
    t.run_epochs(epochs, lr, batch_size)
    return PlaygroundResult(
        sizes=t.sizes, n_params=t.model.n_params, epochs=t.epoch,
        train_loss=np.array(t.train_loss), test_loss=np.array(t.test_loss),
        train_accuracy=t.accuracy("train"), test_accuracy=t.accuracy("test"),
        xs=t.xs, ys=t.ys, proba=t.proba(t.grid).reshape(t.resolution, t.resolution, -1),
    )


def shade(proba):
    """RGB image of class probabilities: the likeliest class's colour, faded to
    white as the net gets unsure (white where all classes are equally likely)."""
    k = proba.shape[-1]
    rgb = proba @ CLASS_RGB[:k]
    conf = (proba.max(axis=-1) - 1.0 / k) / (1.0 - 1.0 / k)
    conf = np.nan_to_num(conf, nan=0.0)[..., None]
    return np.clip(1.0 - 0.75 * conf * (1.0 - rgb), 0.0, 1.0)


@dataclass
class Snapshot:
    """The playground's state at one moment, as drawn.

    trainer : the ``Trainer`` (data, model, history); epoch : epochs trained
    proba : (r, r, k) class probabilities on the grid; hidden : (r, r, width) first-layer
    activations or None; test_accuracy : on the test points (None before training)
    """

    trainer: Trainer
    epoch: int
    proba: np.ndarray
    hidden: np.ndarray | None
    test_accuracy: float | None


_MODEL_KEYS = ("dataset", "noise", "hidden_layers", "width", "activation", "seed", "n_points")
_STATE_KEYS = ("version", "config", "sizes", "epoch", "weights", "history", "rng_state",
               "diverged")

STATUS = {
    "ready": Text("ready", "준비됨"),
    "training": Text("training…", "학습 중…"),
    "paused": Text("paused", "일시 정지"),
    "reset": Text("reset", "초기화됨"),
    "restored": Text("restored", "복원됨"),
    "diverged": Text("stopped: diverged", "멈춤: 발산"),
    "max_epochs": Text("stopped at max_epochs={max_epochs}", "max_epochs={max_epochs}에서 멈춤"),
    "error": Text("stopped by an error: {error}", "오류로 멈춤: {error}"),
}
NUMBERS = Text(
    "epoch <b>{epoch}</b> · train loss {train:.4f} · test loss <b>{test:.4f}</b> · test accuracy "
    "<b>{acc:.1%}</b>",
    "에포크 <b>{epoch}</b> · 훈련 손실 {train:.4f} · 테스트 손실 <b>{test:.4f}</b> · 테스트 정확도 "
    "<b>{acc:.1%}</b>",
)
UNTRAINED = Text("epoch 0 (untrained) — press Train or Step",
                 "에포크 0 (학습 전) — Train이나 Step을 누르세요")
DIVERGED = Text(" · <b>diverged</b>: lower the learning rate and Reset",
                " · <b>발산</b>: 학습률을 낮추고 Reset을 누르세요")
READOUT = Text(
    "{numbers}<br>net {arch} ({params} parameters), {act}, lr {lr:.3g}, batch {b} · {status}{more}",
    "{numbers}<br>신경망 {arch} (파라미터 {params}개), {act}, lr {lr:.3g}, 배치 {b} · {status}{more}",
)
MORE = Text(" (first {shown} of {width} neurons shown)", " (뉴런 {width}개 중 처음 {shown}개만 보임)")


class Playground(Explorer):
    """The capstone explorer; see the module docstring.

    Unlike the other explorers its picture depends on a state as well as on the
    values: ``compute`` snapshots the trainer (rebuilt when a value that defines
    data or network changes), and ``step``/``run``/``reset`` change the trainer,
    then ``refresh()``.
    """

    figsize = (10.0, 4.4)
    background_depends_on = ("hidden_layers",)  # the "no hidden layer" note

    def __init__(self, **values):
        self.trainer = None
        self._model_key = None
        self._running = False
        self._task = None
        self._status = ("ready", {})
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
            "batch_size": widgets.Dropdown(options=[1, 5, 10, 20, 50, 100, 350],
                                           description="batch"),
        }

    def extra_widgets(self):
        """Train / Pause / Step / Reset."""
        import ipywidgets as widgets

        self.buttons = {}
        for label, icon, action in (("Train", "play", self.train), ("Pause", "pause", self.pause),
                                    ("Step", "step-forward", self.step),
                                    ("Reset", "undo", self.reset)):
            b = widgets.Button(description=label, icon=icon, layout=widgets.Layout(width="90px"))
            b.on_click(self._button(action))
            self.buttons[label] = b
        return list(self.buttons.values())

    def _button(self, action):
        def handler(_):
            try:
                action()
            except (ValueError, TypeError) as err:  # shown, not raised into the void
                self.error = err
                self._sync_widget(picture=False)
            if action == self.pause:
                self.refresh()
        return handler

    # ------------------------------------------------------------------ state
    def compute(self, **values):
        """Check every value; rebuild the trainer if data or network changed; snapshot it."""
        config = check_config(**{k: values[k] for k in _MODEL_KEYS})
        _check_training(values["lr"], values["batch_size"])
        check_int(values["chunk_epochs"], "chunk_epochs", 1, 1000, example=5)
        check_int(values["max_epochs"], "max_epochs", 1, MAX_EPOCHS, example=2000)
        key = tuple(config[k] for k in _MODEL_KEYS)
        trainer = self.trainer
        if trainer is None or key != self._model_key:
            trainer = Trainer(**config)
            self.pause()
            self._status = ("ready", {})
        self.trainer, self._model_key = trainer, key
        r = trainer.resolution
        return Snapshot(trainer=trainer, epoch=trainer.epoch,
                        proba=trainer.proba(trainer.grid).reshape(r, r, -1),
                        hidden=trainer.first_layer(),
                        test_accuracy=trainer.accuracy("test") if trainer.epoch else None)

    # ------------------------------------------------------------------ figure
    def build(self, fig):
        h = 0.86
        w = h * self.figsize[1] / self.figsize[0]
        self.ax_region = fig.add_axes([0.015, 0.05, w, h])
        self.ax_region.set_xticks([])
        self.ax_region.set_yticks([])
        self.region_img = self.dynamic(self.ax_region.imshow(
            np.ones((2, 2, 3)), origin="lower", aspect="auto", interpolation="bilinear"))
        # one marker line per (split, class): markers stamp much faster than a scatter
        self.train_dots = self.dynamic([
            self.ax_region.plot([], [], "o", ms=4, mfc=CLASS_COLORS[c], mec="white", mew=0.6)[0]
            for c in range(MAX_CLASSES)])
        self.test_dots = self.dynamic([
            self.ax_region.plot([], [], "o", ms=4, mfc=CLASS_COLORS[c], mec="black", mew=0.6)[0]
            for c in range(MAX_CLASSES)])
        self.title = self.dynamic(self.ax_region.set_title("", fontsize=10))
        self.dynamic(list(self.ax_region.spines.values()))  # the frame over the image

        left = 0.015 + w + 0.07
        self.ax_loss = fig.add_axes([left, 0.58, 0.985 - left, 0.33])
        (self.train_line,) = self.dynamic(self.ax_loss.plot([], [], "C0-", label="train"))
        (self.test_line,) = self.dynamic(self.ax_loss.plot([], [], "C1-", label="test"))
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
            row, col = divmod(i, cols)
            ax = fig.add_axes([left + col * (pw + gap), 0.22 - row * (ph + 0.02), pw, ph])
            ax.set_xticks([])
            ax.set_yticks([])
            img = self.dynamic(ax.imshow(np.zeros((2, 2)), origin="lower", aspect="auto",
                                         cmap="RdBu_r", vmin=-1, vmax=1, interpolation="bilinear"))
            self.dynamic(list(ax.spines.values()))
            self.neuron_axes.append(ax)
            self.neuron_imgs.append(img)
        self.no_hidden_text = fig.text(left + 0.02, 0.15, "no hidden layer: the net is a "
                                       "linear classifier", fontsize=9, visible=False)
        self._drawn_trainer = None

    def _new_data(self, t):
        """Points and extents of a new trainer's data."""
        for c in range(MAX_CLASSES):
            self.train_dots[c].set_data(*t.X_train[t.y_train == c].T)
            self.test_dots[c].set_data(*t.X_test[t.y_test == c].T)
        for img in [self.region_img, *self.neuron_imgs]:
            img.set_extent(t.extent)
        for ax in [self.ax_region, *self.neuron_axes]:
            ax.set_xlim(t.extent[:2])
            ax.set_ylim(t.extent[2:])
        self._drawn_trainer = t

    def draw(self, snap):
        t = snap.trainer
        if t is not self._drawn_trainer:
            self._new_data(t)
        self.region_img.set_data(shade(snap.proba))
        epochs = np.arange(1, snap.epoch + 1)
        self.train_line.set_data(epochs, t.train_loss)
        self.test_line.set_data(epochs, t.test_loss)
        # limits move in "nice" jumps, so the axes (and the cached background) rarely change
        self.ax_loss.set_xlim(0, nice_ceil(max(10, snap.epoch)))
        losses = np.array(t.train_loss + t.test_loss)
        losses = losses[np.isfinite(losses)]
        self.ax_loss.set_ylim(0, nice_ceil(min(float(losses.max()), 100.0)) if losses.size else 1.0)
        H = snap.hidden
        shown = 0 if H is None else min(H.shape[-1], N_NEURON_PANELS)
        for i, (ax, img) in enumerate(zip(self.neuron_axes, self.neuron_imgs)):
            ax.set_visible(i < shown)
            if i < shown:
                a = H[..., i]
                m = float(np.max(np.abs(a))) if np.all(np.isfinite(a)) else 1.0
                img.set_data(a)
                img.set_clim(-max(m, 1e-12), max(m, 1e-12))
        self.no_hidden_text.set_visible(H is None)
        if snap.epoch:
            self.title.set_text(f"epoch {snap.epoch}: test accuracy {snap.test_accuracy:.0%}")
            numbers = html(NUMBERS, epoch=snap.epoch, train=t.train_loss[-1],
                           test=t.test_loss[-1], acc=snap.test_accuracy)
        else:
            self.title.set_text(f"{t.config['dataset']}: untrained")
            numbers = html(UNTRAINED)
        if t.diverged:
            numbers = Markup(numbers + html(DIVERGED))
        name, fields = self._status
        more = html(MORE, shown=N_NEURON_PANELS, width=H.shape[-1]) \
            if H is not None and H.shape[-1] > N_NEURON_PANELS else ""
        return html(READOUT, numbers=numbers, arch="-".join(map(str, t.sizes)),
                    params=t.model.n_params, act=t.config["activation"], lr=self.values["lr"],
                    b=self.values["batch_size"], status=html(STATUS[name], **fields), more=more)

    # ------------------------------------------------------------------ training
    def step(self):
        """Train one chunk (``chunk_epochs`` epochs) and redraw; returns self."""
        v = self.values
        self.trainer.run_epochs(v["chunk_epochs"], v["lr"], v["batch_size"])
        return self.refresh()

    def run(self, chunks=1):
        """Train ``chunks`` chunks synchronously (for scripts and lessons); returns self."""
        chunks = check_int(chunks, "chunks", 0, 100_000, example=10)
        for _ in range(chunks):
            self.step()
        return self

    def reset(self):
        """Fresh weights, history and batch order for the current configuration."""
        self.pause()
        self.trainer = None
        self.refresh()
        self._status = ("reset", {})
        return self.refresh()

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
        self._status = ("training", {})
        self._task = loop.create_task(self._loop())
        return self._task

    def pause(self):
        """Stop background training after the current chunk."""
        self._running = False
        if self._status[0] == "training":
            self._status = ("paused", {})

    @property
    def running(self):
        return self._running

    @property
    def status(self):
        """What the playground is doing, in words (the end of the readout)."""
        name, fields = self._status
        return STATUS[name].format(**fields)

    async def _loop(self):
        try:
            while self._running:
                t = self.trainer
                if t.epoch >= self.values["max_epochs"] or t.diverged:
                    self._status = (("diverged", {}) if t.diverged else
                                    ("max_epochs", {"max_epochs": self.values["max_epochs"]}))
                    break
                self.step()
                await asyncio.sleep(0.01)  # let the kernel handle clicks and slider moves
        except Exception as exc:  # keep the explorer usable and say what happened
            self._status = ("error", {"error": f"{type(exc).__name__}: {exc}"})
        finally:
            self._running = False
            self._task = None
            if not self.closed:
                self.refresh()

    def close(self):
        """Stop training, then free the figure and the widgets."""
        self.pause()
        super().close()

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
        """Rebuild a playground from ``export_state()`` output (e.g. after json.loads).

        Every field is checked before anything is built: the version, the
        configuration (as ``set`` would), the layer sizes, the weights (shapes,
        finite numbers), the epoch and the loss histories (one value per epoch),
        the random generator's state and the flags. A wrong or unknown field raises
        ValueError / TypeError naming it.
        """
        if not isinstance(state, dict) or "config" not in state or "weights" not in state:
            raise TypeError(
                "state must be the dict returned by Playground.export_state() "
                "(with keys 'config' and 'weights')."
            )
        unknown = sorted(set(state) - set(_STATE_KEYS), key=str)
        if unknown:
            raise ValueError(f"state has unknown field(s) {unknown}; expected only "
                             f"{', '.join(_STATE_KEYS)}.")
        if state.get("version") != STATE_VERSION or isinstance(state.get("version"), bool):
            raise ValueError(f"state version {state.get('version')!r} is not supported; "
                             f"expected {STATE_VERSION}.")
        config = state["config"]
        if not isinstance(config, dict):
            raise TypeError(f"state['config'] must be a dict of settings, got "
                            f"{type(config).__name__}.")
        pg = cls(**config)          # unknown names and every value are checked here
        try:
            pg._restore(state)
        except BaseException:
            pg.close()
            raise
        return pg

    def _restore(self, state):
        t = self.trainer
        if state.get("sizes", t.sizes) != t.sizes:
            raise ValueError(f"state['sizes'] is {state.get('sizes')!r} but the configuration "
                             f"builds {t.sizes}.")
        weights = state["weights"]
        if not isinstance(weights, list) or len(weights) != len(t.model.params):
            raise ValueError(f"state['weights'] must list {len(t.model.params)} layers (sizes "
                             f"{t.sizes}), got {len(weights) if isinstance(weights, list) else weights!r}.")
        params = []
        for i, ((W0, b0), layer) in enumerate(zip(t.model.params, weights), start=1):
            if not isinstance(layer, (list, tuple)) or len(layer) != 2:
                raise TypeError(f"state['weights'][{i - 1}] must be a pair [W, b].")
            W = as_array(layer[0], f"layer {i} W", ndim=2, dtype=np.float64)
            b = as_array(layer[1], f"layer {i} b", ndim=1, dtype=np.float64)
            if W.shape != W0.shape or b.shape != b0.shape:
                raise ValueError(f"layer {i}: state has W {W.shape}, b {b.shape}; the "
                                 f"configuration needs W {W0.shape}, b {b0.shape}.")
            params.append((W.copy(), b.copy()))
        epoch = check_int(state.get("epoch", 0), "state['epoch']", 0, MAX_EPOCHS)
        history = state.get("history", {"train_loss": [], "test_loss": []})
        if not isinstance(history, dict) or set(history) != {"train_loss", "test_loss"}:
            raise ValueError("state['history'] must be a dict with exactly 'train_loss' and "
                             "'test_loss'.")
        losses = {}
        for name in ("train_loss", "test_loss"):
            values = history[name]
            if not isinstance(values, list):
                raise TypeError(f"state['history']['{name}'] must be a list of numbers.")
            arr = as_array(values, f"state['history']['{name}']", ndim=1, finite=False,
                           allow_empty=True)
            if arr.size != epoch:
                raise ValueError(f"state['history']['{name}'] has {arr.size} values but "
                                 f"state['epoch'] is {epoch}; expected one loss per epoch.")
            losses[name] = [float(x) for x in arr]
        diverged = check_bool(state.get("diverged", False), "state['diverged']")
        rng = np.random.default_rng()
        if "rng_state" in state:
            try:
                rng.bit_generator.state = state["rng_state"]
            except (TypeError, ValueError, KeyError) as err:
                raise ValueError(f"state['rng_state'] is not a state of numpy's "
                                 f"{type(rng.bit_generator).__name__} generator ({err}).") from None
        else:
            rng = t.rng
        t.model.params = params
        t.epoch, t.train_loss, t.test_loss = epoch, losses["train_loss"], losses["test_loss"]
        t.rng, t.diverged = rng, diverged
        self._status = ("restored", {})
        self.refresh()

    def to_figure(self, epochs=0):
        """The picture as a static Figure, after training ``epochs`` more epochs."""
        epochs = check_int(epochs, "epochs", 0, MAX_EPOCHS, example=60)
        if epochs:
            self.trainer.run_epochs(epochs, self.values["lr"], self.values["batch_size"])
            self.refresh()
        return super().to_figure()

    @classmethod
    def static_figure(cls, epochs=0, **values):
        """The playground's picture after training ``epochs`` epochs (no widgets)."""
        return cls(**values).to_figure(epochs)


def show(**values):
    """The playground (displays itself as a widget in Jupyter)."""
    return Playground(**values)
