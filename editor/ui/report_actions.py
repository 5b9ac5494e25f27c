"""Menu actions for import, roll-over and merge: File → Import…, Report → New next-year report / Merge other projects.

``install_report_actions(main_window)`` adds the actions to the window's menu bar (creating the
File / Report menus when missing) and returns them. It talks to the window only through:

* its menus ``file_menu`` / ``report_menu`` / ``recent_menu`` (found by title or created when absent);
* the current document: ``current_document()`` (or a ``document`` attribute);
* opening a new, unsaved report: ``open_report(report)`` (MainWindow opens it in a new window); the
  first of ``open_new_report``, ``new_document``, ``set_report`` for other windows.

The work itself is in :func:`import_report`, :func:`rollover_report` and :func:`merge_projects`
(each takes the window and paths, so tests drive them without file dialogs).
"""

from __future__ import annotations

from typing import Callable, Optional, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QFileDialog, QMainWindow, QMenu, QMessageBox

from ..errors import ReportEditorError
from ..model import Report



def current_document(main_window):
    return main_window.doc


def open_report(main_window, report: Report):
    """Open ``report`` in a new window as an unsaved document; returns that window."""
    return main_window.open_report(report)


def _menu(main_window: QMainWindow, title: str, attribute: str) -> QMenu:
    menu = getattr(main_window, attribute, None)
    if isinstance(menu, QMenu):
        return menu
    bar = main_window.menuBar()
    for action in bar.actions():
        menu = action.menu()
        if menu is not None and _plain(action.text()) == _plain(title):
            return menu
    return bar.addMenu(title)


def _plain(text: str) -> str:
    """A menu title without its mnemonic: "&File" / "文件(&F)" -> "File" / "文件"."""
    return text.replace("&", "").split("(")[0].strip()


def _start_folder(main_window) -> str:
    """File dialogs start in the report's folder, else the last folder used (QSettings)."""
    start = getattr(main_window, "start_folder", None)
    if callable(start):
        return start()
    from . import settings as st

    return st.last_folder(getattr(main_window, "settings", None))


def _remember_folder(main_window, path) -> None:
    from . import settings as st

    st.set_last_folder(path, getattr(main_window, "settings", None))


def _error(main_window, title: str, e: Exception) -> None:
    QMessageBox.warning(main_window, title, str(e))


# ------------------------------------------------------------------ the work
def import_report(main_window, path, *, review: Optional[Callable] = None,
                  progress: Optional[Callable] = None) -> Optional[Report]:
    """Import ``path`` in a worker thread (a progress dialog with 取消), let the user review the metric
    suggestions, open the result; None if cancelled. Raises :class:`ReportEditorError` when the file
    cannot be imported. ``progress(dialog)`` (tests) runs the progress dialog instead of ``exec()``."""
    from .import_dialog import ImportProgressDialog, ImportReviewDialog

    running = ImportProgressDialog(path, main_window)
    finished = progress(running) if progress is not None else running.exec() == QDialog.DialogCode.Accepted
    if running.error is not None:
        raise running.error
    if not finished or running.result is None:
        return None
    result = running.result
    dialog = ImportReviewDialog(result, main_window)
    accepted = review(dialog) if review is not None else dialog.exec() == QDialog.DialogCode.Accepted
    if not accepted:
        return None
    # turning the ticked figures into metrics also runs in the worker (取消 abandons the import)
    applying = ImportProgressDialog(path, main_window, job=dialog.apply_job())
    applied = progress(applying) if progress is not None else applying.exec() == QDialog.DialogCode.Accepted
    if applying.error is not None:
        raise applying.error
    if not applied or applying.result is None:
        return None
    # What the import noticed in the source (a skipped item number, converted punctuation, dropped
    # lines) is kept in the report (Report.import_findings): the problems panel shows it through the
    # checks until the user dismisses it.
    open_report(main_window, result.report)
    return result.report


def rollover_report(main_window) -> Optional[Report]:
    from ..model.yearly import rollover

    doc = current_document(main_window)
    if doc is None:
        return None
    nxt = rollover(doc.report)
    open_report(main_window, nxt)
    return nxt


