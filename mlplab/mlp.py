"""The multi-layer perceptron and backpropagation by the delta recursion.

Row convention (one sample per row), layers l = 1, ..., L:

    H⁽⁰⁾ = X
    Z⁽ˡ⁾ = H⁽ˡ⁻¹⁾ W⁽ˡ⁾ + b⁽ˡ⁾          pre-activation,  (n, d_l)
    H⁽ˡ⁾ = h(Z⁽ˡ⁾)                     hidden vector,   (n, d_l)   for l < L
    O = Z⁽ᴸ⁾, output = f(O)            f: softmax, sigmoid or identity (losses.OUTPUTS)

Backward, with δ⁽ˡ⁾ = ∂𝓛/∂Z⁽ˡ⁾ (the mean loss 𝓛 over the batch):

    δ⁽ᴸ⁾   = ∂𝓛/∂O                     from the output layer (losses.Output.loss_and_delta)
    ∂𝓛/∂W⁽ˡ⁾ = H⁽ˡ⁻¹⁾ᵀ δ⁽ˡ⁾,   ∂𝓛/∂b⁽ˡ⁾ = Σ_rows δ⁽ˡ⁾
    δ⁽ˡ⁻¹⁾ = (δ⁽ˡ⁾ W⁽ˡ⁾ᵀ) ⊙ h'(Z⁽ˡ⁻¹⁾)

The fourth lecture note writes one sample as a column, a⁽ˡ⁾ = W⁽ˡ⁾ z⁽ˡ⁻¹⁾ + b⁽ˡ⁾
and z⁽ˡ⁾ = h(a⁽ˡ⁾): its a is our Z, its z our H, and its W our Wᵀ, so its
δ⁽ˡ⁻¹⁾ = h'(a⁽ˡ⁻¹⁾) ⊙ (W⁽ˡ⁾ᵀ δ⁽ˡ⁾) is the same recursion, transposed.

This module is the readable path. Training (``optim.sgd``) runs the same maths
through ``mlplab.fast``, where every speed trick lives, tested equal to this.
"""

from __future__ import annotations

import numpy as np

from .activations import get_activation
from .i18n import say
from .losses import get_output
from .validation import (
    MAX_ENTRIES,
    as_array,
    check_labels,
    check_params,
    check_same_rows,
    check_seed,
    check_size,
    check_targets,
)

__all__ = ["MLP", "dense_forward", "dense_backward", "count_params", "check_sizes"]


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

    Given dO = ∂𝓛/∂O: ∂𝓛/∂X = dO Wᵀ, ∂𝓛/∂W = Xᵀ dO, ∂𝓛/∂b = Σ_rows dO.
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


def check_sizes(sizes):
    """Check a list of layer widths like [784, 15, 10] and return it as ints."""
    if isinstance(sizes, (str, bytes, set, frozenset, dict)) or not hasattr(sizes, "__len__"):
        raise TypeError(
            f"sizes must be a list of layer widths like [784, 15, 10], got "
            f"{type(sizes).__name__}{' (a set has no order)' if isinstance(sizes, (set, frozenset)) else ''}."
        )
    sizes = list(sizes)
    if len(sizes) < 2:
        raise ValueError(
            f"sizes needs at least an input and an output width, got {sizes}. "
            "Example: [2, 16, 2] (2 inputs, 16 hidden units, 2 classes)."
        )
    for s in sizes:
        if isinstance(s, (bool, np.bool_)) or not isinstance(s, (int, np.integer)) or s < 1:
            raise ValueError(
                f"every layer width must be a positive int, got {sizes}. Example: [784, 15, 10]."
            )
    sizes = [int(s) for s in sizes]
    check_size(_n_params(sizes), f"an MLP with sizes {sizes}", MAX_ENTRIES)
    return sizes


def _n_params(sizes):
    return sum((a + 1) * b for a, b in zip(sizes[:-1], sizes[1:]))


def count_params(sizes):
    """Number of weights and biases of a dense net: Σ_l (d_(l-1) + 1) · d_l.

    >>> count_params([784, 15, 10])
    11935
    """
    return _n_params(check_sizes(sizes))


