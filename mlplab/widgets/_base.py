"""The explorer contract: what every explorer in ``mlplab.widgets`` is and does.

An explorer shows the result of one pure computation as a picture, with controls
that change its inputs. The base class below does everything that is the same
for all of them; an explorer only says how to build its figure and how to draw
a result on it.

Writing an explorer
-------------------
Subclass :class:`Explorer` and provide

``compute``
    the pure function whose result is drawn. Usually the module's own
    ``compute``: ``compute = staticmethod(compute)``. When the explorer's values
    are not the function's arguments (three score sliders for one ``scores``
    vector), a method ``compute(self, **values)`` that translates them. The base
    calls it as ``self.result = self.compute(**self.values)``; it must validate
    its arguments (raise ``ValueError`` / ``TypeError`` saying expected / got /
    fix) and depend on the values only (caching is fine; the playground, whose
    picture is a training state, is the one explorer that also reads a state and
    calls ``refresh()`` after changing it).
``defaults()``
    the starting values, ``{name: value}``; ``set`` accepts these names only.
``controls()``
    ``{name: ipywidgets control}`` for the values the UI shows (a subset of the
    names is fine). The base sets each control's value and observes it; a value
    set from code that a control cannot show (a batch size missing from a menu,
    a number past a slider's end) is added to the menu or widens the slider.
``build(fig)``
    create the axes and artists, once. Every artist that changes from one
    result to the next is registered once, here, with ``self.dynamic(...)``.
``draw(result)``
    update the artists from a result (``set_data``, ``set_text``...) and return
    the readout: HTML built with :func:`html`, which escapes every text value, in
    the current language (``mlplab.i18n.Text``). It creates no artists, except
    static ones that follow a value named in ``background_depends_on`` (the
    contours of a chosen bowl), replaced when that value changes.

Class attributes: ``figsize`` and ``dpi`` of the figure; ``background_depends_on``
(see Drawing); ``busy_text``, a readout shown while a slow compute runs.

Life of an explorer
-------------------
``Explorer(**values)``
    values = defaults() updated by ``values`` (an unknown name is a TypeError);
    then the figure (``figsize``, ``dpi``, Agg, no pyplot), ``build(fig)``,
    ``result = compute(**values)`` (a bad value raises here) and
    ``readout_text = draw(result)``.
``set(**values)``
    validates first: unknown names raise TypeError; then ``compute`` runs on the
    new values, and only if it succeeds are values, result, picture and readout
    replaced. If ``compute`` rejects a value, nothing changes: the explorer keeps
    its last good state, the error is shown in the readout and raised to the
    caller. A control that produces a rejected value is moved back, and the
    error is shown (not raised: nobody would see it).
``widget()``
    built on first use: the controls in a row, then ``extra_widgets()`` (buttons,
    progress bars: override it to add controls, never edit the box's children),
    the picture (a ``widgets.Image`` holding PNG bytes) and the readout (a
    ``widgets.HTML``). The module's ``show(**values)`` returns the explorer, and
    Jupyter displays it as this widget (``_ipython_display_``).
``refresh()``
    recompute and redraw with the current values (after a change of state).
``close()``
    closes the widgets, clears the figure and drops every reference to axes,
    artists and results (a closed explorer kept in IPython's ``Out`` history holds
    only its values and readout); ``set`` and ``widget`` then refuse. Closing the
    widget box does the same, and an explorer displayed again from the same
    notebook cell (the cell re-run) closes the one shown there before.
``static_figure(**values)`` / ``to_figure()``
    the same picture without widgets: a matplotlib Figure that displays itself
    as PNG anywhere (it precedes every explorer in a lesson).

Drawing
-------
One persistent figure is rendered to PNG bytes (measured: the fastest way to
put a new picture on the screen in JupyterLab). Blitting keeps it fast: the
figure without its dynamic artists (axes, ticks, labels, everything static) is
drawn once and kept as a background; each update restores it and draws only the
dynamic artists on top, in the order a full draw would (by axes, then zorder).
The background is redrawn whenever something it shows may have changed: every
axes' limits, scales, aspect and visibility, the figure's size, and the values
named in ``background_depends_on`` (for static artists that follow a value, such
as the contours of a chosen function). An explorer with no dynamic artists is
drawn in full every time. ``png()`` gives the blitted picture, ``full_png()`` the
same drawn the slow way; ``tests/test_explorer_contract.py`` checks, for every
explorer, that the two agree and that no static artist changes while the
background is kept.

Adding an explorer: one module in ``mlplab/widgets/`` (``compute``, the Explorer
subclass, ``show``) and its name in the lesson's entry of ``mlplab.course``;
``mlplab.widgets.EXPLORERS`` and the contract tests pick it up from there.
"""

