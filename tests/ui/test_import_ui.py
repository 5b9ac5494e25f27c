"""Import in the window: a worker thread with progress and 取消 (the window keeps running), the section's
closing paragraphs and the kinds in the forms, import findings in the problems panel until 忽略."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QPlainTextEdit

from editor.errors import ImportError_
from editor.model import Item, Report, Section, SectionKind, build_flow
from editor.ui.document import ReportDocument
from editor.ui.report_actions import import_report


def _big_text(paragraphs: int) -> str:
    lines = ["某县司法局2023年法治政府建设年度报告", "2023年，某县司法局坚持依法行政。现将有关情况报告如下："]
    for i in range(paragraphs):
        if i % 400 == 0:
            lines.append(f"{'一二三四五六七八九'[(i // 400) % 9]}、推进依法行政")
        elif i % 20 == 0:
            lines.append("（一）加强制度建设。完善规范性文件管理制度。")
        else:
            lines.append("坚持把依法行政贯穿于政府工作全过程，推动各项工作依法依规开展，不断提高依法办事能力。")
    lines += ["特此报告。", "某县司法局", "2024年1月20日"]
    return "\n".join(lines) + "\n"


def _new_windows(before):
    from editor.ui.main_window import open_windows

    return [w for w in open_windows() if id(w) not in before]


def _close(windows):
    for w in windows:
        w.doc.undo_stack.setClean()
        w.close()


_RESPONSIVE_CHILD = r"""
import json, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QDialog
app = QApplication([])
from editor.ui.import_dialog import ImportProgressDialog
from editor.ui.main_window import MainWindow
from editor.ui.report_actions import import_report
import test_import_ui as t
src = Path(sys.argv[2])
src.write_text(t._big_text(60_000), encoding="utf-8")
win = MainWindow(None, QSettings(sys.argv[3], QSettings.Format.IniFormat), recovery_folder=Path(sys.argv[4]))
win.show()
ticks = []
timer = QTimer(win)
timer.setInterval(10)
timer.timeout.connect(lambda: ticks.append(time.monotonic()))
seen = {}

def run(dialog):
    assert isinstance(dialog, ImportProgressDialog) and dialog.isModal()
    timer.start()
    seen["start"] = time.monotonic()
    dialog.thread.progressed.connect(lambda f, stage: seen.setdefault("stages", set()).add(stage))
    dialog.thread.progressed.connect(lambda f, stage: seen.setdefault("shown", set()).add(dialog.stage_label.text()))
    code = dialog.exec()
    seen["end"] = time.monotonic()
    timer.stop()
    return code == QDialog.DialogCode.Accepted

opened = import_report(win, src, progress=run, review=lambda dialog: False)
during = [x for x in ticks if seen["start"] <= x <= seen["end"]]
print(json.dumps({"opened": opened is not None, "busy": seen["end"] - seen["start"], "during": during,
                  "stages": sorted(seen.get("stages", ())), "shown": sorted(seen.get("shown", ()))}))
