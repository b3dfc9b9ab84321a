"""no_activation_collapse: a deep net without activations is one matrix."""

import numpy as np
import pytest

from mlplab.widgets.no_activation_collapse import compute


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


@pytest.mark.parametrize("kwargs, err", [({"depth": -1}, ValueError), ({"depth": 1.5}, TypeError),
                                         ({"activation": "relux"}, ValueError),
                                         ({"dataset": "spirals2"}, ValueError),
                                         ({"seed": "0"}, TypeError)])
def test_bad_input_is_explained(kwargs, err):
    with pytest.raises(err):
        compute(**kwargs)
