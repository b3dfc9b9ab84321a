"""Drive a real JupyterLab in headless Chromium, as a student would.

Used by ``tests/browser`` (pytest) and by ``benchmarks/browser_latency.py``.

* ``LabServer`` starts ``jupyter lab`` on 127.0.0.1 with a free port, no token,
  no browser, throwaway config / data / settings / IPython / matplotlib
  directories and no news pop-up, serving a temporary COPY of the lessons
  folder; ``stop()`` kills its whole process group.
* ``NotebookPage`` opens one notebook, waits for the kernel, runs all cells from
  the "Run" menu, collects error outputs, and moves an explorer's slider with
  the keyboard while timing key press → new figure on screen.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

HOW_TO_ENABLE = (
    "the real-browser tests need Chromium and playwright-python: "
    "`apt-get install chromium` and `pip install playwright` "
    "(or set MLPLAB_CHROMIUM=/path/to/chromium); "
    "playwright's own browser download is not needed"
)


def find_chromium():
    """Path of a Chromium binary, or None."""
    explicit = os.environ.get("MLPLAB_CHROMIUM")
    if explicit:
        return explicit if os.access(explicit, os.X_OK) else None
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return "/usr/bin/chromium" if os.access("/usr/bin/chromium", os.X_OK) else None


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --------------------------------------------------------------------------- server
_SETTINGS = {
    # no "get notified about Jupyter news?" toast, no update check, no toasts at all
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false", "checkForUpdates": False, "doNotDisturbMode": True,
    },
    # keep every cell attached to the DOM, so nth-cell locators are stable
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
}


class LabServer:
    """A throwaway ``jupyter lab`` serving a copy of ``lessons_dir``."""

    def __init__(self, lessons_dir, startup_timeout=90.0):
        self.lessons_dir = Path(lessons_dir)
        self.startup_timeout = startup_timeout
        self.tmp = Path(tempfile.mkdtemp(prefix="mlplab-lab-"))
        self.root = self.tmp / "lessons"
        self.proc = None
        self.port = None
        self.log_path = self.tmp / "jupyter-lab.log"

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self):
        shutil.copytree(self.lessons_dir, self.root,
                        ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
        dirs = {name: self.tmp / name for name in
                ("config", "data", "runtime", "ipython", "mpl", "settings", "workspaces", "mlplab")}
        for d in dirs.values():
            d.mkdir()
        for rel, value in _SETTINGS.items():
            path = dirs["settings"] / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(value))
        env = dict(os.environ)
        # the kernel must pick matplotlib's inline backend, not the test suite's Agg
        env.pop("MPLBACKEND", None)
        env.update(
            JUPYTER_CONFIG_DIR=str(dirs["config"]),
            # kernelspecs and prebuilt lab extensions are still found under
            # sys.prefix/share/jupyter, which stays on the data path
            JUPYTER_DATA_DIR=str(dirs["data"]),
            JUPYTER_RUNTIME_DIR=str(dirs["runtime"]),
            IPYTHONDIR=str(dirs["ipython"]),
            MPLCONFIGDIR=str(dirs["mpl"]),
            JUPYTERLAB_SETTINGS_DIR=str(dirs["settings"]),
            JUPYTERLAB_WORKSPACES_DIR=str(dirs["workspaces"]),
            # the lab's kernels keep their progress ledger here, never in the user's data folder
            MLPLAB_DATA_DIR=str(dirs["mlplab"]),
            MLPLAB_PROGRESS="on",
            MLPLAB_MODE="self",
            PYTHONUNBUFFERED="1",
        )
        self.port = free_port()
        cmd = [
            sys.executable, "-m", "jupyterlab",
            "--no-browser",
            "--ServerApp.ip=127.0.0.1",
            f"--ServerApp.port={self.port}",
            "--ServerApp.port_retries=0",
            "--IdentityProvider.token=",
            "--ServerApp.password=",
            "--ServerApp.disable_check_xsrf=True",
            f"--ServerApp.root_dir={self.root}",
            "--LabApp.news_url=None",
            "--LabApp.extension_manager=readonly",  # no PyPI look-ups from the server
            "--LabApp.expose_app_in_browser=True",
            f"--LabApp.user_settings_dir={dirs['settings']}",
            f"--LabApp.workspaces_dir={dirs['workspaces']}",
        ]
        if hasattr(os, "geteuid") and os.geteuid() == 0:  # containers, CI runners
            cmd.append("--allow-root")
        self._log = open(self.log_path, "wb")
        self.proc = subprocess.Popen(cmd, env=env, cwd=self.root, stdout=self._log,
                                     stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + self.startup_timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"jupyter lab exited with {self.proc.returncode}:\n{self.log()}")
            try:
                with urllib.request.urlopen(f"{self.url}/api/status", timeout=2) as r:
                    if r.status == 200:
                        return self
            except OSError:
                pass
            time.sleep(0.3)
        raise TimeoutError(f"jupyter lab did not answer within {self.startup_timeout} s:\n{self.log()}")

    def log(self, tail=4000):
        try:
            return self.log_path.read_text(errors="replace")[-tail:]
        except OSError:
            return ""

    def stop(self):
        if self.proc is not None and self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)
                self.proc.wait(timeout=10)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                try:
                    os.killpg(self.proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                self.proc.wait(timeout=5)
        if getattr(self, "_log", None):
            self._log.close()
        shutil.rmtree(self.tmp, ignore_errors=True)


# --------------------------------------------------------------------------- baseline
# Two 2x2 PNGs (black / blue): the bare kernel round trip, a slider swapping a tiny image.
_PNGS = [
    "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAC0lEQVR4nGNgQAYAAA4AAamRc7EAAAAASUVORK5CYII=",
    "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGOUL9/CwMDAxMDAwMDAAAAPDQFOqX7rnAAAAABJRU5ErkJggg==",
]
BASELINE_NOTEBOOK = "zz_browser_baseline.ipynb"
BASELINE_SOURCE = f"""\
import base64
import ipywidgets as widgets
pngs = [base64.b64decode(s) for s in {_PNGS!r}]
slider = widgets.IntSlider(0, 0, 10, description="baseline")
image = widgets.Image(value=pngs[0], format="png", width=200, height=200)
readout = widgets.HTML("v = 0")
def on_change(change):
    image.value = pngs[change["new"] % 2]
    readout.value = f"v = {{change['new']}}"
