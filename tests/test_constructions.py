"""mlplab.constructions: networks built by hand (collapse, bumps, the sawtooth, budgets)."""

import numpy as np
import pytest

import mlplab.fast
from mlplab import MLP
from mlplab import constructions as cs
from mlplab.activations import SIGMOID
from mlplab.data import line_data
from mlplab.linear import add_bias_column, lstsq_pinv
from mlplab.mlp import count_params


# ------------------------------------------------------------------ collapse
def test_collapse_of_random_linear_layers_agrees_to_1e12():
    model = MLP([2, 5, 7, 3, 2], activation="identity", seed=4)
    for _, b in model.params:
        b += np.random.default_rng(0).normal(size=b.shape)     # non-zero biases
    W_eff, b_eff = cs.collapse(model.params)
    assert W_eff.shape == (2, 2) and b_eff.shape == (2,)
    X = np.random.default_rng(1).normal(size=(50, 2))
    deep, _ = mlplab.fast.forward(model, X)
    assert np.max(np.abs(deep - (X @ W_eff + b_eff))) < 1e-12


def test_collapse_hand_worked_two_layers():
    W1, b1 = np.array([[1.0, 2.0], [0.0, 1.0]]), np.array([1.0, -1.0])
    W2, b2 = np.array([[2.0, 0.0], [1.0, 1.0]]), np.array([0.5, 0.5])
    W_eff, b_eff = cs.collapse([(W1, b1), (W2, b2)])
    assert W_eff.tolist() == [[4.0, 2.0], [1.0, 1.0]]          # W1 W2
    assert b_eff.tolist() == [1.5, -0.5]                       # b1 W2 + b2


@pytest.mark.parametrize("params, err, match", [
    ([], TypeError, "non-empty list"),
    ([(np.ones((2, 3)), np.ones(3)), (np.ones((2, 2)), np.ones(2))], ValueError, "chain"),
    ([(np.ones((2, 3)), np.ones(2))], ValueError, "one bias per output"),
])
def test_collapse_explains_bad_layers(params, err, match):
    with pytest.raises(err, match=match):
        cs.collapse(params)


# ------------------------------------------------------------------ bumps
def test_bump_edges_push_the_outer_edges_out_by_one_width():
    edges, centres = cs.bump_edges(5)
    assert np.allclose(centres, [0.1, 0.3, 0.5, 0.7, 0.9])
    assert np.allclose(edges, [-0.2, 0.2, 0.4, 0.6, 0.8, 1.2])
    with pytest.raises(ValueError, match="n_bumps must be >= 1"):
        cs.bump_edges(0)
    with pytest.raises(TypeError, match="n_bumps must be an int"):
        cs.bump_edges(2.5)


def test_bump_params_step_at_the_edges_with_plus_minus_heights():
    edges, _ = cs.bump_edges(3)
    (W1, b1), (W2, b2) = cs.bump_params(edges, [0.5, -1.0, 2.0], 400.0)
    assert W1.shape == (1, 6) and W2.shape == (6, 1) and b2.tolist() == [0.0]
    assert np.allclose(-b1 / W1[0], np.repeat(edges, 2)[1:-1])   # p = -b/w
    assert W2[:, 0].tolist() == [0.5, -0.5, -1.0, 1.0, 2.0, -2.0]
    x = np.linspace(0, 1, 301)
    net = SIGMOID.h(x[:, None] @ W1 + b1) @ W2 + b2
    middle = (x > 0.4) & (x < 0.6)                            # inside bump 2 only
    assert np.allclose(net[middle, 0], -1.0, atol=1e-6)
    with pytest.raises(ValueError, match="4 edges"):
        cs.bump_params(edges[:-1], [0.5, -1.0, 2.0], 400.0)
    with pytest.raises(ValueError, match="steepness must be > 0"):
        cs.bump_params(edges, [0.5, -1.0, 2.0], 0.0)


