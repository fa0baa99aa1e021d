"""Search per language: each language's pages find their own pages, inflected Kazakh and Russian
words find other forms, Kazakh letters typed as Russian look-alikes still match; and the Kazakh
stemmer's rules, run in Node as the browser runs them."""

from __future__ import annotations

import json
import re
import subprocess
from urllib.parse import parse_qs, urlparse

import pytest

from benchmarks.search_box import SEARCH_READY, open_search, result_links
from build_scripts.data_files import DATA_DIR
from build_scripts.language_search import SOURCES, point_page, split_index
from build_scripts.validate import check


def search(page, site_url: str, start: str, query: str) -> list[str]:
    """The result links (`card/?h=...`, from the site root) for `query` typed on the page at `start`."""
    page.goto(site_url + start)
    open_search(page)
    return [href.removeprefix(site_url) for href in result_links(page, query)]


def pages(links: list[str]) -> list[str]:
    return [urlparse(link).path for link in links]


@pytest.mark.browser
def test_kazakh_inflected_query_finds_kazakh_pages_only(site_url, page, foreign_requests):
    # «карточкасының» occurs nowhere on the site: only its stem «карточка» does.
    links = search(page, site_url, "indicators/", "карточкасының")
    assert "card/" in pages(links)[:3]
    assert not [link for link in pages(links) if link.startswith("ru/")]
    assert foreign_requests == []


@pytest.mark.browser
def test_russian_query_finds_russian_pages_only(site_url, page, foreign_requests):
    # «индикаторам» occurs nowhere on the site; Material alone finds no Russian page for it.
    links = search(page, site_url, "ru/indicators/", "индикаторам")
    assert "ru/indicators/" in pages(links)[:3]
    assert all(link.startswith("ru/") for link in pages(links))
    assert foreign_requests == []


@pytest.mark.browser
def test_kazakh_letters_typed_as_russian_lookalikes_match(site_url, page, foreign_requests):
    assert "indicators/" in pages(search(page, site_url, "", "корсеткиштери"))[:3]
    assert foreign_requests == []


@pytest.mark.browser
def test_result_highlights_the_stem_in_the_readers_letters(site_url, page, foreign_requests):
    links = search(page, site_url, "", "қылмыстардың")
    assert parse_qs(urlparse(links[0]).query)["h"] == ["қылмыс"]
    assert foreign_requests == []


@pytest.mark.browser
def test_search_still_works_on_the_next_page_opened(site_url, page, foreign_requests):
    """The browser reuses the worker's script from its cache on the next page: nothing the worker
    needs may come from its own URL."""
    search(page, site_url, "", "саудасы")
    assert "ru/card/" in pages(search(page, site_url, "ru/card/", "карточки"))[:3]
    assert foreign_requests == []


def result_items(page, count: int = 3) -> list[tuple[list[str], list[str]]]:
    """The links (path#fragment) and type labels of each of the open search's first results."""
    items = []
    for item in page.locator(".md-search-result__list > li").all()[:count]:
        links = [
            urlparse(link) for link in item.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
        ]
        items.append(
            (
                [link.path + (f"#{link.fragment}" if link.fragment else "") for link in links],
                item.locator(".search-type").all_inner_texts(),
            )
        )
    return items


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_an_indicator_result_links_to_the_indicator(site_url, page, foreign_requests, lang):
    """An indicator's words find the indicators page among the first results, and under it that
    very indicator, deep-linked and labelled as an indicator."""
    data = check()
    indicator = next(i for i in data["indicators"]["indicators"] if i["id"] == "what-border-inappropriate-expressions")
    label = next(item["text"][lang] for item in data["ui"]["labels"] if item["id"] == "search-type-indicator")
    search(page, site_url, "" if lang == "kk" else "ru/", indicator["text"][lang])
    [(links, types)] = [item for item in result_items(page) if item[0][0].endswith("indicators/")]
    assert any(link.endswith("indicators/#what-border-inappropriate-expressions") for link in links)
    assert label in types
    assert foreign_requests == []


@pytest.mark.browser
@pytest.mark.parametrize(
    ("start", "query", "finds"),
    [
        ("ru/", "забрали паспорт", "indicators/#what-no-access-to-documents"),
        ("", "жалақы бермейді", "indicators/#what-labour-no-contract-pay"),
    ],
)
def test_everyday_words_reach_the_indicator_they_mean(site_url, page, foreign_requests, start, query, finds):
    """Through the thesaurus: the reader's words are not the text's, the indicator is found."""
    search(page, site_url, start, query)
    [(links, _), *_] = result_items(page)
    assert links[0].endswith("indicators/")
    assert any(link.endswith(finds) for link in links)
    assert foreign_requests == []


@pytest.mark.browser
def test_reference_pages_come_before_training_scenarios(site_url, page, foreign_requests):
    """Many scenarios tell of events abroad; the page on the procedure abroad comes first."""
    found = pages(search(page, site_url, "ru/", "за рубежом"))
    assert found[0] == "ru/procedure/abroad/"
    assert foreign_requests == []


