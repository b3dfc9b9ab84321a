"""Every message the checker writes itself, in English and Korean.

The typical-mistake messages and hints belong to the catalogue; the messages
here are the machinery's own: not attempted, None returned, wrong shape,
wrong values, time limits, escapes, dtype. Each is an
:class:`mlplab.i18n.Text`, shown in the language current when the check runs
(``mlplab.set_language("ko")``). Verdict tags (``[passed]`` ...) stay English:
tests and the grader read them.
"""

from __future__ import annotations

from ..i18n import Text

# ------------------------------------------------------------- the course rule
DTYPE_RULE = Text(
    "array answers in this course are floating-point arrays (float64 unless the exercise says "
    "otherwise) — e.g. `.astype(float)`, or compute with floats from the start",
    "이 과정에서 배열로 답하는 문제는 부동소수점 배열(따로 말하지 않으면 float64)을 반환해야 합니다 — "
    "예를 들어 `.astype(float)`를 쓰거나, 처음부터 실수로 계산하세요",
)

# ------------------------------------------------------------------ verdicts
NOT_ATTEMPTED = Text(
    'not attempted yet — replace `raise NotImplementedError` with your code; `hint("{name}")` helps',
    '아직 시도하지 않았습니다 — `raise NotImplementedError`를 지우고 코드를 작성하세요. '
    '`hint("{name}")`가 도움이 됩니다',
)
CORRECT_ON_ALL = Text("correct on all {n} cases{extra}", "{n}개 입력 모두 정답입니다{extra}")
INCLUDING = Text(", including {notes}", " ({notes} 포함)")
FLOAT32_NOTE = Text(
    "  (your answer is float32, so it was compared with float32's tolerance: relative {rtol:g}, "
    "absolute {atol:g} times the answer's scale)",
    "  (답이 float32이므로 float32에 맞는 허용 오차로 비교했습니다: 상대 오차 {rtol:g}, "
    "절대 오차는 답의 크기의 {atol:g}배)",
)
RETURNS_NONE = Text(
    "your function returns None — did you forget `return`?",
    "함수가 None을 반환합니다 — `return`을 빠뜨리지 않았나요?",
)
MUTATED = Text(
    "your function changed its input {names} in place (e.g. `x -= ...` or `x[...] = ...`); leave the "
    "inputs alone and return a new array",
    "함수가 입력 {names}을(를) 제자리에서(in place) 바꾸었습니다(예: `x -= ...`, `x[...] = ...`). "
    "입력은 그대로 두고 새 배열을 반환하세요",
)
NUMPY_WARNED = Text("  NumPy warned: {text}", "  NumPy 경고: {text}")
EXPLAINS_SOME = Text(
    "  (this explains {hits} of the {total} failing cases; fix it, then check again for a second problem)",
    "  (틀린 입력 {total}개 중 {hits}개가 이것으로 설명됩니다. 이것을 고친 뒤 다시 확인해 두 번째 문제를 "
    "찾으세요)",
)
CALLED_AS = Text("  (the checker calls it as {signature})",
                 "  (채점기는 이 함수를 {signature} 형태로 호출합니다)")
PRINTED_ALL = Text("  your function printed:", "  함수가 출력한 내용:")
PRINTED_SOME = Text(
    "  your function printed {total:,} characters; the first {shown:,}:",
    "  함수가 {total:,}자를 출력했습니다. 처음 {shown:,}자:",
)
RESTORED = Text(
    "  (something in this kernel had replaced part of mlplab's checker ({names}); the checker put "
    "its own code back before judging)",
    "  (이 커널에서 무언가가 mlplab 채점기의 일부({names})를 바꿔 놓았습니다. 채점기는 판정하기 전에 "
    "원래 코드로 되돌렸습니다)",
)

