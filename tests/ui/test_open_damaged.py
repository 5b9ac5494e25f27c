"""Opening damaged projects in the window (issue 9 points 1, 4, 6): a named problem in a dialog, never
a traceback; for duplicate ids, unsaveable characters and figures out of range an offer to open a
repaired copy as a new unsaved report -- the damaged file itself is never changed."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from editor.storage import read_project
from editor.storage.lock import read_lock
from editor.ui.document import ReportDocument
from editor.ui.main_window import open_project_window
from editor.ui.metrics_panel import INVALID_BG, MetricsPanel
from uihelpers_a import type_text

DAMAGED = Path(__file__).resolve().parents[1] / "data" / "damaged"


def _copy(tmp_path, name):
    path = tmp_path / name
    path.write_bytes((DAMAGED / name).read_bytes())
    return path


def _answer(monkeypatch, value):
    asked = []

    def question(parent, title, text, *args, **kwargs):
        asked.append(text)
        return value

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


@pytest.mark.parametrize("name", ["value-30-digits.fzbg", "duplicate-section-ids.fzbg", "lone-surrogate.fzbg"])
def test_declining_the_copy_opens_nothing_and_changes_nothing(name, tmp_path, app_settings, recovery_folder,
                                                              monkeypatch):
    path = _copy(tmp_path, name)
    before = path.read_bytes()
    asked = _answer(monkeypatch, QMessageBox.StandardButton.No)
    assert open_project_window(path, app_settings, recovery_folder=recovery_folder) is None
    assert len(asked) == 1 and name in asked[0] and "修复后的副本" in asked[0]
    assert path.read_bytes() == before and read_lock(path) is None


def test_thirty_digit_value_opens_as_repaired_copy_and_saves(tmp_path, app_settings, recovery_folder, monkeypatch,
                                                              qtbot):
    """Issue 9 point 1: such a value used to make the window die with decimal.InvalidOperation."""
    path = _copy(tmp_path, "value-30-digits.fzbg")
    before = path.read_bytes()
    asked = _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    w = open_project_window(path, app_settings, recovery_folder=recovery_folder)
    qtbot.addWidget(w)
    w.show()
    assert "30 位" in asked[0] and "收办行政复议申请" in asked[0]
    assert w.doc.path is None and w.isWindowModified() and read_lock(path) is None
    metric = w.doc.report.metrics[0]
    assert metric.value is None and "1" * 30 in metric.note
    target = tmp_path / "修复后"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    w.act_save.trigger()  # 文件 → 保存: untitled, so it asks for a new name
    saved = target.with_suffix(".fzbg")
    assert saved.is_file() and read_project(saved).metrics[0].note == metric.note
    assert path.read_bytes() == before
    w.doc.undo_stack.setClean()
    w.close()


def test_duplicate_ids_copy_keeps_edits_apart(tmp_path, app_settings, recovery_folder, monkeypatch, qtbot):
    """Issue 9 point 6: an edit to one section landed in another with the same id."""
    path = _copy(tmp_path, "duplicate-section-ids.fzbg")
    _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    w = open_project_window(path, app_settings, recovery_folder=recovery_folder)
    qtbot.addWidget(w)
    w.show()
    first, second = w.doc.report.sections
    assert first.id == "s-1" and second.id != "s-1"
    w.outline.select(second.id)
    form = w.form_area.form
    form.heading.setFocus()
    type_text(form.heading, "存在的不足")
    assert second.heading == "存在的不足" and first.heading == "主要举措和成效"
    w.doc.undo_stack.setClean()
    w.close()


def test_surrogate_copy_saves_and_exports(tmp_path, app_settings, recovery_folder, monkeypatch, qtbot):
    """Issue 9 point 4: a lone surrogate opened fine but save, autosave and export raised."""
    path = _copy(tmp_path, "lone-surrogate.fzbg")
    _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    w = open_project_window(path, app_settings, recovery_folder=recovery_folder)
    qtbot.addWidget(w)
    w.show()
    assert w.doc.report.sections[0].intro == ["引言\ufffd段落。"]
    target = tmp_path / "副本.fzbg"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert w.save()
    assert read_project(target).sections[0].intro == ["引言\ufffd段落。"]
    assert w.export_docx(tmp_path / "副本.docx") is not None and (tmp_path / "副本.docx").stat().st_size > 5000
    w.close()


def test_metrics_panel_refuses_figures_beyond_the_limits(qtbot):
    from editor.model import Metric, Report

    from test_metrics_panel import edit_cell

    doc = ReportDocument(Report(metrics=[Metric(id="m-a", label="收办", value="2041", unit="件", last_value="0.01")]))
    panel = MetricsPanel(doc)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    for typed, words in (("1" * 30, "最多 15 位"), ("999999999999999", "同比变化超过 12 位数"),
                         ("1.1234567", "最多 6 位")):
        edit_cell(qtbot, panel.view, panel.source_index("m-a", "value"), typed)
        index = panel.source_index("m-a", "value")
        assert doc.report.metrics[0].value == "2041", typed  # never written to the model
        assert index.data() == typed and index.data(Qt.ItemDataRole.BackgroundRole).color() == INVALID_BG
        assert words in panel.message.text()
    edit_cell(qtbot, panel.view, panel.source_index("m-a", "last_value"), "1" * 16)
    assert doc.report.metrics[0].last_value == "0.01" and "最多 15 位" in panel.message.text()
    edit_cell(qtbot, panel.view, panel.source_index("m-a", "value"), "2050")
    assert doc.report.metrics[0].value == "2050" and not panel.message.isVisible()


def test_rate_toggle_that_would_give_an_oversized_change_is_refused(qtbot):
    from editor.model import Metric, Report

    from editor.ui.metrics_panel import COL

    doc = ReportDocument(Report(metrics=[Metric(id="m-a", label="比率", value="100000000", last_value="0.0001",
                                                unit="%", is_rate=True)]))
    panel = MetricsPanel(doc)
    qtbot.addWidget(panel)
    panel.show()
    model = panel.model
    index = model.index(model.row_of("m-a"), COL["is_rate"])
    # as a rate the change is 99999999.9999 个百分点; as a count it would be a 15-digit per cent
    assert not model.setData(index, Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    assert doc.report.metrics[0].is_rate and "同比变化超过 12 位数" in panel.message.text()
    assert doc.undo_stack.count() == 0


@pytest.mark.parametrize("name, words", [
    ("deep-nesting-20000.fzbg", "嵌套"), ("integer-5000-digits.fzbg", "位数过多"), ("font-name-5000.fzbg", "字体的名称过长"),
    ("truncated.fzbg", "文件末尾"), ("item-levels-60.fzbg", "条目层级"),
])
def test_damaged_file_opens_a_named_dialog_not_a_traceback(name, words, tmp_path, app_settings, recovery_folder,
                                                           message_boxes, file_problem_boxes):
    """Issue 9 points 3 and 8: these raised RecursionError / ValueError (a traceback, no dialog) or named no
    problem; now the window says what is wrong with which file, and leaves no lock behind."""
    path = _copy(tmp_path, name)
    assert open_project_window(path, app_settings, recovery_folder=recovery_folder) is None
    # A damaged project gets the damaged-file question (open the backup / move it aside / close), which
    # names the file and the problem; the test answers "close".
    named = [options for text, options in file_problem_boxes if name in text and words in text]
    assert named == [["move", "close"]], (file_problem_boxes, message_boxes)
    assert message_boxes == []
    assert read_lock(path) is None and path.exists()


@pytest.mark.parametrize("how", ["backup_menu", "open_dialog"])
def test_backup_copy_with_duplicate_ids_offers_the_repaired_copy(how, tmp_path, make_window, monkeypatch, qtbot):
    """A .bak with the same damage as a project (duplicate ids) showed only the error, with no repaired copy
    offered: File → 打开备份… and File → 打开… now ask as for a project."""
    bak = tmp_path / "报告.fzbg.bak"
    bak.write_bytes((DAMAGED / "duplicate-section-ids.fzbg").read_bytes())
    before = bak.read_bytes()
    w = make_window(None)
    w.show()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bak), ""))
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: pytest.fail(f"only the error was shown: {a[2]}"))
    asked = _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    before_windows = set(map(id, w.findChildren(type(w)))) | {id(w)}
    (w.act_open_backup if how == "backup_menu" else w.act_open).trigger()
    assert len(asked) == 1 and "修复后的副本" in asked[0]
    from editor.ui.main_window import open_windows

    [copy] = [x for x in open_windows() if id(x) not in before_windows]
    qtbot.addWidget(copy)
    ids = [s.id for s in copy.doc.report.sections]
    assert copy.doc.path is None and copy.doc.modified and len(ids) == len(set(ids))
    assert bak.read_bytes() == before
    copy.doc.undo_stack.setClean()
    copy.close()


def test_damaged_project_whose_backup_has_duplicate_ids_offers_the_backups_repaired_copy(
        tmp_path, app_settings, recovery_folder, monkeypatch, qtbot):
    """The damaged-file question's 打开备份 with a .bak that has duplicate ids: the repaired copy of the
    backup is offered (it was only the error)."""
    from editor.ui import file_problems

    path = _copy(tmp_path, "truncated.fzbg")
    bak = tmp_path / "truncated.fzbg.bak"
    bak.write_bytes((DAMAGED / "duplicate-item-ids.fzbg").read_bytes())
    monkeypatch.setattr(file_problems, "choose", lambda *a, **k: "backup")
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: pytest.fail(f"only the error was shown: {a[2]}"))
    asked = _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    w = open_project_window(path, app_settings, recovery_folder=recovery_folder)
    assert w is not None and len(asked) == 1 and "修复后的副本" in asked[0]
    qtbot.addWidget(w)
    ids = [it.id for _s, chain in w.doc.report.iter_items() for it in chain[-1:]]
    assert w.doc.path is None and len(ids) == len(set(ids))
    w.doc.undo_stack.setClean()
    w.close()
