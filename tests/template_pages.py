"""One page of the built site per page template, so that browser tests cover every template."""

from __future__ import annotations

from pathlib import Path

from build_scripts.data_files import DATA_DIR
from build_scripts.generate import page_list
from build_scripts.validate import check
from conftest import site_pages


def url_path(md_path: str) -> str:
    """The URL path a generated page is served at: `bodies/index.md` -> `bodies/`, `card.md` -> `card/`."""
    stem = md_path[: -len(".md")]
    if stem == "index":
        return ""
    return stem[: -len("index")] if stem.endswith("/index") else stem + "/"


def template_pages(site: Path) -> list[str]:
    """Kazakh URL paths: for each template the largest page it generates (the fullest test of it),
    and every page of the site that no template generates (hand-written pages).
    The Russian pages are the same paths under `ru/`."""
    built = [p for p in site_pages(site) if not p.startswith("ru/")]
    size = {p: (site / p / "index.html").stat().st_size for p in built}
    by_template: dict[str, list[str]] = {}
    for md_path, template, _ in page_list(check(DATA_DIR)):
        by_template.setdefault(template, []).append(url_path(md_path))
    generated = {p for paths in by_template.values() for p in paths}
    chosen = {max(paths, key=lambda p: size.get(p, -1)) for paths in by_template.values()}
    return sorted(chosen | (set(built) - generated))


def both_languages(paths: list[str]) -> list[str]:
    """Each Kazakh URL path and its Russian counterpart."""
    return [p for path in paths for p in (path, "ru/" + path)]
