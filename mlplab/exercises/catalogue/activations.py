"""Lesson 04: activation functions and their derivatives (elementwise)."""

import numpy as np

from ...i18n import Text, say
from .._core import Exercise, Mistake, MutationMistake, WarningMistake, case

_FIXED = np.array([-2.0, -0.5, 0.0, 0.5, 2.0])


def _elementwise_cases(rng, large=None):
    cases = [
        case(_FIXED.copy(), note="x = [-2, -0.5, 0, 0.5, 2]"),
        case(rng.normal(size=1), note=say("a single entry", "원소 하나")),
        case(rng.normal(size=(3, 4)) * 3, note=say("a 2-D array", "2차원 배열")),
        case(np.array([[0.0, 1.0], [-1.0, 0.0]])),
    ]
    if large is not None:
        cases.append(case(large, note=say("|x| up to 1e4", "|x|가 1e4까지")))
    return cases


# ------------------------------------------------------------------- sigmoid
def sigmoid(x):
    """Logistic sigmoid σ(x) = 1 / (1 + e^(−x)), finite and warning-free for any x.

    e^(−|x|) never overflows; σ(x) = 1 / (1 + e^(−x)) for x ≥ 0 and e^x / (1 + e^x) for x < 0.
    x: any shape (floats or integers)  ->  float array of the same shape
    """
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1.0, e) / (1.0 + e)


SIGMOID_OVERFLOW = Text(
    "right values, but np.exp(-x) overflows for x = −1e4 (e^10000 is too big for a float) and NumPy "
    "warns. Use e = np.exp(-np.abs(x)), which is at most 1: σ(x) = 1/(1 + e) for x ≥ 0 and "
    "e/(1 + e) for x < 0. (np.where(x >= 0, 1/(1 + np.exp(-x)), ...) still warns: np.where "
    "computes both branches for every entry before picking)",
    "값은 맞지만 x = −1e4에서 np.exp(-x)가 오버플로되고(e^10000은 float로 나타내기에 너무 큽니다) "
    "NumPy가 경고합니다. 1을 넘지 않는 e = np.exp(-np.abs(x))를 쓰세요: x ≥ 0이면 σ(x) = 1/(1 + e), "
    "x < 0이면 e/(1 + e)입니다. (np.where(x >= 0, 1/(1 + np.exp(-x)), ...)도 경고가 납니다. "
    "np.where는 고르기 전에 모든 원소에서 두 가지를 다 계산합니다)",
)


def _sigmoid_naive(x):
    return 1.0 / (1.0 + np.exp(-x))


def _sigmoid_empty_like(x):
    out = np.empty_like(x)
    positive = x >= 0
    out[positive] = 1.0 / (1.0 + np.exp(-x[positive]))
    e = np.exp(x[~positive])
    out[~positive] = e / (1.0 + e)
    return out


