"""Explorer latency: the heavy explorers' compute and redraw times.

Run from the repository root::

    python -m benchmarks.bench_explorers            # full run, rewrites RESULTS.md "explorers"
    python -m benchmarks.bench_explorers --smoke    # one repeat of each, prints, writes nothing

What is timed (wall clock, median over repeats, BLAS limited to one thread):

* ``uat_neurons``: ``uat_neurons.compute(n_hidden=50, target="wiggly",
  activation="tanh", steps=2000, n_points=200, seed=0)`` -- 2,000 full-batch
  steps of a 1-50-1 net on 200 points (skipped with a note if the module is
  missing);
* ``playground``: one training chunk (5 epochs of mini-batch SGD, batch 10) of
  a 2-16-16-2 tanh net on 500 points (350 train / 150 test) plus the redraw
  that follows it (artists updated, figure rendered to PNG bytes) -- what
  happens between two pictures while Train runs;
* ``depth_vs_width``: ``depth_vs_width.compute()`` with its defaults -- both
  fits (1-7-7-7-7-1 and 1-63-1, 190 parameters each, 3,000 full-batch steps);
* for reference, one slider update (``set`` + PNG) of the ``sawtooth`` explorer;
* every explorer of the course (``mlplab.widgets.EXPLORERS``, from the course
  manifest): one move of its first slider, ``set`` (compute + artists) and ``png``
  timed separately -- what a key press on that slider costs inside the kernel.

The machine is shared, so the load average at the start is written next to the
numbers.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import pathlib
import platform
import statistics
import sys
import time
from dataclasses import dataclass

if __package__ in (None, ""):  # run as a script: make `benchmarks` importable
    sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))

from benchmarks._results import write_section  # noqa: E402


@dataclass
class Row:
    name: str
    what: str
    median: float | None  # seconds; None when skipped
    target: float | None  # seconds; None = no target, for reference
    repeats: int
    note: str = ""
    cpu: float | None = None  # median process CPU seconds (excludes waiting for a core)

    @property
    def verdict(self):
        if self.median is None:
            return "skipped"
        if self.target is None:
            return "-"
        return "met" if self.median <= self.target else "missed"


_LAST_CPU = []


def _median_time(fn, repeats):
    """Median wall time of ``fn()``; the median CPU time is kept in ``_LAST_CPU[-1]``."""
    times, cpus = [], []
    gc.disable()
    try:
        for _ in range(repeats):
            c0, t0 = time.process_time(), time.perf_counter()
            fn()
            times.append(time.perf_counter() - t0)
            cpus.append(time.process_time() - c0)
    finally:
        gc.enable()
    _LAST_CPU.append(statistics.median(cpus))
    return statistics.median(times)


def bench_uat(repeats):
    what = "compute(n_hidden=50, wiggly, tanh, 2,000 steps, 200 points)"
    try:
        uat = importlib.import_module("mlplab.widgets.uat_neurons")
    except ImportError as exc:
        return Row("uat_neurons", what, None, 0.3, 0, f"skipped: module not available ({exc})")
    uat.compute(n_hidden=50, target="wiggly", activation="tanh", steps=50, n_points=200, seed=0)
    med = _median_time(lambda: uat.compute(n_hidden=50, target="wiggly", activation="tanh",
                                           steps=2000, n_points=200, seed=0), repeats)
    return Row("uat_neurons", what, med, 0.3, repeats, "target: issue 6, ≤ 0.3 s",
               cpu=_LAST_CPU[-1])


def bench_playground(repeats):
    from mlplab.widgets.playground import Playground

    pg = Playground(dataset="circles", hidden_layers=2, width=16, activation="tanh",
                    lr=0.1, batch_size=10, n_points=500, chunk_epochs=5)
    assert pg.trainer.sizes == [2, 16, 16, 2]
    pg.step()
    pg.png()  # warm up caches (fonts, text layout)

    def chunk_and_redraw():
        pg.step()
        pg.png()

    med = _median_time(chunk_and_redraw, repeats)
    cpu = _LAST_CPU[-1]
    chunk = _median_time(lambda: pg.trainer.run_epochs(5, 0.1, 10), repeats)
    redraw = _median_time(lambda: (pg.refresh(), pg.png()), repeats)
    note = f"of which chunk {chunk * 1e3:.0f} ms, redraw + PNG {redraw * 1e3:.0f} ms"
    return Row("playground", "one chunk (5 epochs, 2-16-16-2, 500 points) + redraw", med, 0.150,
               repeats, note, cpu=cpu)


def bench_depth_vs_width(repeats):
    from mlplab.widgets import depth_vs_width

    depth_vs_width.compute(steps=50)
    results = []

    def run():
        results.append(depth_vs_width.compute())

    med = _median_time(run, repeats)
    r = results[-1]
    note = (f"{'-'.join(map(str, r.deep_sizes))} vs {'-'.join(map(str, r.wide_sizes))}, "
            f"{r.deep_params} params each")
    return Row("depth_vs_width", "both fits, defaults (3,000 full-batch steps each)", med, 1.5,
               repeats, note, cpu=_LAST_CPU[-1])


def bench_sawtooth(repeats):
    from mlplab.widgets import sawtooth

    e = sawtooth.show(k=3)
    ks = iter(list(range(1, 9)) * (repeats + 1))
    med = _median_time(lambda: (e.set(k=next(ks)), e.png()), repeats)
    return Row("sawtooth", "one slider update (set k + PNG)", med, None, repeats, "for reference",
               cpu=_LAST_CPU[-1])


@dataclass
class SliderRow:
    name: str
    lesson: str
    slider: str
    set_ms: float     # median of set(...): compute + artists
    png_ms: float     # median of png(): render + encode
    repeats: int
    cpu_ms: float | None = None  # median process CPU time of set + png

    @property
    def total_ms(self):
        return self.set_ms + self.png_ms


def _first_slider(explorer):
    import ipywidgets as widgets

    for key, control in explorer.controls().items():
        if isinstance(control, (widgets.IntSlider, widgets.FloatSlider, widgets.FloatLogSlider,
                                widgets.SelectionSlider)):
            return key, control
    raise LookupError(f"{type(explorer).__name__} has no slider")


def _neighbour(control, value):
    """The value one slider step away (down if up would leave the slider)."""
    if hasattr(control, "options"):
        options = list(control.options)
        i = options.index(value)
        return options[i + 1] if i + 1 < len(options) else options[i - 1]
    if hasattr(control, "base"):
        import math

        e = math.log(value, control.base)
        return control.base ** (e + (control.step if e + control.step <= control.max else -control.step))
    step = control.step if value + control.step <= control.max else -control.step
    return type(value)(value + step)


def bench_every_explorer(repeats):
    """One move of each explorer's first slider: set (compute + artists) and png, timed apart."""
    from mlplab.course import LESSONS

    rows = []
    for lesson in LESSONS:
        for name in lesson.explorers:
            module = importlib.import_module(f"mlplab.widgets.{name}")
            e = module.show()
            key, control = _first_slider(e)
            a = e.values[key]
            b = _neighbour(control, a)
            heavy = name in HEAVY
            n = max(1, repeats // 4) if heavy else repeats
            e.png()
            values = iter([b, a] * (n + 1))
            set_t = _median_time(lambda: e.set(**{key: next(values)}), n)   # noqa: B023
            png_t = _median_time(e.png, n)
            cpu = _LAST_CPU[-2] + _LAST_CPU[-1]
            rows.append(SliderRow(name, lesson.name, key, 1e3 * set_t, 1e3 * png_t, n, 1e3 * cpu))
            e.close()
    return rows


#: explorers that retrain on every change (timed with fewer repeats)
HEAVY = {"training_explorer", "depth_vs_width", "uat_neurons", "no_activation_collapse"}


def every_explorer_markdown(rows):
    lines = [
        "### Every explorer: one move of its first slider (in the kernel)",
        "",
        "*set* = `set(...)`: compute + artists; *png* = `png()`: render (blitted where the "
        "explorer registers dynamic artists) + PNG encode. Wall-clock medians; *CPU* = the "
        "process's CPU time for set + png (medians), the better number on a shared machine. "
        "Heavy explorers retrain on every move.",
        "",
        "| explorer | lesson | slider | set ms | png ms | total ms | CPU ms | repeats |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        cpu = "-" if r.cpu_ms is None else f"{r.cpu_ms:.1f}"
        lines.append(f"| {r.name} | {r.lesson} | {r.slider} | {r.set_ms:.1f} | {r.png_ms:.1f} "
                     f"| {r.total_ms:.1f} | {cpu} | {r.repeats} |")
    return "\n".join(lines)


def run(smoke=False):
    """Time the heavy explorers (and sawtooth for reference); return a list of ``Row``."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # pragma: no cover - optional
        limits = None
    else:
        limits = threadpool_limits(1)
    try:
        reps = (1, 2, 1, 2) if smoke else (5, 20, 5, 20)
        return [bench_uat(reps[0]), bench_playground(reps[1]), bench_depth_vs_width(reps[2]),
                bench_sawtooth(reps[3])]
    finally:
        if limits is not None:
            limits.restore_original_limits()


def _fmt(seconds):
    if seconds is None:
        return "-"
    return f"{seconds * 1e3:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def to_markdown(rows, load=None):
    lines = [
        "## Explorers (compute + redraw latency)",
        "",
        "Written by `python -m benchmarks.bench_explorers`. Wall-clock medians, BLAS on one "
        f"thread; {platform.python_implementation()} {platform.python_version()}, "
        f"{os.cpu_count()} CPUs"
        + (f", load average at start {load[0]:.2f} / {load[1]:.2f} / {load[2]:.2f} "
           "(shared machine)" if load else "")
        + ".",
        "",
        "The target is judged on the wall-clock median. The CPU column is the process's own "
        "CPU time (median): on an idle machine wall ≈ CPU; when other jobs compete for the "
        "cores, wall time grows while CPU time stays near the explorer's real cost.",
        "",
        "| explorer | what is timed | median (wall) | CPU | target | result | repeats | note |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        target = "-" if r.target is None else f"≤ {_fmt(r.target)}"
        lines.append(f"| {r.name} | {r.what} | {_fmt(r.median)} | {_fmt(r.cpu)} | {target} | "
                     f"{r.verdict} | {r.repeats} | {r.note} |")
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true",
                        help="one or two repeats, print only (RESULTS.md untouched)")
    parser.add_argument("--no-write", action="store_true", help="full run, print only")
    args = parser.parse_args(argv)
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    rows = run(smoke=args.smoke)
    every = bench_every_explorer(1 if args.smoke else 12)
    markdown = to_markdown(rows, load) + "\n\n" + every_explorer_markdown(every)
    print(markdown)
    if not (args.smoke or args.no_write):
        path = write_section("explorers", markdown)
        print(f"\nwrote section 'explorers' of {path}")
    return rows, every


if __name__ == "__main__":
    main()
