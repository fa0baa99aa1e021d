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
from .case_file import MAX_BYTES, CaseFileError, parse_json, parse_yaml, shorten

USAGE = "usage: python -m checker assess CASE.json|CASE.yaml|- | python -m checker export-data OUT.json"


def read_case(name: str):
    """The case in file `name` (JSON, or YAML for .yaml/.yml), or JSON on stdin for "-"."""
    shown = shorten(name, 120, quoted=False)
    try:
        if name == "-":
            data = sys.stdin.buffer.read(MAX_BYTES + 1)
        else:
            with open(name, "rb") as handle:
                data = handle.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise CaseFileError(f"larger than {MAX_BYTES // 1_000_000} MB: not a case file")
        text = data.decode("utf-8")
    except OSError as err:
        raise CaseFileError(f"{shown}: cannot read: {err.strerror or err}") from None
    except UnicodeDecodeError:
        raise CaseFileError(f"{shown}: cannot read: not UTF-8 text") from None
    except CaseFileError as err:
        raise CaseFileError(f"{shown}: {err}") from None
    try:
        return parse_yaml(text) if name.endswith((".yaml", ".yml")) else parse_json(text)
    except CaseFileError as err:
        raise CaseFileError(f"{shown}: {err}") from None


def main(argv: list[str]) -> int:
    for stream in (sys.stdout, sys.stderr):
        stream.reconfigure(encoding="utf-8", errors="backslashreplace")
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
    except (RecursionError, MemoryError) as err:  # refused before assess in practice; never a traceback
        return _fail(f"case: too large or too deeply nested ({type(err).__name__})", 2)
    except CheckerDataError as err:
        return _fail(str(err), 1)
    except OSError as err:
        return _fail(f"{argv[-1]}: cannot write: {err.strerror or err}", 1)
    except Exception as err:  # a bug: still one line, never a traceback
        return _fail(f"internal error: {type(err).__name__}: {err}", 1)


def _fail(message: str, status: int) -> int:
    """One line: whitespace collapsed, other control characters escaped, never raw."""
    line = " ".join(message.split())
    line = "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in line)
    print(line[:500], file=sys.stderr)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
