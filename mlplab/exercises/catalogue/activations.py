"""Lesson 04: activation functions and their derivatives (elementwise)."""

import numpy as np

from .._core import Exercise, Mistake, MutationMistake, WarningMistake, case

_FIXED = np.array([-2.0, -0.5, 0.0, 0.5, 2.0])


def _elementwise_cases(rng, large=None):
    cases = [
        case(_FIXED.copy(), note="x = [-2, -0.5, 0, 0.5, 2]"),
        case(rng.normal(size=1), note="a single entry"),
        case(rng.normal(size=(3, 4)) * 3, note="a 2-D array"),
        case(np.array([[0.0, 1.0], [-1.0, 0.0]])),
    ]
    if large is not None:
        cases.append(case(large, note="|x| up to 1e4"))
    return cases


# ------------------------------------------------------------------- sigmoid
def sigmoid(x):
    """Logistic sigmoid σ(x) = 1 / (1 + e^(−x)), finite and warning-free for any x.

    e^(−|x|) never overflows; σ(x) = 1 / (1 + e^(−x)) for x ≥ 0 and e^x / (1 + e^x) for x < 0.
    """
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1.0, e) / (1.0 + e)


SIGMOID_OVERFLOW = (
    "right values, but np.exp(-x) overflows for x = −1e4 (e^10000 is too big for a float) and NumPy "
    "warns. Use e = np.exp(-np.abs(x)), which is at most 1: σ(x) = 1/(1 + e) for x ≥ 0 and "
    "e/(1 + e) for x < 0. (np.where(x >= 0, 1/(1 + np.exp(-x)), ...) still warns: np.where "
    "computes both branches for every entry before picking)"
)


def _sigmoid_naive(x):
    return 1.0 / (1.0 + np.exp(-x))


SIGMOID = Exercise(
    name="sigmoid",
    signature="sigmoid(x) -> same shape",
    reference=sigmoid,
    cases=lambda rng: _elementwise_cases(rng, np.array([-1e4, -800.0, -30.0, 0.0, 30.0, 800.0, 1e4])),
    hints=[
        "σ(x) = 1 / (1 + e^(−x)) maps every number into (0, 1), with σ(0) = 0.5.",
        "For x = −1e4, e^(−x) = e^10000 overflows. Rewrite with e = np.exp(-np.abs(x)), "
        "which stays in (0, 1].",
        "For x ≥ 0: σ = 1/(1 + e). For x < 0: σ = e/(1 + e). "
        "`np.where(x >= 0, 1.0, e) / (1.0 + e)` does both.",
    ],
    mistakes=[
        WarningMistake(_sigmoid_naive, SIGMOID_OVERFLOW),
        Mistake(lambda x: np.exp(x) / (1.0 + np.exp(x)), "nan for large x: e^x/(1 + e^x) is inf/inf when "
                "x is big — use e = np.exp(-np.abs(x)) so nothing overflows"),
        Mistake(lambda x: 1.0 / (1.0 + np.exp(x)), "your sigmoid decreases: the exponent is −x, "
                "σ(x) = 1/(1 + e^(−x)) (σ(2) ≈ 0.88, not 0.12)"),
        Mistake(np.tanh, "that is tanh (values in (−1, 1)); the sigmoid is 1/(1 + e^(−x)), values in (0, 1)"),
    ],
    lesson="04_activations",
)


# ---------------------------------------------------------------------- relu
def relu(x):
    """ReLU(x) = max(x, 0), elementwise."""
    return np.maximum(x, 0.0)


def _relu_in_place(x):
    x[x < 0] = 0.0
    return x


RELU = Exercise(
    name="relu",
    signature="relu(x) -> same shape",
    reference=relu,
    cases=_elementwise_cases,
    hints=[
        "ReLU keeps positive entries and replaces negative ones by 0.",
        "np.maximum(a, b) compares elementwise (np.max reduces an array to its largest entry).",
        "`return np.maximum(x, 0.0)`",
    ],
    mistakes=[
        MutationMistake(_relu_in_place, "you changed `x` in place (x[x < 0] = 0); return a new array, "
                        "e.g. np.maximum(x, 0.0), and leave the input alone"),
        Mistake(lambda x: np.where(x > 0, 1.0, 0.0), "you return 1 where x > 0 — that is ReLU's derivative; "
                "ReLU itself returns x there: np.maximum(x, 0)"),
        Mistake(lambda x: np.max(x, 0), "np.max(x, 0) takes the largest entry along axis 0; the elementwise "
                "maximum is np.maximum(x, 0)"),
        Mistake(np.abs, "|x| is not ReLU: negative inputs become 0, not −x"),
    ],
    lesson="04_activations",
)


