"""Lessons 05–06: the MLP forward pass, counting parameters, backpropagation."""

import numpy as np

from ...activations import relu, relu_grad, sigmoid, sigmoid_grad, tanh, tanh_grad
from .._core import Count, Exercise, Layers, Mistake, Parts, case


def _params(rng, sizes):
    return [(rng.normal(size=(a, b)) / np.sqrt(a), rng.normal(size=b) * 0.5)
            for a, b in zip(sizes[:-1], sizes[1:])]


# --------------------------------------------------------------- mlp_forward
def mlp_forward(X, params, activation):
    """Forward pass of a dense net: H = h(H W + b) for every layer but the last.

    params : list of (W (d_in, d_out), b (d_out,)), one pair per layer
    activation : a function applied elementwise after every hidden layer
    Returns the last layer's raw scores O = H W_L + b_L, shape (n, k).
    """
    H = X
    for W, b in params[:-1]:
        H = activation(H @ W + b)
    W, b = params[-1]
    return H @ W + b


def _forward_cases(rng):
    return [
        case(rng.normal(size=(4, 3)), _params(rng, [3, 3, 3]), tanh, note="square layers"),
        case(rng.normal(size=(5, 3)), _params(rng, [3, 4, 2]), relu),
        case(rng.normal(size=(1, 2)), _params(rng, [2, 5, 3]), sigmoid, note="batch size 1"),
        case(rng.normal(size=(3, 2)), _params(rng, [2, 3]), tanh, note="no hidden layer"),
        case(rng.normal(size=(7, 4)), _params(rng, [4, 6, 5, 3]), relu, note="two hidden layers"),
    ]


def _fwd_all_layers(X, params, activation):
    H = X
    for W, b in params:
        H = activation(H @ W + b)
    return H


def _fwd_no_bias(X, params, activation):
    H = X
    for W, _ in params[:-1]:
        H = activation(H @ W)
    return H @ params[-1][0]


def _fwd_transposed(X, params, activation):
    H = X
    for W, b in params[:-1]:
        H = activation(H @ W.T + b)
    return H @ params[-1][0].T + params[-1][1]


def _fwd_linear(X, params, activation):
    H = X
    for W, b in params:
        H = H @ W + b
    return H


MLP_FORWARD = Exercise(
    name="mlp_forward",
    signature="mlp_forward(X, params, activation) -> (n, k)",
    reference=mlp_forward,
    cases=_forward_cases,
    hints=[
        "Walk through the layers in order, feeding each layer's output H into the next: H = h(H W + b).",
        "The last layer is different: no activation, it returns the raw scores O = H W_L + b_L. "
        "`params[:-1]` are the hidden layers and `params[-1]` the output layer.",
        "H = X; for W, b in params[:-1]: H = activation(H @ W + b); then W, b = params[-1]; return H @ W + b",
    ],
    mistakes=[
        Mistake(_fwd_all_layers, "you applied the activation to the last layer too; it returns the raw "
                "scores O = H W_L + b_L (softmax comes later, in the loss)"),
        Mistake(_fwd_no_bias, "you forgot the biases: every layer computes H W + b"),
        Mistake(_fwd_transposed, "you used transposed weights (H Wᵀ); in the row convention W has shape "
                "(d_in, d_out) and a layer is H @ W + b"),
        Mistake(_fwd_linear, "you never applied the activation: without it the layers collapse into "
                "one linear map — call activation(H @ W + b) after every hidden layer"),
    ],
    lesson="05_mlp_forward",
)


# -------------------------------------------------------------- count_params
def count_params(sizes):
    """Weights plus biases of a dense net: Σ_l (d_(l−1) · d_l + d_l).

    count_params([784, 15, 10]) == 784·15 + 15 + 15·10 + 10 == 11935
    """
    return sum(d_in * d_out + d_out for d_in, d_out in zip(sizes[:-1], sizes[1:]))


def _count_cases(rng):
    return [
        case([784, 15, 10], note="784-15-10"),
        case([2, 3]),
        case([1, 1]),
        case([3, 5, 5, 2]),
        case([int(s) for s in rng.integers(1, 50, size=5)]),
    ]


