"""Fill-in exercises: check your function, ask for hints, see the solution.

In a lesson::

    def softmax(O):
        # YOUR CODE HERE
        raise NotImplementedError

    check("softmax", softmax)     # [not_attempted] softmax: not attempted yet — ...
    hint("softmax")               # the next hint each time you call it
    solution("softmax")           # the reference solution

``check`` compares your function with the reference on fixed and seeded random
cases, recognises typical mistakes and says what is wrong. It never raises
because of your code. The catalogue lives in ``mlplab/exercises/catalogue/``:
one module per group of lessons, each exercise with its reference solution,
hints and typical mistakes side by side.
"""

from __future__ import annotations

import html
import inspect
import sys

from .. import classmode as _classmode
from .. import ledger as _ledger
from ..i18n import Text
from ._core import CheckResult, Exercise, Mistake, run_check
from .catalogue import CATALOGUE

__all__ = [
    "check", "hint", "solution", "solution_source", "names", "reference",
    "reset_hints", "CheckResult", "Exercise", "Mistake", "CATALOGUE",
]


def names():
    """The exercise names, in lesson order."""
    return list(CATALOGUE)


def _get(name):
    if not isinstance(name, str) or name not in CATALOGUE:
        raise ValueError(
            f"unknown exercise {name!r}; choose one of: {', '.join(CATALOGUE)}"
        )
    return CATALOGUE[name]


_MISSING = object()


def check(name, fn=_MISSING):
    """Check your function for exercise ``name``.

    In a lesson the check cell is ``check("softmax")``: the checker takes the
    function named ``softmax`` from your notebook. ``check("softmax", my_fn)``
    checks another function explicitly.

    Returns a ``CheckResult`` with ``status`` in {"passed", "failed",
    "not_attempted", "error"} and a ``message``; it shows as a coloured box in
    Jupyter and as ``[status] name: message`` in text. Raises ValueError only
    for an unknown exercise name.
    """
    if callable(name) and isinstance(fn, str):
        raise ValueError(f'the arguments are swapped: call check("{fn}") or check("{fn}", {fn}) — '
                         "the name first")
    ex = _get(name)
    if fn is _MISSING:
        frame = sys._getframe(1)
        fn = frame.f_locals.get(name, frame.f_globals.get(name, _MISSING))
        del frame
        if fn is _MISSING:
            return _ledger.record_check(
                CheckResult(ex.name, "not_attempted", str(_NOT_DEFINED).format(name=ex.name)))
    if _is_library_function(fn):
        return _ledger.record_check(CheckResult(ex.name, "not_attempted", str(_LIBRARY).format(
            name=ex.name, module=getattr(fn, "__module__", "mlplab"))))
    return _ledger.record_check(run_check(ex, fn), fn)


_NOT_DEFINED = Text(
    "no function `{name}` yet — run the exercise cell above (the one with `def {name}(...)`) first",
    "아직 `{name}` 함수가 없습니다 — 위의 연습문제 셀(`def {name}(...)`이 있는 셀)을 먼저 실행하세요",
)
_LIBRARY = Text(
    "`{name}` here is mlplab's own function (from `{module}`), not yours — write your version in "
    "the exercise cell above (the one with `def {name}(...)`), run it, then check again",
    "지금 `{name}`은(는) 여러분의 함수가 아니라 mlplab의 함수(`{module}`)입니다 — 위의 연습문제 셀"
    "(`def {name}(...)`이 있는 셀)에 직접 작성하고 실행한 다음 다시 확인하세요",
)


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


class Note:
    """A small displayable text box (used for hints)."""

    def __init__(self, title, text):
        self.title, self.text = title, text

    def __str__(self):
        return f"{self.title}: {self.text}"

    __repr__ = __str__

    def _repr_pretty_(self, p, cycle):
        p.text(str(self))

    def _repr_html_(self):
        return ('<div style="background:#e8f0fe;border-left:6px solid #1a73e8;'
                'padding:6px 10px;margin:4px 0;border-radius:3px;color:#202124">'
                f"<b>{html.escape(self.title)}</b>: {html.escape(self.text)}</div>")


def hint(name):
    """The next hint for exercise ``name`` (call again for the next one)."""
    ex = _get(name)
    i = _hints_given.get(name, 0)
    total = len(ex.hints)
    held = _classmode.hint_gate(ex.name, i, total)  # class mode: one hint per failed attempt
    _ledger.record_hint(ex.name, None if held else min(i + 1, total), withheld=bool(held))
    if held:
        return held
    _hints_given[name] = i + 1
    if i < total:
        return Note(f"hint {i + 1}/{total} for {name}", ex.hints[i])
    return Note(f"hint for {name}",
                f"that's all the hints ({total}/{total}) — "
                f'`solution("{name}")` shows the answer')


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


class Solution:
    """The reference source of an exercise; shows as (highlighted) code."""

    def __init__(self, name, source):
        self.name, self.source = name, source

    def __str__(self):
        return self.source

    __repr__ = __str__

    def _repr_pretty_(self, p, cycle):
        p.text(self.source)

    def _repr_html_(self):
        try:
            from pygments import highlight
            from pygments.formatters import HtmlFormatter
            from pygments.lexers import PythonLexer

            return highlight(self.source, PythonLexer(), HtmlFormatter(noclasses=True))
        except ImportError:  # plain code is fine
            return f"<pre>{html.escape(self.source)}</pre>"


def solution(name):
    """Show the reference solution of exercise ``name`` (withheld in class mode)."""
    held = _classmode.withheld_solution(_get(name).name)
    _ledger.record_solution(name, withheld=bool(held))
    return held or Solution(name, solution_source(name))
