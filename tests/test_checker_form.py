"""The checker page is built from the checker's constants and cited data: every value the checker
accepts has a control and a label in both languages, the "what to do now" lines are summaries of
the paragraphs they cite, and every citation the result can show is rendered by the build."""

from __future__ import annotations

import html
import json
import re

import pytest
import yaml

from build_scripts import checker_page, citations
from build_scripts.data_files import ROOT
from build_scripts.generate import render_pages
from build_scripts.validate import check
from checker import case
from test_provenance import normalise


@pytest.fixture(scope="module")
def data():
    return check()


@pytest.fixture(scope="module")
def pages(data):
    rendered = render_pages(data)
    return {"kk": rendered["checker.md"], "ru": rendered["checker.ru.md"]}


def page_texts(page: str) -> dict:
    block = re.search(r'<script type="application/json" id="checker-texts">(.*?)</script>', page, re.S)
    return json.loads(html.unescape(block.group(1)))


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_field_and_allowed_value_has_a_labelled_control(pages, lang):
    page = pages[lang]
    names = set(re.findall(r'name="([a-z_]+)"', page))
    assert set(case.FIELDS) <= names, set(case.FIELDS) - names
    for field, values in checker_page.VALUES.items():
        select = re.search(rf'<select name="{field}".*?</select>', page, re.S)
        for value in values:
            if select:
                found = re.search(rf'<option value="{value}">(.*?)</option>', select.group(0))
            else:
                found = re.search(rf'name="{field}" value="{value}"[^>]*> <span>(.*?)</span></label>', page)
            label = re.sub(r"<[^>]+>", "", found.group(1)).strip() if found else ""
            assert label, f"{field}={value}: no labelled control ({lang})"


def test_the_form_follows_the_moment_of_use(pages):
    page = pages["ru"]
    order = [
        page.index(f'name="{n}"')
        for n in (
            "detected_by",
            "location",
            "age",
            "citizenship",
            "indicators",
            "consent",
            "urgent_needs",
            "identified_by",
        )
    ]
    assert order == sorted(order)
    later = page.index('class="checker-later"')
    assert page.index('name="identified_as_victim"') > later and page.index('name="pretrial_victim"') > later
    assert '<details class="checker-later" data-section="identification" open' not in page


def test_presets_use_only_values_the_checker_accepts():
    for role, preset in checker_page.PRESETS.items():
        for field, value in preset["facts"].items():
            assert value in checker_page.VALUES[field], (role, field, value)


def test_field_actions_are_summaries_of_the_steps_they_cite(data):
    steps = {s["id"]: s for s in data["referral"]["steps"]}
    sources = {
        d["id"]: normalise((ROOT / "sources" / d["file"]).read_text(encoding="utf-8"))
        for d in data["sources"]["documents"]
        if d["file"]
    }
    kinds = set(case.SUBJECT_KINDS) - {"other"}
    for action in data["field-actions"]["actions"]:
        where = f"data/field-actions.yaml: id={action['id']}"
        assert action["by"] == "detector" or action["by"] in kinds, where
        refs = {steps[s]["source"]["ref"] for s in action["steps"]}
        assert action["source"]["ref"] in refs, f"{where}: source.ref is not a paragraph of its steps"
        assert normalise(action["summary"]["kk"]) not in sources[action["source"]["doc"]], (
            f"{where}: summary.kk is the source's words: make it a quote (text) or our own wording"
        )
        assert not re.search(r"\d", action["summary"]["kk"] + action["summary"]["ru"]), (
            f"{where}: a number in a summary (deadlines and phone numbers come from their data)"
        )


def test_the_schema_knows_every_subject_kind():
    schema = yaml.safe_load((ROOT / "build_scripts" / "schemas" / "field-actions.yaml").read_text(encoding="utf-8"))
    allowed = schema["properties"]["actions"]["items"]["properties"]["by"]["enum"]
    assert set(allowed) == {"detector"} | (set(case.SUBJECT_KINDS) - {"other"})


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_citation_of_the_result_is_rendered_by_the_build(data, pages, lang):
    texts = page_texts(pages[lang])
    for step in data["referral"]["steps"]:
        ref = step["source"]["ref"]
        cited = texts["citations"][ref]
        assert cited["kk"] == citations.place(step["source"]["doc"], ref, "kk")
        assert cited["ru"] == citations.place(step["source"]["doc"], ref, "ru")
        assert cited["url"] and cited["url"].endswith("#" + citations.anchor(ref))


def test_the_script_formats_no_citation():
    script = (ROOT / "docs" / "assets" / "checker" / "checker-page.js").read_text(encoding="utf-8")
    for words in ("тармақ", "пункт", "п. ", "подп", "қосымша", "приложение"):
        assert words not in script, words


def test_no_developer_words_on_the_page(pages):
    for lang, page in pages.items():
        visible = re.sub(r"<script.*?</script>|<[^>]+>", " ", page, flags=re.S)
        labels = " ".join(page_texts(page)["labels"].values())
        for word in ("JSON", "Python"):
            assert word not in visible and word not in labels, (lang, word)
