"""Lessons 01–02: the centred difference, a gradient-descent step, least squares with the
pseudo-inverse, the linear-regression gradient, mini-batches."""

import numpy as np

from ...i18n import Text, say
from .._core import (
    Exercise,
    Failed,
    Foreign,
    Mistake,
    MutationMistake,
    PropertyMistake,
    Scalar,
    case,
    compare_with_reference,
    describe_case,
)
from .._outcomes import Errored
from ._kinds import IndexBatches, Listed


# --------------------------------------------------------- centred_difference
def centred_difference(f, x, h=1e-5):
    """The centred difference, an estimate of the derivative f′(x).

    f′(x) ≈ (f(x + h) − f(x − h)) / (2h); its error shrinks like h² (the forward
    difference's only like h).
    f : a function of one number, x : a number, h : the step (> 0)  ->  a float
    """
    return (f(x + h) - f(x - h)) / (2 * h)


def square(x):
    return x * x


def cube(x):
    return x ** 3


def _centred_cases(rng):
    return [
        case(cube, 1.0, 0.1, note=say("hand-worked: (1.1³ − 0.9³) / 0.2 = 3.01",
                                     "손으로 계산한 예: (1.1³ − 0.9³) / 0.2 = 3.01")),
        case(square, -2.0, h=0.5, note=say("x² at −2 with h = 0.5", "h = 0.5로 −2에서 x²")),
        case(np.sin, 0.0, note=say("the default h", "h는 기본값")),
        case(np.exp, 1.0, h=0.01),
        case(np.cos, 0.5, 0.02),
        case(np.abs, 0.0, 0.1, note=say("a kink: |x| at 0", "꺾인 점: 0에서 |x|")),
        case(np.tanh, 0.0),
        case(cube, float(rng.uniform(-2, 2)), h=0.05),
    ]


def _forward(f, x, h=1e-5):
    return (f(x + h) - f(x)) / h


def _backward(f, x, h=1e-5):
    return (f(x) - f(x - h)) / h


def _over_h(f, x, h=1e-5):
    return (f(x + h) - f(x - h)) / h


def _flipped(f, x, h=1e-5):
    return (f(x - h) - f(x + h)) / (2 * h)


def _precedence(f, x, h=1e-5):
    return (f(x + h) - f(x - h)) / 2 * h


def _fixed_h(f, x, h=1e-5):
    return (f(x + 1e-5) - f(x - 1e-5)) / (2 * 1e-5)


