"""Phones, at a 360×740 viewport: no page scrolls sideways (a wide table scrolls inside its own
box), the checker's form fits the screen, and a screenshot of each page template is saved to
test-output/phone/ for a person to look at."""

from __future__ import annotations

import shutil

import pytest

from conftest import ROOT, site_pages
from template_pages import both_languages, template_pages

pytestmark = pytest.mark.browser

WIDTH, HEIGHT = 360, 740
SHOTS = ROOT / "test-output" / "phone"
CHECKER_PAGES = ("checker/", "ru/checker/")

#: The document's width, and the elements that stick out of the screen with no scrolling
#: or clipping box around them (to name the culprit when the page scrolls sideways).
OVERFLOW_JS = """width => {
  const boxed = el => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      if (getComputedStyle(p).overflowX !== "visible") return true;
    }
    return false;
  };
  const name = el => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
    + [...el.classList].map(c => "." + c).join("");
  const wide = [...document.body.querySelectorAll("*")]
    .filter(el => el.getBoundingClientRect().right > width + 1 && !boxed(el));
  return {scrollWidth: document.documentElement.scrollWidth, wide: wide.slice(0, 5).map(name)};
}"""

#: The checker form's controls (and the labels of its check boxes) that are not fully on
#: screen horizontally or not visible, with every <details> of the form opened.
CHECKER_JS = """width => {
  const form = document.querySelector("#checker-form");
  form.querySelectorAll("details").forEach(d => { d.open = true; });
  const controls = form.querySelectorAll(
    "select, textarea, button, input:not([type=checkbox]):not([type=radio]):not([type=file]), label");
  return [...controls].filter(el => {
    const box = el.getBoundingClientRect();
    return box.width === 0 || box.height === 0 || box.left < 0 || box.right > width + 1;
  }).map(el => el.outerHTML.slice(0, 120));
}"""


@pytest.fixture
def browser_context_args(browser_context_args):
    """A phone: 360×740 CSS pixels, touch, the page's own viewport meta tag honoured."""
    return {
        **browser_context_args,
        "viewport": {"width": WIDTH, "height": HEIGHT},
        "is_mobile": True,
        "has_touch": True,
    }


def shot_name(path: str) -> str:
    """`ru/bodies/police/` -> ru-bodies-police.png, `` -> kk-home.png, `404.html` -> kk-404.png."""
    lang, rest = ("ru", path[len("ru/") :]) if path.startswith("ru/") else ("kk", path)
    return f"{lang}-{(rest.removesuffix('.html').strip('/') or 'home').replace('/', '-')}.png"


def open_page(page, url: str) -> None:
    page.goto(url)
    page.wait_for_load_state("load")


def test_no_page_scrolls_sideways(built_site, site_url, page, foreign_requests):
    pages = site_pages(built_site) + ["404.html"]
    wide = {}
    for path in pages:
        open_page(page, site_url + path)
        result = page.evaluate(OVERFLOW_JS, WIDTH)
        if result["scrollWidth"] > WIDTH:
            wide[path or "/"] = result
    assert wide == {}, f"pages wider than {WIDTH}px (scrollWidth, elements sticking out): {wide}"
    assert foreign_requests == []


def test_page_templates_fill_the_screen_and_are_photographed(built_site, site_url, page, foreign_requests):
    shutil.rmtree(SHOTS, ignore_errors=True)
    SHOTS.mkdir(parents=True, exist_ok=True)
    pages = both_languages(template_pages(built_site)) + ["404.html"]
    narrow = {}
    for path in pages:
        open_page(page, site_url + path)
        page.screenshot(path=SHOTS / shot_name(path), full_page=True)
        box = page.locator("article").bounding_box()
        if not (box and box["x"] >= 0 and box["x"] + box["width"] <= WIDTH and box["width"] >= WIDTH - 40):
            narrow[path or "/"] = box
    assert narrow == {}, f"the text column does not span the {WIDTH}px screen: {narrow}"
    assert foreign_requests == []


def test_checker_form_fits_the_screen(built_site, site_url, page, foreign_requests):
    checker = [p for p in CHECKER_PAGES if p in site_pages(built_site)]
    if not checker:
        pytest.skip("this build has no checker page")
    for path in checker:
        open_page(page, site_url + path)
        assert page.locator("#checker-form").is_visible(), path
        assert page.evaluate(CHECKER_JS, WIDTH) == [], path
        assert page.evaluate("document.documentElement.scrollWidth") <= WIDTH, path
    assert foreign_requests == []
