"""The training scenarios (data/scenarios.yaml) with the answers the checker gives, for the pages
training/ID/: each grades in the browser against them, without Pyodide.

The expected choices of a scenario are those that checker.assess routes for its `case`, run on
the data the site is built from. A case the checker refuses, or an expected set that is not the
scenario's `answer`, is a data problem: the build stops. A scenario's `who` question asks who
carries out one of its steps: the answer is the step's actor in referral.yaml, and the step must be
one the checker routes for the case and the actor one of the choices.
"""

from __future__ import annotations

from dataclasses import dataclass

from build_scripts import citations
from build_scripts.data_files import DataError, Problem
from checker import InvalidCase, assess
from checker.bundle import DATA_NAMES as CHECKER_DATA

FILE = "data/scenarios.yaml"
#: The labels training.js shows.
SCRIPT_LABELS = [
    "training-right",
    "training-wrong",
    "training-required",
    "training-not-required",
    "training-score",
    "training-all-right",
    "result-actor",
    "result-deadline",
    "scenario-who-right",
]
#: The stages scenarios are grouped by, in the order the training page lists them.
STAGES = ("detection", "minors", "abroad", "identification", "assistance")


@dataclass(frozen=True)
class Training:
    """The scenarios, the expected choices of each (scenario id -> step ids) and the referral data."""

    scenarios: list
    expected: dict
    referral: dict

    def script_data(self, page, scenario: dict) -> dict:
        """What training.js reads on the page of `scenario`: labels, the expected choices, and for
        each choice its paragraph (words and URL), actor and deadline in the page's language."""
        steps = {step["id"]: step for step in self.referral["steps"]}
        actors = page.names(self.referral["actors"], "name")
        deadlines = page.names(self.referral["deadlines"], "label")
        info = {}
        for step_id in scenario["choices"]:
            step, source = steps[step_id], steps[step_id]["source"]
            info[step_id] = {
                "place": citations.place(source["doc"], source["ref"], page.lang),
                "href": page.url(citations.target(source["doc"], source["ref"])),
                "actor": actors[step["actor"]],
                "deadline": deadlines.get(step["deadline"]),
            }
        out = {"labels": page.labels_for(SCRIPT_LABELS), "expected": self.expected[scenario["id"]], "steps": info}
        if scenario.get("who"):
            step = steps[scenario["who"]["step"]]
            out["who"] = {
                "answer": step["actor"],
                "actor": actors[step["actor"]],
                "place": citations.place(step["source"]["doc"], step["source"]["ref"], page.lang),
                "href": page.url(citations.target(step["source"]["doc"], step["source"]["ref"])),
            }
        return out

    def by_stage(self) -> list[tuple[str, list]]:
        """(stage, its scenarios from the easiest) for every stage that has scenarios."""
        groups = [(stage, [s for s in self.scenarios if s["stage"] == stage]) for stage in STAGES]
        return [(stage, sorted(items, key=lambda s: s["difficulty"])) for stage, items in groups if items]


def training_view(data: dict) -> Training:
    """The scenarios (by stage, then from the easiest) with their expected choices; raises
    DataError naming each bad scenario."""
    checker_data = {name: data[name] for name in CHECKER_DATA}
    scenarios = sorted(data["scenarios"]["scenarios"], key=lambda s: (STAGES.index(s["stage"]), s["difficulty"]))
    expected, problems = {}, []
    for scenario in scenarios:
        try:
            result = assess(scenario["case"], checker_data)
        except InvalidCase as err:
            problems.append(Problem(FILE, scenario["id"], "case", f"the checker refuses it: {err}"))
            continue
        routed = {action["id"] for action in result["referral"]["actions"]}
        expected[scenario["id"]] = [step for step in scenario["choices"] if step in routed]
        if set(expected[scenario["id"]]) != set(scenario["answer"]):
            routed_choices = ", ".join(expected[scenario["id"]]) or "none"
            message = f"the checker routes {routed_choices} of the choices"
            problems.append(Problem(FILE, scenario["id"], "answer", message))
        problems += _who_problems(scenario, routed, data["referral"])
    if problems:
        raise DataError(problems)
    return Training(scenarios, expected, data["referral"])


def _who_problems(scenario: dict, routed: set, referral: dict) -> list[Problem]:
    """A `who` question must ask about a step the checker routes and offer its actor."""
    who = scenario.get("who")
    if not who:
        return []
    if who["step"] not in routed:
        return [Problem(FILE, scenario["id"], "who.step", f"the checker does not route {who['step']}")]
    actor = next(step["actor"] for step in referral["steps"] if step["id"] == who["step"])
    if actor not in who["choices"]:
        return [Problem(FILE, scenario["id"], "who.choices", f"the step's actor {actor} is not among them")]
    return []
