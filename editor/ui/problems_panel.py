"""The problems panel: the findings of the proofreading checks for the open report.

Checks run on a snapshot of the report in a worker thread, a short while after the last edit
(debounced), so typing never waits for them; a newer edit simply schedules another run. Double-click
emits :attr:`ProblemsPanel.gotoRequested` with the finding's :class:`~editor.model.FieldRef`.
"Fix" and "Fix all" apply fixes through undo commands grouped in one macro: one undo step.

Findings from elsewhere (the importer's) are shown with :meth:`ProblemsPanel.set_extra_findings`.
"""

from __future__ import annotations

import time
from typing import Iterable, Optional

from PySide6.QtCore import QObject, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..checks import Finding, StaleFixError, fix_all, run_checks, verify_fix
from ..model import get_field
from . import i18n  # noqa: F401 - applies the PySide6 None-refcount guard
from .document import ReportDocument

SEVERITY_COLOURS = {"error": QColor("#c62828"), "warning": QColor("#a66300"), "info": QColor("#1f5fa8")}
FINDING_ROLE = Qt.ItemDataRole.UserRole + 1


class _Relay(QObject):
    """Carries results from the worker thread to the window thread (queued connection)."""

    done = Signal(int, object, float)  # revision, findings or exception, seconds


class ProblemsPanel(QWidget):
    #: the user asked to go to the field of a finding (double-click)
    gotoRequested = Signal(object)
    #: the list was updated with new findings
    refreshed = Signal()

    def __init__(self, doc: ReportDocument, parent: Optional[QWidget] = None, *, delay_ms: int = 400):
        super().__init__(parent)
        self.doc = doc
        self.findings: list[Finding] = []
        self.extra_findings: list[Finding] = []
        self.last_duration = 0.0  # seconds the last check run took (in the worker)
        self._running = False
        self._pending = False
        self._shown_revision = -1
        self._closed = False
        self._sized = False  # the "Where" column is fitted to its content once

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.refresh)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)

        self.filter_box = QComboBox(self)
        self.filter_box.addItem(self.tr("All"), None)
        self.filter_box.addItem(self.tr("Errors"), "error")
        self.filter_box.addItem(self.tr("Warnings"), "warning")
        self.filter_box.addItem(self.tr("Notes"), "info")
        self.filter_box.currentIndexChanged.connect(self._fill)
        self.summary = QLabel(self)
        self.fix_button = QPushButton(self.tr("Fix"), self)
        self.fix_button.setToolTip(self.tr("Apply the suggested correction to the selected problem"))
        self.fix_all_button = QPushButton(self.tr("Fix all"), self)
        self.fix_all_button.setToolTip(self.tr("Apply every suggested correction (one undo step)"))
        self.recheck_button = QPushButton(self.tr("Check again"), self)
        self.fix_button.clicked.connect(self.fix_selected)
        self.fix_all_button.clicked.connect(self.fix_everything)
        self.recheck_button.clicked.connect(self.refresh)

        self.tree = QTreeWidget(self)
        self.tree.setObjectName("problemsList")
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("Type"), self.tr("Where"), self.tr("Problem")])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setWordWrap(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.tree.itemDoubleClicked.connect(self._on_double_click)
        self.tree.itemSelectionChanged.connect(self._update_buttons)

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.filter_box)
        bar.addWidget(self.summary, 1)
        bar.addWidget(self.fix_button)
        bar.addWidget(self.fix_all_button)
        bar.addWidget(self.recheck_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(bar)
        layout.addWidget(self.tree)

        doc.contentChanged.connect(self.schedule)
        self._update_buttons()
        self.schedule()

    # ------------------------------------------------------------------ running the checks
    def schedule(self) -> None:
        """Check again after the debounce delay (restarted by every edit)."""
        self._timer.start()

    def refresh(self) -> None:
        """Check a snapshot of the report now, in the worker thread."""
        self._timer.stop()
        if self._closed:
            return
        if self._running:
            self._pending = True
            return
        self._running = True
        revision = self.doc.revision
        # The snapshot is the report serialised here (fast, ~8 ms for a report 50x the sample) and
        # rebuilt in the worker, so the window thread never pays for a deep copy.
        data = self.doc.report.model_dump_json()
        report_type = type(self.doc.report)
        relay = self._relay

        def work() -> None:
            t0 = time.perf_counter()
            try:
                result: object = run_checks(report_type.model_validate_json(data))
            except Exception as e:  # noqa: BLE001 - reported in the panel, never lost silently
                result = e
            try:
                relay.done.emit(revision, result, time.perf_counter() - t0)
            except BaseException:  # noqa: BLE001 - the panel was closed meanwhile; never raise into Qt
                pass

        self._pool.start(work)

    def _on_done(self, revision: int, result: object, seconds: float) -> None:
        self._running = False
        if self._closed:
            return
        self.last_duration = seconds
        if isinstance(result, Exception):
            self.findings = []
            self.summary.setText(self.tr("The checks failed: %s") % result)
        else:
            self.findings = list(result)
            self._shown_revision = revision
            self._fill()
        if self._pending or revision != self.doc.revision:
            self._pending = False
            self.schedule()
        self.refreshed.emit()

    def shutdown(self) -> None:
        """Stop checking (before the window closes): no new runs, wait for the running one."""
        if self._closed:
            return
        self._closed = True
        self._timer.stop()
        try:
            self.doc.contentChanged.disconnect(self.schedule)
        except (RuntimeError, TypeError):
            pass
        self._pool.waitForDone(10000)

    def wait_idle(self, timeout_ms: int = 5000) -> bool:
        """Wait for a running check (tests and shutdown)."""
        return self._pool.waitForDone(timeout_ms)

    def set_extra_findings(self, findings: Iterable[Finding]) -> None:
        """Findings computed elsewhere (e.g. at import) shown above the checks' own."""
        self.extra_findings = list(findings)
        self._fill()

    @property
    def is_current(self) -> bool:
        """True when the list shows the findings of the report as it is now."""
        return self._shown_revision == self.doc.revision and not self._running

    # ------------------------------------------------------------------ list
    def all_findings(self) -> list[Finding]:
        return self.extra_findings + self.findings

    def _severity_text(self, severity: str) -> str:
        return {"error": self.tr("Error"), "warning": self.tr("Warning"), "info": self.tr("Note")}[severity]

    def _fill(self) -> None:
        wanted = self.filter_box.currentData()
        selected = self.selected_finding()
        self.tree.setUpdatesEnabled(False)
        self.tree.clear()
        items = []
        reselect = None
        for f in self.all_findings():
            if wanted is not None and f.severity != wanted:
                continue
            text = self._severity_text(f.severity) + (" ✎" if f.fix is not None else "")
            item = QTreeWidgetItem([text, f.where, f.message])
            item.setForeground(0, QBrush(SEVERITY_COLOURS[f.severity]))
            item.setToolTip(2, f.message + (("\n" + self.tr("Fix: %s") % f.fix.description) if f.fix else ""))
            item.setData(0, FINDING_ROLE, f)
            items.append(item)
            if selected is not None and _same(selected, f):
                reselect = item
        self.tree.addTopLevelItems(items)
        if items and not self._sized:
            self._sized = True
            self.tree.resizeColumnToContents(1)
            self.tree.setColumnWidth(1, min(self.tree.columnWidth(1) + 12, 260))
        if reselect is not None:
            self.tree.setCurrentItem(reselect)
        self.tree.setUpdatesEnabled(True)
        counts = {s: sum(1 for f in self.all_findings() if f.severity == s) for s in ("error", "warning", "info")}
        self.summary.setText(
            self.tr("%1 errors, %2 warnings, %3 notes")
            .replace("%1", str(counts["error"])).replace("%2", str(counts["warning"])).replace("%3", str(counts["info"]))
        )
        self._update_buttons()

    def visible_findings(self) -> list[Finding]:
        return [self.tree.topLevelItem(i).data(0, FINDING_ROLE) for i in range(self.tree.topLevelItemCount())]

    def selected_finding(self) -> Optional[Finding]:
        item = self.tree.currentItem()
        return item.data(0, FINDING_ROLE) if item is not None else None

    def select_finding(self, finding: Finding) -> None:
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item.data(0, FINDING_ROLE) is finding:
                self.tree.setCurrentItem(item)
                return

    def _update_buttons(self) -> None:
        f = self.selected_finding()
        self.fix_button.setEnabled(f is not None and f.fix is not None)
        self.fix_all_button.setEnabled(
            any(x.fix is not None and x.fix.certain and x.severity != "info" for x in self.findings))

    def _on_double_click(self, item: QTreeWidgetItem, _column: int) -> None:
        f = item.data(0, FINDING_ROLE)
        if f is not None and f.ref is not None:
            self.gotoRequested.emit(f.ref)

    # ------------------------------------------------------------------ fixes
    def fix_selected(self) -> bool:
        """Apply the selected finding's fix as one undo step; False when it no longer applies."""
        f = self.selected_finding()
        if f is None or f.fix is None:
            return False
        fix = f.fix
        try:
            verify_fix(self.doc.report, fix)  # raises when the field changed since the check
        except StaleFixError as e:
            self.summary.setText(e.message)
            self.refresh()
            return False
        stack = self.doc.undo_stack
        stack.beginMacro(self.tr("Fix: %s") % fix.description)
        try:
            self.doc.set_field(fix.ref, fix.new_value, merge=False)
        finally:
            stack.endMacro()
        self.refresh()
        return True

    def fix_everything(self) -> int:
        """Apply every fix (errors and warnings) as one undo step; returns the number of fields changed."""
        trial = self.doc.snapshot()
        changed = fix_all(trial)
        if not changed:
            return 0
        stack = self.doc.undo_stack
        stack.beginMacro(self.tr("Fix all problems"))
        try:
            for ref in changed:
                self.doc.set_field(ref, get_field(trial, ref), merge=False)
        finally:
            stack.endMacro()
        self.refresh()
        return len(changed)


def _same(a: Finding, b: Finding) -> bool:
    return a.code == b.code and a.ref == b.ref and a.message == b.message
