"""The course's one dtype rule and tolerance by dtype.

Array answers are floating-point arrays, float64 unless the exercise says
otherwise. A float32 answer is judged with float32's tolerance (and told so);
integers or booleans where floats belong fail with a message naming the rule;
float16, complex and object arrays fail before the values are compared.
"""

import numpy as np
import pytest

from mlplab import set_language
from mlplab.exercises import CATALOGUE, check, reference
from mlplab.exercises._outputs import Array, Batches, Count, tolerance

ARRAY_EXERCISES = [name for name, ex in CATALOGUE.items() if not isinstance(ex.output, (Count, Batches))]


def _cast(value, dtype):
    if isinstance(value, np.ndarray) and value.dtype.kind == "f":
        return value.astype(dtype)
    if isinstance(value, (float, np.floating)):
        return dtype(value)
    if isinstance(value, (list, tuple)):
        return type(value)(_cast(v, dtype) for v in value)
    return value


def in_dtype(name, dtype):
    """The reference, computed on inputs cast to ``dtype`` and returning ``dtype``: how a student
    who works in float32 (or float16) would write it."""
    ref = reference(name)

    def solution(*args, **kwargs):
        return _cast(ref(*_cast(args, dtype), **{k: _cast(v, dtype) for k, v in kwargs.items()}), dtype)

    return solution


def test_every_exercise_with_floats_is_covered():
    assert set(ARRAY_EXERCISES) == set(CATALOGUE) - {"count_params", "minibatches"}


@pytest.mark.parametrize("name", ARRAY_EXERCISES)
def test_a_correct_float32_answer_passes_and_is_told_so(name):
    result = check(name, in_dtype(name, np.float32))
    assert result.status == "passed", result
    assert "your answer is float32, so it was compared with float32's tolerance" in result.message


@pytest.mark.parametrize("name", ARRAY_EXERCISES)
def test_a_float64_answer_is_not_told_about_float32(name):
    assert "float32" not in check(name, reference(name)).message


@pytest.mark.parametrize("name", ARRAY_EXERCISES)
def test_float16_is_refused_before_the_values(name):
    ref = reference(name)  # right numbers, returned as float16
    result = check(name, lambda *args, **kwargs: _cast(ref(*args, **kwargs), np.float16))
    assert result.status == "failed", result
    assert "float16, which is too coarse" in result.message


def test_float32_tolerance_is_float32_sized_and_float64_stays_tight():
    assert tolerance(np.float32) == (1e-4, 1e-5)
    assert tolerance(np.float64) == (1e-6, 1e-9)
    assert tolerance(np.int64) == tolerance(np.float64)


def test_a_wrong_float32_answer_still_fails_and_says_how_it_was_judged():
    result = check("tanh_grad", lambda x: (1 - np.tanh(x.astype(np.float32)) ** 2) * np.float32(1.001))
    assert result.status == "failed", result
    assert "wrong values in your output" in result.message
    assert "compared with float32's tolerance: relative 0.0001" in result.message


@pytest.mark.parametrize("name, label", [
    ("sigmoid_grad", "with more digits"), ("softmax", "largest difference"),
    ("cross_entropy", "with more digits")])
def test_values_that_look_identical_show_the_digits_that_differ(name, label):
    result = check(name, lambda *args: reference(name)(*args) * (1 + 1e-5))
    assert result.status == "failed"
    line = next(s for s in result.message.splitlines() if label in s)
    expected, got = line.split("expected ")[1].split(", got ")
    assert expected != got and len(expected) >= 8  # enough digits to see the difference


@pytest.mark.parametrize("student, dtype", [
    (lambda x: x > 0, "bool"), (lambda x: (x > 0).astype(int), "int64"),
], ids=["bool", "int"])
def test_booleans_or_integers_where_floats_belong_fail_naming_the_rule(student, dtype):
    result = check("relu_grad", student)
    assert result.status == "failed"
    assert result.message.startswith(f"your output has the right values but dtype {dtype}; array answers in "
                                     "this course are floating-point arrays (float64 unless the exercise "
                                     "says otherwise)")


def test_an_exercises_own_dtype_message_comes_first():
    result = check("one_hot", lambda y, k: np.eye(k, dtype=int)[y])
    assert result.status == "failed" and result.message.startswith("your one-hot matrix holds integers")


def test_parts_are_judged_each_by_its_own_dtype():
    def dense_backward(dO, X, W):
        return (dO @ W.T).astype(np.float32), X.T @ dO, dO.sum(axis=0)

    result = check("dense_backward", dense_backward)
    assert result.passed and "float32" in result.message
    wrong = check("dense_backward", lambda dO, X, W: (dO @ W.T, (X.T @ dO).astype(np.float32) * 1.01,
                                                      dO.sum(axis=0)))
    assert wrong.status == "failed" and "wrong values in dW" in wrong.message
    assert "first difference, in dW:" in wrong.message and "float32's tolerance" in wrong.message


def test_the_warmup_takes_any_numbers():
    assert CATALOGUE["add"].output.dtype == "number"
    assert check("add", lambda a, b: np.add(a, b)).status == "passed"
    assert check("add", lambda a, b: float(a + b) if np.ndim(a) == 0 else a + b).status == "passed"


def test_a_count_is_a_whole_number():
    result = check("count_params", lambda sizes: float(sum(a * b + b for a, b in zip(sizes, sizes[1:]))))
    assert result.status == "failed"
    assert result.message.startswith("right number, but as a float64 (11935); a count is a whole number")
    assert check("count_params", lambda sizes: np.int64(reference("count_params")(sizes))).passed


def test_a_bool_is_not_a_count():
    result = check("count_params", lambda sizes: True)
    assert result.status == "failed" and result.message.startswith("expected a whole number, got bool")


@pytest.mark.parametrize("value, phrase", [
    (lambda O: O.astype(complex), "holds complex numbers (dtype complex128)"),
    (lambda O: O.astype(object), "has dtype object, which is not numbers"),
    (lambda O: O.astype(str), "has dtype <U32, which is not numbers"),
])
def test_dtypes_that_are_not_real_numbers_fail_before_the_values(value, phrase):
    result = check("softmax", value)
    assert result.status == "failed" and phrase in result.message, result


def test_a_scalar_answer_follows_the_rule_too():
    result = check("accuracy", lambda P, y: int(np.all(P.argmax(axis=1) == y)))
    assert result.status == "failed"
    ok = check("accuracy", lambda P, y: np.float32(np.mean(P.argmax(axis=1) == y)))
    assert ok.passed and "float32" in ok.message


def test_the_dtype_rule_speaks_korean():
    set_language("ko")
    try:
        message = check("relu_grad", lambda x: x > 0).message
    finally:
        set_language("en")
    assert "자료형(dtype)이 bool입니다" in message and "부동소수점 배열" in message


def test_array_kind_rejects_an_unknown_rule():
    with pytest.raises(ValueError, match='unknown dtype rule "int"'.replace('"', "'")):
        Array(dtype="int")
