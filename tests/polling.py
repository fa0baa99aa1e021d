"""Waiting in a page until something is true.

Playwright's wait_for_function takes a Promise for a truthy value and returns at once, so an
`async` predicate (what the Cache API needs) never waits; and it evaluates strings with eval(),
which the site's policy blocks. page.evaluate awaits a Promise and runs under the policy."""

from __future__ import annotations

import time

#: Whether the offline copy holds the checker page's memory snapshot (tests and benchmarks wait for it).
SNAPSHOT_SAVED = """async () => {
    const url = new URL(document.getElementById('checker').dataset.snapshot, document.baseURI).href;
    return Boolean(await (await caches.open('bagdar-site')).match(url));
}"""


def poll(page, expression: str, arg=None, seconds: float = 120):
    """page.evaluate(expression, arg) until it is truthy; its value. A hang fails the test, after
    `seconds` (not a speed limit)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = page.evaluate(expression, arg)
        if value:
            return value
        page.wait_for_timeout(100)
    raise AssertionError(f"never true: {expression}")