# -------------------------------------------------------------- sigmoid_grad
def sigmoid_grad(x):
    """σ'(x) = σ(x) · (1 − σ(x)), elementwise."""
    s = 1.0 / (1.0 + np.exp(-x))
    return s * (1.0 - s)


def _smooth_cases(rng):
    return _elementwise_cases(rng) + [case(np.array([-30.0, -10.0, 10.0, 30.0]), note="|x| up to 30")]


def _s(x):
    return 1.0 / (1.0 + np.exp(-x))


SIGMOID_GRAD = Exercise(
    name="sigmoid_grad",
    signature="sigmoid_grad(x) -> same shape",
    reference=sigmoid_grad,
    cases=_smooth_cases,
    hints=[
        "The sigmoid has a neat derivative written with itself: σ'(x) = σ(x)(1 − σ(x)).",
        "Compute s = σ(x) first (1 / (1 + np.exp(-x))), then combine; σ'(0) = 0.25 is a good test.",
        "`s = 1 / (1 + np.exp(-x)); return s * (1 - s)`",
    ],
    mistakes=[
        Mistake(lambda x: _s(x) * (1.0 - x), "you computed σ(x)(1 − x); the derivative is σ(x)(1 − σ(x)) — "
                "use σ(x) in both factors"),
        Mistake(lambda x: x * (1.0 - x), "you applied s(1 − s) to x itself; first compute s = σ(x), "
                "then s * (1 - s)"),
        Mistake(_s, "that is σ(x) itself; its derivative is σ(x)(1 − σ(x)) (largest, 0.25, at x = 0)"),
        Mistake(lambda x: _s(x) * (1.0 + _s(x)), "sign slip: σ'(x) = σ(x)(1 − σ(x)), with a minus"),
    ],
    lesson="04_activations",
)


# ----------------------------------------------------------------- relu_grad
def relu_grad(x):
    """ReLU'(x) = 1 where x > 0 and 0 elsewhere (we take 0 at the kink x = 0)."""
    return (x > 0).astype(float)


RELU_GRAD = Exercise(
    name="relu_grad",
    signature="relu_grad(x) -> same shape",
    reference=relu_grad,
    cases=_elementwise_cases,
    hints=[
        "ReLU has slope 1 for x > 0 and slope 0 for x < 0.",
        "At the kink x = 0 the course takes the derivative to be 0, so the test is x > 0 (strict).",
        "`return (x > 0).astype(float)`",
    ],
    mistakes=[
        Mistake(lambda x: (x >= 0).astype(float), "you return 1 at x = 0; this course takes ReLU'(0) = 0 — "
                "use x > 0, not x >= 0"),
        Mistake(lambda x: np.maximum(x, 0.0), "that is ReLU itself; its derivative is 1 where x > 0 and 0 "
                "elsewhere"),
        Mistake(lambda x: (x < 0).astype(float), "the comparison is flipped: the slope is 1 where x > 0"),
    ],
    lesson="04_activations",
)


# ----------------------------------------------------------------- tanh_grad
def tanh_grad(x):
    """tanh'(x) = 1 − tanh(x)², elementwise."""
    t = np.tanh(x)
    return 1.0 - t * t


TANH_GRAD = Exercise(
    name="tanh_grad",
    signature="tanh_grad(x) -> same shape",
    reference=tanh_grad,
    cases=_smooth_cases,
    hints=[
        "Like the sigmoid, tanh's derivative is written with tanh itself.",
        "tanh'(x) = 1 − tanh(x)²; tanh'(0) = 1.",
        "`t = np.tanh(x); return 1 - t * t`",
    ],
    mistakes=[
        Mistake(lambda x: 1.0 - x ** 2, "you computed 1 − x²; the derivative is 1 − tanh(x)², "
                "square np.tanh(x), not x"),
        Mistake(lambda x: 1.0 - np.tanh(x), "the square is missing: tanh'(x) = 1 − tanh(x)²"),
        Mistake(lambda x: (1.0 - np.tanh(x)) ** 2, "you squared (1 − tanh x); it is 1 − (tanh x)²"),
        Mistake(np.tanh, "that is tanh itself; its derivative is 1 − tanh(x)²"),
    ],
    lesson="04_activations",
)

EXERCISES = [SIGMOID, RELU, SIGMOID_GRAD, RELU_GRAD, TANH_GRAD]
