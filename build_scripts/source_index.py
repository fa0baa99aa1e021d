"""The structure of each bundled source text (`sources/*.kk.txt`): which places a `ref` may name.

Built at build time from the texts themselves, so that a citation of a paragraph, article or
sub-paragraph that the text does not print fails the build instead of reaching a reader.
Ref conventions (data/README.md):

- Rules, women-units Rules: `"12"` paragraph, `"9.2"` sub-paragraph 2) of p. 9, `"ch.2"`
  chapter; the approving order: `"order"`, `"order.2"`, `"order.2.1"`; Appendix 1 of the
  Rules: `"app1"`, its groups `"app1.who.1"` ...; Appendix 2: `"app2"`, `"app2.1"`,
  `"app2.1.12"`.
- the law: `"8"` article, `"19.2"` numbered paragraph, `"8.3)"` sub-paragraph directly under
  the article, `"19.2.3)"` sub-paragraph of a numbered paragraph.
- the action plan: `"row.23"`, `"row.8.1"`, `"section.1"`; the Criteria amendment: its points
  `"2"`, `"2.1"`, the rows it adds or rewrites `"app2.6-1"`; the Criteria: the places the
  amendment rewrites (`"3"`, `"7"`) and those rows.

The law's index also keeps the text of every article, block by block, for the law's page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from build_scripts.citations import LAW_DOC, RULES_DOC, WOMEN_UNITS_DOC
from build_scripts.data_files import ROOT

SOURCES = ROOT / "sources"
INDENT = re.compile(r"^ {5,}")
NUMBERED = re.compile(r"^ {5,}(\d+)\.\s+(.*)$")
SUB = re.compile(r"^ {5,}(\d+)\)\s*(.*)$")
ARTICLE = re.compile(r"^\s*(\d+)-бап\.\s*(.*)$")
CHAPTER = re.compile(r"^\s*(\d+)-тарау\.")
# A paragraph number the PDF moved to the end of its first line ("... әйелдерді 1. ").
DISPLACED = re.compile(r"\s(\d+)\.\s*$")

# Appendix 1 of the Rules is a three-column table that the PDF interleaves; its groups are
# named by the column and the number printed before the group's heading. Each heading is
# checked against the text (spaces ignored), so a group exists only if the text prints it.
APP1_GROUPS = {
    "who": "Тәуекел тобы (Кім?)",
    "who.1": "1. Кәмелетке толған адамдар:",
    "who.2": "2. Кәмелетке толмаған адамдар: 1-тармақта көрсетілген тәуекел топтарынан басқа",
    "where": "анықтайтын орын (Қайда?)",
    "where.1": "1. Адам саудасының ықтимал құрбандарын, оның ішінде кәмелетке толмағандарды",
    "where.2": "2. Адам саудасының ықтимал құрбандары анықталуы мүмкін немесе олар туралы ақпарат",
    "where.3": "3. Кәмелетке толмағандар адам саудасының ықтимал құрбандары анықталуы мүмкін",
    "what": "Белгілері (Қандай?)",
    "what.general": "Адам саудасының жалпы белгілері",
    "what.general.1": "1. Адам саудасының ықтимал құрбанын анықтауға арналған жалпы мінез-құлық",
    "what.general.2": "2. Кәмелетке толмаған адам саудасының ықтимал құрбанын анықтауға арналған",
    "what.general.3": "3. Ел аумағына кіру/шығу пункттерін кесіп өту кезінде",
    "what.forms": "Адам саудасының әртүрлі нысандарының ерекше белгілері",
    "what.forms.1": "1. Еңбек қанауындағы адам саудасының",
    "what.forms.2": "2. Сексуалдық пайдалану кезінде",
    "what.forms.3": "3. Мәжбүрлі қайыр сұрау",
    "what.forms.4": "4. Органдарды алып қою",
    "what.forms.5": "5. Құқыққа қайшы әрекетке мәжбүр",
    "what.forms.6": "6. Кәмелетке толмағандарды сату",
}

# The action plan's table: the extract does not print the number of some rows (the numbers
# follow from the neighbouring rows, see the notes in data/measures.yaml) and its six section
# headings are split across cells; these are the rows and sections the table holds.
ACTION_PLAN_UNPRINTED_ROWS = ("29", "30", "31", "33", "34", "35", "36")
ACTION_PLAN_SECTIONS = 6


@dataclass
class Block:
    """One printed unit of a law article: a numbered paragraph, a sub-paragraph, or an
    unnumbered part (`part` counts an article's or paragraph's unnumbered parts from 1)."""

    ref: str
    kk: str
    part: int | None = None


@dataclass
class Article:
    number: int
    title: str
    blocks: list[Block] = field(default_factory=list)


@dataclass
class SourceIndex:
    """Every ref a document's text prints; for the law also its articles' text."""

    doc: str
    refs: set[str]
    articles: dict[int, Article] = field(default_factory=dict)

    def __contains__(self, ref: str) -> bool:
        return ref in self.refs


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _join(lines: list[str]) -> str:
    return re.sub(r"\s+", " ", " ".join(line.strip() for line in lines)).strip()


def _read(name: str) -> list[str]:
    return (SOURCES / f"{name}.kk.txt").read_text(encoding="utf-8").split("\n")


def _paragraphs(lines: list[str], prefix: str = "") -> set[str]:
    """Numbered paragraphs ("N.") and their sub-paragraphs ("N.M") of a run of lines."""
    refs: set[str] = set()
    current = None
    for line in lines:
        if match := NUMBERED.match(line):
            current = match.group(1)
            refs.add(prefix + current)
        elif (match := SUB.match(line)) and current is not None:
            refs.add(f"{prefix}{current}.{match.group(1)}")
        elif INDENT.match(line) and (match := DISPLACED.search(line)) and current is None and match.group(1) == "1":
            current = "1"
            refs.add(prefix + current)
        elif (
            INDENT.match(line)
            and (match := DISPLACED.search(line))
            and current
            and int(match.group(1)) == int(current) + 1
        ):
            current = match.group(1)
            refs.add(prefix + current)
    return refs


def _split_at(lines: list[str], pattern: re.Pattern) -> int:
    """The index of the first line matching `pattern` (len(lines) when none)."""
    return next((i for i, line in enumerate(lines) if pattern.match(line)), len(lines))


def _rules_with_order(lines: list[str]) -> set[str]:
    """An order's paragraphs (`order.N`), then its Rules' chapters and paragraphs."""
    first_chapter = next(i for i, line in enumerate(lines) if re.search(r"1-тарау\.", line))
    refs = {"order"} | _paragraphs(lines[:first_chapter], "order.")
    rules = lines[first_chapter:]
    refs |= _paragraphs(rules)
    refs |= {f"ch.{m.group(1)}" for line in rules if (m := re.search(r"(?:^|\s)(\d+)-тарау\.", line))}
    return refs


def _referral_rules() -> SourceIndex:
    lines = _read(RULES_DOC)
    app1 = _split_at(lines, re.compile(r"^1-қосымша\s*$"))
    app2 = _split_at(lines, re.compile(r"^2-қосымша\s*$"))
    refs = _rules_with_order(lines[:app1])
    table = _squash("\n".join(lines[app1:app2]))
    refs.add("app1")
    refs |= {f"app1.{key}" for key, heading in APP1_GROUPS.items() if _squash(heading) in table}
    refs.add("app2")
    refs |= _paragraphs(lines[app2:], "app2.")
    return SourceIndex(RULES_DOC, refs)


def _women_units() -> SourceIndex:
    return SourceIndex(WOMEN_UNITS_DOC, _rules_with_order(_read(WOMEN_UNITS_DOC)))


def _criteria_amendment() -> tuple[SourceIndex, SourceIndex]:
    lines = _read("criteria-amendment-2024")
    refs = {"order"} | _paragraphs(lines)
    rows = {f"app2.{m.group(1)}" for line in lines if (m := re.match(r"^\s*(\d+(?:-\d+)?)\.\s*$", line))}
    text = _squash("\n".join(lines))
    # The Criteria's own places that the amendment prints: the paragraphs it rewrites.
    rewritten = {m.group(1) for m in re.finditer(r"(\d+)-тармағының", text)}
    return SourceIndex("criteria-amendment-2024", refs | rows), SourceIndex("criteria-2023", rows | rewritten)


def _action_plan() -> SourceIndex:
    lines = _read("action-plan-2021-2023")
    printed = {m.group(1) for line in lines if (m := re.match(r"^\s*(\d+(?:\.\d+)?)\s*$", line))}
    rows = {n for n in printed if not n.startswith("0")} | set(ACTION_PLAN_UNPRINTED_ROWS)
    refs = {f"row.{n}" for n in rows} | {f"section.{n}" for n in range(1, ACTION_PLAN_SECTIONS + 1)}
    refs |= _paragraphs(lines[: _split_at(lines, re.compile(r"^\s*Қазақстан Республикасының\s*$"))], "decree.")
    return SourceIndex("action-plan-2021-2023", refs)


def _law() -> SourceIndex:
    """Articles, their numbered paragraphs and sub-paragraphs, with the text of each block."""
    lines = _read(LAW_DOC)
    articles: dict[int, Article] = {}
    article = None
    title_open = False
    paragraph = None
    parts = 0
    block_lines: list[str] = []
    block: Block | None = None
    listing = False

    def close():
        if block is not None and article is not None:
            block.kk = _join(block_lines)
            article.blocks.append(block)

    for line in lines:
        if match := ARTICLE.match(line):
            close()
            block, block_lines = None, []
            article = Article(int(match.group(1)), match.group(2).strip())
            articles[article.number] = article
            title_open, paragraph, parts = True, None, 0
            continue
        if article is None:
            continue
        if not line.strip():
            title_open = False
            continue
        if re.match(r"^\s*\d+-(тарау|БӨЛІМ)\.", line):
            title_open = False
            continue
        if title_open and not INDENT.match(line):
            article.title = _join([article.title, line])
            continue
        title_open = False
        number, sub = NUMBERED.match(line), SUB.match(line)
        # A sub-paragraph ending in a colon goes on in unnumbered lines (art. 32, 2) "мыналарға:").
        nested = block is not None and block.ref.endswith(")") and _join(block_lines).endswith(":")
        if INDENT.match(line) and not (number or sub) and (nested or listing):
            listing = True
            block_lines.append(line)
            continue
        listing = False
        if number or sub or INDENT.match(line):
            close()
            block_lines = [line]
            if number:
                paragraph, parts = number.group(1), 1
                block = Block(f"{article.number}.{paragraph}", "")
            elif sub:
                owner = f"{article.number}.{paragraph}" if paragraph else str(article.number)
                block = Block(f"{owner}.{sub.group(1)})", "")
            else:
                parts += 1
                block = Block(f"{article.number}.{paragraph}" if paragraph else str(article.number), "", parts)
        else:
            block_lines.append(line)
    close()
    refs = {str(n) for n in articles} | {b.ref for a in articles.values() for b in a.blocks}
    return SourceIndex(LAW_DOC, refs, articles)


@cache
def indexes() -> dict[str, SourceIndex]:
    """Every bundled document's index by its id."""
    amendment, criteria = _criteria_amendment()
    found = [_referral_rules(), _law(), _women_units(), _action_plan(), amendment, criteria]
    return {index.doc: index for index in found}


def resolves(doc: str, ref: str) -> bool:
    """Whether `ref` names a place that the bundled text of `doc` prints."""
    index = indexes().get(doc)
    return index is not None and ref in index
