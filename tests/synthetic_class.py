"""Synthetic classes of lesson notebooks for the grader: its test and its benchmark.

Each notebook is a real lesson from ``lessons/en`` with its exercise cells
changed: solved (the reference solutions), unsolved (as shipped), wrong,
raising, crashing the kernel (``os._exit``), looping forever (in the function
or at the top level of its cell), with its tags stripped, identified by
metadata instead of its file name, or not JSON at all.

``small_class(folder)`` writes the class the test grades and returns what the
grader must find for every exercise: either a function source that the test
runs through ``check`` itself (so the expected message is the checker's,
whatever its wording), or a fixed (verdict, message) of the grader's own.
"""

from __future__ import annotations

import pathlib

import nbformat
from notebook_runner import fill_solutions, tags

ROOT = pathlib.Path(__file__).resolve().parent.parent
LESSONS = ROOT / "lessons" / "en"

WRONG = "def {name}(*args, **kwargs):\n    return None\n"
RAISES = "def {name}(*args, **kwargs):\n    raise ValueError(\"boom\")\n"
CRASH = "import os\n\n\ndef {name}(*args, **kwargs):\n    os._exit(1)\n"
LOOP = "def {name}(*args, **kwargs):\n    while True:\n        pass\n"
EXITS = "import sys\n\n\ndef {name}(*args, **kwargs):\n    sys.exit(3)\n"
BAD_CELL = "def {name}(x) -> Undefined:\n    return x\n"  # NameError while the cell runs
CELL_LOOP = "while True:\n    pass\n\n\ndef {name}(*args, **kwargs):\n    return None\n"


def _json_error(text):
    import json

    try:
        json.loads(text)
    except ValueError as exc:
        return str(exc)
    raise AssertionError("expected invalid JSON")


def lesson_path(number):
    return next(LESSONS.glob(f"{number}_*.ipynb"))


def load(number):
    return nbformat.read(lesson_path(number), as_version=4)


def exercise_cell(nb, name):
    for cell in nb.cells:
        if cell.cell_type == "code" and "exercise" in tags(cell) and f"def {name}(" in cell.source:
            return cell
    raise KeyError(f"no exercise cell defines {name}")


def replace(nb, name, template):
    exercise_cell(nb, name).source = template.format(name=name)
    return nb


def source_of(nb, name):
    return exercise_cell(nb, name).source


def solved(number):
    return fill_solutions(load(number))


def strip_tags(nb):
    for cell in nb.cells:
        cell.get("metadata", {}).pop("tags", None)
    return nb


def save(nb, path):
    path = pathlib.Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)
    return path


def _expect_all(expected, student, number, nb):
    """Every exercise of the lesson: the checker's verdict on the cell's function."""
    from mlplab import course

    for name in course.lesson(number).exercises:
        expected[(student, number, name)] = ("check", source_of(nb, name))


