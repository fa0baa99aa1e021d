"""Abbreviations expanded site-wide: data/abbreviations.yaml becomes one glossary file per
language, `*[АӘҚ]: арнаулы әлеуметтік қызметтер` lines that Python-Markdown's `abbr` extension
turns into <abbr title> (Material shows them as tooltips). Every generated page of a language
ends with a pymdownx.snippets include of its language's file, so the Kazakh pages expand the
Kazakh abbreviations and the Russian pages the Russian ones."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from markupsafe import Markup

from build_scripts.markup import escape_attr

SNIPPETS = "snippets"  # beside the generated docs folder (build/docs -> build/snippets)


def file_name(lang: str) -> str:
    return f"abbreviations.{lang}.md"


def entries(data: dict, lang: str) -> dict[str, str]:
    """abbreviation -> expansion for one language."""
    return {a["abbr"]: a["expansion"] for a in data["abbreviations"]["abbreviations"] if a["lang"] == lang}


def glossary(data: dict, lang: str) -> str:
    return "".join(f"*[{abbr}]: {expansion}\n" for abbr, expansion in entries(data, lang).items())


def include(lang: str) -> str:
    """The line a page ends with to pull in its language's glossary."""
    return f'\n\n--8<-- "{file_name(lang)}"\n'


def snippets_dir(docs_dir: Path) -> Path:
    return Path(docs_dir).parent / SNIPPETS


def write_glossaries(data: dict, docs_dir: Path, langs) -> Path:
    """Write the per-language glossary files next to docs_dir; returns their folder."""
    folder = snippets_dir(docs_dir)
    folder.mkdir(parents=True, exist_ok=True)
    for lang in langs:
        (folder / file_name(lang)).write_text(glossary(data, lang), encoding="utf-8")
    return folder


def mark(text: Markup, expansions: dict[str, str]) -> Markup:
    """Escaped page text with each abbreviation of `expansions` as <abbr title>: for text that
    reaches raw HTML blocks, where Markdown's `abbr` does not look. The abbreviation's first
    letter is written as a character reference (as markup.escape_text does for syntax
    characters) so that `abbr`, where the text also passes through Markdown, does not wrap it
    a second time."""
    if not expansions:
        return text
    pattern = _pattern(tuple(sorted(expansions, key=len, reverse=True)))

    def wrap(match: re.Match) -> str:
        abbr = match.group(0)
        return f'<abbr title="{escape_attr(expansions[abbr])}">&#{ord(abbr[0])};{abbr[1:]}</abbr>'

    return Markup(pattern.sub(wrap, str(text)))


@cache
def _pattern(abbrs: tuple[str, ...]) -> re.Pattern:
    return re.compile(r"(?<![\w&#;])(?:" + "|".join(map(re.escape, abbrs)) + r")(?!\w)")
