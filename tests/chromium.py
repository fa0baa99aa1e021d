"""The Chromium the browser tests and the benchmarks drive: $CHROMIUM, else Debian's
`chromium` on the PATH (None: Playwright's own), with flags that keep it from making requests
of its own (updates, sync, QUIC probes), so that a test sees only the site's requests."""

from __future__ import annotations

import os
import shutil

EXECUTABLE = os.environ.get("CHROMIUM") or shutil.which("chromium")
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
