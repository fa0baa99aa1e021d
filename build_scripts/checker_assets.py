"""Put the assets the site serves itself into build/docs: the pinned Pyodide core with only the
standard library the checker uses, the checker as a pure-Python wheel, its data as JSON, and a
memory snapshot of the started checker for later visits (build_scripts/pyodide/snapshot.py).

Each of the two groups goes into a folder named by the hash of its content
(`assets/pyodide/<hash>/`, `assets/checker/<hash>/`): a URL that never changes content can be
cached for a year, and a new version gets a new URL. Pages learn the names from `bundle()`'s
answer, also written to `assets/checker/manifest.json` for tools (benchmarks)."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

from build_scripts.data_files import ROOT
from build_scripts.pyodide.reduced_stdlib import reduced_lock, reduced_stdlib
from build_scripts.pyodide.snapshot import NAME as SNAPSHOT
from build_scripts.pyodide.snapshot import memory_snapshot
from build_scripts.pyodide.under_node import PyodideBuildError
from checker.bundle import browser_json

PYODIDE_SRC = ROOT / "node_modules" / "pyodide"
#: The core files Pyodide needs at run time, copied as they are; `python_stdlib.zip` and
#: `pyodide-lock.json` are reduced to what the checker uses (build_scripts/pyodide/).
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")


#: The wheel's file dates (1980-01-02, the earliest a zip holds): the same code, the same bytes.
WHEEL_EPOCH = "315619200"


class BundleError(RuntimeError):
    """An asset the site needs is not installed."""


def bundle_pyodide(target: Path, wheel: Path, data_json: Path) -> Path:
    """The Pyodide core from node_modules (installed by `npm ci`) in target/, with the standard
    library and lock file reduced to what the checker's runs use."""
    target.mkdir(parents=True, exist_ok=True)
    for name in (*PYODIDE_FILES, "python_stdlib.zip", "pyodide-lock.json"):
        if not (PYODIDE_SRC / name).exists():
            raise BundleError(f"{PYODIDE_SRC / name} is missing: run `npm ci` (./run and ./test do)")
    for name in PYODIDE_FILES:
        shutil.copy2(PYODIDE_SRC / name, target / name)
    lock = reduced_lock(PYODIDE_SRC / "pyodide-lock.json", target / "pyodide-lock.json")
    try:
        reduced_stdlib(PYODIDE_SRC, lock, wheel, data_json, target / "python_stdlib.zip")
    except PyodideBuildError as err:
        raise BundleError(f"the checker's standard library: {err}") from err
    return target


def wheel_name() -> str:
    """The file name of the checker wheel, from pyproject.toml (pure Python: py3-none-any)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return f"{project['name'].replace('-', '_')}-{project['version']}-py3-none-any.whl"


def build_checker_wheel(target: Path, root: Path = ROOT) -> Path:
    """Build the checker wheel (standard `python -m build`, no network) into target/.

    It is built from a fresh copy of pyproject.toml and checker/: setuptools' build/ folder keeps
    modules since deleted or renamed, and would ship them. SOURCE_DATE_EPOCH makes the wheel the
    same bytes for the same code, so a live preview does not see a change where there is none.
    """
    with tempfile.TemporaryDirectory() as tmp:
        source, out = Path(tmp) / "source", Path(tmp) / "dist"
        source.mkdir()
        shutil.copy2(root / "pyproject.toml", source / "pyproject.toml")
        shutil.copytree(root / "checker", source / "checker", ignore=shutil.ignore_patterns("__pycache__"))
        result = subprocess.run(
            [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(source)],
            cwd=source,
            capture_output=True,
            text=True,
            env={**os.environ, "SOURCE_DATE_EPOCH": WHEEL_EPOCH},
        )
        if result.returncode != 0:
            raise BundleError("building the checker wheel failed:\n" + result.stdout[-2000:] + result.stderr[-2000:])
        wheel = out / wheel_name()
        if not wheel.exists():
            raise BundleError(f"the checker wheel is not {wheel.name}: {[p.name for p in out.iterdir()]}")
        target.mkdir(parents=True, exist_ok=True)
        return Path(shutil.copy2(wheel, target / wheel.name))


def bundle_checker(data: dict, target: Path) -> tuple[Path, Path]:
    """The wheel and data.json in target/; returns both paths."""
    wheel = build_checker_wheel(target)
    data_json = target / "data.json"
    data_json.write_text(browser_json(data), encoding="utf-8")
    return wheel, data_json


def content_hash(folder: Path) -> str:
    """16 hex digits of the SHA-256 of every file's name and bytes in folder."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def fingerprinted(staging: Path, parent: Path) -> Path:
    """Move the staging folder to parent/<its content hash>/."""
    target = parent / content_hash(staging)
    if target.exists():
        shutil.rmtree(target)
    parent.mkdir(parents=True, exist_ok=True)
    return Path(shutil.move(str(staging), str(target)))


#: The files the checker's worker fetches at start-up (pyodide*.mjs are imported, not fetched).
FETCHED = {"pyodide": ("pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")}


def bundle(data: dict, out: Path, snapshot: bool = True) -> dict:
    """Every asset of the site under out/assets/ (made before the pages, which name them); returns
    what pages need to know: {"dir": out, "pyodide": folder/, "wheel": file, "data": file,
    "snapshot": file or None (paths under out), "bytes": what the checker's worker downloads on
    a first visit}. The snapshot lies beside the wheel and data, so that its folder's hash covers
    it; without `snapshot` (a preview, which keeps no offline copy to start it from) none is made."""
    if out.exists():
        shutil.rmtree(out)
    assets = out / "assets"
    assets.mkdir(parents=True)
    with tempfile.TemporaryDirectory(dir=out) as work:
        wheel, data_json = bundle_checker(data, Path(work) / "checker")
        pyodide = bundle_pyodide(Path(work) / "pyodide", wheel, data_json)
        if snapshot:
            try:
                memory_snapshot(pyodide, wheel, data_json, wheel.parent / SNAPSHOT)
            except PyodideBuildError as err:
                raise BundleError(f"the checker's memory snapshot: {err}") from err
        fetched = (
            sum((pyodide / name).stat().st_size for name in FETCHED["pyodide"])
            + wheel.stat().st_size
            + data_json.stat().st_size
        )
        wheel_file = wheel.name
        pyodide = fingerprinted(pyodide, assets / "pyodide")
        checker_dir = fingerprinted(wheel.parent, assets / "checker")
    names = {
        "pyodide": pyodide.relative_to(out).as_posix() + "/",
        "wheel": (checker_dir / wheel_file).relative_to(out).as_posix(),
        "data": (checker_dir / "data.json").relative_to(out).as_posix(),
        "snapshot": (checker_dir / SNAPSHOT).relative_to(out).as_posix() if snapshot else None,
    }
    (assets / "checker" / "manifest.json").write_text(json.dumps(names, indent=1), encoding="utf-8")
    return {"dir": out, **names, "bytes": fetched}
