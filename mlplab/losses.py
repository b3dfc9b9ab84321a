"""Losses, and the output layers that pair an output function with its loss.

An MLP's last layer computes scores O = Z⁽ᴸ⁾. Its :class:`Output` says how the
scores become the network's output and which loss trains it, and gives the
start of backpropagation, δ⁽ᴸ⁾ = ∂𝓛/∂O, in one place:

=========  ================  =====================================  ===========================
output     out = f(O)        loss 𝓛 (a mean over the n samples)      δ⁽ᴸ⁾ = ∂𝓛/∂O
=========  ================  =====================================  ===========================
softmax    P = softmax(O)    −(1/n) Σᵢ Σⱼ Yᵢⱼ log Pᵢⱼ                 (P − Y) / n
sigmoid    Ẑ = σ(O)          (1/n) Σᵢ ½‖yᵢ − ẑᵢ‖²   (the lecture's)   (Ẑ − Y) ⊙ Ẑ(1 − Ẑ) / n
identity   O                 Σ (O − Y)² / (n·k)     (mean squared)   2 (O − Y) / (n·k)
=========  ================  =====================================  ===========================

The sigmoid row is the classifier of the fourth lecture note: sigmoid output
units trained with the squared error against one-hot targets.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .activations import SIGMOID
from .softmax import log_softmax_rows, softmax_rows
from .validation import as_array, check_bool, check_targets

__all__ = ["mse", "mse_grad", "cross_entropy", "softmax_cross_entropy", "Output", "OUTPUTS",
           "get_output"]

_TINY = np.finfo(np.float64).tiny  # log(_TINY) ≈ -708: finite even for P = 0
_SUM_TOL = 1e-6  # how far a row of probabilities may sum from 1 (rounding, float32)


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


def _check_probabilities(P):
    if P.min() < 0 or P.max() > 1:
        raise ValueError(
            f"P must hold probabilities in [0, 1], got values from {P.min():.3g} to "
            f"{P.max():.3g}. Apply softmax first, or pass from_logits=True for raw scores."
        )
    sums = P.sum(axis=1)
    if np.max(np.abs(sums - 1.0)) > _SUM_TOL * P.shape[1]:
        i = int(np.argmax(np.abs(sums - 1.0)))
        raise ValueError(
            f"every row of P must sum to 1 (a probability distribution), but row {i} sums "
            f"to {sums[i]:.6g}. Apply softmax over axis 1 (each row), or pass "
            "from_logits=True for raw scores."
        )


def cross_entropy(P, Y, from_logits=False):
    """Mean cross-entropy over rows: -(1/n) Σ_i Σ_j Y_ij log P_ij.

    Parameters
    ----------
    P : (n, k) array of probabilities (rows of a softmax), or raw scores when
        ``from_logits=True`` (then log-softmax is applied stably)
    Y : (n,) integer labels, or (n, k) target rows: one-hot, or probabilities
        (non-negative, each row summing to 1)
    from_logits : bool

    Returns
    -------
    loss : float, ≥ 0 and finite (log P is floored at log(2.2e-308) ≈ -708)
    """
    from_logits = check_bool(from_logits, "from_logits")
    P = as_array(P, "P", ndim=2)
    Y = check_targets(Y, P.shape[0], P.shape[1], "Y")
    if from_logits:
        logP = log_softmax_rows(P)
    else:
        _check_probabilities(P)
        one_hot_P = np.all((P == 0) | (P == 1))
        soft_Y = not np.all((Y == 0) | (Y == 1))
        if one_hot_P and soft_Y and np.any((P == 0) & (Y > 0)):
            raise ValueError(
                "P is one-hot and Y holds soft probabilities: did you swap the arguments? "
                "It is cross_entropy(P, Y): predicted probabilities first, targets second "
                "(as it stands the loss would be infinite)."
            )
        logP = np.log(np.maximum(P, _TINY))
    return float(-np.sum(Y * logP) / P.shape[0])


def softmax_cross_entropy(logits, Y):
    """Softmax followed by cross-entropy, with its gradient.

    𝓛 = -(1/n) Σ_i log softmax(o_i)[y_i];  ∂𝓛/∂O = (softmax(O) - Y) / n.

    Parameters
    ----------
    logits : (n, k) array of scores O
    Y : (n,) integer labels or (n, k) one-hot / probability rows

    Returns
    -------
    loss : float
    dlogits : (n, k) array
    """
    O = as_array(logits, "logits", ndim=2)
    Y = check_targets(Y, O.shape[0], O.shape[1], "Y")
    return _softmax_cross_entropy(O, Y)


# ----------------------------------------------------------- output layers
def _softmax_cross_entropy(O, Y):
    """(𝓛, δ) for P = softmax(O) and the mean cross-entropy; Y (n, k) target rows."""
    n = O.shape[0]
    logP = log_softmax_rows(O)  # stable: the row maximum is subtracted inside
    loss = float(-np.sum(Y * logP) / n)
    delta = (np.exp(logP) - Y) / n  # ∂𝓛/∂O = (P - Y)/n
    return loss, delta


def _sigmoid_squared_error(O, Y):
    """(𝓛, δ) for Ẑ = σ(O) and 𝓛 = (1/n) Σᵢ ½‖yᵢ − ẑᵢ‖² (the fourth lecture note)."""
    n = O.shape[0]
    Zhat = SIGMOID.h(O)
    residual = Zhat - Y  # ẑ − y: the lecture's δ = y − z is its negative
    loss = float(0.5 * np.sum(residual**2) / n)
    delta = residual * SIGMOID.h_prime_from_h(Zhat) / n  # (ẑ − y) ⊙ ẑ(1 − ẑ) / n
    return loss, delta


def _mean_squared_error(O, Y):
    """(𝓛, δ) for the identity output and 𝓛 = Σ (O − Y)² / (n·k)."""
    residual = O - Y
    loss = float(np.sum(residual**2) / O.size)
    return loss, 2.0 * residual / O.size


@dataclass(frozen=True)
class Output:
    """The last layer of an MLP: its output function and the loss it is trained with.

    name : the key in ``OUTPUTS``
    f : scores O -> the network's output (probabilities, σ(O) or O itself)
    loss_and_delta : (O, Y) -> (𝓛, δ⁽ᴸ⁾ = ∂𝓛/∂O); Y as (n, k) target rows
    classes : True if the targets are classes (labels or one-hot rows)
    """

    name: str
    f: Callable
    loss_and_delta: Callable
    classes: bool


OUTPUTS = {
    out.name: out
    for out in (
        Output("softmax", softmax_rows, _softmax_cross_entropy, classes=True),
        Output("sigmoid", SIGMOID.h, _sigmoid_squared_error, classes=True),
        Output("identity", lambda O: O, _mean_squared_error, classes=False),
    )
}


def get_output(name):
    """The :class:`Output` record called ``name`` (softmax, sigmoid, identity)."""
    if isinstance(name, Output):
        return name
    if not isinstance(name, str) or name not in OUTPUTS:
        raise ValueError(f"unknown output {name!r}; choose one of: {', '.join(OUTPUTS)}")
    return OUTPUTS[name]
