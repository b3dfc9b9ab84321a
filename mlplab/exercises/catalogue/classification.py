"""Lesson 03: the linear layer, softmax, one-hot targets and cross-entropy."""

import numpy as np

from ...i18n import Text, say
from .._core import DtypeMistake, Exercise, Mistake, Scalar, case


# ------------------------------------------------------------ linear_forward
def linear_forward(X, W, b):
    """Affine map of a batch: O = X W + b.   X: (n, d), W: (d, k), b: (k,)  ->  O: (n, k)"""
    return X @ W + b


def _linear_cases(rng):
    return [
        case(np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([[1.0, 0.0], [2.0, -1.0]]),
             np.array([0.5, -0.5]), note=say("hand-worked 2×2", "손으로 계산한 2×2")),
        case(rng.normal(size=(1, 4)), rng.normal(size=(4, 3)), rng.normal(size=3),
             note=say("batch size 1", "배치 크기 1")),
        case(rng.normal(size=(5, 3)), rng.normal(size=(3, 3)), rng.normal(size=3)),
        case(rng.normal(size=(6, 3)), rng.normal(size=(3, 4)), rng.normal(size=4)),
    ]


LINEAR_FORWARD = Exercise(
    name="linear_forward",
    signature="linear_forward(X, W, b) -> (n, k)",
    reference=linear_forward,
    cases=_linear_cases,
    hints=[
        Text("Row convention: each row of X is one sample, each column of W belongs to one output. "
             "Output j of sample i is the row xᵢ times column j of W, plus b[j].",
             "행 규칙: X의 각 행은 샘플 하나이고, W의 각 열은 출력 하나에 속합니다. 샘플 i의 출력 j는 "
             "행 xᵢ와 W의 j번째 열의 곱에 b[j]를 더한 값입니다."),
        Text("All samples and all outputs at once: O = XW + b, a matrix product and then the bias "
             "added to every row.",
             "모든 샘플과 모든 출력을 한꺼번에 쓰면 O = XW + b입니다. 행렬 곱을 한 다음 모든 행에 "
             "절편(bias)을 더합니다."),
        Text("Shapes: (n, d) times (d, k) gives (n, k); b has shape (k,) and broadcasts over the n "
             "rows. `@` is the matrix product (`*` would multiply entry by entry).",
             "모양을 보면 (n, d)와 (d, k)의 곱은 (n, k)이고, 모양이 (k,)인 b는 n개 행 모두에 "
             "브로드캐스트됩니다. `@`가 행렬 곱입니다(`*`는 원소끼리 곱합니다)."),
    ],
    mistakes=[
        Mistake(lambda X, W, b: X @ W, Text(
            "you forgot the bias: O = X W + b (add b, it broadcasts over the rows)",
            "절편을 빠뜨렸습니다: O = X W + b (b를 더하면 모든 행에 브로드캐스트됩니다)")),
        Mistake(lambda X, W, b: X @ W.T + b, Text(
            "you used the transposed weights (X Wᵀ): in the row convention W has shape (d, k) and "
            "O = X @ W + b",
            "전치된 가중치(X Wᵀ)를 썼습니다. 행 규칙에서 W의 모양은 (d, k)이고 O = X @ W + b입니다")),
        Mistake(lambda X, W, b: X @ W - b, Text(
            "you subtract the bias: O = X W + b",
            "절편을 뺐습니다: O = X W + b")),
        Mistake(lambda X, W, b: (X @ W + b).T, Text(
            "your output is transposed: it has one column per sample, shape (k, n); the layer's output "
            "has one *row* per sample, shape (n, k), as X has",
            "출력이 전치되었습니다. 샘플마다 열이 하나인 (k, n) 모양입니다. 이 층의 출력은 X처럼 "
            "샘플마다 *행*이 하나인 (n, k) 모양이어야 합니다")),
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
        case(np.array([[1.0, 2.0], [0.0, 3.0]]), note=say("square", "정사각")),
        case(np.array([[1.0, 2.0, 3.0], [1.0, 1.0, 1.0]])),
        case(rng.normal(size=(1, 5)), note=say("batch size 1", "배치 크기 1")),
        case(rng.normal(size=(4, 3))),
        case(rng.normal(size=(6, 10)) * 3),
        case(np.array([[1000.0, 1001.0, 1002.0]]), note=say("large scores", "큰 점수")),
        case(np.array([[1e4, 1e4 - 1.0, 1e4 - 3.0], [-1e4, -1e4 + 2.0, -1e4 + 1.0]]),
             note=say("scores of ±1e4", "±1e4의 점수")),
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


def _softmax_sum_over_columns(O):
    E = np.exp(O - O.max(axis=1, keepdims=True))
    return E / E.sum(axis=0, keepdims=True)


def _softmax_column_max(O):
    E = np.exp(O - O.max(axis=0, keepdims=True))
    return E / E.sum(axis=1, keepdims=True)


SOFTMAX = Exercise(
    name="softmax",
    signature="softmax(O) -> (n, k)",
    reference=softmax,
    cases=_softmax_cases,
    hints=[
        Text("Softmax turns each row of scores into probabilities: exponentiate, then divide by the "
             "row's total, so that every row sums to 1. Each row is one sample, handled on its own.",
             "소프트맥스(softmax)는 점수의 각 행을 확률로 바꿉니다. 지수함수를 취한 다음 그 행의 합으로 "
             "나누면 모든 행의 합이 1이 됩니다. 각 행은 샘플 하나이고, 행마다 따로 계산합니다."),
        Text("np.exp(1000) is inf. Subtracting the same number from a whole row changes no "
             "probability (the factor cancels in the fraction), so subtract each row's largest score "
             "m_i first: P[i, j] = e^(O[i, j] − m_i) / Σ_j e^(O[i, j] − m_i). Then no exponent is "
             "above 0.",
             "np.exp(1000)은 inf입니다. 한 행 전체에서 같은 수를 빼도 확률은 그대로이므로(분수에서 그 "
             "인수가 약분됩니다) 먼저 행마다 가장 큰 점수 m_i를 빼세요: "
             "P[i, j] = e^(O[i, j] − m_i) / Σ_j e^(O[i, j] − m_i). 그러면 어떤 지수도 0을 넘지 "
             "않습니다."),
        Text("Both the max and the sum run along a row: axis 1. Keep them as a column of shape "
             "(n, 1) with `keepdims=True`, so that they broadcast across their own row.",
             "최댓값과 합은 모두 한 행을 따라, 곧 axis 1 방향으로 구합니다. `keepdims=True`로 모양 "
             "(n, 1)의 열로 남겨 두어야 자기 행 전체에 브로드캐스트됩니다."),
    ],
    mistakes=[
        Mistake(_softmax_axis0, Text(
            "your *columns* sum to 1, not your rows: you normalised over axis 0. Each row is one "
            "sample — use axis=1 (with keepdims=True)",
            "행이 아니라 *열*의 합이 1입니다. axis 0 방향으로 정규화했습니다. 각 행이 샘플 하나이므로 "
            "axis=1을 쓰세요(keepdims=True와 함께)")),
        Mistake(_softmax_sum_over_columns, Text(
            "the max is right (each row's, axis=1) but the sum is over the wrong axis: you divide by "
            "the column sums (axis=0). Sum each row, `E.sum(axis=1, keepdims=True)` — that is where "
            "the wrong values (and any nan) come from, not from overflow",
            "최댓값은 맞게(행마다, axis=1) 뺐지만 합의 축이 틀렸습니다. 열의 합(axis=0)으로 나누고 "
            "있습니다. 행마다 더하세요: `E.sum(axis=1, keepdims=True)`. 틀린 값(그리고 nan)은 "
            "오버플로가 아니라 이 축에서 나옵니다")),
        Mistake(_softmax_column_max, Text(
            "you subtract the max of each *column* (axis=0): a shift leaves the probabilities "
            "unchanged only if it is the same for the whole row — subtract each row's max, "
            "O.max(axis=1, keepdims=True)",
            "각 *열*의 최댓값(axis=0)을 뺐습니다. 같은 수를 행 전체에서 빼야 확률이 그대로입니다 — 행마다 "
            "최댓값 O.max(axis=1, keepdims=True)를 빼세요")),
        Mistake(_softmax_no_keepdims, Text(
            "E.sum(axis=1) has shape (n,), which lines up with the columns, not the rows — use "
            "E.sum(axis=1, keepdims=True) (shape (n, 1))",
            "E.sum(axis=1)의 모양은 (n,)이라 행이 아니라 열에 맞춰 나뉩니다 — "
            "E.sum(axis=1, keepdims=True)(모양 (n, 1))를 쓰세요")),
        Mistake(_softmax_whole_sum, Text(
            "you divided by the sum over the whole array, so all entries together sum to 1 — each "
            "row must sum to 1 on its own: E.sum(axis=1, keepdims=True)",
            "배열 전체의 합으로 나누어서 모든 원소를 합친 값이 1입니다 — 행마다 따로 합이 1이어야 "
            "합니다: E.sum(axis=1, keepdims=True)")),
        Mistake(_softmax_naive, Text(
            "overflow: np.exp of a score near 1000 is inf, and inf/inf = nan. Subtract each row's max "
            "first (O - O.max(axis=1, keepdims=True)); softmax is unchanged by that shift",
            "오버플로입니다. 1000 근처 점수의 np.exp는 inf이고 inf/inf = nan입니다. 먼저 행마다 "
            "최댓값을 빼세요(O - O.max(axis=1, keepdims=True)). 이렇게 옮겨도 소프트맥스 값은 "
            "그대로입니다")),
        Mistake(_softmax_global_max, Text(
            "you subtracted the max of the whole array; a row whose scores are far below it "
            "underflows to 0/0 = nan — subtract each row's own max: O.max(axis=1, keepdims=True)",
            "배열 전체의 최댓값을 뺐습니다. 점수가 그보다 훨씬 작은 행은 0/0 = nan으로 언더플로됩니다 — "
            "행마다 자기 최댓값을 빼세요: O.max(axis=1, keepdims=True)")),
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
        case(np.array([0, 2, 1]), 3, note=say("hand-worked", "손으로 계산한 예")),
        case(np.array([1]), 2, note=say("batch size 1", "배치 크기 1")),
        case(np.array([0, 1, 0]), 4, note=say("k larger than the labels seen",
                                              "나온 레이블보다 큰 k")),
        case(rng.integers(0, 5, size=8), 5),
        case(rng.integers(0, 10, size=20), 10),
    ]


def _one_hot_int(y, k):
    Y = np.zeros((len(y), k), dtype=int)
    Y[np.arange(len(y)), y] = 1
    return Y


def _one_hot_max_plus_one(y, k):
    return np.eye(np.max(y) + 1)[y]


def _one_hot_columns(y, k):
    Y = np.zeros((len(y), k))
    Y[:, y] = 1.0
    return Y


ONE_HOT = Exercise(
    name="one_hot",
    signature="one_hot(y, k) -> (n, k)",
    reference=one_hot,
    cases=_one_hot_cases,
    hints=[
        Text("Row i of the answer stands for sample i: k entries, all 0 except a single 1 in "
             "column y[i], the sample's label.",
             "답의 i번째 행은 샘플 i를 나타냅니다. 원소가 k개이고, 그 샘플의 레이블인 y[i]번째 열에 있는 "
             "1 하나를 빼면 모두 0입니다."),
        Text("Start from a float matrix of zeros of shape (n, k), then set entry (i, y[i]) to 1 for "
             "every sample i.",
             "모양이 (n, k)이고 0으로 채운 실수 행렬에서 시작해, 모든 샘플 i에 대해 (i, y[i]) 원소를 "
             "1로 바꾸세요."),
        Text("Indexing with two arrays of length n — the row numbers 0..n−1 (`np.arange`) and the "
             "labels y — picks one entry per row and sets all n of them at once. Indexing with "
             "`[:, y]` would pick whole columns instead.",
             "길이가 n인 배열 두 개, 곧 행 번호 0..n−1(`np.arange`)과 레이블 y로 인덱싱하면 행마다 원소 "
             "하나씩을 골라 n개를 한꺼번에 바꿀 수 있습니다. `[:, y]`로 인덱싱하면 열 전체를 고르게 "
             "됩니다."),
    ],
    mistakes=[
        DtypeMistake(_one_hot_int, Text(
            "your one-hot matrix holds integers (or booleans); array answers in this course are "
            "floating-point arrays — np.zeros((n, k)) is float by default, and the one-hot targets "
            "meet probabilities and float arithmetic later",
            "원-핫 행렬에 정수(또는 불리언)가 들어 있습니다. 이 과정에서 배열로 답하는 문제는 부동소수점 "
            "배열을 돌려줍니다 — np.zeros((n, k))는 기본이 float이고, 원-핫 목표는 나중에 확률과 실수 "
            "계산을 만납니다")),
        Mistake(_one_hot_columns, Text(
            "`Y[:, y] = 1` sets whole columns: every row gets a 1 in every column that any label "
            "uses. Pair each row with its own label: rows np.arange(n) together with columns y",
            "`Y[:, y] = 1`은 열 전체를 바꿉니다. 그래서 모든 행이, 어느 레이블이든 쓰인 모든 열에 1을 "
            "갖게 됩니다. 각 행을 자기 레이블과 짝지으세요: 행 np.arange(n)과 열 y를 함께")),
        Mistake(lambda y, k: np.eye(k)[y - 1], Text(
            "your 1s sit one column to the left (label 0 even wraps round to the last column): the "
            "labels are already 0-based, 0..k−1 — put the 1 in column y[i] itself, not y[i] − 1",
            "1이 한 열씩 왼쪽에 있습니다(레이블 0은 마지막 열로 넘어갑니다). 레이블은 이미 0부터 시작하는 "
            "0..k−1이므로, 1을 y[i] − 1이 아니라 y[i]번째 열에 두세요")),
        Mistake(_one_hot_max_plus_one, Text(
            "you used y.max() + 1 columns instead of k — the labels in a batch need not include the "
            "last class; the matrix must have exactly k columns",
            "열을 k개가 아니라 y.max() + 1개 만들었습니다 — 한 배치의 레이블에 마지막 클래스가 없을 "
            "수도 있으니, 행렬의 열은 정확히 k개여야 합니다")),
        Mistake(lambda y, k: np.eye(k)[y].T, Text(
            "your matrix is transposed: one *row* per sample, shape (n, k)",
            "행렬이 전치되었습니다. 샘플마다 *행*이 하나인 (n, k) 모양이어야 합니다")),
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
                  np.array([[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]]), note=say("hand-worked", "손으로 계산한 예"))]
    for n, k in [(1, 3), (5, 4), (10, 10)]:
        cases.append(case(_probabilities(rng, n, k), np.eye(k)[rng.integers(0, k, size=n)],
                          note=say("batch size 1", "배치 크기 1") if n == 1 else ""))
    return cases


CROSS_ENTROPY = Exercise(
    name="cross_entropy",
    signature="cross_entropy(P, Y) -> float",
    reference=cross_entropy,
    cases=_ce_cases,
    output=Scalar(),
    hints=[
        Text("For one sample the loss is −log of the probability the model gives the true class: "
             "near 0 when it is confident and right, large when it is confident and wrong.",
             "샘플 하나의 손실은 모델이 정답 클래스에 준 확률에 −log를 취한 값입니다. 자신 있게 맞히면 "
             "0에 가깝고, 자신 있게 틀리면 커집니다."),
        Text("With a one-hot row Y[i] that is −Σ_j Y[i, j] log P[i, j] (the one-hot entries pick the "
             "true class out); the loss of the batch is the mean of these n numbers.",
             "원-핫 행 Y[i]로 쓰면 −Σ_j Y[i, j] log P[i, j]입니다(원-핫 원소가 정답 클래스만 골라 "
             "냅니다). 배치의 손실은 이 n개 값의 평균입니다."),
        Text("Shapes: `Y * np.log(P)` is (n, k); summing over the classes (axis 1) gives one loss per "
             "row, (n,); their mean is a single float. Mind the minus sign: log p ≤ 0.",
             "모양을 보면 `Y * np.log(P)`는 (n, k)이고, 클래스 방향(axis 1)으로 더하면 행마다 손실이 "
             "하나씩인 (n,)이 되며, 그 평균은 실수 하나입니다. 마이너스 부호를 잊지 마세요. "
             "log p ≤ 0입니다."),
    ],
    mistakes=[
        Mistake(lambda P, Y: -np.sum(Y * np.log(P)), Text(
            "you summed the losses of the rows instead of averaging them — divide by n (np.mean over "
            "rows), so the loss does not grow with the batch size",
            "행들의 손실을 평균하지 않고 더했습니다 — n으로 나누세요(행에 대한 np.mean). 그래야 손실이 "
            "배치 크기에 따라 커지지 않습니다")),
        Mistake(lambda P, Y: np.mean(np.sum(Y * np.log(P), axis=1)), Text(
            "your loss is negative: log p ≤ 0, so cross-entropy needs a minus sign, "
            "L = −mean Σ Y log P",
            "손실이 음수입니다. log p ≤ 0이므로 교차 엔트로피에는 마이너스 부호가 필요합니다: "
            "L = −mean Σ Y log P")),
        Mistake(lambda P, Y: -np.mean(Y * np.log(P)), Text(
            "np.mean(Y * np.log(P)) divides by n·k entries; sum over the classes first (axis=1), "
            "then average over the n rows",
            "np.mean(Y * np.log(P))는 원소 n·k개로 나눕니다. 먼저 클래스 방향(axis=1)으로 더한 다음 "
            "n개 행에 대해 평균하세요")),
        Mistake(lambda P, Y: -np.mean(np.log(P)), Text(
            "you averaged the log of *every* probability; only the true class counts — multiply by "
            "the one-hot Y before summing",
            "*모든* 확률의 로그를 평균했습니다. 정답 클래스만 계산에 들어갑니다 — 더하기 전에 원-핫 Y를 "
            "곱하세요")),
        Mistake(lambda P, Y: -np.mean(np.sum((1 - Y) * np.log(P), axis=1)), Text(
            "you took the log of the wrong entries (the classes where Y = 0); use Y * np.log(P)",
            "엉뚱한 원소(Y = 0인 클래스)의 로그를 썼습니다. Y * np.log(P)를 쓰세요")),
        Mistake(lambda P, Y: -np.mean(np.sum(P * np.log(Y), axis=1)), Text(
            "P and Y are swapped: it is −Σ Y log P (the log of the probabilities, weighted by the "
            "one-hot targets)",
            "P와 Y가 바뀌었습니다. 식은 −Σ Y log P입니다(확률의 로그에 원-핫 목표를 가중치로 곱함)")),
        Mistake(lambda P, Y: -np.sum(Y * np.log(P), axis=1), Text(
            "you return one loss per row — average them into a single number with np.mean",
            "행마다 손실을 하나씩 돌려주었습니다 — np.mean으로 평균해 숫자 하나로 만드세요")),
    ],
    lesson="03_softmax_classification",
)

EXERCISES = [LINEAR_FORWARD, SOFTMAX, ONE_HOT, CROSS_ENTROPY]
