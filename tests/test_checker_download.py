"""What the checker downloads: only the standard library its runs use, a lock file without
packages, pre-compressed siblings for static hosts, progress the reader can see, and nothing of
it while the page is still being parsed."""

from __future__ import annotations

import gzip
import json
import zipfile

import brotli
import pytest

from build_scripts.checker_assets import FETCHED, PYODIDE_SRC
from build_scripts.offline import site_files
from build_scripts.precompress import MIN_BYTES, wanted
from build_scripts.pyodide import reduced_stdlib as rs
from build_scripts.pyodide import snapshot, under_node


def bundled(site, name: str):
    """A bundled file or folder by its name in the manifest (folders are named by content hash)."""
    return site / json.loads((site / "assets" / "checker" / "manifest.json").read_text(encoding="utf-8"))[name]


def test_the_standard_library_is_reduced_stored_and_lean(built_site):
    full = zipfile.ZipFile(PYODIDE_SRC / "python_stdlib.zip")
    reduced = zipfile.ZipFile(bundled(built_site, "pyodide") / "python_stdlib.zip")
    names = reduced.namelist()
    assert set(names) < set(full.namelist())
    assert len(names) < len(full.namelist()) / 2
    assert all(info.compress_type == zipfile.ZIP_STORED for info in reduced.infolist())
    for needed in ("json/__init__.py", "dataclasses.py", "_pyodide/_base.py"):
        assert needed in names
    assert "email/__init__.py" not in names  # nothing the checker does not import
    lean = reduced.read("json/__init__.py").decode()
    assert not any(line.lstrip().startswith("#") for line in lean.splitlines())
    assert len(lean) < len(full.read("json/__init__.py")) * 0.8


def test_the_lock_file_lists_no_package(built_site):
    lock = json.loads((bundled(built_site, "pyodide") / "pyodide-lock.json").read_text(encoding="utf-8"))
    full = json.loads((PYODIDE_SRC / "pyodide-lock.json").read_text(encoding="utf-8"))
    assert lock == {"info": full["info"], "packages": {}}


def test_a_case_that_needs_a_missing_module_stops_the_build(tmp_path, monkeypatch, built_site):
    """Leave one imported file out of the reduced library: the check on the reduced library must
    refuse it (here with a fresh cache, so that the probe really runs)."""
    monkeypatch.setattr(rs, "CACHE", tmp_path / "cache")
    write_zip = rs._write_zip

    def without_json_decoder(full_zip, files, target):
        write_zip(full_zip, {k: v for k, v in files.items() if k != "json/decoder.py"}, target)

    monkeypatch.setattr(rs, "_write_zip", without_json_decoder)
    with pytest.raises(under_node.PyodideBuildError, match="reduced library|failed"):
        rs.reduced_stdlib(
            PYODIDE_SRC,
            bundled(built_site, "pyodide") / "pyodide-lock.json",
            bundled(built_site, "wheel"),
            bundled(built_site, "data"),
            tmp_path / "python_stdlib.zip",
        )


def test_siblings_beside_every_compressible_file_and_none_in_the_offline_cache(built_site):
    files = [p for p in built_site.rglob("*") if p.is_file() and p.suffix not in (".gz", ".br")]
    expected = [p for p in files if wanted(p)]
    assert any(p.suffix == ".wasm" for p in expected) and any(p.suffix == ".html" for p in expected)
    for path in expected:
        raw = path.read_bytes()
        assert gzip.decompress(path.with_name(path.name + ".gz").read_bytes()) == raw, path
        assert brotli.decompress(path.with_name(path.name + ".br").read_bytes()) == raw, path
    for path in files:
        if path.stat().st_size <= MIN_BYTES:
            assert not path.with_name(path.name + ".gz").exists(), path
    assert not [name for name in site_files(built_site) if name.endswith((".gz", ".br"))]


