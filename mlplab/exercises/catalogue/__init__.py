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
3. Say what the function returns with ``output=``: one float array is the
   default (``Array()``); ``Scalar()`` a float, ``Count()`` an int,
   ``Parts("dX", "dW", "db")`` a tuple of named arrays, ``Layers("dW", "db")``
   a list of pairs per layer, ``Batches()`` for a custom ``validate``.
   Answers are float64 unless the exercise says otherwise (``Array(dtype=
   "number")``); float32 answers are judged with float32's tolerance.
4. List each typical mistake by its type: ``Mistake(wrong_function, message)``
   when the student's answers equal ``wrong_function``'s on the failing cases
   (the common kind); ``WarningMistake`` (right answers, NumPy warns),
   ``MutationMistake`` (changes the inputs the message names in `backticks`),
   ``DtypeMistake`` (right values, integer dtype), ``PropertyMistake`` (found by
   the exercise's ``validate``). ``tests/test_exercises.py`` checks each one.
5. Add the ``Exercise`` to the module's ``EXERCISES``.

Messages may be plain English strings or ``mlplab.i18n.Text(en, ko)``; the
checker's own messages (wrong shape, time limits ...) are in ``_messages.py``.
"""

from types import MappingProxyType

from . import activations, approximation, classification, gd, mlp, training, warmup

CATALOGUE = MappingProxyType({  # read-only: a notebook cannot swap an exercise
    ex.name: ex
    for module in (warmup, gd, classification, activations, mlp, training, approximation)
    for ex in module.EXERCISES
})

__all__ = ["CATALOGUE"]
