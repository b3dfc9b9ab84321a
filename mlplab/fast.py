"""The fast path: every speed trick of mlplab, in one place.

``MLP.forward`` / ``MLP.backward`` are written to read like the lecture. Training
runs the same maths through the functions here, which trade a little
readability for speed on the lessons' small networks (where the fixed cost of
each NumPy call, not the arithmetic, is most of the time):

1. ``A.dot(B)`` instead of ``A @ B``: the same product, ~1 µs less fixed cost per call.
2. Row sums as products with a cached vector of ones (δᵀ·1 instead of
   ``delta.sum(axis=0)``): BLAS instead of a row-by-row loop on narrow layers.
3. h'(Z) from the cached H = h(Z) (``Activation.h_prime_from_h``: 1 − H² for tanh):
   no second tanh/exp.
4. The learning rate folded into δ⁽ᴸ⁾: every gradient is linear in δ⁽ᴸ⁾, so one
   multiply gives λ∂𝓛/∂W for every layer.
5. Softmax + cross-entropy fused, shifted by the batch's largest score (one
   max instead of one per row, falling back to per-row shifts when a row would
   underflow), integer labels used directly instead of one-hot rows.
6. In-place updates, and for full-batch training the end-of-epoch evaluation
   reused as the next step's forward pass.

``tests/test_fast.py`` checks that every function here equals the plain path to
1e-12 (float64). ``benchmarks/bench_training.py`` times ``sgd_step``.
The callers check their inputs once (``MLP.check_inputs``); nothing here does.
"""

from __future__ import annotations

import functools

import numpy as np

__all__ = ["forward", "backprop", "loss_and_grads", "sgd_step", "evaluate", "softmax_cross_entropy",
           "ones"]

# A row sum at least this large means the row's maximum is within ~41 of the
# batch maximum, so every probability that matters (> 1e-20) is computed in
# full precision even in float32.
_SAFE_ROW_SUM = 1e-18


@functools.lru_cache(maxsize=32)
def ones(n, dtype):
    """A read-only vector of n ones, cached (np.ones costs more than a small product)."""
    vector = np.ones(n, dtype=dtype)
    vector.flags.writeable = False
    return vector


def forward(model, X):
    """Forward pass leaving the last layer as raw scores O (no softmax/sigmoid).

    Returns (O, cache) with the cache layout of ``MLP.forward``.
    """
    h = model.act.h
    H, Z = [X], []
    last = len(model.params) - 1
    for i, (W, b) in enumerate(model.params):
        z = H[-1].dot(W)  # trick 1
        z += b
        Z.append(z)
        if i < last:
            H.append(h(z))
    return Z[-1], {"Z": Z, "H": H, "out": Z[-1]}


def softmax_cross_entropy(O, Y):
    """Fused mean cross-entropy of softmax(O) and its δ = (P − Y)/n (trick 5).

    Y : (n,) int labels (fastest) or (n, k) target rows. Returns (loss, δ).
    """
    n, k = O.shape
    one = ones(k, O.dtype)
    Z = O - O.max()  # one shift for the whole batch ...
    E = np.exp(Z)
    S = E.dot(one)  # row sums Σ_j E_ij (trick 2)
    if not S.min() >= _SAFE_ROW_SUM:  # ... unless a row underflows (also catches NaN)
        Z = O - O.max(axis=1, keepdims=True)
        E = np.exp(Z)
        S = E.dot(one)
    if Y.ndim == 1:  # log p_ij = z_ij − log S_i, at the true classes only
        true = np.arange(0, n * k, k) + Y
        loss = float((np.log(S) - Z.ravel()[true]).sum()) / n
        E /= S[:, None]
        E.ravel()[true] -= 1.0
    else:
        loss = float((Y * (np.log(S)[:, None] - Z)).sum()) / n
        E /= S[:, None]
        E -= Y
    E /= n
    return loss, E


def _loss_and_delta(model, O, Y):
    if model.output == "softmax":
        return softmax_cross_entropy(O, Y)
    return model.out.loss_and_delta(O, model.target_rows(Y))


def backprop(model, cache, delta):
    """The delta recursion with tricks 1–3; returns the gradients only."""
    H = cache["H"]
    one = ones(delta.shape[0], delta.dtype)
    h_prime_from_h = model.act.h_prime_from_h
    grads = [None] * len(model.params)
    for i in range(len(model.params) - 1, -1, -1):
        W = model.params[i][0]
        grads[i] = (H[i].T.dot(delta), one.dot(delta))  # Hᵀδ and 1ᵀδ
        if i > 0:
            delta = delta.dot(W.T)
            delta *= h_prime_from_h(H[i])  # h'(Z⁽ⁱ⁾) from H⁽ⁱ⁾ (trick 3)
    return grads


def loss_and_grads(model, X, Y, scale=1.0, forward_pass=None):
    """Loss and the gradients of ``scale`` · loss (trick 4), on checked X, Y.

    forward_pass : ``forward(model, X)`` if the caller already has it (trick 6).
    """
    O, cache = forward(model, X) if forward_pass is None else forward_pass
    loss, delta = _loss_and_delta(model, O, Y)
    if scale != 1.0:
        delta *= scale
    return loss, backprop(model, cache, delta)


def sgd_step(model, X, Y, lr, forward_pass=None):
    """One SGD step on a checked batch, in place: W ← W − λ ∂𝓛/∂W. Returns the loss."""
    loss, steps = loss_and_grads(model, X, Y, scale=lr, forward_pass=forward_pass)
    for (W, b), (lr_dW, lr_db) in zip(model.params, steps):
        W -= lr_dW  # steps hold λ ∂𝓛/∂W already (trick 4)
        b -= lr_db
    return loss


def evaluate(model, X, Y):
    """(loss, accuracy or None, forward pass) on a checked set."""
    forward_pass = forward(model, X)
    O = forward_pass[0]
    loss, _ = _loss_and_delta(model, O, Y)
    if not model.out.classes:
        return loss, None, forward_pass
    y = Y if Y.ndim == 1 else np.argmax(Y, axis=1)
    # softmax and sigmoid keep the order of the scores: their argmax is the label
    return loss, float(np.mean(np.argmax(O, axis=1) == y)), forward_pass
