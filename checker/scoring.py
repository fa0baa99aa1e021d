"""The score by the rows of Appendix 2 of the Criteria that the data holds (criteria-2023, app2).

The total is the sum of the points of the rows that apply. Whether ill-treatment is
established needs the Criteria's threshold: while the data has none (the bundled texts do not
contain it), `established` is null. A threshold in the data is read as "at least".
"""

from __future__ import annotations


def score(row_ids, bundle) -> dict:
    """The rows that apply with their points, their total, the threshold and whether it is reached."""
    rows = sorted(row_ids, key=lambda ident: bundle.rows[ident][0])
    items = [{"id": ident, "points": bundle.rows[ident][1]} for ident in rows]
    total = sum(item["points"] for item in items)
    threshold = bundle.threshold
    return {
        "total": total,
        "items": items,
        "threshold": threshold,
        "established": None if threshold is None else total >= threshold,
    }
