"""The exercise checkers: references pass, typical mistakes are named, students never see a traceback."""

import functools
import warnings

import numpy as np
import pytest

import mlplab
from mlplab.exercises import (
    CATALOGUE,
    CheckResult,
    check,
    hint,
    names,
    reference,
    reset_hints,
    solution,
    solution_source,
)
from mlplab.exercises._display import MAX_MESSAGE

DESIGN_CATALOGUE = [
    "add", "centred_difference", "gd_step", "pinv_solve", "linreg_gradient", "minibatches",
    "linear_forward", "softmax", "one_hot", "cross_entropy", "sigmoid", "relu", "sigmoid_grad",
    "relu_grad", "tanh_grad", "mlp_forward", "count_params", "dense_backward", "delta_back",
    "output_delta", "mlp_gradients", "sgd_step", "accuracy", "step", "bump", "sawtooth",
]
MISTAKES = [(name, i) for name, ex in CATALOGUE.items() for i in range(len(ex.mistakes))]


def test_names_are_the_design_catalogue_in_lesson_order():
    assert names() == DESIGN_CATALOGUE


def test_every_exercise_has_hints_and_typical_mistakes():
    for name, ex in CATALOGUE.items():
        assert len(ex.hints) >= 3, name
        assert ex.mistakes, name
        assert ex.reference.__name__ == name


# ------------------------------------------------------------ the three verdicts
@pytest.mark.parametrize("name", DESIGN_CATALOGUE)
def test_reference_passes(name):
    result = check(name, reference(name))
    assert result.status == "passed", result
    assert str(result).startswith(f"[passed] {name}: correct on all")


@pytest.mark.parametrize("name, i", MISTAKES, ids=[f"{n}-{i}" for n, i in MISTAKES])
def test_typical_mistake_fails_with_its_message(name, i):
    mistake = CATALOGUE[name].mistakes[i]
    result = check(name, mistake.wrong)
    assert result.status == "failed", result
    assert str(mistake.message) in result.message, result
    assert str(result).startswith(f"[failed] {name}: {mistake.message}")


@pytest.mark.parametrize("name", DESIGN_CATALOGUE)
def test_stub_is_not_attempted(name):
    def stub(*args, **kwargs):
        raise NotImplementedError

    result = check(name, stub)
    assert result.status == "not_attempted"
    assert str(result) == (f"[not_attempted] {name}: not attempted yet — replace "
                           f'`raise NotImplementedError` with your code; `hint("{name}")` helps')


@pytest.mark.parametrize("name", DESIGN_CATALOGUE)
def test_other_exception_is_an_error_naming_type_and_case(name):
    def broken(*args, **kwargs):
        return 1 / 0

    result = check(name, broken)
    assert result.status == "error"
    assert str(result).startswith(f"[error] {name}: your function raised ZeroDivisionError: division by zero")
    assert "case:" in result.message and "the checker calls it as" in result.message


@pytest.mark.parametrize("name", DESIGN_CATALOGUE)
def test_returning_none_is_flagged(name):
    result = check(name, lambda *args, **kwargs: None)
    assert result.status == "failed"
    assert "your function returns None — did you forget `return`?" in result.message


@pytest.mark.parametrize("name", DESIGN_CATALOGUE)
def test_solution_source_runs_in_a_fresh_namespace_and_passes(name):
    source = solution_source(name)
    assert source.startswith("import numpy as np\n")
    namespace = {"__name__": "student_cell"}
    exec(source, namespace)
    assert check(name, namespace[name]).status == "passed"


def test_bump_solution_does_not_need_step():
    assert "step(" not in solution_source("bump").replace("step(x, left)", "").replace(
        "step(x, right)", "")


# ------------------------------------------------------------------ caller bugs
def test_unknown_name_raises_value_error_listing_names():
    listing = "unknown exercise 'softmx'; choose one of: add, centred_difference, gd_step"
    with pytest.raises(ValueError, match=listing):
        check("softmx", lambda O: O)
    with pytest.raises(ValueError, match="sawtooth"):
        hint("nope")


def test_swapped_arguments_are_explained():
    with pytest.raises(ValueError, match=r'arguments are swapped: call check\("relu"\)'):
        check(reference("relu"), "relu")


def test_not_callable_is_an_error_not_an_exception():
    result = check("softmax", np.zeros(3))
    assert result.status == "error"
    assert "expected a function, got ndarray" in result.message
    assert 'check("softmax")' in result.message


