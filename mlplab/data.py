"""Small, seeded data sets: 1-D regression targets, 2-D classification sets, digits.

Everything is generated with NumPy from an explicit seed (same seed, same data)
except the digits, which come from scikit-learn's bundled copy (no download).
"""

from __future__ import annotations

import numpy as np

from .validation import (
    MAX_ENTRIES,
    as_array,
    check_bool,
    check_choice,
    check_int,
    check_number,
    check_seed,
    check_size,
)

#: the most points a generated data set may have (10 million: far beyond any lesson)
MAX_POINTS = 10_000_000

__all__ = [
    "TARGETS",
    "target_function",
    "make_regression_1d",
    "line_data",
    "DATASETS",
    "make_dataset",
    "make_blobs",
    "make_moons",
    "make_circles",
    "make_xor",
    "make_spirals",
    "train_test_split",
    "load_digits_split",
]


# ----------------------------------------------------------------- 1-D targets
def _sine(x):
    return np.sin(2 * np.pi * x)


def _step(x):
    return (x >= 0.5).astype(float)


def _bump(x):
    return np.exp(-((x - 0.5) ** 2) / (2 * 0.1**2))


def _wiggly(x):
    return 0.2 + 0.4 * x**2 + 0.3 * x * np.sin(15 * x) + 0.05 * np.cos(50 * x)


#: name -> f(x) on [0, 1]
TARGETS = {"sine": _sine, "step": _step, "bump": _bump, "wiggly": _wiggly}


def _check_name(name, registry, what):
    return registry[check_choice(name, what, registry)]


def _check_common(n, noise, seed, per_point=2):
    """Check the arguments every generator shares; returns them."""
    n = check_int(n, "n", 1, MAX_POINTS, example=300)
    check_size(n * per_point, f"a data set of n={n:,} points", MAX_ENTRIES)
    noise = check_number(noise, "noise", 0.0, None, example=0.1)
    return n, noise, check_seed(seed)


def target_function(name):
    """The 1-D target ``name`` as a callable on [0, 1].

    sine: sin(2πx); step: 1[x ≥ ½]; bump: exp(-(x-½)²/0.02);
    wiggly: 0.2 + 0.4x² + 0.3x·sin(15x) + 0.05·cos(50x).
    """
    return _check_name(name, TARGETS, "target")


def make_regression_1d(name="sine", n=200, noise=0.0, seed=0, grid=False):
    """Samples of a 1-D target on [0, 1] for regression.

    Parameters
    ----------
    name : key of ``TARGETS``; n : number of points; noise : std of added
    Gaussian noise; seed : int; grid : evenly spaced x instead of uniform draws

    Returns
    -------
    X : (n, 1) array of inputs, sorted
    y : (n, 1) array of targets
    """
    f = target_function(name)
    n, noise, seed = _check_common(n, noise, seed)
    grid = check_bool(grid, "grid")
    rng = np.random.default_rng(seed)
    x = np.linspace(0, 1, n) if grid else np.sort(rng.uniform(0, 1, n))
    y = f(x) + noise * rng.standard_normal(n)
    return x[:, None], y[:, None]


def line_data(n=40, noise=0.3, seed=0):
    """Noisy points around the line y = 0.5 + 1.2 x, with x uniform on [0, 2] (lesson 02).

    Parameters
    ----------
    n : int ≥ 2, number of points; noise : float ≥ 0, std of the Gaussian noise on y;
    seed : int ≥ 0

    Returns
    -------
    x : (n,) array, sorted;  y : (n,) array
    """
    n = check_int(n, "n", 2, MAX_POINTS, example=40)
    noise = check_number(noise, "noise", 0.0, None, example=0.3)
    rng = np.random.default_rng(check_seed(seed))
    x = np.sort(rng.uniform(0.0, 2.0, n))
    y = 0.5 + 1.2 * x + noise * rng.standard_normal(n)
    return x, y


# ----------------------------------------------------------------- 2-D sets
def make_blobs(n=300, noise=0.1, seed=0, k=3):
    """``k`` Gaussian blobs with centres on a circle of radius 1; std 0.15 + noise."""
    n, noise, seed = _check_common(n, noise, seed)
    k = check_int(k, "k", 2, 100, example=3)
    rng = np.random.default_rng(seed)
    y = np.arange(n) % k
    angles = 2 * np.pi * np.arange(k) / k + np.pi / 2
    centres = np.c_[np.cos(angles), np.sin(angles)]
    X = centres[y] + (0.15 + noise) * rng.standard_normal((n, 2))
    return X, y


def make_moons(n=300, noise=0.1, seed=0):
    """Two interleaving half circles (as in scikit-learn), Gaussian noise ``noise``."""
    n, noise, seed = _check_common(n, noise, seed)
    rng = np.random.default_rng(seed)
    y = np.arange(n) % 2
    t = rng.uniform(0, np.pi, n)
    X = np.where(
        y[:, None] == 0,
        np.c_[np.cos(t), np.sin(t)],
        np.c_[1 - np.cos(t), 0.5 - np.sin(t)],
    )
    X = X - [0.5, 0.25]
    return X + noise * rng.standard_normal((n, 2)), y


