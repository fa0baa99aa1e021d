"""The search thesaurus (data/search-terms.yaml): its checks, and the form the search worker reads.

A concept maps the words readers type to the beginnings of the texts' own words (`terms`) and to
the entries and pages it should bring first (`finds`). The checks make the second mapping true:
every entry named is reached by one of the terms, so a concept cannot point at what it cannot find.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from build_scripts.data_files import Problem
from build_scripts.generate import LANGS, page_list
from build_scripts.search_entries import entry_texts

FILE = "data/search-terms.yaml"
KAZAKH_RULES = Path(__file__).resolve().parent / "search" / "kazakh-rules.json"
#: The kinds of entry a concept may name, and the data collections their ids come from.
ENTRY_KINDS = ("indicators", "rights", "glossary", "paragraphs")


def folding() -> dict[str, str]:
    """Kazakh letters -> the Russian look-alikes people type instead (the search's own table)."""
    return json.loads(KAZAKH_RULES.read_text(encoding="utf-8"))["fold"]


def normal(text: str, lang: str, fold: dict[str, str]) -> str:
    """Lower case and, for Kazakh, folded: as the search compares words."""
    text = text.lower().replace("ё", "е")
    return "".join(fold.get(letter, letter) for letter in text) if lang == "kk" else text


def words_of(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def site_pages(data: dict) -> set[str]:
    """Every generated page as a search location (`procedure/abroad`, `` for the home page)."""
    paths = {path.removesuffix(".md") for path, _, _ in page_list(data)}
    return {"" if path == "index" else path.removesuffix("/index") for path in paths}


def problems(data: dict) -> list[Problem]:
    """What is wrong with the thesaurus beyond its schema: unknown targets, unreachable entries."""
    fold, pages, found = folding(), site_pages(data), []
    texts = {lang: entry_texts(data, lang) for lang in LANGS}
    for concept in data["search-terms"]["concepts"]:
        ident, finds = concept["id"], concept["finds"]
        for page in finds.get("pages", []):
            if page not in pages:
                found.append(Problem(FILE, ident, "finds.pages", f"{page!r} is not a page of the site"))
        for kind in ENTRY_KINDS:
            for entry in finds.get(kind, []):
                if entry not in texts[LANGS[0]]:
                    found.append(Problem(FILE, ident, f"finds.{kind}", f"{entry!r} is not a known entry"))
                    continue
                for lang in LANGS:
                    stems = [normal(term, lang, fold) for term in concept["terms"][lang]]
                    words = words_of(normal(texts[lang][entry], lang, fold))
                    if not any(word.startswith(stem) for stem in stems for word in words):
                        found.append(Problem(FILE, ident, f"terms.{lang}", f"none of them occurs in {entry!r}"))
    return found


def for_worker(data: dict, lang: str, locations: dict[str, str]) -> dict:
    """The thesaurus of one language as the search worker reads it: stop words, and per concept
    its phrases (lists of word beginnings), its terms and the locations it finds, all normalised.
    `locations` maps entry ids to their search documents' locations."""
    fold, thesaurus = folding(), data["search-terms"]
    concepts = []
    for concept in thesaurus["concepts"]:
        finds = [f"{page}/" if page else "" for page in concept["finds"].get("pages", [])]
        entries = [
            locations[entry] for kind in ENTRY_KINDS for entry in concept["finds"].get(kind, []) if entry in locations
        ]
        finds += entries + [location.split("#")[0] for location in entries]
        concepts.append(
            {
                "id": concept["id"],
                "phrases": [words_of(normal(phrase, lang, fold)) for phrase in concept["words"][lang]],
                "terms": [normal(term, lang, fold) for term in concept["terms"][lang]],
                "finds": sorted(set(finds)),
            }
        )
    return {"stopwords": [normal(word, lang, fold) for word in thesaurus["stopwords"][lang]], "concepts": concepts}
