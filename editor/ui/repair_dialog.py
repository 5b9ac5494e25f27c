"""Offering a repaired copy of a damaged project (duplicate ids, characters that cannot be saved).

The core reports the damage as a :class:`~editor.errors.ProjectRepairable` naming every place; this
asks the user, and on 是 opens the repaired copy as a new, unsaved report (saving it asks for a new
file name). The damaged file itself is never changed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ..errors import ProjectRepairable, ReportEditorError


def ask_open_repaired_copy(error: ProjectRepairable, parent: Optional[QWidget] = None) -> bool:
    question = QCoreApplication.translate(
        "RepairDialog", "Open a repaired copy as a new, unsaved report? The damaged file is not changed.")
    answer = QMessageBox.question(
        parent, QCoreApplication.translate("RepairDialog", "Damaged project"), f"{error.message}\n\n{question}",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def open_repaired_copy(error: ProjectRepairable, settings=None, parent: Optional[QWidget] = None, *,
                       recovery_folder: Optional[Path] = None):
    """Ask, then return a new window (not shown) with the repaired copy, or None."""
    if not ask_open_repaired_copy(error, parent):
        return None
    try:
        report = error.repaired()
    except ReportEditorError as e:  # pragma: no cover - the repair works on an already validated report
        QMessageBox.critical(parent, QCoreApplication.translate("RepairDialog", "Damaged project"), e.message)
        return None
    from .document import ReportDocument
    from .main_window import MainWindow

    window = MainWindow(ReportDocument(report), settings, recovery_folder=recovery_folder)
    window.doc.undo_stack.resetClean()  # not saved anywhere yet: modified from the start
    window._update_modified()
    window.statusBar().showMessage(QCoreApplication.translate(
        "RepairDialog", "Repaired copy: save it under a new name after checking it."), 30000)
    return window
