"""``python -m mlplab grade``: who and which lesson a notebook is, what runs, the CSV and
the feedback pages, and a synthetic class graded end to end with the exact expected CSV."""

from __future__ import annotations

import csv
import html
import inspect
import io
import linecache
import os
import pathlib
import subprocess
import sys
import time

import nbformat
import numpy as np
import pytest
import synthetic_class as synth

from mlplab import course
from mlplab.exercises import CATALOGUE, check
from mlplab.grading import COLUMNS, Row, identify, plan_cells, read_submission, write_csv, write_feedback

ROOT = pathlib.Path(__file__).resolve().parent.parent
L04 = course.lesson("04")


def _nb(cells=(), metadata=None):
    nb = nbformat.v4.new_notebook()
    nb.cells = list(cells)
    nb.metadata.update(metadata or {})
    return nb


def _code(source, tags=None):
    cell = nbformat.v4.new_code_cell(source)
    if tags:
        cell.metadata["tags"] = list(tags)
    return cell


# ------------------------------------------------------------------ who and which lesson
@pytest.mark.parametrize("path, student, lesson", [
    ("subs/kim_04_activations.ipynb", "kim", "04"),
    ("subs/04_activations_kim.ipynb", "kim", "04"),
    ("subs/kim/04_activations.ipynb", "kim", "04"),
    ("subs/kim/04_activations-Copy1.ipynb", "kim", "04"),
    ("subs/2023123456_04_activations (1).ipynb", "2023123456", "04"),
    ("subs/이민지_04_activations.ipynb", "이민지", "04"),
    ("subs/park_04.ipynb", "park", "04"),
    ("subs/lee-02_linear_regression.ipynb", "lee", "02"),
])
def test_the_file_name_gives_student_and_lesson(path, student, lesson):
    who, which = identify(path, _nb())
    assert (who, which.number) == (student, lesson)


def test_metadata_names_the_student_and_the_lesson():
    nb = _nb(metadata={"mlplab": {"student": "choi", "lesson": "06"}})
    who, which = identify("upload/notebook.ipynb", nb)
    assert (who, which.number) == ("choi", "06")


def test_a_pattern_wins_over_metadata_and_name():
    nb = _nb(metadata={"mlplab": {"student": "metadata-name"}})
    who, which = identify("canvas/kimminji_123_456_03_softmax.ipynb", nb,
                          pattern=r"(?P<student>[^/_]+)_\d+_\d+_(?P<lesson>\d\d)")
    assert (who, which.number) == ("kimminji", "03")


def test_without_a_lesson_in_the_name_the_exercise_cells_tell_it():
    nb = _nb([_code("import numpy as np"), _code("def relu(x):\n    return x"),
              _code("def sigmoid(x):\n    raise NotImplementedError")])
    who, which = identify("upload/my work.ipynb", nb)
    assert (who, which.number) == ("my work", "04")


def test_a_notebook_of_no_lesson_is_identified_without_one():
    who, which = identify("upload/notes.ipynb", _nb([_code("print(1)")]))
    assert (who, which) == ("notes", None)


# ------------------------------------------------------------------ reading
@pytest.mark.parametrize("content, reason", [
    (b'{"cells": [', "invalid JSON"),
    (b"[1, 2, 3]", "JSON without notebook cells"),
    (b"\xff\xfe\x00garbage", "not UTF-8 text"),
])
def test_an_unreadable_file_says_why(tmp_path, content, reason):
    path = tmp_path / "kim_04_activations.ipynb"
    path.write_bytes(content)
    nb, problem = read_submission(path)
    assert nb is None and problem.startswith(reason)


# ------------------------------------------------------------------ what runs
def test_the_plan_is_every_import_line_and_the_exercise_cells_in_order():
    nb = _nb([
        _code("%matplotlib inline\nimport numpy as np\nimport matplotlib.pyplot as plt\n"
              "from mlplab import activations as act, plots\nfrom mlplab.widgets import gd_1d\n"
              "import ipywidgets as widgets, math as m\nx = np.arange(3)\nprint(x)"),
        _code("fig = slow_explorer()"),
        _code("def sigmoid(x):\n    raise NotImplementedError", tags=["exercise"]),
        _code('check("sigmoid")', tags=["check"]),
        _code("import math\n\ndef helper(x):\n    return x"),  # a student's cell: only its import
        _code("def relu(x):\n    return np.maximum(x, 0)"),  # an untagged copy of an exercise
        _code("def sigmoid_grad(x)\n    broken syntax\nimport scipy"),  # broken: its import still counts
        _code("x = 1", tags=["exercise"]),  # a tagged cell runs even without a known def
    ])
    imports, cells = plan_cells(nb, L04)
    assert imports == ["import numpy as np", "from mlplab import activations as act", "import math as m",
                       "import math", "import scipy"]  # no plotting or widget modules
    assert [(c.index, c.defines) for c in cells] == [(2, ("sigmoid",)), (5, ("relu",)),
                                                      (6, ("sigmoid_grad",)), (7, ())]


