"""assess() with JSON text in and out: what the browser's worker calls, so that the browser runs
exactly this code and the build can run the same calls in Pyodide under Node (the stdlib probe)."""

from __future__ import annotations

import json

from .assess import assess
from .case import InvalidCase


def assess_json(text: str) -> str:
    """`{"ok": true, "result": ...}`, or `{"ok": false, "error": "<one line>"}` for an invalid case."""
    try:
        return json.dumps({"ok": True, "result": assess(json.loads(text))}, ensure_ascii=False)
    except InvalidCase as err:
        return json.dumps({"ok": False, "error": str(err)}, ensure_ascii=False)
