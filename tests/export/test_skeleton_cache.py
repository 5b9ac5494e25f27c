"""The export's document skeleton (styles, settings, sections, package parts) is kept in the user's cache
folder so that a new process exports without python-docx: what comes from the cache is byte for byte what
python-docx builds, the golden files match either way, and a damaged or unusable cache only means a rebuild."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_export_golden import compare_with_golden, normalised_parts

from export_reports import small_report
from editor.export import build_docx
from editor.export import docx as dx
from editor.storage import write_project
from editor.templates import load_template

ROOT = Path(__file__).resolve().parents[2]


def _files() -> list[Path]:
    return sorted(dx.skeleton_cache_dir().glob("skeleton-*.zip"))


def _fresh(report, edition="public") -> bytes:
    dx._skeleton.cache_clear()  # forget the in-memory copy: the next export uses the disk cache or builds
    return build_docx(report, edition)


def _centred():
    r = small_report()
    r.format.page_numbers = "centred"
    r.format.bold_level2 = True
    r.format.bold_level3 = True
    return r


@pytest.mark.parametrize("case, make, edition", [
    ("small-public", small_report, "public"),
    ("small-formal", small_report, "formal"),  # with the 版记 section
    ("small-centred-bold", _centred, "public"),
    ("sample-public", lambda: load_template("sample-dongguan-2022"), "public"),
])
def test_cached_skeleton_gives_the_golden_file(case, make, edition):
    assert _files() == []
    built = _fresh(make(), edition)  # builds with python-docx and stores it
    assert len(_files()) == 1
    stamp = _files()[0].stat().st_mtime_ns
    cached = _fresh(make(), edition)  # read from the cache file
    assert _files()[0].stat().st_mtime_ns == stamp  # read, not rebuilt
    compare_with_golden(case, built)
    compare_with_golden(case, cached)


def test_cache_file_holds_exactly_what_python_docx_builds():
    args = (small_report().format, 9, True)
    dx._skeleton.cache_clear()
    dx._skeleton(*args)
    (path,) = _files()
    assert dx._read_skeleton(path) == dx._build_skeleton(*args)


def test_other_settings_get_their_own_file():
    _fresh(small_report())
    r = small_report()
    r.format.page_numbers = "centred"
    _fresh(r)
    assert len(_files()) == 2


@pytest.mark.parametrize("damage", ["truncated", "garbage", "flipped byte", "empty"])
def test_damaged_cache_file_is_rebuilt(damage):
    expected = normalised_parts(_fresh(small_report()))
    (path,) = _files()
    data = path.read_bytes()
    if damage == "truncated":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "garbage":
        path.write_bytes(b"not a zip file" * 100)
    elif damage == "flipped byte":  # inside a stored part: the CRC check fails
        i = data.index(b"<w:styles") + 20
        path.write_bytes(data[:i] + bytes([data[i] ^ 0x20]) + data[i + 1:])
    else:
        path.write_bytes(b"")
    assert dx._read_skeleton(path) is None
    assert normalised_parts(_fresh(small_report())) == expected
    assert dx._read_skeleton(path) is not None  # replaced by a good one


def test_unusable_cache_folder_still_exports(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    expected = normalised_parts(build_docx(small_report()))
    assert normalised_parts(_fresh(small_report())) == expected


def test_cache_can_be_turned_off(monkeypatch):
    monkeypatch.setenv("REPORT_EDITOR_NO_SKELETON_CACHE", "1")
    _fresh(small_report())
    assert _files() == []


def test_old_files_are_removed(monkeypatch):
    monkeypatch.setattr(dx, "SKELETON_CACHE_FILES", 2)
    for mark in (3, 4, 5, 6):
        dx._skeleton(small_report().format, mark)
    assert len(_files()) == 2


_PROBE = """
import sys
from editor.cli import main
code = main(["export", sys.argv[1], "-o", sys.argv[2]])
print(code, sorted({m.split(".")[0] for m in sys.modules if m.split(".")[0] in ("docx", "lxml")}))
"""


def test_second_process_exports_without_python_docx(tmp_path):
    project = tmp_path / "sample.fzbg"
    write_project(project, load_template("sample-dongguan-2022"), backup=False)
    env = dict(os.environ, PYTHONPATH=str(ROOT))  # XDG_CACHE_HOME: this test's own home (conftest)
    env.pop("REPORT_EDITOR_NO_SKELETON_CACHE", None)
    runs = [subprocess.run([sys.executable, "-c", _PROBE, str(project), str(tmp_path / f"{i}.docx")], env=env,
                           capture_output=True, text=True, check=True).stdout.splitlines()[-1] for i in (1, 2)]
    assert runs[0] == "0 ['docx', 'lxml']"  # the first export builds the skeleton with python-docx
    assert runs[1] == "0 []"  # the next one reads it from the cache
    compare_with_golden("sample-public", (tmp_path / "2.docx").read_bytes())
    assert normalised_parts((tmp_path / "1.docx").read_bytes()) == normalised_parts((tmp_path / "2.docx").read_bytes())


def test_cache_works_without_source_files(monkeypatch):
    """The packaged application keeps the modules in an archive: no source file to hash (its executable's
    size and time stand for them)."""
    monkeypatch.setattr(dx.F, "__file__", "/nonexistent/format_spec.py")
    monkeypatch.setattr(dx.sys, "frozen", True, raising=False)
    dx._sources_stamp.cache_clear()
    try:
        expected = normalised_parts(build_docx(small_report()))
        assert normalised_parts(_fresh(small_report())) == expected
        assert len(_files()) == 1
        assert normalised_parts(_fresh(small_report())) == expected  # read back
    finally:
        dx._sources_stamp.cache_clear()


def test_a_file_holding_another_key_is_not_used():
    """Cache files are named by a checksum of their key and hold the key itself: a file found under the name
    but made for other settings (a checksum clash, or a file copied there) is rebuilt, never used."""
    centred = _centred()
    _fresh(small_report())
    (other,) = _files()
    key = dx._skeleton_key(dx._format_key(centred.format), 0, False)
    clash = other.with_name(f"skeleton-{dx._key_name(key)}.zip")
    clash.write_bytes(other.read_bytes())  # the public settings' skeleton under the centred settings' name
    assert dx._read_skeleton(clash, key) is None
    compare_with_golden("small-centred-bold", _fresh(centred))
    assert dx._read_skeleton(clash, key) is not None  # replaced by the right one


def test_format_key_tells_every_setting_apart():
    base = small_report().format
    keys = {dx._format_key(base)}
    for change in ({"bold_level2": True}, {"bold_level3": True}, {"page_numbers": "centred"},
                   {"continuous_level3": True}, {"fonts": {**base.fonts, "body": "宋体"}}):
        other = small_report().format
        for name, value in change.items():
            setattr(other, name, value)
        keys.add(dx._format_key(other))
    assert len(keys) == 6
    assert dx._format_key(small_report().format) == dx._format_key(base)  # equal settings, one key
