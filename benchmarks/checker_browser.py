"""The checker page in headless Chromium on 127.0.0.1, as a reader gets it: medians of several runs.

Usage: python benchmarks/checker_browser.py [RUNS]   (builds the site first if site/ is missing)

The site is served by a small compressing server (the pre-compressed `.gz` siblings the build
writes, gzip on the fly for the rest), as a static host configured as in the README does. Every
run uses a fresh browser (empty HTTP cache) with the service worker installing, as on every
real first visit. Measured, run by run and interleaved so that the machine's load hits all
kinds alike:
- form usable: navigation start -> DOMContentLoaded of the checker page (the form is HTML);
- first result: navigation start -> the first window.checker.assess() result, unthrottled and on
  a slow-phone profile (CDP: 10 Mbit/s, 40 ms latency, CPU 4x slower);
- bare Pyodide with its full standard library, loaded the same way on a bare page that runs 1+1:
  the floor the checker is compared with (ratio first result / bare);
- second visit: the same context opens the checker again once the service worker holds its
  files, the memory snapshot among them (the worker then starts from the snapshot);
- bytes of the first visit, as transferred: the checker page and what it loads (service worker
  blocked, so only the page's own requests), and everything the server sent while the service
  worker installed as well; gzip as served, brotli from the `.br` siblings of the same files;
- assess in Pyodide: median time of one assess() inside the worker over every test case.
Writes benchmarks/results/checker_browser.json. Figures vary with the machine's load: ratios are
the comparable figures.
"""

from __future__ import annotations

import datetime
import gzip
import json
import mimetypes
import statistics
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from tests.chromium import EXECUTABLE as CHROMIUM  # noqa: E402
from tests.chromium import FLAGS  # noqa: E402
from tests.polling import SNAPSHOT_SAVED, poll  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results" / "checker_browser.json"
SITE = ROOT / "site"
FULL_PYODIDE = ROOT / "node_modules" / "pyodide"
BARE_PATH = "/__bench__/bare.html"
FULL_PREFIX = "/__bench__/pyodide-full/"
BARE_PAGE = f"""<!doctype html><meta charset="utf-8"><title>bare</title>
<script type="module">
const worker = new Worker(URL.createObjectURL(new Blob([`
  import {{ loadPyodide }} from "${{location.origin}}{FULL_PREFIX}pyodide.mjs";
  const py = await loadPyodide({{ indexURL: "${{location.origin}}{FULL_PREFIX}" }});
  postMessage(py.runPython("1+1"));
`], {{ type: "text/javascript" }})), {{ type: "module" }});
worker.onmessage = (e) => {{ window.__result = e.data; window.__done = performance.now(); }};
</script>""".encode()
FIRST_RESULT = """async () => {
  await window.checker.assess({age: 25, consent: true, location: "kazakhstan"});
  return performance.now();
}"""
SLOW_PHONE = {"latency": 40, "throughput": 10_000_000 / 8, "cpu": 4}
COMPRESSIBLE = (
    "text/",
    "application/javascript",
    "application/json",
    "application/wasm",
    "image/svg+xml",
    "application/zip",
    "application/xml",
)


class Handler(BaseHTTPRequestHandler):
    """The built site with its pre-compressed siblings, the bare page and the full Pyodide core;
    counts the bytes it sends (gzip as sent, brotli as the .br siblings would have been)."""

    def do_GET(self):
        path = unquote(urlparse(self.path).path)
        if path == BARE_PATH:
            return self._send(BARE_PAGE, "text/html; charset=utf-8", None)
        if path.startswith(FULL_PREFIX):
            file = FULL_PYODIDE / path[len(FULL_PREFIX) :]
        else:
            file = SITE / path.lstrip("/")
            if file.is_dir():
                file = file / "index.html"
        if not file.is_file() or ".." in path:
            self.send_error(404)
            return
        kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        if file.suffix == ".wasm":
            kind = "application/wasm"
        if file.suffix == ".mjs":
            kind = "application/javascript"
        self._send(file.read_bytes(), kind, file)

    def _send(self, raw: bytes, kind: str, file: Path | None):
        body, encoding, brotli_size = raw, None, len(raw)
        sibling = file.with_name(file.name + ".gz") if file else None
        static = sibling is not None and sibling.exists()  # as nginx's gzip_static, whatever the type
        if "gzip" in self.headers.get("Accept-Encoding", "") and (
            static or (kind.startswith(COMPRESSIBLE) and len(raw) > 1024)
        ):
            body = sibling.read_bytes() if static else gzip.compress(raw, 6, mtime=0)
            encoding = "gzip"
            br = file.with_name(file.name + ".br") if file else None
            brotli_size = br.stat().st_size if br and br.exists() else len(body)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.end_headers()
        self.wfile.write(body)
        with self.server.lock:
            self.server.sent["gzip"] += len(body) + 200  # about 200 bytes of headers a response
            self.server.sent["brotli"] += brotli_size + 200
            self.server.sent["uncompressed"] += len(raw) + 200

    def log_message(self, *args):
        pass


class Server(ThreadingHTTPServer):
    def __init__(self):
        super().__init__(("127.0.0.1", 0), Handler)
        self.lock = threading.Lock()
        self.reset()

    def reset(self) -> dict:
        sent, self.sent = getattr(self, "sent", None), {"gzip": 0, "brotli": 0, "uncompressed": 0}
        return sent

    def handle_error(self, request, client_address):
        pass


def new_context(browser, **options):
    """A fresh context; generous time-outs, since a loaded machine is slow, not broken."""
    context = browser.new_context(**options)
    context.set_default_timeout(300_000)
    return context