# ------------------------------------------------------- calling the function
NOT_DEFINED = Text(
    "no function `{name}` yet — run the exercise cell above (the one with `def {name}(...)`) first",
    "아직 `{name}` 함수가 없습니다 — 위의 연습문제 셀(`def {name}(...)`이 있는 셀)을 먼저 실행하세요",
)
LIBRARY = Text(
    "`{name}` here is mlplab's own function (from `{module}`), not yours — write your version in "
    "the exercise cell above (the one with `def {name}(...)`), run it, then check again",
    "지금 `{name}`은(는) 여러분의 함수가 아니라 mlplab의 함수(`{module}`)입니다 — 위의 연습문제 셀"
    "(`def {name}(...)`이 있는 셀)에 직접 작성하고 실행한 다음 다시 확인하세요",
)
NOT_A_FUNCTION = Text(
    'expected a function, got {got}; define it in the exercise cell, then run check("{name}")',
    '함수가 필요한데 {got}을(를) 받았습니다. 연습문제 셀에서 함수를 정의한 다음 check("{name}")를 '
    '실행하세요',
)
SWAPPED = Text(
    'the arguments are swapped: call check("{fn}") or check("{fn}", {fn}) — the name first',
    '인자의 순서가 바뀌었습니다: check("{fn}") 또는 check("{fn}", {fn})처럼 이름을 먼저 쓰세요',
)
UNKNOWN = Text(
    "unknown exercise {name!r}; choose one of: {names}",
    "{name!r}이라는 연습문제는 없습니다. 다음 중에서 고르세요: {names}",
)

# ----------------------------------------------------- what the function did
TOO_SLOW_CASE = Text(
    "your function took longer than {seconds} on one case — an endless loop? The checker stopped it. "
    "Look for a `while` loop whose condition never becomes false, or a `time.sleep`",
    "함수가 한 입력에서 {seconds}보다 오래 걸렸습니다 — 끝나지 않는 반복문이 있나요? 채점기가 실행을 "
    "멈췄습니다. 조건이 끝내 거짓이 되지 않는 `while` 반복문이나 `time.sleep`이 있는지 살펴보세요",
)
TOO_SLOW_CHECK = Text(
    "your function took longer than {seconds} over all cases together — an endless loop, or a very "
    "slow one? The checker stopped it",
    "모든 입력을 합쳐 {seconds}보다 오래 걸렸습니다 — 끝나지 않거나 매우 느린 반복문이 있나요? "
    "채점기가 실행을 멈췄습니다",
)
REENTERED = Text(
    "your function calls `check(...)` itself — the check line seems to be indented into the "
    "function's body. Move `check(...)` out of the function (no indentation, in its own cell), run "
    "the exercise cell again, then the check cell",
    "함수 안에서 `check(...)`를 호출하고 있습니다 — 확인하는 줄이 함수 본문 안으로 들여쓰기된 것 "
    "같습니다. `check(...)`를 함수 밖으로(들여쓰기 없이, 별도의 셀로) 옮기고 연습문제 셀을 다시 실행한 "
    "다음 확인 셀을 실행하세요",
)
AT = Text("  at {where}", "  위치: {where}")
ASKS_FOR_INPUT = Text(
    "your function calls `input()` — the checker cannot type an answer for it. Take every value "
    "from the function's arguments instead",
    "함수가 `input()`을 호출합니다 — 채점기는 키보드로 값을 입력할 수 없습니다. 필요한 값은 모두 "
    "함수의 인자로 받으세요",
)
EXITS = Text(
    "your function calls `sys.exit()` (or `exit()`, `raise SystemExit`), which would stop the whole "
    "kernel — `return` the answer instead",
    "함수가 `sys.exit()`(또는 `exit()`, `raise SystemExit`)를 호출합니다. 이것은 커널 전체를 "
    "멈추게 합니다 — 대신 답을 `return` 하세요",
)
NOT_IMPLEMENTED_LEFT = Text(
    "your function still raises NotImplementedError — the line `raise NotImplementedError` from "
    "the exercise template is still there (code after it never runs). Delete that line, run the "
    "cell, then check again",
    "함수에서 아직 NotImplementedError가 발생합니다 — 연습문제 틀의 `raise NotImplementedError` "
    "줄이 남아 있습니다(그 아래 코드는 실행되지 않습니다). 그 줄을 지우고 셀을 실행한 다음 다시 "
    "확인하세요",
)
HELPER_NOT_WRITTEN = Text(
    "`{helper}`, which your function calls, raises NotImplementedError — it is not written yet. "
    "Fill in `{helper}` and run its cell first, then check again",
    "함수가 호출하는 `{helper}`에서 NotImplementedError가 발생합니다 — 아직 작성되지 않았습니다. "
    "먼저 `{helper}`를 완성하고 그 셀을 실행한 다음 다시 확인하세요",
)
RAISED = Text("your function raised {kind}: {text}", "함수에서 {kind} 예외가 발생했습니다: {text}")
RAISED_BASE = Text(
    "your function raised {kind}: {text} — an exception meant to stop the program, not to report "
    "an error; the checker caught it and could not judge the answer",
    "함수에서 {kind} 예외가 발생했습니다: {text} — 오류를 알리는 예외가 아니라 프로그램을 멈추게 하는 "
    "예외라서, 채점기가 가로챘고 답을 판정할 수 없었습니다",
)
NO_MESSAGE = Text("(no message)", "(메시지 없음)")
RECURSION = Text(
    "  (does a function call itself without end? Every recursive call needs a case that stops it)",
    "  (함수가 끝없이 자기 자신을 호출하나요? 재귀 호출에는 멈추는 조건이 있어야 합니다)",
)
CHECKER_BUG = Text(
    "the checker could not judge your function's output ({kind}: {text}); check that it returns "
    "what {signature} describes. (If it does, this is a bug in mlplab's checker — please report it.)",
    "채점기가 함수의 출력을 판정하지 못했습니다({kind}: {text}). 함수가 {signature}에 적힌 대로 "
    "반환하는지 확인하세요. (그렇다면 mlplab 채점기의 버그이니 알려 주세요.)",
)
COMPARED_NOTHING = Text(
    "the checker compared no answer at all, so it cannot say passed — this is a bug in mlplab's "
    "checker; please report it",
    "채점기가 답을 하나도 비교하지 못해서 통과라고 할 수 없습니다 — mlplab 채점기의 버그이니 알려 "
    "주세요",
)