slider.observe(on_change, names="value")
widgets.VBox([widgets.HBox([slider]), image, readout])  # baseline_roundtrip
"""


def write_baseline_notebook(folder):
    """A one-cell notebook (in the temporary copy only): the bare widget round trip."""
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"display_name": "Python 3", "language": "python",
                                 "name": "python3"}
    nb.cells = [nbformat.v4.new_code_cell(BASELINE_SOURCE)]
    path = Path(folder) / BASELINE_NOTEBOOK
    nbformat.write(nb, path)
    return path


# --------------------------------------------------------------------------- results
# filled by the tests, reported (and optionally written as JSON) at the end of the session
LATENCIES = {}  # explorer name -> dict of numbers
MACHINE = {}


def summarize(name, latencies, extra):
    """Record median and p90 (linear interpolation) of one explorer's latencies in ms."""
    ms = list(latencies)
    p90 = statistics.quantiles(ms, n=10, method="inclusive")[8] if len(ms) > 1 else ms[0]
    LATENCIES[name] = {"n": len(ms), "median_ms": statistics.median(ms), "p90_ms": p90,
                       "all_ms": [round(x, 1) for x in latencies], **extra}
    return LATENCIES[name]


# --------------------------------------------------------------------------- page
_STATUS_JS = """() => {
  const app = window.jupyterapp;
  const w = app && app.shell.currentWidget;
  if (!w || !w.content || !w.sessionContext) return null;
  const kernel = w.sessionContext.session && w.sessionContext.session.kernel;
  const cells = w.content.widgets;
  let code = 0, done = 0, running = 0;
  const errors = [];
  cells.forEach((cell, i) => {
    if (cell.model.type !== 'code') return;
    code += 1;
    if (cell.model.executionCount !== null) done += 1;
    const prompt = cell.node.querySelector('.jp-InputPrompt');
    if (prompt && prompt.textContent.includes('*')) running += 1;
    for (const out of cell.model.outputs.toJSON()) {
      const text = typeof out.text === 'string' ? out.text : (out.text || []).join('');
      if (out.output_type === 'error') {
        errors.push(`cell ${i}: ${out.ename}: ${out.evalue}`);
      } else if (out.output_type === 'stream' && out.name === 'stderr'
                 && /Traceback|Error\\b/.test(text)) {
        errors.push(`cell ${i} (stderr): ${text.slice(0, 800)}`);
      }
    }
  });
  return {kernel: kernel ? kernel.status : null, ready: w.context.isReady,
          code, done, running, errors, busy: w.sessionContext.isBusy || false};
}"""

