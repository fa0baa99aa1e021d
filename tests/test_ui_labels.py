"""Every label of data/ui.yaml is used: its id appears quoted in a template, in Python or in a
script, or it is built from a prefix and a value the code really has (listed below with why)."""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config import load_config

from build_scripts.generate import LANGS, SECTIONS
from build_scripts.language_search import BOOSTS
from build_scripts.nav_titles import label_ids
from build_scripts.procedure import STAGES
from build_scripts.question_bank import TOPICS
from build_scripts.validate import check
from checker.case import CITIZENSHIPS, FIELDS, URGENT_NEEDS

ROOT = Path(__file__).resolve().parent.parent
#: Where labels are read: templates, the build's and the checker's Python, the page scripts.
READERS = (
    "build_scripts/**/*.j2",
    "build_scripts/**/*.py",
    "build_scripts/**/*.js",
    "checker/**/*.py",
    "docs/**/*.js",
    "overrides/**/*.html",
)
DATA = check()

#: Ids a template builds from a prefix (`page.label("need-" ~ need)`): the prefix -> the values it
#: is completed with, taken from the code or data the template loops over.
COMPUTED = {
    # generate.PageContext.sections: "section-" ~ a key of generate.SECTIONS
    "section-": set(SECTIONS),
    # procedure/stage.md.j2 and procedure/index.md.j2: "stage-" ~ stage ~ "-lead" for each stage
    "stage-": {f"{stage}-lead" for stage in STAGES},
    # checker.md.j2: "citizenship-" ~ each allowed citizenship of checker/case.py
    "citizenship-": set(CITIZENSHIPS),
    # checker.md.j2: "need-" ~ each urgent need of checker/case.py
    "need-": set(URGENT_NEEDS),
    # bodies/women-units.md.j2: "wu-" ~ the group of each women-protection-units competence
    "wu-": {c["group"] for c in DATA["competences"]["competences"] if c.get("group")},
    # measures/prevention.md.j2: "prevention-" ~ the kind of each prevention measure
    "prevention-": {m["kind"] for m in DATA["measures"]["prevention"]},
    # checker_page.field_label: "field-" ~ each field of checker/case.py, "_" written "-"
    "field-": {name.replace("_", "-") for name in FIELDS},
    # language_search.py: "search-type-" ~ each kind of search entry
    "search-type-": set(BOOSTS),
    # question_bank.py and quiz.js: "quiz-topic-" ~ each topic of the bank
    "quiz-topic-": set(TOPICS),
    # training templates: "scenario-stage-" ~ a scenario's stage, "scenario-difficulty-" ~ its difficulty
    "scenario-stage-": {s["stage"] for s in DATA["scenarios"]["scenarios"]},
    "scenario-difficulty-": {str(s["difficulty"]) for s in DATA["scenarios"]["scenarios"]},
    # pocket_card.py: "lang-" ~ each site language
    "lang-": set(LANGS),
}


def nav_ids() -> set[str]:
    """The ids mkdocs.yml's nav names (build_scripts/nav_titles.py gives them their titles); docs_dir:
    the generated build/docs may not exist yet."""
    return set(label_ids(load_config(str(ROOT / "mkdocs.yml"), docs_dir=str(ROOT / "docs")).nav))


def reader_text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for pattern in READERS for p in sorted(ROOT.glob(pattern)))


def used(ident: str, text: str) -> bool:
    if ident in NAV:
        return True
    if re.search(rf"""["']{re.escape(ident)}["']""", text):
        return True
    return any(ident.startswith(prefix) and ident[len(prefix) :] in values for prefix, values in COMPUTED.items())


NAV = nav_ids()


def test_every_label_is_used():
    text = reader_text()
    unused = [label["id"] for label in DATA["ui"]["labels"] if not used(label["id"], text)]
    assert unused == [], f"labels of data/ui.yaml that nothing reads: {unused}"


def test_the_check_finds_an_unused_label():
    assert not used("no-such-label-anywhere", reader_text())
    assert not used("need-no-such-need", reader_text())
