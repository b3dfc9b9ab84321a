"""Explorer ``uat_neurons``: train one hidden layer of N units on a 1-D target (lesson 08).

The network is x → h(x W1 + b1) W2 + b2 with N hidden units, trained from a
random start on n_points evenly spaced samples of the target on [0, 1] by
full-batch gradient descent on the mean squared error, with Adam step sizes.

Two choices make 2,000 steps enough, and both come from the bump picture:

* **Initialisation as random steps.** Unit j computes h(w_j (x − p_j)). We draw
  its position p_j uniformly in [0, 1] and its slope w_j with random sign and
  size about 2N (a transition about 1/N wide), i.e. b_j = −w_j p_j. A generic
  small init (Glorot) starts every unit almost linear on [0, 1], and gradient
  descent then needs tens of thousands of steps to bend them.
* **Adam.** The slopes are about 2N while the output weights are about 0.1, so
  one learning rate cannot suit both. Adam divides each parameter's step by a
  running root-mean-square of its own gradient (Kingma & Ba, 2015):
  m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², θ ← θ − λ m̂ / (√v̂ + ε).

The network is an ``mlplab.MLP``; it is trained by ``mlplab.fast.adam_one_hidden``,
the fused float32 form of ``mlplab.optim.adam`` for one input, one hidden layer
and one output (tested equal to it), which keeps a 2,000-step training of 50
units at about a tenth of a second. The final fit is evaluated in float64.
"""

from __future__ import annotations

import dataclasses
import time
from dataclasses import dataclass

import numpy as np

from .. import fast
from ..activations import ACTIVATIONS
from ..data import TARGETS, target_function
from ..i18n import Text
from ..mlp import MLP
from ..validation import check_choice, check_int, check_number, check_seed, check_size
from ._base import Explorer, html
from ._limits import log_decades, padded_limits

__all__ = ["UATResult", "random_steps", "compute", "error_vs_n", "UATNeuronsExplorer", "show",
           "SWEEP_N"]

#: the N values of the error-vs-N curve
SWEEP_N = (1, 2, 4, 8, 16, 32)
MAX_HIDDEN = 200
_SWEEPS = {}  # arguments -> error_vs_n(...); training is seeded, so remembering is safe


@dataclass
class UATResult:
    """One trained network.

    x, y : (m,) the training grid on [0, 1] and the target there
    fit : (m,) the trained network's output (float64, from ``to_mlp()``)
    loss : (steps,) mean squared error before each step
    rmse, max_error : √mean (fit − y)², max |fit − y|
    positions : (N,) where each unit's transition sits, p_j = −b_j / w_j
    params : [(W1 (1, N), b1 (N,)), (W2 (N, 1), b2 (1,))] float64
    seconds : training time
    sweep : (ns, rmse) of ``error_vs_n`` for this target and activation, when the
            explorer drew it (None from ``compute``)
    """

    n_hidden: int
    target: str
    activation: str
    x: np.ndarray
    y: np.ndarray
    fit: np.ndarray
    loss: np.ndarray
    rmse: float
    max_error: float
    positions: np.ndarray
    params: list
    seconds: float
    diverged: bool
    sweep: tuple | None = None

    def to_mlp(self):
        """The trained weights as an ``MLP`` (identity output)."""
        return MLP.from_params(self.params, activation=self.activation, output="identity")


def random_steps(N, rng):
    """Initial weights of a 1-N-1 net whose hidden units are random steps on [0, 1].

    Unit j computes h(w_j (x − p_j)): position p_j uniform in [0, 1], slope w_j of
    random sign and size about 2N (a transition about 1/N wide), so b_j = −w_j p_j;
    output weights small, N(0, 0.01·2/(N + 1)).

    Returns
    -------
    params : [(W1 (1, N), b1 (N,)), (W2 (N, 1), b2 (1,))]
    """
    slope = rng.choice([-1.0, 1.0], N) * rng.uniform(0.5, 1.5, N) * 2.0 * N
    position = rng.uniform(0.0, 1.0, N)
    W2 = rng.standard_normal(N) * 0.1 * np.sqrt(2.0 / (N + 1))
    return [(slope[None, :], -slope * position), (W2[:, None], np.zeros(1))]


