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
7. ``adam_one_hidden``: Adam on a network with one input, one hidden layer and one
   output (lesson 08's ``uat_neurons``), fused: float32 arithmetic (NumPy's float32
   tanh is several times faster than float64), every array preallocated, the four
   parameter blocks views of one flat vector, so each step is a few array operations.

``tests/test_fast.py`` checks that every function here equals the plain path to
1e-12 (float64); ``tests/test_fast_adam.py`` checks ``adam_one_hidden`` against
``optim.adam``. ``benchmarks/bench_training.py`` times ``sgd_step``.
The callers check their inputs once (``MLP.check_inputs``); nothing here does.
"""

from __future__ import annotations

import functools

import numpy as np

__all__ = ["forward", "backprop", "loss_and_grads", "sgd_step", "evaluate", "softmax_cross_entropy",
           "ones", "adam_one_hidden"]

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


def adam_one_hidden(model, X, Y, lr=0.01, steps=1000, beta1=0.9, beta2=0.999, eps=1e-8,
                    dtype=np.float32):
    """Full-batch Adam on a 1-N-1 MLP with identity output, fused (trick 7); in place.

    The same updates as ``optim.adam(model, X, Y, lr, steps)`` (mean squared error,
    δ = 2(O − Y)/n; m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ), θ ← θ − λ m̂/(√v̂ + ε)), in
    ``dtype`` arithmetic: float32 by default, which agrees with float64 to about 1e-5
    over a few hundred steps (tests/test_fast_adam.py); in float64 it equals
    ``optim.adam`` to rounding. The trained weights are written back to ``model.params``.

    Parameters
    ----------
    model : MLP with sizes [1, N, 1] and output="identity"
    X : (n, 1) checked inputs; Y : (n, 1) or (n,) targets
    lr, steps, beta1, beta2, eps : as for ``optim.adam``

    Returns
    -------
    loss : (T,) float64, the loss before each step; T < steps if it overflowed (diverged)
    """
    if len(model.sizes) != 3 or model.sizes[0] != 1 or model.sizes[2] != 1 \
            or model.output != "identity":
        raise ValueError(f"adam_one_hidden trains a [1, N, 1] MLP with output='identity', got "
                         f"sizes {model.sizes} and output={model.output!r}.")
    N, n = model.sizes[1], X.shape[0]
    (W1_, b1_), (W2_, b2_) = model.params
    theta = np.concatenate([W1_.ravel(), b1_, W2_.ravel(), b2_]).astype(dtype)   # [W1|b1|W2|b2]
    grad = np.zeros_like(theta)
    W1, b1, W2, b2 = theta[:N], theta[N:2 * N], theta[2 * N:3 * N], theta[3 * N:]
    gW1, gb1, gW2, gb2 = grad[:N], grad[N:2 * N], grad[2 * N:3 * N], grad[3 * N:]
    X1 = np.stack([np.ravel(X), np.ones(n)], axis=1).astype(dtype)   # [x, 1]: Z = X1 [W1; b1]
    X1T = np.ascontiguousarray(X1.T)
    y = np.ravel(Y).astype(dtype)
    Wb, G = np.empty((2, N), dtype=dtype), np.empty((2, N), dtype=dtype)
    Z, H = np.empty((n, N), dtype=dtype), np.empty((n, N), dtype=dtype)
    out = np.empty(n, dtype=dtype)
    m, v, tmp = np.zeros_like(theta), np.zeros_like(theta), np.empty_like(theta)
    scale = dtype(2.0 / n)
    loss = np.empty(steps)
    name = model.act.name
    h, h_prime = model.act.h, model.act.h_prime
    done = steps
    with np.errstate(over="ignore", under="ignore", invalid="ignore"):
        for t in range(1, steps + 1):
            # forward: Z = x W1 + b1, H = h(Z), out = H W2 + b2
            Wb[0], Wb[1] = W1, b1
            np.matmul(X1, Wb, out=Z)
            if name == "tanh":
                np.tanh(Z, out=H)
            elif name == "sigmoid":               # σ(z) = ½(1 + tanh(z/2)): no overflow
                np.multiply(Z, 0.5, out=H)
                np.tanh(H, out=H)
                H *= 0.5
                H += 0.5
            elif name == "relu":
                np.maximum(Z, 0.0, out=H)
            else:
                H[...] = h(Z)
            np.matmul(H, W2, out=out)
            out += b2[0]
            out -= y                                  # out is now the residual d = out − y
            loss[t - 1] = np.dot(out, out) / n
            if not np.isfinite(loss[t - 1]):          # overflowed: stop, as optim.adam does
                done = t
                break
            out *= scale                              # δ = ∂L/∂out = 2 d / n
            # backward: ∂W2 = Hᵀ δ, ∂b2 = Σ δ, δ_Z = h'(Z) ⊙ (δ W2ᵀ), [∂W1; ∂b1] = [x, 1]ᵀ δ_Z
            np.matmul(out, H, out=gW2)
            gb2[0] = out.sum()
            if name == "tanh":
                np.multiply(H, H, out=Z)
                np.subtract(1.0, Z, out=Z)            # tanh' = 1 − tanh²
            elif name == "sigmoid":
                np.subtract(1.0, H, out=Z)
                Z *= H                                # σ' = σ (1 − σ)
            elif name == "relu":
                np.greater(Z, 0.0, out=Z)
            else:
                Z[...] = h_prime(Z)
            Z *= W2
            Z *= out[:, None]
            np.matmul(X1T, Z, out=G)
            gW1[:], gb1[:] = G[0], G[1]
            # Adam on the flat vector: m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g²,
            # θ ← θ − λ m̂ / (√v̂ + ε) with m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ)
            m *= beta1
            np.multiply(grad, 1.0 - beta1, out=tmp)
            m += tmp
            np.multiply(grad, grad, out=tmp)
            tmp *= 1.0 - beta2
            v *= beta2
            v += tmp
            np.multiply(v, 1.0 / (1.0 - beta2**t), out=tmp)
            np.sqrt(tmp, out=tmp)
            tmp += eps
            np.divide(m, tmp, out=tmp)
            tmp *= lr / (1.0 - beta1**t)
            theta -= tmp
    p = theta.astype(model.dtype)
    model.params = [(p[:N].reshape(1, N).copy(), p[N:2 * N].copy()),
                    (p[2 * N:3 * N].reshape(N, 1).copy(), p[3 * N:].copy())]
    return loss[:done].copy()
