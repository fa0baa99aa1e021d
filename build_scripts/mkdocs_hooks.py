"""MkDocs hooks (mkdocs.yml `hooks:`): generate the pages from the data before MkDocs reads
them, finish the built site after, and in `mkdocs serve` watch the data, the templates and the
source texts, so that an edit there rebuilds the preview and reloads the page.

`python -m build_scripts.build` passes the data it has already checked; `mkdocs` run alone
checks BAGDAR_DATA (default data/) here and stops with one line per problem.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # the `mkdocs` command does not put the project on the path
    sys.path.insert(0, str(ROOT))

from mkdocs.exceptions import Abort  # noqa: E402

from build_scripts.build import (  # noqa: E402
    CHECKED_DATA,
    LANGUAGE_SEARCH,
    data_dir,
    finish_site,
    language_search_wanted,
    prepare_docs,
)
from build_scripts.data_files import DataError  # noqa: E402
from build_scripts.generate import DOCS_SRC, TEMPLATES  # noqa: E402
from build_scripts.validate import check  # noqa: E402

log = logging.getLogger("mkdocs.hooks.bagdar")
#: What a preview watches besides the generated docs (MkDocs watches those and mkdocs.yml).
WATCHED = (TEMPLATES, DOCS_SRC, ROOT / "sources", ROOT / "overrides")
_command = {"name": "build"}


def on_startup(command, dirty):
    _command["name"] = command


def on_pre_build(config):
    data = config.get(CHECKED_DATA)
    if data is None:
        try:
            data = check(data_dir())
        except DataError as err:
            for problem in err.problems:
                log.error(str(problem))
            raise Abort(f"build stopped: {len(err.problems)} data problem(s)") from None
    prepare_docs(data, Path(config.docs_dir))


def on_serve(server, config, builder):
    for path in (data_dir(), *WATCHED):
        server.watch(str(path))
    return server


def on_post_build(config):
    # No service worker in a preview: it serves pages from its cache, so a reload would not show the edit.
    finish_site(Path(config.site_dir), language_search=config.get(LANGUAGE_SEARCH, language_search_wanted()),
                offline=_command["name"] != "serve")
