"""Plotting helpers. Each takes ``ax=None`` (then draws on the current axes)
and returns the axes, so the same picture works in a static cell and inside an
explorer. Figure text stays English (the default font has no Hangul glyphs).
"""

from __future__ import annotations

import numpy as np

from .validation import (
    as_array,
    check_bool,
    check_int,
    check_labels,
    check_number,
    check_params,
    check_same_rows,
)

__all__ = ["plot_loss", "plane_grid", "decision_grid", "plot_decision_regions", "plot_fit_1d",
           "network_diagram"]

#: the most grid points per axis ``decision_grid`` evaluates (1000² = 1 million points)
MAX_RESOLUTION = 1000
#: the most nodes ``network_diagram`` draws per layer
MAX_NODES = 60

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
    values = getattr(losses, "step_loss", losses)
    values = as_array(values, "losses", ndim=1, finite=False)  # a diverged run shows as a gap
    logy = check_bool(logy, "logy")
    ax = _axes(ax)
    ax.plot(np.arange(len(values)), values, label=label, **kw)
    ax.set_xlabel(xlabel)
    ax.set_ylabel("loss")
    if logy:
        ax.set_yscale("log")
    if label is not None:
        ax.legend()
    return ax


def plane_grid(X, resolution=150, margin=0.3):
    """A square grid of points covering the 2-D points X, for shading a classifier.

    Parameters
    ----------
    X : (n, 2) array whose extent (plus ``margin`` on every side) the grid covers
    resolution : int from 2 to ``MAX_RESOLUTION`` (1,000), grid points per axis
    margin : float ≥ 0

    Returns
    -------
    xs : (r,), ys : (r,) the grid's coordinates (r = resolution)
    G : (r·r, 2) every grid point, row by row: G[i·r + j] = (xs[j], ys[i])
    """
    X = as_array(X, "X", ndim=2)
    if X.shape[1] != 2:
        raise ValueError(f"X must have 2 columns (a 2-D data set), got shape {X.shape}.")
    r = check_int(resolution, "resolution", 2, MAX_RESOLUTION, example=150)
    margin = check_number(margin, "margin", 0.0, example=0.3)
    (x0, y0), (x1, y1) = X.min(axis=0) - margin, X.max(axis=0) + margin
    xs, ys = np.linspace(x0, x1, r), np.linspace(y0, y1, r)
    gx, gy = np.meshgrid(xs, ys)
    return xs, ys, np.c_[gx.ravel(), gy.ravel()]


def decision_grid(predict, X, resolution=150, margin=0.3):
    """Evaluate a classifier on a grid covering the 2-D points X (pure compute).

    Parameters
    ----------
    predict : callable, (m, 2) array -> (m,) labels or (m, k) probabilities
    X : (n, 2) array used for the extent
    resolution : grid points per axis (2 to 1,000); margin : added around X

    Returns
    -------
    xs : (r,), ys : (r,) grid coordinates
    Z : (r, r) labels, or (r, r, k) probabilities; Z[i, j] belongs to (xs[j], ys[i])
    """
    if not callable(predict):
        raise TypeError(f"predict must be a function of the (m, 2) grid points, got "
                        f"{type(predict).__name__}; pass model.predict or model.predict_proba.")
    xs, ys, G = plane_grid(X, resolution, margin)
    out = np.asarray(predict(G))
    r = xs.size
    if out.ndim not in (1, 2) or out.shape[0] != r * r:
        raise ValueError(f"predict returned shape {out.shape} for {r * r} grid points; expected "
                         "(m,) labels or (m, k) probabilities, one row per point.")
    return xs, ys, out.reshape(r, r, *out.shape[1:])


