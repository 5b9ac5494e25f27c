"""The window opens without loading pydantic: reading the project and showing the window do not wait for it.
Its validators and serialiser are built right after, without any user action (the problems panel's first
background check takes its snapshot through them), so the first save does not wait either; Ctrl+S then
writes the project. Measured in a fresh program (a child process): the test process has long loaded pydantic."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CHILD = r"""
import json, sys, time
from pathlib import Path
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
app = QApplication([])
from editor.storage import read_project
from editor.ui.document import ReportDocument
from editor.ui.main_window import MainWindow
folder = Path(sys.argv[1])
loaded_by_model = "pydantic" in sys.modules
win = MainWindow(ReportDocument(read_project(folder / "p.fzbg"), folder / "p.fzbg"), QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat),
                 recovery_folder=folder / "recovery")
win.resize(1280, 720)
win.show()
QTest.qWaitForWindowExposed(win)
at_show = "editor.model.schema" in sys.modules
t0 = time.monotonic()
while "editor.model.schema" not in sys.modules and time.monotonic() - t0 < 10:
    QTest.qWait(20)
prepared = "editor.model.schema" in sys.modules
prepared_after = time.monotonic() - t0
from editor.model import FieldRef
win.doc.set_field(FieldRef("report", "year"), 2030)  # a change to save (the forms' editing is tested elsewhere)
QTest.keyClick(win, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
saved = read_project(folder / "p.fzbg").year
win.doc.undo_stack.setClean()
win.close()
print(json.dumps({"loaded_by_model": loaded_by_model, "at_show": at_show, "prepared": prepared, "after": prepared_after, "saved": saved}))
"""


def test_validators_are_built_after_the_window_is_shown(tmp_path):
    from editor.storage import write_project
    from editor.templates import load_template

    write_project(tmp_path / "p.fzbg", load_template("sample-dongguan-2022"), backup=False)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    r = subprocess.run([sys.executable, "-c", CHILD, str(tmp_path)], env=env, capture_output=True, text=True,
                       timeout=120, cwd=tmp_path)
    assert r.returncode == 0, r.stderr[-3000:]
    out = json.loads(r.stdout.strip().splitlines()[-1])
    assert out["loaded_by_model"] is False  # reading the project and building the model: no pydantic
    assert out["at_show"] is False  # the window is shown before the validators are built
    assert out["prepared"] is True, out  # ... and they are built right after, without any user action
    assert out["saved"] == 2030
