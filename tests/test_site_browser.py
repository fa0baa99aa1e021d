"""The built site in Chromium: every page opens, the language switcher keeps the page,
and nothing is requested from any host but the one serving the site."""

from __future__ import annotations

import pytest

from conftest import site_pages

pytestmark = pytest.mark.browser


def test_every_page_opens_without_foreign_requests(built_site, site_url, page, foreign_requests):
    pages = site_pages(built_site)
    statuses = {}
    for path in pages:
        response = page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
        statuses[path] = response.status
    assert statuses == {path: 200 for path in pages}
    assert foreign_requests == []


@pytest.mark.parametrize("lang_from, lang_to", [("kk", "ru"), ("ru", "kk")])
def test_language_switcher_leads_to_the_same_page(built_site, site_url, page, foreign_requests, lang_from, lang_to):
    kazakh = [p for p in site_pages(built_site) if not p.startswith("ru/")]
    for path in kazakh:
        start = path if lang_from == "kk" else "ru/" + path
        expected = site_url + ("ru/" + path if lang_to == "ru" else path)
        page.goto(site_url + start)
        switch = page.locator(f'a[hreflang="{lang_to}"]').first
        page.locator(".md-select", has=page.locator("a[hreflang]")).hover()
        switch.click()
        page.wait_for_load_state("load")
        assert page.url == expected, (start, page.url)
        assert page.locator("html").get_attribute("lang") == lang_to
    assert foreign_requests == []
