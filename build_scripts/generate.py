"""Generate the Markdown pages of both languages from the data into build/docs.

Hand-written files (docs/) are copied first; every generated page is then written once per
language, `PAGE.md` (Kazakh, default) and `PAGE.ru.md` (Russian), the layout that
mkdocs-static-i18n's suffix structure expects.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import jinja2
from markupsafe import Markup

from build_scripts import abbreviations, checker_page, citations, pocket_card, site_paths
from build_scripts.audit import Audit
from build_scripts.bodies_view import bodies_view
from build_scripts.checker_assets import wheel_name
from build_scripts.data_files import ROOT, DataError, Problem
from build_scripts.law_page import law_view
from build_scripts.markup import escape_attr, escape_text
from build_scripts.procedure import STAGES, Procedure
from build_scripts.pyodide import snapshot
from build_scripts.question_bank import quiz_view, write_banks
from build_scripts.training import training_view

LANGS = site_paths.LANGS
TEMPLATES = Path(__file__).resolve().parent / "templates"
DOCS_SRC = ROOT / "docs"
DOCS_OUT = ROOT / "build" / "docs"

#: Generated pages: site path -> template.
PAGES = {
    "index.md": "home.md.j2",
    "indicators.md": "indicators.md.j2",
    "card.md": "card.md.j2",
    "card/pocket.md": "card/pocket.md.j2",
    "glossary.md": "glossary.md.j2",
    "procedure/index.md": "procedure/index.md.j2",
    "procedure/rules.md": "procedure/rules.md.j2",
    "procedure/criteria.md": "procedure/criteria.md.j2",
    "procedure/how-the-checker-reads.md": "procedure/how-the-checker-reads.md.j2",
    "bodies/index.md": "bodies/index.md.j2",
    "bodies/women_protection_units/rules.md": "bodies/women-units.md.j2",
    "measures/action-plan.md": "measures/action-plan.md.j2",
    "measures/prevention.md": "measures/prevention.md.j2",
    "checker.md": "checker.md.j2",
    "training/index.md": "training/index.md.j2",
    "training/practice.md": "training/practice.md.j2",
    "training/test.md": "training/test.md.j2",
    "sources.md": "sources.md.j2",
    "law.md": "law.md.j2",
    "audience/border.md": "audience/border.md.j2",
    "audience/public.md": "audience/public.md.j2",
    "audience/trainee.md": "audience/trainee.md.j2",
}

#: Pages generated once per entry: path pattern, template, the entries.
ENTRY_PAGES = (
    ("bodies/{id}.md", "bodies/body.md.j2", lambda data: data["competences"]["bodies"]),
    ("procedure/{id}.md", "procedure/stage.md.j2", lambda data: [{"id": stage} for stage in STAGES]),
    ("training/{id}.md", "training/scenario.md.j2", lambda data: data["scenarios"]["scenarios"]),
)

#: Site sections a glossary term may point to (`used_in`), by page.
SECTIONS = {
    "indicators": "indicators.md",
    "card": "card.md",
    "procedure": "procedure/index.md",
    "minors": "procedure/minors.md",
    "abroad": "procedure/abroad.md",
    "identification": "procedure/identification.md",
    "assistance": "procedure/assistance.md",
    "checker": "checker.md",
    "bodies": "bodies/index.md",
    "measures": "measures/action-plan.md",
    "prevention": "measures/prevention.md",
    "women-protection": "bodies/women_protection_units/rules.md",
}


#: The asset names of a site whose assets were not bundled (pages rendered alone, in tests).
UNBUNDLED = {
    "pyodide": "assets/pyodide/",
    "wheel": "assets/checker/" + wheel_name(),
    "data": "assets/checker/data.json",
    "snapshot": "assets/checker/" + snapshot.NAME,
    "bytes": 0,
}


class MissingLabel(KeyError):
    """A template uses a label data/ui.yaml does not have."""

    def __init__(self, key: str):
        super().__init__(key)
        self.key = key


class PageContext:
    """What a template may use: the data, the language, and helpers bound to the page."""

    def __init__(self, data: dict, lang: str, path: str, pages: frozenset[str] = frozenset()):
        self.data, self.lang, self.path, self.pages = data, lang, path, pages
        self._labels = {item["id"]: item["text"] for item in data["ui"]["labels"]}
        self.documents = {doc["id"]: doc for doc in data["sources"]["documents"]}
        self.abbreviations = abbreviations.entries(data, lang)

    def t(self, text) -> Markup:
        """The text in the page's language, escaped."""
        if text is None:
            return Markup("")
        return abbreviations.mark(escape_text(text[self.lang] if isinstance(text, dict) else text), self.abbreviations)

    def text_of(self, key: str) -> str:
        """The label `key` of data/ui.yaml in this language; MissingLabel if there is none."""
        if key not in self._labels:
            raise MissingLabel(key)
        return self._labels[key][self.lang]

    def label(self, key: str) -> Markup:
        return abbreviations.mark(escape_text(self.text_of(key)), self.abbreviations)

    def labels_for(self, keys: list[str]) -> dict[str, str]:
        """Labels in this language as plain strings, for a JSON block read by a script."""
        return {key: self.text_of(key) for key in keys}

    def names(self, entries: list[dict], field: str) -> dict[str, str]:
        """id -> the entry's `field` in this language, for a JSON block read by a script."""
        return {entry["id"]: entry[field][self.lang] for entry in entries}

    def translation_note(self, doc_id: str) -> Markup:
        """The note that the page's Russian is the site's own translation, naming where the
        official text of the act `doc_id` is registered (when the texts print a number)."""
        registration = self.documents[doc_id].get("registration")
        if registration:
            return escape_text(self._labels["translation-note"][self.lang].replace("#", registration["number"]))
        return self.label("translation-note-unregistered")

    def count(self, key: str, number: int) -> Markup:
        """A label with a number in place of "#", in the number's grammatical form: Russian
        labels list the forms for 1, 2-4 and 5+ separated by "|" ("# балл|# балла|# баллов")."""
        forms = self._labels[key][self.lang].split("|")
        if len(forms) == 3:
            n10, n100 = number % 10, number % 100
            form = (
                forms[0]
                if n10 == 1 and n100 != 11
                else forms[1]
                if 2 <= n10 <= 4 and not 12 <= n100 <= 14
                else forms[2]
            )
        else:
            form = forms[0]
        return escape_text(form.replace("#", str(number)))

    def label_attr(self, key: str) -> Markup:
        """A label for an HTML attribute value (escaped for HTML only)."""
        return escape_attr(self.text_of(key))

    def asset(self, path: str) -> str:
        """The URL of a file under docs/ (`assets/x.js`) relative to where this page is served.

        MkDocs rewrites links of <a> and <img> only, so a <script src> needs the final URL:
        `indicators.md` is served at `indicators/`, its Russian at `ru/indicators/`.
        """
        return site_paths.to_root(self.path, self.lang) + path

    def url(self, target: str) -> str:
        """The served URL of another page (`procedure/rules.md` -> `../procedure/rules/`)
        relative to this page's served URL, for links that MkDocs does not rewrite (scripts)."""
        return site_paths.relative(self.path, target)

    def sections(self, keys: list[str]) -> list[tuple[str, Markup]]:
        """(page, name) of the site sections among `keys` that exist in this build."""
        return [(SECTIONS[k], self.label(f"section-{k}")) for k in keys if k in SECTIONS and self.exists(SECTIONS[k])]

    def place(self, doc: str, ref) -> Markup:
        """The place in words, as a heading starts it: "13-бап" / "Статья 13"."""
        words = citations.place(doc, str(ref), self.lang)
        return escape_text(words[:1].upper() + words[1:])

    def cite(self, source: dict) -> Markup:
        """ "Short title, place" linked to the paragraph where the site shows it."""
        doc = self.documents[source["doc"]]
        words = f"{doc['short'][self.lang]}, {citations.place(source['doc'], source['ref'], self.lang)}"
        target = citations.target(source["doc"], source["ref"])
        if target is None or not self.exists(target):
            return Markup('<span class="cite">') + escape_text(words) + Markup("</span>")
        # The served URL: MkDocs does not rewrite links in raw HTML, where citations stand.
        return Markup(f'<a class="cite" href="{escape_attr(self.url(target))}">') + escape_text(words) + Markup("</a>")

    def exists(self, target: str) -> bool:
        """Whether this build has the page of a site path (anchor ignored)."""
        return target.partition("#")[0] in self.pages


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    # JSON blocks (`tojson`) keep Kazakh and Russian as UTF-8: an ASCII escape takes 6 bytes for
    # a letter's 2 (the checker page's texts: 140 KB -> about 60 KB). Jinja still escapes < > & '.
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
    env.globals["checker_page"] = checker_page
    env.globals.update(
        RULES_DOC=citations.RULES_DOC, LAW_DOC=citations.LAW_DOC, WOMEN_UNITS_DOC=citations.WOMEN_UNITS_DOC
    )
    return env


