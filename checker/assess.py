"""assess(): one case in, the screening, the score and the referral route out (CONTRACT.md)."""

from __future__ import annotations

from .bundle import build_bundle, installed_bundle
from .case import parse_case
from .routing import route
from .scoring import score
from .screening import screen


def assess(case, data=None) -> dict:
    """Screen, score and route `case`; raises InvalidCase (a ValueError) for invalid input.

    `data`: the four data files' content as for use_data(); by default the installed data.
    """
    bundle = installed_bundle() if data is None else build_bundle(data)
    facts = parse_case(case, bundle)
    return {
        "screening": screen(facts.indicators, bundle),
        "score": score(facts.criteria, bundle),
        "referral": {"minor": facts.minor, "actions": [bundle.action(step) for step in route(facts)]},
    }
