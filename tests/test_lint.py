"""`ruff check` (configured in pyproject.toml) stays clean."""

import pathlib
import shutil
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent


@pytest.mark.skipif(shutil.which("ruff") is None, reason="ruff not installed: pip install -e '.[dev]'")
def test_ruff_is_clean():
    result = subprocess.run(["ruff", "check", "mlplab", "tests", "benchmarks"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
