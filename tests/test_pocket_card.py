"""The pocket card (card/pocket/), the "give the card" links, the card page's order and the
public's step-by-step page.

Print: each language pair prints on exactly one A4 page with four cards, nothing cut off, the
numbers at 9 pt or more. QR: present exactly when SITE_URL is set, and the code drawn on the
page is segno's own encoding of the card's address.
"""

from __future__ import annotations

import copy
import re
from html.parser import HTMLParser
from urllib.parse import unquote, urljoin, urlsplit

import pytest
import segno

from build_scripts import pocket_card
from build_scripts.generate import render_pages
from build_scripts.procedure import gives_card
from build_scripts.validate import check
from conftest import ROOT, site_pages
from conftest import parse_page as parse
from test_links import ORIGIN, served_file

SITE_URL = "https://example.org/bagdar/"
PREFIXES = {"kk": "", "ru": "ru/"}
PT_PER_PX = 0.75


@pytest.fixture(scope="module")
def data():
    return check()


def sheet_ids(data) -> list[str]:
    return [sheet.id for sheet in pocket_card.sheets(data, "kk")]


def all_items(data) -> list[dict]:
    return data["rights"]["rights"] + data["rights"]["obligations"]


# --- data ---------------------------------------------------------------------------------


def test_every_item_has_a_short_form_shorter_than_the_item(data):
    """A summary shortens its item: shorter in both languages and no number the item lacks."""
    for item in all_items(data):
        for lang in ("kk", "ru"):
            summary, text = item["summary"][lang], item["text"][lang]
            assert len(summary) < len(text) or summary == text, (item["id"], lang)
            assert set(re.findall(r"\d+", summary)) <= set(re.findall(r"\d+", text)), (item["id"], lang)


def test_foreign_sides_follow_appendix_2_and_record_the_review(data):
    languages = {language["id"]: language for language in data["pocket-card"]["languages"]}
    assert set(languages) == {"en", "uz", "ky", "tg"}
    assert languages["uz"]["lang"] == "uz-Latn"
    refs = [item["source"]["ref"] for item in all_items(data)]
    for language in languages.values():
        assert [item["ref"] for item in language["items"]] == refs
        assert language["reviewed_by_qualified_translator"] is False
        assert all(language["note"][key].strip() for key in ("own", "kk", "ru"))
    assert pocket_card.problems(data) == []


def test_a_side_out_of_order_or_off_its_terms_is_a_data_problem(data):
    broken = copy.deepcopy(data)
    english = broken["pocket-card"]["languages"][0]
    english["items"][0], english["items"][1] = english["items"][1], english["items"][0]
    special = next(i for i, item in enumerate(english["items"]) if item["ref"] == "app2.1.3")
    english["items"][special]["text"] = "apply for particular welfare help"
    del english["phones"]["102"]
    problems = [str(p) for p in pocket_card.problems(broken)]
    assert any("id=en: items: refs must be" in p for p in problems)
    assert any(f"id=en: items[{special}].text" in p and "special social services" in p for p in problems)
    assert any("id=en: phones:" in p for p in problems)


def test_a_number_no_bundled_text_prints_is_kept_as_the_sites_advice(data):
    """112 is in none of the source texts: it stays in data marked as the site's advice."""
    emergency = data["public-advice"]["emergency"]
    texts = " ".join(
        (ROOT / "sources" / doc["file"]).read_text(encoding="utf-8")
        for doc in data["sources"]["documents"]
        if doc["file"]
    )
    assert not re.search(rf"(?<!\d){re.escape(emergency['number'])}(?!\d)", texts)
    assert emergency["basis"] == "site-advice"
    assert all(advice["basis"] == "site-advice" for advice in data["public-advice"]["advice"])


# --- QR code --------------------------------------------------------------------------------


def pocket_markdown(monkeypatch, data, site_url: str | None) -> dict[str, str]:
    if site_url is None:
        monkeypatch.delenv("SITE_URL", raising=False)
    else:
        monkeypatch.setenv("SITE_URL", site_url)
    pages = render_pages(data)
    return {"kk": pages["card/pocket.md"], "ru": pages["card/pocket.ru.md"]}


def test_no_qr_code_without_site_url(monkeypatch, data):
    for markdown in pocket_markdown(monkeypatch, data, None).values():
        assert "<svg" not in markdown
    for blank in ("", "  "):
        assert pocket_card.card_url("kk", blank) is None


def test_qr_code_on_every_kazakh_and_russian_side_with_site_url(monkeypatch, data):
    pages = pocket_markdown(monkeypatch, data, SITE_URL)
    for lang, markdown in pages.items():
        urls = re.findall(r'<svg [^>]*data-url="([^"]+)"', markdown)
        # per sheet, two copies of each Kazakh or Russian side
        expected = 2 * (2 + len(data["pocket-card"]["languages"]))
        assert len(urls) == expected, lang
        assert set(urls) <= {SITE_URL + "card/", SITE_URL + "ru/card/"}
        assert (SITE_URL + ("ru/" if lang == "ru" else "") + "card/") in urls


