"""The procedure and audience pages, from the built site: every anchor the checker and these
pages link to exists, every step of referral.yaml is on exactly one procedure page with its
actor, deadline, audience and paragraph, the flowcharts cover their steps and render on a
360 px phone, and the border page is one tap from the home page."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from build_scripts import citations, flowchart
from build_scripts.data_files import DATA_DIR
from build_scripts.procedure import CHARTS, STAGES, chart_steps
from build_scripts.validate import check
from conftest import PageParser, parse_page
from page_weight import html_file

DATA = check(DATA_DIR)
REFERRAL = DATA["referral"]
STEPS = REFERRAL["steps"]
LANGS = {"kk": "", "ru": "ru/"}
PROCEDURE_PAGES = ["procedure/"] + [f"procedure/{stage}/" for stage in STAGES]
NEW_PAGES = PROCEDURE_PAGES + [
    "audience/border/",
    "audience/public/",
    "audience/trainee/",
    "procedure/how-the-checker-reads/",
]
PHONE = {"width": 360, "height": 740}


def parse(site: Path, path: str) -> PageParser:
    return parse_page(html_file(site, path))


def resolve(path: str, href: str) -> tuple[str, str] | None:
    """(URL path of the page, fragment) a link on page `path` opens; None if not a page link."""
    url = urlsplit(urljoin("http://site.invalid/" + path, href))
    if url.scheme != "http" or url.netloc != "site.invalid" or url.path.startswith("/assets/"):
        return None
    return url.path.lstrip("/"), url.fragment


def label(key: str, lang: str) -> str:
    return next(item["text"][lang] for item in DATA["ui"]["labels"] if item["id"] == key)


def test_every_paragraph_the_checker_links_to_exists(built_site):
    """checker-page.js links each step's basis to `rules#p` + ref with "." -> "-"; each deadline
    cites its paragraph too. The anchor exists in the Rules' page of both languages."""
    refs = [s["source"]["ref"] for s in STEPS] + [d["source"]["ref"] for d in REFERRAL["deadlines"]]
    for prefix in LANGS.values():
        ids = parse(built_site, prefix + "procedure/rules/").ids
        assert [ref for ref in refs if "p" + ref.replace(".", "-") not in ids] == [], prefix


def _rules_refs(node):
    """Every `ref` of the Referral Rules anywhere in the data."""
    if isinstance(node, dict):
        if node.get("doc") == "referral-rules-2024" and isinstance(node.get("ref"), str):
            yield node["ref"]
        for value in node.values():
            yield from _rules_refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _rules_refs(value)


def test_appendix_refs_resolve_to_the_indicators_and_the_card(built_site):
    """app2 refs open the card at `app2-...` (the checker does the same); app1 refs open the
    indicators page, whose groups have their own anchors."""
    refs = sorted(set(_rules_refs(DATA)))
    app1 = [r for r in refs if r.startswith("app1")]
    app2 = [r for r in refs if r.startswith("app2")]
    assert app1 and app2
    for prefix in LANGS.values():
        card = parse(built_site, prefix + "card/").ids
        assert [r for r in app2 if citations.anchor(r) not in card] == [], prefix
        assert {citations.target("referral-rules-2024", r) for r in app1} == {"indicators.md"}
        indicators = parse(built_site, prefix + "indicators/").ids
        assert {g["id"] for g in DATA["indicators"]["groups"]} <= indicators


@pytest.mark.parametrize("path", ["", *NEW_PAGES])
@pytest.mark.parametrize("prefix", LANGS.values())
def test_every_link_of_the_new_pages_opens_an_existing_anchor(built_site, prefix, path):
    """Links in raw HTML are not rewritten by MkDocs: each must already be the served URL."""
    page = prefix + path
    broken = []
    for href, _ in parse(built_site, page).links:
        target = resolve(page, href)
        if target is None:
            continue
        target_path, fragment = target
        file = html_file(built_site, target_path)
        if not file.exists() or (fragment and fragment not in parse(built_site, target_path).ids):
            broken.append(href)
    assert broken == []


@pytest.mark.parametrize("lang", LANGS)
def test_every_step_is_on_exactly_one_procedure_page(built_site, lang):
    found: dict[str, list[str]] = {}
    for path in PROCEDURE_PAGES:
        for anchor in parse(built_site, LANGS[lang] + path).ids:
            if anchor.startswith("step-"):
                found.setdefault(anchor[len("step-") :], []).append(path)
    assert found == {s["id"]: [f"procedure/{s['stage']}/"] for s in STEPS}


