"""The checker wheel shipped to browsers holds exactly the checker package's files: nothing left
over in a build folder from a module since deleted or renamed."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

from build_scripts.checker_assets import build_checker_wheel

ROOT = Path(__file__).resolve().parent.parent


def package_files(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in (root / "checker").rglob("*.py") if "__pycache__" not in p.parts}


def wheel_files(wheel: Path) -> tuple[set[str], set[str]]:
    """(the package's files, the other files) in the wheel."""
    names = set(zipfile.ZipFile(wheel).namelist())
    package = {n for n in names if n.startswith("checker/")}
    return package, names - package


def test_wheel_holds_exactly_the_package(tmp_path):
    package, other = wheel_files(build_checker_wheel(tmp_path))
    assert package == package_files(ROOT)
    assert all(".dist-info/" in name for name in other), other


def test_wheel_after_a_module_rename_holds_the_new_name_only(tmp_path):
    root = tmp_path / "project"
    root.mkdir()
    shutil.copy2(ROOT / "pyproject.toml", root / "pyproject.toml")
    shutil.copytree(ROOT / "checker", root / "checker", ignore=shutil.ignore_patterns("__pycache__"))
    build_checker_wheel(tmp_path / "first", root=root)
    # What setuptools leaves in a shared build folder, and the rename itself.
    stale = root / "build" / "lib" / "checker"
    stale.mkdir(parents=True)
    shutil.copy2(root / "checker" / "scoring.py", stale / "scoring.py")
    (root / "checker" / "scoring.py").rename(root / "checker" / "criteria_score.py")
    package, _ = wheel_files(build_checker_wheel(tmp_path / "second", root=root))
    assert package == package_files(root)
    assert "checker/criteria_score.py" in package and "checker/scoring.py" not in package
