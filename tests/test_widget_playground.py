"""Explorer ``playground`` (lesson 10): training, drawing, Train/Pause, export/restore."""

import asyncio
import json

import numpy as np
import pytest

from mlplab.widgets import playground as pgm
from mlplab.widgets.playground import Playground


def test_compute_learns_the_circles():
    r = pgm.compute(dataset="circles", hidden_layers=2, width=8, activation="tanh",
                    lr=0.1, batch_size=10, epochs=60)
    assert r.sizes == [2, 8, 8, 2] and r.n_params == 114
    assert r.epochs == 60 and r.train_loss.shape == r.test_loss.shape == (60,)
    assert r.train_loss[-1] < 0.2 * r.train_loss[0]
    assert r.test_accuracy >= 0.95
    assert r.proba.shape == (60, 60, 2)
    assert np.allclose(r.proba.sum(axis=-1), 1.0)


def test_no_hidden_layer_is_a_linear_classifier():
    # a linear boundary cannot separate a ring from a disc: chance-level accuracy
    r = pgm.compute(dataset="circles", hidden_layers=0, epochs=30)
    assert r.sizes == [2, 2]
    assert r.test_accuracy < 0.7
    r = pgm.compute(dataset="blobs", hidden_layers=0, epochs=30)
    assert r.sizes == [2, 3] and r.test_accuracy > 0.95


def test_bad_configuration_is_explained():
    with pytest.raises(ValueError, match="choose one of"):
        pgm.compute(dataset="donut")
    with pytest.raises(ValueError, match="hidden_layers"):
        pgm.compute(hidden_layers=5)
    with pytest.raises(TypeError, match="width"):
        pgm.compute(width=2.5)
    with pytest.raises(ValueError, match="lr"):
        pgm.compute(lr=0)


def test_shade_is_white_where_unsure_and_coloured_where_sure():
    img = pgm.shade(np.array([[[0.5, 0.5], [1.0, 0.0]]]))
    assert np.allclose(img[0, 0], 1.0)
    assert not np.allclose(img[0, 1], 1.0)


def test_step_trains_one_chunk_and_updates_artists_png_readout():
    pg = Playground(dataset="xor", chunk_epochs=3)
    img0, png0, text0 = pg.region_img.get_array().copy(), pg.png(), pg.readout_text
    assert "epoch 0" in text0
    pg.step()
    assert pg.trainer.epoch == 3 and len(pg.trainer.train_loss) == 3
    assert not np.array_equal(pg.region_img.get_array(), img0)
    assert pg.png() != png0
    assert "epoch <b>3</b>" in pg.readout_text
    assert len(pg.train_line.get_xdata()) == 3


def test_control_change_rebuilds_the_net_but_lr_does_not():
    pg = Playground(dataset="moons")
    pg.run(2)
    model = pg.trainer.model
    pg.set(lr=0.05)
    assert pg.trainer.model is model and pg.trainer.epoch == 10
    pg.set(hidden_layers=3, width=4)
    assert pg.trainer.sizes == [2, 4, 4, 4, 2] and pg.trainer.epoch == 0
    shown = [ax.get_visible() for ax in pg.neuron_axes]
    assert shown == [True] * 4 + [False] * 4
    pg.set(hidden_layers=0)
    assert not any(ax.get_visible() for ax in pg.neuron_axes)


def test_widget_controls_and_buttons():
    pg = Playground(dataset="circles", chunk_epochs=2)
    ui = pg.widget()
    png = pg.image.value
    pg.buttons["Step"].click()
    assert pg.trainer.epoch == 2 and pg.image.value != png
    assert "epoch <b>2</b>" in pg.readout.value
    png = pg.image.value
    pg.inputs["dataset"].value = "spirals"
    assert pg.values["dataset"] == "spirals" and pg.trainer.epoch == 0
    assert pg.image.value != png
    pg.buttons["Step"].click()
    pg.buttons["Reset"].click()
    assert pg.trainer.epoch == 0
    assert ui is pg.widget()


def test_export_restore_round_trip_gives_identical_predictions():
    pg = Playground(dataset="spirals", hidden_layers=3, width=6, activation="relu", lr=0.05,
                    batch_size=20, seed=3)
    pg.run(3)
    state = json.loads(json.dumps(pg.export_state()))  # survives a trip through JSON
    assert state["config"]["dataset"] == "spirals" and state["epoch"] == 15
    pg2 = Playground.from_state(state)
    X = np.random.default_rng(0).uniform(-1.5, 1.5, (400, 2))
    assert np.array_equal(pg.predict_proba(X), pg2.predict_proba(X))
    assert pg2.trainer.train_loss == pg.trainer.train_loss
    assert "restored" in pg2.readout_text
    # the random generator state travels too: training on gives the same net
    pg.run(1)
    pg2.run(1)
    assert np.array_equal(pg.predict_proba(X), pg2.predict_proba(X))


def test_from_state_rejects_mismatched_weights():
    state = Playground(width=4).export_state()
    state["config"]["width"] = 5
    with pytest.raises(ValueError, match=r"state\['sizes'\] is \[2, 4, 4, 2\] but the configuration"):
        Playground.from_state(state)
    del state["sizes"]
    with pytest.raises(ValueError, match="layer 1"):
        Playground.from_state(state)
    with pytest.raises(TypeError, match="export_state"):
        Playground.from_state({"weights": []})


