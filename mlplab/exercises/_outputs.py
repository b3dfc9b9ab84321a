"""What an exercise's function returns: output kinds that read, compare and show answers.

Every exercise declares its output kind (``output=Parts("dX", "dW", "db")``);
the default is one floating-point array. A kind knows

- how to **freeze** an answer: read whatever the student's function returned
  into private NumPy arrays (a copy), at most once and never past a cap. The
  checker freezes while the time limit still runs, since reading can run the
  student's code (``__array__``, a generator), and compares only the frozen
  copies, so nothing the student's code does later can change them;
- how to **diff** a frozen answer against the expected one: ``None``, or the
  :class:`Difference` to report, ranked by kind (a wrong type or shape
  explains wrong values, so it comes first);
- its **parts** (dX, dW, db; dW1, db1, dW2 ...) for "first difference, in dW2";
- its **dtype rule**.

The course's one dtype rule: *array answers are floating-point arrays,
float64 unless the exercise says otherwise.* A float32 answer is compared
with float32's tolerance (and the message says so); integers or booleans
where floats belong fail with :class:`WrongDtype` once the values are right;
complex, float16 and object arrays fail before the values are compared.

Comparisons use NumPy's ufuncs bound when mlplab is imported, kept in a
private object: replacing ``np.allclose`` or ``np.isclose`` in a notebook
changes nothing here.
"""

from __future__ import annotations

import collections.abc
import itertools

import numpy as np

from . import _messages as M
from ._display import fmt, short_repr

MAX_ENTRIES = 2_000_000  # an answer larger than this is not copied (only its shape is kept)
MAX_ITEMS = 10_000  # items read from a returned list, tuple or iterator


# ------------------------------------------------------------ frozen answers
class Foreign:
    """An answer that is not numbers (None, a str, a generator, an unreadable object).

    Only a description is kept: the type's name, a short text of strings and numbers, why
    reading failed, the shape of an array too large to copy, whether it was an iterator.
    """

    __slots__ = ("kind", "text", "error", "shape", "iterator", "endless")

    def __init__(self, kind, text="", error="", shape=None, iterator=False, endless=False):
        self.kind, self.text, self.error, self.shape = kind, text, error, shape
        self.iterator, self.endless = iterator, endless

    @property
    def is_none(self):
        return self.kind == "NoneType"

    def __str__(self):
        return self.text or self.kind


class Items:
    """A list or tuple the student returned, each item frozen."""

    __slots__ = ("kind", "items")

    def __init__(self, kind, items):
        self.kind, self.items = kind, tuple(items)

    def __len__(self):
        return len(self.items)

    def describe(self):
        return M.LENGTH.format(kind=self.kind, n=len(self.items))


def _kind(value):
    return type(value).__name__


def read_array(value):
    """The answer as a private ndarray copy, or a Foreign describing why it is not one."""
    if value is None:
        return Foreign("NoneType", "None")
    if isinstance(value, (str, bytes)):
        return Foreign(_kind(value), short_repr(value))
    if isinstance(value, (dict, set, frozenset)):
        return Foreign(_kind(value))
    if isinstance(value, collections.abc.Iterator):
        return Foreign(_kind(value), iterator=True)
    if isinstance(value, np.ndarray) and value.size > MAX_ENTRIES:
        return Foreign(_kind(value), shape=tuple(value.shape))
    try:
        array = _NUMERIC.copy(value)
    except Exception as exc:  # noqa: BLE001 -- a broken __array__ / ragged list is the student's
        return Foreign(_kind(value), error=f"{_kind(exc)}: {short_repr(exc, str)}")
    if array.size > MAX_ENTRIES:
        return Foreign(_kind(value), shape=tuple(array.shape))
    if array.dtype.kind == "O" and not isinstance(value, np.ndarray):  # np.array(NotImplemented), [1, "a"]
        return Foreign(_kind(value), error=str(M.NOT_ALL_NUMBERS) if isinstance(value, (list, tuple)) else "")
    return array


def read_items(value):
    """A tuple/list answer as Items (first MAX_ITEMS + 1 items read), else None."""
    if not isinstance(value, (tuple, list)):
        return None
    return Items(_kind(value), itertools.islice(value, MAX_ITEMS + 1))