def plot_decision_regions(model, X, y, ax=None, resolution=150, title=None):
    """Shade the plane by predicted class and scatter the points on top.

    model : an MLP with softmax output, or a callable (m, 2) -> (m,) labels
    X : (n, 2) array; y : (n,) int labels
    """
    predict = model.predict if hasattr(model, "predict") else model
    X = as_array(X, "X", ndim=2)
    y = check_labels(y, None, "y")
    check_same_rows(X, y, "X", "y")
    ax = _axes(ax)
    xs, ys, Z = decision_grid(predict, X, resolution)
    if Z.ndim == 3:
        Z = Z.argmax(axis=2)
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
    x = as_array(x, "x", ndim=(1, 2)).ravel()
    y_true = as_array(y_true, "y_true", ndim=(1, 2)).ravel()
    if y_true.shape != x.shape:
        raise ValueError(f"y_true has {y_true.size} values but x has {x.size}; expected one "
                         "target per x.")
    if y_pred is not None:
        y_pred = as_array(y_pred, "y_pred", ndim=(1, 2)).ravel()
        if y_pred.shape != x.shape:
            raise ValueError(f"y_pred has {y_pred.size} values but x has {x.size}; expected one "
                             "prediction per x.")
    ax = _axes(ax)
    order = np.argsort(x)
    ax.plot(x[order], y_true[order], "k.", ms=3, label=true_label)
    if y_pred is not None:
        ax.plot(x[order], y_pred[order], "C1-", lw=2, label=pred_label)
    ax.set_xlabel("x")
    ax.set_ylabel("y")
    ax.legend()
    return ax


# ------------------------------------------------------------------ network diagram
POSITIVE_COLOR = "#d62728"   # red: positive weight
NEGATIVE_COLOR = "#1f77b4"   # blue: negative weight


def _diagram_layers(sizes_or_params):
    """(sizes, params or None) from a list of widths, a list of (W, b) or a model."""
    params = getattr(sizes_or_params, "params", sizes_or_params)
    if isinstance(params, (list, tuple)) and params and all(
            isinstance(p, (list, tuple)) and len(p) == 2 for p in params):
        checked = check_params(params)
        sizes = [checked[0][0].shape[0]] + [W.shape[1] for W, _ in checked]
        return sizes, checked
    from .mlp import check_sizes

    try:
        return check_sizes(params), None
    except (TypeError, ValueError) as err:
        raise type(err)(
            f"network_diagram needs layer widths like [784, 15, 10], a list of (W, b) "
            f"pairs, or an MLP. {err}") from None


def _shown_nodes(size, max_nodes):
    """Indices of the nodes drawn for a layer of ``size`` (first and last ones if big)."""
    if size <= max_nodes:
        return list(range(size)), None
    head = (max_nodes - 1) // 2 + (max_nodes - 1) % 2
    tail = max_nodes - 1 - head
    return list(range(head)) + list(range(size - tail, size)), head


def edge_style(params, shown, max_width=4.0, min_width=0.3):
    """Edge widths (∝ |w|) and colours (by sign) in the order ``network_diagram`` draws them.

    params : list of (W, b) or None; shown : per layer, the indices of the drawn nodes.
    Returns (widths, colors), two lists with one entry per edge (None, None without params).
    An explorer restyles the diagram's edges with them when the weights change.
    """
    if params is None:
        return None, None
    scale = max(max(float(np.max(np.abs(W))) for W, _ in params), 1e-12)
    widths, colors = [], []
    for l, (W, _) in enumerate(params):
        for i in shown[l]:
            for j in shown[l + 1]:
                w = float(W[i, j])
                widths.append(min_width + (max_width - min_width) * abs(w) / scale)
                colors.append(POSITIVE_COLOR if w >= 0 else NEGATIVE_COLOR)
    return widths, colors