SIGMOID = Exercise(
    name="sigmoid",
    signature="sigmoid(x) -> same shape",
    reference=sigmoid,
    cases=lambda rng: _elementwise_cases(rng, np.array([-1e4, -800.0, -30.0, 0.0, 30.0, 800.0, 1e4])) + [
        case(np.array([-3, -1, 0, 1, 3]), note=say("integer x", "정수 x"))],
    hints=[
        Text("σ(x) = 1 / (1 + e^(−x)) squeezes every number into (0, 1): σ(0) = ½, σ(x) → 1 for "
             "large x and → 0 for very negative x. It works entry by entry.",
             "σ(x) = 1 / (1 + e^(−x))는 모든 수를 (0, 1) 안으로 밀어 넣습니다. σ(0) = ½이고, x가 크면 "
             "1로, 아주 작으면(음수로 크면) 0으로 다가갑니다. 원소마다 따로 계산합니다."),
        Text("For x = −1e4 the formula needs e^10000, which overflows. The same number is also "
             "e^x / (1 + e^x). With e = e^(−|x|), which is never above 1: σ = 1/(1 + e) where x ≥ 0 "
             "and σ = e/(1 + e) where x < 0.",
             "x = −1e4이면 이 식에는 e^10000이 필요한데, 이것은 오버플로됩니다. 같은 값을 "
             "e^x / (1 + e^x)로도 쓸 수 있습니다. 1을 넘지 않는 e = e^(−|x|)를 쓰면 x ≥ 0에서는 "
             "σ = 1/(1 + e), x < 0에서는 σ = e/(1 + e)입니다."),
        Text("Compute e = e^(−|x|) once for the whole array (np.exp, np.abs). The numerator is 1 where "
             "x ≥ 0 and e elsewhere: `np.where` may choose it, since both choices are safe to compute. "
             "The answer is a new float array, even when x holds integers.",
             "배열 전체에 대해 e = e^(−|x|)를 한 번 계산하세요(np.exp, np.abs). 분자는 x ≥ 0인 곳에서 1, "
             "나머지에서 e입니다. 두 후보 모두 안전하게 계산되므로 분자는 `np.where`로 골라도 됩니다. "
             "x가 정수를 담고 있어도 답은 새 실수 배열입니다."),
    ],
    mistakes=[
        WarningMistake(_sigmoid_naive, SIGMOID_OVERFLOW),
        Mistake(_sigmoid_empty_like, Text(
            "wrong for integer x: np.empty_like(x) copies x's dtype, so for integers your output holds "
            "integers and every σ value is cut down to 0 (or 1). Make a float array: "
            "np.empty(x.shape), or np.empty_like(x, dtype=float)",
            "정수 x에서 틀립니다. np.empty_like(x)는 x의 자료형을 그대로 따르므로, 정수 입력이면 출력도 "
            "정수가 되어 모든 σ 값이 0(또는 1)으로 잘립니다. 실수 배열을 만드세요: np.empty(x.shape) "
            "또는 np.empty_like(x, dtype=float)")),
        Mistake(lambda x: np.exp(x) / (1.0 + np.exp(x)), Text(
            "nan for large x: e^x/(1 + e^x) is inf/inf when x is big — use e = np.exp(-np.abs(x)) so "
            "nothing overflows",
            "x가 크면 nan이 나옵니다. x가 크면 e^x/(1 + e^x)는 inf/inf입니다 — "
            "e = np.exp(-np.abs(x))를 써서 아무것도 오버플로되지 않게 하세요")),
        Mistake(lambda x: 1.0 / (1.0 + np.exp(x)), Text(
            "your sigmoid decreases: the exponent is −x, σ(x) = 1/(1 + e^(−x)) (σ(2) ≈ 0.88, not 0.12)",
            "시그모이드가 감소합니다. 지수는 −x입니다: σ(x) = 1/(1 + e^(−x)) "
            "(σ(2) ≈ 0.88이지 0.12가 아닙니다)")),
        Mistake(np.tanh, Text(
            "that is tanh (values in (−1, 1)); the sigmoid is 1/(1 + e^(−x)), values in (0, 1)",
            "이것은 tanh입니다(값이 (−1, 1) 안). 시그모이드는 1/(1 + e^(−x))이고 값이 (0, 1) 안에 "
            "있습니다")),
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
        Text("ReLU keeps the positive entries as they are and replaces the negative ones by 0.",
             "ReLU는 양수 원소는 그대로 두고 음수 원소를 0으로 바꿉니다."),
        Text("As a formula: ReLU(x) = max(x, 0), for every entry on its own.",
             "식으로 쓰면 ReLU(x) = max(x, 0)이고, 원소마다 따로 적용합니다."),
        Text("np.maximum compares entry by entry (an array with a number works too); np.max instead "
             "reduces an array to its largest entry. Return a new array rather than assigning into x.",
             "np.maximum은 원소끼리 비교합니다(배열과 숫자 하나를 비교해도 됩니다). 반면 np.max는 배열을 "
             "가장 큰 원소 하나로 줄입니다. x에 값을 대입하지 말고 새 배열을 돌려주세요."),
    ],
    mistakes=[
        MutationMistake(_relu_in_place, Text(
            "you changed `x` in place (x[x < 0] = 0); return a new array, e.g. np.maximum(x, 0.0), and "
            "leave the input alone",
            "`x`를 제자리에서 바꾸었습니다(x[x < 0] = 0). 입력은 그대로 두고 np.maximum(x, 0.0) 같은 새 "
            "배열을 돌려주세요")),
        Mistake(lambda x: np.where(x > 0, 1.0, 0.0), Text(
            "you return 1 where x > 0 — that is ReLU's derivative; ReLU itself returns x there: "
            "np.maximum(x, 0)",
            "x > 0인 곳에서 1을 돌려주었습니다 — 그것은 ReLU의 미분입니다. ReLU 자체는 그곳에서 x를 "
            "돌려줍니다: np.maximum(x, 0)")),
        Mistake(lambda x: np.max(x, 0), Text(
            "np.max(x, 0) takes the largest entry along axis 0; the elementwise maximum is "
            "np.maximum(x, 0)",
            "np.max(x, 0)은 axis 0 방향의 가장 큰 원소를 구합니다. 원소별 최댓값은 np.maximum(x, 0)입니다")),
        Mistake(np.abs, Text(
            "|x| is not ReLU: negative inputs become 0, not −x",
            "|x|는 ReLU가 아닙니다. 음수 입력은 −x가 아니라 0이 됩니다")),
    ],
    lesson="04_activations",
)


