"""Grade a class's lesson notebooks on one machine: ``python -m mlplab grade``.

    python -m mlplab grade submissions/ --out grades.csv --feedback feedback/

Every notebook is graded in a fresh Python kernel of its own (this machine's
Python, through nbclient), several side by side (one per core by default):

1. the kernel runs the notebook's ``import`` lines (from every code cell; the
   rest of those cells is skipped, so explorers and training runs cost
   nothing; imports of plotting and widget modules, ``NOT_IMPORTED``, too),
   then its exercise cells, in notebook order. Exercise cells are
   the cells tagged ``exercise``, and any cell that defines one of the
   lesson's exercise functions at the top level (``def softmax(``), so a
   notebook whose tags were lost is graded too; the last definition wins, as
   in "Restart & Run All";
2. each exercise function goes through the same checker as ``check(name)``
   in the lessons, under a time limit per exercise;
3. a cell or check that runs past its time limit, or kills the kernel, gets a
   row saying so; the kernel is replaced and the other exercises are graded.
   A notebook over its total time limit, or not a readable notebook, gets a
   row per exercise saying so; the other notebooks are graded.

The result is a CSV (``student, lesson, exercise, verdict, message``; UTF-8
with a byte-order mark, so that spreadsheet programs show Korean names) and,
with ``--feedback DIR``, one HTML page per student. Messages are the
checker's (what is wrong, on which input) and the grader's; they never show
reference code or a traceback. The grader runs students' code: run it as a
user without access to anything secret.

Verdicts: passed, failed, not_attempted, error (the checker's), timeout,
crashed, invalid (the grader's).
"""

from __future__ import annotations

import ast
import csv
import html
import json
import math
import os
import pathlib
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from . import course
from .i18n import LANGUAGES, Text

__all__ = ["VERDICTS", "Row", "Submission", "find_submissions", "identify", "read_submission",
           "plan_cells", "grade_notebook", "grade", "write_csv", "write_feedback"]

VERDICTS = ("passed", "failed", "not_attempted", "error", "timeout", "crashed", "invalid")
COLUMNS = ("student", "lesson", "exercise", "verdict", "message")
MIME = "application/vnd.mlplab.grade+json"
KERNEL_NAME = "mlplab-grader"
GRACE = 10.0  # seconds the kernel gets beyond the exercise limit to report a timeout itself
MAX_ERROR = 300  # characters of a student's exception message in a row


