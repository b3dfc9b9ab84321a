"""Shared check for explorers that blit (dynamic artists over a cached background).

Two ways a blitted picture can go wrong, both checked after each update:

* it looks different from a full draw (pixel comparison; anti-aliasing where an
  animated artist crosses a static one is allowed, < 0.5 % of the pixels);
* an artist that is *not* animated changed (data, text, colour, visibility) or
  was added/removed while the cached background was kept (same limits and
  scales): the picture would show it stale. This catches small changes the
  pixel threshold could miss, e.g. one digit of a title.
"""

from __future__ import annotations

import io

import numpy as np
from matplotlib.collections import Collection, LineCollection
from matplotlib.image import AxesImage
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle
from matplotlib.quiver import Quiver
from matplotlib.text import Text


def pixels(png):
    from PIL import Image

    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int)


def full_draw(explorer):
    """The same figure drawn the slow way (every artist, no cached background)."""
    return explorer.full_png()


def _arr(x):
    a = np.asarray(x)
    return (a.shape, a.tobytes()) if a.dtype != object else repr(x)


def _state(a):
    s = [a.get_visible(), a.get_alpha()]
    if isinstance(a, Line2D):
        s += [_arr(a.get_xdata()), _arr(a.get_ydata()), a.get_color(), a.get_linewidth()]
    elif isinstance(a, Text):
        s += [a.get_text(), a.get_position(), a.get_color(), a.get_va(), a.get_ha()]
    elif isinstance(a, Quiver):
        s += [_arr(a.U), _arr(a.V)]
    elif isinstance(a, Collection):
        s += [_arr(a.get_offsets()), _arr(a.get_facecolors()), _arr(a.get_edgecolors()),
              _arr(a.get_linewidths())]
        if a.get_array() is not None:
            s.append(_arr(a.get_array()))
        if isinstance(a, LineCollection):
            s += [_arr(seg) for seg in a.get_segments()]
    elif isinstance(a, Rectangle):
        s += [a.get_xy(), a.get_width(), a.get_height(), a.get_facecolor()]
    elif isinstance(a, Patch):
        s += [a.get_facecolor(), a.get_edgecolor()]
    elif isinstance(a, AxesImage):
        s.append(_arr(a.get_array()))
    return s


def _static_states(explorer):
    skip = {id(x) for a in explorer.dynamic_artists for x in a.findobj()}
    skip |= {id(x) for ax in explorer.fig.axes for axis in (ax.xaxis, ax.yaxis)
             for x in axis.findobj()}  # ticks follow the limits, which redraw the background
    return {id(a): (a, _state(a)) for a in explorer.fig.findobj() if id(a) not in skip}


def assert_blitting_is_faithful(explorer, settings, max_fraction=0.005):
    """Apply each dict of ``settings`` with ``explorer.set`` and check the blitted PNG."""
    assert explorer.dynamic_artists, f"{type(explorer).__name__} blits"
    explorer.png()
    for values in settings:
        key = explorer.background_key()
        before = _static_states(explorer)
        explorer.set(**values)
        fast = pixels(explorer.png())
        if explorer.background_key() == key:  # background reused: static artists must not change
            after = _static_states(explorer)
            assert after.keys() == before.keys(), (
                f"{values}: artists added/removed but the cached background was kept: "
                f"{[a for k, (a, _) in after.items() if k not in before]} / "
                f"{[a for k, (a, _) in before.items() if k not in after]}")
            stale = [a for k, (a, s) in after.items() if s != before[k][1]]
            assert not stale, f"{values}: these changed but are not registered dynamic: {stale}"
        slow = pixels(full_draw(explorer))
        assert fast.shape == slow.shape
        differ = np.mean(np.any(fast != slow, axis=2))
        assert differ < max_fraction, f"{values}: {differ:.2%} of the pixels differ"
