"""Lessons 08–09: steps and bumps from sigmoids, and the sawtooth from ReLUs."""

import numpy as np

from ...i18n import Text, say
from .._core import Exercise, Mistake, WarningMistake, case


# ---------------------------------------------------------------------- step
def step(x, position, steepness):
    """A steep sigmoid, σ(steepness · (x − position)): ≈ 0 left of position, ≈ 1 right of it.

    σ is computed the stable way of lesson 04, from e^(−|a|), so the step stays finite and
    warning-free at any steepness (at 2000, a = steepness·(x − position) reaches −1800).
    """
    a = steepness * (x - position)
    e = np.exp(-np.abs(a))
    return np.where(a >= 0, 1.0, e) / (1.0 + e)


_GRID = np.linspace(0.0, 1.0, 11)


def _step_cases(rng):
    return [
        case(_GRID.copy(), 0.35, 20.0, note=say("x on a grid of [0, 1]", "[0, 1]의 격자 위의 x")),
        case(_GRID.copy(), 0.5, 200.0, note=say("steepness 200", "가파르기 200")),
        case(_GRID.copy(), 0.9, 2000.0, note=say("steepness 2000 with x far left of the position",
                                                  "가파르기 2000, 위치보다 훨씬 왼쪽의 x")),
        case(rng.uniform(-1, 2, size=(2, 5)), 0.8, 5.0, note=say("a 2-D x", "2차원 x")),
        case(np.array([0.3]), -0.2, 1.0, note=say("a single entry", "원소 하나")),
    ]


def _naive_step(x, position, steepness):
    return 1.0 / (1.0 + np.exp(-steepness * (x - position)))


STEP = Exercise(
    name="step",
    signature="step(x, position, steepness) -> same shape",
    reference=step,
    cases=_step_cases,
    hints=[
        Text("A step is a sigmoid made steep and moved: ≈ 0 left of `position`, ≈ 1 right of it, "
             "with the jump at x = position.",
             "계단은 가파르게 만들고 옮겨 놓은 시그모이드입니다. `position`의 왼쪽에서는 ≈ 0, 오른쪽에서는 "
             "≈ 1이고, x = position에서 뛰어오릅니다."),
        Text("Shift and scale the input first, a = steepness·(x − position) (0 at the position, "
             "negative to its left), then take σ(a).",
             "먼저 입력을 옮기고 늘리세요: a = steepness·(x − position) (위치에서 0, 그 왼쪽에서 음수). "
             "그다음 σ(a)를 구합니다."),
        Text("At steepness 2000, a reaches −1800 and e^(−a) overflows: compute σ(a) the stable way of "
             "lesson 04, from e^(−|a|), or call `act.sigmoid`. Every operation is entry by entry, so "
             "the answer has x's shape.",
             "가파르기가 2000이면 a가 −1800까지 내려가서 e^(−a)가 오버플로됩니다. σ(a)는 레슨 04의 안정적인 "
             "방법, 곧 e^(−|a|)로 계산하거나 `act.sigmoid`를 부르세요. 모든 연산이 원소별이므로 답은 x와 "
             "모양이 같습니다."),
    ],
    mistakes=[
        WarningMistake(_naive_step, Text(
            "right values, but at steepness 2000 the naive 1/(1 + np.exp(-a)) computes e^1800, which "
            "overflows, and NumPy warns. Compute the sigmoid the stable way of lesson 04, from "
            "e = np.exp(-np.abs(a)) — or call act.sigmoid",
            "값은 맞지만 가파르기 2000에서 단순한 1/(1 + np.exp(-a))는 e^1800을 계산하다 오버플로되고 "
            "NumPy가 경고합니다. 레슨 04의 안정적인 방법으로, e = np.exp(-np.abs(a))에서 시그모이드를 "
            "계산하거나 act.sigmoid를 부르세요")),
        Mistake(lambda x, position, steepness: 1.0 / (1.0 + np.exp(steepness * (x - position))), Text(
            "your step goes down (from 1 to 0): the exponent needs a minus, "
            "e^(−steepness·(x − position))",
            "계단이 내려갑니다(1에서 0으로). 지수에 마이너스가 필요합니다: e^(−steepness·(x − position))")),
        Mistake(lambda x, position, steepness: 1.0 / (1.0 + np.exp(-steepness * (x + position))), Text(
            "your step sits at −position: shift with (x − position)",
            "계단이 −position에 있습니다. (x − position)으로 옮기세요")),
        Mistake(lambda x, position, steepness: 1.0 / (1.0 + np.exp(-(steepness * x - position))), Text(
            "σ(steepness·x − position) puts the step at position/steepness; multiply the whole shift: "
            "steepness·(x − position)",
            "σ(steepness·x − position)은 계단을 position/steepness에 놓습니다. 옮긴 값 전체에 곱하세요: "
            "steepness·(x − position)")),
        Mistake(lambda x, position, steepness: 1.0 / (1.0 + np.exp(-(x - position))), Text(
            "you ignored the steepness: σ(steepness·(x − position))",
            "가파르기를 무시했습니다: σ(steepness·(x − position))")),
    ],
    lesson="08_universal_approximation",
)


