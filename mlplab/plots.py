"""Plotting helpers. Each takes ``ax=None`` (then draws on the current axes)
and returns the axes, so the same picture works in a static cell and inside an
explorer. Figure text stays English (the default font has no Hangul glyphs).
"""

from __future__ import annotations

import numpy as np

from ._validate import as_array

__all__ = ["plot_loss", "decision_grid", "plot_decision_regions", "plot_fit_1d"]

CLASS_COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd",
                "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"]


def _axes(ax):
    if ax is None:
        import matplotlib.pyplot as plt

        ax = plt.gca()
    return ax


def plot_loss(losses, ax=None, label=None, logy=False, xlabel="step", **kw):
    """Plot a loss curve.

    losses : sequence of floats, or a ``History`` (its step_loss is used)
    """
    ax = _axes(ax)
    values = getattr(losses, "step_loss", losses)
    values = as_array(values, "losses", ndim=1, finite=False)
    ax.plot(np.arange(len(values)), values, label=label, **kw)
    ax.set_xlabel(xlabel)
    ax.set_ylabel("loss")
    if logy:
        ax.set_yscale("log")
    if label is not None:
        ax.legend()
    return ax


def decision_grid(predict, X, resolution=150, margin=0.3):
    """Evaluate a classifier on a grid covering the 2-D points X (pure compute).

    Parameters
    ----------
    predict : callable, (m, 2) array -> (m,) labels or (m, k) probabilities
    X : (n, 2) array used for the extent
    resolution : grid points per axis

    Returns
    -------
    xs : (r,), ys : (r,) grid coordinates
    Z : (r, r) labels, or (r, r, k) probabilities
    """
    X = as_array(X, "X", ndim=2)
    if X.shape[1] != 2:
        raise ValueError(f"X must have 2 columns (a 2-D data set), got shape {X.shape}.")
    (x0, y0), (x1, y1) = X.min(axis=0) - margin, X.max(axis=0) + margin
    xs, ys = np.linspace(x0, x1, resolution), np.linspace(y0, y1, resolution)
    gx, gy = np.meshgrid(xs, ys)
    out = np.asarray(predict(np.c_[gx.ravel(), gy.ravel()]))
    return xs, ys, out.reshape(resolution, resolution, *out.shape[1:])


def plot_decision_regions(model, X, y, ax=None, resolution=150, title=None):
    """Shade the plane by predicted class and scatter the points on top.

    model : an MLP with softmax output, or a callable (m, 2) -> (m,) labels
    X : (n, 2) array; y : (n,) int labels
    """
    ax = _axes(ax)
    predict = model.predict if hasattr(model, "predict") else model
    xs, ys, Z = decision_grid(predict, X, resolution)
    if Z.ndim == 3:
        Z = Z.argmax(axis=2)
    y = np.asarray(y)
    k = int(max(Z.max(), y.max())) + 1
    from matplotlib.colors import ListedColormap

    cmap = ListedColormap(CLASS_COLORS[:k])
    ax.imshow(Z, origin="lower", extent=(xs[0], xs[-1], ys[0], ys[-1]), cmap=cmap,
              alpha=0.25, vmin=-0.5, vmax=k - 0.5, aspect="auto", interpolation="nearest")
    ax.scatter(X[:, 0], X[:, 1], c=y, cmap=cmap, vmin=-0.5, vmax=k - 0.5, s=12,
               edgecolors="k", linewidths=0.3)
    ax.set_xlim(xs[0], xs[-1])
    ax.set_ylim(ys[0], ys[-1])
    if title:
        ax.set_title(title)
    return ax


def plot_fit_1d(x, y_true, y_pred=None, ax=None, true_label="target", pred_label="model"):
    """A 1-D target (points or curve) and a model's predictions on the same x.

    x : (n,) or (n, 1); y_true, y_pred : (n,) or (n, 1)
    """
    ax = _axes(ax)
    x = as_array(x, "x", ndim=(1, 2)).ravel()
    y_true = as_array(y_true, "y_true", ndim=(1, 2)).ravel()
    order = np.argsort(x)
    ax.plot(x[order], y_true[order], "k.", ms=3, label=true_label)
    if y_pred is not None:
        y_pred = as_array(y_pred, "y_pred", ndim=(1, 2)).ravel()
        ax.plot(x[order], y_pred[order], "C1-", lw=2, label=pred_label)
    ax.set_xlabel("x")
    ax.set_ylabel("y")
    ax.legend()
    return ax
