"""Files in the real window: save, close, reopen; the close prompt; recent files; lock; recovery."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from uihelpers_a import type_text
from editor.model import FieldRef
from editor.storage import read_project, write_project
from editor.storage.lock import read_lock
from editor.storage.recovery import list_recoveries
from editor.templates import load_template
from editor.ui import settings as st
from editor.ui.document import ReportDocument
from editor.ui.main_window import offer_recovery, open_project_window

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def project(tmp_path):
    path = tmp_path / "东莞2022.fzbg"
    write_project(path, load_template("sample-dongguan-2022"))
    return path


def answer(monkeypatch, name, value, log=None):
    def fake(*args, **kwargs):
        if log is not None:
            log.append(args[2] if len(args) > 2 else "")
        return value

    monkeypatch.setattr(QMessageBox, name, fake)


def open_window(path, app_settings, recovery_folder, qtbot, **kw):
    w = open_project_window(path, app_settings, recovery_folder=recovery_folder, **kw)
    if w is not None:
        qtbot.addWidget(w)
    return w


def test_save_as_close_reopen_compare(make_window, app_settings, recovery_folder, tmp_path, qtbot, monkeypatch):
    w = make_window(ReportDocument(load_template("fzzf-annual")))
    w.show()
    form = w.show_node("report")
    type_text(form.editors["organisations"], "某县人民政府")
    item = w.doc.report.sections[0].items[0]
    w.outline.select(item.id)
    type_text(w.form_area.form.lead, "深化行政执法体制改革。")
    assert w.isWindowModified()
    target = tmp_path / "out" / "新报告"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert w.save()  # untitled: asks for a name; the extension is added
    saved = target.with_name("新报告.fzbg")
    assert saved.is_file() and w.doc.path == saved
    assert not w.isWindowModified() and "新报告.fzbg" in w.windowTitle()
    assert read_lock(saved)["pid"] == os.getpid()
    assert st.recent_files(app_settings)[0] == str(saved.absolute())
    expected = w.doc.report.model_dump()
    w.close()
    assert read_lock(saved) is None  # a normal close releases the lock
    w2 = open_window(saved, app_settings, recovery_folder, qtbot)
    assert w2.doc.report.model_dump() == expected
    assert w2.doc.report.organisations == ["某县人民政府"]
    assert not w2.isWindowModified()
    w2.close()


def test_close_prompt_save_discard_cancel(make_window, project, app_settings, recovery_folder, qtbot, monkeypatch):
    w = open_window(project, app_settings, recovery_folder, qtbot)
    w.show()
    section = w.doc.report.sections[0]
    w.doc.set_field(FieldRef(section.id, "heading"), "改过的标题", merge=False)
    asked = []
    # Cancel: the window stays open, nothing written
    answer(monkeypatch, "warning", QMessageBox.StandardButton.Cancel, asked)
    assert not w.close()
    assert w.isVisible() and asked and "东莞2022.fzbg" in asked[0]
    assert read_project(project).sections[0].heading != "改过的标题"
    # Discard: closes without writing
    answer(monkeypatch, "warning", QMessageBox.StandardButton.Discard)
    assert w.close()
    assert read_project(project).sections[0].heading != "改过的标题"
    # Save: closes after writing
    w2 = open_window(project, app_settings, recovery_folder, qtbot)
    w2.doc.set_field(FieldRef(w2.doc.report.sections[0].id, "heading"), "保存的标题", merge=False)
    answer(monkeypatch, "warning", QMessageBox.StandardButton.Save)
    assert w2.close()
    assert read_project(project).sections[0].heading == "保存的标题"
    assert project.with_name(project.name + ".bak").exists()  # the previous version is kept


def test_second_open_in_this_program_brings_the_window_forward(project, app_settings, recovery_folder, qtbot,
                                                                message_boxes):
    """Opening a project this program already has open shows that window instead of a lock prompt."""
    w = open_window(project, app_settings, recovery_folder, qtbot)
    w.show()
    again = open_project_window(project, app_settings, recovery_folder=recovery_folder)
    assert again is w and message_boxes == []
    assert "东莞2022.fzbg" in w.statusBar().currentMessage()
    w.close()


def test_lock_of_other_process_refused_then_overridden_after_crash(project, app_settings, recovery_folder, qtbot,
                                                                   monkeypatch):
    code = ("import sys, time; sys.path.insert(0, %r)\n"
            "from editor.storage.lock import acquire_lock\n"
            "acquire_lock(%r); print('locked', flush=True); time.sleep(60)") % (str(ROOT), str(project))
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    asked = []
    try:
        assert proc.stdout.readline().strip() == "locked"
        answer(monkeypatch, "question", QMessageBox.StandardButton.No, asked)
        assert open_window(project, app_settings, recovery_folder, qtbot) is None
        assert str(proc.pid) in asked[0]  # the holder is named
    finally:
        proc.kill()
        proc.wait()
    # the other copy crashed: the lock is stale; the user agrees to override it
    answer(monkeypatch, "question", QMessageBox.StandardButton.Yes, asked)
    w = open_window(project, app_settings, recovery_folder, qtbot)
    assert w is not None and read_lock(project)["pid"] == os.getpid()
    assert "意外退出" in asked[-1]
    w.close()


def test_autosave_and_recovery_after_crash(project, app_settings, recovery_folder, qtbot, monkeypatch):
    w = open_window(project, app_settings, recovery_folder, qtbot)
    assert w.autosave() is None  # nothing changed: nothing written
    item = w.doc.report.sections[0].items[0]
    w.outline.select(item.id)
    type_text(w.form_area.form.lead, "崩溃前的修改")
    copy = w.autosave()
    assert copy is not None and copy.parent == recovery_folder
    assert w.autosave() is None  # unchanged since the last autosave
    assert w.autosave_timer.interval() == 30_000
    # simulate a crash: the window disappears without its close handling (no prompt, nothing removed)
    w._closed = True
    w.hide()
    assert list_recoveries(recovery_folder)
    # the next start finds the copy and shows what would be restored
    shown = []
    monkeypatch.setattr("editor.ui.dialogs.QMessageBox.question",
                        lambda *a, **k: shown.append(a[2]) or QMessageBox.StandardButton.Yes)
    windows = offer_recovery(app_settings, recovery_folder=recovery_folder)
    assert len(windows) == 1
    restored = windows[0]
    qtbot.addWidget(restored)
    assert "东莞2022.fzbg" in shown[0] and "KB" in shown[0]
    assert restored.doc.report.sections[0].items[0].lead.endswith("崩溃前的修改")
    assert restored.doc.path == project and restored.isWindowModified()
    assert not read_project(project).sections[0].items[0].lead.endswith("崩溃前的修改")  # not saved yet
    # saving it and closing normally removes the recovery copy
    assert restored.save()
    assert read_project(project).sections[0].items[0].lead.endswith("崩溃前的修改")
    restored.close()
    assert list_recoveries(recovery_folder) == []


def test_recovery_declined_discards_copy(make_window, app_settings, recovery_folder, monkeypatch):
    w = make_window(ReportDocument(load_template("fzzf-annual")))
    w.doc.set_field(FieldRef("report", "year"), 2030, merge=False)
    assert w.autosave() is not None
    w._closed = True  # crash
    from editor.ui import main_window as mw

    mw._open_windows().remove(w)
    monkeypatch.setattr("editor.ui.dialogs.QMessageBox.question", lambda *a, **k: QMessageBox.StandardButton.No)
    assert offer_recovery(app_settings, recovery_folder=recovery_folder) == []
    assert list_recoveries(recovery_folder) == []


def test_normal_close_removes_recovery_copy(make_window, app_settings, recovery_folder, monkeypatch):
    w = make_window(ReportDocument(load_template("fzzf-annual")))
    w.doc.set_field(FieldRef("report", "year"), 2030, merge=False)
    w.autosave()
    assert list_recoveries(recovery_folder)
    answer(monkeypatch, "warning", QMessageBox.StandardButton.Discard)
    assert w.close()
    assert list_recoveries(recovery_folder) == []


def test_autosave_interval_from_preferences(make_window, app_settings):
    st.set_autosave_interval(45, app_settings)
    w = make_window(ReportDocument(load_template("fzzf-annual")))
    assert w.autosave_timer.interval() == 45_000


def test_recent_files_and_last_folder(project, app_settings, recovery_folder, qtbot, tmp_path):
    other = tmp_path / "b.fzbg"
    write_project(other, load_template("fzzf-annual"))
    for p in (project, other):
        open_window(p, app_settings, recovery_folder, qtbot).close()
    assert st.recent_files(app_settings)[:2] == [str(other.absolute()), str(project.absolute())]
    assert st.last_folder(app_settings) == str(tmp_path)
    st.remove_recent_file(other, app_settings)
    assert st.recent_files(app_settings) == [str(project.absolute())]


def test_damaged_project_is_reported(tmp_path, app_settings, recovery_folder, qtbot, file_problem_boxes):
    bad = tmp_path / "坏.fzbg"
    bad.write_text("{ not json", encoding="utf-8")
    assert open_window(bad, app_settings, recovery_folder, qtbot) is None  # answered "close"
    text, options = file_problem_boxes[0]
    assert "坏.fzbg" in text and options == ["move", "close"]  # no backup to offer here
    assert bad.read_text(encoding="utf-8") == "{ not json"
    assert read_lock(bad) is None  # the lock is only written after the project opened


def test_export_pdf_from_window(make_window, tmp_path, soffice, monkeypatch):
    w = make_window(ReportDocument(load_template("sample-dongguan-2022")))
    answer(monkeypatch, "information", QMessageBox.StandardButton.Ok)
    target = tmp_path / "报告.pdf"
    assert w.export_pdf(target) == target
    assert target.read_bytes()[:5] == b"%PDF-"


def test_app_starts_with_sample_and_quits(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", REPORT_EDITOR_EXIT_WHEN_SHOWN="1", PYTHONPATH=str(ROOT))
    proc = subprocess.run([sys.executable, "-m", "editor.app", "--sample"], env=env, capture_output=True,
                          text=True, timeout=120, cwd=str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    assert "shown after" in proc.stdout


def test_desktop_files_install_into_a_mime_database(tmp_path):
    import configparser
    import shutil

    desktop = configparser.ConfigParser(interpolation=None)
    desktop.optionxform = str
    desktop.read(ROOT / "resources" / "desktop" / "report-editor.desktop", encoding="utf-8")
    entry = desktop["Desktop Entry"]
    assert entry["Exec"].startswith("report-editor ") and "application/x-fzbg-project" in entry["MimeType"]
    assert (ROOT / "resources" / "icons" / f"{entry['Icon']}.svg").is_file()
    tool = shutil.which("update-mime-database")
    assert tool, "update-mime-database (shared-mime-info) is needed for the desktop integration"
    packages = tmp_path / "mime" / "packages"
    packages.mkdir(parents=True)
    shutil.copy(ROOT / "resources" / "desktop" / "report-editor.xml", packages)
    subprocess.run([tool, str(tmp_path / "mime")], check=True, capture_output=True)
    globs = (tmp_path / "mime" / "globs2").read_text(encoding="utf-8")
    assert "application/x-fzbg-project:*.fzbg" in globs


def test_recovery_after_killed_process(project, app_settings, tmp_path, qtbot, monkeypatch):
    """A real crash: another process opens the project, edits, autosaves and is killed (-9); the next
    start offers the copy, overrides the stale lock and restores the edit."""
    folder = tmp_path / "crash-recovery"
    code = f"""
