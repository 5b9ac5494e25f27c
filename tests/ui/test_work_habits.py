"""Habits of WPS and Word users (issue 12), on the real main window: print, the standard edit
actions, redo on Ctrl+Y, Qt's own Chinese, export off the UI thread with 取消 and 打开文件, windows."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QKeySequence, QTextCursor
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from editor.model import FieldRef
from editor.templates import load_template
from editor.ui import i18n
from editor.ui.document import ReportDocument
from editor.ui.main_window import open_windows


def pdf_pages(path: Path) -> int:
    pdfinfo = shutil.which("pdfinfo")
    if pdfinfo is None:  # poppler-utils is installed by .ci/run; count page objects otherwise
        return len(re.findall(rb"/Type\s*/Page[^s]", path.read_bytes()))
    out = subprocess.run([pdfinfo, str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", out).group(1))


@pytest.fixture
def sample_window(make_window):
    w = make_window(ReportDocument(load_template("sample-dongguan-2022")))
    w.show()
    return w


def item_body_editor(w):
    section, chain = next((s, c) for s, c in w.doc.report.iter_items() if c[-1].body)
    w.outline.select(chain[-1].id)
    edit = w.form_area.form.editors["body"]
    edit.setFocus()
    return edit


# ---------------------------------------------------------------------------------------------- print
def test_print_action_on_ctrl_p_in_file_menu(sample_window):
    w = sample_window
    assert w.act_print in w.file_menu.actions() and w.act_print_preview in w.file_menu.actions()
    assert QKeySequence("Ctrl+P") in w.act_print.shortcuts()
    assert w.act_print in w.toolbar.actions()


@pytest.mark.parametrize("edition", ["public", "formal"])
def test_print_renders_every_page_of_the_preview_to_a_pdf_printer(sample_window, tmp_path, edition):
    w = sample_window
    w.doc.set_field(FieldRef("report", "edition"), edition, "x")
    w.preview.refresh_now()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / f"printed-{edition}.pdf"
    printer.setOutputFileName(str(out))
    from editor.ui.printing import setup_printer

    setup_printer(printer)
    assert w.print_to(printer) == w.preview.page_count() > 3
    assert pdf_pages(out) == w.preview.page_count()
    # the range chosen in the print dialog
    printer.setOutputFileName(str(tmp_path / "range.pdf"))
    printer.setFromTo(2, 3)
    assert w.print_to(printer) == 2
    assert pdf_pages(tmp_path / "range.pdf") == 2


def test_printed_pages_match_the_exported_pdf(sample_window, tmp_path, soffice):
    """The PDF export (LibreOffice) runs in a worker: a timer fires while it works; then the printed
    copy has as many pages as the export."""
    w = sample_window
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(w.export_job.state()[0]))
    timer.start(50)
    target = tmp_path / "导出.pdf"
    assert w.export_pdf(target) == target
    timer.stop()
    assert len(ticks) >= 5 and "convert" in ticks  # the event loop ran during the conversion
    from editor.ui.printing import print_to_pdf

    printed = tmp_path / "printed.pdf"
    assert print_to_pdf(w.preview, printed) == pdf_pages(target) == pdf_pages(printed)
    # after the export: 打开文件 / 打开所在文件夹
    opened = []
    box = w.export_message
    assert box.isVisible() and str(target) in box.text()
    import editor.ui.main_window as mw

    original = mw.QDesktopServices.openUrl
    try:
        mw.QDesktopServices.openUrl = staticmethod(lambda url: opened.append(url.toLocalFile()) or True)
        box.findChild(type(box.buttons()[0]), "openFolderButton").click()
        assert opened == [str(tmp_path)]
    finally:
        mw.QDesktopServices.openUrl = original


def test_pdf_export_can_be_cancelled(sample_window, tmp_path, soffice):
    w = sample_window
    seen = []

    def cancel_when_converting():
        job = getattr(w, "export_job", None)
        if (job is not None and job.state()[0] == "convert" and w.export_progress is not None
                and "LibreOffice" in w.export_progress.labelText()):
            seen.append(w.export_progress.labelText())
            QTest.mouseClick(_cancel_button(w.export_progress), Qt.MouseButton.LeftButton)
            timer.stop()

    timer = QTimer()
    timer.timeout.connect(cancel_when_converting)
    timer.start(30)
    target = tmp_path / "取消.pdf"
    assert w.export_pdf(target) is None
    timer.stop()
    assert seen and "LibreOffice" in seen[0]
    assert not target.exists()
    assert not w.export_job.is_running()


def _cancel_button(progress):
    from PySide6.QtWidgets import QPushButton

    return progress.findChild(QPushButton)


# ---------------------------------------------------------------------------------------------- edit
def test_edit_menu_cut_copy_paste_select_all(sample_window):
    w = sample_window
    names = [a.objectName() for a in w.edit_menu.actions()]
    for name in ("actionUndo", "actionRedo", "actionCut", "actionCopy", "actionPaste", "actionSelectAll"):
        assert name in names
    edit = item_body_editor(w)
    before = edit.source()
    w.act_select_all.trigger()
    assert edit.textCursor().hasSelection()
    cursor = edit.textCursor()
    cursor.setPosition(0)
    cursor.setPosition(4, QTextCursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)
    w._update_edit_actions()
    assert w.act_copy.isEnabled() and w.act_cut.isEnabled()
    w.act_copy.trigger()
    assert QApplication.clipboard().text() == before[:4]
    w.act_cut.trigger()
    assert edit.source() == before[4:]
    cursor = edit.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    edit.setTextCursor(cursor)
    w.act_paste.trigger()
    assert edit.source() == before[4:] + before[:4]
    w.doc.undo_stack.undo()
    w.doc.undo_stack.undo()
    assert edit.source() == before


def test_text_context_menu_has_the_app_undo_and_standard_actions(sample_window, qtbot):
    w = sample_window
    edit = item_body_editor(w)
    QTest.keyClicks(edit, "abc")
    menu = edit.build_context_menu(edit.rect().center())
    actions = [a for a in menu.actions() if not a.isSeparator()]
    texts = [a.text() for a in actions]
    assert actions[0] is w.act_undo and actions[1] is w.act_redo and w.act_undo.isEnabled()
    assert not any(a.objectName() in ("edit-undo", "edit-redo") for a in actions), texts
    assert {"edit-cut", "edit-copy", "edit-paste", "select-all"} <= {a.objectName() for a in actions}
    menu.deleteLater()


def test_redo_answers_ctrl_y_and_ctrl_shift_z(sample_window):
    w = sample_window
    assert QKeySequence("Ctrl+Y") in w.act_redo.shortcuts()
    assert QKeySequence("Ctrl+Shift+Z") in w.act_redo.shortcuts()
    edit = item_body_editor(w)
    before = edit.source()
    QTest.keyClicks(edit, "xy")
    assert edit.source() != before
    for keys in ((Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier),
                 (Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)):
        QTest.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert edit.source() == before
        QTest.keyClick(edit, *keys)
        assert edit.source() != before


# ---------------------------------------------------------------------------------------------- Qt's Chinese
def test_qt_own_dialog_texts_are_chinese(qapp):
    try:
        assert i18n.install_translator(qapp, "zh_CN") == "zh_CN"
        assert QCoreApplication.translate("QFileDialog", "Look in:") == "查找范围："
        assert QCoreApplication.translate("QFileDialog", "Files of type:") == "文件类型："
        assert QCoreApplication.translate("QPrintDialog", "Print") != "Print"
    finally:
        i18n.install_translator(qapp, "en")


# ---------------------------------------------------------------------------------------------- windows
def test_untouched_blank_window_is_reused_and_others_cascade(make_window, qtbot):
    blank = make_window()
    blank.show()
    new = blank.new_report_window("fzzf-annual")
    qtbot.addWidget(new)
    assert blank._closed and new.isVisible() and new.geometry() == blank.geometry()
    new.doc.set_field(FieldRef("report", "year"), 2031, "x")
    second = new.open_report(load_template("fzzf-annual"))
    qtbot.addWidget(second)
    assert not new._closed
    assert second.pos() != new.pos()  # cascaded, not exactly on top
    # the Window menu lists both and switches
    new._fill_window_menu()
    labels = [a.text() for a in new.window_menu.actions() if a.isCheckable()]
    assert len(labels) == 2
    for w in (new, second):
        w.doc.undo_stack.setClean()
        w.close()


def test_ctrl_w_closes_a_report_and_asks_before_quitting_on_the_last(make_window, monkeypatch):
    a = make_window(ReportDocument(load_template("fzzf-annual")))
    b = make_window(ReportDocument(load_template("fzzf-annual")))
    a.show()
    b.show()
    assert QKeySequence("Ctrl+W") in a.act_close.shortcuts()
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **k: asked.append(args[2]) or QMessageBox.StandardButton.No)
    assert b.close_report() and b._closed and not asked
    assert open_windows() == [a]
    assert not a.close_report() and not a._closed and asked  # the last one: the user said no
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **k: QMessageBox.StandardButton.Yes)
    assert a.close_report() and a._closed


def test_backup_copy_opens_as_unsaved_report(make_window, tmp_path, qtbot):
    from editor.storage import write_project

    path = tmp_path / "报告.fzbg"
    report = load_template("sample-dongguan-2022")
    write_project(path, report)
    write_project(path, report)  # the second save keeps the first as .bak
    bak = Path(str(path) + ".bak")
    assert bak.exists()
    w = make_window(ReportDocument(load_template("fzzf-annual")))
    w.doc.set_field(FieldRef("report", "year"), 2031, "x")
    opened = w.open_path(bak)
    qtbot.addWidget(opened)
    assert opened.doc.path is None and opened.doc.modified
    assert opened.doc.report.year == report.year
    assert w.act_open_backup in w.file_menu.actions()



def test_file_dialog_list_is_chinese_with_readable_dates_under_the_c_locale(tmp_path):
    """Qt's file list: type column and dates. Under LANG=C Qt wrote "1 12 2026 09:43" and "Folder"."""
    import os
    import sys

    (tmp_path / "子文件夹").mkdir()
    child = (
        "import sys\n"
        "from editor.app import create_application, install_translation, prepare_locale_environment\n"
        "prepare_locale_environment(None)\n"
        "app = create_application([]); install_translation(app, 'zh_CN')\n"
        "from PySide6.QtWidgets import QFileSystemModel\n"
        "from PySide6.QtTest import QTest\n"
        "m = QFileSystemModel(); root = m.setRootPath(sys.argv[1])\n"
        "for _ in range(50):\n"
        "    QTest.qWait(50)\n"
        "    if m.rowCount(root): break\n"
        "print('ROW', *[m.index(0, c, root).data() for c in (0, 2, 3)], sep='|')\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_")}
    env.update(LANG="C", QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    out = subprocess.run([sys.executable, "-c", child, str(tmp_path)], env=env, capture_output=True, text=True,
                         timeout=60)
    row = next(line for line in out.stdout.splitlines() if line.startswith("ROW")).split("|")
    assert row[1:3] == ["子文件夹", "文件夹"], (row, out.stderr[-500:])
    assert re.fullmatch(r"\d{4}/\d{1,2}/\d{1,2} \d{1,2}:\d{2}", row[3]), row


def test_file_dialogs_start_in_the_project_folder_or_the_last_one(make_window, tmp_path, monkeypatch, app_settings):
    from PySide6.QtWidgets import QFileDialog

    from editor.storage import write_project
    from editor.ui import settings as st

    asked = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: asked.append(a[2]) or ("", ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: asked.append(a[2]) or ([], ""))
    last = tmp_path / "上次"
    last.mkdir()
    st.set_last_folder(last, app_settings)
    w = make_window(ReportDocument(load_template("fzzf-annual")))
    w.report_actions["import"].trigger()
    w.report_actions["merge"].trigger()
    w.act_open.trigger()
    assert asked == [str(last)] * 3
    project = tmp_path / "项目" / "报告.fzbg"
    project.parent.mkdir()
    write_project(project, w.doc.report)
    w.doc.set_path(project)
    asked.clear()
    w.report_actions["import"].trigger()
    w.report_actions["merge"].trigger()
    assert asked == [str(project.parent)] * 2


# ---------------------------------------------------------------------------------------------- find
def test_find_selects_each_match_in_its_field_with_alt_keys_and_a_fresh_status(sample_window, qtbot):
    from uihelpers_a import type_text

    w = sample_window
    w.act_find.trigger()
    d = w._find_dialog
    qtbot.waitExposed(d)
    d.activateWindow()
    qtbot.waitUntil(d.isActiveWindow)
    type_text(d.find_edit, "行政复议")
    qtbot.waitUntil(lambda: "处" in d.status.text() or "match" in d.status.text())
    count = len(d.matches)
    assert count > 3 and str(count) in d.status.text()
    # Alt shortcuts on every button, all different (QTest cannot press them: it skips the shortcut map)
    keys = [b.shortcut().toString() for b in (d.next_button, d.prev_button, d.replace_button, d.replace_all_button)]
    assert all(k.startswith("Alt+") for k in keys) and len(set(keys)) == 4, keys
    assert d.case_box.shortcut().toString().startswith("Alt+")
    seen = []
    for _ in range(3):
        d.next_button.click()
        m = d.current_match()
        edit = w.form_area.form.editors[m.ref.field]
        assert edit.textCursor().selectedText() == "行政复议"
        assert w.form_area.form.node_id == m.ref.node
        # the selected text is inside the visible part of the form
        top = edit.mapTo(w.form_area.viewport(), edit.cursorRect().topLeft()).y()
        assert 0 <= top < w.form_area.viewport().height()
        seen.append((m.ref, m.start))
        # and in the preview: exactly these characters are highlighted
        index, start, end = w.preview.canvas.match_range
        block = w.preview.text_document().findBlockByNumber(index)
        assert block.text()[start:end] == "行政复议"
    assert len(set(seen)) == 3
    assert w.preview.canvas.current_index is not None  # its paragraph is marked in the preview
    # a figure: the chip is selected as a whole
    figure = next(b for b in w.doc.report.metrics if b.value)
    from editor.model import render_text
    from editor.model.tokens import metric_token

    shown = render_text(metric_token(figure.id), w.doc.report.metrics)
    d.find_edit.selectAll()
    type_text(d.find_edit, shown)
    assert d.status.text() == ""  # the old "第 n 处" is gone at once
    qtbot.waitUntil(lambda: d.status.text() != "")
    if d.matches:
        d.next_button.click()
        edit = w.form_area.form.editors[d.current_match().ref.field]
        assert edit.textCursor().selectedText() in (shown, "\ufffc")
    d.close()


# ---------------------------------------------------------------------------------------------- smaller
def test_thematic_kind_shows_measures_included_not_unticked(sample_window):
    from editor.model import SectionKind

    w = sample_window
    section = next(s for s in w.doc.report.sections if SectionKind.MEASURES not in s.kinds)
    form = w.show_node(section.id)
    measures, thematic = form.kind_boxes[SectionKind.MEASURES], form.kind_boxes[SectionKind.THEMATIC]
    if SectionKind.THEMATIC not in section.kinds:
        thematic.click()
    assert SectionKind.THEMATIC in section.kinds and SectionKind.MEASURES not in section.kinds
    assert measures.isChecked() and not measures.isEnabled()  # never "unticked next to a ticked 专题"
    assert "主要举措和成效" in form.kind_labels[SectionKind.THEMATIC].text()
    thematic.click()
    assert SectionKind.THEMATIC not in section.kinds
    assert not measures.isChecked() and measures.isEnabled()
    # clicking the (wrapping) label toggles its box
    QTest.mouseClick(form.kind_labels[SectionKind.PLANS], Qt.MouseButton.LeftButton)
    assert SectionKind.PLANS in section.kinds


# ---------------------------------------------------------------------------------------------- 设为指标
def test_make_metric_asks_with_a_label_from_the_sentence_never_markup(make_window, qtbot):
    from editor.model import Item, Metric, Report, Section
    from editor.model.tokens import metric_token
    from editor.ui.make_metric_dialog import MakeMetricDialog

    m = Metric(id="xzfy-sq", label="行政复议申请", value="120", unit="件")
    item = Item(lead="", body=[f"全年收到行政复议申请{metric_token('xzfy-sq')}另受理行政诉讼案件近5.9万宗。"])
    report = Report(metrics=[m], sections=[Section(heading="一", items=[item])])
    w = make_window(ReportDocument(report))
    w.show()
    form = w.show_node(item.id)
    edit = form.editors["body"]
    edit.setFocus()
    text = edit.document().firstBlock().text()
    start = text.index("近5.9万宗")
    cursor = edit.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len("近5.9万宗"), QTextCursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)
    seen = {}

    def answer():
        d = QApplication.activeModalWidget()
        assert isinstance(d, MakeMetricDialog)
        seen["label"] = d.label_edit.text()
        seen["parsed"] = (d.value_edit.text(), d.unit_edit.text(), d.scale_box.currentData(),
                          d.qualifier_box.currentData())
        seen["shown"] = d.shown.text()
        d.label_edit.selectAll()
        from uihelpers_a import type_text

        type_text(d.label_edit, "行政诉讼收案")
        QTest.keyClick(d.label_edit, Qt.Key.Key_Return)

    QTimer.singleShot(0, answer)
    metric_id = edit.make_metric_from_selection()
    assert seen["label"] == "受理行政诉讼案件"  # from the sentence, stopping at the figure before it
    assert seen["parsed"] == ("5.9", "宗", "万", "近") and seen["shown"] == "近5.9万宗"
    created = w.doc.report.metric(metric_id)
    assert created.label == "行政诉讼收案" and created.value == "5.9"  # the name as corrected
    assert item.body[0].endswith(metric_token(metric_id) + "。")
    # cancelled: nothing changes
    w.doc.undo_stack.undo()
    cursor = edit.textCursor()
    text = edit.document().firstBlock().text()
    cursor.setPosition(text.index("近5.9万宗"))
    cursor.setPosition(text.index("近5.9万宗") + 6, QTextCursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)
    count = w.doc.undo_stack.index()
    QTimer.singleShot(0, lambda: QApplication.activeModalWidget().reject())
    assert edit.make_metric_from_selection() is None
    assert w.doc.undo_stack.index() == count and len(w.doc.report.metrics) == 1


