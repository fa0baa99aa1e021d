"""A `python_stdlib.zip` holding only what Pyodide's start-up and the checker import.

Found, not guessed: the checker runs every readable case (`tests/cases/`), every training
scenario's case and a set of invalid cases in Pyodide under Node, exactly as the browser's
worker runs them, and the standard-library files those runs import are kept, without comments
and with empty docstrings (made by Pyodide's own `ast`; 40% fewer bytes), stored rather than
deflated, so that the server's gzip or brotli shrinks them better than zip's deflate. The same
runs are then repeated on the reduced library and must give the same answers as CPython: a case
that needs a missing module stops the build here, not in a reader's browser.

Pyodide needs Node for this (under_node.py); the result is cached in `.cache/stdlib/` by the
inputs' hash, so a build whose checker, data and cases did not change does not start Pyodide.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import zipfile
from pathlib import Path

from build_scripts.data_files import ROOT
from build_scripts.pyodide.under_node import (
    PyodideBuildError,
    check_results,
    cpython_results,
    inputs_key,
    probe,
    probe_cases,
    start_config,
    wheel_digest,
)

CACHE = ROOT / ".cache" / "stdlib"
#: Files the start-up reads without importing them as modules (none today; kept explicit).
ALWAYS = ()


def _write_zip(full_zip: Path, files: dict[str, str | None], target: Path) -> None:
    """The kept files, stored (no deflate), with every package's __init__.py on their way; a
    file with a lean source (no comments, empty docstrings) is stored as that source."""
    with zipfile.ZipFile(full_zip) as source:
        names = set(source.namelist())
        keep = set(files) | set(ALWAYS)
        for name in list(keep):
            parts = name.split("/")[:-1]
            for depth in range(1, len(parts) + 1):
                init = "/".join(parts[:depth]) + "/__init__.py"
                if init in names:
                    keep.add(init)
        missing = sorted(keep - names)
        if missing:
            raise PyodideBuildError(f"files imported but not in {full_zip.name}: {', '.join(missing[:5])}")
        with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_STORED) as out:
            for name in sorted(keep):
                info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
                lean = files.get(name)
                out.writestr(info, lean.encode("utf-8") if lean is not None else source.read(name))


def reduced_stdlib(pyodide_dir: Path, lock: Path, wheel: Path, data_json: Path, target: Path) -> Path:
    """Write the reduced library to `target` (cached); raise PyodideBuildError if it falls short."""
    full_zip = pyodide_dir / "python_stdlib.zip"
    cases = probe_cases()
    cases_json = json.dumps(cases, ensure_ascii=False)
    key = inputs_key(full_zip.read_bytes(), wheel_digest(wheel), data_json.read_bytes(), cases_json.encode())
    cached = CACHE / f"python_stdlib-{key}.zip"
    if not cached.exists():
        expected = cpython_results(cases, data_json)
        with tempfile.TemporaryDirectory() as tmp:
            cases_file = Path(tmp) / "cases.json"
            cases_file.write_text(cases_json, encoding="utf-8")
            full = probe(start_config(pyodide_dir, full_zip, lock, wheel, data_json), cases_file, lean=True)
            check_results(full["results"], expected, cases, "Pyodide with the full library")
            reduced = Path(tmp) / "python_stdlib.zip"
            _write_zip(full_zip, full["files"], reduced)
            again = probe(start_config(pyodide_dir, reduced, lock, wheel, data_json), cases_file)
            check_results(again["results"], expected, cases, "Pyodide with the reduced library")
            CACHE.mkdir(parents=True, exist_ok=True)
            shutil.copy2(reduced, cached)
    shutil.copy2(cached, target)
    return target


def reduced_lock(full_lock: Path, target: Path) -> Path:
    """The lock file without its package list: the checker loads no package (119 KB -> <1 KB)."""
    lock = json.loads(full_lock.read_text(encoding="utf-8"))
    target.write_text(json.dumps({"info": lock["info"], "packages": {}}, separators=(",", ":")), encoding="utf-8")
    return target
