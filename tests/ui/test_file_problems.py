"""Files at the edge of the window (issues 8 and 9): recovery copies kept until the user decided, a
killed editor (also as a zombie) recognised as dead, damaged projects, locks and recovery files turned
into dialogs that name the file, failed saves and autosaves that keep the edits, read-only projects,
and the guarded start."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from editor import app as app_module
from editor.model import FieldRef, Report
from editor.storage import read_project, write_project
from editor.storage.lock import lock_path, read_lock
from editor.storage.recovery import list_recoveries, recovery_key, write_recovery
from editor.templates import load_template
from editor.ui import file_problems
from editor.ui.document import ReportDocument
from editor.ui.main_window import offer_recovery, open_project_window

ROOT = Path(__file__).resolve().parents[2]
SB = QMessageBox.StandardButton

EDITOR = """
import sys, time
sys.path.insert(0, {root!r})
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
app = QApplication([])
from editor.model import FieldRef
from editor.ui.main_window import open_project_window
w = open_project_window({project!r}, QSettings({ini!r}, QSettings.Format.IniFormat), recovery_folder=Path({folder!r}))
w.doc.set_field(FieldRef(w.doc.report.sections[0].id, "heading"), "被杀死前写的标题", merge=False)
print(w.autosave(), flush=True)
time.sleep(60)
"""


@pytest.fixture
def project(tmp_path):
    path = tmp_path / "东莞 2022.fzbg"
    write_project(path, load_template("sample-dongguan-2022"))
    return path


def answers(monkeypatch, restore_answer, other=SB.Yes):
    """QMessageBox.question: ``restore_answer`` for the restore prompt, ``other`` for the rest (lock)."""
    asked = []

    def fake(parent, title, text, *a, **k):
        asked.append(text)
        return restore_answer if "Restore them?" in text else other

    monkeypatch.setattr(QMessageBox, "question", fake)
    return asked


def start_editor_and_kill(project, tmp_path, folder):
    code = EDITOR.format(root=str(ROOT), project=str(project), ini=str(tmp_path / "other.ini"), folder=str(folder))
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True,
                            env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    line = proc.stdout.readline().strip()
    assert line.endswith(".fzbg") and Path(line).parent == folder
    assert list_recoveries(folder) == []  # in use while the editor runs
    proc.kill()  # SIGKILL, unsaved edits in the window (the test's own child process)
    return proc


@pytest.mark.parametrize("zombie", [False, True], ids=["reaped", "zombie-parent-holds-pid"])
def test_crash_ignore_open_close_offered_again(project, tmp_path, app_settings, qtbot, monkeypatch, zombie):
    """SIGKILL with unsaved edits; the next start answers 忽略; the project is opened and closed
    normally; the start after that offers the copy again. With ``zombie`` the killed editor is never
    reaped by its parent (this test), so its process id stays taken."""
    folder = tmp_path / "recovery"
    proc = start_editor_and_kill(project, tmp_path, folder)
    try:
        if zombie:
            for _ in range(100):
                if Path(f"/proc/{proc.pid}/stat").read_text().split(")")[1].split()[0] == "Z":
                    break
                time.sleep(0.02)
            assert Path(f"/proc/{proc.pid}").exists()
        else:
            proc.wait()
        # restart: the copy is offered; the user answers Ignore (later)
        asked = answers(monkeypatch, SB.Ignore)
        assert offer_recovery(app_settings, recovery_folder=folder) == []
        assert "东莞 2022.fzbg" in asked[-1] and len(list_recoveries(folder)) == 1
        # open the project (the dead editor's lock is recognised, the override is offered) and close it
        w = open_project_window(project, app_settings, recovery_folder=folder)
        assert w is not None
        qtbot.addWidget(w)
        assert "意外退出" in asked[-1]  # the lock prompt says the holder stopped, not "being edited"
        w.show()
        w.doc.set_field(FieldRef("report", "year"), 2031, merge=False)
        assert w.autosave() is not None  # the new window's own copy, under its own key
        assert len(list_recoveries(folder, include_live=True)) == 2
        monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: SB.Discard)
        assert w.close()
        # restart again: the dead editor's copy is offered again, and restores its edit
        asked = answers(monkeypatch, SB.Yes)
        windows = offer_recovery(app_settings, recovery_folder=folder)
        assert len(windows) == 1 and "东莞 2022.fzbg" in asked[0]
        qtbot.addWidget(windows[0])
        assert windows[0].doc.report.sections[0].heading == "被杀死前写的标题"
        assert windows[0].doc.path == project and read_lock(project)["pid"] == os.getpid()
    finally:
        proc.wait()


def test_restore_then_discard_removes_the_copy(project, tmp_path, app_settings, qtbot, monkeypatch):
    folder = tmp_path / "recovery"
    proc = start_editor_and_kill(project, tmp_path, folder)
    proc.wait()
    answers(monkeypatch, SB.No)  # discard, explicitly
    assert offer_recovery(app_settings, recovery_folder=folder) == []
    assert list_recoveries(folder) == []


def test_restore_while_project_open_in_a_live_editor(project, tmp_path, app_settings, qtbot, monkeypatch):
    """A copy of a dead editor whose project is now open in another running editor is restored as an
    unsaved report, never by taking the living editor's lock."""
    folder = tmp_path / "recovery"
    key = "p-0000000000000000-deadbeef"
    write_recovery(folder, key, Report(organisations=["恢复的"]), project)
    meta = json.loads((folder / f"{key}.json").read_text(encoding="utf-8"))
    meta.update(pid=4_000_000, started=1.0)  # long gone
    (folder / f"{key}.json").write_text(json.dumps(meta), encoding="utf-8")
    holder = subprocess.Popen([sys.executable, "-c", "import sys, time; sys.path.insert(0, sys.argv[1]);"
                               "from editor.storage.lock import acquire_lock; acquire_lock(sys.argv[2]);"
                               "print('locked', flush=True); time.sleep(60)", str(ROOT), str(project)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        answers(monkeypatch, SB.Yes)
        windows = offer_recovery(app_settings, recovery_folder=folder)
        assert len(windows) == 1
        qtbot.addWidget(windows[0])
        assert windows[0].doc.path is None and windows[0].doc.report.organisations == ["恢复的"]
        assert read_lock(project)["pid"] == holder.pid
        assert "另存" in windows[0].statusBar().currentMessage() or "another name" in \
            windows[0].statusBar().currentMessage()
    finally:
        holder.kill()
        holder.wait()


# ------------------------------------------------------------------ status bar and failing autosave
def test_autosave_does_not_claim_the_file_is_saved(make_window, project, app_settings, recovery_folder):
    w = make_window(ReportDocument(read_project(project), project))
    w.doc.set_field(FieldRef("report", "year"), 2031, merge=False)
    assert w.autosave() is not None
    message = w.statusBar().currentMessage()
    assert "not saved" in message and message != "Autosaved"
    from PySide6.QtCore import QCoreApplication

    assert QCoreApplication.translate("MainWindow", "Recovery copy written; the report itself is not saved yet") \
        == message


def test_autosave_into_unwritable_folder_shows_a_chinese_dialog_once(make_window, tmp_path, message_boxes):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    w = make_window(ReportDocument(load_template("fzzf-annual")), recovery_folder=blocker / "recovery")
    w.doc.set_field(FieldRef("report", "year"), 2031, merge=False)
    assert w.autosave() is None
    assert len(message_boxes) == 1
    kind, text = message_boxes[0]
    assert kind == "warning" and "恢复副本" in text and "Errno" not in text and "OSError" not in text
    w.doc.set_field(FieldRef("report", "year"), 2032, merge=False)
    assert w.autosave() is None and len(message_boxes) == 1  # not every 30 seconds
    assert w.doc.report.year == 2032 and w.isWindowModified()


# ------------------------------------------------------------------ saves that fail
def test_close_with_save_never_closes_a_window_whose_save_failed(make_window, project, recovery_folder,
                                                                 message_boxes, monkeypatch):
    w = make_window(ReportDocument(read_project(project), project))
    w.doc.set_field(FieldRef("report", "organisations"), ["东莞市司法局\ud800"], merge=False)
    assert w.autosave() is None  # the copy cannot be written either: said once, in Chinese
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: SB.Save)  # the close prompt: 保存
    told = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: told.append(a[2]) or SB.Ok)
    assert not w.close()
    assert not w._closed and w.isWindowModified()
    assert "report.organisations[0]" in told[0] and "无法保存的字符" in told[0]
    assert read_project(project).organisations != ["东莞市司法局\ud800"]
    # the user fixes the text; now the close with 保存 saves and closes
    w.doc.set_field(FieldRef("report", "organisations"), ["东莞市司法局"], merge=False)
    assert w.close() and read_project(project).organisations == ["东莞市司法局"]