RASTER_JS = """([svg, modules]) => new Promise((done, fail) => {
  const size = modules * 8, img = new Image();
  img.onload = () => {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = size;
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff'; ctx.fillRect(0, 0, size, size);
    ctx.drawImage(img, 0, 0, size, size);
    const px = ctx.getImageData(0, 0, size, size).data, rows = [];
    for (let y = 0; y < modules; y++) {
      const row = [];
      for (let x = 0; x < modules; x++) {
        const i = ((y * 8 + 4) * size + (x * 8 + 4)) * 4;
        row.push(px[i] < 128 ? 1 : 0);
      }
      rows.push(row);
    }
    done(rows);
  };
  img.onerror = fail;
  img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svg);
})"""


@pytest.mark.browser
def test_the_drawn_qr_code_is_segnos_encoding_of_the_card_address(monkeypatch, data, page):
    """Rasterise the page's SVG in the browser and read it module by module."""
    markdown = pocket_markdown(monkeypatch, data, SITE_URL)["ru"]
    svg = re.search(r'<svg [^>]*data-url="([^"]+)".*?</svg>', markdown, re.S)
    url = svg.group(1)
    assert url == SITE_URL + "ru/card/"
    expected = [list(row) for row in segno.make(url, error="m", micro=False).matrix_iter(border=2)]
    markup = svg.group(0).replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1)
    page.set_content("<!doctype html><title>qr</title>")
    drawn = page.evaluate(RASTER_JS, [markup, len(expected)])
    assert drawn == expected


# --- print --------------------------------------------------------------------------------

PRINT_FACTS_JS = """() => {
  const sheets = [...document.querySelectorAll('.pocket-sheet')].filter(s => getComputedStyle(s).display !== 'none');
  const sheet = sheets[0];
  const cards = [...sheet.querySelectorAll('.pocket-card')].filter(c => getComputedStyle(c).display !== 'none');
  return {
    sheets: sheets.map(s => s.id),
    cards: cards.length,
    overflowing: cards.filter(c => c.scrollHeight > c.clientHeight + 1 || c.scrollWidth > c.clientWidth + 1).length,
    langs: cards.slice(0, 2).map(c => c.querySelector('.pocket-side').lang),
    numberPx: [...sheet.querySelectorAll('.pocket-number')].map(n => parseFloat(getComputedStyle(n).fontSize)),
    numbers: [...cards[0].querySelectorAll('.pocket-number')].map(n => n.textContent),
    refs: [...cards[0].querySelectorAll('li[data-ref]')].map(li => li.dataset.ref),
    blank: !!cards[0].querySelector('.pocket-contact .pocket-blank'),
  };
}"""


@pytest.mark.browser
@pytest.mark.parametrize("lang", PREFIXES)
def test_each_language_pair_prints_on_one_a4_sheet_of_four_cards(site_url, page, data, lang):
    phones = [phone["number"] for phone in data["rights"]["closing"]["phones"]]
    refs = [item["source"]["ref"] for item in all_items(data)]
    sheets = pocket_card.sheets(data, lang)
    assert len(sheets) == 1 + len(data["pocket-card"]["languages"])
    for sheet in sheets:
        page.goto(f"{site_url}{PREFIXES[lang]}card/pocket/#{sheet.id}")
        page.emulate_media(media="print")
        facts = page.evaluate(PRINT_FACTS_JS)
        assert facts["sheets"] == [sheet.id]
        assert facts["cards"] == pocket_card.CARDS_PER_SHEET, sheet.id
        assert facts["overflowing"] == 0, sheet.id
        assert facts["langs"] == [side.lang for side in sheet.sides]
        assert lang in facts["langs"]
        assert min(facts["numberPx"]) * PT_PER_PX >= 9
        assert facts["numbers"] == phones
        assert facts["refs"] == refs
        assert facts["blank"]
        pdf = page.pdf(format="A4")
        assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1, sheet.id
        page.emulate_media(media="screen")


@pytest.mark.browser
@pytest.mark.parametrize("lang", PREFIXES)
def test_without_a_choice_the_kazakh_russian_sheet_prints(site_url, page, lang):
    page.goto(f"{site_url}{PREFIXES[lang]}card/pocket/")
    page.emulate_media(media="print")
    facts = page.evaluate(PRINT_FACTS_JS)
    assert sorted(facts["langs"]) == ["kk", "ru"] and facts["cards"] == 4
    assert len(re.findall(rb"/Type\s*/Page[^s]", page.pdf(format="A4"))) == 1


