"""The import dialogs: progress of the import (run in a worker thread, with 取消), then the review of
the figures found (accept all, accept some, edit labels)."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Optional

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QThread, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..errors import ReportEditorError
from ..importing import ImportCancelled, ImportResult, MetricSuggestion, import_file
from ..model import format_change, format_value
from . import i18n  # noqa: F401 - applies the PySide6 None-refcount guard


class _ImportThread(QThread):
    """Runs an import job off the window thread: ``job(progress, cancelled)`` returns the result
    (by default :func:`import_file` of ``path``). Signals arrive in the window thread (queued)."""

    progressed = Signal(float, str)  # fraction 0..1, stage name (Chinese, from the core)

    def __init__(self, path, parent=None, job=None):
        super().__init__(parent)
        self.path = Path(path)
        self.job = job or (lambda progress, cancelled: import_file(self.path, metrics=False, progress=progress,
                                                                    cancelled=cancelled))
        self.cancel_event = threading.Event()
        self.result: Optional[ImportResult] = None
        self.error: Optional[ReportEditorError] = None
        self.cancelled = False
        self._last_emit = 0.0

    def _progress(self, fraction: float, stage: str) -> None:
        now = time.monotonic()
        if now - self._last_emit >= 0.05 or fraction >= 1.0:  # at most 20 updates a second
            self._last_emit = now
            self.progressed.emit(fraction, stage)
        # Let the window thread have the interpreter lock now (called every few hundred paragraphs, about
        # every 1-2 ms): otherwise a thread waiting for the lock may wait out the whole import, as the window
        # thread did here (its timers and repaints stopped for the half second of importing a long text).
        time.sleep(0)

    def run(self) -> None:  # noqa: D401 - QThread API
        try:
            self.result = self.job(self._progress, self.cancel_event.is_set)
        except ImportCancelled:
            self.cancelled = True
        except ReportEditorError as e:
            self.error = e
        except Exception as e:  # noqa: BLE001 - a bug must not kill the thread silently
            self.error = ReportEditorError(f"导入时发生意外错误：{type(e).__name__}。请把这个文件发给技术支持人员。")


class ImportProgressDialog(QDialog):
    """Imports ``path`` in a worker thread, showing progress; 取消 stops the import.

    ``exec()`` returns Accepted with :attr:`result` set, or Rejected: cancelled (:attr:`cancelled`) or
    failed (:attr:`error`, a user-readable :class:`ReportEditorError`). The window stays responsive
    meanwhile: the import never runs in the window thread.
    """

    def __init__(self, path, parent: Optional[QWidget] = None, *, job=None):
        super().__init__(parent)
        self.setObjectName("importProgressDialog")
        self.setWindowTitle(self.tr("Importing report"))
        self.setModal(True)
        self.resize(460, 140)
        layout = QVBoxLayout(self)
        self.label = QLabel(self.tr("Importing “%1”…").replace("%1", Path(path).name), self)
        self.label.setWordWrap(True)
        layout.addWidget(self.label)
        self.stage_label = QLabel(self)
        self.stage_label.setObjectName("importStage")
        layout.addWidget(self.stage_label)
        self.bar = QProgressBar(self)
        self.bar.setObjectName("importProgress")
        self.bar.setRange(0, 1000)
        layout.addWidget(self.bar)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setObjectName("importCancelButton")
        buttons.rejected.connect(self.cancel)
        layout.addWidget(buttons)
        self.result = None  # the job's result: an ImportResult for the import itself
        self.error: Optional[ReportEditorError] = None
        self.cancelled = False
        # the core names its stages in Chinese (editor.importing.progress.STAGES); shown in the UI language
        self.stage_names = {
            "读取文件": self.tr("Reading the file"), "转换标点": self.tr("Converting punctuation"),
            "识别结构": self.tr("Recognising the structure"), "识别数字": self.tr("Finding figures"),
            "生成指标": self.tr("Making metrics"),
        }
        self.thread = _ImportThread(path, self, job)
        self.thread.progressed.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self.thread.finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)

    def exec(self) -> int:  # noqa: A003 - Qt API
        self.start()
        return super().exec()

    def start(self) -> None:
        if not self.thread.isRunning() and self.result is None and self.error is None:
            self.thread.start()

    def cancel(self) -> None:
        """Ask the worker to stop; the dialog closes when it has (within a few hundred paragraphs)."""
        self.cancel_button.setEnabled(False)
        self.stage_label.setText(self.tr("Cancelling…"))
        self.thread.cancel_event.set()

    def reject(self) -> None:
        # Esc or the window's close button: cancel and wait for the worker to notice
        if self.thread.isRunning():
            self.cancel()
            return
        super().reject()

    def _on_progress(self, fraction: float, stage: str) -> None:
        self.bar.setValue(int(fraction * 1000))
        if not self.thread.cancel_event.is_set():
            self.stage_label.setText(self.stage_names.get(stage, stage))

    def _on_finished(self) -> None:
        self.thread.wait()
        self.result, self.error, self.cancelled = self.thread.result, self.thread.error, self.thread.cancelled
        if self.result is not None and not self.thread.cancel_event.is_set():
            self.bar.setValue(1000)
            self.accept()
        else:
            if self.result is not None:  # finished just as 取消 was pressed: honour the cancel
                self.result, self.cancelled = None, True
            QDialog.reject(self)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        if self.thread.isRunning():
            self.cancel()
            event.ignore()
            return
        super().closeEvent(event)

COL_USE, COL_LABEL, COL_VALUE, COL_CHANGE, COL_CONTEXT = range(5)


class SuggestionModel(QAbstractTableModel):
    """The metric suggestions as a table model: the view asks only for the rows it shows, so a
    source with hundreds of thousands of figures opens at once. 使用 and 名称 edit the suggestions."""

    def __init__(self, suggestions: list[MetricSuggestion], headers: list[str], parent=None):
        super().__init__(parent)
        self.suggestions = suggestions
        self.headers = headers

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802,B008 - Qt API
        return 0 if parent.isValid() else len(self.suggestions)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802,B008 - Qt API
        return 0 if parent.isValid() else 5

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802 - Qt API
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def flags(self, index):
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == COL_USE:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if index.column() == COL_LABEL:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        s = self.suggestions[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and col == COL_USE:
            return Qt.CheckState.Checked if s.accepted else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == COL_LABEL:
                return s.metric.label
            if col == COL_VALUE:
                return format_value(s.metric) or ""
            if col == COL_CHANGE:
                return (format_change(s.metric) or "") if s.change_start is not None else ""
            if col == COL_CONTEXT:
                return s.context
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_LABEL:
            return self.tr("Double-click to rename the metric")
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802 - Qt API
        if not index.isValid():
            return False
        s = self.suggestions[index.row()]
        if index.column() == COL_USE and role == Qt.ItemDataRole.CheckStateRole:
            s.accepted = Qt.CheckState(value) == Qt.CheckState.Checked
        elif index.column() == COL_LABEL and role == Qt.ItemDataRole.EditRole:
            label = str(value).strip()
            if not label:
                return False
            s.metric.label = label
        else:
            return False
        self.dataChanged.emit(index, index, [role])
        return True

    def set_all(self, accepted: bool) -> None:
        for s in self.suggestions:
            s.accepted = accepted
        if self.suggestions:
            self.dataChanged.emit(self.index(0, COL_USE), self.index(len(self.suggestions) - 1, COL_USE),
                                  [Qt.ItemDataRole.CheckStateRole])


class ImportReviewDialog(QDialog):
    """Shows an :class:`ImportResult`'s summary and metric suggestions.

    After ``exec()`` returns Accepted, :meth:`apply` turns the ticked suggestions (with their edited
    labels) into metrics and tokens in ``result.report``.
    """

    def __init__(self, result: ImportResult, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.result = result
        self.setWindowTitle(self.tr("Import report: check the figures found"))
        self.resize(900, 600)
        layout = QVBoxLayout(self)

        summary = self.summary = QPlainTextEdit(self)
        summary.setReadOnly(True)
        summary.setMaximumHeight(140)
        summary.setObjectName("importSummary")
        layout.addWidget(summary)

        layout.addWidget(QLabel(
            self.tr("%1 numbers were found in the text. Ticked numbers become metrics (rename them in the "
                    "“Label” column); the text shown in the body stays the same. Unticked numbers remain "
                    "plain text.").replace("%1", str(len(result.suggestions)))
        ))
        self.model = SuggestionModel(
            result.suggestions,
            [self.tr("Use"), self.tr("Label"), self.tr("Value"), self.tr("Change"), self.tr("Context")], self)
        self.model.dataChanged.connect(self._update_summary)
        self._update_summary()
        self.table = QTableView(self)
        self.table.setObjectName("suggestionTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_LABEL, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_CONTEXT, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(COL_LABEL, 260)
        layout.addWidget(self.table, 1)

        row = QHBoxLayout()
        self.accept_all_button = QPushButton(self.tr("Accept all"))
        self.accept_none_button = QPushButton(self.tr("Accept none"))
        self.accept_all_button.clicked.connect(lambda: self.set_all(True))
        self.accept_none_button.clicked.connect(lambda: self.set_all(False))
        row.addWidget(self.accept_all_button)
        row.addWidget(self.accept_none_button)
        row.addStretch(1)
        layout.addLayout(row)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Import"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    # ------------------------------------------------------------------ state
    def _update_summary(self, *_args) -> None:
        """The summary counts the ticks of the table below it (and follows them)."""
        ticked = sum(1 for s in self.result.suggestions if s.accepted)
        self.summary.setPlainText("\n".join(self.result.summary_lines(ticked)))

    def set_all(self, accepted: bool) -> None:
        self.model.set_all(accepted)

    def set_accepted(self, row: int, accepted: bool) -> None:
        state = Qt.CheckState.Checked if accepted else Qt.CheckState.Unchecked
        self.model.setData(self.model.index(row, COL_USE), state.value, Qt.ItemDataRole.CheckStateRole)

    def set_label(self, row: int, label: str) -> None:
        self.model.setData(self.model.index(row, COL_LABEL), label, Qt.ItemDataRole.EditRole)

    def cell(self, row: int, column: int, role=Qt.ItemDataRole.DisplayRole):
        return self.model.index(row, column).data(role)

    def chosen(self) -> list[MetricSuggestion]:
        """The suggestions as ticked and labelled in the table."""
        return list(self.result.suggestions)

    def apply(self, progress=None) -> int:
        """Apply the ticked suggestions to ``result.report``; returns how many became metrics.
        ``progress`` (a :class:`editor.importing.progress.Progress`) reports and may cancel."""
        return self.result.apply_metrics(self.chosen(), progress=progress)

    def apply_job(self):
        """:meth:`apply` as a job for :class:`ImportProgressDialog` (run in the worker thread)."""
        from ..importing.progress import Progress

        return lambda progress, cancelled: self.apply(Progress(progress, cancelled))
