"""Lesson 03: the linear layer, softmax, one-hot targets and cross-entropy."""

import numpy as np

from .._core import DtypeMistake, Exercise, Mistake, Scalar, case


# ------------------------------------------------------------ linear_forward
def linear_forward(X, W, b):
    """Affine map of a batch: O = X W + b.   X: (n, d), W: (d, p), b: (p,)  ->  (n, p)"""
    return X @ W + b


def _linear_cases(rng):
    return [
        case(np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([[1.0, 0.0], [2.0, -1.0]]),
             np.array([0.5, -0.5]), note="hand-worked 2×2"),
        case(rng.normal(size=(1, 4)), rng.normal(size=(4, 3)), rng.normal(size=3), note="batch size 1"),
        case(rng.normal(size=(5, 3)), rng.normal(size=(3, 3)), rng.normal(size=3)),
        case(rng.normal(size=(6, 3)), rng.normal(size=(3, 4)), rng.normal(size=4)),
    ]


LINEAR_FORWARD = Exercise(
    name="linear_forward",
    signature="linear_forward(X, W, b) -> (n, p)",
    reference=linear_forward,
    cases=_linear_cases,
    hints=[
        "Row convention: each row of X is one sample; W has one column per output.",
        "The matrix product is `X @ W` (shape (n, p)); then add the bias.",
        "b has shape (p,) and broadcasts over the rows: `X @ W + b`.",
    ],
    mistakes=[
        Mistake(lambda X, W, b: X @ W,
                "you forgot the bias: O = X W + b (add b, it broadcasts over the rows)"),
        Mistake(lambda X, W, b: X @ W.T + b,
                "you used the transposed weights (X Wᵀ): in the row convention W has shape (d, p) "
                "and O = X @ W + b"),
        Mistake(lambda X, W, b: X @ W - b, "you subtract the bias: O = X W + b"),
    ],
    lesson="03_softmax_classification",
)


# ------------------------------------------------------------------- softmax
def softmax(O):
    """Row-wise softmax, numerically stable: P[i, j] = e^(O[i, j] − m_i) / Σ_j e^(O[i, j] − m_i).

    m_i is the largest score of row i; subtracting it changes nothing
    mathematically but keeps e^(...) ≤ 1, so large scores never overflow.
    O: (n, k)  ->  P: (n, k), every row sums to 1.
    """
    E = np.exp(O - O.max(axis=1, keepdims=True))
    return E / E.sum(axis=1, keepdims=True)


def _softmax_cases(rng):
    return [
        case(np.array([[1.0, 2.0, 3.0]]), note="softmax([1, 2, 3])"),
        case(np.array([[1.0, 2.0], [0.0, 3.0]]), note="square"),
        case(np.array([[1.0, 2.0, 3.0], [1.0, 1.0, 1.0]])),
        case(rng.normal(size=(1, 5)), note="batch size 1"),
        case(rng.normal(size=(4, 3))),
        case(rng.normal(size=(6, 10)) * 3),
        case(np.array([[1000.0, 1001.0, 1002.0]]), note="large scores"),
        case(np.array([[1e4, 1e4 - 1.0, 1e4 - 3.0], [-1e4, -1e4 + 2.0, -1e4 + 1.0]]), note="scores of ±1e4"),
        case(rng.uniform(-1e4, 1e4, size=(3, 4))),
    ]


def _softmax_axis0(O):
    E = np.exp(O - O.max(axis=0, keepdims=True))
    return E / E.sum(axis=0, keepdims=True)


def _softmax_no_keepdims(O):
    E = np.exp(O - O.max(axis=1, keepdims=True))
    return E / E.sum(axis=1)


def _softmax_whole_sum(O):
    E = np.exp(O - O.max())
    return E / E.sum()


def _softmax_naive(O):
    E = np.exp(O)
    return E / E.sum(axis=1, keepdims=True)


def _softmax_global_max(O):
    E = np.exp(O - O.max())
    return E / E.sum(axis=1, keepdims=True)


SOFTMAX = Exercise(
    name="softmax",
    signature="softmax(O) -> (n, k)",
    reference=softmax,
    cases=_softmax_cases,
    hints=[
        "Softmax works on each row separately: exponentiate the scores, then divide by the row's sum.",
        "Use `E.sum(axis=1, keepdims=True)` so the sums have shape (n, 1) and divide every entry "
        "of their row.",
        "np.exp(1000) is inf. Softmax does not change if you subtract the same number from a whole row, "
        "so subtract each row's max first: `O - O.max(axis=1, keepdims=True)`.",
        "E = np.exp(O - O.max(axis=1, keepdims=True)); return E / E.sum(axis=1, keepdims=True)",
    ],
    mistakes=[
        Mistake(_softmax_axis0, "your *columns* sum to 1, not your rows: you normalised over axis 0. "
                "Each row is one sample — use axis=1 (with keepdims=True)"),
        Mistake(_softmax_no_keepdims, "E.sum(axis=1) has shape (n,), which lines up with the columns, "
                "not the rows — use E.sum(axis=1, keepdims=True) (shape (n, 1))"),
        Mistake(_softmax_whole_sum, "you divided by the sum over the whole array, so all entries together "
                "sum to 1 — each row must sum to 1 on its own: E.sum(axis=1, keepdims=True)"),
        Mistake(_softmax_naive, "overflow: np.exp of a score near 1000 is inf, and inf/inf = nan. "
                "Subtract each row's max first (O - O.max(axis=1, keepdims=True)); softmax is unchanged "
                "by that shift"),
        Mistake(_softmax_global_max, "you subtracted the max of the whole array; a row whose scores are far "
                "below it underflows to 0/0 = nan — subtract each row's own max: "
                "O.max(axis=1, keepdims=True)"),
    ],
    lesson="03_softmax_classification",
)


