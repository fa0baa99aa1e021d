"""The training scenarios of data/scenarios.yaml: each is a valid checker case whose route holds
exactly the scenario's `answer` among its `choices`; together they cover the situations the
Rules distinguish; the validator and the build refuse broken scenarios."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from build_scripts.data_files import DataError
from build_scripts.training import training_view
from build_scripts.validate import SCHEMA_DIR, check
from checker import assess
from checker.case import CITIZENSHIPS, FIELDS, IDENTIFYING_SUBJECTS, LOCATIONS, SUBJECT_KINDS, URGENT_NEEDS
from conftest import edit_yaml

DATA = check()
SCENARIOS = DATA["scenarios"]["scenarios"]
FORMS = {form["id"] for form in DATA["indicators"]["forms"]}


def routed(scenario) -> set[str]:
    return {action["id"] for action in assess(scenario["case"])["referral"]["actions"]}


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s["id"] for s in SCENARIOS])
def test_the_checker_routes_exactly_the_answer_among_the_choices(scenario):
    assert set(scenario["choices"]) & routed(scenario) == set(scenario["answer"])


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s["id"] for s in SCENARIOS])
def test_the_case_is_valid_and_screens_as_a_potential_victim(scenario):
    """The story's indicators name a sign of each element, as a real detection would."""
    assert assess(scenario["case"])["screening"]["potential_victim"] is True


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s["id"] for s in SCENARIOS])
def test_every_scenario_offers_a_distractor(scenario):
    assert set(scenario["answer"]) < set(scenario["choices"])


def test_the_scenarios_cover_what_the_rules_distinguish():
    cases = [s["case"] for s in SCENARIOS]
    minors = [c for c in cases if (c.get("age") is not None and c["age"] < 18) or c.get("may_be_minor")]
    covered = {
        "adult": any(c not in minors for c in cases),
        "minor": bool(minors),
        "presumed minor": any(c.get("may_be_minor") for c in cases),
        "unaccompanied": any(c.get("unaccompanied") for c in cases),
        "consent": any(c.get("consent") for c in cases),
        "refusal": any(c.get("refuses_assistance") for c in cases),
        "relocation possible": any(c.get("can_relocate_immediately") is True for c in cases),
        "relocation impossible": any(c.get("can_relocate_immediately") is False for c in cases),
        "identified": any(c.get("identified_as_victim") is True for c in cases),
        "not recognised": any(c.get("identified_as_victim") is False for c in cases),
        "police only": any(c.get("identified_by") == ["police"] for c in cases),
        "NGO only": any(c.get("identified_by") == ["ngo"] for c in cases),
        "pre-trial victim": any(c.get("pretrial_victim") for c in cases),
        "disability": any(c.get("disability") for c in cases),
        "reintegration": any(c.get("needs_reintegration") for c in cases),
    }
    covered |= {
        f"in Kazakhstan, {c}": any(x.get("location") == "kazakhstan" and x.get("citizenship") == c for x in cases)
        for c in ("kz", "foreign")
    }
    covered |= {
        f"abroad, {c}": any(x.get("location") == "abroad" and x.get("citizenship") == c for x in cases)
        for c in ("kz", "refugee_kz", "stateless_resident")
    }
    assert [name for name, ok in covered.items() if not ok] == []
    forms = {form for s in SCENARIOS for form in assess(s["case"])["screening"]["forms"]}
    assert forms == FORMS, f"forms of Appendix 1 without a scenario: {FORMS - forms}"
    assert len(SCENARIOS) >= 40


def test_the_case_schema_is_the_checker_contract():
    """The schema of `case` lists the checker's fields and values, so that it cannot drift."""
    schema = yaml.safe_load((SCHEMA_DIR / "scenarios.yaml").read_text(encoding="utf-8"))
    case = schema["$defs"]["case"]["properties"]
    assert tuple(case) == FIELDS
    assert case["location"]["enum"] == list(LOCATIONS)
    assert case["citizenship"]["enum"] == list(CITIZENSHIPS)
    assert case["urgent_needs"]["items"]["enum"] == list(URGENT_NEEDS)
    assert schema["$defs"]["subject"]["enum"] == list(SUBJECT_KINDS)
    assert case["identified_by"]["items"]["enum"] == list(IDENTIFYING_SUBJECTS)


def test_the_page_expects_the_checker_answers():
    assert training_view(DATA).expected == {
        s["id"]: [step for step in s["choices"] if step in s["answer"]] for s in SCENARIOS
    }


