"""MetricsPanel, MetricTable and the metric picker, driven through their real widgets."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from editor.model import FieldRef, Item, Metric, Report, Section, change_token, metric_token, render_text
from editor.templates import load_template
from editor.ui.document import ReportDocument
from editor.ui.metric_picker import MetricPickerDialog, pick_metric
from editor.ui.metrics_panel import COL, INVALID_BG, MetricsPanel, MetricTable, metric_usage
from editor.ui.preview import PreviewWidget


def small_doc() -> tuple[ReportDocument, Metric, Metric, Metric]:
    cases = Metric(label="收办行政复议申请", value="2041", unit="件", last_value="1240")
    rate = Metric(label="出庭率", value="75.46", unit="%", last_value="70.00", is_rate=True)
    unused = Metric(label="未使用的指标", value="3", unit="项")
    s1 = Section(heading="行政复议", items=[
        Item(lead="办案。", body=[f"收办行政复议申请{metric_token(cases.id)}，{change_token(cases.id)}。"]),
        Item(lead="出庭。", body=[f"出庭率{metric_token(rate.id)}。"]),
    ])
    s2 = Section(heading="其他", intro=[f"全年共{metric_token(cases.id)}。"])
    report = Report(organisations=["测试局"], sections=[s1, s2], metrics=[cases, rate, unused])
    return ReportDocument(report), cases, rate, unused


def type_text(qtbot, widget, text: str) -> None:
    """Type text as a user does: ASCII key by key, Chinese committed by the input method."""
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def edit_cell(qtbot, view, index, text: str) -> None:
    """Type into a cell the way a user does: open the editor, type, press Enter."""
    view.setCurrentIndex(index)
    view.edit(index)
    editors = [w for w in view.viewport().findChildren(QLineEdit) if w.isVisible()]
    assert len(editors) == 1
    editor = editors[0]
    editor.selectAll()
    type_text(qtbot, editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits the editor's data through a queued call


@pytest.fixture
def panel(qtbot):
    doc, cases, rate, unused = small_doc()
    p = MetricsPanel(doc)
    qtbot.addWidget(p)
    p.resize(900, 500)
    p.show()
    qtbot.waitExposed(p)
    return p, doc, cases, rate, unused


def test_lists_all_metrics_with_change_and_usage(panel):
    p, doc, cases, rate, unused = panel
    proxy = p.proxy
    assert proxy.rowCount() == 3
    row = {proxy.index(r, 0).data(Qt.ItemDataRole.UserRole): r for r in range(3)}
    assert proxy.index(row[cases.id], COL["change"]).data() == "同比增长64.6%"
    assert proxy.index(row[rate.id], COL["change"]).data() == "同比增长5.46个百分点"
    assert proxy.index(row[cases.id], COL["used"]).data() == "3"  # value and change in a body, an intro
    assert proxy.index(row[unused.id], COL["used"]).data() == ""
    usage = metric_usage(doc.report)
    assert usage[cases.id] == [FieldRef(doc.report.sections[0].items[0].id, "body", 0),
                               FieldRef(doc.report.sections[1].id, "intro", 0)]


def test_filter(panel, qtbot):
    p, doc, cases, rate, unused = panel
    type_text(qtbot, p.filter_edit, "出庭")
    assert p.proxy.rowCount() == 1
    assert p.proxy.index(0, 0).data(Qt.ItemDataRole.UserRole) == rate.id
    p.filter_edit.clear()
    assert p.proxy.rowCount() == 3


def test_edit_value_updates_every_sentence_and_preview_and_undo(panel, qtbot):
    p, doc, cases, rate, unused = panel
    preview = PreviewWidget(doc)
    qtbot.addWidget(preview)
    edit_cell(qtbot, p.view, p.source_index(cases.id, "value"), "2100")
    assert doc.report.metric(cases.id).value == "2100"
    texts = [render_text(t, doc.report.metrics) for t in
             (doc.report.sections[0].items[0].body[0], doc.report.sections[1].intro[0])]
    assert "2100件" in texts[0] and "同比增长69.4%" in texts[0] and "2100件" in texts[1]
    with qtbot.waitSignal(preview.refreshed, timeout=2000):
        pass
    shown = "".join(b.text for b in preview.blocks())
    assert shown.count("2100件") == 2 and "2041件" not in shown
    assert p.source_index(cases.id, "change").data() == "同比增长69.4%"
    doc.undo_stack.undo()
    assert doc.report.metric(cases.id).value == "2041"
    assert p.source_index(cases.id, "value").data() == "2041"


@pytest.mark.parametrize("typed", ["两千", "12.3.4", "-5", "1,200"])
def test_invalid_value_is_marked_kept_and_not_written(panel, qtbot, typed):
    p, doc, cases, rate, unused = panel
    depth = doc.undo_stack.count()
    edit_cell(qtbot, p.view, p.source_index(cases.id, "value"), typed)
    index = p.source_index(cases.id, "value")
    assert doc.report.metric(cases.id).value == "2041"  # the model keeps its last valid value
    assert doc.undo_stack.count() == depth
    assert index.data() == typed  # the typed text stays in the field
    assert index.data(Qt.ItemDataRole.BackgroundRole).color() == INVALID_BG
    from editor.model import value_error
    assert index.data(Qt.ItemDataRole.ToolTipRole) == value_error(typed)
    assert p.message.isVisible() and p.message.text() == value_error(typed)
    # Correcting it writes the value and clears the mark.
    edit_cell(qtbot, p.view, index, "2050")
    assert doc.report.metric(cases.id).value == "2050"
    assert p.source_index(cases.id, "value").data(Qt.ItemDataRole.BackgroundRole) is None
    assert not p.message.isVisible()


def test_choice_and_rate_columns(panel, qtbot):
    p, doc, cases, rate, unused = panel
    model = p.model
    row = model.row_of(cases.id)
    assert model.setData(model.index(row, COL["scale"]), "万")
    assert model.setData(model.index(row, COL["qualifier"]), "近")
    assert not model.setData(model.index(row, COL["qualifier"]), "大约")  # not a known qualifier
    assert render_text(metric_token(cases.id), doc.report.metrics) == "近2041万件"
    assert model.setData(model.index(row, COL["is_rate"]), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert doc.report.metric(cases.id).is_rate
    assert model.index(row, COL["change"]).data() == "同比增长801个百分点"
    for _ in range(3):
        doc.undo_stack.undo()
    assert doc.report.metric(cases.id).scale == "" and doc.report.metric(cases.id).qualifier == ""
    assert not doc.report.metric(cases.id).is_rate


def test_add_and_delete_metrics(panel, qtbot, monkeypatch):
    p, doc, cases, rate, unused = panel
    new_id = p.add_metric()
    assert doc.report.metric(new_id) is not None and p.current_metric_id() == new_id
    assert p.proxy.rowCount() == 4
    # Deleting an unused metric does not ask.
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.No)
    p.select_metric(unused.id)
    assert p.delete_selected()
    assert not asked and doc.report.metric(unused.id) is None
    # Deleting a used metric asks; "No" keeps it, "Yes" deletes it.
    p.select_metric(cases.id)
    assert not p.delete_selected()
    assert len(asked) == 1 and doc.report.metric(cases.id) is not None
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    p.select_metric(cases.id)
    assert p.delete_selected()
    assert doc.report.metric(cases.id) is None
    doc.undo_stack.undo()
    assert doc.report.metric(cases.id) is not None and p.proxy.rowCount() == 3


def test_places_list_and_goto(panel, qtbot):
    p, doc, cases, rate, unused = panel
    p.select_metric(cases.id)
    assert p.places.count() == 2
    first = p.places.item(0)
    assert "收办行政复议申请2041件" in first.text()
    with qtbot.waitSignal(p.gotoRequested, timeout=1000) as blocker:
        p.places.itemActivated.emit(first)
    assert blocker.args[0] == FieldRef(doc.report.sections[0].items[0].id, "body", 0)


def test_usage_follows_text_edits(panel, qtbot):
    p, doc, cases, rate, unused = panel
    item = doc.report.sections[0].items[1]
    doc.set_field(FieldRef(item.id, "body", 0), item.body[0] + metric_token(unused.id))
    qtbot.waitUntil(lambda: p.source_index(unused.id, "used").data() == "1", timeout=2000)


def test_metric_table_shows_the_parts_metrics(qtbot):
    doc, cases, rate, unused = small_doc()
    section = doc.report.sections[0]

    def ids():
        from editor.model import used_metric_ids
        out = []
        for item in section.items:
            for text in [item.lead, *item.body]:
                out += used_metric_ids(text)
        return out

    table = MetricTable(doc, ids)
    qtbot.addWidget(table)
    table.show()
    assert [table.model.metric(r).id for r in range(table.model.rowCount())] == [cases.id, rate.id]
    # A new token in the section's text adds the metric to its table.
    item = section.items[0]
    doc.set_field(FieldRef(item.id, "body", 0), item.body[0] + metric_token(unused.id))
    qtbot.waitUntil(lambda: table.model.rowCount() == 3, timeout=2000)
    # Invalid input in the table: marked, not written.
    index = table.model.index(table.model.row_of(rate.id), COL["last_value"])
    edit_cell(qtbot, table.view, index, "七十")
    assert doc.report.metric(rate.id).last_value == "70.00"
    assert table.model.index(index.row(), COL["last_value"]).data(Qt.ItemDataRole.BackgroundRole).color() == INVALID_BG
    assert "阿拉伯数字" in table.message.text()
    # Undo of an earlier edit from elsewhere refreshes the table.
    edit_cell(qtbot, table.view, table.model.index(table.model.row_of(rate.id), COL["value"]), "80")
    assert table.model.index(table.model.row_of(rate.id), COL["change"]).data() == "同比增长10个百分点"
    doc.undo_stack.undo()
    assert table.model.index(table.model.row_of(rate.id), COL["value"]).data() == "75.46"


def test_picker_filters_and_returns_choice(qtbot):
    doc, cases, rate, unused = small_doc()
    dialog = MetricPickerDialog(doc)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.proxy.rowCount() == 3
    type_text(qtbot, dialog.filter_edit, "出庭")
    assert dialog.proxy.rowCount() == 1
    assert dialog.selected() == (rate.id, False)
    dialog.change_box.setChecked(True)
    assert dialog.selected() == (rate.id, True)
    type_text(qtbot, dialog.filter_edit, "不存在")
    assert dialog.selected() is None and not dialog.ok_button.isEnabled()


def test_pick_metric_function(qtbot):
    doc, cases, rate, unused = small_doc()

    def answer():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, MetricPickerDialog)
        type_text(qtbot, dialog.filter_edit, "未使用")
        qtbot.keyClick(dialog.filter_edit, Qt.Key.Key_Return)

    QTimer.singleShot(100, answer)
    assert pick_metric(doc) == (unused.id, False)

    def cancel():
        dialog = QApplication.activeModalWidget()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    QTimer.singleShot(100, cancel)
    assert pick_metric(doc) is None


def test_panel_on_the_sample(qtbot):
    doc = ReportDocument(load_template("sample-dongguan-2022"))
    p = MetricsPanel(doc)
    qtbot.addWidget(p)
    assert p.proxy.rowCount() == len(doc.report.metrics) > 0
    from editor.model.tokens import used_metric_ids
    from editor.model import iter_text_fields

    uses = [mid for _ref, text in iter_text_fields(doc.report) for mid in used_metric_ids(text or "")]
    for r in range(p.proxy.rowCount()):
        mid = p.proxy.index(r, 0).data(Qt.ItemDataRole.UserRole)
        n = uses.count(mid)  # uses, not paragraphs (issue 12)
        assert p.proxy.index(r, COL["used"]).data() == (str(n) if n else "")
