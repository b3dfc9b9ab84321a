"""The checker as objects: output kinds, mistake types, outcomes, ranking, display, languages."""

import re

import numpy as np
import pytest

import mlplab.exercises as exercises
from mlplab import set_language
from mlplab.exercises import (
    CATALOGUE,
    _display,
    _messages,
    _outcomes,
    _outputs,
    check,
    hint,
    reference,
    reset_hints,
    solution,
)
from mlplab.exercises._core import (
    Batches,
    DtypeMistake,
    Exercise,
    Layers,
    Mistake,
    MutationMistake,
    PropertyMistake,
    TypicalMistake,
    WarningMistake,
    case,
    run_check,
)
from mlplab.exercises._guard import time_limits
from mlplab.i18n import Text

MISTAKE_TYPES = (Mistake, WarningMistake, MutationMistake, DtypeMistake, PropertyMistake)
HANGUL = re.compile("[\uac00-\ud7a3]")


@pytest.fixture
def korean():
    set_language("ko")
    yield
    set_language("en")


# ------------------------------------------------------------------- records
def test_every_typical_mistake_is_one_of_the_mistake_types():
    for name, ex in CATALOGUE.items():
        for m in ex.mistakes:
            assert type(m) in MISTAKE_TYPES, (name, m)
            assert isinstance(m, TypicalMistake) and not hasattr(m, "shows")


def test_mistakes_of_picks_exactly_one_type():
    relu = CATALOGUE["relu"]
    assert [type(m) for m in relu.mistakes_of(MutationMistake)] == [MutationMistake]
    assert all(type(m) is Mistake for m in relu.mistakes_of(Mistake))
    assert len(relu.mistakes_of(Mistake)) == len(relu.mistakes) - 1


def test_every_exercise_declares_an_output_kind():
    kinds = {name: type(ex.output).__name__ for name, ex in CATALOGUE.items()}
    assert kinds["dense_backward"] == "Parts"
    assert CATALOGUE["dense_backward"].output.names == ("dX", "dW", "db")
    assert kinds["mlp_gradients"] == "Layers"
    # the two exercises whose text asks for NumPy arrays use kinds that tell a list apart
    assert kinds["sgd_step"] == "ArrayLayers" and isinstance(CATALOGUE["sgd_step"].output, Layers)
    assert kinds["minibatches"] == "IndexBatches" and isinstance(CATALOGUE["minibatches"].output, Batches)
    assert kinds["count_params"] == "Count"
    assert kinds["cross_entropy"] == kinds["accuracy"] == "Scalar"
    assert kinds["softmax"] == "Array"


def test_an_exercise_refuses_an_output_given_as_a_string():
    with pytest.raises(TypeError, match="must be an output kind such as Array()"):
        Exercise(name="x", signature="x()", reference=reference("relu"), cases=lambda rng: [], hints=(),
                 output="array")


# ------------------------------------------------------------- output kinds
def test_freezing_copies_the_answer():
    a = np.array([1.0, 2.0])
    frozen = _outputs.Array().freeze(a)
    a[0] = 99.0
    assert frozen[0] == 1.0 and type(frozen) is np.ndarray


def test_an_answer_changed_after_it_was_returned_is_judged_as_returned():
    kept = []

    def relu(x):  # fixes the previous call's answer in place, too late
        if kept:
            kept[-1][...] = np.maximum(kept[-1], 0.0)
        out = x.copy()
        kept.append(out)
        return out

    assert check("relu", relu).status == "failed"


@pytest.mark.parametrize("value, kind", [
    (None, "NoneType"), ("abc", "str"), ({1: 2}, "dict"), ((x for x in []), "generator"),
    (iter([1.0]), "list_iterator"), (NotImplemented, "NotImplementedType"),
])
def test_things_that_are_not_arrays_are_described_not_read(value, kind):
    frozen = _outputs.Array().freeze(value)
    assert isinstance(frozen, _outputs.Foreign) and frozen.kind == kind


def test_parts_and_layers_name_their_parts():
    parts = _outputs.Parts("dX", "dW", "db")
    frozen = parts.freeze((np.ones(2), np.ones(3), np.ones(1)))
    assert [name for name, _ in parts.parts(frozen)] == ["dX", "dW", "db"]
    layers = _outputs.Layers("dW", "db")
    frozen = layers.freeze([(np.ones(2), np.ones(1)), [np.ones(2), np.ones(1)]])
    assert [name for name, _ in layers.parts(frozen)] == ["dW1", "db1", "dW2", "db2"]


def test_a_difference_in_one_part_names_that_part():
    layers = _outputs.Layers("dW", "db")
    expected = layers.freeze([(np.ones((2, 2)), np.ones(2)), (np.ones((2, 1)), np.ones(1))])
    got = layers.freeze([(np.ones((2, 2)), np.ones(2)), (np.ones((2, 1)), np.zeros(1))])
    d = layers.diff(expected, got)
    assert isinstance(d, _outputs.WrongValues) and d.part == "db2"


def test_differences_are_ranked_by_kind():
    order = [_outputs.WrongType, _outputs.WrongShape, _outputs.UnusableDtype, _outputs.NotFinite,
             _outputs.WrongValues, _outputs.WrongDtype]
    assert [k.rank for k in order] == sorted(k.rank for k in order)
    assert len({k.rank for k in order}) == len(order)


