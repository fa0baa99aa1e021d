"""Pre-compressed siblings for static hosting: `FILE.gz` and `FILE.br` beside every text, JSON and
WebAssembly file of the built site above 1 KB, so that a server that serves them as they are
(nginx `gzip_static` / `brotli_static`) sends the smallest bytes without compressing per request.

Compression is slow at the levels worth shipping (brotli 11 takes about two minutes for
Pyodide's WebAssembly), so every result is kept in `.cache/precompressed/` by the content's
hash: a rebuild compresses only what changed. Brotli 11 is used for the checker's start-up files
(they dominate a first visit and seldom change), brotli 8 for pages and the theme (almost as
small, fifty times faster), brotli 9 and gzip 6 for the memory snapshot (it changes with every
data edit and a first visit does not wait for it; brotli 11 is 15% smaller but takes 40 s
instead of 2 s, gzip 9 is 1% smaller but takes 3 s instead of 0.6 s); gzip 9 for the rest.
"""

from __future__ import annotations

import gzip
import hashlib
from pathlib import Path

import brotli

from build_scripts.data_files import ROOT
from build_scripts.pyodide.snapshot import NAME as SNAPSHOT

CACHE = ROOT / ".cache" / "precompressed"
SUFFIXES = (".html", ".css", ".js", ".mjs", ".json", ".wasm", ".svg", ".txt", ".xml", ".webmanifest")
#: Files compressible whatever their suffix: the reduced standard library (stored without
#: deflate) and the memory snapshot (Pyodide's memory, mostly zeros).
BY_NAME = ("python_stdlib.zip", SNAPSHOT)
MIN_BYTES = 1024
#: Files whose brotli is worth the slowest level.
HEAVY_PREFIXES = ("assets/pyodide/", "assets/checker/")


def wanted(path: Path) -> bool:
    """Whether `path` gets siblings: a compressible kind, above 1 KB, not a sibling itself."""
    return (path.suffix in SUFFIXES or path.name in BY_NAME) and path.stat().st_size > MIN_BYTES


def _compressed(data: bytes, kind: str, quality: int, used: set[Path]) -> bytes:
    key = hashlib.sha256(data).hexdigest()
    cached = CACHE / f"{key}.{kind}{quality}"
    used.add(cached)
    if cached.exists():
        return cached.read_bytes()
    if kind == "br":
        out = brotli.compress(data, quality=quality)
    else:
        out = gzip.compress(data, compresslevel=quality, mtime=0)
    CACHE.mkdir(parents=True, exist_ok=True)
    cached.write_bytes(out)
    return out


def precompress(site: Path) -> int:
    """Write the .gz and .br siblings of every wanted file of `site`; returns how many files got
    them. Cache entries no file of this site used are removed."""
    used: set[Path] = set()
    files = [p for p in sorted(site.rglob("*")) if p.is_file() and wanted(p)]
    for path in files:
        data = path.read_bytes()
        heavy = path.relative_to(site).as_posix().startswith(HEAVY_PREFIXES)
        snapshot = path.name == SNAPSHOT
        path.with_name(path.name + ".gz").write_bytes(_compressed(data, "gz", 6 if snapshot else 9, used))
        quality = 9 if snapshot else 11 if heavy else 8
        path.with_name(path.name + ".br").write_bytes(_compressed(data, "br", quality, used))
    if CACHE.exists():
        for stale in set(CACHE.iterdir()) - used:
            stale.unlink()
    return len(files)