# -------------------------------------------------------------- comparisons
class _Numeric:
    """Array arithmetic for the checker, with NumPy's functions bound when mlplab is imported."""

    def __init__(self):
        self.copy = np.array  # copies, and gives a base ndarray for any subclass
        self.as_float = np.asarray
        self.absolute, self.subtract, self.multiply = np.absolute, np.subtract, np.multiply
        self.less_equal, self.equal = np.less_equal, np.equal
        self.isnan, self.isfinite = np.isnan, np.isfinite
        self.logical_or, self.logical_and, self.logical_not = np.logical_or, np.logical_and, np.logical_not
        self.all, self.count, self.largest = np.logical_and.reduce, np.add.reduce, np.maximum.reduce
        self.unravel = np.unravel_index
        self.errstate = np.errstate
        self.float64, self.float32 = np.float64, np.float32
        # the student's dtype -> (rtol, atol as a fraction of the answer's scale max(1, max|expected|))
        self.tolerances = {np.dtype(np.float32): (1e-4, 1e-5)}
        self.default_tolerance = (1e-6, 1e-9)

    def tolerance(self, dtype):
        return self.tolerances.get(dtype, self.default_tolerance)

    def floats(self, a):
        return self.as_float(a, dtype=self.float64)

    def scale(self, e):
        finite = e[self.isfinite(e)]
        return max(1.0, float(self.largest(self.absolute(finite)))) if finite.size else 1.0

    def close(self, got, expected, dtype, equal_nan=False):
        """Entrywise |got − expected| ≤ atol·scale + rtol·|expected| where both are finite; elsewhere
        only the same infinity (or, if equal_nan, nan against nan) counts as close."""
        rtol, atol = self.tolerance(dtype)
        g, e = self.floats(got), self.floats(expected)
        with self.errstate(invalid="ignore", over="ignore"):
            bound = atol * self.scale(e) + rtol * self.absolute(e)
            finite = self.logical_and(self.isfinite(g), self.isfinite(e))
            within = self.logical_and(finite, self.less_equal(self.absolute(self.subtract(g, e)), bound))
            ok = self.logical_or(within, self.equal(g, e))
            if equal_nan:
                ok = self.logical_or(ok, self.logical_and(self.isnan(g), self.isnan(e)))
        return ok

    def all_close(self, got, expected, dtype, equal_nan=False):
        return bool(self.all(self.close(got, expected, dtype, equal_nan), axis=None))

    def identical(self, a, b):
        """Same shape and entries (nan equals nan): the 'did it change its input?' test."""
        if a.shape != b.shape or a.dtype != b.dtype:
            return False
        with self.errstate(invalid="ignore"):
            same = self.equal(a, b)
            if a.dtype.kind in "fc":
                same = self.logical_or(same, self.logical_and(self.isnan(a), self.isnan(b)))
        return bool(self.all(same, axis=None))


_NUMERIC = _Numeric()


def tolerance(dtype):
    """(rtol, atol) the checker uses for an answer of this dtype (atol is relative to the answer's scale)."""
    return _NUMERIC.tolerance(np.dtype(dtype))


def identical(a, b):
    """Structural equality of an input before (``a``) and after (``b``) the student's call.

    ``a`` is the checker's own copy; ``b`` may hold whatever the student's code put into a list,
    so types are compared exactly before anything of ``b`` is used.
    """
    if type(a) is np.ndarray or type(b) is np.ndarray:
        return type(a) is np.ndarray and type(b) is np.ndarray and _NUMERIC.identical(a, b)
    if isinstance(a, (list, tuple)):
        return type(a) is type(b) and len(a) == len(b) and all(identical(x, y) for x, y in zip(a, b))
    if isinstance(a, np.random.Generator) or callable(a):
        return True
    if type(a) is not type(b):
        return False
    try:
        return bool(a == b)
    except Exception:  # noqa: BLE001
        return False


# -------------------------------------------------------------- differences
class Difference:
    """What is wrong with an answer (or with one part of it). Lower ``rank`` is reported first."""

    rank = 0

    def __init__(self, headline, expected=None, got=None, notes=()):
        self.headline = str(headline)
        self.expected, self.got = expected, got
        self.notes = [str(n) for n in notes]
        self.part = None  # set by kinds with parts: "dW2"

    def __str__(self):
        return self.headline


