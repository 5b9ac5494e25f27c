"""The real command line, in-process (editor.cli.main) and as a subprocess (python -m editor)."""

from __future__ import annotations

import datetime
import json
import os
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from editor.cli import main
from editor.storage import read_project, write_project

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "templates" / "sample-dongguan-2022.fzbg"


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def docx_text(path: Path) -> str:
    d = docx.Document(str(path))
    parts = [p.text for p in d.paragraphs]
    for section in d.sections:
        for p in section.header.paragraphs + section.footer.paragraphs:
            parts.append(p.text)
    for t in d.tables:
        for row in t.rows:
            parts.extend(c.text for c in row.cells)
    return "\n".join(parts)


def test_templates_listing(capsys):
    code, out, err = run(capsys, "templates")
    assert code == 0 and err == ""
    names = dict(line.split("\t", 1) for line in out.strip().splitlines())
    assert {"fzzf-annual", "sample-dongguan-2022"} <= set(names)
    assert "东莞" in names["sample-dongguan-2022"] and names["fzzf-annual"]


def test_new_from_template_and_refuse_overwrite(capsys, tmp_path):
    target = tmp_path / "x.fzbg"
    code, out, _ = run(capsys, "new", "--template", "sample-dongguan-2022", target)
    assert code == 0 and str(target) in out
    assert read_project(target) == read_project(SAMPLE)
    target.write_text("我的草稿", encoding="utf-8")
    code, out, err = run(capsys, "new", "-t", "fzzf-annual", target)
    assert code == 1 and "已存在" in err and "--force" in err
    assert target.read_text(encoding="utf-8") == "我的草稿"
    code, _, _ = run(capsys, "new", "-t", "fzzf-annual", target, "--force")
    assert code == 0 and read_project(target).sections[0].kinds[0].value == "measures"


def test_new_default_template_and_suffix(capsys, tmp_path):
    code, _, _ = run(capsys, "new", tmp_path / "草稿")
    assert code == 0
    assert read_project(tmp_path / "草稿.fzbg").hint  # default: the blank fzzf-annual template


def test_new_unknown_template(capsys, tmp_path):
    code, _, err = run(capsys, "new", "-t", "no-such", tmp_path / "y.fzbg")
    assert code == 1 and "no-such" in err and "fzzf-annual" in err
    assert not (tmp_path / "y.fzbg").exists()


def test_export_docx_next_to_project(capsys, tmp_path):
    project = tmp_path / "dg.fzbg"
    assert run(capsys, "new", "-t", "sample-dongguan-2022", project)[0] == 0
    code, out, err = run(capsys, "export", project)
    assert code == 0, err
    out_file = tmp_path / "dg.docx"
    assert out_file.is_file() and str(out_file) in out
    text = docx_text(out_file)
    assert "东莞市司法局2022年法治政府建设年度报告" in text
    assert "收办行政复议申请2041件，同比增长64.6%" in text
    assert "服务企业逾千家" in text and "2023年1月28日" in text
    assert "{{" not in text


def test_export_output_option(capsys, tmp_path):
    out_file = tmp_path / "sub" / "a.docx"
    out_file.parent.mkdir()
    code, _, err = run(capsys, "export", SAMPLE, "-o", out_file)
    assert code == 0, err
    assert out_file.is_file() and not (ROOT / "templates" / "sample-dongguan-2022.docx").exists()


def test_export_several_to_out_dir(capsys, tmp_path):
    a, b = tmp_path / "a.fzbg", tmp_path / "b.fzbg"
    run(capsys, "new", "-t", "sample-dongguan-2022", a)
    run(capsys, "new", "-t", "sample-dongguan-2022", b)
    out_dir = tmp_path / "导出"
    code, out, err = run(capsys, "export", a, b, "--out-dir", out_dir)
    assert code == 0, err
    assert sorted(p.name for p in out_dir.iterdir()) == ["a.docx", "b.docx"]
    assert out.count("已导出") == 2


def test_export_several_with_output_is_a_usage_error(capsys, tmp_path):
    code, _, err = run(capsys, "export", SAMPLE, SAMPLE, "-o", tmp_path / "x.docx")
    assert code == 2 and "--out-dir" in err
    assert list(tmp_path.iterdir()) == []


