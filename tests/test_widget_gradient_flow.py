"""gradient_flow: per-layer gradient norms, vanishing and exploding with depth."""

import numpy as np
import pytest

from mlplab.widgets import gradient_flow
from mlplab.widgets.gradient_flow import compute


def test_sigmoid_small_init_vanishes_at_depth_10():
    r = compute(depth=10, activation="sigmoid", scale=1.0)
    assert r.norms.shape == (10,)
    assert r.norms[0] * 100 <= r.norms[-1]            # first layer ≥ 100× smaller than last
    assert r.delta_norms[0] * 100 <= r.delta_norms[-1]
    assert r.verdict == "vanishing"
    # σ' ≤ 1/4: every layer back shrinks the signal, so the norms rise towards the output
    assert np.all(np.diff(np.log(r.delta_norms)) > 0)


def test_deeper_sigmoid_nets_vanish_more():
    ratios = [compute(depth=d, activation="sigmoid").delta_ratio for d in (3, 6, 10, 15)]
    assert all(a > b for a, b in zip(ratios, ratios[1:]))


def test_relu_large_init_explodes_and_he_init_is_stable():
    assert compute(depth=10, activation="relu", scale=4.0).verdict == "exploding"
    assert compute(depth=10, activation="relu", scale=2 ** 0.5).verdict == "stable"
    assert compute(depth=10, activation="relu", scale=0.3).verdict == "vanishing"


def test_weight_gradients_are_those_of_backprop():
    from mlplab import check_gradients  # noqa: F401  (the MLP itself is gradient-checked elsewhere)

    r = compute(depth=3, activation="tanh", scale=1.0)
    # ‖dW_L‖ = ‖H_{L-1}ᵀ δ_L‖ ≤ ‖H_{L-1}‖ ‖δ_L‖ and both norms are finite, positive
    assert np.all(np.isfinite(r.norms)) and np.all(r.norms > 0)
    assert r.ratio == pytest.approx(r.norms[0] / r.norms[-1])


@pytest.mark.parametrize("kwargs, err", [({"depth": 1}, ValueError), ({"depth": 21}, ValueError),
                                         ({"activation": "relux"}, ValueError),
                                         ({"scale": 0.0}, ValueError), ({"scale": "1"}, TypeError)])
def test_bad_input_is_explained(kwargs, err):
    with pytest.raises(err):
        compute(**kwargs)


def test_set_changes_artists_png_and_readout():
    e = gradient_flow.show()
    heights = [b.get_height() for b in e.bars[:10]]
    assert heights == pytest.approx(list(e.result.norms))
    png, text = e.png(), e.readout_text
    assert "vanishing" in text
    e.set(activation="relu", scale=4.0)
    assert [b.get_height() for b in e.bars[:10]] != pytest.approx(heights)
    assert "exploding" in e.readout_text and e.png() != png
    e.set(depth=4)
    assert sum(b.get_visible() for b in e.bars) == 4