def compute(n_hidden=8, target="wiggly", activation="tanh", steps=2000, n_points=200, seed=0,
            lr=0.01):
    """Train a 1-N-1 network on ``target`` and report how well it fits.

    Parameters
    ----------
    n_hidden : int, N hidden units (1..200)
    target : name in ``mlplab.data.TARGETS``
    activation : name in ``ACTIVATIONS`` for the hidden layer
    steps : int from 1 to 100,000, full-batch Adam steps
    n_points : int from 2 to 100,000, evenly spaced training points on [0, 1]
    seed : int ≥ 0, for the random initialisation (``random_steps``)
    lr : float in (0, 1000], Adam's learning rate λ

    Returns
    -------
    UATResult
    """
    N = check_int(n_hidden, "n_hidden", 1, MAX_HIDDEN, example=8)
    f = target_function(check_choice(target, "target", TARGETS))
    activation = check_choice(activation, "activation", ACTIVATIONS)
    steps = check_int(steps, "steps", 1, 100_000, example=2000)
    n_points = check_int(n_points, "n_points", 2, 100_000, example=200)
    check_size(steps * n_points * N, f"{steps} steps on {n_points} points with {N} units",
               limit=2 * 10**9)
    lr = check_number(lr, "lr", 0.0, 1e3, lo_open=True, example=0.01)
    rng = np.random.default_rng(check_seed(seed))
    x = np.linspace(0.0, 1.0, n_points)
    y = f(x)
    model = MLP.from_params(random_steps(N, rng), activation=activation, output="identity")
    start = time.perf_counter()
    loss = fast.adam_one_hidden(model, x[:, None], y[:, None], lr=lr, steps=steps)
    seconds = time.perf_counter() - start
    params = model.params
    diverged = len(loss) < steps or not all(np.all(np.isfinite(a)) for p in params for a in p)
    if diverged:
        nan = np.full_like(y, np.nan)
        return UATResult(N, target, activation, x, y, nan, loss, np.inf, np.inf,
                         np.full(N, np.nan), params, seconds, True)
    fit = model.predict(x[:, None]).ravel()
    err = fit - y
    W1, b1 = params[0]
    with np.errstate(divide="ignore", invalid="ignore"):
        positions = -b1 / W1[0]
    return UATResult(
        n_hidden=N, target=target, activation=activation, x=x, y=y, fit=fit, loss=loss,
        rmse=float(np.sqrt(np.mean(err**2))), max_error=float(np.max(np.abs(err))),
        positions=positions, params=params, seconds=seconds, diverged=False,
    )


def error_vs_n(ns=SWEEP_N, target="wiggly", activation="tanh", steps=2000, n_points=200, seed=0):
    """Train one network per N in ``ns``; returns (ns (k,), rmse (k,), max_error (k,)).

    Training is seeded, so the answer for the same arguments is remembered (and
    returned as fresh copies).
    """
    if isinstance(ns, (str, bytes)) or not hasattr(ns, "__len__") or not 1 <= len(ns) <= 20:
        raise TypeError(f"ns must be a list of 1 to 20 unit counts like [1, 2, 4, 8], got {ns!r}.")
    ns = tuple(check_int(N, "every N in ns", 1, MAX_HIDDEN, example=8) for N in ns)
    key = (ns, target, activation, steps, n_points, seed)
    if key not in _SWEEPS:
        results = [compute(N, target, activation, steps, n_points, seed) for N in key[0]]
        _SWEEPS[key] = (np.array([r.n_hidden for r in results]), np.array([r.rmse for r in results]),
                        np.array([r.max_error for r in results]))
    return tuple(a.copy() for a in _SWEEPS[key])


READOUT = Text(
    "<b>N = {N}</b> {act} units ({params} parameters) on '{target}': RMS error <b>{rmse:.4f}</b>, "
    "max error <b>{max_err:.4f}</b> after {steps} full-batch steps ({ms:.0f} ms). {shown}",
    "{act} 유닛 <b>N = {N}</b>개 (파라미터 {params}개), 목표 함수 '{target}': RMS 오차 "
    "<b>{rmse:.4f}</b>, 최대 오차 <b>{max_err:.4f}</b> (전체 배치로 {steps}스텝, {ms:.0f} ms). {shown}",
)
SHOWN = Text("{inside} of the {N} transitions −b/w lie in [0, 1] (ticks at the bottom).",
             "전이 위치 −b/w {N}개 중 {inside}개가 [0, 1] 안에 있습니다 (아래쪽 눈금).")