CENTRED_DIFFERENCE = Exercise(
    name="centred_difference",
    signature="centred_difference(f, x, h=1e-5) -> float",
    reference=centred_difference,
    cases=_centred_cases,
    output=Scalar(),
    hints=[
        Text("The derivative is the slope of f at x. Estimate it from two points of the curve, one "
             "step h to the left of x and one step h to the right, and the line through them.",
             "미분은 x에서 f의 기울기입니다. 곡선 위의 두 점, 곧 x에서 왼쪽으로 h만큼 간 점과 오른쪽으로 "
             "h만큼 간 점을 잇는 직선의 기울기로 어림합니다."),
        Text("Slope = rise / run: the rise is f(x + h) − f(x − h), and the run is the distance "
             "between the two points, 2h (not h).",
             "기울기 = 높이 변화 / 가로 거리입니다. 높이 변화는 f(x + h) − f(x − h)이고, 가로 거리는 두 "
             "점 사이의 거리 2h입니다(h가 아닙니다)."),
        Text("Call `f` twice, once at `x + h` and once at `x - h`, and use the `h` you were given. "
             "In code, mind the brackets: dividing by 2h needs the 2h in parentheses.",
             "`f`를 두 번, `x + h`와 `x - h`에서 부르고, 인자로 받은 `h`를 쓰세요. 코드에서는 괄호에 "
             "주의하세요. 2h로 나누려면 2h를 괄호로 묶어야 합니다."),
    ],
    mistakes=[
        Mistake(_forward, Text(
            "that is the forward difference (f(x + h) − f(x))/h, the lecture's limit quotient; the "
            "centred difference looks both ways, (f(x + h) − f(x − h))/(2h), and its error shrinks "
            "like h² instead of h",
            "이것은 전방 차분(forward difference) (f(x + h) − f(x))/h, 곧 강의의 극한 속 차분몫입니다. "
            "중앙 차분은 양쪽을 모두 봅니다: (f(x + h) − f(x − h))/(2h). 오차도 h가 아니라 h²에 비례해 "
            "줄어듭니다")),
        Mistake(_backward, Text(
            "that is the backward difference (f(x) − f(x − h))/h; the centred difference uses the "
            "points on both sides of x: (f(x + h) − f(x − h))/(2h)",
            "이것은 후방 차분 (f(x) − f(x − h))/h입니다. 중앙 차분은 x 양쪽의 점을 씁니다: "
            "(f(x + h) − f(x − h))/(2h)")),
        Mistake(_over_h, Text(
            "you divided by h, but x − h and x + h are 2h apart: divide by 2h",
            "h로 나누었지만 x − h와 x + h는 2h만큼 떨어져 있습니다. 2h로 나누세요")),
        Mistake(_precedence, Text(
            "operator precedence: `... / 2 * h` divides by 2 and then *multiplies* by h — write "
            "`/ (2 * h)`",
            "연산자 우선순위 문제입니다. `... / 2 * h`는 2로 나눈 다음 h를 *곱합니다*. `/ (2 * h)`로 "
            "쓰세요")),
        Mistake(_flipped, Text(
            "your sign is flipped: it is f(x + h) − f(x − h), the right point minus the left one",
            "부호가 반대입니다. 오른쪽 점에서 왼쪽 점을 빼야 합니다: f(x + h) − f(x − h)")),
        Mistake(_fixed_h, Text(
            "you ignore the `h` argument (always 1e-5): use the step that is passed in",
            "인자 `h`를 무시하고 늘 1e-5를 씁니다. 인자로 받은 스텝을 쓰세요")),
    ],
    lesson="01_gradient_descent",
)


# ------------------------------------------------------------------ gd_step
def gd_step(x, grad, lr):
    """One step of gradient descent: x_new = x − lr · grad (numbers or arrays)."""
    return x - lr * grad


def _gd_step_cases(rng):
    return [
        case(3.0, 2.0, 0.1, note=say("numbers", "숫자")),
        case(np.array([1.0, -2.0]), np.array([0.5, 4.0]), 0.25, note=say("arrays", "배열")),
        case(-1.5, -3.0, 0.01),
        case(rng.normal(size=(3, 2)), rng.normal(size=(3, 2)), 0.05),
    ]


def _gd_ascent(x, grad, lr):
    return x + lr * grad


def _gd_in_place(x, grad, lr):
    x -= lr * grad
    return x


GD_STEP = Exercise(
    name="gd_step",
    signature="gd_step(x, grad, lr) -> x_new",
    reference=gd_step,
    cases=_gd_step_cases,
    hints=[
        Text("The gradient points uphill, towards where f grows fastest. To go downhill, move the "
             "other way.",
             "그레디언트(gradient)는 f가 가장 빨리 커지는 오르막 쪽을 가리킵니다. 내려가려면 반대쪽으로 "
             "움직이세요."),
        Text("The step is the gradient scaled by the learning rate λ (`lr`): x_new = x − λ·grad.",
             "스텝은 그레디언트에 학습률(learning rate) λ(`lr`)를 곱한 것입니다: x_new = x − λ·grad."),
        Text("`-` and `*` work entry by entry, so the same line serves numbers and arrays. Build a "
             "new value and return it; an in-place `-=` would change the caller's `x`.",
             "`-`와 `*`는 원소별로 계산하므로 같은 한 줄이 숫자에도 배열에도 통합니다. 새 값을 만들어 "
             "돌려주세요. 제자리 연산 `-=`는 호출한 쪽의 `x`를 바꿉니다."),
    ],
    mistakes=[
        Mistake(_gd_ascent, Text(
            "you move *along* the gradient (x + lr·grad): that is gradient ascent, it climbs uphill "
            "— descent subtracts: x − lr·grad",
            "그레디언트 *방향으로* 움직였습니다(x + lr·grad). 이것은 경사상승법이라 오르막을 올라갑니다 "
            "— 경사하강법은 뺍니다: x − lr·grad")),
        Mistake(lambda x, grad, lr: x - grad, Text(
            "you forgot the learning rate: the step is lr·grad, not grad",
            "학습률을 빠뜨렸습니다. 스텝은 grad가 아니라 lr·grad입니다")),
        Mistake(lambda x, grad, lr: x - lr, Text(
            "you subtract lr alone: the step is lr times the gradient, lr·grad",
            "lr만 뺐습니다. 스텝은 학습률에 그레디언트를 곱한 lr·grad입니다")),
        Mistake(lambda x, grad, lr: -lr * grad, Text(
            "you return only the step −lr·grad: add it to x (x − lr·grad)",
            "스텝 −lr·grad만 돌려주었습니다. 이것을 x에 더하세요(x − lr·grad)")),
        MutationMistake(_gd_in_place, Text(
            "you changed `x` in place (x -= ...): return a new value `x - lr * grad` and leave the "
            "input unchanged",
            "`x`를 제자리에서 바꾸었습니다(x -= ...). 새 값 `x - lr * grad`를 돌려주고 입력은 그대로 "
            "두세요")),
    ],
    lesson="01_gradient_descent",
)


