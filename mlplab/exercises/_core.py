"""The machinery behind ``check``: exercises, typical mistakes and results.

An :class:`Exercise` bundles what a checker needs in one place: the reference
solution, the cases to run, the hints and the typical mistakes (each a wrong
implementation plus the message a student sees when their output matches it).

``run_check(exercise, fn)`` runs the student's function on every case and
never raises because of the student's code; it returns a :class:`CheckResult`.
"""

from __future__ import annotations

import copy
import html
import inspect
import numbers
import os
import traceback
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

RTOL, ATOL = 1e-6, 1e-9
STATUSES = ("passed", "failed", "not_attempted", "error")
MAX_MESSAGE = 2000  # characters; a huge output never floods the notebook


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
class Mistake:
    """A typical wrong implementation and the message that names it.

    shows : how the mistake is recognised
        "value"    the student's output equals ``wrong``'s on every failing case
        "warning"  the output is right but NumPy warns (overflow, invalid value)
        "mutation" the function changes its inputs in place
        "dtype"    the values are right but the dtype is not floating point
        "property" a custom checker (``Exercise.validate``) emits ``message``
    """

    wrong: Callable
    message: str
    shows: str = "value"


@dataclass
class Exercise:
    """One catalogue entry; see ``mlplab/exercises/catalogue/``."""

    name: str
    signature: str
    reference: Callable
    cases: Callable  # rng -> list of Case
    hints: list
    mistakes: list = field(default_factory=list)
    output: str = "array"  # array | scalar | int | tuple | pairs
    parts: tuple = ()  # names of the parts for output "tuple" / "pairs"
    validate: Callable | None = None  # custom checker: (call, exercise) -> (status, message)
    lesson: str = ""

    @property
    def params(self):
        """The argument names, read from the reference solution."""
        return list(inspect.signature(self.reference).parameters)


# --------------------------------------------------------------------- results
_COLOURS = {  # (background, border)
    "passed": ("#e6f4ea", "#2e7d32"),
    "failed": ("#fdecea", "#c62828"),
    "not_attempted": ("#f1f3f4", "#757575"),
    "error": ("#fff3e0", "#ef6c00"),
}
_ICONS = {"passed": "✔", "failed": "✘", "not_attempted": "…", "error": "!"}


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
            f'<div style="background:{bg};border-left:6px solid {border};'
            'padding:6px 10px;margin:4px 0;border-radius:3px;color:#202124">'
            f'<b style="color:{border}">{_ICONS[self.status]} [{self.status}] '
            f"{html.escape(self.name)}</b>: {html.escape(headline)}{pre}</div>"
        )


# ------------------------------------------------------------------ formatting
def fmt(value, limit=400):
    """Short, readable text for an argument or an output (never huge)."""
    if isinstance(value, np.ndarray):
        with np.printoptions(precision=4, threshold=24, edgeitems=2, linewidth=72, suppress=True):
            text = np.array2string(value, separator=", ")
        if value.ndim >= 1:
            dtype = "" if value.dtype.kind == "f" else f", dtype {value.dtype}"
            text = f"{text}  (shape {value.shape}{dtype})"
    elif isinstance(value, np.random.Generator):
        text = "a seeded numpy.random.Generator"
    elif callable(value):
        text = getattr(value, "__name__", type(value).__name__)
    elif isinstance(value, (list, tuple)) and _array_entries(value) > 24:
        text = f"{type(value).__name__} of arrays with shapes {_shapes(value)}"
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


def _array_entries(value):
    """How many numbers a (nested) list/tuple of arrays holds."""
    if isinstance(value, np.ndarray):
        return value.size
    if isinstance(value, (list, tuple)):
        return sum(_array_entries(v) for v in value)
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
    """``softmax(O)`` followed by one line per argument."""
    names = ex.params
    lines = [f"  case: {ex.name}({', '.join(names[: len(c.args)] + list(c.kwargs))})"
             + (f"  [{c.note}]" if c.note else "")]
    pairs = list(zip(names, c.args)) + list(c.kwargs.items())
    for n, v in pairs:
        pad = " " * (6 + len(n) + 3)
        lines.append(f"      {n} = {_indent(fmt(v), pad)}")
    return "\n".join(lines)


def _parts(ex, value):
    """[(name, array)] of a tuple / pairs output, or None if it is not shaped like one."""
    if not isinstance(value, (list, tuple)):
        return None
    try:
        if ex.output == "tuple":
            return list(zip(ex.parts, value)) if len(value) == len(ex.parts) else None
        if ex.output == "pairs":
            a, b = ex.parts
            return [item for l, (x, y) in enumerate(value, start=1)
                    for item in ((f"{a}{l}", x), (f"{b}{l}", y))]
    except Exception:
        return None
    return None


