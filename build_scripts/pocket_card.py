"""The pocket card (card/pocket/): Appendix 2 in short form, numbers first, printed four A6
cards to an A4 sheet, each card two sides around a wallet fold.

A sheet pairs the page's language with another: Kazakh with Russian, or a foreign language
(data/pocket-card.yaml, the site's translations) with the page's language. Every side is built
from data: the numbers of rights.yaml `closing.phones`, the `summary` of each item, and for
Kazakh and Russian a QR code to the full card on the published site (`SITE_URL`; no QR without it).
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import segno
from markupsafe import Markup

from build_scripts import citations, site_paths
from build_scripts.data_files import Problem

FILE = "data/pocket-card.yaml"

CARDS_PER_SHEET = 4
#: ui.yaml labels of a Kazakh or Russian side.
SIDE_LABELS = {
    "title": None,
    "call": None,
    "rights": "pocket-rights",
    "obligations": "pocket-obligations",
    "contact": "pocket-contact",
    "basis": "pocket-basis",
}


@dataclass(frozen=True)
class Side:
    """One language's half of a card, everything in that language."""

    lang: str
    labels: dict
    phones: list  # (number, name)
    rights: list  # (number, ref, text)
    obligations: list
    notes: list  # what the side is, when it is a translation: its own words, then the pair's language
    qr: Markup | None


@dataclass(frozen=True)
class Sheet:
    id: str
    name: str  # the picker's label, in the page's language
    sides: tuple


def card_url(lang: str, site_url: str | None = None) -> str | None:
    """The full card's address on the published site, in `lang`; None without SITE_URL."""
    base = os.environ.get("SITE_URL", "") if site_url is None else site_url
    if not base.strip():
        return None
    return base.rstrip("/") + "/" + site_paths.lang_root(lang) + site_paths.served(citations.CARD_PAGE)


def qr_svg(url: str, label: str) -> Markup:
    """The QR code of `url` as inline SVG, drawn at build time (no network), sized by CSS."""
    code = segno.make(url, error="m", micro=False)
    svg = code.svg_inline(scale=1, border=2, omitsize=True, svgclass="qr", lineclass=None)
    return Markup(
        svg.replace("<svg ", f'<svg role="img" aria-label="{Markup.escape(label)}" data-url="{Markup.escape(url)}" ', 1)
    )


def _items(entries: list, lang: str) -> list:
    return [(e["number"], e["source"]["ref"], e["summary"][lang]) for e in entries]


def site_side(data: dict, lang: str) -> Side:
    """The Kazakh or Russian side, from rights.yaml and the ui.yaml labels."""
    rights = data["rights"]
    labels = {key: page_label(data, label, lang) if label else None for key, label in SIDE_LABELS.items()}
    labels["title"] = rights["title"][lang]
    labels["call"] = rights["closing"]["summary"][lang]
    url = card_url(lang)
    qr = qr_svg(url, page_label(data, "pocket-qr", lang)) if url else None
    return Side(
        lang,
        labels,
        [(p["number"], p["name"][lang]) for p in rights["closing"]["phones"]],
        _items(rights["rights"], lang),
        _items(rights["obligations"], lang),
        [],
        qr,
    )


def page_label(data: dict, key: str, lang: str) -> str:
    return next(item["text"][lang] for item in data["ui"]["labels"] if item["id"] == key)


def foreign_side(data: dict, language: dict, pair_lang: str) -> Side:
    """A foreign-language side from pocket-card.yaml; its notes say, in its language and in
    the pair's, that it is the site's translation."""
    rights = data["rights"]
    texts = {item["ref"]: item["text"] for item in language["items"]}

    def items(entries):
        return [(e["number"], e["source"]["ref"], texts[e["source"]["ref"]]) for e in entries]

    phones = [(p["number"], language["phones"][p["number"]]) for p in rights["closing"]["phones"]]
    notes = [(language["lang"], language["note"]["own"]), (pair_lang, language["note"][pair_lang])]
    return Side(
        language["lang"],
        dict(language["labels"]),
        phones,
        items(rights["rights"]),
        items(rights["obligations"]),
        notes,
        None,
    )


def sheets(data: dict, lang: str) -> list[Sheet]:
    """The sheets of the page in `lang`: Kazakh with Russian first, then each foreign language
    beside the page's language."""
    other = site_paths.LANGS[1] if lang == site_paths.LANGS[0] else site_paths.LANGS[0]
    own = site_side(data, lang)
    pair_name = f"{page_label(data, 'lang-' + lang, lang)} + {page_label(data, 'lang-' + other, lang)}"
    found = [Sheet(f"pair-{other}", pair_name, (own, site_side(data, other)))]
    for language in data["pocket-card"]["languages"]:
        name = f"{language['name']['own']} + {page_label(data, 'lang-' + lang, lang)}"
        found.append(Sheet(f"pair-{language['id']}", name, (foreign_side(data, language, lang), own)))
    return found


def problems(data: dict) -> list[Problem]:
    """What a foreign-language side gets wrong against rights.yaml: items not in Appendix 2's
    order, a number without its name, a concept whose term is not used."""
    rights = data["rights"]
    refs = [e["source"]["ref"] for e in rights["rights"] + rights["obligations"]]
    kazakh = {e["source"]["ref"]: e["summary"]["kk"] for e in rights["rights"] + rights["obligations"]}
    numbers = {p["number"] for p in rights["closing"]["phones"]}
    found = []
    for language in data["pocket-card"]["languages"]:
        ident = language["id"]
        listed = [item["ref"] for item in language["items"]]
        if listed != refs:
            found.append(Problem(FILE, ident, "items", f"refs must be {', '.join(refs)} in this order"))
        if set(language["phones"]) != numbers:
            found.append(Problem(FILE, ident, "phones", f"must name exactly the numbers {', '.join(sorted(numbers))}"))
        for index, item in enumerate(language["items"]):
            kk = kazakh.get(item["ref"], "")
            for term in language["terms"]:
                stem = term.get("stem", term["term"])
                if term["kk"].lower() in kk.lower() and stem.lower() not in item["text"].lower():
                    found.append(
                        Problem(
                            FILE,
                            ident,
                            f"items[{index}].text",
                            f"{item['ref']} says {term['kk']!r}: use the term {term['term']!r}",
                        )
                    )
    return found
