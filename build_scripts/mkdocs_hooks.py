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
from mkdocs.plugins import event_priority  # noqa: E402

from build_scripts import abbreviations  # noqa: E402
from build_scripts.build import (  # noqa: E402
    CHECKED_DATA,
    LANGUAGE_SEARCH,
    data_dir,
    finish_site,
    language_search_wanted,
    prepare_docs,
    theme_facts,
)
from build_scripts.data_files import DataError  # noqa: E402
from build_scripts.generate import DOCS_SRC, TEMPLATES  # noqa: E402
from build_scripts.validate import check  # noqa: E402

log = logging.getLogger("mkdocs.hooks.bagdar")
#: What a preview watches besides the generated docs (MkDocs watches those and mkdocs.yml).
WATCHED = (TEMPLATES, DOCS_SRC, ROOT / "sources", ROOT / "overrides")
#: The MkDocs command, and how deep in builds we are: mkdocs-static-i18n builds the second
#: language inside the first build (from its on_post_build), and that inner build runs these
#: hooks too. Generation belongs before the outer build, finishing after both languages.
_state = {"command": "build", "depth": 0}


def on_startup(command, dirty):
    _state["command"] = command


def on_config(config):
    """Abbreviation glossaries are written beside the generated docs (build_scripts/abbreviations.py);
    run alone, `mkdocs` checks the data here and gives the theme its facts (CSP, edition)."""
    config.mdx_configs["pymdownx.snippets"]["base_path"] = [str(abbreviations.snippets_dir(Path(config.docs_dir)))]
    if config.get(CHECKED_DATA) is None:
        try:
            config[CHECKED_DATA] = check(data_dir())
            theme_facts(config, config[CHECKED_DATA], data_dir())
        except DataError as err:
            for problem in err.problems:
                log.error(str(problem))
            raise Abort(f"build stopped: {len(err.problems)} data problem(s)") from None
    return config


def publishing() -> bool:
    """Whether this build is for readers (not a live preview): only then is there an offline
    copy, with the service worker and the checker's memory snapshot."""
    return _state["command"] != "serve"


def on_build_error(error):
    _state["depth"] = 0


def on_pre_build(config):
    _state["depth"] += 1
    if _state["depth"] > 1:
        return
    data = config[CHECKED_DATA]
    _state["data"] = data
    prepare_docs(data, Path(config.docs_dir), offline=publishing())


def on_serve(server, config, builder):
    for path in (data_dir(), *WATCHED):
        server.watch(str(path))
    return server


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built the other language and merged the search
def on_post_build(config):
    _state["depth"] -= 1
    if _state["depth"]:
        return
    # No service worker in a preview: it serves pages from its cache, so a reload would not show the edit.
    finish_site(
        Path(config.site_dir),
        _state["data"],
        language_search=config.get(LANGUAGE_SEARCH, language_search_wanted()),
        offline=publishing(),
    )