def _show_outputs(ex, expected, got):
    """Expected and got; for tuples/lists of arrays only the first part that differs."""
    e_parts, g_parts = _parts(ex, expected), _parts(ex, got)
    if e_parts and g_parts and len(e_parts) == len(g_parts):
        for (name, e), (_, g) in zip(e_parts, g_parts):
            if _diff_array(e, g, equal_nan=False):
                g_array = _as_number_array(g)
                return (f"  first difference, in {name}:\n"
                        f"  expected: {_indent(fmt(np.asarray(e)), ' ' * 12)}\n"
                        f"  got:      {_indent(fmt(g if g_array is None else g_array), ' ' * 12)}")
    return (f"  expected: {_indent(fmt(expected), ' ' * 12)}\n"
            f"  got:      {_indent(fmt(got), ' ' * 12)}")


def _clip(message):
    if len(message) > MAX_MESSAGE:
        return message[: MAX_MESSAGE - 20] + "\n  ... (cut short)"
    return message


# ------------------------------------------------------------------ comparison
def _as_number_array(x):
    """np.asarray for lists/arrays of numbers; None if not numeric."""
    try:
        a = np.asarray(x)
    except Exception:
        return None
    if a.dtype.kind not in "biuf":
        return None
    return a


def _diff_array(expected, got, equal_nan, what="your output"):
    """None if ``got`` equals ``expected`` (an array), else a short reason."""
    e = np.asarray(expected)
    if isinstance(got, (str, bytes, dict, set)) or got is None:
        return f"{what} is a {type(got).__name__}; expected an array of shape {e.shape}"
    g = _as_number_array(got)
    if g is None:
        return f"{what} is not an array of numbers (got {type(got).__name__}); expected shape {e.shape}"
    if e.ndim >= 1 and g.ndim == 0:
        return (f"{what} is a single number ({fmt(g.item())}); expected an array of shape {e.shape} "
                "— one value per entry")
    if e.ndim == 0 and g.ndim >= 1:
        return f"{what} is an array of shape {g.shape}; expected a single number"
    if e.shape != g.shape:
        return f"wrong shape: expected {what} of shape {e.shape}, got shape {g.shape}"
    g = g.astype(np.float64)
    e = e.astype(np.float64)
    if np.allclose(g, e, rtol=RTOL, atol=ATOL, equal_nan=equal_nan):
        return None
    if np.all(np.isfinite(e)) and not np.all(np.isfinite(g)):
        return f"{what} contains nan or inf (overflow?) where the answer is finite"
    bad = ~np.isclose(g, e, rtol=RTOL, atol=ATOL)
    text = (f"wrong values in {what}: {int(bad.sum())} of {bad.size} entries differ, "
            f"the largest by {fmt(np.max(np.abs(g - e)))}")
    if e.size >= 2 and np.all(np.isfinite(g)):
        scale = float(e.ravel() @ e.ravel())
        c = float(e.ravel() @ g.ravel()) / scale if scale > 0 else 0.0
        if c != 0.0 and np.allclose(g, c * e, rtol=1e-6, atol=ATOL):
            text += f" — every entry is {fmt(c)} times the expected one (a missing or extra factor, or sign?)"
    return text


def _length(value):
    return f" of length {len(value)}" if isinstance(value, (tuple, list)) else ""


def diff(ex, expected, got, equal_nan=False):
    """Compare an output with the expected one following ``ex.output``."""
    kind = ex.output
    if kind in ("array", "scalar"):
        return _diff_array(expected, got, equal_nan)
    if kind == "int":
        if isinstance(got, (bool, np.bool_)) or not isinstance(got, (numbers.Number, np.number)):
            g = _as_number_array(got)
            if g is None or g.ndim != 0:
                return f"expected a whole number, got {type(got).__name__} {fmt(got, 80)}"
            got = g.item()
        if got != expected:
            return "wrong number"
        return None
    if kind == "tuple":
        if not isinstance(got, (tuple, list)) or len(got) != len(expected):
            return (f"expected a tuple of {len(expected)} arrays {tuple(ex.parts)}, got "
                    f"{type(got).__name__}{_length(got)}")
        for part, e, g in zip(ex.parts, expected, got):
            d = _diff_array(e, g, equal_nan, what=part)
            if d:
                return d
        return None
    if kind == "pairs":
        a, b = ex.parts
        if not isinstance(got, (tuple, list)) or len(got) != len(expected):
            return (f"expected a list of {len(expected)} pair{'s' if len(expected) > 1 else ''} "
                    f"({a}, {b}), one per layer, got {type(got).__name__}{_length(got)}")
        for l, (e, g) in enumerate(zip(expected, got), start=1):
            if not isinstance(g, (tuple, list)) or len(g) != 2:
                return f"layer {l}: expected a pair ({a}{l}, {b}{l}), got {type(g).__name__}"
            for name, ee, gg in ((f"{a}{l}", e[0], g[0]), (f"{b}{l}", e[1], g[1])):
                d = _diff_array(ee, gg, equal_nan, what=name)
                if d:
                    return d
        return None
    raise ValueError(f"unknown output kind {kind!r}")