def merge_projects(main_window, paths: Sequence[str], *, decide: Optional[Callable] = None) -> Optional[Report]:
    """Merge projects into the current report as one undoable step; None if cancelled."""
    from ..model.merge import plan_merge
    from ..storage import read_project
    from .commands import ReplaceReportCommand
    from .merge_dialog import MergeDialog

    doc = current_document(main_window)
    if doc is None:
        return None
    others = [(str(p), read_project(p)) for p in paths]
    plan = plan_merge(doc.report, others)
    dialog = MergeDialog(plan, main_window)
    accepted = decide(dialog) if decide is not None else dialog.exec() == QDialog.DialogCode.Accepted
    if not accepted:
        return None
    merged = dialog.merged_report()
    doc.push(ReplaceReportCommand(doc, merged, QCoreApplication.translate("ReportActions", "Merge other projects")))
    return doc.report


# ------------------------------------------------------------------ menus
def install_report_actions(main_window: QMainWindow) -> dict[str, QAction]:
    file_menu = _menu(main_window, QCoreApplication.translate("ReportActions", "File"), "file_menu")
    report_menu = _menu(main_window, QCoreApplication.translate("ReportActions", "Report"), "report_menu")

    act_import = QAction(QCoreApplication.translate("ReportActions", "&Import…"), main_window)
    act_import.setObjectName("actionImport")
    act_import.setStatusTip(QCoreApplication.translate("ReportActions", "Import an existing report from Word (.docx) or a text file"))
    act_rollover = QAction(QCoreApplication.translate("ReportActions", "New next-&year report"), main_window)
    act_rollover.setObjectName("actionRollover")
    act_rollover.setStatusTip(QCoreApplication.translate("ReportActions", 
        "Create next year's report from the current one; this year's figures become the previous-year values"))
    act_merge = QAction(QCoreApplication.translate("ReportActions", "&Merge other projects…"), main_window)
    act_merge.setObjectName("actionMerge")
    act_merge.setStatusTip(QCoreApplication.translate("ReportActions", "Merge projects drafted by colleagues into the current report"))

    def on_import():
        path, _ = QFileDialog.getOpenFileName(
            main_window, QCoreApplication.translate("ReportActions", "Import report"), _start_folder(main_window),
            QCoreApplication.translate("ReportActions", "Report files (*.docx *.txt *.md);;Word documents (*.docx);;Text files (*.txt *.md)"))
        if not path:
            return
        _remember_folder(main_window, path)
        try:
            import_report(main_window, path)
        except ReportEditorError as e:
            _error(main_window, QCoreApplication.translate("ReportActions", "Cannot import"), e)

    def on_rollover():
        try:
            if rollover_report(main_window) is None:
                QMessageBox.information(main_window, QCoreApplication.translate("ReportActions", "New next-year report"),
                                        QCoreApplication.translate("ReportActions", "Please open a report first."))
        except ReportEditorError as e:
            _error(main_window, QCoreApplication.translate("ReportActions", "Cannot create next year's report"), e)

    def on_merge():
        paths, _ = QFileDialog.getOpenFileNames(
            main_window, QCoreApplication.translate("ReportActions", "Choose projects to merge"), _start_folder(main_window),
            QCoreApplication.translate("ReportActions", "Report projects (*.fzbg)"))
        if not paths:
            return
        _remember_folder(main_window, paths[0])
        try:
            if merge_projects(main_window, paths) is None and current_document(main_window) is None:
                QMessageBox.information(main_window, QCoreApplication.translate("ReportActions", "Merge other projects"),
                                        QCoreApplication.translate("ReportActions", "Please open a report first."))
        except ReportEditorError as e:
            _error(main_window, QCoreApplication.translate("ReportActions", "Cannot merge"), e)

    act_import.triggered.connect(on_import)
    act_rollover.triggered.connect(on_rollover)
    act_merge.triggered.connect(on_merge)
    # File → Import… goes right after Open / Open Recent when the window has them, else at the end
    anchor = None
    recent = getattr(main_window, "recent_menu", None)
    actions = file_menu.actions()
    if isinstance(recent, QMenu) and recent.menuAction() in actions:
        i = actions.index(recent.menuAction())
        anchor = actions[i + 1] if i + 1 < len(actions) else None
    if anchor is not None:
        file_menu.insertAction(anchor, act_import)
    else:
        file_menu.addAction(act_import)
    report_menu.addAction(act_rollover)
    report_menu.addAction(act_merge)
    return {"import": act_import, "rollover": act_rollover, "merge": act_merge}
