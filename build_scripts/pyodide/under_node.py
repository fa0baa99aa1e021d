"""The checker in Pyodide under Node at build time, and its answers checked against CPython's.

Shared by the reduced standard library (reduced_stdlib.py) and the memory snapshot
(snapshot.py): both run every probe case (the readable cases, every training scenario's case,
a set of invalid ones) through start_checker.mjs, as the browser's worker runs them, and stop
the build at the first answer that is not CPython's.
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


def check_results(results: list[str], expected: list[str], cases: list, which: str) -> None:
    """Stop at the first case whose answer in Pyodide is not CPython's."""
    for case, got, want in zip(cases, results, expected, strict=True):
        if got != want:
            shown = json.dumps(case, ensure_ascii=False)[:120]
            raise PyodideBuildError(f"{which}: case {shown} gives {got[:160]!r}, CPython {want[:160]!r}")
