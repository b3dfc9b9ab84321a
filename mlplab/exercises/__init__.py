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


def check(name, fn):
    """Check your function ``fn`` for exercise ``name``.

    Returns a ``CheckResult`` with ``status`` in {"passed", "failed",
    "not_attempted", "error"} and a ``message``; it shows as a coloured box in
    Jupyter and as ``[status] name: message`` in text. Raises ValueError only
    for an unknown exercise name.
    """
    if callable(name) and isinstance(fn, str):
        raise ValueError(f'the arguments are swapped: call check("{fn}", {fn}) — the name first, '
                         "then your function")
    return run_check(_get(name), fn)


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
    _hints_given[name] = i + 1
    total = len(ex.hints)
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
    """Show the reference solution of exercise ``name``."""
    return Solution(name, solution_source(name))