# ---------------------------------------------------------------- pinv_solve
def pinv_solve(X, y):
    """Least squares with the Moore–Penrose pseudo-inverse: β = X⁺ y.

    X⁺ exists for every matrix. For full column rank, β is the one least-squares
    solution (X⁺ = (XᵀX)⁻¹Xᵀ); for a rank-deficient X (dependent columns) XᵀX has no
    inverse, and X⁺y is the least-squares solution with the smallest norm ‖β‖.
    X : (n, d), y : (n,)  ->  β : (d,)
    """
    return np.linalg.pinv(X) @ y


def _pinv_cases(rng):
    x = np.array([0.0, 1.0, 2.0, 3.0])
    return [
        case(np.array([[1.0, 0.0], [1.0, 1.0], [1.0, 2.0]]), np.array([1.0, 2.0, 2.0]),
             note=say("hand-worked: the line through (0, 1), (1, 2), (2, 2)",
                      "손으로 계산한 예: (0, 1), (1, 2), (2, 2)에 맞춘 직선")),
        case(np.column_stack([np.ones(4), x, x]), np.array([1.0, 2.0, 2.0, 4.0]),
             note=say("columns 1, x, x: rank 2", "열 1, x, x: 랭크(rank) 2")),
        case(np.array([[1.0, 0.0, 2.0], [1.0, 0.0, -1.0], [1.0, 0.0, 0.5], [1.0, 0.0, 3.0]]),
             np.array([3.0, -1.0, 1.0, 4.0]), note=say("a feature that is always 0",
                                                        "늘 0인 특성(feature)")),
        case(rng.normal(size=(20, 3)), rng.normal(size=20)),
        case(rng.normal(size=(2, 4)), rng.normal(size=2),
             note=say("fewer samples than features", "특성보다 샘플이 적음")),
        case(rng.normal(size=(1, 3)), rng.normal(size=1), note=say("one sample", "샘플 하나")),
    ]


NO_INVERSE = Text(
    "XᵀX has no inverse here: the columns of X are dependent (a repeated column, a feature that is "
    "always 0), so (XᵀX)⁻¹ — `np.linalg.inv` or `np.linalg.solve` on XᵀX — fails. The "
    "pseudo-inverse exists for every matrix: β = X⁺y with `np.linalg.pinv`",
    "여기서는 XᵀX의 역행렬이 없습니다. X의 열이 서로 종속이라서(같은 열이 두 번 있거나, 늘 0인 특성이 "
    "있음) XᵀX에 `np.linalg.inv`나 `np.linalg.solve`를 쓰는 (XᵀX)⁻¹ 방법은 실패합니다. 유사역행렬은 "
    "모든 행렬에 있습니다: `np.linalg.pinv`로 β = X⁺y",
)
NOT_SQUARE = Text(
    "X is not square (n samples, d features), so it has no inverse and `np.linalg.inv(X)` / "
    "`np.linalg.solve(X, y)` fail; the pseudo-inverse exists for every shape: β = X⁺y with "
    "`np.linalg.pinv`",
    "X는 정사각행렬이 아니므로(샘플 n개, 특성 d개) 역행렬이 없고, `np.linalg.inv(X)`나 "
    "`np.linalg.solve(X, y)`는 실패합니다. 유사역행렬은 어떤 모양의 행렬에도 있습니다: "
    "`np.linalg.pinv`로 β = X⁺y",
)


