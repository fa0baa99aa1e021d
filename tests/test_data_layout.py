"""Long texts in data/*.yaml are folded block scalars, so that a diff of a fixed word shows
one short line, not a paragraph (data/README.md, Conventions)."""

from __future__ import annotations

import pytest
import yaml

from build_scripts.data_files import DATA_DIR

LONG = 100


def unfolded_long_texts(text: str) -> list[str]:
    """The beginnings of the texts over LONG characters not written as `>-` blocks."""
    found = []
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if (
            isinstance(event, yaml.ScalarEvent)
            and len(event.value) > LONG
            and event.style != ">"
            and "\n" not in event.value
            and "  " not in event.value
        ):
            found.append(f"line {event.start_mark.line + 1}: {event.value[:40]}")
    return found


@pytest.mark.parametrize("path", sorted(DATA_DIR.glob("*.yaml")), ids=lambda p: p.name)
def test_long_texts_are_folded(path):
    assert unfolded_long_texts(path.read_text(encoding="utf-8")) == []


def test_the_check_finds_a_long_quoted_text():
    quoted = 'text: {kk: "' + "сөз " * 40 + '"}\n'
    assert unfolded_long_texts(quoted) != []
    assert unfolded_long_texts("text:\n  kk: >-\n    " + "сөз " * 30 + "\n    " + "сөз " * 10 + "\n") == []