# ------------------------------------------------------------------ messages
_M = {
    "not_defined": Text(
        "no function `{name}` in the notebook: its exercise cell is missing or defines another name",
        "노트북에 `{name}` 함수가 없습니다: 연습문제 셀이 없거나 다른 이름을 정의합니다"),
    "cell_raised": Text(
        "no function `{name}`: its exercise cell raised {error}",
        "`{name}` 함수가 없습니다: 연습문제 셀에서 오류가 났습니다 — {error}"),
    "raised": Text(
        "the check of `{name}` stopped: your function raised {error}, which the checker does not "
        "catch (for example sys.exit)",
        "`{name}` 확인이 중단되었습니다: 함수에서 {error}이(가) 발생했고, 이것은 checker가 처리하지 "
        "않습니다(예: sys.exit)"),
    "check_timeout": Text(
        "the check of `{name}` did not finish within {limit:g} s — an endless loop, or a very slow "
        "function?",
        "`{name}` 확인이 {limit:g}초 안에 끝나지 않았습니다 — 무한 루프이거나 아주 느린 함수인가요?"),
    "cell_timeout": Text(
        "the exercise cell of `{name}` did not finish within {limit:g} s (an endless loop at the top "
        "level of the cell?); it was stopped, so `{name}` was not checked",
        "`{name}`의 연습문제 셀이 {limit:g}초 안에 끝나지 않아(셀 안의 무한 루프?) 중단했습니다. "
        "그래서 `{name}`은(는) 확인하지 못했습니다"),
    "notebook_timeout": Text(
        "grading stopped after {limit:g} s, the time limit per notebook, before `{name}` was checked",
        "노트북당 제한 시간 {limit:g}초가 지나 `{name}`을(를) 확인하기 전에 채점을 멈췄습니다"),
    "check_crashed": Text(
        "the Python kernel stopped while `{name}` was checked (for example os._exit, or a crash in "
        "native code); the other exercises were checked in a new kernel",
        "`{name}`을(를) 확인하는 중에 파이썬 커널이 멈췄습니다(예: os._exit, 네이티브 코드의 충돌). "
        "다른 연습문제는 새 커널에서 확인했습니다"),
    "cell_crashed": Text(
        "the Python kernel stopped while running the exercise cell of `{name}` (for example "
        "os._exit); `{name}` was not checked, the other exercises were, in a new kernel",
        "`{name}`의 연습문제 셀을 실행하는 중에 파이썬 커널이 멈췄습니다(예: os._exit). `{name}`은(는) "
        "확인하지 못했고, 다른 연습문제는 새 커널에서 확인했습니다"),
    "setup_failed": Text(
        "the notebook could not be run: {reason}",
        "노트북을 실행할 수 없었습니다: {reason}"),
    "no_result": Text(
        "the grader got no verdict for `{name}` ({reason})",
        "`{name}`의 채점 결과를 받지 못했습니다({reason})"),
    "invalid": Text(
        "this file is not a readable notebook ({reason}); open it in Jupyter, save it and submit it "
        "again",
        "이 파일은 읽을 수 있는 노트북이 아닙니다({reason}). Jupyter에서 열어 저장한 뒤 다시 제출하세요"),
    "unknown_lesson": Text(
        "could not tell which lesson this notebook is: keep the lesson's name in the file name "
        "(e.g. kim_04_activations.ipynb) and its exercise cells",
        "어느 레슨의 노트북인지 알 수 없습니다: 파일 이름에 레슨 이름을 남기고(예: "
        "kim_04_activations.ipynb) 연습문제 셀을 지우지 마세요"),
}
_VERDICT_LABELS = {
    "passed": Text("passed", "통과"),
    "failed": Text("failed", "실패"),
    "not_attempted": Text("not attempted", "시도 안 함"),
    "error": Text("error", "오류"),
    "timeout": Text("time limit", "시간 초과"),
    "crashed": Text("kernel stopped", "커널 중단"),
    "invalid": Text("not readable", "읽을 수 없음"),
}


def _say(key, language, **fields):
    return _M[key].in_language(language).format(**fields)


# ------------------------------------------------------------------ records
@dataclass(frozen=True)
class Row:
    """One line of the grades CSV."""

    student: str
    lesson: str
    exercise: str
    verdict: str
    message: str

    def as_list(self):
        return [self.student, self.lesson, self.exercise, self.verdict, self.message]


@dataclass
class Submission:
    """A notebook file and who/what it is.

    nb      : the notebook (an nbformat NotebookNode), or None if unreadable
    problem : why it could not be read, or ""
    lesson  : a ``course.Lesson``, or None if it could not be told
    """

    path: pathlib.Path
    student: str = ""
    lesson: course.Lesson | None = None
    nb: object = None
    problem: str = ""
    seconds: float = 0.0
    rows: list = field(default_factory=list)


# ------------------------------------------------------------------ finding notebooks
def find_submissions(paths):
    """The notebook files named by ``paths``: files as given, folders searched for ``*.ipynb``."""
    found = []
    for raw in paths:
        path = pathlib.Path(raw)
        if path.is_dir():
            found += sorted(p for p in path.rglob("*.ipynb")
                            if ".ipynb_checkpoints" not in p.parts and p.is_file())
        elif path.is_file():
            found.append(path)
        else:
            raise FileNotFoundError(f"no such file or folder: {raw}")
    seen, unique = set(), []
    for p in found:
        key = p.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(p)
    return unique


def read_submission(path):
    """(notebook, "") or (None, why it is not a readable notebook)."""
    import nbformat

    try:
        text = pathlib.Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return None, "not UTF-8 text"
    except OSError as exc:
        return None, f"{type(exc).__name__}: {exc.strerror or exc}"
    try:
        data = json.loads(text)
    except ValueError as exc:
        return None, f"invalid JSON: {exc}"
    if not isinstance(data, dict) or not isinstance(data.get("cells"), list):
        return None, "JSON without notebook cells"
    try:
        nb = nbformat.reads(text, as_version=4)
    except Exception as exc:
        return None, f"not a Jupyter notebook ({type(exc).__name__})"
    for cell in nb.cells:
        if not isinstance(cell.get("source", ""), str) or "cell_type" not in cell:
            return None, "a cell without text"
    return nb, ""


