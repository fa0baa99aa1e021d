"""The training scenarios (data/scenarios.yaml) with the answers the checker gives, for the pages
training/ID/: each grades in the browser against them, without Pyodide.

The expected choices of a scenario are those that checker.assess routes for its `case`, run on
the data the site is built from. A case the checker refuses, or an expected set that is not the
scenario's `answer`, is a data problem: the build stops.
"""

from __future__ import annotations

from dataclasses import dataclass

from build_scripts import citations
from build_scripts.data_files import DataError, Problem
from checker import InvalidCase, assess
from checker.bundle import DATA_NAMES as CHECKER_DATA

FILE = "data/scenarios.yaml"
#: The labels training.js shows.
SCRIPT_LABELS = ["training-right", "training-wrong", "training-required", "training-not-required",
                 "training-score", "training-all-right", "result-actor", "result-deadline"]


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
        return {"labels": page.labels_for(SCRIPT_LABELS), "expected": self.expected[scenario["id"]], "steps": info}


def training_view(data: dict) -> Training:
    """The scenarios with their expected choices; raises DataError naming each bad scenario."""
    checker_data = {name: data[name] for name in CHECKER_DATA}
    scenarios = data["scenarios"]["scenarios"]
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
    if problems:
        raise DataError(problems)
    return Training(scenarios, expected, data["referral"])
