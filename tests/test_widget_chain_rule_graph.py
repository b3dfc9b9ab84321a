"""chain_rule_graph: f = (x + y)² through u = x + y, forward values and backward gradients."""

import numpy as np
import pytest

from mlplab.widgets.chain_rule_graph import compute


def test_the_lecture_example_x1_y2():
    r = compute(1.0, 2.0)
    assert r.u == 3.0 and r.f == 9.0
    assert r.df_du == 6.0 and r.du_dx == r.du_dy == 1.0
    assert r.df_dx == 6.0 and r.df_dy == 6.0
    assert r.numerical_df_dx == pytest.approx(6.0, abs=1e-6)


@pytest.mark.parametrize("x, y", [(0.0, 0.0), (-1.5, 0.5), (2.5, -3.0)])
def test_gradient_is_two_x_plus_y_and_matches_differences(x, y):
    r = compute(x, y)
    assert r.f == pytest.approx((x + y) ** 2)
    assert r.df_dx == pytest.approx(2 * (x + y)) and r.df_dy == r.df_dx
    assert r.numerical_df_dx == pytest.approx(r.df_dx, abs=1e-6)


@pytest.mark.parametrize("kwargs, err", [({"x": np.nan}, ValueError), ({"y": "a"}, TypeError),
                                         ({"x": [1.0, 2.0]}, TypeError), ({"y": 1e7}, ValueError)])
def test_bad_input_is_explained(kwargs, err):
    with pytest.raises(err):
        compute(**kwargs)
