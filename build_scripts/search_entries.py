"""Search documents of their own for the entries a reader looks for, built from the data.

Material indexes a page by its headings; an indicator, a right, a glossary term, a paragraph of
the Rules or a body's competence is a line inside a section, and a result landing on the section
leaves the reader to hunt for it. Each such entry becomes a document with a deep link
(`indicators/#who-adult-dependency`) and its type, shown beside the result. The anchor is the
entry's id, or its source ref with dashes (`app2.1.3` -> `app2-1-3`), and is kept only where the
built page has an element with that id: templates may change, a link may not break.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from build_scripts.citations import CARD_PAGE, CRITERIA_PAGE, INDICATORS_PAGE, RULES_DOC, RULES_PAGE
from build_scripts.site_paths import served

#: Search weight (lunr document boost) by type: entries and reference pages first; the checker
#: (a tool, not an answer) and the training scenarios (stories, not rules) after them.
BOOSTS = {"indicator": 1, "right": 1, "term": 1, "paragraph": 1, "body": 1, "scenario": 0.25, "tool": 0.25}
#: Material weighs a title 1000 times the text. An indicator or a right is shown by its own words
#: as the title, so its document weighs less: its words count 250 times a page's text,
#: and a page whose title names what was typed still comes first.
TITLE_IS_TEXT = 0.25
#: The type of a whole page, by where it is (others are plain reference pages).
PAGE_TYPES = (("training/", "scenario"), ("bodies/", "body"), ("checker/", "tool"))
#: Pages indexed by their title and a short description only (page -> ui label of the description).
SUMMARY_ONLY = {"checker/": "checker-lead"}


@dataclass(frozen=True)
class Kind:
    """Where a type of entry comes from in the data, on which page it is shown, and its search
    document: title, text and a weight (`boost`, below 1 where the title is the whole entry).
    Kinds not `indexed` (headings Material already indexes) are only targets of the thesaurus."""

    type: str
    entries: Callable[[dict], Iterator[dict]]
    page: Callable[[dict], str]
    title: Callable[[dict, str, dict], str]
    text: Callable[[dict, str], str]
    indexed: bool = True
    boost: float = 1


def _paragraphs(data: dict, doc: str) -> Iterator[dict]:
    for document in data["rules-text"]["documents"]:
        if document["doc"] == doc:
            for part in document["parts"]:
                yield from part.get("paragraphs", [])


def paragraph_text(entry: dict, lang: str) -> str:
    """A paragraph with its sub-paragraphs, one text."""
    parts = [entry["text"][lang] if entry.get("text") else ""]
    parts += [f"{item['number']}) {item['text'][lang]}" for item in entry.get("items", [])]
    return " ".join(part for part in parts if part)


def _indicator_headings(data: dict) -> Iterator[dict]:
    """The three elements and the groups of indicators, each a heading with the signs under it."""
    indicators = data["indicators"]
    for element in indicators["combination"]["elements"]:
        yield {**element, "members": [i for i in indicators["indicators"] if i["element"] == element["id"]]}
    for group in indicators["groups"]:
        yield {**group, "members": [i for i in indicators["indicators"] if i["group"] == group["id"]]}


def _label(data: dict, key: str, lang: str) -> str:
    """A label of data/ui.yaml; empty if it is gone (a page then keeps its title alone)."""
    return next((label["text"][lang] for label in data["ui"]["labels"] if label["id"] == key), "")


def _body_name(data: dict, body: str, lang: str) -> str:
    return next(b["name"][lang] for b in data["competences"]["bodies"] if b["id"] == body)


def _numbered(label: str) -> Callable[[dict, str, dict], str]:
    return lambda entry, lang, data: f"{_label(data, label, lang)} {entry['number']}".strip()


KINDS = (
    Kind(
        "indicator",
        _indicator_headings,
        lambda e: served(INDICATORS_PAGE),
        lambda e, lang, d: e["title"][lang],
        lambda e, lang: "",
        indexed=False,
    ),
    Kind(
        "indicator",
        lambda d: iter(d["indicators"]["indicators"]),
        lambda e: served(INDICATORS_PAGE),
        lambda e, lang, d: e["text"][lang],
        lambda e, lang: "",
        boost=TITLE_IS_TEXT,
    ),
    Kind(
        "right",
        lambda d: iter(d["rights"]["rights"] + d["rights"]["obligations"]),
        lambda e: served(CARD_PAGE),
        lambda e, lang, d: e["text"][lang],
        lambda e, lang: "",
        boost=TITLE_IS_TEXT,
    ),
    Kind(
        "term",
        lambda d: iter(d["glossary"]["terms"]),
        lambda e: served("glossary.md"),
        lambda e, lang, d: e["term"][lang],
        lambda e, lang: e["text"][lang],
    ),
    Kind(
        "paragraph",
        lambda d: _paragraphs(d, RULES_DOC),
        lambda e: served(RULES_PAGE),
        _numbered("search-type-paragraph"),
        paragraph_text,
    ),
    Kind(
        "paragraph",
        lambda d: _paragraphs(d, "criteria-amendment-2024"),
        lambda e: served(CRITERIA_PAGE),
        _numbered("search-type-paragraph"),
        paragraph_text,
    ),
    Kind(
        "body",
        lambda d: iter(d["competences"]["competences"]),
        lambda e: served(f"bodies/{e['body']}.md"),
        lambda e, lang, d: _body_name(d, e["body"], lang),
        lambda e, lang: (e.get("text") or e["summary"])[lang],
    ),
)


def entry_texts(data: dict, lang: str) -> dict[str, str]:
    """Entry id -> all the words a reader may find it by: its title, its text and, for an element
    or group of indicators, the signs under it."""
    texts = {}
    for kind in KINDS:
        for entry in kind.entries(data):
            members = " ".join(member["text"][lang] for member in entry.get("members", []))
            texts.setdefault(entry["id"], " ".join([kind.title(entry, lang, data), kind.text(entry, lang), members]))
    return texts


def anchors(entry: dict) -> list[str]:
    """The element ids a page may give the entry: its id, then its source ref with dashes."""
    ref = entry.get("source", {}).get("ref", "")
    return [entry["id"]] + ([re.sub(r"[^\w-]+", "-", ref).strip("-")] if ref else [])


class PageIds:
    """The element ids of each built page of a language, read once per page."""

    ID = re.compile(r'\sid="([^"]+)"')

    def __init__(self, root: Path):
        self.root, self.cache = root, {}

    def __call__(self, page: str) -> set[str]:
        if page not in self.cache:
            path = self.root / page / "index.html"
            html = path.read_text(encoding="utf-8") if path.exists() else ""
            self.cache[page] = set(self.ID.findall(html))
        return self.cache[page]


def entry_locations(data: dict, page_ids: Callable[[str], set[str]]) -> dict[str, str]:
    """Entry id -> `page/#anchor`, for each entry whose anchor exists on its page."""
    locations = {}
    for kind in KINDS:
        for entry in kind.entries(data):
            page = kind.page(entry)
            anchor = next((a for a in anchors(entry) if a in page_ids(page)), None)
            if anchor is not None:
                locations.setdefault(entry["id"], f"{page}#{anchor}")
    return locations


def entry_documents(data: dict, lang: str, locations: dict[str, str], taken: set[str]) -> list[dict]:
    """A search document per indexed entry that has a location not `taken` by another document."""
    docs = []
    for kind in KINDS:
        for entry in kind.entries(data) if kind.indexed else ():
            location = locations.get(entry["id"])
            if location and location not in taken:
                taken.add(location)
                docs.append(
                    {
                        "location": location,
                        "title": kind.title(entry, lang, data),
                        "text": kind.text(entry, lang),
                        "type": kind.type,
                        "boost": BOOSTS[kind.type] * kind.boost,
                    }
                )
    return docs


def page_type(location: str) -> str | None:
    """The type of a page or section by its location (`training/x/` is a scenario)."""
    return next((kind for prefix, kind in PAGE_TYPES if location.startswith(prefix)), None)


def typed_page_documents(docs: list[dict], data: dict, lang: str) -> list[dict]:
    """Material's documents with their page's type and weight; summary-only pages cut to one."""
    out = []
    for doc in docs:
        page = doc["location"].split("#")[0]
        if page in SUMMARY_ONLY:
            if doc["location"] != page:
                continue
            doc = {**doc, "text": _label(data, SUMMARY_ONLY[page], lang)}
        kind = page_type(page)
        out.append({**doc, "type": kind, "boost": BOOSTS[kind]} if kind else doc)
    return out