# -------------------------------------------------------------- sigmoid_grad
def sigmoid_grad(x):
    """σ'(x) = σ(x) · (1 − σ(x)), elementwise, with σ computed the stable way (from e^(−|x|))."""
    e = np.exp(-np.abs(x))
    s = np.where(x >= 0, 1.0, e) / (1.0 + e)
    return s * (1.0 - s)


def _smooth_cases(rng):
    return _elementwise_cases(rng) + [
        case(np.array([-30.0, -10.0, 10.0, 30.0]), note=say("|x| up to 30", "|x|가 30까지"))]


def _s(x):
    """The stable sigmoid (the typical mistakes below differ from the reference in other ways)."""
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1.0, e) / (1.0 + e)


def _sigmoid_grad_naive(x):
    s = 1.0 / (1.0 + np.exp(-x))
    return s * (1.0 - s)


SIGMOID_GRAD = Exercise(
    name="sigmoid_grad",
    signature="sigmoid_grad(x) -> same shape",
    reference=sigmoid_grad,
    cases=lambda rng: _smooth_cases(rng) + [
        case(np.array([-1e4, -800.0, -710.0, 0.0, 710.0, 800.0, 1e4]), note=say("|x| up to 1e4",
                                                                               "|x|가 1e4까지"))],
    hints=[
        Text("The sigmoid's derivative can be written with the sigmoid itself: σ'(x) = σ(x)(1 − σ(x)). "
             "It is largest, ¼, at x = 0.",
             "시그모이드의 미분은 시그모이드 자신으로 쓸 수 있습니다: σ'(x) = σ(x)(1 − σ(x)). 가장 큰 "
             "값은 x = 0에서 ¼입니다."),
        Text("Compute s = σ(x) the stable way of the sigmoid exercise, from e^(−|x|), not from "
             "1/(1 + e^(−x)), which overflows for x ≤ −710. Calling your `sigmoid` is fine.",
             "s = σ(x)는 시그모이드 연습문제의 안정적인 방법, 곧 e^(−|x|)로 계산하세요. 1/(1 + e^(−x))로 "
             "계산하면 x ≤ −710에서 오버플로됩니다. 직접 만든 `sigmoid`를 불러도 됩니다."),
        Text("Then combine s with 1 − s entry by entry: the answer has x's shape, with values in "
             "[0, ¼].",
             "그다음 s와 1 − s를 원소끼리 결합하세요. 답은 x와 모양이 같고 값은 [0, ¼] 안에 있습니다."),
    ],
    mistakes=[
        WarningMistake(_sigmoid_grad_naive, Text(
            "right values, but σ from 1/(1 + np.exp(-x)) overflows for x ≤ −710 (np.exp(710) is "
            "beyond the largest float) and NumPy warns. Compute σ the stable way, from "
            "e = np.exp(-np.abs(x)) — or call your `sigmoid`",
            "값은 맞지만 1/(1 + np.exp(-x))로 구한 σ는 x ≤ −710에서 오버플로되고(np.exp(710)은 가장 큰 "
            "float보다 큽니다) NumPy가 경고합니다. σ를 안정적인 방법으로, e = np.exp(-np.abs(x))에서 "
            "계산하거나 직접 만든 `sigmoid`를 부르세요")),
        Mistake(lambda x: np.exp(-x) / (1.0 + np.exp(-x)) ** 2, Text(
            "nan for x ≤ −710: e^(−x)/(1 + e^(−x))² is the right formula, but there it is inf/inf. "
            "Write it as σ(x)(1 − σ(x)) with σ computed from e = np.exp(-np.abs(x))",
            "x ≤ −710에서 nan이 나옵니다. e^(−x)/(1 + e^(−x))²는 맞는 식이지만 그곳에서 inf/inf가 "
            "됩니다. e = np.exp(-np.abs(x))로 구한 σ를 써서 σ(x)(1 − σ(x))로 계산하세요")),
        Mistake(lambda x: np.exp(x) / (1.0 + np.exp(x)) ** 2, Text(
            "nan for x ≥ 710: e^x/(1 + e^x)² is the right formula, but there it is inf/inf. Write it "
            "as σ(x)(1 − σ(x)) with σ computed from e = np.exp(-np.abs(x))",
            "x ≥ 710에서 nan이 나옵니다. e^x/(1 + e^x)²는 맞는 식이지만 그곳에서 inf/inf가 됩니다. "
            "e = np.exp(-np.abs(x))로 구한 σ를 써서 σ(x)(1 − σ(x))로 계산하세요")),
        Mistake(lambda x: _s(x) * (1.0 - x), Text(
            "you computed σ(x)(1 − x); the derivative is σ(x)(1 − σ(x)) — use σ(x) in both factors",
            "σ(x)(1 − x)를 계산했습니다. 미분은 σ(x)(1 − σ(x))입니다 — 두 인수 모두에 σ(x)를 쓰세요")),
        Mistake(lambda x: x * (1.0 - x), Text(
            "you applied s(1 − s) to x itself; first compute s = σ(x), then s(1 − s)",
            "s(1 − s)를 x 자체에 적용했습니다. 먼저 s = σ(x)를 구한 다음 s(1 − s)를 계산하세요")),
        Mistake(_s, Text(
            "that is σ(x) itself; its derivative is σ(x)(1 − σ(x)) (largest, 0.25, at x = 0)",
            "이것은 σ(x) 자체입니다. 그 미분은 σ(x)(1 − σ(x))입니다(x = 0에서 가장 큰 값 0.25)")),
        Mistake(lambda x: _s(x) * (1.0 + _s(x)), Text(
            "sign slip: σ'(x) = σ(x)(1 − σ(x)), with a minus",
            "부호 실수입니다: σ'(x) = σ(x)(1 − σ(x)), 마이너스입니다")),
    ],
    lesson="04_activations",
)


