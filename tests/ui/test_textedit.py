"""TokenTextEdit: chips for metric tokens, typing as undoable edits, make metric, picker, paste."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QMessageBox

from editor.model import FieldRef, Item, Metric, Report, Section, metric_token, render_text
from editor.model.tokens import change_token
from editor.ui.commands import AddMetricCommand
from editor.ui.document import ReportDocument
from uihelpers_a import type_text
from editor.ui.textedit import OBJ, SOURCE_MIME, TokenTextEdit, chip_text, guess_label, parse_figure


@pytest.fixture
def doc():
    m = Metric(id="m-cases", label="行政复议案件", value="2041", unit="件", last_value="1240")
    item = Item(id="i-1", lead="依法化解纠纷。", body=[f"全年办理案件{metric_token('m-cases')}，{change_token('m-cases')}。",
                                                   "第二段。"])
    report = Report(organisations=["某市司法局"], sections=[Section(id="s-1", heading="主要举措", items=[item])],
                    metrics=[m])
    return ReportDocument(report)


def make(qtbot, doc, ref, **kw) -> TokenTextEdit:
    edit = TokenTextEdit(doc, ref, **kw)
    qtbot.addWidget(edit)
    edit.resize(600, 200)
    edit.show()
    return edit


def test_tokens_are_single_chip_characters(qtbot, doc):
    edit = make(qtbot, doc, FieldRef("i-1", "body"))
    assert edit.source() == "\n".join(doc.report.sections[0].items[0].body)
    first = edit.document().firstBlock().text()
    assert first.count(OBJ) == 2 and "{{" not in first
    assert chip_text(doc.report, metric_token("m-cases")) == ("2041件", True)
    assert chip_text(doc.report, change_token("m-cases")) == ("同比增长64.6%", True)
    assert chip_text(doc.report, metric_token("m-none"))[1] is False
    # The cursor steps over a chip in one move: the chip is atomic.
    cursor = edit.textCursor()
    cursor.setPosition(len("全年办理案件"))
    cursor.movePosition(QTextCursor.MoveOperation.Right, QTextCursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == OBJ
    assert edit.source_range(cursor.selectionStart(), cursor.selectionEnd()) == metric_token("m-cases")


def test_typing_pushes_one_merged_undo_step_and_undo_updates_editor(qtbot, doc):
    edit = make(qtbot, doc, FieldRef("i-1", "body"))
    item = doc.report.sections[0].items[0]
    before = list(item.body)
    edit.setFocus()
    edit.moveCursor(QTextCursor.MoveOperation.End)
    type_text(edit, "补充")
    assert item.body[1] == "第二段。补充"
    assert item.body[0] == before[0]  # tokens survive editing another paragraph
    assert doc.undo_stack.count() == 1
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    type_text(edit, "第三段")
    assert item.body[2] == "第三段"
    assert doc.undo_stack.count() == 3  # typing, the new paragraph, typing
    for _ in range(3):
        doc.undo_stack.undo()
    assert item.body == before
    assert edit.source() == "\n".join(before)
    doc.undo_stack.redo()
    doc.undo_stack.redo()
    assert edit.document().blockCount() == 3 and edit.source().endswith("第二段。补充\n")


def test_ctrl_z_in_editor_uses_report_undo(qtbot, doc):
    edit = make(qtbot, doc, FieldRef("i-1", "lead"), multiline=False)
    edit.setFocus()
    edit.moveCursor(QTextCursor.MoveOperation.End)
    type_text(edit, "甲")
    assert doc.report.sections[0].items[0].lead == "依法化解纠纷。甲"
    qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert doc.report.sections[0].items[0].lead == "依法化解纠纷。"
    assert edit.source() == "依法化解纠纷。"
    qtbot.keyClick(edit, Qt.Key.Key_Return)  # single-line field: Enter adds no line break
    assert "\n" not in edit.source()


def test_external_change_keeps_cursor_and_metric_change_repaints(qtbot, doc):
    edit = make(qtbot, doc, FieldRef("i-1", "lead"), multiline=False)
    cursor = edit.textCursor()
    cursor.setPosition(2)
    edit.setTextCursor(cursor)
    doc.set_field(FieldRef("i-1", "lead"), "依法化解矛盾纠纷。", merge=False)
    assert edit.source() == "依法化解矛盾纠纷。" and edit.textCursor().position() == 2
    body = make(qtbot, doc, FieldRef("i-1", "body"))
    doc.set_field(FieldRef("m-cases", "value"), "3000", merge=False)
    assert chip_text(doc.report, metric_token("m-cases"))[0] == "3000件"
    assert body.source().startswith("全年办理案件{{m:m-cases}}")


def test_typing_after_a_chip_is_plain_text(qtbot, doc):
    edit = make(qtbot, doc, FieldRef("i-1", "body"))
    cursor = edit.textCursor()
    cursor.setPosition(len("全年办理案件") + 1)  # just after the chip
    edit.setTextCursor(cursor)
    edit.setFocus()
    type_text(edit, "共")
    assert doc.report.sections[0].items[0].body[0].startswith("全年办理案件{{m:m-cases}}共，")


def test_insert_token_is_its_own_undo_step(qtbot, doc):
    edit = make(qtbot, doc, FieldRef("i-1", "lead"), multiline=False)
    edit.setFocus()
    edit.moveCursor(QTextCursor.MoveOperation.End)
    type_text(edit, "共")
    edit.insert_token("m-cases")
    assert doc.report.sections[0].items[0].lead == "依法化解纠纷。共{{m:m-cases}}"
    assert doc.undo_stack.count() == 2
    type_text(edit, "。")
    assert doc.report.sections[0].items[0].lead.endswith("{{m:m-cases}}。")
    assert render_text(doc.report.sections[0].items[0].lead, doc.report.metrics) == "依法化解纠纷。共2041件。"


@pytest.mark.parametrize("text,expected", [
    ("2041件", ("2041", "", "件", "")),
    ("近5.9万宗", ("5.9", "万", "宗", "近")),
    ("1100余人次", ("1100", "", "人次", "余")),
    ("75.46%", ("75.46", "", "%", "")),
    ("13,626宗", ("13626", "", "宗", "")),
    ("300家以上", ("300", "", "家", "以上")),
])
def test_parse_figure(text, expected):
    f = parse_figure(text)
    assert (f["value"], f["scale"], f["unit"], f["qualifier"]) == expected


@pytest.mark.parametrize("text", ["两千件", "abc", "12.3.4件", "", "件2041"])
def test_parse_figure_rejects(text):
    assert parse_figure(text) is None


def test_guess_label():
    assert guess_label("全年，办理行政复议案件") == "办理行政复议案件"
    assert guess_label("受理案件共") == "受理案件"


def test_make_metric_from_selection_is_one_undo_step(qtbot, doc):
    doc.set_field(FieldRef("i-1", "body"), ["全年新收行政诉讼案件近5.9万宗，审结2041件。"], merge=False)
    doc.undo_stack.clear()
    edit = make(qtbot, doc, FieldRef("i-1", "body"))
    text = edit.document().firstBlock().text()
    start = text.index("近5.9万宗")
    cursor = edit.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len("近5.9万宗"), QTextCursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)
    # the 设为指标 dialog proposes the name and the parsed figure; OK takes them
    QTimer.singleShot(0, lambda: QApplication.activeModalWidget().accept())
    metric_id = edit.make_metric_from_selection()
    m = doc.report.metric(metric_id)
    assert (m.value, m.scale, m.unit, m.qualifier, m.label) == ("5.9", "万", "宗", "近", "全年新收行政诉讼案件")
    body = doc.report.sections[0].items[0].body
    assert body == [f"全年新收行政诉讼案件{metric_token(metric_id)}，审结2041件。"]
    assert render_text(body[0], doc.report.metrics) == "全年新收行政诉讼案件近5.9万宗，审结2041件。"
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert doc.report.metric(metric_id) is None
    assert edit.source() == "全年新收行政诉讼案件近5.9万宗，审结2041件。"


def test_make_metric_refuses_non_figure(qtbot, doc, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: shown.append(a[2]))
    edit = make(qtbot, doc, FieldRef("i-1", "lead"), multiline=False)
    cursor = edit.textCursor()
    cursor.setPosition(0)
    cursor.setPosition(2, QTextCursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)
    assert edit.make_metric_from_selection() is None
    assert shown and doc.undo_stack.count() == 0


def test_ctrl_m_opens_picker_and_inserts(qtbot, doc, monkeypatch):
    import editor.ui.metric_picker as mp

    calls = []

    def pick(d, parent=None):
        calls.append(d)
        return ("m-cases", True)

    monkeypatch.setattr(mp, "pick_metric", pick)
    edit = make(qtbot, doc, FieldRef("i-1", "lead"), multiline=False)
    edit.setFocus()
    edit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(edit, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert calls == [doc]
    assert doc.report.sections[0].items[0].lead.endswith(change_token("m-cases"))


def test_copy_keeps_tokens_and_paste_of_plain_text(qtbot, doc):
    edit = make(qtbot, doc, FieldRef("i-1", "body"))
    cursor = edit.textCursor()
    cursor.setPosition(0)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)
    data = edit.createMimeDataFromSelection()
    assert data.text() == "全年办理案件2041件，同比增长64.6%。"
    assert bytes(data.data(SOURCE_MIME)).decode() == doc.report.sections[0].items[0].body[0]
    lead = make(qtbot, doc, FieldRef("i-1", "lead"), multiline=False)
    lead.moveCursor(QTextCursor.MoveOperation.End)
    lead.insertFromMimeData(data)
    assert doc.report.sections[0].items[0].lead == "依法化解纠纷。" + doc.report.sections[0].items[0].body[0]
    plain = QMimeData()
    plain.setText("一\n二")
    lead.insertFromMimeData(plain)
    assert doc.report.sections[0].items[0].lead.endswith("一二")


def test_new_metric_added_elsewhere_shows_in_chip(qtbot, doc):
    doc.set_field(FieldRef("i-1", "lead"), "共{{m:m-new}}。", merge=False)
    edit = make(qtbot, doc, FieldRef("i-1", "lead"), multiline=False)
    assert chip_text(doc.report, "{{m:m-new}}")[1] is False
    doc.push(AddMetricCommand(doc, Metric(id="m-new", label="新", value="5", unit="家")))
    assert chip_text(doc.report, "{{m:m-new}}") == ("5家", True)
    assert edit.source() == "共{{m:m-new}}。"
