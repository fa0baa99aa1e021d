"""The referral route: chapters 2-3 of the Referral Rules (referral-rules-2024), pp. 5-45.

RULES holds one rule per step of data/referral.yaml, in the Rules' order: the paragraph it
implements, the step, and the condition under which that paragraph makes the step happen.
Read the conditions below against the paragraphs, one by one.

How the Rules are read where they leave room (where they are silent, the route does the least):

- Minor: under 18, or the age is not established and there are grounds to believe so (p. 14).
- Adults and minors follow separate tracks. For minors, pp. 15-19 deal with what pp. 8-12 deal
  with for adults (communication, notification and urgent needs, relocation) and provide no
  offer, consent or refusal: the minor is informed of the referral and handed over, never left
  unattended (p. 16(2)-(3)). So pp. 6-13 are for adults, and a minor's consent or refusal
  changes nothing. p. 32 (informing an identified victim) and p. 40 (the social-protection
  standard) are for adults too: for minors p. 38 names the Children Support Centre and the
  education standard. p. 39 names the adult's and the minor's destination separately.
- An adult is referred only with informed consent (p. 7; p. 9 begins "after obtaining the
  informed consent"). Without it the route stops after p. 8, with the information card if the
  person refuses assistance (p. 13) and the report of crimes to the police (p. 20), which does
  not depend on consent. The Rules say nothing more for that case.
- Abroad, return and referral from abroad (pp. 21-23) take the place of relocation within
  Kazakhstan (pp. 11-12, 17-18). Return (p. 21) is for citizens of Kazakhstan, refugees it
  recognises and stateless persons permanently residing in it; an adult is returned only with
  consent, as p. 7 makes consent a condition of referral and p. 22 repeats it abroad. An unknown
  location or citizenship triggers neither.
- Relocation: immediate safe relocation is the rule (pp. 11, 17); the safe place of up to three
  days only when it is known to be impossible (pp. 12, 18).
- Identification (pp. 24-31) follows referral, except when a pre-trial investigation has begun
  and the person is recognised as a victim (p. 30): then the police inform them (p. 45).
- Urgent needs found before identification (p. 26): medical, psychological and substance-use
  needs call for emergency medical help (p. 27(1), as p. 26(2) groups them); water, hygiene and
  essentials for help with them (p. 27(2)). Attending to urgent needs at detection (pp. 9(2),
  16(4)) is a duty whatever the needs are.
- Outcome: identified (p. 32, minors p. 38) or not recognised or refused (pp. 33-35). p. 39
  applies once the victim is identified and only the police and/or an NGO identified them.
- Services (pp. 40-44) follow identification as a victim; pp. 43-44 only for citizens of
  Kazakhstan who need further social integration.
- Who detected the person (detected_by) changes nothing: pp. 5-20 give every subject of p. 4
  the same duties. The report of crimes (p. 20) is part of every route: its text is the condition.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .case import ESSENTIAL_NEEDS, MEDICAL_NEEDS, Case

#: p. 21: the persons whom foreign institutions return to Kazakhstan.
RETURNED_CITIZENSHIPS = ("kz", "refugee_kz", "stateless_resident")
#: p. 39: identification by only these (one or both) sends the victim on within one working day.
POLICE_OR_NGO = frozenset({"police", "ngo"})


@dataclass(frozen=True)
class Rule:
    """Paragraph `paragraph` makes step `step` happen when `applies(case)`."""

    paragraph: str
    step: str
    applies: Callable[[Case], bool]


def always(case: Case) -> bool:
    """Every case."""
    return True


def adult(case: Case) -> bool:
    """Not a minor, not presumed one (p. 14)."""
    return not case.minor


def minor(case: Case) -> bool:
    """A minor or presumed one (p. 14)."""
    return case.minor


def presumed_minor(case: Case) -> bool:
    """Age not established, grounds to believe the person is a minor (p. 14)."""
    return case.may_be_minor


def adult_consents(case: Case) -> bool:
    """An adult who gave informed consent to referral (pp. 7, 9)."""
    return not case.minor and case.consent


def adult_refuses(case: Case) -> bool:
    """An adult who refuses assistance (p. 13)."""
    return not case.minor and case.refuses_assistance


def referred(case: Case) -> bool:
    """An adult with consent (p. 7), or a minor, who is always handed over (p. 16(3))."""
    return case.minor or case.consent


def in_kazakhstan(case: Case) -> bool:
    return case.location == "kazakhstan"


def abroad(case: Case) -> bool:
    return case.location == "abroad"


def relocation_impossible(case: Case) -> bool:
    """Immediate safe relocation is known to be impossible (pp. 12, 18)."""
    return case.can_relocate_immediately is False


def adult_relocated(case: Case) -> bool:
    """p. 11: an adult referred in Kazakhstan is relocated safely, unless p. 12 applies."""
    return adult_consents(case) and in_kazakhstan(case) and not relocation_impossible(case)


def adult_sheltered(case: Case) -> bool:
    """p. 12: an adult referred in Kazakhstan who cannot be relocated at once."""
    return adult_consents(case) and in_kazakhstan(case) and relocation_impossible(case)


def minor_relocated(case: Case) -> bool:
    """p. 17: a minor in Kazakhstan is relocated safely, unless p. 18 applies."""
    return case.minor and in_kazakhstan(case) and not relocation_impossible(case)


def minor_sheltered(case: Case) -> bool:
    """p. 18: a minor in Kazakhstan who cannot be relocated at once."""
    return case.minor and in_kazakhstan(case) and relocation_impossible(case)


def returned(case: Case) -> bool:
    """p. 21: a referred citizen, recognised refugee or resident stateless person abroad."""
    return abroad(case) and referred(case) and case.citizenship in RETURNED_CITIZENSHIPS


def adult_referred_from_abroad(case: Case) -> bool:
    """p. 22: an adult detected abroad who gave informed consent."""
    return abroad(case) and adult_consents(case)


def minor_abroad(case: Case) -> bool:
    """p. 23: a minor detected abroad."""
    return abroad(case) and case.minor


def identification_held(case: Case) -> bool:
    """pp. 24-31: the referred person is identified, unless p. 30 rules it out."""
    return referred(case) and not case.pretrial_victim


def needs_medical_help(case: Case) -> bool:
    """p. 27(1): identification is held and urgent medical help is needed (p. 26(2))."""
    return identification_held(case) and not case.urgent_needs.isdisjoint(MEDICAL_NEEDS)


def needs_essentials(case: Case) -> bool:
    """p. 27(2): identification is held and first necessities are needed (p. 26(3))."""
    return identification_held(case) and not case.urgent_needs.isdisjoint(ESSENTIAL_NEEDS)


def recognised_in_pretrial(case: Case) -> bool:
    """A pre-trial investigation has begun and the person is recognised as a victim (pp. 30, 45)."""
    return case.pretrial_victim


def adult_identified(case: Case) -> bool:
    """An adult identified as a victim (pp. 32, 40)."""
    return not case.minor and case.identified_as_victim is True


def minor_identified(case: Case) -> bool:
    """A minor identified as a victim (p. 38)."""
    return case.minor and case.identified_as_victim is True


def identified(case: Case) -> bool:
    """Identified as a victim (pp. 41-42)."""
    return case.identified_as_victim is True


def not_recognised(case: Case) -> bool:
    """Not recognised as a victim, or refused identification (pp. 33-35)."""
    return case.identified_as_victim is False


def unaccompanied_minor_identified(case: Case) -> bool:
    """p. 36: identification of an unaccompanied minor is held."""
    return case.minor and case.unaccompanied and identification_held(case)


def unaccompanied_minor(case: Case) -> bool:
    """p. 37: an unaccompanied minor, whose placement is not yet chosen."""
    return case.minor and case.unaccompanied


def identified_by_police_or_ngo_only(case: Case) -> bool:
    """p. 39: identified as a victim, and only the police and/or an NGO identified them."""
    return identified(case) and bool(case.identified_by) and case.identified_by <= POLICE_OR_NGO


def adult_identified_by_police_or_ngo_only(case: Case) -> bool:
    return not case.minor and identified_by_police_or_ngo_only(case)


def minor_identified_by_police_or_ngo_only(case: Case) -> bool:
    return case.minor and identified_by_police_or_ngo_only(case)


def identified_with_disability(case: Case) -> bool:
    """p. 42: a victim with a disability."""
    return identified(case) and case.disability


def adult_citizen_to_reintegrate(case: Case) -> bool:
    """p. 43: an adult victim, citizen of Kazakhstan, needing further social integration."""
    return adult_identified(case) and case.citizenship == "kz" and case.needs_reintegration


def minor_citizen_to_reintegrate(case: Case) -> bool:
    """p. 44: a minor victim, citizen of Kazakhstan, needing further social integration."""
    return minor_identified(case) and case.citizenship == "kz" and case.needs_reintegration


RULES = (
    # Chapter 2: detection, referral, protection, identification.
    Rule("5", "detect-by-indicators", always),
    Rule("6", "offer-referral", adult),
    Rule("7", "require-informed-consent", adult),
    Rule("8", "communicate-in-safe-place", adult),
    Rule("9.1", "notify-ssp-police-lea", adult_consents),
    Rule("9.2", "attend-to-urgent-needs", adult_consents),
    Rule("10", "take-measures-on-information", adult_consents),
    Rule("11", "relocate-safely", adult_relocated),
    Rule("12", "provide-safe-place", adult_sheltered),
    Rule("13", "give-information-card", adult_refuses),
    Rule("14", "presume-minor", presumed_minor),
    Rule("15", "communicate-with-minor-in-safe-place", minor),
    Rule("16.1", "notify-police-or-guardianship", minor),
    Rule("16.2", "inform-minor-of-referral", minor),
    Rule("16.3", "hand-over-minor", minor),
    Rule("16.4", "ensure-minor-safety-and-needs", minor),
    Rule("17", "relocate-minor-safely", minor_relocated),
    Rule("18", "provide-safe-place-for-minor", minor_sheltered),
    Rule("19", "establish-circumstances", minor),
    Rule("20", "report-crimes-to-police", always),
    Rule("21", "return-to-kazakhstan", returned),
    Rule("22", "refer-from-abroad-to-ssp", adult_referred_from_abroad),
    Rule("23", "refer-minor-from-abroad-to-csc", minor_abroad),
    Rule("24", "identify-per-criteria", identification_held),
    Rule("25", "identify-jointly", identification_held),
    Rule("26", "check-before-identification", identification_held),
    Rule("27.1", "call-emergency-medical-help", needs_medical_help),
    Rule("27.2", "meet-urgent-needs", needs_essentials),
    Rule("28", "observe-non-discrimination", identification_held),
    Rule("29", "identify-regardless-of-criminal-case", identification_held),
    Rule("30", "no-identification-for-recognised-victim", recognised_in_pretrial),
    Rule("31", "keep-information-confidential", identification_held),
    Rule("32", "inform-identified-victim", adult_identified),
    Rule("33", "return-to-residence-with-card", not_recognised),
    Rule("34", "complain-against-non-recognition", not_recognised),
    Rule("35", "appeal-to-court", not_recognised),
    Rule("36", "notify-on-unaccompanied-minor", unaccompanied_minor_identified),
    Rule("37", "guardianship-acts-as-representative", unaccompanied_minor),
    Rule("38", "csc-informs-identified-minor", minor_identified),
    Rule("39", "refer-victim-to-ssp", adult_identified_by_police_or_ngo_only),
    Rule("39", "refer-minor-to-csc", minor_identified_by_police_or_ngo_only),
    # Chapter 3: assistance and special social services.
    Rule("40", "provide-services-per-standard", adult_identified),
    Rule("41", "provide-social-support", identified),
    Rule("42", "ensure-disability-rights", identified_with_disability),
    Rule("43.1", "refer-to-family-support-centre", adult_citizen_to_reintegrate),
    Rule("43.2", "help-find-employment", adult_citizen_to_reintegrate),
    Rule("44.1", "refer-minor-to-family-support-centre", minor_citizen_to_reintegrate),
    Rule("44.2", "return-minor-to-family-or-placement", minor_citizen_to_reintegrate),
    Rule("45", "police-inform-pretrial-victim", recognised_in_pretrial),
)


def route(case: Case) -> list[str]:
    """The steps the Rules make happen for the case, in the Rules' order."""
    return [rule.step for rule in RULES if rule.applies(case)]
