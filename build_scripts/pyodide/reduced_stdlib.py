"""A `python_stdlib.zip` holding only what Pyodide's start-up and the checker import.

Found, not guessed: the checker runs every readable case (`tests/cases/`), every training
scenario's case and a set of invalid cases in Pyodide under Node, exactly as the browser's
worker runs them, and the standard-library files those runs import are kept, without comments
and with empty docstrings (made by Pyodide's own `ast`; 40% fewer bytes), stored rather than
deflated, so that the server's gzip or brotli shrinks them better than zip's deflate. The same
runs are then repeated on the reduced library and must give the same answers as CPython: a case
that needs a missing module stops the build here, not in a reader's browser.

Pyodide needs Node for this; the result is cached in `.cache/stdlib/` by the inputs' hash, so
a build whose checker, data and cases did not change does not start Pyodide.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

import yaml

from build_scripts.data_files import ROOT
from checker.json_api import assess_json

HERE = Path(__file__).resolve().parent
PROBE = HERE / "stdlib_probe.mjs"
CACHE = ROOT / ".cache" / "stdlib"
CASES_DIR = ROOT / "tests" / "cases"
SCENARIOS = ROOT / "data" / "scenarios.yaml"
#: Invalid cases take the refusal path (messages, list formatting) that valid ones do not.
INVALID_CASES = (
    ["age", 25],
    {"age": "25"},
    {"colour": "red"},
    {"location": "mars"},
    {"indicators": ["who-martian"]},
    {"criteria": ["9", "9"]},
    {"age": 30, "may_be_minor": True},
    {"urgent_needs": "water"},
)
#: Files the start-up reads without importing them as modules (none today; kept explicit).
ALWAYS = ()


class PyodideBuildError(RuntimeError):
    """What the checker runs in Pyodide (the reduced library, the snapshot) could not be made or
    does not give CPython's answers."""


def probe_cases() -> list:
    """Every case the probe runs: the readable cases, the scenarios' cases, the invalid ones."""
    cases = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        cases.extend(item["input"] for item in yaml.safe_load(path.read_text(encoding="utf-8")))
    scenarios = yaml.safe_load(SCENARIOS.read_text(encoding="utf-8"))
    cases.extend(item["case"] for item in scenarios["scenarios"])
    cases.extend(INVALID_CASES)
    return cases


def wheel_digest(wheel: Path) -> bytes:
    """The wheel's contents (names and bytes), not its file: zip timestamps change per build."""
    digest = hashlib.sha256()
    with zipfile.ZipFile(wheel) as archive:
        for name in sorted(archive.namelist()):
            digest.update(name.encode())
            digest.update(archive.read(name))
    return digest.digest()


def inputs_key(*parts: bytes) -> str:
    """20 hex digits naming a cached result made from `parts` by this folder's code."""
    digest = hashlib.sha256()
    code = sorted(p for p in HERE.iterdir() if p.suffix in (".py", ".mjs"))
    for part in (*parts, *(path.read_bytes() for path in code)):
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()[:20]


def run_node(script: Path, config: dict) -> str:
    """Run one of this folder's Node scripts with `config` (written to a JSON file); its stdout."""
    node = shutil.which("node")
    if node is None:
        raise PyodideBuildError("node is not installed: the build runs the checker in Pyodide under Node")
    with tempfile.TemporaryDirectory() as tmp:
        config_file = Path(tmp) / "config.json"
        config_file.write_text(json.dumps(config), encoding="utf-8")
        result = subprocess.run([node, str(script), str(config_file)], capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        last = (result.stderr.strip().splitlines() or ["no output"])[-1]
        raise PyodideBuildError(f"running the checker in Pyodide under Node failed: {last}")
    return result.stdout


def start_config(pyodide_dir: Path, stdlib: Path, lock: Path, wheel: Path, data_json: Path) -> dict:
    """What start_checker.mjs needs to start the checker from these files."""
    return {
        "indexURL": pyodide_dir.as_posix() + "/",
        "stdLibURL": stdlib.as_posix(),
        "lockFile": lock.as_posix(),
        "wheel": wheel.as_posix(),
        "data": data_json.as_posix(),
    }


def probe(start: dict, cases: Path, lean: bool = False) -> dict:
    """Run every case of `cases` in the checker started as `start` says (stdlib_probe.mjs)."""
    return json.loads(run_node(PROBE, {**start, "cases": cases.as_posix(), "lean": lean}))


def cpython_results(cases: list, data_json: Path) -> list[str]:
    """What CPython's checker answers to each case with this build's data, as Pyodide gets it."""
    data = json.loads(data_json.read_text(encoding="utf-8"))
    return [assess_json(json.dumps(case, ensure_ascii=False), data) for case in cases]


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


def check_results(results: list[str], expected: list[str], cases: list, which: str) -> None:
    """Stop at the first case whose answer in Pyodide is not CPython's."""
    for case, got, want in zip(cases, results, expected, strict=True):
        if got != want:
            shown = json.dumps(case, ensure_ascii=False)[:120]
            raise PyodideBuildError(f"{which}: case {shown} gives {got[:160]!r}, CPython {want[:160]!r}")


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
