"""Class mode: what changes when an instructor runs the course for a class.

Self-study (the default) is the course as it is: ``hint`` gives the next hint
on every call and ``solution`` shows the reference code. In class mode

- ``solution(name)`` is withheld, with a kind message instead of code;
- hints unlock one per failed attempt: hint *k* of an exercise is shown once
  you have checked *k* different versions of your function that did not pass
  (verdict ``failed`` or ``error``). Running the same code again does not
  count; changing it does (comments and blank lines aside). Attempts are read
  from the progress ledger, so they survive a kernel restart;
- ``mlplab.progress()`` says that the course is in class mode and why.

An instructor turns it on either with a file ``mlplab.ini`` next to the lesson
notebooks (or in any folder above them; the search starts in the kernel's
working directory, which is the notebook's folder)::

    # mlplab.ini
    [course]
    mode = class                 ; or: self-study
    name = Deep learning 101     ; optional, shown in progress()

or with the environment variable ``MLPLAB_MODE=class`` (it wins over the
file). An unrecognised mode gives a warning and counts as class mode, so a
typo never shows solutions to a class.

Class mode is a nudge, not a lock: the reference solutions are installed with
the package and a determined student can read them. Grading
(``python -m mlplab grade``) never depends on it.
"""

from __future__ import annotations

import configparser
import os
import pathlib
from dataclasses import dataclass

from .i18n import Text

__all__ = ["CONFIG_NAME", "MODE_ENV", "Settings", "settings", "find_config", "hints_unlocked",
           "hint_gate", "withheld_solution", "Withheld"]

CONFIG_NAME = "mlplab.ini"
MODE_ENV = "MLPLAB_MODE"
_CLASS = ("class", "classroom")
_SELF = ("self", "self-study", "self_study", "selfstudy", "self study")


@dataclass(frozen=True)
class Settings:
    """The course setting in force.

    mode   : "self" or "class"
    source : where it came from: "MLPLAB_MODE", the path of an mlplab.ini, or "" (default)
    name   : the course name from mlplab.ini, or ""
    """

    mode: str = "self"
    source: str = ""
    name: str = ""

    @property
    def is_class(self):
        return self.mode == "class"


def find_config(start=None):
    """The nearest ``mlplab.ini`` in ``start`` (default: the working directory) or above, or None."""
    try:
        folder = pathlib.Path(start or os.getcwd()).resolve()
    except OSError:  # the working directory was deleted
        return None
    for candidate in (folder, *folder.parents):
        path = candidate / CONFIG_NAME
        try:
            if path.is_file():
                return path
        except OSError:
            continue
    return None


def _interpret(value, source):
    value = (value or "").strip().lower()
    if value in _CLASS:
        return "class"
    if value in _SELF:
        return "self"
    from .ledger import _warn_once

    _warn_once(f"mode:{source}:{value}", str(_UNKNOWN_MODE), value=value, source=source)
    return "class"


_UNKNOWN_MODE = Text(
    "mlplab: unknown course mode {value!r} (set by {source}); expected 'class' or 'self-study'. "
    "Class mode is used, so solutions stay hidden. (This warning is shown once.)",
    "mlplab: 알 수 없는 모드 {value!r}({source}에서 설정)입니다. 'class' 또는 'self-study'여야 "
    "합니다. 풀이가 보이지 않도록 수업 모드(class mode)로 진행합니다. (이 경고는 한 번만 표시됩니다.)",
)


def settings(start=None):
    """The course setting: ``MLPLAB_MODE`` if set, else the nearest mlplab.ini, else self-study."""
    env = os.environ.get(MODE_ENV, "").strip()
    if env:
        return Settings(_interpret(env, MODE_ENV), MODE_ENV)
    path = find_config(start)
    if path is None:
        return Settings()
    parser = configparser.ConfigParser(inline_comment_prefixes=(";", "#"))
    try:
        parser.read(path, encoding="utf-8")
        section = parser["course"] if parser.has_section("course") else {}
        mode = section.get("mode", "class")
        name = section.get("name", "")
    except (configparser.Error, UnicodeDecodeError, OSError):
        mode, name = "unreadable file", ""
    return Settings(_interpret(mode, str(path)), str(path), name.strip())


