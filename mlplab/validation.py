"""Input checks shared by the public functions.

Every public entry point of mlplab calls these once, at the door, so the maths
below stays readable. Messages follow one pattern: what was expected, what was
got, and how to fix it.
"""

from __future__ import annotations

import numbers

import numpy as np

from .i18n import say

FLOAT_DTYPES = (np.float32, np.float64)

#: the largest array (number of entries) any function of mlplab will allocate:
#: 50 million float64 entries are 400 MB, far more than any lesson needs
MAX_ENTRIES = 50_000_000
#: the most iterations a loop of mlplab runs in one call (gradient descent steps...)
MAX_STEPS = 1_000_000


def as_array(x, name, ndim=None, dtype=None, allow_int=True, finite=True, allow_empty=False):
    """Convert ``x`` to a float ndarray, checking type, rank, size and finiteness.

    ``ndim`` may be an int or a tuple of allowed ranks. ``dtype`` forces a float
    dtype; by default float32 input stays float32 and everything else becomes
    float64 (float16 is refused: too coarse for gradients). ``finite``: True
    refuses NaN and ±inf, "no-nan" refuses only NaN, False accepts both. An
    array with no entries is refused unless ``allow_empty``.
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
            f"{name} could not be turned into an array; expected a rectangular array of "
            f"numbers (every row the same length), got {type(x).__name__} ({exc})."
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
        raise TypeError(say(
            "{name} must hold real numbers, got dtype {dtype}. "
            "Convert it with np.asarray(..., dtype=float).",
            "{name}에는 실수가 들어 있어야 하는데 dtype이 {dtype}입니다. "
            "np.asarray(..., dtype=float)로 바꾸세요.", name=name, dtype=arr.dtype))
    if arr.dtype == np.float16 or (arr.dtype.kind == "f" and arr.dtype.itemsize > 8):
        raise TypeError(
            f"{name} has dtype {arr.dtype}; expected float64 (or float32). float16 keeps "
            "only ~3 digits, too few for gradients. Convert with x.astype(np.float64)."
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
            raise ValueError(say(
                "{name} must be {want}, got an array of shape {shape} ({ndim}-D). {fix}",
                "{name}은(는) {want}여야 하는데 모양이 {shape}인 {ndim}차원 배열입니다. {fix}",
                name=name, want=want, shape=arr.shape, ndim=arr.ndim, fix=_rank_fix(allowed, arr.ndim)))
    if arr.size == 0 and not allow_empty:
        raise ValueError(
            f"{name} is empty (shape {arr.shape}); expected at least one "
            f"{'row (sample)' if arr.ndim == 2 else 'entry'}. Check the slice or the "
            "batch that produced it."
        )
    if finite == "no-nan":
        if np.isnan(arr).any():
            raise ValueError(say(
                "{name} contains {bad} NaN value(s); expected numbers. "
                "Check how it was computed (e.g. a diverged learning rate).",
                "{name}에 NaN이 {bad}개 있습니다. 숫자여야 합니다. "
                "어떻게 계산했는지 확인하세요(예: 발산한 학습률).", name=name, bad=int(np.isnan(arr).sum())))
    elif finite and not np.all(np.isfinite(arr)):
        bad = int(np.size(arr) - np.count_nonzero(np.isfinite(arr)))
        raise ValueError(say(
            "{name} contains {bad} NaN or infinite value(s); expected finite "
            "numbers. Check how it was computed (e.g. a diverged learning rate) "
            "or drop those entries.",
            "{name}에 NaN이나 무한대 값이 {bad}개 있습니다. 유한한 숫자여야 합니다. "
            "어떻게 계산했는지 확인하거나(예: 발산한 학습률) 그 값을 빼세요.", name=name, bad=bad))
    return arr


def _rank_name(k):
    names = {0: say("a scalar", "스칼라"), 1: say("1-D (n,)", "1차원 (n,)"),
             2: say("2-D (n, d)", "2차원 (n, d)")}
    return names.get(k, f"{k}-D")


def _rank_fix(allowed, got):
    if 2 in allowed and got == 1:
        return say("For a single sample use x[None, :]; for one feature use x[:, None].",
                   "샘플 하나라면 x[None, :], 특성 하나라면 x[:, None]을 쓰세요.")
    if 1 in allowed and got == 2:
        return say("Flatten a column with y.ravel().", "열벡터는 y.ravel()로 펴세요.")
    return say("Reshape it to the expected rank.", "기대하는 차원으로 reshape하세요.")


def check_same_rows(a, b, name_a, name_b):
    """Raise if two batches do not have the same number of rows."""
    if a.shape[0] != b.shape[0]:
        raise ValueError(say(
            "{a} has {na} rows but {b} has {nb}; expected one row per sample in both. "
            "Make sure they come from the same batch (same indices).",
            "{a}의 행은 {na}개인데 {b}의 행은 {nb}개입니다. 둘 다 샘플마다 한 행이어야 합니다. "
            "같은 배치(같은 인덱스)에서 나왔는지 확인하세요.",
            a=name_a, na=a.shape[0], b=name_b, nb=b.shape[0]))


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
        raise ValueError(say(
            "{name} must be {bound}, got {value!r}. Choose a value such as {example}.",
            "{name}은(는) {bound}이어야 하는데 {value!r}입니다. {example} 같은 값을 고르세요.",
            name=name, bound=bound, value=value, example=32 if integer else 0.1))
    return int(value) if integer else float(value)


def check_labels(y, k=None, name="y"):
    """Check an integer label vector (n,) with values in [0, k)."""
    arr = np.asarray(y)
    if arr.ndim != 1:
        raise ValueError(say(
            "{name} must be a 1-D vector of integer labels (n,), got shape {shape}. "
            "Use y.ravel(), or np.argmax(Y, axis=1) for one-hot rows.",
            "{name}은(는) 정수 레이블의 1차원 벡터 (n,)이어야 하는데 모양이 {shape}입니다. "
            "y.ravel()을 쓰거나, 원-핫 행이면 np.argmax(Y, axis=1)을 쓰세요.", name=name, shape=arr.shape))
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
            rng = f"0..{k - 1}" if k is not None else say("0 or more", "0 이상")
            raise ValueError(say(
                "{name} labels must lie in {rng}, got values from {lo} to {hi}. "
                "Re-number the classes or raise k.",
                "{name}의 레이블은 {rng} 범위여야 하는데 {lo}부터 {hi}까지 있습니다. "
                "클래스 번호를 0부터 다시 매기거나 k를 늘리세요.", name=name, rng=rng, lo=lo, hi=hi))
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
    """Accept integer labels (n,) or target rows (n, k): one-hot, or probabilities
    (non-negative, each row summing to 1).

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
        check_size(n_rows * k, f"one-hot targets of shape ({n_rows}, {k})")
        out = np.zeros((n_rows, k))
        out[np.arange(n_rows), labels] = 1.0
        return out
    arr = as_array(arr, name, ndim=2)
    if arr.shape != (n_rows, k):
        raise ValueError(
            f"{name} must have shape ({n_rows}, {k}) to match the scores, got "
            f"{arr.shape}. Pass integer labels (n,) or one-hot rows (n, k)."
        )
    sums = arr.sum(axis=1)
    if arr.min() < 0 or np.max(np.abs(sums - 1.0)) > 1e-6 * k:
        i = int(np.argmax((arr < 0).any(axis=1) | (np.abs(sums - 1.0) > 1e-6 * k)))
        raise ValueError(
            f"{name} rows must be one-hot (or probabilities: non-negative, summing to 1), "
            f"but row {i} is {np.array2string(arr[i], precision=3, threshold=8)} "
            f"(sum {sums[i]:.4g}). Use one_hot(y, k) for integer labels; did you swap "
            "the arguments (predictions first, targets second)?"
        )
    return arr


