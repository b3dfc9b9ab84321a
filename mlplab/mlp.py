"""The multi-layer perceptron and backpropagation by the delta recursion.

Row convention (one sample per row):

    H⁽⁰⁾ = X
    Z⁽ˡ⁾ = H⁽ˡ⁻¹⁾ W⁽ˡ⁾ + b⁽ˡ⁾          pre-activation,  (n, d_l)
    H⁽ˡ⁾ = h(Z⁽ˡ⁾)                     hidden vector,   (n, d_l)   for l < L
    output = softmax(Z⁽ᴸ⁾) or Z⁽ᴸ⁾      (classification / regression)

Backward, with δ⁽ˡ⁾ = ∂loss/∂Z⁽ˡ⁾:

    δ⁽ᴸ⁾   = (P - Y)/n  (softmax + cross-entropy)  or  2(O - Y)/(n·k)  (MSE)
    ∂W⁽ˡ⁾  = H⁽ˡ⁻¹⁾ᵀ δ⁽ˡ⁾,   ∂b⁽ˡ⁾ = Σ_rows δ⁽ˡ⁾
    δ⁽ˡ⁻¹⁾ = (δ⁽ˡ⁾ W⁽ˡ⁾ᵀ) ⊙ h'(Z⁽ˡ⁻¹⁾)

The lecture writes the same in column form a = W z + b; its W is our Wᵀ.
"""

from __future__ import annotations

import numbers

import numpy as np

from ._validate import as_array, check_labels, check_same_rows
from .activations import get_activation
from .losses import _ones, _softmax_cross_entropy
from .softmax import _softmax

__all__ = ["MLP", "dense_forward", "dense_backward", "count_params"]

OUTPUTS = ("softmax", "identity")


def dense_forward(X, W, b):
    """One dense layer, O = X W + b, returning what backward needs.

    Parameters
    ----------
    X : (n, d_in), W : (d_in, d_out), b : (d_out,)

    Returns
    -------
    O : (n, d_out) array
    cache : (X, W), the inputs the backward pass needs: ``dense_backward(dO, *cache)``
    """
    from .linear import linear_forward

    O = linear_forward(X, W, b)
    return O, (np.asarray(X, dtype=O.dtype), np.asarray(W, dtype=O.dtype))


def dense_backward(dO, X, W):
    """Backward pass of O = X W + b (the same function as lesson 06's exercise).

    Given dO = ∂L/∂O: ∂L/∂X = dO Wᵀ, ∂L/∂W = Xᵀ dO, ∂L/∂b = Σ_rows dO.
    With the cache of ``dense_forward``: ``dense_backward(dO, *cache)``.

    Parameters
    ----------
    dO : (n, d_out) array
    X : (n, d_in) array, the layer's input
    W : (d_in, d_out) array, its weights

    Returns
    -------
    dX : (n, d_in), dW : (d_in, d_out), db : (d_out,)
    """
    X = as_array(X, "X", ndim=2)
    W = as_array(W, "W", ndim=2)
    dO = as_array(dO, "dO", ndim=2)
    if X.shape[1] != W.shape[0]:
        raise ValueError(
            f"W has shape {W.shape} but X has {X.shape[1]} features; expected W of shape "
            f"({X.shape[1]}, d_out)."
        )
    if dO.shape != (X.shape[0], W.shape[1]):
        raise ValueError(
            f"dO has shape {dO.shape} but the layer's output has shape "
            f"{(X.shape[0], W.shape[1])}; expected the gradient of the output, "
            "shaped like O."
        )
    return dO @ W.T, X.T @ dO, dO.sum(axis=0)


def _check_sizes(sizes):
    if isinstance(sizes, (str, bytes)) or not hasattr(sizes, "__len__"):
        raise TypeError(
            f"sizes must be a list of layer widths like [784, 15, 10], got "
            f"{type(sizes).__name__}."
        )
    sizes = list(sizes)
    if len(sizes) < 2:
        raise ValueError(
            f"sizes needs at least an input and an output width, got {sizes}. "
            "Example: [2, 16, 2] (2 inputs, 16 hidden units, 2 classes)."
        )
    for s in sizes:
        if isinstance(s, bool) or not isinstance(s, numbers.Integral) or s < 1:
            raise ValueError(
                f"every layer width must be a positive int, got {sizes}. "
                "Example: [784, 15, 10]."
            )
    return [int(s) for s in sizes]


