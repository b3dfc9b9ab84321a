"""Lessons 01–02: a gradient-descent step, the linear-regression gradient, mini-batches."""

import numpy as np

from .._core import (
    Batches,
    Exercise,
    Failed,
    Foreign,
    Mistake,
    MutationMistake,
    PropertyMistake,
    case,
    describe_case,
)


# ------------------------------------------------------------------ gd_step
def gd_step(x, grad, lr):
    """One step of gradient descent: x_new = x − lr · grad (numbers or arrays)."""
    return x - lr * grad


def _gd_step_cases(rng):
    return [
        case(3.0, 2.0, 0.1, note="numbers"),
        case(np.array([1.0, -2.0]), np.array([0.5, 4.0]), 0.25, note="arrays"),
        case(-1.5, -3.0, 0.01),
        case(rng.normal(size=(3, 2)), rng.normal(size=(3, 2)), 0.05),
    ]


def _gd_ascent(x, grad, lr):
    return x + lr * grad


def _gd_in_place(x, grad, lr):
    x -= lr * grad
    return x


GD_STEP = Exercise(
    name="gd_step",
    signature="gd_step(x, grad, lr) -> x_new",
    reference=gd_step,
    cases=_gd_step_cases,
    hints=[
        "The gradient points uphill; to go downhill, move against it.",
        "Scale the gradient by the learning rate before you move: the step is lr * grad.",
        "x_new = x − lr · grad, i.e. `return x - lr * grad`.",
    ],
    mistakes=[
        Mistake(_gd_ascent, "you move *along* the gradient (x + lr·grad): that is gradient ascent, "
                "it climbs uphill — descent subtracts: x − lr·grad"),
        Mistake(lambda x, grad, lr: x - grad, "you forgot the learning rate: the step is lr·grad, not grad"),
        Mistake(lambda x, grad, lr: x - lr,
                "you subtract lr alone: the step is lr times the gradient, lr·grad"),
        Mistake(lambda x, grad, lr: -lr * grad,
                "you return only the step −lr·grad: add it to x (x − lr·grad)"),
        MutationMistake(_gd_in_place, "you changed `x` in place (x -= ...): return a new value "
                        "`x - lr * grad` and leave the input unchanged"),
    ],
    lesson="01_gradient_descent",
)


# ----------------------------------------------------------- linreg_gradient
def linreg_gradient(X, y, beta):
    """Gradient of the mean squared error L(β) = ‖y − Xβ‖² / n.

    ∇L = −2/n · Xᵀ(y − Xβ).   X: (n, d), y: (n,), beta: (d,)  ->  (d,)
    """
    n = X.shape[0]
    residual = y - X @ beta
    return -2.0 / n * (X.T @ residual)


def _linreg_cases(rng):
    X = np.array([[1.0, 0.0], [1.0, 1.0], [1.0, 2.0]])
    cases = [case(X, np.array([1.0, 2.0, 2.0]), np.array([0.5, 0.5]), note="hand-worked 3×2")]
    for n, d in [(1, 3), (5, 2), (20, 4)]:
        X = rng.normal(size=(n, d))
        cases.append(case(X, rng.normal(size=n), rng.normal(size=d),
                          note="batch size 1" if n == 1 else ""))
    return cases


def _lr_residual(X, y, beta):
    return y - X @ beta