# Errors as a student sees them: rendered tracebacks anywhere in the page.
ERROR_SELECTORS = [
    '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]',
    '.jp-RenderedText[data-mime-type="application/vnd.jupyter.error"]',
    '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.error"]',
]

_INSTALL_PROBE_JS = """(cell) => {
  const img = cell.querySelector('img.widget-image') || cell.querySelector('.jupyter-widgets img');
  const readouts = cell.querySelectorAll('.widget-html');
  const readout = readouts[readouts.length - 1];
  if (!img || !readout) return false;
  const st = {keys: [], srcs: [], paints: [], readouts: []};
  window.__mlplab = st;
  if (!window.__mlplabKey) {
    window.__mlplabKey = true;
    document.addEventListener('keydown', () => window.__mlplab.keys.push(performance.now()), true);
  }
  new MutationObserver(() => {
    const i = st.srcs.length;
    st.srcs.push(performance.now());
    // "on screen" = decoded and the next animation frame (the paint that shows it)
    const done = () => requestAnimationFrame(() => { st.paints[i] = performance.now(); });
    img.decode().then(done, done);
  }).observe(img, {attributes: true, attributeFilter: ['src']});
  new MutationObserver(() => st.readouts.push(performance.now()))
    .observe(readout, {childList: true, subtree: true, characterData: true});
  return true;
}"""


_SLIDER_STATE_JS = """(handle) => {
  const s = handle.closest('.noUi-target').noUiSlider;
  const v = s.get(true), r = s.options.range;
  return {value: Number(Array.isArray(v) ? v[0] : v), min: Number(r.min), max: Number(r.max),
          step: Number(s.options.step)};
}"""


@dataclass
class Move:
    key: str
    value_before: float   # the slider's position (for a log slider: the exponent)
    value_after: float
    latency_ms: float      # key press → decoded image painted
    src_ms: float          # key press → <img src> swapped (message arrived)
    readout_ms: float | None  # key press → readout text changed (None: it did not)


@dataclass
class ExplorerRun:
    name: str
    moves: list = field(default_factory=list)

    def latencies(self):
        return [m.latency_ms for m in self.moves]