def test_check_by_name_finds_the_students_function():
    def relu(x):
        return np.maximum(x, 0.0)

    assert check("relu").status == "passed"


def test_check_by_name_before_the_exercise_ran_is_not_attempted():
    result = check("tanh_grad")
    assert result.status == "not_attempted"
    assert "run the exercise cell above" in result.message


@pytest.mark.parametrize("fn", [mlplab.activations.sigmoid, mlplab.softmax, mlplab.count_params])
def test_mlplabs_own_function_is_refused_not_passed(fn):
    """A lesson that imported mlplab's version must never make the check say passed."""
    name = fn.__name__
    result = check(name, fn)
    assert result.status == "not_attempted", result
    assert "mlplab's own function" in result.message and f"def {name}(...)" in result.message


def test_wrong_arity_is_an_error_showing_the_signature():
    result = check("gd_step", lambda x, grad: x - grad)
    assert result.status == "error"
    assert "TypeError" in result.message
    assert "gd_step(x, grad, lr) -> x_new" in result.message


# --------------------------------------------------------------- generic checks
def test_wrong_shape_says_expected_and_got():
    result = check("linear_forward", lambda X, W, b: (X @ W + b).ravel())
    assert result.status == "failed"
    assert "wrong shape: expected your output of shape (2, 2), got shape (4,)" in result.message


def test_input_mutation_is_flagged_with_the_argument_name():
    def softmax(O):
        O -= O.max(axis=1, keepdims=True)
        E = np.exp(O)
        return E / E.sum(axis=1, keepdims=True)

    result = check("softmax", softmax)
    assert result.status == "failed"
    assert "changed its input `O` in place" in result.message


def test_a_list_with_the_right_values_is_accepted():
    ref = reference("softmax")
    assert check("softmax", lambda O: ref(O).tolist()).status == "passed"


def test_a_scalar_where_an_array_is_expected_is_not():
    result = check("relu", lambda x: float(np.maximum(x, 0).sum()))
    assert result.status == "failed"
    assert "is a single number" in result.message and "expected an array of shape" in result.message


def test_nan_output_is_called_out():
    result = check("tanh_grad", lambda x: np.full_like(x, np.nan))
    assert "contains nan or inf" in result.message


def test_a_constant_factor_is_pointed_out():
    result = check("linreg_gradient", lambda X, y, beta: 3.0 * X.T @ (X @ beta - y) / len(X))
    assert result.status == "failed"
    assert "every entry is 1.5 times the expected one" in result.message


def test_generic_failure_shows_a_small_case_with_expected_and_got():
    result = check("softmax", lambda O: O * 2)
    assert "wrong values in your output" in result.message
    assert "O = [[1., 2., 3.]]" in result.message
    assert "expected: [[0.09  , 0.2447, 0.6652]]" in result.message
    assert "got:      [[2., 4., 6.]]" in result.message


def test_student_warnings_never_leak_into_the_notebook():
    naive = CATALOGUE["sigmoid"].mistakes[0].wrong
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        check("sigmoid", naive)
        check("softmax", lambda O: np.exp(O) / np.exp(O).sum(axis=1, keepdims=True))
    assert caught == []


def test_huge_outputs_give_a_short_message():
    result = check("softmax", lambda O: np.ones((500, 500)))
    assert result.status == "failed"
    assert len(result.message) <= MAX_MESSAGE
    assert "got shape (500, 500)" in result.message


def test_where_sigmoid_still_warns_and_is_told_why():
    def sigmoid(x):
        return np.where(x >= 0, 1 / (1 + np.exp(-x)), np.exp(x) / (1 + np.exp(x)))

    result = check("sigmoid", sigmoid)
    assert result.status == "failed"
    assert "np.where computes both branches" in result.message


