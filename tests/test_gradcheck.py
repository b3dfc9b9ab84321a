import numpy as np
import pytest

from mlplab.gradcheck import numerical_gradient, rel_error


def test_chain_rule_z_equals_x_plus_y_squared():
    # z = w², w = x + y: at x = 1, y = 2 -> w = 3, z = 9, dz/dx = dz/dy = 2w = 6
    point = np.array([1.0, 2.0])
    z = lambda p: (p[0] + p[1]) ** 2  # noqa: E731
    assert z(point) == 9.0
    assert numerical_gradient(z, point) == pytest.approx([6.0, 6.0], abs=1e-8)
    assert point.tolist() == [1.0, 2.0]  # restored after perturbing


def test_centred_differences_are_second_order():
    x = np.array([0.7])
    exact = np.cos(0.7)
    err1 = abs(numerical_gradient(lambda v: np.sin(v[0]), x.copy(), h=1e-2)[0] - exact)
    err2 = abs(numerical_gradient(lambda v: np.sin(v[0]), x.copy(), h=1e-3)[0] - exact)
    assert err1 / err2 == pytest.approx(100, rel=0.01)  # error ∝ h²


def test_rel_error_scale():
    assert rel_error(np.array([1.0, 0.0]), np.array([1.0, 0.0])) == 0.0
    assert rel_error(np.array([1.0]), np.array([1.1])) == pytest.approx(0.1 / 2.1)
    assert rel_error(np.zeros(3), np.zeros(3)) == 0.0


def test_bad_inputs():
    with pytest.raises(TypeError, match="float NumPy array"):
        numerical_gradient(lambda v: 0.0, [1.0, 2.0])
    with pytest.raises(ValueError, match="h must be > 0"):
        numerical_gradient(lambda v: 0.0, np.ones(2), h=0)
    with pytest.raises(ValueError, match="equal shapes"):
        rel_error(np.ones(2), np.ones(3))
