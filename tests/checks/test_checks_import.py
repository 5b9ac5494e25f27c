"""The seed (Dongguan 2022 web copy) imported: half-width punctuation is flagged when kept, the
numbering gap found at import is shown as a finding with a location; no false alarms otherwise."""

from __future__ import annotations

from pathlib import Path

from editor.checks import from_import, run_checks
from editor.importing import import_file

SEED_COPY = Path(__file__).resolve().parents[1] / "data" / "seed-dongguan-2022.txt"


def test_seed_kept_punctuation_flagged_as_banjiao():
    result = import_file(SEED_COPY, keep_punctuation=True)
    errors = [f for f in run_checks(result.report) if f.severity == "error"]
    assert len(errors) >= 20
    assert all(f.code == "punct.halfwidth" and "半角" in f.message for f in errors)


def test_seed_imported_normally_has_no_errors():
    result = import_file(SEED_COPY)
    findings = run_checks(result.report)
    assert [f for f in findings if f.severity == "error"] == []
    # The warnings left are the published text's own mistakes (减征便民, 公证文明执法, 法律公共服务,
    # 第一节…文化节) and what the import found and kept (the source's numbering gap, the unnumbered part it
    # guessed) until the user dismisses it; the kinds the report has without tags (第一责任人 in 二、（二）)
    # are not reported missing, 其他 is only a reminder.
    warnings = [(f.code, f.excerpt) for f in findings if f.severity == "warning"]
    word = sorted(w for w in warnings if w[0].startswith("word."))
    assert word == [("word.ordinal_jie", "第一节"), ("word.term", "严格规范公证文明执法"),
                    ("word.term", "减征便民"), ("word.term", "法律公共服务")]
    assert {code for code, _ in warnings} - {"word.ordinal_jie", "word.term"} <= {"import.numbering", "import.unsure"}


def test_import_numbering_gap_shown_with_location():
    result = import_file(SEED_COPY)
    shown = from_import(result.report, result.findings)
    gaps = [f for f in shown if f.code == "import.numbering-skip"]
    assert len(gaps) == 1
    gap = gaps[0]
    assert gap.severity == "warning" and "（三）" in gap.message
    assert gap.where.startswith("五、") and gap.ref is not None and gap.ref.field == "lead"
