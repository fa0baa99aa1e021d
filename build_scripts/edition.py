"""What every page's footer says about the content: its version and date, and the texts it
follows with the date of each one's latest change (from data/sources.yaml).

The version is a hash of the content (data, sources, hand-written pages), so any change of
content gives a new version; the date is the build's (SOURCE_DATE_EPOCH when set, for
reproducible builds).
"""

from __future__ import annotations

import hashlib
import os
from datetime import UTC, date, datetime
from pathlib import Path

from build_scripts.data_files import ROOT, DataError, Problem

CONTENT_DIRS = (ROOT / "sources", ROOT / "docs")
LABELS = ("edition-version", "edition-texts", "edition-saved-copy", "edition-newer", "edition-reload")


def content_version(data_dir: Path) -> str:
    """8 hex digits of the SHA-256 of every content file's path and bytes."""
    digest = hashlib.sha256()
    for folder in (Path(data_dir), *CONTENT_DIRS):
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:8]


def build_date() -> date:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = datetime.fromtimestamp(int(epoch), UTC) if epoch and epoch.isdigit() else datetime.now(UTC)
    return moment.date()


def shown(day: date | str) -> str:
    """`2024-10-22` -> `22.10.2024`, as Kazakhstan's official texts write dates."""
    day = date.fromisoformat(str(day))
    return f"{day.day:02d}.{day.month:02d}.{day.year}"


def latest_date(document: dict) -> str | None:
    """The latest of a document's adoption, registration and amendment dates."""
    dates = [document.get("date"), (document.get("registration") or {}).get("date")]
    dates += [amendment.get("date") for amendment in document.get("amendments") or []]
    known = sorted(str(d) for d in dates if d)
    return known[-1] if known else None


def edition(data: dict, data_dir: Path) -> dict:
    """The footer's facts and wording, for the theme (config.extra.edition)."""
    labels = {item["id"]: item["text"] for item in data["ui"]["labels"]}
    missing = [key for key in LABELS if key not in labels]
    if missing:
        raise DataError(
            [Problem("data/ui.yaml", key, "text", "label is missing (used by every page's footer)") for key in missing]
        )
    texts = []
    for document in data["sources"]["documents"]:
        latest = latest_date(document)
        if document.get("file") and latest:
            texts.append({"name": document["short"], "date": shown(latest)})
    return {
        "version": content_version(data_dir),
        "date": shown(build_date()),
        "texts": texts,
        "labels": {key: labels[key] for key in LABELS},
    }
