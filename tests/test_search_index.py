"""What each language's search index holds: a document per entry, deep-linked to an anchor that
exists on its page; the checker by its title and description only, not its form; the index
within its size budget; and the thesaurus, whose bad entries are reported in one line each."""

from __future__ import annotations

import gzip
import html
import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from build_scripts.data_files import DATA_DIR, DataError
from build_scripts.language_search import INDEX, language_root
from build_scripts.validate import check

#: The most the index fetched when a reader first turns to search may weigh, gzip-compressed.
INDEX_BUDGET = 1_000_000
LANGS = ("kk", "ru")


def index_of(site: Path, lang: str) -> dict:
    return json.loads((site / language_root(lang) / INDEX).read_text(encoding="utf-8"))


def page_ids(site: Path, lang: str, page: str) -> set[str]:
    markup = (site / language_root(lang) / page / "index.html").read_text(encoding="utf-8")
    return set(re.findall(r'\sid="([^"]+)"', markup))


@pytest.mark.parametrize("lang", LANGS)
def test_every_indicator_is_a_document_of_its_own(built_site, lang):
    data = check()
    locations = {doc["location"]: doc for doc in index_of(built_site, lang)["docs"]}
    for indicator in data["indicators"]["indicators"]:
        doc = locations[f"indicators/#{indicator['id']}"]
        assert doc["type"] == "indicator"
        assert doc["title"] == indicator["text"][lang]


@pytest.mark.parametrize("lang", LANGS)
def test_entry_documents_link_to_anchors_that_exist(built_site, lang):
    typed = [doc for doc in index_of(built_site, lang)["docs"] if "#" in doc["location"] and doc.get("type")]
    assert {doc["type"] for doc in typed} >= {"indicator", "right", "term", "paragraph", "body"}
    for doc in typed:
        page, anchor = doc["location"].split("#")
        assert anchor in page_ids(built_site, lang, page), doc["location"]


@pytest.mark.parametrize("lang", LANGS)
def test_the_checker_is_indexed_by_title_and_description_only(built_site, lang):
    data = check()
    lead = next(label["text"][lang] for label in data["ui"]["labels"] if label["id"] == "checker-lead")
    checker = [doc for doc in index_of(built_site, lang)["docs"] if doc["location"].startswith("checker/")]
    assert [(doc["location"], doc["text"]) for doc in checker] == [("checker/", lead)]
    markup = (built_site / language_root(lang) / "checker/index.html").read_text(encoding="utf-8")
    start = markup.index('<form id="checker-form"')
    form = markup[start : markup.index("</form>", start)]
    labels = {
        html.unescape(re.sub(r"<[^>]+>", "", label)).strip()
        for label in re.findall(r"<label[^>]*>(.*?)</label>", form, flags=re.S)
    }
    labels = {label for label in labels if len(label) > 20}
    assert len(labels) > 50  # the form is there, and none of its labels is in the checker's document
    assert [label for label in labels if label in checker[0]["text"]] == []


@pytest.mark.parametrize("lang", LANGS)
def test_training_scenarios_and_the_checker_weigh_less_than_reference_pages(built_site, lang):
    pages = {
        doc["location"]: doc.get("boost", 1) for doc in index_of(built_site, lang)["docs"] if "#" not in doc["location"]
    }
    lighter = [boost for location, boost in pages.items() if location.startswith(("training/", "checker/"))]
    assert len(lighter) > 10
    assert max(lighter) < min(pages["indicators/"], pages["card/"], pages["procedure/abroad/"])


@pytest.mark.parametrize("lang", LANGS)
def test_index_fetched_on_first_use_is_within_budget(built_site, lang):
    raw = (built_site / language_root(lang) / INDEX).read_bytes()
    assert len(gzip.compress(raw)) <= INDEX_BUDGET


@pytest.mark.parametrize("lang", LANGS)
def test_the_worker_gets_the_thesaurus_and_type_names(built_site, lang):
    config = index_of(built_site, lang)["config"]
    concepts = {concept["id"]: concept for concept in config["thesaurus"]["concepts"]}
    documents = concepts["documents-withheld"]
    assert "indicators/#what-no-access-to-documents" in documents["finds"]
    assert "indicators/" in documents["finds"]
    assert set(config["types"]) >= {"indicator", "right", "term", "paragraph", "body", "scenario"}


# The thesaurus as data: each kind of bad entry is one line naming the file, concept and field.


@pytest.fixture
def data_copy(tmp_path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def with_concept(data_dir: Path, change) -> list[str]:
    """The problems of data_dir once `change` has edited the thesaurus's first concept."""
    path = data_dir / "search-terms.yaml"
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(document["concepts"][0])
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        check(data_dir)
    return [str(problem) for problem in caught.value.problems]


BAD_CONCEPTS = {
    "unknown indicator": (
        lambda c: c["finds"].update(indicators=["what-no-such-sign"]),
        "data/search-terms.yaml: id=documents-withheld: finds.indicators: 'what-no-such-sign' is not a known entry",
    ),
    "unknown page": (
        lambda c: c["finds"].update(pages=["no/such/page"]),
        "data/search-terms.yaml: id=documents-withheld: finds.pages: 'no/such/page' is not a page of the site",
    ),
    "terms that do not reach an entry": (
        lambda c: c.update(
            terms={**c["terms"], "ru": ["жираф"]}, finds={"indicators": ["what-no-access-to-documents"]}
        ),
        "data/search-terms.yaml: id=documents-withheld: terms.ru: none of them occurs in 'what-no-access-to-documents'",
    ),
    "missing language": (
        lambda c: c["words"].pop("kk"),
        "data/search-terms.yaml: id=documents-withheld: words.kk: is missing",
    ),
}


@pytest.mark.parametrize("case", BAD_CONCEPTS)
def test_a_bad_thesaurus_entry_is_one_line(data_copy, case):
    change, line = BAD_CONCEPTS[case]
    assert with_concept(data_copy, change) == [line]
