"""assess() with JSON text in and out: what the browser's worker calls, so that the browser runs
exactly this code and the build can run the same calls in Pyodide under Node (the stdlib probe).
The text is read by checker.case_file as the command line reads a file: the same refusals
(duplicate keys, NaN, depth, size) in both."""

from __future__ import annotations

import json

from .assess import assess
from .case import InvalidCase
from .case_file import CaseFileError, parse_json


def assess_json(text: str, data=None) -> str:
    """`{"ok": true, "result": ..., "case": the case read}`, or `{"ok": false, "error": "<one
    line>"}` for a case that is refused; `data` as for assess()."""
    try:
        case = parse_json(text)
        return json.dumps({"ok": True, "result": assess(case, data), "case": case}, ensure_ascii=False)
    except (InvalidCase, CaseFileError) as err:
        return json.dumps({"ok": False, "error": str(err)}, ensure_ascii=False)
    except (RecursionError, MemoryError) as err:
        return json.dumps({"ok": False, "error": f"case: too large or too deeply nested ({type(err).__name__})"})
