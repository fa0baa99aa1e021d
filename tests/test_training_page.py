"""The training pages in Chromium, in both languages: a scenario answered correctly and one
answered wrongly are graded per choice with links to the paragraphs; without JavaScript the
answer is in a <details>; no training page loads Pyodide."""

from __future__ import annotations

import pytest

from build_scripts import citations
from build_scripts.training import training_view
from build_scripts.validate import check

pytestmark = pytest.mark.browser

DATA = check()
TRAINING = training_view(DATA)
SCENARIOS = TRAINING.scenarios
LABELS = {label["id"]: label["text"] for label in DATA["ui"]["labels"]}
STEPS = {step["id"]: step for step in DATA["referral"]["steps"]}
ACTORS = {actor["id"]: actor["name"] for actor in DATA["referral"]["actors"]}
LANGS = ["kk", "ru"]


def root(lang: str) -> str:
    return "ru/" if lang == "ru" else ""


def open_scenario(page, site_url, lang, scenario) -> list[str]:
    """Open the scenario's page; returns the URLs it requests from then on."""
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{site_url}{root(lang)}training/{scenario['id']}/")
    page.wait_for_load_state("load")
    return requests


def answer(page, lang, ticked) -> None:
    for step in ticked:
        page.locator(f'li[data-step="{step}"] input').check()
    page.get_by_role("button", name=LABELS["training-check"][lang]).click()


def verdicts(page) -> dict[str, tuple[str, str]]:
    """Step id -> (right or wrong, the verdict's text) for each choice shown."""
    out = {}
    for item in page.locator("li[data-step]").all():
        classes = item.get_attribute("class").split()
        state = "right" if "is-right" in classes else "wrong" if "is-wrong" in classes else "none"
        out[item.get_attribute("data-step")] = (state, item.locator(".verdict").inner_text())
    return out


@pytest.mark.parametrize("lang", LANGS)
def test_a_correct_answer_is_graded_right(site_url, page, foreign_requests, lang):
    scenario = SCENARIOS[0]
    expected = TRAINING.expected[scenario["id"]]
    requests = open_scenario(page, site_url, lang, scenario)
    answer(page, lang, expected)
    shown = verdicts(page)
    assert list(shown) == scenario["choices"]
    assert {state for state, _ in shown.values()} == {"right"}
    right = f"✓ {LABELS['training-right'][lang]}."
    for step, (_, text) in shown.items():
        assert text.startswith(right), step
        required = LABELS["training-required" if step in expected else "training-not-required"][lang]
        assert required in text, step
        assert (ACTORS[STEPS[step]["actor"]][lang] in text) == (step in expected), step
    assert page.locator(".training-score").inner_text() == LABELS["training-all-right"][lang]
    assert page.locator("details.training-answer").evaluate("details => details.open")
    assert [url for url in requests if "pyodide" in url.lower()] == []
    assert foreign_requests == []


@pytest.mark.parametrize("lang", LANGS)
def test_a_wrong_answer_is_graded_per_choice_with_paragraph_links(site_url, page, foreign_requests, lang):
    scenario = SCENARIOS[1]
    expected = TRAINING.expected[scenario["id"]]
    distractor = next(step for step in scenario["choices"] if step not in expected)
    ticked = {distractor, expected[0]}
    requests = open_scenario(page, site_url, lang, scenario)
    answer(page, lang, ticked)
    should = {step: "right" if (step in ticked) == (step in expected) else "wrong" for step in scenario["choices"]}
    shown = verdicts(page)
    assert {step: state for step, (state, _) in shown.items()} == should
    assert "wrong" in should.values() and "right" in should.values()
    wrong = f"✗ {LABELS['training-wrong'][lang]}."
    assert shown[distractor][1].startswith(wrong)
    assert LABELS["training-not-required"][lang] in shown[distractor][1]
    right_count = list(should.values()).count("right")
    assert page.locator(".training-score").inner_text() == LABELS["training-score"][lang].format(
        right=right_count, total=len(should)
    )
    assert page.locator("details.training-answer").evaluate("details => details.open")

    ref = STEPS[distractor]["source"]["ref"]
    link = page.locator(f'li[data-step="{distractor}"] .verdict a')
    assert link.inner_text() == citations.place("referral-rules-2024", ref, lang)
    anchor = citations.anchor(ref)
    assert link.evaluate("a => a.href") == f"{site_url}{root(lang)}procedure/rules/#{anchor}"
    link.click()
    page.wait_for_load_state("load")
    assert page.url == f"{site_url}{root(lang)}procedure/rules/#{anchor}"
    assert page.locator(f"[id='{anchor}']").count() == 1
    assert [url for url in requests if "pyodide" in url.lower()] == []
    assert foreign_requests == []


def test_changing_an_answer_clears_the_grading(site_url, page):
    open_scenario(page, site_url, "kk", SCENARIOS[0])
    answer(page, "kk", [])
    assert page.locator("li.is-wrong").count() > 0
    page.locator("li[data-step] input").first.check()
    assert page.locator("li.is-right, li.is-wrong").count() == 0
    assert page.locator(".verdict:visible").count() == 0
    assert page.locator(".training-score").inner_text() == ""


@pytest.mark.parametrize("lang", LANGS)
def test_without_javascript_the_answer_is_in_a_details(site_url, browser, lang):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    scenario = SCENARIOS[1]
    expected = TRAINING.expected[scenario["id"]]
    page.goto(f"{site_url}{root(lang)}training/{scenario['id']}/")
    assert page.get_by_role("button", name=LABELS["training-check"][lang]).count() == 0
    # Chromium parses <noscript> as if scripts ran even when they are disabled: read its markup.
    assert LABELS["training-noscript"][lang] in page.locator("noscript").first.inner_html()
    details = page.locator("details.training-answer")
    details.locator("summary").click()
    numbers = [scenario["choices"].index(step) + 1 for step in expected]
    listed = details.locator("li").all_inner_texts()
    assert [text.split(".")[0] for text in listed] == [str(n) for n in numbers]
    assert [a.get_attribute("href") for a in details.locator("li a").all()] == [
        f"../../procedure/rules/#{citations.anchor(STEPS[step]['source']['ref'])}" for step in expected
    ]
    context.close()


def test_no_training_page_loads_pyodide(site_url, page, foreign_requests):
    paths = ["training/"] + [f"training/{s['id']}/" for s in SCENARIOS]
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    for path in paths + ["ru/" + p for p in paths]:
        page.goto(site_url + path)
        page.wait_for_load_state("load")
        assert page.evaluate("typeof loadPyodide") == "undefined", path
    assert [url for url in requested if "pyodide" in url.lower()] == []
    assert foreign_requests == []
