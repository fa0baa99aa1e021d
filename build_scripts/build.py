"""Build the site: validate the data, generate the pages, bundle the assets, run MkDocs.

Usage: ``python -m build_scripts.build [DATA_DIR OUT_DIR]`` (writes site/, or OUT_DIR/site from
DATA_DIR). A data problem stops the build with
one line per problem (file, entry id, field, what is wrong) and exit status 1.
``BAGDAR_SEARCH=material`` leaves Material's own search as it is (no search per language).
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.exceptions import MkDocsException
from mkdocs.config import load_config

from build_scripts.bundle import BundleError, bundle
from build_scripts.data_files import DATA_DIR, ROOT, DataError
from build_scripts.edition import edition
from build_scripts.generate import DOCS_OUT, generate
from build_scripts.offline import write_service_worker
from build_scripts.language_search import install as install_language_search
from build_scripts.security import CSP, PolicyError, check_pages
from build_scripts.validate import check

SITE_DIR = ROOT / "site"


def build(data_dir: Path = DATA_DIR, docs_dir: Path = DOCS_OUT, site_dir: Path = SITE_DIR,
          language_search: bool = True) -> Path:
    """Validate data_dir, generate docs_dir, bundle assets into it, build site_dir with MkDocs,
    then (unless language_search is False) give each language its own search."""
    data = check(data_dir)
    bundled = docs_dir.parent / "bundle"
    if bundled.exists():
        shutil.rmtree(bundled)
    assets = bundle(data, bundled)
    docs = generate(data, docs_dir, bundled, assets)
    config = load_config(str(ROOT / "mkdocs.yml"), docs_dir=str(docs), site_dir=str(site_dir))
    config.extra["csp"] = CSP
    config.extra["edition"] = edition(data, data_dir)
    mkdocs_build(config)
    if language_search:
        install_language_search(site_dir)
    check_pages(site_dir)
    write_service_worker(site_dir)
    return site_dir


def main(argv: list[str]) -> int:
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s %(message)s")
    where = {}
    if len(argv) == 2:
        out = Path(argv[1])
        where = {"data_dir": Path(argv[0]), "docs_dir": out / "docs", "site_dir": out / "site"}
    try:
        site = build(language_search=os.environ.get("BAGDAR_SEARCH") != "material", **where)
    except DataError as err:
        for problem in err.problems:
            print(problem, file=sys.stderr)
        print(f"build stopped: {len(err.problems)} data problem(s)", file=sys.stderr)
        return 1
    except (MkDocsException, BundleError, PolicyError) as err:
        print(f"build stopped: {err}", file=sys.stderr)
        return 1
    except Exception as err:  # a bug or an exhausted resource: still one line, never a traceback
        print(f"build stopped: internal error: {type(err).__name__}: {' '.join(str(err).split())[:300]}", file=sys.stderr)
        return 1
    print(f"site built in {site}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
