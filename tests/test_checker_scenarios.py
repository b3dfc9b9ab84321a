"""Every hostile or confused student function of tests/checker_scenarios.py gets its verdict."""

import sys

import pytest

sys.path.insert(0, __import__("os").path.dirname(__file__))
import checker_scenarios as S  # noqa: E402


@pytest.mark.parametrize("scenario", S.SCENARIOS, ids=[s.id for s in S.SCENARIOS])
def test_scenario_gets_its_verdict(scenario, capfd):
    if scenario.id == "swallows-in-tight-loop" and sys.version_info < (3, 11):
        pytest.skip("CPython 3.10 never handles a signal, an injected exception or a GIL request in "
                    "`while True: try: ... except BaseException: ...` (it skips the check before "
                    "SETUP_FINALLY), so nothing in the process can stop it; 3.11 fixed this")
    result = S.run(scenario)
    leaked = capfd.readouterr()
    assert scenario.right(result.status), result
    assert scenario.phrase in result.message, result
    assert str(result).startswith(f"[{result.status}] {scenario.exercise}: ")
    assert len(leaked.out) + len(leaked.err) < 1000, "the student's prints reached the notebook"
