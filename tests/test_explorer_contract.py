"""Every explorer keeps the explorer contract (mlplab.widgets._base), scikit-learn style.

One set of checks, parametrized over the registry ``mlplab.widgets.EXPLORERS`` (built
from the course manifest), so a new explorer is checked as soon as a lesson lists it.
The per-explorer test files keep only each explorer's maths.
"""

from __future__ import annotations

import gc
import math
import re
import weakref

import numpy as np
import pytest
from _blit_check import assert_blitting_is_faithful, pixels

from mlplab import set_language
from mlplab.course import LESSONS, lesson_of_explorer
from mlplab.widgets import EXPLORERS, explorer
from mlplab.widgets._base import Explorer

NAMES = list(EXPLORERS)
# values that keep the heavy explorers quick in tests (everything else: the defaults)
FAST = {
    "training_explorer": {"epochs": 3},
    "depth_vs_width": {"steps": 150, "budget": 60},
    "uat_neurons": {"n_hidden": 4},
    "playground": {"n_points": 120},
}
# value changes that move limits, switch functions or overflow: each blitted picture must
# equal a full draw (besides these, every explorer is checked on its first controls)
BLIT_SETTINGS = {
    "gd_1d": [dict(lr=lr) for lr in (0.1, 0.102, 0.3, 0.8, 1.05, 0.01)]
    + [dict(function=f, lr=0.05) for f in ("quadratic", "two minima", "quartic")]
    + [dict(x0=-1.5), dict(steps=120), dict(steps=3), dict(lr=1e6)],
    "gd_2d": [dict(lr=lr) for lr in (0.15, 0.16, 0.19, 0.21, 0.01)]
    + [dict(kappa=3.0), dict(angle=30.0), dict(x0=2.5, y0=-3.0), dict(steps=200),
       dict(kappa=100.0, lr=0.019), dict(angle=0.0), dict(lr=1e6)],
    "linreg_gd": [dict(lr=10 ** p) for p in (-1.125, -1.0, -0.875, -0.5, 0.0, -3.0)]
    + [dict(kind="norm", lr=0.1), dict(steps=0), dict(steps=500), dict(kind="mse"), dict(lr=1e6)],
    "sgd_batch_size": [dict(seed=s) for s in (1, 2, 3)] + [dict(batch_size=b) for b in (16, 1, 128)]
    + [dict(lr=10 ** -1.125), dict(lr=0.3), dict(epochs=5), dict(batch_size=4, seed=7), dict(lr=5.0)],
    "softmax_explorer": [dict(s1=-3.0), dict(s2=5.5), dict(temperature=0.05),
                         dict(s3=-6.0, temperature=20.0), dict(s1=2.0), dict(s1=1e300, s2=-1e300)],
    "linear_classifier": [dict(step=s) for s in (31, 32, 0, 200, 5)]
    + [dict(lr=0.05), dict(step=100), dict(lr=5.0), dict(step=1)],
    "activation_explorer": [dict(scale=s) for s in (2.1, 2.2, 3.5, 0.2, 6.0)]
    + [dict(activation=a) for a in ("relu", "sigmoid", "identity", "tanh")]
    + [dict(seed=3), dict(seed=4)],
    "mlp_forward_explorer": [dict(x=x) for x in (0.6, 0.7, -2.0, 3.0)]
    + [dict(W2_2=-1.0), dict(x=0.0), dict(b1_3=0.5), dict(activation="tanh"), dict(x=1.5)],
    "chain_rule_graph": [dict(x=x) for x in (1.1, 1.2, -3.0, 3.0, 0.0)]
    + [dict(y=-2.0), dict(y=2.0), dict(x=-1.5, y=0.3), dict(x=6.0)],
    "gradient_flow": [dict(scale=s) for s in (1.1, 4.0, 0.2)]
    + [dict(activation="relu"), dict(depth=3), dict(depth=20)],
    "bump_builder": [dict(n_bumps=n) for n in (11, 12, 3, 1, 40)]
    + [dict(steepness=s) for s in (10.0, 31.6, 5000.0)]
    + [dict(target=t) for t in ("bump", "sine", "step")]
    + [dict(heights_from="sliders", n_bumps=4), dict(h2=1.2), dict(h3=-0.4)],
    "sawtooth": [dict(k=k) for k in (1, 4, 8, 2)],
}
HOSTILE = "<img src=x onerror=alert(1)>"
HANGUL = re.compile("[\uac00-\ud7a3]")


