"""The question bank of the practice and test pages, as the pages read it (the JSON of each
language): every answer is recomputed here from the data entry the question is about, each
distractor is checked not to answer it, both languages hold the same questions, and there are
at least 300 per language. Prints the counts per topic and language."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from build_scripts import citations
from build_scripts.generate import PageContext, page_list
from build_scripts.question_bank import BANK_PATH, TOPICS, write_banks
from build_scripts.validate import check

DATA = check()
LANGS = ("kk", "ru")
LABELS = {item["id"]: item["text"] for item in DATA["ui"]["labels"]}
DOCS = {doc["id"]: doc for doc in DATA["sources"]["documents"]}
SIGNS = {s["id"]: s for s in DATA["indicators"]["indicators"]}
ELEMENTS = {e["id"]: e for e in DATA["indicators"]["combination"]["elements"]}
FORMS = {f["id"]: f for f in DATA["indicators"]["forms"]}
RIGHTS = {r["id"]: r for r in DATA["rights"]["rights"]}
OBLIGATIONS = {o["id"]: o for o in DATA["rights"]["obligations"]}
BODIES = {b["id"]: b for b in DATA["competences"]["bodies"]}
COMPETENCES = {c["id"]: c for c in DATA["competences"]["competences"]}
STEPS = {s["id"]: s for s in DATA["referral"]["steps"]}
ACTORS = {a["id"]: a for a in DATA["referral"]["actors"]}
DEADLINES = {d["id"]: d for d in DATA["referral"]["deadlines"]}
TERMS = {t["id"]: t for t in DATA["glossary"]["terms"]}


@pytest.fixture(scope="module")
def banks(tmp_path_factory) -> dict[str, list[dict]]:
    """The JSON banks as the build writes them, by language."""
    out = tmp_path_factory.mktemp("docs")
    paths = frozenset(path for path, _, _ in page_list(DATA))
    write_banks(DATA, out, lambda lang: PageContext(DATA, lang, "training/practice.md", paths).url)
    return {lang: json.loads((out / BANK_PATH.format(lang=lang)).read_text(encoding="utf-8")) for lang in LANGS}


def cited(source: dict, lang: str) -> str:
    return f"{DOCS[source['doc']]['short'][lang]}, {citations.place(source['doc'], source['ref'], lang)}"


def texts(entries, lang: str, field: str = "text") -> set[str]:
    return {entry[field][lang] for entry in entries}


def recompute(kind: str, subject: str, lang: str) -> tuple[str, dict, set[str]]:
    """From the data alone: the right option's text, the source to cite, and the texts that would
    also answer the question (never allowed among the distractors)."""
    card = list(RIGHTS.values()) + list(OBLIGATIONS.values())
    if kind == "element":
        sign = SIGNS[subject]
        return ELEMENTS[sign["element"]]["title"][lang], sign["source"], set()
    if kind == "form":
        sign = SIGNS[subject]
        return FORMS[sign["form"]]["title"][lang], sign["source"], set()
    if kind == "in-app1":
        return SIGNS[subject]["text"][lang], SIGNS[subject]["source"], texts(SIGNS.values(), lang)
    if kind == "not-in-app1":
        entry = {**RIGHTS, **OBLIGATIONS}.get(subject) or next(
            row for row in DATA["criteria"]["rows"] if f"criteria-{row['id']}" == subject
        )
        others = {e["text"][lang] for e in card + DATA["criteria"]["rows"]} - set(texts(SIGNS.values(), lang))
        return entry["text"][lang], entry["source"], others
    if kind == "card-kind":
        entry = RIGHTS.get(subject) or OBLIGATIONS[subject]
        label = "quiz-a-right" if subject in RIGHTS else "quiz-a-obligation"
        return LABELS[label][lang], entry["source"], set()
    if kind == "card-right":
        return RIGHTS[subject]["text"][lang], RIGHTS[subject]["source"], texts(card, lang)
    if kind == "card-obligation":
        return OBLIGATIONS[subject]["text"][lang], OBLIGATIONS[subject]["source"], texts(OBLIGATIONS.values(), lang)
    if kind == "subject-p4":
        body = BODIES[subject]
        subjects = {b["name"][lang] for b in BODIES.values() if b["rules_subject"]}
        return body["name"][lang], {"doc": "referral-rules-2024", "ref": f"4.{body['rules_subject']}"}, subjects
    if kind == "competence":
        comp = COMPETENCES[subject]
        holders = {
            BODIES[c["body"]]["name"][lang]
            for c in COMPETENCES.values()
            if "text" in c and c["text"]["ru"] == comp["text"]["ru"]
        }
        return BODIES[comp["body"]]["name"][lang], comp["source"], holders
    if kind == "step-actor":
        step = STEPS[subject]
        return ACTORS[step["actor"]]["name"][lang], step["source"], set()
    if kind == "deadline":
        step = STEPS[subject]
        return DEADLINES[step["deadline"]]["label"][lang], step["source"], set()
    if kind == "deadline-step":
        step = STEPS[subject]
        same = {s["title"][lang] for s in STEPS.values() if s["deadline"] == step["deadline"]}
        return step["title"][lang], step["source"], same
    if kind == "paragraph":
        step = STEPS[subject]
        same = {cited(s["source"], lang) for s in STEPS.values() if s["text"][lang] == step["text"][lang]}
        return cited(step["source"], lang), step["source"], same
    if kind == "definition":
        term = TERMS[subject]
        same = {t["text"][lang] for t in TERMS.values() if t["term"][lang] == term["term"][lang]}
        return term["text"][lang], term["source"], same
    if kind == "term":
        term = TERMS[subject]
        same = {t["term"][lang] for t in TERMS.values() if t["text"][lang] == term["text"][lang]}
        return term["term"][lang], term["source"], same
    raise AssertionError(f"unknown kind of question {kind}")


@pytest.mark.parametrize("lang", LANGS)
def test_every_answer_is_derived_from_the_data_it_cites(banks, lang):
    for q in banks[lang]:
        kind, _, subject = q["id"].partition(":")
        right, source, also_right = recompute(kind, subject, lang)
        assert q["o"][q["a"]] == right, q["id"]
        distractors = [text for i, text in enumerate(q["o"]) if i != q["a"]]
        assert distractors and not set(distractors) & (also_right | {right}), q["id"]
        assert len(set(q["o"])) == len(q["o"]), q["id"]
        assert q["c"] == cited(source, lang), q["id"]
        target = citations.target(source["doc"], source["ref"])
        assert ("h" in q) == (target is not None), q["id"]
        assert q["q"] and q["e"] and q["t"] in TOPICS, q["id"]


def test_the_indicator_questions_quote_the_sign(banks):
    for lang in LANGS:
        for q in banks[lang]:
            kind, _, subject = q["id"].partition(":")
            if kind in ("element", "form"):
                assert q["x"] == SIGNS[subject]["text"][lang]


def test_both_languages_hold_the_same_questions(banks):
    shape = {lang: [(q["id"], q["t"], q["a"], len(q["o"])) for q in banks[lang]] for lang in LANGS}
    assert shape["kk"] == shape["ru"]
    assert [q["id"] for q in banks["kk"]] == sorted(q["id"] for q in banks["kk"])


def test_each_topic_has_questions_and_each_language_at_least_300(banks):
    print()
    for lang in LANGS:
        counts = Counter(q["t"] for q in banks[lang])
        print(f"{lang}: " + ", ".join(f"{topic} {counts[topic]}" for topic in TOPICS) + f"; total {len(banks[lang])}")
        assert all(counts[topic] > 0 for topic in TOPICS)
        assert len(banks[lang]) >= 300


def test_the_conditions_of_the_named_paragraphs_are_asked(banks):
    """Deadlines and conditions: the three deadlines and pp. 7, 12, 14, 30, 39."""
    asked = {q["id"].partition(":")[2] for q in banks["kk"] if q["t"] == "deadlines"}
    paragraphs = {STEPS[s]["paragraph"].split(".")[0] for s in asked}
    assert {"7", "12", "14", "30", "39"} <= paragraphs
    deadlines = {STEPS[s]["deadline"] for s in asked}
    assert set(DEADLINES) <= deadlines