def small_class(folder):
    """Write the test's class into ``folder``; returns {(student, lesson, exercise): expectation}.

    An expectation is ("check", source), ("fixed", verdict, message-in-English), or
    ("exits", source, message): the checker's verdict if ``check`` catches the function's
    SystemExit, else the grader's "error" row with that message.
    """
    from mlplab import course

    folder = pathlib.Path(folder)
    expected = {}
    names04 = course.lesson("04").exercises

    nb = solved("00")  # solved
    save(nb, folder / "alice_00_start_here.ipynb")
    _expect_all(expected, "alice", "00", nb)

    nb = load("00")  # unsolved, as shipped
    save(nb, folder / "bob_00_start_here.ipynb")
    _expect_all(expected, "bob", "00", nb)

    nb = solved("04")  # one wrong, one raising
    replace(nb, names04[1], WRONG)
    replace(nb, names04[2], RAISES)
    save(nb, folder / "carol_04_activations.ipynb")
    _expect_all(expected, "carol", "04", nb)

    nb = solved("04")  # the kernel dies in the first check; the others are graded in a new one
    replace(nb, names04[0], CRASH)
    save(nb, folder / "dave_04_activations.ipynb")
    _expect_all(expected, "dave", "04", nb)
    expected[("dave", "04", names04[0])] = ("fixed", "crashed", (
        f"the Python kernel stopped while `{names04[0]}` was checked (for example os._exit, or a "
        "crash in native code); the other exercises were checked in a new kernel"))

    nb = replace(solved("00"), "add", LOOP)  # an endless loop in the function
    save(nb, folder / "erin_00_start_here.ipynb")
    expected[("erin", "00", "add")] = ("fixed", "timeout", (
        "the check of `add` did not finish within {limit:g} s — an endless loop, or a very slow "
        "function?"))

    broken = '{"cells": [ {"cell_type": "co'  # a notebook cut short in the upload
    (folder / "frank_04_activations.ipynb").write_text(broken, "utf-8")
    for name in names04:  # not JSON: a row per exercise of the lesson its name gives
        expected[("frank", "04", name)] = ("fixed", "invalid", (
            f"this file is not a readable notebook (invalid JSON: {_json_error(broken)}); open it in "
            "Jupyter, save it and submit it again"))

    nb = solved("00")  # tags lost: found by `def add(`
    _expect_all(expected, "grace", "00", nb)
    save(strip_tags(nb), folder / "grace_00_start_here.ipynb")

    nb = replace(solved("00"), "add", CELL_LOOP)  # an endless loop at the top level of the cell
    save(nb, folder / "heidi" / "00_start_here.ipynb")  # the student is the folder's name
    expected[("heidi", "00", "add")] = ("fixed", "timeout", (
        "the exercise cell of `add` did not finish within {limit:g} s (an endless loop at the top "
        "level of the cell?); it was stopped, so `add` was not checked"))

    nb = solved("04")  # a cell that fails before its def is done; a function calling sys.exit
    replace(nb, names04[0], BAD_CELL)
    replace(nb, names04[3], EXITS)
    save(nb, folder / "judy_04_activations.ipynb")
    _expect_all(expected, "judy", "04", nb)
    expected[("judy", "04", names04[0])] = ("fixed", "not_attempted", (
        f"no function `{names04[0]}`: its exercise cell raised NameError: name 'Undefined' is not "
        "defined"))
    expected[("judy", "04", names04[3])] = ("exits", source_of(nb, names04[3]), (
        f"the check of `{names04[3]}` stopped: your function raised SystemExit, which the checker "
        "does not catch (for example sys.exit)"))

    nb = solved("00")  # identified by metadata; the lesson from its exercise cells
    nb.metadata["mlplab"] = {"student": "ivan"}
    save(nb, folder / "submission.ipynb")
    _expect_all(expected, "ivan", "00", nb)
    return expected


def large_class(folder, size=40):
    """``size`` notebooks over lessons 00-09: mostly solved or unsolved, some wrong, a few
    crashing, looping or malformed, as a real class might hand in. Returns the paths."""
    from mlplab import course

    folder = pathlib.Path(folder)
    lessons = [item for item in course.LESSONS if item.exercises]
    paths = []
    for i in range(size):
        item = lessons[i % len(lessons)]
        kind = ("solved", "unsolved", "wrong", "solved", "special")[i % 5]
        path = folder / f"student{i:02d}_{item.name}.ipynb"
        if kind == "unsolved":
            nb = load(item.number)
        else:
            nb = solved(item.number)
        first = item.exercises[0]
        if kind == "wrong":
            replace(nb, first, WRONG)
        if kind == "special":
            special = (i // 5) % 4
            if special == 0:
                replace(nb, first, CRASH)
            elif special == 1:
                replace(nb, first, LOOP)
            elif special == 2:
                path.write_text("{ not a notebook", "utf-8")
                paths.append(path)
                continue
            else:
                strip_tags(nb)
        paths.append(save(nb, path))
    return paths