def _pinv_normal_equations(X, y):
    return np.linalg.inv(X.T @ X) @ X.T @ y


def _pinv_inverse_of_x(X, y):
    return np.linalg.inv(X) @ y


def _pinv_validate(trial, ex):
    """The standard comparison; a LinAlgError from an inverse that does not exist is named."""
    try:
        compare_with_reference(ex, trial)
    except Errored as error:
        headline = error.lines[0]
        if "LinAlgError" in headline and "ingular" in headline:
            raise Failed(NO_INVERSE, f"  ({headline})", *error.lines[1:]) from None
        if "LinAlgError" in headline and "square" in headline:
            raise Failed(NOT_SQUARE, f"  ({headline})", *error.lines[1:]) from None
        raise


PINV_SOLVE = Exercise(
    name="pinv_solve",
    signature="pinv_solve(X, y) -> (d,)",
    reference=pinv_solve,
    cases=_pinv_cases,
    hints=[
        Text("Least squares asks for the β that makes ‖y − Xβ‖ smallest. The Moore–Penrose "
             "pseudo-inverse X⁺ gives one such β for every matrix X, even when no inverse exists.",
             "최소제곱법(least squares)은 ‖y − Xβ‖를 가장 작게 하는 β를 찾습니다. 무어-펜로즈 "
             "유사역행렬(pseudo-inverse) X⁺는 역행렬이 없을 때도, 어떤 행렬 X에 대해서나 그런 β를 "
             "하나 줍니다."),
        Text("The formula is β = X⁺ y. Avoid (XᵀX)⁻¹Xᵀy: it is the same thing only when the columns "
             "of X are independent, and fails when they are not.",
             "식은 β = X⁺ y입니다. (XᵀX)⁻¹Xᵀy는 피하세요. X의 열이 서로 독립일 때만 같은 값이고, "
             "그렇지 않으면 실패합니다."),
        Text("NumPy computes X⁺ with `np.linalg.pinv`; X⁺ has shape (d, n), so multiplying it with "
             "y (n,) gives β of shape (d,).",
             "NumPy에서는 `np.linalg.pinv`가 X⁺를 계산합니다. X⁺의 모양은 (d, n)이므로 y (n,)와 "
             "곱하면 모양이 (d,)인 β가 나옵니다."),
    ],
    mistakes=[
        PropertyMistake(_pinv_normal_equations, NO_INVERSE),
        PropertyMistake(_pinv_inverse_of_x, NOT_SQUARE),
        Mistake(lambda X, y: X @ np.linalg.pinv(X) @ y, Text(
            "you return the fitted values ŷ = X X⁺ y (one per sample, shape (n,)); the exercise asks "
            "for the coefficients β = X⁺ y (one per feature, shape (d,))",
            "적합값 ŷ = X X⁺ y(샘플마다 하나, 모양 (n,))를 돌려주었습니다. 이 연습문제는 계수 "
            "β = X⁺ y(특성마다 하나, 모양 (d,))를 구합니다")),
    ],
    validate=_pinv_validate,
    lesson="02_linear_regression",
)


# ----------------------------------------------------------- linreg_gradient
def linreg_gradient(X, y, beta):
    """Gradient of the mean squared error L(β) = ‖y − Xβ‖² / n.

    ∇L = −2/n · Xᵀ(y − Xβ).   X: (n, d), y: (n,), beta: (d,)  ->  (d,)
    """
    n = X.shape[0]
    residual = y - X @ beta
    return -2.0 / n * (X.T @ residual)