def test_propose_label_stops_at_figures_and_punctuation():
    from editor.ui.make_metric_dialog import propose_label

    assert propose_label("收到申请{{m:xzfy-sq}}另受理行政诉讼案件") == "受理行政诉讼案件"
    assert propose_label("全年，办理行政复议案件共") == "办理行政复议案件"
    assert propose_label("{{m:a}}") == ""


def test_used_column_counts_uses_not_paragraphs(qtbot):
    from editor.model import Item, Metric, Report, Section
    from editor.model.tokens import change_token, metric_token
    from editor.ui.metrics_panel import COL, MetricsPanel

    m = Metric(id="a", label="案件", value="20", last_value="10", unit="件")
    body = [f"办理{metric_token('a')}，{change_token('a')}；其中{metric_token('a')}已结。", "无关段落。"]
    doc = ReportDocument(Report(metrics=[m], sections=[Section(heading="一", items=[Item(body=body)])]))
    p = MetricsPanel(doc)
    qtbot.addWidget(p)
    index = p.proxy.index(0, COL["used"])
    assert index.data() == "3"
    assert "1" in index.data(Qt.ItemDataRole.ToolTipRole).splitlines()[0]  # in one paragraph


def test_template_descriptions_are_not_cut_off(qtbot):
    from editor.ui.dialogs import NewFromTemplateDialog

    d = NewFromTemplateDialog()
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    view = d.list
    assert view.horizontalScrollBar().maximum() == 0
    for row in range(view.count()):
        item = view.item(row)
        rect = view.visualItemRect(item)
        assert rect.right() <= view.viewport().width() + 1
        # the whole text fits in the item's rectangle (wrapped onto as many lines as needed)
        metrics = view.fontMetrics()
        needed = metrics.boundingRect(0, 0, rect.width() - 8, 10000, int(Qt.TextFlag.TextWordWrap), item.text())
        assert rect.height() >= needed.height(), (item.text()[:20], rect, needed)