# ---------------------------------------------------------------------- bump
def bump(x, left, right, height, steepness=200.0):
    """height · (step(x, left) − step(x, right)): ≈ height on (left, right), ≈ 0 outside.

    Both steps are written out with the stable sigmoid (from e^(−|a|)), so this cell runs on
    its own and stays finite and warning-free for any steepness.
    """
    def sigma(a):  # the stable sigmoid of lesson 04
        e = np.exp(-np.abs(a))
        return np.where(a >= 0, 1.0, e) / (1.0 + e)

    return height * (sigma(steepness * (x - left)) - sigma(steepness * (x - right)))


def _s(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0, e) / (1.0 + e)


def _naive_bump(x, left, right, height, steepness=200.0):
    up = 1.0 / (1.0 + np.exp(-steepness * (x - left)))
    down = 1.0 / (1.0 + np.exp(-steepness * (x - right)))
    return height * (up - down)


def _bump_cases(rng):
    return [
        case(_GRID.copy(), 0.25, 0.65, 2.0, note=say("default steepness", "가파르기는 기본값")),
        case(_GRID.copy(), 0.3, 0.6, -1.5, steepness=30.0, note=say("negative height with steepness 30",
                                                                      "음의 높이, 가파르기 30")),
        case(_GRID.copy(), 0.5, 0.8, 1.0, steepness=2000.0, note=say("steepness 2000", "가파르기 2000")),
        case(rng.uniform(0, 1, size=(3, 4)), 0.2, 0.7, 0.8, steepness=10.0, note=say("a 2-D x", "2차원 x")),
        case(np.array([0.5]), 0.4, 0.6, 3.0, note=say("a single entry", "원소 하나")),
    ]