def make_circles(n=300, noise=0.1, seed=0, factor=0.5):
    """A ring (class 0, radius 1) around a disc-like circle (class 1, radius ``factor``)."""
    n, noise, seed = _check_common(n, noise, seed)
    factor = check_number(factor, "factor", 0.0, 1.0, lo_open=True, example=0.5)
    rng = np.random.default_rng(seed)
    y = np.arange(n) % 2
    t = rng.uniform(0, 2 * np.pi, n)
    r = np.where(y == 0, 1.0, factor)
    X = r[:, None] * np.c_[np.cos(t), np.sin(t)]
    return X + noise * rng.standard_normal((n, 2)), y


def make_xor(n=300, noise=0.1, seed=0):
    """Points in [-1, 1]²; class 1 where x·y < 0 (the XOR of the signs).

    Classes alternate (balanced); each point keeps a 0.05 gap from the axes.
    """
    n, noise, seed = _check_common(n, noise, seed)
    rng = np.random.default_rng(seed)
    y = np.arange(n) % 2
    sx = rng.choice([-1.0, 1.0], n)
    sy = np.where(y == 1, -sx, sx)  # opposite signs for class 1
    X = np.c_[sx, sy] * rng.uniform(0.05, 1.0, (n, 2))
    return X + noise * rng.standard_normal((n, 2)), y


def make_spirals(n=300, noise=0.1, seed=0, k=2, turns=1.5):
    """``k`` interleaved spiral arms, one per class, each winding ``turns`` times (1.5)."""
    n, noise, seed = _check_common(n, noise, seed)
    k = check_int(k, "k", 2, 100, example=2)
    turns = check_number(turns, "turns", 0.0, 100.0, lo_open=True, example=1.5)
    rng = np.random.default_rng(seed)
    y = np.arange(n) % k
    t = np.sqrt(rng.uniform(0.02, 1, n))  # radius in (0, 1], denser near the rim
    angle = 2 * np.pi * turns * t + 2 * np.pi * y / k
    X = t[:, None] * np.c_[np.cos(angle), np.sin(angle)]
    return X + noise * 0.5 * rng.standard_normal((n, 2)), y


#: name -> generator(n, noise, seed) -> (X (n, 2), y (n,))
DATASETS = {
    "blobs": make_blobs,
    "moons": make_moons,
    "circles": make_circles,
    "xor": make_xor,
    "spirals": make_spirals,
}


def make_dataset(name, n=300, noise=0.1, seed=0):
    """A 2-D classification set by name.

    Returns
    -------
    X : (n, 2) float array
    y : (n,) int array of labels 0..k-1 (classes alternate, so they are balanced)
    """
    gen = _check_name(name, DATASETS, "dataset")
    return gen(n=n, noise=noise, seed=seed)


def train_test_split(X, y, test_size=0.25, seed=0):
    """Shuffle and split rows into train and test parts.

    Returns X_train, X_test, y_train, y_test.
    """
    X = as_array(X, "X", ndim=2)
    y = as_array(y, "y", ndim=(1, 2)) if np.asarray(y).dtype.kind not in "iu" else np.asarray(y)
    if y.ndim == 0 or y.shape[0] != X.shape[0]:
        raise ValueError(f"X has {X.shape[0]} rows but y has shape {np.shape(y)}; expected one "
                         "target per row of X (train_test_split(X, y, test_size=0.25)).")
    test_size = check_number(test_size, "test_size", 0.0, 1.0, lo_open=True, example=0.25)
    if test_size >= 1.0:
        raise ValueError(f"test_size must be a fraction in (0, 1), got {test_size!r}; e.g. 0.25.")
    seed = check_seed(seed)
    if X.shape[0] < 2:
        raise ValueError(f"X has {X.shape[0]} row; expected at least 2 to split into train and test.")
    order = np.random.default_rng(seed).permutation(X.shape[0])
    n_test = min(X.shape[0] - 1, max(1, int(round(test_size * X.shape[0]))))
    test, train = order[:n_test], order[n_test:]
    return X[train], X[test], y[train], y[test]


def load_digits_split(seed=0, test_size=0.25):
    """scikit-learn's bundled 8×8 digits (1,797 images), scaled to [0, 1], split.

    Returns
    -------
    X_train : (n_train, 64), X_test : (n_test, 64) float arrays in [0, 1]
    y_train : (n_train,), y_test : (n_test,) int labels 0..9
    """
    try:
        from sklearn.datasets import load_digits
    except ImportError as exc:  # pragma: no cover - sklearn is a dependency
        raise ImportError("load_digits_split needs scikit-learn: pip install scikit-learn") from exc
    digits = load_digits()
    X = digits.data / 16.0
    return train_test_split(X, digits.target.astype(np.int64), test_size=test_size, seed=seed)
