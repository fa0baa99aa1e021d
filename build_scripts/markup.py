"""Put data text into Markdown safely: HTML escaped, Markdown syntax neutralised.

Markdown syntax characters become numeric character references, which read the same in
Markdown paragraphs, headings, tables and raw HTML blocks, where a backslash escape would
show. Text can therefore never become markup, whatever it contains.
"""

from __future__ import annotations

import html
import re

from markupsafe import Markup

# Characters Python-Markdown (with attr_list and tables) treats as syntax inside a line.
_MD_SPECIAL = {c: f"&#{ord(c)};" for c in "\\`*_[]{}|#~!"}
# A line that would start an ordered list ("1." / "1)"), a list, a heading or a quote.
_LINE_START = re.compile(r"^(\s*)(\d+)([.)])|^(\s*)([-+>=])", re.MULTILINE)


def escape_text(text: str) -> Markup:
    """Plain data text as Markdown that renders exactly that text, never as markup."""
    escaped = html.escape(str(text), quote=True)
    escaped = "".join(_MD_SPECIAL.get(c, c) for c in escaped)
    escaped = _LINE_START.sub(_neutralise_line_start, escaped)
    return Markup(escaped.replace("\n", "<br>\n"))


def _neutralise_line_start(match: re.Match) -> str:
    if match.group(2) is not None:
        return f"{match.group(1)}{match.group(2)}&#{ord(match.group(3))};"
    return f"{match.group(4)}&#{ord(match.group(5))};"


def escape_attr(text: str) -> Markup:
    """Text for an HTML attribute value."""
    return Markup(html.escape(str(text), quote=True))