def network_diagram(sizes_or_params, ax=None, max_nodes=10, node_labels=True,
                    layer_names=None, max_width=4.0, node_size=None):
    """Draw a dense network as columns of nodes joined by edges.

    Parameters
    ----------
    sizes_or_params : layer widths like [784, 15, 10]; or a list of (W (d_in, d_out),
        b (d_out,)) pairs, or an ``MLP`` — then each edge i → j is drawn with width
        ∝ |W[i, j]| and coloured by its sign (red positive, blue negative)
    ax : matplotlib axes (default: the current axes)
    max_nodes : layers wider than this show their first and last nodes and a "⋮"
    node_labels : label the nodes x_i / h_i / o_i (only where they fit)
    layer_names : one caption per column (default "input (d)", "hidden (d)", "output (d)")
    max_width : line width of the largest |w|

    Returns
    -------
    ax ; its edges are one ``LineCollection`` with gid "network_edges" (first
    collection) and the nodes one ``PathCollection`` with gid "network_nodes",
    so an explorer can restyle them without redrawing.
    """
    from matplotlib.collections import LineCollection

    sizes, params = _diagram_layers(sizes_or_params)
    max_nodes = check_int(max_nodes, "max_nodes", 3, MAX_NODES, example=10)
    node_labels = check_bool(node_labels, "node_labels")
    max_width = check_number(max_width, "max_width", 0.0, 50.0, lo_open=True, example=4.0)
    L = len(sizes)
    if layer_names is None:
        layer_names = ["input"] + ["hidden"] * (L - 2) + ["output"]
        layer_names = [f"{name}\n({d})" for name, d in zip(layer_names, sizes)]
    elif isinstance(layer_names, str) or not hasattr(layer_names, "__len__"):
        raise TypeError(f"layer_names must be a list of {L} captions, got {type(layer_names).__name__}.")
    elif len(layer_names) != L:
        raise ValueError(f"layer_names needs {L} entries (one per column), got {len(layer_names)}.")
    ax = _axes(ax)
    shown, gaps, ypos = [], [], []
    for d in sizes:
        idx, gap = _shown_nodes(d, max_nodes)
        slots = len(idx) + (gap is not None)
        y = np.linspace(1, 0, slots) if slots > 1 else np.array([0.5])
        if slots > 1:
            half = 0.5 * (slots - 1) / (max(min(max(sizes), max_nodes + 1), 2) - 1)
            y = 0.5 + (y - 0.5) * 2 * half
        if gap is not None:
            ypos.append(np.r_[y[:gap], y[gap + 1:]])
            gaps.append(y[gap])
        else:
            ypos.append(y)
            gaps.append(None)
        shown.append(idx)
    xpos = np.arange(L, dtype=float)
    segments = [((xpos[l], ypos[l][a]), (xpos[l + 1], ypos[l + 1][b]))
                for l in range(L - 1)
                for a in range(len(shown[l])) for b in range(len(shown[l + 1]))]
    widths, colors = edge_style(params, shown, max_width)
    many = len(segments) > 400
    edges = LineCollection(segments, linewidths=widths if widths else (0.3 if many else 0.8),
                           colors=colors if colors else "0.55",
                           alpha=0.35 if many else 0.8, zorder=1)
    edges.set_gid("network_edges")
    ax.add_collection(edges)
    nx = np.concatenate([np.full(len(y), x) for x, y in zip(xpos, ypos)])
    ny = np.concatenate(ypos)
    if node_size is None:
        node_size = 500 if max(len(s) for s in shown) <= 5 else 260
    nodes = ax.scatter(nx, ny, s=node_size, c="white", edgecolors="k", linewidths=1.2, zorder=3)
    nodes.set_gid("network_nodes")
    prefix = ["x"] + ["h"] * (L - 2) + ["o"]
    for l in range(L):
        if gaps[l] is not None:
            ax.text(xpos[l], gaps[l], r"$\vdots$", ha="center", va="center", fontsize=13, zorder=4)
        if node_labels and node_size >= 260:
            for i, y in zip(shown[l], ypos[l]):
                name = prefix[l] if L > 3 or l != 1 else "h"
                sup = "" if L <= 3 else rf"^{{({l})}}" if 0 < l < L - 1 else ""
                ax.text(xpos[l], y, rf"${name}{sup}_{{{i + 1}}}$", ha="center", va="center",
                        fontsize=6.5 if node_size < 500 else 10, zorder=4)
        ax.text(xpos[l], -0.12, layer_names[l], ha="center", va="top", fontsize=9)
    ax.set_xlim(-0.4, L - 0.6)
    ax.set_ylim(-0.32, 1.08)
    ax.set_axis_off()
    return ax
