"""The Content-Security-Policy of every page, and the build check that keeps it true.

The policy allows scripts from the site's own files only (plus compiling WebAssembly, which
Pyodide needs): no inline script, no inline event handler. The same text is the README's nginx
header; the header form also covers the checker's worker, which a meta tag does not reach.
"""

from __future__ import annotations

import re
from pathlib import Path

CSP = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'self'; form-action 'self'")

SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.S | re.I)
#: An attribute such as onclick= inside a tag (not text like "onerror=" in a paragraph).
HANDLER = re.compile(r"<[a-zA-Z][^>]*?\son[a-z]+\s*=", re.S)


class PolicyError(RuntimeError):
    """A built page has markup the policy would block."""


def inline_code(html: str) -> list[str]:
    """The inline scripts and event-handler attributes of a page (data blocks excepted)."""
    found = []
    for match in SCRIPT.finditer(html):
        attrs, body = match.groups()
        if "src=" not in attrs and "application/json" not in attrs and body.strip():
            found.append(f"inline script {body.strip()[:40]!r}")
    found += [f"event handler {m.group(0)[-40:]!r}" for m in HANDLER.finditer(html)]
    return found


def check_pages(site: Path) -> None:
    """Every HTML page of site/ runs under the policy: one line per page that would not."""
    problems = []
    for page in sorted(site.rglob("*.html")):
        for what in inline_code(page.read_text(encoding="utf-8")):
            problems.append(f"{page.relative_to(site).as_posix()}: {what} is blocked by the Content-Security-Policy")
    if problems:
        raise PolicyError("; ".join(problems[:5]) + (f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""))
