"""The site's own stylesheets are well formed: a rule left open makes the browser read every later
rule as nested in it, so whole blocks (the printed test's, once) silently stop applying."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
STYLESHEETS = sorted((ROOT / "docs" / "assets").rglob("*.css")) + sorted((ROOT / "overrides").rglob("*.css"))
GROUPING = re.compile(r"@(media|supports|layer|container)\b")


def problems(css: str) -> list[str]:
    """Lines where a block opens inside a plain rule, or a brace closes nothing or stays open."""
    text = re.sub(r"/\*.*?\*/", lambda m: "\n" * m.group().count("\n"), css, flags=re.S)
    text = re.sub(r'"(?:\\.|[^"\\])*"|\'(?:\\.|[^\'\\])*\'', '""', text)
    found, stack, start = [], [], 0
    for match in re.finditer(r"[{};]", text):
        line = text.count("\n", 0, match.start()) + 1
        if match.group() == "{":
            prelude = text[start : match.start()].strip()
            if stack and not stack[-1]:
                found.append(f"line {line}: '{prelude[:40]}' opens inside a rule that was not closed")
            stack.append(bool(GROUPING.match(prelude)))
        elif match.group() == "}":
            if not stack:
                found.append(f"line {line}: '}}' closes nothing")
            else:
                stack.pop()
        start = match.end()
    if stack:
        found.append(f"end: {len(stack)} block(s) left open")
    return found


def test_the_check_finds_an_unclosed_rule():
    assert problems(".a { color: red;\n.b { color: blue; }\n") != []
    assert problems("@media print { .a { color: red; } }\n.b { x: y; }") == []


@pytest.mark.parametrize("path", STYLESHEETS, ids=lambda p: p.name)
def test_stylesheet_is_well_formed(path):
    assert problems(path.read_text(encoding="utf-8")) == []
