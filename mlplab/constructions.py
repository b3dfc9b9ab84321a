"""Networks built by hand: weights written down from a formula, not trained.

The lessons use them to show what a network *can* compute before asking what
training finds:

- ``collapse``: a stack of layers with no activation is one linear layer (lesson 04).
- ``bump_edges`` and ``bump_params``: one hidden layer of steep sigmoids that adds
  up bumps, a staircase following any curve (lesson 08).
- the tent map t(x) = 2·relu(x) − 4·relu(x − ½) and its k-fold composition, a
  sawtooth with 2^k linear pieces: ``deep_sawtooth_params`` builds it with k
  hidden layers of 2 ReLUs, ``piecewise_linear_params`` with one wide layer
  (lesson 09); ``count_linear_pieces`` counts the pieces on a ``dyadic_grid``.
- ``width_for_budget``: the hidden width that spends a parameter budget (lesson 09).

Row convention as everywhere: a layer maps H ↦ H W + b with W of shape (d_in, d_out).
"""

from __future__ import annotations

import numpy as np

from .mlp import MLP, count_params
from .validation import as_array, check_int, check_number, check_params

__all__ = [
    "collapse",
    "bump_edges",
    "bump_params",
    "tent",
    "sawtooth_composed",
    "deep_sawtooth_params",
    "deep_sawtooth_mlp",
    "piecewise_linear_params",
    "shallow_sawtooth_mlp",
    "dyadic_grid",
    "count_linear_pieces",
    "width_for_budget",
    "K_MAX",
    "MAX_BUMPS",
]

#: the deepest sawtooth built here (2^10 = 1,024 pieces)
K_MAX = 10
#: the most bumps ``bump_edges`` cuts [0, 1] into
MAX_BUMPS = 500


# ------------------------------------------------------------ no activation
def collapse(params):
    """Fold a stack of linear layers (no activation between them) into one.

    O = ((X W₁ + b₁) W₂ + b₂) … W_L + b_L = X W_eff + b_eff with

        W_eff = W₁ W₂ … W_L,   b_eff = (…(b₁ W₂ + b₂) W₃ + …) W_L + b_L.

    Parameters
    ----------
    params : list of (W (d_in, d_out), b (d_out,)); consecutive layers must chain

    Returns
    -------
    W_eff : (d_0, d_L) array, b_eff : (d_L,) array
    """
    layers = check_params(params)
    W_eff, b_eff = (np.array(a, dtype=np.float64) for a in layers[0])
    for W, b in layers[1:]:
        W_eff, b_eff = W_eff @ W, b_eff @ W + b
    return W_eff, b_eff


# ----------------------------------------------------------------- bumps
def bump_edges(n_bumps):
    """Edges of n equal bumps on [0, 1]; the outer two pushed out by one bump width.

    Pushing the first edge below 0 and the last above 1 keeps the ends of [0, 1]
    from being cut in half by a step.

    Returns
    -------
    edges : (n + 1,) increasing; bump j spans [edges[j], edges[j + 1]]
    centres : (n,) the centres (j + ½)/n of the n equal pieces of [0, 1]
    """
    n = check_int(n_bumps, "n_bumps", 1, MAX_BUMPS, example=10)
    edges = np.linspace(0.0, 1.0, n + 1)
    edges[0] -= 1.0 / n
    edges[-1] += 1.0 / n
    centres = (np.arange(n) + 0.5) / n
    return edges, centres


def bump_params(edges, heights, steepness):
    """Weights of the one-hidden-layer sigmoid net that adds up bumps.

    Bump j is h_j · (σ(w (x − p_j)) − σ(w (x − p_{j+1}))) with p_j = edges[j]:
    two hidden units whose steps sit at its two edges (a unit σ(w x + b) steps at
    p = −b / w), with output weights +h_j and −h_j.

    Parameters
    ----------
    edges : (n + 1,) increasing step positions; heights : (n,) bump heights
    steepness : float > 0, the slope w of every hidden sigmoid

    Returns
    -------
    params : [(W1 (1, 2n), b1 (2n,)), (W2 (2n, 1), b2 (1,))]; hidden units ordered
             (left edge of bump 1, right edge of bump 1, left edge of bump 2, ...)
    """
    edges = as_array(edges, "edges", ndim=1)
    heights = as_array(heights, "heights", ndim=1)
    w = check_number(steepness, "steepness", 0.0, lo_open=True, example=1000.0)
    n = heights.size
    if edges.shape != (n + 1,):
        raise ValueError(f"edges has {edges.size} entries but there are {n} bumps; expected "
                         f"{n + 1} edges (one more than heights).")
    positions = np.repeat(edges, 2)[1:-1]            # p_0, p_1, p_1, p_2, p_2, ..., p_n
    W1 = np.full((1, 2 * n), w)
    b1 = -w * positions                              # p = −b / w
    W2 = np.empty((2 * n, 1))
    W2[0::2, 0], W2[1::2, 0] = heights, -heights     # +h_j at the left step, −h_j at the right
    return [(W1, b1), (W2, np.zeros(1))]


# ----------------------------------------------------------- the sawtooth
def _check_k(k):
    return check_int(k, "k", 1, K_MAX, example=3)


