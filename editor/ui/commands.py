"""Undo commands: every edit of a report, text, metric and structure alike, is one of these.

Commands address the model through ids (:class:`~editor.model.FieldRef`, node ids), never through
widgets, so the same command works whichever widget made the edit. Several commands that form one
user action are grouped with ``undo_stack.beginMacro(text)`` / ``endMacro()``.
"""

from __future__ import annotations

from typing import Any, Optional

from PySide6.QtGui import QUndoCommand

from ..model import FieldRef, Item, Metric, Section, get_field, set_field
from .document import ReportDocument, deep_copy

_TYPING_ID = 1001
_REVISABLE_FIELDS = ("heading", "intro", "lead", "body")


class SetFieldCommand(QUndoCommand):
    """Set one field (text, number, flag, nested setting). Consecutive edits of the same text field
    merge, so typing a sentence is one undo step.

    ``mergeable=False``: an edit of its own that later typing does not join (a paste, a deleted figure).
    ``new_step=True``: the edit does not join the edit before it, but later typing may join it (typing
    over a selection starts a new step that the rest of the word then extends).
    ``joins``: a command pushed earlier by the same key press (Qt may change the text twice for one key,
    e.g. Enter over a selection spanning paragraphs): this one joins it whatever the rules above say, so
    one user action is one undo step."""

    def __init__(self, doc: ReportDocument, ref: FieldRef, value: Any, text: str = "", *, mergeable: bool = True,
                 new_step: bool = False, joins: Optional["SetFieldCommand"] = None):
        super().__init__(text or "编辑")
        self.doc = doc
        self.ref = ref
        self.old = deep_copy(get_field(doc.report, ref))
        self.new = deep_copy(value)
        # text, or a list of paragraphs edited in one editor (Item.body, Section.intro)
        self.is_text = isinstance(value, str) or (isinstance(value, list) and all(isinstance(v, str) for v in value))
        self.mergeable = mergeable and self.is_text
        self.new_step = new_step
        self.joins = joins
        # Editing the text of a part that roll-over marked "to revise" clears the mark (undo restores it).
        node = doc.report.find_node(ref.node)
        self.clears_revision = (
            isinstance(node, (Section, Item)) and node.needs_revision and ref.field in _REVISABLE_FIELDS
        )

    def id(self) -> int:  # noqa: A003 - Qt API
        return _TYPING_ID if self.is_text else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt API
        if not isinstance(other, SetFieldCommand) or other.ref != self.ref:
            return False
        if other.joins is not self and (not self.mergeable or not other.mergeable or other.new_step):
            return False
        self.new = other.new
        return True

    def _set_revision(self, value: bool) -> None:
        if self.clears_revision:
            ref = FieldRef(self.ref.node, "needs_revision")
            set_field(self.doc.report, ref, value)
            self.doc.notify_field(ref)

    def redo(self) -> None:
        set_field(self.doc.report, self.ref, deep_copy(self.new))
        self._set_revision(False)
        self.doc.notify_field(self.ref)

    def undo(self) -> None:
        set_field(self.doc.report, self.ref, deep_copy(self.old))
        self._set_revision(True)
        self.doc.notify_field(self.ref)


def _children_list(doc: ReportDocument, owner_id: Optional[str]) -> list:
    """The list that holds sections (owner None or "report"), a section's items, or an item's children."""
    if owner_id in (None, "report"):
        return doc.report.sections
    owner = doc.report.find_node(owner_id)
    if isinstance(owner, Section):
        return owner.items
    if isinstance(owner, Item):
        return owner.children
    raise KeyError(owner_id)


class InsertNodeCommand(QUndoCommand):
    """Insert a section (owner "report") or an item (owner = section or item id) at ``index``."""

    def __init__(self, doc: ReportDocument, owner_id: Optional[str], index: int, node, text: str = ""):
        super().__init__(text or ("添加部分" if isinstance(node, Section) else "添加事项"))
        self.doc, self.owner_id, self.index, self.node = doc, owner_id, index, node

    def redo(self) -> None:
        _children_list(self.doc, self.owner_id).insert(self.index, deep_copy(self.node))
        self.doc.notify_structure()

    def undo(self) -> None:
        del _children_list(self.doc, self.owner_id)[self.index]
        self.doc.notify_structure()


