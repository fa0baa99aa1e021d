"""The validator: the real data passes; each kind of broken data file is reported in one line
naming the file, the entry id and the field."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from build_scripts.data_files import DataError
from build_scripts.validate import check
from conftest import edit_yaml as edit

ROOT = Path(__file__).resolve().parent.parent


def problems_of(data_dir: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        check(data_dir)
    return [str(p) for p in caught.value.problems]


def test_repository_data_is_valid():
    data = check()
    assert {"sources", "ui", "rights", "glossary"} <= set(data)


def _first(document, key):
    return document[key][0]


BROKEN = {
    "missing ru": (
        "rights",
        lambda d: _first(d, "rights")["text"].pop("ru"),
        "data/rights.yaml: id=right-01-information: text.ru: is missing",
    ),
    "empty kk": (
        "glossary",
        lambda d: _first(d, "terms")["text"].update(kk="   "),
        "data/glossary.yaml: id=rules-counter-trafficking-actors: text.kk: must not be empty",
    ),
    "duplicate id": (
        "glossary",
        lambda d: d["terms"][1].update(id=d["terms"][0]["id"]),
        "data/glossary.yaml: id=rules-counter-trafficking-actors: id: duplicate id 'rules-counter-trafficking-actors'",
    ),
    "unknown source": (
        "rights",
        lambda d: _first(d, "obligations")["source"].update(doc="no-such-law"),
        "data/rights.yaml: id=obligation-01-law: source.doc: 'no-such-law' is not a known id of documents",
    ),
    "dangling reference": (
        "sources",
        lambda d: d["documents"][1]["amendments"][0].update(doc="missing-amendment"),
        "data/sources.yaml: id=criteria-2023: amendments[0].doc: 'missing-amendment' is not a known id of documents",
    ),
    "wrong type": (
        "rights",
        lambda d: d["rights"][2].update(number="three"),
        "data/rights.yaml: id=right-03-special-social-services: number: must be integer, not str 'three'",
    ),
    "text not a mapping": (
        "glossary",
        lambda d: _first(d, "terms").update(term="адам саудасы"),
        "data/glossary.yaml: id=rules-counter-trafficking-actors: term: must be object, not str",
    ),
    "unknown field": (
        "ui",
        lambda d: _first(d, "labels").update(colour="red"),
        "data/ui.yaml: id=sources: (entry): unknown field colour",
    ),
    "missing id": (
        "rights",
        lambda d: _first(d, "rights").pop("id"),
        "data/rights.yaml: (file): rights[0].id: is missing",
    ),
    "bad id": (
        "rights",
        lambda d: _first(d, "rights").update(id="Right 1"),
        "data/rights.yaml: id=Right 1: id: 'Right 1' does not match",
    ),
    "phone with letters": (
        "rights",
        lambda d: d["closing"]["phones"][0].update(number="call 102"),
        "data/rights.yaml: id=app2-hotlines: phones[0].number: 'call 102' does not match",
    ),
    "language missing in ui": (
        "ui",
        lambda d: d["site_name"].pop("kk"),
        "data/ui.yaml: (file): site_name.kk: is missing",
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_data_is_reported_in_one_line(data_copy, case):
    name, change, expected = BROKEN[case]
    edit(data_copy, name, change)
    problems = problems_of(data_copy)
    assert any(line.startswith(expected) for line in problems), problems
    assert all("\n" not in line for line in problems)


def test_malformed_yaml_names_file_and_line(data_copy):
    (data_copy / "rights.yaml").write_text('title: {kk: "a", ru: "b"\nrights: [\n', encoding="utf-8")
    problems = problems_of(data_copy)
    assert len(problems) == 1
    assert problems[0].startswith("data/rights.yaml: (file): (entry): not valid YAML: line ")


def test_missing_file(data_copy):
    (data_copy / "glossary.yaml").unlink()
    assert "data/glossary.yaml: (file): (entry): file is missing" in problems_of(data_copy)


def test_every_problem_is_reported_not_only_the_first(data_copy):
    edit(data_copy, "rights", lambda d: (_first(d, "rights")["text"].pop("ru"), d["rights"][1]["text"].pop("kk")))
    problems = problems_of(data_copy)
    assert any("id=right-01-information: text.ru" in p for p in problems)
    assert any("id=right-02-personal-data: text.kk" in p for p in problems)


def test_command_line_exits_1_with_one_line_per_problem(data_copy):
    edit(data_copy, "rights", lambda d: _first(d, "rights")["text"].pop("ru"))
    result = subprocess.run(
        [sys.executable, "-m", "build_scripts.validate", str(data_copy)], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert lines[0] == "data/rights.yaml: id=right-01-information: text.ru: is missing"
    assert lines[-1].startswith("1 problem(s)")
    assert "Traceback" not in result.stderr


def test_build_stops_on_bad_data(data_copy, tmp_path):
    edit(data_copy, "glossary", lambda d: _first(d, "terms")["text"].pop("kk"))
    from build_scripts.build import build

    with pytest.raises(DataError) as caught:
        build(data_dir=data_copy, docs_dir=tmp_path / "docs", site_dir=tmp_path / "site")
    assert "data/glossary.yaml: id=rules-counter-trafficking-actors: text.kk: is missing" in str(caught.value)
    assert not (tmp_path / "site").exists()
