"""The explorers: interactive pictures of the lessons' maths, one module each.

Every module holds a pure ``compute`` (NumPy only), an ``Explorer`` subclass that
draws its result (the contract is in ``mlplab.widgets._base``) and ``show(**values)``.
``EXPLORERS`` lists them all with the lesson that shows them; it is built from the
course manifest ``mlplab.course.LESSONS``, so there is no second list to keep up to
date. A module is imported when it is first used.

>>> from mlplab.widgets import EXPLORERS, explorer
>>> EXPLORERS["gd_1d"].lesson.name
'01_gradient_descent'
>>> e = explorer("gd_1d", lr=0.3)        # the same as gd_1d.show(lr=0.3)
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from ..course import LESSONS, Lesson
from ..validation import check_choice

__all__ = ["EXPLORERS", "ExplorerEntry", "explorer"]


@dataclass(frozen=True)
class ExplorerEntry:
    """One explorer of the course: its name (the module in ``mlplab.widgets``) and lesson."""

    name: str
    lesson: Lesson

    @property
    def module(self):
        """The explorer's module (imported on first use)."""
        return importlib.import_module(f"{__name__}.{self.name}")

    @property
    def explorer_class(self):
        """The ``Explorer`` subclass defined in the module."""
        from ._base import Explorer

        module = self.module
        found = [obj for obj in vars(module).values()
                 if isinstance(obj, type) and issubclass(obj, Explorer)
                 and obj.__module__ == module.__name__]
        if len(found) != 1:
            raise LookupError(f"mlplab.widgets.{self.name} should define one Explorer "
                              f"subclass, found {[c.__name__ for c in found]}")
        return found[0]

    def show(self, **values):
        """A new explorer with these values (the module's ``show``)."""
        return self.module.show(**values)


#: explorer name -> ExplorerEntry, in the order the lessons show them
EXPLORERS = {name: ExplorerEntry(name, item) for item in LESSONS for name in item.explorers}


def explorer(name, **values):
    """The explorer called ``name`` with these values, e.g. ``explorer("gd_1d", lr=0.3)``."""
    return EXPLORERS[check_choice(name, "explorer", EXPLORERS)].show(**values)