def hints_unlocked(name, records=None):
    """How many hints of exercise ``name`` class mode has unlocked: the number of
    different versions of the function that were checked and did not pass."""
    if records is None:
        from .ledger import records as all_records

        records = all_records()
    versions = set()
    for i, r in enumerate(records):
        if (r.get("event") == "check" and r.get("exercise") == name
                and r.get("verdict") in ("failed", "error")):
            versions.add(r.get("code") or f"unknown-{i}")
    return len(versions)


# ------------------------------------------------------------------ messages
@dataclass(frozen=True)
class Withheld:
    """What class mode shows instead of a hint or a solution (``mlplab.exercises`` displays it)."""

    title: str
    text: str

    def __str__(self):
        return f"{self.title}: {self.text}"


_HINT_TITLE = Text("hint for {name} (class mode)", "{name} 힌트 (수업 모드)")
_SOLUTION_TITLE = Text("solution for {name} (class mode)", "{name} 풀이 (수업 모드)")
_FIRST_HINT_LOCKED = Text(
    "in this course the hints open one at a time, after attempts. Write your first version of "
    '`{name}`, run check("{name}"); if it does not pass, hint 1 of {total} opens.',
    "이 수업에서는 시도할 때마다 힌트가 하나씩 열립니다. `{name}`의 첫 버전을 작성하고 "
    'check("{name}")를 실행해 보세요. 통과하지 못하면 힌트 {total}개 중 1번이 열립니다.',
)
_NEXT_HINT_LOCKED = Text(
    "you have seen {given} of {total} hints. Hint {next} opens after your next attempt: change "
    '`{name}`, run it, then run check("{name}"). If it still does not pass, ask again.',
    "힌트 {total}개 중 {given}개를 보았습니다. 다음 시도 후에 힌트 {next}번이 열립니다: `{name}`을(를) "
    '고쳐서 실행한 다음 check("{name}")를 실행하세요. 그래도 통과하지 못하면 다시 요청하세요.',
)
_NO_MORE_HINTS = Text(
    "that's all the hints ({total}/{total}). In this course the solution is not shown — you are "
    "close: compare your function with the last hint line by line, and if you are still stuck, "
    "ask your instructor.",
    "힌트는 이것이 전부입니다({total}/{total}). 이 수업에서는 풀이를 보여 주지 않습니다. 거의 다 "
    "왔습니다: 마지막 힌트와 여러분의 함수를 한 줄씩 비교해 보고, 그래도 막히면 강사에게 물어보세요.",
)
_WITHHELD = Text(
    "in this course the solutions are not shown. Keep going — each new version of your function "
    'that a check does not pass opens one more hint: hint("{name}"). If you are stuck, ask your '
    "instructor; they would rather help than see an answer copied.",
    "이 수업에서는 풀이를 보여 주지 않습니다. 계속 도전해 보세요. 함수를 고쳤는데 check를 통과하지 "
    '못하면 그때마다 힌트가 하나씩 더 열립니다: hint("{name}"). 막히면 강사에게 물어보세요. 답을 '
    "베끼는 것보다 질문하는 편을 더 반길 것입니다.",
)


def hint_gate(name, given, total, records=None):
    """In class mode, the Withheld message that replaces the next hint, or None to show it.

    name  : the exercise
    given : how many hints of it this session has shown
    total : how many hints it has
    """
    if not settings().is_class:
        return None
    if given >= total:
        return Withheld(str(_HINT_TITLE.format(name=name)), str(_NO_MORE_HINTS.format(total=total)))
    if given < hints_unlocked(name, records):
        return None
    message = (_FIRST_HINT_LOCKED.format(name=name, total=total) if given == 0 else
               _NEXT_HINT_LOCKED.format(name=name, given=given, total=total, next=given + 1))
    return Withheld(str(_HINT_TITLE.format(name=name)), str(message))


def withheld_solution(name):
    """In class mode, the Withheld message shown instead of the solution; None in self-study."""
    if not settings().is_class:
        return None
    return Withheld(str(_SOLUTION_TITLE.format(name=name)), str(_WITHHELD.format(name=name)))
