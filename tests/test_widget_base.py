"""The shared explorer machinery: controls and code stay in step both ways."""

from _blit_check import full_draw, pixels

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


def test_blitted_updates_look_like_afull_draw():
    import numpy as np

    from mlplab.widgets.sawtooth import SawtoothExplorer

    e = SawtoothExplorer()
    assert e.animated, "sawtooth opts into blitting"
    for k in (1, 4, 8, 2):
        e.set(k=k)
        fast, slow = pixels(e.png()), pixels(full_draw(e))
        assert fast.shape == slow.shape
        assert np.mean(np.any(fast != slow, axis=2)) < 0.005  # anti-aliasing at overlaps only
    e.set(k=3)
    before = pixels(e.png())
    e.set(k=6)
    assert np.mean(np.any(pixels(e.png()) != before, axis=2)) > 0.001  # it really changes


def test_limit_change_redraws_the_background():
    from mlplab.widgets.sawtooth import SawtoothExplorer

    e = SawtoothExplorer()
    e.png()
    key = e._background[0]
    e.ax_f.set_ylim(-1, 2)
    e.png()
    assert e._background[0] != key
