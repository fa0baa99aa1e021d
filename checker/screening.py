"""Screening by the indicators of Appendix 1 of the Rules: who, where, what (referral-rules-2024, app1).

The Appendix says the combination of the three elements helps to detect a potential victim;
the data's rule `all_three` reads it as: at least one indicator of each element is observed.
"""

from __future__ import annotations


def screen(indicator_ids, bundle) -> dict:
    """Which elements the observed indicators cover, the combination, and the forms they suggest."""
    matched = sorted(indicator_ids, key=lambda ident: bundle.indicators[ident].position)
    elements = {bundle.indicators[ident].element for ident in matched}
    forms = {bundle.indicators[ident].form for ident in matched} - {None}
    return {
        "who": "who" in elements,
        "where": "where" in elements,
        "what": "what" in elements,
        "potential_victim": {"who", "where", "what"} <= elements,
        "forms": sorted(forms),
        "matched": matched,
    }
