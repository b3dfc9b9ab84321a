"""Execute a lesson notebook on a fresh kernel: as shipped, solved, or in any cell order.

    python tests/notebook_runner.py lessons/en/01_gradient_descent.ipynb
    python tests/notebook_runner.py --solved lessons/en/01_gradient_descent.ipynb
    OPENBLAS_CORETYPE=SkylakeX python tests/notebook_runner.py --solved lessons/en/*.ipynb

As shipped, every exercise cell still raises NotImplementedError, so every
check cell must report ``[not_attempted]``. With ``--solved`` each cell tagged
``exercise`` is replaced by ``mlplab.exercises.solution_source(name)`` and every
check must report ``[passed]``. In both modes no cell may raise.

The kernel is always this interpreter (``sys.executable``), or the one passed
as ``python=``, never whatever ``python3`` kernelspec the user has installed:
a test of this environment must run in this environment. ``env=`` adds
environment variables for the kernel only (e.g. ``OPENBLAS_CORETYPE``).
"""

from __future__ import annotations

import argparse
import atexit
import os
import pathlib
import re
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field

import nbformat
from jupyter_client.kernelspec import KernelSpec, KernelSpecManager, NoSuchKernel
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

DEF_RE = re.compile(r"^def\s+([A-Za-z_]\w*)\s*\(", re.M)
STATUS_RE = re.compile(r"\[(passed|failed|not_attempted|error)\]\s+([A-Za-z_]\w*)")
EXPECTED = {"shipped": "not_attempted", "solved": "passed"}
KERNEL_NAME = "mlplab-test"


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


ANSI_RE = re.compile(r"\x1b\[[0-9;]*m")


def _plain(text):
    return ANSI_RE.sub("", text)


def _output_text(output):
    if output.get("output_type") == "stream":
        return output.get("text", "")
    data = output.get("data", {})
    return data.get("text/plain", "")


def cell_text(cell):
    return "".join(_output_text(o) for o in cell.get("outputs", []))


# ------------------------------------------------------------------ kernels
class _OneKernel(KernelSpecManager):
    """Knows exactly one kernel: ``python -m ipykernel_launcher`` with extra env."""

    def __init__(self, python, env, **kwargs):
        super().__init__(**kwargs)
        self._spec = KernelSpec(
            argv=[str(python), "-m", "ipykernel_launcher", "-f", "{connection_file}"],
            display_name=f"mlplab tests ({python})", language="python",
            env=dict(env or {}), resource_dir="",
        )

    def get_kernel_spec(self, kernel_name):
        if kernel_name != KERNEL_NAME:
            raise NoSuchKernel(kernel_name)
        return self._spec

    def find_kernel_specs(self):
        return {KERNEL_NAME: ""}


def _fresh_data_dir():
    """A new temporary folder for one kernel's progress ledger, removed when this process exits."""
    path = tempfile.mkdtemp(prefix="mlplab-kernel-data-")
    atexit.register(shutil.rmtree, path, ignore_errors=True)
    return path


def kernel_manager(python=None, env=None):
    """A KernelManager for ``python`` (default: this interpreter) with ``env`` added.

    Matplotlib's backend is pinned to inline and the message language to
    English unless ``env`` says otherwise; BLAS runs on one thread so that
    several kernels can run side by side. The kernel records its checks,
    hints and solutions in a progress ledger of its own, in a fresh temporary
    folder (never the user's, and never shared with another kernel, so a
    lesson's ``mlplab.progress()`` shows exactly that run), in self-study mode.
    """
    extra = {"MPLBACKEND": "module://matplotlib_inline.backend_inline", "MLPLAB_LANG": "en",
             "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
             "MLPLAB_DATA_DIR": _fresh_data_dir(), "MLPLAB_PROGRESS": "on", "MLPLAB_MODE": "self"}
    extra.update(env or {})
    ksm = _OneKernel(python or sys.executable, extra)
    return KernelManager(kernel_name=KERNEL_NAME, kernel_spec_manager=ksm)


def _client(nb, path, python=None, env=None, timeout=600):
    return NotebookClient(nb, km=kernel_manager(python, env), timeout=timeout,
                          kernel_name=KERNEL_NAME,
                          resources={"metadata": {"path": str(pathlib.Path(path).parent)}})