@pytest.mark.parametrize("lang", LANGS)
def test_each_step_shows_its_actor_deadline_audience_and_paragraph(built_site, lang):
    actors = {a["id"]: a["name"][lang] for a in REFERRAL["actors"]}
    deadlines = {d["id"]: d["label"][lang] for d in REFERRAL["deadlines"]}
    audiences = {"adult": label("adult", lang), "minor": label("minor", lang), "any": label("applies-any", lang)}
    not_set = label("deadline-none", lang)
    problems = []
    for stage in STAGES:
        path = f"{LANGS[lang]}procedure/{stage}/"
        page = parse(built_site, path)
        for step in (s for s in STEPS if s["stage"] == stage):
            text = " ".join(page.step_text.get(step["id"], "").split())
            paragraph = (
                path[: -len(f"procedure/{stage}/")] + "procedure/rules/",
                "p" + step["paragraph"].replace(".", "-"),
            )
            links = {resolve(path, href) for href, block in page.links if block == step["id"]}
            expected = [
                actors[step["actor"]],
                audiences[step["applies_to"]],
                deadlines[step["deadline"]] if step["deadline"] else not_set,
            ]
            missing = [words for words in expected if words not in text]
            if missing or paragraph not in links:
                problems.append((step["id"], missing, paragraph in links))
    assert problems == []


def test_no_step_without_a_deadline_shows_one():
    """A null deadline is never filled in: only the three deadlines of the Rules are used."""
    used = {s["deadline"] for s in STEPS if s["deadline"]}
    assert used == {d["id"] for d in REFERRAL["deadlines"]}
    assert any(s["deadline"] is None for s in STEPS)


def test_each_flowchart_draws_every_step_of_its_stage():
    steps = {s["id"]: s for s in STEPS}
    for name, (nodes, always) in CHARTS.items():
        drawn = chart_steps(nodes + always)
        assert set(drawn) <= set(steps), name
        assert {s for s in steps if steps[s]["stage"] == name} <= set(drawn), name


def test_wrapped_lines_fit_the_estimated_width_and_keep_every_word():
    text = "Адам саудасының ықтимал құрбанын анықтаған Қайта бағыттау қағидаларының субъектісі"
    for width, bold in ((90, False), (150, True), (320, False)):
        lines = flowchart.wrap(text, width, bold)
        limit = int(width / (flowchart.FONT * (flowchart.BOLD_EM if bold else flowchart.CHAR_EM)))
        assert lines and all(len(line) <= limit for line in lines)
        assert " ".join(lines).replace("- ", "").replace("-", "") == text


def test_an_answer_that_goes_on_needs_a_node_after_it():
    step = flowchart.Box("step", "x")
    ask = flowchart.Decision("?", (flowchart.Branch("yes", (step,)), flowchart.Branch("no")))
    assert "\n" not in flowchart.Chart("c", "t", "d", (ask, step)).svg()
    with pytest.raises(ValueError, match="goes straight on"):
        flowchart.Chart("c", "t", "d", (step, ask)).svg()


@pytest.mark.parametrize("lang", LANGS)
def test_flowcharts_are_in_the_pages_with_their_text_version(built_site, lang):
    for name in CHARTS:
        html = html_file(built_site, f"{LANGS[lang]}procedure/{name}/").read_text(encoding="utf-8")
        assert f'<svg class="fc" role="img" aria-labelledby="flow-{name}-title"' in html
        assert f'<title id="flow-{name}-title">{label("flow-title", lang)}' in html
        assert f'<desc id="flow-{name}-desc">' in html
        assert '<details class="flow-text" data-search-exclude>' in html


# --- in Chromium --------------------------------------------------------------------------

# For each node of a chart: how far its text sticks out of its shape (user units, 0 when inside).
OVERFLOW_JS = """svg => [...svg.querySelectorAll('.fc-node')].map(g => {
  const shape = g.querySelector('rect, polygon').getBBox(), text = g.querySelector('text').getBBox();
  return Math.max(0, shape.x - text.x, text.x + text.width - shape.x - shape.width,
                  shape.y - text.y, text.y + text.height - shape.y - shape.height);
})"""
SCROLL_JS = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_flowcharts_render_on_a_phone(site_url, page, foreign_requests, lang):
    page.set_viewport_size(PHONE)
    for name in CHARTS:
        page.goto(f"{site_url}{LANGS[lang]}procedure/{name}/")
        svg = page.locator(f"#flow-{name} svg")
        box = svg.bounding_box()
        assert box and box["width"] > 200 and box["height"] > 500, name
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], name
        overflow = svg.evaluate(OVERFLOW_JS)
        assert overflow and max(overflow) < 1, (name, overflow)
        assert page.evaluate(SCROLL_JS) <= 0, name
    assert foreign_requests == []


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_new_pages_do_not_scroll_sideways_on_a_phone(site_url, page, foreign_requests, lang):
    page.set_viewport_size(PHONE)
    wide = []
    for path in NEW_PAGES:
        page.goto(site_url + LANGS[lang] + path)
        if page.evaluate(SCROLL_JS) > 0:
            wide.append(path)
    assert wide == []
    assert foreign_requests == []


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_the_border_page_is_one_tap_from_home(site_url, page, foreign_requests, lang):
    """The «what to do now» button is on the first screen of the home page and opens the list."""
    page.set_viewport_size(PHONE)
    page.goto(site_url + LANGS[lang])
    button = page.locator("a.now-button")
    box = button.bounding_box()
    assert box and box["y"] + box["height"] <= PHONE["height"]
    button.click()
    page.wait_for_load_state("load")
    assert page.url == f"{site_url}{LANGS[lang]}audience/border/#what-to-do-now"
    assert page.locator("#what-to-do-now").is_visible()
    assert foreign_requests == []
