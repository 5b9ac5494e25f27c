"""The command line on a console whose code page cannot write every character (cp936 on Chinese
Windows), with file names holding Chinese characters, spaces and characters outside cp936."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

from editor import sysenv

ROOT = Path(__file__).resolve().parents[2]
RARE = "𠀀😀"  # a CJK Extension B character and an emoji: neither is in cp936


def run(*args, cwd, encoding="cp936"):
    env = dict(os.environ, PYTHONIOENCODING=encoding, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    env.pop("PYTHONUTF8", None)
    return subprocess.run([sys.executable, "-m", "editor", *args], cwd=cwd, env=env, capture_output=True,
                          timeout=120)


def test_rare_characters_and_spaces_in_every_command(tmp_path):
    folder = tmp_path / "年度 报告"
    folder.mkdir()
    project = folder / f"司法局 {RARE} 2023.fzbg"
    proc = run("new", str(project), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    out = proc.stdout.decode("utf-8")  # written as UTF-8, whatever the console's code page
    assert RARE in out and "新建项目" in out
    assert project.is_file()

    proc = run("export", str(project), "-o", str(folder / f"导出 {RARE}.docx"), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    assert f"导出 {RARE}.docx" in proc.stdout.decode("utf-8")
    assert (folder / f"导出 {RARE}.docx").is_file()

    proc = run("check", str(project), cwd=tmp_path)
    assert proc.returncode in (0, 1) and "Traceback" not in proc.stderr.decode("utf-8", "replace")
    assert "共" in proc.stdout.decode("utf-8")

    proc = run("rollover", str(project), "-o", str(folder / f"下一年 {RARE}.fzbg"), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    assert RARE in proc.stdout.decode("utf-8")

    source = folder / f"去年 {RARE}.txt"
    source.write_text("某县2022年法治政府建设年度报告\n一、主要举措\n（一）深化改革。全年办理案件2041件。\n",
                      encoding="utf-8")
    proc = run("import", str(source), "-o", str(folder / f"导入 {RARE}.fzbg"), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    assert f"导入 {RARE}.fzbg" in proc.stdout.decode("utf-8")

    proc = run("merge", str(project), str(folder / f"下一年 {RARE}.fzbg"), "-o", str(folder / f"合并 {RARE}.fzbg"),
               "--prefer", "main", cwd=tmp_path)
    assert proc.returncode in (0, 1), proc.stderr.decode("utf-8", "replace")
    assert "Traceback" not in proc.stderr.decode("utf-8", "replace")
    assert RARE in proc.stdout.decode("utf-8") + proc.stderr.decode("utf-8")


def test_error_message_with_rare_characters_exits_1_in_chinese(tmp_path):
    proc = run("check", str(tmp_path / f"没有 {RARE}.fzbg"), cwd=tmp_path)
    assert proc.returncode == 1
    err = proc.stderr.decode("utf-8")
    assert "找不到项目文件" in err and RARE in err and "Traceback" not in err


def test_utf8_output_replaces_lone_surrogates():
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="cp936", errors="strict")
    sysenv.utf8_output(stream)
    stream.write(f"名字 {RARE} \udcff 结束\n")
    stream.flush()
    assert raw.getvalue().decode("utf-8") == f"名字 {RARE} ? 结束\n"


def test_generic_message_names_the_log_file(monkeypatch, capsys):
    """Only a true bug gets the generic message; it names the log file that got the traceback."""
    from editor import cli

    def broken(args):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setitem(cli.COMMANDS, "templates", broken)
    assert cli.main(["templates"]) == 1
    err = capsys.readouterr().err
    assert "发生意外错误" in err and "日志文件" in err and "ZeroDivisionError" not in err
    log = Path(err.split("日志文件“")[1].split("”")[0])
    assert log == sysenv.log_file() and "ZeroDivisionError: division by zero" in log.read_text(encoding="utf-8")
