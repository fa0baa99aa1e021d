"""The bodies pages' data: everything one body does across all sources (bodies/ID/)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from build_scripts.citations import LAW_DOC, RULES_DOC, WOMEN_UNITS_DOC


@dataclass
class BodyView:
    """One body's duties, by source, in the sources' order."""

    body: dict
    children: list = field(default_factory=list)
    rules_item: list = field(default_factory=list)  # its kind in p. 4 of the Rules
    rules_common: list = field(default_factory=list)  # duties of every subject of the Rules
    rules_roles: list = field(default_factory=list)  # its own roles in the Rules
    law_articles: list = field(default_factory=list)  # (article, [competences]) of the law
    law_other: list = field(default_factory=list)  # law items outside its own articles
    women_units: list = field(default_factory=list)
    plan_rows: list = field(default_factory=list)
    prevention: list = field(default_factory=list)

    @property
    def duty_count(self) -> int:
        return (
            len(self.rules_item)
            + len(self.rules_common)
            + len(self.rules_roles)
            + sum(len(items) for _, items in self.law_articles)
            + len(self.law_other)
            + len(self.women_units)
            + len(self.plan_rows)
            + len(self.prevention)
        )


def bodies_view(data: dict) -> dict[str, BodyView]:
    """Every body id -> what it does, gathered from competences and measures."""
    comp, measures = data["competences"], data["measures"]
    views = {body["id"]: BodyView(body) for body in comp["bodies"]}
    for body in comp["bodies"]:
        if body["parent"]:
            views[body["parent"]].children.append(body)
    common = [c for c in comp["competences"] if c["body"] == "rules_subjects"]
    for view in views.values():
        if view.body["rules_subject"]:
            view.rules_common = common
    articles = {a["number"]: a for a in comp["articles"]}
    by_article: dict[tuple[str, int], list] = defaultdict(list)
    for c in comp["competences"]:
        view, doc, ref = views[c["body"]], c["source"]["doc"], c["source"]["ref"]
        if doc == RULES_DOC:
            (view.rules_item if c["id"].startswith("rules-p4-") else view.rules_roles).append(c)
        elif doc == LAW_DOC:
            number = int(ref.split(".")[0])
            article = articles.get(number)
            if article and article["body"] == c["body"]:
                by_article[(c["body"], number)].append(c)
            else:
                view.law_other.append(c)
        elif doc == WOMEN_UNITS_DOC:
            view.women_units.append(c)
    for (body_id, number), items in by_article.items():
        views[body_id].law_articles.append((articles[number], items))
    for row in measures["action_plan"]["rows"]:
        for body_id in dict.fromkeys(row["bodies"]):
            views[body_id].plan_rows.append(row)
    for measure in measures["prevention"]:
        for body_id in dict.fromkeys(measure["bodies"]):
            views[body_id].prevention.append(measure)
    return views
