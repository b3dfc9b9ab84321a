"""Activation functions h(a) and their derivatives h'(a), elementwise.

Each activation is one record, :class:`Activation`: the function, its
derivative (from the pre-activation a, as in the delta recursion
δ⁽ˡ⁻¹⁾ = (δ⁽ˡ⁾ W⁽ˡ⁾ᵀ) ⊙ h'(Z⁽ˡ⁻¹⁾)), the same derivative written with the
output h(a) that the forward pass already holds, and the weight
initialisation that suits it. ``ACTIVATIONS`` maps names to records; lessons
and explorers build their menus from it and ``MLP`` looks activations up there.
Adding an activation is adding one record to ``ACTIVATIONS``.

A record unpacks to the pair (h, h'): ``f, f_prime = ACTIVATIONS["tanh"]``.
Its functions take NumPy arrays as they are (the MLP checks its input once);
the module-level functions ``sigmoid(x)``, ``relu(x)``, … check their input
first and are the ones to call on your own data.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .i18n import say
from .validation import as_array

__all__ = [
    "Activation",
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
    "SMOOTH",
]

LEAKY_SLOPE = 0.01
INITS = ("he", "glorot")


@dataclass(frozen=True)
class Activation:
    """One activation function and what backpropagation and initialisation need.

    name : the key in ``ACTIVATIONS``
    h : a -> h(a), elementwise
    h_prime : a -> h'(a), from the pre-activation a
    h_prime_from_h : h(a) -> h'(a), the same values from the output (no second exp/tanh)
    init : "he" (std √(2/d_in), for the ReLU family) or "glorot" (std √(2/(d_in + d_out)))
    smooth : True if h' is continuous (finite differences are exact anywhere)
    """

    name: str
    h: Callable
    h_prime: Callable
    h_prime_from_h: Callable
    init: str = "glorot"
    smooth: bool = True

    def __post_init__(self):
        if self.init not in INITS:
            raise ValueError(f"unknown init {self.init!r}; choose one of: {', '.join(INITS)}")

    def __iter__(self):
        """``f, f_prime = ACTIVATIONS[name]`` unpacks the pair (h, h')."""
        yield self.h
        yield self.h_prime

    def __repr__(self):
        return f"Activation({self.name!r}, init={self.init!r}, smooth={self.smooth})"


# ----------------------------------------------------------------- the maths
def _sigmoid(a):
    # computed from e^(-|a|) ≤ 1, which never overflows:
    # σ(a) = 1/(1 + e^(-a)) for a ≥ 0 and e^(a)/(1 + e^(a)) for a < 0
    e = np.exp(-np.abs(a))
    return np.where(a >= 0, 1.0, e) / (1.0 + e)


def _sigmoid_prime(a):
    s = _sigmoid(a)
    return s * (1.0 - s)  # σ' = σ(1 - σ)


def _tanh_prime(a):
    t = np.tanh(a)
    return 1.0 - t * t  # tanh' = 1 - tanh²


def _step(a, below):
    """1 where a > 0, ``below`` (0 ≤ below < 1) elsewhere, in a's floating dtype."""
    # a cast of the comparison, not np.where(a > 0, 1.0, below): ~25x faster on a
    # 512 x 256 layer, and this runs twice per backward pass of a ReLU network
    step = (a > 0).astype(np.result_type(a, np.float32))
    if below:
        np.maximum(step, below, out=step)  # max(1, below) = 1, max(0, below) = below
    return step


IDENTITY = Activation("identity", lambda a: a.copy(), np.ones_like, np.ones_like)
SIGMOID = Activation("sigmoid", _sigmoid, _sigmoid_prime, lambda h: h * (1.0 - h))
TANH = Activation("tanh", np.tanh, _tanh_prime, lambda h: 1.0 - h * h)
RELU = Activation("relu", lambda a: np.maximum(a, 0.0), lambda a: _step(a, 0.0),
                  lambda h: _step(h, 0.0),  # h > 0 exactly where a > 0
                  init="he", smooth=False)
LEAKY_RELU = Activation("leaky_relu", lambda a: np.where(a > 0, a, LEAKY_SLOPE * a),
                        lambda a: _step(a, LEAKY_SLOPE), lambda h: _step(h, LEAKY_SLOPE),
                        init="he", smooth=False)

ACTIVATIONS = {act.name: act for act in (IDENTITY, SIGMOID, TANH, RELU, LEAKY_RELU)}

#: activations whose derivative is continuous (safe for finite differences anywhere)
SMOOTH = tuple(name for name, act in ACTIVATIONS.items() if act.smooth)


def get_activation(name):
    """Look up an activation by name and return its record (it unpacks to (h, h')).

    >>> f, df = get_activation("tanh")
    """
    if isinstance(name, Activation):
        return name
    if not isinstance(name, str):
        raise TypeError(
            f"activation must be a name (str), got {type(name).__name__}; "
            f"choose one of: {', '.join(sorted(ACTIVATIONS))}"
        )
    try:
        return ACTIVATIONS[name]
    except KeyError:
        raise ValueError(say("unknown activation {name!r}; choose one of: {names}",
                             "알 수 없는 활성함수 {name!r}입니다. 다음 중 하나를 고르세요: {names}",
                             name=name, names=", ".join(sorted(ACTIVATIONS)))) from None


# ------------------------------------------------- checked public functions
def _x(x):
    # ±inf are fine here (σ(±inf) = 1, 0 exactly; relu(inf) = inf); NaN is not
    return as_array(x, "x", finite="no-nan")


def identity(x):
    """h(a) = a.  x: any shape -> same shape."""
    return IDENTITY.h(_x(x))


def identity_grad(x):
    """h'(a) = 1.  x: any shape -> same shape."""
    return IDENTITY.h_prime(_x(x))


def sigmoid(x):
    """Logistic sigmoid σ(a) = 1 / (1 + e^(-a)), finite for any a (even ±inf).

    Computed from e^(-|a|), which never overflows:
    σ(a) = 1/(1 + e^(-a)) for a ≥ 0 and e^(a)/(1 + e^(a)) for a < 0.
    x: any shape -> same shape, values in [0, 1].
    """
    return SIGMOID.h(_x(x))


def sigmoid_grad(x):
    """σ'(a) = σ(a)(1 - σ(a)).  x: any shape -> same shape, values in [0, 0.25]."""
    return SIGMOID.h_prime(_x(x))


def tanh(x):
    """Hyperbolic tangent, values in [-1, 1].  x: any shape -> same shape."""
    return TANH.h(_x(x))


def tanh_grad(x):
    """tanh'(a) = 1 - tanh(a)².  x: any shape -> same shape."""
    return TANH.h_prime(_x(x))


def relu(x):
    """ReLU(a) = max(a, 0).  x: any shape -> same shape."""
    return RELU.h(_x(x))


def relu_grad(x):
    """ReLU'(a) = 1 if a > 0 else 0 (we take 0 at the kink a = 0)."""
    return RELU.h_prime(_x(x))


def leaky_relu(x):
    """Leaky ReLU: a if a > 0 else 0.01·a.  x: any shape -> same shape."""
    return LEAKY_RELU.h(_x(x))


def leaky_relu_grad(x):
    """Leaky ReLU'(a) = 1 if a > 0 else 0.01 (0.01 at the kink)."""
    return LEAKY_RELU.h_prime(_x(x))
