"""activation_explorer: f, f' and a point grid through one random layer."""

import numpy as np
import pytest

from mlplab.activations import sigmoid
from mlplab.widgets import activation_explorer
from mlplab.widgets.activation_explorer import compute


@pytest.mark.parametrize("name, max_fp, f0", [("sigmoid", 0.25, 0.5), ("tanh", 1.0, 0.0),
                                               ("relu", 1.0, 0.0), ("identity", 1.0, 0.0)])
def test_curves_have_the_known_values(name, max_fp, f0):
    r = compute(name)
    assert r.max_fprime == pytest.approx(max_fp)
    assert r.f[200] == pytest.approx(f0) and r.x[200] == 0.0   # the middle sample is a = 0


def test_layer_is_affine_then_activation_is_elementwise():
    r = compute("sigmoid", scale=2.0, seed=3)
    assert np.allclose(r.A, r.points @ r.W + r.b)
    assert np.allclose(r.H, sigmoid(r.A))
    assert np.all((r.H > 0) & (r.H < 1))


def test_identity_keeps_lines_straight_and_relu_cuts():
    lin = compute("identity", seed=1)
    assert np.array_equal(lin.H, lin.A) and lin.flat_fraction == 0.0
    # a grid line stays a line: its points are collinear after the affine layer
    line = lin.H[lin.line_ids == 0]
    d = line - line[0]
    assert np.allclose(d[:, 0] * d[-1, 1] - d[:, 1] * d[-1, 0], 0.0)
    relu = compute("relu", seed=1)
    assert relu.flat_fraction == pytest.approx(np.mean(relu.A <= 0))
    assert np.all(relu.H >= 0)


def test_bad_input_is_explained():
    with pytest.raises(ValueError, match="choose one of"):
        compute("relux")
    with pytest.raises(ValueError):
        compute("tanh", scale=0.0)
    with pytest.raises(TypeError):
        compute("tanh", seed=1.5)


def test_set_changes_artists_png_and_readout():
    e = activation_explorer.show()
    before = (e.f_line.get_ydata().copy(), e.grid_h[0].get_xydata().copy(), e.png(), e.readout_text)
    e.set(activation="sigmoid")
    assert not np.array_equal(e.f_line.get_ydata(), before[0])
    assert not np.array_equal(e.grid_h[0].get_xydata(), before[1])
    assert e.png() != before[2] and "0.25" in e.readout_text


def test_widget_controls_drive_the_picture():
    e = activation_explorer.show()
    w = e.widget()
    img, text = e.image.value, e.readout.value
    e.inputs["activation"].value = "relu"
    assert e.result.activation == "relu" and e.image.value != img and e.readout.value != text
    img = e.image.value
    e.inputs["seed"].value = 5
    assert e.image.value != img
    assert w is e.widget()
    assert len(activation_explorer.ActivationExplorer.static_figure(activation="relu").axes) == 3


def test_blitted_updates_look_like_a_full_draw():
    from _blit_check import assert_blitting_is_faithful

    e = activation_explorer.ActivationExplorer()
    steps = [dict(scale=s) for s in (2.1, 2.2, 3.5, 0.2, 6.0)]
    steps += [dict(activation=name) for name in ("relu", "sigmoid", "identity", "tanh")]
    steps += [dict(seed=3), dict(seed=4)]
    assert_blitting_is_faithful(e, steps)


def test_readout_states_the_weight_scale():
    e = activation_explorer.ActivationExplorer()
    before = e.readout_text
    e.set(scale=2.1)
    assert "weight scale <b>2.1</b>" in e.readout_text and e.readout_text != before