COUNT_PARAMS = Exercise(
    name="count_params",
    signature="count_params(sizes) -> int",
    reference=count_params,
    cases=_count_cases,
    output=Count(),
    hints=[
        "Layer l maps d_(l−1) inputs to d_l outputs: a weight matrix of d_(l−1)·d_l entries and d_l biases.",
        "Pair consecutive sizes with zip(sizes[:-1], sizes[1:]) and add up d_in·d_out + d_out.",
        "Check: [784, 15, 10] gives 784·15 + 15 + 15·10 + 10 = 11935.",
    ],
    mistakes=[
        Mistake(lambda sizes: sum(a * b for a, b in zip(sizes[:-1], sizes[1:])),
                "you counted only the weights — every layer also has one bias per output (+ d_out)"),
        Mistake(lambda sizes: sum(a * b for a, b in zip(sizes[:-1], sizes[1:])) + sum(sizes),
                "you gave the input layer biases too; biases belong to the layers that compute "
                "something, so add sizes[1:], not all sizes"),
        Mistake(lambda sizes: sum((a + 1) * (b + 1) for a, b in zip(sizes[:-1], sizes[1:])),
                "you added 1 to both sizes; a layer has (d_in + 1) · d_out parameters"),
    ],
    lesson="05_mlp_forward",
)


# ------------------------------------------------------------ dense_backward
def dense_backward(dO, X, W):
    """Backward pass of O = X W + b, given dO = ∂L/∂O of shape (n, d_out).

    dX = dO Wᵀ  (n, d_in),   dW = Xᵀ dO  (d_in, d_out),   db = Σ_rows dO  (d_out,)
    """
    return dO @ W.T, X.T @ dO, dO.sum(axis=0)


def _backward_cases(rng):
    cases = []
    for n, d_in, d_out, note in [(4, 3, 2, ""), (1, 2, 3, "batch size 1"), (5, 3, 3, "square W"),
                                 (6, 4, 5, "")]:
        cases.append(case(rng.normal(size=(n, d_out)), rng.normal(size=(n, d_in)),
                          rng.normal(size=(d_in, d_out)), note=note))
    # put the square case first: a transposed W or dW then gives wrong numbers, not a crash
    return [cases[2]] + cases[:2] + cases[3:]


DENSE_BACKWARD = Exercise(
    name="dense_backward",
    signature="dense_backward(dO, X, W) -> (dX, dW, db)",
    reference=dense_backward,
    cases=_backward_cases,
    output=Parts("dX", "dW", "db"),
    hints=[
        "Each gradient has the shape of the thing it is the gradient of: dX like X, dW like W, db like b.",
        "Let the shapes guide you: dO is (n, d_out) and W is (d_in, d_out), so dX = dO @ W.T; "
        "X is (n, d_in), so dW = X.T @ dO.",
        "b is added to every row, so its gradient adds up the rows of dO: db = dO.sum(axis=0).",
        "`return dO @ W.T, X.T @ dO, dO.sum(axis=0)`",
    ],
    mistakes=[
        Mistake(lambda dO, X, W: (dO @ W.T, X.T @ dO, dO), "db must be summed over the rows: b is added to "
                "every row, so db = dO.sum(axis=0), shape (d_out,)"),
        Mistake(lambda dO, X, W: (dO @ W.T, X.T @ dO, dO.sum(axis=1)), "db is summed over the wrong axis: "
                "sum over the rows (axis=0) to get one entry per output"),
        Mistake(lambda dO, X, W: (dO @ W.T, X.T @ dO, dO.mean(axis=0)), "db averages dO over the rows; "
                "sum instead — any 1/n of the loss is already inside dO"),
        Mistake(lambda dO, X, W: (dO @ W.T, dO.T @ X, dO.sum(axis=0)), "dW is transposed: it must have W's "
                "shape (d_in, d_out), dW = X.T @ dO"),
        Mistake(lambda dO, X, W: (dO @ W, X.T @ dO, dO.sum(axis=0)), "dX needs the transposed weights: "
                "dX = dO @ W.T (shape (n, d_in))"),
        Mistake(lambda dO, X, W: (dO @ W.T, X.T @ dO / len(X), dO.sum(axis=0)), "dW is divided by n; "
                "the 1/n average is already inside dO, so dW = X.T @ dO"),
    ],
    lesson="06_backprop",
)


# ------------------------------------------------------------- mlp_gradients
def mlp_gradients(X, Y, params, activation, activation_grad):
    """Gradients of the mean softmax cross-entropy of the net of ``mlp_forward``.

    X: (n, d), Y: (n, k) one-hot, params: list of (W, b).
    Returns a list of (dW, db) shaped like params.
    """
    # forward pass, keeping each layer's input H and pre-activation Z
    Hs, Zs, H = [X], [], X
    for l, (W, b) in enumerate(params):
        Z = H @ W + b
        Zs.append(Z)
        H = activation(Z) if l < len(params) - 1 else Z
        Hs.append(H)
    # softmax + mean cross-entropy: dL/dO = (P − Y) / n
    E = np.exp(Zs[-1] - Zs[-1].max(axis=1, keepdims=True))
    P = E / E.sum(axis=1, keepdims=True)
    delta = (P - Y) / len(X)
    # backward pass, last layer first: δ ← (δ Wᵀ) ⊙ h'(Z)
    grads = []
    for l in range(len(params) - 1, -1, -1):
        grads.append((Hs[l].T @ delta, delta.sum(axis=0)))
        if l > 0:
            delta = (delta @ params[l][0].T) * activation_grad(Zs[l - 1])
    return grads[::-1]


