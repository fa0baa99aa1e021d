"""Properties of the checker over random valid cases, and invariants of its data."""

from __future__ import annotations

import copy
import json
import re

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from build_scripts.data_files import load_data
from checker import CheckerDataError, InvalidCase, assess
from checker.bundle import essentials
from checker.case import CITIZENSHIPS, IDENTIFYING_SUBJECTS, LOCATIONS, SUBJECT_KINDS, URGENT_NEEDS
from checker.routing import RULES
from checker.yaml_data import DATA_DIR, load_yaml_data

DATA = load_yaml_data()
STEPS = DATA["referral"]["steps"]
STEP = {step["id"]: step for step in STEPS}
STEP_ORDER = {step["id"]: index for index, step in enumerate(STEPS)}
INDICATORS = DATA["indicators"]["indicators"]
ALL_INDICATORS = [i["id"] for i in INDICATORS]
ADULT_INDICATORS = [i["id"] for i in INDICATORS if i["audience"] != "minor"]
ROWS = [row["id"] for row in DATA["criteria"]["rows"]]
DEADLINES = {d["id"] for d in DATA["referral"]["deadlines"]}
ACTORS = {a["id"] for a in DATA["referral"]["actors"]}
IDENTIFICATION_STEPS = {
    "identify-per-criteria",
    "identify-jointly",
    "check-before-identification",
    "call-emergency-medical-help",
    "meet-urgent-needs",
    "observe-non-discrimination",
    "identify-regardless-of-criminal-case",
    "keep-information-confidential",
}
ADULT_WITHOUT_CONSENT = {
    "detect-by-indicators",
    "offer-referral",
    "require-informed-consent",
    "communicate-in-safe-place",
    "take-measures-on-information",
    "give-information-card",
    "report-crimes-to-police",
    "return-to-kazakhstan",
    "return-to-residence-with-card",
    "no-identification-for-recognised-victim",
    "police-inform-pretrial-victim",
}
READING_IDS = {reading["id"] for reading in DATA["readings"]["readings"]}

RANDOM = settings(max_examples=150, deadline=None)


@st.composite
def valid_cases(draw) -> dict:
    """A case that satisfies every rule of CONTRACT.md; any field may be absent."""
    case: dict = {}

    def maybe(name, strategy):
        if draw(st.booleans()):
            case[name] = draw(strategy)

    maybe("age", st.none() | st.integers(0, 110))
    if case.get("age") is None:
        maybe("may_be_minor", st.booleans())
    minor = (case.get("age") is not None and case["age"] < 18) or case.get("may_be_minor", False)
    maybe("location", st.none() | st.sampled_from(LOCATIONS))
    maybe("citizenship", st.none() | st.sampled_from(CITIZENSHIPS))
    maybe("consent", st.booleans())
    maybe("refuses_assistance", st.just(False) if case.get("consent") else st.booleans())
    maybe("urgent_needs", st.lists(st.sampled_from(URGENT_NEEDS), unique=True))
    maybe("can_relocate_immediately", st.none() | st.booleans())
    maybe("detected_by", st.none() | st.sampled_from(SUBJECT_KINDS))
    maybe("unaccompanied", st.booleans() if minor else st.just(False))
    maybe("disability", st.booleans())
    maybe("pretrial_victim", st.booleans())
    if not case.get("pretrial_victim"):
        maybe("refuses_identification", st.booleans())
    maybe("trafficking_threat", st.booleans())
    identification = (
        (minor or case.get("consent", False))
        and not case.get("pretrial_victim", False)
        and not case.get("refuses_identification", False)
    )
    if identification:
        maybe("identified_by", st.lists(st.sampled_from(IDENTIFYING_SUBJECTS), unique=True))
        maybe("identified_as_victim", st.none() | st.booleans())
    maybe("needs_reintegration", st.booleans())
    maybe("indicators", st.lists(st.sampled_from(ALL_INDICATORS if minor else ADULT_INDICATORS), unique=True))
    maybe("criteria", st.lists(st.sampled_from(ROWS), unique=True))
    return case


def is_minor(case: dict) -> bool:
    """Under 18 or presumed so (p. 14), computed here independently of the checker."""
    return (case.get("age") is not None and case["age"] < 18) or case.get("may_be_minor", False)


