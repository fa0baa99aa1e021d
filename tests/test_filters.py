"""The indicator and action-plan filters work in Chromium, in both languages, with no network
beyond the site and no Python."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def visible(page, selector: str) -> int:
    return page.locator(selector).evaluate_all("els => els.filter(e => e.offsetParent !== null).length")


@pytest.mark.parametrize("prefix", ["", "ru/"])
def test_indicator_filter(site_url, page, foreign_requests, prefix):
    page.goto(site_url + prefix + "indicators/")
    total = visible(page, "li[data-filter-item]")
    assert total >= 100
    page.select_option("select[name=form]", "begging")
    assert visible(page, "li[data-filter-item]") == 3
    assert visible(page, "#what-begging") == 1 and visible(page, "#who-adults") == 0
    page.select_option("select[name=form]", "")
    page.select_option("select[name=audience]", "adult")
    assert visible(page, "#who-minors") == 0 and visible(page, "#what-sale-of-minors") == 0
    assert visible(page, "#who-adults") == 1
    page.select_option("select[name=audience]", "minor")
    assert visible(page, "#who-minors") == 1 and visible(page, "#who-adults") == 1  # app1.who.2: "in addition"
    page.select_option("select[name=audience]", "")
    word = "GPS"
    page.fill("input[name=q]", word)
    shown = page.locator("li[data-filter-item]:not([hidden])")
    assert 0 < shown.count() < total
    assert all(word.lower() in text.lower() for text in shown.all_inner_texts())
    page.fill("input[name=q]", "zzzz-nothing")
    assert page.locator("[data-filter-empty]").is_visible()
    assert foreign_requests == []


@pytest.mark.parametrize("prefix", ["", "ru/"])
def test_action_plan_filter(site_url, page, foreign_requests, prefix):
    page.goto(site_url + prefix + "measures/action-plan/")
    rows = "tr[data-filter-item]"
    total = visible(page, rows)
    assert total == 41
    page.select_option("select[name=section]", "s6")
    assert visible(page, rows) == 1
    page.select_option("select[name=section]", "")
    page.select_option("select[name=body]", "prosecutor")
    kept = page.locator(f"{rows}:not([hidden])")
    assert 0 < kept.count() < total
    assert all("prosecutor" in b.split() for b in kept.evaluate_all("els => els.map(e => e.dataset.body)"))
    page.select_option("select[name=body]", "")
    hidden_somewhere = False
    for year in page.locator("select[name=year] option").evaluate_all("os => os.map(o => o.value).filter(Boolean)"):
        page.select_option("select[name=year]", year)
        shown = page.locator(rows).evaluate_all(
            "els => els.map(e => [e.dataset.year.split(' '), e.offsetParent !== null])"
        )
        assert [(year in years) for years, _ in shown] == [seen for _, seen in shown], year
        hidden_somewhere |= not all(seen for _, seen in shown)
    assert hidden_somewhere, "no year hides a row: the filter is not tested"
    page.select_option("select[name=year]", "")
    assert visible(page, rows) == total
    assert foreign_requests == []
