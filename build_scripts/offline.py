"""Write sw.js, the offline service worker, into the built site: it precaches the whole site.

Runs after MkDocs, when the file list is final. Pages are cached by their served URL
(`indicators/`), other files by path. The version is a hash of every cached file, so any
change of content makes browsers install the new worker and drop the old cache.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

TEMPLATE = Path(__file__).resolve().parent / "service_worker.js"
#: Heavy files cached when the checker page asks (or fetches them), not on every first visit.
CHECKER_PREFIXES = ("assets/pyodide/", "assets/checker/")
#: Files no page needs offline.
SKIPPED = ("sitemap.xml", "sitemap.xml.gz", "sw.js")
#: Pre-compressed siblings (build_scripts/precompress.py) are for servers, not for the cache.
SIBLINGS = (".gz", ".br")
#: lunr language support Material ships; the site searches in Kazakh and Russian only.
LUNR_DIR = "assets/javascripts/lunr/"
LUNR_KEPT = ("lunr.stemmer.support.min.js", "lunr.multi.min.js", "lunr.ru.min.js", "lunr.kk.min.js")


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
        name for name in (p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
        if Path(name).name not in SKIPPED and not name.endswith((".map", *SIBLINGS))
        and (not name.startswith(LUNR_DIR) or Path(name).name in LUNR_KEPT))


def write_service_worker(site: Path) -> Path:
    """site/sw.js listing every file of the site."""
    files = site_files(site)
    digest = hashlib.sha256()
    for name in files:
        digest.update(name.encode())
        digest.update((site / name).read_bytes())
    core = [cache_url(f) for f in files if not f.startswith(CHECKER_PREFIXES)]
    checker = [cache_url(f) for f in files if f.startswith(CHECKER_PREFIXES)]
    script = (TEMPLATE.read_text(encoding="utf-8")
              .replace("__VERSION__", digest.hexdigest()[:16])
              .replace("__CORE__", json.dumps(core))
              .replace("__CHECKER__", json.dumps(checker)))
    target = site / "sw.js"
    target.write_text(script, encoding="utf-8")
    return target