def step_ids(result: dict) -> list[str]:
    return [action["id"] for action in result["referral"]["actions"]]


@RANDOM
@given(valid_cases())
def test_valid_cases_give_the_contract_shape(case):
    result = assess(case)
    assert set(result) == {"screening", "score", "referral"}
    assert set(result["screening"]) == {"who", "where", "what", "potential_victim", "forms", "matched"}
    assert set(result["score"]) == {"total", "items", "threshold", "established"}
    assert result["referral"]["minor"] is is_minor(case)
    for action in result["referral"]["actions"]:
        assert set(action) == {"id", "actor", "deadline", "text", "basis", "readings"}
        for reading in action["readings"]:
            assert set(reading) == {"id", "text"} and reading["id"] in READING_IDS
            assert reading["text"]["kk"] and reading["text"]["ru"]
        assert action["actor"] in ACTORS
        assert action["deadline"] is None or action["deadline"] in DEADLINES
        assert action["text"]["kk"] and action["text"]["ru"]


@RANDOM
@given(valid_cases())
def test_every_action_cites_a_paragraph_of_chapters_2_and_3(case):
    for action in assess(case)["referral"]["actions"]:
        assert action["basis"], action["id"]
        for basis in action["basis"]:
            assert basis["doc"] == "referral-rules-2024"
            match = re.fullmatch(r"(\d+)(\.\d+)?", basis["ref"])
            assert match and 5 <= int(match.group(1)) <= 45, basis


@RANDOM
@given(valid_cases())
def test_a_minor_never_gets_an_adult_step_nor_an_adult_a_minor_step(case):
    audiences = {STEP[step]["applies_to"] for step in step_ids(assess(case))}
    assert ("adult" not in audiences) if is_minor(case) else ("minor" not in audiences)


@RANDOM
@given(valid_cases())
def test_actions_follow_the_rules_order_without_repeats(case):
    positions = [STEP_ORDER[step] for step in step_ids(assess(case))]
    assert positions == sorted(set(positions))


@RANDOM
@given(valid_cases(), st.randoms())
def test_output_is_json_and_deterministic(case, random):
    before = copy.deepcopy(case)
    first = json.dumps(assess(case), ensure_ascii=False, sort_keys=True)
    assert case == before, "assess must not change its input"
    shuffled = {
        key: random.sample(value, len(value)) if isinstance(value, list) else value
        for key, value in reversed(case.items())
    }
    assert json.dumps(assess(shuffled), ensure_ascii=False, sort_keys=True) == first


@RANDOM
@given(valid_cases())
def test_an_adult_without_consent_is_not_referred(case):
    """p. 7: no referral, hence no notification, relocation or identification."""
    if not is_minor(case) and not case.get("consent"):
        assert set(step_ids(assess(case))) <= ADULT_WITHOUT_CONSENT


@RANDOM
@given(valid_cases())
def test_a_recognised_pretrial_victim_is_not_identified(case):
    """p. 30: no identification; p. 45: the police inform the person."""
    steps = set(step_ids(assess(case)))
    if case.get("pretrial_victim"):
        assert not steps & IDENTIFICATION_STEPS
        assert {"no-identification-for-recognised-victim", "police-inform-pretrial-victim"} <= steps
    else:
        assert not steps & {"no-identification-for-recognised-victim", "police-inform-pretrial-victim"}


@RANDOM
@given(valid_cases())
def test_general_paragraphs_apply_to_adults_and_minors_alike(case):
    """p. 13: the card whenever assistance is refused; pp. 32, 40: whenever identified."""
    steps = set(step_ids(assess(case)))
    assert ("give-information-card" in steps) is bool(case.get("refuses_assistance"))
    identified = case.get("identified_as_victim") is True
    assert ("inform-identified-victim" in steps) is identified
    assert ("provide-services-per-standard" in steps) is identified


@RANDOM
@given(valid_cases())
def test_the_outcome_paragraphs_follow_their_words(case):
    """p. 33 only where a threat of trafficking arises; pp. 34-35 after non-recognition only."""
    steps = set(step_ids(assess(case)))
    not_recognised = case.get("identified_as_victim") is False
    refused = bool(case.get("refuses_identification"))
    assert ("return-to-residence-with-card" in steps) is (
        (not_recognised or refused) and bool(case.get("trafficking_threat"))
    )
    for step in ("complain-against-non-recognition", "appeal-to-court", "submit-reasoned-position-to-court"):
        assert (step in steps) is not_recognised
    if refused:
        assert not steps & IDENTIFICATION_STEPS


