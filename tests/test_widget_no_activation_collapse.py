"""no_activation_collapse: a deep net without activations is one matrix."""

import numpy as np
import pytest

import mlplab.fast
from mlplab import MLP
from mlplab.widgets import no_activation_collapse
from mlplab.widgets.no_activation_collapse import collapse, compute


def test_collapse_of_random_linear_layers_agrees_to_1e12():
    model = MLP([2, 5, 7, 3, 2], activation="identity", seed=4)
    for _, b in model.params:
        b += np.random.default_rng(0).normal(size=b.shape)     # non-zero biases
    W_eff, b_eff = collapse(model.params)
    assert W_eff.shape == (2, 2) and b_eff.shape == (2,)
    X = np.random.default_rng(1).normal(size=(50, 2))
    deep, _ = mlplab.fast.forward(model, X)
    assert np.max(np.abs(deep - (X @ W_eff + b_eff))) < 1e-12


def test_hand_worked_two_layers():
    W1, b1 = np.array([[1.0, 2.0], [0.0, 1.0]]), np.array([1.0, -1.0])
    W2, b2 = np.array([[2.0, 0.0], [1.0, 1.0]]), np.array([0.5, 0.5])
    W_eff, b_eff = collapse([(W1, b1), (W2, b2)])
    assert W_eff.tolist() == [[4.0, 2.0], [1.0, 1.0]]          # W1 W2
    assert b_eff.tolist() == [1.5, -0.5]                       # b1 W2 + b2


def test_compute_collapses_exactly_and_activation_wins():
    r = compute(depth=2, activation="relu", dataset="moons")
    assert r.max_diff < 1e-12
    assert r.accuracy_act >= 0.95 and r.accuracy_lin < 0.9
    # the folded net's regions are split by one straight line: along every grid row
    # the predicted class changes at most once
    changes = np.abs(np.diff(r.region_lin, axis=1)).sum(axis=1)
    assert changes.max() <= 1


def test_circles_cannot_be_split_by_a_line():
    r = compute(depth=2, activation="relu", dataset="circles")
    assert r.accuracy_lin < 0.7 < 0.95 <= r.accuracy_act
    assert r.max_diff < 1e-12


@pytest.mark.parametrize("kwargs, err", [({"depth": -1}, ValueError), ({"depth": 1.5}, ValueError),
                                         ({"activation": "relux"}, ValueError),
                                         ({"dataset": "spirals2"}, ValueError),
                                         ({"seed": "0"}, TypeError)])
def test_bad_input_is_explained(kwargs, err):
    with pytest.raises(err):
        compute(**kwargs)


def test_set_changes_artists_png_and_readout():
    e = no_activation_collapse.show()
    assert "linear: one matrix" in e.readout_text
    before = (e.images[0].get_array().copy(), e.png(), e.readout_text)
    e.set(dataset="circles")
    assert not np.array_equal(e.images[0].get_array(), before[0])
    assert e.png() != before[1] and e.readout_text != before[2]


def test_widget_controls_drive_the_picture():
    e = no_activation_collapse.show()
    w = e.widget()
    img, text = e.image.value, e.readout.value
    e.inputs["depth"].value = 0
    assert e.result.depth == 0 and e.image.value != img and e.readout.value != text
    assert w is e.widget()