# --- links and pages ------------------------------------------------------------------------


class _CardLinks(HTMLParser):
    """The hrefs inside each `.card-give` element."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth, self.groups = 0, []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if self.depth:
            self.depth += 1
            if tag == "a" and a.get("href"):
                self.groups[-1].append(a["href"])
        elif "card-give" in (a.get("class") or "").split():
            self.depth = 1
            self.groups.append([])

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1


def card_link_groups(site, path):
    parser = _CardLinks()
    parser.feed((site / path / "index.html").read_text(encoding="utf-8"))
    return parser.groups


def test_every_give_the_card_step_links_to_the_card_and_its_print_page(built_site, data):
    card_steps = [step for step in data["referral"]["steps"] if gives_card(step)]
    assert {"give-information-card", "return-to-residence-with-card"} <= {s["id"] for s in card_steps}
    for prefix in PREFIXES.values():
        for step in card_steps:
            html = (built_site / prefix / "procedure" / step["stage"] / "index.html").read_text(encoding="utf-8")
            section = html.split(f'id="step-{step["id"]}"', 1)[1].split("<h3", 1)[0]
            assert "card-give" in section, (prefix, step["id"])
    checked = 0
    for path in site_pages(built_site):
        for group in card_link_groups(built_site, path):
            targets = []
            for href in group:
                url = urlsplit(urljoin(ORIGIN + path, href))
                target = served_file(built_site, unquote(url.path).lstrip("/"))
                assert target is not None, f"{path}: {href}"
                targets.append(target.relative_to(built_site).as_posix())
            prefix = "ru/" if path.startswith("ru/") else ""
            assert targets == [f"{prefix}card/index.html", f"{prefix}card/pocket/index.html"], path
            checked += 1
    training = [p for p in site_pages(built_site) if p.startswith("training/") and card_link_groups(built_site, p)]
    assert training, "no training scenario links to the card"
    assert checked >= 4


@pytest.mark.parametrize("prefix", PREFIXES.values())
def test_the_card_page_starts_with_the_numbers_and_the_pocket_card(built_site, data, prefix):
    html = (built_site / prefix / "card" / "index.html").read_text(encoding="utf-8")
    body = html.split('class="md-content"', 1)[1]
    numbers = body.index(">102<")
    pocket = body.index('href="pocket/"')
    full = body.index('id="app2-1-1"')
    assert numbers < pocket < full
    ids = parse(built_site / prefix / "card" / "index.html").ids
    assert {"app2-hotlines", "app2-1-17", "app2-2-2"} <= ids


@pytest.mark.parametrize("prefix", PREFIXES.values())
def test_the_public_page_never_gives_the_reader_an_officials_duties(built_site, data, prefix):
    lang = "ru" if prefix else "kk"
    html = (built_site / prefix / "audience" / "public" / "index.html").read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", " ", html.split('class="md-content"', 1)[1])
    text = re.sub(r"\s+", " ", text).replace("&quot;", '"').replace("&#34;", '"')
    titles = [step["title"][lang] for step in data["referral"]["steps"]]
    assert [t for t in titles if t in text] == []
    advice = data["public-advice"]
    assert advice["emergency"]["note"][lang] in text
    for section in ("dont", "note"):
        assert all(a["advice"][lang] in text for a in advice["advice"] if a["section"] == section)
    assert text.count(
        next(item["text"][lang] for item in data["ui"]["labels"] if item["id"] == "public-silent-answer")
    ) == len(advice["silent"])
    for number in [p["number"] for p in data["rights"]["closing"]["phones"]] + ["112"]:
        assert f'href="tel:{number.replace(" ", "")}"' in html


@pytest.mark.parametrize("prefix", PREFIXES.values())
def test_the_home_page_first_choice_separates_officials_from_the_worried(built_site, prefix):
    html = (built_site / prefix / "index.html").read_text(encoding="utf-8")
    choice = html.split('class="first-choice"', 1)[1].split("</nav>", 1)[0]
    assert re.findall(r'href="([^"]+)"', choice) == ["audience/border/#what-to-do-now", "audience/public/"]


# --- accessibility ------------------------------------------------------------------------


@pytest.mark.browser
def test_new_pages_have_no_serious_axe_violations(site_url, page, data, foreign_requests):
    from test_accessibility import AXE, BLOCKING, describe

    paths = [f"{prefix}card/pocket/#{sheet}" for prefix in PREFIXES.values() for sheet in sheet_ids(data)]
    paths += [f"{prefix}{p}" for prefix in PREFIXES.values() for p in ("audience/public/", "card/", "")]
    problems = []
    for path in paths:
        page.goto(site_url + path)
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
        problems += [describe(path, v) for v in result["violations"] if v["impact"] in BLOCKING]
    assert problems == [], "\n".join(problems)
    assert foreign_requests == []
