"""chain_rule_graph: z = (x + y)², forward values and backward gradients."""

import numpy as np
import pytest

from mlplab.widgets import chain_rule_graph
from mlplab.widgets.chain_rule_graph import compute


def test_the_lecture_example_x1_y2():
    r = compute(1.0, 2.0)
    assert r.w == 3.0 and r.z == 9.0
    assert r.dz_dw == 6.0 and r.dw_dx == r.dw_dy == 1.0
    assert r.dz_dx == 6.0 and r.dz_dy == 6.0
    assert r.numerical_dz_dx == pytest.approx(6.0, abs=1e-6)


@pytest.mark.parametrize("x, y", [(0.0, 0.0), (-1.5, 0.5), (2.5, -3.0)])
def test_gradient_is_two_x_plus_y_and_matches_differences(x, y):
    r = compute(x, y)
    assert r.z == pytest.approx((x + y) ** 2)
    assert r.dz_dx == pytest.approx(2 * (x + y)) and r.dz_dy == r.dz_dx
    assert r.numerical_dz_dx == pytest.approx(r.dz_dx, abs=1e-6)


@pytest.mark.parametrize("kwargs, err", [({"x": np.nan}, ValueError), ({"y": "a"}, TypeError),
                                         ({"x": [1.0, 2.0]}, TypeError), ({"y": 1e7}, ValueError)])
def test_bad_input_is_explained(kwargs, err):
    with pytest.raises(err):
        compute(**kwargs)


def test_set_changes_artists_png_and_readout():
    e = chain_rule_graph.show()
    assert "<b>9</b>" in e.readout_text and "<b>6</b>" in e.readout_text
    assert e.t["gx"].get_text() == "dz/dx = 6·1 = 6"
    before = (e.tangent.get_ydata().copy(), e.png(), e.readout_text)
    e.set(x=2.0, y=-0.5)
    assert e.result.z == 2.25 and e.result.dz_dx == 3.0
    assert e.t["w"].get_text() == "w = x + y = 1.5"
    assert not np.array_equal(e.tangent.get_ydata(), before[0])
    assert e.png() != before[1] and e.readout_text != before[2]


def test_widget_controls_drive_the_picture():
    e = chain_rule_graph.show()
    w = e.widget()
    img, text = e.image.value, e.readout.value
    e.inputs["y"].value = 0.0
    assert e.result.w == 1.0 and e.result.dz_dx == 2.0
    assert e.image.value != img and e.readout.value != text
    assert w is e.widget()
    assert len(chain_rule_graph.ChainRuleExplorer.static_figure(x=1.0, y=2.0).axes) == 2


def test_blitted_updates_look_like_a_full_draw():
    from _blit_check import assert_blitting_is_faithful

    e = chain_rule_graph.ChainRuleExplorer()
    steps = [dict(x=x) for x in (1.1, 1.2, -3.0, 3.0, 0.0)]
    steps += [dict(y=-2.0), dict(y=2.0), dict(x=-1.5, y=0.3), dict(x=6.0)]
    assert_blitting_is_faithful(e, steps)
