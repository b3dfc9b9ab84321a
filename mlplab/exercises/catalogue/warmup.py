"""Lesson 00: the warm-up exercise that shows how checking works."""

import numpy as np

from ...i18n import Text, say
from .._core import Array, Exercise, Mistake, case


def add(a, b):
    """Return a + b (numbers or arrays of the same shape)."""
    return a + b


def _cases(rng):
    return [
        case(2, 3),
        case(1.5, -0.25),
        case(np.array([1.0, 2.0]), np.array([10.0, 20.0]), note=say("arrays", "배열")),
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
            Text("The function gets two numbers (or two arrays of the same shape) and gives back "
                 "their sum.",
                 "함수는 숫자 두 개(또는 모양이 같은 배열 두 개)를 받아 그 합을 돌려줍니다."),
            Text("Python's `+` adds numbers, and it adds NumPy arrays entry by entry — the same "
                 "operator covers both cases.",
                 "파이썬의 `+`는 숫자를 더하고, NumPy 배열은 원소끼리 더합니다. 연산자 하나로 두 경우를 "
                 "모두 처리합니다."),
            Text("The whole body is a single `return` line; it replaces the `raise "
                 "NotImplementedError` line.",
                 "함수 본문 전체가 `return` 한 줄입니다. 이 줄이 `raise NotImplementedError` 줄을 "
                 "대신합니다."),
        ],
        mistakes=[
            Mistake(lambda a, b: a - b, Text(
                "you subtract b from a — the exercise asks for the sum a + b",
                "a에서 b를 뺐습니다 — 이 연습문제는 합 a + b를 구합니다")),
            Mistake(lambda a, b: a * b, Text(
                "you multiply a and b — the exercise asks for the sum a + b",
                "a와 b를 곱했습니다 — 이 연습문제는 합 a + b를 구합니다")),
        ],
        lesson="00_start_here",
    ),
]
