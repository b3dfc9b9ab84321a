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








def test_readout_states_the_weight_scale():
    e = activation_explorer.ActivationExplorer()
    before = e.readout_text
    e.set(scale=2.1)
    assert "weight scale <b>2.1</b>" in e.readout_text and e.readout_text != before
