"""Numerical gradients by centred differences, to check backpropagation."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .validation import as_array, check_number

__all__ = ["numerical_gradient", "rel_error", "check_gradients", "GradCheckReport"]


def numerical_gradient(f, x, h=1e-5):
    """Centred finite differences: ∂f/∂x_i ≈ (f(x + h e_i) - f(x - h e_i)) / 2h.

    ``x`` is perturbed *in place* one entry at a time (and restored), so ``f``
    may read x through a closure, e.g. a model's weight matrix. Any float64 or
    float32 array works, views included (a transposed ``W.T``, a slice).

    Parameters
    ----------
    f : callable taking x and returning a float
    x : float array of any shape (float64 recommended; modified and restored)
    h : step, a number > 0 (1e-5 suits float64)

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
    if x.dtype not in (np.float32, np.float64):
        raise TypeError(
            f"x has dtype {x.dtype}; expected float64 (or float32). A step h = 1e-5 is below "
            "float16's resolution, so every difference would be 0. Use x.astype(np.float64)."
        )
    if not x.flags.writeable:
        raise ValueError("x is read-only; expected an array that can be perturbed in place "
                         "(pass a writeable array, e.g. x.copy()).")
    h = check_number(h, "h", 0.0, None, lo_open=True, example=1e-5)
    if x.size == 0:
        raise ValueError(f"x is empty (shape {x.shape}); expected at least one entry.")
    f0 = np.asarray(f(x))
    if f0.size != 1:
        raise ValueError(
            f"f must return a single number (a loss), got an array of shape {f0.shape}. "
            "Sum or average it, or differentiate one entry at a time."
        )
    grad = np.zeros(x.shape, dtype=np.float64)
    # perturb through the array itself, so views (W.T, slices) change what f reads
    with np.nditer(x, flags=["multi_index"], op_flags=["readwrite"]) as it:
        for entry in it:
            old = entry.copy()
            entry[...] = old + h
            f_plus = float(f(x))
            entry[...] = old - h
            f_minus = float(f(x))
            entry[...] = old
            grad[it.multi_index] = (f_plus - f_minus) / (2 * h)
    return grad.astype(x.dtype)


def rel_error(a, b):
    """Relative error of two arrays: max|a - b| / max(1e-8, max(|a| + |b|)).

    The scale is the largest entry, so entries that are exactly or nearly zero
    do not inflate the error. Against centred differences (h = 1e-5, float64),
    how to read it:

    - below 1e-7: correct (a correct backprop usually gives 1e-9 or less);
    - 1e-7 to 1e-4: look closer — a kink of ReLU inside ±h, float32, or a
      badly scaled loss can cause it, and so can a small bug;
    - above 1e-4: almost surely a bug.

    ``check_gradients`` passes below its ``tol`` = 1e-7.
    """
    a = as_array(a, "a", allow_empty=True)
    b = as_array(b, "b", allow_empty=True)
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
    h : finite-difference step; tol : pass threshold on the relative error: 1e-7
        is the boundary of "correct" in float64 (see ``rel_error`` for the bands:
        1e-7 to 1e-4 look closer, above 1e-4 a bug or a ReLU kink within h of a
        pre-activation)

    Returns
    -------
    GradCheckReport with one row per W and b (name, shape, max rel error, passed)
    """
    if not (hasattr(model, "params") and callable(getattr(model, "loss", None))
            and callable(getattr(model, "loss_and_grads", None))):
        raise TypeError(
            f"model must be an mlplab MLP (anything with params, loss and loss_and_grads), got "
            f"{type(model).__name__}. Create one with MLP([d_in, hidden, d_out])."
        )
    h = check_number(h, "h", 0.0, None, lo_open=True, example=1e-5)
    tol = check_number(tol, "tol", 0.0, None, lo_open=True, example=1e-7)
    _, grads = model.loss_and_grads(X, Y)
    if len(grads) != len(model.params):
        raise ValueError(f"loss_and_grads returned {len(grads)} gradient pairs for "
                         f"{len(model.params)} layers; expected one (dW, db) per layer.")
    rows = []
    for i, ((W, b), (dW, db)) in enumerate(zip(model.params, grads), start=1):
        for name, p, g in ((f"W{i}", W, dW), (f"b{i}", b, db)):
            num = numerical_gradient(lambda _: model.loss(X, Y), p, h)
            g = np.asarray(g)
            if g.shape != p.shape:
                raise ValueError(f"the gradient of {name} has shape {g.shape}; expected {p.shape} "
                                 f"(shaped like {name}).")
            err = rel_error(g, num)
            rows.append(GradCheckRow(name, p.shape, err, err < tol))
    return GradCheckReport(rows, tol)
