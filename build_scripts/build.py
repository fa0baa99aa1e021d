"""Build the site: validate the data, generate the pages, bundle the assets, run MkDocs.

Usage: ``python -m build_scripts.build [DATA_DIR OUT_DIR]`` (writes site/, or OUT_DIR/site from
DATA_DIR). A data problem stops the build with one line per problem (file, entry id, field, what is wrong)
and exit status 1.
``BAGDAR_DATA=DIR`` builds from another data folder, ``BAGDAR_DOCS=DIR`` generates the pages into
another folder than build/docs; ``BAGDAR_SEARCH=material`` leaves
Material's own search as it is (no search per language).

The steps before and after MkDocs are MkDocs hooks (``mkdocs_hooks.py``), so that ``mkdocs
build`` alone makes the same site and ``mkdocs serve`` previews it live (``./run dev``).
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from build_scripts import abbreviations, nav_titles
from build_scripts.checker_assets import BundleError, bundle
from build_scripts.data_files import DATA_DIR, ROOT, DataError
from build_scripts.edition import edition
from build_scripts.generate import DOCS_OUT, LANGS, generate
from build_scripts.language_search import install as install_language_search
from build_scripts.offline import write_service_worker
from build_scripts.precompress import precompress
from build_scripts.security import CSP, PolicyError, check_pages
from build_scripts.validate import check

SITE_DIR = ROOT / "site"
CONFIG_FILE = ROOT / "mkdocs.yml"
#: Keys build() puts into the MkDocs config for the hooks: the checked data, the search choice.
CHECKED_DATA = "bagdar_checked_data"
LANGUAGE_SEARCH = "bagdar_language_search"


def data_dir() -> Path:
    """The data folder: BAGDAR_DATA, else the repository's data/."""
    return Path(os.environ.get("BAGDAR_DATA") or DATA_DIR)


def language_search_wanted() -> bool:
    return os.environ.get("BAGDAR_SEARCH") != "material"


def prepare_docs(data: dict, docs_dir: Path, offline: bool = True) -> Path:
    """Generate the pages and bundle the assets into docs_dir, writing only files that changed
    (a live preview watches docs_dir: rewriting unchanged files would rebuild for ever). Without
    `offline` (a preview: no service worker) the checker's memory snapshot is not made."""
    with tempfile.TemporaryDirectory() as tmp:
        staged = generate(data, Path(tmp) / "docs", bundle(data, Path(tmp) / "assets", snapshot=offline))
        sync_tree(staged, docs_dir)
    abbreviations.write_glossaries(data, docs_dir, LANGS)
    return docs_dir


def sync_tree(source: Path, target: Path) -> None:
    """Make target hold exactly source's files, touching only those that differ."""
    wanted = {p.relative_to(source) for p in source.rglob("*") if p.is_file()}
    target.mkdir(parents=True, exist_ok=True)
    for path in sorted(p for p in target.rglob("*") if p.is_file()):
        if path.relative_to(target) not in wanted:
            path.unlink()
    for rel in sorted(wanted):
        new, old = source / rel, target / rel
        if not old.is_file() or old.read_bytes() != new.read_bytes():
            old.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(new, old)
    for folder in sorted((p for p in target.rglob("*") if p.is_dir()), reverse=True):
        if not any(folder.iterdir()):
            folder.rmdir()


def theme_facts(config, data: dict, data_dir: Path) -> None:
    """What the theme's overrides show on every page: the Content-Security-Policy and the
    footer's edition (content version, date, the texts followed), and the nav's titles."""
    nav_titles.apply(config, data)
    config.extra["csp"] = CSP
    config.extra["edition"] = edition(data, data_dir)


def finish_site(site_dir: Path, data: dict, language_search: bool = True, offline: bool = True) -> None:
    """The steps that need the built site: search per language and, for publishing (not for a
    preview), the check that every page runs under the CSP, the offline service worker and the
    pre-compressed siblings of every file."""
    if language_search:
        install_language_search(site_dir, data)
    if offline:
        check_pages(site_dir)
        write_service_worker(site_dir)
        precompress(site_dir)


def build(
    data_dir: Path = DATA_DIR, docs_dir: Path = DOCS_OUT, site_dir: Path = SITE_DIR, language_search: bool = True
) -> Path:
    """Validate data_dir, then run MkDocs, whose hooks generate docs_dir and finish site_dir
    (with a search per language unless language_search is False)."""
    data = check(data_dir)
    Path(docs_dir).mkdir(parents=True, exist_ok=True)  # MkDocs refuses a docs_dir that does not exist
    config = load_config(str(CONFIG_FILE), docs_dir=str(docs_dir), site_dir=str(site_dir))
    config[CHECKED_DATA] = data
    config[LANGUAGE_SEARCH] = language_search
    theme_facts(config, data, data_dir)
    mkdocs_build(config)
    return Path(site_dir)


def main(argv: list[str]) -> int:
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s %(message)s")
    where = {"data_dir": data_dir(), "docs_dir": Path(os.environ.get("BAGDAR_DOCS") or DOCS_OUT), "site_dir": SITE_DIR}
    if len(argv) == 2:
        out = Path(argv[1])
        where = {"data_dir": Path(argv[0]), "docs_dir": out / "docs", "site_dir": out / "site"}
    try:
        site = build(language_search=language_search_wanted(), **where)
    except DataError as err:
        for problem in err.problems:
            print(problem, file=sys.stderr)
        print(f"build stopped: {len(err.problems)} data problem(s)", file=sys.stderr)
        return 1
    except (MkDocsException, BundleError, PolicyError) as err:
        print(f"build stopped: {err}", file=sys.stderr)
        return 1
    except Exception as err:  # a bug or an exhausted resource: still one line, never a traceback
        print(
            f"build stopped: internal error: {type(err).__name__}: {' '.join(str(err).split())[:300]}", file=sys.stderr
        )
        return 1
    print(f"site built in {site}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
