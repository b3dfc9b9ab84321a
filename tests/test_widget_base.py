"""The shared explorer machinery: controls and code stay in step both ways."""

from mlplab.widgets import gd_1d


def test_control_change_updates_values_image_and_readout():
    e = gd_1d.show()
    e.widget()
    before_png, before_text = e.image.value, e.readout.value
    e.inputs["lr"].value = 0.9
    assert e.values["lr"] == 0.9
    assert e.image.value != before_png and e.readout.value != before_text


def test_set_from_code_moves_the_slider_without_a_second_update():
    e = gd_1d.show()
    e.widget()
    calls = []
    original = e._update
    e._update = lambda: calls.append(1) or original()
    e.set(lr=0.3)
    assert e.inputs["lr"].value == 0.3
    assert len(calls) == 1


def test_static_figure_displays_as_png_without_pyplot():
    from IPython.core.formatters import PNGFormatter

    fig = type(gd_1d.show()).static_figure(lr=0.3)
    png = PNGFormatter()(fig)
    assert png is not None and png[:4] == b"\x89PNG"
