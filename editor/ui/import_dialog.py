"""The import dialogs: progress of the import (run in a worker thread, with 取消), then the review of
the figures found (accept all, accept some, edit labels)."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Optional

from PySide6.QtCore import Qt, QThread, Signal
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
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..errors import ReportEditorError
from ..importing import ImportCancelled, ImportResult, MetricSuggestion, import_file
from ..model import format_change, format_value
from . import i18n  # noqa: F401 - applies the PySide6 None-refcount guard


class _ImportThread(QThread):
    """Runs :func:`import_file` off the window thread. Signals arrive in the window thread (queued)."""

    progressed = Signal(float, str)  # fraction 0..1, stage name (Chinese, from the core)

    def __init__(self, path, parent=None):
        super().__init__(parent)
        self.path = Path(path)
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

    def run(self) -> None:  # noqa: D401 - QThread API
        try:
            self.result = import_file(self.path, metrics=False, progress=self._progress,
                                      cancelled=self.cancel_event.is_set)
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

    def __init__(self, path, parent: Optional[QWidget] = None):
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
        self.result: Optional[ImportResult] = None
        self.error: Optional[ReportEditorError] = None
        self.cancelled = False
        self.thread = _ImportThread(path, self)
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
            self.stage_label.setText(stage)

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

        summary = QPlainTextEdit("\n".join(result.summary_lines()))
        summary.setReadOnly(True)
        summary.setMaximumHeight(140)
        summary.setObjectName("importSummary")
        layout.addWidget(summary)

        layout.addWidget(QLabel(
            self.tr("%1 numbers were found in the text. Ticked numbers become metrics (rename them in the "
                    "“Label” column); the text shown in the body stays the same. Unticked numbers remain "
                    "plain text.").replace("%1", str(len(result.suggestions)))
        ))
        self.table = QTableWidget(len(result.suggestions), 5, self)
        self.table.setObjectName("suggestionTable")
        self.table.setHorizontalHeaderLabels([self.tr("Use"), self.tr("Label"), self.tr("Value"), self.tr("Change"), self.tr("Context")])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_LABEL, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_CONTEXT, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(COL_LABEL, 260)
        for row, s in enumerate(result.suggestions):
            use = QTableWidgetItem()
            use.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            use.setCheckState(Qt.CheckState.Checked if s.accepted else Qt.CheckState.Unchecked)
            self.table.setItem(row, COL_USE, use)
            label = QTableWidgetItem(s.metric.label)
            label.setToolTip(self.tr("Double-click to rename the metric"))
            self.table.setItem(row, COL_LABEL, label)
            for col, text in ((COL_VALUE, format_value(s.metric) or ""),
                              (COL_CHANGE, format_change(s.metric) or "" if s.change_start is not None else ""),
                              (COL_CONTEXT, s.context)):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, col, item)
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
    def set_all(self, accepted: bool) -> None:
        state = Qt.CheckState.Checked if accepted else Qt.CheckState.Unchecked
        for row in range(self.table.rowCount()):
            self.table.item(row, COL_USE).setCheckState(state)

    def set_accepted(self, row: int, accepted: bool) -> None:
        self.table.item(row, COL_USE).setCheckState(Qt.CheckState.Checked if accepted else Qt.CheckState.Unchecked)

    def set_label(self, row: int, label: str) -> None:
        self.table.item(row, COL_LABEL).setText(label)

    def chosen(self) -> list[MetricSuggestion]:
        """The suggestions as ticked and labelled in the table (their ``accepted``/label updated)."""
        out = []
        for row, s in enumerate(self.result.suggestions):
            s.accepted = self.table.item(row, COL_USE).checkState() == Qt.CheckState.Checked
            label = self.table.item(row, COL_LABEL).text().strip()
            if label:
                s.metric.label = label
            out.append(s)
        return out

    def apply(self) -> int:
        """Apply the ticked suggestions to ``result.report``; returns how many became metrics."""
        return self.result.apply_metrics(self.chosen())