LINREG_GRADIENT = Exercise(
    name="linreg_gradient",
    signature="linreg_gradient(X, y, beta) -> (d,)",
    reference=linreg_gradient,
    cases=_linreg_cases,
    hints=[
        "Start from the residual r = y − Xβ, shape (n,).",
        "The derivative of ‖r‖² = Σ rᵢ² with respect to β is −2 Xᵀ r (chain rule: ∂r/∂β = −X).",
        "The loss is a mean over n samples, so divide by n: ∇L = −2/n · Xᵀ(y − Xβ).",
        "`return -2.0 / len(X) * (X.T @ (y - X @ beta))`",
    ],
    mistakes=[
        Mistake(lambda X, y, beta: -2.0 * (X.T @ _lr_residual(X, y, beta)),
                "your gradient is n times too big: the loss is the *mean* ‖y − Xβ‖²/n, "
                "so divide by n (the number of rows of X)"),
        Mistake(lambda X, y, beta: 2.0 / len(X) * (X.T @ _lr_residual(X, y, beta)),
                "your gradient has the wrong sign: ∂(y − Xβ)/∂β = −X, so ∇L = −2/n · Xᵀ(y − Xβ) "
                "(with + you would walk uphill)"),
        Mistake(lambda X, y, beta: -1.0 / len(X) * (X.T @ _lr_residual(X, y, beta)),
                "your gradient misses the factor 2: the derivative of r² is 2r, "
                "so ∇L = −2/n · Xᵀ(y − Xβ)"),
        Mistake(lambda X, y, beta: 2.0 * (X.T @ _lr_residual(X, y, beta)),
                "wrong sign and no 1/n: ∇L = −2/n · Xᵀ(y − Xβ)"),
        Mistake(lambda X, y, beta: -(X.T @ _lr_residual(X, y, beta))
                / (len(X) * np.sqrt(np.mean(_lr_residual(X, y, beta) ** 2))),
                "that is the gradient of the root-mean-square loss √(‖y − Xβ‖²/n); "
                "this exercise asks for the mean squared error ‖y − Xβ‖²/n: −2/n · Xᵀ(y − Xβ)"),
    ],
    lesson="02_linear_regression",
)


# --------------------------------------------------------------- minibatches
def minibatches(n, batch_size, rng):
    """Shuffle range(n) and cut it into batches of batch_size (the last may be smaller).

    rng : a numpy.random.Generator, so the same seed gives the same batches.
    Returns a list of int arrays that together hold every index exactly once.
    """
    order = rng.permutation(n)
    return [order[i:i + batch_size] for i in range(0, n, batch_size)]


NOT_SHUFFLED = ("your batches are not shuffled: the indices come in the order 0, 1, 2, … — "
                "draw a random order first with `order = rng.permutation(n)`")
DROPS_LAST = ("the last, smaller batch is missing: when n is not a multiple of batch_size the "
              "leftover samples form one more (smaller) batch — every sample is used once per epoch")
DUPLICATES = ("some indices appear more than once (and others never): sample *without* replacement — "
              "use rng.permutation(n), not rng.integers or rng.choice(n, n)")
NOT_REPRODUCIBLE = ("not reproducible: two calls with identically seeded Generators gave different "
                    "batches — draw the permutation from the `rng` argument (rng.permutation(n)), "
                    "not from np.random.permutation or a fresh Generator")
IGNORES_RNG = ("your function ignores the `rng` argument: Generators with different seeds gave the "
               "same batches — use rng.permutation(n) instead of your own fixed-seed Generator")


def _mb_not_shuffled(n, batch_size, rng):
    order = np.arange(n)
    return [order[i:i + batch_size] for i in range(0, n, batch_size)]


def _mb_drops_last(n, batch_size, rng):
    order = rng.permutation(n)
    return [order[i:i + batch_size] for i in range(0, n - batch_size + 1, batch_size)]


def _mb_duplicates(n, batch_size, rng):
    order = rng.integers(0, n, size=n)
    return [order[i:i + batch_size] for i in range(0, n, batch_size)]


def _mb_global_random(n, batch_size, rng):
    order = np.random.permutation(n)
    return [order[i:i + batch_size] for i in range(0, n, batch_size)]


def _mb_fixed_seed(n, batch_size, rng):
    order = np.random.default_rng(0).permutation(n)
    return [order[i:i + batch_size] for i in range(0, n, batch_size)]


_MB_SHAPES = [(10, 3), (10, 5), (7, 7), (1, 1), (5, 10), (100, 32)]


def _mb_case(n, batch_size, seed):
    return case(n, batch_size, np.random.default_rng(seed), note=f"rng = default_rng({seed})")