# ------------------------------------------------------------------ output
def test_the_csv_has_a_header_a_bom_and_quotes_what_needs_it(tmp_path):
    rows = [Row("kim", "04", "relu", "failed", 'wrong values, "x"\n  case: relu(x)'),
            Row("이민지", "00", "add", "passed", "correct on all 4 cases, including arrays")]
    path = write_csv(rows, tmp_path / "out" / "grades.csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with open(path, encoding="utf-8-sig", newline="") as f:
        assert list(csv.reader(f)) == [list(COLUMNS)] + [r.as_list() for r in rows]


def test_feedback_pages_escape_everything_and_never_collide(tmp_path):
    evil = '<script>alert("x")</script>'
    rows = [Row(evil, "04", "relu", "failed", f"got {evil}"),
            Row("kim/../x", "04", "relu", "passed", "ok"),
            Row("kim_.._x", "04", "relu", "passed", "ok")]
    pages = write_feedback(rows, tmp_path, "en")
    assert len(pages) == 3 and len({p.name for p in pages.values()}) == 3
    assert all(p.parent == tmp_path for p in pages.values())
    text = pages[evil].read_text("utf-8")
    assert "<script>" not in text and html.escape(evil) in text


def test_feedback_pages_come_in_the_course_language(tmp_path):
    pages = write_feedback([Row("kim", "04", "relu", "timeout", "...")], tmp_path, "ko")
    text = pages["kim"].read_text("utf-8")
    assert 'lang="ko"' in text and "시간 초과" in text and "활성함수" in text


# ------------------------------------------------------------------ a whole class
def _checker_message(student, name, source):
    """What ``check`` says about this cell's function, run here as the kernel runs it."""
    filename = f"<synthetic {student} {name}>"
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    namespace = {"np": np}
    exec(compile(source, filename, "exec"), namespace)
    result = check(name, namespace[name])
    return result.status, result.message


def _expected_csv(expected, limit):
    def position(key):
        student, number, name = key
        return (student, number, course.lesson(number).exercises.index(name))

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for key in sorted(expected, key=position):
        how = expected[key]
        if how[0] == "check":
            verdict, message = _checker_message(key[0], key[2], how[1])
        elif how[0] == "exits":
            try:
                verdict, message = _checker_message(key[0], key[2], how[1])
            except SystemExit:
                verdict, message = "error", how[2]
        else:
            verdict, message = how[1], how[2].format(limit=limit)
        writer.writerow([*key, verdict, message])
    return out.getvalue()


@pytest.mark.notebooks
def test_a_synthetic_class_is_graded_exactly(tmp_path):
    """Solved, unsolved, wrong and raising, a kernel killed by os._exit, endless loops in a
    function and at a cell's top level, malformed JSON, lost tags, a cell failing before its
    def, sys.exit in a function, a student named by metadata: one command, the exact CSV, a
    feedback page per student without code or tracebacks."""
    limit = 3.0
    expected = synth.small_class(tmp_path / "class")
    out, feedback = tmp_path / "grades.csv", tmp_path / "feedback"
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1"}
    run = subprocess.run(
        [sys.executable, "-m", "mlplab", "grade", str(tmp_path / "class"), "--out", str(out),
         "--feedback", str(feedback), "--jobs", "2", "--timeout-exercise", str(limit),
         "--timeout-notebook", "150", "--language", "en"],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=600)
    assert run.returncode == 0, run.stderr
    got = out.read_bytes().decode("utf-8-sig")
    assert got == _expected_csv(expected, limit), f"stderr:\n{run.stderr}"
    assert "graded 10 notebooks of 10 students" in run.stderr

    students = sorted({key[0] for key in expected})
    pages = sorted(p.stem for p in feedback.glob("*.html"))
    assert pages == students
    references = {line.strip() for name in CATALOGUE
                  for line in inspect.getsource(CATALOGUE[name].reference).splitlines()[1:]
                  if line.strip().startswith("return ") and len(line.strip()) > 12}
    for page in feedback.glob("*.html"):
        text = html.unescape(page.read_text("utf-8"))
        assert "Traceback" not in text and 'File "' not in text
        leaked = [line for line in references if line in text]
        assert not leaked, f"{page.name} shows reference code: {leaked}"


def test_grade_refuses_bad_arguments_with_a_clear_message(tmp_path):
    def run(*args):
        return subprocess.run([sys.executable, "-m", "mlplab", "grade", *args], capture_output=True,
                              text=True, cwd=ROOT, timeout=120)

    missing = run(str(tmp_path / "nowhere"), "--out", str(tmp_path / "g.csv"))
    assert missing.returncode == 2 and "no such file or folder" in missing.stderr
    empty = run(str(tmp_path), "--out", str(tmp_path / "g.csv"))
    assert empty.returncode == 2 and "no notebooks found" in empty.stderr
    pattern = run(str(tmp_path), "--out", "g.csv", "--pattern", "(?P<who>x)")
    assert pattern.returncode == 2 and "(?P<student>" in pattern.stderr
    jobs = run(str(tmp_path), "--out", "g.csv", "--jobs", "0")
    assert jobs.returncode == 2 and "positive" in jobs.stderr


def test_grade_help_documents_how_students_are_identified():
    out = subprocess.run([sys.executable, "-m", "mlplab", "grade", "--help"], capture_output=True,
                         text=True, cwd=ROOT, timeout=120).stdout
    for needle in ("--pattern", '"mlplab": {"student"', "kim_04_activations.ipynb -> kim",
                   "kim/04_activations.ipynb -> kim", "JupyterHub", "--timeout-exercise"):
        assert needle in out



@pytest.mark.notebooks
def test_a_notebook_over_its_time_limit_gets_a_row_in_the_course_language(tmp_path):
    from mlplab.grading import Submission, grade_notebook

    path = synth.save(synth.replace(synth.solved("00"), "add", synth.CELL_LOOP), tmp_path / "kim_00.ipynb")
    nb, _ = read_submission(path)
    start = time.monotonic()
    rows = grade_notebook(Submission(path, "kim", course.lesson("00"), nb), timeout_notebook=15,
                          timeout_exercise=600, language="ko")
    assert time.monotonic() - start < 15 + 15  # the limit, plus stopping the kernel
    assert rows == [Row("kim", "00", "add", "timeout",
                        "노트북당 제한 시간 15초가 지나 `add`을(를) 확인하기 전에 채점을 멈췄습니다")]
