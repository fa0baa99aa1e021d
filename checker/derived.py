"""What the data files do not repeat, filled in when they are read (by the checker in CPython
and by the site's build), so that each fact is written once:
- a rules-text.yaml entry's `id` and `source` follow from its `number` and its place (p9-1 and
  ref "9.1" for sub-paragraph 1) of paragraph 9; a part's `id_prefix` and `ref_prefix` name
  the order's own paragraphs); an unnumbered entry states both;
- a referral.yaml step's `source` and `text` follow from its `paragraph`: the Rules' words are
  kept once, in rules-text.yaml (a paragraph with sub-paragraphs reads as one text; `part: N`
  takes the paragraph's N-th part, one per line).
Shapes the schemas refuse are left for validation to name; what only this step can see (an
entry stating what is derived, a paragraph the text lacks) comes back as problems."""

from __future__ import annotations

from .bundle import RULES_DOC

#: (file, entry id, field, message): one problem, as the build's validation reports it.
Problem = tuple[str, str, str, str]


def complete_rules_text(rules_text) -> list[Problem]:
    """Give every numbered rules-text entry its id and source, in place."""
    problems: list[Problem] = []
    for document in _dicts(rules_text.get("documents") if isinstance(rules_text, dict) else None):
        for part in _dicts(document.get("parts")):
            prefixes = (part.get("id_prefix", "p"), part.get("ref_prefix", ""))
            _complete(_dicts(part.get("paragraphs")), document.get("doc"), None, prefixes, problems)
    return problems


def _complete(entries, doc, parent, prefixes, problems) -> None:
    for entry in entries:
        number = entry.get("number")
        if isinstance(number, str) and number:
            id_ = f"{parent['id']}-{number}" if parent else f"{prefixes[0]}{number}"
            ref = f"{parent['source']['ref']}.{number}" if parent else f"{prefixes[1]}{number}"
            for field, value in (("id", id_), ("source", {"doc": doc, "ref": ref})):
                if field in entry:
                    problems.append(
                        (
                            "data/rules-text.yaml",
                            str(entry.get("id", id_)),
                            field,
                            f"follows from the number and the place ({value!r}): leave it out",
                        )
                    )
                else:
                    entry[field] = value
        if isinstance(entry.get("id"), str) and isinstance(entry.get("source"), dict):
            _complete(_dicts(entry.get("items")), doc, entry, prefixes, problems)


def rules_paragraphs(rules_text) -> dict[str, dict]:
    """ref -> entry, for the Rules' own entries of a completed rules-text."""
    found: dict[str, dict] = {}

    def walk(entries):
        for entry in entries:
            source = entry.get("source")
            if isinstance(source, dict) and source.get("doc") == RULES_DOC:
                found.setdefault(source.get("ref"), entry)
            walk(_dicts(entry.get("items")))

    for document in _dicts(rules_text.get("documents") if isinstance(rules_text, dict) else None):
        for part in _dicts(document.get("parts")):
            walk(_dicts(part.get("paragraphs")))
    return found


def paragraph_text(entry: dict, lang: str, part: int | None = None) -> str:
    """The words of a paragraph in one language: with its sub-paragraphs, or one of its parts."""
    text = entry["text"][lang]
    if part is not None:
        return text.split("\n")[part - 1]
    items = " ".join(f"{item.get('number', '')}) {item['text'][lang]}" for item in _dicts(entry.get("items")))
    return f"{text} {items}" if items else text


def complete_referral(referral, rules_text) -> list[Problem]:
    """Give every referral step its source and text from its paragraph, in place."""
    problems: list[Problem] = []
    paragraphs = rules_paragraphs(rules_text)
    steps = referral.get("steps") if isinstance(referral, dict) else None
    for step in _dicts(steps):
        where = ("data/referral.yaml", str(step.get("id", "")))
        paragraph = step.get("paragraph")
        if not isinstance(paragraph, str):
            continue
        for field in ("source", "text"):
            if field in step:
                problems.append((*where, field, "follows from the paragraph (rules-text.yaml): leave it out"))
        entry = paragraphs.get(paragraph)
        if entry is None or not _texts(entry):
            problems.append((*where, "paragraph", f"paragraph {paragraph} is not in data/rules-text.yaml"))
            continue
        part = step.get("part")
        if part is not None:
            count = min(len(entry["text"][lang].split("\n")) for lang in ("kk", "ru"))
            if not (isinstance(part, int) and not isinstance(part, bool) and 1 <= part <= count):
                problems.append((*where, "part", f"paragraph {paragraph} has parts 1 to {count}"))
                continue
        step.setdefault("source", {"doc": RULES_DOC, "ref": paragraph})
        step.setdefault("text", {lang: paragraph_text(entry, lang, part) for lang in ("kk", "ru")})
    return problems


def _texts(entry) -> bool:
    text = entry.get("text")
    items = _dicts(entry.get("items"))
    return (
        isinstance(text, dict)
        and all(isinstance(text.get(lang), str) for lang in ("kk", "ru"))
        and all(
            isinstance(i.get("text"), dict) and all(isinstance(i["text"].get(lang), str) for lang in ("kk", "ru"))
            for i in items
        )
    )


def _dicts(value) -> list[dict]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def complete(data: dict) -> list[Problem]:
    """Fill in what `data` (file name -> content) leaves to be derived; the problems found."""
    rules_text = data.get("rules-text")
    if rules_text is None:
        return []
    problems = complete_rules_text(rules_text)
    if "referral" in data:
        problems += complete_referral(data["referral"], rules_text)
    return problems