def _mb_batches(ex, c, out):
    """The answer (already read into arrays) as a list of 1-D int arrays, or a failure message."""
    batches = []
    for i, a in enumerate(out.items):
        if isinstance(a, Foreign) or a.ndim != 1 or a.dtype.kind not in "iu":
            got = a.kind if isinstance(a, Foreign) else f"an array with shape {a.shape} and dtype {a.dtype}"
            return (f"batch {i} should be a 1-D array of integer indices, got {got}\n"
                    + describe_case(ex, c))
        batches.append(a)
    return batches


def _mb_validate(trial, ex):
    """Partition properties, shuffling and reproducibility (not the exact order)."""
    first = {}
    for k, (n, bs) in enumerate(_MB_SHAPES):
        c = _mb_case(n, bs, seed=k)
        batches = _mb_batches(ex, c, trial.answer(c))
        if isinstance(batches, str):
            raise Failed(batches)
        first[(n, bs)] = batches
        sizes = [len(b) for b in batches]
        want = [bs] * (n // bs) + ([n % bs] if n % bs else [])
        flat = np.concatenate(batches) if batches else np.array([], dtype=int)
        if flat.size and (flat.min() < 0 or flat.max() >= n):
            raise Failed(f"indices must lie in 0..n−1 = 0..{n - 1}, got {flat.min()}..{flat.max()}",
                         describe_case(ex, c))
        detail = f"  batch sizes: expected {want}, got {sizes}\n" + describe_case(ex, c)
        if len(np.unique(flat)) != flat.size:
            raise Failed(DUPLICATES, detail)
        if flat.size < n and sizes == want[: len(sizes)] and n % bs:
            raise Failed(DROPS_LAST, detail)
        if flat.size != n:
            missing = n - flat.size
            raise Failed(f"every index 0..n−1 must appear exactly once; {missing} are missing", detail)
        if sizes != want:
            raise Failed("wrong batch sizes: every batch holds batch_size indices, only the last may be "
                         "smaller", detail)
    c = _mb_case(100, 32, seed=5)
    flat = np.concatenate(first[(100, 32)])
    if np.array_equal(flat, np.arange(100)):
        raise Failed(NOT_SHUFFLED, describe_case(ex, c))
    again = _mb_batches(ex, c, trial.answer(_mb_case(100, 32, seed=5)))
    if isinstance(again, str):
        raise Failed(again)
    if not np.array_equal(flat, np.concatenate(again)):
        raise Failed(NOT_REPRODUCIBLE, describe_case(ex, c))
    other = _mb_batches(ex, c, trial.answer(_mb_case(100, 32, seed=6)))
    if isinstance(other, str):
        raise Failed(other)
    if np.array_equal(flat, np.concatenate(other)):
        raise Failed(IGNORES_RNG, describe_case(ex, _mb_case(100, 32, seed=6)))
    return (f"correct on all {len(_MB_SHAPES)} cases: every index exactly once, right batch "
            "sizes (last one smaller), shuffled, and the same seed gives the same batches")


MINIBATCHES = Exercise(
    name="minibatches",
    signature="minibatches(n, batch_size, rng) -> list of int arrays",
    reference=minibatches,
    cases=lambda rng: [_mb_case(n, bs, k) for k, (n, bs) in enumerate(_MB_SHAPES)],
    output=Batches(),
    hints=[
        "First shuffle: `order = rng.permutation(n)` is every index 0..n−1 exactly once, in random order.",
        "Then cut `order` into consecutive slices order[i:i + batch_size] "
        "for i = 0, batch_size, 2·batch_size, …",
        "range(0, n, batch_size) gives the start of every batch; slicing past the end simply gives "
        "a shorter last batch.",
        "`return [order[i:i + batch_size] for i in range(0, n, batch_size)]`",
    ],
    mistakes=[
        PropertyMistake(_mb_not_shuffled, NOT_SHUFFLED),
        PropertyMistake(_mb_drops_last, DROPS_LAST),
        PropertyMistake(_mb_duplicates, DUPLICATES),
        PropertyMistake(_mb_global_random, NOT_REPRODUCIBLE),
        PropertyMistake(_mb_fixed_seed, IGNORES_RNG),
    ],
    validate=_mb_validate,
    lesson="02_linear_regression",
)

EXERCISES = [GD_STEP, LINREG_GRADIENT, MINIBATCHES]
