"""mlp_forward_explorer: a 1-3-1 net whose weights are sliders."""

import numpy as np
import pytest

from mlplab import MLP
from mlplab.widgets.mlp_forward_explorer import DEFAULTS, compute, params_from_values


def test_default_is_the_relu_hat():
    # o(x) = relu(x + 1) − 2 relu(x) + relu(x − 1): 0 outside [−1, 1], 1 at x = 0
    r = compute(params_from_values(DEFAULTS), "relu", x=0.5)
    assert r.a.tolist() == [1.5, 0.5, -0.5] and r.h.tolist() == [1.5, 0.5, 0.0]
    assert r.o == 0.5
    hat = np.maximum(1 - np.abs(r.xs), 0)
    assert np.allclose(r.output, hat)
    assert np.allclose(r.terms.sum(axis=1), r.output)        # b2 = 0


def test_matches_the_mlp_forward_pass():
    rng = np.random.default_rng(0)
    values = {k: float(rng.uniform(-2, 2)) for k in DEFAULTS}
    params = params_from_values(values)
    r = compute(params, "tanh", x=-0.7)
    model = MLP.from_params(params, activation="tanh", output="identity")
    assert np.allclose(r.output, model.predict(r.xs[:, None]).ravel())
    assert r.o == pytest.approx(float(model.predict(np.array([[-0.7]]))[0, 0]))
    assert np.allclose(r.terms.sum(axis=1) + values["b2"], r.output)


def test_bad_input_is_explained():
    params = params_from_values(DEFAULTS)
    with pytest.raises(ValueError, match="choose one of"):
        compute(params, "relux")
    with pytest.raises(ValueError, match="1-H-1"):
        compute([(np.ones((2, 3)), np.zeros(3)), (np.ones((3, 1)), np.zeros(1))])
    with pytest.raises(ValueError):
        compute([(np.ones((1, 3)), np.zeros(3)), (np.ones((2, 1)), np.zeros(1))])
