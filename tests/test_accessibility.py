"""Accessibility: axe-core finds no serious or critical violation on any page template, in
either language, and every page declares its language on <html>.

axe-core is pinned in package.json (a dev dependency, never copied into the site) and injected
into each page from node_modules.
"""

from __future__ import annotations

import pytest

from conftest import ROOT
from template_pages import both_languages, template_pages

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = ("serious", "critical")
SHOWN_NODES = 5


def expected_lang(path: str) -> str:
    """Russian under ru/; Kazakh elsewhere, the bilingual 404 page too (the default language)."""
    return "ru" if path.startswith("ru/") else "kk"


def describe(path: str, violation: dict) -> str:
    """One violation, readably: the rule, then where and what to fix for the first few elements."""
    lines = [f"{path or '/'}: {violation['impact']} {violation['id']}: {violation['help']}"]
    for node in violation["nodes"][:SHOWN_NODES]:
        reasons = (line.strip() for line in node["failureSummary"].splitlines())
        fixes = "; ".join(r for r in reasons if r and not r.startswith("Fix "))
        lines.append(f"    {' '.join(node['target'])}: {fixes}")
    if len(violation["nodes"]) > SHOWN_NODES:
        lines.append(f"    ... and {len(violation['nodes']) - SHOWN_NODES} more element(s)")
    return "\n".join(lines)


def test_page_templates_have_no_serious_violations(built_site, site_url, page, foreign_requests):
    assert AXE.exists(), f"{AXE} is missing: run `npm ci` (./test does)"
    pages = both_languages(template_pages(built_site)) + ["404.html"]
    problems = []
    for path in pages:
        page.goto(site_url + path)
        page.wait_for_load_state("load")
        lang = page.locator("html").get_attribute("lang")
        if lang != expected_lang(path):
            problems.append(f"{path or '/'}: <html lang={lang!r}>, expected {expected_lang(path)!r}")
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
        problems += [describe(path, v) for v in result["violations"] if v["impact"] in BLOCKING]
    print(f"\naxe-core checked {len(pages)} pages: {', '.join(p or '/' for p in pages)}")
    assert not problems, "\n" + "\n".join(problems)
    assert foreign_requests == []


def test_axe_is_not_part_of_the_site(built_site):
    assert [p for p in built_site.rglob("*") if "axe" in p.name.lower()] == []
