"""The real main window, offscreen: forms, outline structure edits with undo/redo, metrics into the
preview and the exported Word file, menus and shortcuts, layout remembered."""

from __future__ import annotations

import docx
import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QKeySequence, QTextCursor
from PySide6.QtWidgets import QApplication, QDockWidget

from uihelpers_a import type_text
from editor.model import FieldRef, number_report
from editor.templates import load_template
from editor.ui.document import ReportDocument
from editor.ui.forms import ItemForm, ReportInfoForm, SectionForm
from editor.ui.outline import NODE_MIME


@pytest.fixture
def template_window(make_window):
    w = make_window(ReportDocument(load_template("fzzf-annual")))
    w.show()
    return w


def outline_labels(w) -> list[str]:
    model = w.outline.outline
    out = []

    def walk(parent, depth):
        for r in range(model.rowCount(parent)):
            idx = model.index(r, 0, parent)
            out.append("  " * depth + idx.data())
            walk(idx, depth + 1)

    from PySide6.QtCore import QModelIndex

    walk(QModelIndex(), 0)
    return out


def test_window_has_docks_menus_and_standard_shortcuts(template_window):
    w = template_window
    for name in ("outlineDock", "previewDock", "metricsDock", "problemsDock"):
        dock = w.findChild(QDockWidget, name)
        assert dock is not None and dock.widget() is not None
    assert w.act_undo.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    assert w.act_save.shortcut() == QKeySequence(QKeySequence.StandardKey.Save)
    assert w.act_open.shortcut() == QKeySequence(QKeySequence.StandardKey.Open)
    assert QKeySequence(QKeySequence.StandardKey.Redo) in w.act_redo.shortcuts()
    # every menu has an accelerator; every action of the window's own menus too
    for menu in (w.file_menu, w.edit_menu, w.report_menu, w.view_menu, w.help_menu):
        assert "&" in menu.title()
    for action in (w.act_new, w.act_open, w.act_save, w.act_export_docx, w.act_add_section, w.act_delete):
        assert "&" in action.text()
    assert isinstance(w.form_area.form, ReportInfoForm)
    from editor.ui.main_window import app_title

    # the program's name in the interface language (English here: these tests run untranslated)
    assert w.windowTitle().endswith(app_title()) and "[*]" in w.windowTitle()
    assert not w.isWindowModified()
    assert w.page_label.text().startswith(str(w.preview.page_count()))