def _same(a, b):
    """Structural equality used for the 'did it change its input?' test."""
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        try:
            return (isinstance(a, np.ndarray) and isinstance(b, np.ndarray) and a.shape == b.shape
                    and np.array_equal(a, b, equal_nan=a.dtype.kind in "fc"))
        except Exception:
            return False
    if isinstance(a, (list, tuple)):
        return type(a) is type(b) and len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    if isinstance(a, np.random.Generator) or callable(a):
        return True
    try:
        return bool(a == b)
    except Exception:
        return False


# ------------------------------------------------------------------- running
class Stop(Exception):
    """Raised inside the checker to return ``result`` at once."""

    def __init__(self, result):
        super().__init__(result.message)
        self.result = result


_HERE = os.path.dirname(os.path.abspath(__file__))
_NUMPY = os.path.dirname(np.__file__)


def _student_line(exc):
    """'line 3 in softmax: return ...' for the deepest frame in the student's code."""
    frames = traceback.extract_tb(exc.__traceback__)
    mine = [f for f in frames
            if not os.path.abspath(f.filename).startswith((_HERE, _NUMPY))]
    if not mine:
        return ""
    f = mine[-1]
    where = f"line {f.lineno} in {f.name}"
    return f"{where}: {f.line.strip()}" if f.line else where


def not_attempted(ex):
    return CheckResult(ex.name, "not_attempted",
                       "not attempted yet — replace `raise NotImplementedError` with your code; "
                       f'`hint("{ex.name}")` helps')


def call(ex, fn, c):
    """Run ``fn`` on a copy of case ``c`` under guards.

    Returns (output, warning messages, names of arguments it changed).
    Raises ``Stop`` with a not_attempted / error result if ``fn`` raises.
    """
    args, kwargs = copy.deepcopy(c.args), copy.deepcopy(c.kwargs)
    before = copy.deepcopy((args, kwargs))
    with warnings.catch_warnings(record=True) as caught, \
            np.errstate(over="warn", invalid="warn", divide="warn", under="ignore"):
        warnings.simplefilter("always")
        try:
            out = fn(*args, **kwargs)
        except NotImplementedError:
            raise Stop(not_attempted(ex)) from None
        except Exception as exc:  # the student's bug, reported, never raised
            where = _student_line(exc)
            try:
                text = str(exc).strip() or "(no message)"
            except Exception:
                text = "(no readable message)"
            msg = (f"your function raised {type(exc).__name__}: {text}\n"
                   + (f"  at {where}\n" if where else "")
                   + f"  (the checker calls it as {ex.signature})\n"
                   + describe_case(ex, c))
            raise Stop(CheckResult(ex.name, "error", _clip(msg))) from None
    names = ex.params
    changed = [n for n, a, b in zip(names, args, before[0]) if not _same(a, b)]
    changed += [k for k in kwargs if not _same(kwargs[k], before[1][k])]
    noisy = [str(w.message) for w in caught if issubclass(w.category, RuntimeWarning)]
    return out, noisy, changed


def _mistake(ex, shows):
    return next((m for m in ex.mistakes if m.shows == shows), None)


def _matches(ex, m, c, got):
    """Does the student's output equal the wrong variant's output on case c?"""
    try:
        args, kwargs = copy.deepcopy(c.args), copy.deepcopy(c.kwargs)
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            wrong = m.wrong(*args, **kwargs)
        return diff(ex, wrong, got, equal_nan=True) is None
    except Exception:
        return False


