"""Explorer ``softmax_explorer`` (lesson 03): scores -> probabilities, temperature."""

import numpy as np
import pytest

from mlplab.widgets import softmax_explorer as se


def test_softmax_of_1_2_3_by_hand():
    r = se.compute([1.0, 2.0, 3.0])
    assert r.probs == pytest.approx([0.0900, 0.2447, 0.6652], abs=1e-4)
    assert r.total == pytest.approx(1.0, abs=1e-15)
    assert r.label == 2 and r.one_hot.tolist() == [0.0, 0.0, 1.0]


@pytest.mark.parametrize("scores", [[2, 1, 0.1], [-6, 6, 0], [1000, 1001, 1002], [5, 5, 5]])
@pytest.mark.parametrize("T", [0.03, 1.0, 30.0])
def test_probabilities_sum_to_one(scores, T):
    r = se.compute(scores, T)
    assert np.all(np.isfinite(r.probs)) and np.all(r.probs >= 0)
    assert r.total == pytest.approx(1.0, abs=1e-12)


def test_big_scores_are_stable_and_shift_invariant():
    assert se.compute([1000, 1001, 1002]).probs == pytest.approx(se.compute([0, 1, 2]).probs)


def test_temperature_to_zero_approaches_one_hot():
    gaps = [np.abs(se.compute([2.0, 1.0, 0.1], T).probs - [1, 0, 0]).max()
            for T in (1.0, 0.3, 0.1, 0.03)]
    assert all(a > b for a, b in zip(gaps, gaps[1:]))
    assert gaps[-1] < 1e-10


def test_large_temperature_approaches_uniform_and_keeps_the_order():
    r = se.compute([2.0, 1.0, 0.1], 1000.0)
    assert r.probs == pytest.approx([1 / 3] * 3, abs=1e-3)
    assert r.probs[0] > r.probs[1] > r.probs[2]
    assert r.entropy == pytest.approx(np.log(3), abs=1e-5)


def test_bad_arguments_are_explained():
    with pytest.raises(ValueError, match="temperature must be > 0"):
        se.compute([1, 2, 3], 0.0)
    with pytest.raises(ValueError, match="at least 2"):
        se.compute([1.0])
