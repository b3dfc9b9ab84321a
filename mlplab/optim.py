"""Optimisers: gradient descent on a function, and mini-batch SGD for an MLP."""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field

import numpy as np

from ._validate import as_array, as_rng, check_positive, check_same_rows

__all__ = ["gradient_descent", "minibatches", "sgd", "History"]


def gradient_descent(grad_fn, x0, lr, steps):
    """Run x ← x - λ ∇f(x) for ``steps`` steps and return the path.

    Parameters
    ----------
    grad_fn : callable, x (same shape as x0) -> gradient (same shape)
    x0 : float or (d,) array, the start
    lr : float > 0, the learning rate λ
    steps : int ≥ 0

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
    steps = check_positive(steps, "steps", integer=True, allow_zero=True)
    path = [x.copy()]
    with np.errstate(over="ignore", invalid="ignore"):
        for _ in range(steps):
            g = np.asarray(grad_fn(x), dtype=np.float64)
            if g.shape != x.shape:
                raise ValueError(
                    f"grad_fn returned shape {g.shape} for x of shape {x.shape}; "
                    "expected the gradient to have the same shape as x."
                )
            x = x - lr * g
            if not np.all(np.isfinite(x)):
                break
            path.append(x.copy())
    return np.array(path)


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
    """What ``sgd`` recorded.

    step_loss : loss of each mini-batch, in order (len = steps)
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


def _evaluate(model, X, Y):
    """Loss, accuracy (None for regression) and the forward pass (out, cache) itself."""
    forward = model._forward(X, probs=False)  # raw scores: the loss applies softmax
    out = forward[0]
    loss = model._loss_from_scores(out, Y)
    if model.output != "softmax":
        return loss, None, forward
    y = Y if Y.ndim == 1 else np.argmax(Y, axis=1)
    # softmax keeps the order of the scores, so their argmax is the predicted label
    return loss, float(np.mean(np.argmax(out, axis=1) == y)), forward


def _sgd_step(model, X, Y, lr, forward=None):
    """One unchecked SGD step on a batch (the inner loop of ``sgd``); returns its loss.

    X, Y must already be checked (``model._check_X`` / ``model._check_Y``);
    ``forward`` is ``model._forward(X, probs=False)`` if the caller already has it.
    benchmarks/bench_training.py times exactly this function.
    """
    # steps = the gradients of λ·L, i.e. λ ∂L/∂W and λ ∂L/∂b (λ applied once, to δ⁽ᴸ⁾)
    loss, steps = model._loss_and_grads(X, Y, forward, scale=lr)
    for (W, b), (lr_dW, lr_db) in zip(model.params, steps):
        W -= lr_dW  # W ← W - λ ∂L/∂W
        b -= lr_db
    return loss


def sgd(model, X, Y, lr, batch_size, epochs, seed=0, X_val=None, Y_val=None, callback=None):
    """Train ``model`` in place with mini-batch stochastic gradient descent.

    For each epoch: shuffle, then for each mini-batch B
    W ← W - λ ∂L_B/∂W and b ← b - λ ∂L_B/∂b, with L_B the mean loss over B.
    ``batch_size >= n`` gives full-batch gradient descent.

    Parameters
    ----------
    model : MLP
    X : (n, d_0) array; Y : (n,) int labels / (n, k) one-hot, or (n, k) targets
    lr : float > 0; batch_size : int > 0; epochs : int ≥ 0; seed : int
    X_val, Y_val : optional validation set, evaluated after each epoch
    callback : optional callable(epoch, history) run after each epoch;
               returning True stops training early

    Returns
    -------
    History
    """
    if not hasattr(model, "_loss_and_grads"):
        raise TypeError(
            f"model must be an mlplab MLP, got {type(model).__name__}. "
            "Create one with MLP([d_in, hidden, d_out])."
        )
    X = model._check_X(X)
    Y = model._check_Y(Y, X.shape[0])
    check_same_rows(X, Y, "X", "Y")
    lr = check_positive(lr, "lr")
    batch_size = check_positive(batch_size, "batch_size", integer=True)
    epochs = check_positive(epochs, "epochs", integer=True, allow_zero=True)
    if (X_val is None) != (Y_val is None):
        raise ValueError("pass both X_val and Y_val, or neither.")
    if X_val is not None:
        X_val = model._check_X(X_val)
        Y_val = model._check_Y(Y_val, X_val.shape[0])
    rng = as_rng(seed, "seed")
    hist = History()
    start = time.perf_counter()
    n = X.shape[0]
    full_batch = batch_size >= n
    # Full batch (and no callback that might touch the weights): the end-of-epoch
    # evaluation is the very forward pass the next step needs (same X, same
    # weights), so the step reuses it instead of computing it again.
    reuse_forward = full_batch and callback is None
    forward = None
    for epoch in range(epochs):
        batches = [slice(None)] if full_batch else minibatches(n, batch_size, rng)
        # a too-large learning rate overflows: we record that (diverged), not warn
        with np.errstate(over="ignore", invalid="ignore"):
            for idx in batches:
                hist.step_loss.append(_sgd_step(model, X[idx], Y[idx], lr, forward))
            if not math.isfinite(hist.step_loss[-1]):
                hist.diverged = True  # the learning rate is too large: stop, keep the record
                break
            loss, acc, forward = _evaluate(model, X, Y)
            if X_val is not None:
                vloss, vacc, _ = _evaluate(model, X_val, Y_val)
        if not reuse_forward:
            forward = None
        hist.epoch_loss.append(loss)
        if acc is not None:
            hist.epoch_accuracy.append(acc)
        if X_val is not None:
            hist.val_loss.append(vloss)
            if vacc is not None:
                hist.val_accuracy.append(vacc)
        if callback is not None and callback(epoch, hist):
            break
    hist.seconds = time.perf_counter() - start
    return hist
