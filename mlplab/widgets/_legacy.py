"""The previous explorer base, kept only while explorers move to ``_base`` (removed after).

One persistent matplotlib ``Figure`` (Agg, no pyplot) is built once; a slider
change recomputes the pure ``compute`` result, updates the artists
(``set_data``, ``set_array``...), renders the figure to PNG bytes and puts them
in a ``widgets.Image``. Measured here that is the fastest way to show a new
picture in JupyterLab (about 94 ms from key press to pixels).

Subclasses implement ``_build(fig)`` (create axes and artists, once) and
``_update()`` (read ``self.values``, recompute, update artists and return the
readout text). ``static_figure`` draws the same picture without widgets, for the
figure that precedes each explorer in a lesson.

Blitting (opt-in, for light explorers): if ``_build`` lists the artists that
change in ``self.animated``, the rest of the figure (axes, ticks, labels,
contours...) is drawn once and cached; an update restores that background and
draws only the listed artists (~10 ms instead of ~100 ms for a full draw). If
any axes' limits or scales changed, the background is redrawn first, so the
picture is always the same as a full draw.
"""

from __future__ import annotations

import io

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure


class Explorer:
    """Base class: controls + one figure rendered to a PNG ``Image`` + a readout."""

    figsize = (9.0, 3.6)
    dpi = 72

    def __init__(self, **values):
        self.values = dict(self.defaults())
        unknown = set(values) - set(self.values)
        if unknown:
            raise TypeError(
                f"{type(self).__name__} got unknown parameter(s) {sorted(unknown)}; "
                f"valid ones: {sorted(self.values)}"
            )
        self.values.update(values)
        self.fig = Figure(figsize=self.figsize, dpi=self.dpi)
        FigureCanvasAgg(self.fig)
        self.animated = []
        self._background = None
        self._build(self.fig)
        for artist in self.animated:
            artist.set_animated(True)
        self.readout_text = self._update()
        self._widget = None

    # -- to be implemented by each explorer ---------------------------------
    def defaults(self):  # pragma: no cover - abstract
        """The initial parameter values, a dict name -> value."""
        raise NotImplementedError

    def controls(self):  # pragma: no cover - abstract
        """A dict name -> ipywidgets control (names as in ``defaults``)."""
        raise NotImplementedError

    def _build(self, fig):  # pragma: no cover - abstract
        raise NotImplementedError

    def _update(self):  # pragma: no cover - abstract
        """Recompute from ``self.values``, update artists, return readout text/HTML."""
        raise NotImplementedError

    # -- shared machinery -----------------------------------------------------
    def set(self, **values):
        """Change parameters (as a slider would) and redraw; returns self."""
        self.values.update(values)
        self.readout_text = self._update()
        if self._widget is not None:
            self._sync_widget()
        return self

    def png(self):
        """The current figure as PNG bytes."""
        if not self.animated:
            buf = io.BytesIO()
            self.fig.savefig(buf, format="png", dpi=self.dpi)
            return buf.getvalue()
        return self._blit_png()

    def _layout_key(self):
        """What the cached background depends on: every axes' limits and scales."""
        return tuple((ax.get_xlim(), ax.get_ylim(), ax.get_xscale(), ax.get_yscale())
                     for ax in self.fig.axes)

    def _blit_png(self):
        from PIL import Image

        canvas = self.fig.canvas
        key = self._layout_key()
        if self._background is None or key != self._background[0]:
            canvas.draw()  # draws everything except the animated artists
            self._background = (key, canvas.copy_from_bbox(self.fig.bbox))
        else:
            canvas.restore_region(self._background[1])
        for artist in self.animated:
            if artist.get_visible():
                self.fig.draw_artist(artist)
        rgba = np.asarray(canvas.buffer_rgba())
        buf = io.BytesIO()
        Image.fromarray(rgba).save(buf, format="png", compress_level=1)
        return buf.getvalue()

    def _sync_widget(self):
        self.image.value = self.png()
        self.readout.value = self.readout_text
        # keep the controls in step when values were changed by code (set(...))
        self._syncing = True
        try:
            for name, control in self.inputs.items():
                if control.value != self.values[name]:
                    control.value = self.values[name]
        finally:
            self._syncing = False

    def widget(self):
        """Build (once) and return the ipywidgets UI: controls, image, readout."""
        if self._widget is None:
            import ipywidgets as widgets

            self.image = widgets.Image(format="png")
            self.readout = widgets.HTML()
            self.inputs = self.controls()
            for name, control in self.inputs.items():
                control.value = self.values[name]
                control.observe(self._on_change(name), names="value")
            self._widget = widgets.VBox([
                widgets.HBox(list(self.inputs.values()),
                             layout=widgets.Layout(flex_flow="row wrap")),
                self.image,
                self.readout,
            ])
            self._sync_widget()
        return self._widget

    def _on_change(self, name):
        def handler(change):
            if not getattr(self, "_syncing", False):
                self.set(**{name: change["new"]})
        return handler

    def _ipython_display_(self):
        from IPython.display import display

        display(self.widget())

    @classmethod
    def static_figure(cls, **values):
        """The explorer's picture for given values, as a matplotlib Figure.

        The figure is not managed by pyplot, so it carries its own
        ``_repr_png_``: Jupyter shows the picture whatever backend is active.
        """
        explorer = cls(**values)
        for artist in explorer.animated:  # a plain savefig must draw everything
            artist.set_animated(False)
        explorer.animated = []
        explorer.fig._repr_png_ = explorer.png
        return explorer.fig