def test_failed_save_keeps_the_recovery_copy(make_window, project, recovery_folder, monkeypatch, message_boxes):
    w = make_window(ReportDocument(read_project(project), project))
    w.doc.set_field(FieldRef("report", "year"), 2031, merge=False)
    assert w.autosave() is not None
    from editor.storage import projectfile

    def full(*_a, **_k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(projectfile.tempfile, "mkstemp", full)
    assert not w.save()
    assert message_boxes[-1][0] == "critical" and "磁盘已满" in message_boxes[-1][1]
    assert "No space" not in message_boxes[-1][1]
    assert list_recoveries(recovery_folder) and w.isWindowModified()


def test_unexpected_error_in_save_names_the_log(make_window, project, monkeypatch, message_boxes, tmp_path):
    w = make_window(ReportDocument(read_project(project), project))
    w.doc.set_field(FieldRef("report", "year"), 2031, merge=False)
    from editor.ui import main_window

    monkeypatch.setattr(main_window, "write_project", lambda *a, **k: 1 / 0)
    assert not w.save()
    kind, text = message_boxes[-1]
    assert kind == "critical" and "日志文件" in text and "ZeroDivisionError" not in text
    log = Path(text.split("日志文件“")[1].split("”")[0])
    assert "ZeroDivisionError" in log.read_text(encoding="utf-8")
    assert w.isWindowModified()


def test_read_only_project_is_never_overwritten_save_as_offered(make_window, project, tmp_path, monkeypatch):
    project.chmod(0o444)
    before = project.read_bytes()
    w = make_window(ReportDocument(read_project(project), project))
    w.doc.set_field(FieldRef("report", "year"), 2031, merge=False)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or SB.Yes)
    other = tmp_path / "另存 2031.fzbg"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(other), ""))
    assert w.save()
    assert "只读" in asked[0] and project.read_bytes() == before
    assert read_project(other).year == 2031 and w.doc.path == other
    assert not project.with_name(project.name + ".bak").exists()


