"""A memory snapshot of Pyodide with the checker started: what a second visit starts from.

Starting Python from its files takes about 3 s in Chromium on this machine even when every file
is saved on the device, most of it Python's own start-up. The snapshot is Pyodide's memory once
the checker is imported and its data loaded, made here with Node (snapshot.mjs); restored, the
checker is ready in a fraction of that. It is large (31 MB, 4.5 MB with brotli), so a first visit
never waits for it: the service worker saves it with the checker's other files after the checker
has started (build_scripts/offline.py), and the worker starts from it only when it is saved
(docs/assets/checker/checker-worker.js).

It is checked as the reduced library is: every probe case, run from the snapshot alone (no wheel
on its file system), must give CPython's answer, or the build stops. The same inputs give the same
bytes; the result is cached in `.cache/snapshot/` by the inputs' hash (the last few only: each
is 31 MB).
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

from build_scripts.data_files import ROOT
from build_scripts.pyodide.under_node import (
    HERE,
    check_results,
    cpython_results,
    inputs_key,
    probe,
    probe_cases,
    run_node,
    start_config,
    wheel_digest,
)

MAKER = HERE / "snapshot.mjs"
CACHE = ROOT / ".cache" / "snapshot"
#: The name of the snapshot beside the checker's wheel and data.
NAME = "snapshot.bin"
#: How many snapshots the cache keeps (the most recently used): the site's and the tests' data.
KEPT = 6
#: The Pyodide files the snapshot is made from and must be restored by (its build id is checked).
PYODIDE_INPUTS = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")


def memory_snapshot(pyodide_dir: Path, wheel: Path, data_json: Path, target: Path) -> Path:
    """Write the snapshot of the checker started from these files to `target` (cached); raise
    PyodideBuildError if it cannot be made or does not answer every probe case as CPython."""
    cases = probe_cases()
    cases_json = json.dumps(cases, ensure_ascii=False)
    key = inputs_key(
        *((pyodide_dir / name).read_bytes() for name in PYODIDE_INPUTS),
        wheel_digest(wheel),
        data_json.read_bytes(),
        cases_json.encode(),
    )
    cached = CACHE / f"snapshot-{key}.bin"
    if not cached.exists():
        start = start_config(
            pyodide_dir, pyodide_dir / "python_stdlib.zip", pyodide_dir / "pyodide-lock.json", wheel, data_json
        )
        with tempfile.TemporaryDirectory() as tmp:
            made = Path(tmp) / NAME
            run_node(MAKER, {**start, "out": made.as_posix()})
            cases_file = Path(tmp) / "cases.json"
            cases_file.write_text(cases_json, encoding="utf-8")
            restored = probe({**start, "snapshot": made.as_posix()}, cases_file)
            check_results(restored["results"], cpython_results(cases, data_json), cases, "the memory snapshot")
            CACHE.mkdir(parents=True, exist_ok=True)
            shutil.copy2(made, cached)
    cached.touch()
    for stale in sorted(CACHE.glob("snapshot-*.bin"), key=lambda path: path.stat().st_mtime)[:-KEPT]:
        stale.unlink(missing_ok=True)
    shutil.copy2(cached, target)
    return target
