import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

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
