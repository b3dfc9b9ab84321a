import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from mlplab.softmax import log_softmax, one_hot, predict_labels, softmax


def test_softmax_of_1_2_3():
    P = softmax(np.array([[1.0, 2.0, 3.0]]))
    assert P.shape == (1, 3)
    assert P[0] == pytest.approx([0.0900, 0.2447, 0.6652], abs=1e-4)


def test_softmax_of_huge_scores_is_finite():
    O = np.array([[1e4, 0.0, -1e4], [1000.0, 1001.0, 1002.0]])
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        P = softmax(O)
        logP = log_softmax(O)
    assert np.all(np.isfinite(P)) and np.all(np.isfinite(logP))
    assert P[0].tolist() == [1.0, 0.0, 0.0]
    assert P[1] == pytest.approx(softmax(np.array([[0.0, 1.0, 2.0]]))[0])


@settings(max_examples=100, deadline=None)
@given(arrays(float, (4, 3), elements=st.floats(-1e4, 1e4)), st.floats(-1e3, 1e3))
def test_softmax_rows_sum_to_one_and_shift_invariant(O, c):
    P = softmax(O)
    assert np.allclose(P.sum(axis=1), 1.0)
    assert np.allclose(softmax(O + c), P, atol=1e-12)
    assert np.allclose(np.exp(log_softmax(O)), P, atol=1e-12)


def test_axis_zero_normalises_columns():
    P = softmax(np.arange(6.0).reshape(2, 3), axis=0)
    assert np.allclose(P.sum(axis=0), 1.0)


def test_one_hot_and_argmax_roundtrip():
    y = np.array([2, 0, 1, 2])
    Y = one_hot(y, 3)
    assert Y.tolist() == [[0, 0, 1], [1, 0, 0], [0, 1, 0], [0, 0, 1]]
    assert Y.dtype == np.float64
    assert predict_labels(Y).tolist() == y.tolist()


def test_labels_out_of_range():
    with pytest.raises(ValueError, match=r"labels must lie in 0..2, got values from 0 to 3"):
        one_hot(np.array([0, 3]), 3)


def test_bad_axis_and_bad_k():
    with pytest.raises(ValueError, match="axis=2 is out of range"):
        softmax(np.ones((2, 2)), axis=2)
    with pytest.raises(ValueError, match="positive int"):
        one_hot(np.array([0]), 0)