# ------------------------------------------------------------------ damaged files at open and start
def test_damaged_project_open_backup(project, app_settings, recovery_folder, qtbot, monkeypatch):
    write_project(project, load_template("sample-dongguan-2022"))  # now a .bak exists
    project.write_text('{"format": "report-editor-project", "format_version": 2, "report": [', encoding="utf-8")
    seen = []
    monkeypatch.setattr(file_problems, "choose", lambda p, t, text, options, d, i=None: seen.append(
        (text, [k for k, _ in options])) or "backup")
    w = open_project_window(project, app_settings, recovery_folder=recovery_folder)
    qtbot.addWidget(w)
    assert seen[0][1] == ["backup", "move", "close"] and "东莞 2022.fzbg" in seen[0][0]
    assert "东莞 2022.fzbg.bak" in seen[0][0]
    assert w.doc.path is None and w.isWindowModified() and w.doc.report.organisations == ["东莞市司法局"]
    assert project.read_text(encoding="utf-8").endswith("[")  # the damaged file is left as it is
    assert read_lock(project) is None


def test_damaged_project_moved_aside(tmp_path, app_settings, recovery_folder, monkeypatch, message_boxes):
    bad = tmp_path / "坏 报告.fzbg"
    bad.write_text("{ not json", encoding="utf-8")
    monkeypatch.setattr(file_problems, "choose", lambda *a, **k: "move")
    assert open_project_window(bad, app_settings, recovery_folder=recovery_folder) is None
    assert not bad.exists() and (tmp_path / "damaged" / "坏 报告.fzbg").read_text(encoding="utf-8") == "{ not json"
    assert message_boxes[-1][0] == "information" and "damaged" in message_boxes[-1][1]


