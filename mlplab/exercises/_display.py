"""Everything the checker shows: verdicts, hints, solutions, and the text of values in messages.

- :class:`CheckResult` -- the verdict of ``check``: ``[status] name: message``
  as text, a coloured box in Jupyter.
- :class:`Note` -- a hint box; :class:`Solution` -- the reference source as code.
- :func:`fmt`, :func:`describe_case`, :func:`show_outputs` -- short, readable
  text for arguments and answers (a huge array never floods the notebook);
  :func:`clip` caps a whole message at :data:`MAX_MESSAGE` characters.

Nothing here calls the student's code: answers reach this module already
frozen into NumPy arrays (see ``_outputs``).
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import numpy as np

from . import _messages as M
from ._outcomes import STATUSES

MAX_MESSAGE = 2000  # characters; a huge output never floods the notebook
MAX_PRINTED = 300  # characters of the student's prints quoted in a message


# ------------------------------------------------------------------ verdicts
_COLOURS = {  # (background, border)
    "passed": ("#e6f4ea", "#2e7d32"),
    "failed": ("#fdecea", "#c62828"),
    "not_attempted": ("#f1f3f4", "#757575"),
    "error": ("#fff3e0", "#ef6c00"),
}
_ICONS = {"passed": "✔", "failed": "✘", "not_attempted": "…", "error": "!"}
_BOX = "padding:6px 10px;margin:4px 0;border-radius:3px;color:#202124"


@dataclass(repr=False)
class CheckResult:
    """The verdict of ``check(name, fn)``.

    status is one of "passed", "failed", "not_attempted", "error"; the text form
    always starts with ``[status] name: `` followed by the message.
    """

    name: str
    status: str
    message: str

    def __post_init__(self):
        if self.status not in STATUSES:
            raise ValueError(f"unknown status {self.status!r}; choose one of: {', '.join(STATUSES)}")

    @property
    def passed(self):
        return self.status == "passed"

    def __str__(self):
        return f"[{self.status}] {self.name}: {self.message}"

    __repr__ = __str__

    def _repr_pretty_(self, p, cycle):
        p.text(str(self))

    def _repr_html_(self):
        bg, border = _COLOURS[self.status]
        headline, _, details = self.message.partition("\n")
        pre = ('<pre style="white-space:pre-wrap;margin:4px 0 0 0;background:none;'
               f'font-size:90%">{html.escape(details)}</pre>') if details else ""
        return (
            f'<div style="background:{bg};border-left:6px solid {border};{_BOX}">'
            f'<b style="color:{border}">{_ICONS[self.status]} [{self.status}] '
            f"{html.escape(self.name)}</b>: {html.escape(headline)}{pre}</div>"
        )


class Note:
    """A small displayable text box: a hint, or (tone="held") what class mode shows instead."""

    TONES = {"hint": ("#e8f0fe", "#1a73e8"), "held": ("#fff8e1", "#f9a825")}  # background, edge

    def __init__(self, title, text, tone="hint"):
        self.title, self.text, self.tone = str(title), str(text), tone

    def __str__(self):
        return f"{self.title}: {self.text}"

    __repr__ = __str__

    def _repr_pretty_(self, p, cycle):
        p.text(str(self))

    def _repr_html_(self):
        background, edge = self.TONES[self.tone]
        return (f'<div style="background:{background};border-left:6px solid {edge};{_BOX}">'
                f"<b>{html.escape(self.title)}</b>: {html.escape(self.text)}</div>")


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


# ------------------------------------------------------------- values as text
def short_repr(value, how=repr, limit=80):
    """repr (or str) of a str, bytes or exception, cut to ``limit`` characters."""
    try:
        text = how(value)
    except Exception:  # noqa: BLE001 -- an exception whose __str__ fails
        text = ""
    return text if len(text) <= limit else text[: limit - 4] + " ..."


def fmt(value, limit=400):
    """Short, readable text for an argument or a (frozen) answer; never huge."""
    from ._outputs import Foreign, Items

    if isinstance(value, Foreign):
        text = str(value)
    elif isinstance(value, Items):
        inner = ", ".join(fmt(v, limit) for v in value.items)
        text = f"[{inner}]" if value.kind == "list" else f"({inner})"
    elif isinstance(value, np.ndarray):
        with np.printoptions(precision=4, threshold=24, edgeitems=2, linewidth=72, suppress=True):
            text = np.array2string(value, separator=", ")
        if value.ndim >= 1:
            dtype = "" if value.dtype == np.float64 else f", dtype {value.dtype}"
            text = f"{text}  (shape {value.shape}{dtype})"
        elif value.dtype.kind == "f" and value.dtype != np.float64:
            text = f"{float(value):.6g} ({value.dtype})"
    elif isinstance(value, np.random.Generator):
        text = str(M.GENERATOR)
    elif callable(value):
        text = getattr(value, "__name__", type(value).__name__)
    elif isinstance(value, (list, tuple)) and _entries(value) > 24:
        text = M.ARRAYS_WITH_SHAPES.format(kind=type(value).__name__, shapes=_shapes(value))
    elif isinstance(value, (list, tuple)):
        inner = ", ".join(fmt(v, limit) for v in value)
        text = f"[{inner}]" if isinstance(value, list) else f"({inner}{',' if len(value) == 1 else ''})"
    elif isinstance(value, (float, np.floating)):
        text = f"{float(value):.6g}"
    else:
        text = repr(value)
    if len(text) > limit:
        text = text[: limit - 4] + " ..."
    return text


def _entries(value):
    """How many numbers a (nested) list/tuple of arrays holds."""
    if isinstance(value, np.ndarray):
        return value.size
    if isinstance(value, (list, tuple)):
        return sum(_entries(v) for v in value)
    return 0


def _shapes(value):
    if isinstance(value, np.ndarray):
        return value.shape
    if isinstance(value, (list, tuple)):
        inner = [_shapes(v) for v in value]
        return inner if isinstance(value, list) else tuple(inner)
    return type(value).__name__


def _indent(text, pad):
    return text.replace("\n", "\n" + pad)


def describe_case(ex, c):
    """``case: softmax(O)`` followed by one line per argument."""
    names = ex.params
    call = f"{ex.name}({', '.join(names[: len(c.args)] + list(c.kwargs))})"
    call += f"  [{c.note}]" if c.note else ""
    lines = [M.CASE.format(call=call)]
    for n, v in list(zip(names, c.args)) + list(c.kwargs.items()):
        pad = " " * (6 + len(n) + 3)
        lines.append(f"      {n} = {_indent(fmt(v), pad)}")
    return "\n".join(lines)


def show_outputs(expected, got, difference=None):
    """Expected and got; for answers with parts, only the first part that differs."""
    lines = []
    if difference is not None and difference.part is not None:
        lines.append(M.FIRST_DIFFERENCE.format(part=difference.part))
        expected, got = difference.expected, difference.got
    pad = " " * 12
    lines.append(f"{M.EXPECTED}{_indent(fmt(expected), pad)}")
    lines.append(f"{M.GOT}{_indent(fmt(got), pad)}")
    return "\n".join(lines)


def show_printed(stream):
    """The student's prints, quoted and capped (empty if nothing was printed)."""
    if not stream.total:
        return ""
    text = stream.text[:MAX_PRINTED]
    head = M.PRINTED_ALL if stream.total <= MAX_PRINTED else M.PRINTED_SOME.format(
        total=stream.total, shown=len(text))
    quoted = "\n".join("    " + line for line in text.rstrip("\n").split("\n")[:8])
    return f"{head}\n{quoted}"


def clip(message, limit=MAX_MESSAGE):
    """The message cut to ``limit`` characters (at least 200), saying it was cut."""
    limit = max(limit, 200)
    if len(message) > limit:
        return message[: limit - 20] + "\n" + str(M.CUT_SHORT)
    return message
