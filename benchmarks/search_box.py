"""Driving Material's search box in Chromium, shared by the search evaluation and its tests."""

from __future__ import annotations

#: Material shows its placeholder once the worker has answered the empty query it sends when ready.
SEARCH_READY = """() => {
  const { translations } = JSON.parse(document.getElementById("__config").textContent)
  const meta = document.querySelector(".md-search-result__meta")
  return meta.textContent.trim() === translations["search.result.placeholder"]
}"""


def open_search(page) -> None:
    """Turn to the search box of the open page (the index loads then) and wait until it is ready."""
    page.locator("input.md-search__input").focus()
    page.wait_for_function(SEARCH_READY)


def result_links(page, query: str) -> list[str]:
    """The result links, in order, for `query` typed into the open page's ready search box."""
    meta = page.locator(".md-search-result__meta")
    meta.evaluate("el => el.textContent = ''")  # Material writes the count when the results come
    box = page.locator("input.md-search__input")
    box.fill(query)
    box.press("End")  # Material searches on a real key event, not on fill()
    page.wait_for_function("el => el.textContent !== ''", arg=meta.element_handle())
    return page.locator(".md-search-result__list > li > a:first-child").evaluate_all("links => links.map(a => a.href)")
