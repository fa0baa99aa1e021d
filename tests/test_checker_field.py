"""The checker as a field tool, in Chromium: after a check the first thing to do is on a phone's
screen and focused; presets from the URL; the printout fits one A4 sheet for a typical case and
two for 30 signs, with no form control on paper. Screenshots and PDFs go to test-output/checker/."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from conftest import ROOT
from test_checker_browser import open_checker

pytestmark = pytest.mark.browser
OUT = ROOT / "test-output" / "checker"
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}
LANGS = {"kk": "checker/", "ru": "ru/checker/"}


def fill_typical(page) -> None:
    """A typical case at a border checkpoint: two signs of each element, consent, one need."""
    page.select_option("select[name=detected_by]", "border_service")
    page.select_option("select[name=location]", "kazakhstan")
    page.fill("input[name=age]", "24")
    page.select_option("select[name=citizenship]", "kz")
    tick(page, signs_with_prefixes(page, ("who-adult", "where-", "what-border"), 2))
    page.check("input[name=consent]")
    page.check("input[name=urgent_needs][value=water]")


def signs_with_prefixes(page, prefixes, per_prefix: int) -> list[str]:
    """Indicator ids for adults, `per_prefix` from each id prefix, read from the page itself."""
    ids = page.locator(
        "input[name=indicators][data-audience=adult], input[name=indicators][data-audience=any]"
    ).evaluate_all("els => els.map(e => e.value)")
    picked = []
    for prefix in prefixes:
        picked += [i for i in ids if i.startswith(prefix)][:per_prefix]
    return picked


def tick(page, ids) -> None:
    page.evaluate(
        """ids => { for (const id of ids) {
        const box = document.querySelector(`input[name=indicators][value="${id}"]`);
        box.checked = true; box.dispatchEvent(new Event('change', {bubbles: true})); } }""",
        ids,
    )


def submit(page) -> None:
    page.click("#checker-run")
    page.wait_for_selector("#checker-result:not([hidden]) #checker-now")


def pdf_pages(page, name: str) -> int:
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4", print_background=True)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"{name}.pdf").write_bytes(pdf)
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "60", str(OUT / f"{name}.pdf"), str(OUT / name)], check=True)
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


@pytest.mark.parametrize("lang", LANGS)
def test_after_submit_the_first_action_is_on_a_phone_screen_and_focused(site_url, page, lang):
    page.set_viewport_size(PHONE)
    open_checker(page, site_url + LANGS[lang])
    fill_typical(page)
    submit(page)
    assert page.evaluate("document.activeElement.id") == "result"
    first = page.locator("#checker-now li[data-now]").first
    box = first.bounding_box()
    assert box is not None and 0 <= box["y"] and box["y"] + 40 <= PHONE["height"]
    assert page.locator("#checker-now li[data-now]").count() >= 3
    notify = page.locator("#checker-now li[data-now=notify-adult]")
    assert notify.locator(".deadline").count() == 1
    OUT.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(OUT / f"result-{lang}-360.png"))
    page.set_viewport_size(DESKTOP)
    page.locator("#result").scroll_into_view_if_needed()
    page.screenshot(path=str(OUT / f"result-{lang}-desktop.png"), full_page=True)


def test_citations_are_rendered_by_the_build_and_easy_to_tap(site_url, page):
    page.set_viewport_size(PHONE)
    open_checker(page, site_url + "ru/checker/")
    fill_typical(page)
    submit(page)
    link = page.locator("#checker-now li[data-now=notify-adult] a.basis").first
    assert link.inner_text() == "подп. 1) п. 9" or "9" in link.inner_text()
    assert link.get_attribute("href").endswith("procedure/rules/#p9-1")
    box = link.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 44
    assert float(link.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) >= 14


def test_refusal_branch_gives_the_card_with_its_print_page(site_url, page):
    open_checker(page, site_url + "checker/")
    page.fill("input[name=age]", "30")
    submit(page)
    branch = page.locator("#checker-now .branches")
    assert branch.locator("[data-branch=refuses_assistance]").count() == 1
    links = branch.locator("li[data-now=give-card] .now-links a")
    hrefs = links.evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert [h.rstrip("/").split("/")[-1] for h in hrefs] == ["card", "pocket"]
    page.check("input[name=refuses_assistance]")
    submit(page)
    assert page.locator("#checker-now > ol > li[data-now=give-card]").count() == 1


def test_border_preset_shows_border_signs_on_the_first_screen_of_indicators(site_url, page):
    page.set_viewport_size(PHONE)
    open_checker(page, site_url + "checker/?role=border")
    assert page.input_value("select[name=detected_by]") == "border_service"
    page.evaluate("document.querySelector('fieldset.checker-indicators').scrollIntoView({block: 'start'})")
    first = page.locator("input[name=indicators][value^=what-border]").first
    box = first.bounding_box()
    assert box is not None and box["y"] + box["height"] <= PHONE["height"]
    assert first.is_visible()


def test_consular_and_public_presets(site_url, page):
    open_checker(page, site_url + "ru/checker/?role=consular")
    assert page.input_value("select[name=detected_by]") == "consular"
    assert page.input_value("select[name=location]") == "abroad"
    open_checker(page, site_url + "ru/checker/?role=public")
    assert page.locator("#checker-public").is_visible()
    page.fill("input[name=age]", "30")
    page.check("input[name=consent]")
    submit(page)
    now = page.locator("#checker-now")
    numbers = now.locator("a.hotline strong").all_inner_texts()
    assert numbers == ["102", "116 16"]
    assert now.locator("li[data-now]").count() == 0


@pytest.mark.parametrize("query", ["?role=mars", "?role=%3Cscript%3E", "?role=&role=border", "?detected_by=police"])
def test_unknown_url_parameters_are_ignored(site_url, page, query):
    errors = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    open_checker(page, site_url + "checker/" + query)
    assert page.input_value("select[name=detected_by]") == ""
    assert errors == []


@pytest.mark.parametrize("lang", LANGS)
def test_a_typical_case_prints_on_one_a4_page_without_form_controls(site_url, page, lang):
    open_checker(page, site_url + LANGS[lang])
    fill_typical(page)
    submit(page)
    page.emulate_media(media="print")
    printed = page.evaluate("""() => [...document.querySelectorAll('input, select, button, textarea')]
        .filter(e => e.getClientRects().length > 0).map(e => e.outerHTML.slice(0, 80))""")
    assert printed == []
    assert page.locator(".print-signs li").count() == 6
    shown = page.locator(".now-box .reading").evaluate_all("els => els.map(e => e.dataset.reading)")
    assert shown and len(shown) == len(set(shown)), "a reading shared by several steps shows once in the box"
    assert pdf_pages(page, f"print-typical-{lang}") == 1


def test_thirty_signs_print_on_at_most_two_pages(site_url, page):
    open_checker(page, site_url + "ru/checker/")
    fill_typical(page)
    tick(page, signs_with_prefixes(page, ("who-adult", "where-", "what-"), 10))
    submit(page)
    assert page.locator(".print-signs li").count() >= 30
    assert pdf_pages(page, "print-30-signs-ru") <= 2


def test_a_saved_case_is_not_overridden_by_the_preset(site_url, page):
    open_checker(page, site_url + "checker/?role=border")
    saved = {"detected_by": "police", "age": 30}
    page.set_input_files(
        "#checker-open",
        files=[{"name": "case.json", "mimeType": "application/json", "buffer": json.dumps(saved).encode()}],
    )
    page.wait_for_selector("#checker-result:not([hidden]) #checker-now")
    assert page.input_value("select[name=detected_by]") == "police"