import sys, time
sys.path.insert(0, {str(ROOT)!r})
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
app = QApplication([])
from editor.model import FieldRef
from editor.ui.main_window import open_project_window
w = open_project_window({str(project)!r}, QSettings({str(tmp_path / 'other.ini')!r}, QSettings.Format.IniFormat),
                        recovery_folder=Path({str(folder)!r}))
w.doc.set_field(FieldRef(w.doc.report.sections[0].id, "heading"), "崩溃前写的标题", merge=False)
print(w.autosave(), flush=True)
time.sleep(60)
"""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, env=env)
    try:
        line = proc.stdout.readline().strip()
        assert line.endswith(".fzbg") and Path(line).parent == folder
        # while it runs, its copy is in use and is not offered; its lock refuses us
        assert list_recoveries(folder) == []
        assert read_lock(project)["pid"] == proc.pid
    finally:
        proc.kill()
        proc.wait()
    shown = []
    monkeypatch.setattr("editor.ui.dialogs.QMessageBox.question",
                        lambda *a, **k: shown.append(a[2]) or QMessageBox.StandardButton.Yes)
    windows = offer_recovery(app_settings, recovery_folder=folder)
    assert len(windows) == 1 and "东莞2022.fzbg" in shown[0]
    w = windows[0]
    qtbot.addWidget(w)
    assert w.doc.report.sections[0].heading == "崩溃前写的标题"
    assert read_lock(project)["pid"] == os.getpid()  # the dead process's lock was taken over
    answer(monkeypatch, "warning", QMessageBox.StandardButton.Discard)
    w.close()
    assert list_recoveries(folder) == [] and read_lock(project) is None


def test_new_from_template_dialog_and_about(make_window, qtbot, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from editor.templates import list_templates
    from editor.ui.dialogs import NewFromTemplateDialog, about_text
    from editor import __version__

    dialog = NewFromTemplateDialog()
    qtbot.addWidget(dialog)
    assert dialog.list.count() == len(list_templates()) >= 2
    assert dialog.selected_name() == "fzzf-annual"
    dialog.list.setCurrentRow([t.name for t in list_templates()].index("sample-dongguan-2022"))
    assert dialog.selected_name() == "sample-dongguan-2022"
    w = make_window(ReportDocument(load_template("fzzf-annual")))
    monkeypatch.setattr(NewFromTemplateDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    new = w.new_from_template()
    qtbot.addWidget(new)
    assert new is not w and new.doc.path is None and new.doc.report.sections
    assert not new.isWindowModified()
    new.close()
    assert __version__ in about_text()