# ----------------------------------------------------------------- relu_grad
def relu_grad(x):
    """ReLU'(x) = 1 where x > 0 and 0 elsewhere (we take 0 at the kink x = 0), as floats."""
    return (x > 0).astype(float)


RELU_GRAD = Exercise(
    name="relu_grad",
    signature="relu_grad(x) -> same shape",
    reference=relu_grad,
    cases=_elementwise_cases,
    hints=[
        Text("ReLU has slope 1 where x > 0 and slope 0 where x < 0.",
             "ReLU의 기울기는 x > 0에서 1, x < 0에서 0입니다."),
        Text("At the kink x = 0 the course takes the derivative to be 0, so the test is x > 0 "
             "(strict), and negative entries give 0, not −1.",
             "꺾인 점 x = 0에서 이 과정은 미분을 0으로 정합니다. 그래서 조건은 x > 0(등호 없음)이고, 음수 "
             "원소는 −1이 아니라 0이 됩니다."),
        Text("A comparison gives a boolean array. Array answers in this course are floating-point "
             "arrays, so turn True/False into 1.0/0.0 (e.g. with `.astype(float)` or np.where).",
             "비교 연산은 불리언 배열을 줍니다. 이 과정에서 배열로 답하는 문제는 부동소수점 배열을 "
             "돌려주므로 True/False를 1.0/0.0으로 바꾸세요(예: `.astype(float)`나 np.where)."),
    ],
    mistakes=[
        Mistake(lambda x: (x >= 0).astype(float), Text(
            "you return 1 at x = 0; this course takes ReLU'(0) = 0 — use x > 0, not x >= 0",
            "x = 0에서 1을 돌려주었습니다. 이 과정은 ReLU'(0) = 0으로 정합니다 — x >= 0이 아니라 "
            "x > 0을 쓰세요")),
        Mistake(np.sign, Text(
            "np.sign(x) is −1 for negative x, but ReLU's slope there is 0 (ReLU is flat left of 0) — "
            "only the positive side has slope 1",
            "np.sign(x)는 음수 x에서 −1이지만, 그곳에서 ReLU의 기울기는 0입니다(0의 왼쪽에서 ReLU는 "
            "평평합니다) — 기울기가 1인 곳은 양수 쪽뿐입니다")),
        Mistake(lambda x: np.maximum(x, 0.0), Text(
            "that is ReLU itself; its derivative is 1 where x > 0 and 0 elsewhere",
            "이것은 ReLU 자체입니다. 그 미분은 x > 0인 곳에서 1, 나머지에서 0입니다")),
        Mistake(lambda x: (x < 0).astype(float), Text(
            "the comparison is flipped: the slope is 1 where x > 0",
            "비교가 뒤집혔습니다. 기울기는 x > 0인 곳에서 1입니다")),
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
        Text("Like the sigmoid's, tanh's derivative is written with tanh itself.",
             "시그모이드처럼 tanh의 미분도 tanh 자신으로 씁니다."),
        Text("tanh'(x) = 1 − tanh(x)², where tanh(x)² means (tanh x)², the square of the value; "
             "tanh'(0) = 1.",
             "tanh'(x) = 1 − tanh(x)²입니다. 여기서 tanh(x)²는 값의 제곱 (tanh x)²을 뜻합니다. "
             "tanh'(0) = 1입니다."),
        Text("np.tanh gives the values; square them entry by entry and subtract from 1. The answer "
             "has x's shape, with values in (0, 1].",
             "np.tanh로 값을 구하고, 원소마다 제곱해서 1에서 빼세요. 답은 x와 모양이 같고 값은 (0, 1] "
             "안에 있습니다."),
    ],
    mistakes=[
        Mistake(lambda x: 1.0 - x ** 2, Text(
            "you computed 1 − x²; the derivative is 1 − tanh(x)², square np.tanh(x), not x",
            "1 − x²를 계산했습니다. 미분은 1 − tanh(x)²입니다. x가 아니라 np.tanh(x)를 제곱하세요")),
        Mistake(lambda x: 1.0 - np.tanh(x ** 2), Text(
            "you took tanh of x²; square the tanh instead: tanh'(x) = 1 − (tanh x)², the square of "
            "np.tanh(x)",
            "x²의 tanh를 구했습니다. 대신 tanh를 제곱하세요: tanh'(x) = 1 − (tanh x)², 곧 np.tanh(x)의 "
            "제곱입니다")),
        Mistake(lambda x: 1.0 - np.tanh(x), Text(
            "the square is missing: tanh'(x) = 1 − tanh(x)²",
            "제곱이 빠졌습니다: tanh'(x) = 1 − tanh(x)²")),
        Mistake(lambda x: (1.0 - np.tanh(x)) ** 2, Text(
            "you squared (1 − tanh x); it is 1 − (tanh x)²",
            "(1 − tanh x)를 제곱했습니다. 식은 1 − (tanh x)²입니다")),
        Mistake(np.tanh, Text(
            "that is tanh itself; its derivative is 1 − tanh(x)²",
            "이것은 tanh 자체입니다. 그 미분은 1 − tanh(x)²입니다")),
    ],
    lesson="04_activations",
)

EXERCISES = [SIGMOID, RELU, SIGMOID_GRAD, RELU_GRAD, TANH_GRAD]