# ------------------------------------------------------- comparing answers
YOUR_OUTPUT = Text("your output", "함수의 출력")
CASE = Text("  case: {call}", "  호출: {call}")
EXPECTED = Text("  expected: ", "  기댓값:   ")
GOT = Text("  got:      ", "  반환값:   ")
FIRST_DIFFERENCE = Text("  first difference, in {part}:", "  처음으로 다른 부분: {part}")
LENGTH = Text("{kind} of length {n}", "길이가 {n}인 {kind}")
ARRAY_OF_SHAPE = Text("an array of shape {shape}", "모양이 {shape}인 배열")
ARRAYS_WITH_SHAPES = Text("{kind} of arrays with shapes {shapes}", "배열들의 {kind}(모양 {shapes})")
GENERATOR = Text("a seeded numpy.random.Generator", "시드를 정한 numpy.random.Generator")
LINE_IN = Text("line {line} in {function}", "{function}의 {line}번째 줄")
CUT_SHORT = Text("  ... (cut short)", "  ... (이하 생략)")

NOT_AN_ARRAY = Text(
    "{what} is a {kind}; expected an array of shape {shape}",
    "{what}이(가) {kind}입니다. 모양(shape)이 {shape}인 배열이어야 합니다",
)
ITERATOR = Text(
    "{what} is a {kind} (an iterator, not an array); expected an array of shape {shape} — build the "
    "array (e.g. `np.array(...)`) and `return` it, rather than `yield`",
    "{what}이(가) {kind}입니다(배열이 아니라 반복자(iterator)입니다). 모양이 {shape}인 배열이어야 "
    "합니다 — `yield` 대신 배열을 만들어(예: `np.array(...)`) `return` 하세요",
)
UNREADABLE = Text(
    "{what} ({kind}) could not be read as an array of numbers ({error}); expected an array of shape "
    "{shape}",
    "{what}({kind})을(를) 숫자 배열로 읽을 수 없었습니다({error}). 모양이 {shape}인 배열이어야 합니다",
)
NOT_ALL_NUMBERS = Text("some entries are not numbers", "숫자가 아닌 원소가 있습니다")
ENDLESS = Text(
    "{what} is an endless (or very long) {kind}: the checker stopped reading it after {cap:,} items",
    "{what}은(는) 끝이 없는(또는 매우 긴) {kind}입니다: 채점기는 {cap:,}개를 읽은 뒤 멈췄습니다",
)
SINGLE_NUMBER = Text(
    "{what} is a single number ({value}); expected an array of shape {shape} — one value per entry",
    "{what}이(가) 숫자 하나({value})입니다. 모양이 {shape}인 배열이어야 합니다 — 원소마다 값이 하나씩",
)
NUMBER_EXPECTED = Text(
    "{what} is an array of shape {got}; expected a single number",
    "{what}이(가) 모양이 {got}인 배열입니다. 숫자 하나여야 합니다",
)
WRONG_SHAPE = Text(
    "wrong shape: expected {what} of shape {expected}, got shape {got}",
    "모양(shape)이 다릅니다: {what}의 모양은 {expected}이어야 하는데 {got}입니다",
)
COMPLEX = Text(
    "{what} holds complex numbers (dtype {dtype}); expected real floating-point numbers",
    "{what}에 복소수가 들어 있습니다(dtype {dtype}). 실수(부동소수점)여야 합니다",
)
FLOAT16 = Text(
    "{what} has dtype float16, which is too coarse (about 3 significant digits); return float64 "
    "(NumPy's default) or float32",
    "{what}의 자료형(dtype)이 float16인데, 유효숫자가 3자리 정도라 너무 거칩니다. float64(NumPy의 "
    "기본값)나 float32를 반환하세요",
)
NOT_NUMBERS = Text(
    "{what} has dtype {dtype}, which is not numbers; expected floating-point numbers",
    "{what}의 자료형(dtype)이 {dtype}라서 숫자가 아닙니다. 부동소수점 숫자여야 합니다",
)
NOT_FINITE = Text(
    "{what} contains nan or inf (overflow?) where the answer is finite",
    "{what}에 nan이나 inf가 있습니다(오버플로?). 답은 유한한 값입니다",
)
WRONG_VALUES = Text(
    "wrong values in {what}: {bad} of {size} entries differ, the largest by {largest}",
    "{what}에서 값이 틀렸습니다: 원소 {size}개 중 {bad}개가 다르고, 가장 큰 차이는 {largest}입니다",
)
FACTOR = Text(
    " — every entry is {factor} times the expected one (a missing or extra factor, or sign?)",
    " — 모든 원소가 기댓값의 {factor}배입니다(곱하는 수나 부호가 빠졌거나 더해졌나요?)",
)
MORE_DIGITS = Text("  with more digits: expected {expected}, got {got}",
                   "  자릿수를 늘려 보면: 기댓값 {expected}, 반환값 {got}")
