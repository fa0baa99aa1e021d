"""Command line: assess one case, or export the data for the browser.

    python -m checker assess CASE.json|CASE.yaml|-    # "-": JSON on standard input; prints JSON
    python -m checker export-data OUT.json            # the data the browser passes to use_data()

A refused case or an unreadable case file: one line on stderr, exit status 2. Unusable
data: one line, exit status 1. Never a traceback.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .assess import assess
from .bundle import CheckerDataError
from .case import InvalidCase

USAGE = "usage: python -m checker assess CASE.json|CASE.yaml|- | python -m checker export-data OUT.json"


class CaseFileError(Exception):
    """The case file cannot be read or parsed."""


def read_case(name: str):
    """The case in file `name` (JSON, or YAML for .yaml/.yml), or JSON on stdin for "-"."""
    try:
        text = sys.stdin.read() if name == "-" else Path(name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise CaseFileError(f"{name}: cannot read: {getattr(err, 'strerror', None) or err}") from err
    if name.endswith((".yaml", ".yml")):
        return _parse_yaml(name, text)
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise CaseFileError(f"{name}: not valid JSON: {err.msg} (line {err.lineno}, column {err.colno})") from err


def _parse_yaml(name: str, text: str):
    import yaml

    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        raise CaseFileError(f"{name}: not valid YAML: {getattr(err, 'problem', None) or err}{where}") from err


def main(argv: list[str]) -> int:
    for stream in (sys.stdout, sys.stderr):
        stream.reconfigure(encoding="utf-8")
    try:
        if len(argv) == 2 and argv[0] == "assess":
            print(json.dumps(assess(read_case(argv[1])), ensure_ascii=False, indent=2))
            return 0
        if len(argv) == 2 and argv[0] == "export-data":
            from .yaml_data import write_json

            write_json(Path(argv[1]))
            return 0
        return _fail(USAGE, 2)
    except (InvalidCase, CaseFileError) as err:
        return _fail(str(err), 2)
    except CheckerDataError as err:
        return _fail(str(err), 1)
    except OSError as err:
        return _fail(f"{argv[-1]}: cannot write: {err.strerror or err}", 1)
    except Exception as err:  # a bug: still one line, never a traceback
        return _fail(f"internal error: {type(err).__name__}: {err}", 1)


def _fail(message: str, status: int) -> int:
    print(" ".join(message.split()), file=sys.stderr)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
