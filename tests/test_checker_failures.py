"""The browser checker never guesses and never hangs.

- "Open saved case" checks the file with the checker first: an invalid file (a wrong value, an
  unknown id, a key given twice, NaN) shows the checker's one-line message and leaves the form
  as it was; a valid one fills the form and runs.
- NaN and Infinity are refused, from the page's API and from the age field.
- Every start-up failure (a file missing, the worker failing) ends in a visible message.
- The form keeps nothing for session restore (autocomplete off).
"""

from __future__ import annotations

import json
import re

import pytest

from checker import assess

pytestmark = pytest.mark.browser
WAIT_MS = 120_000  # a hang fails the test; not a speed test


def open_checker(page, url: str) -> str:
    page.goto(url)
    page.wait_for_function("document.getElementById('checker-status').dataset.state !== 'loading'", timeout=WAIT_MS)
    return page.locator("#checker-status").get_attribute("data-state")


def open_file(page, content: str | bytes) -> None:
    data = content.encode() if isinstance(content, str) else content
    page.set_input_files("#checker-open", files=[{"name": "case.json", "mimeType": "application/json", "buffer": data}])


INVALID_FILES = [
    (
        "unknown location",
        json.dumps({"location": "mars", "indicators": ["who-adult-unemployed"]}),
        'location: "mars" is not one of',
    ),
    (
        "unknown indicator",
        json.dumps({"indicators": ["who-adult-unemployed", "who-martian"]}),
        'unknown indicator id "who-martian"',
    ),
    ("key given twice", '{"consent": true, "consent": false}', 'key "consent" is given twice'),
    ("NaN", '{"age": NaN}', "NaN is not a number"),
    ("Infinity", '{"age": 1e999}', "is not a number a case can hold"),
    ("age beyond 130", '{"age": 400}', "age: expected a whole number of years (0 to 130)"),
    ("not JSON", "age: 12", "not valid JSON"),
    ("a list", "[1, 2]", "case: expected a mapping of fields"),
    ("too deep", "[" * 5000 + "]" * 5000, "nested more than"),
    ("contradiction", json.dumps({"age": 30, "may_be_minor": True}), "may_be_minor: true contradicts age 30"),
]


@pytest.fixture
def ready_page(site_url, page):
    assert open_checker(page, site_url + "checker/") == "ready"
    return page


def test_open_refuses_invalid_files_and_keeps_the_form(ready_page):
    page = ready_page
    page.fill("input[name=age]", "44")
    for name, content, message in INVALID_FILES:
        open_file(page, content)
        error = page.locator("#checker-error")
        error.wait_for(state="visible")
        page.wait_for_function("el => el.textContent.length > 0", arg=error.element_handle())
        text = error.inner_text()
        assert message in text, (name, text)
        assert "\n" not in text.strip(), name
        assert page.input_value("input[name=age]") == "44", name
        assert page.locator("input[name=indicators]:checked").count() == 0, name
        assert page.locator("#checker-result").is_hidden(), name
        page.evaluate("document.getElementById('checker-error').hidden = true")


def test_open_fills_the_form_only_from_a_valid_case(ready_page):
    page = ready_page
    saved = {"age": 25, "location": "kazakhstan", "consent": True, "indicators": ["who-adult-unemployed"]}
    open_file(page, json.dumps(saved))
    page.wait_for_selector("#checker-result:not([hidden])")
    assert page.input_value("input[name=age]") == "25"
    assert page.is_checked("input[name=indicators][value=who-adult-unemployed]")
    steps = page.locator("#checker-result li[data-step]").evaluate_all("els => els.map(e => e.dataset.step)")
    assert steps == [a["id"] for a in assess(saved)["referral"]["actions"]]


def test_nan_and_infinity_are_refused(ready_page):
    page = ready_page
    for value in ("NaN", "Infinity", "-Infinity"):
        message = page.evaluate(
            f"window.checker.assess({{age: {value}}}).then(() => 'accepted', e => e.name + ': ' + e.message)"
        )
        assert message == f"InvalidCase: age: {value.replace('-', '-')} is not a number a case can hold"
    page.fill("input[name=age]", "1e400")  # beyond a double: the field's value is "" (badInput)
    page.click("#checker-run")
    error = page.locator("#checker-error")
    error.wait_for(state="visible")
    assert "age: NaN is not a number a case can hold" in error.inner_text()


def test_the_form_keeps_nothing_for_session_restore(built_site):
    for path in ("checker/index.html", "ru/checker/index.html"):
        html = (built_site / path).read_text(encoding="utf-8")
        assert re.search(r'<form id="checker-form"[^>]*autocomplete="off"', html), path


@pytest.mark.parametrize(
    "missing, says",
    [
        ("pyodide.asm.wasm", "Интернетке қосылып"),  # a file of the checker: connect and open once
        ("data.json", "Интернетке қосылып"),
        ("checker-worker.js", "браузерде іске қосылмады"),  # online: use the form as a checklist
    ],
)
def test_a_missing_file_ends_in_a_message(site_url, context, page, missing, says):
    context.route(re.compile(rf".*/{re.escape(missing)}$"), lambda route: route.abort())
    assert open_checker(page, site_url + "checker/") == "failed"
    assert says in page.inner_text("#checker-status")
    assert page.locator("#checker-run").is_disabled()


@pytest.mark.parametrize("missing", ["pyodide.asm.wasm", "python_stdlib.zip", "data.json"])
def test_a_file_the_server_does_not_have_ends_in_a_message(site_url, context, page, missing):
    # Pyodide swallows a WebAssembly download that fails without a network error: the worker
    # must notice the 404 itself, not wait for the page's time limit (whose message differs).
    context.route(re.compile(rf".*/{re.escape(missing)}$"), lambda route: route.fulfill(status=404, body="not here"))
    assert open_checker(page, site_url + "checker/") == "failed"
    assert "Интернетке қосылып" in page.inner_text("#checker-status")


def test_a_failing_worker_ends_in_a_message(site_url, context, page):
    context.route(
        re.compile(r".*/checker-worker\.js$"),
        lambda route: route.fulfill(
            status=200, content_type="text/javascript", body="self.onmessage = () => { throw new Error('boom'); };"
        ),
    )
    assert open_checker(page, site_url + "ru/checker/") == "failed"
    assert "не запустился" in page.inner_text("#checker-status")


def test_blocked_webassembly_ends_in_a_message(site_url, context, page):
    """The worker served under a policy without 'wasm-unsafe-eval': Pyodide cannot compile."""

    def strict_worker(route):
        response = route.fetch()
        route.fulfill(response=response, headers={**response.headers, "content-security-policy": "script-src 'self'"})

    context.route(re.compile(r".*/checker-worker\.js$"), strict_worker)
    assert open_checker(page, site_url + "checker/") == "failed"
    assert "WebAssembly" in page.inner_text("#checker-status")
