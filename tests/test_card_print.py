"""The information card (Appendix 2) prints on one or two A4 pages, without the site around it."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("prefix", ["", "ru/"])
def test_card_prints_on_at_most_two_a4_pages(site_url, page, prefix):
    page.goto(site_url + prefix + "card/")
    page.emulate_media(media="print")
    assert page.locator(".md-header").is_hidden() and page.locator(".md-sidebar--primary").is_hidden()
    assert page.locator("#app2-1-17").is_visible() and page.locator("#app2-hotlines").is_visible()
    pdf = page.pdf(format="A4")
    pages = len(re.findall(rb"/Type\s*/Page\b", pdf))
    assert 1 <= pages <= 2
