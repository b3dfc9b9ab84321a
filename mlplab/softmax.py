"""Softmax: turning a row of scores into probabilities, and back to labels."""

from __future__ import annotations

import numbers

import numpy as np

from .validation import as_array, check_labels, check_size

__all__ = ["softmax", "log_softmax", "one_hot", "predict_labels", "softmax_rows", "log_softmax_rows"]


def _check_axis(O, axis):
    if not isinstance(axis, numbers.Integral) or not -O.ndim <= axis < O.ndim:
        raise ValueError(
            f"axis={axis!r} is out of range for an array of shape {O.shape}; "
            "use axis=-1 (the default) to normalise each row."
        )


def softmax_rows(O, axis=-1):
    """``softmax`` without input checks (for callers that checked O already)."""
    E = np.exp(O - O.max(axis=axis, keepdims=True))  # largest score becomes 0: no overflow
    return E / E.sum(axis=axis, keepdims=True)


def log_softmax_rows(O, axis=-1):
    """``log_softmax`` without input checks (for callers that checked O already)."""
    Z = O - O.max(axis=axis, keepdims=True)
    return Z - np.log(np.exp(Z).sum(axis=axis, keepdims=True))


def softmax(O, axis=-1):
    """Softmax along ``axis``: p_j = exp(o_j) / Σ_k exp(o_k).

    Stable: the row maximum is subtracted first (softmax is shift invariant),
    so scores of ±1e4 stay finite.

    Parameters
    ----------
    O : (n, k) array of scores (any rank; each slice along ``axis`` is normalised)

    Returns
    -------
    P : same shape as O; entries in [0, 1], summing to 1 along ``axis``
    """
    O = as_array(O, "O", ndim=(1, 2, 3))
    _check_axis(O, axis)
    return softmax_rows(O, axis)


def log_softmax(O, axis=-1):
    """log softmax(O) by the log-sum-exp trick: o_j - m - log Σ_k exp(o_k - m).

    Parameters
    ----------
    O : (n, k) array of scores

    Returns
    -------
    logP : same shape as O; every entry ≤ 0 and finite for finite O
    """
    O = as_array(O, "O", ndim=(1, 2, 3))
    _check_axis(O, axis)
    return log_softmax_rows(O, axis)


def one_hot(y, k):
    """Encode integer labels as one-hot rows.

    Parameters
    ----------
    y : (n,) int array with values in 0..k-1
    k : int, the number of classes

    Returns
    -------
    Y : (n, k) float array, Y[i, y[i]] = 1 and 0 elsewhere
    """
    if isinstance(k, bool) or not isinstance(k, numbers.Integral) or k < 1:
        raise ValueError(f"k must be a positive int (number of classes), got {k!r}.")
    y = check_labels(y, k, "y")
    check_size(y.shape[0] * int(k), f"one-hot rows of shape ({y.shape[0]}, {k})")
    Y = np.zeros((y.shape[0], int(k)))
    Y[np.arange(y.shape[0]), y] = 1.0
    return Y


def predict_labels(P):
    """The predicted class of each row: argmax_j P[i, j].

    Parameters
    ----------
    P : (n, k) array of probabilities or scores (argmax is the same for both)

    Returns
    -------
    y_hat : (n,) int array
    """
    P = as_array(P, "P", ndim=2)
    return np.argmax(P, axis=1)
