"""The page "How the checker reads the Rules": chapters 2-3 paragraph by paragraph, each with
the rules of checker/routing.py that implement it, their conditions in plain words
(data/route-conditions.yaml), the site's readings (data/readings.yaml) and the readable test
cases (tests/cases/) whose route reaches them, computed here by the checker itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from build_scripts.citations import RULES_DOC
from build_scripts.data_files import ROOT
from checker import assess
from checker.bundle import DATA_NAMES as CHECKER_DATA
from checker.routing import RULES

CASES_DIR = ROOT / "tests" / "cases"
#: Chapters 2-3 of the Rules: p. 4 names the referral subjects (no step), pp. 5-45 the route.
FIRST, LAST = 4, 45


def load_cases(cases_dir: Path = CASES_DIR) -> list[dict]:
    """The cases of cases_dir/*.yaml in file and list order, each with its `file`."""
    cases = []
    for path in sorted(Path(cases_dir).glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            cases.append({**case, "file": path.name})
    return cases


def case_anchor(name: str) -> str:
    """The page anchor of a case: its name in lower case, words joined by hyphens."""
    return "case-" + "-".join(re.findall(r"[a-z0-9]+", name.lower()))[:80].rstrip("-")


@dataclass(frozen=True)
class CaseView:
    number: int  # its place in the list, from 1: what the links on the page show
    anchor: str
    name: str
    facts: str
    cites: tuple
    route: tuple  # the step ids the checker gives
    paragraphs: str  # their paragraphs, "5, 6, 7, 9.1"


@dataclass(frozen=True)
class RuleView:
    step: dict
    condition: dict  # {kk, ru}
    readings: list
    cases: list  # CaseViews reaching the step


@dataclass(frozen=True)
class ParagraphView:
    number: str
    paragraph: dict  # the paragraph of rules-text.yaml (text, items)
    rules: list


class Audit:
    """Every paragraph of chapters 2-3 with its rules, and the cases."""

    def __init__(self, data: dict, cases: list[dict] | None = None):
        steps = {s["id"]: s for s in data["referral"]["steps"]}
        conditions = {c["id"]: c["text"] for c in data["route-conditions"]["conditions"]}
        checker_data = {name: data[name] for name in CHECKER_DATA}
        self.readings = data["readings"]["readings"]
        self.cases = [
            self._case(number, case, checker_data, steps)
            for number, case in enumerate(load_cases() if cases is None else cases, 1)
        ]
        anchors = [c.anchor for c in self.cases]
        if len(set(anchors)) != len(anchors):
            raise ValueError("tests/cases: two case names give the same anchor")
        rules = next(d for d in data["rules-text"]["documents"] if d["doc"] == RULES_DOC)
        texts = {p["number"]: p for part in rules["parts"] if part["id"] != "order" for p in part["paragraphs"]}
        by_paragraph: dict[str, list] = {}
        for rule in RULES:
            name = rule.applies.__name__
            if name not in conditions:
                raise ValueError(
                    f"data/route-conditions.yaml: no condition {name!r} (checker/routing.py, step {rule.step})"
                )
            step = steps[rule.step]
            by_paragraph.setdefault(rule.paragraph.split(".")[0], []).append(
                RuleView(
                    step,
                    conditions[name],
                    [r for r in self.readings if rule.step in r["steps"]],
                    [c for c in self.cases if rule.step in c.route],
                )
            )
        self.paragraphs = [
            ParagraphView(str(n), texts[str(n)], by_paragraph.get(str(n), [])) for n in range(FIRST, LAST + 1)
        ]

    @staticmethod
    def _case(number: int, case: dict, checker_data: dict, steps: dict) -> CaseView:
        route = tuple(a["id"] for a in assess(case["input"], data=checker_data)["referral"]["actions"])
        facts = ", ".join(f"{key}: {_plain(value)}" for key, value in case["input"].items()) or "—"
        paragraphs = ", ".join(dict.fromkeys(steps[step]["paragraph"] for step in route))
        return CaseView(
            number, case_anchor(case["name"]), case["name"], facts, tuple(case.get("cites", [])), route, paragraphs
        )


def _plain(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, list):
        return "[" + ", ".join(map(_plain, value)) + "]"
    return str(value)
