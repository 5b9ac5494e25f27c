"""The report form's 签发人 field and font preset (issue 10), typed and chosen as a person does, and
what the preview and the export make of them."""

from __future__ import annotations

import io
import zipfile

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from uihelpers_a import type_text
from editor.export import build_docx
from editor.model.report import DEFAULT_FONTS, WINDOWS_FONTS
from editor.templates import load_template
from editor.ui.document import ReportDocument


def test_signers_typed_into_the_form(make_window, qtbot):
    w = make_window(ReportDocument(load_template("sample-dongguan-2022")))
    w.show()
    doc = w.doc
    form = w.show_node("report")
    form.edition.setCurrentIndex(form.edition.findData("formal"))
    edit = form.findChild(type(form.formal_widgets[0][1]), "edit_formal_signers")
    assert edit is not None and edit.isEnabled()
    edit.setFocus()
    type_text(edit, "张三、李四 王五")
    assert doc.report.formal.signers == ["张三", "李四", "王五"]
    # the preview shows the 签发人 line in the formal header
    w.preview.refresh_now()
    texts = [b.text for b in w.preview.blocks() if b.kind == "doc_number"]
    assert texts[0] == "\t签发人：张三\u3000李四"
    assert texts[1].endswith("王五")
    # undo brings the field back (the typing merges into one step)
    while doc.report.formal.signers and doc.undo_stack.canUndo():
        doc.undo_stack.undo()
    assert doc.report.formal.signers == []
    assert edit.text() == ""


def test_font_preset_windows_and_back(make_window, qtbot):
    w = make_window(ReportDocument(load_template("fzzf-annual")))
    w.show()
    doc = w.doc
    form = w.show_node("report")
    box = form.findChild(type(form.font_boxes["body"]), "font_preset")
    assert box.currentData() == "official"
    box.setFocus()
    index = box.findData("windows")
    box.setCurrentIndex(index)
    assert {role: doc.report.format.font(role) for role in DEFAULT_FONTS} == WINDOWS_FONTS
    assert form.font_boxes["body"].currentText() == "仿宋"
    assert form.font_boxes["title"].currentText() == "宋体"
    # the export sets the 宋体 title in bold (standing in for 小标宋)
    styles = zipfile.ZipFile(io.BytesIO(build_docx(doc.report))).read("word/styles.xml").decode()
    title = styles[styles.index('w:styleId="FzTitle"'):]
    title = title[:title.index("</w:style>")]
    assert 'w:eastAsia="宋体"' in title and "<w:b/>" in title
    doc.undo_stack.undo()  # one undo step restores every font
    assert {role: doc.report.format.font(role) for role in DEFAULT_FONTS} == DEFAULT_FONTS
    assert box.currentData() == "official" and form.font_boxes["body"].currentText() == "仿宋_GB2312"
    # changing one font by hand leaves the preset
    form.font_boxes["body"].setCurrentText("黑体")
    assert box.currentData() == ""
    QTest.keyClick(box, Qt.Key.Key_Down)  # the keyboard moves to the next preset
    assert box.currentData() in ("official", "windows")
