"""Explorer ``training_explorer`` (lesson 07): SGD on moons / digits."""

import numpy as np
import pytest

from mlplab.widgets import training_explorer as te


def test_default_settings_reach_95_percent_on_moons():
    r = te.compute()
    assert r.dataset == "moons"
    assert r.test_accuracy >= 0.95 and r.train_accuracy >= 0.95
    assert r.epochs_done == 50 and not r.interrupted
    assert len(r.history.step_loss) == 50 * r.steps_per_epoch
    assert r.history.epoch_loss[-1] < r.history.epoch_loss[0]
    xs, ys, Z = r.grid
    assert Z.shape == (120, 120) and set(np.unique(Z)) <= {0, 1}


def test_digits_give_a_confusion_matrix():
    r = te.compute("digits", lr=0.3, batch_size=32, hidden=32, epochs=10)
    C = r.confusion
    assert C.shape == (10, 10) and C.sum() == r.y_test.size
    assert np.trace(C) / C.sum() == pytest.approx(r.test_accuracy)
    assert r.test_accuracy >= 0.9


def test_confusion_matrix_by_hand():
    C = te.confusion_matrix([0, 0, 1, 2, 2], [0, 1, 1, 2, 0], 3)
    assert C.tolist() == [[1, 1, 0], [0, 1, 0], [1, 0, 1]]


def test_interrupt_keeps_the_partial_run():
    def stop(epoch, hist):
        if epoch == 2:
            raise KeyboardInterrupt

    r = te.compute(epochs=20, callback=stop, interruptible=True)
    assert r.interrupted and r.epochs_done == 3
    with pytest.raises(KeyboardInterrupt):
        te.compute(epochs=20, callback=stop)


def test_explorer_survives_an_interrupt():
    e = te.TrainingExplorer(epochs=5)
    e.widget()
    calls = {"n": 0}
    orig = te.compute

    def interrupting(*args, **kw):
        def cb(epoch, hist):
            kw_cb(epoch, hist)
            if epoch == 1:
                raise KeyboardInterrupt
        kw_cb = kw["callback"]
        kw["callback"] = cb
        calls["n"] += 1
        return orig(*args, **kw)

    te.compute = interrupting
    try:
        e.set(epochs=10)
    finally:
        te.compute = orig
    assert calls["n"] == 1
    assert "Interrupted" in e.readout.value
    assert not e._button.disabled
    e.set(epochs=5)
    assert "Interrupted" not in e.readout.value


def test_a_too_large_learning_rate_ends_near_chance():
    good = te.compute(lr=0.3, batch_size=1, epochs=3)
    bad = te.compute(lr=10.0, batch_size=1, epochs=3)
    assert good.test_accuracy >= 0.9
    assert bad.test_accuracy < 0.6  # the huge steps kill the ReLUs: a coin toss
    assert bad.history.epoch_loss[-1] > 10 * good.history.epoch_loss[-1]




def test_a_change_updates_artists_png_and_readout():
    e = te.TrainingExplorer(epochs=10)
    png, text = e.png(), e.readout_text
    curve = e.epoch_line.get_ydata().copy()
    e.set(lr=0.05)
    assert not np.allclose(e.epoch_line.get_ydata(), curve)
    assert e.png() != png and e.readout_text != text
    e.widget()
    before = e.image.value
    e.inputs["hidden"].value = 8
    assert e.image.value != before and "2-8-2" in e.readout.value
    assert e._progress.value == e._progress.max == 10
    seed = e.values["seed"]
    e._button.click()
    assert e.values["seed"] == seed + 1
    e.inputs["dataset"].value = "digits"
    assert e.conf_img.get_visible() and not e.points.get_visible()
    assert "64-8-10" in e.readout.value


def test_bad_input_gets_a_clear_message():
    with pytest.raises(ValueError, match="unknown dataset"):
        te.compute("mons")
    with pytest.raises(ValueError, match="lr"):
        te.compute(lr=0.0)
    with pytest.raises(TypeError, match="batch_size"):
        te.compute(batch_size=3.5)


def test_a_run_stuck_at_chance_is_called_diverged_and_says_what_to_do():
    e = te.TrainingExplorer(dataset="digits", lr=0.3, batch_size=1, epochs=3)   # lesson 07
    r = e.result
    assert r.status == "stuck" and r.train_accuracy < 0.15
    assert r.dead_units == 32
    text = e.readout_text
    assert "Diverged" in text and "32 of 32 hidden ReLUs" in text and "try 0.03" in text
    ok = te.compute(dataset="digits", lr=0.03, batch_size=1, epochs=2)          # the advice works
    assert ok.status == "ok" and ok.test_accuracy > 0.9


def test_slow_is_not_called_diverged():
    r = te.compute(lr=1e-3, batch_size=32, epochs=1)
    assert r.status == "slow"
    assert "Diverged" not in te.TrainingExplorer(lr=1e-3, epochs=1).readout_text


def test_load_gives_copies_and_the_shared_data_is_read_only():
    X_train, *_ = te.load("moons")
    X_train *= 100                                   # a student's in-place edit ...
    r = te.compute(epochs=2)
    assert np.abs(r.X_train).max() < 5               # ... changes nothing for later runs
    with pytest.raises(ValueError, match="read-only"):
        r.X_train *= 100
    assert np.isfinite(te.compute(epochs=2).test_accuracy)
