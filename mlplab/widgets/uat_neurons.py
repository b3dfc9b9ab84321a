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

Speed: the loop is written out for this one network, in float32 (NumPy's
float32 tanh is several times faster than float64 on x86), with every array
preallocated and the four parameter blocks stored as views of one flat vector,
so the Adam update is a handful of array operations per step. The final fit is
evaluated in float64 by an ``mlplab.MLP`` built from the trained weights.
"""

from __future__ import annotations

import numbers
import time
from dataclasses import dataclass

import numpy as np

from ..activations import ACTIVATIONS, get_activation
from ..data import TARGETS, target_function
from ..mlp import MLP
from ..validation import check_positive
from ._legacy import Explorer

__all__ = ["UATResult", "compute", "error_vs_n", "UATNeuronsExplorer", "show", "SWEEP_N"]

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

    def to_mlp(self):
        """The trained weights as an ``MLP`` (identity output)."""
        return MLP.from_params(self.params, activation=self.activation, output="identity")


def _check_int(value, name, lo, hi, example):
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be an int, got {type(value).__name__} {value!r}.")
    if not lo <= value <= hi:
        raise ValueError(f"{name} must be between {lo} and {hi}, got {value}. Try {name}={example}.")
    return int(value)


def _train(x, y, N, activation, steps, lr, rng, dtype=np.float32):
    """Full-batch Adam on the MSE of x → h(x W1 + b1) W2 + b2; returns (params64, loss)."""
    n = x.size
    theta = np.zeros(3 * N + 1, dtype=dtype)         # [W1 | b1 | W2 | b2], one flat vector
    grad = np.zeros_like(theta)
    W1, b1, W2, b2 = theta[:N], theta[N:2 * N], theta[2 * N:3 * N], theta[3 * N:]
    gW1, gb1, gW2, gb2 = grad[:N], grad[N:2 * N], grad[2 * N:3 * N], grad[3 * N:]
    slope = rng.choice([-1.0, 1.0], N) * rng.uniform(0.5, 1.5, N) * 2.0 * N
    W1[:] = slope
    b1[:] = -slope * rng.uniform(0.0, 1.0, N)      # a random step at p = −b/w in [0, 1]
    W2[:] = rng.standard_normal(N) * 0.1 * np.sqrt(2.0 / (N + 1))

    X1 = np.stack([x, np.ones(n)], axis=1).astype(dtype)   # (n, 2): [x, 1], so Z = X1 @ [W1; b1]
    X1T = np.ascontiguousarray(X1.T)
    yy = y.astype(dtype)
    Wb = np.empty((2, N), dtype=dtype)
    Z = np.empty((n, N), dtype=dtype)
    H = np.empty((n, N), dtype=dtype)
    G = np.empty((2, N), dtype=dtype)
    out = np.empty(n, dtype=dtype)
    m, v, tmp = np.zeros_like(theta), np.zeros_like(theta), np.empty_like(theta)
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    scale = dtype(2.0 / n)
    loss = np.empty(steps)
    fast = activation in ("tanh", "sigmoid", "relu")
    if not fast:
        f, f_prime = get_activation(activation)

    with np.errstate(over="ignore", under="ignore", invalid="ignore"):
        for t in range(1, steps + 1):
            # forward: Z = x W1 + b1, H = h(Z), out = H W2 + b2
            Wb[0], Wb[1] = W1, b1
            np.matmul(X1, Wb, out=Z)
            if activation == "tanh":
                np.tanh(Z, out=H)
            elif activation == "sigmoid":
                np.negative(Z, out=H)
                np.exp(H, out=H)
                H += 1.0
                np.reciprocal(H, out=H)
            elif activation == "relu":
                np.maximum(Z, 0.0, out=H)
            else:
                H[...] = f(Z)
            np.matmul(H, W2, out=out)
            out += b2[0]
            out -= yy                                 # out is now the residual d = out − y
            loss[t - 1] = np.dot(out, out) / n
            out *= scale                              # ∂L/∂out = 2 d / n
            # backward: ∂W2 = Hᵀ δ, ∂b2 = Σ δ, δ_Z = h'(Z) ⊙ (δ W2ᵀ), [∂W1; ∂b1] = [x, 1]ᵀ δ_Z
            np.matmul(out, H, out=gW2)
            gb2[0] = out.sum()
            if activation == "tanh":
                np.multiply(H, H, out=Z)
                np.subtract(1.0, Z, out=Z)            # tanh' = 1 − tanh²
            elif activation == "sigmoid":
                np.subtract(1.0, H, out=Z)
                Z *= H                                # σ' = σ (1 − σ)
            elif activation == "relu":
                np.greater(Z, 0.0, out=Z)
            else:
                Z[...] = f_prime(Z)
            Z *= W2
            Z *= out[:, None]
            np.matmul(X1T, Z, out=G)
            gW1[:], gb1[:] = G[0], G[1]
            # Adam on the flat vector
            m *= beta1
            m += (1.0 - beta1) * grad
            np.multiply(grad, grad, out=tmp)
            tmp *= 1.0 - beta2
            v *= beta2
            v += tmp
            step = lr * np.sqrt(1.0 - beta2**t) / (1.0 - beta1**t)
            np.sqrt(v, out=tmp)
            tmp += eps
            np.divide(m, tmp, out=tmp)
            tmp *= step
            theta -= tmp
    params = [(W1.astype(np.float64)[None, :], b1.astype(np.float64)),
              (W2.astype(np.float64)[:, None], b2.astype(np.float64))]
    return params, loss


def compute(n_hidden=8, target="wiggly", activation="tanh", steps=2000, n_points=200, seed=0,
            lr=0.01):
    """Train a 1-N-1 network on ``target`` and report how well it fits.

    Parameters
    ----------
    n_hidden : int, N hidden units (1..200)
    target : name in ``mlplab.data.TARGETS``
    activation : name in ``ACTIVATIONS`` for the hidden layer
    steps : int, full-batch Adam steps
    n_points : int, evenly spaced training points on [0, 1]
    seed : int, for the random initialisation
    lr : float, Adam's learning rate λ

    Returns
    -------
    UATResult
    """
    N = _check_int(n_hidden, "n_hidden", 1, MAX_HIDDEN, 8)
    f = target_function(target)
    get_activation(activation)
    steps = _check_int(steps, "steps", 1, 10**6, 2000)
    n_points = _check_int(n_points, "n_points", 2, 10**6, 200)
    lr = check_positive(lr, "lr")
    rng = np.random.default_rng(seed)
    x = np.linspace(0.0, 1.0, n_points)
    y = f(x)
    start = time.perf_counter()
    params, loss = _train(x, y, N, activation, steps, lr, rng)
    seconds = time.perf_counter() - start
    diverged = not (np.all(np.isfinite(loss)) and all(np.all(np.isfinite(a)) for p in params for a in p))
    if diverged:
        nan = np.full_like(y, np.nan)
        return UATResult(N, target, activation, x, y, nan, loss, np.inf, np.inf,
                         np.full(N, np.nan), params, seconds, True)
    model = MLP.from_params(params, activation=activation, output="identity")
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
    key = (tuple(int(N) for N in ns), target, activation, steps, n_points, seed)
    if key not in _SWEEPS:
        results = [compute(N, target, activation, steps, n_points, seed) for N in key[0]]
        _SWEEPS[key] = (np.array([r.n_hidden for r in results]), np.array([r.rmse for r in results]),
                        np.array([r.max_error for r in results]))
    return tuple(a.copy() for a in _SWEEPS[key])


class UATNeuronsExplorer(Explorer):
    """N hidden units, target, activation → the trained fit and the error vs N."""

    figsize = (9.0, 3.6)

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

    def _build(self, fig):
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
        self.ax_e.set_xlabel("hidden units N")
        self.ax_e.set_ylabel("RMS error")
        self.ax_e.set_title("error vs N (log-log)", fontsize=10)
        self.ax_e.legend(loc="lower left", fontsize=8)

    def sweep(self, target, activation):
        """The error-vs-N curve for (target, activation) (trained once, then remembered)."""
        return error_vs_n(SWEEP_N, target, activation)

    def _update(self):
        v = self.values
        r = compute(v["n_hidden"], v["target"], v["activation"])
        self.result = r
        ns, rmse, _ = self.sweep(v["target"], v["activation"])
        self.target_line.set_data(r.x, r.y)
        self.fit_line.set_data(r.x, r.fit)
        lo, hi = float(np.min(r.y)), float(np.max(r.y))
        pad = 0.1 * (hi - lo + 1e-9)
        self.ax_f.set_ylim(lo - 2 * pad, hi + pad)
        inside = r.positions[(r.positions >= 0) & (r.positions <= 1)]
        self.rug.set_data(inside, np.full(inside.size, lo - 1.3 * pad))
        self.ax_f.set_title(f"1-{r.n_hidden}-1 net, {r.activation}, after {r.loss.size} Adam steps",
                            fontsize=10)
        ys = np.r_[rmse, r.rmse]
        ok = np.isfinite(ys) & (ys > 0)
        self.sweep_line.set_data(ns, rmse)
        self.mark.set_data([r.n_hidden], [r.rmse] if np.isfinite(r.rmse) else [np.nan])
        self.ax_e.set_xlim(0.7, 70)
        if ok.any():
            self.ax_e.set_ylim(ys[ok].min() / 2, ys[ok].max() * 2)
        if r.diverged:
            return f"<b>N = {r.n_hidden}</b>: training diverged (the loss overflowed)."
        return (
            f"<b>N = {r.n_hidden}</b> {r.activation} units ({3 * r.n_hidden + 1} parameters) on "
            f"'{r.target}': RMS error <b>{r.rmse:.4f}</b>, max error <b>{r.max_error:.4f}</b> "
            f"after {r.loss.size} full-batch steps ({1000 * r.seconds:.0f} ms)."
        )


def show(**values):
    """The universal-approximation explorer (displays itself as a widget in Jupyter)."""
    return UATNeuronsExplorer(**values)
