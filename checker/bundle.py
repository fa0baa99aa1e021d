"""The data the checker reads, as plain dicts: {"indicators", "criteria", "referral", "readings"}.

Each value is the content of data/NAME.yaml. CPython reads those files (checker.yaml_data);
the browser passes the same content, exported as JSON, to use_data(). build_bundle checks it
against the route once and indexes it, so that assess() only looks things up.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from .routing import RULES

DATA_NAMES = ("indicators", "criteria", "referral", "readings")
ELEMENTS = ("who", "where", "what")
AUDIENCES = ("adult", "minor", "any")
RULES_DOC = "referral-rules-2024"


class CheckerDataError(ValueError):
    """The data given to the checker cannot be used; the message says where and why."""


@dataclass(frozen=True)
class Indicator:
    position: int
    element: str
    form: str | None
    audience: str


@dataclass(frozen=True)
class Bundle:
    """The checked data: indicators and criterion rows by id (with their order), step actions."""

    indicators: dict
    rows: dict
    threshold: int | None
    actions: dict

    def action(self, step: str) -> dict:
        """A fresh copy of the output action for `step`."""
        template = self.actions[step]
        return {
            **template,
            "text": dict(template["text"]),
            "basis": [dict(b) for b in template["basis"]],
            "readings": [{"id": r["id"], "text": dict(r["text"])} for r in template["readings"]],
        }


def build_bundle(raw) -> Bundle:
    """Check `raw` and index it; raises CheckerDataError naming the first problem."""
    _need(
        isinstance(raw, dict) and all(isinstance(raw.get(n), dict) for n in DATA_NAMES),
        "data",
        f"expected a mapping with the mappings {', '.join(DATA_NAMES)}",
    )
    return Bundle(
        indicators=_indicators(raw["indicators"]),
        rows=_rows(raw["criteria"]),
        threshold=_threshold(raw["criteria"]),
        actions=_actions(raw["referral"], raw["readings"]),
    )


def essentials(raw) -> dict:
    """The part of `raw` the checker and its page read, in the same shape (for the browser)."""
    indicators, criteria, referral, readings = (raw[name] for name in DATA_NAMES)
    step_keys = ("id", "paragraph", "actor", "deadline", "applies_to", "text", "source")
    return {
        "indicators": {
            "combination": {
                "rule": indicators["combination"]["rule"],
                "elements": [{"id": e["id"]} for e in indicators["combination"]["elements"]],
            },
            "indicators": [
                {k: i[k] for k in ("id", "element", "form", "audience") if k in i} for i in indicators["indicators"]
            ],
        },
        "criteria": {
            "threshold": criteria["threshold"],
            "rows": [{"id": r["id"], "points": r["points"]} for r in criteria["rows"]],
        },
        "referral": {
            "actors": referral["actors"],
            "deadlines": referral["deadlines"],
            "steps": [{k: s[k] for k in step_keys} for s in referral["steps"]],
        },
        "readings": {
            "readings": [{k: r[k] for k in ("id", "paragraph", "steps", "text")} for r in readings["readings"]]
        },
    }


def browser_json(raw) -> str:
    """What the browser passes to use_data(): the checked data's essentials as compact JSON."""
    build_bundle(raw)
    return json.dumps(essentials(raw), ensure_ascii=False, separators=(",", ":"))


_installed: Bundle | None = None


def use_data(raw) -> None:
    """Use this data (the data files' content) for every later assess() given no data."""
    global _installed
    _installed = build_bundle(raw)


def installed_bundle() -> Bundle:
    """The data given to use_data(), else the repository's data/*.yaml (CPython with PyYAML)."""
    if _installed is None:
        try:
            from .yaml_data import load_yaml_data
        except ImportError as err:
            raise CheckerDataError("data: none given: call checker.use_data() with the exported JSON") from err
        use_data(load_yaml_data())
    return _installed


def _indicators(section) -> dict:
    combination = section.get("combination") or {}
    elements = [e.get("id") for e in combination.get("elements") or [] if isinstance(e, dict)]
    _need(
        combination.get("rule") == "all_three" and tuple(elements) == ELEMENTS,
        "indicators.combination",
        "the checker knows only the rule all_three over who, where, what",
    )
    indicators = {}
    for position, item in enumerate(_entries(section, "indicators", "indicators")):
        where = f"indicators.indicators[{position}]"
        _need(item.get("element") in ELEMENTS, f"{where}.element", f"must be one of {', '.join(ELEMENTS)}")
        _need(item.get("audience") in AUDIENCES, f"{where}.audience", f"must be one of {', '.join(AUDIENCES)}")
        _need(item.get("form") is None or isinstance(item["form"], str), f"{where}.form", "must be a string")
        indicators[item["id"]] = Indicator(position, item["element"], item.get("form"), item["audience"])
    return indicators


