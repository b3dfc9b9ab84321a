"""Lesson 07: the update step of SGD and the accuracy of a classifier."""

import numpy as np

from ...i18n import Text, say
from .._core import Exercise, Mistake, MutationMistake, Scalar, case
from ._kinds import ArrayLayers


# ------------------------------------------------------------------ sgd_step
def sgd_step(params, grads, lr):
    """One SGD update: W ← W − lr·dW and b ← b − lr·db for every layer.

    params, grads : lists of (W, b) and (dW, db) with matching shapes.
    Returns a new list of new (W, b) arrays; the arrays passed in are left unchanged.
    """
    return [(W - lr * dW, b - lr * db) for (W, b), (dW, db) in zip(params, grads)]


def _pairs(rng, sizes):
    return [(rng.normal(size=(a, b)), rng.normal(size=b)) for a, b in zip(sizes[:-1], sizes[1:])]


def _sgd_cases(rng):
    return [
        case([(np.array([[1.0, 2.0]]), np.array([0.5, -0.5]))],
             [(np.array([[0.5, -1.0]]), np.array([1.0, 1.0]))], 0.1,
             note=say("one layer by hand", "손으로 계산한 층 하나")),
        case(_pairs(rng, [3, 4, 2]), _pairs(rng, [3, 4, 2]), 0.05),
        case(_pairs(rng, [2, 5, 5, 3]), _pairs(rng, [2, 5, 5, 3]), 0.5, note=say("three layers", "층 세 개")),
    ]


def _sgd_in_place(params, grads, lr):
    for (W, b), (dW, db) in zip(params, grads):
        W -= lr * dW
        b -= lr * db
    return params


def _sgd_as_lists(params, grads, lr):
    return [((W - lr * dW).tolist(), (b - lr * db).tolist()) for (W, b), (dW, db) in zip(params, grads)]


AS_LISTS = Text(
    "your new W and b are Python lists; the exercise asks for new NumPy arrays — `W - lr * dW` "
    "already is one, no `.tolist()` needed",
    "새 W와 b가 파이썬 리스트입니다. 이 연습문제는 새 NumPy 배열을 요구합니다 — `W - lr * dW`가 이미 "
    "배열이니 `.tolist()`는 필요 없습니다",
)

SGD_STEP = Exercise(
    name="sgd_step",
    signature="sgd_step(params, grads, lr) -> new params",
    reference=sgd_step,
    cases=_sgd_cases,
    output=ArrayLayers("W", "b", AS_LISTS),
    hints=[
        Text("One SGD update moves every weight and every bias a small step against its own "
             "gradient, layer by layer — the gradient-descent step of lesson 01 applied to every array.",
             "SGD 업데이트 한 번은 모든 가중치와 절편을 각자의 그레디언트 반대쪽으로 조금씩, 층마다 "
             "움직입니다. 레슨 01의 경사하강법 스텝을 모든 배열에 적용하는 것입니다."),
        Text("For each layer: W_new = W − λ·dW and b_new = b − λ·db, with λ the learning rate `lr`.",
             "층마다 W_new = W − λ·dW, b_new = b − λ·db이고, λ는 학습률 `lr`입니다."),
        Text("Walk the two lists together (`zip(params, grads)` pairs layer l with its gradients) and "
             "collect the new pairs in a new list, one (W, b) per layer. Build new arrays: `-=` would "
             "change the caller's params.",
             "두 리스트를 함께 돌면서(`zip(params, grads)`가 층 l과 그 그레디언트를 짝지어 줍니다) 새 쌍을 "
             "새 리스트에 층마다 (W, b) 하나씩 모으세요. 새 배열을 만들어야 합니다. `-=`는 호출한 쪽의 "
             "params를 바꿉니다."),
    ],
    mistakes=[
        MutationMistake(_sgd_in_place, Text(
            "you changed the arrays in `params` in place (W -= lr * dW). This exercise asks for *new* "
            "params: return [(W - lr * dW, b - lr * db), ...] and leave the inputs unchanged",
            "`params`의 배열을 제자리에서 바꾸었습니다(W -= lr * dW). 이 연습문제는 *새* params를 "
            "요구합니다: [(W - lr * dW, b - lr * db), ...]를 돌려주고 입력은 그대로 두세요")),
        Mistake(_sgd_as_lists, AS_LISTS),
        Mistake(lambda params, grads, lr: [(W + lr * dW, b + lr * db)
                                           for (W, b), (dW, db) in zip(params, grads)], Text(
            "you add the gradient (W + lr·dW): that climbs uphill — SGD subtracts, W − lr·dW",
            "그레디언트를 더했습니다(W + lr·dW). 그러면 오르막을 올라갑니다 — SGD는 뺍니다: W − lr·dW")),
        Mistake(lambda params, grads, lr: [(W - dW, b - db) for (W, b), (dW, db) in zip(params, grads)], Text(
            "you forgot the learning rate: W − lr·dW",
            "학습률을 빠뜨렸습니다: W − lr·dW")),
        Mistake(lambda params, grads, lr: [(W - lr * dW, b) for (W, b), (dW, db) in zip(params, grads)], Text(
            "your biases never change: update b with its gradient too, b − lr·db",
            "절편이 전혀 바뀌지 않습니다. b도 그레디언트로 업데이트하세요: b − lr·db")),
    ],
    lesson="07_training_sgd",
)


