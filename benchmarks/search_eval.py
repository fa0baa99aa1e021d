"""How often the site's search puts the right page in its top 3, Material's default vs ours.

Builds the site twice into a temporary folder (Material's own search, `language_search=False`,
and ours), serves each on 127.0.0.1, types every query into the real search box in headless
Chromium and reads the result list. Prints the top-3 hit rate per setup and language, and the
queries ours misses; writes the figures to benchmarks/results/search_eval.json.

Usage (from anywhere): .venv/bin/python benchmarks/search_eval.py   (about a minute)
"""

from __future__ import annotations

import functools
import json
import logging
import os
import shutil
import sys
import tempfile
import threading
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlparse

from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script: make build_scripts importable

from benchmarks.search_box import open_search, result_links  # noqa: E402
from build_scripts.build import build  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results" / "search_eval.json"
CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TOP = 3
#: (query as a reader types it, the page it should find), by the language of the page searched from.
QUERIES = {
    "kk": [
        ("көрсеткіштері", "indicators/"),
        ("көрсеткіштерді", "indicators/"),
        ("корсеткиш", "indicators/"),
        ("тәуекел тобына", "indicators/"),
        ("тауекел тобы", "indicators/"),
        ("мінез-құлық белгілері", "indicators/"),
        ("ақпараттық карточканы", "card/"),
        ("карточкасы", "card/"),
        ("акпараттык карточка", "card/"),
        ("негізгі ұғымдарды", "glossary/"),
        ("угымдар", "glossary/"),
        ("ұғым", "glossary/"),
        ("қайта бағыттау қағидаларына", "procedure/rules/"),
        ("кагидалары", "procedure/rules/"),
        ("бағыттау тәртібін", "procedure/rules/"),
        ("өлшемшарттарына", "procedure/criteria/"),
        ("олшемшарт", "procedure/criteria/"),
        ("қатыгездікпен қараудың", "procedure/criteria/"),
        ("катыгездик", "procedure/criteria/"),
        ("кім не істейді", "bodies/"),
        ("прокуратураның", "bodies/prosecutor/"),
        ("прокуратура органдарына", "bodies/prosecutor/"),
        ("шекара қызметіне", "bodies/border_service/"),
        ("шекара кызметi", "bodies/border_service/"),
        ("соттарға", "bodies/courts/"),
        ("көші-қон ұйымына", "bodies/iom/"),
        ("коши-кон", "bodies/iom/"),
        ("ішкі істер органдарына", "bodies/police/"),
        ("мобильді топтарға", "bodies/mobile_group/"),
        ("баланың құқықтары жөніндегі уәкілге", "bodies/child_rights_ombudsman/"),
        ("әскери полицияға", "bodies/military_investigation/"),
        ("қаржы министрлігіне", "bodies/finance/"),
        ("ұлттық қауіпсіздік комитетінің", "bodies/nsc/"),
        ("улттык кауипсиздик", "bodies/nsc/"),
        ("әйелдерді зорлық-зомбылықтан қорғау бөлімшелерінің", "bodies/women-protection-units/"),
        ("зорлык-зомбылык", "bodies/women-protection-units/"),
        ("іс-шаралар жоспарын", "measures/action-plan/"),
        ("ис-шаралар жоспары", "measures/action-plan/"),
        ("жоспарына", "measures/action-plan/"),
        ("профилактика шаралары", "measures/prevention/"),
        ("профилактикалық шараларды", "measures/prevention/"),
        ("дереккөздер", "sources/"),
        ("дереккөздерін", "sources/"),
        ("дереккоз", "sources/"),
        ("сенім телефонына", ""),
        ("сеним телефоны", ""),
        ("құрбандарына көмек көрсету", "procedure/rules/"),
        ("прокурат", "bodies/prosecutor/"),
        ("дерекко", "sources/"),
        ("әділет органдарына", "bodies/justice/"),
        ("адилет", "bodies/justice/"),
        ("денсаулык сактау уйымдары", "bodies/health_org/"),
        ("кәмелетке толмағандардың істері жөніндегі комиссияға", "bodies/juvenile_commission/"),
        ("балаларды қолдау орталығына", "bodies/childrens_support_centre/"),
        ("отбасын колдау", "bodies/family_support_centre/"),
        ("өлшемшарттың", "procedure/criteria/"),
        ("аббревиатуралардың", "measures/action-plan/"),
        ("жеке профилактика шаралары", "measures/prevention/"),
    ],
    "ru": [
        ("индикаторы", "ru/indicators/"),
        ("индикаторов торговли", "ru/indicators/"),
        ("индикат", "ru/indicators/"),
        ("группа риска", "ru/indicators/"),
        ("поведенческие признаки", "ru/indicators/"),
        ("информационную карточку", "ru/card/"),
        ("карточки", "ru/card/"),
        ("карточк", "ru/card/"),
        ("основных понятий", "ru/glossary/"),
        ("понятие", "ru/glossary/"),
        ("правилам перенаправления", "ru/procedure/rules/"),
        ("перенаправлении жертв", "ru/procedure/rules/"),
        ("перенаправ", "ru/procedure/rules/"),
        ("критериям оценки", "ru/procedure/criteria/"),
        ("жестокое обращение", "ru/procedure/criteria/"),
        ("жестокого", "ru/procedure/criteria/"),
        ("кто что делает", "ru/bodies/"),
        ("прокуратуры", "ru/bodies/prosecutor/"),
        ("органам прокуратуры", "ru/bodies/prosecutor/"),
        ("пограничной службе", "ru/bodies/border_service/"),
        ("суды", "ru/bodies/courts/"),
        ("международной организации по миграции", "ru/bodies/iom/"),
        ("органов внутренних дел", "ru/bodies/police/"),
        ("мобильной группе", "ru/bodies/mobile_group/"),
        ("уполномоченному по правам ребенка", "ru/bodies/child_rights_ombudsman/"),
        ("военной полиции", "ru/bodies/military_investigation/"),
        ("министерству финансов", "ru/bodies/finance/"),
        ("комитета национальной безопасности", "ru/bodies/nsc/"),
        ("защите женщин от насилия", "ru/bodies/women-protection-units/"),
        ("подразделений по защите женщин", "ru/bodies/women-protection-units/"),
        ("плана мероприятий", "ru/measures/action-plan/"),
        ("план мероприятий", "ru/measures/action-plan/"),
        ("мерам профилактики", "ru/measures/prevention/"),
        ("профилактических мер", "ru/measures/prevention/"),
        ("источники", "ru/sources/"),
        ("источников", "ru/sources/"),
        ("телефон доверия", "ru/"),
        ("телефонам", "ru/"),
        ("жестоком обращении", "ru/procedure/criteria/"),
        ("индикаторам", "ru/indicators/"),
        ("понятиям", "ru/glossary/"),
        ("правила перенаправления", "ru/procedure/rules/"),
        ("прокурат", "ru/bodies/prosecutor/"),
        ("органы юстиции", "ru/bodies/justice/"),
        ("юстиции", "ru/bodies/justice/"),
        ("организации здравоохранения", "ru/bodies/health_org/"),
        ("комиссии по делам несовершеннолетних", "ru/bodies/juvenile_commission/"),
        ("центр поддержки детей", "ru/bodies/childrens_support_centre/"),
        ("центрам поддержки семьи", "ru/bodies/family_support_centre/"),
        ("расшифровка аббревиатур", "ru/measures/action-plan/"),
        ("индивидуальные меры профилактики", "ru/measures/prevention/"),
        ("карагандинской академии", "ru/bodies/mia_academy/"),
        ("трех элементов", "ru/indicators/"),
        ("социальной депривации", "ru/procedure/criteria/"),
    ],
}


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextmanager
def served(site: Path):
    """http://127.0.0.1:PORT/ serving the site while in the block."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def top_pages(page: Page, site_url: str, query: str) -> list[str]:
    """The pages of the first TOP results for a query typed into the open page's search box."""
    return [urlparse(href.removeprefix(site_url)).path for href in result_links(page, query)[:TOP]]


