"""How a `source: {doc, ref}` is printed in each language and which page (and anchor) it opens."""

from __future__ import annotations

import re

# Pages that hold the text of a document, paragraph by paragraph (site path, anchor maker).
RULES_PAGE = "procedure/rules.md"
CARD_PAGE = "card.md"
INDICATORS_PAGE = "indicators.md"
CRITERIA_PAGE = "procedure/criteria.md"


def anchor(ref: str) -> str:
    """The HTML anchor of a ref of the Rules: "9.2" -> "p9-2", "app2.1.12" -> "app2-1-12",
    "order.2.1" -> "order-p2-1" (the approving order)."""
    ref = ref.strip()
    if ref.startswith("app"):
        return ref.replace(".", "-")
    if ref == "order":
        return "order-intro"
    if ref.startswith("order."):
        return "order-p" + ref[len("order."):].replace(".", "-")
    return "p" + ref.replace(".", "-")


def target(doc: str, ref: str) -> str | None:
    """The site page (with anchor) where this place of the source is shown, or None."""
    if doc == "referral-rules-2024":
        if ref.startswith("app1"):
            return INDICATORS_PAGE
        if ref.startswith("app2"):
            return f"{CARD_PAGE}#{anchor(ref)}"
        return f"{RULES_PAGE}#{anchor(ref)}"
    if doc in ("criteria-amendment-2024", "criteria-2023"):
        return CRITERIA_PAGE
    return None


def place(doc: str, ref: str, lang: str) -> str:
    """The place within the document in words: "12-тармақ" / "п. 12"."""
    parts = ref.split(".")
    if doc == "referral-rules-2024" and ref.startswith("app"):
        number = parts[0][3:]
        rest = parts[1:]
        if lang == "kk":
            tail = (f", {rest[0]}-бөлім" + (f", {rest[1]})" if len(rest) > 1 else "")
                    if rest and rest[0].isdigit() else "")
            return f"{number}-қосымша{tail}"
        tail = (f", ч. {rest[0]}" + (f", подп. {rest[1]})" if len(rest) > 1 else "")
                if rest and rest[0].isdigit() else "")
        return f"приложение {number}{tail}"
    if doc == "action-plan-2021-2023":
        number = ref.split(".", 1)[1] if "." in ref else ref
        kind = ref.split(".", 1)[0]
        if kind == "section":
            return f"{number}-бөлім" if lang == "kk" else f"раздел {number}"
        return f"{number}-тармақ" if lang == "kk" else f"п. {number}"
    if doc.startswith("criteria") and ref.startswith("app2."):
        row = ref[5:]
        return f"2-қосымша, {row}-жол" if lang == "kk" else f"приложение 2, строка {row}"
    if ref.startswith("order"):
        number = ref[6:] if ref.startswith("order.") else ""
        if lang == "kk":
            return f"бекіту туралы бұйрық{', ' + number + '-тармақ' if number else ''}"
        return f"приказ об утверждении{', п. ' + number if number else ''}"
    if doc == "prevention-law-2025":
        return _law_place(parts, lang)
    if not all(re.fullmatch(r"[0-9]+(-[0-9]+)?", p) for p in parts):
        return ref
    if lang == "kk":
        if len(parts) == 1:
            return f"{parts[0]}-тармақ"
        return f"{parts[0]}-тармақтың {parts[1]}) тармақшасы"
    if len(parts) == 1:
        return f"п. {parts[0]}"
    return f"подп. {parts[1]}) п. {parts[0]}"


def _law_place(parts: list[str], lang: str) -> str:
    article, rest = parts[0], parts[1:]
    if lang == "kk":
        if not rest:
            return f"{article}-бап"
        if len(rest) == 1:
            return f"{article}-баптың {rest[0]}-тармағы"
        return f"{article}-баптың {rest[0]}-тармағының {rest[1]}) тармақшасы"
    if not rest:
        return f"ст. {article}"
    if len(rest) == 1:
        return f"п. {rest[0]} ст. {article}"
    return f"подп. {rest[1]}) п. {rest[0]} ст. {article}"
