"""Run many lesson executions side by side and keep their reports for the tests.

Each execution is a separate kernel process, so running one per core roughly
halves the wall time of the notebook tests. A *family* of jobs (e.g. "every
lesson under the SkylakeX BLAS kernel") is computed on first use and cached
for the session; the parametrized tests then look up their own report.
"""

from __future__ import annotations

import os
import pathlib
from concurrent.futures import ThreadPoolExecutor

import nbformat
from notebook_runner import code_cells, run_notebook, run_order, tags

ROOT = pathlib.Path(__file__).resolve().parent.parent
LESSONS = ROOT / "lessons"
LANGUAGES = [p.name for p in sorted(LESSONS.iterdir()) if p.is_dir() and p.name in ("en", "ko")]
WORKERS = max(1, min(4, os.cpu_count() or 1))


def notebooks(language="en"):
    return sorted((LESSONS / language).glob("[0-9][0-9]_*.ipynb"))


def all_notebooks():
    return [p for lang in LANGUAGES for p in notebooks(lang)]


def lesson_id(path):
    path = pathlib.Path(path)
    return f"{path.parent.name}/{path.stem}"


def run_parallel(jobs):
    """jobs: {key: zero-argument callable} -> {key: result}, one kernel per worker."""
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        futures = {key: pool.submit(job) for key, job in jobs.items()}
        return {key: f.result() for key, f in futures.items()}


class Families:
    """Lazily computed, cached families of lesson runs."""

    def __init__(self):
        self._cache = {}

    def get(self, family, key, make_jobs):
        if family not in self._cache:
            self._cache[family] = run_parallel(make_jobs())
        return self._cache[family][key]


# --------------------------------------------------------------- cell orders
def order_twice(nb):
    """Top to bottom, then top to bottom again, in the same kernel."""
    cells = code_cells(nb)
    return cells + cells


def order_rerun_after_solving(nb):
    """Top to bottom (solved), then every code cell again except the language
    cell, the imports cell and the exercise cells: each earlier cell now runs
    while the student's functions exist, as after scrolling back up."""
    cells = code_cells(nb)
    setup = [i for i in cells if "language" not in tags(nb.cells[i])][:1] + \
        [i for i in cells if "language" in tags(nb.cells[i])]
    again = [i for i in cells if i not in setup and "exercise" not in tags(nb.cells[i])]
    return cells + again


def order_check_first(nb):
    """Top to bottom, but every check cell is run once before its exercise cell."""
    order = []
    for i in code_cells(nb):
        cell = nb.cells[i]
        if "check" in tags(cell) and order and order[-1] == i:
            continue  # already placed around its exercise
        if "exercise" in tags(cell) and i + 1 < len(nb.cells) and "check" in tags(nb.cells[i + 1]):
            order += [i + 1, i, i + 1]
        else:
            order.append(i)
    return order


ORDERS = {
    "twice": ("shipped", order_twice),
    "rerun_after_solving": ("solved", order_rerun_after_solving),
    "check_first": ("solved", order_check_first),
}


def order_job(path, name, **kwargs):
    mode, make = ORDERS[name]

    def job():
        nb = nbformat.read(path, as_version=4)
        return run_order(path, make(nb), mode=mode, **kwargs)

    return job


def solved_job(path, **kwargs):
    return lambda: run_notebook(path, "solved", **kwargs)