def check_int(value, name, lo=None, hi=None, example=None):
    """Check an int with optional bounds lo <= value <= hi and return it as int."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(
            f"{name} must be an int, got {type(value).__name__} {value!r}"
            + (f"; for example {name}={example}." if example is not None else ".")
        )
    value = int(value)
    if (lo is not None and value < lo) or (hi is not None and value > hi):
        raise ValueError(_range_error(name, _range_text(lo, hi), value, example))
    return value


def check_number(value, name, lo=None, hi=None, lo_open=False, example=None):
    """Check a finite real number with optional bounds and return it as float.

    ``lo_open``: the lower bound is excluded (value > lo).
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(
            f"{name} must be a number, got {type(value).__name__} {value!r}"
            + (f"; for example {name}={example}." if example is not None else ".")
        )
    value = float(value)
    if not np.isfinite(value):
        raise ValueError(f"{name} must be a finite number, got {value}.")
    if (lo is not None and (value < lo or (lo_open and value == lo))) or (hi is not None and value > hi):
        raise ValueError(_range_error(name, _range_text(lo, hi, lo_open), f"{value:g}", example))
    return value


def _range_error(name, bounds, value, example):
    if example is not None:
        return say("{name} must be {bounds}, got {value}. For example {name}={example}.",
                   "{name}은(는) {bounds}이어야 하는데 {value}입니다. 예: {name}={example}.",
                   name=name, bounds=bounds, value=value, example=example)
    return say("{name} must be {bounds}, got {value}. Choose a value in that range.",
               "{name}은(는) {bounds}이어야 하는데 {value}입니다. 그 범위의 값을 고르세요.",
               name=name, bounds=bounds, value=value)


