"""Find and replace over the rendered text of the report; tokens are never broken."""

from __future__ import annotations

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from editor.model import FieldRef, Item, Metric, Report, Section, change_token, iter_text_fields, metric_token
from editor.model.tokens import TOKEN_RE, render_text
from editor.templates import load_template
from editor.ui.document import ReportDocument
from editor.ui.find_replace import FindReplaceDialog, find_matches, replace_all


def type_into(widget, text: str) -> None:
    widget.clear()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def make_doc():
    cases = Metric(label="收办行政复议申请", value="2041", unit="件", last_value="1240")
    report = Report(organisations=["测试局"], preamble=["全年工作。行政复议工作稳步推进。"], sections=[
        Section(heading="行政复议工作", items=[
            Item(lead="做好行政复议。", body=[f"收办行政复议申请{metric_token(cases.id)}，{change_token(cases.id)}，"
                                              f"行政复议案件2041件以外的其他事项。"]),
        ]),
    ], metrics=[cases])
    return ReportDocument(report), cases


def dialog_for(qtbot, doc) -> FindReplaceDialog:
    d = FindReplaceDialog(doc)
    qtbot.addWidget(d)
    d.show()
    return d


def test_find_matches_rendered_text_and_marks_token_matches():
    doc, cases = make_doc()
    hits = find_matches(doc.report, "2041件")
    # One inside the metric value (not replaceable), one in plain text (replaceable).
    assert [h.replaceable for h in hits] == [False, True]
    assert all(h.text[h.start:h.end] == "2041件" for h in hits)
    assert len(find_matches(doc.report, "行政复议")) == 5
    assert find_matches(doc.report, "同比增长64.6%")[0].replaceable is False
    assert find_matches(doc.report, "{{m:") == []  # the raw token is not text the user sees


def test_find_next_previous_wraps_and_emits_goto(qtbot):
    doc, cases = make_doc()
    d = dialog_for(qtbot, doc)
    type_into(d.find_edit, "行政复议")
    refs = []
    d.gotoRequested.connect(refs.append)
    for _ in range(5):
        d.find_next()
    assert refs == [FieldRef("report", "preamble", 0), FieldRef(doc.report.sections[0].id, "heading"),
                    FieldRef(doc.report.sections[0].items[0].id, "lead"),
                    FieldRef(doc.report.sections[0].items[0].id, "body", 0),
                    FieldRef(doc.report.sections[0].items[0].id, "body", 0)]
    assert "5" in d.status.text()
    d.find_next()  # wraps to the first
    assert refs[-1] == FieldRef("report", "preamble", 0)
    d.find_previous()  # wraps to the last
    assert refs[-1] == FieldRef(doc.report.sections[0].items[0].id, "body", 0)
    type_into(d.find_edit, "不存在的词")
    assert d.find_next() is None and "不存在的词" in d.status.text()


def test_match_case(qtbot):
    report = Report(preamble=["Word 文件和 word 文件。"])
    doc = ReportDocument(report)
    assert len(find_matches(report, "word")) == 2
    assert len(find_matches(report, "word", match_case=True)) == 1
    d = dialog_for(qtbot, doc)
    d.find_edit.setText("word")
    d.replace_edit.setText("WPS")
    d.case_box.setChecked(True)
    assert d.replace_all() == 1
    assert report.preamble[0] == "Word 文件和 WPS 文件。"


def test_replace_one_skips_token_and_keeps_tokens_intact(qtbot):
    doc, cases = make_doc()
    body_ref = FieldRef(doc.report.sections[0].items[0].id, "body", 0)
    d = dialog_for(qtbot, doc)
    d.find_edit.setText("2041件")
    d.replace_edit.setText("两千余件")
    first = d.find_next()
    assert not first.replaceable
    assert not d.replace()  # refuses: inside a metric value
    assert doc.get(body_ref).count(metric_token(cases.id)) == 1
    d.find_next()
    assert d.current_match().replaceable
    assert d.replace()
    text = doc.get(body_ref)
    assert metric_token(cases.id) in text and change_token(cases.id) in text
    assert "行政复议案件两千余件以外" in text
    doc.undo_stack.undo()
    assert "行政复议案件2041件以外" in doc.get(body_ref)


def test_replace_all_is_one_undo_step_and_never_breaks_tokens(qtbot):
    doc = ReportDocument(load_template("sample-dongguan-2022"))
    before = {ref: text for ref, text in iter_text_fields(doc.report)}
    tokens_before = sorted(m.group(0) for t in before.values() for m in TOKEN_RE.finditer(t))
    rendered_count = sum(render_text(t, doc.report.metrics).count("件") for t in before.values())
    d = dialog_for(qtbot, doc)
    d.find_edit.setText("件")
    d.replace_edit.setText("宗")
    depth = doc.undo_stack.count()
    count = d.replace_all()
    hits = find_matches(doc.report, "件")
    assert count > 0 and len(hits) == rendered_count - count  # what is left is inside figures
    assert all(not h.replaceable for h in hits)
    after = {ref: text for ref, text in iter_text_fields(doc.report)}
    assert sorted(m.group(0) for t in after.values() for m in TOKEN_RE.finditer(t)) == tokens_before
    assert doc.undo_stack.count() == depth + 1
    if hits:  # the status says how many were left inside figures
        assert str(len(hits)) in d.status.text()
    doc.undo_stack.undo()
    assert {ref: text for ref, text in iter_text_fields(doc.report)} == before


def test_replace_all_function_with_token_adjacent_text():
    doc, cases = make_doc()
    # "件，同比" spans the end of the value token and plain text: must be skipped.
    count, skipped = replace_all(doc, "件，同", "X")
    assert (count, skipped) == (0, 1)
    count, skipped = replace_all(doc, "，", "、")
    body = doc.get(FieldRef(doc.report.sections[0].items[0].id, "body", 0))
    assert count == 2 and skipped == 0
    assert body.startswith(f"收办行政复议申请{metric_token(cases.id)}、{change_token(cases.id)}、")
