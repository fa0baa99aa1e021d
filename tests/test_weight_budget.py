"""Weight budget of the built site, from deterministic byte counts of its files (no browser, no
timing; what is counted for a page is described in page_weight.py).

The budget is on bytes TRANSFERRED with gzip (level 6, computed from the files, so it is
deterministic): what a phone downloads from any server that compresses text, as the README's
setup does. Uncompressed sizes are printed beside them; with Material's own CSS and JavaScript
(about 300 KB uncompressed before any content) no page could stay under 300 KB uncompressed.
1 KB here is 1024 bytes.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import site_pages
from page_weight import PageLoad, page_load

#: Every content page, with everything it loads, stays under this (bytes transferred with gzip).
BUDGET = 300 * 1024
#: The only pages that may load Pyodide (the in-browser checker); they are held to no budget.
PYODIDE_PAGES = ("checker/", "ru/checker/")
#: How markup or a script names a Pyodide file or folder.
PYODIDE_FILE = re.compile(r"pyodide(/|\.m?js\b|\.asm\b)", re.I)
#: The only pages that may load a diagram library. None has a diagram now.
DIAGRAM_PAGES: tuple[str, ...] = ()
#: Script file names of diagram libraries.
DIAGRAM_LIBRARY = re.compile(r"mermaid|\bd3\b|cytoscape|vis-network|\belk|dagre|\bviz\b|echarts|chart\.js|plotly", re.I)


@pytest.fixture(scope="module")
def loads(built_site) -> dict[str, PageLoad]:
    """Every page of the built site, the 404 page too, with what it loads."""
    return {path: page_load(built_site, path) for path in site_pages(built_site) + ["404.html"]}


def kb(size: int) -> str:
    return f"{size / 1024:,.0f} KB"


def describe(site: Path, load: PageLoad) -> str:
    biggest = sorted(load.files.items(), key=lambda item: -item[1])[:4]
    return (
        f"{load.path or '/'}: {kb(load.transferred(site))} transferred, {kb(load.total)} uncompressed "
        f"({', '.join(f'{name} {kb(size)}' for name, size in biggest)})"
    )


def references_pyodide(site: Path, load: PageLoad) -> bool:
    """The page loads a file of assets/pyodide/, or its markup or a script it loads names a
    Pyodide file or folder (`pyodide/`, `pyodide.mjs`, `pyodide.asm.wasm`...)."""
    scripts = (site / name for name in load.scripts if not name.startswith("assets/pyodide/"))
    return (
        any(name.startswith("assets/pyodide/") for name in load.files)
        or bool(PYODIDE_FILE.search(load.markup))
        or any(PYODIDE_FILE.search(script.read_text(encoding="utf-8")) for script in scripts)
    )


def loads_diagram_library(load: PageLoad) -> bool:
    """A script named like a diagram library, or a `mermaid` element (Material then loads Mermaid)."""
    return load.mermaid or any(DIAGRAM_LIBRARY.search(Path(name).name) for name in load.scripts)


def test_every_reference_resolves(loads):
    missing = {path: load.missing for path, load in loads.items() if load.missing}
    assert missing == {}, "pages load files the site does not have (their weight would be missed)"


def test_content_pages_stay_within_the_budget(built_site, loads):
    heaviest = sorted(loads.values(), key=lambda load: -load.transferred(built_site))
    print(f"\nheaviest pages, with what they load (budget {kb(BUDGET)} transferred):")
    for load in heaviest[:10]:
        print("  " + describe(built_site, load))
    over = [
        describe(built_site, load)
        for load in heaviest
        if load.transferred(built_site) > BUDGET and load.path not in PYODIDE_PAGES
    ]
    more = [f"... and {len(over) - 10} more"] if len(over) > 10 else []
    assert not over, f"{len(over)} page(s) over {kb(BUDGET)} transferred:\n" + "\n".join(over[:10] + more)


def test_only_the_checker_references_pyodide(built_site, loads):
    referencing = {path for path, load in loads.items() if references_pyodide(built_site, load)}
    assert referencing == set(PYODIDE_PAGES) & set(loads)


def test_only_diagram_pages_load_a_diagram_library(loads):
    assert {path for path, load in loads.items() if loads_diagram_library(load)} == set(DIAGRAM_PAGES)
