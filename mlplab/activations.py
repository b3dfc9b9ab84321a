"""Activation functions h(a) and their derivatives h'(a), elementwise.

The registry ``ACTIVATIONS`` maps a name to the pair (f, f_prime); lessons and
widgets build their menus from it, and ``MLP`` looks activations up there.
Derivatives take the *pre-activation* a (what went into f), as in the delta
recursion δ = h'(a) ⊙ (δ_next Wᵀ).
"""

from __future__ import annotations

import functools

import numpy as np

from ._validate import as_array

__all__ = [
    "ACTIVATIONS",
    "get_activation",
    "identity",
    "identity_grad",
    "sigmoid",
    "sigmoid_grad",
    "tanh",
    "tanh_grad",
    "relu",
    "relu_grad",
    "leaky_relu",
    "leaky_relu_grad",
    "LEAKY_SLOPE",
]

LEAKY_SLOPE = 0.01


def _elementwise(kernel):
    """Wrap a raw NumPy kernel with input checks; keep the kernel as ``.kernel``.

    The MLP calls the raw kernels (inputs already checked once); students and
    lessons call the checked public function.
    """

    @functools.wraps(kernel)
    def public(x):
        return kernel(as_array(x, "x"))

    public.kernel = kernel
    return public


@_elementwise
def identity(x):
    """h(a) = a.  x: any shape -> same shape."""
    return x.copy()


@_elementwise
def identity_grad(x):
    """h'(a) = 1.  x: any shape -> same shape."""
    return np.ones_like(x)


@_elementwise
def sigmoid(x):
    """Logistic sigmoid σ(a) = 1 / (1 + e^(-a)), finite for any finite a.

    Computed from e^(-|a|), which never overflows:
    σ(a) = 1/(1 + e^(-a)) for a ≥ 0 and e^(a)/(1 + e^(a)) for a < 0.
    x: any shape -> same shape, values in [0, 1].
    """
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1.0, e) / (1.0 + e)


@_elementwise
def sigmoid_grad(x):
    """σ'(a) = σ(a)(1 - σ(a)).  x: any shape -> same shape, values in [0, 0.25]."""
    s = sigmoid.kernel(x)
    return s * (1.0 - s)


@_elementwise
def tanh(x):
    """Hyperbolic tangent, values in [-1, 1].  x: any shape -> same shape."""
    return np.tanh(x)


@_elementwise
def tanh_grad(x):
    """tanh'(a) = 1 - tanh(a)².  x: any shape -> same shape."""
    t = np.tanh(x)
    return 1.0 - t * t


@_elementwise
def relu(x):
    """ReLU(a) = max(a, 0).  x: any shape -> same shape."""
    return np.maximum(x, 0.0)


@_elementwise
def relu_grad(x):
    """ReLU'(a) = 1 if a > 0 else 0 (we take 0 at the kink a = 0)."""
    return (x > 0).astype(x.dtype)


@_elementwise
def leaky_relu(x):
    """Leaky ReLU: a if a > 0 else 0.01·a.  x: any shape -> same shape."""
    return np.where(x > 0, x, LEAKY_SLOPE * x)


@_elementwise
def leaky_relu_grad(x):
    """Leaky ReLU'(a) = 1 if a > 0 else 0.01 (0.01 at the kink)."""
    return np.where(x > 0, 1.0, LEAKY_SLOPE).astype(x.dtype)


ACTIVATIONS = {
    "identity": (identity, identity_grad),
    "sigmoid": (sigmoid, sigmoid_grad),
    "tanh": (tanh, tanh_grad),
    "relu": (relu, relu_grad),
    "leaky_relu": (leaky_relu, leaky_relu_grad),
}

#: activations whose derivative is continuous (safe for finite differences anywhere)
SMOOTH = ("identity", "sigmoid", "tanh")

# The same derivatives h'(a), written in terms of the output h = h(a) that the
# forward pass has already computed. The MLP's backward pass uses these, so it
# never evaluates tanh or exp a second time (the costliest part of a small
# tanh/sigmoid step). Each gives exactly the values of its f_prime above and
# hangs on that kernel as ``f_prime.kernel.from_output``.
_GRAD_FROM_OUTPUT = {
    "identity": np.ones_like,
    "sigmoid": lambda h: h * (1.0 - h),  # σ' = σ(1 - σ)
    "tanh": lambda h: 1.0 - h * h,  # tanh' = 1 - tanh²
    "relu": lambda h: (h > 0).astype(h.dtype),  # h > 0 exactly where a > 0
    "leaky_relu": lambda h: np.where(h > 0, 1.0, LEAKY_SLOPE).astype(h.dtype),
}
for _name, _from_output in _GRAD_FROM_OUTPUT.items():
    ACTIVATIONS[_name][1].kernel.from_output = _from_output


def get_activation(name):
    """Look up an activation by name and return the pair (f, f_prime).

    >>> f, df = get_activation("tanh")
    """
    if not isinstance(name, str):
        raise TypeError(
            f"activation must be a name (str), got {type(name).__name__}; "
            f"choose one of: {', '.join(sorted(ACTIVATIONS))}"
        )
    try:
        return ACTIVATIONS[name]
    except KeyError:
        raise ValueError(
            f"unknown activation {name!r}; choose one of: "
            f"{', '.join(sorted(ACTIVATIONS))}"
        ) from None
