"""Copy the assets the site serves itself into build/docs: the pinned Pyodide core."""

from __future__ import annotations

import shutil
from pathlib import Path

from build_scripts.data_files import ROOT

PYODIDE_SRC = ROOT / "node_modules" / "pyodide"
#: The core files Pyodide needs at run time (no package wheels: the checker is stdlib only).
PYODIDE_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)


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


def bundle(data: dict, docs: Path) -> None:
    """Every asset of the site, into the generated docs folder."""
    bundle_pyodide(docs)
