"""Data text placed into generated Markdown renders as exactly that text."""

import markdown
import pytest

from build_scripts.markup import escape_text

EXTENSIONS = ["attr_list", "md_in_html", "tables", "admonition"]
TEXTS = [
    "1. бірінші\n2) екінші",
    "- not a list\n> not a quote\n# not a heading",
    "*not emphasis* and _not_ and `not code` [not](a link) {: #not-attr }",
    "a | b | c",
    '<script>alert(1)</script> & "quotes" <b>bold?</b>',
    "back\\slash ~tilde~ !exclaim",
]


def rendered_text(md: str) -> str:
    html = markdown.markdown(md, extensions=EXTENSIONS)
    import html as html_lib
    import re

    return html_lib.unescape(re.sub(r"<[^>]+>", "", html))


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("context", ["{}", "<p>{}</p>", "## {}", "- {}", "| {} |\n|---|"])
def test_text_renders_verbatim_in_every_context(text, context):
    if context.startswith("|"):
        text = text.replace("\n", " ")  # a table cell holds one line
    md = context.format(escape_text(text))
    assert rendered_text(md).split() == text.split()


def test_no_tag_survives():
    html = markdown.markdown(str(escape_text("<script>x</script><img src=x onerror=y>")), extensions=EXTENSIONS)
    assert "<script" not in html and "<img" not in html
