"""A case, the checker's input: checked field by field, never guessed at (CONTRACT.md).

Every field is optional. An absent fact is null or false, and the route never assumes it.
"""

from __future__ import annotations

from dataclasses import dataclass

from .case_file import shorten

#: p. 4 of the Rules: the kinds of referral subjects, in its order, then anyone else.
SUBJECT_KINDS = (
    "police",
    "social_protection",
    "health",
    "education",
    "consular",
    "tourism",
    "media",
    "border_service",
    "health_org",
    "education_org",
    "local_executive",
    "ngo",
    "tour_operator",
    "employment_agency",
    "ssp",
    "mobile_group",
    "other_state_body",
    "other",
)
#: p. 25: identification is carried out by the police jointly with these.
IDENTIFYING_SUBJECTS = ("police", "local_executive", "ssp", "ngo")
LOCATIONS = ("kazakhstan", "abroad")
#: No one is older: a larger age is a typing mistake, not a fact to route on.
MAX_AGE = 130
CITIZENSHIPS = ("kz", "foreign", "stateless_resident", "refugee_kz")
#: p. 26(2): urgent medical help, including psychological help and help after substance use.
MEDICAL_NEEDS = ("medical", "psychological", "substance_use")
#: p. 26(3): first necessities, including water, hygiene items and necessary things.
ESSENTIAL_NEEDS = ("water", "hygiene", "essentials")
URGENT_NEEDS = MEDICAL_NEEDS + ESSENTIAL_NEEDS

FIELDS = (
    "age",
    "may_be_minor",
    "location",
    "citizenship",
    "consent",
    "refuses_assistance",
    "urgent_needs",
    "can_relocate_immediately",
    "detected_by",
    "identified_by",
    "unaccompanied",
    "disability",
    "pretrial_victim",
    "refuses_identification",
    "identified_as_victim",
    "trafficking_threat",
    "needs_reintegration",
    "indicators",
    "criteria",
)


class InvalidCase(ValueError):
    """The case is refused; the one-line message names the field and the value."""


@dataclass(frozen=True)
class Case:
    """The facts of one case, checked; `minor` includes the presumption of p. 14."""

    minor: bool
    age: int | None
    may_be_minor: bool
    location: str | None
    citizenship: str | None
    consent: bool
    refuses_assistance: bool
    urgent_needs: frozenset
    can_relocate_immediately: bool | None
    detected_by: str | None
    identified_by: frozenset
    unaccompanied: bool
    disability: bool
    pretrial_victim: bool
    refuses_identification: bool
    identified_as_victim: bool | None
    trafficking_threat: bool
    needs_reintegration: bool
    indicators: tuple
    criteria: tuple


def parse_case(raw, bundle) -> Case:
    """The checked Case for `raw` (a mapping); raises InvalidCase naming the first problem."""
    if not isinstance(raw, dict):
        raise InvalidCase(f"case: expected a mapping of fields, got {_got(raw)}")
    for name, value in raw.items():
        if name not in FIELDS:
            raise InvalidCase(f"{name}: unknown field (value {_show(value)})")
    age = _age(raw)
    may_be_minor = _flag(raw, "may_be_minor")
    case = Case(
        minor=(age is not None and age < 18) or may_be_minor,
        age=age,
        may_be_minor=may_be_minor,
        location=_choice(raw, "location", LOCATIONS),
        citizenship=_choice(raw, "citizenship", CITIZENSHIPS),
        consent=_flag(raw, "consent"),
        refuses_assistance=_flag(raw, "refuses_assistance"),
        urgent_needs=frozenset(_values(raw, "urgent_needs", URGENT_NEEDS)),
        can_relocate_immediately=_flag_or_null(raw, "can_relocate_immediately"),
        detected_by=_choice(raw, "detected_by", SUBJECT_KINDS),
        identified_by=frozenset(_identifying_subjects(raw)),
        unaccompanied=_flag(raw, "unaccompanied"),
        disability=_flag(raw, "disability"),
        pretrial_victim=_flag(raw, "pretrial_victim"),
        refuses_identification=_flag(raw, "refuses_identification"),
        identified_as_victim=_flag_or_null(raw, "identified_as_victim"),
        trafficking_threat=_flag(raw, "trafficking_threat"),
        needs_reintegration=_flag(raw, "needs_reintegration"),
        indicators=_ids(raw, "indicators", bundle.indicators, "indicator"),
        criteria=_ids(raw, "criteria", bundle.rows, "criterion"),
    )
    _check_combinations(case, bundle)
    return case