def test_a_shape_problem_is_reported_before_wrong_values_on_a_smaller_case():
    def linear_forward(X, W, b):
        if len(X) == 1:
            return (X @ W + b).ravel()  # the batch-size-1 case: wrong shape
        return 2 * X @ W + b  # every other case, the smaller hand-worked one too: wrong values

    result = check("linear_forward", linear_forward)
    assert result.message.startswith("wrong shape: expected your output of shape (1, 3), got shape (3,)")
    assert "[batch size 1]" in result.message


def test_a_type_problem_is_reported_before_a_shape_problem():
    def softmax(O):
        if O.shape == (1, 5):
            return "oops"
        return O[:, :1]

    assert check("softmax", softmax).message.startswith("your output is a str")


# ---------------------------------------------------------------- outcomes
@pytest.mark.parametrize("kind, status", [
    (_outcomes.Passed, "passed"), (_outcomes.Failed, "failed"), (_outcomes.NotAttempted, "not_attempted"),
    (_outcomes.Errored, "error")])
def test_each_outcome_is_an_exception_with_its_status(kind, status):
    outcome = kind("headline", "", "detail")
    assert isinstance(outcome, Exception) and outcome.status == status
    assert outcome.message == "headline\ndetail"
    assert status in _outcomes.STATUSES


def test_a_judge_that_ends_without_an_outcome_is_a_checker_error():
    ex = Exercise(name="relu", signature="relu(x)", reference=reference("relu"),
                  cases=lambda rng: [case(np.ones(2))], hints=("h",), validate=lambda trial, ex: None)
    result = run_check(ex, reference("relu"))
    assert result.status == "error" and "compared no answer at all" in result.message


def test_a_checker_bug_is_reported_as_one_not_as_the_students_traceback():
    def broken_cases(rng):
        raise RuntimeError("catalogue bug")

    ex = Exercise(name="relu", signature="relu(x)", reference=reference("relu"), cases=broken_cases,
                  hints=("h",))
    result = run_check(ex, reference("relu"))
    assert result.status == "error"
    assert "the checker could not judge" in result.message and "bug in mlplab's checker" in result.message


# ------------------------------------------------------------------ display
def test_display_classes_live_in_one_module():
    assert exercises.CheckResult is _display.CheckResult
    reset_hints()
    assert isinstance(hint("relu"), _display.Note)
    assert isinstance(solution("relu"), _display.Solution)
    reset_hints()


def test_the_verdict_tag_stays_english_in_korean(korean):
    def unfinished_helper(x):
        raise NotImplementedError

    result = check("relu", lambda x: unfinished_helper(x))
    assert str(result).startswith("[error] relu: 함수가 호출하는 `unfinished_helper`에서 "
                                  "NotImplementedError가")


# ----------------------------------------------------------------- languages
def _texts():
    return {name: value for name, value in vars(_messages).items() if isinstance(value, Text)}


def test_every_machinery_message_exists_in_both_languages():
    texts = _texts()
    assert len(texts) > 50
    for name, text in texts.items():
        assert HANGUL.search(text.ko), f"{name} has no Korean"
        assert not HANGUL.search(text.en), f"{name}'s English has Hangul"


def test_korean_messages_are_polite_and_keep_code_in_code_font():
    for name, text in _texts().items():
        for code in re.findall(r"`[^`]+`", text.en):
            if "{" not in code:
                assert code in text.ko, f"{name}: {code} missing from the Korean"
    sentences = [t.ko for t in _texts().values() if t.ko.rstrip().endswith("다")]
    assert all(s.rstrip().endswith(("니다", "습니다")) for s in sentences)


@pytest.mark.parametrize("student, korean_start", [
    (lambda x: None, "함수가 None을 반환합니다"),
    (lambda x: x[:1], "모양(shape)이 다릅니다"),
    (lambda x: x * 3, "함수의 출력에서 값이 틀렸습니다"),
    (lambda x: 1 / 0, "함수에서 ZeroDivisionError 예외가 발생했습니다"),
])
def test_machinery_messages_come_in_korean(korean, student, korean_start):
    result = check("relu", student)
    assert result.message.startswith(korean_start), result
    assert "호출: relu(x)" in result.message


def test_not_attempted_and_time_limit_in_korean(korean):
    def relu(x):
        raise NotImplementedError

    assert check("relu", relu).message.startswith("아직 시도하지 않았습니다")
    with time_limits(case=0.3):
        message = check("relu", lambda x: [None for _ in iter(int, 1)]).message
    assert message.startswith("함수가 한 입력에서 0.3 s보다 오래 걸렸습니다 — 끝나지 않는 반복문이 있나요?")


def test_hints_speak_korean(korean):
    reset_hints()
    note = hint("relu")
    assert str(note).startswith(f"relu 힌트 1/{len(CATALOGUE['relu'].hints)}: ")
    for _ in CATALOGUE["relu"].hints:
        note = hint("relu")
    assert "힌트를 모두 보았습니다" in str(note)
    reset_hints()
