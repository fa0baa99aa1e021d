"""What a page of the built site makes a browser download, found from the built files alone.

Counted, each file once, both uncompressed and as gzip sends it (level 6, what the README's
server setup and static hosts do): the page's HTML; every <script src>,
<link rel="stylesheet" href> and <img src>; what Material's JavaScript fetches on every page
load, as Material 9 does it: the search worker named in the page's `__config` and what it imports
(not the search index, fetched only when the reader first uses search), and `sitemap.xml` beside each
<link rel="alternate"> (the language selector); and files or folders under assets/ named by a
data-* attribute (what the checker's script fetches: its worker, wheel, data, the Pyodide
folder). Not counted: source maps, the favicon, anything fetched only on a user action, and
the offline service worker with the copy of the site it caches in the background (a download
of the whole site by design, once, for reading offline).
"""

from __future__ import annotations

import gzip
import json
import re
from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

ORIGIN = "http://site.invalid/"
IMPORTS = re.compile(r"""importScripts\(\s*["']([^"']+)["']""")


class _Refs(HTMLParser):
    """The URLs a page loads, its data-* values, inline script text, and Material's config."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.loads: list[str] = []
        self.alternates: list[str] = []
        self.data: list[str] = []
        self.text: list[str] = []
        self.config: dict = {}
        self.mermaid = False
        self._script: str | None = None

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        rel = a.get("rel", "").split()
        if tag in ("script", "img") and a.get("src"):
            self.loads.append(a["src"])
        elif tag == "link" and "stylesheet" in rel and a.get("href"):
            self.loads.append(a["href"])
        elif tag == "link" and "alternate" in rel and a.get("hreflang"):
            self.alternates.append(a["href"])
        self.data += [v for k, v in a.items() if k.startswith("data-") and v]
        self.text += a.values()
        self.mermaid |= "mermaid" in a.get("class", "").split()
        self._script = a.get("id", "") if tag == "script" else None

    def handle_endtag(self, tag):
        if tag == "script":
            self._script = None

    def handle_data(self, data):
        if self._script is None:
            return
        self.text.append(data)
        if self._script == "__config":
            self.config = json.loads(data)


@dataclass
class PageLoad:
    """One page: every file it loads (site path -> bytes), the scripts among them, and what its
    markup says (attribute values and inline scripts, where a script names what it fetches)."""

    path: str
    files: dict[str, int] = field(default_factory=dict)
    scripts: list[str] = field(default_factory=list)
    markup: str = ""
    mermaid: bool = False
    missing: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        """Uncompressed bytes."""
        return sum(self.files.values())

    def transferred(self, site: Path) -> int:
        """Bytes on the wire when the server compresses with gzip (level 6)."""
        return sum(gzipped_size(site / name) for name in self.files)


@cache
def gzipped_size(file: Path) -> int:
    """The size of the file compressed with gzip at level 6 (deterministic: no timestamp)."""
    return len(gzip.compress(file.read_bytes(), compresslevel=6, mtime=0))


def html_file(site: Path, path: str) -> Path:
    """The file a URL path is served from: `ru/card/` -> ru/card/index.html, `404.html` itself."""
    return site / path if path.endswith(".html") else site / path / "index.html"


def _site_path(url: str) -> str | None:
    """`http://site.invalid/assets/x.js` -> `assets/x.js`; None for another host."""
    parts = urlsplit(url)
    if f"{parts.scheme}://{parts.netloc}/" != ORIGIN:
        return None
    return unquote(parts.path).lstrip("/")


def _search_files(config: dict, page_url: str, site: Path) -> list[str]:
    """Material's search at page load: the worker named in the config, and the scripts that
    worker imports (the site's search worker imports Material's). The index and the lunr
    language files follow only when the reader first uses search
    (overrides/partials/javascripts/base.html), so they are not counted."""
    worker = urljoin(page_url, config["search"])
    source = (site / _site_path(worker)).read_text(encoding="utf-8")
    imported = [urljoin(worker, name) for name in IMPORTS.findall(source)]
    return [worker, *imported]


def page_load(site: Path, path: str) -> PageLoad:
    """Everything the page at URL path `path` (`ru/card/`, `404.html`) loads, by site path."""
    html = html_file(site, path)
    page_url = ORIGIN + path
    refs = _Refs()
    refs.feed(html.read_text(encoding="utf-8"))
    load = PageLoad(
        path,
        {html.relative_to(site).as_posix(): html.stat().st_size},
        markup="\n".join(refs.text),
        mermaid=refs.mermaid,
    )
    wanted = [urljoin(page_url, ref) for ref in refs.loads]
    if refs.config.get("search"):
        wanted += _search_files(refs.config, page_url, site)
    optional = [urljoin(urljoin(page_url, alt), "sitemap.xml") for alt in refs.alternates]
    optional += [u for u in (urljoin(page_url, v) for v in refs.data) if (_site_path(u) or "").startswith("assets/")]
    for url in wanted + optional:
        rel = _site_path(url)
        target = site / rel if rel is not None else None
        if target is None or not target.exists():
            if url in wanted:
                load.missing.append(url)
            continue
        for file in sorted(target.rglob("*")) if target.is_dir() else [target]:
            if file.is_file():
                load.files[file.relative_to(site).as_posix()] = file.stat().st_size
        if target.suffix in (".js", ".mjs"):
            load.scripts.append(rel)
    return load
