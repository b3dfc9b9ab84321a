"""The checker: exercises, typical mistakes, and the judge that compares a function with the reference.

An :class:`Exercise` bundles what a check needs: the reference solution, the
cases to run, the output kind (``_outputs``), the hints and the typical
mistakes. A typical mistake is a wrong implementation plus the message a
student sees when their function behaves like it; its *type* says how it is
recognised:

=====================  ======================================================
``Mistake``            the student's answers equal the wrong function's on
                       the failing cases (the common kind)
``WarningMistake``     right answers, but NumPy warns (overflow, invalid value)
``MutationMistake``    the function changes the inputs this message names
``DtypeMistake``       right values, wrong dtype (integers where floats belong)
``PropertyMistake``    named by the exercise's own ``validate`` function
=====================  ======================================================

``run_check(exercise, fn)`` runs a :class:`Trial`: the cases and their
expected answers are computed (and copied) before the student's code runs,
each call of the student's function goes through the ``_guard`` (time limits,
captured prints, every exception a verdict) and its answer is frozen
(``_outputs``); then the judge raises an outcome (``_outcomes``). It never
raises because of the student's code.
"""

from __future__ import annotations

import copy
import inspect
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from . import _messages as M
from ._display import MAX_MESSAGE, CheckResult, clip, describe_case, fmt, show_outputs, show_printed
from ._guard import SEAL, SHIPPED, Guard, is_stub, refuse_reentry, restorer, sealed
from ._outcomes import Errored, Failed, NotAttempted, Outcome, Passed
from ._outputs import (
    Array,
    Batches,
    Count,
    Difference,
    Foreign,
    Layers,
    Output,
    Parts,
    Scalar,
    WrongDtype,
    identical,
    tolerance,
)

__all__ = [
    "Case", "case", "Exercise", "Mistake", "WarningMistake", "MutationMistake", "DtypeMistake",
    "PropertyMistake", "Array", "Scalar", "Count", "Parts", "Layers", "Batches", "run_check",
    "CheckResult", "describe_case", "Failed", "Foreign",
]

SEED = 20240601  # the random cases of every check


# --------------------------------------------------------------------- records
@dataclass(frozen=True)
class Case:
    """One call of the student's function: ``fn(*args, **kwargs)``."""

    args: tuple
    kwargs: dict = field(default_factory=dict)
    note: str = ""  # what is special about it, e.g. "batch size 1"


def case(*args, note="", **kwargs):
    """Shorthand used by the catalogue: ``case(O, note="large scores")``."""
    return Case(tuple(args), dict(kwargs), note)


@dataclass(frozen=True)
class TypicalMistake:
    """A typical wrong implementation and the message that names it (see the table above)."""

    wrong: Callable
    message: object  # str, or mlplab.i18n.Text


class Mistake(TypicalMistake):
    """Named when the student's answers equal ``wrong``'s on the failing cases."""


class WarningMistake(TypicalMistake):
    """Named when the answers are right but NumPy warns (``wrong`` is the warning version)."""


class MutationMistake(TypicalMistake):
    """Named when the function changes its inputs in place and the message names each changed input."""


class DtypeMistake(TypicalMistake):
    """Named when the values are right but the dtype is not floating point."""


class PropertyMistake(TypicalMistake):
    """Named by the exercise's own ``validate`` function (``wrong`` shows the mistake for the tests)."""


@dataclass(frozen=True)
class Exercise:
    """One catalogue entry; see ``mlplab/exercises/catalogue/``.

    validate : optional custom judge ``validate(trial, exercise) -> passed message`` that calls
        ``trial.answer(case)`` and raises ``Failed`` for what it finds wrong (instead of comparing
        every case with the reference).
    """

    name: str
    signature: str
    reference: Callable
    cases: Callable  # rng -> list of Case
    hints: tuple
    mistakes: tuple = ()
    output: Output = field(default_factory=Array)
    validate: Callable | None = None
    lesson: str = ""

    def __post_init__(self):
        object.__setattr__(self, "hints", tuple(self.hints))
        object.__setattr__(self, "mistakes", tuple(self.mistakes))
        if not isinstance(self.output, Output):
            raise TypeError(f"output of {self.name!r} must be an output kind such as Array() or "
                            f"Parts('dX', 'dW', 'db'), got {self.output!r}")

    @property
    def params(self):
        """The argument names, read from the reference solution."""
        return list(inspect.signature(self.reference).parameters)

    def mistakes_of(self, kind):
        """The typical mistakes of exactly this type, in catalogue order."""
        return [m for m in self.mistakes if type(m) is kind]


