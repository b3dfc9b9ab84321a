"""Cross-check mlplab's backprop against PyTorch autograd (skipped without torch)."""

import numpy as np
import pytest

from mlplab.mlp import MLP

torch = pytest.importorskip("torch", reason="optional: pip install -e '.[torch]'")

TORCH_ACT = {"relu": torch.relu, "tanh": torch.tanh, "sigmoid": torch.sigmoid,
             "identity": lambda t: t,
             "leaky_relu": lambda t: torch.nn.functional.leaky_relu(t, 0.01)}


@pytest.mark.parametrize("activation", sorted(TORCH_ACT))
@pytest.mark.parametrize("output", ["softmax", "identity"])
def test_loss_and_gradients_match_autograd(activation, output):
    model = MLP([5, 7, 6, 3], activation=activation, output=output, seed=4)
    rng = np.random.default_rng(4)
    X = rng.normal(size=(9, 5))
    Y = rng.integers(0, 3, 9) if output == "softmax" else rng.normal(size=(9, 3))
    loss, grads = model.loss_and_grads(X, Y)

    params = [(torch.tensor(W, requires_grad=True), torch.tensor(b, requires_grad=True))
              for W, b in model.params]
    h = torch.tensor(X)
    for i, (W, b) in enumerate(params):
        h = h @ W + b
        if i < len(params) - 1:
            h = TORCH_ACT[activation](h)
    if output == "softmax":
        t_loss = torch.nn.functional.cross_entropy(h, torch.tensor(Y))
    else:
        t_loss = torch.mean((h - torch.tensor(Y)) ** 2)
    t_loss.backward()
    assert loss == pytest.approx(t_loss.item(), rel=1e-12)
    for (dW, db), (W, b) in zip(grads, params):
        np.testing.assert_allclose(dW, W.grad.numpy(), rtol=1e-10, atol=1e-12)
        np.testing.assert_allclose(db, b.grad.numpy(), rtol=1e-10, atol=1e-12)
