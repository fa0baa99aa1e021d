"""The checker page in headless Chromium on 127.0.0.1: medians over several cold runs.

Usage: python benchmarks/checker_browser.py [RUNS]   (builds the site first if site/ is missing)

Measures, each run in a fresh browser context (empty HTTP cache):
- form usable: navigation start -> DOMContentLoaded of the checker page (the form is HTML);
- first result: navigation start -> the first window.checker.assess() result, called as soon
  as the page's script runs;
- bare Pyodide: the same for a bare page that only loads the same Pyodide and runs 1+1 —
  the floor on this machine; the ratio first result / bare is the target (at most 1.1);
- assess in Pyodide: median time of one assess() inside the worker over every test case;
- bytes transferred for a content page (indicators/) and for the checker page, uncompressed
  (this test server) and gzip-compressed (level 6, what a compressing server sends).
Writes benchmarks/results/checker_browser.json. Figures vary with the machine's load: the
ratio is the comparable figure.
"""

from __future__ import annotations

import datetime
import functools
import gzip
import json
import shutil
import statistics
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results" / "checker_browser.json"
SITE = ROOT / "site"
CHROMIUM = shutil.which("chromium")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run"]
BARE_PATH = "/__bench__/bare.html"
BARE_PAGE = b"""<!doctype html><meta charset="utf-8"><title>bare</title>
<script type="module">
const worker = new Worker(URL.createObjectURL(new Blob([`
  import { loadPyodide } from "${location.origin}/assets/pyodide/pyodide.mjs";
  const py = await loadPyodide({ indexURL: "${location.origin}/assets/pyodide/" });
  postMessage(py.runPython("1+1"));
`], { type: "text/javascript" })), { type: "module" });
worker.onmessage = (e) => { window.__result = e.data; window.__done = performance.now(); };
</script>"""
FIRST_RESULT = """async () => {
  await window.checker.assess({age: 25, consent: true, location: "kazakhstan"});
  return performance.now();
}"""


class Handler(SimpleHTTPRequestHandler):
    """The built site, plus the bare Pyodide page at BARE_PATH (never part of the site)."""

    def do_GET(self):
        if self.path == BARE_PATH:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(BARE_PAGE)))
            self.end_headers()
            self.wfile.write(BARE_PAGE)
            return
        super().do_GET()

    def log_message(self, *args):
        pass


def serve() -> tuple[ThreadingHTTPServer, str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(SITE)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def cold_page(browser):
    context = browser.new_context(service_workers="block")
    return context, context.new_page()


def measure_checker(browser, base: str) -> tuple[float, float]:
    context, page = cold_page(browser)
    page.goto(f"{base}/checker/", wait_until="domcontentloaded")
    usable = page.evaluate("performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd")
    first = page.evaluate(FIRST_RESULT)
    context.close()
    return usable, first


def measure_bare(browser, base: str) -> float:
    context, page = cold_page(browser)
    page.goto(base + BARE_PATH)
    page.wait_for_function("window.__done !== undefined", timeout=120_000)
    assert page.evaluate("window.__result") == 2
    done = page.evaluate("window.__done")
    context.close()
    return done


def bytes_for(browser, url: str) -> dict:
    """Bytes the page downloads: as served here (no compression) and as gzip would send them."""
    context, page = cold_page(browser)
    bodies = []
    page.on("requestfinished", lambda request: bodies.append(request.response().body()))
    page.goto(url, wait_until="networkidle")
    if "/checker/" in url:
        page.wait_for_function("document.getElementById('checker-status').dataset.state !== 'loading'",
                               timeout=120_000)
        page.wait_for_load_state("networkidle")
    context.close()
    return {"uncompressed": sum(map(len, bodies)),
            "gzip": sum(len(gzip.compress(body, compresslevel=6, mtime=0)) for body in bodies)}


def assess_in_pyodide(browser, base: str) -> float:
    cases = []
    for path in sorted((ROOT / "tests" / "cases").glob("*.yaml")):
        cases += [case["input"] for case in yaml.safe_load(path.read_text(encoding="utf-8"))]
    context, page = cold_page(browser)
    page.goto(f"{base}/checker/")
    timing = page.evaluate("cases => window.checker.time(cases, 20)", cases)
    context.close()
    return timing["median_ms"]


def main(runs: int) -> dict:
    if not (SITE / "checker" / "index.html").exists():
        from build_scripts.build import build
        build()
    server, base = serve()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        checker_runs, bare_runs = [], []
        for _ in range(runs):  # interleaved, so that load on the machine hits both alike
            checker_runs.append(measure_checker(browser, base))
            bare_runs.append(measure_bare(browser, base))
        usable = statistics.median(u for u, _ in checker_runs)
        first = statistics.median(f for _, f in checker_runs)
        bare = statistics.median(bare_runs)
        figures = {
            "date": datetime.date.today().isoformat(),
            "runs": runs,
            "form_usable_ms": round(usable, 1),
            "first_result_ms": round(first, 1),
            "bare_pyodide_ms": round(bare, 1),
            "first_result_over_bare": round(first / bare, 3),
            "assess_in_pyodide_ms": round(assess_in_pyodide(browser, base), 3),
            "bytes_content_page_indicators": bytes_for(browser, f"{base}/indicators/"),
            "bytes_checker_page": bytes_for(browser, f"{base}/checker/"),
            "targets": {"form_usable_ms": 500, "first_result_over_bare": 1.1, "assess_in_pyodide_ms": 10,
                        "bytes_content_page_gzip": 300 * 1024},
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