class WrongType(Difference):
    """Not an answer of the right kind at all: None, a str, a generator, a tuple of the wrong length."""

    rank = 0


class WrongShape(Difference):
    """An array of the wrong shape (or a number where an array belongs, and back)."""

    rank = 1


class UnusableDtype(Difference):
    """Numbers the course never uses for answers: complex, float16, object arrays."""

    rank = 2


class NotFinite(Difference):
    """nan or inf where the answer is finite."""

    rank = 3


class WrongValues(Difference):
    """Right shape, wrong numbers."""

    rank = 4


class WrongDtype(Difference):
    """Right values, but the dtype breaks the course's dtype rule (integers where floats belong)."""

    rank = 5


# --------------------------------------------------------------- the kinds
class Output:
    """An output kind; see the module docstring. Subclasses implement freeze and diff."""

    def freeze(self, value):
        raise NotImplementedError

    def diff(self, expected, got, equal_nan=False, dtype_rule=True):
        raise NotImplementedError

    def unreadable(self, got):
        """A WrongType if the answer could not be read at all, else None (used before a validator)."""
        if isinstance(got, Foreign):
            return WrongType(M.NOT_READABLE.format(what=M.YOUR_OUTPUT, kind=got.kind))
        return None

    def same(self, expected, got):
        """Do two answers agree in value (used to recognise typical mistakes; dtype not judged)?"""
        return self.diff(expected, got, equal_nan=True, dtype_rule=False) is None

    def float32(self, got):
        """Was this answer (or any part of it) judged as float32?"""
        return any(isinstance(a, np.ndarray) and a.dtype == np.float32 for _, a in self.parts(got))

    def parts(self, value):
        """[(name, frozen array)] of an answer; one unnamed part for single-array kinds."""
        return [(None, value)]

    def __repr__(self):
        return f"{type(self).__name__}()"


class Array(Output):
    """One array (the default). ``dtype="float"`` applies the course's dtype rule, ``"number"`` takes any."""

    def __init__(self, dtype="float"):
        if dtype not in ("float", "number"):
            raise ValueError(f'unknown dtype rule {dtype!r}; choose one of: "float", "number"')
        self.dtype = dtype

    def __repr__(self):
        return f"Array(dtype={self.dtype!r})"

    def freeze(self, value):
        return read_array(value)

    def diff(self, expected, got, equal_nan=False, dtype_rule=True, what=None):
        what = what or str(M.YOUR_OUTPUT)
        e = expected
        found = _shape_problem(e, got, what)
        if found is None:
            found = _values_problem(e, got, what, equal_nan)
        if found is None and dtype_rule and self.dtype == "float" and got.dtype.kind in "biu":
            found = WrongDtype(M.NOT_FLOAT.format(what=what, dtype=got.dtype, rule=M.DTYPE_RULE))
        if found is not None and found.expected is None:
            found.expected, found.got = e, got
        return found


class Scalar(Array):
    """One floating-point number (a 0-d array, a NumPy scalar or a Python float)."""


class Count(Output):
    """A whole number (an int)."""

    def freeze(self, value):
        return read_array(value)

    def diff(self, expected, got, equal_nan=False, dtype_rule=True):
        e = int(expected)
        if isinstance(got, Foreign):
            return WrongType(M.WHOLE_NUMBER_EXPECTED.format(kind=got.kind, value=fmt(got, 80)), e, got)
        if got.ndim != 0 or got.dtype.kind not in "iuf":
            kind = M.ARRAY_OF_SHAPE.format(shape=got.shape) if got.ndim else (
                "bool" if got.dtype.kind == "b" else got.dtype)
            return WrongType(M.WHOLE_NUMBER_EXPECTED.format(kind=kind, value=fmt(got, 80)), e, got)
        value = got.item()
        if value != e:
            return WrongValues(M.WRONG_NUMBER.format(expected=e, got=fmt(value)), e, got)
        if dtype_rule and got.dtype.kind == "f":
            return WrongDtype(M.NOT_WHOLE.format(kind=got.dtype, value=fmt(value)), e, got)
        return None