_COPY_SUFFIX = re.compile(r"(\s*\(\d+\)|-Copy\d*)$")
_SEPARATORS = " _-.()[]"


def _lesson_in_name(stem):
    """(lesson, the stem without it) from a file stem, or (None, stem)."""
    low = stem.lower()
    for item in course.LESSONS:
        i = low.find(item.name)
        if i >= 0:
            return item, stem[:i] + " " + stem[i + len(item.name):]
    numbers = {m.group(1) for m in re.finditer(r"(?<!\d)(\d\d)(?!\d)", stem)}
    known = [item for item in course.LESSONS if item.number in numbers]
    if len(known) == 1 and len(numbers) == 1:
        m = re.search(rf"(?<!\d){known[0].number}(?!\d)", stem)
        return known[0], stem[:m.start()] + " " + stem[m.end():]
    return None, stem


def _lesson_from_cells(nb):
    """The lesson whose exercise functions the notebook defines most, or None (no or a tie)."""
    counts = {}
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        for name in _DEF_RE.findall(cell.source):
            try:
                item = course.lesson_of_exercise(name)
            except ValueError:
                continue
            counts[item] = counts.get(item, 0) + 1
    if not counts:
        return None
    best = max(counts.values())
    winners = [item for item, n in counts.items() if n == best]
    return winners[0] if len(winners) == 1 else None


def identify(path, nb=None, pattern=None):
    """(student, lesson or None) of a submission.

    In this order, the first that answers:

    1. ``pattern``: a regular expression searched in the file's path (with
       ``/`` separators) whose named group ``student`` (and optionally
       ``lesson``, a number like ``04``) gives them;
    2. the notebook's metadata ``{"mlplab": {"student": ..., "lesson": ...}}``;
    3. the file name: the lesson's name (``04_activations``) or, if it is the
       only two-digit number in the name, its number (``kim_04.ipynb``); the
       student is what remains of the name (``kim_04_activations`` -> ``kim``),
       or, when nothing remains, the name of the folder the file is in
       (``kim/04_activations.ipynb`` -> ``kim``). Jupyter's copy suffixes
       (``-Copy1``, `` (1)``) are ignored;
    4. the lesson only: the lesson whose exercise functions the notebook defines.
    """
    path = pathlib.Path(path)
    student, lesson = "", None
    if pattern:
        m = re.search(pattern, path.as_posix())
        if m:
            groups = m.groupdict()
            student = (groups.get("student") or "").strip()
            if groups.get("lesson"):
                try:
                    lesson = course.lesson(groups["lesson"])
                except ValueError:
                    lesson = None
    meta = nb.metadata.get("mlplab", {}) if nb is not None else {}
    if isinstance(meta, dict):
        if not student and isinstance(meta.get("student"), str):
            student = meta["student"].strip()
        if lesson is None and isinstance(meta.get("lesson"), str):
            try:
                lesson = course.lesson(meta["lesson"])
            except ValueError:
                lesson = None
    stem = _COPY_SUFFIX.sub("", path.stem)
    in_name, rest = _lesson_in_name(stem)
    if lesson is None:
        lesson = in_name
    if not student:
        student = rest.strip(_SEPARATORS) if in_name is not None else ""
    if not student:
        parent = path.resolve().parent.name if in_name is not None else ""
        student = parent or stem
    if lesson is None and nb is not None:
        lesson = _lesson_from_cells(nb)
    return student, lesson


# ------------------------------------------------------------------ planning a run
_DEF_RE = re.compile(r"^def\s+([A-Za-z_]\w*)\s*\(", re.M)
_MAGIC_RE = re.compile(r"^\s*[%!?]")


def _without_magics(source):
    return "\n".join("" if _MAGIC_RE.match(line) else line for line in source.splitlines())


# Modules that draw or make widgets: no exercise function needs them, and importing them
# (matplotlib, ipywidgets, the explorers) is about a third of the time a notebook takes.
NOT_IMPORTED = ("matplotlib", "ipywidgets", "mlplab.widgets", "mlplab.plots")


def _skipped(module):
    return any(module == m or module.startswith(m + ".") for m in NOT_IMPORTED)


