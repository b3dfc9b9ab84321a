"""Lessons 08–09: steps and bumps from sigmoids, and the sawtooth from ReLUs."""

import numpy as np

from .._core import Exercise, Mistake, case


# ---------------------------------------------------------------------- step
def step(x, position, steepness):
    """A steep sigmoid, σ(steepness · (x − position)): ≈ 0 left of position, ≈ 1 right of it."""
    return 1.0 / (1.0 + np.exp(-steepness * (x - position)))


_GRID = np.linspace(0.0, 1.0, 11)


def _step_cases(rng):
    return [
        case(_GRID.copy(), 0.35, 20.0, note="x on a grid of [0, 1]"),
        case(_GRID.copy(), 0.5, 200.0, note="steepness 200"),
        case(rng.uniform(-1, 2, size=(2, 5)), 0.8, 5.0, note="a 2-D x"),
        case(np.array([0.3]), -0.2, 1.0, note="a single entry"),
    ]


STEP = Exercise(
    name="step",
    signature="step(x, position, steepness) -> same shape",
    reference=step,
    cases=_step_cases,
    hints=[
        "Shift x so the step sits at `position`: x − position is 0 there, negative left, positive right.",
        "Scale by `steepness` to make the sigmoid sharp, then apply σ(z) = 1 / (1 + e^(−z)).",
        "`return 1 / (1 + np.exp(-steepness * (x - position)))`",
    ],
    mistakes=[
        Mistake(lambda x, position, steepness: 1.0 / (1.0 + np.exp(steepness * (x - position))),
                "your step goes down (from 1 to 0): the exponent needs a minus, "
                "e^(−steepness·(x − position))"),
        Mistake(lambda x, position, steepness: 1.0 / (1.0 + np.exp(-steepness * (x + position))),
                "your step sits at −position: shift with (x − position)"),
        Mistake(lambda x, position, steepness: 1.0 / (1.0 + np.exp(-(steepness * x - position))),
                "σ(steepness·x − position) puts the step at position/steepness; multiply the whole shift: "
                "steepness·(x − position)"),
        Mistake(lambda x, position, steepness: 1.0 / (1.0 + np.exp(-(x - position))),
                "you ignored the steepness: σ(steepness·(x − position))"),
    ],
    lesson="08_universal_approximation",
)


# ---------------------------------------------------------------------- bump
def bump(x, left, right, height, steepness=200.0):
    """height · (step(x, left) − step(x, right)): ≈ height on (left, right), ≈ 0 outside.

    The two steps are written out (σ(z) = 1 / (1 + e^(−z))) so this cell runs on its own.
    """
    up = 1.0 / (1.0 + np.exp(-steepness * (x - left)))
    down = 1.0 / (1.0 + np.exp(-steepness * (x - right)))
    return height * (up - down)


def _s(z):
    return 1.0 / (1.0 + np.exp(-z))


def _bump_cases(rng):
    return [
        case(_GRID.copy(), 0.25, 0.65, 2.0, note="default steepness"),
        case(_GRID.copy(), 0.3, 0.6, -1.5, steepness=30.0, note="negative height, steepness 30"),
        case(rng.uniform(0, 1, size=(3, 4)), 0.2, 0.7, 0.8, steepness=10.0, note="a 2-D x"),
        case(np.array([0.5]), 0.4, 0.6, 3.0, note="a single entry"),
    ]


BUMP = Exercise(
    name="bump",
    signature="bump(x, left, right, height, steepness=200.0)",
    reference=bump,
    cases=_bump_cases,
    hints=[
        "A step up at `left` minus a step up at `right` is ≈ 1 between them and ≈ 0 outside.",
        "Write each step as 1 / (1 + np.exp(-steepness * (x - position))), with the `steepness` argument.",
        "Multiply the difference by `height`: height * (step_left − step_right).",
    ],
    mistakes=[
        Mistake(lambda x, left, right, height, steepness=200.0:
                height * (_s(steepness * (x - right)) - _s(steepness * (x - left))),
                "your bump points the wrong way (its height has the wrong sign): the steps are swapped — "
                "it is step(x, left) − step(x, right)"),
        Mistake(lambda x, left, right, height, steepness=200.0:
                _s(steepness * (x - left)) - _s(steepness * (x - right)),
                "you forgot to multiply by `height`"),
        Mistake(lambda x, left, right, height, steepness=200.0:
                height * (_s(200.0 * (x - left)) - _s(200.0 * (x - right))),
                "you ignore the `steepness` argument (always 200); use the value passed in"),
        Mistake(lambda x, left, right, height, steepness=200.0:
                height * (_s(steepness * (x - left)) + _s(steepness * (x - right))),
                "you added the two steps; a bump is their difference, step(x, left) − step(x, right)"),
    ],
    lesson="08_universal_approximation",
)


# ------------------------------------------------------------------ sawtooth
def sawtooth(x, k):
    """The tent map t(x) = 2·relu(x) − 4·relu(x − ½) composed k times (2^k linear pieces on [0, 1])."""
    for _ in range(k):
        x = 2.0 * np.maximum(x, 0.0) - 4.0 * np.maximum(x - 0.5, 0.0)
    return x


def _tent(x):
    return 2.0 * np.maximum(x, 0.0) - 4.0 * np.maximum(x - 0.5, 0.0)


def _composed(times, tent=_tent):
    def wrong(x, k):
        for _ in range(times(k)):
            x = tent(x)
        return x

    return wrong


def _sawtooth_cases(rng):
    grid = np.linspace(0.0, 1.0, 17)
    return [
        case(grid.copy(), 1, note="k = 1, one tent"),
        case(grid.copy(), 2),
        case(rng.uniform(0, 1, size=12), 3),
        case(rng.uniform(0, 1, size=(2, 6)), 5, note="a 2-D x"),
    ]


SAWTOOTH = Exercise(
    name="sawtooth",
    signature="sawtooth(x, k) -> same shape",
    reference=sawtooth,
    cases=_sawtooth_cases,
    hints=[
        "First write the tent map: t(x) = 2·relu(x) − 4·relu(x − ½), with relu(z) = np.maximum(z, 0). "
        "It rises from 0 to 1 on [0, ½] and falls back to 0 on [½, 1].",
        "Composing k times means feeding the output back in: x = t(x), repeated k times in a loop.",
        "for _ in range(k): x = 2 * np.maximum(x, 0) - 4 * np.maximum(x - 0.5, 0); then return x",
    ],
    mistakes=[
        Mistake(_composed(lambda k: k - 1), "wrong number of compositions: you applied the tent map k − 1 "
                "times; apply it exactly k times (range(k))"),
        Mistake(_composed(lambda k: k + 1), "wrong number of compositions: you applied the tent map k + 1 "
                "times; apply it exactly k times (range(k))"),
        Mistake(_composed(lambda k: 2 ** k), "wrong number of compositions: you applied the tent map 2^k "
                "times; k compositions already give 2^k pieces"),
        Mistake(_composed(lambda k: k, lambda x: 2.0 * np.maximum(x, 0.0) - 2.0 * np.maximum(x - 0.5, 0.0)),
                "your tent map has −2·relu(x − ½); it needs −4·relu(x − ½) so the slope turns from +2 to −2"),
        Mistake(lambda x, k: _tent(x) * k, "you multiplied by k instead of composing: apply the tent map "
                "to its own output, k times"),
    ],
    lesson="09_depth_vs_width",
)

EXERCISES = [STEP, BUMP, SAWTOOTH]