@pytest.mark.parametrize("content", [b'{"pid": "abc"}', b"[1]", b'{"pid": 1000000000000000000000000000000}', b"\x00"])
def test_damaged_lock_offers_override(project, app_settings, recovery_folder, qtbot, monkeypatch, content):
    lock_path(project).write_bytes(content)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or SB.Yes)
    w = open_project_window(project, app_settings, recovery_folder=recovery_folder)
    assert w is not None
    qtbot.addWidget(w)
    assert "已损坏" in asked[0] and "用户 ?" not in asked[0] and lock_path(project).name in asked[0]
    assert read_lock(project)["pid"] == os.getpid()
    assert (project.parent / "damaged" / lock_path(project).name.lstrip(".")).read_bytes() == content
    w.close()


def test_lock_path_is_a_folder(project, app_settings, recovery_folder, qtbot, monkeypatch):
    lock_path(project).mkdir()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: SB.Yes)
    w = open_project_window(project, app_settings, recovery_folder=recovery_folder)
    assert w is not None and read_lock(project)["pid"] == os.getpid()
    qtbot.addWidget(w)
    w.close()


@pytest.mark.parametrize("meta", [b"[]", b"null", b'{"pid": "abc"}', b'{"pid": 100000000000000000000000}'])
def test_damaged_recovery_metadata_does_not_stop_the_start(recovery_folder, app_settings, qtbot, monkeypatch, meta):
    key = recovery_key(None)
    write_recovery(recovery_folder, key, Report(organisations=["未保存的"]))
    (recovery_folder / f"{key}.json").write_bytes(meta)
    asked = answers(monkeypatch, SB.Yes)
    windows = offer_recovery(app_settings, recovery_folder=recovery_folder)
    assert len(windows) == 1 and f"{key}.json" in asked[0] and "已损坏" in asked[0]
    qtbot.addWidget(windows[0])
    assert windows[0].doc.report.organisations == ["未保存的"]


def test_damaged_recovery_copy_named_and_moved_aside(recovery_folder, app_settings, monkeypatch, message_boxes):
    key = recovery_key(None)
    write_recovery(recovery_folder, key, Report())
    (recovery_folder / f"{key}.fzbg").write_bytes(b"\x00garbage")
    answers(monkeypatch, SB.Yes)
    seen = []
    monkeypatch.setattr(file_problems, "choose", lambda p, t, text, o, d, i=None: seen.append(text) or "move")
    assert offer_recovery(app_settings, recovery_folder=recovery_folder) == []
    assert f"{key}.fzbg" in seen[0]
    assert sorted(f.name for f in (recovery_folder / "damaged").iterdir()) == [f"{key}.fzbg", f"{key}.json"]
    assert list_recoveries(recovery_folder) == []


def test_damaged_recovery_copy_kept_for_later(recovery_folder, app_settings, monkeypatch):
    key = recovery_key(None)
    write_recovery(recovery_folder, key, Report())
    (recovery_folder / f"{key}.fzbg").write_bytes(b"{")
    answers(monkeypatch, SB.Yes)  # the choose() default in tests is "later"
    assert offer_recovery(app_settings, recovery_folder=recovery_folder) == []
    assert [i.key for i in list_recoveries(recovery_folder)] == [key]


# ------------------------------------------------------------------ guarded start
def test_start_with_damaged_project_gives_a_dialog_not_a_traceback(tmp_path, monkeypatch, file_problem_boxes,
                                                                   message_boxes, capsys):
    bad = tmp_path / "坏.fzbg"
    bad.write_text('{"format": "report-editor-project", "format_version": 2, "report": {"year": "x"', encoding="utf-8")
    monkeypatch.setenv("REPORT_EDITOR_EXIT_WHEN_SHOWN", "1")  # skip the recovery prompt of the real folder
    assert app_module.main([str(bad)]) == 1
    assert "坏.fzbg" in file_problem_boxes[0][0]
    # content that trips an error nobody foresaw (here: nesting deeper than the parser's recursion limit)
    bad.write_text("[" * 100000, encoding="utf-8")
    assert app_module.main([str(bad)]) == 1
    assert len(file_problem_boxes) + len(message_boxes) == 2
    assert "Traceback" not in capsys.readouterr().err
    assert read_lock(bad) is None


