"""``mlplab.progress()``: the course map with what you have done.

Each lesson of ``mlplab.course.LESSONS`` with its exercises and a status
each, read from the progress ledger (``mlplab.ledger``). In Jupyter it shows
as a coloured table; ``str()`` and ``python -m mlplab progress`` give the
plain-text form.

The status of an exercise is the first of these that holds:

==============  ======  ================================================
passed          [x]     a check of it passed (at any time)
solution seen   [s]     not passed yet, and its solution was shown
hint used       [h]     not passed yet, no solution, at least one hint
attempted       [~]     checked at least once with ``failed`` / ``error``
not started     [ ]     none of the above (``not_attempted`` checks too)
==============  ======  ================================================

Passing is what counts, so it comes first; before that, the most help
received is shown, because that is what a learner (or an instructor) wants to
know next. The counts of checks and hints, and whether the solution was seen
on the way to a pass, are listed next to the status.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from .i18n import Text

__all__ = ["STATUSES", "ExerciseProgress", "ProgressMap", "progress", "summarise"]

STATUSES = ("passed", "solution_seen", "hint_used", "attempted", "not_started")
ATTEMPT_VERDICTS = ("passed", "failed", "error")

_LABELS = {
    "passed": Text("passed", "통과"),
    "solution_seen": Text("solution seen", "풀이 봄"),
    "hint_used": Text("hint used", "힌트 사용"),
    "attempted": Text("attempted", "시도함"),
    "not_started": Text("not started", "시작 전"),
}
_MARKS = {"passed": "[x]", "solution_seen": "[s]", "hint_used": "[h]", "attempted": "[~]",
          "not_started": "[ ]"}
_ICONS = {"passed": "✔", "solution_seen": "◉", "hint_used": "?", "attempted": "✘", "not_started": "·"}
_COLOURS = {  # (background, border)
    "passed": ("#e6f4ea", "#2e7d32"),
    "solution_seen": ("#f3e5f5", "#7b1fa2"),
    "hint_used": ("#e8f0fe", "#1a73e8"),
    "attempted": ("#fdecea", "#c62828"),
    "not_started": ("#f1f3f4", "#9e9e9e"),
}

_TITLE = Text("Your progress", "진행 상황")
_TOTAL = Text("{passed} of {total} exercises passed", "연습문제 {total}개 중 {passed}개 통과")
_SELF_MODE = Text("Self-study mode: hints and solutions are there whenever you want them.",
                  "자습 모드: 힌트와 풀이를 언제든 볼 수 있습니다.")
_CLASS_MODE = Text(
    "Class mode{course} (set by {source}): solutions are not shown; each new version of a "
    "function that a check does not pass opens one more hint.",
    "수업 모드{course}({source}에서 설정): 풀이는 보이지 않고, 고친 함수가 check를 통과하지 못할 "
    "때마다 힌트가 하나씩 더 열립니다.",
)
_RECORDING_OFF = Text(
    "Recording is off (MLPLAB_PROGRESS=off or mlplab.ledger.set_recording(False)): this map shows "
    "only this session.",
    "기록이 꺼져 있습니다(MLPLAB_PROGRESS=off 또는 mlplab.ledger.set_recording(False)). 이 지도에는 "
    "이번 세션의 기록만 보입니다.",
)
_NO_EXERCISES = Text("no exercises — explore freely", "연습문제 없음 — 자유롭게 탐색하세요")
_CHECKS = (Text("1 check", "check 1회"), Text("{n} checks", "check {n}회"))
_HINTS = (Text("1 hint", "힌트 1개"), Text("{n} hints", "힌트 {n}개"))
_SOLUTION = Text("solution seen", "풀이 봄")
_LEGEND = Text("Legend", "범례")
_LEDGER = Text("Progress file: {path}", "진행 기록 파일: {path}")


@dataclass(frozen=True)
class ExerciseProgress:
    """What the ledger says about one exercise.

    status        : one of STATUSES (see the module docstring for the order)
    checks        : checks with a verdict (passed, failed, error)
    hints         : hints shown (the highest hint number seen)
    solution_seen : the solution was shown (not withheld) at least once
    """

    name: str
    status: str = "not_started"
    checks: int = 0
    hints: int = 0
    solution_seen: bool = False

    @property
    def label(self):
        return str(_LABELS[self.status])

    def details(self):
        """'3 checks · 2 hints · solution seen' (empty when nothing happened)."""
        parts = []
        for n, (one, many) in ((self.checks, _CHECKS), (self.hints, _HINTS)):
            if n:
                parts.append(str(one) if n == 1 else many.format(n=n))
        if self.solution_seen and self.status != "solution_seen":
            parts.append(str(_SOLUTION))
        return " · ".join(parts)


def summarise(name, records):
    """The ExerciseProgress of exercise ``name`` from ledger records (dicts)."""
    passed, checks, hints, solution = False, 0, 0, False
    for r in records:
        if r.get("exercise") != name:
            continue
        event = r.get("event")
        if event == "check" and r.get("verdict") in ATTEMPT_VERDICTS:
            checks += 1
            passed |= r.get("verdict") == "passed"
        elif event == "hint" and not r.get("withheld"):
            number = r.get("hint")
            hints = max(hints, number if isinstance(number, int) and number > 0 else 1)
        elif event == "solution" and not r.get("withheld"):
            solution = True
    if passed:
        status = "passed"
    elif solution:
        status = "solution_seen"
    elif hints:
        status = "hint_used"
    elif checks:
        status = "attempted"
    else:
        status = "not_started"
    return ExerciseProgress(name, status, checks, hints, solution)


class ProgressMap:
    """The course map with a status per exercise; HTML in Jupyter, text with ``str()``.

    lessons   : [(Lesson, [ExerciseProgress, ...]), ...] in course order
    settings  : the class-mode Settings in force
    recording : whether records are being saved
    path      : the progress file
    """

    def __init__(self, lessons, settings, recording, path):
        self.lessons, self.settings, self.recording, self.path = lessons, settings, recording, path

    @property
    def exercises(self):
        """{name: ExerciseProgress} for every exercise on the map."""
        return {p.name: p for _, items in self.lessons for p in items}

    def statuses(self):
        """{name: status} for every exercise on the map."""
        return {name: p.status for name, p in self.exercises.items()}

    def _counts(self):
        items = list(self.exercises.values())
        return sum(p.status == "passed" for p in items), len(items)

    def _notes(self):
        s = self.settings
        if s.is_class:
            lines = [_CLASS_MODE.format(course=f" — {s.name}" if s.name else "", source=s.source)]
        else:
            lines = [str(_SELF_MODE)]
        if not self.recording:
            lines.append(str(_RECORDING_OFF))
        return lines

    # -------------------------------------------------------------- text
    def text(self, show_path=False):
        """The plain-text map; ``show_path`` adds the progress file's location."""
        passed, total = self._counts()
        lines = [f"{_TITLE} — {_TOTAL.format(passed=passed, total=total)}"]
        lines += self._notes()
        if show_path:
            lines.append(_LEDGER.format(path=self.path))
        width = max((len(p.name) for _, items in self.lessons for p in items), default=8)
        for item, items in self.lessons:
            done = sum(p.status == "passed" for p in items)
            head = f"{item.number} {item.title}"
            lines.append("")
            lines.append(f"{head}  {done}/{len(items)}" if items else f"{head}  ({_NO_EXERCISES})")
            for p in items:
                extra = p.details()
                row = f"   {_MARKS[p.status]} {p.name:<{width}}  {p.label}"
                lines.append(f"{row}  ({extra})" if extra else row)
        legend = ", ".join(f"{_MARKS[s]} {_LABELS[s]}" for s in STATUSES)
        lines += ["", f"{_LEGEND}: {legend}"]
        return "\n".join(lines)

    def __str__(self):
        return self.text()

    __repr__ = __str__

    def _repr_pretty_(self, p, cycle):
        p.text(self.text())

    # -------------------------------------------------------------- html
    def _repr_html_(self):
        esc = html.escape
        passed, total = self._counts()
        out = ['<div style="font-family:inherit;color:#202124;background:#fff;padding:6px 10px;'
               'margin:4px 0;border-radius:4px;border:1px solid #e0e0e0;display:inline-block">',
               f"<b>{esc(str(_TITLE))}</b> — {esc(_TOTAL.format(passed=passed, total=total))}"]
        out += [f'<div style="font-size:90%;color:#5f6368">{esc(n)}</div>' for n in self._notes()]
        out.append('<table style="border-collapse:collapse;margin-top:4px">')
        for item, items in self.lessons:
            done = sum(p.status == "passed" for p in items)
            count = f"{done}/{len(items)}" if items else ""
            chips = "".join(self._chip(p) for p in items) or (
                f'<span style="color:#5f6368">{esc(str(_NO_EXERCISES))}</span>')
            out.append(
                '<tr style="border-top:1px solid #e0e0e0">'
                f'<td style="padding:3px 8px;text-align:left;white-space:nowrap">'
                f"<b>{esc(item.number)}</b> {esc(str(item.title))}</td>"
                f'<td style="padding:3px 8px;text-align:left">{chips}</td>'
                f'<td style="padding:3px 8px;text-align:right;color:#5f6368">{esc(count)}</td></tr>')
        out.append("</table>")
        legend = " ".join(self._chip_html(s, str(_LABELS[s]), str(_LABELS[s]), code=False)
                          for s in STATUSES)
        out.append(f'<div style="font-size:85%;margin-top:4px">{esc(str(_LEGEND))}: {legend}</div>')
        out.append("</div>")
        return "".join(out)

    def _chip(self, p):
        tip = p.label + (f" — {p.details()}" if p.details() else "")
        return self._chip_html(p.status, p.name, tip)

    @staticmethod
    def _chip_html(status, text, tip, code=True):
        bg, border = _COLOURS[status]
        label = (f'<code style="background:none;color:#202124">{html.escape(text)}</code>' if code
                 else html.escape(text))
        return (f'<span title="{html.escape(tip)}" style="display:inline-block;background:{bg};'
                f"border:1px solid {border};border-radius:10px;padding:0 7px;margin:1px 2px;"
                f'white-space:nowrap;color:#202124"><span style="color:{border}">{_ICONS[status]}'
                f"</span> {label}</span>")


def progress(lesson=None):
    """The course map with the status of every exercise (or of one lesson's).

    In Jupyter it shows as a table; ``print(mlplab.progress())`` gives text.

    Parameters
    ----------
    lesson : str or int, optional
        Only this lesson: its number ("04" or 4), slug ("activations") or name.

    Returns
    -------
    ProgressMap   (``.statuses()`` gives {exercise: status})
    """
    from . import course
    from .classmode import settings
    from .ledger import ledger_path, recording, records

    if isinstance(lesson, int) and not isinstance(lesson, bool):
        lesson = f"{lesson:02d}"
    chosen = course.LESSONS if lesson is None else (course.lesson(lesson),)
    recs = records()
    rows = [(item, [summarise(name, recs) for name in item.exercises]) for item in chosen]
    return ProgressMap(rows, settings(), recording(), ledger_path())
