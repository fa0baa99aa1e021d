"""The navigation's titles come from the data, not from mkdocs.yml: its `nav:` names each
entry by the id of a data/ui.yaml label or of a data/sources.yaml document (its short title),
so a translator fixes a title in one place and the page and the menu agree. The Kazakh text
becomes the nav title and the Russian one mkdocs-static-i18n's `nav_translations`. Both are
HTML-escaped: the theme prints a nav title as it is, and the data is text, never markup."""

from __future__ import annotations

from html import escape

from build_scripts.data_files import DataError, Problem

#: The language whose titles MkDocs builds the nav with (mkdocs-static-i18n's default).
DEFAULT_LANG = "kk"


def titles(data: dict) -> dict[str, dict[str, str]]:
    """Every id a nav entry may name -> its text per language, as HTML."""
    found = {label["id"]: label["text"] for label in data["ui"]["labels"]}
    for doc in data["sources"]["documents"]:
        if "short" in doc:
            found.setdefault(doc["id"], doc["short"])
    return {key: {lang: escape(value) for lang, value in text.items()} for key, text in found.items()}


def label_ids(nav: list) -> list[str]:
    """The ids a nav names, in order (sections and pages)."""
    ids = []
    for item in nav:
        if isinstance(item, dict):
            for key, value in item.items():
                ids.append(key)
                if isinstance(value, list):
                    ids += label_ids(value)
    return ids


def _titled(nav: list, text: dict[str, dict[str, str]]) -> list:
    out = []
    for item in nav:
        if not isinstance(item, dict):
            out.append(item)
            continue
        out.append(
            {
                text[key][DEFAULT_LANG]: _titled(value, text) if isinstance(value, list) else value
                for key, value in item.items()
            }
        )
    return out


def apply(config, data: dict) -> None:
    """Replace the ids of config.nav by their Kazakh titles and give every other language of
    the i18n plugin the translations; DataError (mkdocs.yml, id, nav) for an unknown id."""
    if config.get("_bagdar_nav_ids") is None:  # `mkdocs serve` may hand back an already titled config
        config["_bagdar_nav_ids"] = config.nav
    nav = config["_bagdar_nav_ids"]
    text = titles(data)
    unknown = [
        Problem("mkdocs.yml", key, "nav", "no data/ui.yaml label or data/sources.yaml document has this id")
        for key in label_ids(nav)
        if key not in text
    ]
    if unknown:
        raise DataError(unknown)
    by_title = {}
    for key in label_ids(nav):  # the translations are keyed by the Kazakh title
        if by_title.setdefault(text[key][DEFAULT_LANG], text[key]) != text[key]:
            raise DataError(
                [Problem("mkdocs.yml", key, "nav", "another entry has this Kazakh title and a different translation")]
            )
    config.nav = _titled(nav, text)
    i18n = config.plugins.get("i18n")
    for language in i18n.config.languages if i18n else ():
        if language.locale != DEFAULT_LANG:
            language.nav_translations = {text[key][DEFAULT_LANG]: text[key][language.locale] for key in label_ids(nav)}
