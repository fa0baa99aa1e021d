"""Search per language, run on the built site (see build_scripts/SEARCH.md).

mkdocs-static-i18n leaves one search index for both languages; this step splits it so that each
language's pages search their own (`search/search_index.json` for Kazakh,
`ru/search/search_index.json` for Russian), adds a document per entry (search_entries.py) and
the thesaurus (search_terms.py), installs the Kazakh lunr language and the search worker that
stems and expands query words, and points every page's Material config at them.
"""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path

from jinja2.utils import htmlsafe_json_dumps

from build_scripts.generate import LANGS
from build_scripts.search_entries import BOOSTS, PageIds, entry_documents, entry_locations, typed_page_documents
from build_scripts.search_terms import for_worker

SOURCES = Path(__file__).resolve().parent / "search"
INDEX = "search/search_index.json"
WORKERS = "assets/javascripts/workers"
WORKER = "search-worker.js"
KAZAKH_LUNR = "assets/javascripts/lunr/min/lunr.kk.min.js"
#: Words split at spaces, dashes and punctuation; a dot only where no digit follows (`3.1`).
SEPARATOR = r'[\s\-–—,:;!?()«»"“”„/\[\]…·→№]+|\.(?!\d)'
#: The lunr pipeline of each language's index (Material keeps only the functions named here).
PIPELINES = {"kk": [], "ru": ["stopWordFilter"]}
CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


def language_root(lang: str) -> str:
    """`` for the default language, `ru/` for Russian."""
    return "" if lang == LANGS[0] else f"{lang}/"


def page_language(page: str) -> str:
    """The language of a page by its path under the site (`ru/card/index.html` is Russian)."""
    return next((lang for lang in LANGS[1:] if page.startswith(language_root(lang))), LANGS[0])


def split_index(index: dict) -> dict[str, dict]:
    """One index per language: its own documents, located from its root, and its own config."""
    indexes = {}
    for lang in LANGS:
        root = language_root(lang)
        docs = [
            {**doc, "location": doc["location"][len(root) :]}
            for doc in index["docs"]
            if page_language(doc["location"]) == lang
        ]
        config = {**index["config"], "lang": [lang], "pipeline": PIPELINES[lang], "separator": SEPARATOR}
        indexes[lang] = {**index, "config": config, "docs": docs}
    return indexes


def with_entries(index: dict, data: dict, lang: str, root: Path) -> dict:
    """The language's index with a document per entry, each typed and weighted, and the worker's
    extras in its config (Material passes only `config`, `docs` and `options` to its worker):
    the thesaurus and the name of each type of result."""
    locations = entry_locations(data, PageIds(root))
    pages = typed_page_documents(index["docs"], data, lang)
    entries = entry_documents(data, lang, locations, {doc["location"] for doc in pages})
    labels = {label["id"]: label["text"][lang] for label in data["ui"]["labels"]}
    config = {
        **index["config"],
        "thesaurus": for_worker(data, lang, locations),
        "types": {kind: labels[f"search-type-{kind}"] for kind in BOOSTS},
    }
    return {**index, "config": config, "docs": pages + entries}


def kazakh_lunr() -> str:
    """lunr.kk: the Kazakh words module and its rules table, registered with the worker's lunr."""
    rules = json.loads((SOURCES / "kazakh-rules.json").read_text(encoding="utf-8"))
    parts = [(SOURCES / name).read_text(encoding="utf-8") for name in ("kazakh.js", "lunr.kk.js")]
    call = f"registerKazakh(self.lunr, kazakhWords({json.dumps(rules, ensure_ascii=False)}))"
    return "\n".join(["(() => {", *parts, call, "})()", ""])


def search_worker(material: str) -> str:
    """Our worker, ending with the import of Material's (`search.<hash>.min.js`, beside it)."""
    return (SOURCES / WORKER).read_text(encoding="utf-8") + f"\nimportScripts({json.dumps(material)})\n"


def point_page(html: str, lang: str) -> str:
    """The page's Material config with our search worker, and the base of its language's root."""

    def repoint(match: re.Match) -> str:
        config = json.loads(match.group(2))
        config["search"] = posixpath.join(posixpath.dirname(config["search"]), WORKER)
        if language_root(lang):
            config["base"] = posixpath.join(config["base"], language_root(lang))
        return match.group(1) + str(htmlsafe_json_dumps(config)) + match.group(3)

    return CONFIG.sub(repoint, html, count=1)


def install(site: Path, data: dict) -> None:
    """Split the index, add entries and thesaurus, the Kazakh language and the worker, repoint
    every page."""
    index = json.loads((site / INDEX).read_text(encoding="utf-8"))
    for lang, own in split_index(index).items():
        own = with_entries(own, data, lang, site / language_root(lang))
        target = site / language_root(lang) / INDEX
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(own, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    (site / KAZAKH_LUNR).write_text(kazakh_lunr(), encoding="utf-8")
    [material] = (site / WORKERS).glob("search.*.min.js")
    (site / WORKERS / WORKER).write_text(search_worker(material.name), encoding="utf-8")
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        pointed = point_page(html, page_language(page.relative_to(site).as_posix()))
        if pointed != html:
            page.write_text(pointed, encoding="utf-8")
