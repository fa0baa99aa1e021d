"""Write sw.js, the offline service worker, into the built site (see service_worker.js).

Runs after MkDocs, when the file list is final; every list is discovered from the built site:
- first visit: every page and every small asset (the checker's start scripts included, so an
  offline reader who never opened the checker gets its message rather than endless loading);
- on use: the search indexes and any large file, saved when a page first asks for it;
- checker: the content-hashed Pyodide core and checker bundle (build_scripts/checker_assets.py), saved
  after the checker page has loaded them once.
Pages are listed by their served URL (`indicators/`), other files by path, each with the hash
of its content, so a new build re-downloads only what changed.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

TEMPLATE = Path(__file__).resolve().parent / "service_worker.js"
#: Files no page needs offline.
SKIPPED = ("sitemap.xml", "sitemap.xml.gz", "sw.js")
#: Pre-compressed siblings (build_scripts/precompress.py) are for servers, not for the cache.
SIBLINGS = (".gz", ".br")
#: lunr language support Material ships; the site searches in Kazakh and Russian only.
LUNR_DIR = "assets/javascripts/lunr/"
LUNR_KEPT = ("lunr.stemmer.support.min.js", "lunr.multi.min.js", "lunr.ru.min.js", "lunr.kk.min.js")
#: Larger files wait until a page asks for them.
SMALL_BYTES = 256 * 1024
#: A directory named by a content hash (checker_assets.py): its files never change, so are cached for good.
HASHED_DIR = re.compile(r"(^|/)[0-9a-f]{16}/")


def cache_url(path: str) -> str:
    """`ru/indicators/index.html` -> `ru/indicators/`; the home page -> `./`."""
    if path == "index.html":
        return "./"
    if path.endswith("/index.html"):
        return path[: -len("index.html")]
    return path


def site_files(site: Path) -> list[str]:
    """Every file a reader may need offline."""
    return sorted(
        name
        for name in (p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
        if Path(name).name not in SKIPPED
        and not name.endswith((".map", *SIBLINGS))
        and (not name.startswith(LUNR_DIR) or Path(name).name in LUNR_KEPT)
    )


def kind(site: Path, name: str) -> str:
    """ "checker", "on_use" or "first_visit": when the service worker saves the file."""
    if HASHED_DIR.search(name):
        return "checker"
    if name.endswith(".html"):
        return "first_visit"
    if "search/" in name or (site / name).stat().st_size > SMALL_BYTES:
        return "on_use"
    return "first_visit"


def service_worker_lists(site: Path) -> dict[str, dict[str, str]]:
    """{"first_visit" | "on_use" | "checker": {url: content hash}} for the built site."""
    lists: dict[str, dict[str, str]] = {"first_visit": {}, "on_use": {}, "checker": {}}
    for name in site_files(site):
        digest = hashlib.sha256((site / name).read_bytes()).hexdigest()[:16]
        lists[kind(site, name)][cache_url(name)] = digest
    return lists


def write_service_worker(site: Path) -> Path:
    """site/sw.js with the lists of the built site; its version is a hash of them all."""
    lists = service_worker_lists(site)
    version = hashlib.sha256(json.dumps(lists, sort_keys=True).encode()).hexdigest()[:16]
    script = (
        TEMPLATE.read_text(encoding="utf-8")
        .replace("__VERSION__", version)
        .replace("__FIRST_VISIT__", json.dumps(lists["first_visit"]))
        .replace("__ON_USE__", json.dumps(lists["on_use"]))
        .replace("__CHECKER__", json.dumps(lists["checker"]))
    )
    target = site / "sw.js"
    target.write_text(script, encoding="utf-8")
    return target
