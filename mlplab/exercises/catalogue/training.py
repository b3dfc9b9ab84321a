"""Lesson 07: the update step of SGD and the accuracy of a classifier."""

import numpy as np

from .._core import Exercise, Layers, Mistake, MutationMistake, Scalar, case


# ------------------------------------------------------------------ sgd_step
def sgd_step(params, grads, lr):
    """One SGD update: W ← W − lr·dW and b ← b − lr·db for every layer.

    params, grads : lists of (W, b) and (dW, db) with matching shapes.
    Returns new params; the arrays passed in are left unchanged.
    """
    return [(W - lr * dW, b - lr * db) for (W, b), (dW, db) in zip(params, grads)]


def _pairs(rng, sizes):
    return [(rng.normal(size=(a, b)), rng.normal(size=b)) for a, b in zip(sizes[:-1], sizes[1:])]


def _sgd_cases(rng):
    return [
        case([(np.array([[1.0, 2.0]]), np.array([0.5, -0.5]))],
             [(np.array([[0.5, -1.0]]), np.array([1.0, 1.0]))], 0.1, note="one layer by hand"),
        case(_pairs(rng, [3, 4, 2]), _pairs(rng, [3, 4, 2]), 0.05),
        case(_pairs(rng, [2, 5, 5, 3]), _pairs(rng, [2, 5, 5, 3]), 0.5, note="three layers"),
    ]


def _sgd_in_place(params, grads, lr):
    for (W, b), (dW, db) in zip(params, grads):
        W -= lr * dW
        b -= lr * db
    return params


SGD_STEP = Exercise(
    name="sgd_step",
    signature="sgd_step(params, grads, lr) -> new params",
    reference=sgd_step,
    cases=_sgd_cases,
    output=Layers("W", "b"),
    hints=[
        "Each layer is a pair (W, b) with its gradient pair (dW, db); "
        "zip(params, grads) walks them together.",
        "Move every array against its gradient: W − lr·dW and b − lr·db.",
        "Build a new list rather than changing the arrays: "
        "`[(W - lr * dW, b - lr * db) for (W, b), (dW, db) in zip(params, grads)]`",
    ],
    mistakes=[
        MutationMistake(_sgd_in_place, "you changed the arrays in `params` in place (W -= lr * dW). This "
                        "exercise asks for *new* params: return [(W - lr * dW, b - lr * db), ...] and "
                        "leave the inputs unchanged"),
        Mistake(lambda params, grads, lr: [(W + lr * dW, b + lr * db)
                                           for (W, b), (dW, db) in zip(params, grads)],
                "you add the gradient (W + lr·dW): that climbs uphill — SGD subtracts, W − lr·dW"),
        Mistake(lambda params, grads, lr: [(W - dW, b - db) for (W, b), (dW, db) in zip(params, grads)],
                "you forgot the learning rate: W − lr·dW"),
        Mistake(lambda params, grads, lr: [(W - lr * dW, b) for (W, b), (dW, db) in zip(params, grads)],
                "your biases never change: update b with its gradient too, b − lr·db"),
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
                       [0.1, 0.1, 0.2, 0.6]]), np.array([1, 2, 1, 3]), note="hand-worked (3 of 4 right)"),
        case(np.array([[0.9, 0.1]]), np.array([0]), note="batch size 1"),
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
        "The predicted class of a row is the column with the largest probability: np.argmax(P, axis=1).",
        "Comparing predictions with labels gives a boolean array; its mean is the fraction that are right.",
        "`return np.mean(np.argmax(P, axis=1) == y)`",
    ],
    mistakes=[
        Mistake(lambda P, y: np.sum(np.argmax(P, axis=1) == y), "you return the *number* of correct rows; "
                "accuracy is a fraction — divide by n (np.mean of the matches)"),
        Mistake(lambda P, y: 100 * np.mean(np.argmax(P, axis=1) == y), "you return a percentage; return a "
                "fraction between 0 and 1"),
        Mistake(lambda P, y: np.mean(np.argmax(P, axis=1) != y), "that is the error rate (the wrong rows); "
                "accuracy counts the rows where argmax equals the label"),
        Mistake(lambda P, y: np.mean(np.max(P, axis=1) == y), "you compare the probabilities themselves with "
                "the labels; compare the predicted *class*, np.argmax(P, axis=1)"),
        Mistake(lambda P, y: np.mean(P == y[:, None]), "you compare the probabilities themselves with the "
                "labels; compare the predicted *class*, np.argmax(P, axis=1)"),
        Mistake(lambda P, y: np.mean(np.argmax(P, axis=0) == y), "np.argmax(P, axis=0) picks a row per "
                "class; the prediction for each row is np.argmax(P, axis=1)"),
    ],
    lesson="07_training_sgd",
)

EXERCISES = [SGD_STEP, ACCURACY]
