"""The training benchmark still runs (smoke mode: tiny repeat counts, seconds).

No timing assertions: the numbers live in benchmarks/RESULTS.md, written by a
full run (`python -m benchmarks.bench_training`). Smoke mode must never touch
that committed file.
"""

import pathlib
import re
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "benchmarks" / "bench_training.py"
RESULTS = ROOT / "benchmarks" / "RESULTS.md"


def _run(*args):
    return subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=600)


def _training_section():
    """The committed "training" section (other scripts may rewrite other sections meanwhile)."""
    if not RESULTS.exists():
        return None
    match = re.search(r"<!-- section:training -->.*?<!-- /section:training -->",
                      RESULTS.read_text(), re.S)
    return match and match.group(0)


def test_smoke_run_writes_a_temp_file_and_leaves_results_alone():
    before = _training_section()
    with tempfile.TemporaryDirectory(prefix="mlplab-bench-") as folder:  # removed afterwards
        proc = _run("-m", "benchmarks.bench_training", "--smoke", "--output",
                    str(pathlib.Path(folder) / "RESULTS.md"))
        assert proc.returncode == 0, proc.stderr[-3000:]
        assert _training_section() == before

        match = re.search(r"wrote section 'training' of (\S+)", proc.stdout)
        assert match, proc.stdout[-2000:]
        written = pathlib.Path(match.group(1))
        assert written.resolve() != RESULTS.resolve()
        text = written.read_text()
    assert "<!-- section:training -->" in text and "<!-- /section:training -->" in text
    assert "SMOKE RUN" in text
    for case in ("a) 1-10-1 tanh", "b) 2-16-16-2", "batch 32", "c) 64-32-10", "d) 784-256-256-10"):
        assert case in text
    assert "GEMM lower bound" in text and "Retrain case a" in text
    assert "| torch / mlplab | sklearn / mlplab |" in text


def test_runs_as_a_script_too():
    proc = _run(str(SCRIPT), "--help")
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "--smoke" in proc.stdout
