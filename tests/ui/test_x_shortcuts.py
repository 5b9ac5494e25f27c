"""Shortcuts through a real window system. QTest delivers key events straight to a widget and skips
the window system's shortcut handling (the platform theme's key bindings, the shortcut map), so redo
on Ctrl+Y (and Ctrl+Shift+Z), the find dialog's Alt+N and Ctrl+P are checked here with real X key
events: a window under Xvfb, keys sent by ``xdotool``.

.ci/run installs Xvfb and xdotool; without them (a developer machine lacking them) the test is skipped."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

CHILD = textwrap.dedent(r"""
    import subprocess, sys
    from PySide6.QtWidgets import QApplication
    from PySide6.QtTest import QTest
    from editor.app import create_application, install_translation
    app = create_application([])
    install_translation(app, "zh_CN")
    from editor.templates import load_template
    from editor.ui.document import ReportDocument
    from editor.ui.main_window import MainWindow

    w = MainWindow(ReportDocument(load_template("sample-dongguan-2022")))
    w.resize(1200, 700)
    w.show()
    QTest.qWaitForWindowExposed(w)
    section, chain = next((s, c) for s, c in w.doc.report.iter_items() if c[-1].body)
    w.outline.select(chain[-1].id)
    edit = w.form_area.form.editors["body"]
    edit.setFocus()
    wid = str(int(w.winId()))

    def keys(*names):
        subprocess.run(["xdotool", "windowfocus", "--sync", wid, "key", "--delay", "40", *names], check=True)
        QTest.qWait(400)

    before = edit.source()
    keys("x", "y")
    typed = edit.source()
    keys("ctrl+z")
    undone = edit.source()
    keys("ctrl+y")
    redone_y = edit.source()
    keys("ctrl+z")
    keys("ctrl+shift+z")
    redone_shift = edit.source()
    print("RESULT", typed != before, undone == before, redone_y == typed, redone_shift == typed,
          QApplication.platformName(), flush=True)

    # Ctrl+F, type a term, Alt+N (the 查找下一个 button's mnemonic): the match is selected in its field
    keys("ctrl+f")
    dialog = w._find_dialog
    subprocess.run(["xdotool", "windowfocus", "--sync", str(int(dialog.winId())), "type", "--delay", "40", "2022"],
                   check=True)
    QTest.qWait(300)
    subprocess.run(["xdotool", "windowfocus", "--sync", str(int(dialog.winId())), "key", "alt+n"], check=True)
    QTest.qWait(500)
    m = dialog.current_match()
    edit = w.form_area.form.editors.get(m.ref.field) if m is not None else None
    print("FIND", m is not None, edit is not None and edit.textCursor().selectedText() == "2022", flush=True)
    dialog.close()
    QTest.qWait(200)

    # Ctrl+P opens the print dialog
    seen = []
    from PySide6.QtCore import QTimer

    def close_modal():
        modal = QApplication.activeModalWidget()
        seen.append(type(modal).__name__ if modal is not None else None)
        if modal is not None:
            modal.reject()
        else:
            QTimer.singleShot(200, close_modal)

    QTimer.singleShot(300, close_modal)
    keys("ctrl+p")
    QTest.qWait(800)
    print("PRINT", "QPrintDialog" in seen, flush=True)
    w.doc.undo_stack.setClean()
    w.close()
""")


def test_ctrl_y_and_ctrl_shift_z_redo_with_real_x_key_events(tmp_path):
    xvfb, xdotool = shutil.which("Xvfb"), shutil.which("xdotool")
    if not xvfb or not xdotool:
        pytest.skip("Xvfb and xdotool are installed by .ci/run")
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen([xvfb, "-displayfd", str(write_fd), "-screen", "0", "1280x720x24", "-nolisten", "tcp",
                               "-noreset"],
                              pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_fd)
    try:
        display = os.read(read_fd, 64).decode().strip()  # the pipe stays open while Xvfb runs
        assert display, "Xvfb did not start"
        env = dict(os.environ, DISPLAY=f":{display}", QT_QPA_PLATFORM="xcb", PYTHONPATH=str(ROOT))
        env.pop("WAYLAND_DISPLAY", None)
        proc = subprocess.run([sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, timeout=120,
                              cwd=str(tmp_path))
        assert proc.returncode == 0, proc.stderr[-2000:]
        result = next(line for line in proc.stdout.splitlines() if line.startswith("RESULT"))
        assert result.split()[1:] == ["True", "True", "True", "True", "xcb"], result
        lines = proc.stdout.splitlines()
        assert "FIND True True" in lines, proc.stdout  # Alt+N pressed through X selects the match
        assert "PRINT True" in lines, proc.stdout  # Ctrl+P through X opens the print dialog
    finally:
        server.terminate()
        server.wait(10)
        os.close(read_fd)