@RANDOM
@given(valid_cases())
def test_citizenship_limits_return_and_reintegration(case):
    """p. 21 never returns a foreigner; pp. 43-44 are for citizens of Kazakhstan only."""
    steps = set(step_ids(assess(case)))
    if case.get("citizenship") not in ("kz", "refugee_kz", "stateless_resident"):
        assert "return-to-kazakhstan" not in steps
    if case.get("citizenship") != "kz":
        assert not steps & {
            "refer-to-family-support-centre",
            "help-find-employment",
            "refer-minor-to-family-support-centre",
            "return-minor-to-family-or-placement",
        }


@RANDOM
@given(valid_cases(), st.text(min_size=1, max_size=12))
def test_an_unknown_field_is_refused_by_name(case, name):
    field = f"x_{name}"
    with pytest.raises(InvalidCase) as error:
        assess({**case, field: 1})
    assert str(error.value).startswith(f"{field}: unknown field")


BROWSER_DATA = json.loads(json.dumps(essentials(DATA), ensure_ascii=False))


@RANDOM
@given(valid_cases())
def test_the_exported_browser_data_gives_the_same_results(case):
    assert assess(case, data=BROWSER_DATA) == assess(case)


def test_route_and_data_list_the_same_steps_in_the_same_order():
    assert [(rule.step, rule.paragraph) for rule in RULES] == [(s["id"], s["paragraph"]) for s in STEPS]


def test_steps_are_in_the_rules_order_within_chapters_2_and_3():
    keys = [tuple(int(part) for part in step["paragraph"].split(".")) for step in STEPS]
    assert keys == sorted(keys)
    assert 5 <= keys[0][0] and keys[-1][0] <= 45


def test_deadlines_and_actors_are_all_used_and_all_defined():
    assert {s["deadline"] for s in STEPS} - {None} == DEADLINES
    assert {s["actor"] for s in STEPS} == ACTORS


def test_step_texts_are_those_of_rules_text():
    """One wording on the site: referral.yaml states no step's words or source, and each step
    reads its (sub)paragraph as rules-text.yaml gives it (checker/derived.py)."""
    raw = yaml.safe_load((DATA_DIR / "referral.yaml").read_text(encoding="utf-8"))["steps"]
    assert [s["id"] for s in raw if "text" in s or "source" in s] == []
    data, problems = load_data()
    assert problems == []
    rules = next(d for d in data["rules-text"]["documents"] if d["doc"] == "referral-rules-2024")
    texts = {}
    for part in rules["parts"]:
        for paragraph in part.get("paragraphs", []):
            items = paragraph.get("items", [])
            texts[paragraph["source"]["ref"]] = {
                lang: " ".join([paragraph["text"][lang], *(f"{i['number']}) {i['text'][lang]}" for i in items)])
                for lang in ("kk", "ru")
            }
            texts.update({item["source"]["ref"]: item["text"] for item in items})
    for step in data["referral"]["steps"]:
        assert step["source"] == {"doc": "referral-rules-2024", "ref": step["paragraph"]}, step["id"]
        for lang in ("kk", "ru"):
            assert step["text"][lang] in texts[step["paragraph"]][lang], (step["id"], lang)
            assert (step["text"][lang] == texts[step["paragraph"]][lang]) == ("part" not in step), (step["id"], lang)


def test_a_threshold_in_the_data_decides_established():
    data = copy.deepcopy(BROWSER_DATA)
    data["criteria"]["threshold"] = 10
    assert assess({"criteria": ["9"]}, data=data)["score"]["established"] is False
    assert assess({"criteria": ["9", "10"]}, data=data)["score"]["established"] is True


def test_data_that_does_not_match_the_route_is_refused():
    data = copy.deepcopy(BROWSER_DATA)
    data["referral"]["steps"].reverse()
    with pytest.raises(CheckerDataError, match="referral.steps"):
        assess({}, data=data)
