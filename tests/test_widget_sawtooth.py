"""Explorer ``sawtooth`` (lesson 09): exact piece counts, deep = composition = shallow."""

import numpy as np
import pytest

from mlplab.mlp import count_params
from mlplab.widgets import sawtooth as sw


@pytest.mark.parametrize("k", range(1, 9))
def test_piece_count_is_two_to_the_k(k):
    r = sw.compute(k)
    assert r.pieces == 2**k
    assert r.kinks.size == 2**k - 1
    assert r.deep_units == 2 * k
    assert r.shallow_units == 2**k


@pytest.mark.parametrize("k", range(1, 9))
def test_deep_mlp_equals_the_composition(k):
    model = sw.deep_sawtooth_mlp(k)
    assert model.sizes == [1] + [2] * k + [1]
    assert model.activation == "relu" and model.output == "identity"
    x = np.random.default_rng(k).uniform(0, 1, 1000)
    composed = x.copy()
    for _ in range(k):
        composed = 2 * np.maximum(composed, 0) - 4 * np.maximum(composed - 0.5, 0)
    assert np.max(np.abs(model.predict(x[:, None]).ravel() - composed)) <= 1e-12
    assert np.max(np.abs(sw.sawtooth_composed(x, k) - composed)) <= 1e-12


@pytest.mark.parametrize("k", [1, 3, 6, 8])
def test_shallow_construction_matches_deep(k):
    x = np.random.default_rng(0).uniform(0, 1, 2000)
    deep = sw.deep_sawtooth_mlp(k).predict(x[:, None])
    shallow = sw.shallow_sawtooth_mlp(k)
    assert shallow.sizes == [1, 2**k, 1]
    assert np.max(np.abs(shallow.predict(x[:, None]) - deep)) <= 1e-9


def test_tent_values_by_hand():
    assert sw.tent([0.0, 0.25, 0.5, 0.75, 1.0]).tolist() == [0.0, 0.5, 1.0, 0.5, 0.0]
    assert sw.sawtooth_composed([0.25, 0.125], 2).tolist() == [1.0, 0.5]


def test_parameter_counts():
    r = sw.compute(5)
    assert r.deep_params == count_params([1, 2, 2, 2, 2, 2, 1]) == 31
    assert r.shallow_params == count_params([1, 32, 1]) == 97
    assert r.max_deviation == 0.0


def test_count_linear_pieces_needs_kinks_on_the_grid():
    x = sw.dyadic_grid(4)
    assert sw.count_linear_pieces(x, np.abs(x - 0.5)) == 2
    # a kink between grid points shows up as an extra short piece
    x3 = np.linspace(0, 1, 4)
    assert sw.count_linear_pieces(x3, np.abs(x3 - 0.5)) == 3  # the bent interval counts
    assert sw.count_linear_pieces(x, 3 * x + 1) == 1


def test_piecewise_linear_params_interpolates():
    knots = np.array([0.0, 0.3, 0.5, 1.0])
    values = np.array([1.0, -1.0, 2.0, 0.0])
    from mlplab import MLP

    net = MLP.from_params(sw.piecewise_linear_params(knots, values), "relu", "identity")
    assert np.allclose(net.predict(knots[:, None]).ravel(), values)
    xs = np.linspace(0, 1, 101)
    assert np.allclose(net.predict(xs[:, None]).ravel(), np.interp(xs, knots, values))


def test_bad_arguments_are_explained():
    with pytest.raises(ValueError, match="between 1 and"):
        sw.compute(0)
    with pytest.raises(TypeError, match="must be an int"):
        sw.compute(2.5)
    with pytest.raises(ValueError, match="increasing"):
        sw.piecewise_linear_params([0, 0], [1, 2])


def test_set_changes_artists_png_and_readout():
    e = sw.show(k=2)
    before = (e.curve.get_xdata().copy(), e.png(), e.readout_text)
    e.set(k=4)
    assert len(e.curve.get_xdata()) == 2**4 + 1 != len(before[0])
    assert e.png() != before[1]
    assert "16 linear pieces" in e.readout_text and e.readout_text != before[2]


def test_widget_control_drives_the_explorer():
    e = sw.show(k=3)
    ui = e.widget()
    png = e.image.value
    e.inputs["k"].value = 6
    assert e.values["k"] == 6
    assert e.image.value != png
    assert "64 linear pieces" in e.readout.value
    assert ui is e.widget()
