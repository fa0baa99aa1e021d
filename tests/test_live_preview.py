"""`./run dev` (python -m build_scripts.dev): an editor who changes a label in the data sees the
served page change, without restarting anything."""

from __future__ import annotations

import html
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from conftest import edit_yaml

ROOT = Path(__file__).resolve().parent.parent
#: Bounds, not timings: the first build, then the rebuild after one edit (a few seconds on an idle
#: machine, two minutes measured with eight test runs sharing two cores; generous so that only a
#: preview that never shows the edit fails).
FIRST_BUILD_BOUND = 600
REBUILD_BOUND = 300


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(condition, bound: float, what: str, server: subprocess.Popen, log: Path):
    deadline = time.monotonic() + bound
    while time.monotonic() < deadline:
        assert server.poll() is None, f"the preview stopped: {log.read_text(encoding='utf-8')[-3000:]}"
        result = condition()
        if result:
            return result
        time.sleep(1)
    raise AssertionError(f"{what} within {bound} s: {log.read_text(encoding='utf-8')[-3000:]}")


def test_a_label_edited_in_the_data_shows_on_the_served_page(data_copy, tmp_path):
    url = f"http://127.0.0.1:{free_port()}/"
    env = {
        **os.environ,
        "BAGDAR_DATA": str(data_copy),
        "BAGDAR_DOCS": str(tmp_path / "docs"),
        "NO_MKDOCS_2_WARNING": "1",
    }
    log = tmp_path / "preview.log"
    with log.open("w", encoding="utf-8") as out:  # a file, not a pipe: a full pipe would stall the server
        server = subprocess.Popen(
            [sys.executable, "-m", "build_scripts.dev", url[len("http://") : -1]],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        first = wait_for(lambda: fetch(url), FIRST_BUILD_BOUND, "no page served", server, log)
        labels = edit_yaml(data_copy, "ui", lambda d: None)["labels"]
        label = next(
            item for item in labels if len(item["text"]["kk"]) > 20 and html.escape(item["text"]["kk"]) in first
        )
        edited = "Өңделген белгі " + label["id"]

        def change(document):
            next(item for item in document["labels"] if item["id"] == label["id"])["text"]["kk"] = edited

        edit_yaml(data_copy, "ui", change)
        page = wait_for(
            lambda: (fetch(url) or "") if edited in (fetch(url) or "") else None,
            REBUILD_BOUND,
            "the edit not served",
            server,
            log,
        )
        assert html.escape(label["text"]["kk"]) not in page
        # a preview keeps no offline copy, so no memory snapshot is made for one
        assert 'data-snapshot=""' in (fetch(url + "checker/") or "")
        assert not list((tmp_path / "docs").rglob("snapshot.bin"))
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
