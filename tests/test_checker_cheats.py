"""Nothing but the answers decides the verdict.

Patched NumPy comparisons, patched checker helpers (before the check or from
inside the student's function), a catalogue edited at run time: a wrong
answer still fails, a right one still passes, and "correct on all 0 cases"
cannot happen.
"""

import sys

import numpy as np
import pytest

import mlplab.exercises as exercises
from mlplab.exercises import CATALOGUE, check, reference
from mlplab.exercises._core import Exercise, Failed, case, run_check
from mlplab.exercises._outputs import Batches


def wrong_relu(x):
    return x * 3


def right_relu(x):
    return np.maximum(x, 0.0)


NUMPY_COMPARISONS = ["allclose", "isclose", "array_equal", "array_equiv"]


@pytest.fixture
def numpy_says_equal(monkeypatch):
    for name in NUMPY_COMPARISONS:
        monkeypatch.setattr(np, name, lambda a, b, *args, **kwargs: True)
    monkeypatch.setattr(np.testing, "assert_allclose", lambda *a, **k: None)


def test_patched_numpy_comparisons_do_not_pass_a_wrong_answer(numpy_says_equal):
    result = check("relu", wrong_relu)
    assert result.status == "failed" and "wrong values in your output" in result.message


def test_patched_numpy_comparisons_do_not_fail_a_right_answer(numpy_says_equal):
    assert check("relu", right_relu).passed
    assert check("minibatches", reference("minibatches")).passed  # its validator uses np.array_equal


def test_a_function_that_patches_numpy_while_it_runs_still_fails():
    saved = {name: getattr(np, name) for name in NUMPY_COMPARISONS}

    def relu(x):
        for name in NUMPY_COMPARISONS:
            setattr(np, name, lambda *a, **k: True)
        return x * 3

    try:
        result = check("relu", relu)
    finally:
        for name, fn in saved.items():
            setattr(np, name, fn)
    assert result.status == "failed"


def test_numpy_patched_for_the_student_stays_patched_for_the_student(monkeypatch):
    """The student's kernel keeps their NumPy: only the checker's own computations use the original."""
    monkeypatch.setattr(np, "maximum", lambda a, b: a)  # a broken maximum in the student's kernel
    result = check("relu", reference("relu"))  # the reference code, but run in the student's kernel
    assert result.status == "failed"
    assert np.maximum(1, 2) == 1  # and their patch is still there afterwards


def _checker_code():
    """(owner, name) of every callable in the checker's modules and classes (not the catalogue)."""
    found = []
    for module_name, module in sorted(sys.modules.items()):
        if not module_name.startswith("mlplab.exercises") or ".catalogue" in module_name:
            continue
        for name, value in vars(module).items():
            if callable(value) and not name.startswith("__"):
                found.append((module, name))
            if isinstance(value, type) and value.__module__ == module_name:
                found += [(value, k) for k, v in vars(value).items()
                          if (callable(v) or isinstance(v, (staticmethod, classmethod, property)))
                          and not (k.startswith("__") and k not in ("__init__", "__call__", "__eq__"))]
    return found


CHECKER_CODE = _checker_code()


def test_the_checker_has_code_to_patch():
    names = {name for _, name in CHECKER_CODE}
    assert {"diff", "close", "all_close", "identical", "freeze", "restore", "run_check", "check"} <= names
    assert len(CHECKER_CODE) > 100


@pytest.mark.parametrize("says", [None, True, False], ids=["None", "True", "False"])
def test_no_single_patched_checker_function_passes_a_wrong_answer(says):
    passed = []
    for owner, name in CHECKER_CODE:
        original = vars(owner)[name]
        setattr(owner, name, lambda *a, _says=says, **k: _says)
        try:
            result = check("relu", wrong_relu)
            if result.status == "passed":
                passed.append(f"{owner.__name__}.{name}")
        finally:
            setattr(owner, name, original)
    assert passed == []


def test_every_checker_function_patched_at_once_is_put_back():
    originals = [(owner, name, vars(owner)[name]) for owner, name in CHECKER_CODE]
    try:
        for owner, name, _ in originals:
            setattr(owner, name, lambda *a, **k: None)
        result = check("relu", wrong_relu)
        assert result.status == "failed", result
        assert "the checker put its own code back before judging" in result.message
        assert all(vars(owner)[name] is value for owner, name, value in originals)
        assert check("relu", right_relu).message.startswith("correct on all 4 cases")
    finally:
        for owner, name, value in originals:
            setattr(owner, name, value)


def test_patching_the_checker_from_inside_the_function_does_not_help():
    from mlplab.exercises import _outputs

    original = _outputs.Array.diff

    def relu(x):
        _outputs.Array.diff = lambda *a, **k: None
        _outputs._values_problem = lambda *a, **k: None
        return x * 3

    try:
        result = check("relu", relu)
    finally:
        _outputs.Array.diff = original
    assert result.status == "failed", result
    assert _outputs.Array.diff is original


def test_shadowing_a_builtin_in_a_checker_module_is_undone():
    from mlplab.exercises import _core

    _core.len = lambda x: 0
    try:
        result = check("relu", wrong_relu)
        assert not hasattr(_core, "len")
    finally:
        vars(_core).pop("len", None)
    assert result.status == "failed"


def test_the_catalogue_cannot_be_edited_at_run_time():
    with pytest.raises(TypeError):
        CATALOGUE["relu"] = CATALOGUE["add"]
    with pytest.raises(AttributeError):
        CATALOGUE["relu"].reference = wrong_relu
    with pytest.raises(AttributeError):
        CATALOGUE["relu"].mistakes.append(None)


# ------------------------------------------------- "correct on all 0 cases"
def _exercise(**kwargs):
    base = dict(name="relu", signature="relu(x) -> same shape", reference=reference("relu"),
                cases=lambda rng: [case(np.array([-1.0, 2.0]))], hints=("h",))
    base.update(kwargs)
    return Exercise(**base)


def test_an_exercise_without_cases_cannot_pass():
    result = run_check(_exercise(cases=lambda rng: []), right_relu)
    assert result.status == "error"
    assert result.message.startswith("the checker compared no answer at all, so it cannot say passed")


def test_a_validator_that_looks_at_nothing_cannot_pass():
    result = run_check(_exercise(validate=lambda trial, ex: "all good", output=Batches()), right_relu)
    assert result.status == "error" and "compared no answer at all" in result.message


def test_a_validator_that_raises_fails_with_its_message():
    def validate(trial, ex):
        trial.answer(case(np.array([1.0])))
        raise Failed("looked and disliked it")

    result = run_check(_exercise(validate=validate), right_relu)
    assert str(result) == "[failed] relu: looked and disliked it"


def test_the_passed_message_counts_the_compared_cases():
    result = check("softmax", reference("softmax"))
    n = len(CATALOGUE["softmax"].cases(np.random.default_rng(0)))
    assert result.message.startswith(f"correct on all {n} cases")


def test_check_by_name_cannot_be_redirected_through_the_module(monkeypatch):
    monkeypatch.setattr(exercises, "run_check", lambda ex, fn: exercises.CheckResult(ex.name, "passed", "!"))
    assert check("relu", wrong_relu).status == "failed"
