"""A live preview for editors: `mkdocs serve` with this project's hooks, which rebuild the site
when a data file, a template, a hand-written file or a source text changes, and reload the page.

Usage: ``python -m build_scripts.dev [HOST:PORT]`` (default 127.0.0.1:8001, so that the preview
never shares an origin, and so a service worker, with the site `./run` serves on port 8000).
``BAGDAR_DATA=DIR`` previews another data folder; ``BAGDAR_DOCS=DIR`` generates into another folder.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from mkdocs.commands.serve import serve
from mkdocs.exceptions import MkDocsException

from build_scripts.build import CONFIG_FILE
from build_scripts.generate import DOCS_OUT

DEFAULT_ADDRESS = "127.0.0.1:8001"


def main(argv: list[str]) -> int:
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s %(message)s")
    address = argv[0] if argv else DEFAULT_ADDRESS
    Path(os.environ.get("BAGDAR_DOCS") or DOCS_OUT).mkdir(parents=True, exist_ok=True)
    try:
        serve(config_file=str(CONFIG_FILE), dev_addr=address, livereload=True)
    except MkDocsException as err:
        print(f"preview stopped: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
