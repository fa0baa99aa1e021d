"""Invalid input is refused, never guessed at: through assess() and through the command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from checker import InvalidCase, assess

ROOT = Path(__file__).resolve().parent.parent

# (kind, case, the start of the message: the field, then the value as shown)
INVALID = [
    ("not a mapping", ["age", 25], 'case: expected a mapping of fields, got ["age", 25]'),
    ("unknown field", {"age": 25, "colour": "red"}, 'colour: unknown field (value "red")'),
    ("wrong type: text for age", {"age": "25"}, 'age: expected a whole number of years (0 to 130) or null, got "25"'),
    (
        "wrong type: bool is not int",
        {"age": True},
        "age: expected a whole number of years (0 to 130) or null, got true",
    ),
    ("wrong type: float age", {"age": 25.0}, "age: expected a whole number of years (0 to 130) or null, got 25.0"),
    ("negative age", {"age": -1}, "age: expected a whole number of years (0 to 130) or null, got -1"),
    ("wrong type: flag", {"consent": "yes"}, 'consent: expected true or false, got "yes"'),
    ("wrong type: null flag", {"consent": None}, "consent: expected true or false, got null"),
    (
        "wrong type: outcome",
        {"consent": True, "identified_as_victim": 1},
        "identified_as_victim: expected true, false or null, got 1",
    ),
    ("wrong type: list", {"urgent_needs": "water"}, 'urgent_needs: expected a list, got "water"'),
    ("wrong type: indicator id", {"indicators": [5]}, "indicators: expected indicator ids (strings), got 5"),
    (
        "unknown indicator id",
        {"indicators": ["who-adult-unemployed", "who-martian"]},
        'indicators: unknown indicator id "who-martian"',
    ),
    ("unknown criterion id", {"criteria": ["9", "7"]}, 'criteria: unknown criterion id "7"'),
    ("bad enum: location", {"location": "mars"}, 'location: "mars" is not one of kazakhstan, abroad'),
    ("bad enum: citizenship", {"citizenship": "KZ"}, 'citizenship: "KZ" is not one of'),
    ("bad enum: detected_by", {"detected_by": "army"}, 'detected_by: "army" is not one of police,'),
    ("bad enum: urgent need", {"urgent_needs": ["water", "food"]}, 'urgent_needs: "food" is not one of medical,'),
    ("repeated value", {"criteria": ["9", "9"]}, 'criteria: "9" is listed twice'),
    (
        "impossible: age and presumed minor",
        {"age": 30, "may_be_minor": True},
        "may_be_minor: true contradicts age 30: p. 14",
    ),
    (
        "impossible: unaccompanied adult",
        {"age": 30, "unaccompanied": True},
        "unaccompanied: true is for a minor (p. 36), but the person is an adult (age 30)",
    ),
    (
        "impossible: unaccompanied, age unknown",
        {"unaccompanied": True},
        "unaccompanied: true is for a minor (p. 36), but the person counts as an adult",
    ),
    (
        "impossible: refusing with consent",
        {"age": 30, "consent": True, "refuses_assistance": True},
        "refuses_assistance: true contradicts consent: true (pp. 7, 13)",
    ),
    (
        "impossible: identified pre-trial victim",
        {"age": 30, "consent": True, "pretrial_victim": True, "identified_as_victim": True},
        "identified_as_victim: true contradicts pretrial_victim: true: identification is not carried out (p. 30)",
    ),
    (
        "impossible: identifiers for a pre-trial victim",
        {"age": 12, "pretrial_victim": True, "identified_by": ["police"]},
        'identified_by: ["police"] contradicts pretrial_victim: true',
    ),
    (
        "impossible: outcome after refusing identification",
        {"age": 30, "consent": True, "refuses_identification": True, "identified_as_victim": False},
        "identified_as_victim: false contradicts refuses_identification: true",
    ),
    (
        "impossible: identifiers after refusing identification",
        {"age": 14, "refuses_identification": True, "identified_by": ["ngo"]},
        'identified_by: ["ngo"] contradicts refuses_identification: true',
    ),
    (
        "impossible: refusing identification as a pre-trial victim",
        {"age": 30, "pretrial_victim": True, "refuses_identification": True},
        "refuses_identification: true contradicts pretrial_victim: true",
    ),
    ("wrong type: threat", {"trafficking_threat": "yes"}, 'trafficking_threat: expected true or false, got "yes"'),
    (
        "impossible: adult identified without consent",
        {"age": 30, "identified_as_victim": False},
        "identified_as_victim: false needs consent: true for an adult",
    ),
    (
        "impossible: adult who refused, identified",
        {"age": 30, "refuses_assistance": True, "identified_as_victim": True},
        "identified_as_victim: true needs consent: true for an adult",
    ),
    (
        "impossible: identification by a non-identifying subject",
        {"age": 30, "consent": True, "identified_by": ["media"]},
        'identified_by: "media" does not carry out identification (p. 25',
    ),
    (
        "impossible: sign concerning minors for an adult",
        {"age": 40, "indicators": ["what-minor-fear-self-harm"]},
        'indicators: "what-minor-fear-self-harm" is a sign concerning minors, but the person is an adult (age 40)',
    ),
]


@pytest.mark.parametrize("case, message", [(c, m) for _, c, m in INVALID], ids=[k for k, _, _ in INVALID])
def test_assess_refuses(case, message):
    with pytest.raises(InvalidCase) as error:
        assess(case)
    assert isinstance(error.value, ValueError)
    assert str(error.value).startswith(message)
    assert "\n" not in str(error.value)


def run_cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "checker", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        timeout=60,
    )


def assert_refused(result: subprocess.CompletedProcess, message: str) -> None:
    assert result.returncode == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(message), result.stderr


# One case of each kind, through the command line.
CLI_KINDS = [
    "unknown field",
    "wrong type: bool is not int",
    "unknown indicator id",
    "unknown criterion id",
    "bad enum: location",
    "impossible: age and presumed minor",
    "impossible: unaccompanied adult",
]


@pytest.mark.parametrize("kind", CLI_KINDS)
def test_cli_refuses_with_one_line_and_status_2(kind, tmp_path):
    _, case, message = next(entry for entry in INVALID if entry[0] == kind)
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case), encoding="utf-8")
    assert_refused(run_cli("assess", str(path)), message)


def test_cli_refuses_on_standard_input():
    assert_refused(run_cli("assess", "-", stdin='{"location": "mars"}'), 'location: "mars" is not one of')


def test_cli_refuses_bad_json(tmp_path):
    path = tmp_path / "case.json"
    path.write_text('{"age": 25,', encoding="utf-8")
    assert_refused(run_cli("assess", str(path)), f"{path}: not valid JSON:")


def test_cli_refuses_bad_yaml(tmp_path):
    path = tmp_path / "case.yaml"
    path.write_text("age: [25\n", encoding="utf-8")
    assert_refused(run_cli("assess", str(path)), f"{path}: not valid YAML:")


def test_cli_refuses_a_missing_file(tmp_path):
    assert_refused(run_cli("assess", str(tmp_path / "none.json")), f"{tmp_path / 'none.json'}: cannot read:")


def test_cli_refuses_unknown_usage():
    assert_refused(run_cli("judge", "case.json"), "usage: python -m checker assess")


def test_cli_assesses_a_yaml_case(tmp_path):
    path = tmp_path / "case.yaml"
    path.write_text("age: 15\nlocation: kazakhstan\nindicators: [what-sale-illegal-adoption]\n", encoding="utf-8")
    result = run_cli("assess", str(path))
    assert result.returncode == 0 and result.stderr == ""
    output = json.loads(result.stdout)
    assert output == assess({"age": 15, "location": "kazakhstan", "indicators": ["what-sale-illegal-adoption"]})
    assert output["screening"]["forms"] == ["sale_of_minors"]
