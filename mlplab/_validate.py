"""Input checks shared by the public functions.

Every public entry point of mlplab calls these once, at the door, so the maths
below stays readable. Messages follow one pattern: what was expected, what was
got, and how to fix it.
"""

from __future__ import annotations

import numbers

import numpy as np

FLOAT_DTYPES = (np.float32, np.float64)


def as_array(x, name, ndim=None, dtype=None, allow_int=True, finite=True):
    """Convert ``x`` to a float ndarray, checking type, rank and finiteness.

    ``ndim`` may be an int or a tuple of allowed ranks. ``dtype`` forces a float
    dtype; by default float32 input stays float32 and everything else becomes
    float64.
    """
    if isinstance(x, (str, bytes)) or x is None:
        raise TypeError(
            f"{name} must be a numeric array, got {type(x).__name__} {x!r}. "
            "Pass a NumPy array (or list) of numbers."
        )
    try:
        arr = np.asarray(x)
    except Exception as exc:  # ragged lists and other oddities
        raise TypeError(
            f"{name} could not be turned into an array ({exc}). "
            "Pass a rectangular NumPy array of numbers."
        ) from None
    if arr.dtype == object and arr.size:
        raise TypeError(
            f"{name} must be a rectangular array of numbers, got an object array "
            f"of shape {arr.shape} (ragged lists or mixed types). "
            "Make every row the same length and use numbers only."
        )
    if arr.dtype.kind == "b" or not (
        arr.dtype.kind in "fiu" or (arr.dtype == object and arr.size == 0)
    ):
        raise TypeError(
            f"{name} must hold real numbers, got dtype {arr.dtype}. "
            "Convert it with np.asarray(..., dtype=float)."
        )
    if not allow_int and arr.dtype.kind in "iu":
        arr = arr.astype(np.float64)
    if dtype is not None:
        arr = arr.astype(dtype, copy=False)
    elif arr.dtype not in FLOAT_DTYPES:
        arr = arr.astype(np.float64)
    if ndim is not None:
        allowed = (ndim,) if isinstance(ndim, int) else tuple(ndim)
        if arr.ndim not in allowed:
            want = " or ".join(_rank_name(k) for k in allowed)
            raise ValueError(
                f"{name} must be {want}, got an array of shape {arr.shape} "
                f"({arr.ndim}-D). {_rank_fix(allowed, arr.ndim)}"
            )
    if finite and not np.all(np.isfinite(arr)):
        bad = int(np.size(arr) - np.count_nonzero(np.isfinite(arr)))
        raise ValueError(
            f"{name} contains {bad} NaN or infinite value(s); expected finite "
            "numbers. Check how it was computed (e.g. a diverged learning rate) "
            "or drop those entries."
        )
    return arr


def _rank_name(k):
    return {0: "a scalar", 1: "1-D (n,)", 2: "2-D (n, d)"}.get(k, f"{k}-D")


def _rank_fix(allowed, got):
    if 2 in allowed and got == 1:
        return "For a single sample use x[None, :]; for one feature use x[:, None]."
    if 1 in allowed and got == 2:
        return "Flatten a column with y.ravel()."
    return "Reshape it to the expected rank."


def check_same_rows(a, b, name_a, name_b):
    """Raise if two batches do not have the same number of rows."""
    if a.shape[0] != b.shape[0]:
        raise ValueError(
            f"{name_a} has {a.shape[0]} rows but {name_b} has {b.shape[0]}; "
            "expected one row per sample in both. Make sure they come from the "
            "same batch (same indices)."
        )


def check_positive(value, name, integer=False, allow_zero=False):
    """Check a positive (optionally integer) hyper-parameter and return it."""
    kinds = numbers.Integral if integer else numbers.Real
    if isinstance(value, bool) or not isinstance(value, kinds):
        what = "an integer" if integer else "a number"
        raise TypeError(
            f"{name} must be {what}, got {type(value).__name__} {value!r}."
        )
    if not np.isfinite(value) or value < 0 or (value == 0 and not allow_zero):
        bound = ">= 0" if allow_zero else "> 0"
        raise ValueError(
            f"{name} must be {bound}, got {value!r}. "
            f"Choose a {'positive' if not allow_zero else 'non-negative'} value"
            + (" such as 0.1." if not integer else " such as 32.")
        )
    return int(value) if integer else float(value)


def check_labels(y, k=None, name="y"):
    """Check an integer label vector (n,) with values in [0, k)."""
    arr = np.asarray(y)
    if arr.ndim != 1:
        raise ValueError(
            f"{name} must be a 1-D vector of integer labels (n,), got shape "
            f"{arr.shape}. Use y.ravel(), or np.argmax(Y, axis=1) for one-hot rows."
        )
    if arr.dtype.kind == "f":
        if not (np.all(np.isfinite(arr)) and np.all(arr == np.round(arr))):
            raise ValueError(
                f"{name} must hold whole-number class labels, got non-integer "
                "values. Use y.astype(int) if they are stored as floats."
            )
        arr = arr.astype(np.int64)
    elif arr.dtype.kind not in "iu":
        raise TypeError(
            f"{name} must hold integer class labels, got dtype {arr.dtype}. "
            "Map class names to 0..k-1 first."
        )
    if arr.size:
        lo, hi = int(arr.min()), int(arr.max())
        if lo < 0 or (k is not None and hi >= k):
            rng = f"0..{k - 1}" if k is not None else "0 or more"
            raise ValueError(
                f"{name} labels must lie in {rng}, got values from {lo} to {hi}. "
                "Re-number the classes or raise k."
            )
    return arr


def as_rng(rng, name="rng"):
    """Accept a numpy Generator or an int seed; return a Generator."""
    if isinstance(rng, np.random.Generator):
        return rng
    if isinstance(rng, numbers.Integral) and not isinstance(rng, bool):
        return np.random.default_rng(int(rng))
    raise TypeError(
        f"{name} must be a numpy.random.Generator or an int seed, got "
        f"{type(rng).__name__}. Create one with np.random.default_rng(0)."
    )


def check_targets(Y, n_rows, k, name="Y"):
    """Accept integer labels (n,) or one-hot / probability rows (n, k).

    Returns a float (n, k) array of target rows.
    """
    arr = np.asarray(Y)
    if arr.ndim == 1:
        labels = check_labels(arr, k, name)
        if labels.shape[0] != n_rows:
            raise ValueError(
                f"{name} has {labels.shape[0]} labels but the batch has {n_rows} "
                "rows; expected one label per row."
            )
        out = np.zeros((n_rows, k))
        out[np.arange(n_rows), labels] = 1.0
        return out
    arr = as_array(arr, name, ndim=2)
    if arr.shape != (n_rows, k):
        raise ValueError(
            f"{name} must have shape ({n_rows}, {k}) to match the scores, got "
            f"{arr.shape}. Pass integer labels (n,) or one-hot rows (n, k)."
        )
    return arr