WORST_ENTRY = Text(
    "  largest difference at {index}: expected {expected}, got {got}",
    "  가장 큰 차이는 {index} 위치: 기댓값 {expected}, 반환값 {got}",
)
NOT_FLOAT = Text(
    "{what} has the right values but dtype {dtype}; {rule}",
    "{what}의 값은 맞지만 자료형(dtype)이 {dtype}입니다. {rule}",
)
WHOLE_NUMBER_EXPECTED = Text(
    "expected a whole number, got {kind} {value}",
    "정수 하나가 필요한데 {kind} {value}을(를) 받았습니다",
)
WRONG_NUMBER = Text("wrong number: expected {expected}, got {got}",
                    "수가 틀렸습니다: 기댓값 {expected}, 반환값 {got}")
NOT_WHOLE = Text(
    "right number, but as a {kind} ({value}); a count is a whole number — return an int "
    "(e.g. `int(...)`, or add up ints)",
    "수는 맞지만 {kind}({value})입니다. 개수는 정수이므로 int를 반환하세요(예: `int(...)`, 또는 "
    "정수끼리 더하기)",
)
TUPLE_EXPECTED = Text(
    "expected a tuple of {n} arrays {parts}, got {got}",
    "배열 {n}개로 된 튜플 {parts}이(가) 필요한데 {got}을(를) 받았습니다",
)
PAIRS_EXPECTED = Text(
    "expected a list of {n} pairs ({a}, {b}), one per layer, got {got}",
    "층마다 하나씩, ({a}, {b}) 쌍 {n}개로 된 리스트가 필요한데 {got}을(를) 받았습니다",
)
PAIR_EXPECTED = Text(
    "layer {layer}: expected a pair ({a}{layer}, {b}{layer}), got {got}",
    "{layer}번째 층: ({a}{layer}, {b}{layer}) 쌍이 필요한데 {got}을(를) 받았습니다",
)
NOT_READABLE = Text(
    "{what} is a {kind}, which the checker cannot read as an answer",
    "{what}이(가) {kind}라서 채점기가 답으로 읽을 수 없습니다",
)
BATCH_ITEMS = Text(
    "{what} is a {kind}; expected a list of index arrays",
    "{what}이(가) {kind}입니다. 인덱스 배열의 리스트여야 합니다",
)

# ------------------------------------------------------------------ hints
HINT_TITLE = Text("hint {i}/{n} for {name}", "{name} 힌트 {i}/{n}")
HINT_DONE_TITLE = Text("hint for {name}", "{name} 힌트")
HINT_DONE = Text(
    'that\'s all the hints ({total}/{total}) — `solution("{name}")` shows the answer',
    '힌트를 모두 보았습니다({total}/{total}) — `solution("{name}")`으로 답을 볼 수 있습니다',
)
