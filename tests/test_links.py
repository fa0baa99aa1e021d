"""Every link inside the built site leads to a page or file that exists, and to an anchor that
exists on it: a reader following a citation lands on the paragraph."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from conftest import parse_page, site_pages

ORIGIN = "http://site.invalid/"


def served_file(site: Path, path: str) -> Path | None:
    target = site / path
    if target.is_dir() or path.endswith("/") or path == "":
        target = target / "index.html"
    return target if target.is_file() else None


def test_every_internal_link_and_anchor_exists(built_site):
    broken = []
    for path in site_pages(built_site) + ["404.html"]:
        file = built_site / path / "index.html" if not path.endswith(".html") else built_site / path
        page = parse_page(file)
        for href in page.hrefs:
            url = urlsplit(urljoin(ORIGIN + path, href))
            if f"{url.scheme}://{url.netloc}/" != ORIGIN:
                continue  # tel:, blob: and the like
            target = served_file(built_site, unquote(url.path).lstrip("/"))
            if target is None:
                broken.append(f"{path or '/'}: {href}: no such page or file")
                continue
            if url.fragment and target.suffix == ".html":
                ids = parse_page(target).ids
                if unquote(url.fragment) not in ids:
                    broken.append(f"{path or '/'}: {href}: no anchor #{url.fragment}")
    assert broken == [], f"{len(broken)} broken links, e.g.:\n" + "\n".join(sorted(set(broken))[:30])