from __future__ import annotations

import abc
import functools
import html as _html
import io
import numbers
import weakref

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from ..i18n import Text

__all__ = ["Explorer", "html", "Markup"]

ERROR_READOUT = Text(
    "<span style='color:#c00'>&#9888; {error}</span><br>The picture still shows the last "
    "valid settings.",
    "<span style='color:#c00'>&#9888; {error}</span><br>그림은 마지막으로 유효했던 설정을 "
    "그대로 보여 줍니다.",
)
CLOSED = Text("this explorer was closed; make a new one with show(...).",
              "이 탐색기는 닫혔습니다. show(...)로 새로 만드세요.")


class Markup(str):
    """Text that is already HTML (made by :func:`html`): not escaped again."""


def html(template, **fields):
    """Fill an HTML readout template (a ``Text`` or str), escaping every text field.

    Numbers keep their format specs (``{lr:.3g}``); ``Markup`` (the result of an
    inner ``html`` call) is inserted as it is; strings, ``Text`` and any other object
    are converted to text and escaped, so a value can never inject markup.

    >>> html("<b>{name}</b> = {x:.2f}", name="<img>", x=1)
    '<b>&lt;img&gt;</b> = 1.00'
    """
    safe = {}
    for name, value in fields.items():
        if isinstance(value, Markup):
            safe[name] = value
        elif isinstance(value, (numbers.Number, np.number)) and not isinstance(value, bool):
            safe[name] = value
        else:
            safe[name] = _html.escape(str(value))
    return Markup(str(template).format(**safe))


#: what a closed explorer keeps (see Explorer.close)
_KEPT_AFTER_CLOSE = {"values", "readout_text", "error", "closed", "_widget", "fig"}

# cell id -> the explorer last displayed from that cell (re-running the cell replaces it)
_DISPLAYED = {}


def _current_cell_id():
    try:
        from IPython import get_ipython

        parent = get_ipython().kernel.get_parent()
        return (parent.get("metadata") or {}).get("cellId")
    except Exception:  # not in a kernel, or a frontend that does not send cell ids
        return None