# --------------------------------------------------- other correct solutions pass
ALTERNATIVES = {
    "gd_step": lambda x, grad, lr: np.subtract(x, np.multiply(lr, grad)),
    "linreg_gradient": lambda X, y, beta: 2 * X.T @ (X @ beta - y) / X.shape[0],
    "minibatches": lambda n, batch_size, rng: np.array_split(
        rng.choice(n, size=n, replace=False), range(batch_size, n, batch_size)),
    "softmax": lambda O: np.exp(mlplab.log_softmax(O)),
    "one_hot": lambda y, k: np.eye(k)[y],
    "cross_entropy": lambda P, Y: float(-np.log(P[np.arange(len(P)), Y.argmax(axis=1)]).mean()),
    "sigmoid": lambda x: 0.5 * (1 + np.tanh(x / 2)),
    "relu": lambda x: x * (x > 0),
    "relu_grad": lambda x: np.heaviside(x, 0.0),
    "tanh_grad": lambda x: 1 / np.cosh(x) ** 2,
    "count_params": lambda sizes: mlplab.count_params(sizes),
    "dense_backward": lambda dO, X, W: [np.dot(dO, W.T), np.dot(X.T, dO), np.ones(len(dO)) @ dO],
    "sgd_step": lambda params, grads, lr: tuple(
        [W - lr * dW, b - lr * db] for (W, b), (dW, db) in zip(params, grads)),
    "accuracy": lambda P, y: float(np.count_nonzero(P.argmax(axis=1) == y)) / len(y),
}


@pytest.mark.parametrize("name", sorted(ALTERNATIVES))
def test_other_correct_implementations_pass(name):
    result = check(name, ALTERNATIVES[name])
    assert result.status == "passed", result


def test_minibatches_does_not_need_the_reference_permutation():
    def minibatches(n, batch_size, rng):  # a different but valid use of the rng
        order = np.argsort(rng.random(n))
        return [order[i:i + batch_size] for i in range(0, n, batch_size)]

    assert check("minibatches", minibatches).passed


def test_minibatches_rejects_float_indices():
    def minibatches(n, batch_size, rng):
        order = rng.permutation(n).astype(float)
        return [order[i:i + batch_size] for i in range(0, n, batch_size)]

    result = check("minibatches", minibatches)
    assert result.status == "failed" and "integer indices" in result.message


# ----------------------------------------------------------- references are right
def test_reference_values_by_hand():
    assert reference("count_params")([784, 15, 10]) == 11935
    assert np.allclose(reference("softmax")(np.array([[1.0, 2.0, 3.0]])), [[0.0900, 0.2447, 0.6652]],
                       atol=1e-4)
    assert reference("sigmoid")(np.array([-1e4, 0.0, 1e4])) == pytest.approx([0.0, 0.5, 1.0])
    assert reference("relu_grad")(np.array([-1.0, 0.0, 2.0])) == pytest.approx([0.0, 0.0, 1.0])
    assert reference("accuracy")(np.array([[0.9, 0.1], [0.2, 0.8]]), np.array([0, 0])) == 0.5
    saw = reference("sawtooth")
    x = np.linspace(0, 1, 2 ** 5 + 1)
    assert np.allclose(saw(x, 3)[::4], np.tile([0.0, 1.0], 5)[:9])  # 2^3 pieces: 0,1,0,1,...


def test_references_agree_with_the_core_package():
    rng = np.random.default_rng(0)
    X, W, b = rng.normal(size=(5, 3)), rng.normal(size=(3, 4)), rng.normal(size=4)
    y = rng.normal(size=5)
    assert np.allclose(reference("linreg_gradient")(X, y, W[:, 0]), mlplab.linreg_gradient(X, y, W[:, 0]))
    assert np.allclose(reference("linear_forward")(X, W, b), mlplab.linear_forward(X, W, b))
    O = rng.normal(size=(6, 4)) * 100
    assert np.allclose(reference("softmax")(O), mlplab.softmax(O))
    labels = rng.integers(0, 4, size=6)
    Y = reference("one_hot")(labels, 4)
    assert np.array_equal(Y, mlplab.one_hot(labels, 4))
    P = mlplab.softmax(rng.normal(size=(6, 4)))
    assert reference("cross_entropy")(P, Y) == pytest.approx(mlplab.cross_entropy(P, Y))
    dO = rng.normal(size=(5, 4))
    from mlplab.mlp import dense_backward

    for mine, core in zip(reference("dense_backward")(dO, X, W), dense_backward(dO, X, W)):
        assert np.allclose(mine, core)


@pytest.mark.parametrize("activation", ["tanh", "sigmoid", "relu"])
def test_mlp_gradients_reference_matches_the_mlp_class(activation):
    rng = np.random.default_rng(1)
    model = mlplab.MLP([3, 5, 4, 2], activation=activation, seed=2)
    X = rng.normal(size=(7, 3))
    Y = mlplab.one_hot(rng.integers(0, 2, size=7), 2)
    f, f_prime = mlplab.get_activation(activation)
    _, expected = model.loss_and_grads(X, Y)
    mine = reference("mlp_gradients")(X, Y, model.params, f, f_prime)
    for (dW, db), (eW, eb) in zip(mine, expected):
        assert np.allclose(dW, eW, rtol=1e-10, atol=1e-12)
        assert np.allclose(db, eb, rtol=1e-10, atol=1e-12)
    out = reference("mlp_forward")(X, model.params, f)
    assert np.allclose(mlplab.softmax(out), model.predict_proba(X))


