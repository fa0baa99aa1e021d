"""The site's readings (data/readings.yaml) and the page "How the checker reads the Rules": every
rule of checker/routing.py has a plain-words condition, every reading is data that reaches the
checker's output, the procedure pages and the flowcharts, labelled as the site's, and the audit
page shows each paragraph of chapters 2-3 with its conditions and the cases that reach it."""

from __future__ import annotations

import copy
import re

import pytest

from build_scripts.audit import Audit, case_anchor, load_cases
from build_scripts.data_files import DATA_DIR
from build_scripts.procedure import CHARTS, chart_steps
from build_scripts.validate import check, validate
from checker import CheckerDataError, assess
from checker.bundle import essentials
from checker.routing import RULES
from page_weight import html_file

DATA = check(DATA_DIR)
READINGS = DATA["readings"]["readings"]
STEPS = {s["id"]: s for s in DATA["referral"]["steps"]}
CONDITIONS = {c["id"] for c in DATA["route-conditions"]["conditions"]}
LANGS = {"kk": "", "ru": "ru/"}
AUDIT = "procedure/how-the-checker-reads/"


def label(key: str, lang: str) -> str:
    return next(item["text"][lang] for item in DATA["ui"]["labels"] if item["id"] == key)


def test_every_rule_has_a_plain_words_condition_and_every_condition_a_rule():
    used = {rule.applies.__name__ for rule in RULES}
    assert sorted(used - CONDITIONS) == [], "rules of checker/routing.py without a condition in words"
    assert sorted(CONDITIONS - used) == [], "conditions in words that no rule uses"


def test_the_audit_refuses_a_rule_without_a_condition():
    data = copy.deepcopy(DATA)
    data["route-conditions"]["conditions"] = [
        c for c in data["route-conditions"]["conditions"] if c["id"] != "identified"
    ]
    with pytest.raises(ValueError, match="no condition 'identified'"):
        Audit(data, cases=[])


def test_each_reading_names_the_paragraph_of_one_of_its_steps_or_a_paragraph_it_reads_with():
    """A reading stands beside steps whose paragraphs it reads; its paragraph is one of the Rules'."""
    for reading in READINGS:
        paragraphs = {STEPS[step]["paragraph"].split(".")[0] for step in reading["steps"]}
        assert reading["paragraph"] in paragraphs, reading["id"]


def test_validation_names_a_reading_with_an_unknown_step():
    data = copy.deepcopy(DATA)
    data["readings"]["readings"][0]["steps"].append("no-such-step")
    problems = [str(p) for p in validate(data)]
    assert any(
        p.startswith(f"data/readings.yaml: id={READINGS[0]['id']}: steps") and "no-such-step" in p for p in problems
    ), problems


def test_the_checker_refuses_readings_data_with_an_unknown_step():
    data = copy.deepcopy(essentials(DATA))
    data["readings"]["readings"][0]["steps"] = ["no-such-step"]
    with pytest.raises(CheckerDataError, match=f"readings.readings\\[id={READINGS[0]['id']}\\]: steps"):
        assess({}, data=data)


def test_every_reading_reaches_the_checker_output_of_some_case():
    shown = {
        r["id"] for case in load_cases() for a in assess(case["input"])["referral"]["actions"] for r in a["readings"]
    }
    assert sorted({r["id"] for r in READINGS} - shown) == []


def test_an_action_carries_exactly_the_readings_of_its_step():
    result = assess({"age": 30, "consent": True, "location": "kazakhstan", "urgent_needs": ["water"]})
    for action in result["referral"]["actions"]:
        expected = [{"id": r["id"], "text": r["text"]} for r in READINGS if action["id"] in r["steps"]]
        assert action["readings"] == expected, action["id"]


@pytest.mark.parametrize("lang", LANGS)
def test_procedure_pages_show_each_reading_beside_its_steps(built_site, lang):
    for step_id, step in STEPS.items():
        html = html_file(built_site, f"{LANGS[lang]}procedure/{step['stage']}/").read_text(encoding="utf-8")
        block = html.split(f'data-step="{step_id}"', 1)[1].split("<h3", 1)[0]
        found = re.findall(r'data-reading="([^"]+)"', block)
        assert found == [r["id"] for r in READINGS if step_id in r["steps"]], step_id
        if found:
            assert label("reading-label", lang) in block, step_id


@pytest.mark.parametrize("lang", LANGS)
def test_flowcharts_list_their_readings_as_the_sites(built_site, lang):
    for name, (nodes, always) in CHARTS.items():
        drawn = set(chart_steps(nodes + always))
        expected = [r["id"] for r in READINGS if drawn & set(r["steps"])]
        html = html_file(built_site, f"{LANGS[lang]}procedure/{name}/").read_text(encoding="utf-8")
        notes = html.split('class="flow-readings"', 1)[1].split("</ol>", 1)[0]
        assert re.findall(r'data-reading="([^"]+)"', notes) == expected, name
        assert label("flow-readings", lang) in notes
        assert label("flow-reading-mark", lang) in html.split('class="flow-readings"', 1)[0]


@pytest.mark.parametrize("lang", LANGS)
def test_the_audit_page_shows_every_paragraph_with_its_conditions_and_cases(built_site, lang):
    html = html_file(built_site, LANGS[lang] + AUDIT).read_text(encoding="utf-8")
    audit = Audit(DATA)
    assert [p.number for p in audit.paragraphs] == [str(n) for n in range(4, 46)]
    assert audit.paragraphs[0].rules == [] and label("audit-no-rule", lang) in html
    for paragraph in audit.paragraphs:
        assert f'id="para-{paragraph.number}"' in html
        assert paragraph.rules or paragraph.number == "4", f"p. {paragraph.number} has no rule"
        for rule in paragraph.rules:
            block = html.split(f'class="audit-rule" data-step="{rule.step["id"]}"', 1)[1].split(
                'class="audit-rule"', 1
            )[0]
            assert rule.condition[lang] in block.replace("&#34;", '"')
            linked = re.findall(r'href="#(case-[^"]+)"', block)
            assert linked == [c.anchor for c in rule.cases] and linked, rule.step["id"]
    for reading in READINGS:
        assert f'id="reading-{reading["id"]}"' in html
    for case in load_cases():
        assert f'id="{case_anchor(case["name"])}"' in html


def test_the_audit_links_a_case_only_to_steps_its_route_reaches():
    audit = Audit(DATA)
    for paragraph in audit.paragraphs:
        for rule in paragraph.rules:
            for case in rule.cases:
                assert rule.step["id"] in case.route
