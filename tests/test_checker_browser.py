"""The checker in Chromium: the same answers as CPython, nothing leaves the device or is
stored, it works offline after the first visit, and it degrades to a printable checklist
when WebAssembly is unavailable."""

from __future__ import annotations

import json
from urllib.parse import urlparse

import pytest

from checker import assess
from polling import SNAPSHOT_SAVED, poll
from test_cases import CASES

pytestmark = pytest.mark.browser
PYTHON_START = 120_000  # ms: Pyodide's cold start on a loaded 2-core machine stays well below


def open_checker(page, url: str) -> None:
    page.goto(url)
    page.wait_for_function(
        "document.getElementById('checker-status').dataset.state !== 'loading'", timeout=PYTHON_START
    )
    assert page.locator("#checker-status").get_attribute("data-state") == "ready"


def first_visit_saves_the_snapshot(page, url: str) -> None:
    """A first visit: the checker starts from its files, then the service worker saves the
    checker's files, the memory snapshot among them."""
    open_checker(page, url)
    assert page.evaluate("window.checker.ready.then(p => p.from)") == "files"
    poll(page, SNAPSHOT_SAVED, seconds=PYTHON_START / 1000)


#: Whether the offline copy holds a file whose URL ends with the argument.
SAVED_ENDING = """async (ending) => {
    const keys = await (await caches.open('bagdar-site')).keys();
    return keys.some((request) => request.url.endsWith(ending));
}"""


def test_every_case_gives_the_same_json_as_cpython(site_url, page, foreign_requests):
    open_checker(page, site_url + "checker/")
    inputs = [case["input"] for case in CASES]
    in_browser = page.evaluate("cases => Promise.all(cases.map(c => window.checker.assess(c)))", inputs)
    mismatched = [case["name"] for case, got in zip(CASES, in_browser, strict=True) if got != assess(case["input"])]
    assert mismatched == []
    assert len(in_browser) == len(CASES) >= 40
    assert foreign_requests == []


def test_invalid_case_is_refused_with_the_field_named(site_url, page):
    open_checker(page, site_url + "ru/checker/")
    message = page.evaluate("window.checker.assess({age: 30, may_be_minor: true}).then(() => '', e => e.message)")
    assert message.startswith("may_be_minor: true contradicts age 30")


def test_form_runs_and_shows_the_steps_in_the_page_language(site_url, page):
    open_checker(page, site_url + "ru/checker/")
    page.fill("input[name=age]", "15")
    page.select_option("select[name=location]", "kazakhstan")
    page.click("#checker-run")
    page.wait_for_selector("#checker-result:not([hidden])")
    page.locator("#checker-result details.details > summary").click()
    steps = page.locator("#checker-result li[data-step]")
    first_ids = [steps.nth(i).get_attribute("data-step") for i in range(steps.count())]
    assert "notify-police-or-guardianship" in first_ids and "offer-referral" not in first_ids
    notify = page.locator("li[data-step=notify-police-or-guardianship]")
    assert "незамедлительно" in notify.inner_text()
    link = notify.locator("a.basis").first
    assert link.get_attribute("href").endswith("procedure/rules/#p16-1")
    link.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/ru/procedure/rules/#p16-1")
    assert page.locator("#p16-1").is_visible()


def test_a_checker_session_sends_nothing_and_stores_nothing(site_url, context, page):
    requests = []
    context.on("request", lambda r: requests.append((r.method, r.url, r.post_data)))
    open_checker(page, site_url + "checker/")
    page.fill("input[name=age]", "22")
    page.check("input[name=consent]")
    page.locator("details[data-element=what] > summary").click()
    page.check("input[value=what-labour-forced-work]")
    page.click("#checker-run")
    page.wait_for_selector("#checker-result:not([hidden])")
    with page.expect_download() as download:
        page.click("#checker-save")
    assert download.value.suggested_filename == "case.json"
    page.reload()
    page.wait_for_load_state("load")
    hosts = {urlparse(url).netloc for _, url, _ in requests if urlparse(url).scheme in ("http", "https")}
    assert hosts == {urlparse(site_url).netloc}
    assert {method for method, _, _ in requests} == {"GET"}
    assert all(body is None for _, _, body in requests)
    typed = ("what-labour-forced-work", "consent=", "age=", "=22")
    assert [url for _, url, _ in requests if any(value in url for value in typed)] == []
    stored = page.evaluate("""async () => ({
        cookie: document.cookie,
        local: localStorage.length,
        session: sessionStorage.length,
        idb: (await indexedDB.databases()).map(d => d.name),
    })""")
    assert stored == {"cookie": "", "local": 0, "session": 0, "idb": []}
    assert context.cookies() == []