def test_create_report_type_insert_metric_preview_and_docx(template_window, tmp_path, qtbot, monkeypatch):
    w = template_window
    doc = w.doc
    # report information
    form = w.show_node("report")
    type_text(form.editors["organisations"], "某市司法局")
    assert doc.report.organisations == ["某市司法局"]
    assert w.isWindowModified()
    # an item of the first section: lead and body typed into the form
    section = doc.report.sections[0]
    w.outline.select(section.id)
    assert isinstance(w.form_area.form, SectionForm)
    item_id = w.outline.add_item()
    form = w.form_area.form
    assert isinstance(form, ItemForm) and form.node_id == item_id
    type_text(form.lead, "全面推进依法行政。")
    type_text(form.body, "全年办理行政复议案件")
    # a metric: picker (Ctrl+M) chooses a metric made in the metrics panel; its value is typed there
    metric_id = w.metrics_panel.add_metric()
    import editor.ui.metric_picker as mp

    monkeypatch.setattr(mp, "pick_metric", lambda d, parent=None: (metric_id, False))
    form.body.setFocus()
    form.body.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(form.body, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    type_text(form.body, "。")
    doc.set_field(FieldRef(metric_id, "value"), "2041", merge=False)
    doc.set_field(FieldRef(metric_id, "unit"), "件", merge=False)
    item = doc.report.find_node(item_id)
    assert item.lead == "全面推进依法行政。"
    assert item.body == ["全年办理行政复议案件{{m:%s}}。" % metric_id]
    # preview
    w.preview.refresh_now()
    texts = [b.text for b in w.preview.blocks()]
    assert any("全面推进依法行政。全年办理行政复议案件2041件。" in t for t in texts)
    # outline shows the derived number and the lead
    number = number_report(doc.report)[item_id]
    assert any(label.strip() == f"{number}全面推进依法行政。" for label in outline_labels(w))
    # Word export through the window (progress dialog, message with the location)
    target = tmp_path / "报告.docx"
    assert w.export_docx(target) == target
    paragraphs = [p.text for p in docx.Document(str(target)).paragraphs]
    assert any("全面推进依法行政。全年办理行政复议案件2041件。" in p for p in paragraphs)
    assert any("某市司法局" in p for p in paragraphs)
    assert str(target) in w.export_message.text()  # a message that does not block, with 打开文件 etc.


def test_structure_edits_and_undo_redo_each(template_window):
    w = template_window
    doc = w.doc
    sections_before = [s.id for s in doc.report.sections]
    # add a section after the first
    w.outline.select(sections_before[0])
    new_section = w.outline.add_section()
    ids = [s.id for s in doc.report.sections]
    assert ids[1] == new_section and len(ids) == len(sections_before) + 1
    assert w.outline.current_id() == new_section
    assert "添加" in doc.undo_stack.undoText() or "section" in doc.undo_stack.undoText().lower()
    # items and a sub-item
    first = w.outline.add_item()
    second = w.outline.add_item()
    w.outline.select(first)
    sub = w.outline.add_sub_item()
    sec = doc.report.find_node(new_section)
    assert [i.id for i in sec.items] == [first, second]
    assert [c.id for c in sec.items[0].children] == [sub]
    assert number_report(doc.report)[sub] == "1."
    # move down, then undo / redo
    w.outline.select(first)
    assert w.outline.move_current(1)
    assert [i.id for i in sec.items] == [second, first]
    doc.undo_stack.undo()
    assert [i.id for i in sec.items] == [first, second]
    doc.undo_stack.redo()
    assert [i.id for i in sec.items] == [second, first]
    # move a section up
    w.outline.select(new_section)
    assert w.outline.move_current(-1)
    assert doc.report.sections[0].id == new_section
    doc.undo_stack.undo()
    assert doc.report.sections[1].id == new_section
    # delete the item with its sub-item; undo restores it with the child
    w.outline.select(first)
    assert w.outline.delete_current()
    assert [i.id for i in sec.items] == [second]
    assert doc.report.find_node(sub) is None
    doc.undo_stack.undo()
    assert [i.id for i in sec.items] == [second, first] and doc.report.find_node(sub) is not None
    doc.undo_stack.redo()
    assert doc.report.find_node(first) is None
    # the form followed the selection; undo everything back to the template
    while doc.undo_stack.canUndo():
        doc.undo_stack.undo()
    assert [s.id for s in doc.report.sections] == sections_before
    assert not w.isWindowModified()
    assert isinstance(w.form_area.form, ReportInfoForm) or w.form_area.node_id in sections_before


def test_drag_and_drop_in_outline_is_an_undoable_move(template_window):
    w = template_window
    doc = w.doc
    model = w.outline.outline
    s0, s1, s3 = doc.report.sections[0], doc.report.sections[1], doc.report.sections[3]
    first_item = s0.items[0].id

    def drag(node_id, row, parent_id):
        data = QMimeData()
        data.setData(NODE_MIME, node_id.encode())
        parent = model.index_of(parent_id) if parent_id else model.index(-1, 0)
        assert model.canDropMimeData(data, Qt.DropAction.MoveAction, row, 0, parent)
        model.dropMimeData(data, Qt.DropAction.MoveAction, row, 0, parent)

    # an item into another section (at the end)
    drag(first_item, -1, s3.id)
    assert s3.items[-1].id == first_item and first_item not in [i.id for i in s0.items]
    doc.undo_stack.undo()
    assert s0.items[0].id == first_item
    # an item onto another item: becomes its sub-item
    drag(first_item, -1, s0.items[1].id)
    assert s0.items[0].children[-1].id == first_item
    doc.undo_stack.undo()
    # a section to the end (root rows: report information, then the sections)
    drag(s0.id, model.rowCount(), None)
    assert doc.report.sections[-1].id == s0.id
    doc.undo_stack.undo()
    assert doc.report.sections[0].id == s0.id
    # not allowed: a section into a section, an item onto itself, anything before report information
    data = QMimeData()
    data.setData(NODE_MIME, s1.id.encode())
    assert not model.canDropMimeData(data, Qt.DropAction.MoveAction, -1, 0, model.index_of(s0.id))
    data.setData(NODE_MIME, s0.items[1].id.encode())
    assert not model.canDropMimeData(data, Qt.DropAction.MoveAction, -1, 0, model.index_of(s0.items[1].id))


def test_form_fields_are_undoable_and_follow_undo(template_window, qtbot):
    w = template_window
    doc = w.doc
    form = w.show_node("report")
    form.year.setValue(2024)
    assert doc.report.year == 2024
    assert form.title.placeholderText() == doc.report.generated_title
    form.edition.setCurrentIndex(form.edition.findData("formal"))
    assert doc.report.edition == "formal"
    assert all(wdg.isEnabled() for _l, wdg in form.formal_widgets)
    doc.undo_stack.undo()
    assert doc.report.edition == "public" and form.edition.currentData() == "public"
    assert not any(wdg.isEnabled() for _l, wdg in form.formal_widgets)
    doc.undo_stack.undo()
    assert doc.report.year == 2025 and form.year.value() == 2025
    # fonts: a font that is not installed is marked
    box = form.font_boxes["body"]
    box.setCurrentText("仿宋_GB2312")
    from editor.export.fonts import installed_font_families

    assert bool(form.font_marks["body"].text()) == ("仿宋_GB2312" not in installed_font_families())
    box.setCurrentText("Noto Serif CJK SC")
    assert doc.report.format.fonts["body"] == "Noto Serif CJK SC"
    box.setCurrentText("方正仿")  # typing a name not in the list: taken when editing finishes
    assert doc.report.format.fonts["body"] == "Noto Serif CJK SC"
    box.setCurrentText("方正仿宋_GBK")
    box.lineEdit().editingFinished.emit()
    assert doc.report.format.fonts["body"] == "方正仿宋_GBK" and form.font_marks["body"].text()
    # bold level 2 and page numbers
    form.findChild(type(form.font_boxes["body"]), "combo_format_page_numbers").setCurrentIndex(1)
    assert doc.report.format.page_numbers == "centred"
    # section form: heading and kinds
    section = doc.report.sections[0]
    sform = w.show_node(section.id)
    type_text(sform.heading, "（改）")
    assert section.heading.endswith("（改）")
    sform.kind_boxes[list(sform.kind_boxes)[-1]].setChecked(True)
    assert len(section.kinds) == 2
    doc.undo_stack.undo()
    assert len(section.kinds) == 1 and not sform.kind_boxes[list(sform.kind_boxes)[-1]].isChecked()


def test_edit_menu_shows_what_will_be_undone_and_preview_click_goes_to_field(template_window):
    w = template_window
    doc = w.doc
    w.outline.select(doc.report.sections[0].id)
    w.outline.add_item()
    assert doc.undo_stack.undoText() in w.act_undo.text()
    w.act_undo.trigger()
    assert doc.undo_stack.count() == 1 and doc.undo_stack.index() == 0
    w.act_redo.trigger()
    item = doc.report.sections[0].items[-1]
    w.go_to(FieldRef(item.id, "body", 0))
    assert isinstance(w.form_area.form, ItemForm) and w.form_area.form.node_id == item.id
    w.preview.blockActivated.emit(FieldRef(doc.report.sections[1].id, "heading"))
    assert w.form_area.form.node_id == doc.report.sections[1].id


def test_typing_does_not_rebuild_form_or_outline(template_window):
    w = template_window
    doc = w.doc
    item = doc.report.sections[0].items[0]
    w.outline.select(item.id)
    form = w.form_area.form
    resets = []
    w.outline.outline.modelReset.connect(lambda: resets.append(1))
    type_text(form.body, "测试文字")
    assert w.form_area.form is form and resets == []
    assert item.body[0] == "测试文字"


def test_layout_is_remembered(make_window, app_settings):
    w = make_window(ReportDocument(load_template("fzzf-annual")))
    w.show()
    w.metrics_dock.hide()
    w.close()
    w2 = make_window(ReportDocument(load_template("fzzf-annual")))
    w2.show()
    assert not w2.metrics_dock.isVisible() and w2.outline_dock.isVisible()


def test_form_buttons_add_parts_and_section_metric_table(make_window):
    from editor.ui.metrics_panel import COL

    w = make_window(ReportDocument(load_template("sample-dongguan-2022")))
    w.show()
    doc = w.doc
    section = doc.report.sections[0]
    form = w.show_node(section.id)
    used = form.used_metric_ids()
    assert used and set(used) <= {m.id for m in doc.report.metrics}
    table = form.metric_table
    assert table.model.rowCount() == len(used)
    # an invalid value is refused with the reason, the model keeps its last valid value
    metric = doc.report.metric(table.model.ids[0]) if hasattr(table.model, "ids") else doc.report.metric(used[0])
    old = metric.value
    index = table.model.index(0, COL["value"])
    table.model.setData(index, "两千")
    assert metric.value == old
    assert table.message.isVisibleTo(table) and "阿拉伯数字" in table.message.text()
    table.model.setData(index, "2000")
    assert metric.value == "2000"
    # the add-item button of the section form and the add-sub-item button of the item form
    n = len(section.items)
    form.add_item_button.click()
    assert len(section.items) == n + 1
    item_form = w.form_area.form
    assert isinstance(item_form, ItemForm)
    item_form.add_sub_button.click()
    assert len(section.items[-1].children) == 1


def test_keyboard_moves_between_panels(template_window, qtbot):
    w = template_window
    w.activateWindow()
    w.focus_actions[0].trigger()
    assert w.outline.hasFocus() or QApplication.focusWidget() is w.outline
    w.focus_actions[1].trigger()
    from editor.ui.textedit import TokenTextEdit

    assert isinstance(QApplication.focusWidget(), TokenTextEdit)
    w.metrics_dock.hide()
    w.focus_actions[3].trigger()
    assert w.metrics_dock.isVisible()
    assert [a.shortcut().toString() for a in w.focus_actions] == [f"Ctrl+{n}" for n in range(1, 6)]
