"""Loss functions: mean squared error and cross-entropy (with gradients)."""

from __future__ import annotations

import functools

import numpy as np

from ._validate import as_array, check_targets
from .softmax import _log_softmax

__all__ = ["mse", "mse_grad", "cross_entropy", "softmax_cross_entropy"]

_TINY = np.finfo(np.float64).tiny  # log(_TINY) ≈ -708: finite even for P = 0
# A row sum at least this large means the row's maximum is within ~41 of the
# batch maximum, so every probability that matters (> 1e-20) is computed in
# full precision even in float32.
_SAFE_ROW_SUM = 1e-18


def _check_pair(Yhat, Y):
    Yhat = as_array(Yhat, "Yhat", ndim=(1, 2))
    Y = as_array(Y, "Y", ndim=(1, 2))
    if Yhat.shape != Y.shape:
        raise ValueError(
            f"Yhat has shape {Yhat.shape} but Y has shape {Y.shape}; expected "
            "the same shape (one prediction per target). A (n,) vector and a "
            "(n, 1) column do not match: use y.reshape(-1, 1) or y.ravel()."
        )
    return Yhat, Y


def mse(Yhat, Y):
    """Mean squared error, averaged over every entry: Σ (ŷ - y)² / (n·k).

    Parameters
    ----------
    Yhat, Y : (n,) or (n, k) arrays of the same shape

    Returns
    -------
    loss : float
    """
    Yhat, Y = _check_pair(Yhat, Y)
    return float(np.mean((Yhat - Y) ** 2))


def mse_grad(Yhat, Y):
    """Gradient of ``mse`` with respect to Yhat: 2 (Ŷ - Y) / (n·k).

    Returns
    -------
    dYhat : same shape as Yhat
    """
    Yhat, Y = _check_pair(Yhat, Y)
    return 2.0 * (Yhat - Y) / Yhat.size


def cross_entropy(P, Y, from_logits=False):
    """Mean cross-entropy over rows: -(1/n) Σ_i Σ_j Y_ij log P_ij.

    Parameters
    ----------
    P : (n, k) array of probabilities (rows of a softmax), or raw scores when
        ``from_logits=True`` (then log-softmax is applied stably)
    Y : (n, k) one-hot (or probability) rows, or (n,) integer labels

    Returns
    -------
    loss : float, ≥ 0 and finite (log P is floored at log(2.2e-308) ≈ -708)
    """
    P = as_array(P, "P", ndim=2)
    Y = check_targets(Y, P.shape[0], P.shape[1], "Y")
    if from_logits:
        logP = _log_softmax(P)
    else:
        if P.min() < 0 or P.max() > 1:
            raise ValueError(
                f"P must hold probabilities in [0, 1], got values from "
                f"{P.min():.3g} to {P.max():.3g}. Apply softmax first, or pass "
                "from_logits=True for raw scores."
            )
        logP = np.log(np.maximum(P, _TINY))
    return float(-np.sum(Y * logP) / P.shape[0])


def softmax_cross_entropy(logits, Y):
    """Softmax followed by cross-entropy, fused, with its gradient.

    L = -(1/n) Σ_i log softmax(o_i)[y_i];  ∂L/∂O = (softmax(O) - Y) / n.

    Parameters
    ----------
    logits : (n, k) array of scores O
    Y : (n,) integer labels or (n, k) one-hot rows

    Returns
    -------
    loss : float
    dlogits : (n, k) array
    """
    O = as_array(logits, "logits", ndim=2)
    Y = check_targets(Y, O.shape[0], O.shape[1], "Y")
    return _softmax_cross_entropy(O, Y)


@functools.lru_cache(maxsize=32)
def _ones(n, dtype):
    """A read-only vector of n ones, cached: sums as products (E·1, 1ᵀδ) need one
    every step, and np.ones costs more than the product itself on small arrays."""
    ones = np.ones(n, dtype=dtype)
    ones.flags.writeable = False
    return ones


def _softmax_cross_entropy(O, Y):
    """Unchecked kernel. Y: (n, k) target rows or (n,) int labels (faster)."""
    n, k = O.shape
    ones = _ones(k, O.dtype)
    # Softmax is shift invariant, so any per-row shift gives the same result;
    # shifting by the largest score keeps exp from overflowing. One shift for
    # the whole batch (the largest score overall) is much cheaper than each
    # row's own maximum when there are few classes. It is only unsafe if a whole
    # row lies far below it (its exp would underflow): then shift row by row.
    Z = O - O.max()
    E = np.exp(Z)
    S = E.dot(ones)  # row sums S_i = Σ_j E_ij, as the product E·1 (faster than E.sum(axis=1))
    if not S.min() >= _SAFE_ROW_SUM:  # also catches NaN
        Z = O - O.max(axis=1, keepdims=True)
        E = np.exp(Z)
        S = E.dot(ones)
    # log p_ij = z_ij - log S_i
    if Y.ndim == 1:
        true = np.arange(0, n * k, k) + Y  # flat positions of the true-class entries Z[i, y_i]
        loss = float((np.log(S) - Z.ravel()[true]).sum()) / n
        E /= S[:, None]
        E.ravel()[true] -= 1.0
    else:
        loss = float((Y * (np.log(S)[:, None] - Z)).sum()) / n
        E /= S[:, None]
        E -= Y
    E /= n
    return loss, E
