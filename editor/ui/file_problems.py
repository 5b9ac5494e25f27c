"""Dialogs for files that could not be read or written: a damaged project (open the backup, move the
file into ``damaged``), damaged recovery copies, a read-only project (save as), a failed autosave, and
true bugs (the message names the log file). Every text names the file and says what the user can do.

:func:`choose` is the one place that shows a question with buttons of its own; tests replace it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ..errors import ProjectDamaged, ProjectNotJson, ReportEditorError, unexpected_error_message


def choose(parent: Optional[QWidget], title: str, text: str, options: Sequence[tuple[str, str]],
           default: str, icon=QMessageBox.Icon.Warning) -> str:
    """Ask with one button per ``(key, label)`` option; returns the key chosen (the last option, which
    must be the harmless one, when the box is closed)."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("fileProblemBox")
    buttons = {}
    for i, (key, label) in enumerate(options):
        role = QMessageBox.ButtonRole.RejectRole if i == len(options) - 1 else QMessageBox.ButtonRole.AcceptRole
        buttons[box.addButton(label, role)] = key
        if key == default:
            box.setDefaultButton(list(buttons)[-1])
    box.exec()
    chosen = buttons.get(box.clickedButton(), options[-1][0])
    box.deleteLater()
    return chosen


def show_unexpected(parent: Optional[QWidget], title: str, error: BaseException, context: str = "") -> None:
    """A true bug: never a traceback; the details go to the log file that the message names."""
    QMessageBox.critical(parent, title, unexpected_error_message(error, context))


def backup_of(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def offer_damaged_project(parent: Optional[QWidget], title: str, path: Path, error: ReportEditorError) -> str:
    """A project that cannot be opened: say why; for a damaged one offer its backup and moving it into
    ``damaged``. Returns "backup", "move" or "close"."""
    damaged = isinstance(error, (ProjectDamaged, ProjectNotJson))
    if not damaged:
        QMessageBox.critical(parent, title, error.message)
        return "close"
    options = []
    bak = backup_of(path)
    text = error.message
    if bak.is_file():
        options.append(("backup", QCoreApplication.translate("FileProblems", "Open the backup")))
        text += "\n\n" + QCoreApplication.translate("FileProblems", "A backup of the previous version exists: “%1”. It can be opened as an unsaved "
                            "report; the damaged file stays as it is.").replace("%1", bak.name)
    options.append(("move", QCoreApplication.translate("FileProblems", "Move to the “damaged” folder")))
    text += "\n\n" + QCoreApplication.translate("FileProblems", "The damaged file can be moved into the folder “%1” (it is not deleted), so it no "
                        "longer gets in the way.").replace("%1", str(path.absolute().parent / "damaged"))
    options.append(("close", QCoreApplication.translate("FileProblems", "Close")))
    return choose(parent, title, text, options, options[0][0], QMessageBox.Icon.Critical)


def offer_damaged_recoveries(parent: Optional[QWidget], problems: Sequence[tuple[str, str]], folder: Path) -> str:
    """Recovery copies that cannot be read: ``(file, problem)`` each. Returns "move" or "later"."""
    lines = "\n".join(f"• {name}：{problem}" for name, problem in problems)
    text = (QCoreApplication.translate("FileProblems", "These recovery copies cannot be read:\n\n%1\n\nThey can be moved into the folder “%2” "
               "(nothing is deleted), or kept and offered again at the next start.")
            .replace("%1", lines).replace("%2", str(folder / "damaged")))
    return choose(parent, QCoreApplication.translate("FileProblems", "Damaged recovery copies"), text,
                  [("move", QCoreApplication.translate("FileProblems", "Move to the “damaged” folder")), ("later", QCoreApplication.translate("FileProblems", "Later"))], "move")