def _one_hot(rng, n, k):
    return np.eye(k)[rng.integers(0, k, size=n)]


def _gradient_cases(rng):
    return [
        case(rng.normal(size=(5, 3)), _one_hot(rng, 5, 2), _params(rng, [3, 4, 2]), tanh, tanh_grad),
        case(rng.normal(size=(1, 2)), _one_hot(rng, 1, 3), _params(rng, [2, 5, 3]), sigmoid, sigmoid_grad,
             note="batch size 1"),
        case(rng.normal(size=(4, 3)), _one_hot(rng, 4, 3), _params(rng, [3, 3]), tanh, tanh_grad,
             note="no hidden layer"),
        case(rng.normal(size=(6, 4)), _one_hot(rng, 6, 3), _params(rng, [4, 5, 5, 3]), tanh, tanh_grad,
             note="two hidden layers"),
        case(rng.normal(size=(8, 3)), _one_hot(rng, 8, 3), _params(rng, [3, 6, 3]), relu, relu_grad),
    ]


def _gradients_variant(average=True, sign=1.0, grad_of="Z", reverse=True, use_grad=True, dw_t=False):
    """A wrong backprop that differs from the reference in one named way."""

    def wrong(X, Y, params, activation, activation_grad):
        Hs, Zs, H = [X], [], X
        for l, (W, b) in enumerate(params):
            Z = H @ W + b
            Zs.append(Z)
            H = activation(Z) if l < len(params) - 1 else Z
            Hs.append(H)
        E = np.exp(Zs[-1] - Zs[-1].max(axis=1, keepdims=True))
        P = E / E.sum(axis=1, keepdims=True)
        delta = sign * (P - Y) / (len(X) if average else 1)
        grads = []
        for l in range(len(params) - 1, -1, -1):
            dW = delta.T @ Hs[l] if dw_t else Hs[l].T @ delta
            grads.append((dW, delta.sum(axis=0)))
            if l > 0:
                delta = delta @ params[l][0].T
                if use_grad:
                    delta = delta * activation_grad(Zs[l - 1] if grad_of == "Z" else Hs[l])
        return grads[::-1] if reverse else grads

    return wrong


MLP_GRADIENTS = Exercise(
    name="mlp_gradients",
    signature="mlp_gradients(X, Y, params, activation, activation_grad) -> list of (dW, db)",
    reference=mlp_gradients,
    cases=_gradient_cases,
    output=Layers("dW", "db"),
    hints=[
        "Run the forward pass yourself and keep, for every layer, its input H and its pre-activation "
        "Z = H W + b — backward needs them.",
        "For softmax with mean cross-entropy the output gradient is simple: δ = (P − Y) / n, "
        "with P the softmax of the last Z.",
        "Layer l: dW = H_lᵀ δ, db = δ.sum(axis=0). To go one layer down: δ ← (δ Wᵀ) * activation_grad(Z) "
        "of the layer below.",
        "Collect the gradients from the last layer to the first, then reverse the list so it matches params.",
    ],
    mistakes=[
        Mistake(_gradients_variant(average=False), "your gradients are n times too big: the loss is the "
                "*mean* over the n rows, so the output gradient is (P − Y) / n"),
        Mistake(_gradients_variant(sign=-1.0), "your gradients have the wrong sign: the output gradient is "
                "(P − Y) / n, not (Y − P) / n"),
        Mistake(_gradients_variant(grad_of="H"), "you called activation_grad on the layer's output "
                "H = h(Z); the derivative must be taken at the pre-activation Z"),
        Mistake(_gradients_variant(use_grad=False), "you forgot to multiply by the activation's derivative "
                "when going down a layer: δ ← (δ Wᵀ) * activation_grad(Z)"),
        Mistake(_gradients_variant(reverse=False), "your list runs from the last layer to the first; "
                "reverse it so grads[l] belongs to params[l]"),
        Mistake(_gradients_variant(dw_t=True), "your dW is transposed: it must have W's shape "
                "(d_in, d_out), dW = Hᵀ δ"),
    ],
    lesson="06_backprop",
)

EXERCISES = [MLP_FORWARD, COUNT_PARAMS, DENSE_BACKWARD, MLP_GRADIENTS]