DIVERGED = Text("<b>N = {N}</b>: training diverged (the loss overflowed); lower the learning rate.",
                "<b>N = {N}</b>: 학습이 발산했습니다 (손실이 넘쳤습니다). 학습률을 낮추세요.")


class UATNeuronsExplorer(Explorer):
    """N hidden units, target, activation → the trained fit and the error vs N."""

    figsize = (9.0, 3.6)
    busy_text = Text("<i>training…</i>", "<i>학습 중…</i>")

    def compute(self, n_hidden, target, activation):
        """The trained net, with the error-vs-N sweep of its target and activation."""
        r = compute(n_hidden, target, activation)
        ns, rmse, _ = error_vs_n(SWEEP_N, target, activation)
        return dataclasses.replace(r, sweep=(ns, rmse))

    def defaults(self):
        return {"n_hidden": 8, "target": "wiggly", "activation": "tanh"}

    def controls(self):
        import ipywidgets as widgets

        return {
            "n_hidden": widgets.IntSlider(min=1, max=50, description="N hidden",
                                          continuous_update=False),
            "target": widgets.Dropdown(options=sorted(TARGETS), description="target"),
            "activation": widgets.Dropdown(options=[a for a in ACTIVATIONS if a != "identity"]
                                           + ["identity"], description="activation"),
        }

    def build(self, fig):
        self.ax_f, self.ax_e = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1.5, 1]})
        fig.subplots_adjust(left=0.07, right=0.98, bottom=0.15, top=0.88, wspace=0.25)
        (self.target_line,) = self.ax_f.plot([], [], "k--", lw=1.2, label="target")
        (self.fit_line,) = self.ax_f.plot([], [], "C1-", lw=2, label="trained net")
        (self.rug,) = self.ax_f.plot([], [], "|", color="C0", ms=10, mew=1.5,
                                     label="unit positions −b/w")
        self.ax_f.set_xlim(0, 1)
        self.ax_f.set_xlabel("x")
        self.ax_f.legend(loc="upper left", fontsize=8)
        (self.sweep_line,) = self.ax_e.loglog([], [], "C0o-", ms=4, label="RMS error")
        (self.mark,) = self.ax_e.plot([], [], "o", ms=11, mfc="none", mec="C3", mew=2,
                                      label="this N")
        self.ax_e.set_xlim(0.7, 70)
        self.ax_e.set_xlabel("hidden units N")
        self.ax_e.set_ylabel("RMS error")
        self.ax_e.set_title("error vs N (log-log)", fontsize=10)
        self.ax_e.legend(loc="lower left", fontsize=8)

    def draw(self, r):
        ns, rmse = r.sweep
        self.target_line.set_data(r.x, r.y)
        self.fit_line.set_data(r.x, r.fit)
        lo, hi = padded_limits(np.r_[r.y, r.fit], pad=0.25, top_pad=0.1)
        self.ax_f.set_ylim(lo, hi)
        inside = r.positions[(r.positions >= 0) & (r.positions <= 1)]
        self.rug.set_data(inside, np.full(inside.size, lo + 0.04 * (hi - lo)))
        self.ax_f.set_title(f"1-{r.n_hidden}-1 net, {r.activation}: {inside.size} of "
                            f"{r.n_hidden} transitions in [0, 1]", fontsize=10)
        self.sweep_line.set_data(ns, rmse)
        self.mark.set_data([r.n_hidden], [r.rmse] if np.isfinite(r.rmse) else [np.nan])
        self.ax_e.set_ylim(*log_decades(np.r_[rmse, r.rmse], margin=2.0))
        if r.diverged:
            return html(DIVERGED, N=r.n_hidden)
        return html(READOUT, N=r.n_hidden, act=r.activation, params=3 * r.n_hidden + 1,
                    target=r.target, rmse=r.rmse, max_err=r.max_error, steps=r.loss.size,
                    ms=1000 * r.seconds, shown=html(SHOWN, inside=inside.size, N=r.n_hidden))


def show(**values):
    """The universal-approximation explorer (displays itself as a widget in Jupyter)."""
    return UATNeuronsExplorer(**values)
