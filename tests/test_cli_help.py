"""The command line speaks Chinese in its help, lists every option (the window's too), and its
advice for a damaged project fits a terminal (issue 12)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from editor.cli import main

ROOT = Path(__file__).resolve().parent.parent
ENGLISH = ("usage:", "positional arguments", "options:", "optional arguments", "show this help")


def help_of(capsys, *argv) -> str:
    with pytest.raises(SystemExit) as stop:
        main([*argv, "--help"])
    assert stop.value.code == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("command", [None, "templates", "new", "export", "check", "import", "rollover", "merge"])
def test_help_is_chinese(capsys, command):
    text = help_of(capsys, *([command] if command else []))
    assert text.startswith("用法：")
    assert "选项：" in text
    assert not any(word in text for word in ENGLISH), text


def test_top_help_lists_every_option_including_the_windows(capsys):
    text = help_of(capsys)
    for option in ("--sample", "--lang", "--template", "--version", "项目文件", *("templates new export check import "
                                                                             "rollover merge").split()):
        assert option in text, option
    assert any(line.strip().startswith("templates ") and "模板" in line for line in text.splitlines())  # one line


def test_window_help_and_usage_errors_are_chinese(tmp_path):
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    shown = subprocess.run([sys.executable, "-m", "editor", "--sample", "--help"], env=env, capture_output=True,
                           text=True, timeout=60, cwd=str(tmp_path))
    assert shown.returncode == 0 and shown.stdout.startswith("用法：") and "--lang" in shown.stdout
    assert not any(word in shown.stdout for word in ENGLISH)
    wrong = subprocess.run([sys.executable, "-m", "editor", "--sample", "--bogus"], env=env, capture_output=True,
                           text=True, timeout=60, cwd=str(tmp_path))
    assert wrong.returncode == 2 and "无法识别的参数" in wrong.stderr and "error:" not in wrong.stderr


def test_damaged_project_advice_fits_a_terminal(tmp_path, capsys):
    project = tmp_path / "报告.fzbg"
    assert main(["new", str(project)]) == 0
    backup = tmp_path / "报告.fzbg.bak"
    backup.write_bytes(project.read_bytes())
    project.write_text("{ broken", encoding="utf-8")
    capsys.readouterr()
    assert main(["check", str(project)]) == 1
    err = capsys.readouterr().err
    assert str(backup) in err and ("cp " in err or "copy " in err)
    assert "请打开备份" not in err  # window wording: there is no Open dialog in a terminal


# A subcommand's run builds only that subcommand's parser (start-up time): what it parses, prints and refuses
# must be what the full parser does. Each case: a command line handed to the subcommand's parser.
_PARSER_CASES = [
    ["templates"], ["templates", "extra"], ["templates", "-h"],
    ["new", "n.fzbg"], ["new", "-t", "sample-dongguan-2022", "n", "--force"], ["new"], ["new", "--template"],
    ["export", "a.fzbg", "b.fzbg", "--out-dir", "d", "--format", "pdf", "--edition", "formal"],
    ["export", "a.fzbg", "-o", "a.docx"], ["export"], ["export", "a.fzbg", "--format", "odt"],
    ["export", "a.fzbg", "--bogus"], ["export", "a.fzbg", "--version"], ["export", "-o"], ["export", "--help"],
    ["check", "a.fzbg", "--json", "--terms", "t.txt"], ["check"], ["check", "a", "b"], ["check", "--terms"],
    ["import", "a.docx", "-o", "b.fzbg", "--keep-punctuation", "--no-metrics", "--force"], ["import", "a.txt"],
    ["import", "a", "-o", "b", "--keep"], ["rollover", "a.fzbg", "-o", "b.fzbg"], ["rollover", "a"],
    ["merge", "a", "b", "c", "-o", "m", "--prefer", "main", "--resolve", "k=main", "--resolve", "j=b"],
    ["merge", "a"], ["merge", "a", "b", "-o", "c", "--resolve"], ["merge", "-h"],
]


def _outcome(parser, argv, capsys):
    from editor.cli import UsageError

    try:
        result = ("parsed", vars(parser.parse_args(argv)))
    except UsageError as e:
        result = ("usage error", str(e))
    except SystemExit as e:
        result = ("exit", e.code)
    return result, capsys.readouterr()


@pytest.mark.parametrize("argv", _PARSER_CASES, ids=" ".join)
def test_a_subcommands_own_parser_behaves_as_the_full_one(argv, capsys):
    from editor.cli import build_parser

    full = _outcome(build_parser(), argv, capsys)
    own = _outcome(build_parser(argv[0]), argv, capsys)
    assert own == full
    if argv[-1] in ("-h", "--help"):
        assert own[1].out.startswith("用法：report-editor " + argv[0])