class Parts(Output):
    """A tuple of named arrays, e.g. ``Parts("dX", "dW", "db")``."""

    def __init__(self, *names):
        self.names = names

    def __repr__(self):
        return f"Parts{self.names!r}"

    def freeze(self, value):
        items = read_items(value)
        if items is None:
            return Foreign(_kind(value), iterator=isinstance(value, collections.abc.Iterator))
        return Items(items.kind, (read_array(v) for v in items.items))

    def parts(self, value):
        return list(zip(self.names, value.items)) if isinstance(value, Items) else []

    def diff(self, expected, got, equal_nan=False, dtype_rule=True):
        if not isinstance(got, Items) or len(got) != len(self.names):
            shown = got.describe() if isinstance(got, Items) else got.kind
            return WrongType(M.TUPLE_EXPECTED.format(n=len(self.names), parts=f"({', '.join(self.names)})",
                                                     got=shown))
        return _first_part(zip(self.names, expected.items, got.items), equal_nan, dtype_rule)


class Layers(Output):
    """A list of pairs, one per layer, e.g. ``Layers("dW", "db")`` for [(dW1, db1), (dW2, db2)]."""

    read_leaf = staticmethod(read_array)  # how each array is read (a subclass may mark lists)

    def __init__(self, first, second):
        self.names = (first, second)

    def __repr__(self):
        return f"Layers{self.names!r}"

    def freeze(self, value):
        layers = read_items(value)
        if layers is None:
            return Foreign(_kind(value), iterator=isinstance(value, collections.abc.Iterator))
        pairs = []
        for layer in layers.items:
            pair = read_items(layer)
            pairs.append(Foreign(_kind(layer)) if pair is None
                         else Items(pair.kind, (self.read_leaf(v) for v in pair.items)))
        return Items(layers.kind, pairs)

    def parts(self, value):
        a, b = self.names
        if not isinstance(value, Items):
            return []
        return [(f"{name}{layer}", array)
                for layer, pair in enumerate(value.items, start=1) if isinstance(pair, Items)
                for name, array in zip((a, b), pair.items)]

    def diff(self, expected, got, equal_nan=False, dtype_rule=True):
        a, b = self.names
        if not isinstance(got, Items) or len(got) != len(expected):
            shown = got.describe() if isinstance(got, Items) else got.kind
            return WrongType(M.PAIRS_EXPECTED.format(n=len(expected), a=a, b=b, got=shown))
        for layer, pair in enumerate(got.items, start=1):
            if not isinstance(pair, Items) or len(pair) != 2:
                shown = pair.describe() if isinstance(pair, Items) else pair.kind
                return WrongType(M.PAIR_EXPECTED.format(layer=layer, a=a, b=b, got=shown))
        e_parts, g_parts = self.parts(expected), self.parts(got)
        return _first_part(((n, e, g) for (n, e), (_, g) in zip(e_parts, g_parts)), equal_nan, dtype_rule)


class Batches(Output):
    """A list (or any iterable) of index arrays, read up to MAX_ITEMS; the exercise's validator judges it."""

    read_leaf = staticmethod(read_array)  # how each batch is read (a subclass may mark lists)

    def freeze(self, value):
        if (value is None or isinstance(value, (str, bytes, dict))
                or not isinstance(value, collections.abc.Iterable)):
            return Foreign(_kind(value), short_repr(value) if isinstance(value, (str, bytes)) else "")
        items = list(itertools.islice(iter(value), MAX_ITEMS + 1))
        if len(items) > MAX_ITEMS:
            return Foreign(_kind(value), endless=True)
        return Items(_kind(value), (self.read_leaf(v) for v in items))

    def diff(self, expected, got, equal_nan=False, dtype_rule=True):
        """Only whether it could be read as batches; the exercise's own validator judges the rest."""
        return self.unreadable(got)

    def unreadable(self, got):
        if isinstance(got, Foreign):
            if got.endless:
                return WrongType(M.ENDLESS.format(what=M.YOUR_OUTPUT, kind=got.kind, cap=MAX_ITEMS))
            return WrongType(M.BATCH_ITEMS.format(what=M.YOUR_OUTPUT, kind=got.kind))
        return None

    def parts(self, value):
        return []


