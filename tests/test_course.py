"""The course manifest agrees with the catalogue, the explorers and the notebooks."""

import importlib
import pathlib
import re

import nbformat
import pytest
from notebook_runner import exercise_name, tags

from mlplab.course import LESSONS, lesson, lesson_of_exercise, lesson_of_explorer
from mlplab.exercises import CATALOGUE

ROOT = pathlib.Path(__file__).resolve().parent.parent


def test_lessons_are_numbered_in_order_from_00():
    assert [l.number for l in LESSONS] == [f"{i:02d}" for i in range(len(LESSONS))]


def test_every_catalogue_exercise_belongs_to_exactly_one_lesson():
    listed = [name for l in LESSONS for name in l.exercises]
    assert sorted(listed) == sorted(CATALOGUE), "manifest and catalogue list different exercises"
    assert len(listed) == len(set(listed))
    for name, ex in CATALOGUE.items():
        assert ex.lesson == lesson_of_exercise(name).name, name


def test_catalogue_order_is_lesson_order():
    assert list(CATALOGUE) == [name for l in LESSONS for name in l.exercises]


def test_every_explorer_is_a_widgets_module():
    for l in LESSONS:
        for name in l.explorers:
            module = importlib.import_module(f"mlplab.widgets.{name}")
            assert hasattr(module, "show"), f"mlplab.widgets.{name} has no show()"
            assert lesson_of_explorer(name) is l


@pytest.mark.parametrize("item", LESSONS, ids=lambda l: l.name)
def test_each_notebook_asks_for_exactly_its_exercises(item):
    for folder in sorted(p for p in (ROOT / "lessons").iterdir() if p.is_dir()):
        nb = nbformat.read(folder / f"{item.name}.ipynb", as_version=4)
        found = tuple(exercise_name(c) for c in nb.cells if "exercise" in tags(c))
        assert found == item.exercises, f"{folder.name}/{item.name}: {found}"


def test_lookup_by_number_slug_or_name_and_clear_error():
    assert lesson("04") is lesson("activations") is lesson("04_activations")
    with pytest.raises(ValueError, match="unknown lesson 'nope'; choose one of: 00_start_here"):
        lesson("nope")


HELP_CALL = re.compile(r'\b(hint|solution)\(\s*"([^"]*)"')
PLACEHOLDER = "name"  # lesson 00 explains hint("name") / solution("name") in general


@pytest.mark.parametrize("item", LESSONS, ids=lambda l: l.name)
def test_each_lesson_pairs_hint_and_solution_of_its_own_exercises(item):
    """hint("x") and solution("x") name the same exercises, all asked for by that lesson."""
    for folder in sorted(p for p in (ROOT / "lessons").iterdir() if p.is_dir()):
        nb = nbformat.read(folder / f"{item.name}.ipynb", as_version=4)
        calls = [m for c in nb.cells for m in HELP_CALL.findall(c.source)]
        hints = {name for kind, name in calls if kind == "hint"} - {PLACEHOLDER}
        solutions = {name for kind, name in calls if kind == "solution"} - {PLACEHOLDER}
        where = f"{folder.name}/{item.name}"
        assert hints == solutions, \
            f"{where}: hint() for {sorted(hints)} but solution() for {sorted(solutions)}"
        assert hints == set(item.exercises), \
            f"{where}: help for {sorted(hints)}, but the lesson asks for {sorted(item.exercises)}"
