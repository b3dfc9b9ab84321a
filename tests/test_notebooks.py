"""Every lesson works as a student uses it, in this environment's kernel.

- ``twice``: as shipped (every check "not attempted"), top to bottom, then top
  to bottom again in the same kernel; no cell may raise.
- ``rerun_after_solving``: with every exercise solved (reference solutions
  filled in, every check "passed"), then every earlier cell re-run while the
  student's functions exist; no cell may raise, no check may change verdict.
- ``check_first``: each check cell run before its exercise cell: it must say
  "not attempted" (never "passed"), then "passed" once the exercise has run.

nbval runs the lessons once more as shipped (see pyproject addopts); the
hygiene tests read the notebooks without running them.
"""

import ast
import json
import pathlib
import re
from collections import defaultdict

import nbformat
import pytest
from lesson_jobs import LANGUAGES, Families, all_notebooks, lesson_id, order_job
from notebook_runner import DEF_RE, exercise_name, tags

HANGUL = re.compile(r"[\uac00-\ud7a3]")
NOTEBOOKS = all_notebooks()
FAMILIES = Families()

pytestmark = pytest.mark.notebooks


def test_there_are_lessons():
    assert "en" in LANGUAGES and NOTEBOOKS, "no lesson notebooks found in lessons/en"


def _order_report(path, name):
    return FAMILIES.get(f"order:{name}", str(path),
                        lambda: {str(p): order_job(p, name) for p in NOTEBOOKS})


def _statuses(report):
    by_name = defaultdict(list)
    for name, status in report.checks:
        by_name[name].append(status)
    return dict(by_name)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lesson_id)
def test_lesson_runs_twice_as_shipped(path):
    report = _order_report(path, "twice")
    assert report.ok, str(report)
    wrong = [(n, s) for n, s in report.checks if s != "not_attempted"]
    assert not wrong, f"unfilled exercises must be 'not attempted', got {wrong}\n{report}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lesson_id)
def test_lesson_solved_then_earlier_cells_rerun(path):
    report = _order_report(path, "rerun_after_solving")
    assert report.ok, str(report)
    wrong = [(n, s) for n, s in report.checks if s != "passed"]
    assert not wrong, f"solved exercises must pass, got {wrong}\n{report}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lesson_id)
def test_check_before_its_exercise_is_not_attempted(path):
    report = _order_report(path, "check_first")
    assert report.ok, str(report)
    expected = {exercise_name(c): ["not_attempted", "passed"]
                for c in nbformat.read(path, as_version=4).cells if "exercise" in tags(c)}
    assert _statuses(report) == expected, str(report)


# ------------------------------------------------------------------ hygiene
def _exercise_names():
    from mlplab.exercises import names

    return set(names())


def _names_in(source):
    """(bound, used) bare names of a code cell; IPython magics are skipped."""
    tree = ast.parse(re.sub(r"^\s*[%!].*$", "", source, flags=re.M))
    bound, used = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            bound |= {(a.asname or a.name).split(".")[0] for a in node.names}
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            bound.add(node.name)
        elif isinstance(node, ast.arg):
            bound.add(node.arg)
        elif isinstance(node, ast.Name):
            (bound if isinstance(node.ctx, ast.Store) else used).add(node.id)
    return bound, used


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lesson_id)
def test_lessons_never_bind_an_exercise_name(path):
    """Only an exercise cell defines an exercise's name: a lesson that imports
    ``sigmoid`` would have its cells run the student's function (or the check
    grade mlplab's). Lessons reach mlplab's versions through a module alias."""
    exercises = _exercise_names()
    nb = nbformat.read(path, as_version=4)
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code" or {"exercise", "check"} & set(tags(cell)):
            continue
        bound, used = _names_in(cell.source)
        clash = (bound | used) & exercises
        assert not clash, (f"cell {i} uses the exercise name(s) {sorted(clash)} as a bare name; "
                           "use a module alias (act.sigmoid, mlplab.count_params) or another name")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lesson_id)
def test_imported_names_are_never_rebound(path):
    """A name the first cell imports (a module alias such as ``act``) keeps its
    meaning: re-running any later cell must still find the module there."""
    nb = nbformat.read(path, as_version=4)
    code = [(i, c) for i, c in enumerate(nb.cells) if c.cell_type == "code"]
    imported = set()
    for _, cell in code:  # the language cell, then the imports cell
        imported |= _names_in(cell.source)[0]
        if "language" not in tags(cell):
            break
    start = next(k for k, (_, c) in enumerate(code) if "language" not in tags(c)) + 1
    for i, cell in code[start:]:
        if "exercise" in tags(cell):
            continue
        bound, _ = _names_in(cell.source)
        assert not bound & imported, (f"cell {i} rebinds {sorted(bound & imported)}, which the "
                                      "first cell imports; pick another variable name")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lesson_id)
