"""The exercise catalogue: one module per group of lessons.

Each module lists its exercises as ``Exercise`` entries: the reference solution
(a short, self-contained NumPy function named as the exercise), the cases the
checker runs, the hints and the typical mistakes with their messages.

Adding an exercise
------------------
1. Write the reference as a module-level function named exactly as the
   exercise, using only ``np`` (``solution_source`` prints it as the answer).
2. Write ``cases(rng)`` returning ``case(...)`` calls: small hand-worked ones
   first (they are what a student sees), then seeded random ones of several
   shapes, batch size 1 and the numerically hard inputs.
3. List each typical mistake as ``Mistake(wrong_function, message)``; the
   checker names it when the student's output equals ``wrong_function``'s on
   every failing case. ``tests/test_exercises.py`` checks each one.
4. Add the ``Exercise`` to the module's ``EXERCISES``.
"""

from types import MappingProxyType

from . import activations, approximation, classification, gd, mlp, training, warmup

CATALOGUE = MappingProxyType({  # read-only: a notebook cannot swap an exercise
    ex.name: ex
    for module in (warmup, gd, classification, activations, mlp, training, approximation)
    for ex in module.EXERCISES
})

__all__ = ["CATALOGUE"]
