"""Execute a lesson notebook on a fresh kernel, as shipped or with solutions.

    python tests/notebook_runner.py lessons/01_gradient_descent.ipynb
    python tests/notebook_runner.py --solved lessons/01_gradient_descent.ipynb

As shipped, every exercise cell still raises NotImplementedError, so every
check cell must report ``[not_attempted]``. With ``--solved`` each cell tagged
``exercise`` is replaced by ``mlplab.exercises.solution_source(name)`` and every
check must report ``[passed]``. In both modes no cell may raise.
"""

from __future__ import annotations

import argparse
import pathlib
import re
import sys
import time
from dataclasses import dataclass, field

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

DEF_RE = re.compile(r"^def\s+([A-Za-z_]\w*)\s*\(", re.M)
STATUS_RE = re.compile(r"\[(passed|failed|not_attempted|error)\]\s+([A-Za-z_]\w*)")
EXPECTED = {"shipped": "not_attempted", "solved": "passed"}


def tags(cell):
    return cell.get("metadata", {}).get("tags", [])


def exercise_name(cell):
    """The single function an exercise cell defines."""
    names = DEF_RE.findall(cell.source)
    if len(names) != 1:
        raise ValueError(f"an exercise cell must define exactly one function, found {names}")
    return names[0]


def fill_solutions(nb):
    """Replace every exercise cell's source with the reference solution."""
    from mlplab.exercises import solution_source

    for cell in nb.cells:
        if cell.cell_type == "code" and "exercise" in tags(cell):
            cell.source = solution_source(exercise_name(cell))
    return nb


def _output_text(output):
    if output.get("output_type") == "stream":
        return output.get("text", "")
    data = output.get("data", {})
    return data.get("text/plain", "")


@dataclass
class Report:
    path: str
    mode: str
    seconds: float = 0.0
    checks: list = field(default_factory=list)  # (name, status)
    errors: list = field(default_factory=list)  # human-readable problems

    @property
    def ok(self):
        return not self.errors

    def __str__(self):
        head = f"{self.path} [{self.mode}] {self.seconds:.1f}s, {len(self.checks)} checks"
        lines = [head] + [f"  check {n}: {s}" for n, s in self.checks]
        lines += [f"  PROBLEM: {e}" for e in self.errors]
        return "\n".join(lines)


def run_notebook(path, mode="shipped", timeout=600):
    """Execute the notebook at ``path`` and return a ``Report``."""
    path = pathlib.Path(path)
    nb = nbformat.read(path, as_version=4)
    if mode == "solved":
        fill_solutions(nb)
    report = Report(str(path), mode)
    client = NotebookClient(
        nb, timeout=timeout, kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    )
    start = time.perf_counter()
    try:
        client.execute()
    except CellExecutionError as exc:
        report.errors.append(f"a cell raised:\n{str(exc)[-3000:]}")
    report.seconds = time.perf_counter() - start
    want = EXPECTED[mode]
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                report.errors.append(f"cell {i} error: {out.get('ename')}: {out.get('evalue')}")
        if "check" in tags(cell):
            text = "".join(_output_text(o) for o in cell.get("outputs", []))
            found = STATUS_RE.findall(text)
            if not found:
                report.errors.append(f"check cell {i} shows no check result: {text[:200]!r}")
            for status, name in found:
                report.checks.append((name, status))
                if status != want:
                    report.errors.append(
                        f"check {name!r} (cell {i}) reported {status}, expected {want}: "
                        f"{text[:400]}"
                    )
    return report


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="+")
    parser.add_argument("--solved", action="store_true", help="fill in reference solutions")
    args = parser.parse_args(argv)
    ok = True
    for nb in args.notebooks:
        report = run_notebook(nb, "solved" if args.solved else "shipped")
        print(report)
        ok &= report.ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
