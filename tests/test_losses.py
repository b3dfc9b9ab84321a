import numpy as np
import pytest

from mlplab.gradcheck import numerical_gradient, rel_error
from mlplab.losses import cross_entropy, mse, mse_grad, softmax_cross_entropy
from mlplab.softmax import one_hot, softmax


def test_mse_by_hand():
    assert mse(np.array([1.0, 2.0]), np.array([0.0, 4.0])) == 2.5  # (1 + 4) / 2


def test_mse_grad_matches_finite_differences():
    rng = np.random.default_rng(0)
    Yhat, Y = rng.normal(size=(4, 2)), rng.normal(size=(4, 2))
    num = numerical_gradient(lambda v: mse(v, Y), Yhat.copy())
    assert rel_error(mse_grad(Yhat, Y), num) < 1e-9


def test_cross_entropy_by_hand():
    P = np.array([[0.5, 0.25, 0.25], [0.1, 0.8, 0.1]])
    y = np.array([0, 1])
    expected = -(np.log(0.5) + np.log(0.8)) / 2
    assert cross_entropy(P, y) == pytest.approx(expected)
    assert cross_entropy(P, one_hot(y, 3)) == pytest.approx(expected)


def test_cross_entropy_is_finite_for_zero_probability_and_huge_logits():
    assert np.isfinite(cross_entropy(np.array([[0.0, 1.0]]), np.array([0])))
    logits = np.array([[1e4, -1e4], [-1e4, 1e4]])
    assert cross_entropy(logits, np.array([1, 1]), from_logits=True) == pytest.approx(1e4)


def test_softmax_cross_entropy_gradient():
    rng = np.random.default_rng(1)
    O, y = rng.normal(size=(5, 4)), np.array([0, 3, 1, 1, 2])
    loss, dO = softmax_cross_entropy(O, y)
    assert loss == pytest.approx(cross_entropy(softmax(O), y))
    assert np.allclose(dO, (softmax(O) - one_hot(y, 4)) / 5)
    num = numerical_gradient(lambda v: softmax_cross_entropy(v, y)[0], O.copy())
    assert rel_error(dO, num) < 1e-9


def test_probabilities_outside_unit_interval_suggest_from_logits():
    with pytest.raises(ValueError, match="from_logits=True"):
        cross_entropy(np.array([[2.0, -1.0]]), np.array([0]))


def test_shape_mismatch_messages():
    with pytest.raises(ValueError, match=r"\(3,\).*\(3, 1\)"):
        mse(np.ones(3), np.ones((3, 1)))
    with pytest.raises(ValueError, match=r"must have shape \(2, 3\)"):
        softmax_cross_entropy(np.ones((2, 3)), np.ones((2, 4)))
    with pytest.raises(ValueError, match="3 labels but the batch has 2 rows"):
        softmax_cross_entropy(np.ones((2, 3)), np.array([0, 1, 2]))
