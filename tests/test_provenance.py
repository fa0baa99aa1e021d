"""Every quote's Kazakh text is found in the bundled source text (whitespace removed), except
the reviewed exceptions in tests/provenance-exceptions/, each with its reason."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from build_scripts.data_files import DATA_NAMES, ROOT
from build_scripts.validate import check

EXCEPTIONS_DIR = Path(__file__).resolve().parent / "provenance-exceptions"
QUOTES = str.maketrans({"«": '"', "»": '"', "“": '"', "”": '"', "„": '"'})


def normalise(text: str) -> str:
    """Whitespace (PDF line breaks, letter spacing) removed; quotation marks unified."""
    return re.sub(r"\s+", "", text).translate(QUOTES)


def quotes(node, file: str):
    """(file, id, field, doc, kk) for every quoted text below node: `text` of an entry with a
    source, and a glossary `term`."""
    if isinstance(node, dict):
        source = node.get("source")
        if isinstance(source, dict) and isinstance(node.get("id"), str):
            for field in ("text", "term"):
                value = node.get(field)
                if isinstance(value, dict) and "kk" in value:
                    yield file, node["id"], f"{field}.kk", source["doc"], value["kk"]
        for value in node.values():
            yield from quotes(value, file)
    elif isinstance(node, list):
        for value in node:
            yield from quotes(value, file)


@pytest.fixture(scope="module")
def data():
    return check()


@pytest.fixture(scope="module")
def source_texts(data):
    texts = {}
    for doc in data["sources"]["documents"]:
        if doc["file"]:
            texts[doc["id"]] = normalise((ROOT / "sources" / doc["file"]).read_text(encoding="utf-8"))
    return texts


@pytest.fixture(scope="module")
def exceptions():
    listed = {}
    for path in sorted(EXCEPTIONS_DIR.glob("*.yaml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            assert item.get("reason", "").strip(), f"{path.name}: {item} has no reason"
            listed[(item["file"], item["id"], item["field"])] = item["reason"]
    return listed


#: Files whose `text` is the site's own wording beside a source, not a quote.
OWN_WORDING = ("readings",)


def law_text_quotes(document):
    """(file, id, field, doc, kk) for every block of data/law-text.yaml (the law's words)."""
    for article in document["articles"]:
        ident = f"art-{article['article']}"
        if "title" in article:
            yield "data/law-text.yaml", ident, "title.kk", "prevention-law-2025", article["title"]["kk"]
        for index, block in enumerate(article["blocks"]):
            yield "data/law-text.yaml", ident, f"blocks[{index}].kk", "prevention-law-2025", block["kk"]


def all_quotes(data):
    found = []
    for name in DATA_NAMES:
        if name in OWN_WORDING:
            continue
        found.extend(quotes(data[name], f"data/{name}.yaml"))
    found.extend(law_text_quotes(data["law-text"]))
    return found


def test_quotes_are_verbatim_or_listed(data, source_texts, exceptions, capsys):
    missing, stale, verbatim, total = [], [], 0, 0
    per_file: dict[str, list[int]] = {}
    for file, ident, field, doc, kk in all_quotes(data):
        if doc not in source_texts:
            continue
        total += 1
        found = normalise(kk) in source_texts[doc]
        counts = per_file.setdefault(file, [0, 0])
        counts[1] += 1
        if found:
            verbatim += 1
            counts[0] += 1
            if (file, ident, field) in exceptions:
                stale.append(f"{file}: id={ident}: {field}: listed as an exception but matches verbatim")
        elif (file, ident, field) not in exceptions:
            missing.append(f"{file}: id={ident}: {field}: not found in {doc}: {kk[:70]}...")
    with capsys.disabled():
        print(f"\nprovenance: {verbatim}/{total} quotes verbatim ({verbatim / total:.1%})")
        for file, (ok, n) in sorted(per_file.items()):
            print(f"  {file}: {ok}/{n}")
    assert not missing, "\n".join(missing)
    assert not stale, "\n".join(stale)
    assert verbatim / total >= 0.80


def test_every_exception_names_a_real_quote(data, exceptions):
    known = {(file, ident, field) for file, ident, field, _, _ in all_quotes(data)}
    unknown = [key for key in exceptions if key not in known]
    assert not unknown, unknown


def test_normalise_removes_pdf_breaks():
    assert normalise("ж о қ") == normalise("жоқ")
    assert normalise("саудасыны\nң") == "саудасының"
    assert normalise("«Заң»") == normalise('"Заң"')
    assert normalise("адам саудасы") not in normalise("адам сауда жасау")
