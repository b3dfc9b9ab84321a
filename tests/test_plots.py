import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from mlplab.data import make_dataset  # noqa: E402
from mlplab.mlp import MLP  # noqa: E402
from mlplab.optim import sgd  # noqa: E402
from mlplab.plots import decision_grid, plot_decision_regions, plot_fit_1d, plot_loss  # noqa: E402


def test_decision_grid_covers_the_data_and_predicts_each_point():
    X = np.array([[0.0, 0.0], [1.0, 2.0]])
    xs, ys, Z = decision_grid(lambda P: (P[:, 0] > 0.5).astype(int), X, resolution=11, margin=0)
    assert xs[0] == 0 and xs[-1] == 1 and ys[-1] == 2 and Z.shape == (11, 11)
    assert Z[0, 0] == 0 and Z[0, -1] == 1  # rows follow y, columns follow x


def test_plot_helpers_draw_on_given_axes():
    X, y = make_dataset("blobs", n=60)
    model = MLP([2, 3], seed=0)
    hist = sgd(model, X, y, lr=0.5, batch_size=60, epochs=20)
    fig, axes = plt.subplots(1, 3)
    assert plot_loss(hist, ax=axes[0]) is axes[0]
    assert len(axes[0].lines[0].get_ydata()) == 20
    plot_decision_regions(model, X, y, ax=axes[1], resolution=30)
    assert axes[1].images[0].get_array().shape == (30, 30)
    x = np.linspace(0, 1, 10)
    plot_fit_1d(x, x**2, x, ax=axes[2])
    assert len(axes[2].lines) == 2
    plt.close(fig)


def test_plane_grid_rows_follow_ys_and_columns_xs():
    from mlplab.plots import plane_grid

    xs, ys, G = plane_grid(np.array([[0.0, 0.0], [1.0, 2.0]]), resolution=3, margin=0)
    assert xs.tolist() == [0.0, 0.5, 1.0] and ys.tolist() == [0.0, 1.0, 2.0]
    assert G[3 * 2 + 1].tolist() == [0.5, 2.0]          # G[i·r + j] = (xs[j], ys[i])


@pytest.mark.parametrize("kwargs, err, match", [
    ({"resolution": 10**5}, ValueError, "resolution must be >= 2 and <= 1,000"),
    ({"resolution": 2.5}, TypeError, "resolution must be an int"),
    ({"margin": -1.0}, ValueError, "margin must be >= 0"),
])
def test_decision_grid_refuses_sizes_before_allocating(kwargs, err, match):
    with pytest.raises(err, match=match):
        decision_grid(lambda P: P[:, 0] > 0, np.zeros((3, 2)), **kwargs)
    with pytest.raises(TypeError, match="predict must be a function"):
        decision_grid("model", np.zeros((3, 2)))
