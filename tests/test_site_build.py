"""The built site: MkDocs strict build, both languages for every page, data text escaped."""

from __future__ import annotations

import shutil

import pytest
import yaml

from build_scripts.build import build
from build_scripts.data_files import DATA_DIR
from conftest import site_pages

INJECTED = '<script>window.__pwned = 1</script><img src="x" onerror="window.__pwned = 2">'


def test_every_page_exists_in_both_languages(built_site):
    pages = site_pages(built_site)
    kazakh = [p for p in pages if not p.startswith("ru/")]
    russian = {p[len("ru/") :] for p in pages if p.startswith("ru/")}
    assert kazakh, "no pages built"
    assert set(kazakh) == russian


def test_pages_declare_their_language(built_site):
    for page in site_pages(built_site):
        html = (built_site / page / "index.html").read_text(encoding="utf-8")
        lang = "ru" if page.startswith("ru/") else "kk"
        assert f'<html lang="{lang}"' in html, page


def test_no_page_names_another_host_in_its_markup(built_site):
    for page in site_pages(built_site):
        html = (built_site / page / "index.html").read_text(encoding="utf-8")
        for needle in ("fonts.googleapis", "unpkg.com", "cdn.jsdelivr", "api.github.com"):
            assert needle not in html, (page, needle)


def test_every_stylesheet_is_in_the_head(built_site):
    """A stylesheet in the body is found late and restyles the whole page when it arrives
    (overrides/main.html: a page's own stylesheets come from its front matter)."""
    for page in site_pages(built_site):
        html = (built_site / page / "index.html").read_text(encoding="utf-8")
        body = html[html.index("<body") :]
        assert 'rel="stylesheet"' not in body, page
    checker = (built_site / "checker" / "index.html").read_text(encoding="utf-8")
    assert 'href="../assets/checker/checker.css"' in checker[: checker.index("</head>")]


@pytest.fixture(scope="module")
def injected_site(tmp_path_factory):
    """A site built from data whose hotline text carries HTML and a script."""
    root = tmp_path_factory.mktemp("injected")
    data = root / "data"
    shutil.copytree(DATA_DIR, data)
    path = data / "rights.yaml"
    rights = yaml.safe_load(path.read_text(encoding="utf-8"))
    rights["closing"]["text"]["kk"] = INJECTED
    path.write_text(yaml.safe_dump(rights, allow_unicode=True), encoding="utf-8")
    return build(data_dir=data, docs_dir=root / "docs", site_dir=root / "site")


def test_script_in_data_comes_out_escaped(injected_site):
    html = (injected_site / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;window.&#95;&#95;pwned = 1&lt;/script&gt;" in html
    assert "<script>window.__pwned" not in html
    assert '<img src="x"' not in html


@pytest.mark.browser
def test_script_in_data_never_runs(injected_site, page):
    page.goto((injected_site / "index.html").as_uri())
    page.wait_for_load_state("load")
    assert page.evaluate("window.__pwned === undefined")
    assert "<script>window.__pwned = 1</script>" in page.inner_text("article")