def _check_combinations(case: Case, bundle) -> None:
    """Refuse facts that contradict each other under the Rules.

    - a known age with may_be_minor: the presumption is for an unknown age (p. 14);
    - unaccompanied for an adult: p. 36 is about minors;
    - refusing assistance after consenting to referral (pp. 7, 13);
    - an identification outcome or identifiers where no identification is held: a recognised
      pre-trial victim (p. 30), an adult without consent, who is not referred (p. 7), or a
      person who refuses identification (p. 33: then there is no outcome to record);
    - refusing identification where it is not carried out anyway (p. 30);
    - a sign concerning minors (audience "minor" in the indicators) for an adult.
    """
    if case.may_be_minor and case.age is not None:
        raise InvalidCase(
            f"may_be_minor: true contradicts age {case.age}: "
            "p. 14 presumes a minor only when the age is not established"
        )
    if case.unaccompanied and not case.minor:
        raise InvalidCase(f"unaccompanied: true is for a minor (p. 36), but {_adult(case)}")
    if case.refuses_assistance and case.consent:
        raise InvalidCase("refuses_assistance: true contradicts consent: true (pp. 7, 13)")
    if case.refuses_identification and case.pretrial_victim:
        raise InvalidCase(
            "refuses_identification: true contradicts pretrial_victim: true: identification is not carried out (p. 30)"
        )
    for name in ("identified_as_victim", "identified_by"):
        value = getattr(case, name)
        if value is None or value == frozenset():
            continue
        if case.refuses_identification:
            raise InvalidCase(
                f"{name}: {_show(value)} contradicts refuses_identification: true: "
                "a person who refuses identification is not identified (p. 33)"
            )
        if case.pretrial_victim:
            raise InvalidCase(
                f"{name}: {_show(value)} contradicts pretrial_victim: true: identification is not carried out (p. 30)"
            )
        if not case.minor and not case.consent:
            raise InvalidCase(
                f"{name}: {_show(value)} needs consent: true for an adult: "
                "without informed consent there is no referral, so no identification (p. 7)"
            )
    if not case.minor:
        for ident in case.indicators:
            if bundle.indicators[ident].audience == "minor":
                raise InvalidCase(f"indicators: {_show(ident)} is a sign concerning minors, but {_adult(case)}")


def _adult(case: Case) -> str:
    if case.age is not None:
        return f"the person is an adult (age {case.age})"
    return "the person counts as an adult (age not established and may_be_minor not true, p. 14)"


def _age(raw) -> int | None:
    value = raw.get("age")
    if value is not None and (not _is_int(value) or not 0 <= value <= MAX_AGE):
        raise InvalidCase(f"age: expected a whole number of years (0 to {MAX_AGE}) or null, got {_got(value)}")
    return value


def _flag(raw, name) -> bool:
    value = raw.get(name, False)
    if not isinstance(value, bool):
        raise InvalidCase(f"{name}: expected true or false, got {_got(value)}")
    return value


def _flag_or_null(raw, name) -> bool | None:
    value = raw.get(name)
    if value is not None and not isinstance(value, bool):
        raise InvalidCase(f"{name}: expected true, false or null, got {_got(value)}")
    return value


def _choice(raw, name, choices) -> str | None:
    value = raw.get(name)
    if value is not None and (not isinstance(value, str) or value not in choices):
        raise InvalidCase(f"{name}: {_show(value)} is not one of {', '.join(choices)}")
    return value


def _values(raw, name, choices) -> list:
    values = _list(raw, name)
    for value in values:
        if not isinstance(value, str) or value not in choices:
            raise InvalidCase(f"{name}: {_show(value)} is not one of {', '.join(choices)}")
    return _unique(name, values)


def _identifying_subjects(raw) -> list:
    subjects = _values(raw, "identified_by", SUBJECT_KINDS)
    for subject in subjects:
        if subject not in IDENTIFYING_SUBJECTS:
            raise InvalidCase(
                f"identified_by: {_show(subject)} does not carry out identification "
                f"(p. 25: {', '.join(IDENTIFYING_SUBJECTS)})"
            )
    return subjects


def _ids(raw, name, known, what) -> tuple:
    ids = _list(raw, name)
    for ident in ids:
        if not isinstance(ident, str):
            raise InvalidCase(f"{name}: expected {what} ids (strings), got {_got(ident)}")
        if ident not in known:
            raise InvalidCase(f"{name}: unknown {what} id {_show(ident)}")
    return tuple(_unique(name, ids))


def _list(raw, name) -> list:
    values = raw.get(name, [])
    if not isinstance(values, (list, tuple)):
        raise InvalidCase(f"{name}: expected a list, got {_got(values)}")
    return list(values)


def _unique(name, values: list) -> list:
    """The values (strings), refused if one is listed twice: a list is a set of facts."""
    seen = set()
    for value in values:
        if value in seen:
            raise InvalidCase(f"{name}: {_show(value)} is listed twice")
        seen.add(value)
    return values


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _got(value) -> str:
    return f"{_show(value)} ({_kind(value)})"


def _kind(value) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    kinds = {float: "a number", str: "a string", list: "a list", tuple: "a list", dict: "a mapping", type(None): "null"}
    return kinds.get(type(value), type(value).__name__)


def _show(value) -> str:
    """The value as JSON on one line, shortened, control characters escaped."""
    if isinstance(value, (set, frozenset)):
        value = sorted(value)
    return shorten(value, 80)