def _imports(source):
    """The top-level import statements of a cell, as source text, without NOT_IMPORTED modules."""
    text = _without_magics(source)
    try:
        tree = ast.parse(text)
    except SyntaxError:  # a broken cell: its single-line imports still count
        return [line for line in text.splitlines()
                if re.match(r"^(import\s+\w|from\s+[\w.]+\s+import\s)", line) and "(" not in line
                and not _skipped(line.split()[1].rstrip(","))]
    found = []
    for node in tree.body:
        if isinstance(node, ast.Import):
            keep = [a for a in node.names if not _skipped(a.name)]
        elif isinstance(node, ast.ImportFrom) and not node.level:
            if _skipped(node.module or ""):
                continue
            keep = [a for a in node.names if not _skipped(f"{node.module}.{a.name}")]
        else:
            continue
        if len(keep) == len(node.names):
            found.append(ast.get_source_segment(text, node))
        elif keep:
            node.names = keep
            found.append(ast.unparse(node))
    return found


@dataclass(frozen=True)
class PlannedCell:
    index: int  # in the notebook
    source: str
    defines: tuple  # the lesson's exercise names it defines


def plan_cells(nb, lesson):
    """(import lines, exercise cells) to run for ``lesson`` (None: any catalogue exercise)."""
    names = set(lesson.exercises) if lesson is not None else _catalogue_names()
    imports, cells = [], []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code" or not cell.source.strip():
            continue
        for line in _imports(cell.source):
            if line not in imports:
                imports.append(line)
        defines = tuple(n for n in dict.fromkeys(_DEF_RE.findall(cell.source)) if n in names)
        tagged = "exercise" in cell.get("metadata", {}).get("tags", [])
        if tagged or defines:
            cells.append(PlannedCell(i, cell.source, defines))
    return imports, cells


def _catalogue_names():
    return {name for item in course.LESSONS for name in item.exercises}


# ------------------------------------------------------------------ the kernel side
_PRELUDE = r'''
def _mlplab_grader():
    import _thread
    import json
    import threading
    from IPython import get_ipython
    from IPython.display import display
    from mlplab.exercises import check
    from mlplab.exercises import CHECK_SECONDS, time_limits

    namespace = get_ipython().user_ns
    for line in {imports!r}:
        try:
            exec(line, namespace)
        except BaseException:  # a module missing here: the exercise that needs it will say so
            pass

    def grade(name, limit):
        fn = namespace.get(name)
        lock, state = threading.Lock(), {{"done": False}}

        def stop():
            with lock:
                if not state["done"]:
                    _thread.interrupt_main()

        out = {{"nonce": {nonce!r}, "name": name}}
        timer = threading.Timer(limit, stop)
        try:
            if fn is None:
                out["verdict"] = "missing"
            else:
                # the checker stops a runaway function itself (after CASE/CHECK_SECONDS, as an
                # error verdict); when this exercise's limit is not clearly longer, it waits
                # past it, so this timer decides alone -- two clocks never race
                own = time_limits(case=limit + 1, check=limit + 1) if limit <= CHECK_SECONDS + 1 \
                    else time_limits()
                timer.start()
                try:
                    with own:
                        result = check(name, fn)
                finally:
                    with lock:
                        state["done"] = True
                    timer.cancel()
                out.update(verdict=str(result.status), message=str(result.message))
        except KeyboardInterrupt:
            out["verdict"] = "timeout"
        except BaseException as exc:
            out.update(verdict="raised", error=type(exc).__name__)
        display({{{mime!r}: out}}, raw=True)

    return grade


{grader} = _mlplab_grader()
del _mlplab_grader
'''


def _kernel_manager(env):
    from jupyter_client.kernelspec import KernelSpec, KernelSpecManager, NoSuchKernel
    from jupyter_client.manager import AsyncKernelManager

    class _OneKernel(KernelSpecManager):
        def get_kernel_spec(self, kernel_name):
            if kernel_name != KERNEL_NAME:
                raise NoSuchKernel(kernel_name)
            return KernelSpec(argv=[sys.executable, "-m", "ipykernel_launcher", "-f",
                                    "{connection_file}"],
                              display_name="mlplab grader", language="python", env=env,
                              resource_dir="")

        def find_kernel_specs(self):
            return {KERNEL_NAME: ""}

    return AsyncKernelManager(kernel_name=KERNEL_NAME, kernel_spec_manager=_OneKernel())


