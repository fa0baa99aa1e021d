"""Citations: every ref names a place the bundled text prints (the build proves it), and the
renderer prints it in the forms the Kazakh and Russian legal texts use."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from build_scripts import citations
from build_scripts.data_files import DATA_DIR
from build_scripts.source_index import indexes, resolves

ROOT = Path(__file__).resolve().parent.parent
LAW, RULES = "prevention-law-2025", "referral-rules-2024"


def test_the_law_has_85_articles_with_their_structure():
    law = indexes()[LAW]
    assert sorted(law.articles) == list(range(1, 86))
    assert resolves(LAW, "8.3)") and not resolves(LAW, "8.1.3") and not resolves(LAW, "8.1")
    assert resolves(LAW, "1.5)") and resolves(LAW, "1.28)") and not resolves(LAW, "1.29)")
    assert resolves(LAW, "59.2") and resolves(LAW, "59.2.3)") and not resolves(LAW, "59.3)")
    assert not resolves(LAW, "86")


def test_the_rules_have_45_paragraphs_appendices_and_the_order():
    rules = indexes()[RULES]
    assert {str(n) for n in range(1, 46)} <= rules.refs and "46" not in rules
    assert {
        "9.2",
        "16.3",
        "app1.who.2",
        "app1.what.forms.6",
        "app2.1.17",
        "app2.2.2",
        "order.2.1",
        "ch.3",
    } <= rules.refs
    assert not {"9.3", "app2.1.18", "app1.who.3", "ch.4"} & rules.refs


def test_other_documents():
    assert resolves("women-protection-units-2015", "5.12") and not resolves("women-protection-units-2015", "5.13")
    assert resolves("action-plan-2021-2023", "row.8.5") and not resolves("action-plan-2021-2023", "row.8.6")
    assert resolves("criteria-amendment-2024", "app2.6-2") and not resolves("criteria-amendment-2024", "app2.6-3")


def _build_data(tmp_path: Path, change=None, name: str = "competences") -> subprocess.CompletedProcess:
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    if change:
        path = target / f"{name}.yaml"
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        change(document)
        path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "build_scripts.validate", str(target)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_every_ref_of_the_data_resolves(tmp_path):
    result = _build_data(tmp_path)
    assert result.returncode == 0, result.stderr


def test_a_made_up_ref_is_one_line_and_exit_1(tmp_path):
    def break_one(document):
        entry = next(c for c in document["competences"] if c["source"]["doc"] == LAW)
        entry["source"]["ref"] = "8.1.3"

    result = _build_data(tmp_path, break_one)
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if "does not exist" in line]
    assert len(lines) == 1
    assert lines[0].startswith(
        "data/competences.yaml: id=law-5-1-1: source.ref: '8.1.3' does not exist in prevention-law-2025"
    )


def test_a_step_paragraph_and_a_law_block_are_checked_too(tmp_path):
    def break_step(document):
        document["steps"][0]["paragraph"] = "46"

    result = _build_data(tmp_path, break_step, "referral")
    assert result.returncode == 1
    assert (
        "data/referral.yaml: id=detect-by-indicators: paragraph: paragraph 46 is not in data/rules-text.yaml"
    ) in result.stderr


def test_a_law_text_block_must_name_a_printed_place(tmp_path):
    def break_block(document):
        document["articles"][0]["blocks"][0]["ref"] = "1.29)"

    result = _build_data(tmp_path, break_block, "law-text")
    assert result.returncode == 1
    assert "data/law-text.yaml: id=art-1: blocks[0].ref: '1.29)' does not exist in prevention-law-2025" in result.stderr


@pytest.mark.parametrize(
    "doc, ref, kk, ru",
    [
        (RULES, "12", "12-тармақ", "пункт 12"),
        (RULES, "9.2", "9-тармақтың 2) тармақшасы", "подпункт 2) пункта 9"),
        (LAW, "8.3)", "8-баптың 3) тармақшасы", "подпункт 3) статьи 8"),
        (LAW, "19.2", "19-баптың 2-тармағы", "пункт 2 статьи 19"),
        (LAW, "19.2.3)", "19-баптың 2-тармағының 3) тармақшасы", "подпункт 3) пункта 2 статьи 19"),
        (LAW, "1.5)", "1-баптың 5) тармақшасы", "подпункт 5) статьи 1"),
        (LAW, "8", "8-бап", "статья 8"),
        (RULES, "app2.1.12", "2-қосымшаның 1-тармағының 12) тармақшасы", "подпункт 12) пункта 1 приложения 2"),
        (
            RULES,
            "order.2.1",
            "бекіту туралы бұйрықтың 2-тармағының 1) тармақшасы",
            "подпункт 1) пункта 2 приказа об утверждении",
        ),
        ("action-plan-2021-2023", "row.23", "23-тармақ", "пункт 23"),
        ("criteria-amendment-2024", "app2.6-1", "2-қосымшаның 6-1-жолы", "строка 6-1 приложения 2"),
        ("women-protection-units-2015", "5.3", "5-тармақтың 3) тармақшасы", "подпункт 3) пункта 5"),
    ],
)
def test_place_prints_the_legal_form(doc, ref, kk, ru):
    assert citations.place(doc, ref, "kk") == kk
    assert citations.place(doc, ref, "ru") == ru


def test_every_data_ref_renders_and_links(tmp_path):
    from build_scripts.validate import check

    data = check()
    refs = set()

    def collect(node):
        if isinstance(node, dict):
            if isinstance(node.get("source"), dict):
                refs.add((node["source"]["doc"], node["source"]["ref"]))
            for value in node.values():
                collect(value)
        elif isinstance(node, list):
            for value in node:
                collect(value)

    collect(data)
    for doc, ref in refs:
        for lang in ("kk", "ru"):
            words = citations.place(doc, ref, lang)
            assert words and words != ref or doc == "criteria-2023", (doc, ref, lang)
        if doc in indexes():
            assert citations.target(doc, ref), (doc, ref)
    assert citations.target(LAW, "19.2.3)") == "law.md#art-19-2-3"
    assert citations.target(LAW, "8.3)") == "law.md#art-8-3"


def test_every_citation_links_to_an_anchor_that_exists():
    """Each cited place's link (and each step of the checker's route) opens a page of this
    build at an element with that id, in both languages."""
    from build_scripts.generate import page_file, render_pages
    from build_scripts.validate import check

    data = check()
    pages = render_pages(data)
    refs = set()

    def collect(node):
        if isinstance(node, dict):
            if isinstance(node.get("source"), dict):
                refs.add((node["source"]["doc"], node["source"]["ref"]))
            for value in node.values():
                collect(value)
        elif isinstance(node, list):
            for value in node:
                collect(value)

    collect(data)
    refs |= {(RULES, step["paragraph"]) for step in data["referral"]["steps"]}
    missing = []
    for doc, ref in sorted(refs):
        link = citations.target(doc, ref)
        if not link or "#" not in link:
            continue
        page, _, anchor = link.partition("#")
        for lang in ("kk", "ru"):
            text = pages.get(page_file(page, lang), "")
            if f'id="{anchor}"' not in text and f"#{anchor} }}" not in text:
                missing.append((doc, ref, lang, link))
    assert missing == []