def test_mlp_gradients_reference_matches_finite_differences():
    rng = np.random.default_rng(3)
    model = mlplab.MLP([2, 4, 3], activation="tanh", seed=4)
    X, Y = rng.normal(size=(5, 2)), mlplab.one_hot(rng.integers(0, 3, size=5), 3)
    f, f_prime = mlplab.get_activation("tanh")
    grads = reference("mlp_gradients")(X, Y, model.params, f, f_prime)
    for layer, (W, b) in enumerate(model.params):
        for array, grad in ((W, grads[layer][0]), (b, grads[layer][1])):
            numeric = mlplab.numerical_gradient(lambda _: model.loss(X, Y), array)
            assert mlplab.rel_error(numeric, grad) < 1e-7


# ------------------------------------------------------------ hints and solutions
def test_hint_gives_the_next_hint_then_points_to_the_solution():
    reset_hints()
    total = len(CATALOGUE["softmax"].hints)
    texts = [str(hint("softmax")) for _ in range(total + 2)]
    for i in range(total):
        assert texts[i] == f"hint {i + 1}/{total} for softmax: {CATALOGUE['softmax'].hints[i]}"
    assert "that's all the hints" in texts[total] and 'solution("softmax")' in texts[total]
    assert texts[total + 1] == texts[total]
    assert str(hint("relu")).startswith("hint 1/")  # each exercise counts on its own
    reset_hints("softmax")
    assert str(hint("softmax")).startswith("hint 1/")
    assert "<div" in hint("softmax")._repr_html_()
    reset_hints()


def test_solution_shows_the_reference_source():
    shown = solution("softmax")
    assert "def softmax(O):" in repr(shown) and str(shown) == solution_source("softmax")
    assert "softmax" in shown._repr_html_()


# -------------------------------------------------------------------- display
@pytest.mark.parametrize("status, colour", [
    ("passed", "#2e7d32"), ("failed", "#c62828"), ("not_attempted", "#757575"), ("error", "#ef6c00")])
def test_result_renders_as_coloured_html_and_as_text(status, colour):
    result = CheckResult("relu", status, "a <message>")
    assert str(result) == repr(result) == f"[{status}] relu: a <message>"
    page = result._repr_html_()
    assert colour in page and f"[{status}]" in page and "a &lt;message&gt;" in page

    class Printer:
        def __init__(self):
            self.out = ""

        def text(self, s):
            self.out += s

    p = Printer()
    result._repr_pretty_(p, False)
    assert p.out == str(result)


class _Weird:
    def __eq__(self, other):
        raise RuntimeError("no comparing me")

    __ne__ = __eq__

    def __array__(self, *args, **kwargs):
        raise RuntimeError("no array either")


@pytest.mark.parametrize("name", DESIGN_CATALOGUE)
@pytest.mark.parametrize("output", [_Weird(), "text", (x for x in range(3)), [[1, 2], "a"]],
                         ids=["weird-object", "string", "generator", "ragged-list"])
def test_strange_outputs_never_raise(name, output):
    result = check(name, lambda *args, **kwargs: output)
    assert result.status in ("failed", "error")
    assert str(result).startswith(f"[{result.status}] {name}: ")


def test_a_coincidence_on_one_case_does_not_name_a_mistake():
    # returning 3 happens to equal "biases for the input layer too" on [1, 1], but not elsewhere
    result = check("count_params", lambda sizes: 3)
    assert result.status == "failed"
    assert result.message.startswith("wrong number")
    assert "input layer" not in result.message


def test_mutating_another_argument_gets_the_generic_message():
    def gd_step(x, grad, lr):
        grad *= lr  # changes grad, not x
        return x - grad

    result = check("gd_step", gd_step)
    assert result.status == "failed"
    assert "changed its input `grad` in place" in result.message


def test_two_mistakes_at_once_name_the_one_that_explains_most_cases():
    # wrong axis *and* no max subtraction: the axis explains every case without large scores
    result = check("softmax", lambda O: np.exp(O) / np.exp(O).sum(axis=0))
    assert result.status == "failed"
    assert result.message.startswith("your *columns* sum to 1")
    assert "this explains 6 of the 9 failing cases" in result.message