# ---------------------------------------------------------------- helpers
def _shape_problem(e, got, what):
    """A WrongType / WrongShape / UnusableDtype for a frozen array answer, or None."""
    shape = e.shape
    if isinstance(got, Foreign):
        if got.shape is not None:
            return WrongShape(M.WRONG_SHAPE.format(what=what, expected=shape, got=got.shape))
        if got.iterator:
            return WrongType(M.ITERATOR.format(what=what, kind=got.kind, shape=shape))
        if got.error:
            return WrongType(M.UNREADABLE.format(what=what, kind=got.kind, error=got.error, shape=shape))
        if got.endless:
            return WrongType(M.ENDLESS.format(what=what, kind=got.kind, cap=MAX_ITEMS))
        return WrongType(M.NOT_AN_ARRAY.format(what=what, kind=got.kind, shape=shape))
    if got.dtype.kind not in "biufc":
        return UnusableDtype(M.NOT_NUMBERS.format(what=what, dtype=got.dtype))
    if e.ndim >= 1 and got.ndim == 0:
        return WrongShape(M.SINGLE_NUMBER.format(what=what, value=fmt(got.item()), shape=shape))
    if e.ndim == 0 and got.ndim >= 1:
        return WrongShape(M.NUMBER_EXPECTED.format(what=what, got=got.shape))
    if e.shape != got.shape:
        return WrongShape(M.WRONG_SHAPE.format(what=what, expected=shape, got=got.shape))
    if got.dtype.kind == "c":
        return UnusableDtype(M.COMPLEX.format(what=what, dtype=got.dtype))
    if got.dtype == np.float16:
        return UnusableDtype(M.FLOAT16.format(what=what))
    return None


def _values_problem(e, got, what, equal_nan):
    """NotFinite / WrongValues for two arrays of the same shape, or None."""
    num = _NUMERIC
    ok = num.close(got, e, got.dtype, equal_nan)
    if num.all(ok, axis=None):
        return None
    g, ef = num.floats(got), num.floats(e)
    notes = [M.FLOAT32_NOTE.format(rtol=num.tolerance(got.dtype)[0], atol=num.tolerance(got.dtype)[1])
             ] if got.dtype == num.float32 else []
    if num.all(num.isfinite(ef), axis=None) and not num.all(num.isfinite(g), axis=None):
        return NotFinite(M.NOT_FINITE.format(what=what), notes=notes)
    bad = num.logical_not(ok)
    gap = num.absolute(num.subtract(g, ef))
    largest = float(num.largest(gap, axis=None))
    text = M.WRONG_VALUES.format(what=what, bad=int(num.count(bad, axis=None)), size=bad.size,
                                 largest=fmt(largest))
    if ef.size >= 2:
        scale = float(num.count(num.multiply(ef, ef), axis=None))
        c = float(num.count(num.multiply(ef, g), axis=None)) / scale if scale > 0 else 0.0
        if c != 0.0 and num.all_close(g, c * ef, got.dtype):
            text += M.FACTOR.format(factor=fmt(c))
    # the digits that differ, even where the 4-digit arrays below look the same
    index = tuple(int(i) for i in num.unravel(int(gap.argmax()), gap.shape)) if gap.ndim else ()
    digits = {"expected": f"{ef[index]:.10g}", "got": f"{g[index]:.10g}"}
    if ef.size >= 2:
        notes.insert(0, M.WORST_ENTRY.format(index=index[0] if len(index) == 1 else list(index), **digits))
    else:
        notes.insert(0, M.MORE_DIGITS.format(**digits))
    return WrongValues(text, notes=notes)


def _first_part(named_parts, equal_nan, dtype_rule):
    """The lowest-ranked difference over (name, expected, got) parts (the first part on a tie)."""
    found = None
    for name, e, g in named_parts:
        d = _ARRAY.diff(e, g, equal_nan, dtype_rule, what=name)
        if d is not None and (found is None or d.rank < found.rank):
            d.part = name
            found = d
    return found


_ARRAY = Array()
