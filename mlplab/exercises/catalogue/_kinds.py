"""Output kinds of the catalogue's own: answers whose arrays must really be NumPy arrays.

The machinery reads a returned list of numbers as an array, which is right for
most exercises (``softmax`` may return ``P.tolist()``). Two exercises ask for
arrays in so many words: ``sgd_step`` ("a new list of new arrays") and
``minibatches`` ("the list of integer arrays"). Their kinds read the answer the
same way, but an array that came back as a Python list (or tuple) is marked
:class:`Listed`, so the exercise can say so:

- :class:`ArrayLayers` -- ``Layers`` whose W and b must be arrays; a list there
  fails with the kind's ``message`` (a course rule, like the dtype rule: it is
  judged when ``dtype_rule`` is on, so typical mistakes are still recognised
  by their values);
- :class:`IndexBatches` -- ``Batches`` whose batches keep the mark; the
  exercise's validator decides.
"""

from __future__ import annotations

import numpy as np

from ...i18n import Text
from .._outputs import Batches, Layers, WrongType, read_array

FIRST_LISTED = Text("  (the first list: {part})", "  (첫 번째 리스트: {part})")


class Listed(np.ndarray):
    """A frozen answer that the student returned as a Python list or tuple, not as an array."""


def read_leaf(value):
    """read_array, but an array read from a list or tuple is marked Listed."""
    frozen = read_array(value)
    if isinstance(frozen, np.ndarray) and isinstance(value, (list, tuple)):
        return frozen.view(Listed)
    return frozen


class ArrayLayers(Layers):
    """``Layers`` whose arrays must be NumPy arrays; ``message`` says so (a note names the part)."""

    def __init__(self, first, second, message):
        super().__init__(first, second)
        self.message = message

    def __repr__(self):
        return f"ArrayLayers{self.names!r}"

    read_leaf = staticmethod(read_leaf)  # arrays that came back as lists keep the mark

    def diff(self, expected, got, equal_nan=False, dtype_rule=True):
        found = super().diff(expected, got, equal_nan, dtype_rule)
        if not dtype_rule or (found is not None and found.rank == WrongType.rank):
            return found  # not a list of pairs at all: that comes first
        listed = [name for name, part in self.parts(got) if isinstance(part, Listed)]
        if listed:
            return WrongType(self.message, expected, got, notes=[FIRST_LISTED.format(part=listed[0])])
        return found


class IndexBatches(Batches):
    """``Batches`` that keep the Listed mark on a batch returned as a list."""

    read_leaf = staticmethod(read_leaf)
