"""Put the assets the site serves itself into build/docs: the pinned Pyodide core, the
checker as a pure-Python wheel, and the checker's data as JSON.

Each of the two groups goes into a folder named by the hash of its content
(`assets/pyodide/<hash>/`, `assets/checker/<hash>/`): a URL that never changes content can be
cached for a year, and a new version gets a new URL. Pages learn the names from `bundle()`'s
answer, also written to `assets/checker/manifest.json` for tools (benchmarks)."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

from checker.bundle import essentials

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


def bundle_pyodide(target: Path) -> Path:
    """Copy the Pyodide core from node_modules (installed by `npm ci`) to target/."""
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


def build_checker_wheel(target: Path) -> Path:
    """Build the checker wheel (standard `python -m build`, no network) into target/."""
    with tempfile.TemporaryDirectory() as out:
        result = subprocess.run(
            [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", out, str(ROOT)],
            cwd=ROOT, capture_output=True, text=True)
        if result.returncode != 0:
            raise BundleError("building the checker wheel failed:\n" + result.stdout[-2000:] + result.stderr[-2000:])
        wheel = Path(out) / wheel_name()
        if not wheel.exists():
            raise BundleError(f"the checker wheel is not {wheel.name}: {[p.name for p in Path(out).iterdir()]}")
        target.mkdir(parents=True, exist_ok=True)
        return Path(shutil.copy2(wheel, target / wheel.name))


def bundle_checker(data: dict, target: Path) -> Path:
    """The wheel and data.json in target/; returns the wheel's path."""
    wheel = build_checker_wheel(target)
    (target / "data.json").write_text(json.dumps(essentials(data), ensure_ascii=False, separators=(",", ":")),
                                      encoding="utf-8")
    return wheel


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


def bundle(data: dict, docs: Path) -> dict[str, str]:
    """Every asset of the site, into the generated docs folder; returns the paths under docs
    that pages use: {"pyodide": folder/, "wheel": file, "data": file}."""
    assets = docs / "assets"
    docs.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=docs) as work:
        pyodide = fingerprinted(bundle_pyodide(Path(work) / "pyodide"), assets / "pyodide")
        checker_dir = Path(work) / "checker"
        wheel = bundle_checker(data, checker_dir).name
        checker_dir = fingerprinted(checker_dir, assets / "checker")
    names = {
        "pyodide": pyodide.relative_to(docs).as_posix() + "/",
        "wheel": (checker_dir / wheel).relative_to(docs).as_posix(),
        "data": (checker_dir / "data.json").relative_to(docs).as_posix(),
    }
    (assets / "checker" / "manifest.json").write_text(json.dumps(names, indent=1), encoding="utf-8")
    return names
