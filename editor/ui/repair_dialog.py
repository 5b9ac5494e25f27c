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


def offer_repair_or_backup(error: ProjectRepairable, backup: Path, parent: Optional[QWidget] = None) -> str:
    """The damaged project has a backup (NAME.fzbg.bak): offer the repaired copy, the backup, or nothing.
    Returns "repair", "backup" or "close"."""
    from .file_problems import choose

    text = error.message + "\n\n" + QCoreApplication.translate(
        "RepairDialog", "A backup of the previous version exists: “%1”. Either opens as a new, unsaved report; "
        "the damaged file is not changed.").replace("%1", backup.name)
    options = [("repair", QCoreApplication.translate("RepairDialog", "Open the repaired copy")),
               ("backup", QCoreApplication.translate("RepairDialog", "Open the backup")),
               ("close", QCoreApplication.translate("RepairDialog", "Close"))]
    return choose(parent, QCoreApplication.translate("RepairDialog", "Damaged project"), text, options, "repair",
                  QMessageBox.Icon.Warning)


def open_repaired_copy(error: ProjectRepairable, settings=None, parent: Optional[QWidget] = None, *,
                       recovery_folder: Optional[Path] = None, ask: bool = True):
    """Ask (unless ``ask`` is False: the user already chose it), then return a new window (not shown) with
    the repaired copy, or None."""
    if ask and not ask_open_repaired_copy(error, parent):
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
