"""Every place the data and the checker cite must exist in the bundled text it names.

`source: {doc, ref}` anywhere in data/ (a referral step's is its paragraph, checker/derived.py),
the paragraph of each rule of checker/routing.py and the `ref` of each block of the law's text
are resolved against build_scripts/source_index.py; each one that does not resolve is a problem.
"""

from __future__ import annotations

from build_scripts.citations import LAW_DOC, RULES_DOC
from build_scripts.data_files import Problem
from build_scripts.source_index import indexes
from checker.routing import RULES


def _missing(doc: str, ref) -> str | None:
    """Why `ref` does not resolve in `doc`, or None when it does (or `doc` has no bundled text)."""
    index = indexes().get(doc)
    if index is None or (isinstance(ref, str) and ref in index):
        return None
    return f"{ref!r} does not exist in {doc}"


def _walk(node, file: str, entry: str, path: list[str], problems: list[Problem]) -> None:
    if isinstance(node, dict):
        if isinstance(node.get("id"), str):
            entry, path = node["id"], []
        elif isinstance(node.get("article"), int):
            entry, path = f"art-{node['article']}", []
        source = node.get("source")
        if isinstance(source, dict) and isinstance(source.get("doc"), str):
            if why := _missing(source["doc"], source.get("ref")):
                problems.append(Problem(file, entry, ".".join(path + ["source", "ref"]), why))
        for key, value in node.items():
            if key != "source":
                _walk(value, file, entry, path + [str(key)], problems)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            where = path[:-1] + [f"{path[-1]}[{index}]"] if path else [f"[{index}]"]
            _walk(value, file, entry, where, problems)


def unresolved(data: dict) -> list[Problem]:
    """Every citation of the data (and the checker's rules) that names no printed place."""
    problems: list[Problem] = []
    for name, document in data.items():
        _walk(document, f"data/{name}.yaml", "", [], problems)
    seen: set = set()
    for article in (data.get("law-text") or {}).get("articles") or []:
        if not isinstance(article, dict):
            continue
        if article.get("article") in seen:
            problems.append(
                Problem("data/law-text.yaml", f"art-{article.get('article')}", "article", "the article is listed twice")
            )
        seen.add(article.get("article"))
        for index, block in enumerate(article.get("blocks") or []):
            if isinstance(block, dict) and (why := _missing(LAW_DOC, block.get("ref"))):
                problems.append(
                    Problem("data/law-text.yaml", f"art-{article.get('article')}", f"blocks[{index}].ref", why)
                )
    for rule in RULES:
        if why := _missing(RULES_DOC, rule.paragraph):
            problems.append(Problem("checker/routing.py", rule.step, "paragraph", why))
    return problems