def _state():
    pg = Playground(dataset="xor", chunk_epochs=2, width=3)
    pg.step()
    return json.loads(json.dumps(pg.export_state()))


def _with(path, value):
    state = _state()
    *parents, last = path
    target = state
    for key in parents:
        target = target[key]
    target[last] = value
    return state


@pytest.mark.parametrize("path, value, err, match", [
    (("config", "chunk_epochs"), "<img src=x onerror=alert(1)>", TypeError, "chunk_epochs must be an int"),
    (("config", "chunk_epochs"), 10**9, ValueError, "chunk_epochs must be"),
    (("config", "lr"), -1, ValueError, "lr must be"),
    (("config", "dataset"), "<b>moons</b>", ValueError, "unknown dataset"),
    (("config", "surprise"), 1, TypeError, "unknown parameter"),
    (("weights", 0, 0, 0, 0), float("nan"), ValueError, "layer 1 W contains 1 NaN"),
    (("weights", 1, 1), [0.0], ValueError, r"layer 2: state has W \(3, 3\), b \(1,\)"),
    (("weights", 2), "W", TypeError, r"weights'\]\[2\] must be a pair"),
    (("epoch",), 5, ValueError, "has 2 values but state\\['epoch'\\] is 5"),
    (("epoch",), "2", TypeError, "epoch'\\] must be an int"),
    (("history", "test_loss"), [0.1], ValueError, "one loss per epoch"),
    (("history", "train_loss"), "0.1 0.2", TypeError, "must be a list of numbers"),
    (("history", "extra"), [], ValueError, "exactly 'train_loss' and 'test_loss'"),
    (("rng_state",), {"bit_generator": "PCG64", "state": "x"}, ValueError, "rng_state"),
    (("diverged",), "no", TypeError, "diverged'\\] must be True or False"),
    (("version",), True, ValueError, "version True is not supported"),
    (("script",), "<script>", ValueError, "unknown field"),
])
def test_from_state_checks_every_field(path, value, err, match):
    with pytest.raises(err, match=match):
        Playground.from_state(_with(path, value))


def test_a_hostile_state_never_reaches_the_page_as_html():
    with pytest.raises(TypeError):
        Playground.from_state(_with(("config", "chunk_epochs"), "<img src=x onerror=alert(1)>"))
    pg = Playground.from_state(_state())          # a good one still loads
    pg.widget()
    assert "<img" not in pg.readout.value and "restored" in pg.readout.value


def test_train_without_an_event_loop_says_what_to_do():
    with pytest.raises(RuntimeError, match="run\\(chunks\\)"):
        Playground().train()


def test_background_training_runs_in_chunks_and_pauses():
    pg = Playground(dataset="circles", chunk_epochs=1)

    async def session():
        task = pg.train()
        assert pg.running
        seen = []
        for _ in range(200):  # the loop yields between chunks, so we get control back
            await asyncio.sleep(0.02)
            seen.append(pg.trainer.epoch)
            if pg.trainer.epoch >= 3:
                break
        pg.pause()
        await task
        return seen

    seen = asyncio.run(session())
    assert not pg.running
    assert seen[-1] >= 3 and len(set(seen)) > 1  # progress was visible while running
    epoch = pg.trainer.epoch
    assert "paused" in pg.readout_text
    assert pg.trainer.epoch == epoch  # nothing runs after pause


def test_background_training_stops_at_max_epochs():
    pg = Playground(dataset="moons", chunk_epochs=5, max_epochs=10)

    async def session():
        await pg.train()

    asyncio.run(session())
    assert pg.trainer.epoch == 10 and not pg.running
    assert "max_epochs" in pg.readout_text


def test_train_does_not_block_a_real_kernel():
    """In an ipykernel, Train returns at once; later cells run while it trains."""
    jupyter_client = pytest.importorskip("jupyter_client")
    km, kc = jupyter_client.manager.start_new_kernel(kernel_name="python3")
    try:
        def run(code):
            reply = kc.execute_interactive(code, timeout=60, output_hook=lambda msg: None)
            assert reply["content"]["status"] == "ok", reply["content"]

        run("from mlplab.widgets.playground import Playground\n"
            "pg = Playground(dataset='xor', chunk_epochs=1, max_epochs=100000)\n"
            "task = pg.train()")
        run("import time; t0 = time.time()")
        run("e1 = pg.trainer.epoch")
        run("import asyncio")
        run("assert pg.running")
        run("await asyncio.sleep(0.3)\nassert pg.trainer.epoch > e1, (e1, pg.trainer.epoch)")
        run("pg.pause()")
        run("await asyncio.sleep(0.3)\ne2 = pg.trainer.epoch\nawait asyncio.sleep(0.3)\n"
            "assert pg.trainer.epoch == e2 > 0 and not pg.running")
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def _pixels(png):
    import io

    from PIL import Image

    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int)


def test_cached_background_render_matches_a_full_draw():
    pg = Playground(dataset="circles", hidden_layers=2, width=16)
    for change in [dict(), dict(dataset="blobs"), dict(hidden_layers=1, width=3),
                   dict(hidden_layers=0), dict(lr=0.3)]:
        pg.set(**change)
        pg.png()          # first frame after a change may rebuild the background
        pg.step()
        fast, full = _pixels(pg.png()), _pixels(pg.full_png())
        assert fast.shape == full.shape
        assert np.mean(np.abs(fast - full).max(axis=2) > 30) < 1e-3, change
