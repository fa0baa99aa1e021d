"""How a `source: {doc, ref}` is printed in each language and which page (and anchor) shows it.

The one place that turns a ref into words: every page, the checker page's map and the training
pages call `place` and `target`. The words follow the forms the texts themselves use:
«9-тармақтың 2) тармақшасы» / «подпункт 2) пункта 9», «19-баптың 2-тармағының 3) тармақшасы» /
«подпункт 3) пункта 2 статьи 19». Ref conventions: build_scripts/source_index.py.
"""

from __future__ import annotations

import re

from checker.bundle import RULES_DOC  # the checker ships it; the other texts' ids are here

LAW_DOC = "prevention-law-2025"
WOMEN_UNITS_DOC = "women-protection-units-2015"
PLAN_DOC = "action-plan-2021-2023"
CRITERIA_DOCS = ("criteria-amendment-2024", "criteria-2023")

# Pages that hold the text of a document, place by place.
RULES_PAGE = "procedure/rules.md"
CARD_PAGE = "card.md"
INDICATORS_PAGE = "indicators.md"
CRITERIA_PAGE = "procedure/criteria.md"
LAW_PAGE = "law.md"
WOMEN_UNITS_PAGE = "bodies/women_protection_units/rules.md"
PLAN_PAGE = "measures/action-plan.md"

# Appendix 1 of the Rules: the columns of its table, by the question each heading asks.
APP1_COLUMNS = {
    "who": ("«Кім?»", "«Кто?»"),
    "where": ("«Қайда?»", "«Где?»"),
    "what": ("«Қандай?»", "«Какие?»"),
}
APP1_SUBCOLUMNS = {
    "general": ("жалпы белгілер", "общие признаки"),
    "forms": ("әртүрлі нысандардың ерекше белгілері", "особые признаки различных форм"),
}


def anchor(ref: str) -> str:
    """The HTML anchor of a ref of the Rules: "9.2" -> "p9-2", "app2.1.12" -> "app2-1-12",
    "order.2.1" -> "order-p2-1" (the approving order)."""
    ref = ref.strip()
    if ref.startswith("app"):
        return ref.replace(".", "-")
    if ref == "order":
        return "order-intro"
    if ref.startswith("order."):
        return "order-p" + ref[len("order.") :].replace(".", "-")
    return "p" + ref.replace(".", "-")


def law_anchor(ref: str) -> str:
    """The anchor of a place of the law on its page: "8" -> "art-8", "19.2.3)" -> "art-19-2-3"."""
    return "art-" + ref.rstrip(")").replace(")", "").replace(".", "-")


def target(doc: str, ref: str) -> str | None:
    """The site page (with anchor) where this place of the source is shown, or None."""
    if doc == RULES_DOC:
        if ref.startswith("app1"):
            return INDICATORS_PAGE
        if ref.startswith("app2"):
            return f"{CARD_PAGE}#{anchor(ref)}"
        if ref.startswith("ch."):
            return RULES_PAGE
        return f"{RULES_PAGE}#{anchor(ref)}"
    if doc in CRITERIA_DOCS:
        if ref.startswith("app2."):
            return f"{CRITERIA_PAGE}#row-{ref[len('app2.') :]}"
        return CRITERIA_PAGE
    if doc == LAW_DOC:
        return f"{LAW_PAGE}#{law_anchor(ref)}"
    if doc == WOMEN_UNITS_DOC:
        if ref.startswith(("order", "ch.")):
            return WOMEN_UNITS_PAGE
        paragraph, _, sub = ref.partition(".")
        return f"{WOMEN_UNITS_PAGE}#wpu-{paragraph}-{sub}" if sub else f"{WOMEN_UNITS_PAGE}#wpu-p{paragraph}"
    if doc == PLAN_DOC:
        kind, _, number = ref.partition(".")
        if kind == "row":
            return f"{PLAN_PAGE}#row-{number.replace('.', '-')}"
        if kind == "section":
            return f"{PLAN_PAGE}#s{number}"
        return PLAN_PAGE
    return None


