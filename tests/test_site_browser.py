"""The built site in Chromium: every page opens, the language switcher keeps the page,
and nothing is requested from any host but the one serving the site."""

from __future__ import annotations

import pytest

from conftest import site_pages

pytestmark = pytest.mark.browser


def counterpart(path: str) -> str:
    """The same page in the other language."""
    return path[len("ru/") :] if path.startswith("ru/") else "ru/" + path


def test_every_page_opens_and_links_its_counterpart(built_site, site_url, page, foreign_requests):
    """Each page of both languages: status 200, and its language switcher points at the same
    page in the other language."""
    statuses, switches = {}, {}
    for path in site_pages(built_site):
        response = page.goto(site_url + path, wait_until="load")
        statuses[path] = response.status
        other = "kk" if path.startswith("ru/") else "ru"
        switches[path] = page.locator(f'a[hreflang="{other}"]').first.evaluate("a => a.href")
    assert statuses == {path: 200 for path in statuses}
    assert switches == {path: site_url + counterpart(path) for path in switches}
    assert foreign_requests == []


@pytest.mark.parametrize("lang_from", ["kk", "ru"])
def test_clicking_the_language_switcher(built_site, site_url, page, foreign_requests, lang_from):
    """One page per section: open Material's language menu, click the other language."""
    sections = {}
    for path in site_pages(built_site):
        if not path.startswith("ru/"):
            sections.setdefault(path.split("/")[0], path)
    for path in sections.values():
        start = path if lang_from == "kk" else counterpart(path)
        page.goto(site_url + start)
        target = "ru" if lang_from == "kk" else "kk"
        page.locator(".md-select", has=page.locator("a[hreflang]")).hover()
        page.locator(f'a[hreflang="{target}"]').first.click()
        page.wait_for_load_state("load")
        assert page.url == site_url + counterpart(start), start
        assert page.locator("html").get_attribute("lang") == target
    assert foreign_requests == []
