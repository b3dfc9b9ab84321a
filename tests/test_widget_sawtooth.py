"""Explorer ``sawtooth`` (lesson 09): exact piece counts, deep = composition = shallow."""

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








def test_parameter_counts():
    r = sw.compute(5)
    assert r.deep_params == count_params([1, 2, 2, 2, 2, 2, 1]) == 31
    assert r.shallow_params == count_params([1, 32, 1]) == 97
    assert r.max_deviation == 0.0






def test_bad_arguments_are_explained():
    with pytest.raises(ValueError, match="k must be >= 1"):
        sw.compute(0)
    with pytest.raises(TypeError, match="must be an int"):
        sw.compute(2.5)
