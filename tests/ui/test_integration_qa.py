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


def test_rollover_of_an_imported_report_leaves_the_import_findings_behind(tmp_path, capsys, seed_text):
    """`import` then `rollover`: next year's project repeated last year's import findings (原文编号不连续,
    punctuation converted in a source it was never imported from) in `check` and the problems panel."""
    from editor.cli import main
    from editor.storage import read_project

    src = tmp_path / "东莞 2022.txt"
    src.write_text(seed_text, encoding="utf-8")
    this_year, next_year = tmp_path / "2022.fzbg", tmp_path / "2023.fzbg"
    assert main(["import", str(src), "-o", str(this_year)]) == 0
    assert read_project(this_year).import_findings
    capsys.readouterr()
    assert main(["check", str(this_year)]) == 0
    assert "原文编号不连续" in capsys.readouterr().out
    assert main(["rollover", str(this_year), "-o", str(next_year)]) == 0
    assert read_project(next_year).import_findings == []
    main(["check", str(next_year)])
    out = capsys.readouterr().out
    assert "原文编号不连续" not in out and "导入时已改为公文用的全角标点" not in out
    assert read_project(this_year).import_findings  # last year's project is not changed
