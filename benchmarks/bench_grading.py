"""Grading throughput: a synthetic class through ``python -m mlplab grade``.

Run from the repository root::

    python -m benchmarks.bench_grading             # 40 notebooks, rewrites RESULTS.md "grading"
    python -m benchmarks.bench_grading --smoke     # 4 notebooks, writes a temporary copy

The class (``tests/synthetic_class.large_class``) spreads over lessons 00-09:
per five notebooks two solved, one unsolved, one with a wrong function, and
one special case in turn: a function that kills the kernel (``os._exit``),
one that loops forever, a file that is not JSON, a notebook without tags. It
is graded by the command an instructor types (a fresh process, one kernel per
notebook, ``--jobs`` workers, default one per core) with a 10 s limit per
exercise; the wall time includes the command's start. The machine is
shared, so the load average at the start is written next to the numbers.
"""

from __future__ import annotations

import argparse
import collections
import csv
import os
import pathlib
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
if __package__ in (None, ""):  # run as a script: make `benchmarks` importable
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from benchmarks._results import RESULTS, write_section  # noqa: E402


def run(size, jobs, limit):
    import synthetic_class

    with tempfile.TemporaryDirectory(prefix="mlplab-bench-grading-") as tmp:
        tmp = pathlib.Path(tmp)
        synthetic_class.large_class(tmp / "class", size)
        env = dict(os.environ, OPENBLAS_NUM_THREADS="1",
                   PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
        cmd = [sys.executable, "-m", "mlplab", "grade", str(tmp / "class"), "--out",
               str(tmp / "grades.csv"), "--feedback", str(tmp / "feedback"),
               "--timeout-exercise", str(limit)]
        if jobs:
            cmd += ["--jobs", str(jobs)]
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        start = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT)
        seconds = time.perf_counter() - start
        if proc.returncode != 0:
            raise SystemExit(f"grading failed:\n{proc.stderr[-3000:]}")
        with open(tmp / "grades.csv", encoding="utf-8-sig", newline="") as f:
            verdicts = collections.Counter(row["verdict"] for row in csv.DictReader(f))
        per_notebook = [float(x) for x in re.findall(r"\((\d+\.\d) s\)$", proc.stderr, re.M)]
        return {"size": size, "jobs": jobs or os.cpu_count(), "seconds": seconds, "load": load,
                "rate": size / seconds * 60, "verdicts": verdicts, "per_notebook": per_notebook,
                "summary": proc.stderr.strip().splitlines()[-1]}


def markdown(r, limit):
    times = sorted(r["per_notebook"])
    spread = (f"median {statistics.median(times):.1f} s, slowest {times[-1]:.1f} s"
              if times else "n/a")
    verdicts = ", ".join(f"{n} {v}" for v, n in r["verdicts"].most_common())
    return f"""## Grading a class (`python -m benchmarks.bench_grading`)

{r['size']} synthetic lesson notebooks (lessons 00-09; solved, unsolved, wrong, os._exit,
endless loop, malformed JSON, lost tags) graded by `python -m mlplab grade --jobs {r['jobs']}
--timeout-exercise {limit:g}` on {platform.machine()} with {os.cpu_count()} cores, Python
{platform.python_version()}; load average {r['load']:.1f} at the start.

| notebooks | workers | wall time | notebooks per minute | per notebook |
|---|---|---|---|---|
| {r['size']} | {r['jobs']} | {r['seconds']:.1f} s | **{r['rate']:.1f}** | {spread} |

Rows: {verdicts}.
"""


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="4 notebooks; write a temporary file")
    parser.add_argument("--size", type=int, default=None, help="notebooks in the class (default 40)")
    parser.add_argument("--jobs", type=int, default=None, help="workers (default: one per core)")
    args = parser.parse_args(argv)
    size = args.size or (4 if args.smoke else 40)
    limit = 10.0
    result = run(size, args.jobs, limit)
    print(result["summary"])
    print(f"{result['size']} notebooks in {result['seconds']:.1f} s with {result['jobs']} workers: "
          f"{result['rate']:.1f} notebooks per minute (load {result['load']:.1f} at the start)")
    target = RESULTS if not args.smoke else pathlib.Path(tempfile.mkdtemp()) / "RESULTS.md"
    path = write_section("grading", markdown(result, limit), target)
    print(f"wrote section 'grading' of {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