def change_first_scenario(data_dir: Path, change) -> str:
    """Apply `change` to the first scenario of data_dir; returns its id."""
    document = edit_yaml(data_dir, "scenarios", lambda d: change(d["scenarios"][0]))
    return document["scenarios"][0]["id"]


BROKEN = {
    "unknown step": (
        lambda s: s["choices"].append("no-such-step"),
        lambda s: f"choices[{len(s['choices']) - 1}]: 'no-such-step' is not a known id of steps",
    ),
    "answer outside the choices": (
        lambda s: s["answer"].append("presume-minor"),
        lambda s: f"answer[{len(s['answer']) - 1}]: 'presume-minor' is not one of choices",
    ),
    "unknown indicator": (
        lambda s: s["case"]["indicators"].append("what-no-such-sign"),
        lambda s: (
            f"case.indicators[{len(s['case']['indicators']) - 1}]: 'what-no-such-sign' is not a known id of indicators"
        ),
    ),
    "unknown case field": (lambda s: s["case"].update(nationality="kz"), lambda s: "case: unknown field nationality"),
}


@pytest.mark.parametrize("kind", sorted(BROKEN))
def test_the_validator_reports_a_broken_scenario(data_copy, kind):
    change, message = BROKEN[kind]
    changed = {}
    ident = change_first_scenario(data_copy, lambda s: (change(s), changed.update(s)))
    with pytest.raises(DataError) as caught:
        check(data_copy)
    assert f"data/scenarios.yaml: id={ident}: {message(changed)}" in [str(p) for p in caught.value.problems]


def test_the_build_refuses_an_answer_the_checker_does_not_give(data_copy):
    ident = change_first_scenario(data_copy, lambda s: s["answer"].append("provide-safe-place"))
    with pytest.raises(DataError) as caught:
        training_view(check(data_copy))
    assert [str(p) for p in caught.value.problems] == [
        f"data/scenarios.yaml: id={ident}: answer: the checker routes "
        "notify-ssp-police-lea, attend-to-urgent-needs, relocate-safely, identify-jointly of the choices"
    ]


def test_the_build_refuses_a_case_the_checker_refuses(data_copy):
    ident = change_first_scenario(data_copy, lambda s: s["case"].update(may_be_minor=True))
    with pytest.raises(DataError) as caught:
        training_view(check(data_copy))
    problems = [str(p) for p in caught.value.problems]
    assert len(problems) == 1
    assert problems[0].startswith(f"data/scenarios.yaml: id={ident}: case: the checker refuses it: may_be_minor")


STAGES = ("detection", "minors", "abroad", "identification", "assistance")


def test_there_are_forty_scenarios_in_every_stage_and_difficulty():
    assert len(SCENARIOS) >= 40
    assert {s["stage"] for s in SCENARIOS} == set(STAGES)
    assert {s["difficulty"] for s in SCENARIOS} == {1, 2, 3}
    grouped = training_view(DATA).by_stage()
    assert [stage for stage, _ in grouped] == list(STAGES)
    for _, items in grouped:
        assert [s["difficulty"] for s in items] == sorted(s["difficulty"] for s in items)


WHO = [s for s in SCENARIOS if s.get("who")]


@pytest.mark.parametrize("scenario", WHO, ids=[s["id"] for s in WHO])
def test_a_who_question_asks_about_a_routed_step_and_offers_its_actor(scenario):
    actor = next(step["actor"] for step in DATA["referral"]["steps"] if step["id"] == scenario["who"]["step"])
    assert scenario["who"]["step"] in routed(scenario)
    assert actor in scenario["who"]["choices"]


def test_the_build_refuses_a_who_question_on_a_step_not_routed(data_copy):
    ident = change_first_scenario(
        data_copy,
        lambda s: s.update(
            who={"step": "provide-safe-place", "choices": ["local_executive", "guardianship", "police"]}
        ),
    )
    with pytest.raises(DataError) as caught:
        training_view(check(data_copy))
    assert [str(p) for p in caught.value.problems] == [
        f"data/scenarios.yaml: id={ident}: who.step: the checker does not route provide-safe-place"
    ]


def test_the_build_refuses_a_who_question_without_the_actor(data_copy):
    ident = change_first_scenario(
        data_copy,
        lambda s: s.update(who={"step": "relocate-safely", "choices": ["local_executive", "guardianship", "police"]}),
    )
    with pytest.raises(DataError) as caught:
        training_view(check(data_copy))
    assert [str(p) for p in caught.value.problems] == [
        f"data/scenarios.yaml: id={ident}: who.choices: the step's actor identifying_subject is not among them"
    ]
