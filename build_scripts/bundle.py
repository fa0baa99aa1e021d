"""Put the assets the site serves itself into build/docs: the pinned Pyodide core, the
checker as a pure-Python wheel, and the checker's data as JSON."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

from build_scripts.data_files import ROOT
from checker.bundle import essentials

PYODIDE_SRC = ROOT / "node_modules" / "pyodide"
#: The core files Pyodide needs at run time (no package wheels: the checker is stdlib only).
PYODIDE_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)


#: The wheel's file dates (1980-01-02, the earliest a zip holds): the same code, the same bytes.
WHEEL_EPOCH = "315619200"


class BundleError(RuntimeError):
    """An asset the site needs is not installed."""


def bundle_pyodide(docs: Path) -> Path:
    """Copy the Pyodide core from node_modules (installed by `npm ci`) to assets/pyodide/."""
    target = docs / "assets" / "pyodide"
    target.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_FILES:
        source = PYODIDE_SRC / name
        if not source.exists():
            raise BundleError(f"{source} is missing: run `npm ci` (./run and ./test do)")
        shutil.copy2(source, target / name)
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
            cwd=source, capture_output=True, text=True, env={**os.environ, "SOURCE_DATE_EPOCH": WHEEL_EPOCH})
        if result.returncode != 0:
            raise BundleError("building the checker wheel failed:\n" + result.stdout[-2000:] + result.stderr[-2000:])
        wheel = out / wheel_name()
        if not wheel.exists():
            raise BundleError(f"the checker wheel is not {wheel.name}: {[p.name for p in out.iterdir()]}")
        target.mkdir(parents=True, exist_ok=True)
        return Path(shutil.copy2(wheel, target / wheel.name))


def bundle_checker(data: dict, docs: Path) -> Path:
    """The wheel and data.json under assets/checker/; returns the wheel's path."""
    target = docs / "assets" / "checker"
    wheel = build_checker_wheel(target)
    (target / "data.json").write_text(json.dumps(essentials(data), ensure_ascii=False, separators=(",", ":")),
                                      encoding="utf-8")
    return wheel


def bundle(data: dict, docs: Path) -> None:
    """Every asset of the site, into the generated docs folder."""
    bundle_pyodide(docs)
    bundle_checker(data, docs)
