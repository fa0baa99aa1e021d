"""The command-line checker against hostile input: every entry of the table is refused with
exit status 2 and one printable line on stderr (no traceback, no raw control character, a long
value shortened), within a memory limit and without hanging (the timeout fails a hang; it is not
a speed test)."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MEMORY_BYTES = 200 * 1024 * 1024
HANG_SECONDS = 30
LONGEST_LINE = 500


def _limit_memory():
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))


def deep(opening: str, closing: str, levels: int = 5000) -> str:
    return opening * levels + closing * levels


BILLION_LAUGHS = "a: &a [x,x,x,x,x,x,x,x,x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
)

# (name, file suffix or "-" for standard input, content as str or bytes, the start of the message or None)
HOSTILE = [
    ("json: leading zero", ".json", '{"age": 017}', "case.json: not valid JSON"),
    ("json: 1e999 is infinite", ".json", '{"age": 1e999}', 'case.json: "1e999" is not a number'),
    ("json: NaN", ".json", '{"age": NaN}', "case.json: NaN is not a number"),
    ("json: Infinity", ".json", '{"age": Infinity}', "case.json: Infinity is not a number"),
    ("json: -Infinity", ".json", '{"age": -Infinity}', "case.json: -Infinity is not a number"),
    ("json: duplicate key", ".json", '{"consent": true, "consent": false}', 'case.json: key "consent" is given twice'),
    (
        "json: duplicate list key",
        ".json",
        '{"indicators": [], "indicators": []}',
        'case.json: key "indicators" is given twice',
    ),
    ("json: lone surrogate", ".json", '"\\ud800"', 'case: expected a mapping of fields, got "\\ud800"'),
    ("json: lone surrogate value", ".json", '{"location": "\\udfff"}', 'location: "\\udfff" is not one of'),
    ("json: lone surrogate key", ".json", '{"\\ud800": 1}', "\\ud800: unknown field"),
    ("json: 5000-deep lists", ".json", deep("[", "]"), "case.json: nested more than"),
    ("json: 5000-deep mappings", ".json", '{"a":' * 5000 + "1" + "}" * 5000, "case.json: nested more than"),
    ("json: 5000-digit integer", ".json", '{"age": ' + "9" * 5000 + "}", "case.json: an integer of 5000 digits"),
    ("json: negative age", ".json", '{"age": -1}', "age: expected a whole number of years (0 to 130)"),
    ("json: age over 130", ".json", '{"age": 131}', "age: expected a whole number of years (0 to 130)"),
    ("json: huge age", ".json", '{"age": 999999999999}', "age: expected a whole number of years (0 to 130)"),
    ("json: fractional age", ".json", '{"age": 1.5}', "age: expected a whole number"),
    ("json: age as text", ".json", '{"age": "12"}', "age: expected a whole number"),
    ("json: long value shortened", ".json", '{"location": "' + "m" * 1_000_000 + '"}', 'location: "mmm'),
    (
        "json: control characters",
        ".json",
        '{"location": "mars\\u001b[31m\\u0007"}',
        'location: "mars\\u001b[31m\\u0007"',
    ),
    ("json: newline in a value", ".json", '{"location": "a\\nb"}', 'location: "a\\nb"'),
    ("json: long unknown field", ".json", '{"' + "f" * 100_000 + '": 1}', "ffff"),
    (
        "json: long unknown indicator",
        ".json",
        '{"indicators": ["' + "x" * 100_000 + '"]}',
        'indicators: unknown indicator id "xxx',
    ),
    ("json: number as indicator", ".json", '{"indicators": [1]}', "indicators: expected indicator ids"),
    ("json: empty file", ".json", "", "case.json: not valid JSON"),
    ("json: only spaces", ".json", "   \n  ", "case.json: not valid JSON"),
    ("json: a list", ".json", "[]", "case: expected a mapping of fields"),
    ("json: null", ".json", "null", "case: expected a mapping of fields"),
    ("json: over the size cap", ".json", '{"location": "' + "m" * 3_000_000 + '"}', "case.json: larger than 2 MB"),
    ("json: not UTF-8", ".json", b'{"location": "\xff\xfe"}', "case.json: cannot read: not UTF-8"),
    ("json: byte order mark", ".json", "\ufeff{}", "case.json: not valid JSON"),
    ("json: trailing garbage", ".json", "{} {}", "case.json: not valid JSON"),
    ("stdin: duplicate key", "-", '{"age": 20, "age": 21}', '-: key "age" is given twice'),
    ("stdin: not UTF-8", "-", b"\xc3\x28", "-: cannot read: not UTF-8"),
    ("stdin: over the size cap", "-", "[" + " " * 2_500_000 + "]", "-: larger than 2 MB"),
    (
        "yaml: octal-looking age",
        ".yaml",
        "age: 017\n",
        'age: expected a whole number of years (0 to 130) or null, got "017"',
    ),
    ("yaml: yes is not true", ".yaml", "consent: yes\n", 'consent: expected true or false, got "yes"'),
    ("yaml: True is not true", ".yaml", "consent: True\n", 'consent: expected true or false, got "True"'),
    (
        "yaml: sexagesimal",
        ".yaml",
        "age: 1:30\n",
        'age: expected a whole number of years (0 to 130) or null, got "1:30"',
    ),
    ("yaml: 0o octal", ".yaml", "age: 0o17\n", 'age: expected a whole number of years (0 to 130) or null, got "0o17"'),
    (
        "yaml: hexadecimal",
        ".yaml",
        "age: 0x1F\n",
        'age: expected a whole number of years (0 to 130) or null, got "0x1F"',
    ),
    (
        "yaml: date",
        ".yaml",
        "age: 2024-01-01\n",
        'age: expected a whole number of years (0 to 130) or null, got "2024-01-01"',
    ),
    ("yaml: .inf", ".yaml", "age: .inf\n", 'age: expected a whole number of years (0 to 130) or null, got ".inf"'),
    ("yaml: alias bomb", ".yaml", BILLION_LAUGHS, "case.yaml: refused YAML: anchors and aliases"),
    (
        "yaml: one anchor",
        ".yaml",
        "consent: &c true\nrefuses_assistance: *c\n",
        "case.yaml: refused YAML: anchors and aliases",
    ),
    (
        "yaml: duplicate key",
        ".yaml",
        "consent: true\nconsent: false\n",
        "case.yaml: refused YAML: key 'consent' is given twice",
    ),
    ("yaml: 5000-deep lists", ".yaml", deep("[", "]"), "case.yaml: "),
    ("yaml: 5000-digit integer", ".yaml", "age: " + "9" * 5000 + "\n", "case.yaml: "),
    ("yaml: python tag", ".yaml", "age: !!python/object:os.system ls\n", "case.yaml: not valid YAML"),
    ("yaml: two documents", ".yaml", "age: 1\n---\nage: 2\n", "case.yaml: not valid YAML"),
    ("yaml: complex key", ".yaml", "? [a]\n: 1\n", "case.yaml: refused YAML: a mapping key must be a plain value"),
    ("yaml: control characters", ".yaml", 'location: "mars\\e[31m"\n', 'location: "mars\\u001b[31m"'),
]


def run(args: list, stdin: bytes = b"", env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "checker", *args],
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        timeout=HANG_SECONDS,
        preexec_fn=_limit_memory,
        env={**os.environ, **(env or {})},
    )


def assert_one_line_refusal(result: subprocess.CompletedProcess, start: str | None) -> None:
    assert result.returncode == 2, result.stderr[-300:]
    assert result.stdout == b""
    err = result.stderr.decode("utf-8")
    assert "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 1 and err.endswith("\n"), err[:300]
    line = lines[0]
    assert 0 < len(line) <= LONGEST_LINE
    assert line.isprintable(), repr(line[:200])
    if start is not None:
        assert start in line, line[:300]


@pytest.mark.parametrize("suffix, content, start", [h[1:] for h in HOSTILE], ids=[h[0] for h in HOSTILE])
def test_hostile_case_is_refused_in_one_line(tmp_path, suffix, content, start):
    data = content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content
    if suffix == "-":
        result = run(["assess", "-"], stdin=data)
    else:
        path = tmp_path / f"case{suffix}"
        path.write_bytes(data)
        result = run(["assess", str(path)])
    assert_one_line_refusal(result, start)


def test_table_has_forty_hostile_inputs():
    assert len(HOSTILE) >= 40


def test_a_directory_is_not_a_case(tmp_path):
    assert_one_line_refusal(run(["assess", str(tmp_path)]), f"{tmp_path}: cannot read")


def test_a_non_utf8_locale_and_file_name(tmp_path):
    """LC_ALL=C: the file name's bytes are not UTF-8 and the locale is ASCII; still one line."""
    name = os.fsencode(tmp_path) + b"/caf\xe9.yaml"
    with open(name, "wb") as handle:
        handle.write('age: 017\nlocation: "Қазақстан"\n'.encode())
    result = subprocess.run(
        [sys.executable, "-m", "checker", "assess", name],
        capture_output=True,
        cwd=ROOT,
        timeout=HANG_SECONDS,
        preexec_fn=_limit_memory,
        env={**os.environ, "LC_ALL": "C", "LANG": "C", "PYTHONIOENCODING": ""},
    )
    assert_one_line_refusal(result, 'age: expected a whole number of years (0 to 130) or null, got "017"')


def test_a_valid_yaml_case_still_runs(tmp_path):
    path = tmp_path / "case.yaml"
    path.write_text("age: 17\nconsent: true\nlocation: kazakhstan\n", encoding="utf-8")
    result = run(["assess", str(path)])
    assert result.returncode == 0, result.stderr
    assert b'"minor": true' in result.stdout
