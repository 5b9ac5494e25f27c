"""``run_checks(severities={"error"})`` — what ``export`` runs before writing — skips the rules that cannot
report an error and returns exactly the errors of a full run; a rule reporting a severity it did not declare
is refused (so a wrong declaration cannot silently hide an error from ``export``)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from editor.checks import RULES, Finding, Rule, run_checks
from editor.cli import main
from editor.storage import write_project
from editor.templates import load_template

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import eval_proofreading as ev  # noqa: E402


def _key(f):
    return (f.code, f.severity, f.message, str(f.ref), f.where, f.span, f.excerpt)


def _same_errors(report) -> int:
    full = [_key(f) for f in run_checks(report) if f.severity == "error"]
    only = [_key(f) for f in run_checks(report, severities={"error"})]
    assert only == full
    return len(full)


def test_errors_only_equals_the_errors_of_a_full_run_on_every_evaluation_case():
    errors = 0
    cases = ev.load_cases(ev.EVAL_DIR / "mistakes.txt") + ev.load_cases(ev.EVAL_DIR / "holdout.txt")
    for case in cases:
        report = ev.base_report("s")
        _places, err = ev.apply(report, case.op)
        if not err:
            errors += _same_errors(report)
    assert errors > 50  # the cases really produce errors of many rules


def test_rules_that_cannot_report_errors_are_skipped():
    calls = []

    def probe(ctx):
        calls.append(1)
        yield from ()

    RULES.append(Rule("test-warning-only", probe, "测试", frozenset({"warning"})))
    try:
        run_checks(load_template("sample-dongguan-2022"), severities={"error"})
        assert calls == []
        run_checks(load_template("sample-dongguan-2022"))
        assert calls == [1]
    finally:
        RULES.remove(next(r for r in RULES if r.name == "test-warning-only"))


def test_a_rule_reporting_an_undeclared_severity_is_refused():
    def liar(ctx):
        yield Finding("test.liar", "error", "错误", None)

    RULES.append(Rule("test-liar", liar, "测试", frozenset({"warning"})))
    try:
        with pytest.raises(AssertionError, match="test.liar"):
            run_checks(load_template("sample-dongguan-2022"))
    finally:
        RULES.remove(next(r for r in RULES if r.name == "test-liar"))


def test_export_still_prints_the_errors(tmp_path, capsys):
    report = load_template("sample-dongguan-2022")
    report.preamble[0] = report.preamble[0] + "占位××。【待补充】"
    path = tmp_path / "p.fzbg"
    write_project(path, report, backup=False)
    assert main(["export", str(path), "-o", str(tmp_path / "p.docx")]) == 0
    err = capsys.readouterr().err
    expected = [f.message for f in run_checks(report) if f.severity == "error"]
    assert expected
    assert [ln.split("错误：", 1)[1] for ln in err.splitlines() if "：错误：" in ln] == expected
