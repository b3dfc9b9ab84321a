"""Smoke test: the explorer benchmark runs end to end and leaves RESULTS.md alone."""

import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # `pytest` (not `python -m pytest`) does not add the repo root
    sys.path.insert(0, str(ROOT))

from benchmarks import bench_explorers  # noqa: E402

RESULTS = pathlib.Path(bench_explorers.__file__).with_name("RESULTS.md")


def _explorers_section():
    """Only our section: other benchmark scripts may rewrite theirs meanwhile."""
    if not RESULTS.exists():
        return None
    text = RESULTS.read_text()
    start = text.find("<!-- section:explorers -->")
    end = text.find("<!-- /section:explorers -->")
    return text[start:end] if start >= 0 else None


def test_smoke_run_reports_every_explorer_and_writes_nothing(capsys):
    before = _explorers_section()
    rows, every = bench_explorers.main(["--smoke"])
    assert _explorers_section() == before
    from mlplab.widgets import EXPLORERS

    assert [r.name for r in every] == list(EXPLORERS)
    assert all(r.set_ms > 0 and r.png_ms > 0 for r in every)
    names = [r.name for r in rows]
    assert names == ["uat_neurons", "playground", "depth_vs_width", "sawtooth"]
    for r in rows:
        assert r.verdict in {"met", "missed", "skipped", "-"}
        if r.median is not None:
            assert r.median > 0
    assert {r.name for r in rows if r.median is not None} >= {"playground", "depth_vs_width"}
    out = capsys.readouterr().out
    assert "| playground |" in out and "| depth_vs_width |" in out
    assert "| gd_1d | 01_gradient_descent | lr |" in out


def test_markdown_table_states_target_and_verdict():
    rows = [bench_explorers.Row("x", "thing", 0.1, 0.15, 3),
            bench_explorers.Row("y", "other", 2.0, 1.5, 3),
            bench_explorers.Row("z", "missing", None, 1.0, 0, "skipped: no module")]
    md = bench_explorers.to_markdown(rows, load=(1.0, 2.0, 3.0))
    assert "| x | thing | 100 ms | - | ≤ 150 ms | met |" in md
    assert "| y | other | 2.00 s | - | ≤ 1.50 s | missed |" in md
    assert "| z | missing | - | - | ≤ 1.00 s | skipped |" in md
