"""The offline copy never keeps a reader on an old text, and never fails as a whole.

- A returning reader sees a rebuilt site's new text on the first view (pages network-first).
- The first visit saves pages and small assets one by one: a file that fails is the only one
  missing; offline, a saved page says it is a saved copy and when it was saved.
- The first visit saves neither the search indexes nor Pyodide; the checker's start scripts are
  saved, so an offline reader who never opened the checker gets a message, not endless loading.
- The checker's first visit downloads Pyodide's WebAssembly once, then it is kept.
- No page asks for PAGE/sitemap.xml (no 404 at all).
"""

from __future__ import annotations

import functools
import os
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from build_scripts.build import build
from conftest import ROOT
from polling import poll

pytestmark = pytest.mark.browser
WAIT_MS = 120_000  # a hang fails the test; not a speed test

SAVED_KEYS = """async () => {
    const cache = await caches.open('bagdar-site');
    return (await cache.keys()).map((request) => new URL(request.url).pathname);
}"""


class _Handler(SimpleHTTPRequestHandler):
    requested: list

    def log_message(self, *args):
        pass

    def send_response(self, code, message=None):
        self.requested.append((self.path, code))
        super().send_response(code, message)


class _Server(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass


@pytest.fixture
def served(tmp_path):
    """(URL, the requests the server answered, link, stop): the site under `link`, a symlink
    the test may point at another build; stop() takes the server away (a real network failure:
    Chromium's offline emulation does not reach the service worker's own requests)."""
    link = tmp_path / "served"
    requested: list = []
    handler = type("Handler", (_Handler,), {"requested": requested})
    server = _Server(("127.0.0.1", 0), functools.partial(handler, directory=str(link)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    running = [True]

    def stop():
        if running.pop():
            server.shutdown()
            server.server_close()

    yield f"http://127.0.0.1:{server.server_address[1]}/", requested, link, stop
    if running:
        stop()


def point(link: Path, site: Path) -> None:
    if link.is_symlink():
        link.unlink()
    os.symlink(site, link)


def wait_until_saved(page, path: str) -> None:
    poll(page, f"async (path) => (await ({SAVED_KEYS})()).some((key) => key.endsWith(path))", path)


def install(page, url: str) -> None:
    """Visit url and wait until the service worker is active and controls the page."""
    page.goto(url)
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.reload()
    page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=WAIT_MS)


def test_a_rebuilt_text_shows_on_the_first_view(tmp_path, built_site, served, page):
    url, _, link, _ = served
    point(link, built_site)
    install(page, url + "indicators/")
    wait_until_saved(page, "/indicators/")
    old_version = page.inner_text("[data-edition-version]")
    assert "ЖАҢА МӘТІН" not in page.inner_text("footer")

    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    sources = data / "sources.yaml"
    text = sources.read_text(encoding="utf-8")
    sources.write_text(
        text.replace(
            'short: {kk: "Қайта бағыттау қағидалары"', 'short: {kk: "Қайта бағыттау қағидалары ЖАҢА МӘТІН"', 1
        ),
        encoding="utf-8",
    )
    rebuilt = build(data_dir=data, docs_dir=tmp_path / "docs", site_dir=tmp_path / "site")
    point(link, rebuilt)

    page.goto(url + "indicators/")
    assert "ЖАҢА МӘТІН" in page.inner_text("footer")
    assert page.inner_text("[data-edition-version]") != old_version
    assert page.locator("[data-edition-notice=saved]").is_hidden()


def test_a_failed_file_costs_only_that_file(built_site, served, context, page):
    url, _, link, stop = served
    point(link, built_site)
    context.route("**/ru/glossary/", lambda route: route.abort())
    install(page, url)
    wait_until_saved(page, "/ru/procedure/rules/")
    poll(page, f"async () => (await ({SAVED_KEYS})()).length > 200")
    saved = page.evaluate(SAVED_KEYS)
    assert "/ru/glossary/" not in saved
    for kept in (
        "/",
        "/ru/",
        "/glossary/",
        "/assets/checker/checker-start.js",
        "/assets/checker/checker-worker.js",
        "/assets/checker/checker-page.js",
        "/assets/checker/case-file.js",
    ):
        assert kept in saved, kept
    assert not [key for key in saved if "search_index" in key or "/assets/pyodide/" in key]
    context.unroute("**/ru/glossary/")

    stop()
    page.goto(url + "ru/procedure/rules/")
    assert page.locator("h1").count() == 1
    assert page.locator("[data-edition-notice=saved]").is_visible()
    assert page.locator("[data-saved-date]").get_attribute("datetime")
    page.goto(url + "ru/glossary/")
    assert page.locator("h1").inner_text() == "404"

    # the checker was never opened online: a clear message, not endless loading
    page.goto(url + "ru/checker/")
    page.wait_for_function("document.getElementById('checker-status').dataset.state === 'failed'", timeout=WAIT_MS)
    assert "интернет" in page.inner_text("#checker-status")


def test_the_checkers_webassembly_is_downloaded_once_then_kept(built_site, served, page):
    url, requested, link, _ = served
    point(link, built_site)
    page.goto(url + "checker/")
    page.wait_for_function("document.getElementById('checker-status').dataset.state === 'ready'", timeout=WAIT_MS)
    wait_until_saved(page, "/pyodide.asm.wasm")
    wasm = [path for path, _ in requested if path.endswith("/pyodide.asm.wasm")]
    assert len(wasm) == 1, wasm


def test_no_request_fails_and_no_sitemap_is_asked_for(built_site, served, page):
    url, requested, link, _ = served
    point(link, built_site)
    for path in ("", "indicators/", "ru/card/", "procedure/rules/"):
        page.goto(url + path, wait_until="networkidle")
    assert [path for path, _ in requested if "sitemap" in path] == []
    assert [(path, code) for path, code in requested if code >= 400] == []