class Explorer(abc.ABC):
    """Base class of every explorer; the contract is in this module's docstring."""

    figsize = (9.0, 3.6)
    dpi = 72
    #: names of values the cached background depends on (besides axes limits etc.)
    background_depends_on = ()
    #: readout shown while compute runs (for explorers that train), or None
    busy_text = None

    def __init__(self, **values):
        self.values = dict(self.defaults())
        self._check_names(values)
        self.values.update(values)
        self.fig = Figure(figsize=self.figsize, dpi=self.dpi)
        FigureCanvasAgg(self.fig)
        self._dynamic = []
        self._background = None
        self._widget = None
        self._syncing = False
        self.closed = False
        self.error = None
        self.build(self.fig)
        for artist in self._dynamic:
            artist.set_animated(True)
        self.result = self.compute(**self.values)
        self.readout_text = self.draw(self.result)

    # ------------------------------------------------------------- to implement
    @abc.abstractmethod
    def compute(self, **values):
        """The pure computation behind the picture (usually the module's ``compute``)."""

    @abc.abstractmethod
    def defaults(self):
        """The initial values, a dict name -> value."""

    @abc.abstractmethod
    def controls(self):
        """A dict name -> ipywidgets control (names as in ``defaults``)."""

    @abc.abstractmethod
    def build(self, fig):
        """Create the axes and artists once; register the changing ones with ``dynamic``."""

    @abc.abstractmethod
    def draw(self, result):
        """Update the artists from ``result``; return the readout (HTML)."""

    def extra_widgets(self):
        """Widgets shown in a row under the controls (buttons, progress bars); none here."""
        return []

    # ------------------------------------------------------------- for subclasses
    def dynamic(self, artists):
        """Register an artist (or a list of artists) that changes between results.

        Call it once, in ``build``, on the artist as it is created; returns its argument::

            (self.path,) = self.dynamic(ax.plot([], [], "o-"))
            self.title = self.dynamic(ax.set_title(""))
        """
        items = list(artists) if isinstance(artists, (list, tuple)) else [artists]
        self._dynamic.extend(items)
        return artists

    @property
    def dynamic_artists(self):
        """The registered dynamic artists, in registration order."""
        return tuple(self._dynamic)

    def refresh(self):
        """Recompute and redraw with the current values (after a change of state that
        ``compute`` reads, such as a playground's training); returns self."""
        self._apply({}, raise_errors=True)
        return self

    # ------------------------------------------------------------- changing values
    def set(self, **values):
        """Change values as the controls would, recompute and redraw; returns self.

        Unknown names raise TypeError. A value that ``compute`` rejects raises its
        ValueError/TypeError and changes nothing (the last good state stays).
        """
        self._apply(values, raise_errors=True)
        return self

    def _check_names(self, values):
        unknown = sorted(set(values) - set(self.values))
        if unknown:
            raise TypeError(
                f"{type(self).__name__} got unknown parameter(s) {unknown}; "
                f"valid ones: {sorted(self.values)}"
            )

    def _apply(self, changes, raise_errors):
        if self.closed:
            raise RuntimeError(str(CLOSED))
        self._check_names(changes)
        new = {**self.values, **changes}
        if self.busy_text is not None and self._widget is not None:
            self.readout.value = str(self.busy_text)
        try:
            result = self.compute(**new)
        except (ValueError, TypeError) as err:
            self.error = err
            if self._widget is not None:  # the picture stays; the error, controls moved back
                self._sync_widget(picture=False)
            if raise_errors:
                raise
            return
        self.values, self.result, self.error = new, result, None
        self.readout_text = self.draw(result)
        if self._widget is not None:
            self._sync_widget()

    # ------------------------------------------------------------- rendering
    def background_key(self):
        """Everything the cached background depends on (see the module docstring)."""
        axes = tuple((ax.get_visible(), ax.get_xlim(), ax.get_ylim(), ax.get_xscale(),
                      ax.get_yscale(), str(ax.get_aspect())) for ax in self.fig.axes)
        values = tuple(repr(self.values[name]) for name in self.background_depends_on)
        return (tuple(self.fig.get_size_inches()), axes, values)

    def _draw_order(self):
        axes = {id(ax): i for i, ax in enumerate(self.fig.axes)}
        order = [(a.axes is None, axes.get(id(a.axes), 0), a.get_zorder(), i, a)
                 for i, a in enumerate(self._dynamic)]
        return [item[-1] for item in sorted(order, key=lambda t: t[:4])]

    def render(self):
        """Draw the current picture into the figure's canvas (blitting, see above)."""
        canvas = self.fig.canvas
        if not self._dynamic:
            canvas.draw()
            return
        key = self.background_key()
        if self._background is None or key != self._background[0]:
            canvas.draw()  # everything except the dynamic (animated) artists
            self._background = (key, canvas.copy_from_bbox(self.fig.bbox))
        else:
            canvas.restore_region(self._background[1])
        for artist in self._draw_order():
            if artist.get_visible() and (artist.axes is None or artist.axes.get_visible()):
                self.fig.draw_artist(artist)

    def png(self):
        """The current picture as PNG bytes."""
        from PIL import Image

        self.render()
        canvas = self.fig.canvas
        width, height = canvas.get_width_height(physical=True)
        image = Image.frombuffer("RGBA", (width, height), canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
        buf = io.BytesIO()
        image.convert("RGB").save(buf, format="png", compress_level=1)
        return buf.getvalue()

    def full_png(self):
        """The current picture drawn the slow way (every artist, nothing cached)."""
        for artist in self._dynamic:
            artist.set_animated(False)
        try:
            buf = io.BytesIO()
            self.fig.savefig(buf, format="png", dpi=self.dpi)
        finally:
            for artist in self._dynamic:
                artist.set_animated(True)
        return buf.getvalue()

    # ------------------------------------------------------------- widgets
    def widget(self):
        """Build (once) and return the ipywidgets UI: controls, extras, picture, readout."""
        if self.closed:
            raise RuntimeError(str(CLOSED))
        if self._widget is None:
            import ipywidgets as widgets

            self.image = widgets.Image(format="png")
            self.readout = widgets.HTML()
            self.inputs = self.controls()
            self._syncing = True
            try:
                for name, control in self.inputs.items():
                    _show_value(control, self.values[name])
                    control.observe(self._on_change(name), names="value")
            finally:
                self._syncing = False
            rows = [widgets.HBox(list(self.inputs.values()),
                                 layout=widgets.Layout(flex_flow="row wrap"))]
            extra = list(self.extra_widgets())
            if extra:
                rows.append(widgets.HBox(extra, layout=widgets.Layout(flex_flow="row wrap")))
            self._parts = [*self.inputs.values(), *extra, *rows, self.image, self.readout]
            self._widget = _box_class()([*rows, self.image, self.readout])
            self._widget.explorer = weakref.ref(self)
            self._sync_widget()
        return self._widget

    def readout_html(self):
        """What the readout shows: the current readout, or the last error above it."""
        if self.error is None:
            return self.readout_text
        return html(ERROR_READOUT, error=self.error)

    def _sync_widget(self, picture=True):
        if picture:
            self.image.value = self.png()
        self.readout.value = self.readout_html()
        self._syncing = True  # moving the controls to the values must not set them again
        try:
            for name, control in self.inputs.items():
                _show_value(control, self.values[name])
        finally:
            self._syncing = False

    def _on_change(self, name):
        def handler(change):
            if not self._syncing:
                self._apply({name: change["new"]}, raise_errors=False)
        return handler

    def _ipython_display_(self):
        from IPython.display import display

        cell = _current_cell_id()
        if cell is not None:
            previous = _DISPLAYED.get(cell)
            previous = previous() if previous is not None else None
            if previous is not None and previous is not self and not previous.closed:
                previous.close()  # the cell was re-run: free the explorer it showed
            _DISPLAYED[cell] = weakref.ref(self)
        display(self.mimebundle(), raw=True)

    def mimebundle(self):
        """The live widget plus a PNG of its current picture, in one output.

        JupyterLab, Notebook and VS Code show the widget (their widget renderer
        ranks first); a reader without a kernel (GitHub, nbviewer, a notebook
        committed executed) shows the picture instead.
        """
        import base64

        built = self._widget is not None
        bundle = dict(self.widget()._repr_mimebundle_())
        picture = self.png() if built else self.image.value  # building it just drew the picture
        bundle["image/png"] = base64.b64encode(picture).decode("ascii")
        return bundle

    def close(self):
        """Close the widgets and free the figure; the explorer cannot be used afterwards."""
        if self.closed:
            return
        self.closed = True
        if self._widget is not None:
            box, self._widget = self._widget, None
            for part in [*self._parts, box]:
                part.close()
            self._parts, self.inputs, self.image, self.readout = [], {}, None, None
        self.fig.clear()
        FigureCanvasAgg(self.fig)  # a fresh canvas: the old one and its pixel buffer go
        # drop every reference to axes, artists, results and caches, so that an explorer
        # kept alive by IPython's output history (Out[n]) holds only its values and text
        for name in list(vars(self)):
            if name not in _KEPT_AFTER_CLOSE:
                delattr(self, name)
        self._dynamic, self._background, self.result = [], None, None

    # ------------------------------------------------------------- static picture
    @classmethod
    def static_figure(cls, **values):
        """The explorer's picture for given values, as a matplotlib Figure.

        The figure is not managed by pyplot and carries its own ``_repr_png_``, so
        Jupyter shows the picture whatever backend is active.
        """
        return cls(**values).to_figure()

    def to_figure(self):
        """This explorer's current picture as a static Figure (see ``static_figure``);
        the explorer itself stops blitting."""
        for artist in self._dynamic:  # a plain savefig must draw everything
            artist.set_animated(False)
        self._dynamic = []
        self.fig._repr_png_ = self.png
        return self.fig


@functools.cache
def _box_class():
    import ipywidgets as widgets

    class ExplorerBox(widgets.VBox):
        """The explorer's UI; closing it closes (frees) the explorer too."""

        def close(self):
            owner = getattr(self, "explorer", None)
            owner = owner() if owner is not None else None
            self.explorer = None
            super().close()
            if owner is not None and not owner.closed:
                owner.close()

    return ExplorerBox


def _show_value(control, value):
    """Set a control to ``value``, first widening it if it cannot show that value.

    A menu (Dropdown, SelectionSlider) gets the value added to its options; a
    slider gets its range stretched (a FloatLogSlider's range is in exponents).
    """
    if hasattr(control, "options"):
        options = list(control.options)
        values = [o[1] if isinstance(o, tuple) and len(o) == 2 else o for o in options]
        if value not in values:
            if all(isinstance(v, numbers.Real) for v in values) and isinstance(value, numbers.Real):
                options = sorted(options + [value])
            else:
                options.append(value)
            control.options = options
    elif hasattr(control, "base"):  # FloatLogSlider: min and max are exponents
        exponent = float(np.log(value) / np.log(control.base)) if value > 0 else control.min
        if exponent < control.min:
            control.min = float(np.floor(exponent))
        if exponent > control.max:
            control.max = float(np.ceil(exponent))
    elif hasattr(control, "min") and hasattr(control, "max") and isinstance(value, numbers.Real):
        if value < control.min:
            control.min = value
        if value > control.max:
            control.max = value
    if control.value != value:
        control.value = value