class RemoveNodeCommand(QUndoCommand):
    """Remove the section or item ``node_id`` (with its children)."""

    def __init__(self, doc: ReportDocument, node_id: str, text: str = ""):
        super().__init__(text or "删除")
        self.doc, self.node_id = doc, node_id
        found = doc.report.find_parent(node_id)
        if found is None:
            raise KeyError(node_id)
        container, self.index, owner = found
        self.owner_id = "report" if owner is doc.report else owner.id
        self.node = deep_copy(container[self.index])

    def redo(self) -> None:
        del _children_list(self.doc, self.owner_id)[self.index]
        self.doc.notify_structure()

    def undo(self) -> None:
        _children_list(self.doc, self.owner_id).insert(self.index, deep_copy(self.node))
        self.doc.notify_structure()


class MoveNodeCommand(QUndoCommand):
    """Move a section or item to ``new_index`` under ``new_owner_id`` (same owner for up/down moves).

    ``new_index`` is the position in the destination list after the node has been taken out.
    """

    def __init__(self, doc: ReportDocument, node_id: str, new_owner_id: Optional[str], new_index: int, text: str = ""):
        super().__init__(text or "移动")
        self.doc, self.node_id = doc, node_id
        container, self.old_index, owner = doc.report.find_parent(node_id)
        self.old_owner_id = "report" if owner is doc.report else owner.id
        self.new_owner_id = new_owner_id or "report"
        self.new_index = new_index

    def _move(self, from_owner, from_index, to_owner, to_index) -> None:
        node = _children_list(self.doc, from_owner).pop(from_index)
        _children_list(self.doc, to_owner).insert(to_index, node)
        self.doc.notify_structure()

    def redo(self) -> None:
        self._move(self.old_owner_id, self.old_index, self.new_owner_id, self.new_index)

    def undo(self) -> None:
        self._move(self.new_owner_id, self.new_index, self.old_owner_id, self.old_index)


class AddMetricCommand(QUndoCommand):
    def __init__(self, doc: ReportDocument, metric: Metric, index: Optional[int] = None, text: str = ""):
        super().__init__(text or f"添加指标“{metric.label}”")
        self.doc, self.metric = doc, deep_copy(metric)
        self.index = len(doc.report.metrics) if index is None else index

    def redo(self) -> None:
        self.doc.report.metrics.insert(self.index, deep_copy(self.metric))
        self.doc.notify_metrics()

    def undo(self) -> None:
        del self.doc.report.metrics[self.index]
        self.doc.notify_metrics()


class RemoveMetricCommand(QUndoCommand):
    def __init__(self, doc: ReportDocument, metric_id: str, text: str = ""):
        super().__init__(text or "删除指标")
        self.doc = doc
        ids = [m.id for m in doc.report.metrics]
        self.index = ids.index(metric_id)
        self.metric = deep_copy(doc.report.metrics[self.index])

    def redo(self) -> None:
        del self.doc.report.metrics[self.index]
        self.doc.notify_metrics()

    def undo(self) -> None:
        self.doc.report.metrics.insert(self.index, deep_copy(self.metric))
        self.doc.notify_metrics()


class ReplaceReportCommand(QUndoCommand):
    """Replace the whole report (merge, bulk fixes): undo restores the previous one."""

    def __init__(self, doc: ReportDocument, new_report, text: str = ""):
        super().__init__(text or "替换报告内容")
        self.doc = doc
        self.old = doc.report.model_copy(deep=True)
        self.new = new_report.model_copy(deep=True)

    def _swap(self, report) -> None:
        # Keep the same Report object so widgets holding it stay valid.
        for name in type(report).model_fields:
            setattr(self.doc.report, name, deep_copy(getattr(report, name)))
        self.doc.notify_all()

    def redo(self) -> None:
        self._swap(self.new)

    def undo(self) -> None:
        self._swap(self.old)