# ------------------------------------------------------------------- one_hot
def one_hot(y, k):
    """One-hot rows: Y[i, y[i]] = 1.0 and 0.0 elsewhere.   y: (n,) ints in 0..k−1  ->  Y: (n, k) float"""
    Y = np.zeros((len(y), k))
    Y[np.arange(len(y)), y] = 1.0
    return Y


def _one_hot_cases(rng):
    return [
        case(np.array([0, 2, 1]), 3, note="hand-worked"),
        case(np.array([1]), 2, note="batch size 1"),
        case(np.array([0, 1, 0]), 4, note="k larger than the labels seen"),
        case(rng.integers(0, 5, size=8), 5),
        case(rng.integers(0, 10, size=20), 10),
    ]


def _one_hot_int(y, k):
    Y = np.zeros((len(y), k), dtype=int)
    Y[np.arange(len(y)), y] = 1
    return Y


def _one_hot_max_plus_one(y, k):
    return np.eye(np.max(y) + 1)[y]


ONE_HOT = Exercise(
    name="one_hot",
    signature="one_hot(y, k) -> (n, k)",
    reference=one_hot,
    cases=_one_hot_cases,
    hints=[
        "Start from a zero matrix with one row per label and one column per class: np.zeros((len(y), k)).",
        "Row i needs a 1 in column y[i]. Fancy indexing sets them all at once: Y[np.arange(n), y] = 1.0",
        "A shortcut: row y[i] of the identity matrix is the one-hot row, so np.eye(k)[y] works too.",
    ],
    mistakes=[
        DtypeMistake(_one_hot_int, "your one-hot matrix holds integers (or booleans); make it float "
                     "(np.zeros((n, k)) is float by default) — it meets probabilities and float arithmetic "
                     "later"),
        Mistake(_one_hot_max_plus_one, "you used y.max() + 1 columns instead of k — the labels in a batch "
                "need not include the last class; the matrix must have exactly k columns"),
        Mistake(lambda y, k: np.eye(k)[y].T, "your matrix is transposed: one *row* per sample, shape (n, k)"),
    ],
    lesson="03_softmax_classification",
)


# ------------------------------------------------------------- cross_entropy
def cross_entropy(P, Y):
    """Mean cross-entropy: L = −(1/n) Σ_i Σ_j Y[i, j] · log P[i, j].

    P: (n, k) probabilities, Y: (n, k) one-hot  ->  float.
    Only the true class's log-probability of each row counts.
    """
    return -np.mean(np.sum(Y * np.log(P), axis=1))


def _probabilities(rng, n, k):
    E = np.exp(rng.normal(size=(n, k)))
    return E / E.sum(axis=1, keepdims=True)


def _ce_cases(rng):
    cases = [case(np.array([[0.7, 0.2, 0.1], [0.1, 0.8, 0.1]]),
                  np.array([[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]]), note="hand-worked")]
    for n, k in [(1, 3), (5, 4), (10, 10)]:
        cases.append(case(_probabilities(rng, n, k), np.eye(k)[rng.integers(0, k, size=n)],
                          note="batch size 1" if n == 1 else ""))
    return cases


CROSS_ENTROPY = Exercise(
    name="cross_entropy",
    signature="cross_entropy(P, Y) -> float",
    reference=cross_entropy,
    cases=_ce_cases,
    output=Scalar(),
    hints=[
        "For one row the loss is −log of the probability of the true class: −Σ_j Y[i, j] log P[i, j].",
        "Y is one-hot, so `Y * np.log(P)` keeps exactly one log-probability per row; sum over axis=1.",
        "Then average over the n rows (np.mean) and put a minus sign in front: log p ≤ 0, the loss ≥ 0.",
        "`return -np.mean(np.sum(Y * np.log(P), axis=1))`",
    ],
    mistakes=[
        Mistake(lambda P, Y: -np.sum(Y * np.log(P)), "you summed the losses of the rows instead of averaging "
                "them — divide by n (np.mean over rows), so the loss does not grow with the batch size"),
        Mistake(lambda P, Y: np.mean(np.sum(Y * np.log(P), axis=1)), "your loss is negative: log p ≤ 0, so "
                "cross-entropy needs a minus sign, L = −mean Σ Y log P"),
        Mistake(lambda P, Y: -np.mean(Y * np.log(P)), "np.mean(Y * np.log(P)) divides by n·k entries; "
                "sum over the classes first (axis=1), then average over the n rows"),
        Mistake(lambda P, Y: -np.mean(np.log(P)), "you averaged the log of *every* probability; only the "
                "true class counts — multiply by the one-hot Y before summing"),
        Mistake(lambda P, Y: -np.mean(np.sum((1 - Y) * np.log(P), axis=1)), "you took the log of the wrong "
                "entries (the classes where Y = 0); use Y * np.log(P)"),
        Mistake(lambda P, Y: -np.mean(np.sum(P * np.log(Y), axis=1)), "P and Y are swapped: it is "
                "−Σ Y log P (the log of the probabilities, weighted by the one-hot targets)"),
        Mistake(lambda P, Y: -np.sum(Y * np.log(P), axis=1), "you return one loss per row — average them "
                "into a single number with np.mean"),
    ],
    lesson="03_softmax_classification",
)

EXERCISES = [LINEAR_FORWARD, SOFTMAX, ONE_HOT, CROSS_ENTROPY]