def test_lesson_hygiene(path):
    nb = nbformat.read(path, as_version=4)
    raw = json.loads(path.read_text())
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.get("execution_count") is not None for c in code), \
        "lessons are committed executed: run `python tools/lessons.py execute`"
    assert raw["metadata"].get("kernelspec", {}).get("name") == "python3"
    boxes = [c for c in nb.cells if "key-terms" in tags(c)]
    assert len(boxes) == 1 and boxes[0].cell_type == "markdown", \
        "every lesson has one Key-terms box (a markdown cell tagged 'key-terms')"
    assert HANGUL.search(boxes[0].source), "the Key terms box pairs English with Korean"
    languages = [c for c in code if "language" in tags(c)]
    assert len(languages) == 1 and languages[0] is code[0], \
        "the first code cell (and only it) is tagged 'language' and sets the message language"
    assert f'mlplab.set_language("{path.parent.name}")' in languages[0].source
    for c in code:
        assert not HANGUL.search(c.source), "Hangul belongs in markdown, not code/figures"
    exercises = _exercise_names()
    for i, c in enumerate(nb.cells):
        if "exercise" in tags(c):
            name = exercise_name(c)
            assert name in exercises, f"exercise {name!r} is not in the catalogue"
            assert "raise NotImplementedError" in c.source
            nxt = nb.cells[i + 1]
            assert "check" in tags(nxt) and nxt.source.strip() == f'check("{name}")', \
                f"the cell after exercise {name!r} must be tagged 'check' and run check(\"{name}\")"
    assert len(DEF_RE.findall("def a(x):")) == 1  # the regex the runner relies on
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lesson_id)
def test_every_lesson_assert_says_what_it_expects(path):
    """A failing assert in a lesson must tell the student what was expected and
    what it means: every ``assert`` carries a message."""
    nb = nbformat.read(path, as_version=4)
    bare = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        tree = ast.parse(re.sub(r"^\s*[%!].*$", "", cell.source, flags=re.M))
        bare += [f"cell {i}, line {node.lineno}" for node in ast.walk(tree)
                 if isinstance(node, ast.Assert) and node.msg is None]
    assert not bare, f"asserts without a message: {', '.join(bare)}"


# ------------------------------------------------------------ committed outputs
NUMBER = re.compile(r"0x[0-9a-f]+|[-+]?\d[\d,]*(\.\d+)?(e[-+]?\d+)?", re.I)
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"


def _texts(outputs):
    parts = []
    for o in outputs:
        if o.get("output_type") == "stream":
            parts.append(o.get("text", ""))
        elif WIDGET_MIME not in o.get("data", {}):
            parts.append(o.get("data", {}).get("text/plain", ""))
    return "".join(parts)


def _images(outputs):
    import base64
    import struct

    sizes = []
    for o in outputs:
        png = o.get("data", {}).get("image/png")
        if png:
            raw = base64.b64decode(png if isinstance(png, str) else "".join(png))
            sizes.append(struct.unpack(">II", raw[16:24]))  # the IHDR width and height
    return sizes


def _same_environment(nb):
    sys_path = pathlib.Path(__file__).resolve().parent.parent / "tools"
    import sys

    sys.path.insert(0, str(sys_path))
    import lessons

    return nb.metadata.get("mlplab", {}).get("executed_with") == lessons.environment_fingerprint()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lesson_id)
def test_committed_outputs_are_what_the_code_produces(path):
    """The lessons are committed executed (tools/lessons.py execute) so they read without
    a kernel. Their outputs must be what the committed code gives today: the same text
    (numbers compared exactly when the environment is the one they were made in and the
    cell is not tagged 'varies', else only the words around them) and the same pictures
    (count, and size within 15 %)."""
    nb = nbformat.read(path, as_version=4)
    fresh = _order_report(path, "twice").first
    strict = _same_environment(nb)
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        committed, now = cell.get("outputs", []), fresh.get(i, [])
        assert not any(o.get("output_type") == "error" for o in committed), f"cell {i}: error committed"
        assert not any(WIDGET_MIME in o.get("data", {}) for o in committed), f"cell {i}: widget state"
        a, b = _texts(committed), _texts(now)
        if not strict or "varies" in tags(cell):
            # only the words: numbers, and the padding that aligns them in columns, may differ
            a, b = (re.sub(r"[ \t]+", " ", NUMBER.sub("#", t)) for t in (a, b))
        assert a == b, (f"cell {i}: committed output differs from a fresh run "
                        "(run `python tools/lessons.py execute`):\n--- committed\n{a}\n--- now\n{b}")
        old, new = _images(committed), _images(now)
        assert len(old) == len(new), f"cell {i}: {len(old)} pictures committed, {len(new)} now"
        for (w0, h0), (w1, h1) in zip(old, new):
            assert abs(w0 - w1) <= 0.15 * w1 and abs(h0 - h1) <= 0.15 * h1, \
                f"cell {i}: picture {w0}x{h0} committed, {w1}x{h1} now"
    assert "widgets" not in nb.metadata, "no widget state is committed"
