"""Fixtures for the real-browser tests: one JupyterLab server and one Chromium per session.

Locally, without Chromium or playwright, the tests skip with a how-to message;
under ``CI=true`` that is a failure instead.

Environment:
  MLPLAB_CHROMIUM=/path           use this Chromium binary
  MLPLAB_BROWSER_LESSONS=dir      serve (a copy of) this folder instead of lessons/
  MLPLAB_BROWSER_SHOTS=dir        always save explorer screenshots there
  MLPLAB_BROWSER_LATENCY_JSON=f   write the measured latencies (benchmarks/browser_latency.py)
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from lab_driver import (  # noqa: E402
    CHROMIUM_ARGS,
    HOW_TO_ENABLE,
    LATENCIES,
    MACHINE,
    LabServer,
    find_chromium,
    write_baseline_notebook,
)

ROOT = Path(__file__).resolve().parents[2]
IN_CI = os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


def _unavailable(reason):
    if IN_CI:
        pytest.fail(f"CI=true and {reason}; {HOW_TO_ENABLE}", pytrace=False)
    pytest.skip(f"{reason}; to enable: {HOW_TO_ENABLE}")


@pytest.fixture(scope="session")
def chromium_path():
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        _unavailable("playwright-python is not installed")
    path = find_chromium()
    if path is None:
        _unavailable("no Chromium binary was found")
    return path


@pytest.fixture(scope="module")
def lab_server(chromium_path):
    server = LabServer(os.environ.get("MLPLAB_BROWSER_LESSONS", ROOT / "lessons"))
    try:
        server.start()
        write_baseline_notebook(server.root)
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    pw = sync_playwright().start()
    try:
        b = pw.chromium.launch(executable_path=chromium_path, headless=True, args=CHROMIUM_ARGS)
        try:
            MACHINE.update(_machine(b))
            yield b
        finally:
            b.close()
    finally:
        pw.stop()


@pytest.fixture(scope="session")
def shots_dir():
    """Where screenshots go: MLPLAB_BROWSER_SHOTS (always saved), else a temporary folder
    that is removed at the end unless a failure saved screenshots there."""
    explicit = os.environ.get("MLPLAB_BROWSER_SHOTS")
    if explicit:
        Path(explicit).mkdir(parents=True, exist_ok=True)
        yield Path(explicit), True
        return
    folder = Path(tempfile.mkdtemp(prefix="mlplab-browser-shots-"))
    yield folder, False
    if not any(folder.rglob("*.png")):
        shutil.rmtree(folder, ignore_errors=True)


def _machine(browser):
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import ipywidgets
    import jupyterlab
    import matplotlib

    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "chromium": browser.version,
        "jupyterlab": jupyterlab.__version__,
        "ipywidgets": ipywidgets.__version__,
        "matplotlib": matplotlib.__version__,
        "python": platform.python_version(),
        "os": platform.platform(terse=True),
    }


def pytest_sessionfinish(session, exitstatus):
    out = os.environ.get("MLPLAB_BROWSER_LATENCY_JSON")
    if out and LATENCIES:
        Path(out).write_text(json.dumps({"machine": MACHINE, "explorers": LATENCIES,
                                         "exitstatus": int(exitstatus)}, indent=1))


def pytest_terminal_summary(terminalreporter):
    if not LATENCIES:
        return
    tr = terminalreporter
    tr.section("browser: slider key press -> new figure on screen")
    tr.write_line(f"{'explorer':<22}{'n':>4}{'median ms':>11}{'p90 ms':>9}"
                  f"{'compute':>9}{'png':>7}")
    for name, r in LATENCIES.items():
        tr.write_line(f"{name:<22}{r['n']:>4}{r['median_ms']:>11.0f}{r['p90_ms']:>9.0f}"
                      f"{r.get('compute_ms', float('nan')):>9.1f}{r.get('png_ms', float('nan')):>7.1f}")
    if MACHINE:
        tr.write_line(f"machine: {MACHINE.get('cpu')}, {MACHINE.get('cores')} cores, "
                      f"Chromium {MACHINE.get('chromium')}, JupyterLab {MACHINE.get('jupyterlab')}")
