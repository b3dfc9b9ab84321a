"""Lesson 00: the warm-up exercise that shows how checking works."""

import numpy as np

from .._core import Array, Exercise, Mistake, case


def add(a, b):
    """Return a + b (numbers or arrays of the same shape)."""
    return a + b


def _cases(rng):
    return [
        case(2, 3),
        case(1.5, -0.25),
        case(np.array([1.0, 2.0]), np.array([10.0, 20.0]), note="arrays"),
        case(rng.normal(size=(2, 3)), rng.normal(size=(2, 3))),
    ]


EXERCISES = [
    Exercise(
        name="add",
        signature="add(a, b) -> a + b",
        reference=add,
        cases=_cases,
        output=Array(dtype="number"),  # add(2, 3) is the int 5
        hints=[
            "Python's + works for numbers and for NumPy arrays alike.",
            "The whole body is one line: `return a + b`.",
        ],
        mistakes=[
            Mistake(lambda a, b: a - b, "you subtract b from a — the exercise asks for the sum a + b"),
            Mistake(lambda a, b: a * b, "you multiply a and b — the exercise asks for the sum a + b"),
        ],
        lesson="00_start_here",
    ),
]
