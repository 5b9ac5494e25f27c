"""The outline of a report: report information, sections, items and sub-items with derived numbers.

:class:`OutlineModel` is a tree model over the report, addressed by node ids. A structural change
(add, delete, move, drag and drop) rebuilds the tree; a text edit only refreshes the one row whose
heading or lead changed, so typing never re-renders the outline. Every structural edit is an undo
command (:mod:`editor.ui.commands`); the model itself never changes the report.
"""

from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QAbstractItemModel, QMimeData, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QTreeView

from ..model import Item, Section, number_report, render_text
from . import i18n  # noqa: F401 - applies the PySide6 None-refcount guard
from .commands import InsertNodeCommand, MoveNodeCommand, RemoveNodeCommand

NODE_MIME = "application/x-fzbg-node"
ID_ROLE = Qt.ItemDataRole.UserRole + 1
MAX_LABEL = 40


class _Node:
    __slots__ = ("id", "kind", "parent", "children", "row")

    def __init__(self, node_id: str, kind: str, parent: Optional["_Node"], row: int):
        self.id, self.kind, self.parent, self.row = node_id, kind, parent, row
        self.children: list[_Node] = []


class OutlineModel(QAbstractItemModel):
    def __init__(self, doc, parent=None):
        super().__init__(parent)
        self.doc = doc
        self._root = _Node("", "root", None, 0)
        self._by_id: dict[str, _Node] = {}
        self._numbers: dict[str, str] = {}
        self._build()
        doc.structureChanged.connect(self.rebuild)
        doc.fieldChanged.connect(self._on_field_changed)
        doc.metricsChanged.connect(self._on_metrics_changed)

    # ------------------------------------------------------------------ tree
    def _build(self) -> None:
        report = self.doc.report
        self._root = _Node("", "root", None, 0)
        self._by_id = {}
        info = _Node("report", "report", self._root, 0)
        self._root.children.append(info)
        self._by_id["report"] = info

        def add_items(items, parent: _Node) -> None:
            for i, item in enumerate(items):
                node = _Node(item.id, "item", parent, i)
                parent.children.append(node)
                self._by_id[item.id] = node
                add_items(item.children, node)

        for i, section in enumerate(report.sections):
            node = _Node(section.id, "section", self._root, i + 1)
            self._root.children.append(node)
            self._by_id[section.id] = node
            add_items(section.items, node)
        self._numbers = number_report(report)

    def rebuild(self) -> None:
        self.beginResetModel()
        self._build()
        self.endResetModel()

    def _on_field_changed(self, ref) -> None:
        if ref is None:
            self.rebuild()
            return
        if ref.field in ("numbered",) or ref.field.startswith("format."):
            self._numbers = number_report(self.doc.report)
            self._emit_all()
            return
        if ref.field in ("heading", "lead", "organisations", "year", "title_override", "needs_revision", "hint"):
            index = self.index_of(ref.node)
            if index.isValid():
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole])

    def _on_metrics_changed(self) -> None:
        self._emit_all()

    def _emit_all(self) -> None:
        def walk(parent: QModelIndex) -> None:
            rows = self.rowCount(parent)
            if rows:
                self.dataChanged.emit(self.index(0, 0, parent), self.index(rows - 1, 0, parent))
                for r in range(rows):
                    walk(self.index(r, 0, parent))

        walk(QModelIndex())

    def node_id(self, index: QModelIndex) -> Optional[str]:
        node = self._node(index)
        return None if node is self._root else node.id

    def index_of(self, node_id: str) -> QModelIndex:
        node = self._by_id.get(node_id)
        if node is None:
            return QModelIndex()
        return self.createIndex(node.row, 0, node)

    def _node(self, index: QModelIndex) -> _Node:
        if index.isValid():
            node = index.internalPointer()
            if isinstance(node, _Node):
                return node
        return self._root

    # ------------------------------------------------------------------ Qt model API
    def index(self, row, column=0, parent=QModelIndex()):
        p = self._node(parent)
        if column != 0 or row < 0 or row >= len(p.children):
            return QModelIndex()
        return self.createIndex(row, 0, p.children[row])

    def parent(self, index=QModelIndex()):  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        node = self._node(index)
        p = node.parent
        if p is None or p is self._root:
            return QModelIndex()
        return self.createIndex(p.row, 0, p)

    def rowCount(self, parent=QModelIndex()):  # noqa: N802 - Qt API
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent=QModelIndex()):  # noqa: N802 - Qt API
        return 1

    def label(self, node_id: str) -> str:
        report = self.doc.report
        if node_id == "report":
            return self.tr("Report information")
        node = report.find_node(node_id)
        number = self._numbers.get(node_id, "")
        if isinstance(node, Section):
            text = node.heading
            if not text.strip() and node.kinds:  # an unheaded part, e.g. the shortcomings paragraph
                from ..model import KIND_LABELS

                return f"{number}（{KIND_LABELS[node.kinds[0]]}）"
        elif isinstance(node, Item):
            text = node.lead or (node.body[0] if node.body else "")
        else:
            return node_id
        text = render_text(text, report.metrics).replace("\n", " ").strip()
        if not text:
            text = self.tr("(empty)")
        if len(text) > MAX_LABEL:
            text = text[: MAX_LABEL - 1] + "…"
        return f"{number}{text}"

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        node = self._node(index)
        if role == Qt.ItemDataRole.DisplayRole:
            return self.label(node.id)
        if role == ID_ROLE:
            return node.id
        if role == Qt.ItemDataRole.ToolTipRole and node.kind != "report":
            obj = self.doc.report.find_node(node.id)
            text = getattr(obj, "heading", None) or getattr(obj, "lead", "") or getattr(obj, "hint", "")
            return render_text(text, self.doc.report.metrics) if text else None
        if role == Qt.ItemDataRole.ForegroundRole and node.kind != "report":
            obj = self.doc.report.find_node(node.id)
            if obj is not None and getattr(obj, "needs_revision", False):
                return QBrush(QColor("#a05a00"))
        if role == Qt.ItemDataRole.FontRole and node.kind in ("report", "section"):
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        return None

    def flags(self, index):
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not index.isValid():
            return base | Qt.ItemFlag.ItemIsDropEnabled
        node = self._node(index)
        if node.kind == "report":
            return base
        return base | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled

    # ------------------------------------------------------------------ drag and drop
    def supportedDropActions(self):  # noqa: N802 - Qt API
        return Qt.DropAction.MoveAction

    def supportedDragActions(self):  # noqa: N802 - Qt API
        return Qt.DropAction.MoveAction

    def mimeTypes(self):  # noqa: N802 - Qt API
        return [NODE_MIME]

    def mimeData(self, indexes):  # noqa: N802 - Qt API
        ids = [self.node_id(i) for i in indexes if i.isValid() and self.node_id(i) not in (None, "report")]
        if not ids:
            return None
        data = QMimeData()
        data.setData(NODE_MIME, ids[0].encode("utf-8"))
        return data

    def drop_target(self, node_id: str, row: int, parent: QModelIndex) -> Optional[tuple[str, int]]:
        """Where dropping ``node_id`` at (row, parent) puts it: (owner id, index in the owner's list after
        the node was taken out), or None when the drop is not allowed."""
        report = self.doc.report
        moving = report.find_node(node_id)
        if moving is None:
            return None
        target = self._node(parent)
        if isinstance(moving, Section):
            if target is not self._root:
                return None
            owner = "report"
            index = len(report.sections) if row < 0 else max(0, row - 1)  # row 0 is the report information
        else:
            if target is self._root or target.kind == "report":
                return None
            owner = target.id
            # not into itself or its own descendants
            p = target
            while p is not None:
                if p.id == node_id:
                    return None
                p = p.parent
            owner_obj = report.find_node(owner)
            siblings = owner_obj.items if isinstance(owner_obj, Section) else owner_obj.children
            index = len(siblings) if row < 0 else row
        container, old_index, old_owner = report.find_parent(node_id)
        old_owner_id = "report" if old_owner is report else old_owner.id
        if old_owner_id == owner and old_index < index:
            index -= 1
        if old_owner_id == owner and old_index == index:
            return None
        return owner, index

    def canDropMimeData(self, data, action, row, column, parent):  # noqa: N802 - Qt API
        if not data.hasFormat(NODE_MIME):
            return False
        node_id = bytes(data.data(NODE_MIME)).decode("utf-8")
        return self.drop_target(node_id, row, parent) is not None or self._same_place(node_id, row, parent)

    def _same_place(self, node_id, row, parent) -> bool:
        return False

    def dropMimeData(self, data, action, row, column, parent):  # noqa: N802 - Qt API
        if not data.hasFormat(NODE_MIME):
            return False
        node_id = bytes(data.data(NODE_MIME)).decode("utf-8")
        target = self.drop_target(node_id, row, parent)
        if target is None:
            return False
        owner, index = target
        self.doc.push(MoveNodeCommand(self.doc, node_id, owner, index, self.tr("Move")))
        self.movedTo.emit(node_id)
        # The move is done by the command; returning False keeps the view from removing the dragged rows.
        return False

    def removeRows(self, row, count, parent=QModelIndex()):  # noqa: N802 - Qt API
        return False

    movedTo = Signal(str)