class NotebookPage:
    """One browser page on one notebook of a running ``LabServer``."""

    _count = 0

    def __init__(self, browser, server, notebook, viewport=(1280, 900)):
        self.server = server
        self.notebook = notebook
        self.context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
        self.page = self.context.new_page()
        self.console = []
        self.page.on("console", lambda m: self.console.append(f"{m.type}: {m.text}")
                     if m.type in ("error",) else None)
        self.page.on("pageerror", lambda e: self.console.append(f"pageerror: {e}"))

    def close(self):
        try:
            self.context.close()
        except Exception:  # browser may already be gone
            pass

    # -- opening and running ---------------------------------------------------
    def open(self, timeout=90.0):
        # a workspace of its own per page, reset: no tabs restored from another page
        NotebookPage._count += 1
        workspace = f"mlplab-{NotebookPage._count}"
        self.page.goto(f"{self.server.url}/lab/workspaces/{workspace}/tree/{self.notebook}?reset",
                       wait_until="domcontentloaded")
        self.page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=timeout * 1000)
        self.wait_for(lambda s: s["ready"] and s["kernel"] == "idle", timeout, "kernel idle")
        return self

    def status(self):
        return self.page.evaluate(_STATUS_JS)

    def wait_for(self, predicate, timeout, what):
        deadline = time.monotonic() + timeout
        status = None
        while time.monotonic() < deadline:
            status = self.status()
            if status is not None and predicate(status):
                return status
            time.sleep(0.2)
        raise TimeoutError(f"timed out after {timeout:.0f} s waiting for {what}; last status {status}")

    def run_all(self, timeout=150.0):
        """Run → Run All Cells, from the menu bar, then wait until every cell ran."""
        self.page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click()
        self.page.locator(".lm-Menu-itemLabel",
                          has_text=re.compile(r"^Run All Cells$")).click()
        time.sleep(0.5)

        def finished(s):
            if s["errors"]:
                return True  # JupyterLab stops the queue at the first error
            return s["kernel"] == "idle" and not s["busy"] and s["running"] == 0 \
                and s["done"] == s["code"]

        status = self.wait_for(finished, timeout, "Run All to finish")
        time.sleep(0.5)  # let widget views render
        return status

    def error_outputs(self):
        """Error / traceback texts rendered anywhere in the page."""
        found = []
        for sel in ERROR_SELECTORS:
            for el in self.page.locator(sel).all():
                text = el.inner_text()
                if "application/vnd.jupyter.error" in sel or "Traceback" in text \
                        or "Error" in text:
                    found.append(text[:1500])
        return found

    # -- explorers ---------------------------------------------------------------
    def cell(self, index):
        return self.page.locator(".jp-Notebook .jp-Cell").nth(index)

    def _wait_for_paint(self, name, n_src, value, timeout, grace=1.5):
        """Wait for image update number ``n_src`` to be painted.

        Fails fast, with a message, when the slider moved but the kernel went idle
        and stayed idle without sending a new picture (a stalled explorer).
        """
        start = time.monotonic()
        idle_since = None
        probe = f"() => window.__mlplab.paints[{n_src}] !== undefined"
        while not self.page.evaluate(probe):
            now = time.monotonic()
            if now - start > timeout:
                raise TimeoutError(f"{name}: no new figure {timeout:.0f} s after a key press")
            if now - start > 1.0:
                s = self.status()
                if s["kernel"] == "idle" and not s["busy"]:
                    idle_since = idle_since or now
                    if now - idle_since > grace:
                        raise AssertionError(
                            f"{name}: the slider moved (to {value} + one step) but no new "
                            f"figure arrived; the kernel is idle (the change was lost or "
                            f"made no new picture)")
                else:
                    idle_since = None
            time.sleep(0.03)

    def explorer_parts(self, index, timeout=30.0):
        """Slider handle, image and readout inside the output of cell ``index``."""
        cell = self.cell(index)
        cell.scroll_into_view_if_needed()
        out = cell.locator(".jp-OutputArea-output")
        handle = out.locator(".widget-slider .noUi-handle").first
        handle.wait_for(state="visible", timeout=timeout * 1000)
        img = out.locator("img.widget-image").first
        img.wait_for(state="visible", timeout=timeout * 1000)
        readout = out.locator(".widget-html").last
        return cell, handle, img, readout

    def move_slider(self, index, name, n_moves=10, settle=0.1, timeout=60.0):
        """Focus the first slider of the explorer in cell ``index`` and press arrow keys.

        Returns an ``ExplorerRun``; goes right, and turns round at the slider's end.
        """
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        cell, handle, img, readout = self.explorer_parts(index)
        if not cell.evaluate(_INSTALL_PROBE_JS):
            raise AssertionError(f"{name}: no image + readout found in the explorer output")
        handle.scroll_into_view_if_needed()
        handle.focus()
        run = ExplorerRun(name)
        key = "ArrowRight"
        for _ in range(n_moves):
            state = handle.evaluate(_SLIDER_STATE_JS)
            now, eps = state["value"], 1e-9 * max(1.0, abs(state["step"]))
            if key == "ArrowRight" and now + state["step"] > state["max"] + eps:
                key = "ArrowLeft"
            elif key == "ArrowLeft" and now - state["step"] < state["min"] - eps:
                key = "ArrowRight"
            before = self.page.evaluate(
                "() => [window.__mlplab.srcs.length, window.__mlplab.readouts.length,"
                " window.__mlplab.keys.length]")
            n_src, n_read, n_keys = before
            self.page.keyboard.press(key)
            # noUiSlider moves the handle on keydown; a handle that does not move (a step
            # the keyboard cannot make, a lost focus) would otherwise look like a slow kernel
            try:
                self.page.wait_for_function(
                    "([h, v]) => { const s = h.closest('.noUi-target').noUiSlider.get(true);"
                    " return Number(Array.isArray(s) ? s[0] : s) !== v; }",
                    arg=[handle.element_handle(), now], timeout=3000, polling=50,
                )
            except PlaywrightTimeout:
                raise AssertionError(
                    f"{name}: {key} did not move the slider (stuck at {now}, range "
                    f"{state['min']}..{state['max']}, step {state['step']})") from None
            self._wait_for_paint(name, n_src, now, timeout)
            time.sleep(0.05)  # the readout's message follows the image's
            st = self.page.evaluate("() => window.__mlplab")
            t_key = st["keys"][n_keys]
            later = [t for t in st["readouts"][n_read:] if t >= t_key]
            run.moves.append(Move(
                key=key,
                value_before=now,
                value_after=handle.evaluate(_SLIDER_STATE_JS)["value"],
                latency_ms=st["paints"][n_src] - t_key,
                src_ms=st["srcs"][n_src] - t_key,
                readout_ms=(later[0] - t_key) if later else None,
            ))
            time.sleep(settle)
            self.wait_for(lambda s: s["kernel"] == "idle", timeout, "kernel idle after a move")
        return run


