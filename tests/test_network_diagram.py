"""network_diagram: nodes in columns, one edge per connection, styled by the weights."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from mlplab import MLP  # noqa: E402
from mlplab.plots import NEGATIVE_COLOR, POSITIVE_COLOR, network_diagram  # noqa: E402


def _parts(ax):
    edges = next(c for c in ax.collections if c.get_gid() == "network_edges")
    nodes = next(c for c in ax.collections if c.get_gid() == "network_nodes")
    return edges, nodes


def test_sizes_give_one_edge_per_connection():
    fig, ax = plt.subplots()
    assert network_diagram([2, 3, 1], ax=ax) is ax
    edges, nodes = _parts(ax)
    assert len(edges.get_segments()) == 2 * 3 + 3 * 1
    xy = nodes.get_offsets()
    assert len(xy) == 6
    assert sorted(np.unique(xy[:, 0])) == [0.0, 1.0, 2.0]     # one column per layer
    plt.close(fig)


def test_wide_layers_are_abbreviated():
    fig, ax = plt.subplots()
    network_diagram([784, 15, 10], ax=ax, max_nodes=8)
    edges, nodes = _parts(ax)
    # a wide layer uses max_nodes slots: 7 nodes (first 4, last 3) and a "⋮"
    assert len(nodes.get_offsets()) == 7 + 7 + 7
    assert len(edges.get_segments()) == 7 * 7 + 7 * 7
    assert sum(t.get_text() == r"$\vdots$" for t in ax.texts) == 3
    texts = [t.get_text() for t in ax.texts]
    assert "input\n(784)" in texts and "hidden\n(15)" in texts and "output\n(10)" in texts
    plt.close(fig)


def test_params_set_width_by_size_and_colour_by_sign():
    W1 = np.array([[2.0, -1.0]])          # 1 -> 2
    W2 = np.array([[0.5], [-0.25]])       # 2 -> 1
    params = [(W1, np.zeros(2)), (W2, np.zeros(1))]
    fig, ax = plt.subplots()
    network_diagram(params, ax=ax, max_width=4.0)
    edges, _ = _parts(ax)
    widths = edges.get_linewidths()
    # order: W1[0,0], W1[0,1], W2[0,0], W2[1,0]; the largest |w| = 2 gets max_width
    assert widths[0] == pytest.approx(4.0)
    assert widths[0] > widths[1] > widths[2] > widths[3]
    colors = [matplotlib.colors.to_hex(c) for c in edges.get_colors()]
    assert colors == [POSITIVE_COLOR, NEGATIVE_COLOR, POSITIVE_COLOR, NEGATIVE_COLOR]
    plt.close(fig)


def test_accepts_an_mlp():
    fig, ax = plt.subplots()
    network_diagram(MLP([3, 4, 2], seed=0), ax=ax)
    edges, _ = _parts(ax)
    assert len(edges.get_segments()) == 3 * 4 + 4 * 2
    plt.close(fig)


@pytest.mark.parametrize("bad, err", [
    ([3], ValueError), ("784-15-10", TypeError), ([3, 0, 2], ValueError),
    ([(np.ones((2, 3)), np.zeros(3)), (np.ones((2, 1)), np.zeros(1))], ValueError),
])
def test_bad_input_is_explained(bad, err):
    fig, ax = plt.subplots()
    with pytest.raises(err):
        network_diagram(bad, ax=ax)
    plt.close(fig)
