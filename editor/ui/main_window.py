"""The main window: outline dock, the form of the selected part, preview, metrics and problems docks,
menus, files (new, open, recent, save, save as, export), lock, autosave and the close prompt.

One window per open report (:class:`~editor.ui.document.ReportDocument`). Windows are kept alive by
the application object (``WINDOWS_PROPERTY``), never by a module-level list.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Optional

from PySide6.QtCore import QByteArray, QEventLoop, QPoint, QSettings, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QDesktopServices, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDockWidget,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QTextEdit,
    QToolBar,
    QToolButton,
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


def app_title() -> str:
    """The program's name in the interface language (never a mix of languages in a title)."""
    return QApplication.translate("Application", "Annual Report Editor")


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


def _activate(window: "MainWindow") -> None:
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()


def _with_defaults(bindings, *keys: str) -> list[QKeySequence]:
    """The platform's key bindings plus ``keys`` (each once)."""
    out = [QKeySequence(k) for k in keys]
    for seq in bindings:
        if seq.toString() not in {o.toString() for o in out} and not seq.isEmpty():
            out.append(seq)
    return out


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

        screen = (self.screen() or QApplication.primaryScreen())
        available = screen.availableGeometry() if screen is not None else None
        if available is not None and available.width() > 0:
            self.resize(min(1400, available.width()), min(900, available.height()))
        else:
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
        self.act_export_pdf = self._action("actionExportPdf", self.tr("Export P&DF…"), self.export_pdf_dialog,
                                           "Ctrl+Shift+E")
        self.act_print = self._action("actionPrint", self.tr("&Print…"), self.print_dialog, SK.Print,
                                      self.tr("Print the report as the preview shows it"))
        if not QKeySequence(SK.Print).toString():
            self.act_print.setShortcut(QKeySequence("Ctrl+P"))
        self.act_print_preview = self._action("actionPrintPreview", self.tr("Print Pre&view…"),
                                              self.print_preview, "Ctrl+Shift+P")
        self.act_open_backup = self._action("actionOpenBackup", self.tr("Open &Backup Copy…"), self.open_backup_dialog,
                                            tip=self.tr("Open the copy kept from the previous save (.bak)"))
        self.act_close = self._action("actionClose", self.tr("&Close Report"), self.close_report)
        self.act_close.setShortcuts(_with_defaults(QKeySequence.keyBindings(SK.Close), "Ctrl+W"))
        self.act_quit = self._action("actionQuit", self.tr("&Quit"), self.quit_all, SK.Quit)
        if not QKeySequence(SK.Quit).toString():
            self.act_quit.setShortcut(QKeySequence("Ctrl+Q"))

        self.act_undo = self.doc.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.act_undo.setObjectName("actionUndo")
        self.act_undo.setShortcut(QKeySequence(SK.Undo))
        self.act_redo = self.doc.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.act_redo.setObjectName("actionRedo")
        # Ctrl+Y (as in WPS and Word) and Ctrl+Shift+Z on every platform, besides the platform's own keys
        self.act_redo.setShortcuts(_with_defaults(QKeySequence.keyBindings(SK.Redo), "Ctrl+Y", "Ctrl+Shift+Z"))
        self.act_cut = self._edit_action("actionCut", self.tr("Cu&t"), "cut", SK.Cut)
        self.act_copy = self._edit_action("actionCopy", self.tr("&Copy"), "copy", SK.Copy)
        self.act_paste = self._edit_action("actionPaste", self.tr("&Paste"), "paste", SK.Paste)
        self.act_select_all = self._edit_action("actionSelectAll", self.tr("Select &All"), "selectAll", SK.SelectAll)
        QApplication.clipboard().dataChanged.connect(self._update_edit_actions)
        QApplication.instance().focusChanged.connect(self._update_edit_actions)
        self.act_find = self._action("actionFind", self.tr("&Find and Replace…"), self.find_replace, SK.Find)
        self.act_insert_metric = self._action("actionInsertMetric", self.tr("Insert &metric…"), self.insert_metric,
                                              "Ctrl+M")
        self.act_make_metric = self._action("actionMakeMetric", self.tr("Ma&ke metric from selection"),
                                            self.make_metric, "Ctrl+Shift+M")
        self.act_prefs = self._action("actionPreferences", self.tr("Prefere&nces…"), self.preferences,
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
        self.act_up = self._action("actionMoveUp", self.tr("Move u&p"), lambda: self.outline.move_current(-1),
                                   "Ctrl+Shift+Up")
        self.act_down = self._action("actionMoveDown", self.tr("Move do&wn"), lambda: self.outline.move_current(1),
                                     "Ctrl+Shift+Down")
        self.act_about = self._action("actionAbout", self.tr("&About"), self.about)
        self.act_check = self._action("actionCheck", self.tr("Chec&k Report"), self.check_report, "F7",
                                      self.tr("Proofread the report and show the problems"))
        self.act_zoom_in = self._action("actionZoomIn", self.tr("Zoom &In"), lambda: self._zoom("in"))
        self.act_zoom_out = self._action("actionZoomOut", self.tr("Zoom O&ut"), lambda: self._zoom("out"))
        self.act_zoom_width = self._action("actionZoomWidth", self.tr("Fit Page &Width"), lambda: self._zoom("width"))
        self.act_next_window = self._action("actionNextWindow", self.tr("&Next Window"), lambda: self._cycle_window(1),
                                            QKeySequence.StandardKey.NextChild)
        self.act_prev_window = self._action("actionPreviousWindow", self.tr("P&revious Window"),
                                            lambda: self._cycle_window(-1), QKeySequence.StandardKey.PreviousChild)

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
        for a in (self.act_print, self.act_print_preview):
            self.file_menu.addAction(a)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.act_open_backup)
        self.file_menu.addAction(self.act_close)
        self.file_menu.addAction(self.act_quit)

        self.edit_menu = bar.addMenu(self.tr("&Edit"))
        self.edit_menu.setObjectName("menuEdit")
        for a in (self.act_undo, self.act_redo):
            self.edit_menu.addAction(a)
        self.edit_menu.addSeparator()
        for a in (self.act_cut, self.act_copy, self.act_paste, self.act_select_all):
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

        self.view_menu.addSeparator()
        for a in (self.act_zoom_in, self.act_zoom_out, self.act_zoom_width):
            self.view_menu.addAction(a)

        self.window_menu = bar.addMenu(self.tr("&Window"))
        self.window_menu.setObjectName("menuWindow")
        self.window_menu.aboutToShow.connect(self._fill_window_menu)
        self._fill_window_menu()

        self.help_menu = bar.addMenu(self.tr("&Help"))
        self.help_menu.setObjectName("menuHelp")
        self.help_menu.addAction(self.act_about)

        try:
            from .report_actions import install_report_actions

            self.report_actions = install_report_actions(self)
        except ImportError:
            self.report_actions = {}
        self._create_toolbar()

    def _create_toolbar(self) -> None:
        """The common actions, as in WPS and Word, and the preview's zoom."""
        bar = QToolBar(self.tr("Toolbar"), self)
        bar.setObjectName("mainToolBar")
        bar.setMovable(False)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        self.toolbar = bar
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        style = self.style()
        SP = style.StandardPixmap
        for action, text, theme, fallback in (
                (self.act_new, self.tr("New"), "document-new", SP.SP_FileIcon),
                (self.act_open, self.tr("Open"), "document-open", SP.SP_DirOpenIcon),
                (self.act_save, self.tr("Save"), "document-save", SP.SP_DialogSaveButton),
                (self.act_undo, self.tr("Undo"), "edit-undo", SP.SP_ArrowBack),
                (self.act_redo, self.tr("Redo"), "edit-redo", SP.SP_ArrowForward),
                (self.act_print, self.tr("Print"), "document-print", SP.SP_FileDialogDetailedView),
                (self.act_check, self.tr("Check"), "tools-check-spelling", SP.SP_DialogApplyButton)):
            action.setIconText(text)
            action.setIcon(QIcon.fromTheme(theme, style.standardIcon(fallback)))
        for a in (self.act_new, self.act_open, self.act_save):
            bar.addAction(a)
        bar.addSeparator()
        for a in (self.act_undo, self.act_redo):
            bar.addAction(a)
        bar.addSeparator()
        export = QToolButton(bar)
        export.setObjectName("exportToolButton")
        export.setText(self.tr("Export"))
        export.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        export.addAction(self.act_export_docx)
        export.addAction(self.act_export_pdf)
        export.setToolTip(self.tr("Export the report as a Word or PDF file"))
        bar.addWidget(export)
        export.setIcon(QIcon.fromTheme("document-export", style.standardIcon(SP.SP_DialogSaveButton)))
        export.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.addAction(self.act_print)
        bar.addAction(self.act_check)
        bar.addSeparator()
        bar.addWidget(QLabel(self.tr("Zoom:"), bar))
        self.act_zoom_out.setIconText("－")
        self.act_zoom_in.setIconText("＋")
        for a in (self.act_zoom_out, self.act_zoom_in):
            a.setToolTip(a.text().replace("&", ""))
        bar.addAction(self.act_zoom_out)
        self.zoom_box = QComboBox(bar)
        self.zoom_box.setObjectName("zoomBox")
        self.zoom_box.setEditable(False)
        self.zoom_box.addItem(self.tr("Page width"), 0.0)
        from .preview import PreviewWidget

        for z in PreviewWidget.ZOOM_STEPS:
            self.zoom_box.addItem(f"{round(z * 100)}%", z)
        self.zoom_box.setToolTip(self.tr("Zoom of the preview"))
        self.zoom_box.activated.connect(self._zoom_chosen)
        bar.addWidget(self.zoom_box)
        bar.addAction(self.act_zoom_in)
        self.view_menu.addAction(bar.toggleViewAction())
        if self.preview is not None and hasattr(self.preview, "zoomChanged"):
            self.preview.zoomChanged.connect(self._show_zoom)
        self._show_zoom()

    # ------------------------------------------------------------------ standard edit actions
    def _edit_action(self, name: str, text: str, method: str, key) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.setShortcuts(QKeySequence.keyBindings(key))
        # the focused text widget handles its own keys; the shortcut serves menus and other widgets
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(lambda _c=False, m=method: self._edit_command(m))
        return action

    @staticmethod
    def _text_target():
        w = QApplication.focusWidget()
        if isinstance(w, QComboBox) and w.isEditable():
            w = w.lineEdit()
        if isinstance(w, (QLineEdit, QTextEdit)):
            return w
        from PySide6.QtWidgets import QAbstractSpinBox, QPlainTextEdit

        if isinstance(w, QPlainTextEdit):
            return w
        if isinstance(w, QAbstractSpinBox):
            return w
        return None

    def _edit_command(self, method: str) -> None:
        target = self._text_target()
        if target is None:
            return
        fn = getattr(target, method, None)
        if fn is not None:
            fn()

    def _disconnect_application(self) -> None:
        """Application-wide signals must not reach a closed window (at exit the clipboard still
        announces its change, and a half-destroyed window would be called)."""
        for signal in (QApplication.clipboard().dataChanged, QApplication.instance().focusChanged):
            try:
                signal.disconnect(self._update_edit_actions)
            except (RuntimeError, TypeError):
                pass

    def _update_edit_actions(self, *_args) -> None:
        if self._closed:
            return
        try:
            target = self._text_target()
        except RuntimeError:
            return
        selected = False
        read_only = True
        if isinstance(target, QLineEdit):
            selected, read_only = target.hasSelectedText(), target.isReadOnly()
        elif target is not None and hasattr(target, "textCursor"):
            selected, read_only = target.textCursor().hasSelection(), target.isReadOnly()
        elif target is not None:
            selected, read_only = True, False
        has_text = bool(QApplication.clipboard().mimeData() and QApplication.clipboard().mimeData().hasText())
        try:
            self.act_cut.setEnabled(selected and not read_only)
            self.act_copy.setEnabled(selected)
            self.act_paste.setEnabled(target is not None and not read_only and has_text)
            self.act_select_all.setEnabled(target is not None)
        except RuntimeError:  # the window is being destroyed
            pass

    # ------------------------------------------------------------------ zoom
    def _zoom(self, how: str) -> None:
        if self.preview is None:
            return
        {"in": self.preview.zoom_in, "out": self.preview.zoom_out, "width": self.preview.zoom_to_width}[how]()
        self._show_zoom()

    def _zoom_chosen(self, index: int) -> None:
        value = float(self.zoom_box.itemData(index) or 0.0)
        if self.preview is None:
            return
        if value <= 0:
            self.preview.zoom_to_width()
        else:
            self.preview.fit_width = False
            self.preview.set_zoom(value)
        self._show_zoom()

    def _show_zoom(self, *_args) -> None:
        if self.preview is None or not hasattr(self, "zoom_box"):
            return
        box = self.zoom_box
        box.blockSignals(True)
        if self.preview.fit_width:
            box.setCurrentIndex(0)
            box.setItemText(0, self.tr("Page width (%1%)").replace("%1", str(round(self.preview.zoom() * 100))))
        else:
            box.setItemText(0, self.tr("Page width"))
            best = min(range(1, box.count()), key=lambda i: abs(float(box.itemData(i)) - self.preview.zoom()))
            box.setCurrentIndex(best)
        box.blockSignals(False)

    # ------------------------------------------------------------------ windows
    def _fill_window_menu(self) -> None:
        menu = self.window_menu
        menu.clear()
        menu.addAction(self.act_close)
        menu.addAction(self.act_next_window)
        menu.addAction(self.act_prev_window)
        menu.addSeparator()
        group = QActionGroup(menu)
        for i, w in enumerate(open_windows()):
            label = w.display_name() + (" *" if w.doc.modified else "")
            action = menu.addAction(f"&{i + 1} {label}" if i < 9 else label)
            action.setCheckable(True)
            action.setChecked(w is self)
            action.setToolTip(str(w.doc.path) if w.doc.path else label)
            group.addAction(action)
            action.triggered.connect(lambda _c=False, win=w: _activate(win))
        enabled = len(open_windows()) > 1
        self.act_next_window.setEnabled(enabled)
        self.act_prev_window.setEnabled(enabled)

    def _cycle_window(self, step: int) -> None:
        windows = open_windows()
        if len(windows) < 2 or self not in windows:
            return
        _activate(windows[(windows.index(self) + step) % len(windows)])

    def _place_new_window(self, window: "MainWindow") -> "MainWindow":
        """Show a window opened from this one: in this window's place when this one is an untouched
        new report (which is then closed), else cascaded below and to the right of it."""
        if self._replaceable() and not self._closed:
            window.setGeometry(self.geometry())
            if self.isMaximized():
                window.showMaximized()
            else:
                window.show()
            self.doc.undo_stack.setClean()
            self.close()
            return window
        window.resize(self.size())
        step = max(24, self.style().pixelMetric(self.style().PixelMetric.PM_TitleBarHeight) + 6)
        pos = self.pos() + QPoint(step, step)
        screen = (self.screen() or QApplication.primaryScreen()).availableGeometry()
        if pos.x() + 200 > screen.right() or pos.y() + 200 > screen.bottom():
            pos = screen.topLeft()
        window.move(pos)
        window.show()
        return window

    def close_report(self) -> bool:
        """Close this report (Ctrl+W). When it is the last window the program would end: ask first."""
        if len(open_windows()) <= 1 and not self._closed:
            answer = QMessageBox.question(
                self, app_title(),
                self.tr("This is the last open report: closing it quits the program. Quit?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes)
            if answer != QMessageBox.StandardButton.Yes:
                return False
        return self.close()

    # ------------------------------------------------------------------ print
    def _printer(self):
        from .printing import make_printer

        return make_printer(self.display_name())

    def print_to(self, printer, edition: Optional[str] = None) -> int:
        """Paint every page the preview shows (the chosen range) onto ``printer``; returns the page count.
        ``edition``: the edition to print (default: the one the preview shows, chosen in 报告信息)."""
        from .printing import render_preview

        if self.preview is None:
            return 0
        return render_preview(self.preview, printer, edition or getattr(self, "print_edition", None))

    def _edition_box(self, parent) -> QComboBox:
        """Which edition to print: 公开发布版 / 正式公文版 (starts at the one the preview shows)."""
        box = QComboBox(parent)
        box.setObjectName("printEditionBox")
        box.addItem(self.tr("Public (web)"), "public")
        box.addItem(self.tr("Formal (red header, colophon)"), "formal")
        box.setCurrentIndex(max(0, box.findData(self.doc.report.edition)))
        self.print_edition = self.doc.report.edition
        box.currentIndexChanged.connect(lambda _i: setattr(self, "print_edition", box.currentData()))
        return box

    def print_dialog(self) -> int:
        from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog

        if self.preview is None:
            return 0
        if self.preview.refresh_pending():
            self.preview.refresh_now()
        printer = self._printer()
        dialog = QPrintDialog(printer, self)
        dialog.setObjectName("printDialog")
        dialog.setWindowTitle(self.tr("Print “%1”").replace("%1", self.display_name()))
        dialog.setMinMax(1, max(1, self.preview.page_count()))
        tab = QWidget()
        tab.setWindowTitle(self.tr("Edition"))
        from PySide6.QtWidgets import QFormLayout

        QFormLayout(tab).addRow(self.tr("Edition:"), self._edition_box(tab))
        dialog.setOptionTabs([tab])
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile, True)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return 0
            pages = self.print_to(printer)
        finally:
            self.print_edition = None
            dialog.deleteLater()
        self.statusBar().showMessage(self.tr("Sent %1 page(s) to the printer").replace("%1", str(pages)), 5000)
        return pages

    def print_preview(self) -> None:
        from PySide6.QtPrintSupport import QPrintPreviewDialog

        if self.preview is None:
            return
        printer = self._preview_printer = self._printer()  # the dialog uses it but does not own it
        dialog = QPrintPreviewDialog(printer, self)
        dialog.setObjectName("printPreviewDialog")
        dialog.setWindowTitle(self.tr("Print preview of “%1”").replace("%1", self.display_name()))
        dialog.paintRequested.connect(lambda p: self.print_to(p))
        from PySide6.QtPrintSupport import QPrintPreviewWidget

        view = dialog.findChild(QPrintPreviewWidget)
        bar = dialog.findChild(QToolBar)
        if bar is not None and view is not None:  # both editions can be previewed and printed from here
            bar.addSeparator()
            bar.addWidget(QLabel(self.tr("Edition:"), bar))
            box = self._edition_box(bar)
            box.currentIndexChanged.connect(lambda _i: view.updatePreview())
            bar.addWidget(box)
        screen = (self.screen() or QApplication.primaryScreen()).availableGeometry()
        dialog.resize(min(900, screen.width()), screen.height() * 9 // 10)
        try:
            dialog.exec()
        finally:
            self.print_edition = None
            dialog.deleteLater()

    # ------------------------------------------------------------------ check
    def check_report(self) -> None:
        panel = self.problems_panel
        if panel is None:
            return
        self.problems_dock.show()
        self.problems_dock.raise_()
        if hasattr(panel, "refresh"):
            panel.refresh()

    # ------------------------------------------------------------------ state shown
    def _show_page_count(self, n: int) -> None:
        self.page_label.setText(self.tr("%1 page(s)").replace("%1", str(n)))

    def display_name(self) -> str:
        if self.doc.path:
            return self.doc.path.name
        return self.tr("Untitled")

    def _update_title(self) -> None:
        self.setWindowTitle(f"{self.display_name()}[*] — {app_title()}")

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

    def show_match(self, match) -> bool:
        """Find and replace: select the match in its field (and mark its paragraph in the preview)."""
        from .find_replace import select_match

        ref = match.ref
        node = ref.node
        if node.startswith("m-") or self.doc.report.find_node(node) is None:
            return False
        self.outline.select(node)
        form = self.show_node(node)
        if form is None:
            return False
        edit = form.editors.get(ref.field) if hasattr(form, "editors") else None
        if self.preview is not None:
            if self.preview.refresh_pending():
                self.preview.refresh_now()
            if not self.preview.show_match(ref, match.text, match.start, match.end):
                self.preview.show_ref(ref)
        if edit is None:
            form.focus_field(ref)
            return False
        for other in form.editors.values():  # only the current match stays selected
            if other is not edit and other.textCursor().hasSelection():
                cursor = other.textCursor()
                cursor.clearSelection()
                other.setTextCursor(cursor)
        if not select_match(edit, match, self.doc.report):
            return False
        self.form_area.ensureWidgetVisible(edit, 10, 10)
        rect = edit.cursorRect()
        self.form_area.ensureVisible(edit.mapTo(self.form_area.widget(), rect.center()).x(),
                                     edit.mapTo(self.form_area.widget(), rect.center()).y(), 20, 40)
        return True

    def focused_text_edit(self):
        from .textedit import TokenTextEdit

        w = QApplication.focusWidget()
        if isinstance(w, TokenTextEdit):
            return w
        form = self.form_area.form
        return form.first_editor() if form is not None else None

    # ------------------------------------------------------------------ files
    def start_folder(self) -> str:
        """Where file dialogs start: this report's folder, else the last folder used."""
        if self.doc.path is not None and self.doc.path.parent.is_dir():
            return str(self.doc.path.parent)
        return st.last_folder(self.settings)

    def _ask_path_open(self) -> Optional[str]:
        filters = ";;".join((self.tr("Report projects (*%1)").replace("%1", EXTENSION),
                             self.tr("Backup copies (*%1.bak)").replace("%1", EXTENSION),
                             self.tr("All files (*)")))
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open report"), self.start_folder(), filters)
        return path or None

    def open_backup_dialog(self) -> Optional["MainWindow"]:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open backup copy"), self.start_folder(),
            self.tr("Backup copies (*%1.bak)").replace("%1", EXTENSION) + ";;" + self.tr("All files (*)"))
        return self.open_backup(path) if path else None

    def open_backup(self, path) -> Optional["MainWindow"]:
        """Open a backup copy (``NAME.fzbg.bak``) as a new, unsaved report: saving asks for a name, so the
        backup itself is never overwritten."""
        path = Path(path)
        try:
            report = read_project(path)
        except ProjectRepairable as e:  # duplicate ids, unsaveable characters: a repaired copy, as for a project
            from .repair_dialog import open_repaired_copy

            st.set_last_folder(path, self.settings)
            window = open_repaired_copy(e, self.settings, self, recovery_folder=self.recovery_folder)
            return None if window is None else self._place_new_window(window)
        except ReportEditorError as e:
            QMessageBox.critical(self, self.tr("Open backup copy"), e.message)
            return None
        st.set_last_folder(path, self.settings)
        window = self.open_report(report)
        window.statusBar().showMessage(
            self.tr("Opened the backup copy %1. Save it under a name of your choice.").replace("%1", path.name),
            20000)
        return window

    def open_dialog(self) -> Optional["MainWindow"]:
        path = self._ask_path_open()
        return self.open_path(path) if path else None

    def open_path(self, path) -> Optional["MainWindow"]:
        """Open a project in a new window (or this one, if it is an untouched new report)."""
        if str(path).endswith(".bak"):
            return self.open_backup(path)
        window = open_project_window(path, self.settings, parent=self, recovery_folder=self.recovery_folder)
        if window is not None:
            self._place_new_window(window)
        return window

    def _replaceable(self) -> bool:
        return self.doc.path is None and not self.doc.modified and self.doc.undo_stack.count() == 0

    def open_report(self, report: Report) -> "MainWindow":
        """Open ``report`` (import, roll-over) in a new window as an unsaved document."""
        window = MainWindow(ReportDocument(report), self.settings, recovery_folder=self.recovery_folder)
        window.doc.undo_stack.resetClean()
        window._update_modified()
        return self._place_new_window(window)

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
        return self._place_new_window(window)

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
        suggested = self.doc.path or Path(self.start_folder()) / (self.doc.report.title.split("\n")[0]
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
        folder = Path(self.start_folder())
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
        return self._run_export(Path(target), "docx")

    def export_pdf_dialog(self) -> Optional[Path]:
        target = self._export_target(".pdf", self.tr("Export PDF"), self.tr("PDF files (*.pdf)"))
        return self.export_pdf(target) if target else None

    def export_pdf(self, target: Path) -> Optional[Path]:
        return self._run_export(Path(target), "pdf")

    def _run_export(self, target: Path, fmt: str) -> Optional[Path]:
        """Export in a worker thread; the event loop keeps running (the window repaints, timers fire)
        while a progress dialog shows what is being done and offers 取消. Returns the file, or None
        when it failed (after a message) or was cancelled."""
        from .export_worker import ExportJob

        job = ExportJob(self.doc.snapshot(), target, fmt)
        self.export_job = job
        title = self.tr("Export PDF") if fmt == "pdf" else self.tr("Export Word")
        progress = QProgressDialog(self)
        progress.setObjectName("exportProgress")
        progress.setWindowTitle(title)
        progress.setCancelButtonText(self.tr("Cancel"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setMinimumDuration(0 if fmt == "pdf" else 400)
        progress.setRange(0, 100)
        progress.setValue(0)
        progress.setLabelText(self.tr("Preparing…"))
        self.export_progress = progress
        loop = QEventLoop(self)
        timer = QTimer(self)
        timer.setInterval(100)

        def poll():
            stage, done, total = job.state()
            if job.cancelled.is_set():
                progress.setLabelText(self.tr("Cancelling…"))
            elif stage == "docx":
                progress.setRange(0, max(1, total))
                progress.setValue(min(done, total))
                progress.setLabelText(self.tr("Building the Word file: step %1 of %2")
                                      .replace("%1", str(done)).replace("%2", str(total)))
            elif stage == "convert":
                progress.setRange(0, 0)  # LibreOffice reports no progress: a busy bar and the time taken
                seconds = int(time.monotonic() - job.started)
                progress.setLabelText(self.tr("LibreOffice is converting the file to PDF… (%1 s)")
                                      .replace("%1", str(seconds)))
            if not job.is_running():
                loop.quit()

        def cancel():
            job.cancel()
            progress.show()  # stays up, saying it is cancelling, until the worker has stopped
            poll()

        progress.canceled.connect(cancel)
        timer.timeout.connect(poll)
        job.start()
        timer.start()
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        try:
            if job.is_running():
                loop.exec()
        finally:
            QApplication.restoreOverrideCursor()
            timer.stop()
            timer.deleteLater()
            progress.canceled.disconnect(cancel)  # closing the dialog emits canceled too
            progress.close()
            progress.deleteLater()
            self.export_progress = None
        job.wait()
        if job.result is None and job.cancelled.is_set():
            self.statusBar().showMessage(self.tr("Export cancelled"), 5000)
            return None
        if job.error:
            QMessageBox.critical(self, title, job.error)
            return None
        self._exported(target)
        return target

    def _exported(self, target: Path) -> None:
        """Say where the file went, with 打开文件 / 打开所在文件夹 (a message that does not block)."""
        st.set_last_folder(target, self.settings)
        message = self.tr("Exported to %1").replace("%1", str(target))
        self.statusBar().showMessage(message, 10000)
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Export"), message, QMessageBox.StandardButton.NoButton,
                          self)
        box.setObjectName("exportDoneMessage")
        open_file = box.addButton(self.tr("&Open File"), QMessageBox.ButtonRole.AcceptRole)
        open_file.setObjectName("openFileButton")
        open_folder = box.addButton(self.tr("Open Containing &Folder"), QMessageBox.ButtonRole.ActionRole)
        open_folder.setObjectName("openFolderButton")
        close = box.addButton(QMessageBox.StandardButton.Close)
        box.setDefaultButton(close)
        box.setEscapeButton(close)
        open_file.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(target))))
        open_folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(target.parent))))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.export_message = box
        box.open()

    # ------------------------------------------------------------------ edit actions
    def find_replace(self) -> None:
        try:
            from .find_replace import FindReplaceDialog
        except ImportError:
            return
        dialog = getattr(self, "_find_dialog", None)
        if dialog is None:
            dialog = FindReplaceDialog(self.doc, self)
            dialog.matchActivated.connect(self.show_match)
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
            self, app_title(),
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
        self._disconnect_application()
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
        self.apply_default_layout()
        self._default_layout_pending = True  # again once shown, when the docks have their real sizes

    def showEvent(self, event):  # noqa: N802 - Qt API
        super().showEvent(event)
        if getattr(self, "_default_layout_pending", False):
            self._default_layout_pending = False
            QTimer.singleShot(0, self.apply_default_layout)

    def apply_default_layout(self) -> None:
        """First start: the form gets the room. Outline and preview in proportion to the window (so a
        1280×720 screen, or 1920×1080 at 150 %, still leaves the form half the width), metrics low."""
        width, height = max(self.width(), 800), max(self.height(), 500)
        outline = max(180, min(300, width * 17 // 100))
        preview = max(320, min(640, width * 35 // 100))
        self.resizeDocks([self.outline_dock, self.preview_dock], [outline, preview], Qt.Orientation.Horizontal)
        self.resizeDocks([self.metrics_dock], [max(130, min(260, height * 21 // 100))], Qt.Orientation.Vertical)


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
        from .repair_dialog import offer_repair_or_backup, open_repaired_copy

        if not backup_of(path).is_file():
            return open_repaired_copy(e, settings, parent, recovery_folder=recovery_folder)
        choice = offer_repair_or_backup(e, backup_of(path), parent)  # the .bak is there: offer it too
        if choice == "backup":
            return _open_backup_window(path, title, settings, parent, recovery_folder)
        if choice == "repair":
            return open_repaired_copy(e, settings, parent, recovery_folder=recovery_folder, ask=False)
        return None
    except ReportEditorError as e:
        choice = offer_damaged_project(parent, title, path, e)
        if choice == "backup":
            return _open_backup_window(path, title, settings, parent, recovery_folder)
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


def _open_backup_window(path: Path, title: str, settings, parent, recovery_folder) -> Optional[MainWindow]:
    """The backup of a damaged project as an unsaved report: saving asks for a name; the damaged file stays."""
    from .file_problems import backup_of

    try:
        backup = read_project(backup_of(path))
    except ProjectRepairable as e2:  # the backup has the same kind of damage: its repaired copy
        from .repair_dialog import open_repaired_copy

        return open_repaired_copy(e2, settings, parent, recovery_folder=recovery_folder)
    except ReportEditorError as e2:
        QMessageBox.critical(parent, title, e2.message)
        return None
    window = MainWindow(ReportDocument(backup), settings, recovery_folder=recovery_folder)
    window.doc.undo_stack.resetClean()
    window._update_modified()
    window.statusBar().showMessage(QApplication.translate(
        "MainWindow", "Opened the backup “%1”; save it under a name of your choice.")
        .replace("%1", backup_of(path).name), 15000)
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