def kazakh(function: str, words: list[str]) -> list[str]:
    """kazakh.js's `fold` or `stem` (of the folded word) of each word, in one Node run."""
    module, rules = (json.dumps(str(SOURCES / name)) for name in ("kazakh.js", "kazakh-rules.json"))
    script = f"""
      const words = require({module})(require({rules}))
      const input = JSON.parse(require("fs").readFileSync(0, "utf8"))
      const run = {{ fold: words.fold, stem: word => words.stem(words.fold(word)) }}[{json.dumps(function)}]
      console.log(JSON.stringify(input.map(run)))
    """
    done = subprocess.run(["node", "-e", script], input=json.dumps(words), capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


STEMS = {
    "саудасының": "сауда",  # possessive -сы, genitive -ның
    "саудасына": "сауда",  # dative -на after the possessive
    "құрбандарының": "курбан",  # plural+possessive -дары, genitive
    "жоспарын": "жоспар",  # accusative -н after the possessive -ы
    "құрбанын": "курба",  # folded, -ын reads as the genitive -ның: a letter short, still a prefix
    "балаларды": "бала",  # accusative -ды, plural -лар
    "қылмыстық": "кылмыс",  # -тық
    "бағыттауға": "багытта",  # dative -ға, verbal noun -у
    "жәбірленушілерге": "жабирлен",  # dative, plural, agent -уші
    "көрсетілген": "корсет",  # participle -ген, passive -іл
    "көрсетілетін": "корсет",  # participle -етін, passive -іл
    "республикасындағы": "республика",  # -ндағы, possessive -сы
    "көмектеседі": "комектес",  # present tense -еді
    "қарсы": "карсы",  # kept whole: its -сы is no possessive
    "жыл": "жыл",  # the passive -л would leave too short a stem
    "іс": "ис",  # nothing to strip
}


def test_stemmer_rules():
    assert dict(zip(STEMS, kazakh("stem", list(STEMS)), strict=True)) == STEMS


def test_folding_turns_kazakh_letters_into_russian_lookalikes():
    words = ["қазақстан", "әділет", "өңір", "ұғым", "үй", "ғылым", "һ", "іс"]
    assert kazakh("fold", words) == ["казакстан", "адилет", "онир", "угым", "уй", "гылым", "х", "ис"]


def test_lookalike_typing_gives_the_same_stem():
    assert kazakh("stem", ["қылмыстардың", "кылмыстардын"]) == ["кылмыс", "кылмыс"]


def test_every_stem_begins_its_folded_word():
    """The index keeps whole (folded) words and a query stem matches them as a prefix: this
    holds only while stemming strips suffixes and nothing else."""
    text = " ".join(path.read_text(encoding="utf-8") for path in DATA_DIR.glob("*.yaml"))
    words = sorted({word.lower() for word in re.findall(r"[а-яёәіңғүұқөһ]+", text, flags=re.I)})
    assert len(words) > 1000
    folded, stems = kazakh("fold", words), kazakh("stem", words)
    assert [word for word, fold, stem in zip(words, folded, stems, strict=True) if not fold.startswith(stem)] == []


def test_each_language_gets_its_own_index():
    index = {
        "config": {"lang": ["ru"], "separator": "[\\s]+", "pipeline": ["stopWordFilter"]},
        "docs": [
            {"location": "", "title": "Бағдар", "text": ""},
            {"location": "card/#_1", "title": "Ақпараттық карточка", "text": ""},
            {"location": "ru/", "title": "Багдар", "text": ""},
            {"location": "ru/card/#_1", "title": "Информационная карточка", "text": ""},
        ],
    }
    kk, ru = split_index(index)["kk"], split_index(index)["ru"]
    assert [doc["location"] for doc in kk["docs"]] == ["", "card/#_1"]
    assert [doc["location"] for doc in ru["docs"]] == ["", "card/#_1"]
    assert (kk["config"]["lang"], ru["config"]["lang"]) == (["kk"], ["ru"])


def test_russian_pages_search_from_the_russian_root():
    html = (
        '<script id="__config" type="application/json">{"base": "../..", '
        '"search": "../../assets/javascripts/workers/search.a7633da7.min.js"}</script>'
    )
    config = json.loads(re.search(r">(.*)<", point_page(html, "ru")).group(1))
    assert config == {"base": "../../ru/", "search": "../../assets/javascripts/workers/search-worker.js"}


def test_the_index_is_fetched_only_when_search_is_used(site_url, page, foreign_requests):
    """A content page does not download the search index until the reader turns to search (the
    offline service worker keeps a copy in the background; its requests are not the page's)."""
    fetched = []
    page.on(
        "request",
        lambda request: (
            fetched.append(request.url)
            if "search_index.json" in request.url and request.service_worker is None
            else None
        ),
    )
    page.goto(site_url + "ru/indicators/", wait_until="networkidle")
    assert fetched == []
    with page.expect_request(lambda request: request.url.endswith("/ru/search/search_index.json")):
        page.locator("input.md-search__input").focus()
    page.wait_for_function(SEARCH_READY)
    assert foreign_requests == []
