"""The nav's titles come from the data (build_scripts/nav_titles.py): mkdocs.yml names ids,
the built menus show the data's text in each language, and a wrong id stops the build."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest
from mkdocs.config import load_config

from build_scripts.data_files import DataError
from build_scripts.nav_titles import apply, label_ids, titles
from build_scripts.validate import check

ROOT = Path(__file__).resolve().parent.parent
DATA = check()


def config():
    """mkdocs.yml as MkDocs reads it (docs_dir: the generated build/docs may not exist yet)."""
    return load_config(str(ROOT / "mkdocs.yml"), docs_dir=str(ROOT / "docs"))


def test_the_nav_gets_the_kazakh_titles_and_the_russian_translations():
    cfg = config()
    ids = label_ids(cfg.nav)
    apply(cfg, DATA)
    text = titles(DATA)
    assert label_ids(cfg.nav) == [text[key]["kk"] for key in ids]
    (ru,) = [lang for lang in cfg.plugins["i18n"].config.languages if lang.locale == "ru"]
    assert ru.nav_translations == {text[key]["kk"]: text[key]["ru"] for key in ids}
    apply(cfg, DATA)  # a second pass (a preview's rebuild) keeps the same titles
    assert label_ids(cfg.nav) == [text[key]["kk"] for key in ids]


def test_an_unknown_id_is_one_line_naming_it():
    cfg = config()
    cfg.nav = [*cfg.nav, {"no-such-title": "index.md"}]
    with pytest.raises(DataError) as err:
        apply(cfg, DATA)
    assert [str(p) for p in err.value.problems] == [
        "mkdocs.yml: id=no-such-title: nav: no data/ui.yaml label or data/sources.yaml document has this id"
    ]


def test_two_entries_with_one_kazakh_title_and_two_translations_are_refused():
    data = copy.deepcopy(DATA)
    data["ui"]["labels"].append({"id": "nav-twin", "text": {"kk": "Басты бет", "ru": "Другое"}})
    cfg = config()
    cfg.nav = [*cfg.nav, {"nav-twin": "index.md"}]
    with pytest.raises(DataError, match="another entry has this Kazakh title"):
        apply(cfg, data)


@pytest.mark.parametrize("page, lang", [("index.html", "kk"), ("ru/index.html", "ru")])
def test_the_built_menu_shows_the_data_titles(built_site, page, lang):
    html = (built_site / page).read_text(encoding="utf-8")
    shown = {" ".join(t.split()) for t in re.findall(r'<span class="md-ellipsis">(.*?)</span>', html, re.S)}
    text = titles(DATA)
    missing = [key for key in label_ids(config().nav) if text[key][lang] not in shown]
    assert missing == []


def test_a_title_is_text_not_markup():
    data = copy.deepcopy(DATA)
    label = next(item for item in data["ui"]["labels"] if item["id"] == "nav-home")
    label["text"] = {"kk": "<img src=x onerror=alert(1)>", "ru": "A & <b>B</b>"}
    cfg = config()
    apply(cfg, data)
    assert "&lt;img src=x onerror=alert(1)&gt;" in label_ids(cfg.nav)
    (ru,) = [lang for lang in cfg.plugins["i18n"].config.languages if lang.locale == "ru"]
    assert ru.nav_translations["&lt;img src=x onerror=alert(1)&gt;"] == "A &amp; &lt;b&gt;B&lt;/b&gt;"