# ------------------------------------------------------------------ accuracy
def accuracy(P, y):
    """Fraction of rows whose most probable class equals the label.

    P: (n, k) probabilities (or scores), y: (n,) integer labels  ->  float in [0, 1]
    """
    return np.mean(np.argmax(P, axis=1) == y)


def _accuracy_cases(rng):
    def probs(n, k):
        E = np.exp(2 * rng.normal(size=(n, k)))
        return E / E.sum(axis=1, keepdims=True)

    return [
        case(np.array([[0.2, 0.7, 0.1, 0.0], [0.1, 0.3, 0.6, 0.0], [0.6, 0.3, 0.05, 0.05],
                       [0.1, 0.1, 0.2, 0.6]]), np.array([1, 2, 1, 3]),
             note=say("hand-worked (3 of 4 right)", "손으로 계산한 예(4개 중 3개 정답)")),
        case(np.array([[0.9, 0.1]]), np.array([0]), note=say("batch size 1", "배치 크기 1")),
        case(probs(10, 4), rng.integers(0, 4, size=10)),
        case(probs(50, 3), rng.integers(0, 3, size=50)),
    ]


ACCURACY = Exercise(
    name="accuracy",
    signature="accuracy(P, y) -> float",
    reference=accuracy,
    cases=_accuracy_cases,
    output=Scalar(),
    hints=[
        Text("A row's predicted class is the column where the row is largest; accuracy is the "
             "fraction of rows whose prediction equals the label.",
             "한 행의 예측 클래스는 그 행에서 값이 가장 큰 열입니다. 정확도(accuracy)는 예측이 레이블과 "
             "같은 행의 비율입니다."),
        Text("np.argmax along axis 1 gives the predicted class of every row, shape (n,); comparing it "
             "with y gives one True/False per row.",
             "axis 1 방향의 np.argmax는 행마다 예측 클래스를 주고 모양은 (n,)입니다. 이것을 y와 비교하면 "
             "행마다 True/False가 하나씩 나옵니다."),
        Text("The fraction of True entries is their mean (True counts as 1): a single float in "
             "[0, 1], not a count and not a percentage.",
             "True의 비율은 그 평균입니다(True는 1로 셉니다). 답은 [0, 1] 안의 실수 하나이고, 개수나 "
             "백분율이 아닙니다."),
    ],
    mistakes=[
        Mistake(lambda P, y: np.sum(np.argmax(P, axis=1) == y), Text(
            "you return the *number* of correct rows; accuracy is a fraction — divide by n (np.mean of "
            "the matches)",
            "맞힌 행의 *개수*를 돌려주었습니다. 정확도는 비율입니다 — n으로 나누세요(일치 여부의 np.mean)")),
        Mistake(lambda P, y: 100 * np.mean(np.argmax(P, axis=1) == y), Text(
            "you return a percentage; return a fraction between 0 and 1",
            "백분율을 돌려주었습니다. 0과 1 사이의 비율을 돌려주세요")),
        Mistake(lambda P, y: np.mean(np.argmax(P, axis=1) != y), Text(
            "that is the error rate (the wrong rows); accuracy counts the rows where argmax equals the "
            "label",
            "이것은 오류율(틀린 행의 비율)입니다. 정확도는 argmax가 레이블과 같은 행을 셉니다")),
        Mistake(lambda P, y: np.mean(np.max(P, axis=1) == y), Text(
            "you compare the probabilities themselves with the labels; compare the predicted *class*, "
            "np.argmax(P, axis=1)",
            "확률 자체를 레이블과 비교했습니다. 예측 *클래스* np.argmax(P, axis=1)를 비교하세요")),
        Mistake(lambda P, y: np.mean(P == y[:, None]), Text(
            "you compare the probabilities themselves with the labels; compare the predicted *class*, "
            "np.argmax(P, axis=1)",
            "확률 자체를 레이블과 비교했습니다. 예측 *클래스* np.argmax(P, axis=1)를 비교하세요")),
        Mistake(lambda P, y: np.mean(np.argmax(P, axis=0) == y), Text(
            "np.argmax(P, axis=0) picks a row per class; the prediction for each row is "
            "np.argmax(P, axis=1)",
            "np.argmax(P, axis=0)은 클래스마다 행 하나를 고릅니다. 각 행의 예측은 "
            "np.argmax(P, axis=1)입니다")),
    ],
    lesson="07_training_sgd",
)

EXERCISES = [SGD_STEP, ACCURACY]
