"""The sample project is clean; the command line reports findings; a half-width copy is flagged."""

from __future__ import annotations

import json

from editor.checks import fix_all, run_checks
from editor.cli import main
from editor.model import set_field
from editor.storage import write_project
from editor.templates import load_template


def test_sample_has_no_errors_and_no_false_warnings():
    report = load_template("sample-dongguan-2022")
    findings = run_checks(report)
    assert [f for f in findings if f.severity == "error"] == []
    # Every warning left is a real mistake of the published text: wrong characters in fixed terms
    # (减征便民 for 减证便民, 严格规范公证文明执法 for 公正, the heading's 法律公共服务 for 公共法律服务) and
    # 第一节法治文化节 for 第一届. "其他需要报告的情况" is only a reminder (info).
    warnings = sorted((f.code, f.where, f.excerpt) for f in findings if f.severity == "warning")
    assert warnings == [("word.ordinal_jie", "一、（二）正文第1段", "第一节"),
                        ("word.term", "五、标题", "法律公共服务"),
                        ("word.term", "五、（四）正文第1段", "减征便民"),
                        ("word.term", "第7部分（未编号）（一）正文第1段", "严格规范公证文明执法")]
    assert "content.other_reminder" in {f.code for f in findings if f.severity == "info"}
    assert all(f.where for f in findings)


def test_check_command_exits_0_on_sample(tmp_path, capsys):
    path = tmp_path / "sample.fzbg"
    write_project(path, load_template("sample-dongguan-2022"), backup=False)
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    assert "共 0 个错误" in out
    assert main(["check", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {d["severity"] for d in data} <= {"warning", "info"}
    assert all(set(d) >= {"code", "severity", "message", "ref", "where"} for d in data)


def _halfwidth_copy():
    report = load_template("sample-dongguan-2022")
    table = str.maketrans({"，": ",", "：": ":", "（": "(", "）": ")", "；": ";"})
    for ref, text in list(report.text_fields()):
        if text:
            set_field(report, ref, text.translate(table))
    return report


def test_halfwidth_copy_flagged_and_check_exits_1(tmp_path, capsys):
    report = _halfwidth_copy()
    path = tmp_path / "web-copy.fzbg"
    write_project(path, report, backup=False)
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert "半角" in out and "一、（一）正文第1段" in out
    errors = [f for f in run_checks(report) if f.severity == "error"]
    assert errors and all(f.code == "punct.halfwidth" for f in errors)


def test_fix_all_restores_the_sample():
    report = _halfwidth_copy()
    fix_all(report)
    sample = load_template("sample-dongguan-2022")
    # fix all also corrects the published text's one certain wrong term (a listed wrong form); the
    # suspected homophones (减征便民, 公证, 第一节) are left for the user to confirm one by one
    assert sample.sections[4].heading == "优化法律公共服务供给，推动提升法治化营商环境"
    sample.sections[4].heading = "优化公共法律服务供给，推动提升法治化营商环境"
    assert report == sample