def throttle(context, page) -> None:
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send(
        "Network.emulateNetworkConditions",
        {
            "offline": False,
            "latency": SLOW_PHONE["latency"],
            "downloadThroughput": SLOW_PHONE["throughput"],
            "uploadThroughput": SLOW_PHONE["throughput"],
        },
    )
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": SLOW_PHONE["cpu"]})


def checker_run(browser, base: str, slow: bool) -> dict:
    """A first visit (service worker installing), then, unthrottled, a second visit."""
    context = new_context(browser)
    page = context.new_page()
    if slow:
        throttle(context, page)
    page.goto(f"{base}/checker/", wait_until="domcontentloaded")
    usable = page.evaluate("performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd")
    first = page.evaluate(FIRST_RESULT)
    figures = {"usable": usable, "first": first}
    if not slow:
        page.wait_for_load_state("networkidle")
        poll(page, SNAPSHOT_SAVED)  # the service worker has kept the checker's files
        second = context.new_page()
        second.goto(f"{base}/checker/", wait_until="domcontentloaded")
        figures["second"] = second.evaluate(FIRST_RESULT)
        figures["second_from"] = second.evaluate("window.checker.ready.then(p => p.from)")
    context.close()
    return figures


def bare_run(browser, base: str, slow: bool) -> float:
    context = new_context(browser, service_workers="block")
    page = context.new_page()
    if slow:
        throttle(context, page)
    page.goto(base + BARE_PATH)
    page.wait_for_function("window.__done !== undefined", timeout=300_000)
    assert page.evaluate("window.__result") == 2
    done = page.evaluate("window.__done")
    context.close()
    return done


def first_visit_bytes(browser, server: Server, base: str, path: str, service_worker: bool) -> dict:
    """What the server sends for a first visit of `path`, until the network is idle."""
    context = new_context(browser, service_workers="allow" if service_worker else "block")
    page = context.new_page()
    server.reset()
    page.goto(f"{base}/{path}", wait_until="load")
    if path.startswith("checker"):
        page.evaluate(FIRST_RESULT)
        if service_worker:
            poll(page, SNAPSHOT_SAVED)  # saved in the background once the checker has started
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(1500)  # the service worker's own downloads
    page.wait_for_load_state("networkidle")
    context.close()
    return server.reset()


def assess_in_pyodide(browser, base: str) -> float:
    cases = []
    for path in sorted((ROOT / "tests" / "cases").glob("*.yaml")):
        cases += [case["input"] for case in yaml.safe_load(path.read_text(encoding="utf-8"))]
    context = new_context(browser, service_workers="block")
    page = context.new_page()
    page.goto(f"{base}/checker/")
    timing = page.evaluate("cases => window.checker.time(cases, 20)", cases)
    context.close()
    return timing["median_ms"]


def median(values) -> float:
    return round(statistics.median(values), 1)


def main(runs: int) -> dict:
    if not (SITE / "checker" / "index.html").exists():
        from build_scripts.build import build

        build()
    server = Server()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    with sync_playwright() as playwright:

        def fresh(measure, *args, **kwargs):
            """One run in a browser of its own: a closed context's leftovers (a service worker
            still writing 30 MB to its cache) must not slow the next run."""
            own = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            try:
                return measure(own, *args, **kwargs)
            finally:
                own.close()

        fast, slow, bare_fast, bare_slow = [], [], [], []
        for _ in range(runs):  # interleaved, so that load on the machine hits every kind alike
            fast.append(fresh(checker_run, base, slow=False))
            bare_fast.append(fresh(bare_run, base, slow=False))
            slow.append(fresh(checker_run, base, slow=True))
            bare_slow.append(fresh(bare_run, base, slow=True))
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        first, bare = median(r["first"] for r in fast), median(bare_fast)
        first_slow, bare_slow_ms = median(r["first"] for r in slow), median(bare_slow)
        figures = {
            "date": datetime.date.today().isoformat(),
            "runs": runs,
            "form_usable_ms": median(r["usable"] for r in fast),
            "first_result_ms": first,
            "bare_pyodide_full_stdlib_ms": bare,
            "first_result_over_bare": round(first / bare, 3),
            "slow_phone": {
                **SLOW_PHONE,
                "first_result_ms": first_slow,
                "bare_pyodide_full_stdlib_ms": bare_slow_ms,
                "first_result_over_bare": round(first_slow / bare_slow_ms, 3),
            },
            "second_visit_first_result_ms": median(r["second"] for r in fast),
            "second_visit_started_from": sorted({r["second_from"] for r in fast}),
            "assess_in_pyodide_ms": round(assess_in_pyodide(browser, base), 3),
            "bytes_first_visit": {
                "checker_page_own": first_visit_bytes(browser, server, base, "checker/", service_worker=False),
                "checker_page_with_service_worker": first_visit_bytes(
                    browser, server, base, "checker/", service_worker=True
                ),
                "content_page_indicators_own": first_visit_bytes(
                    browser, server, base, "indicators/", service_worker=False
                ),
            },
            "targets": {
                "form_usable_ms": 500,
                "first_result_over_bare": 1.0,
                "slow_phone_first_result_ms": 10_000,
                "second_visit_first_result_ms": 1500,
                "checker_page_own_gzip_bytes": 4_500_000,
                "assess_in_pyodide_ms": 10,
                "content_page_gzip_bytes": 300 * 1024,
            },
        }
        browser.close()
    server.shutdown()
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return figures


if __name__ == "__main__":
    result = main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
    for key, value in result.items():
        print(f"{key}: {value}")
