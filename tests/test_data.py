import numpy as np
import pytest

from mlplab.data import (
    DATASETS,
    TARGETS,
    load_digits_split,
    make_dataset,
    make_regression_1d,
    target_function,
    train_test_split,
)


@pytest.mark.parametrize("name", sorted(DATASETS))
def test_datasets_are_seeded_balanced_and_2d(name):
    X, y = make_dataset(name, n=200, noise=0.1, seed=3)
    X2, y2 = make_dataset(name, n=200, noise=0.1, seed=3)
    assert X.shape == (200, 2) and y.shape == (200,) and y.dtype.kind == "i"
    assert np.array_equal(X, X2) and np.array_equal(y, y2)
    assert not np.array_equal(X, make_dataset(name, n=200, noise=0.1, seed=4)[0])
    counts = np.bincount(y)
    assert counts.max() - counts.min() <= 1


def test_circles_radii_and_xor_labels_without_noise():
    X, y = make_dataset("circles", n=100, noise=0.0)
    r = np.hypot(X[:, 0], X[:, 1])
    assert np.allclose(r[y == 0], 1.0) and np.allclose(r[y == 1], 0.5)
    X, y = make_dataset("xor", n=100, noise=0.0)
    assert np.array_equal(y, (X[:, 0] * X[:, 1] < 0).astype(int))


def test_wiggly_target_formula():
    f = target_function("wiggly")
    x = 0.3
    expected = 0.2 + 0.4 * x**2 + 0.3 * x * np.sin(15 * x) + 0.05 * np.cos(50 * x)
    assert f(np.array([x]))[0] == pytest.approx(expected)
    assert set(TARGETS) == {"sine", "step", "bump", "wiggly"}


def test_regression_1d_shapes_and_noise():
    X, y = make_regression_1d("sine", n=50, noise=0.0, grid=True)
    assert X.shape == (50, 1) and y.shape == (50, 1)
    assert np.allclose(y[:, 0], np.sin(2 * np.pi * X[:, 0]))
    _, y_noisy = make_regression_1d("sine", n=50, noise=0.1, grid=True)
    assert 0.05 < np.std(y_noisy - y) < 0.2


def test_digits_split():
    Xtr, Xte, ytr, yte = load_digits_split(seed=0)
    assert Xtr.shape[1] == 64 and len(Xtr) + len(Xte) == 1797
    assert len(Xte) == round(0.25 * 1797)
    assert 0.0 <= Xtr.min() and Xtr.max() <= 1.0
    assert set(np.unique(ytr)) == set(range(10))


def test_train_test_split_is_a_partition():
    X = np.arange(20.0).reshape(10, 2)
    Xtr, Xte, ytr, yte = train_test_split(X, np.arange(10), test_size=0.3, seed=1)
    assert sorted(np.r_[ytr, yte].tolist()) == list(range(10)) and len(yte) == 3


def test_unknown_names_list_the_choices():
    with pytest.raises(ValueError, match="choose one of: blobs, circles, moons, spirals, xor"):
        make_dataset("swiss")
    with pytest.raises(ValueError, match="choose one of: bump, sine, step, wiggly"):
        target_function("cosine")
    with pytest.raises(ValueError, match="noise must be >= 0"):
        make_dataset("moons", noise=-0.1)
