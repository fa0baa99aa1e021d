"""The referral route: chapters 2-3 of the Referral Rules (referral-rules-2024), pp. 5-45.

RULES holds one rule per step of data/referral.yaml, in the Rules' order: the paragraph it
implements, the step, and the condition under which that paragraph makes the step happen.
Each paragraph applies to everyone it names unless its words narrow it. The conditions in
plain words, for review without Python, are data/route-conditions.yaml (one per rule, tested);
where the text leaves room, the reading taken is data/readings.yaml, with its reason, and it
travels with the step into the checker's output. The readings, by id:

- minor-track-detection, -relocation, -abroad, -reintegration (pp. 6-9, 11-12, 22, 43): pp.
  15-18, 23 and 44 repeat these duties for a minor with other bodies and no offer or consent
  (p. 16(2)-(3)); the general paragraphs are read for adults.
- relocation-in-kazakhstan (pp. 11-12, 17-18): for a person detected in Kazakhstan; abroad,
  pp. 21-23; an unknown location triggers no relocation.
- identification-follows-referral (pp. 24-31): identification is held for the person referred
  (p. 7: an adult with consent; a minor, who is handed over, p. 16(3)).
- urgent-needs-by-type (p. 27): medical needs call for 27(1), first necessities for 27(2).
- condition-in-text (pp. 10, 20, 35): the trigger is in the paragraph's own words
  (information received, crimes known, what the law provides: p. 35 part 1 unless it provides
  otherwise, part 2 where it allows court directly); both parts shown whenever reached.
- return-potential-victim (p. 21): return applies to a potential victim detected abroad.
- unattended-placement (p. 37): read with p. 36, for an unattended minor.
- identified-before-p39 (p. 39): after identification as a victim; «ал» gives a minor the
  Children Support Centre in place of the SSP subjects.
- actor-of-passive-paragraphs (pp. 33, 40): who acts where the paragraph does not say.

Read literally, with no reading needed: p. 13 (the card for any potential victim who refuses
assistance, minors too), pp. 32 and 40-42 (anyone identified as a victim; p. 38 adds the
Children Support Centre for a minor), p. 33 (not recognised or refusing identification, and
only where a threat of trafficking arises), pp. 34-35 (after non-recognition, not after a
refusal of identification; part 2 of p. 35 is its own step), p. 36 (an unattended minor,
«қараусыз жүрген»). Who detected the person (detected_by) changes nothing: pp. 5-20 give every
subject of p. 4 the same duties.
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


def refuses_assistance(case: Case) -> bool:
    """A potential victim, adult or minor, who refuses assistance (p. 13)."""
    return case.refuses_assistance


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
    """p. 21: a citizen (minors included), recognised refugee or resident stateless person
    detected abroad; the paragraph states no consent condition."""
    return abroad(case) and case.citizenship in RETURNED_CITIZENSHIPS


def adult_referred_from_abroad(case: Case) -> bool:
    """p. 22: an adult detected abroad who gave informed consent."""
    return abroad(case) and adult_consents(case)


def minor_abroad(case: Case) -> bool:
    """p. 23: a minor detected abroad."""
    return abroad(case) and case.minor


def identification_held(case: Case) -> bool:
    """pp. 24-31: the referred person is identified, unless p. 30 rules it out or they refuse (p. 33)."""
    return referred(case) and not case.pretrial_victim and not case.refuses_identification


def needs_medical_help(case: Case) -> bool:
    """p. 27(1): identification is held and urgent medical help is needed (p. 26(2))."""
    return identification_held(case) and not case.urgent_needs.isdisjoint(MEDICAL_NEEDS)


def needs_essentials(case: Case) -> bool:
    """p. 27(2): identification is held and first necessities are needed (p. 26(3))."""
    return identification_held(case) and not case.urgent_needs.isdisjoint(ESSENTIAL_NEEDS)


def recognised_in_pretrial(case: Case) -> bool:
    """A pre-trial investigation has begun and the person is recognised as a victim (pp. 30, 45)."""
    return case.pretrial_victim


def identified(case: Case) -> bool:
    """Identified as a victim, adult or minor (pp. 32, 40-42)."""
    return case.identified_as_victim is True


def minor_identified(case: Case) -> bool:
    """A minor identified as a victim: p. 38 adds the Children Support Centre."""
    return case.minor and identified(case)


def returned_with_card(case: Case) -> bool:
    """p. 33: not recognised, or refuses identification, and a threat of trafficking arises."""
    return (case.identified_as_victim is False or case.refuses_identification) and case.trafficking_threat


def not_recognised(case: Case) -> bool:
    """pp. 34-35: not recognised as a victim (not a refusal of identification)."""
    return case.identified_as_victim is False


def unattended_minor_identified(case: Case) -> bool:
    """p. 36: identification of an unattended (қараусыз жүрген) minor is held."""
    return case.minor and case.unaccompanied and identification_held(case)


def unattended_minor(case: Case) -> bool:
    """p. 37: an unattended minor, whose placement is not yet chosen."""
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
    return not case.minor and identified(case) and case.citizenship == "kz" and case.needs_reintegration


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
    Rule("10", "take-measures-on-information", always),
    Rule("11", "relocate-safely", adult_relocated),
    Rule("12", "provide-safe-place", adult_sheltered),
    Rule("13", "give-information-card", refuses_assistance),
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
    Rule("32", "inform-identified-victim", identified),
    Rule("33", "return-to-residence-with-card", returned_with_card),
    Rule("34", "complain-against-non-recognition", not_recognised),
    Rule("35", "appeal-to-court", not_recognised),
    Rule("35", "submit-reasoned-position-to-court", not_recognised),
    Rule("36", "notify-on-unaccompanied-minor", unattended_minor_identified),
    Rule("37", "guardianship-acts-as-representative", unattended_minor),
    Rule("38", "csc-informs-identified-minor", minor_identified),
    Rule("39", "refer-victim-to-ssp", adult_identified_by_police_or_ngo_only),
    Rule("39", "refer-minor-to-csc", minor_identified_by_police_or_ngo_only),
    # Chapter 3: assistance and special social services.
    Rule("40", "provide-services-per-standard", identified),
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