def test_export_formal_edition(capsys, tmp_path):
    project = tmp_path / "f.fzbg"
    run(capsys, "new", "-t", "sample-dongguan-2022", project)
    report = read_project(project)
    report.formal.doc_number = "东司〔2023〕5号"
    report.formal.print_date = datetime.date(2023, 2, 1)
    write_project(project, report)
    code, _, err = run(capsys, "export", project, "--edition", "formal", "-o", tmp_path / "formal.docx")
    assert code == 0, err
    code, _, err = run(capsys, "export", project, "--edition", "public", "-o", tmp_path / "public.docx")
    assert code == 0, err
    formal, public = docx_text(tmp_path / "formal.docx"), docx_text(tmp_path / "public.docx")
    assert "东莞市司法局文件" in formal and "东莞市司法局文件" not in public
    assert "东司〔2023〕5号" in formal and "东司〔2023〕5号" not in public
    assert "2023年2月1日印发" in formal and "2023年2月1日印发" not in public


def test_export_one_bad_project_among_good_ones(capsys, tmp_path):
    good = tmp_path / "good.fzbg"
    run(capsys, "new", "-t", "sample-dongguan-2022", good)
    bad = tmp_path / "bad.fzbg"
    bad.write_text('{"format": "report-editor-project", "format_version": 1, "report": {"year": "x"}}',
                   encoding="utf-8")
    code, out, err = run(capsys, "export", bad, good, "--out-dir", tmp_path / "o")
    assert code == 1
    assert "bad.fzbg" in err and "report.year" in err and "Traceback" not in err
    assert (tmp_path / "o" / "good.docx").is_file() and not (tmp_path / "o" / "bad.docx").exists()


@pytest.mark.parametrize(
    "args, words",
    [
        (["export"], ["缺少必需的参数"]),
        (["new"], ["缺少必需的参数"]),
        (["export", "x.fzbg", "--format", "odt"], ["无效的选项"]),
        (["export", "x.fzbg", "--edition", "draft"], ["无效的选项"]),
        (["templates", "--bogus"], ["无法识别的参数"]),
    ],
)
def test_usage_errors_exit_2_in_chinese(capsys, args, words):
    code, out, err = run(capsys, *args)
    assert code == 2
    for w in words:
        assert w in err
    assert "--help" in err and "usage" not in err.lower() and "error:" not in err
    assert ": " not in err  # full-width colons in Chinese messages


def test_help_exits_0(capsys):
    with pytest.raises(SystemExit) as e:
        main(["export", "--help"])
    assert e.value.code == 0
    assert "输出文件夹" in capsys.readouterr().out


@pytest.mark.parametrize(
    "content, words",
    [
        (b"", ["空文件"]),
        (b"{not json", ["无法解析"]),
        ("旧版本".encode("gbk"), ["UTF-8"]),
        (json.dumps({"format": "report-editor-project", "format_version": 99, "report": {}}).encode(), ["99", "升级"]),
    ],
)
def test_damaged_project_exit_1_without_traceback(capsys, tmp_path, content, words):
    p = tmp_path / "d.fzbg"
    p.write_bytes(content)
    code, out, err = run(capsys, "export", p)
    assert code == 1
    for w in words:
        assert w in err
    assert "Traceback" not in err and not (tmp_path / "d.docx").exists()


ENV = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONIOENCODING="utf-8", QT_QPA_PLATFORM="offscreen")


def test_subprocess_export_and_damaged(tmp_path):
    def cli(*args):
        return subprocess.run([sys.executable, "-m", "editor", *map(str, args)], cwd=tmp_path, env=ENV,
                              capture_output=True, text=True, timeout=120)

    r = cli("templates")
    assert r.returncode == 0 and "sample-dongguan-2022" in r.stdout
    r = cli("new", "--template", "sample-dongguan-2022", "x.fzbg")
    assert r.returncode == 0, r.stderr
    r = cli("export", "x.fzbg")
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "x.docx").stat().st_size > 10_000
    (tmp_path / "bad.fzbg").write_text('{"format": "report-editor-project", "format_version": 1, "report": '
                                       '{"sections": [{"items": [{"lead": 5}]}]}}', encoding="utf-8")
    r = cli("export", "bad.fzbg")
    assert r.returncode == 1
    assert "report.sections.0.items.0.lead" in r.stderr and "已损坏" in r.stderr
    assert "Traceback" not in r.stderr
    r = cli("export", "--format")
    assert r.returncode == 2 and "需要一个参数值" in r.stderr


def test_window_options_open_the_window_not_the_cli(tmp_path):
    """`report-editor --sample` (the README's first command) starts the window on the sample."""
    import os
    import subprocess
    import sys

    from pathlib import Path

    root = str(Path(__file__).resolve().parent.parent)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", REPORT_EDITOR_EXIT_WHEN_SHOWN="1",
               PYTHONPATH=os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")])))
    r = subprocess.run([sys.executable, "-m", "editor", "--sample"], capture_output=True, text=True,
                       env=env, cwd=tmp_path, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "shown after" in r.stdout
    assert "无法识别" not in r.stderr
