"""Window fixtures for the main-window tests: settings in a temporary INI file, a temporary recovery
folder, and windows that are closed (without prompts) after each test."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings


@pytest.fixture
def app_settings(tmp_path):
    s = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    yield s
    s.sync()


@pytest.fixture
def recovery_folder(tmp_path):
    return tmp_path / "recovery"


@pytest.fixture
def make_window(qtbot, app_settings, recovery_folder):
    from editor.ui.main_window import MainWindow

    made = []

    def make(doc=None, **kw):
        kw.setdefault("recovery_folder", recovery_folder)
        w = MainWindow(doc, app_settings, **kw)
        qtbot.addWidget(w)
        made.append(w)
        return w

    yield make
    for w in made:
        if not w._closed:
            w.doc.undo_stack.setClean()
            w.close()


@pytest.fixture(autouse=True)
def _source_language_after_each_test():
    """Tests that start the program (``editor.app.main``) install its Chinese translation on the shared
    QApplication; put the source strings back afterwards so the next test sees the language it set up."""
    yield
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is not None and getattr(app, "_report_editor_translators", None):
        from editor.ui import i18n

        i18n.install_translator(app, "en")
