"""`export` writes what it names (issue 8, report 4): the format follows the extension of -o when --format is
not given; a conflict is a usage error (exit 2, a Chinese message, nothing written); the same for --out-dir."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from editor.cli import main
from editor.export import find_soffice

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "templates" / "sample-dongguan-2022.fzbg"
ENV = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONIOENCODING="utf-8", QT_QPA_PLATFORM="offscreen")
CHINESE = re.compile(r"[\u4e00-\u9fff]")


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def is_docx(path: Path) -> bool:
    with zipfile.ZipFile(path) as z:
        return "word/document.xml" in z.namelist()


def is_pdf(path: Path) -> bool:
    return path.read_bytes()[:5] == b"%PDF-"


def files(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


@pytest.mark.parametrize("args,hint", [
    (["--format", "pdf", "-o", "y.docx"], "--format pdf"),
    (["--format", "docx", "-o", "y.pdf"], "--format docx"),
    (["--format", "pdf", "-o", "Y.DOCX"], ".DOCX"),
    (["-o", "y.doc"], ".doc"),
    (["-o", "y.txt", "--format", "docx"], ".txt"),
])
def test_conflicting_format_and_extension_is_a_usage_error_and_writes_nothing(capsys, tmp_path, args, hint):
    args = [str(tmp_path / a) if a.lower().startswith("y.") else a for a in args]
    code, out, err = run(capsys, "export", SAMPLE, *args)
    assert code == 2
    assert hint in err and CHINESE.search(err) and "Traceback" not in err
    assert ".docx" in err and ".pdf" in err  # says what to do
    assert files(tmp_path) == []


def test_conflict_as_a_subprocess_exits_2(tmp_path):
    r = subprocess.run([sys.executable, "-m", "editor", "export", str(SAMPLE), "--format", "pdf", "-o", "y.docx"],
                       cwd=tmp_path, env=ENV, capture_output=True, text=True, timeout=120)
    assert r.returncode == 2, r.stderr
    assert "不一致" in r.stderr and files(tmp_path) == []


def test_extension_of_o_chooses_the_format_docx_and_none(capsys, tmp_path):
    code, out, err = run(capsys, "export", SAMPLE, "-o", tmp_path / "a.docx")
    assert code == 0, err
    assert is_docx(tmp_path / "a.docx")
    code, out, err = run(capsys, "export", SAMPLE, "-o", tmp_path / "报告")  # no extension: docx, named so
    assert code == 0, err
    assert files(tmp_path) == ["a.docx", "报告.docx"] and is_docx(tmp_path / "报告.docx")
    assert str(tmp_path / "报告.docx") in out


def test_o_and_out_dir_together_and_folder_mixups_are_usage_errors(capsys, tmp_path):
    folder = tmp_path / "folder"
    folder.mkdir()
    code, _, err = run(capsys, "export", SAMPLE, "-o", tmp_path / "a.docx", "--out-dir", tmp_path / "d")
    assert code == 2 and "--out-dir" in err
    code, _, err = run(capsys, "export", SAMPLE, "-o", folder)  # a folder given to -o
    assert code == 2 and "--out-dir" in err
    code, _, err = run(capsys, "export", SAMPLE, "--out-dir", tmp_path / "x.pdf")  # a file name to --out-dir
    assert code == 2 and "-o" in err
    (tmp_path / "plain").write_text("x", encoding="utf-8")
    code, _, err = run(capsys, "export", SAMPLE, "--out-dir", tmp_path / "plain")
    assert code == 2 and "文件" in err
    assert files(tmp_path) == ["folder", "plain"]


def test_two_projects_into_one_file_is_a_usage_error(capsys, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    for sub in ("a", "b"):
        assert run(capsys, "new", "-t", "sample-dongguan-2022", tmp_path / sub / "r.fzbg")[0] == 0
    code, _, err = run(capsys, "export", tmp_path / "a" / "r.fzbg", tmp_path / "b" / "r.fzbg",
                       "--out-dir", tmp_path / "out")
    assert code == 2 and "同一个文件" in err
    assert not (tmp_path / "out").exists()


@pytest.mark.skipif(find_soffice() is None, reason="PDF export needs LibreOffice (installed by .ci/run)")
def test_o_pdf_writes_a_pdf_and_out_dir_follows_format(capsys, tmp_path):
    """Issue 8, report 4: `export -o x.pdf` wrote a Word file under a .pdf name."""
    code, out, err = run(capsys, "export", SAMPLE, "-o", tmp_path / "x.pdf")
    assert code == 0, err
    assert is_pdf(tmp_path / "x.pdf")
    code, out, err = run(capsys, "export", SAMPLE, "--format", "pdf", "--out-dir", tmp_path / "d")
    assert code == 0, err
    assert files(tmp_path / "d") == ["sample-dongguan-2022.pdf"] and is_pdf(tmp_path / "d" / "sample-dongguan-2022.pdf")


def test_export_of_the_formal_edition_warns_about_its_missing_fields(capsys, tmp_path):
    """Issue 10: the formal edition never exports silently without 发文字号 / 印发日期 — also when
    ``--edition formal`` exports a report kept as the public edition (the sample has no formal fields)."""
    out_file = tmp_path / "正式.docx"
    code, out, err = run(capsys, "export", SAMPLE, "-o", out_file, "--edition", "formal")
    assert code == 0 and is_docx(out_file)
    assert "警告" in err and "发文字号" in err and "印发日期" in err
    # the public edition of the same report: no such warning
    code, out, err = run(capsys, "export", SAMPLE, "-o", tmp_path / "公开.docx")
    assert code == 0 and "发文字号" not in err
