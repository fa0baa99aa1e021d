"""What the checker page is built from, besides its template.

The form comes from the checker's own constants (checker/case.py), so the page offers exactly
the values the checker accepts, in the order of the moment of use: what the officer knows at
detection first, the identification stage last (closed by default). Citations and the "what to
do now" lines are rendered here for the page's script, which never formats a citation itself.

The indicators and the Criteria rows have pickers of their own in the template; every other
field of `case.FIELDS` is a control here. A field the layout does not name yet (a new input of
the checker) lands in the identification section, so it is never missing from the page.
"""

from __future__ import annotations

from dataclasses import dataclass

from build_scripts import citations
from checker import case

#: Allowed values of the fields that take one or several named values.
VALUES = {
    "detected_by": case.SUBJECT_KINDS,
    "location": case.LOCATIONS,
    "citizenship": case.CITIZENSHIPS,
    "urgent_needs": case.URGENT_NEEDS,
    "identified_by": case.IDENTIFYING_SUBJECTS,
}
#: Fields with a picker of their own in the template.
PICKERS = ("indicators", "criteria")
#: Sections: (id, ui label of the legend, fields in order). Indicators come between the first two.
DETECTION = ("checker-detection", ("detected_by", "location", "age", "may_be_minor", "citizenship"))
CONSENT = (
    "checker-consent",
    ("consent", "refuses_assistance", "urgent_needs", "can_relocate_immediately", "unaccompanied", "disability"),
)
IDENTIFICATION = (
    "checker-identification",
    (
        "identified_by",
        "trafficking_threat",
        "refuses_identification",
        "identified_as_victim",
        "pretrial_victim",
        "needs_reintegration",
    ),
)
#: Field labels whose ui id is not `field-` + the field name with dashes.
LABELS = {
    "refuses_assistance": "field-refuses",
    "can_relocate_immediately": "field-relocate",
    "pretrial_victim": "field-pretrial",
    "identified_as_victim": "field-identified",
    "needs_reintegration": "field-reintegration",
}
#: Value labels by field: a ui label prefix, or None for subject kinds (named as in p. 4).
VALUE_LABELS = {
    "location": "location-",
    "citizenship": "citizenship-",
    "urgent_needs": "need-",
    "detected_by": None,
    "identified_by": None,
}
#: The type annotation of a Case field -> the kind of control that reads it (checker-page.js).
KINDS = {"bool": "flag", "bool | None": "tristate", "int | None": "int", "str | None": "choice", "frozenset": "list"}


@dataclass(frozen=True)
class Control:
    name: str
    kind: str  # flag | tristate | int | choice | list
    label: str  # ui label id
    values: tuple = ()


def field_label(name: str) -> str:
    return LABELS.get(name, "field-" + name.replace("_", "-"))


def value_label(field: str, value: str) -> str | None:
    """The ui label id of an allowed value, or None where the value is a subject kind that the
    page names by its body's name (data/competences.yaml); `other` has a ui label."""
    prefix = VALUE_LABELS[field]
    if prefix is None:
        return "detected-other" if value == "other" else None
    return prefix + value


def control(name: str) -> Control:
    kind = KINDS[case.Case.__annotations__[name]]
    return Control(name, kind, field_label(name), VALUES.get(name, ()))


def sections() -> list[tuple[str, list[Control]]]:
    """(legend label id, controls) of the three sections, every field of the checker placed once."""
    placed = set(PICKERS)
    out = []
    for label, names in (DETECTION, CONSENT, IDENTIFICATION):
        present = [n for n in names if n in case.FIELDS]
        placed.update(present)
        out.append((label, [control(n) for n in present]))
    out[-1][1].extend(control(n) for n in case.FIELDS if n not in placed)
    return out


#: Presets of `?role=`: the facts a role fixes and the indicator group it puts first. Any
#: other value of the URL parameter is ignored (nothing from the URL reaches the form unchecked).
PRESETS = {
    "border": {"facts": {"detected_by": "border_service"}, "first_group": "what-border"},
    "consular": {"facts": {"detected_by": "consular", "location": "abroad"}, "first_group": None},
    "public": {"facts": {}, "first_group": None},
}


def citation_map(page, data: dict) -> dict[str, dict]:
    """ref -> {kk, ru, url} for every place of the Rules the checker can cite (the sources of the
    referral steps): rendered here once, by build_scripts/citations.py, never by the script."""
    out = {}
    for step in data["referral"]["steps"]:
        doc, ref = step["source"]["doc"], step["source"]["ref"]
        target = citations.target(doc, ref)
        out[ref] = {lang: citations.place(doc, ref, lang) for lang in ("kk", "ru")}
        out[ref]["url"] = page.url(target) if target and page.exists(target) else None
    return out


def field_actions(data: dict, lang: str) -> list[dict]:
    """The "what to do now" lines for the script, in the page's language."""
    return [
        {"id": a["id"], "steps": a["steps"], "by": a["by"], "text": a["summary"][lang], "links": a.get("links", [])}
        for a in data["field-actions"]["actions"]
    ]