BUMP = Exercise(
    name="bump",
    signature="bump(x, left, right, height, steepness=200.0)",
    reference=bump,
    cases=_bump_cases,
    hints=[
        Text("A step up at `left` minus a step up at `right` is ≈ 1 between them and ≈ 0 outside: a "
             "bump. Scaling it gives any height.",
             "`left`에서 올라가는 계단에서 `right`에서 올라가는 계단을 빼면, 둘 사이에서는 ≈ 1, 바깥에서는 "
             "≈ 0인 범프(bump)가 됩니다. 여기에 곱하면 원하는 높이가 됩니다."),
        Text("bump(x) = height · (σ(steepness·(x − left)) − σ(steepness·(x − right))), both steps "
             "with the `steepness` that is passed in.",
             "bump(x) = height · (σ(steepness·(x − left)) − σ(steepness·(x − right)))이고, 두 계단 모두 "
             "인자로 받은 `steepness`를 씁니다."),
        Text("Compute both steps inside the function with the stable sigmoid (from e^(−|a|), or "
             "`act.sigmoid`), so that a large steepness cannot overflow; then subtract them and scale "
             "by `height`.",
             "두 계단을 함수 안에서 안정적인 시그모이드(e^(−|a|)로 계산하거나 `act.sigmoid`)로 구하세요. "
             "그래야 가파르기가 커도 오버플로되지 않습니다. 그다음 두 계단을 빼고 `height`를 곱합니다."),
    ],
    mistakes=[
        WarningMistake(_naive_bump, Text(
            "right values, but at steepness 2000 the naive sigmoid 1/(1 + np.exp(-a)) overflows "
            "(e^1000 is beyond the largest float) and NumPy warns. Compute both steps the stable way, "
            "from e = np.exp(-np.abs(a)) — or with act.sigmoid",
            "값은 맞지만 가파르기 2000에서 단순한 시그모이드 1/(1 + np.exp(-a))는 오버플로되고(e^1000은 "
            "가장 큰 float보다 큽니다) NumPy가 경고합니다. 두 계단을 안정적인 방법, 곧 "
            "e = np.exp(-np.abs(a))로 계산하거나 act.sigmoid를 쓰세요")),
        Mistake(lambda x, left, right, height, steepness=200.0:
                height * (_s(steepness * (x - right)) - _s(steepness * (x - left))), Text(
            "your bump points the wrong way (its height has the wrong sign): the steps are swapped — "
            "it is step(x, left) − step(x, right)",
            "범프의 방향이 반대입니다(높이의 부호가 틀림). 두 계단이 바뀌었습니다 — "
            "step(x, left) − step(x, right)입니다")),
        Mistake(lambda x, left, right, height, steepness=200.0:
                _s(steepness * (x - left)) - _s(steepness * (x - right)), Text(
            "you forgot to multiply by `height`",
            "`height`를 곱하지 않았습니다")),
        Mistake(lambda x, left, right, height, steepness=200.0:
                height * (_s(200.0 * (x - left)) - _s(200.0 * (x - right))), Text(
            "you ignore the `steepness` argument (always 200); use the value passed in",
            "인자 `steepness`를 무시하고 늘 200을 씁니다. 인자로 받은 값을 쓰세요")),
        Mistake(lambda x, left, right, height, steepness=200.0:
                height * (_s(steepness * (x - left)) + _s(steepness * (x - right))), Text(
            "you added the two steps; a bump is their difference, step(x, left) − step(x, right)",
            "두 계단을 더했습니다. 범프는 두 계단의 차 step(x, left) − step(x, right)입니다")),
    ],
    lesson="08_universal_approximation",
)


# ------------------------------------------------------------------ sawtooth
def sawtooth(x, k):
    """The tent map t(x) = 2·relu(x) − 4·relu(x − ½) composed k times (2^k linear pieces on [0, 1]).

    k = 0 gives x itself. Outside [0, 1], t is 0 left of 0 and 2 − 2x right of 1.
    """
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


def _triangle_wave(x, k):
    return x if k == 0 else 1.0 - np.abs(2.0 * np.mod(2.0 ** (k - 1) * x, 1.0) - 1.0)


def _sawtooth_cases(rng):
    grid = np.linspace(0.0, 1.0, 17)
    return [
        case(grid.copy(), 1, note=say("k = 1: one tent", "k = 1: 텐트 하나")),
        case(grid.copy(), 2),
        case(grid.copy(), 0, note=say("k = 0: x itself", "k = 0: x 그대로")),
        case(np.linspace(-1.0, 2.0, 13), 2, note=say("x outside [0, 1]", "[0, 1] 밖의 x")),
        case(rng.uniform(0, 1, size=12), 3),
        case(rng.uniform(0, 1, size=(2, 6)), 5, note=say("a 2-D x", "2차원 x")),
    ]


