"""Data problems that only the checker's own check (checker/bundle.py) or the training scenarios
find come out of validation and of the build as one line naming the file, the entry and the
field, with exit status 1 and no traceback."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from build_scripts.data_files import DATA_DIR
from conftest import edit_yaml

ROOT = Path(__file__).resolve().parent.parent
STEPS = yaml.safe_load((DATA_DIR / "referral.yaml").read_text(encoding="utf-8"))["steps"]
SCENARIO = yaml.safe_load((DATA_DIR / "scenarios.yaml").read_text(encoding="utf-8"))["scenarios"][0]
AT = 3  # a step in the middle of the Rules' order
STEP, NEXT = STEPS[AT]["id"], STEPS[AT + 1]["id"]


def _in_step(change):
    return lambda data_dir: edit_yaml(data_dir, "referral", lambda d: change(d["steps"][AT]))


def _rename_step(data_dir: Path):
    """The step gets another id in every file that names it: only the checker can object."""
    name = re.compile(rf"(?<![\w-]){re.escape(STEP)}(?![\w-])")
    for path in data_dir.glob("*.yaml"):
        path.write_text(name.sub("renamed-step", path.read_text(encoding="utf-8")), encoding="utf-8")


def _rules_entry(change):
    """Change sub-paragraph 1) of paragraph 9 in rules-text.yaml."""

    def edit(d):
        chapter = next(part for part in d["documents"][0]["parts"] if part["id"] == "ch2")
        change(next(p for p in chapter["paragraphs"] if p["number"] == "9")["items"][0])

    return lambda data_dir: edit_yaml(data_dir, "rules-text", edit)


def _move_step(data_dir: Path):
    edit_yaml(data_dir, "referral", lambda d: d["steps"].insert(AT + 1, d["steps"].pop(AT)))


def _wrong_answer(data_dir: Path):
    def change(d):
        scenario = d["scenarios"][0]
        scenario["answer"] = [c for c in scenario["choices"] if c not in scenario["answer"]][:1]

    edit_yaml(data_dir, "scenarios", change)


def _combination_reversed(data_dir: Path):
    edit_yaml(data_dir, "indicators", lambda d: d["combination"]["elements"].reverse())


#: kind -> (change of the data folder, the start of the one line expected).
BROKEN = {
    "step paragraph not the rules'": (
        _in_step(lambda s: s.update(paragraph="44")),  # exists, but is not this step's
        f"data/referral.yaml: id={STEP}: paragraph: steps and paragraphs",
    ),
    "step id not the rules'": (_rename_step, "data/referral.yaml: id=renamed-step: id: steps and paragraphs"),
    "steps out of order": (_move_step, f"data/referral.yaml: id={NEXT}: id: steps and paragraphs"),
    "step states its source": (
        _in_step(lambda s: s.update(source={"doc": "referral-rules-2024", "ref": "1"})),
        f"data/referral.yaml: id={STEP}: source: follows from the paragraph",
    ),
    "step paragraph not in the text": (
        _in_step(lambda s: s.update(paragraph="99")),
        f"data/referral.yaml: id={STEP}: paragraph: paragraph 99 is not in data/rules-text.yaml",
    ),
    "step part the paragraph does not have": (
        _in_step(lambda s: s.update(part=3)),
        f"data/referral.yaml: id={STEP}: part: paragraph ",
    ),
    "rules-text entry states its derived id": (
        _rules_entry(lambda e: e.update(id="p9-1")),
        "data/rules-text.yaml: id=p9-1: id: follows from the number and the place",
    ),
    "combination elements in another order": (
        _combination_reversed,
        "data/indicators.yaml: (file): combination: the checker knows only the rule all_three",
    ),
    "scenario answer the checker does not route": (
        _wrong_answer,
        f"data/scenarios.yaml: id={SCENARIO['id']}: answer: the checker routes ",
    ),
}


def _run(module: str, data_dir: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "BAGDAR_DATA": str(data_dir), "BAGDAR_DOCS": str(tmp_path / "docs")}
    args = [sys.executable, "-m", module] + ([str(data_dir)] if module.endswith("validate") else [])
    return subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)


@pytest.mark.parametrize("kind", sorted(BROKEN))
@pytest.mark.parametrize("module", ["build_scripts.validate", "build_scripts.build"])
def test_checker_level_problem_is_one_line_and_exit_1(data_copy, tmp_path, kind, module):
    change, expected = BROKEN[kind]
    change(data_copy)
    result = _run(module, data_copy, tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith("data/")]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(expected), lines
    assert not (tmp_path / "docs").exists()


def test_mkdocs_alone_stops_on_a_data_problem_in_one_line(data_copy, tmp_path):
    """`mkdocs build` runs the same check in its hook (build_scripts/mkdocs_hooks.py)."""
    _in_step(lambda s: s.update(text={"kk": "мәтін", "ru": "текст"}))(data_copy)
    (tmp_path / "docs").mkdir()
    env = {
        **os.environ,
        "BAGDAR_DATA": str(data_copy),
        "BAGDAR_DOCS": str(tmp_path / "docs"),
        "NO_MKDOCS_2_WARNING": "1",
    }
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-d", str(tmp_path / "site")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if "data/" in line]
    assert len(lines) == 1, result.stderr
    assert f"data/referral.yaml: id={STEP}: text: follows from the paragraph" in lines[0]
    assert not (tmp_path / "site" / "index.html").exists()