def make(name, **values):
    return EXPLORERS[name].show(**{**FAST.get(name, {}), **values})


def another_value(control, value):
    """A valid value for ``control`` different from ``value`` (one step along it)."""
    if hasattr(control, "options"):
        options = [o[1] if isinstance(o, tuple) else o for o in control.options]
        return next(o for o in options if o != value)
    if hasattr(control, "base"):  # FloatLogSlider: steps are in the exponent
        exponent = math.log(value, control.base)
        step = control.step if exponent + control.step <= control.max else -control.step
        return control.base ** (exponent + step)
    step = control.step if value + control.step <= control.max else -control.step
    new = value + step
    return int(new) if isinstance(value, int) else float(new)


def same(a, b):
    return a == b or (isinstance(a, float) and math.isclose(a, b, rel_tol=1e-9))


# ------------------------------------------------------------------ the registry
def test_the_registry_lists_every_explorer_of_the_course_with_its_lesson():
    assert NAMES == [name for item in LESSONS for name in item.explorers]
    assert len(NAMES) == 17
    for name, entry in EXPLORERS.items():
        assert entry.lesson is lesson_of_explorer(name)
        assert entry.module.__name__ == f"mlplab.widgets.{name}"
    with pytest.raises(ValueError, match="unknown explorer 'gd1d'; choose one of: .*gd_1d"):
        explorer("gd1d")


@pytest.mark.parametrize("name", NAMES)
def test_one_explorer_class_that_only_builds_and_draws(name):
    cls = EXPLORERS[name].explorer_class
    assert issubclass(cls, Explorer) and not getattr(cls, "__abstractmethods__", None)
    # the base owns the machinery: no explorer overrides it
    for hook in ("set", "refresh", "png", "full_png", "render", "widget", "background_key", "_apply",
                 "_sync_widget", "_ipython_display_"):
        assert getattr(cls, hook) is getattr(Explorer, hook), f"{name} overrides {hook}"
    assert not hasattr(cls, "_layout_key") and not hasattr(cls, "_update")
    assert callable(EXPLORERS[name].module.compute)
    e = make(name)
    assert isinstance(e, cls) and e.result is not None
    assert set(e.values) == set(e.defaults())
    assert all(n in e.values for n in cls.background_depends_on)


# ------------------------------------------------------------------ controls
@pytest.mark.parametrize("name", NAMES)
def test_controls_drive_it(name):
    e = make(name)
    ui = e.widget()
    assert set(e.inputs) <= set(e.values)
    for key, control in e.inputs.items():
        png, text = e.image.value, e.readout.value
        new = another_value(control, control.value)
        control.value = new
        assert same(e.values[key], control.value), (key, e.values[key], control.value)
        assert e.error is None, f"{name}.{key} = {new!r}: {e.error}"
        assert e.image.value != png or e.readout.value != text, f"{name}: {key} changed nothing"
    assert e.widget() is ui  # built once


@pytest.mark.parametrize("name", NAMES)
def test_set_moves_the_controls(name):
    e = make(name)
    e.widget()
    for key, control in e.inputs.items():
        new = another_value(control, control.value)
        e.set(**{key: new})
        assert same(control.value, new) and same(e.values[key], new), (key, control.value, new)


@pytest.mark.parametrize("name", NAMES)
def test_values_past_the_controls_widen_them(name):
    e = make(name)
    e.widget()
    for key, control in e.inputs.items():
        if hasattr(control, "options") or not isinstance(e.values[key], int):
            continue
        beyond = control.max + 1
        try:
            e.set(**{key: beyond})
        except ValueError:
            continue   # beyond what the explorer accepts: refused, nothing changed
        assert control.value == beyond <= control.max


