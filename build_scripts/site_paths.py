"""Where a generated page is served: the one place that turns a page's source path
(`procedure/rules.md`) into its URL (`procedure/rules/`, `ru/procedure/rules/`).

MkDocs serves `x.md` at `x/` and `x/index.md` at `x/`, the Kazakh pages at the site root and the
Russian ones under `ru/`. Links in raw HTML and scripts are not rewritten by MkDocs, so pages,
the search index and the pocket card's QR code take their URLs from here.
"""

from __future__ import annotations

import posixpath

#: The site's languages, the default (served at the root) first.
LANGS = ("kk", "ru")


def served(page: str) -> str:
    """`procedure/rules.md` -> `procedure/rules/`, `bodies/index.md` -> `bodies/`, `index.md` -> ``."""
    stem = page.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("index") if stem.endswith("/index") else stem + "/"


def lang_root(lang: str) -> str:
    """The folder of a language's pages: `` for Kazakh, `ru/` for Russian."""
    return "" if lang == LANGS[0] else f"{lang}/"


def relative(page: str, target: str) -> str:
    """The URL of `target` (a page path, optionally with `#anchor`) as a link from `page`."""
    path, _, fragment = target.partition("#")
    rel = posixpath.relpath(served(path) or ".", served(page) or ".")
    rel = "" if rel == "." else rel + "/"
    return rel + (f"#{fragment}" if fragment else "")


def to_root(page: str, lang: str) -> str:
    """The way from `page`, served in `lang`, up to the site's root folder (`../../`)."""
    depth = len([part for part in served(page).split("/") if part]) + (lang != LANGS[0])
    return "../" * depth