def place(doc: str, ref: str, lang: str) -> str:
    """The place within the document in words, as the texts cite it: "12-тармақ" / "пункт 12"."""
    kk = lang == "kk"
    if doc == LAW_DOC:
        return _law(ref, kk)
    if doc == PLAN_DOC:
        kind, _, number = ref.partition(".")
        if kind == "section":
            return f"{number}-бөлім" if kk else f"раздел {number}"
        if kind == "decree":
            return _paragraph(number, kk, ("қаулының", "постановления"))
        return f"{number}-тармақ" if kk else f"пункт {number}"
    if doc in CRITERIA_DOCS and ref.startswith("app2."):
        row = ref[len("app2.") :]
        return f"2-қосымшаның {row}-жолы" if kk else f"строка {row} приложения 2"
    if ref == "order":
        if doc in CRITERIA_DOCS:
            return "бұйрық" if kk else "приказ"
        return "бекіту туралы бұйрық" if kk else "приказ об утверждении"
    if ref.startswith("order."):
        owner = (
            ("бұйрықтың", "приказа") if doc in CRITERIA_DOCS else ("бекіту туралы бұйрықтың", "приказа об утверждении")
        )
        return _paragraph(ref[len("order.") :], kk, owner)
    if ref.startswith("ch."):
        return f"{ref[3:]}-тарау" if kk else f"глава {ref[3:]}"
    if doc == RULES_DOC and ref.startswith("app1"):
        return _app1(ref.split(".")[1:], kk)
    if doc == RULES_DOC and ref.startswith("app2"):
        rest = ref[len("app2") :].lstrip(".")
        if not rest:
            return "2-қосымша" if kk else "приложение 2"
        return _paragraph(rest, kk, ("2-қосымшаның", "приложения 2"))
    if re.fullmatch(r"[0-9]+(-[0-9]+)?(\.[0-9]+)?", ref):
        return _paragraph(ref, kk)
    return ref


def _paragraph(ref: str, kk: bool, owner: tuple[str, str] = ("", "")) -> str:
    """ "9" / "9.2" of a paragraph list, optionally of an owner («2-қосымшаның» / «приложения 2»)."""
    paragraph, _, sub = ref.partition(".")
    of_kk, of_ru = owner
    if kk:
        head = f"{of_kk} " if of_kk else ""
        if not sub:
            return f"{head}{paragraph}-{'тармағы' if of_kk else 'тармақ'}"
        return (
            f"{head}{paragraph}-тармағының {sub}) тармақшасы" if of_kk else f"{paragraph}-тармақтың {sub}) тармақшасы"
        )
    tail = f" {of_ru}" if of_ru else ""
    if not sub:
        return f"пункт {paragraph}{tail}"
    return f"подпункт {sub}) пункта {paragraph}{tail}"


def _law(ref: str, kk: bool) -> str:
    """ "8" статья, "19.2" пункт, "8.3)" подпункт of the article, "19.2.3)" подпункт of a пункт."""
    sub = ref.endswith(")")
    parts = ref.rstrip(")").split(".")
    article = parts[0]
    paragraph = parts[1] if len(parts) == 3 or (len(parts) == 2 and not sub) else None
    item = parts[-1] if sub else None
    if kk:
        if item and paragraph:
            return f"{article}-баптың {paragraph}-тармағының {item}) тармақшасы"
        if item:
            return f"{article}-баптың {item}) тармақшасы"
        if paragraph:
            return f"{article}-баптың {paragraph}-тармағы"
        return f"{article}-бап"
    if item and paragraph:
        return f"подпункт {item}) пункта {paragraph} статьи {article}"
    if item:
        return f"подпункт {item}) статьи {article}"
    if paragraph:
        return f"пункт {paragraph} статьи {article}"
    return f"статья {article}"


def _app1(path: list[str], kk: bool) -> str:
    """Appendix 1 of the Rules, its column (who / where / what), sub-column and numbered group."""
    if not path:
        return "1-қосымша" if kk else "приложение 1"
    column_kk, column_ru = APP1_COLUMNS[path[0]]
    rest = path[1:]
    sub_kk = sub_ru = ""
    if rest and rest[0] in APP1_SUBCOLUMNS:
        sub_kk, sub_ru = (f" ({words})" for words in APP1_SUBCOLUMNS[rest[0]])
        rest = rest[1:]
    if kk:
        if rest:
            return f"1-қосымшаның {column_kk} бағанының{sub_kk} {rest[0]}-тармағы"
        return f"1-қосымшаның {column_kk} бағаны{sub_kk}"
    if rest:
        return f"пункт {rest[0]} графы {column_ru}{sub_ru} приложения 1"
    return f"графа {column_ru}{sub_ru} приложения 1"
