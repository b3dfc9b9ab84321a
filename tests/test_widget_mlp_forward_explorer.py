"""mlp_forward_explorer: a 1-3-1 net whose weights are sliders."""

import numpy as np
import pytest

from mlplab import MLP
from mlplab.widgets import mlp_forward_explorer
from mlplab.widgets.mlp_forward_explorer import DEFAULTS, compute, params_from_values


def test_default_is_the_relu_hat():
    # o(x) = relu(x + 1) − 2 relu(x) + relu(x − 1): 0 outside [−1, 1], 1 at x = 0
    r = compute(params_from_values(DEFAULTS), "relu", x=0.5)
    assert r.a.tolist() == [1.5, 0.5, -0.5] and r.h.tolist() == [1.5, 0.5, 0.0]
    assert r.o == 0.5
    hat = np.maximum(1 - np.abs(r.xs), 0)
    assert np.allclose(r.output, hat)
    assert np.allclose(r.terms.sum(axis=1), r.output)        # b2 = 0


def test_matches_the_mlp_forward_pass():
    rng = np.random.default_rng(0)
    values = {k: float(rng.uniform(-2, 2)) for k in DEFAULTS}
    params = params_from_values(values)
    r = compute(params, "tanh", x=-0.7)
    model = MLP.from_params(params, activation="tanh", output="identity")
    assert np.allclose(r.output, model.predict(r.xs[:, None]).ravel())
    assert r.o == pytest.approx(float(model.predict(np.array([[-0.7]]))[0, 0]))
    assert np.allclose(r.terms.sum(axis=1) + values["b2"], r.output)


def test_bad_input_is_explained():
    params = params_from_values(DEFAULTS)
    with pytest.raises(ValueError, match="choose one of"):
        compute(params, "relux")
    with pytest.raises(ValueError, match="1-H-1"):
        compute([(np.ones((2, 3)), np.zeros(3)), (np.ones((3, 1)), np.zeros(1))])
    with pytest.raises(ValueError):
        compute([(np.ones((1, 3)), np.zeros(3)), (np.ones((2, 1)), np.zeros(1))])


def test_set_changes_edges_png_and_readout():
    e = mlp_forward_explorer.show()
    widths = np.array(e.edges.get_linewidths()).copy()
    before = (e.out_line.get_ydata().copy(), e.png(), e.readout_text)
    assert "<b>0.5</b>" in e.readout_text
    e.set(W2_2=1.0)
    assert not np.array_equal(e.out_line.get_ydata(), before[0])
    assert not np.array_equal(np.array(e.edges.get_linewidths()), widths)
    assert e.png() != before[1] and "<b>2</b>" in e.readout_text


def test_widget_controls_drive_the_picture():
    e = mlp_forward_explorer.show()
    w = e.widget()
    assert len(e.inputs) == 12
    img, text = e.image.value, e.readout.value
    e.inputs["b1_2"].value = 1.0
    assert e.result.a[1] == 1.5 and e.image.value != img and e.readout.value != text
    img = e.image.value
    e.inputs["activation"].value = "sigmoid"
    assert e.result.activation == "sigmoid" and e.image.value != img
    assert w is e.widget()
    assert len(mlp_forward_explorer.MLPForwardExplorer.static_figure().axes) == 2


def test_blitted_updates_look_like_a_full_draw():
    from _blit_check import assert_blitting_is_faithful

    e = mlp_forward_explorer.MLPForwardExplorer()
    steps = [dict(x=x) for x in (0.6, 0.7, -2.0, 3.0)]
    steps += [dict(W2_2=-1.0), dict(x=0.0), dict(b1_3=0.5), dict(activation="tanh"),
              dict(x=1.5)]
    assert_blitting_is_faithful(e, steps)