# ------------------------------------------------------------------ a trial
@dataclass
class Seen:
    """One call of the student's function: its frozen answer, NumPy's warnings, the inputs it changed."""

    case: Case
    output: object
    warnings: list
    changed: list


class Trial:
    """One check of one function: private cases, expected answers, the guard, the count of compared cases.

    The cases and expected answers are made when the trial starts, before any of the student's code
    runs, from NumPy as shipped; the student only ever gets deep copies of the inputs.
    """

    def __init__(self, ex, fn, guard):
        self.ex, self.fn, self.guard = ex, fn, guard
        self.restore, self.shipped = restorer(), SHIPPED  # bound now, before any student code runs
        self.freeze = ex.output.freeze
        self.compared = 0  # cases whose answer equalled the expected one
        self.returned = 0  # calls that gave an answer
        self.cases = list(ex.cases(np.random.default_rng(SEED)))
        self.expected = [self.answer_of(ex.reference, c) for c in self.cases]

    def answer_of(self, function, c):
        """The frozen answer of one of the checker's own functions (reference, typical mistake)."""
        args, kwargs = copy.deepcopy(c.args), copy.deepcopy(c.kwargs)
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            return self.freeze(function(*args, **kwargs))

    def run(self, c):
        """Call the student's function on a copy of case ``c``; raises Errored if it gives no answer."""
        args, kwargs = copy.deepcopy(c.args), copy.deepcopy(c.kwargs)
        before = copy.deepcopy((args, kwargs))
        try:
            with self.shipped.students():
                output, noisy = self.guard.call(self.fn, args, kwargs, self.freeze)
        except Errored as error:
            called_as = M.CALLED_AS.format(signature=self.ex.signature)
            raise error.add(called_as, describe_case(self.ex, c)) from None
        finally:
            self.restore()
        changed = [n for n, a, b in zip(self.ex.params, args, before[0]) if not identical(a, b)]
        changed += [k for k in kwargs if not identical(kwargs[k], before[1][k])]
        self.returned += 1
        return Seen(c, output, noisy, changed)

    def answer(self, c):
        """For a validator: the student's frozen answer on case ``c``.

        Raises Failed for None, an answer the output kind cannot read, or a changed input.
        """
        seen = self.run(c)
        if isinstance(seen.output, Foreign) and seen.output.is_none:
            raise Failed(M.RETURNS_NONE, describe_case(self.ex, c))
        if seen.changed:
            raise Failed(_mutation_message(self.ex, seen.changed), describe_case(self.ex, c))
        difference = self.ex.output.unreadable(seen.output)
        if difference is not None:
            raise Failed(difference, describe_case(self.ex, c))
        return seen.output


@dataclass
class Failure:
    """A case whose answer differs from the expected one."""

    case: Case
    expected: object
    got: object
    difference: Difference

    def shown(self, ex):
        """The case, expected and got, then the difference's notes."""
        outputs = show_outputs(self.expected, self.got, self.difference)
        return "\n".join([describe_case(ex, self.case), outputs, *self.difference.notes])


# ------------------------------------------------------------------ the judge
def compare_with_reference(ex, trial):
    """The standard judge: every case against the reference. Raises the outcome."""
    failures, warned, float32 = [], None, False
    for c, expected in zip(trial.cases, trial.expected):
        try:
            seen = trial.run(c)
        except Errored:
            # e.g. transposed weights: wrong numbers on a square case, then a crash on the
            # next one. The named mistake helps more than the crash.
            _raise_named_mistake(ex, trial, failures)
            raise
        if isinstance(seen.output, Foreign) and seen.output.is_none:
            raise Failed(M.RETURNS_NONE, describe_case(ex, c))
        if seen.changed:
            raise Failed(_mutation_message(ex, seen.changed), describe_case(ex, c))
        difference = ex.output.diff(expected, seen.output)
        if difference is not None:
            failures.append(Failure(c, expected, seen.output, difference))
            continue
        trial.compared += 1
        float32 = float32 or ex.output.float32(seen.output)
        if seen.warnings and warned is None:
            warned = seen
    wrong_values = [f for f in failures if not isinstance(f.difference, WrongDtype)]
    if wrong_values:
        _raise_named_mistake(ex, trial, wrong_values)
        # a type or shape problem first (it explains the rest), then the smallest case
        worst = min(wrong_values, key=lambda f: (f.difference.rank, _size(f.case)))
        raise Failed(worst.difference, worst.shown(ex))
    for m in ex.mistakes_of(WarningMistake)[:1]:
        if warned is not None:
            raise Failed(m.message, M.NUMPY_WARNED.format(text=warned.warnings[0]),
                         describe_case(ex, warned.case))
    if failures:  # right values everywhere, a dtype the course does not use somewhere
        first = failures[0]
        for m in ex.mistakes_of(DtypeMistake)[:1]:
            raise Failed(m.message, describe_case(ex, first.case))
        raise Failed(first.difference, first.shown(ex))
    notes = list(dict.fromkeys(c.note for c in trial.cases if c.note))
    extra = M.INCLUDING.format(notes=", ".join(notes)) if notes else ""
    rtol, atol = tolerance(np.float32)
    raise Passed(M.CORRECT_ON_ALL.format(n=trial.compared, extra=extra),
                 M.FLOAT32_NOTE.format(rtol=rtol, atol=atol) if float32 else "")


