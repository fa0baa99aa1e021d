"""Shared fixtures: the site built once from data/, served on 127.0.0.1, and Chromium set up."""

from __future__ import annotations

import functools
import os
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlparse

import pytest

from build_scripts.build import build

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The whole site, built from the repository's data/ into a temporary folder."""
    out = tmp_path_factory.mktemp("build")
    return build(docs_dir=out / "docs", site_dir=out / "site")


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class _QuietServer(ThreadingHTTPServer):
    """A browser that drops a connection (navigation, offline test) is not an error here."""

    def handle_error(self, request, client_address):
        pass


@pytest.fixture(scope="session")
def site_url(built_site) -> str:
    """http://127.0.0.1:PORT/ serving the built site, as any static web server would."""
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's Chromium when present (Playwright's own download does not work here)."""
    args = {**browser_type_launch_args, "args": CHROMIUM_FLAGS}
    if CHROMIUM:
        args["executable_path"] = CHROMIUM
    return args


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """Playwright's wait_for_function(string) polls with eval(), which the site's
    Content-Security-Policy blocks; tests of the policy itself (test_security_browser.py) make
    their own contexts without this."""
    return {**browser_context_args, "bypass_csp": True}


@pytest.fixture
def foreign_requests(context) -> list[str]:
    """Every request to a host other than 127.0.0.1, aborted and recorded; tests assert it stays empty."""
    seen: list[str] = []

    def guard(route):
        url = urlparse(route.request.url)
        if url.scheme in ("http", "https", "ws", "wss") and url.hostname != "127.0.0.1":
            seen.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    context.route("**/*", guard)
    return seen


def site_pages(site: Path) -> list[str]:
    """Every page of the built site as a URL path (`ru/sources/`), 404 page excluded."""
    pages = []
    for html in sorted(site.rglob("index.html")):
        rel = html.parent.relative_to(site).as_posix()
        if rel.startswith("assets"):
            continue
        pages.append("" if rel == "." else rel + "/")
    return pages