SAWTOOTH = Exercise(
    name="sawtooth",
    signature="sawtooth(x, k) -> same shape",
    reference=sawtooth,
    cases=_sawtooth_cases,
    hints=[
        Text("Composing k times means feeding the output back in: t of x, then t of that, and so on, "
             "k applications in all. k = 0 applies nothing and leaves x as it is.",
             "k번 합성한다는 것은 출력을 다시 입력으로 넣는다는 뜻입니다. x에 t를 적용하고, 그 결과에 다시 "
             "t를 적용하는 식으로 모두 k번입니다. k = 0이면 아무것도 적용하지 않아 x가 그대로 남습니다."),
        Text("The tent map is t(x) = 2·relu(x) − 4·relu(x − ½) with relu(z) = max(z, 0): it rises from "
             "0 to 1 on [0, ½], falls back to 0 on [½, 1], and is 0 left of 0 and 2 − 2x right of 1.",
             "텐트 함수는 relu(z) = max(z, 0)으로 쓴 t(x) = 2·relu(x) − 4·relu(x − ½)입니다. [0, ½]에서 "
             "0에서 1로 오르고, [½, 1]에서 다시 0으로 내려오며, 0의 왼쪽에서는 0, 1의 오른쪽에서는 "
             "2 − 2x입니다."),
        Text("A loop that runs exactly k times (`range(k)`) and replaces x by t(x) each time. relu is "
             "`np.maximum(·, 0)`, entry by entry, so x may have any shape.",
             "정확히 k번 도는 반복문(`range(k)`)에서 매번 x를 t(x)로 바꾸세요. relu는 원소별 "
             "`np.maximum(·, 0)`이므로 x는 어떤 모양이어도 됩니다."),
    ],
    mistakes=[
        Mistake(_composed(lambda k: max(k, 1)), Text(
            "for k = 0 you still applied the tent map once; composing zero times leaves x unchanged — "
            "apply t exactly k times (range(k))",
            "k = 0인데도 텐트 함수를 한 번 적용했습니다. 0번 합성하면 x는 그대로입니다 — t를 정확히 k번 "
            "적용하세요(range(k))")),
        Mistake(_composed(lambda k: k, lambda x: 1.0 - np.abs(2.0 * x - 1.0)), Text(
            "1 − |2x − 1| equals the tent map only on [0, 1]; outside it t(x) = 2·relu(x) − "
            "4·relu(x − ½) is 0 left of 0 and 2 − 2x right of 1 — use the relu form",
            "1 − |2x − 1|은 [0, 1]에서만 텐트 함수와 같습니다. 그 밖에서 t(x) = 2·relu(x) − 4·relu(x − ½)는 "
            "0의 왼쪽에서 0, 1의 오른쪽에서 2 − 2x입니다 — relu로 쓴 식을 쓰세요")),
        Mistake(_triangle_wave, Text(
            "your closed-form triangle wave equals the composed tent map only on [0, 1]; outside it "
            "t(x) = 2·relu(x) − 4·relu(x − ½) is 0 left of 0 and 2 − 2x right of 1 — compose t itself, "
            "k times",
            "닫힌 식으로 쓴 삼각파는 [0, 1]에서만 합성한 텐트 함수와 같습니다. 그 밖에서 "
            "t(x) = 2·relu(x) − 4·relu(x − ½)는 0의 왼쪽에서 0, 1의 오른쪽에서 2 − 2x입니다 — t 자체를 "
            "k번 합성하세요")),
        Mistake(_composed(lambda k: k - 1), Text(
            "wrong number of compositions: you applied the tent map k − 1 times; apply it exactly k "
            "times (range(k))",
            "합성 횟수가 틀렸습니다. 텐트 함수를 k − 1번 적용했습니다. 정확히 k번 적용하세요(range(k))")),
        Mistake(_composed(lambda k: k + 1), Text(
            "wrong number of compositions: you applied the tent map k + 1 times; apply it exactly k "
            "times (range(k))",
            "합성 횟수가 틀렸습니다. 텐트 함수를 k + 1번 적용했습니다. 정확히 k번 적용하세요(range(k))")),
        Mistake(_composed(lambda k: 2 ** k), Text(
            "wrong number of compositions: you applied the tent map 2^k times; k compositions already "
            "give 2^k pieces",
            "합성 횟수가 틀렸습니다. 텐트 함수를 2^k번 적용했습니다. k번만 합성해도 조각이 2^k개입니다")),
        Mistake(_composed(lambda k: k, lambda x: 2.0 * np.maximum(x, 0.0) - 2.0 * np.maximum(x - 0.5, 0.0)),
                Text("your tent map has −2·relu(x − ½); it needs −4·relu(x − ½) so that the slope turns "
                     "from +2 to −2",
                     "텐트 함수에 −2·relu(x − ½)를 썼습니다. 기울기가 +2에서 −2로 바뀌려면 −4·relu(x − ½)가 "
                     "필요합니다")),
        Mistake(lambda x, k: _tent(x) * k, Text(
            "you multiplied by k instead of composing: apply the tent map to its own output, k times",
            "합성하지 않고 k를 곱했습니다. 텐트 함수를 자기 출력에 k번 적용하세요")),
    ],
    lesson="09_depth_vs_width",
)

EXERCISES = [STEP, BUMP, SAWTOOTH]
