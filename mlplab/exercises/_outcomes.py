"""The four outcomes of a check, as exceptions.

The checker decides by raising: a problem found anywhere (a wrong shape in the
third case, the student's function raising, a time limit) ends the check at
once with ``raise Failed(...)`` or ``raise Errored(...)``, and a check that
found nothing wrong ends with ``raise Passed(...)``. ``run_check`` turns the
outcome into a :class:`~mlplab.exercises._display.CheckResult`; a check that
ends without an outcome is a bug of the checker and is reported as one.

An outcome's message is a headline plus detail lines (the case, expected and
got, what the function printed), added where they are known.
"""

from __future__ import annotations


class Outcome(Exception):
    """The end of a check: ``status`` and a message made of a headline and details."""

    status = ""

    def __init__(self, headline, *details):
        super().__init__(str(headline))
        self.lines = [str(headline)] + [str(d) for d in details if d]

    def add(self, *details):
        """Append detail lines (empty ones are skipped); returns the outcome, to re-raise it."""
        self.lines += [str(d) for d in details if d]
        return self

    @property
    def message(self):
        return "\n".join(self.lines)


class Passed(Outcome):
    """Every case compared equal to the reference (or the exercise's own checks all held)."""

    status = "passed"


class Failed(Outcome):
    """The function ran but its answer is wrong: wrong values, shape, dtype, a changed input ..."""

    status = "failed"


class NotAttempted(Outcome):
    """The exercise cell still holds the untouched stub (or no function exists yet)."""

    status = "not_attempted"


class Errored(Outcome):
    """The function did not give an answer: it raised, hung, exited, asked for input ..."""

    status = "error"


STATUSES = tuple(kind.status for kind in (Passed, Failed, NotAttempted, Errored))
