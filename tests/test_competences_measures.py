"""Who does what: the counts follow the sources' own numbering, and every body page has duties."""

from __future__ import annotations

from collections import Counter

import pytest

from build_scripts.bodies_view import bodies_view
from build_scripts.validate import check


@pytest.fixture(scope="module")
def data():
    return check()


def test_action_plan_rows_follow_the_plan_numbering(data):
    plan = data["measures"]["action_plan"]
    numbers = Counter(row["number"] for row in plan["rows"])
    assert [n for n, count in numbers.items() if count > 1] == []
    whole = sorted(int(n) for n in numbers if "." not in n)
    assert whole == list(range(1, 37))
    assert sorted(n for n in numbers if "." in n) == ["8.1", "8.2", "8.3", "8.4", "8.5"]
    assert [s["number"] for s in plan["sections"]] == ["1", "2", "3", "4", "5", "6"]


def test_every_row_has_a_responsible_body_or_is_a_heading_row(data):
    rows = data["measures"]["action_plan"]["rows"]
    parents = {row["parent"] for row in rows if "parent" in row}
    assert [row["number"] for row in rows if not row["bodies"] and row["id"] not in parents] == []


def test_prevention_measures_cover_articles_41_to_82_by_kind(data):
    prevention = data["measures"]["prevention"]
    assert sorted(m["article"] for m in prevention) == list(range(41, 83))
    expected = {
        **{a: "general" for a in range(41, 48)},
        **{a: "individual" for a in range(48, 70)},
        **{a: "special" for a in range(70, 83)},
    }
    assert {m["article"]: m["kind"] for m in prevention} == expected


def test_law_competences_cover_articles_5_to_40(data):
    comp = data["competences"]
    cited = {
        int(c["source"]["ref"].split(".")[0])
        for c in comp["competences"]
        if c["source"]["doc"] == "prevention-law-2025"
    }
    assert sorted(cited) == list(range(5, 41))
    assert sorted(a["number"] for a in comp["articles"]) == list(range(5, 41))


def test_the_seventeen_subjects_of_paragraph_4(data):
    comp = data["competences"]
    kinds = sorted(b["rules_subject"] for b in comp["bodies"] if b["rules_subject"])
    assert kinds == list(range(1, 18))
    quoted = sorted(
        int(c["source"]["ref"].split(".")[1]) for c in comp["competences"] if c["id"].startswith("rules-p4-")
    )
    assert quoted == list(range(1, 18))


def test_women_units_report_has_nine_sections(data):
    sections = [c for c in data["competences"]["competences"] if c.get("group") == "report_sections"]
    assert len(sections) == 9


def test_every_body_has_at_least_one_duty(data):
    empty = [body_id for body_id, view in bodies_view(data).items() if view.duty_count == 0]
    assert empty == []


def test_every_body_page_lists_duties(built_site, data):
    for body in data["competences"]["bodies"]:
        for prefix in ("", "ru/"):
            html = (built_site / prefix / "bodies" / body["id"] / "index.html").read_text(encoding="utf-8")
            assert html.count('<ul class="duties">') + html.count('<ol class="duties">') >= 1, (prefix, body["id"])