def test_start_with_unexpected_error_names_the_log_and_leaves_no_lock(project, monkeypatch, message_boxes):
    from editor.ui import main_window

    def broken(*a, **k):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(main_window, "ReportDocument", broken)
    monkeypatch.setenv("REPORT_EDITOR_EXIT_WHEN_SHOWN", "1")
    assert app_module.main([str(project)]) == 1
    kind, text = message_boxes[-1]
    assert kind == "critical" and "日志文件" in text and "RecursionError" not in text
    assert read_lock(project) is None  # the lock taken before the window failed was released


def test_interrupted_saves_removed_when_the_project_is_opened(project, app_settings, recovery_folder, qtbot):
    leftover = project.with_name(f".{project.name}.w4000000-1000.abcd.tmp")
    leftover.write_bytes(b"half a project")
    w = open_project_window(project, app_settings, recovery_folder=recovery_folder)
    qtbot.addWidget(w)
    assert not leftover.exists()
    w.close()


# ------------------------------------------------------------------ another running copy of the program
def test_project_open_in_another_running_program_comes_forward(project, tmp_path, app_settings, recovery_folder,
                                                              message_boxes):
    """The project is open in another running editor (a real `python -m editor.app PROJECT`): opening it
    again asks that program to show its window instead of the lock prompt — from a window (File > Open)
    and from a second start of the program, which then exits 0 without opening anything."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    first = subprocess.Popen([sys.executable, "-m", "editor.app", str(project)], env=env, cwd=tmp_path,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        for _ in range(300):
            holder = read_lock(project)
            if holder and holder.get("ipc"):
                break
            time.sleep(0.05)
        assert holder and holder["pid"] == first.pid and holder["ipc"]
        from editor.ui.instance import ask_to_raise

        assert open_project_window(project, app_settings, recovery_folder=recovery_folder) is None
        assert message_boxes == []  # no lock prompt
        assert ask_to_raise(holder["ipc"], project)  # it really answers
        assert not ask_to_raise(holder["ipc"], tmp_path / "另一个.fzbg")  # not open there: no
        second = subprocess.run([sys.executable, "-m", "editor.app", str(project)], env=env, cwd=tmp_path,
                                capture_output=True, timeout=60)
        assert second.returncode == 0 and read_lock(project)["pid"] == first.pid
    finally:
        first.kill()  # the test's own child
        first.wait()
    # a dead holder's socket name no longer answers: the usual stale-lock prompt follows
    asked = []
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or SB.No)
        assert open_project_window(project, app_settings, recovery_folder=recovery_folder) is None
    assert "意外退出" in asked[0]


def test_damaged_settings_never_stop_the_window(make_window, app_settings, project, recovery_folder, qtbot):
    """Values of the wrong kind in the settings (a hand-edited or damaged file) fall back to defaults."""
    from editor.ui import settings as st

    for key, value in ((st.RECENT_KEY, 5), (st.AUTOSAVE_KEY, "abc"), (st.GEOMETRY_KEY, "garbage"),
                       (st.STATE_KEY, 123), (st.LAST_FOLDER_KEY, 7)):
        app_settings.setValue(key, value)
    w = make_window()
    w._fill_recent()
    assert w.autosave_timer.interval() == st.DEFAULT_AUTOSAVE_S * 1000
    opened = open_project_window(project, app_settings, recovery_folder=recovery_folder)  # adds a recent file
    qtbot.addWidget(opened)
    assert st.recent_files(app_settings) == [str(project.absolute())]
    opened.close()


def test_error_in_a_slot_becomes_a_dialog_naming_the_log(message_boxes):
    previous = app_module._install_error_hook()
    try:
        try:
            {}["missing"]
        except KeyError as e:
            sys.excepthook(type(e), e, e.__traceback__)
    finally:
        sys.excepthook = previous
    kind, text = message_boxes[-1]
    assert kind == "critical" and "日志文件" in text and "KeyError" not in text
    log = Path(text.split("日志文件“")[1].split("”")[0])
    assert "KeyError: 'missing'" in log.read_text(encoding="utf-8")