def _range_text(lo, hi, lo_open=False):
    def num(v):
        return f"{v:,}" if isinstance(v, int) else f"{v:g}"

    low = None if lo is None else f"{'>' if lo_open else '>='} {num(lo)}"
    high = None if hi is None else f"<= {num(hi)}"
    return " and ".join(part for part in (low, high) if part)


def check_choice(value, name, choices):
    """Check that ``value`` is one of ``choices`` (names); the message lists them."""
    options = ", ".join(map(str, sorted(choices, key=str)))
    if not isinstance(value, str) and not all(isinstance(c, (int, float)) for c in choices):
        raise TypeError(f"{name} must be a name (str), got {type(value).__name__}; choose one of: {options}")
    try:
        ok = value in choices
    except TypeError:
        ok = False
    if not ok:
        raise ValueError(say("unknown {name} {value!r}; choose one of: {options}",
                             "알 수 없는 {name} {value!r}입니다. 다음 중 하나를 고르세요: {options}",
                             name=name, value=value, options=options))
    return value


def check_bool(value, name):
    """Check a True/False flag (a string such as "no" is not a flag)."""
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name} must be True or False, got {type(value).__name__} {value!r}.")
    return bool(value)


def check_size(entries, what, limit=MAX_ENTRIES):
    """Refuse to allocate more than ``limit`` entries, before allocating."""
    if entries > limit:
        raise ValueError(
            f"{what} would need {entries:,} numbers, more than the {limit:,} mlplab allows "
            f"(about {8 * limit // 10**6:,} MB); expected something a lesson can use. "
            "Choose smaller sizes."
        )


def check_steps(value, name="steps", allow_zero=True):
    """An iteration count: an int from 0 (or 1) up to ``MAX_STEPS``."""
    return check_int(value, name, 0 if allow_zero else 1, MAX_STEPS, example=100)


def check_seed(seed, name="seed"):
    """A seed for np.random.default_rng: an int >= 0."""
    return check_int(seed, name, 0, None, example=0)


def check_params(params, name="params"):
    """Check a list of (W (d_in, d_out), b (d_out,)) pairs whose layers chain.

    Returns the list with every W and b as float arrays (not copied).
    """
    if not isinstance(params, (list, tuple)) or not params:
        raise TypeError(
            f"{name} must be a non-empty list of (W, b) pairs, one per layer, got "
            f"{type(params).__name__}{'' if params else ' (empty)'}."
        )
    checked = []
    for i, pair in enumerate(params, start=1):
        if not isinstance(pair, (list, tuple)) or len(pair) != 2:
            raise TypeError(f"{name}[{i - 1}] must be a pair (W, b), got {type(pair).__name__}.")
        W = as_array(pair[0], f"W{i}", ndim=2)
        b = as_array(pair[1], f"b{i}", ndim=1)
        if b.shape[0] != W.shape[1]:
            raise ValueError(
                f"b{i} has {b.shape[0]} entries but W{i} has shape {W.shape}; "
                f"expected b{i} of shape ({W.shape[1]},), one bias per output."
            )
        if checked and checked[-1][0].shape[1] != W.shape[0]:
            raise ValueError(
                f"W{i} has shape {W.shape} but layer {i - 1} outputs "
                f"{checked[-1][0].shape[1]} values; expected W{i} with "
                f"{checked[-1][0].shape[1]} rows (layers must chain)."
            )
        checked.append((W, b))
    return checked
