"""The readable cases of tests/cases/*.yaml, and the paragraph coverage of the route.

Each case: {name, input, expect} and optionally `cites`, the paragraphs it tests ("13", "9.2");
`expect` may give `screening` and `score` fields (compared as given) and `referral`: `minor`,
`action_ids` (the whole route, in order), `includes`, `excludes`, `deadlines`, `actors` and
`readings` (step id -> expected value; readings: the ids of data/readings.yaml, in order).
"""

from __future__ import annotations

import pytest

from build_scripts.audit import load_cases
from checker import assess
from checker.yaml_data import load_yaml_data

STEPS = load_yaml_data()["referral"]["steps"]
STEP_IDS = {step["id"] for step in STEPS}
EXPECT_KEYS = {"screening", "score", "referral"}
REFERRAL_KEYS = {"minor", "action_ids", "includes", "excludes", "deadlines", "actors", "readings"}
PARAGRAPHS = {step["paragraph"] for step in STEPS}


CASES = load_cases()


def test_cases_are_well_formed():
    """Unique names, known keys and known step ids: a typo must not make a case pass."""
    names = [case["name"] for case in CASES]
    assert len(names) == len(set(names)), "duplicate case names"
    assert len(CASES) >= 40
    for case in CASES:
        assert set(case) - {"cites"} == {"name", "input", "expect", "file"}, case["name"]
        for ref in case.get("cites", []):
            assert any(p == ref or p.startswith(ref + ".") for p in PARAGRAPHS), f"{case['name']}: cites {ref}"
        assert set(case["expect"]) <= EXPECT_KEYS, case["name"]
        referral = case["expect"].get("referral", {})
        assert set(referral) <= REFERRAL_KEYS, case["name"]
        named = [
            *referral.get("action_ids", []),
            *referral.get("includes", []),
            *referral.get("excludes", []),
            *referral.get("deadlines", {}),
            *referral.get("actors", {}),
            *referral.get("readings", {}),
        ]
        assert set(named) <= STEP_IDS, f"{case['name']}: unknown step ids {set(named) - STEP_IDS}"


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_case(case):
    result = assess(case["input"])
    expect = case["expect"]
    for section in ("screening", "score"):
        for field, value in expect.get(section, {}).items():
            assert result[section][field] == value, f"{section}.{field}"
    referral = expect.get("referral", {})
    actions = {action["id"]: action for action in result["referral"]["actions"]}
    route = list(actions)
    if "minor" in referral:
        assert result["referral"]["minor"] is referral["minor"]
    if "action_ids" in referral:
        assert route == referral["action_ids"]
    assert [step for step in referral.get("includes", []) if step not in actions] == []
    assert [step for step in referral.get("excludes", []) if step in actions] == []
    for step, deadline in referral.get("deadlines", {}).items():
        assert actions[step]["deadline"] == deadline, step
    for step, actor in referral.get("actors", {}).items():
        assert actions[step]["actor"] == actor, step
    for step, readings in referral.get("readings", {}).items():
        assert [reading["id"] for reading in actions[step]["readings"]] == readings, step


def test_every_step_is_reached_by_some_case():
    """Every step of referral.yaml, hence every deciding paragraph of chapters 2-3, has a case."""
    reached = {action["id"] for case in CASES for action in assess(case["input"])["referral"]["actions"]}
    unreached = [f"{step['id']} (p. {step['paragraph']})" for step in STEPS if step["id"] not in reached]
    assert unreached == [], "steps no case reaches: " + ", ".join(unreached)