def tent(x):
    """The tent map t(x) = 2·relu(x) − 4·relu(x − ½); on [0, 1] it rises to 1 at ½ and falls back."""
    x = as_array(x, "x")
    return 2 * np.maximum(x, 0) - 4 * np.maximum(x - 0.5, 0)


def sawtooth_composed(x, k):
    """t composed k times, t(t(…t(x))), by plain function composition."""
    k = _check_k(k)
    y = as_array(x, "x")
    for _ in range(k):
        y = tent(y)
    return y


def deep_sawtooth_params(k):
    """Weights of a k-hidden-layer ReLU net, each layer 2 units, that computes t^k on [0, 1].

    Layer 1 forms (x, x − ½); each later layer forms (t, t − ½) from the previous
    layer's two ReLUs h as t = 2h₁ − 4h₂; the output layer returns 2h₁ − 4h₂.

    Returns
    -------
    params : list of k + 1 pairs (W, b); sizes [1, 2, 2, …, 2, 1]
    """
    k = _check_k(k)
    shift = np.array([0.0, -0.5])
    first = (np.array([[1.0, 1.0]]), shift.copy())
    middle = (np.array([[2.0, 2.0], [-4.0, -4.0]]), shift.copy())
    last = (np.array([[2.0], [-4.0]]), np.array([0.0]))
    return [first] + [tuple(a.copy() for a in middle) for _ in range(k - 1)] + [last]


def deep_sawtooth_mlp(k):
    """An ``MLP`` (relu, identity output) holding ``deep_sawtooth_params(k)``."""
    return MLP.from_params(deep_sawtooth_params(k), activation="relu", output="identity")


def piecewise_linear_params(knots, values):
    """One-hidden-layer ReLU net equal to the linear interpolant of (knots, values).

    On [knots[0], knots[-1]]:  f(x) = v₀ + Σ_j c_j · relu(x − knot_j), one unit per
    piece, where c₀ is the first slope and c_j (j ≥ 1) the change of slope at knot j.

    Parameters
    ----------
    knots : (p + 1,) strictly increasing; values : (p + 1,)

    Returns
    -------
    params : [(W1 (1, p), b1 (p,)), (W2 (p, 1), b2 (1,))]
    """
    knots = as_array(knots, "knots", ndim=1)
    values = as_array(values, "values", ndim=1)
    if knots.shape != values.shape or knots.size < 2:
        raise ValueError(
            f"knots and values must be 1-D of the same length ≥ 2, got {knots.shape} and "
            f"{values.shape}."
        )
    if np.any(np.diff(knots) <= 0):
        raise ValueError("knots must be strictly increasing; sort them first.")
    slopes = np.diff(values) / np.diff(knots)
    c = np.diff(slopes, prepend=0.0)  # c₀ = first slope, then the slope changes
    W1, b1 = np.ones((1, slopes.size)), -knots[:-1]
    return [(W1, b1), (c[:, None], np.array([values[0]]))]


def shallow_sawtooth_mlp(k):
    """One hidden layer with 2^k ReLUs that computes the same sawtooth t^k on [0, 1]."""
    k = _check_k(k)
    knots = np.arange(2**k + 1) / 2**k
    values = (np.arange(2**k + 1) % 2).astype(float)  # 0, 1, 0, 1, …
    return MLP.from_params(piecewise_linear_params(knots, values), activation="relu",
                           output="identity")


def dyadic_grid(m):
    """The 2^m + 1 points i / 2^m on [0, 1], exact in floating point (m from 0 to 24)."""
    m = check_int(m, "m", 0, 24, example=12)
    return np.arange(2**m + 1, dtype=np.float64) / 2**m


def count_linear_pieces(x, y, rtol=1e-9):
    """Count the linear pieces of a piecewise-linear function sampled at sorted x.

    A piece ends where the slope between neighbouring samples changes by more
    than ``rtol`` times the largest slope. Exact only if every kink lies on a
    grid point (a kink strictly between two samples shows up as two slope
    changes), hence the dyadic grid for the sawtooth.
    """
    x = as_array(x, "x", ndim=1)
    y = as_array(y, "y", ndim=1)
    if x.shape != y.shape or x.size < 2:
        raise ValueError(f"x and y must be 1-D of the same length ≥ 2, got {x.shape} and {y.shape}.")
    slopes = np.diff(y) / np.diff(x)
    scale = max(np.max(np.abs(slopes)), 1e-300)
    changes = np.abs(np.diff(slopes)) > rtol * scale
    return int(np.count_nonzero(changes)) + 1


# ---------------------------------------------------------- parameter budget
def width_for_budget(budget, depth):
    """The hidden width w whose net [1, w × depth, 1] has a parameter count closest to budget.

    Parameters
    ----------
    budget : int ≥ 10, parameters to spend; depth : int from 1 to 10, hidden layers

    Returns
    -------
    w : int ≥ 1
    """
    budget = check_int(budget, "budget", 10, 10**6, example=200)
    depth = check_int(depth, "depth", 1, 10, example=4)
    best, w = 1, 1
    while True:
        p = count_params([1] + [w] * depth + [1])
        if abs(p - budget) < abs(count_params([1] + [best] * depth + [1]) - budget):
            best = w
        if p > budget:
            return best
        w += 1