@pytest.mark.browser
def test_progress_counts_every_byte_the_checker_downloads(site_url, page, built_site):
    """The status line counts up to exactly the bytes the build says the checker fetches."""
    page.add_init_script("""
      window.__progress = [];
      window.addEventListener("checker-progress", (e) => window.__progress.push(e.detail), true);
    """)
    page.goto(site_url + "checker/")
    page.wait_for_function("document.getElementById('checker-status').dataset.state === 'ready'", timeout=120_000)
    total = int(page.get_attribute("#checker", "data-bytes"))
    assert total == sum((bundled(built_site, "pyodide") / name).stat().st_size for name in FETCHED["pyodide"]) + sum(
        bundled(built_site, name).stat().st_size for name in ("wheel", "data")
    )
    page.wait_for_function(f"window.__progress.some(p => !p.starting && p.loaded === {total})", timeout=30_000)
    progress = page.evaluate("window.__progress")
    assert all(p["total"] == total for p in progress)
    assert any(0 < p["loaded"] < total for p in progress), "no intermediate progress was shown"
    assert any(p.get("starting") for p in progress)


@pytest.mark.browser
def test_the_checker_downloads_nothing_before_the_form_is_parsed(site_url, page):
    """The start-up files are asked for once DOMContentLoaded has come, so that the download does
    not compete with the form for the processor (checker-start.js). Both times are the
    browser's wall clock."""
    asked = []
    page.on("request", lambda request: asked.append(request))
    page.goto(site_url + "checker/")
    page.wait_for_function("document.getElementById('checker-status').dataset.state === 'ready'", timeout=120_000)
    parsed = page.evaluate(
        "performance.timeOrigin + performance.getEntriesByType('navigation')[0].domContentLoadedEventStart"
    )
    folders = page.evaluate("""['pyodide', 'wheel', 'data'].map((name) =>
        new URL('./', new URL(document.getElementById('checker').dataset[name], document.baseURI)).href)""")
    start_up = [request for request in asked if request.url.startswith(tuple(folders))]
    assert start_up, "no start-up file was requested"
    early = [(r.url, r.timing["startTime"] - parsed) for r in start_up if r.timing["startTime"] < parsed]
    assert not early, f"asked for before DOMContentLoaded (ms before): {early}"


def snapshot_inputs(site) -> tuple:
    """The bundled files a snapshot is made from: Pyodide's folder, the wheel, the data."""
    return bundled(site, "pyodide"), bundled(site, "wheel"), bundled(site, "data")


def test_a_snapshot_that_answers_otherwise_than_cpython_stops_the_build(tmp_path, monkeypatch, built_site):
    """The snapshot is checked case by case against CPython (here with a fresh cache, and one
    expected answer changed, as if the snapshot had held other data)."""
    monkeypatch.setattr(snapshot, "CACHE", tmp_path / "cache")
    cpython = snapshot.cpython_results
    monkeypatch.setattr(snapshot, "cpython_results", lambda cases, data: ["{}", *cpython(cases, data)[1:]])
    with pytest.raises(under_node.PyodideBuildError, match="the memory snapshot: case"):
        snapshot.memory_snapshot(*snapshot_inputs(built_site), tmp_path / snapshot.NAME)
    assert not (tmp_path / snapshot.NAME).exists()
    assert not list((tmp_path / "cache").glob("*"))


def test_the_same_inputs_make_the_same_snapshot(tmp_path, built_site):
    """Its bytes name its URL (the folder's hash): a rebuild with nothing changed must not make
    readers download 31 MB again."""
    pyodide, wheel, data = snapshot_inputs(built_site)
    start = under_node.start_config(pyodide, pyodide / "python_stdlib.zip", pyodide / "pyodide-lock.json", wheel, data)
    made = []
    for name in ("one.bin", "two.bin"):
        under_node.run_node(snapshot.MAKER, {**start, "out": (tmp_path / name).as_posix()})
        made.append((tmp_path / name).read_bytes())
    assert made[0] == made[1] == (bundled(built_site, "snapshot")).read_bytes()
