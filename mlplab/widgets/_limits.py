"""Axis limits for explorers: always finite, and moving in coarse steps.

An explorer's picture is fastest to redraw while every axes keeps its limits
(the cached background is reused, see ``Explorer``), so limits are rounded
outward to coarse values: whole decades on log axes, 1-2-5 steps or a fixed
grid on linear ones. The helpers also never return NaN, infinite or empty
limits, which matplotlib refuses, whatever the numbers (a diverged run, scores
of 1e300).
"""

from __future__ import annotations

import numpy as np

__all__ = ["LOG_FLOOR", "LOG_CAP", "pin_for_log", "log_decades", "nice_ceil", "step_limits",
           "symmetric_limits", "square_limits", "padded_limits"]

#: the smallest value a log axis shows (an exact landing, a loss of 0, is drawn here)
LOG_FLOOR = 1e-16
#: the largest value a log axis shows: log axes cannot tick near the float limit,
#: so overflowed values (inf) and anything above are drawn pinned here
LOG_CAP = 1e100


def pin_for_log(values, floor=LOG_FLOOR, cap=LOG_CAP):
    """Values ready for a log axis: at most ``cap`` (+inf included), at least ``floor``.

    NaN stays NaN (matplotlib leaves a gap there).
    """
    v = np.array(values, dtype=np.float64)
    with np.errstate(invalid="ignore"):
        v[v > cap] = cap
        v[v < floor] = floor
    return v


def log_decades(values, margin=2.0, floor=LOG_FLOOR, cap=LOG_CAP):
    """Log-axis limits in whole powers of ten around the finite positive ``values``.

    The range [min / margin, max · margin] is widened to the enclosing decades and
    clipped to [floor, cap]; (0.1, 10) if there is nothing to show.
    """
    v = np.asarray(values, dtype=np.float64).ravel()
    v = v[np.isfinite(v) & (v > 0)]
    if not v.size:
        return 0.1, 10.0
    lo = max(float(v.min()) / margin, floor)
    hi = min(float(v.max()) * margin, cap)
    lo, hi = 10.0 ** np.floor(np.log10(lo)), 10.0 ** np.ceil(np.log10(hi))
    return float(lo), float(hi if hi > lo else lo * 10.0)


def nice_ceil(x, ladder=(1.0, 2.0, 5.0)):
    """The smallest m · 10^k ≥ x with m in ``ladder`` (for x > 0; 1 for anything else)."""
    x = float(x)
    if not np.isfinite(x) or x <= 0:
        return 1.0
    x = min(x, 1e300)
    decade = 10.0 ** np.floor(np.log10(x))
    for m in (*ladder, 10.0):
        if m * decade >= x * (1 - 1e-12):
            return float(m * decade)
    return float(10.0 * decade)


def step_limits(lo, hi, step=0.25, pad=0.04):
    """(lo, hi) rounded outward to multiples of ``step``, then padded by ``pad`` of the span."""
    lo, hi = np.floor(float(lo) / step) * step, np.ceil(float(hi) / step) * step
    if not (np.isfinite(lo) and np.isfinite(hi)):
        return -1.0, 1.0
    if hi <= lo:
        hi = lo + step
    margin = pad * (hi - lo)
    return float(lo - margin), float(hi + margin)


def symmetric_limits(values, pad=0.05, ladder=(1.0, 1.5, 2.0, 3.0, 5.0, 7.5)):
    """The same limits for both axes of a point cloud: [-R, R], or [0, R] if no value is
    negative, with R = max |value| rounded up on ``ladder`` (so angles in the picture are
    true, and the limits stay put over most slider steps)."""
    v = np.asarray(values, dtype=np.float64)
    v = v[np.isfinite(v)]
    R = nice_ceil(max(float(np.abs(v).max()), 1e-3) if v.size else 1.0, ladder)
    lo = 0.0 if not v.size or v.min() >= -1e-9 else -R
    span = R - lo
    return float(lo - pad * span), float(R + pad * span)


def square_limits(points, pad=0.08, ladder=(1.0, 1.5, 2.0, 3.0, 5.0, 7.5)):
    """Limits of the same width on both axes around a 2-D point cloud (true angles).

    The half-width R is the cloud's larger half-span, padded and rounded up on
    ``ladder``; the centre is snapped to a multiple of R/4. Both are coarse on
    purpose: over most slider steps the limits stay put.

    Returns
    -------
    (x0, x1), (y0, y1)
    """
    P = np.asarray(points, dtype=np.float64).reshape(-1, 2)
    P = P[np.all(np.isfinite(P), axis=1)]
    if not P.size:
        return (-1.0, 1.0), (-1.0, 1.0)
    lo, hi = P.min(axis=0), P.max(axis=0)
    R = nice_ceil(max(float(np.max(hi - lo)) / 2 * (1 + pad), 1e-3), ladder)
    grid = R / 4
    centre = np.round((lo + hi) / 2 / grid) * grid
    return ((float(centre[0] - R - grid), float(centre[0] + R + grid)),
            (float(centre[1] - R - grid), float(centre[1] + R + grid)))


def padded_limits(values, pad=0.1, top_pad=None, limit=1e12):
    """Linear-axis limits around the finite ``values``: [min − pad·span, max + top_pad·span].

    Values beyond ±``limit`` are clipped (a diverged curve is drawn leaving the axes, not
    squashing it); a flat or empty set gets a unit-wide range.
    """
    v = np.asarray(values, dtype=np.float64).ravel()
    v = np.clip(v[np.isfinite(v)], -limit, limit)
    if not v.size:
        return 0.0, 1.0
    lo, hi = float(v.min()), float(v.max())
    span = hi - lo if hi > lo else 1.0
    return lo - pad * span, hi + (pad if top_pad is None else top_pad) * span
