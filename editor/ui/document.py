"""The open report in the window: the model, its undo stack, its file path, and change signals.

One :class:`ReportDocument` per open report (never a module-level singleton). Every edit goes through
an undo command (:mod:`editor.ui.commands`) pushed with :meth:`ReportDocument.push`; widgets listen to
the signals and refresh themselves. The undo stack's clean state is the "modified" mark.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any, Optional

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ..model import FieldRef, Report, get_field


class ReportDocument(QObject):
    #: a single field changed (FieldRef), or None for "anything may have changed"
    fieldChanged = Signal(object)
    #: sections/items were added, removed or moved (ids of the affected nodes may be stale)
    structureChanged = Signal()
    #: metrics were added, removed, or a metric field changed
    metricsChanged = Signal()
    #: any change at all (after the specific signal); cheap listeners (preview, checks) use this
    contentChanged = Signal()
    pathChanged = Signal(object)

    def __init__(self, report: Report, path: Optional[Path] = None, parent: Optional[QObject] = None):
        super().__init__(parent)
        self.report = report
        self.path: Optional[Path] = Path(path) if path else None
        self.undo_stack = QUndoStack(self)
        self.revision = 0  # bumped on every change; lets caches tell whether they are stale

    # ------------------------------------------------------------------ state
    @property
    def modified(self) -> bool:
        return not self.undo_stack.isClean()

    def set_path(self, path: Optional[Path]) -> None:
        self.path = Path(path) if path else None
        self.pathChanged.emit(self.path)

    def mark_saved(self) -> None:
        self.undo_stack.setClean()

    def get(self, ref: FieldRef) -> Any:
        return get_field(self.report, ref)

    # ------------------------------------------------------------------ edits
    def push(self, command: QUndoCommand) -> None:
        self.undo_stack.push(command)

    def set_field(self, ref: FieldRef, value: Any, text: str = "", *, merge: bool = True) -> None:
        """Set one field as an undoable edit. Consecutive typing in one field merges into one step."""
        from .commands import SetFieldCommand

        if self.get(ref) == value:
            return
        self.push(SetFieldCommand(self, ref, value, text, mergeable=merge))

    def snapshot(self) -> Report:
        """A deep copy of the report (for background work such as export or checks)."""
        return self.report.model_copy(deep=True)

    # ------------------------------------------------------------------ notifications
    def notify_field(self, ref: Optional[FieldRef]) -> None:
        self.revision += 1
        if ref is not None and (ref.node.startswith("m-") or self.report.metric(ref.node) is not None):
            self.metricsChanged.emit()
        self.fieldChanged.emit(ref)
        self.contentChanged.emit()

    def notify_structure(self) -> None:
        self.revision += 1
        self.structureChanged.emit()
        self.contentChanged.emit()

    def notify_metrics(self) -> None:
        self.revision += 1
        self.metricsChanged.emit()
        self.contentChanged.emit()

    def notify_all(self) -> None:
        self.revision += 1
        self.structureChanged.emit()
        self.metricsChanged.emit()
        self.fieldChanged.emit(None)
        self.contentChanged.emit()


def deep_copy(value: Any) -> Any:
    if hasattr(value, "model_copy"):
        return value.model_copy(deep=True)
    return copy.deepcopy(value)