def _linreg_cases(rng):
    X = np.array([[1.0, 0.0], [1.0, 1.0], [1.0, 2.0]])
    cases = [case(X, np.array([1.0, 2.0, 2.0]), np.array([0.5, 0.5]),
                  note=say("hand-worked 3×2", "손으로 계산한 3×2"))]
    for n, d in [(1, 3), (5, 2), (20, 4)]:
        X = rng.normal(size=(n, d))
        cases.append(case(X, rng.normal(size=n), rng.normal(size=d),
                          note=say("batch size 1", "배치 크기 1") if n == 1 else ""))
    return cases


def _lr_residual(X, y, beta):
    return y - X @ beta


LINREG_GRADIENT = Exercise(
    name="linreg_gradient",
    signature="linreg_gradient(X, y, beta) -> (d,)",
    reference=linreg_gradient,
    cases=_linreg_cases,
    hints=[
        Text("The loss is the mean, over the n samples, of the squared residuals rᵢ = yᵢ − xᵢβ. "
             "The gradient has one entry per coefficient βⱼ: how fast the loss changes when βⱼ "
             "moves.",
             "손실은 n개 샘플에 대한 잔차(residual) rᵢ = yᵢ − xᵢβ 제곱의 평균입니다. 그레디언트는 "
             "계수 βⱼ마다 하나씩, βⱼ가 움직일 때 손실이 얼마나 빨리 변하는지를 담습니다."),
        Text("Chain rule: the derivative of rᵢ² is 2rᵢ times ∂rᵢ/∂β = −xᵢ. Averaged over the rows: "
             "∇L = −(2/n) Xᵀ(y − Xβ).",
             "연쇄법칙(chain rule)을 쓰면 rᵢ²의 미분은 2rᵢ에 ∂rᵢ/∂β = −xᵢ를 곱한 것입니다. 행들에 대해 "
             "평균하면 ∇L = −(2/n) Xᵀ(y − Xβ)입니다."),
        Text("Shapes: the residual is (n,), Xᵀ is (d, n), so Xᵀ times the residual is (d,). n is "
             "the number of rows of X (the samples), not its number of columns.",
             "모양을 보면, 잔차는 (n,), Xᵀ는 (d, n)이므로 Xᵀ와 잔차의 곱은 (d,)입니다. n은 X의 행 "
             "개수(샘플 수)이지 열 개수가 아닙니다."),
    ],
    mistakes=[
        Mistake(lambda X, y, beta: -2.0 * (X.T @ _lr_residual(X, y, beta)), Text(
            "your gradient is n times too big: the loss is the *mean* ‖y − Xβ‖²/n, so divide by n "
            "(the number of rows of X)",
            "그레디언트가 n배 큽니다. 손실은 *평균* ‖y − Xβ‖²/n이므로 n(X의 행 개수)으로 나누세요")),
        Mistake(lambda X, y, beta: -2.0 / X.shape[1] * (X.T @ _lr_residual(X, y, beta)), Text(
            "you divided by d = X.shape[1], the number of features; the mean runs over the n "
            "samples, the rows: n = X.shape[0]",
            "특성의 개수 d = X.shape[1]로 나누었습니다. 평균은 n개 샘플, 곧 행에 대해 구합니다: "
            "n = X.shape[0]")),
        Mistake(lambda X, y, beta: 2.0 / len(X) * (X.T @ _lr_residual(X, y, beta)), Text(
            "your gradient has the wrong sign: ∂(y − Xβ)/∂β = −X, so ∇L = −2/n · Xᵀ(y − Xβ) "
            "(with + you would walk uphill)",
            "그레디언트의 부호가 틀렸습니다. ∂(y − Xβ)/∂β = −X이므로 ∇L = −2/n · Xᵀ(y − Xβ)입니다"
            "(+이면 오르막으로 걸어갑니다)")),
        Mistake(lambda X, y, beta: -1.0 / len(X) * (X.T @ _lr_residual(X, y, beta)), Text(
            "your gradient misses the factor 2: the derivative of r² is 2r, so "
            "∇L = −2/n · Xᵀ(y − Xβ)",
            "그레디언트에 인수 2가 빠졌습니다. r²의 미분은 2r이므로 ∇L = −2/n · Xᵀ(y − Xβ)입니다")),
        Mistake(lambda X, y, beta: 2.0 * (X.T @ _lr_residual(X, y, beta)), Text(
            "wrong sign and no 1/n: ∇L = −2/n · Xᵀ(y − Xβ)",
            "부호가 틀렸고 1/n도 빠졌습니다: ∇L = −2/n · Xᵀ(y − Xβ)")),
        Mistake(lambda X, y, beta: -(X.T @ _lr_residual(X, y, beta))
                / (len(X) * np.sqrt(np.mean(_lr_residual(X, y, beta) ** 2))), Text(
            "that is the gradient of the root-mean-square loss √(‖y − Xβ‖²/n); this exercise asks "
            "for the mean squared error ‖y − Xβ‖²/n: −2/n · Xᵀ(y − Xβ)",
            "이것은 제곱평균제곱근 손실 √(‖y − Xβ‖²/n)의 그레디언트입니다. 이 연습문제는 "
            "평균제곱오차 ‖y − Xβ‖²/n의 그레디언트 −2/n · Xᵀ(y − Xβ)를 구합니다")),
    ],
    lesson="02_linear_regression",
)