win.doc.undo_stack.setClean()
win.close()
"""


def test_window_keeps_running_during_an_import(tmp_path):
    """A timer of the window thread keeps firing while a large text is imported in the worker.

    Measured in a fresh program (a child process): in the test process, work left running by earlier
    tests competes for the interpreter lock and the timing says more about them than about the import."""
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    proc = subprocess.run([sys.executable, "-c", _RESPONSIVE_CHILD, str(Path(__file__).parent),
                           str(tmp_path / "big.txt"), str(tmp_path / "s.ini"), str(tmp_path / "recovery")],
                          env=env, capture_output=True, text=True, timeout=300, cwd=str(tmp_path))
    assert proc.returncode == 0, proc.stderr[-3000:]
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    assert out["opened"] is False  # review declined: no window opened
    during, busy = out["during"], out["busy"]
    assert busy > 0.2, busy  # long enough to say something
    # the window thread ran its timer all along: at least one tick per 100 ms of import
    assert len(during) >= busy / 0.1, (len(during), busy)
    gaps = [b - a for a, b in zip(during, during[1:], strict=False)]
    assert max(gaps) < busy / 2, (max(gaps), busy)  # an import in the window thread makes one gap of `busy`
    assert {"识别结构", "识别数字"} <= set(out["stages"])
    assert {"Recognising the structure", "Finding figures"} <= set(out["shown"])  # in the interface language


def test_cancel_stops_the_import_and_opens_nothing(qtbot, tmp_path, make_window):
    src = tmp_path / "big.txt"
    src.write_text(_big_text(150_000), encoding="utf-8")
    win = make_window(None)
    state: dict = {}

    def run(dialog):
        def on_progress(fraction, stage):
            if "clicked" not in state and fraction > 0.15:
                state["clicked"] = time.monotonic()
                qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)

        dialog.thread.progressed.connect(on_progress)
        code = dialog.exec()
        state["closed"] = time.monotonic()
        state["dialog"] = dialog
        return code == QDialog.DialogCode.Accepted

    before = {id(w) for w in _new_windows(set())}
    t0 = time.monotonic()
    assert import_report(win, src, progress=run) is None
    dialog = state["dialog"]
    assert dialog.cancelled and dialog.result is None and dialog.error is None
    assert not dialog.thread.isRunning()
    assert state["closed"] - state["clicked"] < 2.0  # stops within a few hundred paragraphs
    assert _new_windows(before) == []
    assert time.monotonic() - t0 < 60


def test_import_error_from_the_worker_is_raised_in_the_window(tmp_path, make_window):
    bad = tmp_path / "old.doc"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    win = make_window(None)
    with pytest.raises(ImportError_) as err:
        import_report(win, bad, progress=lambda d: d.exec() == QDialog.DialogCode.Accepted)
    assert "另存为" in str(err.value)


def test_import_findings_in_problems_panel_until_ignored(qtbot, tmp_path, seed_text, make_window):
    src = tmp_path / "seed.txt"
    src.write_text(seed_text, encoding="utf-8")
    win = make_window(None)
    before = {id(w) for w in _new_windows(set())}
    report = import_report(win, src, review=lambda dialog: True)
    opened = _new_windows(before)
    try:
        w = opened[0]
        panel = w.problems_panel
        panel.refresh()
        qtbot.waitUntil(lambda: panel.is_current, timeout=10000)
        gaps = [f for f in panel.findings if f.code == "import.numbering"]
        assert len(gaps) == 1 and "缺少（三）" in gaps[0].message and gaps[0].where.startswith("五、")
        assert any(f.code == "import.punctuation" for f in panel.findings)
        # select it in the list and press 忽略
        assert not panel.dismiss_button.isEnabled() or panel.selected_finding() is not None
        for i in range(panel.tree.topLevelItemCount()):
            if panel.tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole + 1) is gaps[0]:
                panel.tree.setCurrentItem(panel.tree.topLevelItem(i))
        assert panel.dismiss_button.isEnabled() and not panel.fix_button.isEnabled()
        qtbot.mouseClick(panel.dismiss_button, Qt.MouseButton.LeftButton)
        stored = next(f for f in report.import_findings if f.kind == "numbering")
        assert stored.dismissed
        qtbot.waitUntil(lambda: panel.is_current, timeout=10000)
        assert [f for f in panel.findings if f.code == "import.numbering"] == []
        # one undo step brings it back
        w.doc.undo_stack.undo()
        assert not next(f for f in w.doc.report.import_findings if f.kind == "numbering").dismissed
        panel.refresh()
        qtbot.waitUntil(lambda: panel.is_current, timeout=10000)
        assert len([f for f in panel.findings if f.code == "import.numbering"]) == 1
        # a proofreading finding: 忽略 ignores it here (Report.check_ignores), the import findings stay as they are
        other = next(i for i in range(panel.tree.topLevelItemCount())
                     if not panel.tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole + 1).code.startswith("import.")
                     and panel.tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole + 1).ref is not None)
        panel.tree.setCurrentItem(panel.tree.topLevelItem(other))
        assert panel.dismiss_button.isEnabled()
        qtbot.mouseClick(panel.dismiss_button, Qt.MouseButton.LeftButton)
        assert len(w.doc.report.check_ignores) == 1
        assert not next(f for f in w.doc.report.import_findings if f.kind == "numbering").dismissed
    finally:
        _close(opened)


def _report_with_outro() -> Report:
    item = Item(lead="加强执法监督。", body=["开展执法检查12次。"])
    leader = Item(lead="党政主要负责人履行推进法治建设第一责任人职责。", body=["主要负责人带头学法。"])
    sec = Section(heading="推进严格规范公正文明执法", items=[item, leader], outro=["下一步，我局将继续加强执法监督。"])
    return Report(organisations=["某县司法局"], year=2023, sections=[sec])


def test_section_outro_editable_in_form_and_shown_in_preview(qtbot, make_window):
    doc = ReportDocument(_report_with_outro())
    w = make_window(doc)
    section = doc.report.sections[0]
    w.outline.select(section.id)
    form = w.form_area.form
    assert form.outro.toPlainText() == "下一步，我局将继续加强执法监督。"
    form.outro.setFocus()
    cursor = form.outro.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    form.outro.setTextCursor(cursor)
    qtbot.keyClick(form.outro, Qt.Key.Key_Return)
    ime = QInputMethodEvent()  # Chinese is committed by the input method
    ime.setCommitString("总之，成效明显。")
    QApplication.sendEvent(form.outro, ime)
    assert section.outro == ["下一步，我局将继续加强执法监督。", "总之，成效明显。"]
    flow = build_flow(doc.report)
    texts = [b.text for b in flow]
    # after the section's last item, in body style
    last_item = texts.index("（二）党政主要负责人履行推进法治建设第一责任人职责。主要负责人带头学法。")
    assert texts[last_item + 1 : last_item + 3] == section.outro
    assert [b.kind for b in flow[last_item + 1 : last_item + 3]] == ["body", "body"]
    preview = getattr(w, "preview", None)
    if preview is not None:
        qtbot.waitUntil(lambda: "总之，成效明显。" in preview.text_document().toPlainText(), timeout=5000)
    while doc.undo_stack.canUndo():  # the new line and the committed text are undone step by step
        doc.undo_stack.undo()
    assert section.outro == ["下一步，我局将继续加强执法监督。"]
    assert form.outro.toPlainText() == "下一步，我局将继续加强执法监督。"


def test_item_kinds_shown_and_corrected_in_the_form(qtbot, make_window):
    doc = ReportDocument(_report_with_outro())
    leader = doc.report.sections[0].items[1]
    leader.kinds = [SectionKind.LEADERSHIP]
    w = make_window(doc)
    w.outline.select(leader.id)
    form = w.form_area.form
    assert form.kind_boxes[SectionKind.LEADERSHIP].isChecked()
    assert not form.kind_boxes[SectionKind.PLANS].isChecked()
    qtbot.mouseClick(form.kind_boxes[SectionKind.PLANS], Qt.MouseButton.LeftButton)
    assert leader.kinds == [SectionKind.LEADERSHIP, SectionKind.PLANS]
    qtbot.mouseClick(form.kind_boxes[SectionKind.LEADERSHIP], Qt.MouseButton.LeftButton)
    assert leader.kinds == [SectionKind.PLANS]
    doc.undo_stack.undo()
    assert leader.kinds == [SectionKind.LEADERSHIP, SectionKind.PLANS]
    assert form.kind_boxes[SectionKind.LEADERSHIP].isChecked()


def test_review_table_ticked_and_renamed_with_the_keyboard(qtbot, tmp_path, seed_text):
    from editor.importing import import_file
    from editor.ui.import_dialog import COL_LABEL, COL_USE, ImportReviewDialog

    src = tmp_path / "seed.txt"
    src.write_text(seed_text, encoding="utf-8")
    result = import_file(src, metrics=False)
    dialog = ImportReviewDialog(result)
    qtbot.addWidget(dialog)
    dialog.show()
    view = dialog.table
    qtbot.mouseClick(dialog.accept_none_button, Qt.MouseButton.LeftButton)
    row = next(r for r in range(dialog.model.rowCount()) if dialog.cell(r, 2) == "2041件")
    view.setFocus()
    view.setCurrentIndex(dialog.model.index(row, COL_USE))
    qtbot.keyClick(view, Qt.Key.Key_Space)  # tick
    assert Qt.CheckState(dialog.cell(row, COL_USE, Qt.ItemDataRole.CheckStateRole)) == Qt.CheckState.Checked
    view.setCurrentIndex(dialog.model.index(row, COL_LABEL))
    qtbot.keyClick(view, Qt.Key.Key_F2)  # edit the label
    editors = [w for w in view.viewport().findChildren(QLineEdit) if w.isVisible()]
    assert len(editors) == 1
    editor = editors[0]
    editor.selectAll()
    qtbot.keyClicks(editor, "Fuyi cases")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits the editor's data through a queued call
    assert dialog.cell(row, COL_LABEL) == "Fuyi cases"
    assert dialog.apply() == 1
    [metric] = result.report.metrics
    assert metric.label == "Fuyi cases" and metric.value == "2041" and metric.last_value == "1240"


def test_review_summary_matches_the_ticks_in_the_table(qtbot, tmp_path, seed_text):
    """The summary above the table said "（未采用）" while every figure below it was ticked (to be used):
    it now counts the ticks and follows them when the user ticks or unticks."""
    from editor.importing import import_file
    from editor.ui.import_dialog import COL_USE, ImportReviewDialog

    src = tmp_path / "seed.txt"
    src.write_text(seed_text, encoding="utf-8")
    result = import_file(src, metrics=False)
    dialog = ImportReviewDialog(result)
    qtbot.addWidget(dialog)
    dialog.show()
    total = dialog.model.rowCount()
    ticked = sum(1 for r in range(total)
                 if Qt.CheckState(dialog.cell(r, COL_USE, Qt.ItemDataRole.CheckStateRole)) == Qt.CheckState.Checked)
    assert total > 10 and ticked == total  # all ticked when the dialog opens

    def summary() -> str:
        return dialog.findChild(QPlainTextEdit, "importSummary").toPlainText()

    assert "未采用" not in summary()
    assert f"发现 {total} 个可作为指标的数字，已勾选 {total} 个" in summary()
    qtbot.mouseClick(dialog.accept_none_button, Qt.MouseButton.LeftButton)
    assert "已勾选 0 个" in summary() and "未勾选的保留为普通文字" in summary()
    dialog.table.setFocus()
    dialog.table.setCurrentIndex(dialog.model.index(0, COL_USE))
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)  # tick one
    assert "已勾选 1 个" in summary()