def evaluate(page: Page, site_url: str) -> dict:
    """Per language: hits, total, rate, and the queries whose page is not in the top 3."""
    figures = {}
    for lang, queries in QUERIES.items():
        page.goto(site_url + ("" if lang == "kk" else "ru/"))
        open_search(page)
        misses = []
        for query, expected in queries:
            found = top_pages(page, site_url, query)
            if expected not in found:
                misses.append({"query": query, "expected": expected, "top": found})
        hits = len(queries) - len(misses)
        figures[lang] = {"hits": hits, "total": len(queries), "rate": round(hits / len(queries), 3),
                         "misses": misses}
    return figures


def main() -> None:
    logging.basicConfig(level=logging.WARNING)
    results = {}
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        for setup, language_search in (("default", False), ("ours", True)):
            out = Path(tmp) / setup
            site = build(docs_dir=out / "docs", site_dir=out / "site", language_search=language_search)
            with served(site) as site_url:
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                results[setup] = evaluate(page, site_url)
                page.close()
        browser.close()
    for setup, figures in results.items():
        rates = ", ".join(f"{lang} {f['hits']}/{f['total']} = {f['rate']:.0%}" for lang, f in figures.items())
        print(f"top-{TOP} hit rate, {setup}: {rates}")
    for lang, figures in results["ours"].items():
        for miss in figures["misses"]:
            print(f"  ours misses ({lang}) {miss['query']!r}: want {miss['expected']!r}, top {miss['top']}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
