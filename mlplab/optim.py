"""Optimisers: every training loop of mlplab lives here.

- ``gradient_descent(grad_fn, x0, lr, steps)``: x ← x − λ ∇f(x) on a function.
- ``sgd(model, X, Y, lr, batch_size, epochs)``: mini-batch stochastic gradient
  descent, W ← W − λ ∂𝓛_B/∂W for each shuffled mini-batch B.
- ``adam(model, X, Y, lr, steps)``: Adam, gradient descent with running averages
  of the gradient and of its square.

Each takes a callback, through which explorers and lessons record what they
show (a path, a loss curve) or stop early. A model is an ``MLP`` (trained
through ``mlplab.fast``) or any object with ``params`` (a list of tuples of
arrays, updated in place), ``check_inputs(X, Y)`` and ``loss_and_grads(X, Y)``,
such as ``mlplab.linear.LinearRegression``.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field

import numpy as np

from . import fast
from .i18n import say
from .validation import as_array, as_rng, check_number, check_positive, check_same_rows, check_steps

__all__ = ["gradient_descent", "minibatches", "sgd", "adam", "History"]


def _check_callback(callback, name="callback"):
    if callback is not None and not callable(callback):
        raise TypeError(f"{name} must be a function (or None), got {type(callback).__name__}.")
    return callback


def gradient_descent(grad_fn, x0, lr, steps, callback=None):
    """Run x ← x − λ ∇f(x) for ``steps`` steps and return the path.

    Parameters
    ----------
    grad_fn : callable, x (same shape as x0) -> gradient (same shape)
    x0 : float or (d,) array, the start
    lr : float > 0, the learning rate λ
    steps : int ≥ 0
    callback : optional callable(t, x) after step t (x is a copy); returning
               True stops early

    Returns
    -------
    path : (steps + 1,) for scalar x0, else (steps + 1, d); path[0] = x0.
        If the iterates overflow (a divergent learning rate) the path stops at
        the last finite point, so it can be shorter.
    """
    if not callable(grad_fn):
        raise TypeError(f"grad_fn must be callable, got {type(grad_fn).__name__}.")
    x = as_array(x0, "x0", ndim=(0, 1)).astype(np.float64)
    lr = check_positive(lr, "lr")
    steps = check_steps(steps)
    _check_callback(callback)
    path = [x.copy()]
    with np.errstate(over="ignore", invalid="ignore"):
        for t in range(1, steps + 1):
            g = _gradient(grad_fn, x, t)
            if np.isnan(g).any():
                if np.max(np.abs(x)) < 1e100:  # not an overflow of a diverging run
                    raise ValueError(
                        f"grad_fn returned NaN at step {t} (x = {x}); expected finite numbers. "
                        "Check the formula and that x stays in its domain."
                    )
                break
            x = x - lr * g
            if not np.all(np.isfinite(x)):
                break
            path.append(x.copy())
            if callback is not None and callback(t, x.copy()):
                break
    return np.array(path)


def _gradient(grad_fn, x, t):
    g = grad_fn(x.copy())
    if g is None:
        raise TypeError(say("your gradient function returned None — did you forget `return`?",
                            "그레디언트 함수가 None을 돌려주었습니다 — `return`을 빠뜨렸나요?"))
    try:
        g = np.asarray(g)
    except Exception:
        raise TypeError(f"grad_fn returned {type(g).__name__}; expected a number or an array "
                        "shaped like x.") from None
    if g.dtype.kind == "c":
        raise TypeError(f"grad_fn returned a complex value at step {t}; expected real numbers "
                        "(did a square root or power of a negative number slip in?).")
    if g.dtype.kind not in "biuf":
        raise TypeError(f"grad_fn returned dtype {g.dtype}; expected real numbers.")
    if g.shape != x.shape:
        raise ValueError(
            f"grad_fn returned shape {g.shape} for x of shape {x.shape}; "
            "expected the gradient to have the same shape as x."
        )
    return g.astype(np.float64)


def minibatches(n, batch_size, rng):
    """A shuffled partition of range(n) into batches (the last may be smaller).

    Parameters
    ----------
    n : int > 0, number of samples
    batch_size : int > 0
    rng : numpy.random.Generator (or an int seed)

    Returns
    -------
    batches : list of int arrays; together they hold every index once
    """
    n = check_positive(n, "n", integer=True)
    batch_size = check_positive(batch_size, "batch_size", integer=True)
    order = as_rng(rng).permutation(n)
    return [order[i:i + batch_size] for i in range(0, n, batch_size)]


@dataclass
class History:
    """What ``sgd`` and ``adam`` recorded.

    step_loss : loss of each update's batch, in order (len = number of updates)
    epoch_loss, epoch_accuracy : on the whole training set after each epoch
    val_loss, val_accuracy : on the validation set, if one was given
    (accuracies are empty for regression)
    diverged : True if the loss overflowed (learning rate too large); training
               stopped there
    """

    step_loss: list = field(default_factory=list)
    epoch_loss: list = field(default_factory=list)
    epoch_accuracy: list = field(default_factory=list)
    val_loss: list = field(default_factory=list)
    val_accuracy: list = field(default_factory=list)
    seconds: float = 0.0
    diverged: bool = False

    def __repr__(self):
        last = lambda v: f"{v[-1]:.4g}" if v else "-"  # noqa: E731
        return (f"History(steps={len(self.step_loss)}, epochs={len(self.epoch_loss)}, "
                f"loss={last(self.epoch_loss)}, accuracy={last(self.epoch_accuracy)}, "
                f"val_accuracy={last(self.val_accuracy)}, seconds={self.seconds:.3f})")


def _is_mlp(model):
    from .mlp import MLP

    return isinstance(model, MLP)


def _check_model(model, Y=0):
    if Y is None:
        raise ValueError("Y is missing; expected the targets of X (labels (n,) or rows (n, k)).")
    if not (hasattr(model, "params") and callable(getattr(model, "loss_and_grads", None))
            and callable(getattr(model, "check_inputs", None))):
        raise TypeError(
            f"model must be an mlplab model such as MLP([d_in, hidden, d_out]) (anything with "
            f"params, check_inputs and loss_and_grads), got {type(model).__name__}."
        )


def _evaluate(model, X, Y):
    """(loss, accuracy or None, forward pass or None) on a checked set."""
    if _is_mlp(model):
        return fast.evaluate(model, X, Y)
    return model.loss_and_grads(X, Y)[0], None, None


def _step(model, X, Y, lr, forward_pass=None):
    """One plain gradient step on a checked batch; returns the batch loss."""
    if _is_mlp(model):
        return fast.sgd_step(model, X, Y, lr, forward_pass)
    loss, grads = model.loss_and_grads(X, Y)
    for group, grad_group in zip(model.params, grads):
        for p, g in zip(group, grad_group):
            p -= lr * g
    return loss


def _check_validation(model, X_val, Y_val):
    if (X_val is None) != (Y_val is None):
        raise ValueError("X_val and Y_val go together: expected both (a validation set) or neither.")
    return model.check_inputs(X_val, Y_val) if X_val is not None else (None, None)


def sgd(model, X, Y, lr, batch_size, epochs, seed=0, X_val=None, Y_val=None, callback=None,
        on_step=None):
    """Train ``model`` in place with mini-batch stochastic gradient descent.

    For each epoch: shuffle, then for each mini-batch B
    W ← W - λ ∂𝓛_B/∂W and b ← b - λ ∂𝓛_B/∂b, with 𝓛_B the mean loss over B.
    ``batch_size >= n`` gives full-batch gradient descent.

    Parameters
    ----------
    model : MLP (or another mlplab model, see the module docstring)
    X : (n, d_0) array; Y : (n,) int labels / (n, k) one-hot, or (n, k) targets
    lr : float > 0; batch_size : int > 0; epochs : int ≥ 0; seed : int
    X_val, Y_val : optional validation set, evaluated after each epoch
    callback : optional callable(epoch, history) after each epoch;
               returning True stops training early
    on_step : optional callable(step, loss) after each update (step counts from 1),
              e.g. to record the parameters' path; returning True stops

    Returns
    -------
    History
    """
    _check_model(model, Y)
    X, Y = model.check_inputs(X, Y)
    check_same_rows(X, Y, "X", "Y")
    lr = check_positive(lr, "lr")
    batch_size = check_positive(batch_size, "batch_size", integer=True)
    epochs = check_steps(epochs, "epochs")
    X_val, Y_val = _check_validation(model, X_val, Y_val)
    _check_callback(callback)
    _check_callback(on_step, "on_step")
    rng = as_rng(seed, "seed")
    hist = History()
    start = time.perf_counter()
    n = X.shape[0]
    full_batch = batch_size >= n
    # Full batch (and nothing that might touch the weights in between): the end-of-epoch
    # evaluation is the very forward pass the next step needs (mlplab.fast, trick 6).
    reuse = full_batch and callback is None and on_step is None and _is_mlp(model)
    forward_pass, stop = None, False
    for epoch in range(epochs):
        batches = [slice(None)] if full_batch else minibatches(n, batch_size, rng)
        # a too-large learning rate overflows: we record that (diverged), not warn
        with np.errstate(over="ignore", invalid="ignore"):
            for idx in batches:
                loss = _step(model, X[idx], Y[idx], lr, forward_pass)
                hist.step_loss.append(loss)
                if on_step is not None and on_step(len(hist.step_loss), loss):
                    stop = True
                    break
                if not math.isfinite(loss):
                    break
            if not math.isfinite(hist.step_loss[-1]):
                hist.diverged = True  # the learning rate is too large: stop, keep the record
                break
            loss, acc, forward_pass = _evaluate(model, X, Y)
            if X_val is not None:
                vloss, vacc, _ = _evaluate(model, X_val, Y_val)
        if not reuse:
            forward_pass = None
        hist.epoch_loss.append(loss)
        if acc is not None:
            hist.epoch_accuracy.append(acc)
        if X_val is not None:
            hist.val_loss.append(vloss)
            if vacc is not None:
                hist.val_accuracy.append(vacc)
        if stop or (callback is not None and callback(epoch, hist)):
            break
    hist.seconds = time.perf_counter() - start
    return hist


def adam(model, X, Y, lr=0.01, steps=1000, batch_size=None, beta1=0.9, beta2=0.999, eps=1e-8,
         seed=0, callback=None):
    """Train ``model`` in place with Adam (Kingma & Ba, 2015).

    With g = ∂𝓛_B/∂θ for each parameter θ and t = 1, 2, ...:
    m ← β₁m + (1 − β₁)g,  v ← β₂v + (1 − β₂)g²,
    θ ← θ − λ m̂ / (√v̂ + ε)  with m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ).
    Each parameter gets its own step size: large where gradients are small and
    steady, small where they are large or noisy.

    Parameters
    ----------
    model, X, Y : as for ``sgd``
    lr : float > 0, λ; steps : number of updates
    batch_size : None for full-batch updates, else shuffled mini-batches
    beta1, beta2 : in [0, 1); eps : > 0
    callback : optional callable(step, history) after each update; True stops

    Returns
    -------
    History (step_loss per update; epoch_loss once at the end, on the whole set)
    """
    _check_model(model, Y)
    X, Y = model.check_inputs(X, Y)
    check_same_rows(X, Y, "X", "Y")
    lr = check_positive(lr, "lr")
    steps = check_steps(steps)
    beta1 = check_number(beta1, "beta1", 0.0, 1.0)
    beta2 = check_number(beta2, "beta2", 0.0, 1.0)
    if beta1 >= 1.0 or beta2 >= 1.0:
        raise ValueError(f"beta1 and beta2 must be < 1, got {beta1}, {beta2}; 0.9 and 0.999 are usual.")
    eps = check_positive(eps, "eps")
    _check_callback(callback)
    n = X.shape[0]
    if batch_size is not None:
        batch_size = check_positive(batch_size, "batch_size", integer=True)
    rng = as_rng(seed, "seed")
    m = [tuple(np.zeros_like(p) for p in group) for group in model.params]
    v = [tuple(np.zeros_like(p) for p in group) for group in model.params]
    hist = History()
    start = time.perf_counter()
    batches = []
    with np.errstate(over="ignore", invalid="ignore"):
        for t in range(1, steps + 1):
            if batch_size is None or batch_size >= n:
                idx = slice(None)
            else:
                if not batches:
                    batches = minibatches(n, batch_size, rng)
                idx = batches.pop(0)
            loss, grads = _loss_and_grads(model, X[idx], Y[idx])
            hist.step_loss.append(loss)
            if not math.isfinite(loss):
                hist.diverged = True
                break
            for group, grad_group, m_group, v_group in zip(model.params, grads, m, v):
                for p, g, m_p, v_p in zip(group, grad_group, m_group, v_group):
                    m_p *= beta1
                    m_p += (1 - beta1) * g                           # m ← β₁m + (1 − β₁)g
                    v_p *= beta2
                    v_p += (1 - beta2) * g * g                       # v ← β₂v + (1 − β₂)g²
                    m_hat = m_p / (1 - beta1**t)
                    v_hat = v_p / (1 - beta2**t)
                    p -= lr * m_hat / (np.sqrt(v_hat) + eps)         # θ ← θ − λ m̂/(√v̂ + ε)
            if callback is not None and callback(t, hist):
                break
        if not hist.diverged:
            loss, acc, _ = _evaluate(model, X, Y)
            hist.epoch_loss.append(loss)
            if acc is not None:
                hist.epoch_accuracy.append(acc)
    hist.seconds = time.perf_counter() - start
    return hist


def _loss_and_grads(model, X, Y):
    """Loss and gradients on a checked batch."""
    if _is_mlp(model):
        return fast.loss_and_grads(model, X, Y)
    return model.loss_and_grads(X, Y)