# ------------------------------------------------------------------ pictures
@pytest.mark.parametrize("name", NAMES)
def test_the_static_figure_renders(name):
    from IPython.core.formatters import PNGFormatter

    fig = EXPLORERS[name].explorer_class.static_figure(**FAST.get(name, {}))
    png = PNGFormatter()(fig)
    assert png[:4] == b"\x89PNG" and pixels(png).std() > 0


@pytest.mark.parametrize("name", NAMES)
def test_a_blitted_frame_equals_a_full_draw(name):
    e = make(name)
    e.widget()
    settings = [{key: another_value(c, e.values[key])} for key, c in list(e.inputs.items())[:3]]
    settings += BLIT_SETTINGS.get(name, [])
    if e.dynamic_artists:
        assert_blitting_is_faithful(e, settings)
    else:
        for values in settings:
            e.set(**values)
            fast, slow = pixels(e.png()), pixels(e.full_png())
            assert np.mean(np.any(fast != slow, axis=2)) < 0.005


# ------------------------------------------------------------------ bad input
@pytest.mark.parametrize("name", NAMES)
def test_unknown_names_are_rejected(name):
    with pytest.raises(TypeError, match=r"unknown parameter\(s\) \['nope'\]; valid ones"):
        make(name, nope=1)
    e = make(name)
    with pytest.raises(TypeError, match="unknown parameter"):
        e.set(nope=1)


def _bad_values(default):
    if isinstance(default, str):
        return [12345, HOSTILE]
    if isinstance(default, int):
        return [HOSTILE, 2.5, None]
    return [HOSTILE, float("nan"), float("inf"), None]


@pytest.mark.parametrize("name", NAMES)
def test_a_bad_value_is_rejected_and_the_explorer_keeps_working(name):
    e = make(name)
    e.widget()
    values, png, text = dict(e.values), e.image.value, e.readout.value
    for key, default in e.defaults().items():
        for bad in _bad_values(default):
            with pytest.raises((ValueError, TypeError)) as info:
                e.set(**{key: bad})
            assert key in str(info.value), (key, info.value)
            assert e.values == values and e.image.value == png      # the last good state
            assert HOSTILE not in e.readout.value and "&#9888;" in e.readout.value
            assert e.readout.value != text
    key, control = next(iter(e.inputs.items()))
    control.value = another_value(control, control.value)          # later changes work
    assert e.error is None and same(e.values[key], control.value)
    assert "&#9888;" not in e.readout.value


def _extremes(default):
    if isinstance(default, bool) or isinstance(default, str):
        return []
    if isinstance(default, int):
        return [0, -1, 10**9]
    return [0.0, -1.0, 1e300, -1e300]


@pytest.mark.parametrize("name", NAMES)
def test_extremes_give_a_clear_error_or_a_clean_picture(name):
    e = make(name)
    for key, default in e.defaults().items():
        for value in _extremes(default):
            try:
                e.set(**{key: value})
            except (ValueError, TypeError) as err:
                assert key in str(err), f"{name}.{key}={value!r}: {err}"
                continue
            png = e.png()
            assert png[:4] == b"\x89PNG", (key, value)
            e.set(**{key: default})   # back, for the next key


# ------------------------------------------------------------------ languages
@pytest.mark.parametrize("name", NAMES)
def test_readouts_exist_in_english_and_korean(name):
    english = make(name).readout_text
    try:
        set_language("ko")
        korean = make(name).readout_text
    finally:
        set_language("en")
    assert not HANGUL.search(english)
    assert HANGUL.search(korean), korean


# ------------------------------------------------------------------ closing
@pytest.mark.parametrize("name", NAMES)
def test_close_frees_it(name):
    e = make(name)
    ui = e.widget()
    parts = [ui, *e.inputs.values(), e.image, e.readout]
    e.close()
    assert e.closed and not e.fig.axes and e.result is None
    assert all(p.comm is None for p in parts)
    with pytest.raises(RuntimeError, match="closed"):
        e.set()
    ref = weakref.ref(e)
    del e, ui, parts
    gc.collect()
    assert ref() is None, "nothing may keep a closed explorer alive"