# --------------------------------------------------------------- minibatches
def minibatches(n, batch_size, rng):
    """Shuffle range(n) and cut it into batches of batch_size (the last may be smaller).

    rng : a numpy.random.Generator, so the same seed gives the same batches.
    Returns a list of int arrays that together hold every index exactly once.
    """
    order = rng.permutation(n)
    return [order[i:i + batch_size] for i in range(0, n, batch_size)]


NOT_SHUFFLED = Text(
    "your batches are not shuffled: the indices come in the order 0, 1, 2, … — draw a random order "
    "first with `order = rng.permutation(n)`",
    "배치가 섞이지 않았습니다. 인덱스가 0, 1, 2, … 순서대로 나옵니다 — 먼저 "
    "`order = rng.permutation(n)`으로 무작위 순서를 만드세요",
)
DROPS_LAST = Text(
    "the last, smaller batch is missing: when n is not a multiple of batch_size the leftover samples "
    "form one more (smaller) batch — every sample is used once per epoch",
    "마지막의 더 작은 배치가 빠졌습니다. n이 batch_size의 배수가 아니면 남는 샘플이 (더 작은) 배치 "
    "하나를 더 이룹니다 — 에포크마다 모든 샘플을 한 번씩 씁니다",
)
DUPLICATES = Text(
    "some indices appear more than once (and others never): sample *without* replacement — use "
    "rng.permutation(n), not rng.integers or rng.choice(n, n)",
    "어떤 인덱스는 여러 번 나오고 어떤 인덱스는 한 번도 나오지 않습니다. *비복원* 추출을 하세요 — "
    "rng.integers나 rng.choice(n, n)이 아니라 rng.permutation(n)을 쓰세요",
)
NOT_REPRODUCIBLE = Text(
    "not reproducible: two calls with identically seeded Generators gave different batches — draw "
    "the permutation from the `rng` argument (rng.permutation(n)), not from np.random.permutation or "
    "a fresh Generator",
    "재현되지 않습니다. 같은 시드의 Generator로 두 번 불렀는데 배치가 달랐습니다 — "
    "np.random.permutation이나 새 Generator가 아니라 인자 `rng`에서 순열을 뽑으세요"
    "(rng.permutation(n))",
)
IGNORES_RNG = Text(
    "your function ignores the `rng` argument: Generators with different seeds gave the same batches "
    "— use rng.permutation(n) instead of your own fixed-seed Generator",
    "함수가 인자 `rng`를 무시합니다. 시드가 다른 Generator로도 같은 배치가 나왔습니다 — 시드를 고정한 "
    "자신의 Generator 대신 rng.permutation(n)을 쓰세요",
)
LISTS = Text(
    "your batches are Python lists (or tuples); the exercise asks for a list of NumPy arrays of "
    "indices — a slice of `rng.permutation(n)` already is one, no `.tolist()` or `list(...)` needed",
    "배치가 파이썬 리스트(또는 튜플)입니다. 이 연습문제는 인덱스를 담은 NumPy 배열의 리스트를 "
    "요구합니다 — `rng.permutation(n)`을 자른 조각이 이미 그런 배열이니 `.tolist()`나 `list(...)`는 "
    "필요 없습니다",
)
NOT_INDICES = Text(
    "batch {i} should be a 1-D array of integer indices, got {got}",
    "{i}번 배치는 정수 인덱스의 1차원 배열이어야 하는데 {got}입니다",
)
BATCH = Text("  (batch {i}, for example)", "  (예: {i}번 배치)")
ARRAY_WITH = Text("an array with shape {shape} and dtype {dtype}", "모양 {shape}, 자료형 {dtype}인 배열")
OUT_OF_RANGE = Text(
    "indices must lie in 0..n−1 = 0..{last}, got {low}..{high}",
    "인덱스는 0..n−1 = 0..{last} 범위에 있어야 하는데 {low}..{high}입니다",
)
SIZES = Text("  batch sizes: expected {want}, got {sizes}", "  배치 크기: 기댓값 {want}, 반환값 {sizes}")
MISSING = Text(
    "every index 0..n−1 must appear exactly once; {missing} are missing",
    "0..n−1의 모든 인덱스가 정확히 한 번씩 나와야 하는데 {missing}개가 빠졌습니다",
)
WRONG_SIZES = Text(
    "wrong batch sizes: every batch holds batch_size indices, only the last may be smaller",
    "배치 크기가 틀렸습니다. 모든 배치는 인덱스 batch_size개를 담고, 마지막 배치만 더 작을 수 있습니다",
)
MB_PASSED = Text(
    "correct on all {n} cases: every index exactly once, right batch sizes (last one smaller), "
    "shuffled, and the same seed gives the same batches",
    "{n}개 입력 모두 정답입니다. 모든 인덱스가 정확히 한 번씩, 배치 크기도 맞고(마지막은 더 작음), "
    "섞여 있으며, 같은 시드는 같은 배치를 줍니다",
)


