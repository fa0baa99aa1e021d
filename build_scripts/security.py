"""The Content-Security-Policy of every page, and the build check that keeps it true.

The policy allows scripts from the site's own files only (plus compiling WebAssembly, which
Pyodide needs): no inline script, no inline event handler. The same text is the README's nginx
header; the header form also covers the checker's worker, which a meta tag does not reach.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

CSP = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'self'; form-action 'self'"
)


class PolicyError(RuntimeError):
    """A built page has markup the policy would block."""


class _InlineCode(HTMLParser):
    """Collects inline scripts (data blocks excepted) and event-handler attributes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._script = None

    def handle_starttag(self, tag, attrs):
        names = dict(attrs)
        self.found += [f"event handler {name}= on <{tag}>" for name in names if name.startswith("on")]
        if tag == "script" and "src" not in names and "json" not in (names.get("type") or ""):
            self._script = []

    def handle_data(self, data):
        if self._script is not None:
            self._script.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            body = "".join(self._script).strip()
            if body:
                self.found.append(f"inline script {body[:40]!r}")
            self._script = None


def inline_code(html: str) -> list[str]:
    """The inline scripts and event-handler attributes of a page."""
    parser = _InlineCode()
    parser.feed(html)
    parser.close()
    return parser.found


def check_pages(site: Path) -> None:
    """Every HTML page of site/ runs under the policy: one line per page that would not."""
    problems = []
    for page in sorted(site.rglob("*.html")):
        for what in inline_code(page.read_text(encoding="utf-8")):
            problems.append(f"{page.relative_to(site).as_posix()}: {what} is blocked by the Content-Security-Policy")
    if problems:
        raise PolicyError("; ".join(problems[:5]) + (f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""))