def _kernel_env(language, data_dir):
    return {
        "MPLBACKEND": "agg", "MLPLAB_LANG": language,
        # students' code never touches the grading machine's progress ledger
        "MLPLAB_PROGRESS": "off", "MLPLAB_DATA_DIR": data_dir, "MLPLAB_MODE": "self",
        "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
        "PYTHONWARNINGS": "ignore",
    }


def _error_text(cell):
    """'NameError: name 'x' is not defined' of a cell's error output, or ""."""
    for out in cell.get("outputs", []):
        if out.get("output_type") == "error":
            value = re.sub(r"\x1b\[[0-9;]*m", "", str(out.get("evalue", ""))).strip()
            text = f"{out.get('ename', 'Error')}: {value}" if value else str(out.get("ename", "Error"))
            return text if len(text) <= MAX_ERROR else text[: MAX_ERROR - 4] + " ..."
    return ""


def _result(cell, nonce):
    """The grader's payload in a cell's outputs (the last one with our nonce), or None."""
    found = None
    for out in cell.get("outputs", []):
        data = out.get("data", {}) if out.get("output_type") == "display_data" else {}
        payload = data.get(MIME)
        if isinstance(payload, str):
            try:
                payload = json.loads(payload)
            except ValueError:
                payload = None
        if isinstance(payload, dict) and payload.get("nonce") == nonce:
            found = payload
    return found


class _KernelLost(Exception):
    def __init__(self, how):
        super().__init__(how)
        self.how = how  # "timeout" or "crashed"


def _run(client, cell, index, timeout):
    """Execute one cell; raises _KernelLost if it times out or the kernel dies."""
    from nbclient.exceptions import CellTimeoutError, DeadKernelError

    client.timeout = max(1, math.ceil(timeout))  # whole seconds, never shorter than asked
    try:
        client.execute_cell(cell, index)
    except CellTimeoutError:
        raise _KernelLost("timeout") from None
    except DeadKernelError:
        raise _KernelLost("crashed") from None
    except Exception as exc:  # zmq / kernel protocol trouble: treat as a lost kernel
        if "dead" in str(exc).lower() or "died" in str(exc).lower():
            raise _KernelLost("crashed") from None
        raise