def find_explorer_cell(nb_path, name):
    """Index of the first code cell that shows explorer ``name`` (not its static figure)."""
    import nbformat

    nb = nbformat.read(nb_path, as_version=4)
    # the module may be imported under an alias (lessons never bind an exercise's name,
    # e.g. `from mlplab.widgets import sawtooth as saw`)
    aliases = {name} | set(re.findall(
        rf"(?:from\s+mlplab\.widgets\s+import\s+{name}|import\s+mlplab\.widgets\.{name})\s+as\s+(\w+)",
        "\n".join(c.source for c in nb.cells if c.cell_type == "code")))
    markers = tuple(m for a in aliases for m in (f"{a}.show(", f"{a}.widget(")) + (f"show_{name}(",)
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code" or "static_figure" in cell.source:
            continue
        if any(m in cell.source for m in markers):
            return i
    for i, cell in enumerate(nb.cells):  # e.g. `from mlplab.widgets.gd_1d import show`
        if cell.cell_type == "code" and "static_figure" not in cell.source \
                and name in cell.source and "show(" in cell.source:
            return i
    return None


# --------------------------------------------------------------------------- in-kernel
KERNEL_TIMING_CODE = """\
def _mlplab_timing(name, n):
    import importlib, json, math, statistics, time
    import ipywidgets as w
    ex = importlib.import_module("mlplab.widgets." + name).show()
    sliders = [(k, c) for k, c in ex.controls().items()
               if isinstance(c, (w.IntSlider, w.FloatSlider, w.FloatLogSlider))]
    key, ctl = sliders[0]
    log = isinstance(ctl, w.FloatLogSlider)
    pos = math.log(ex.values[key], ctl.base) if log else ex.values[key]
    step, direction = ctl.step, 1
    compute, png = [], []
    for _ in range(n):
        if not ctl.min <= pos + direction * step <= ctl.max:
            direction = -direction
        pos = pos + direction * step
        value = ctl.base ** pos if log else (int(round(pos)) if isinstance(ctl, w.IntSlider) else pos)
        t0 = time.perf_counter()
        ex.set(**{key: value})
        t1 = time.perf_counter()
        ex.png()
        t2 = time.perf_counter()
        compute.append(1e3 * (t1 - t0))
        png.append(1e3 * (t2 - t1))
    ex.close()
    print(json.dumps({"slider": key, "compute_ms": statistics.median(compute),
                      "png_ms": statistics.median(png)}))
_mlplab_timing(%r, %d)
del _mlplab_timing
"""

_EXECUTE_JS = """async (code) => {
  const w = window.jupyterapp.shell.currentWidget;
  const kernel = w.sessionContext.session.kernel;
  const future = kernel.requestExecute({code, silent: false, store_history: false});
  let out = '';
  future.onIOPub = (msg) => {
    const t = msg.header.msg_type;
    if (t === 'stream') out += msg.content.text;
    if (t === 'error') out += 'ERROR ' + msg.content.ename + ': ' + msg.content.evalue;
  };
  await future.done;
  return out;
}"""


def kernel_timing(page, name, n=10):
    """Median ms of one ``set(...)`` (compute + artists) and one ``png()``, run in the
    notebook's own kernel on a fresh explorer (outputs go to this call, not the notebook)."""
    out = page.page.evaluate(_EXECUTE_JS, KERNEL_TIMING_CODE % (name, n))
    try:
        return json.loads(out.strip().splitlines()[-1])
    except (ValueError, IndexError):
        raise AssertionError(f"in-kernel timing of {name} failed: {out[-1500:]}") from None
