"""Slider key press → new figure on screen, in a real JupyterLab + headless Chromium.

Runs the browser tests (tests/browser), which drive every lesson's explorer with
the arrow keys and time each move, then writes the "browser" section of
benchmarks/RESULTS.md: median and p90 per explorer, the in-kernel cost of one
update (compute + artists, PNG render), and the machine.

    python benchmarks/browser_latency.py            # run and write RESULTS.md
    python benchmarks/browser_latency.py --no-write # run and print only

Latency = the keydown event in the page → the new PNG decoded and the next
animation frame (the paint that shows it). "src" = keydown → the <img> got its
new blob: URL, i.e. the kernel's reply arrived. The baseline row is a slider that
swaps a 2×2 PNG: the bare kernel round trip, no compute, no rendering.
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks._results import write_section  # noqa: E402

TARGET_MS = 100  # the developers' guide: slider -> picture <= 100 ms median


def run_tests(json_path):
    env = dict(os.environ, MLPLAB_BROWSER_LATENCY_JSON=str(json_path))
    cmd = [sys.executable, "-m", "pytest", "tests/browser", "-o", "addopts=", "-p", "no:nbval",
           "-q", "-rA"]
    return subprocess.run(cmd, cwd=ROOT, env=env).returncode


def markdown(data, rc):
    m, rows = data["machine"], data["explorers"]
    lines = [
        "## Browser: slider key press → new figure on screen",
        "",
        "Written by `benchmarks/browser_latency.py` (runs `tests/browser`: real JupyterLab, "
        "headless Chromium, arrow keys on each explorer's first slider; one checked move + 10 "
        "timed moves). Latency = keydown → new PNG decoded and painted (next animation frame); "
        "*reply* = keydown → the image's new `blob:` URL set (the kernel's reply arrived). "
        "*compute* = one `_update()` (recompute + artists), *png* = one `png()`, both median, "
        "measured inside the notebook's own kernel on a fresh explorer. *transfer* = reply − "
        "compute − png (key event → comm message → kernel → PNG back over the websocket); "
        "*display* = latency − reply (blob, decode, paint). All medians. "
        f"Target for the light explorers: median ≤ {TARGET_MS} ms.",
        "",
        "| explorer | moves | median ms | p90 ms | reply ms | compute ms | png ms "
        "| transfer ms | display ms | target | load avg |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, r in rows.items():
        compute, png = r.get("compute_ms"), r.get("png_ms")
        if compute is not None:
            rest = r["src_median_ms"] - compute - png  # medians of separate runs: may be < 0
            transfer = f"{rest:.0f}" if rest > 0 else "≈0"
            compute, png = f"{compute:.1f}", f"{png:.1f}"
        else:
            transfer, compute, png = f"{r['src_median_ms']:.0f}", "—", "—"
        if name == "baseline":
            target, label = "(reference)", "baseline: swap a 2×2 PNG"
        elif r.get("light"):
            target = "✓" if r["median_ms"] <= TARGET_MS else f"✗ (> {TARGET_MS})"
            label = f"`{name}`"
        else:
            target, label = "own figure", f"`{name}` (retrains)"
        lines.append(
            f"| {label} | {r['n']} | {r['median_ms']:.0f} | {r['p90_ms']:.0f} "
            f"| {r['src_median_ms']:.0f} | {compute} | {png} | {transfer} "
            f"| {r['display_median_ms']:.0f} | {target} | {r['load1']:.1f} |"
        )
    pooled = [ms for name, r in rows.items() if r.get("light") for ms in r.get("all_ms", [])]
    if pooled:
        lines += ["", f"**All moves of the light explorers pooled** ({len(pooled)} moves, both "
                      f"languages): median {statistics.median(pooled):.0f} ms (target ≤ {TARGET_MS} ms)."]
    lines += [
        "",
        f"Machine: {m.get('cpu')}, {m.get('cores')} cores; Chromium {m.get('chromium')} "
        f"(headless); JupyterLab {m.get('jupyterlab')}, ipywidgets {m.get('ipywidgets')}, "
        f"matplotlib {m.get('matplotlib')}, Python {m.get('python')}; {m.get('os')}. "
        f"Run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; "
        f"tests {'passed' if rc == 0 else f'exit status {rc}'}.",
        "",
        "*load avg* is the 1-minute load average when the explorer was measured. The test's "
        "own kernel, Chromium and server add about 1–2; more means the machine was shared with "
        "other work and every number above is inflated (above twice the number of cores the "
        "test does not enforce its latency limit).",
    ]
    return "\n".join(lines)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-write", action="store_true", help="print, don't touch RESULTS.md")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = pathlib.Path(tmp) / "latency.json"
        rc = run_tests(path)
        if not path.exists():
            print("no latencies were measured (browser tests skipped or failed early)")
            return rc or 1
        data = json.loads(path.read_text())
    text = markdown(data, rc)
    print(text)
    if not args.no_write:
        if rc != 0:
            print("\nbrowser tests failed: RESULTS.md not written")
            return rc
        print(f"\nwrote {write_section('browser', text)}")
    return rc


if __name__ == "__main__":
    sys.exit(main())