def grade_notebook(sub, timeout_notebook=300.0, timeout_exercise=30.0, language="en"):
    """Grade one readable Submission; returns its Rows (one per exercise of its lesson)."""
    import nbformat
    from nbclient import NotebookClient

    lesson, student = sub.lesson, sub.student
    names = list(lesson.exercises)
    if not names:
        return []
    imports, cells = plan_cells(sub.nb, lesson)
    verdicts = {}  # name -> (verdict, message)
    cell_errors = {}  # name -> error text of the cell that should define it
    skip = set()  # cells that hung or killed the kernel
    deadline = time.monotonic() + timeout_notebook
    nonce = secrets.token_hex(8)
    grader = f"_mlplab_grade_{nonce}"
    prelude = _PRELUDE.format(imports=imports, nonce=nonce, mime=MIME, grader=grader)
    workdir = tempfile.mkdtemp(prefix="mlplab-grade-")
    env = _kernel_env(language, os.path.join(workdir, ".mlplab"))

    def left():
        return deadline - time.monotonic()

    def finish(verdict, key, **fields):
        for name in names:
            if name not in verdicts:
                verdicts[name] = (verdict, _say(key, language, name=name, **fields))

    try:
        while len(verdicts) < len(names):
            if left() <= 0:
                finish("timeout", "notebook_timeout", limit=timeout_notebook)
                break
            work = nbformat.v4.new_notebook()
            work.cells = [nbformat.v4.new_code_cell(prelude)]
            work.cells += [nbformat.v4.new_code_cell(c.source) for c in cells]
            todo = [n for n in names if n not in verdicts]
            work.cells += [nbformat.v4.new_code_cell(f"{grader}({n!r}, {timeout_exercise!r})")
                           for n in todo]
            client = NotebookClient(work, km=_kernel_manager(env), kernel_name=KERNEL_NAME,
                                    allow_errors=True, shutdown_kernel="immediate",
                                    startup_timeout=max(10, int(left())), iopub_timeout=5,
                                    resources={"metadata": {"path": workdir}})
            lost, started = None, False
            try:
                with client.setup_kernel(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL):
                    started = True
                    try:
                        _run(client, work.cells[0], 0, left())
                    except _KernelLost as exc:  # only the notebook's limit applies here
                        reason = ("the notebook's import lines did not finish in time"
                                  if exc.how == "timeout" else "the kernel stopped during its imports")
                        finish(exc.how, "setup_failed", reason=reason)
                        break
                    for k, planned in enumerate(cells, start=1):
                        if planned.index in skip:
                            continue
                        limit = min(timeout_exercise, left())
                        try:
                            _run(client, work.cells[k], k, limit)
                        except _KernelLost as exc:
                            skip.add(planned.index)
                            budget = exc.how == "timeout" and limit < timeout_exercise
                            lost = ("notebook", None) if budget else (exc.how, planned)
                            break
                        error = _error_text(work.cells[k])
                        for name in planned.defines:
                            if error:
                                cell_errors[name] = error
                            else:
                                cell_errors.pop(name, None)
                    if lost is None:
                        base = 1 + len(cells)
                        for j, name in enumerate(todo):
                            limit = min(timeout_exercise + GRACE, left())
                            cell = work.cells[base + j]
                            try:
                                _run(client, cell, base + j, limit)
                            except _KernelLost as exc:
                                if exc.how == "timeout" and limit < timeout_exercise + GRACE:
                                    lost = ("notebook", None)
                                else:
                                    key = "check_timeout" if exc.how == "timeout" else "check_crashed"
                                    verdicts[name] = (exc.how, _say(key, language, name=name,
                                                                    limit=timeout_exercise))
                                    lost = ("check", None)
                                break
                            verdicts[name] = _verdict(cell, nonce, name, cell_errors, language,
                                                      timeout_exercise)
            except Exception as exc:
                if not started:  # the kernel did not start
                    finish("crashed", "setup_failed",
                           reason=f"the Python kernel did not start ({type(exc).__name__})")
                    break
                # trouble while shutting the kernel down: the verdicts so far stand
                lost = lost or ("check", None)
            if lost is None:
                break
            how, planned = lost
            if how == "notebook":
                finish("timeout", "notebook_timeout", limit=timeout_notebook)
                break
            if planned is not None:  # a cell hung or crashed: its exercises cannot be checked,
                key = "cell_timeout" if how == "timeout" else "cell_crashed"
                later = {n for c in cells if c.index > planned.index and c.index not in skip
                         for n in c.defines}  # unless a later cell defines them again
                for name in planned.defines:
                    if name not in later:
                        verdicts.setdefault(name, (how, _say(key, language, name=name,
                                                             limit=timeout_exercise)))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return [Row(student, lesson.number, name, *verdicts[name]) for name in names]


def _verdict(cell, nonce, name, cell_errors, language, limit):
    """(verdict, message) from a grading cell's outputs."""
    payload = _result(cell, nonce)
    if payload is None:
        error = _error_text(cell)
        if error.startswith("KeyboardInterrupt"):
            return "timeout", _say("check_timeout", language, name=name, limit=limit)
        return "error", _say("no_result", language, name=name, reason=error or "no output")
    verdict = payload.get("verdict")
    if verdict == "missing":
        if name in cell_errors:
            return "not_attempted", _say("cell_raised", language, name=name, error=cell_errors[name])
        return "not_attempted", _say("not_defined", language, name=name)
    if verdict == "timeout":
        return "timeout", _say("check_timeout", language, name=name, limit=limit)
    if verdict == "raised":
        return "error", _say("raised", language, name=name, error=str(payload.get("error", "?")))
    if verdict in ("passed", "failed", "not_attempted", "error"):
        return verdict, str(payload.get("message", ""))
    return "error", _say("no_result", language, name=name, reason=f"unknown verdict {verdict!r}")


# ------------------------------------------------------------------ a class
def _problem_rows(sub, language):
    reason = (_say("invalid", language, reason=sub.problem) if sub.problem
              else _say("unknown_lesson", language))
    if sub.lesson is None:
        return [Row(sub.student, "", "", "invalid", reason)]
    return [Row(sub.student, sub.lesson.number, name, "invalid", reason)
            for name in sub.lesson.exercises]