def _mutation_message(ex, changed):
    for m in ex.mistakes_of(MutationMistake):
        if all(f"`{n}`" in str(m.message) for n in changed):
            return m.message
    return M.MUTATED.format(names=", ".join(f"`{n}`" for n in changed))


def _raise_named_mistake(ex, trial, failures):
    """Raise Failed naming the typical mistake the student's answers match, if one does.

    A mistake that reproduces the student's answer on every failing case is named. Failing
    that, one that reproduces at least two failing cases and at least half of them is named as
    a first problem (two mistakes at once). A coincidence on a single case is not enough.
    """
    if not failures:
        return
    best, best_hits = None, []
    for m in ex.mistakes_of(Mistake):
        hits = [f for f in failures if _matches(ex, trial, m, f)]
        if len(hits) == len(failures):
            raise Failed(m.message, failures[0].shown(ex))
        if len(hits) > len(best_hits):
            best, best_hits = m, hits
    if len(best_hits) >= 2 and 2 * len(best_hits) >= len(failures):
        raise Failed(best.message, M.EXPLAINS_SOME.format(hits=len(best_hits), total=len(failures)),
                     best_hits[0].shown(ex))


def _matches(ex, trial, m, failure):
    """Does the student's answer equal the wrong function's answer on this case?"""
    try:
        return ex.output.same(trial.answer_of(m.wrong, failure.case), failure.got)
    except Exception:  # noqa: BLE001 -- a typical mistake that crashes on this case does not match
        return False


def _size(c):
    total = 0
    for v in list(c.args) + list(c.kwargs.values()):
        if isinstance(v, (list, tuple)):
            total += sum(np.size(x) if not isinstance(x, (list, tuple)) else sum(map(np.size, x)) for x in v)
        elif isinstance(v, np.ndarray):
            total += v.size
        else:
            total += 1
    return total


# ------------------------------------------------------------------ running
@sealed
def run_check(ex, fn):
    """Check ``fn`` against exercise ``ex``; never raises for the student's code.

    Returns a CheckResult. A real interrupt (the stop button) still stops it with
    KeyboardInterrupt, as it stops any cell.
    """
    refuse_reentry()
    guard = None
    try:
        if not callable(fn):
            raise Errored(M.NOT_A_FUNCTION.format(got=f"{type(fn).__name__} {fmt(fn, 60)}", name=ex.name))
        if is_stub(fn):
            raise NotAttempted(M.NOT_ATTEMPTED.format(name=ex.name))
        with Guard() as guard, SHIPPED:
            _judge(ex, Trial(ex, fn, guard))
        raise Errored(M.COMPARED_NOTHING)  # every judge ends with an outcome
    except Outcome as outcome:
        return _result(ex, outcome, guard)
    except Exception as exc:  # noqa: BLE001 -- a checker bug must not look like the student's traceback
        return _result(ex, Errored(M.CHECKER_BUG.format(kind=type(exc).__name__, text=exc,
                                                        signature=ex.signature)), guard)


def _judge(ex, trial):
    """Raise the trial's outcome: the exercise's own validator, or the comparison with the reference.

    "passed" needs answers: every case compared (or, with a validator, at least one answer).
    """
    try:
        if ex.validate is None:
            compare_with_reference(ex, trial)
        else:
            raise Passed(ex.validate(trial, ex))
    except Passed:
        if trial.returned == 0 or (ex.validate is None and trial.compared != len(trial.cases)):
            raise Errored(M.COMPARED_NOTHING) from None
        raise


def _result(ex, outcome, guard):
    """The CheckResult: the outcome's message, then what the function printed and what was put back."""
    tail = [show_printed(guard.printed) if guard is not None else ""]
    restored = SEAL.drain()
    if restored:
        tail.append(M.RESTORED.format(names=", ".join(f"`{n}`" for n in dict.fromkeys(restored))))
    tail = "\n".join(t for t in tail if t)
    message = clip(outcome.message, MAX_MESSAGE - len(tail) - 1) + ("\n" + tail if tail else "")
    return CheckResult(ex.name, outcome.status, message)