def _identify(ex, failures):
    """The message of the typical mistake the student's outputs match, or None.

    A mistake that reproduces the student's output on every failing case is
    named. Failing that, one that reproduces at least two failing cases and at
    least half of them is named as a first problem (two mistakes at once). A
    coincidence on a single case is not enough.
    """
    wrongs = [m for m in ex.mistakes if m.shows == "value"]
    if not failures or not wrongs:
        return None
    best, best_hits = None, []
    for m in wrongs:
        hits = [f for f in failures if _matches(ex, m, f[0], f[2])]
        if len(hits) == len(failures):
            c, expected, got, _ = failures[0]
            return f"{m.message}\n{describe_case(ex, c)}\n{_show_outputs(ex, expected, got)}"
        if len(hits) > len(best_hits):
            best, best_hits = m, hits
    if len(best_hits) >= 2 and 2 * len(best_hits) >= len(failures):
        c, expected, got, _ = best_hits[0]
        return (f"{best.message}\n  (this explains {len(best_hits)} of the {len(failures)} failing cases; "
                "fix it, then check again for a second problem)\n"
                f"{describe_case(ex, c)}\n{_show_outputs(ex, expected, got)}")
    return None


def _is_float_output(ex, got):
    try:
        if ex.output in ("array", "scalar"):
            arrays = [got]
        elif ex.output == "tuple":
            arrays = list(got)
        elif ex.output == "pairs":
            arrays = [a for pair in got for a in pair]
        else:
            return True
        return all(np.asarray(a).dtype.kind == "f" for a in arrays)
    except Exception:
        return True


def compare_with_reference(ex, fn):
    """The standard checker: every case against the reference."""
    cases = ex.cases(np.random.default_rng(20240601))
    failures, warned, badtype = [], None, None
    for c in cases:
        a, k = copy.deepcopy(c.args), copy.deepcopy(c.kwargs)
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            expected = ex.reference(*a, **k)
        try:
            got, noisy, changed = call(ex, fn, c)
        except Stop as stop:
            # e.g. transposed weights: wrong numbers on a square case, then a crash on
            # the next one. The named mistake helps more than the crash.
            named = _identify(ex, failures) if stop.result.status == "error" else None
            if named:
                return "failed", named
            raise
        if got is None:
            return ("failed", "your function returns None — did you forget `return`?\n"
                    + describe_case(ex, c))
        if changed:
            m = _mistake(ex, "mutation")
            named = m is not None and all(f"`{n}`" in m.message for n in changed)
            text = m.message if named else (
                f"your function changed its input {', '.join('`' + n + '`' for n in changed)} in place "
                "(e.g. `x -= ...` or `x[...] = ...`); leave the inputs alone and return a new array")
            return "failed", text + "\n" + describe_case(ex, c)
        d = diff(ex, expected, got)
        if d:
            failures.append((c, expected, got, d))
            continue
        if noisy and warned is None:
            warned = (c, noisy)
        if badtype is None and not _is_float_output(ex, got):
            badtype = c
    if failures:
        named = _identify(ex, failures)
        if named:
            return "failed", named
        # a shape or type problem first (it explains the rest), then the smallest case
        c, expected, got, d = min(failures, key=lambda f: (f[3].startswith("wrong values"), _size(f[0])))
        return "failed", f"{d}\n{describe_case(ex, c)}\n{_show_outputs(ex, expected, got)}"
    m = _mistake(ex, "warning")
    if warned and m:
        c, noisy = warned
        return "failed", f"{m.message}\n  NumPy warned: {noisy[0]}\n{describe_case(ex, c)}"
    m = _mistake(ex, "dtype")
    if badtype is not None and m:
        return "failed", f"{m.message}\n{describe_case(ex, badtype)}"
    notes = list(dict.fromkeys(c.note for c in cases if c.note))
    extra = f", including {', '.join(notes)}" if notes else ""
    return "passed", f"correct on all {len(cases)} cases{extra}"


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


def run_check(ex, fn):
    """Check ``fn`` against exercise ``ex``; never raises for the student's code."""
    if not callable(fn):
        return CheckResult(ex.name, "error",
                           f"expected a function, got {type(fn).__name__} {fmt(fn, 60)}; "
                           f'define it in the exercise cell, then run check("{ex.name}")')
    try:
        if ex.validate is not None:
            status, message = ex.validate(lambda c: call(ex, fn, c), ex)
        else:
            status, message = compare_with_reference(ex, fn)
    except Stop as stop:
        return stop.result
    except Exception as exc:  # a checker bug must not look like the student's traceback
        return CheckResult(ex.name, "error", _clip(
            f"the checker could not judge your function's output ({type(exc).__name__}: {exc}); "
            f"check that it returns what {ex.signature} describes. (If it does, this is a bug "
            "in mlplab's checker — please report it.)"))
    return CheckResult(ex.name, status, _clip(message))