def _order(row):
    try:
        item = course.lesson(row.lesson)
        position = list(item.exercises).index(row.exercise) if row.exercise in item.exercises else -1
    except ValueError:
        position = -1
    return (row.student, row.lesson, position, row.exercise)


def grade(paths, jobs=None, timeout_notebook=300.0, timeout_exercise=30.0, language="en",
          pattern=None, log=None):
    """Grade every notebook in ``paths``; returns (rows sorted by student, lesson, exercise; submissions).

    jobs : notebooks graded at once (default: one per core)
    log  : called with one line of text per notebook graded (e.g. ``print``)
    """
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; choose one of: {', '.join(LANGUAGES)}")
    for name, value in (("timeout_notebook", timeout_notebook), ("timeout_exercise", timeout_exercise)):
        if not isinstance(value, (int, float)) or not value > 0:
            raise ValueError(f"{name} must be a positive number of seconds; got {value!r}")
    jobs = jobs or os.cpu_count() or 1
    if not isinstance(jobs, int) or jobs < 1:
        raise ValueError(f"jobs must be a positive whole number; got {jobs!r}")
    subs = []
    for path in find_submissions(paths):
        nb, problem = read_submission(path)
        student, lesson = identify(path, nb, pattern)
        subs.append(Submission(path, student, lesson, nb, problem))
    done, lock = [0], threading.Lock()

    def work(sub):
        start = time.perf_counter()
        if sub.nb is None or sub.lesson is None:
            sub.rows = _problem_rows(sub, language)
        else:
            try:
                sub.rows = grade_notebook(sub, timeout_notebook, timeout_exercise, language)
            except Exception as exc:  # a grader bug must not lose the rest of the class
                sub.problem = f"{type(exc).__name__}: {exc}"
                sub.rows = [Row(sub.student, sub.lesson.number, name, "error",
                                _say("setup_failed", language, reason=sub.problem))
                            for name in sub.lesson.exercises]
        sub.seconds = time.perf_counter() - start
        if log is not None:
            with lock:
                done[0] += 1
                counts = {}
                for row in sub.rows:
                    counts[row.verdict] = counts.get(row.verdict, 0) + 1
                summary = ", ".join(f"{n} {v}" for v, n in sorted(counts.items())) or "no exercises"
                log(f"[{done[0]}/{len(subs)}] {sub.path}: {sub.student or '?'}, lesson "
                    f"{sub.lesson.number if sub.lesson else '?'}: {summary} ({sub.seconds:.1f} s)")
        return sub

    pool = ThreadPoolExecutor(max_workers=jobs)
    try:
        list(pool.map(work, subs))
    except BaseException:  # Ctrl-C: start nothing new
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()
    rows = sorted((row for sub in subs for row in sub.rows), key=_order)
    return rows, subs


def duplicates(subs):
    """{(student, lesson): [paths]} for students with more than one notebook of a lesson."""
    seen = {}
    for sub in subs:
        if sub.lesson is not None:
            seen.setdefault((sub.student, sub.lesson.number), []).append(str(sub.path))
    return {key: paths for key, paths in seen.items() if len(paths) > 1}


# ------------------------------------------------------------------ output
def write_csv(rows, path):
    """The grades CSV: a header, then one row per (student, lesson, exercise); UTF-8 with BOM."""
    path = pathlib.Path(path)
    if path.parent != pathlib.Path(""):
        path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(COLUMNS)
        writer.writerows(row.as_list() for row in rows)
    return path


def _safe_name(student):
    name = re.sub(r"[^\w.-]+", "_", student, flags=re.UNICODE).strip("._") or "student"
    return name[:80]