@pytest.mark.parametrize("name, student, phrase", [
    ("softmax", lambda O: np.exp(O - np.max(O)) / np.sum(np.exp(O - np.max(O))), "sum over the whole array"),
    ("gd_step", lambda x, grad, lr: x + grad * lr, "gradient ascent"),
    ("linreg_gradient", lambda X, y, beta: -2 * (y - X @ beta) @ X, "n times too big"),
    ("cross_entropy", lambda P, Y: -(Y * np.log(P)).sum(), "summed the losses"),
    ("one_hot", lambda y, k: np.eye(k, dtype=int)[y], "holds integers"),
    ("relu_grad", lambda x: np.where(x < 0, 0.0, 1.0), "return 1 at x = 0"),
    ("sigmoid_grad", lambda x: 1 / (1 + np.exp(-x)) * (1 - x), "σ(x)(1 − x)"),
    ("mlp_forward", lambda X, params, h: functools.reduce(lambda H, p: h(H @ p[0] + p[1]), params, X),
     "activation to the last layer too"),
    ("count_params", lambda sizes: int(np.dot(sizes[:-1], sizes[1:])), "only the weights"),
    ("accuracy", lambda P, y: (P.argmax(1) == y).sum(), "*number* of correct rows"),
    ("step", lambda x, position, steepness: 1 / (1 + np.exp(steepness * (x - position))), "goes down"),
    ("sawtooth", lambda x, k: [x := 2 * np.maximum(x, 0) - 4 * np.maximum(x - 0.5, 0)
                               for _ in range(k - 1)][-1] if k > 1 else x, "k − 1"),
])
def test_students_own_wording_of_a_mistake_is_recognised(name, student, phrase):
    result = check(name, student)
    assert result.status == "failed", result
    assert phrase in result.message, result


# ------------------------------------------- wrong answers that once passed (issue 14)
def _empty_like_sigmoid(x):
    out = np.empty_like(x)
    out[...] = 1 / (1 + np.exp(-x))
    return out


def _sgd_as_lists(params, grads, lr):
    return [((W - lr * dW).tolist(), (b - lr * db).tolist()) for (W, b), (dW, db) in zip(params, grads)]


def _minibatches_as_lists(n, batch_size, rng):
    order = rng.permutation(n)
    return [list(order[i:i + batch_size]) for i in range(0, n, batch_size)]


def _naive_step(x, position, steepness):
    return 1 / (1 + np.exp(-steepness * (x - position)))


def _naive_sigmoid_grad(x):
    return np.exp(-x) / (1 + np.exp(-x)) ** 2


def _one_hot_columns(y, k):
    Y = np.zeros((len(y), k))
    Y[:, y] = 1
    return Y


def _one_hot_one_based(y, k):
    Y = np.zeros((len(y), k))
    Y[np.arange(len(y)), y - 1] = 1
    return Y


def _softmax_mixed_axes(O):
    E = np.exp(O - O.max(axis=1, keepdims=True))
    return E / E.sum(axis=0, keepdims=True)


def _sawtooth_closed_form(x, k):
    for _ in range(k):
        x = 1 - np.abs(2 * x - 1)
    return x


def _sawtooth_at_least_once(x, k):
    x = 2 * np.maximum(x, 0) - 4 * np.maximum(x - 0.5, 0)
    for _ in range(k - 1):
        x = 2 * np.maximum(x, 0) - 4 * np.maximum(x - 0.5, 0)
    return x


