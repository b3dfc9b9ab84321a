"""Numerical gradients by centred differences, to check backpropagation."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._validate import as_array

__all__ = ["numerical_gradient", "rel_error", "check_gradients", "GradCheckReport"]


def numerical_gradient(f, x, h=1e-5):
    """Centred finite differences: ∂f/∂x_i ≈ (f(x + h e_i) - f(x - h e_i)) / 2h.

    ``x`` is perturbed *in place* one entry at a time (and restored), so ``f``
    may read x through a closure, e.g. a model's weight matrix.

    Parameters
    ----------
    f : callable taking x and returning a float
    x : float array of any shape (float64 recommended; modified and restored)
    h : step, > 0

    Returns
    -------
    grad : array shaped like x
    """
    if not callable(f):
        raise TypeError(f"f must be callable, got {type(f).__name__}.")
    if not isinstance(x, np.ndarray) or x.dtype.kind != "f":
        raise TypeError(
            "x must be a float NumPy array (it is perturbed in place), got "
            f"{type(x).__name__}{'' if not isinstance(x, np.ndarray) else ' of dtype ' + str(x.dtype)}. "
            "Use np.asarray(x, dtype=float)."
        )
    if not (np.isscalar(h) and np.isfinite(h) and h > 0):
        raise ValueError(f"h must be a positive number, got {h!r}; 1e-5 suits float64.")
    f0 = np.asarray(f(x))
    if f0.size != 1:
        raise ValueError(
            f"f must return a single number (a loss), got an array of shape {f0.shape}. "
            "Sum or average it, or differentiate one entry at a time."
        )
    grad = np.zeros_like(x)
    flat_x, flat_g = x.reshape(-1), grad.reshape(-1)
    for i in range(flat_x.size):
        old = flat_x[i]
        flat_x[i] = old + h
        f_plus = float(f(x))
        flat_x[i] = old - h
        f_minus = float(f(x))
        flat_x[i] = old
        flat_g[i] = (f_plus - f_minus) / (2 * h)
    return grad


def rel_error(a, b):
    """Relative error of two arrays: max|a - b| / max(1e-8, max(|a| + |b|)).

    The scale is the largest entry, so entries that are exactly or nearly zero
    do not inflate the error. In float64 a correct backprop gives ~1e-9 or less
    against centred differences; > 1e-5 usually means a bug.
    """
    a = as_array(a, "a")
    b = as_array(b, "b")
    if a.shape != b.shape:
        raise ValueError(f"a has shape {a.shape} but b has shape {b.shape}; expected equal shapes.")
    if a.size == 0:
        return 0.0
    return float(np.max(np.abs(a - b)) / max(1e-8, float(np.max(np.abs(a) + np.abs(b)))))


@dataclass
class GradCheckRow:
    name: str
    shape: tuple
    max_rel_error: float
    passed: bool


class GradCheckReport:
    """Per-parameter results of ``check_gradients``; prints as a table."""

    def __init__(self, rows, tol):
        self.rows = rows
        self.tol = tol

    @property
    def passed(self):
        return all(r.passed for r in self.rows)

    @property
    def max_rel_error(self):
        return max(r.max_rel_error for r in self.rows)

    def __iter__(self):
        return iter(self.rows)

    def __str__(self):
        lines = [f"{'param':<6} {'shape':<12} {'max rel error':>14}  result",
                 f"{'-' * 6} {'-' * 12} {'-' * 14}  ------"]
        for r in self.rows:
            lines.append(f"{r.name:<6} {str(r.shape):<12} {r.max_rel_error:>14.2e}  "
                         f"{'ok' if r.passed else 'FAIL'}")
        verdict = "all passed" if self.passed else "SOME FAILED"
        lines.append(f"tolerance {self.tol:.0e}: {verdict}")
        return "\n".join(lines)

    __repr__ = __str__

    def _repr_html_(self):
        body = "".join(
            f"<tr><td>{r.name}</td><td>{r.shape}</td><td>{r.max_rel_error:.2e}</td>"
            f"<td style='color:{'green' if r.passed else 'red'}'>{'ok' if r.passed else 'FAIL'}</td></tr>"
            for r in self.rows)
        return ("<table><tr><th>param</th><th>shape</th><th>max rel error</th><th>result</th></tr>"
                f"{body}</table><p>tolerance {self.tol:.0e}: "
                f"{'all passed' if self.passed else 'SOME FAILED'}</p>")


def check_gradients(model, X, Y, h=1e-5, tol=1e-7):
    """Compare a model's backprop gradients with centred differences.

    Parameters
    ----------
    model : an ``MLP`` (anything with ``params``, ``loss`` and ``loss_and_grads``)
    X : (n, d_0) batch, Y : its targets
    h : finite-difference step; tol : pass threshold on the relative error

    Returns
    -------
    GradCheckReport with one row per W and b (name, shape, max rel error, passed)
    """
    _, grads = model.loss_and_grads(X, Y)
    rows = []
    for i, ((W, b), (dW, db)) in enumerate(zip(model.params, grads), start=1):
        for name, p, g in ((f"W{i}", W, dW), (f"b{i}", b, db)):
            num = numerical_gradient(lambda _: model.loss(X, Y), p, h)
            err = rel_error(g, num)
            rows.append(GradCheckRow(name, p.shape, err, err < tol))
    return GradCheckReport(rows, tol)