class MLP:
    """A fully connected network with one activation for every hidden layer.

    Parameters
    ----------
    sizes : list of int, e.g. [784, 15, 10] (input, hidden..., output)
    activation : name in ``ACTIVATIONS`` used after every hidden layer
    output : "softmax" (classes, cross-entropy), "sigmoid" (classes, the lecture's
             squared error ½‖y − ẑ‖²) or "identity" (regression, mean squared error);
             see ``mlplab.losses.OUTPUTS``
    seed : int, initial weights come from ``np.random.default_rng(seed)``, with
           the activation's scheme: He normal (std √(2/d_in)) for the ReLU family,
           Glorot normal (std √(2/(d_in + d_out))) otherwise; biases start at 0.
    dtype : np.float64 (default, exact gradient checks) or np.float32

    Attributes
    ----------
    params : list of (W (d_in, d_out), b (d_out,)) per layer; params[0] is layer 1
    h, h_prime : the hidden layers' activation and its derivative
    """

    def __init__(self, sizes, activation="relu", output="softmax", seed=0, dtype=np.float64):
        self.sizes = check_sizes(sizes)
        self.act = get_activation(activation)
        self.activation = self.act.name
        self.h, self.h_prime = self.act
        self.out = get_output(output)
        self.output = self.out.name
        self.dtype = np.dtype(dtype) if not isinstance(dtype, np.dtype) else dtype
        if self.dtype not in (np.float32, np.float64):
            raise TypeError(f"dtype must be float32 or float64, got {self.dtype}.")
        rng = np.random.default_rng(check_seed(seed))
        self.params = []
        for d_in, d_out in zip(self.sizes[:-1], self.sizes[1:]):
            std = np.sqrt(2.0 / d_in) if self.act.init == "he" else np.sqrt(2.0 / (d_in + d_out))
            W = (rng.standard_normal((d_in, d_out)) * std).astype(self.dtype)
            self.params.append((W, np.zeros(d_out, dtype=self.dtype)))

    # ----------------------------------------------------------------- building
    @classmethod
    def from_params(cls, params, activation="relu", output="softmax"):
        """Build an MLP around given weights (copied), e.g. hand-built ones.

        params : list of (W (d_in, d_out), b (d_out,)); consecutive layers must chain.
        """
        checked = check_params(params)
        dtype = np.result_type(*[W for W, _ in checked])
        sizes = [checked[0][0].shape[0]] + [W.shape[1] for W, _ in checked]
        model = cls(sizes, activation=activation, output=output, dtype=dtype)
        model.params = [(W.astype(dtype, copy=True), b.astype(dtype, copy=True)) for W, b in checked]
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
    def check_inputs(self, X, Y=None, require_targets=False):
        """Validate a batch (and its targets) for this network; returns (X, Y).

        X : (n, d_0), converted to the network's dtype.
        Y : for class outputs (softmax, sigmoid) integer labels (n,) — returned as
            they are — or one-hot / probability rows (n, k); for identity, targets
            (n, k) (or (n,) when k = 1). None skips it.
        """
        X = as_array(X, "X", ndim=2, dtype=self.dtype)
        if Y is None and require_targets:
            raise ValueError("Y is missing; expected the targets of X (labels (n,) or rows (n, k)).")
        if X.shape[1] != self.sizes[0]:
            raise ValueError(say(
                "X has {got} features but this network expects {want} (sizes={sizes}); "
                "expected X of shape (n, {want}).",
                "X의 특성은 {got}개인데 이 신경망은 {want}개를 받습니다(sizes={sizes}). "
                "X의 모양은 (n, {want})여야 합니다.", got=X.shape[1], want=self.sizes[0], sizes=self.sizes))
        if Y is None:
            return X, None
        n, k = X.shape[0], self.sizes[-1]
        if self.out.classes:
            if np.asarray(Y).ndim == 1:
                y = check_labels(Y, k, "Y")
                check_same_rows(y, X, "Y", "X")
                return X, y
            Y = check_targets(Y, n, k, "Y").astype(self.dtype, copy=False)
        else:
            Y = as_array(Y, "Y", ndim=(1, 2), dtype=self.dtype)
            if Y.ndim == 1 and k == 1:
                Y = Y[:, None]
            if Y.shape != (n, k):
                raise ValueError(
                    f"Y has shape {Y.shape} but the network outputs ({n}, {k}); "
                    f"expected targets of shape ({n}, {k})."
                )
        return X, Y

    def target_rows(self, Y):
        """Targets as (n, k) rows (labels become one-hot rows); Y already checked."""
        if Y.ndim == 1:
            rows = np.zeros((Y.shape[0], self.sizes[-1]), dtype=self.dtype)
            rows[np.arange(Y.shape[0]), Y] = 1.0
            return rows
        return Y

    # ----------------------------------------------------------------- maths
    def forward(self, X):
        """Forward propagation, keeping every layer's values for backward.

        Parameters
        ----------
        X : (n, d_0) array

        Returns
        -------
        out : (n, d_L) array: probabilities (softmax), σ(O) (sigmoid) or O (identity)
        cache : dict with "Z" (Z[l-1] = Z⁽ˡ⁾, one (n, d_l) per layer), "H"
                (H[l] = H⁽ˡ⁾, with H[0] = X) and "out"
        """
        X, _ = self.check_inputs(X)
        H, Z = [X], []
        for l, (W, b) in enumerate(self.params, start=1):
            Z.append(H[-1] @ W + b)           # Z⁽ˡ⁾ = H⁽ˡ⁻¹⁾ W⁽ˡ⁾ + b⁽ˡ⁾
            if l < len(self.params):
                H.append(self.h(Z[-1]))       # H⁽ˡ⁾ = h(Z⁽ˡ⁾)
        out = self.out.f(Z[-1])               # output = f(O), O = Z⁽ᴸ⁾
        return out, {"Z": Z, "H": H, "out": out}

    def backward(self, cache, Y):
        """Gradients of the mean loss by the delta recursion.

        Parameters
        ----------
        cache : from ``forward``
        Y : targets as for ``check_inputs`` (labels or one-hot rows for softmax and
            sigmoid; (n, k) targets for identity)

        Returns
        -------
        grads : list of (dW (d_in, d_out), db (d_out,)), shaped like ``params``
        deltas : list of δ⁽ˡ⁾ = ∂𝓛/∂Z⁽ˡ⁾ (n, d_l), deltas[l-1] for layer l
        """
        if not isinstance(cache, dict) or not {"Z", "H", "out"} <= set(cache):
            raise TypeError(
                "cache must be the dict returned by forward(X) (keys 'Z', 'H', 'out'); "
                "call out, cache = model.forward(X) first."
            )
        _, Y = self.check_inputs(cache["H"][0], Y, require_targets=True)
        _, delta = self.out.loss_and_delta(cache["Z"][-1], self.target_rows(Y))  # δ⁽ᴸ⁾
        return self.backprop(cache, delta)

    def backprop(self, cache, delta):
        """The delta recursion, from δ⁽ᴸ⁾ = ∂𝓛/∂O down to layer 1.

        Returns (grads, deltas) as ``backward``.
        """
        H, Z = cache["H"], cache["Z"]               # H[l] = H⁽ˡ⁾ (H[0] = X), Z[l-1] = Z⁽ˡ⁾
        L = len(self.params)
        grads, deltas = [None] * L, [None] * L
        for l in range(L, 0, -1):                    # l = L, L-1, ..., 1
            W = self.params[l - 1][0]                # W⁽ˡ⁾
            deltas[l - 1] = delta                    # δ⁽ˡ⁾
            grads[l - 1] = (H[l - 1].T @ delta,      # ∂𝓛/∂W⁽ˡ⁾ = H⁽ˡ⁻¹⁾ᵀ δ⁽ˡ⁾
                            delta.sum(axis=0))       # ∂𝓛/∂b⁽ˡ⁾ = Σ_rows δ⁽ˡ⁾
            if l > 1:
                delta = (delta @ W.T) * self.h_prime(Z[l - 2])   # δ⁽ˡ⁻¹⁾ = (δ⁽ˡ⁾ W⁽ˡ⁾ᵀ) ⊙ h'(Z⁽ˡ⁻¹⁾)
        return grads, deltas

    def loss(self, X, Y):
        """Mean loss over the batch (see ``mlplab.losses.OUTPUTS``). Returns a float."""
        X, Y = self.check_inputs(X, Y, require_targets=True)
        _, cache = self.forward(X)
        return self.out.loss_and_delta(cache["Z"][-1], self.target_rows(Y))[0]

    def loss_and_grads(self, X, Y):
        """Forward, loss and backward in one call.

        Returns
        -------
        loss : float
        grads : list of (dW, db) shaped like ``params``
        """
        X, Y = self.check_inputs(X, Y, require_targets=True)
        _, cache = self.forward(X)
        loss, delta = self.out.loss_and_delta(cache["Z"][-1], self.target_rows(Y))
        grads, _ = self.backprop(cache, delta)
        return loss, grads

    def predict_proba(self, X):
        """Class probabilities (n, k); only for output="softmax"."""
        if self.output != "softmax":
            raise ValueError(f"predict_proba needs output='softmax', this network has "
                             f"output={self.output!r}; use predict.")
        return self.forward(X)[0]

    def predict(self, X):
        """Labels (n,) for class outputs (argmax), outputs (n, k) for identity."""
        out, _ = self.forward(X)
        return np.argmax(out, axis=1) if self.out.classes else out

    def accuracy(self, X, y):
        """Fraction of rows whose predicted label equals y (class outputs)."""
        if not self.out.classes:
            raise ValueError("accuracy needs class outputs (softmax or sigmoid); use loss (MSE) "
                             "for regression.")
        X, y = self.check_inputs(X, y, require_targets=True)
        if y.ndim == 2:
            y = np.argmax(y, axis=1)
        return float(np.mean(self.predict(X) == y))