@pytest.mark.parametrize("name, student, phrase", [
    ("sigmoid_grad", _naive_sigmoid_grad, "nan for x ≤ −710"),
    ("sigmoid", _empty_like_sigmoid, "np.empty_like"),
    # the course's one dtype rule speaks for these two (mlplab.exercises._messages)
    ("relu_grad", lambda x: x > 0, "dtype bool; array answers in this course are floating-point"),
    ("relu_grad", lambda x: np.greater(x, 0), "dtype bool; array answers in this course are floating-point"),
    ("count_params", lambda sizes: sum((a + 1.0) * b for a, b in zip(sizes[:-1], sizes[1:])),
     "a count is a whole number"),
    ("sgd_step", _sgd_as_lists, "Python lists"),
    ("minibatches", _minibatches_as_lists, "Python lists"),
    ("step", _naive_step, "steepness 2000"),
    ("sawtooth", _sawtooth_closed_form, "only on [0, 1]"),
    ("sawtooth", _sawtooth_at_least_once, "k = 0"),
    ("softmax", _softmax_mixed_axes, "the sum is over the wrong axis"),
    ("count_params", lambda sizes: sum((b + 1) * a for a, b in zip(sizes[:-1], sizes[1:])), "per *input*"),
    ("one_hot", _one_hot_columns, "sets whole columns"),
    ("one_hot", _one_hot_one_based, "one column to the left"),
    ("relu_grad", lambda x: np.sign(x), "np.sign"),
    ("tanh_grad", lambda x: 1 - np.tanh(x ** 2), "tanh of x²"),
    ("linreg_gradient", lambda X, y, beta: -2 * X.T @ (y - X @ beta) / X.shape[1], "d = X.shape[1]"),
    ("linear_forward", lambda X, W, b: (X @ W + b).T, "transposed"),
])
def test_wrong_answers_that_once_passed_are_named(name, student, phrase):
    result = check(name, student)
    assert result.status == "failed", result
    assert phrase in result.message, result


def test_the_hard_inputs_are_among_the_cases():
    """The cases the honest-exercise mistakes rely on (issue 14) stay in the catalogue."""
    def inputs(name):
        return [c.args for c in CATALOGUE[name].cases(np.random.default_rng(0))]

    assert any(np.min(args[0]) <= -710 for args in inputs("sigmoid_grad"))
    assert any(np.asarray(args[0]).dtype.kind == "i" for args in inputs("sigmoid"))
    assert any(args[2] >= 2000 and np.min(args[2] * (args[0] - args[1])) < -710 for args in inputs("step"))
    assert any(args[1] == 0 for args in inputs("sawtooth"))
    assert any(np.min(args[0]) < 0 and np.max(args[0]) > 1 for args in inputs("sawtooth"))


# ------------------------------------------------------------ the four new exercises
def test_new_exercises_by_hand():
    assert reference("centred_difference")(lambda x: x ** 3, 1.0, 0.1) == pytest.approx(3.01)
    X = np.column_stack([np.ones(4), np.arange(4.0), np.arange(4.0)])  # a repeated column: rank 2
    y = np.array([1.0, 2.0, 2.0, 4.0])
    beta = reference("pinv_solve")(X, y)
    assert beta[1] == pytest.approx(beta[2])  # the smallest-norm solution splits the slope evenly
    assert np.allclose(X.T @ (X @ beta - y), 0, atol=1e-10)  # normal equations hold: least squares
    delta = reference("delta_back")(np.array([1.0, -2.0]), np.array([[1.0, 2.0], [3.0, 4.0]]),
                                    np.array([1.5, -0.5]), mlplab.activations.relu_grad)
    assert np.array_equal(delta, [-5.0, 0.0])  # Wᵀδ = (1 − 6, 2 − 8), h′ = (1, 0)
    a, target = np.array([0.0, 2.0, -800.0]), np.array([0.0, 1.0, 1.0])
    z = 1 / (1 + np.exp(-a[:2]))
    assert np.allclose(reference("output_delta")(a, target)[:2], (z - target[:2]) * z * (1 - z))
    assert reference("output_delta")(a, target)[2] == 0.0  # σ′ vanishes: the stall, not a nan


def test_delta_back_is_the_row_form_of_dense_backward_transposed():
    """The lecture's column form h′(a) ⊙ (Wᵀδ) equals mlplab's row form (δ Wᵀ) ⊙ h′(Z) with W = Wᵀ."""
    rng = np.random.default_rng(5)
    W_lecture, delta, a_prev = rng.normal(size=(3, 4)), rng.normal(size=3), rng.normal(size=4)
    from mlplab.mlp import dense_backward

    dX, _, _ = dense_backward(delta[None, :], a_prev[None, :], W_lecture.T)
    column = reference("delta_back")(delta, W_lecture, a_prev, mlplab.activations.tanh_grad)
    assert np.allclose(column, dX[0] * mlplab.activations.tanh_grad(a_prev))


def test_output_delta_matches_finite_differences():
    rng = np.random.default_rng(6)
    a, y = rng.normal(size=(3, 4)), np.eye(4)[rng.integers(0, 4, size=3)]

    def cost(values):
        z = 1 / (1 + np.exp(-values))
        return 0.5 * np.sum((y - z) ** 2)

    numeric = mlplab.numerical_gradient(lambda _: cost(a), a)
    assert mlplab.rel_error(numeric, reference("output_delta")(a, y)) < 1e-7
