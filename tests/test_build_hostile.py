"""The build against broken or hostile data: each is refused with exit status 1 and problem
lines that name the file (and the entry and field where there is one), never a traceback, within
a memory limit and without hanging (the timeout fails a hang; it is not a speed test)."""

from __future__ import annotations

import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MEMORY_BYTES = 1536 * 1024 * 1024
HANG_SECONDS = 120


def _limit_memory():
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))


def remove_label(data: Path) -> None:
    ui = data / "ui.yaml"
    lines = ui.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if not line.lstrip().startswith("- {id: print,")]
    assert len(kept) == len(lines) - 1
    ui.write_text("".join(kept), encoding="utf-8")


def directory(data: Path) -> None:
    (data / "glossary.yaml").unlink()
    (data / "glossary.yaml").mkdir()


def deep_nesting(data: Path) -> None:
    (data / "glossary.yaml").write_text("terms: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")


def alias_bomb(data: Path) -> None:
    lines = ["a: &a [x,x,x,x,x,x,x,x,x]"]
    lines += [f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]" for i in range(8)]
    (data / "glossary.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def huge_value(data: Path) -> None:
    with open(data / "glossary.yaml", "a", encoding="utf-8") as handle:
        handle.write('note: "' + "x" * 60_000_000 + '"\n')


def duplicate_key(data: Path) -> None:
    text = (data / "sources.yaml").read_text(encoding="utf-8")
    (data / "sources.yaml").write_text(
        text.replace('    date: "2024-10-22"\n', '    date: "2024-10-22"\n    date: "2025-01-01"\n', 1),
        encoding="utf-8",
    )


def huge_integer(data: Path) -> None:
    with open(data / "glossary.yaml", "a", encoding="utf-8") as handle:
        handle.write("count: " + "9" * 5000 + "\n")


BROKEN = [
    ("a removed UI label", remove_label, "data/ui.yaml: id=print: text: label is missing"),
    ("a data file that is a directory", directory, "data/glossary.yaml: (file): (entry): is not a file"),
    ("5000-deep nesting", deep_nesting, "data/glossary.yaml: (file): (entry): nested more than"),
    ("an alias bomb", alias_bomb, "data/glossary.yaml: (file): (entry): refused YAML: anchors and aliases"),
    ("a 60 MB value", huge_value, "data/glossary.yaml: (file): (entry): larger than 5 MB"),
    ("a duplicate key", duplicate_key, "data/sources.yaml: (file): (entry): refused YAML: key 'date' is given twice"),
    ("a 5000-digit integer", huge_integer, "data/glossary.yaml: (file): (entry): not usable"),
]


@pytest.mark.parametrize("breakage, expected", [b[1:] for b in BROKEN], ids=[b[0] for b in BROKEN])
def test_broken_data_stops_the_build_in_one_line(tmp_path, breakage, expected):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    breakage(data)
    result = subprocess.run(
        [sys.executable, "-m", "build_scripts.build", str(data), str(tmp_path / "out")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=HANG_SECONDS,
        preexec_fn=_limit_memory,
    )
    assert result.returncode == 1, result.stderr[-500:]
    assert "Traceback" not in result.stderr
    problems = [
        line for line in result.stderr.splitlines() if not line.startswith(("INFO", "WARNING", "build stopped"))
    ]
    assert problems == [expected] or (len(problems) == 1 and problems[0].startswith(expected)), result.stderr[-800:]
    assert all(len(line) < 400 for line in result.stderr.splitlines())
