"""A copy of data/ with script payloads in every text field (every {kk, ru} text: what the
site shows; identifiers and references must stay resolvable), for the injection test."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

#: Each tries a different way out: of the <title>, of an attribute, of a text node, of a URL.
PAYLOAD = (
    "</title><img src=x onerror=window.__pwned=1>\"'><svg onload=window.__pwned=1>"
    "<script>window.__pwned=1</script>javascript:window.__pwned=1"
)


def _poison(value):
    if isinstance(value, dict):
        if set(value) == {"kk", "ru"} and all(isinstance(v, str) for v in value.values()):
            return {lang: text + PAYLOAD for lang, text in value.items()}
        return {k: _poison(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_poison(v) for v in value]
    return value


def poisoned_copy(data: Path, target: Path) -> int:
    """Copy data to target with PAYLOAD appended to every bilingual text; the number of texts."""
    shutil.copytree(data, target)
    count = 0
    for path in sorted(target.glob("*.yaml")):
        loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
        poisoned = _poison(loaded)
        count += yaml.safe_dump(poisoned, allow_unicode=True).count(PAYLOAD)
        path.write_text(yaml.safe_dump(poisoned, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return count