class OutlineView(QTreeView):
    """The outline tree with the structural actions of the report (all undoable)."""

    nodeSelected = Signal(str)

    def __init__(self, doc, parent=None):
        super().__init__(parent)
        self.setObjectName("outlineView")
        self.doc = doc
        self.outline = OutlineModel(doc, self)
        self.setModel(self.outline)
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setExpandsOnDoubleClick(True)
        self._current = "report"
        self.outline.modelAboutToBeReset.connect(self._remember)
        self.outline.modelReset.connect(self._restore)
        self.outline.movedTo.connect(self._after_move)
        self.expandAll()
        self._select_quietly("report")

    # ------------------------------------------------------------------ selection
    def current_id(self) -> str:
        return self._current

    def _remember(self) -> None:
        pass

    def _restore(self) -> None:
        self.expandAll()
        if self.doc.report.find_node(self._current) is None:
            self._current = "report"
            self._select_quietly("report")
            self.nodeSelected.emit("report")
        else:
            self._select_quietly(self._current)

    def _after_move(self, node_id: str) -> None:
        self.select(node_id)

    def _select_quietly(self, node_id: str) -> None:
        index = self.outline.index_of(node_id)
        if index.isValid():
            self.blockSignals(True)
            self.setCurrentIndex(index)
            self.blockSignals(False)
            self.scrollTo(index)

    def select(self, node_id: str) -> None:
        """Select a node (the form follows)."""
        index = self.outline.index_of(node_id)
        if index.isValid():
            self.setCurrentIndex(index)
            self.scrollTo(index)

    def currentChanged(self, current, previous):  # noqa: N802 - Qt API
        super().currentChanged(current, previous)
        node_id = self.outline.node_id(current)
        if node_id and node_id != self._current:
            self._current = node_id
            self.nodeSelected.emit(node_id)

    # ------------------------------------------------------------------ structural edits
    def _place(self, node_id: str):
        report = self.doc.report
        found = report.find_parent(node_id)
        if found is None:
            return None
        container, index, owner = found
        return container, index, ("report" if owner is report else owner.id)

    def add_section(self) -> str:
        """A new section after the selected one (or at the end)."""
        report = self.doc.report
        index = len(report.sections)
        cur = self._current
        if cur != "report":
            node = report.find_node(cur)
            while node is not None and not isinstance(node, Section):
                node = self._owner_of(node.id)
            if isinstance(node, Section):
                index = report.sections.index(node) + 1
        section = Section(heading="")
        self.doc.push(InsertNodeCommand(self.doc, "report", index, section, self.tr("Add section")))
        self.select(section.id)
        return section.id

    def _owner_of(self, node_id: str):
        place = self._place(node_id)
        if place is None:
            return None
        return self.doc.report.find_node(place[2]) if place[2] != "report" else None

    def add_item(self) -> Optional[str]:
        """A new item: inside the selected section (at the end), or after the selected item."""
        report = self.doc.report
        cur = self._current
        node = report.find_node(cur)
        item = Item()
        if isinstance(node, Section):
            owner, index = node.id, len(node.items)
        elif isinstance(node, Item):
            _c, i, owner = self._place(cur)
            index = i + 1
        elif report.sections:
            owner, index = report.sections[-1].id, len(report.sections[-1].items)
        else:
            return None
        self.doc.push(InsertNodeCommand(self.doc, owner, index, item, self.tr("Add item")))
        self.select(item.id)
        return item.id

    def add_sub_item(self) -> Optional[str]:
        node = self.doc.report.find_node(self._current)
        if not isinstance(node, Item):
            return None
        item = Item()
        self.doc.push(InsertNodeCommand(self.doc, node.id, len(node.children), item, self.tr("Add sub-item")))
        self.select(item.id)
        return item.id

    def delete_current(self) -> bool:
        cur = self._current
        if cur == "report" or self.doc.report.find_node(cur) is None:
            return False
        label = self.outline.label(cur)
        place = self._place(cur)
        self.doc.push(RemoveNodeCommand(self.doc, cur, self.tr("Delete “%1”").replace("%1", label)))
        # select the neighbour that took its place, else the owner
        container, index, owner = place
        target = owner
        if container:
            target = container[min(index, len(container) - 1)].id
        self.select(target if target != "report" or not self.doc.report.sections else target)
        return True

    def move_current(self, delta: int) -> bool:
        cur = self._current
        place = self._place(cur) if cur != "report" else None
        if place is None:
            return False
        container, index, owner = place
        new_index = index + delta
        if new_index < 0 or new_index >= len(container):
            return False
        text = self.tr("Move up") if delta < 0 else self.tr("Move down")
        self.doc.push(MoveNodeCommand(self.doc, cur, owner, new_index, text))
        self.select(cur)
        return True