# ---------------------------------------------------------------------------------------------- messages
def test_english_title_does_not_mix_languages(make_window, qapp):
    try:
        i18n.install_translator(qapp, "en")
        w = make_window(ReportDocument(load_template("fzzf-annual")))
        assert not re.search(r"[\u4e00-\u9fff]", w.windowTitle()), w.windowTitle()
        i18n.install_translator(qapp, "zh_CN")
        w2 = make_window(ReportDocument(load_template("fzzf-annual")))
        assert "未命名" in w2.windowTitle() and "法治政府建设年度报告编辑器" in w2.windowTitle()
    finally:
        i18n.install_translator(qapp, "en")


def test_damaged_project_offers_its_backup(make_window, tmp_path, qtbot, monkeypatch, app_settings, recovery_folder):
    from editor.storage import write_project
    from editor.ui.main_window import open_project_window

    path = tmp_path / "报告.fzbg"
    report = load_template("sample-dongguan-2022")
    write_project(path, report)
    write_project(path, report)
    path.write_text("{ broken", encoding="utf-8")
    told = []
    from editor.ui import file_problems

    # The damaged-project question (editor.ui.file_problems): answer 打开备份.
    monkeypatch.setattr(file_problems, "choose", lambda parent, title, text, options, default, icon=None:
                        told.append((text, [k for k, _label in options])) or "backup")
    w = open_project_window(path, app_settings, recovery_folder=recovery_folder)
    qtbot.addWidget(w)
    assert "报告.fzbg.bak" in told[0][0] and told[0][1][0] == "backup"
    assert w.doc.path is None and w.doc.modified and w.doc.report.year == report.year
    w.doc.undo_stack.setClean()
    w.close()