def _rows(section) -> dict:
    rows = {}
    for position, row in enumerate(_entries(section, "rows", "criteria")):
        points = row.get("points")
        _need(
            isinstance(points, int) and not isinstance(points, bool),
            f"criteria.rows[{position}].points",
            "must be an integer",
        )
        rows[row["id"]] = (position, points)
    return rows


def _threshold(section) -> int | None:
    threshold = section.get("threshold")
    _need(
        threshold is None or (isinstance(threshold, int) and not isinstance(threshold, bool)),
        "criteria.threshold",
        "must be an integer or null",
    )
    return threshold


def _readings(section, steps: set) -> dict:
    """step id -> the readings (id, text) that decide it, in the file's order."""
    by_step: dict = {step: [] for step in steps}
    for reading in _entries(section, "readings", "readings"):
        where = f"readings.readings[id={reading['id']}]"
        text = reading.get("text")
        named = reading.get("steps")
        _need(
            isinstance(named, list) and named and all(step in steps for step in named),
            where,
            "steps must be a non-empty list of step ids of referral.steps",
        )
        _need(
            isinstance(text, dict) and all(isinstance(text.get(lang), str) for lang in ("kk", "ru")),
            where,
            "text must have kk and ru strings",
        )
        for step in named:
            by_step[step].append({"id": reading["id"], "text": {"kk": text["kk"], "ru": text["ru"]}})
    return by_step


def _actions(section, readings_section) -> dict:
    actors = {a["id"] for a in _entries(section, "actors", "referral")}
    deadlines = {d["id"] for d in _entries(section, "deadlines", "referral")}
    steps = _entries(section, "steps", "referral")
    expected = [(rule.step, rule.paragraph) for rule in RULES]
    found = [(s["id"], s.get("paragraph")) for s in steps]
    _need(
        found == expected,
        _difference_place(found, expected),
        "steps and paragraphs must be those of checker/routing.py RULES, in that order; "
        f"first difference: {_first_difference(found, expected)}",
    )
    readings = _readings(readings_section, {s["id"] for s in steps})
    actions = {}
    for step in steps:
        where = f"referral.steps[id={step['id']}]"
        text = step.get("text")
        _need(step.get("actor") in actors, f"{where}.actor", f"unknown actor {step.get('actor')!r}")
        _need(
            step.get("deadline") is None or step["deadline"] in deadlines,
            f"{where}.deadline",
            f"unknown deadline {step.get('deadline')!r}",
        )
        _need(step.get("applies_to") in AUDIENCES, f"{where}.applies_to", f"must be one of {', '.join(AUDIENCES)}")
        _need(
            isinstance(text, dict) and all(isinstance(text.get(lang), str) for lang in ("kk", "ru")),
            f"{where}.text",
            "must have kk and ru strings",
        )
        _need(
            step.get("source") == {"doc": RULES_DOC, "ref": step["paragraph"]},
            f"{where}.source",
            f"must be {{doc: {RULES_DOC}, ref: {step['paragraph']!r}}} (the step's paragraph)",
        )
        actions[step["id"]] = {
            "id": step["id"],
            "actor": step["actor"],
            "deadline": step.get("deadline"),
            "text": {"kk": text["kk"], "ru": text["ru"]},
            "basis": [dict(step["source"])],
            "readings": readings[step["id"]],
        }
    return actions


def _entries(section, key, file) -> list:
    """section[key]: a list of mappings, each with a unique string id."""
    entries = section.get(key)
    _need(
        isinstance(entries, list) and all(isinstance(e, dict) and isinstance(e.get("id"), str) for e in entries),
        f"{file}.{key}",
        "expected a list of entries with ids",
    )
    ids = [e["id"] for e in entries]
    _need(len(set(ids)) == len(ids), f"{file}.{key}", "ids must be unique")
    return entries


def _difference_place(found, expected) -> str:
    """The first step whose id or paragraph differs from the rules' (`referral.steps[3].id`)."""
    for index, (got, want) in enumerate(zip(found, expected, strict=False)):
        if got != want:
            return f"referral.steps[{index}].{'paragraph' if got[0] == want[0] else 'id'}"
    return "referral.steps"


def _first_difference(found, expected) -> str:
    for index, (got, want) in enumerate(zip(found, expected, strict=False)):
        if got != want:
            return f"at {index}: {got} instead of {want}"
    return f"{len(found)} steps instead of {len(expected)}"


def _need(condition, where, message) -> None:
    if not condition:
        raise CheckerDataError(f"{where}: {message}")
