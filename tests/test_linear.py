import numpy as np
import pytest

from mlplab.gradcheck import numerical_gradient, rel_error
from mlplab.linear import (
    add_bias_column,
    linear_forward,
    linreg_gradient,
    linreg_loss,
    lstsq_pinv,
)


def test_linear_forward_by_hand():
    X = np.array([[1.0, 2.0], [3.0, 4.0]])
    W = np.array([[1.0, 0.0, -1.0], [0.5, 1.0, 2.0]])
    b = np.array([0.1, 0.2, 0.3])
    # row 0: [1 + 1, 0 + 2, -1 + 4] + b
    expected = np.array([[2.1, 2.2, 3.3], [5.1, 4.2, 5.3]])
    assert np.allclose(linear_forward(X, W, b), expected)


def test_add_bias_column_puts_ones_first():
    X1 = add_bias_column(np.array([[2.0], [3.0]]))
    assert X1.tolist() == [[1.0, 2.0], [1.0, 3.0]]


def test_pinv_recovers_exact_line():
    x = np.linspace(0, 1, 20)[:, None]
    y = 3.0 - 2.0 * x[:, 0]
    beta = lstsq_pinv(add_bias_column(x), y)
    assert beta == pytest.approx([3.0, -2.0], abs=1e-12)


def test_pinv_matches_normal_equations():
    rng = np.random.default_rng(1)
    X, y = rng.normal(size=(50, 4)), rng.normal(size=50)
    assert np.allclose(lstsq_pinv(X, y), np.linalg.solve(X.T @ X, X.T @ y))


@pytest.mark.parametrize("kind", ["mse", "norm"])
def test_linreg_gradient_matches_finite_differences(kind):
    rng = np.random.default_rng(2)
    X, y, beta = rng.normal(size=(30, 3)), rng.normal(size=30), rng.normal(size=3)
    num = numerical_gradient(lambda b: linreg_loss(X, y, b, kind), beta.copy())
    assert rel_error(linreg_gradient(X, y, beta, kind), num) < 1e-8


def test_linreg_gradient_mse_formula_by_hand():
    X = np.array([[1.0, 0.0], [1.0, 1.0]])
    y = np.array([1.0, 3.0])
    beta = np.zeros(2)
    # residual r = y; -2/n X^T r = -(1) * [4, 3]
    assert linreg_gradient(X, y, beta).tolist() == [-4.0, -3.0]


def test_gradient_is_zero_at_the_pinv_solution():
    rng = np.random.default_rng(3)
    X, y = rng.normal(size=(40, 3)), rng.normal(size=40)
    assert np.abs(linreg_gradient(X, y, lstsq_pinv(X, y))).max() < 1e-12


def test_transposed_weights_get_a_helpful_message():
    X, W, b = np.ones((4, 3)), np.ones((2, 3)), np.ones(2)
    with pytest.raises(ValueError, match=r"W has shape \(2, 3\).*3 features.*W.T"):
        linear_forward(X, W, b)


def test_bias_length_mismatch():
    with pytest.raises(ValueError, match=r"b has 3 entries.*\(2,\)"):
        linear_forward(np.ones((4, 3)), np.ones((3, 2)), np.ones(3))


def test_regression_rows_must_match():
    with pytest.raises(ValueError, match="X has 5 rows but y has 4"):
        lstsq_pinv(np.ones((5, 2)), np.ones(4))


def test_beta_with_missing_intercept():
    with pytest.raises(ValueError, match="add_bias_column"):
        linreg_gradient(np.ones((5, 3)), np.ones(5), np.ones(2))


def test_unknown_loss_kind():
    with pytest.raises(ValueError, match="unknown kind 'l1'; choose one of: mse, norm"):
        linreg_gradient(np.ones((5, 2)), np.ones(5), np.ones(2), kind="l1")