def test_toolbar_has_the_common_actions_and_a_zoom_control(sample_window):
    w = sample_window
    actions = w.toolbar.actions()
    for a in (w.act_new, w.act_open, w.act_save, w.act_undo, w.act_redo, w.act_print, w.act_check):
        assert a in actions and a.iconText()
    assert w.toolbar.findChild(type(w.toolbar.widgetForAction(w.act_new)), "exportToolButton") is not None
    box = w.zoom_box
    index = box.findData(1.5)
    box.setCurrentIndex(index)
    box.activated.emit(index)
    assert abs(w.preview.zoom() - 1.5) < 1e-6 and not w.preview.fit_width
    w.act_zoom_out.trigger()
    assert w.preview.zoom() < 1.5 and box.currentData() == w.preview.zoom()
    box.activated.emit(0)  # 适合页宽
    assert w.preview.fit_width and box.currentIndex() == 0


def test_print_preview_shows_every_page(sample_window):
    from PySide6.QtPrintSupport import QPrintPreviewWidget

    w = sample_window
    counts = []

    def look():
        dialog = QApplication.activeModalWidget()
        view = dialog.findChild(QPrintPreviewWidget)
        view.updatePreview()
        counts.append(view.pageCount())
        dialog.reject()

    QTimer.singleShot(0, look)
    w.act_print_preview.trigger()
    assert counts == [w.preview.page_count()]