def count_params(sizes):
    """Number of weights and biases of a dense net: Σ_l (d_(l-1) + 1) · d_l.

    >>> count_params([784, 15, 10])
    11935
    """
    sizes = _check_sizes(sizes)
    return sum((a + 1) * b for a, b in zip(sizes[:-1], sizes[1:]))


class MLP:
    """A fully connected network with one activation for every hidden layer.

    Parameters
    ----------
    sizes : list of int, e.g. [784, 15, 10] (input, hidden..., output)
    activation : name in ``ACTIVATIONS`` used after every hidden layer
    output : "softmax" (classification, cross-entropy loss) or "identity"
             (regression, mean squared error)
    seed : int, initial weights come from ``np.random.default_rng(seed)``:
           He normal (std √(2/d_in)) for relu/leaky_relu, Glorot normal
           (std √(2/(d_in + d_out))) otherwise; biases start at 0.
    dtype : np.float64 (default, exact gradient checks) or np.float32

    Attributes
    ----------
    params : list of (W (d_in, d_out), b (d_out,)) per layer
    """

    def __init__(self, sizes, activation="relu", output="softmax", seed=0, dtype=np.float64):
        self.sizes = _check_sizes(sizes)
        self.activation = activation
        self._act, self._act_grad = (f.kernel for f in get_activation(activation))
        if output not in OUTPUTS:
            raise ValueError(f"unknown output {output!r}; choose one of: {', '.join(OUTPUTS)}")
        self.output = output
        self.dtype = np.dtype(dtype)
        if self.dtype not in (np.float32, np.float64):
            raise TypeError(f"dtype must be float32 or float64, got {self.dtype}.")
        if isinstance(seed, bool) or not isinstance(seed, numbers.Integral):
            raise TypeError(f"seed must be an int, got {type(seed).__name__} {seed!r}.")
        rng = np.random.default_rng(seed)
        he = activation in ("relu", "leaky_relu")
        self.params = []
        for d_in, d_out in zip(self.sizes[:-1], self.sizes[1:]):
            std = np.sqrt(2.0 / d_in) if he else np.sqrt(2.0 / (d_in + d_out))
            W = (rng.standard_normal((d_in, d_out)) * std).astype(self.dtype)
            self.params.append((W, np.zeros(d_out, dtype=self.dtype)))

    # ----------------------------------------------------------------- building
    @classmethod
    def from_params(cls, params, activation="relu", output="softmax"):
        """Build an MLP around given weights (copied), e.g. hand-built ones.

        params : list of (W (d_in, d_out), b (d_out,)); consecutive layers must chain.
        """
        if not isinstance(params, (list, tuple)) or not params:
            raise TypeError("params must be a non-empty list of (W, b) pairs.")
        checked = []
        for i, pair in enumerate(params, start=1):
            if not isinstance(pair, (list, tuple)) or len(pair) != 2:
                raise TypeError(f"params[{i - 1}] must be a pair (W, b), got {type(pair).__name__}.")
            W = as_array(pair[0], f"W{i}", ndim=2)
            b = as_array(pair[1], f"b{i}", ndim=1)
            if b.shape[0] != W.shape[1]:
                raise ValueError(
                    f"b{i} has {b.shape[0]} entries but W{i} has shape {W.shape}; "
                    f"expected b{i} of shape ({W.shape[1]},)."
                )
            if checked and checked[-1][0].shape[1] != W.shape[0]:
                raise ValueError(
                    f"W{i} has shape {W.shape} but layer {i - 1} outputs "
                    f"{checked[-1][0].shape[1]} values; expected W{i} with "
                    f"{checked[-1][0].shape[1]} rows."
                )
            checked.append((W.copy(), b.copy()))
        dtype = np.result_type(*[W for W, _ in checked])
        sizes = [checked[0][0].shape[0]] + [W.shape[1] for W, _ in checked]
        model = cls(sizes, activation=activation, output=output, dtype=dtype)
        model.params = [(W.astype(dtype), b.astype(dtype)) for W, b in checked]
        return model

    @property
    def n_params(self):
        """Total number of weights and biases."""
        return sum(W.size + b.size for W, b in self.params)

    def __repr__(self):
        arch = "-".join(map(str, self.sizes))
        return (f"MLP({arch}, activation={self.activation!r}, output={self.output!r}, "
                f"n_params={self.n_params})")

    # ----------------------------------------------------------------- checks
    def _check_X(self, X):
        X = as_array(X, "X", ndim=2, dtype=self.dtype)
        if X.shape[1] != self.sizes[0]:
            raise ValueError(
                f"X has {X.shape[1]} features but this network expects "
                f"{self.sizes[0]} (sizes={self.sizes}); expected X of shape "
                f"(n, {self.sizes[0]})."
            )
        return X

    def _check_Y(self, Y, n):
        k = self.sizes[-1]
        if self.output == "softmax":
            arr = np.asarray(Y)
            if arr.ndim == 1:
                y = check_labels(arr, k, "Y")
                check_same_rows(y, np.empty((n, 0)), "Y", "X")
                return y
            Y = as_array(Y, "Y", ndim=2, dtype=self.dtype)
        else:
            Y = as_array(Y, "Y", ndim=(1, 2), dtype=self.dtype)
            if Y.ndim == 1 and k == 1:
                Y = Y[:, None]
        if Y.shape != (n, k):
            raise ValueError(
                f"Y has shape {Y.shape} but the network outputs ({n}, {k}); "
                + ("pass integer labels (n,) or one-hot rows (n, k)."
                   if self.output == "softmax" else f"expected targets of shape ({n}, {k}).")
            )
        return Y

    # ----------------------------------------------------------------- maths
    def forward(self, X):
        """Forward propagation, keeping every layer's values for backward.

        Parameters
        ----------
        X : (n, d_0) array

        Returns
        -------
        out : (n, d_L) array, softmax probabilities or raw outputs
        cache : dict with "Z" (pre-activations, one (n, d_l) per layer) and
                "H" (H[0] = X, then each hidden layer's h(Z))
        """
        return self._forward(self._check_X(X))

    def _forward(self, X, probs=True):
        """Unchecked forward. probs=False leaves the last layer as raw scores:
        the fused softmax + cross-entropy of the loss does the softmax itself."""
        H, Z = [X], []
        last = len(self.params) - 1
        for i, (W, b) in enumerate(self.params):
            z = H[-1].dot(W)  # H W, see the note on .dot in _backward
            z += b
            Z.append(z)
            if i < last:
                H.append(self._act(z))
        out = _softmax(Z[-1]) if self.output == "softmax" and probs else Z[-1]
        return out, {"Z": Z, "H": H, "out": out}

    def backward(self, cache, Y):
        """Gradients of the mean loss by the delta recursion.

        Parameters
        ----------
        cache : from ``forward``
        Y : (n,) int labels or (n, k) one-hot rows for softmax; (n, k) targets
            for identity

        Returns
        -------
        grads : list of (dW (d_in, d_out), db (d_out,)), shaped like ``params``
        """
        if not isinstance(cache, dict) or not {"Z", "H", "out"} <= set(cache):
            raise TypeError(
                "cache must be the dict returned by forward(X) (keys 'Z', 'H', 'out'); "
                "call out, cache = model.forward(X) first."
            )
        n = cache["H"][0].shape[0]
        Y = self._check_Y(Y, n)
        out = cache["out"]
        if self.output == "softmax":
            delta = out.copy()
            if Y.ndim == 1:
                delta[np.arange(n), Y] -= 1.0
            else:
                delta -= Y
            delta /= n
        else:
            delta = 2.0 * (out - Y) / out.size
        return self._backward(cache, delta)

    def _backward(self, cache, delta):
        """Delta recursion from δ⁽ᴸ⁾ = ∂loss/∂Z⁽ᴸ⁾ down to layer 1."""
        H, Z = cache["H"], cache["Z"]
        # Σ_rows δ as the product 1ᵀδ: the same sum, several times faster than
        # delta.sum(axis=0) on narrow layers (BLAS instead of a row-by-row loop).
        ones = _ones(delta.shape[0], delta.dtype)
        # h'(Z) from H = h(Z), which the cache already holds (1 - H² for tanh...):
        # same values, no second tanh/exp. See activations._GRAD_FROM_OUTPUT.
        grad_from_output = getattr(self._act_grad, "from_output", None)
        # Products are written A.dot(B): the same product as A @ B, but ndarray.dot
        # has less fixed cost per call (~1 µs less; 3-5 µs less for the outer
        # products of a one-input net), and on the lessons' small layers that
        # fixed cost is most of the time. Big layers: the same BLAS call either way.
        grads = [None] * len(self.params)
        for l in range(len(self.params) - 1, -1, -1):
            W = self.params[l][0]
            grads[l] = (H[l].T.dot(delta), ones.dot(delta))  # Hᵀδ and 1ᵀδ
            if l > 0:
                delta = delta.dot(W.T)  # δ Wᵀ
                if grad_from_output is not None:
                    delta *= grad_from_output(H[l])
                else:
                    delta *= self._act_grad(Z[l - 1])
        return grads

    def _loss_and_grads(self, X, Y, forward=None, scale=1.0):
        """Unchecked: X (n, d_0) in self.dtype, Y labels/one-hot or targets.

        forward: the result of ``self._forward(X, probs=False)`` if the caller
        already has it (``sgd`` reuses its end-of-epoch evaluation).
        scale: return the gradients of scale · loss. Every gradient is linear in
        δ⁽ᴸ⁾, so ``sgd`` passes its learning rate here and gets λ∂L/∂W directly:
        one multiply on δ⁽ᴸ⁾ instead of one per weight matrix and bias.
        """
        out, cache = self._forward(X, probs=False) if forward is None else forward
        if self.output == "softmax":
            loss, delta = _softmax_cross_entropy(out, Y)
            if scale != 1.0:
                delta *= scale
        else:
            diff = (out - Y).ravel()
            loss = float(diff.dot(diff)) / diff.size  # mean of squares, as one dot product
            delta = diff.reshape(out.shape)
            delta *= 2.0 * scale / diff.size
        return loss, self._backward(cache, delta)

    def _loss_from_scores(self, out, Y):
        """Mean loss from raw last-layer outputs (``_forward(X, probs=False)``)."""
        if self.output == "softmax":
            return _softmax_cross_entropy(out, Y)[0]
        diff = (out - Y).ravel()
        return float(diff.dot(diff)) / diff.size  # mean of squares

    def _loss(self, X, Y):
        return self._loss_from_scores(self._forward(X, probs=False)[0], Y)

    def loss(self, X, Y):
        """Mean loss: cross-entropy (softmax output) or mean squared error.

        X : (n, d_0); Y as in ``backward``. Returns a float.
        """
        X = self._check_X(X)
        return self._loss(X, self._check_Y(Y, X.shape[0]))

    def loss_and_grads(self, X, Y):
        """Forward, loss and backward in one call.

        Returns
        -------
        loss : float
        grads : list of (dW, db) shaped like ``params``
        """
        X = self._check_X(X)
        return self._loss_and_grads(X, self._check_Y(Y, X.shape[0]))

    def predict_proba(self, X):
        """Class probabilities (n, k); only for output="softmax"."""
        if self.output != "softmax":
            raise ValueError("predict_proba needs output='softmax'; use predict for regression.")
        return self.forward(X)[0]

    def predict(self, X):
        """Labels (n,) for softmax output (argmax), outputs (n, k) for identity."""
        out, _ = self.forward(X)
        return np.argmax(out, axis=1) if self.output == "softmax" else out

    def accuracy(self, X, y):
        """Fraction of rows whose predicted label equals y (softmax output)."""
        if self.output != "softmax":
            raise ValueError("accuracy needs output='softmax'; use loss (MSE) for regression.")
        X = self._check_X(X)
        y = self._check_Y(y, X.shape[0])
        if y.ndim == 2:
            y = np.argmax(y, axis=1)
        return float(np.mean(np.argmax(self._forward(X)[0], axis=1) == y))
