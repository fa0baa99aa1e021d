"""Abbreviations are expanded site-wide from data/abbreviations.yaml, each expansion backed by
its stated basis, and the built pages show them as <abbr title> in their own language."""

from __future__ import annotations

import re

import pytest
from markupsafe import Markup

from build_scripts import abbreviations
from build_scripts.data_files import ROOT
from build_scripts.generate import render_pages
from build_scripts.validate import check
from test_provenance import normalise


@pytest.fixture(scope="module")
def data():
    return check()


def test_every_expansion_is_backed_by_its_basis(data):
    terms = (ROOT / "sources" / "terms.md").read_text(encoding="utf-8")
    plan = data["measures"]["action_plan"]["abbreviations"]
    for entry in data["abbreviations"]["abbreviations"]:
        where = f"data/abbreviations.yaml: id={entry['id']}"
        if entry["basis"] == "quote":
            doc = next(d for d in data["sources"]["documents"] if d["id"] == entry["source"]["doc"])
            text = normalise((ROOT / "sources" / doc["file"]).read_text(encoding="utf-8"))
            assert normalise(entry["expansion"]) in text, where
            assert normalise(entry["abbr"]) in text, where
        elif entry["basis"] == "terms":
            assert f"{entry['expansion']} ({entry['abbr']})" in terms, where
        else:
            key = "abbr" if entry["lang"] == "kk" else "abbr_ru"
            listed = [a for a in plan if a.get(key) == entry["abbr"] and a["confirmed"]]
            assert listed and listed[0]["expansion"][entry["lang"]] == entry["expansion"], where


def test_an_abbreviation_is_unique_per_language(data):
    for lang in ("kk", "ru"):
        abbrs = [a["abbr"] for a in data["abbreviations"]["abbreviations"] if a["lang"] == lang]
        assert len(abbrs) == len(set(abbrs)), lang


def test_mark_wraps_whole_words_only():
    marked = str(abbreviations.mark(Markup("АӘҚ субъектілері; ПАӘҚ; АӘҚ-та"), {"АӘҚ": "арнаулы әлеуметтік қызметтер"}))
    assert marked.count("<abbr") == 2
    assert "ПАӘҚ" in marked


def test_pages_of_each_language_expand_their_abbreviations(data):
    pages = render_pages(data)
    kk, ru = pages["procedure/rules.md"], pages["procedure/rules.ru.md"]
    assert re.search(r'<abbr title="арнаулы әлеуметтік қызметтер">', kk)
    assert re.search(r'<abbr title="специальные социальные услуги">', ru)
    assert kk.rstrip().endswith('--8<-- "abbreviations.kk.md"')
    assert ru.rstrip().endswith('--8<-- "abbreviations.ru.md"')
    assert "*[АӘҚ]: арнаулы әлеуметтік қызметтер" in abbreviations.glossary(data, "kk")
