"""Every hostile or confused student function of tests/checker_scenarios.py gets its verdict."""

import sys

import pytest

sys.path.insert(0, __import__("os").path.dirname(__file__))
import checker_scenarios as S  # noqa: E402


@pytest.mark.parametrize("scenario", S.SCENARIOS, ids=[s.id for s in S.SCENARIOS])
def test_scenario_gets_its_verdict(scenario, capfd):
    result = S.run(scenario)
    leaked = capfd.readouterr()
    assert scenario.right(result.status), result
    assert scenario.phrase in result.message, result
    assert str(result).startswith(f"[{result.status}] {scenario.exercise}: ")
    assert len(leaked.out) + len(leaked.err) < 1000, "the student's prints reached the notebook"