# ------------------------------------------------------------------ sawtooth
@pytest.mark.parametrize("k", range(1, 9))
def test_deep_mlp_equals_the_composition(k):
    model = cs.deep_sawtooth_mlp(k)
    assert model.sizes == [1] + [2] * k + [1]
    assert model.activation == "relu" and model.output == "identity"
    x = np.random.default_rng(k).uniform(0, 1, 1000)
    composed = x.copy()
    for _ in range(k):
        composed = 2 * np.maximum(composed, 0) - 4 * np.maximum(composed - 0.5, 0)
    assert np.max(np.abs(model.predict(x[:, None]).ravel() - composed)) <= 1e-12
    assert np.max(np.abs(cs.sawtooth_composed(x, k) - composed)) <= 1e-12


@pytest.mark.parametrize("k", [1, 3, 6, 8])
def test_shallow_construction_matches_deep(k):
    x = np.random.default_rng(0).uniform(0, 1, 2000)
    deep = cs.deep_sawtooth_mlp(k).predict(x[:, None])
    shallow = cs.shallow_sawtooth_mlp(k)
    assert shallow.sizes == [1, 2**k, 1]
    assert np.max(np.abs(shallow.predict(x[:, None]) - deep)) <= 1e-9


def test_tent_values_by_hand():
    assert cs.tent([0.0, 0.25, 0.5, 0.75, 1.0]).tolist() == [0.0, 0.5, 1.0, 0.5, 0.0]
    assert cs.sawtooth_composed([0.25, 0.125], 2).tolist() == [1.0, 0.5]


def test_count_linear_pieces_needs_kinks_on_the_grid():
    x = cs.dyadic_grid(4)
    assert cs.count_linear_pieces(x, np.abs(x - 0.5)) == 2
    # a kink between grid points shows up as an extra short piece
    x3 = np.linspace(0, 1, 4)
    assert cs.count_linear_pieces(x3, np.abs(x3 - 0.5)) == 3  # the bent interval counts
    assert cs.count_linear_pieces(x, 3 * x + 1) == 1


def test_piecewise_linear_params_interpolates():
    knots = np.array([0.0, 0.3, 0.5, 1.0])
    values = np.array([1.0, -1.0, 2.0, 0.0])
    net = MLP.from_params(cs.piecewise_linear_params(knots, values), "relu", "identity")
    assert np.allclose(net.predict(knots[:, None]).ravel(), values)
    xs = np.linspace(0, 1, 101)
    assert np.allclose(net.predict(xs[:, None]).ravel(), np.interp(xs, knots, values))


def test_sawtooth_bad_arguments_are_explained():
    with pytest.raises(ValueError, match="k must be >= 1 and <= 10"):
        cs.deep_sawtooth_params(0)
    with pytest.raises(TypeError, match="k must be an int"):
        cs.sawtooth_composed([0.5], 2.5)
    with pytest.raises(ValueError, match="increasing"):
        cs.piecewise_linear_params([0, 0], [1, 2])
    with pytest.raises(ValueError, match="m must be >= 0 and <= 24"):
        cs.dyadic_grid(40)


# ------------------------------------------------------------------ budgets, data
def test_width_for_budget_is_the_closest():
    w = cs.width_for_budget(200, 4)
    assert w == 7 and count_params([1, 7, 7, 7, 7, 1]) == 190
    for other in (6, 8):
        assert abs(count_params([1] + [other] * 4 + [1]) - 200) >= 10
    with pytest.raises(ValueError, match="budget must be >= 10"):
        cs.width_for_budget(5, 2)


def test_line_data_is_a_noisy_line():
    x, y = line_data()
    assert x.shape == y.shape == (40,)
    assert np.all(np.diff(x) >= 0) and 0 <= x.min() and x.max() <= 2
    beta = lstsq_pinv(add_bias_column(x[:, None]), y)
    assert beta == pytest.approx([0.5, 1.2], abs=0.25)
    with pytest.raises(ValueError, match="n must be >= 2"):
        line_data(n=1)