# ------------------------------------------------------------------ reports
@dataclass
class Report:
    path: str
    mode: str
    seconds: float = 0.0
    checks: list = field(default_factory=list)  # (name, status)
    errors: list = field(default_factory=list)  # human-readable problems
    outputs: dict = field(default_factory=dict)  # cell index -> text of its last run
    first: dict = field(default_factory=dict)  # cell index -> outputs of its first run

    @property
    def ok(self):
        return not self.errors

    def __str__(self):
        head = f"{self.path} [{self.mode}] {self.seconds:.1f}s, {len(self.checks)} checks"
        lines = [head] + [f"  check {n}: {s}" for n, s in self.checks]
        lines += [f"  PROBLEM: {e}" for e in self.errors]
        return "\n".join(lines)


def _collect(report, nb, want, indices=None):
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code" or (indices is not None and i not in indices):
            continue
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                report.errors.append(f"cell {i} error: {out.get('ename')}: {out.get('evalue')}")
        if "check" in tags(cell) and want is not None:
            text = cell_text(cell)
            found = STATUS_RE.findall(text)
            if not found:
                report.errors.append(f"check cell {i} shows no check result: {text[:200]!r}")
            for status, name in found:
                report.checks.append((name, status))
                if status != want:
                    report.errors.append(
                        f"check {name!r} (cell {i}) reported {status}, expected {want}: {text[:400]}")


def run_notebook(path, mode="shipped", timeout=600, python=None, env=None):
    """Execute the notebook at ``path`` top to bottom and return a ``Report``."""
    path = pathlib.Path(path)
    nb = nbformat.read(path, as_version=4)
    if mode == "solved":
        fill_solutions(nb)
    report = Report(str(path), mode)
    client = _client(nb, path, python, env, timeout)
    start = time.perf_counter()
    try:
        client.execute()
    except CellExecutionError as exc:
        report.errors.append(f"a cell raised:\n{_plain(str(exc))[-3000:]}")
    report.seconds = time.perf_counter() - start
    _collect(report, nb, EXPECTED[mode])
    return report


def execute(path, nb=None, timeout=600, python=None, env=None):
    """Run ``path`` top to bottom and return the executed notebook (for committing outputs)."""
    path = pathlib.Path(path)
    nb = nbformat.read(path, as_version=4) if nb is None else nb
    _client(nb, path, python, env, timeout).execute()
    return nb


# ------------------------------------------------------------------ any order
def run_order(path, order, mode="shipped", timeout=600, python=None, env=None):
    """Run code cells in the given ``order`` (a list of cell indices, repeats allowed)
    in one kernel, as a student clicking around would. Every run is checked for
    errors; ``report.checks`` lists (name, status) of every check cell run, in
    order, and ``report.outputs`` the text of each cell's last run."""
    path = pathlib.Path(path)
    nb = nbformat.read(path, as_version=4)
    if mode == "solved":
        fill_solutions(nb)
    report = Report(str(path), f"order/{mode}")
    client = _client(nb, path, python, env, timeout)
    start = time.perf_counter()
    with client.setup_kernel():
        for step, i in enumerate(order):
            cell = nb.cells[i]
            if cell.cell_type != "code":
                continue
            try:
                client.execute_cell(cell, i)
            except CellExecutionError as exc:
                report.errors.append(f"step {step}: cell {i} raised: {_plain(str(exc))[-1500:]}")
            text = cell_text(cell)
            report.outputs[i] = text
            report.first.setdefault(i, [dict(o) for o in cell.get("outputs", [])])
            if "check" in tags(cell):
                found = STATUS_RE.findall(text)
                if not found:
                    report.errors.append(f"step {step}: check cell {i} shows no result: {text[:200]!r}")
                report.checks += [(name, status) for status, name in found]
    report.seconds = time.perf_counter() - start
    return report


def code_cells(nb):
    return [i for i, c in enumerate(nb.cells) if c.cell_type == "code"]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="+")
    parser.add_argument("--solved", action="store_true", help="fill in reference solutions")
    parser.add_argument("--python", help="run the kernel with this interpreter (default: this one)")
    args = parser.parse_args(argv)
    ok = True
    env = {k: v for k, v in os.environ.items() if k.startswith(("OPENBLAS_", "MLPLAB_"))
           and k not in ("MLPLAB_DATA_DIR", "MLPLAB_PROGRESS")}  # never the user's ledger
    for nb in args.notebooks:
        report = run_notebook(nb, "solved" if args.solved else "shipped", python=args.python, env=env)
        print(report)
        ok &= report.ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