_PAGE = {
    "title": Text("Feedback for {student}", "{student} 님의 피드백"),
    "summary": Text("{passed} of {total} exercises passed.",
                    "연습문제 {total}개 중 {passed}개를 통과했습니다."),
    "how": Text(
        "How this was graded: a fresh Python ran your notebook's import lines and exercise cells, "
        "then checked each exercise with the same checker as check(\"name\") in the lessons. Other "
        "cells were not run, so put any helper function inside the exercise cell. Run check(\"name\") "
        "in the lesson to see the same messages.",
        "채점 방법: 새 파이썬 커널에서 노트북의 import 줄과 연습문제 셀을 실행한 다음, 레슨의 "
        "check(\"name\")과 같은 checker로 각 연습문제를 확인했습니다. 다른 셀은 실행하지 않았으니 "
        "보조 함수는 연습문제 셀 안에 두세요. 레슨에서 check(\"name\")를 실행하면 같은 메시지를 볼 수 "
        "있습니다."),
    "exercise": Text("exercise", "연습문제"),
    "verdict": Text("verdict", "결과"),
    "message": Text("message", "메시지"),
    "notebook": Text("notebook", "노트북"),
    "unknown": Text("(lesson unknown)", "(레슨을 알 수 없음)"),
}
_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI","Apple SD Gothic Neo","Malgun Gothic",sans-serif;
max-width:60em;margin:2em auto;padding:0 1em;color:#202124;line-height:1.45}
table{border-collapse:collapse;width:100%;margin:.5em 0 1.5em}
th,td{border-top:1px solid #e0e0e0;padding:.35em .6em;text-align:left;vertical-align:top}
pre{white-space:pre-wrap;margin:0;font-size:90%}
.v{font-weight:bold;white-space:nowrap}
.passed{color:#2e7d32}.failed{color:#c62828}.not_attempted{color:#757575}.error{color:#ef6c00}
.timeout,.crashed,.invalid{color:#6a1b9a}
.how{color:#5f6368;font-size:90%}
"""


def write_feedback(rows, directory, language="en", subs=()):
    """One HTML page per student in ``directory``; returns {student: path}.

    Every text on the page is escaped; messages are the CSV's (never
    reference code or a traceback).
    """
    from . import __version__

    directory = pathlib.Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    say = {key: text.in_language(language) for key, text in _PAGE.items()}
    files = {}
    for sub in subs:
        if sub.lesson is not None:
            files.setdefault((sub.student, sub.lesson.number), []).append(sub.path.name)
    by_student = {}
    for row in rows:
        by_student.setdefault(row.student, []).append(row)
    pages, used = {}, set()
    for student in sorted(by_student):
        mine = by_student[student]
        base = _safe_name(student)
        name, n = base, 1
        while name.lower() in used:
            n += 1
            name = f"{base}-{n}"
        used.add(name.lower())
        graded = [r for r in mine if r.exercise]
        passed = sum(r.verdict == "passed" for r in graded)
        esc = html.escape
        parts = ["<!doctype html>", f'<html lang="{language}"><head><meta charset="utf-8">',
                 f"<title>{esc(say['title'].format(student=student))}</title>",
                 f"<style>{_CSS}</style></head><body>",
                 f"<h1>{esc(say['title'].format(student=student))}</h1>",
                 f"<p>{esc(say['summary'].format(passed=passed, total=len(graded)))}</p>",
                 f'<p class="how">{esc(say["how"])}</p>']
        lessons = {}
        for row in mine:
            lessons.setdefault(row.lesson, []).append(row)
        for number, items in lessons.items():
            try:
                item = course.lesson(number)
                heading = f"{item.number} {item.title.in_language(language)}"
            except ValueError:
                heading = say["unknown"]
            parts.append(f"<h2>{esc(heading)}</h2>")
            names = files.get((student, number))
            if names:
                parts.append(f'<p class="how">{esc(say["notebook"])}: {esc(", ".join(names))}</p>')
            parts.append(f"<table><tr><th>{esc(say['exercise'])}</th><th>{esc(say['verdict'])}</th>"
                         f"<th>{esc(say['message'])}</th></tr>")
            for row in items:
                label = _VERDICT_LABELS.get(row.verdict)
                label = label.in_language(language) if label else row.verdict
                verdict_class = row.verdict if row.verdict in VERDICTS else "error"
                parts.append(f"<tr><td><code>{esc(row.exercise)}</code></td>"
                             f'<td class="v {verdict_class}">{esc(label)}</td>'
                             f"<td><pre>{esc(row.message)}</pre></td></tr>")
            parts.append("</table>")
        parts.append(f'<p class="how">mlplab {esc(__version__)}</p></body></html>')
        path = directory / f"{name}.html"
        path.write_text("\n".join(parts), encoding="utf-8")
        pages[student] = path
    return pages
