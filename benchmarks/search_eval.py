"""How often the site's search puts the right page in its top 3, Material's default vs ours.

Builds the site twice into a temporary folder (Material's own search, `language_search=False`,
and ours), serves each on 127.0.0.1, types every query into the real search box in headless
Chromium and reads the result list. The queries are in search_queries/ (one YAML file per set).
Prints the top-3 hit rate per setup, set and language, and the queries ours misses; writes the
figures to benchmarks/results/search_eval.json.

Usage (from anywhere): .venv/bin/python benchmarks/search_eval.py   (about a minute)
"""

from __future__ import annotations

import functools
import json
import logging
import sys
import tempfile
import threading
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlparse

import yaml
from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script: make build_scripts importable

from benchmarks.search_box import open_search, result_links  # noqa: E402
from build_scripts.build import build  # noqa: E402
from tests.chromium import EXECUTABLE as CHROMIUM  # noqa: E402
from tests.chromium import FLAGS as CHROMIUM_FLAGS  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results" / "search_eval.json"
TOP = 3
QUERY_SETS = ROOT / "benchmarks" / "search_queries"
#: The query sets, in the order reported: the texts' own terms, then readers' everyday words.
SETS = ("terms", "everyday", "held-out")


def query_sets() -> dict[str, dict[str, list[dict]]]:
    """Each set present in search_queries/: language -> [{q, want: [pages from its root]}]."""
    files = {name: QUERY_SETS / f"{name}.yaml" for name in SETS}
    return {name: yaml.safe_load(path.read_text(encoding="utf-8")) for name, path in files.items() if path.exists()}


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextmanager
def served(site: Path):
    """http://127.0.0.1:PORT/ serving the site while in the block."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def top_pages(page: Page, site_url: str, query: str) -> list[str]:
    """The pages of the first TOP results for a query typed into the open page's search box."""
    return [urlparse(href.removeprefix(site_url)).path for href in result_links(page, query)[:TOP]]


def evaluate(page: Page, site_url: str, queries: dict[str, list[dict]]) -> dict:
    """Per language: hits, total, rate, and the queries none of whose pages is in the top 3."""
    figures = {}
    for lang, entries in queries.items():
        root = "" if lang == "kk" else f"{lang}/"
        page.goto(site_url + root)
        open_search(page)
        misses = []
        for entry in entries:
            found = [path.removeprefix(root) for path in top_pages(page, site_url, entry["q"])]
            if not set(entry["want"]) & set(found):
                misses.append({"query": entry["q"], "want": entry["want"], "top": found})
        hits = len(entries) - len(misses)
        figures[lang] = {"hits": hits, "total": len(entries), "rate": round(hits / len(entries), 3), "misses": misses}
    return figures


def main() -> None:
    logging.basicConfig(level=logging.WARNING)
    sets = query_sets()
    results = {}
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        for setup, language_search in (("default", False), ("ours", True)):
            out = Path(tmp) / setup
            site = build(docs_dir=out / "docs", site_dir=out / "site", language_search=language_search)
            with served(site) as site_url:
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                results[setup] = {name: evaluate(page, site_url, queries) for name, queries in sets.items()}
                page.close()
        browser.close()
    for setup, by_set in results.items():
        for name, figures in by_set.items():
            rates = ", ".join(f"{lang} {f['hits']}/{f['total']} = {f['rate']:.0%}" for lang, f in figures.items())
            print(f"top-{TOP} hit rate, {setup}, {name}: {rates}")
    for name, figures in results["ours"].items():
        for lang, by_lang in figures.items():
            for miss in by_lang["misses"]:
                print(f"  ours misses ({name}, {lang}) {miss['query']!r}: want {miss['want']}, top {miss['top']}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
