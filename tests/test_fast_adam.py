"""mlplab.fast.adam_one_hidden (the fused Adam of lesson 08's explorer) equals optim.adam."""

import numpy as np
import pytest

from mlplab import MLP, fast, optim


def _net(activation, N=7, seed=0):
    model = MLP([1, N, 1], activation=activation, output="identity", seed=seed)
    x = np.linspace(0, 1, 40)[:, None]
    y = np.sin(5 * x) + 0.3 * x
    return model, x, y


def _flat(params):
    return np.concatenate([a.ravel() for pair in params for a in pair])


@pytest.mark.parametrize("activation", ["tanh", "sigmoid", "relu", "leaky_relu", "identity"])
def test_float64_kernel_equals_optim_adam(activation):
    reference, x, y = _net(activation)
    fused, _, _ = _net(activation)
    hist = optim.adam(reference, x, y, lr=0.02, steps=60)
    loss = fast.adam_one_hidden(fused, x, y, lr=0.02, steps=60, dtype=np.float64)
    assert np.allclose(loss, hist.step_loss, rtol=1e-10, atol=1e-14)
    assert np.allclose(_flat(fused.params), _flat(reference.params), rtol=1e-9, atol=1e-12)


@pytest.mark.parametrize("activation", ["tanh", "sigmoid", "relu"])
def test_float32_kernel_agrees_with_optim_adam_to_float32_precision(activation):
    """float32 keeps ~7 digits; over 60 steps the weights agree to 1e-4 (relative to
    the largest weight) and the losses to 1e-4 relative."""
    reference, x, y = _net(activation)
    fused, _, _ = _net(activation)
    hist = optim.adam(reference, x, y, lr=0.02, steps=60)
    loss = fast.adam_one_hidden(fused, x, y, lr=0.02, steps=60)
    assert np.allclose(loss, hist.step_loss, rtol=1e-4)
    ref = _flat(reference.params)
    assert np.max(np.abs(_flat(fused.params) - ref)) <= 1e-4 * np.max(np.abs(ref))
    assert fused.params[0][0].dtype == np.float64          # written back in the model's dtype


def test_divergence_stops_like_optim_adam():
    model, x, y = _net("relu")
    loss = fast.adam_one_hidden(model, x, 1e30 * y, lr=1e30, steps=50)
    assert len(loss) < 50 and not np.isfinite(loss[-1])


def test_only_one_input_one_hidden_layer_one_output():
    with pytest.raises(ValueError, match=r"\[1, N, 1\] MLP with output='identity'"):
        fast.adam_one_hidden(MLP([2, 4, 1], output="identity"), np.ones((3, 2)), np.ones(3))
    with pytest.raises(ValueError, match="output='identity'"):
        fast.adam_one_hidden(MLP([1, 4, 1], output="sigmoid"), np.ones((3, 1)), np.ones(3))
