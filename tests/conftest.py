"""Shared fixtures: the site built once from data/, served on 127.0.0.1, Chromium set up, a copy
of the data to break, and the parser of built pages."""

from __future__ import annotations

import functools
import shutil
import threading
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml

from build_scripts.build import build
from build_scripts.data_files import DATA_DIR
from chromium import EXECUTABLE as CHROMIUM
from chromium import FLAGS as CHROMIUM_FLAGS

ROOT = Path(__file__).resolve().parent.parent


@pytest.hookimpl(tryfirst=True)  # before `-m` selects by marker
def pytest_collection_modifyitems(items):
    """A test that drives the browser (uses `page`) is a browser test even without the marker."""
    for item in items:
        if "page" in getattr(item, "fixturenames", ()) and not item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A copy of the repository's data/ that a test may break."""
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def edit_yaml(data_dir: Path, name: str, change) -> dict:
    """Load data_dir/NAME.yaml, let `change` mutate it, write it back; returns the document."""
    path = Path(data_dir) / f"{name}.yaml"
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(document)
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return document


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


class PageParser(HTMLParser):
    """A built page's element ids, its links (href, and the `data-step` block they are in) and
    the text of each `data-step` block."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, str]] = []
        self.step_text: dict[str, str] = {}
        self._step, self._depth = "", 0

    @property
    def hrefs(self) -> list[str]:
        return [href for href, _ in self.links]

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "div" and self._step:
            self._depth += 1
        if tag == "div" and a.get("data-step"):
            self._step, self._depth = a["data-step"], 1
            self.step_text[self._step] = ""
        if tag == "a" and a.get("href"):
            self.links.append((a["href"], self._step))

    def handle_endtag(self, tag):
        if tag == "div" and self._step:
            self._depth -= 1
            if not self._depth:
                self._step = ""

    def handle_data(self, data):
        if self._step:
            self.step_text[self._step] += data


def parse_page(file: Path) -> PageParser:
    """The parsed HTML file, parsed once while it is unchanged: the link checks ask for a target
    page once per link to it (read it, do not change it)."""
    stat = Path(file).stat()
    return _parsed(str(file), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=1024)
def _parsed(file: str, _mtime_ns: int, _size: int) -> PageParser:
    page = PageParser()
    page.feed(Path(file).read_text(encoding="utf-8"))
    return page
