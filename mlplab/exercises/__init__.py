"""Fill-in exercises: check your function, ask for hints, see the solution.

In a lesson::

    def softmax(O):
        # YOUR CODE HERE
        raise NotImplementedError

    check("softmax")              # [not_attempted] softmax: not attempted yet — ...
    hint("softmax")               # the next hint each time you call it
    solution("softmax")           # the reference solution

``check`` compares your function with the reference on fixed and seeded random
cases, recognises typical mistakes and says what is wrong. It never raises
because of your code: it runs under a time limit, its prints are captured, and
every exception (even ``sys.exit()``) becomes a verdict. The limits are
``CASE_SECONDS`` per call and ``CHECK_SECONDS`` per check; ``with
time_limits(case=..., check=...):`` changes them (a grader, a slow machine).

The catalogue lives in ``mlplab/exercises/catalogue/``: one module per group
of lessons, each exercise with its reference solution, hints and typical
mistakes side by side. The machinery: ``_core`` (exercises, mistakes, the
judge), ``_outputs`` (output kinds, comparisons, the dtype rule), ``_guard``
(time limits, escapes, the seal), ``_outcomes``, ``_display``, ``_messages``.
"""

from __future__ import annotations

import inspect
import sys
import types

from .. import classmode as _classmode
from .. import ledger as _ledger
from . import _messages as M
from ._core import (
    DtypeMistake,
    Exercise,
    Mistake,
    MutationMistake,
    PropertyMistake,
    WarningMistake,
    run_check,
)
from ._display import CheckResult, Note, Solution
from ._guard import CASE_SECONDS, CHECK_SECONDS, SEAL, refuse_reentry, sealed, time_limits
from .catalogue import CATALOGUE

__all__ = [
    "check", "hint", "solution", "solution_source", "names", "reference", "reset_hints",
    "CheckResult", "Note", "Solution", "Exercise", "Mistake", "WarningMistake", "MutationMistake",
    "DtypeMistake", "PropertyMistake", "CATALOGUE", "time_limits", "CASE_SECONDS", "CHECK_SECONDS",
]


def names():
    """The exercise names, in lesson order."""
    return list(CATALOGUE)


def _get(name):
    if not isinstance(name, str) or name not in CATALOGUE:
        raise ValueError(M.UNKNOWN.format(name=name, names=", ".join(CATALOGUE)))
    return CATALOGUE[name]


_MISSING = object()


@sealed
def check(name, fn=_MISSING):
    """Check your function for exercise ``name``.

    In a lesson the check cell is ``check("softmax")``: the checker takes the
    function named ``softmax`` from your notebook. ``check("softmax", my_fn)``
    checks another function explicitly.

    Returns a ``CheckResult`` with ``status`` in {"passed", "failed",
    "not_attempted", "error"} and a ``message``; it shows as a coloured box in
    Jupyter and as ``[status] name: message`` in text. Raises ValueError only
    for an unknown exercise name. Your function runs under a time limit, its
    prints are captured, and nothing it raises escapes the check.
    """
    refuse_reentry()  # check(...) indented into the student's function: stop, don't recurse
    if callable(name) and isinstance(fn, str):
        raise ValueError(M.SWAPPED.format(fn=fn))
    ex = _get(name)
    if fn is _MISSING:
        frame = _caller()
        fn = frame.f_locals.get(name, frame.f_globals.get(name, _MISSING))
        del frame
        if fn is _MISSING:
            return _recorded(CheckResult(ex.name, "not_attempted", M.NOT_DEFINED.format(name=ex.name)))
    if _is_library_function(fn):
        return _recorded(CheckResult(ex.name, "not_attempted", M.LIBRARY.format(
            name=ex.name, module=getattr(fn, "__module__", "mlplab"))))
    return _recorded(run_check(ex, fn), fn)


def _recorded(result, fn=None):
    """Note the verdict in the progress ledger; returns the verdict itself (never the ledger's
    return value, so nothing the ledger does -- or what replaced it -- can change a verdict)."""
    try:
        _ledger.record_check(result, fn)
    except Exception:  # noqa: BLE001 -- progress is a convenience; the verdict is what counts
        pass
    return result


def _caller():
    """The frame that called ``check`` (the nearest frame outside mlplab.exercises)."""
    frame = sys._getframe(1)
    while frame.f_back is not None and frame.f_globals.get("__name__", "").startswith(__name__):
        frame = frame.f_back
    return frame


def _is_library_function(fn):
    """True for mlplab's own functions (a lesson's import), not for the exercise references."""
    module = getattr(fn, "__module__", None) or ""
    return ((module == "mlplab" or module.startswith("mlplab."))
            and not module.startswith("mlplab.exercises.catalogue"))


def reference(name):
    """The reference solution of exercise ``name`` (a function)."""
    return _get(name).reference


# ------------------------------------------------------------------- hints
_hints_given = {}


def hint(name):
    """The next hint for exercise ``name`` (call again for the next one)."""
    ex = _get(name)
    i = _hints_given.get(name, 0)
    total = len(ex.hints)
    held = _classmode.hint_gate(ex.name, i, total)  # class mode: one hint per failed attempt
    _ledger.record_hint(ex.name, None if held else min(i + 1, total), withheld=bool(held))
    if held:
        return Note(held.title, held.text, tone="held")
    _hints_given[name] = i + 1
    if i < total:
        return Note(M.HINT_TITLE.format(i=i + 1, n=total, name=name), ex.hints[i])
    return Note(M.HINT_DONE_TITLE.format(name=name), M.HINT_DONE.format(total=total, name=name))


def reset_hints(name=None):
    """Start the hints of ``name`` (or of every exercise) from the first again."""
    if name is None:
        _hints_given.clear()
    else:
        _hints_given.pop(_get(name).name, None)


# ---------------------------------------------------------------- solutions
def solution_source(name):
    """Runnable source that defines the reference function ``name``.

    Starts with the imports it needs (``import numpy as np``); pasting it into
    the exercise cell makes ``check(name, name)`` pass.
    """
    ex = _get(name)
    body = inspect.getsource(ex.reference)
    return f"import numpy as np\n\n\n{body}"


def solution(name):
    """Show the reference solution of exercise ``name`` (withheld in class mode)."""
    held = _classmode.withheld_solution(_get(name).name)
    _ledger.record_solution(name, withheld=bool(held))
    return Note(held.title, held.text, tone="held") if held else Solution(name, solution_source(name))


# Every module of the checker is loaded now: remember its code, to put back whatever a
# notebook replaces later (see _guard.Seal).
SEAL.take([module for module_name, module in sorted(sys.modules.items())
           if isinstance(module, types.ModuleType)
           and (module_name == __name__ or module_name.startswith(__name__ + "."))])
