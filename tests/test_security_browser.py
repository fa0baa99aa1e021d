"""No script from the data runs, and the site works under its Content-Security-Policy.

- Injection: a copy of data/ with script payloads in every text field is built and every page
  crawled in Chromium (CSP bypassed, so that escaping alone is tested): nothing runs.
- CSP: the site served with the policy as a header (as the README's nginx example does, which
  also reaches the checker's worker): home, a content page, search and the checker run with no
  violation, and the checker gives a result.
"""

from __future__ import annotations

import functools
import re
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from build_scripts.build import build
from build_scripts.security import CSP, inline_code
from conftest import ROOT, site_pages
from injection_data import poisoned_copy
from polling import poll

pytestmark = pytest.mark.browser


class _Handler(SimpleHTTPRequestHandler):
    headers_to_add: dict = {}

    def end_headers(self):
        for name, value in self.headers_to_add.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, *args):
        pass


class _Server(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass


@pytest.fixture(scope="module")
def serve():
    """serve(folder, headers) -> base URL; every server stops at the end of the module."""
    servers = []

    def start(folder: Path, headers: dict | None = None) -> str:
        handler = type("Handler", (_Handler,), {"headers_to_add": headers or {}})
        server = _Server(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def poisoned_site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("poisoned")
    assert poisoned_copy(ROOT / "data", out / "data") > 500
    return build(data_dir=out / "data", docs_dir=out / "docs", site_dir=out / "site")


def test_no_page_of_the_built_site_has_inline_code(built_site):
    pages = sorted(built_site.rglob("*.html"))
    assert pages
    assert [
        (p.name, inline_code(p.read_text(encoding="utf-8")))
        for p in pages
        if inline_code(p.read_text(encoding="utf-8"))
    ] == []


def test_every_page_carries_the_policy(built_site):
    meta = f'<meta http-equiv="Content-Security-Policy" content="{CSP.replace(chr(39), "&#39;")}">'
    missing = [p for p in built_site.rglob("*.html") if p.stat().st_size and meta not in p.read_text(encoding="utf-8")]
    assert missing == []


def test_readme_nginx_example_sends_the_same_policy():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f'add_header Content-Security-Policy "{CSP}" always;' in readme


def test_no_payload_runs_on_any_page(poisoned_site, serve, browser):
    url = serve(poisoned_site)
    context = browser.new_context(bypass_csp=True, service_workers="block")
    context.route(re.compile(r".*/assets/pyodide/.*"), lambda route: route.abort())
    context.add_init_script("window.__pwned = 0")
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    pages = site_pages(poisoned_site)
    assert len(pages) > 100
    shown = 0
    for path in pages:
        page.goto(url + path, wait_until="load")
        assert page.evaluate("window.__pwned") == 0, path
        shown += "window.__pwned=1" in page.title() or "window.__pwned=1" in page.inner_text("body")
    # the search: payload text in the index, shown as results
    page.goto(url + "indicators/")
    page.locator("input.md-search__input").focus()
    box = page.locator("input.md-search__input")
    box.fill("onerror")
    box.press("End")
    poll(page, "document.querySelectorAll('.md-search-result__list > li').length > 0")
    assert page.evaluate("window.__pwned") == 0
    assert dialogs == []
    assert shown > len(pages) / 2  # the payloads are on the pages, as text
    context.close()


@pytest.fixture(scope="module")
def csp_url(built_site, serve) -> str:
    return serve(built_site, {"Content-Security-Policy": CSP})


@pytest.fixture
def strict_page(browser):
    """A page under the real policy (no bypass), collecting every violation it reports."""
    context = browser.new_context()
    page = context.new_page()
    violations = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    page.on("pageerror", lambda e: violations.append(str(e)) if "Content Security Policy" in str(e) else None)
    context.add_init_script("""document.addEventListener('securitypolicyviolation',
        e => (window.__violations = window.__violations || []).push(e.violatedDirective + ' ' + e.blockedURI))""")
    yield page, violations
    context.close()


def violations_of(page, logged):
    return logged + (page.evaluate("window.__violations || []"))


@pytest.mark.parametrize("path", ["", "ru/", "procedure/rules/", "ru/card/", "training/"])
def test_pages_run_under_the_policy_header(csp_url, strict_page, path):
    page, logged = strict_page
    response = page.goto(csp_url + path, wait_until="load")
    assert CSP in response.headers["content-security-policy"]
    page.wait_for_load_state("networkidle")
    assert violations_of(page, logged) == []


def test_search_runs_under_the_policy_header(csp_url, strict_page):
    page, logged = strict_page
    page.goto(csp_url + "ru/indicators/")
    page.locator("input.md-search__input").focus()
    box = page.locator("input.md-search__input")
    box.fill("индикаторы")
    box.press("End")
    poll(page, "document.querySelectorAll('.md-search-result__list > li').length > 0")
    assert violations_of(page, logged) == []


def test_checker_gives_a_result_under_the_policy_header(csp_url, strict_page):
    page, logged = strict_page
    page.goto(csp_url + "checker/")
    state = poll(page, "(s => s !== 'loading' && s)(document.getElementById('checker-status').dataset.state)")
    assert state == "ready", page.inner_text("#checker-status")
    page.fill("input[name=age]", "15")
    page.click("#checker-run")
    page.wait_for_selector("#checker-result:not([hidden])")
    assert page.locator("#checker-result li[data-step]").count() > 0
    assert violations_of(page, logged) == []