def _mb_not_shuffled(n, batch_size, rng):
    order = np.arange(n)
    return [order[i:i + batch_size] for i in range(0, n, batch_size)]


def _mb_drops_last(n, batch_size, rng):
    order = rng.permutation(n)
    return [order[i:i + batch_size] for i in range(0, n - batch_size + 1, batch_size)]


def _mb_duplicates(n, batch_size, rng):
    order = rng.integers(0, n, size=n)
    return [order[i:i + batch_size] for i in range(0, n, batch_size)]


def _mb_global_random(n, batch_size, rng):
    order = np.random.permutation(n)
    return [order[i:i + batch_size] for i in range(0, n, batch_size)]


def _mb_fixed_seed(n, batch_size, rng):
    order = np.random.default_rng(0).permutation(n)
    return [order[i:i + batch_size] for i in range(0, n, batch_size)]


def _mb_lists(n, batch_size, rng):
    order = rng.permutation(n).tolist()
    return [order[i:i + batch_size] for i in range(0, n, batch_size)]


_MB_SHAPES = [(10, 3), (10, 5), (7, 7), (1, 1), (5, 10), (100, 32)]


def _mb_case(n, batch_size, seed):
    return case(n, batch_size, np.random.default_rng(seed), note=f"rng = default_rng({seed})")


def _mb_batches(ex, c, out):
    """The answer (already read into arrays) as a list of 1-D int arrays; raises Failed otherwise."""
    batches = []
    for i, a in enumerate(out.items):
        if isinstance(a, Listed):
            raise Failed(LISTS, BATCH.format(i=i), describe_case(ex, c))
        if isinstance(a, Foreign) or a.ndim != 1 or a.dtype.kind not in "iu":
            got = a.kind if isinstance(a, Foreign) else ARRAY_WITH.format(shape=a.shape, dtype=a.dtype)
            raise Failed(NOT_INDICES.format(i=i, got=got), describe_case(ex, c))
        batches.append(a)
    return batches


