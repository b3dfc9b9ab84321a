"""The explorer base (mlplab.widgets._base): the contract's machinery, on small explorers."""

import numpy as np
import pytest
from _blit_check import full_draw, pixels

from mlplab import set_language
from mlplab.widgets import _base, gd_1d
from mlplab.widgets._base import Markup, html


def test_control_change_updates_values_image_and_readout():
    e = gd_1d.show()
    e.widget()
    before_png, before_text = e.image.value, e.readout.value
    e.inputs["lr"].value = 0.9
    assert e.values["lr"] == 0.9
    assert e.image.value != before_png and e.readout.value != before_text


def test_set_from_code_moves_the_slider_with_one_draw():
    e = gd_1d.show()
    e.widget()
    calls = []
    original = e.draw
    e.draw = lambda r: calls.append(1) or original(r)
    e.set(lr=0.3)
    assert e.inputs["lr"].value == 0.3
    assert len(calls) == 1


def test_a_rejected_value_keeps_the_last_good_state_and_later_changes_work():
    e = gd_1d.show(lr=0.3)
    png, text = e.png(), e.readout_text
    with pytest.raises(ValueError, match="lr must be > 0"):
        e.set(lr=0)
    assert e.values["lr"] == 0.3 and e.readout_text == text and e.png() == png
    e.set(steps=50)                      # no longer stuck on the bad value
    assert e.values == {**e.defaults(), "lr": 0.3, "steps": 50}
    assert e.error is None


def test_a_rejected_control_value_is_shown_escaped_and_the_control_moves_back():
    e = gd_1d.show(lr=0.3)
    e.widget()
    e.inputs["function"].options = [*e.inputs["function"].options, "<img src=x onerror=alert(1)>"]
    e.inputs["function"].value = "<img src=x onerror=alert(1)>"      # no exception escapes
    assert e.inputs["function"].value == "quadratic"                  # moved back
    assert e.values["function"] == "quadratic"
    assert "<img" not in e.readout.value and "&lt;img src=x" in e.readout.value
    assert "last valid settings" in e.readout.value
    e.inputs["lr"].value = 0.5                                        # and it still works
    assert e.values["lr"] == 0.5 and "&#9888;" not in e.readout.value


def test_unknown_names_are_rejected_with_the_valid_ones():
    with pytest.raises(TypeError, match=r"unknown parameter\(s\) \['lr_'\]; valid ones: \['function'"):
        gd_1d.show(lr_=0.1)
    e = gd_1d.show()
    with pytest.raises(TypeError, match="unknown parameter"):
        e.set(learning_rate=0.1)


def test_values_the_controls_cannot_show_widen_them_instead_of_failing():
    e = gd_1d.show(steps=500, lr=10.0, x0=-5.0)        # past every slider's end
    e.widget()
    assert e.inputs["steps"].value == 500 and e.inputs["steps"].max >= 500
    assert e.inputs["lr"].value == pytest.approx(10.0) and e.inputs["lr"].max >= 1
    assert e.inputs["x0"].value == -5.0
    e.set(steps=3)
    assert e.inputs["steps"].value == 3


def test_html_escapes_text_fields_and_keeps_numbers_and_markup():
    assert html("<b>{a}</b> {x:.2f}", a="<i>", x=1.0) == "<b>&lt;i&gt;</b> 1.00"
    inner = html("<i>{v}</i>", v="&")
    assert html("{m}", m=inner) == "<i>&amp;</i>" and isinstance(inner, Markup)


def test_readouts_follow_the_language():
    try:
        set_language("ko")
        e = gd_1d.show(lr=1.05)
        assert "발산" in e.readout_text
        with pytest.raises(ValueError):
            e.set(lr=-1)
        assert "마지막으로 유효했던" in e.readout_html()
    finally:
        set_language("en")
    assert "divergent" in gd_1d.show(lr=1.05).readout_text


def test_static_figure_displays_as_png_without_pyplot():
    from IPython.core.formatters import PNGFormatter

    fig = gd_1d.GD1DExplorer.static_figure(lr=0.3)
    png = PNGFormatter()(fig)
    assert png is not None and png[:4] == b"\x89PNG"


def test_blitted_picture_equals_a_full_draw_and_really_changes():
    e = gd_1d.show()
    for lr in (0.1, 0.5, 0.9, 1.05):
        e.set(lr=lr)
        fast, slow = pixels(e.png()), pixels(full_draw(e))
        assert np.mean(np.any(fast != slow, axis=2)) < 0.005
    before = pixels(e.png())
    e.set(lr=0.3)
    assert np.mean(np.any(pixels(e.png()) != before, axis=2)) > 0.001


def test_limit_change_redraws_the_background():
    e = gd_1d.show()
    e.png()
    key = e._background[0]
    e.ax_curve.set_ylim(-1, 2)
    e.png()
    assert e._background[0] != key


def test_close_frees_the_figure_and_the_widgets():
    e = gd_1d.show()
    box = e.widget()
    controls = list(e.inputs.values())
    e.close()
    assert e.closed and not e.fig.axes and e.result is None
    assert box.comm is None and all(c.comm is None for c in controls)
    with pytest.raises(RuntimeError, match="closed"):
        e.set(lr=0.2)
    e.close()   # twice is fine


def test_closing_the_widget_closes_the_explorer():
    e = gd_1d.show()
    e.widget().close()
    assert e.closed and not e.fig.axes


def test_displaying_again_from_the_same_cell_closes_the_previous_explorer(monkeypatch):
    import IPython.display

    monkeypatch.setattr(IPython.display, "display", lambda *a, **k: None)
    monkeypatch.setattr(_base, "_current_cell_id", lambda: "cell-7")
    first, second = gd_1d.show(), gd_1d.show()
    first._ipython_display_()
    first._ipython_display_()           # shown again: not closed
    assert not first.closed
    second._ipython_display_()
    assert first.closed and not second.closed
    monkeypatch.setattr(_base, "_current_cell_id", lambda: "cell-8")
    third = gd_1d.show()
    third._ipython_display_()
    assert not second.closed


def test_the_output_carries_the_live_widget_and_a_picture_for_readers_without_a_kernel(monkeypatch):
    import base64
    import sys

    import IPython.display

    sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[1] / "tools"))
    import lessons

    shown = []
    monkeypatch.setattr(IPython.display, "display", lambda *a, **k: shown.append((a, k)))
    e = gd_1d.show(lr=0.3)
    try:
        e._ipython_display_()
        (bundle,), kwargs = shown[-1]
        assert kwargs == {"raw": True}
        assert bundle[lessons.WIDGET_MIME]["model_id"] == e.widget().model_id
        png = base64.b64decode(bundle["image/png"])
        assert png == e.png(), "the picture is the explorer's current one"
        # committing a lesson keeps the picture and drops the widget view
        import nbformat

        nb = nbformat.v4.new_notebook()
        nb.cells.append(nbformat.v4.new_code_cell("gd_1d.show()"))
        nb.cells[0].outputs = [nbformat.v4.new_output("display_data", data=bundle)]
        lessons.strip_widgets(nb)
        assert list(nb.cells[0].outputs[0].data) == ["image/png"]
    finally:
        e.close()
