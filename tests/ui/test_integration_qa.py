"""Defects found when the merged branches met (helper "qa"): each test drives the real window or the CLI."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QFileDialog, QLabel, QWidget

from editor.templates import load_template
from editor.ui import i18n
from editor.ui.document import ReportDocument

LATIN_WORD = re.compile(r"(?<![A-Za-z])(?!(?:PDF|Word)(?![A-Za-z]))[A-Za-z]{2,}")  # names of formats are fine


def _english_texts(dialog: QWidget) -> list[str]:
    out = []
    for w in [dialog, *dialog.findChildren(QWidget)]:
        if isinstance(w, QLabel) and LATIN_WORD.search(w.text()):
            out.append(w.text())
        if w.toolTip() and LATIN_WORD.search(w.toolTip()):
            out.append(w.toolTip())
    return out


@pytest.fixture
def chinese(qapp):
    assert i18n.install_translator(qapp, "zh_CN") == "zh_CN"
    yield
    i18n.install_translator(qapp, "en")


def test_import_file_dialog_of_the_window_has_no_english_labels(make_window, chinese, qtbot):
    """File → Import… opens Qt's own file dialog: its 查找范围 and 文件类型 labels were English
    ("&Look in:", "Files of &type:" — this Qt's source strings have mnemonics qtbase_zh_CN lacks)."""
    w = make_window(ReportDocument(load_template("sample-dongguan-2022")))
    w.show()
    seen: list[list[str]] = []

    def inspect():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(50, inspect)
            return
        seen.append(_english_texts(dialog))
        dialog.reject()

    QTimer.singleShot(0, inspect)
    action = next(a for a in w.file_menu.actions() if a.objectName() == "actionImport")
    action.trigger()
    assert seen == [[]], seen


def test_print_dialog_has_no_english_labels(make_window, chinese, qtbot):
    """The print dialog's 页面组 label ("Page &Set:") was English."""
    w = make_window(ReportDocument(load_template("sample-dongguan-2022")))
    w.show()
    seen: list[list[str]] = []

    def inspect():
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog is w:
            QTimer.singleShot(50, inspect)
            return
        texts = _english_texts(dialog)
        for combo in dialog.findChildren(QComboBox):
            texts += [combo.itemText(i) for i in range(combo.count()) if combo.objectName() != "printers"
                      and LATIN_WORD.search(combo.itemText(i))]
        seen.append(texts)
        dialog.reject()

    QTimer.singleShot(0, inspect)
    w.print_dialog()
    assert seen == [[]], seen
