"""The main window: outline dock, the form of the selected part, preview, metrics and problems docks,
menus, files (new, open, recent, save, save as, export), lock, autosave and the close prompt.

One window per open report (:class:`~editor.ui.document.ReportDocument`). Windows are kept alive by
the application object (``WINDOWS_PROPERTY``), never by a module-level list.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QWidget,
)

from ..errors import (
    ProjectLocked,
    ProjectReadOnly,
    ProjectRepairable,
    ReportEditorError,
    os_error_text,
    unexpected_error_message,
)
from ..model import FieldRef, Report
from ..storage import EXTENSION, read_project, write_project
from ..storage.lock import ProjectLock, acquire_lock
from ..storage.recovery import read_recovery, recovery_key, remove_recovery, write_recovery
from . import i18n  # noqa: F401 - applies the PySide6 None-refcount guard
from . import settings as st
from .document import ReportDocument
from .forms import FormArea
from .outline import OutlineView

APP_TITLE = "法治政府建设年度报告编辑器"


def _open_windows() -> list["MainWindow"]:
    app = QApplication.instance()
    if app is None:
        return []
    windows = getattr(app, "_report_editor_windows", None)
    if windows is None:
        windows = []
        app._report_editor_windows = windows  # type: ignore[attr-defined]
    return windows


def open_windows() -> list["MainWindow"]:
    return [w for w in _open_windows() if not getattr(w, "_closed", False)]


class MainWindow(QMainWindow):
    def __init__(self, doc: Optional[ReportDocument] = None, settings: Optional[QSettings] = None, *,
                 lock: Optional[ProjectLock] = None, recovery_folder: Optional[Path] = None,
                 recovery_key_: Optional[str] = None):
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = st.settings(settings)
        if doc is None:
            from ..templates import load_template

            doc = ReportDocument(load_template("fzzf-annual"))
        self.doc = doc
        self.doc.setParent(self)
        self.lock = lock
        self.recovery_folder = Path(recovery_folder) if recovery_folder else st.recovery_dir()
        self.recovery_key = recovery_key_ or recovery_key(doc.path)
        self._autosaved_revision = -1
        self._closed = False
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        _open_windows().append(self)

        # ---- central form and docks
        self.form_area = FormArea(doc, self)
        self.setCentralWidget(self.form_area)
        self.outline = OutlineView(doc, self)
        self.outline_dock = self._dock("outlineDock", self.tr("Outline"), self.outline,
                                       Qt.DockWidgetArea.LeftDockWidgetArea)
        self.preview = None
        try:
            from .preview import PreviewWidget

            self.preview = PreviewWidget(doc, self)
            preview_widget: QWidget = self.preview
        except ImportError:
            preview_widget = QLabel(self.tr("Preview not available"))
        self.preview_dock = self._dock("previewDock", self.tr("Preview"), preview_widget,
                                       Qt.DockWidgetArea.RightDockWidgetArea)
        self.metrics_panel = None
        try:
            from .metrics_panel import MetricsPanel

            self.metrics_panel = MetricsPanel(doc, self)
            metrics_widget: QWidget = self.metrics_panel
        except ImportError:
            metrics_widget = QLabel(self.tr("Metrics panel not available"))
        self.metrics_dock = self._dock("metricsDock", self.tr("Metrics"), metrics_widget,
                                       Qt.DockWidgetArea.BottomDockWidgetArea)
        self.problems_panel = None
        try:
            from .problems_panel import ProblemsPanel

            self.problems_panel = ProblemsPanel(doc, self)
            problems_widget: QWidget = self.problems_panel
        except ImportError:
            problems_widget = QLabel(self.tr("Problems panel not available"))
        self.problems_dock = self._dock("problemsDock", self.tr("Problems"), problems_widget,
                                        Qt.DockWidgetArea.BottomDockWidgetArea)
        self.tabifyDockWidget(self.metrics_dock, self.problems_dock)
        self.metrics_dock.raise_()

        # ---- status bar
        self.page_label = QLabel(self)
        self.page_label.setObjectName("pageCountLabel")
        self.statusBar().addPermanentWidget(self.page_label)
        if self.preview is not None:
            self.preview.pageCountChanged.connect(self._show_page_count)
            self._show_page_count(self.preview.page_count())
            self.preview.blockActivated.connect(self.go_to)
        if self.metrics_panel is not None:
            self.metrics_panel.gotoRequested.connect(self.go_to)
        if self.problems_panel is not None and hasattr(self.problems_panel, "gotoRequested"):
            self.problems_panel.gotoRequested.connect(self.go_to)

        self._create_actions()
        self._create_menus()
        self.outline.nodeSelected.connect(self.show_node)
        self.form_area.formChanged.connect(self._connect_form)
        self.show_node("report")

        doc.undo_stack.cleanChanged.connect(self._update_modified)
        doc.pathChanged.connect(lambda _p: self._update_title())
        doc.structureChanged.connect(self._update_structure_actions)
        self._update_title()
        self._update_modified()
        self._update_structure_actions()

        self.autosave_timer = QTimer(self)
        self.autosave_timer.setObjectName("autosaveTimer")
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start(st.autosave_interval(self.settings) * 1000)

        self.resize(1400, 900)
        self._restore_layout()

    # ------------------------------------------------------------------ building
    def _dock(self, name: str, title: str, widget: QWidget, area) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _action(self, name: str, text: str, slot, shortcut=None, tip: str = "") -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _create_actions(self) -> None:
        SK = QKeySequence.StandardKey
        self.act_new = self._action("actionNew", self.tr("&New…"), self.new_from_template, SK.New,
                                    self.tr("Start a new report from a template"))
        self.act_open = self._action("actionOpen", self.tr("&Open…"), self.open_dialog, SK.Open)
        self.act_save = self._action("actionSave", self.tr("&Save"), self.save, SK.Save)
        self.act_save_as = self._action("actionSaveAs", self.tr("Save &As…"), self.save_as, SK.SaveAs)
        if not QKeySequence(SK.SaveAs).toString():
            self.act_save_as.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.act_export_docx = self._action("actionExportDocx", self.tr("Export &Word…"), self.export_docx_dialog,
                                            "Ctrl+E")
        self.act_export_pdf = self._action("actionExportPdf", self.tr("Export &PDF…"), self.export_pdf_dialog,
                                           "Ctrl+Shift+E")
        self.act_close = self._action("actionClose", self.tr("&Close"), self.close, SK.Close)
        self.act_quit = self._action("actionQuit", self.tr("&Quit"), self.quit_all, SK.Quit)
        if not QKeySequence(SK.Quit).toString():
            self.act_quit.setShortcut(QKeySequence("Ctrl+Q"))

        self.act_undo = self.doc.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.act_undo.setObjectName("actionUndo")
        self.act_undo.setShortcut(QKeySequence(SK.Undo))
        self.act_redo = self.doc.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.act_redo.setObjectName("actionRedo")
        self.act_redo.setShortcuts(QKeySequence.keyBindings(SK.Redo))
        self.act_find = self._action("actionFind", self.tr("&Find and Replace…"), self.find_replace, SK.Find)
        self.act_insert_metric = self._action("actionInsertMetric", self.tr("Insert &metric…"), self.insert_metric,
                                              "Ctrl+M")
        self.act_make_metric = self._action("actionMakeMetric", self.tr("Ma&ke metric from selection"),
                                            self.make_metric, "Ctrl+Shift+M")
        self.act_prefs = self._action("actionPreferences", self.tr("Pre&ferences…"), self.preferences,
                                      SK.Preferences)
        if not QKeySequence(SK.Preferences).toString():
            self.act_prefs.setShortcut(QKeySequence("Ctrl+,"))

        self.act_add_section = self._action("actionAddSection", self.tr("Add &section"), self.outline.add_section,
                                            "Ctrl+Shift+N")
        self.act_add_item = self._action("actionAddItem", self.tr("Add &item"), self.outline.add_item, "Ctrl+I")
        self.act_add_sub = self._action("actionAddSubItem", self.tr("Add s&ub-item"), self.outline.add_sub_item,
                                        "Ctrl+Shift+I")
        self.act_delete = self._action("actionDeletePart", self.tr("&Delete part"), self.outline.delete_current,
                                       "Ctrl+Shift+Del")
        self.act_up = self._action("actionMoveUp", self.tr("Move &up"), lambda: self.outline.move_current(-1),
                                   "Ctrl+Shift+Up")
        self.act_down = self._action("actionMoveDown", self.tr("Move do&wn"), lambda: self.outline.move_current(1),
                                     "Ctrl+Shift+Down")
        self.act_about = self._action("actionAbout", self.tr("&About"), self.about)

    def _create_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu(self.tr("&File"))
        self.file_menu.setObjectName("menuFile")
        for a in (self.act_new, self.act_open):
            self.file_menu.addAction(a)
        self.recent_menu = self.file_menu.addMenu(self.tr("Open &Recent"))
        self.recent_menu.setObjectName("menuRecent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.file_menu.addSeparator()
        for a in (self.act_save, self.act_save_as):
            self.file_menu.addAction(a)
        self.file_menu.addSeparator()
        for a in (self.act_export_docx, self.act_export_pdf):
            self.file_menu.addAction(a)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.act_close)
        self.file_menu.addAction(self.act_quit)

        self.edit_menu = bar.addMenu(self.tr("&Edit"))
        self.edit_menu.setObjectName("menuEdit")
        for a in (self.act_undo, self.act_redo):
            self.edit_menu.addAction(a)
        self.edit_menu.addSeparator()
        for a in (self.act_find, self.act_insert_metric, self.act_make_metric):
            self.edit_menu.addAction(a)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.act_prefs)

        # "Report": structure of the report; import / merge / roll-over actions are added by
        # editor.ui.report_actions (other engineers) into this menu.
        self.report_menu = bar.addMenu(self.tr("&Report"))
        self.report_menu.setObjectName("menuReport")
        for a in (self.act_add_section, self.act_add_item, self.act_add_sub, self.act_delete):
            self.report_menu.addAction(a)
        self.report_menu.addSeparator()
        for a in (self.act_up, self.act_down):
            self.report_menu.addAction(a)
        self.report_menu.addSeparator()

        self.view_menu = bar.addMenu(self.tr("&View"))
        self.view_menu.setObjectName("menuView")
        for dock in (self.outline_dock, self.preview_dock, self.metrics_dock, self.problems_dock):
            self.view_menu.addAction(dock.toggleViewAction())
        self.view_menu.addSeparator()
        # keyboard: jump between the panels (Ctrl+1 … Ctrl+5)
        self.focus_actions = []
        for n, (name, text, target) in enumerate((
                ("actionFocusOutline", self.tr("Go to &outline"), lambda: self.outline),
                ("actionFocusForm", self.tr("Go to &form"), self._form_focus_target),
                ("actionFocusPreview", self.tr("Go to pre&view"), lambda: self.preview_dock.widget()),
                ("actionFocusMetrics", self.tr("Go to &metrics"), lambda: self.metrics_dock.widget()),
                ("actionFocusProblems", self.tr("Go to &problems"), lambda: self.problems_dock.widget())), 1):
            action = self._action(name, text, lambda t=target: self.focus_panel(t()), f"Ctrl+{n}")
            self.view_menu.addAction(action)
            self.focus_actions.append(action)

        self.help_menu = bar.addMenu(self.tr("&Help"))
        self.help_menu.setObjectName("menuHelp")
        self.help_menu.addAction(self.act_about)

        try:
            from .report_actions import install_report_actions

            self.report_actions = install_report_actions(self)
        except ImportError:
            self.report_actions = {}

    # ------------------------------------------------------------------ state shown
    def _show_page_count(self, n: int) -> None:
        self.page_label.setText(self.tr("%1 page(s)").replace("%1", str(n)))

    def display_name(self) -> str:
        if self.doc.path:
            return self.doc.path.name
        return self.tr("Untitled")

    def _update_title(self) -> None:
        self.setWindowTitle(f"{self.display_name()}[*] — {APP_TITLE}")

    def _update_modified(self, *_args) -> None:
        self.setWindowModified(self.doc.modified)

    def _update_structure_actions(self) -> None:
        pass

    def current_document(self) -> ReportDocument:
        return self.doc

    # ------------------------------------------------------------------ navigation
    def show_node(self, node_id: str):
        form = self.form_area.show_node(node_id)
        if self.outline.current_id() != node_id:
            self.outline.select(node_id)
        self._show_in_preview(node_id)
        return form

    def _form_focus_target(self):
        form = self.form_area.form
        return (form.first_editor() if form is not None else None) or self.form_area

    def focus_panel(self, widget) -> None:
        if widget is None:
            return
        for dock in (self.outline_dock, self.preview_dock, self.metrics_dock, self.problems_dock):
            if dock.widget() is widget or dock.isAncestorOf(widget):
                dock.show()
                dock.raise_()
        widget.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _connect_form(self, form) -> None:
        button = getattr(form, "add_item_button", None)
        if button is not None:
            button.clicked.connect(lambda: self.outline.add_item())
        button = getattr(form, "add_sub_button", None)
        if button is not None:
            button.clicked.connect(lambda: self.outline.add_sub_item())

    def _show_in_preview(self, node_id: str) -> None:
        if self.preview is None or not hasattr(self.preview, "show_ref") or node_id == "report":
            return
        node = self.doc.report.find_node(node_id)
        field = "heading" if getattr(node, "heading", None) else "lead" if getattr(node, "lead", "") else None
        refs = [FieldRef(node_id, field)] if field else []
        refs += [FieldRef(node_id, "body", 0), FieldRef(node_id, "intro", 0)]
        if self.preview.refresh_pending():
            self.preview.refresh_now()
        for ref in refs:
            try:
                if self.preview.show_ref(ref):
                    return
            except Exception:  # noqa: BLE001 - the preview belongs to another engineer; never break selection
                return

    def go_to(self, ref) -> None:
        """Select the part holding ``ref`` and put the cursor into its field."""
        if ref is None:
            return
        node = ref.node
        if node.startswith("m-") or self.doc.report.find_node(node) is None:
            return
        self.outline.select(node)
        form = self.show_node(node)
        if form is not None:
            form.focus_field(ref)

    def focused_text_edit(self):
        from .textedit import TokenTextEdit

        w = QApplication.focusWidget()
        if isinstance(w, TokenTextEdit):
            return w
        form = self.form_area.form
        return form.first_editor() if form is not None else None

    # ------------------------------------------------------------------ files
    def _ask_path_open(self) -> Optional[str]:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open report"), st.last_folder(self.settings),
                                              self.tr("Report projects (*%1)").replace("%1", EXTENSION))
        return path or None

    def open_dialog(self) -> Optional["MainWindow"]:
        path = self._ask_path_open()
        return self.open_path(path) if path else None

    def open_path(self, path) -> Optional["MainWindow"]:
        """Open a project in a new window (or this one, if it is an untouched new report)."""
        window = open_project_window(path, self.settings, parent=self, recovery_folder=self.recovery_folder)
        if window is not None:
            window.show()
            if self._replaceable():
                self.close()
        return window

    def _replaceable(self) -> bool:
        return self.doc.path is None and not self.doc.modified and self.doc.undo_stack.count() == 0

    def open_report(self, report: Report) -> "MainWindow":
        """Open ``report`` (import, roll-over) in a new window as an unsaved document."""
        window = MainWindow(ReportDocument(report), self.settings, recovery_folder=self.recovery_folder)
        window.doc.undo_stack.resetClean()
        window._update_modified()
        window.show()
        return window

    def new_from_template(self) -> Optional["MainWindow"]:
        from .dialogs import NewFromTemplateDialog

        dialog = NewFromTemplateDialog(self)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selected_name():
                return None
            name = dialog.selected_name()
        finally:
            dialog.deleteLater()
        return self.new_report_window(name)

    def new_report_window(self, template: str = "fzzf-annual") -> "MainWindow":
        from ..templates import load_template

        window = MainWindow(ReportDocument(load_template(template)), self.settings,
                            recovery_folder=self.recovery_folder)
        window.show()
        return window

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        files = st.recent_files(self.settings)
        for i, path in enumerate(files):
            action = self.recent_menu.addAction(f"&{i + 1} {Path(path).name}")
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda _c=False, p=path: self._open_recent(p))
        if not files:
            empty = self.recent_menu.addAction(self.tr("(none)"))
            empty.setEnabled(False)
        else:
            self.recent_menu.addSeparator()
            clear = self.recent_menu.addAction(self.tr("&Clear list"))
            clear.triggered.connect(lambda: self.settings.setValue(st.RECENT_KEY, []))

    def _open_recent(self, path: str) -> None:
        if not Path(path).exists():
            st.remove_recent_file(path, self.settings)
            QMessageBox.warning(self, self.tr("Open report"),
                                self.tr("“%1” no longer exists and was removed from the list.").replace("%1", path))
            return
        self.open_path(path)

    def save(self) -> bool:
        if self.doc.path is None:
            return self.save_as()
        return self.save_to(self.doc.path)

    def save_as(self, exclude: Optional[Path] = None) -> bool:
        """Ask for a name and save there; ``exclude`` (a read-only file) is refused as the target."""
        suggested = self.doc.path or Path(st.last_folder(self.settings)) / (self.doc.report.title.split("\n")[0]
                                                                             + EXTENSION)
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save report as"), str(suggested),
                                              self.tr("Report projects (*%1)").replace("%1", EXTENSION))
        if not path:
            return False
        if not path.endswith(EXTENSION):
            path += EXTENSION
        if exclude is not None and Path(path).absolute() == Path(exclude).absolute():
            QMessageBox.warning(self, self.tr("Save report"),
                                self.tr("“%1” is read-only. Choose another name.").replace("%1", Path(path).name))
            return False
        return self.save_to(Path(path))

    def save_to(self, path: Path) -> bool:
        """Save to ``path``. On any failure the user is told why (in Chinese), the edits stay in the
        window and the recovery copy is kept; returns False. A read-only project offers "save as"."""
        path = Path(path)
        title = self.tr("Save report")
        new_file = self.doc.path is None or path.absolute() != self.doc.path.absolute()
        new_lock = None
        if new_file:
            if any(w is not self and w.doc.path and w.doc.path.absolute() == path.absolute()
                   for w in open_windows()):
                QMessageBox.warning(self, title, self.tr("“%1” is open in another window. Choose another name.")
                                    .replace("%1", path.name))
                return False
            try:
                new_lock = acquire_lock(path, force=not path.exists())
            except ProjectLocked as e:
                QMessageBox.warning(self, title, e.message)
                return False
            except ReportEditorError:
                new_lock = None
        try:
            write_project(path, self.doc.report)
        except ProjectReadOnly as e:
            if new_lock is not None:
                new_lock.release()
            answer = QMessageBox.question(
                self, title, e.message + "\n\n" + self.tr("Save the report under another name?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes)
            return answer == QMessageBox.StandardButton.Yes and self.save_as(exclude=path)
        except ReportEditorError as e:
            if new_lock is not None:
                new_lock.release()
            QMessageBox.critical(self, title, e.message)
            return False
        except Exception as e:  # noqa: BLE001 - a bug must not lose the edits or close the window
            if new_lock is not None:
                new_lock.release()
            from .file_problems import show_unexpected

            show_unexpected(self, title, e, f"save {path}")
            return False
        if new_file:
            if self.lock is not None:
                self.lock.release()
            self.lock = new_lock
            old_key = self.recovery_key
            self.doc.set_path(path)
            self.recovery_key = recovery_key(path)
            remove_recovery(self.recovery_folder, old_key)
        self.doc.mark_saved()
        remove_recovery(self.recovery_folder, self.recovery_key)
        self._autosaved_revision = self.doc.revision
        st.add_recent_file(path, self.settings)
        st.set_last_folder(path, self.settings)
        self.statusBar().showMessage(self.tr("Saved to %1").replace("%1", str(path)), 5000)
        return True

    # ------------------------------------------------------------------ export
    def _export_target(self, suffix: str, title: str, filt: str) -> Optional[Path]:
        stem = self.doc.path.stem if self.doc.path else self.doc.report.title.split("\n")[0]
        folder = Path(st.last_folder(self.settings))
        path, _ = QFileDialog.getSaveFileName(self, title, str(folder / f"{stem}{suffix}"), filt)
        if not path:
            return None
        if not path.lower().endswith(suffix):
            path += suffix
        return Path(path)

    def export_docx_dialog(self) -> Optional[Path]:
        target = self._export_target(".docx", self.tr("Export Word"), self.tr("Word documents (*.docx)"))
        return self.export_docx(target) if target else None

    def export_docx(self, target: Path) -> Optional[Path]:
        from ..export import iter_write_docx

        progress = QProgressDialog(self.tr("Exporting the Word file…"), self.tr("Cancel"), 0, 100, self)
        progress.setObjectName("exportProgress")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        report = self.doc.snapshot()
        try:
            for done, total in iter_write_docx(report, target):
                progress.setMaximum(max(1, total))
                progress.setValue(done)
                if progress.wasCanceled() and done < total - 1:
                    self.statusBar().showMessage(self.tr("Export cancelled"), 5000)
                    return None
        except ReportEditorError as e:
            QMessageBox.critical(self, self.tr("Export Word"), e.message)
            return None
        finally:
            progress.close()
            progress.deleteLater()
        self._exported(target)
        return target

    def export_pdf_dialog(self) -> Optional[Path]:
        target = self._export_target(".pdf", self.tr("Export PDF"), self.tr("PDF files (*.pdf)"))
        return self.export_pdf(target) if target else None

    def export_pdf(self, target: Path) -> Optional[Path]:
        from ..export import write_pdf

        progress = QProgressDialog(self.tr("Exporting the PDF (LibreOffice)…"), "", 0, 0, self)
        progress.setObjectName("exportProgress")
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.show()
        QApplication.processEvents()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            write_pdf(self.doc.snapshot(), target)
        except ReportEditorError as e:
            QMessageBox.critical(self, self.tr("Export PDF"), e.message)
            return None
        finally:
            QApplication.restoreOverrideCursor()
            progress.close()
            progress.deleteLater()
        self._exported(target)
        return target

    def _exported(self, target: Path) -> None:
        st.set_last_folder(target, self.settings)
        message = self.tr("Exported to %1").replace("%1", str(target))
        self.statusBar().showMessage(message, 10000)
        QMessageBox.information(self, self.tr("Export"), message)

    # ------------------------------------------------------------------ edit actions
    def find_replace(self) -> None:
        try:
            from .find_replace import FindReplaceDialog
        except ImportError:
            return
        dialog = getattr(self, "_find_dialog", None)
        if dialog is None:
            dialog = FindReplaceDialog(self.doc, self)
            dialog.gotoRequested.connect(self.go_to)
            self._find_dialog = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    def insert_metric(self) -> None:
        edit = self.focused_text_edit()
        if edit is not None:
            edit.pick_and_insert()

    def make_metric(self) -> None:
        edit = self.focused_text_edit()
        if edit is not None:
            edit.make_metric_from_selection()

    def preferences(self) -> None:
        from .dialogs import PreferencesDialog

        dialog = PreferencesDialog(self.settings, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            dialog.apply()
            for w in open_windows():
                w.autosave_timer.setInterval(st.autosave_interval(self.settings) * 1000)
        dialog.deleteLater()

    def about(self) -> None:
        from .dialogs import show_about

        show_about(self)

    # ------------------------------------------------------------------ autosave
    def autosave(self) -> Optional[Path]:
        """Write the recovery copy if the report changed since the last save or autosave.

        This does not save the project file: the status bar says so. A failure is shown in a dialog once
        (until an autosave succeeds again); the edits stay in the window."""
        if not self.doc.modified or self.doc.revision == self._autosaved_revision:
            return None
        try:
            path = write_recovery(self.recovery_folder, self.recovery_key, self.doc.report, self.doc.path,
                                  self.display_name() if self.doc.path else "")
        except Exception as e:  # noqa: BLE001 - an autosave must never end the editing session
            if isinstance(e, ReportEditorError):
                message = e.message
            elif isinstance(e, OSError):
                message = os_error_text(e)
            else:
                message = unexpected_error_message(e, "autosave")
            self.statusBar().showMessage(self.tr("Recovery copy could not be written"), 10000)
            if not getattr(self, "_autosave_failed", False):
                self._autosave_failed = True
                QMessageBox.warning(
                    self, self.tr("Autosave"),
                    self.tr("The recovery copy of “%1” could not be written:\n%2\n\nYour changes are still in "
                            "this window. Save the report (or save it under another name) soon.")
                    .replace("%1", self.display_name()).replace("%2", message))
            return None
        self._autosave_failed = False
        self._autosaved_revision = self.doc.revision
        self.statusBar().showMessage(self.tr("Recovery copy written; the report itself is not saved yet"), 5000)
        return path

    # ------------------------------------------------------------------ closing
    def maybe_save(self) -> bool:
        """The save prompt: True when the window may close (saved or discarded), False to cancel."""
        if not self.doc.modified:
            return True
        answer = QMessageBox.warning(
            self, APP_TITLE,
            self.tr("“%1” has unsaved changes. Save them?").replace("%1", self.display_name()),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        if self._closed:
            event.accept()
            return
        if not self.maybe_save():
            event.ignore()
            return
        self._save_layout()
        self.autosave_timer.stop()
        if self.problems_panel is not None:
            self.problems_panel.shutdown()  # no check may run on a closing window's report
        remove_recovery(self.recovery_folder, self.recovery_key)
        if self.lock is not None:
            self.lock.release()
            self.lock = None
        self._closed = True
        windows = _open_windows()
        if self in windows:
            windows.remove(self)
        event.accept()

    def quit_all(self) -> None:
        for w in list(open_windows()):
            if not w.close():
                return
        QApplication.quit()

    def _save_layout(self) -> None:
        self.settings.setValue(st.GEOMETRY_KEY, self.saveGeometry())
        self.settings.setValue(st.STATE_KEY, self.saveState(st.STATE_VERSION))

    def _restore_layout(self) -> None:
        geometry = self.settings.value(st.GEOMETRY_KEY)
        state = self.settings.value(st.STATE_KEY)
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        if isinstance(state, QByteArray) and not state.isEmpty() and self.restoreState(state, st.STATE_VERSION):
            return
        # first start: outline narrow on the left, a page-wide preview on the right, metrics low
        self.resizeDocks([self.outline_dock, self.preview_dock], [300, 600], Qt.Orientation.Horizontal)
        self.resizeDocks([self.metrics_dock], [230], Qt.Orientation.Vertical)


# ---------------------------------------------------------------------- opening projects
def _window_for(path: Path) -> Optional[MainWindow]:
    for w in open_windows():
        if w.doc.path is not None and w.doc.path.absolute() == path.absolute():
            return w
    return None


def open_project_window(path, settings: Optional[QSettings] = None, parent: Optional[QWidget] = None, *,
                        recovery_folder: Optional[Path] = None, force_lock: bool = False) -> Optional[MainWindow]:
    """Read ``path``, take its lock (asking to override it when held) and return a new window (not shown).

    A project this program already has open in a window brings that window forward (and returns it).
    Returns None (after telling the user in a dialog that names the file and what can be done) when the
    project cannot be read or stays locked; never raises.
    """
    path = Path(path)
    title = QApplication.translate("MainWindow", "Open report")
    existing = _window_for(path)
    if existing is not None and not force_lock:
        existing.show()
        existing.raise_()
        existing.activateWindow()
        existing.statusBar().showMessage(QApplication.translate(
            "MainWindow", "“%1” is already open in this window.").replace("%1", path.name), 5000)
        return existing
    try:
        return _open_project_window(path, title, settings, parent, recovery_folder, force_lock)
    except Exception as e:  # noqa: BLE001 - the guard of every open: a dialog, never a traceback
        from .file_problems import show_unexpected

        show_unexpected(parent, title, e, f"open {path}")
        return None


def _open_project_window(path: Path, title: str, settings, parent, recovery_folder, force_lock):
    from ..storage.projectfile import remove_interrupted_saves
    from .file_problems import backup_of, offer_damaged_project

    try:
        report = read_project(path)
    except ProjectRepairable as e:  # duplicate ids, unsaveable characters: offer a repaired copy, file untouched
        from .repair_dialog import open_repaired_copy

        return open_repaired_copy(e, settings, parent, recovery_folder=recovery_folder)
    except ReportEditorError as e:
        choice = offer_damaged_project(parent, title, path, e)
        if choice == "backup":
            try:
                backup = read_project(backup_of(path))
            except ReportEditorError as e2:
                QMessageBox.critical(parent, title, e2.message)
                return None
            # The backup opens as an unsaved report: saving asks for a name; the damaged file stays.
            window = MainWindow(ReportDocument(backup), settings, recovery_folder=recovery_folder)
            window.doc.undo_stack.resetClean()
            window._update_modified()
            window.statusBar().showMessage(QApplication.translate(
                "MainWindow", "Opened the backup “%1”; save it under a name of your choice.")
                .replace("%1", backup_of(path).name), 15000)
            return window
        if choice == "move":
            from ..storage.damaged import move_aside

            try:
                moved = move_aside(path)
            except ReportEditorError as e2:
                QMessageBox.critical(parent, title, e2.message)
                return None
            QMessageBox.information(parent, title, QApplication.translate(
                "MainWindow", "The damaged file was moved to “%1”.").replace("%1", str(moved)))
        return None
    try:
        lock = acquire_lock(path, force=force_lock)
    except ProjectLocked as e:
        from .instance import raise_in_other_instance

        if not e.holder.get("dead") and raise_in_other_instance(path):
            return None  # the program that has it open showed its window
        dead = bool(e.holder.get("dead"))
        damaged = bool(e.holder.get("damaged"))
        if damaged:
            question = QApplication.translate("MainWindow", "Remove the damaged lock and open the project?")
        elif dead:
            question = QApplication.translate("MainWindow", "The program that held it seems to have stopped. "
                                              "Remove the lock and open the project?")
        else:
            question = QApplication.translate("MainWindow", "Open it anyway? Only do this if you are sure it is "
                                              "not being edited: two people saving the same file lose work.")
        answer = QMessageBox.question(
            parent, title, f"{e.message}\n\n{question}",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes if dead or damaged else QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return None
        try:
            lock = acquire_lock(path, force=True)
        except ReportEditorError as e2:
            QMessageBox.critical(parent, title, e2.message)
            return None
    except ReportEditorError as e:
        QMessageBox.critical(parent, title, e.message)
        return None
    remove_interrupted_saves(path)  # leftovers of saves that were killed
    try:
        doc = ReportDocument(report, path)
        window = MainWindow(doc, settings, lock=lock, recovery_folder=recovery_folder)
    except BaseException:
        lock.release()  # a window that could not be built leaves no lock behind
        raise
    st.add_recent_file(path, window.settings)
    st.set_last_folder(path, window.settings)
    return window


def offer_recovery(settings: Optional[QSettings] = None, parent: Optional[QWidget] = None, *,
                   recovery_folder: Optional[Path] = None) -> list[MainWindow]:
    """At start-up: offer to restore recovery copies left by a crash; returns the restored windows.

    Restore opens them; discard removes them; "later" (Ignore) keeps them to be offered at the next
    start. A copy that cannot be read is named in a dialog and can be moved into ``damaged``. Never
    raises: a damaged recovery file never keeps the program from starting.
    """
    title = QApplication.translate("MainWindow", "Restore unsaved work")
    try:
        return _offer_recovery(settings, parent, recovery_folder, title)
    except Exception as e:  # noqa: BLE001 - the program starts whatever the recovery folder holds
        from .file_problems import show_unexpected

        show_unexpected(parent, title, e, "offer_recovery")
        return []


def _offer_recovery(settings, parent, recovery_folder, title) -> list[MainWindow]:
    from ..storage.recovery import list_recoveries, move_recovery_aside
    from .dialogs import ask_restore
    from .file_problems import offer_damaged_recoveries

    from ..storage.projectfile import remove_interrupted_writes_in

    folder = Path(recovery_folder) if recovery_folder else st.recovery_dir()
    remove_interrupted_writes_in(folder)  # leftovers of autosaves that were killed
    mine = {w.recovery_key for w in open_windows()}
    infos = [i for i in list_recoveries(folder) if i.key not in mine]
    if not infos:
        return []
    answer = ask_restore(parent, infos)
    if answer == QMessageBox.StandardButton.Ignore:
        return []  # kept: offered again at the next start
    if answer != QMessageBox.StandardButton.Yes:
        for info in infos:
            remove_recovery(folder, info.key)
        return []
    windows = []
    unreadable = []
    for info in infos:
        try:
            report = read_recovery(info)
        except ReportEditorError as e:
            unreadable.append((info, e.message))
            continue
        lock = None
        path = info.project
        note = ""
        if path is not None:
            try:
                lock = acquire_lock(path)
            except ProjectLocked as e:
                if e.holder.get("dead") or e.holder.get("damaged") or (
                        _held_by_this_process(e.holder) and _window_for(path) is None):
                    lock = _force_lock(path)
                else:  # the project is open in a running editor: restore as an unsaved copy
                    note = QApplication.translate(
                        "MainWindow", "“%1” is open in another window; the restored copy is not linked to it. "
                        "Save it under another name.").replace("%1", path.name)
                    path = None
            except ReportEditorError:
                lock = None
        doc = ReportDocument(report, path)
        window = MainWindow(doc, settings, lock=lock, recovery_folder=folder, recovery_key_=info.key)
        # The restored text is not saved yet: mark it modified (an empty clean state that cannot be reached).
        doc.undo_stack.resetClean()
        window._update_modified()
        window.statusBar().showMessage(note or QApplication.translate(
            "MainWindow", "Restored from the recovery copy of %1").replace("%1", info.describe()), 15000)
        windows.append(window)
    if unreadable:
        problems = [(str(info.copy_path), message) for info, message in unreadable]
        if offer_damaged_recoveries(parent, problems, folder) == "move":
            for info, _message in unreadable:
                try:
                    move_recovery_aside(info)
                except ReportEditorError as e:
                    QMessageBox.warning(parent, title, e.message)
    return windows


def _held_by_this_process(holder: dict) -> bool:
    import os
    import socket

    from ..sysenv import START_TIME_TOLERANCE_S, process_start_time

    if holder.get("pid") != os.getpid() or holder.get("host") != socket.gethostname():
        return False
    started, mine = holder.get("started"), process_start_time(os.getpid())
    return not isinstance(started, (int, float)) or mine is None or abs(mine - started) <= START_TIME_TOLERANCE_S


def _force_lock(path: Path) -> Optional[ProjectLock]:
    try:
        return acquire_lock(path, force=True)
    except ReportEditorError:
        return None