def test_works_offline_after_the_first_visit(site_url, context, page):
    """Offline, the checker starts as on any later visit: from the saved snapshot, with
    Pyodide's core and library from the saved copy."""
    first_visit_saves_the_snapshot(page, site_url + "checker/")
    poll(page, SAVED_ENDING, "/pyodide.asm.wasm")
    context.set_offline(True)
    for path in ("", "ru/", "indicators/", "ru/card/", "ru/procedure/rules/"):
        response = page.goto(site_url + path)
        assert response is None or response.ok, path
        assert page.locator("h1").count() == 1, path
    open_checker(page, site_url + "ru/checker/")
    assert page.evaluate("window.checker.ready.then(p => p.from)") == "snapshot"
    result = page.evaluate("window.checker.assess({age: 10})")
    assert result["referral"]["minor"] is True
    context.set_offline(False)


@pytest.fixture
def no_wasm_page(context):
    """A page whose browser has no WebAssembly, as when a policy disables it (Chromium's
    command-line switch for that no longer works)."""
    context.add_init_script("delete globalThis.WebAssembly")
    return context.new_page()


def test_without_webassembly_the_page_says_so_and_stays_a_checklist(site_url, no_wasm_page):
    page = no_wasm_page
    page.goto(site_url + "checker/")
    assert page.evaluate("typeof WebAssembly") == "undefined"
    page.wait_for_function("document.getElementById('checker-status').dataset.state === 'failed'")
    assert "WebAssembly" in page.inner_text("#checker-status")
    assert page.locator("#checker-run").is_disabled()
    page.locator("details.indicator-element").first.locator("summary").click()
    box = page.locator("input[name=indicators]").first
    box.check()
    assert box.is_checked()
    assert page.locator("#checker-print").is_enabled()


def test_a_saved_case_opens_and_runs(site_url, page):
    """ "Open a saved case": the file fills the form and the checker runs on it."""
    open_checker(page, site_url + "checker/")
    saved = {"age": 16, "location": "abroad", "citizenship": "kz", "unaccompanied": True}
    page.set_input_files(
        "#checker-open",
        files=[{"name": "case.json", "mimeType": "application/json", "buffer": json.dumps(saved).encode()}],
    )
    page.wait_for_selector("#checker-result:not([hidden])")
    assert page.input_value("input[name=age]") == "16"
    assert page.is_checked("input[name=unaccompanied]")
    steps = page.locator("#checker-result li[data-step]").evaluate_all("els => els.map(e => e.dataset.step)")
    assert steps == [a["id"] for a in assess(saved)["referral"]["actions"]]


def test_a_later_visit_starts_from_the_snapshot_with_the_same_answers(site_url, context, page):
    first_visit_saves_the_snapshot(page, site_url + "checker/")
    later = context.new_page()
    open_checker(later, site_url + "ru/checker/")
    assert later.evaluate("window.checker.ready.then(p => p.from)") == "snapshot"
    inputs = [case["input"] for case in CASES]
    in_browser = later.evaluate("cases => Promise.all(cases.map(c => window.checker.assess(c)))", inputs)
    assert [case["name"] for case, got in zip(CASES, in_browser, strict=True) if got != assess(case["input"])] == []
    refused = later.evaluate("window.checker.assess({age: 30, may_be_minor: true}).then(() => '', e => e.message)")
    assert refused.startswith("may_be_minor: true contradicts age 30")
    duplicate = later.evaluate("window.checker.assessText('{\"age\": 1, \"age\": 2}').then(() => '', e => e.message)")
    assert "age" in duplicate and duplicate != ""


def test_a_snapshot_that_does_not_restore_is_dropped_and_the_checker_starts_from_its_files(site_url, context, page):
    first_visit_saves_the_snapshot(page, site_url + "checker/")
    page.evaluate("""async () => {
        const url = new URL(document.getElementById('checker').dataset.snapshot, document.baseURI).href;
        const cache = await caches.open('bagdar-site');
        await cache.put(url, new Response(new Uint8Array(4096).fill(7)));
    }""")
    later = context.new_page()
    open_checker(later, site_url + "checker/")
    assert later.evaluate("window.checker.ready.then(p => p.from)") == "files"
    assert later.evaluate("window.checker.assess({age: 10})")["referral"]["minor"] is True
