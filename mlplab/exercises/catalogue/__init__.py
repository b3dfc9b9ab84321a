"""The exercise catalogue: one module per group of lessons.

Each module lists its exercises as ``Exercise`` entries: the reference solution
(a short, self-contained NumPy function named as the exercise), the cases the
checker runs, the hints and the typical mistakes with their messages.
"""

from . import activations, approximation, classification, gd, mlp, training, warmup

CATALOGUE = {
    ex.name: ex
    for module in (warmup, gd, classification, activations, mlp, training, approximation)
    for ex in module.EXERCISES
}

__all__ = ["CATALOGUE"]