def _mb_validate(trial, ex):
    """Partition properties, shuffling and reproducibility (not the exact order)."""
    first = {}
    for k, (n, bs) in enumerate(_MB_SHAPES):
        c = _mb_case(n, bs, seed=k)
        batches = _mb_batches(ex, c, trial.answer(c))
        first[(n, bs)] = batches
        sizes = [len(b) for b in batches]
        want = [bs] * (n // bs) + ([n % bs] if n % bs else [])
        flat = np.concatenate(batches) if batches else np.array([], dtype=int)
        if flat.size and (flat.min() < 0 or flat.max() >= n):
            raise Failed(OUT_OF_RANGE.format(last=n - 1, low=flat.min(), high=flat.max()),
                         describe_case(ex, c))
        detail = SIZES.format(want=want, sizes=sizes) + "\n" + describe_case(ex, c)
        if len(np.unique(flat)) != flat.size:
            raise Failed(DUPLICATES, detail)
        if flat.size < n and sizes == want[: len(sizes)] and n % bs:
            raise Failed(DROPS_LAST, detail)
        if flat.size != n:
            raise Failed(MISSING.format(missing=n - flat.size), detail)
        if sizes != want:
            raise Failed(WRONG_SIZES, detail)
    c = _mb_case(100, 32, seed=5)
    flat = np.concatenate(first[(100, 32)])
    if np.array_equal(flat, np.arange(100)):
        raise Failed(NOT_SHUFFLED, describe_case(ex, c))
    again = _mb_batches(ex, c, trial.answer(_mb_case(100, 32, seed=5)))
    if not np.array_equal(flat, np.concatenate(again)):
        raise Failed(NOT_REPRODUCIBLE, describe_case(ex, c))
    other_case = _mb_case(100, 32, seed=6)
    other = _mb_batches(ex, other_case, trial.answer(other_case))
    if np.array_equal(flat, np.concatenate(other)):
        raise Failed(IGNORES_RNG, describe_case(ex, other_case))
    return MB_PASSED.format(n=len(_MB_SHAPES))


MINIBATCHES = Exercise(
    name="minibatches",
    signature="minibatches(n, batch_size, rng) -> list of int arrays",
    reference=minibatches,
    cases=lambda rng: [_mb_case(n, bs, k) for k, (n, bs) in enumerate(_MB_SHAPES)],
    output=IndexBatches(),
    hints=[
        Text("One epoch uses every sample exactly once, in a random order. So first put the "
             "indices 0..n−1 in a random order, then cut that order into pieces.",
             "에포크(epoch) 하나는 모든 샘플을 무작위 순서로 정확히 한 번씩 씁니다. 그러니 먼저 인덱스 "
             "0..n−1을 무작위 순서로 놓고, 그 순서를 조각으로 자르세요."),
        Text("`rng.permutation(n)` is 0..n−1 in random order. Draw it from the `rng` you were given, "
             "so the same seed gives the same batches.",
             "`rng.permutation(n)`은 0..n−1을 무작위 순서로 늘어놓은 배열입니다. 인자로 받은 `rng`에서 "
             "뽑아야 같은 시드가 같은 배치를 줍니다."),
        Text("Batch j holds positions j·batch_size up to (not including) (j + 1)·batch_size of the "
             "shuffled order. The start positions 0, batch_size, 2·batch_size, … are a `range` with "
             "a step; a slice past the end just comes out shorter, which gives the smaller last batch.",
             "j번 배치는 섞인 순서의 j·batch_size번 위치부터 (j + 1)·batch_size번 위치 직전까지입니다. "
             "시작 위치 0, batch_size, 2·batch_size, …는 간격이 있는 `range`로 만들 수 있고, 끝을 넘는 "
             "슬라이스는 짧게 잘려 나오므로 마지막 배치가 자연히 더 작아집니다."),
    ],
    mistakes=[
        PropertyMistake(_mb_not_shuffled, NOT_SHUFFLED),
        PropertyMistake(_mb_drops_last, DROPS_LAST),
        PropertyMistake(_mb_duplicates, DUPLICATES),
        PropertyMistake(_mb_global_random, NOT_REPRODUCIBLE),
        PropertyMistake(_mb_fixed_seed, IGNORES_RNG),
        PropertyMistake(_mb_lists, LISTS),
    ],
    validate=_mb_validate,
    lesson="02_linear_regression",
)

EXERCISES = [CENTRED_DIFFERENCE, GD_STEP, PINV_SOLVE, LINREG_GRADIENT, MINIBATCHES]
