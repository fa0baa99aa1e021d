"""Put data text into Markdown safely: HTML escaped, Markdown syntax neutralised."""

from __future__ import annotations

import html
import re

from markupsafe import Markup

# Characters Python-Markdown treats as syntax inside a line, escaped with a backslash.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}|#~])")
# A line that would start a list, a heading or a quote block.
_MD_LINE_START = re.compile(r"^(\s*)(\d+)([.)])(\s)|^(\s*)([-+>])(\s)", re.MULTILINE)


def escape_text(text: str) -> Markup:
    """Plain data text as Markdown that renders exactly that text, never as markup."""
    escaped = html.escape(str(text), quote=True)
    escaped = _MD_SPECIAL.sub(r"\\\1", escaped)
    escaped = _MD_LINE_START.sub(_escape_line_start, escaped)
    return Markup(escaped.replace("\n", "<br>\n"))


def _escape_line_start(match: re.Match) -> str:
    if match.group(2) is not None:
        return f"{match.group(1)}{match.group(2)}\\{match.group(3)}{match.group(4)}"
    return f"{match.group(5)}\\{match.group(6)}{match.group(7)}"


def escape_attr(text: str) -> Markup:
    """Text for an HTML attribute value."""
    return Markup(html.escape(str(text), quote=True))