def test_line_edits_use_the_report_undo(sample_window):
    w = sample_window
    form = w.show_node("report")
    from PySide6.QtWidgets import QLineEdit

    edit = form.findChild(QLineEdit, "edit_formal_doc_number")
    w.doc.set_field(FieldRef("report", "edition"), "formal", "x")
    edit.setFocus()
    before = w.doc.report.formal.doc_number
    QTest.keyClicks(edit, "X1")
    assert w.doc.report.formal.doc_number == before + "X1"
    index = w.doc.undo_stack.index()
    QTest.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert w.doc.report.formal.doc_number == before and edit.text() == before
    assert w.doc.undo_stack.index() == index - 1  # the report's undo, not the widget's own history
    QTest.keyClick(edit, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert w.doc.report.formal.doc_number == before + "X1"
    from editor.ui.edit_support import _ReportUndo

    menu = edit.findChild(_ReportUndo).context_menu(edit, edit.rect().center())
    actions = [a for a in menu.actions() if not a.isSeparator()]
    assert actions[0] is w.act_undo and actions[1] is w.act_redo
    assert not any(a.objectName() in ("edit-undo", "edit-redo") for a in actions)
    menu.deleteLater()


def test_program_exits_cleanly_after_a_copy_from_a_text_field(tmp_path):
    """Copying from a body text, then quitting, crashed the program at exit (segmentation fault)."""
    import os
    import sys

    child = (
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from editor.templates import load_template\n"
        "from editor.ui.document import ReportDocument\n"
        "from editor.ui.textedit import TokenTextEdit\n"
        "from editor.model import FieldRef\n"
        "d = ReportDocument(load_template('sample-dongguan-2022'))\n"
        "s, chain = next(iter(d.report.iter_items()))\n"
        "e = TokenTextEdit(d, FieldRef(chain[-1].id, 'body'))\n"
        "e.selectAll(); e.copy()\n"
        "print('COPIED', len(QApplication.clipboard().text()) > 10)\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    proc = subprocess.run([sys.executable, "-c", child], env=env, capture_output=True, text=True, timeout=60,
                          cwd=str(tmp_path))
    assert "COPIED True" in proc.stdout and proc.returncode == 0, (proc.returncode, proc.stderr[-500:])


def test_either_edition_can_be_printed_whatever_the_preview_shows(sample_window, tmp_path):
    from PySide6.QtPrintSupport import QPrintPreviewWidget

    from editor.ui.printing import print_to_pdf

    w = sample_window
    assert w.doc.report.edition == "public"
    public = print_to_pdf(w.preview, tmp_path / "public.pdf")
    formal = print_to_pdf(w.preview, tmp_path / "formal.pdf", edition="formal")
    # the formal edition adds the red header and the colophon: what the preview shows once switched
    w.doc.set_field(FieldRef("report", "edition"), "formal", "x")
    w.preview.refresh_now()
    assert formal == w.preview.page_count() == pdf_pages(tmp_path / "formal.pdf")
    assert public == pdf_pages(tmp_path / "public.pdf")
    if shutil.which("pdftotext"):  # poppler-utils (installed by .ci/run)
        def text(name):
            out = subprocess.run(["pdftotext", str(tmp_path / name), "-"], capture_output=True, text=True, check=True)
            import unicodedata  # the PDF's font maps some characters to Kangxi radicals (⽂ for 文)

            return unicodedata.normalize("NFKC", re.sub(r"\s", "", out.stdout))

        mark = "东莞市司法局文件"  # the red 发文机关标志 made from the organisation (formal edition only)
        assert mark in text("formal.pdf") and mark not in text("public.pdf")
    # the print preview offers the choice
    counts = []

    def look():
        dialog = QApplication.activeModalWidget()
        box = dialog.findChild(type(w.zoom_box), "printEditionBox")
        view = dialog.findChild(QPrintPreviewWidget)
        box.setCurrentIndex(box.findData("public"))
        view.updatePreview()
        counts.append(view.pageCount())
        dialog.reject()

    QTimer.singleShot(0, look)
    w.act_print_preview.trigger()
    assert counts == [public]