def page_file(path: str, lang: str) -> str:
    """`sources.md` in Kazakh, `sources.ru.md` in Russian."""
    return path if lang == LANGS[0] else path[: -len(".md")] + f".{lang}.md"


def page_list(data: dict) -> list[tuple[str, str, dict]]:
    """(site path, template, extra template variables) of every generated page."""
    pages = [(path, template, {}) for path, template in PAGES.items()]
    for pattern, template, entries in ENTRY_PAGES:
        pages += [(pattern.format(id=entry["id"]), template, {"entry": entry}) for entry in entries(data)]
    return pages


def render_pages(data: dict, assets: dict | None = None) -> dict[str, str]:
    """Every generated page of both languages: file path under docs -> Markdown. `assets` names
    the bundled files pages load (checker_assets.bundle's answer); without it (pages rendered alone, in
    tests) the names are UNBUNDLED."""
    assets = assets or UNBUNDLED
    env = environment()
    pages = page_list(data)
    paths = frozenset(path for path, _, _ in pages)
    bodies = bodies_view(data)
    procedure = Procedure(data)
    training = training_view(data)
    audit = Audit(data)
    law = law_view(data)
    quiz = quiz_view(data)
    out = {}
    for path, template, extra in pages:
        for lang in LANGS:
            page = PageContext(data, lang, path, paths)
            try:
                out[page_file(path, lang)] = env.get_template(template).render(
                    page=page,
                    data=data,
                    lang=lang,
                    bodies=bodies,
                    procedure=procedure,
                    training=training,
                    audit=audit,
                    quiz=quiz,
                    assets=assets,
                    pocket=pocket_card,
                    law=law,
                    **extra,
                ) + abbreviations.include(lang)
            except MissingLabel as err:
                raise DataError(
                    [Problem("data/ui.yaml", err.key, "text", f"label is missing (used by {path})")]
                ) from None
            except (KeyError, jinja2.UndefinedError) as err:
                raise DataError(
                    [
                        Problem(
                            f"page {path}",
                            (extra.get("entry") or {}).get("id", ""),
                            "",
                            f"the data lacks what the page needs: {err}",
                        )
                    ]
                ) from None
    return out


def generate(data: dict, out_dir: Path = DOCS_OUT, assets: dict | None = None) -> Path:
    """Write build/docs: hand-written docs/, the bundled assets (build_scripts.checker_assets; their
    folder is assets["dir"]) and every generated page."""
    if out_dir.exists():
        shutil.rmtree(out_dir)
    shutil.copytree(DOCS_SRC, out_dir)
    if assets:
        shutil.copytree(assets["dir"], out_dir, dirs_exist_ok=True)
    for name, text in render_pages(data, assets).items():
        target = out_dir / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    paths = frozenset(path for path, _, _ in page_list(data))
    write_banks(data, out_dir, lambda lang: PageContext(data, lang, "training/practice.md", paths).url)
    return out_dir
