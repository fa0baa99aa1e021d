"""The law's page (law/): every article of prevention-law-2025, block by block, with anchors.

The blocks and their Kazakh words come from the source text's index (source_index.py); a
block's Russian comes from the data that already quotes it (glossary: art. 1's definitions,
competences: arts. 5-40) or from data/law-text.yaml. A block with no Russian yet shows the
Kazakh words on the Russian page with a note, never an invented translation.
"""

from __future__ import annotations

import re

from build_scripts.citations import LAW_DOC, law_anchor
from build_scripts.source_index import indexes

NUMBER = re.compile(r"^\d+[.)]\s*")


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _quotes(data: dict) -> dict[str, dict]:
    """ref -> {kk, ru} of every quote of the law elsewhere in the data."""
    found = {}
    for term in data["glossary"]["terms"]:
        if term["source"]["doc"] == LAW_DOC:
            found[term["source"]["ref"]] = {
                lang: f"{term['term'][lang]} – {term['text'][lang]}" for lang in ("kk", "ru")
            }
    for entry in data["competences"]["competences"]:
        if entry["source"]["doc"] == LAW_DOC and "text" in entry:
            found.setdefault(entry["source"]["ref"], entry["text"])
    return found


def _titles(data: dict) -> dict[int, dict]:
    titles = {a["number"]: a["title"] for a in data["competences"]["articles"]}
    titles.update({m["article"]: m["title"] for m in data["measures"]["prevention"] if "article" in m})
    return titles


def law_view(data: dict) -> list[dict]:
    """Articles 1-85: {number, anchor, title: {kk, ru|None}, blocks: [{anchor|None, number,
    kk, ru|None, sub}]}, in the law's order."""
    quotes, titles = _quotes(data), _titles(data)
    extra = {a["article"]: a for a in data["law-text"]["articles"]}
    out = []
    for number, article in sorted(indexes()[LAW_DOC].articles.items()):
        given = extra.get(number, {})
        given_blocks = {(b["ref"], b.get("part")): b for b in given.get("blocks", [])}
        title = given.get("title") or titles.get(number) or {"kk": article.title, "ru": None}
        blocks, shown, anchors = [], {}, set()
        for block in article.blocks:
            words = NUMBER.sub("", block.kk) if block.part is None else block.kk
            parent = block.ref.rstrip(")").rpartition(".")[0]
            if block.ref.endswith(")") and _squash(words) in shown.get(parent, ""):
                continue  # already part of a quote of the whole paragraph
            first = block.part in (None, 1)
            # The first part of a place may be given as part 1 or without a part.
            alias = {None: 1, 1: None}.get(block.part, block.part)
            source = (
                given_blocks.get((block.ref, block.part))
                or given_blocks.get((block.ref, alias))
                or (quotes.get(block.ref) if first else None)
            )
            kk = source["kk"] if source else words
            if not block.ref.endswith(")"):
                shown[block.ref] = shown.get(block.ref, "") + _squash(kk)
            anchor = law_anchor(block.ref)
            blocks.append(
                {
                    "anchor": None if anchor in anchors or anchor == law_anchor(str(number)) else anchor,
                    "number": _number(block.ref) if block.part is None else "",
                    "sub": block.ref.endswith(")"),
                    "kk": kk,
                    "ru": source["ru"] if source else None,
                }
            )
            anchors.add(anchor)
        out.append(
            {
                "number": number,
                "anchor": law_anchor(str(number)),
                "title": {"kk": title["kk"], "ru": title.get("ru")},
                "blocks": blocks,
            }
        )
    return out


def _number(ref: str) -> str:
    """ "19.2" -> "2.", "19.2.3)" -> "3)"."""
    last = ref.rstrip(")").split(".")[-1]
    return f"{last})" if ref.endswith(")") else f"{last}."
