"""The formal edition's required fields (issue 10): a warning naming each missing one."""

from __future__ import annotations

import datetime as dt

from editor.checks import run_checks
from editor.model import FormalInfo, Report


def _formal_findings(report):
    return [f for f in run_checks(report) if f.code == "formal.missing_field"]


def test_formal_edition_without_fields_warns_naming_each():
    found = _formal_findings(Report(edition="formal"))
    assert [f.ref.field for f in found] == ["formal.issuer_mark", "formal.doc_number", "formal.print_date"]
    assert all(f.severity == "warning" for f in found)
    for f, label in zip(found, ("发文机关标志", "发文字号", "印发日期"), strict=True):
        assert f"缺少“{label}”" in f.message and "请在报告信息中填写" in f.message


def test_complete_formal_edition_and_public_edition_do_not_warn():
    complete = Report(edition="formal", organisations=["东莞市司法局"],
                      formal=FormalInfo(doc_number="东司〔2023〕5号", print_date=dt.date(2023, 1, 28)))
    assert _formal_findings(complete) == []  # the mark is generated from the organisation
    assert _formal_findings(Report(edition="public")) == []
