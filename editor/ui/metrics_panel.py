"""The report's metrics (figures) as editable tables.

* :class:`MetricsPanel` — every metric of the report: filter box, add/delete buttons, and the list of
  places where the selected metric is used (double-click goes there).
* :class:`MetricTable` — the metrics one part of the report uses (the section form shows it under
  the text), with the same editable columns.

Both edit through undo commands (``doc.set_field(FieldRef(metric_id, field), value)``,
Add/RemoveMetricCommand). A value that is not a valid figure (``两千``, ``12.3.4``, ``-5``) is never
written to the model: the typed text stays in the cell, marked red with the reason from
:func:`editor.model.value_error`; the model keeps its last valid value.
"""

from __future__ import annotations

from typing import Callable, Iterable, Optional

from PySide6.QtCore import (
    QAbstractTableModel,
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..model import QUALIFIERS, SCALES, FieldRef, Metric, format_change, iter_text_fields, number_report
from ..model.tokens import TOKEN_RE, Renderer, change_amount, change_error, format_value, metric_number_error, value_error
from . import i18n  # noqa: F401 - applies the PySide6 None-refcount guard
from .commands import AddMetricCommand, RemoveMetricCommand
from .wheel import guard_widget

INVALID_BG = QColor("#ffc8c8")
MISSING_BG = QColor("#fff2c2")
READ_ONLY_FG = QColor("#555555")

# columns: (field name or pseudo-name, header source text)
COLUMNS = (
    ("label", QT_TRANSLATE_NOOP("MetricsModel", "Label")),
    ("value", QT_TRANSLATE_NOOP("MetricsModel", "Value")),
    ("unit", QT_TRANSLATE_NOOP("MetricsModel", "Unit")),
    ("scale", QT_TRANSLATE_NOOP("MetricsModel", "Scale")),
    ("qualifier", QT_TRANSLATE_NOOP("MetricsModel", "Qualifier")),
    ("last_value", QT_TRANSLATE_NOOP("MetricsModel", "Last year")),
    ("is_rate", QT_TRANSLATE_NOOP("MetricsModel", "Rate")),
    ("change", QT_TRANSLATE_NOOP("MetricsModel", "Change")),
    ("used", QT_TRANSLATE_NOOP("MetricsModel", "Used in")),
)
COL = {name: i for i, (name, _h) in enumerate(COLUMNS)}
NUMBER_FIELDS = ("value", "last_value")
TEXT_FIELDS = ("label", "unit")
CHOICE_FIELDS = {"scale": SCALES, "qualifier": QUALIFIERS}


def _tr(text: str) -> str:
    return QCoreApplication.translate("MetricsModel", text)


def metric_usage(report) -> dict[str, list[FieldRef]]:
    """Map each metric id to the text fields that use it (value or change token), in document order."""
    usage: dict[str, list[FieldRef]] = {}
    for ref, text in iter_text_fields(report):
        if not text or "{{" not in text:
            continue
        seen = set()
        for m in TOKEN_RE.finditer(text):
            mid = m.group(2)
            if mid not in seen:
                seen.add(mid)
                usage.setdefault(mid, []).append(ref)
    return usage


def metric_use_counts(report) -> dict[str, int]:
    """How many times each metric is used in the text (value and change tokens; a paragraph that
    writes a figure twice counts twice) — what the 使用处 column shows."""
    counts: dict[str, int] = {}
    for _ref, text in iter_text_fields(report):
        if not text or "{{" not in text:
            continue
        for m in TOKEN_RE.finditer(text):
            counts[m.group(2)] = counts.get(m.group(2), 0) + 1
    return counts


def describe_place(report, ref: FieldRef, numbers: Optional[dict] = None) -> str:
    """A short human description of a text field: its number, the field, and the start of its text."""
    numbers = numbers if numbers is not None else number_report(report)
    names = {
        "title_override": QCoreApplication.translate("MetricsModel", "Title"), "preamble": QCoreApplication.translate("MetricsModel", "Preamble"), "closing": QCoreApplication.translate("MetricsModel", "Closing"),
        "signature": QCoreApplication.translate("MetricsModel", "Signature"), "notes": QCoreApplication.translate("MetricsModel", "Note"), "heading": QCoreApplication.translate("MetricsModel", "Heading"),
        "intro": QCoreApplication.translate("MetricsModel", "Introduction"), "lead": QCoreApplication.translate("MetricsModel", "Lead sentence"), "body": QCoreApplication.translate("MetricsModel", "Body"),
    }
    where = ""
    if ref.node != "report":
        where = numbers.get(ref.node, "")
        if ref.node.startswith("i-"):
            for section, chain in report.iter_items():
                if chain[-1].id == ref.node:
                    where = numbers.get(section.id, "") + "".join(numbers.get(i.id, "") for i in chain)
                    break
    field = names.get(ref.field, ref.field)
    if ref.index is not None and ref.field in ("body", "intro", "preamble", "closing"):
        field = QCoreApplication.translate("MetricsModel", "%1 paragraph %2").replace("%1", field).replace("%2", str(ref.index + 1))
    try:
        from ..model import get_field

        text = get_field(report, ref)
        text = Renderer(report.metric_map()).text(text) if isinstance(text, str) else ""
    except (KeyError, IndexError, AttributeError):
        text = ""
    snippet = text[:24] + ("…" if len(text) > 24 else "")
    return f"{where} {field}：{snippet}".strip()


class MetricsModel(QAbstractTableModel):
    """Table model over the report's metrics, or over the ids returned by ``ids_provider``."""

    # (metric_id, field, reason) when an invalid value was typed; reason "" when it became valid
    validityChanged = Signal(str, str, str)

    def __init__(self, doc, ids_provider: Optional[Callable[[], Iterable[str]]] = None, parent=None):
        super().__init__(parent)
        self.doc = doc
        self.ids_provider = ids_provider
        self.ids: list[str] = []
        self.usage: dict[str, list[FieldRef]] = {}
        self.invalid: dict[tuple[str, str], tuple[str, str]] = {}  # (id, field) -> (typed text, reason)
        self._writing = False
        self._reload_ids()
        self.usage = metric_usage(doc.report)
        self.counts: dict[str, int] = metric_use_counts(doc.report)
        self._usage_timer = QTimer(self)
        self._usage_timer.setSingleShot(True)
        self._usage_timer.setInterval(250)
        self._usage_timer.timeout.connect(self.refresh_usage)
        self._all_pending = False
        doc.metricsChanged.connect(self._on_metrics_changed)
        doc.fieldChanged.connect(self._on_field_changed)
        doc.structureChanged.connect(self._schedule_usage)
        doc.contentChanged.connect(self._schedule_usage)

    # ---------------------------------------------------------------- data source
    def _current_ids(self) -> list[str]:
        if self.ids_provider is None:
            return [m.id for m in self.doc.report.metrics]
        known = self.doc.report.metric_map()
        out, seen = [], set()
        for mid in self.ids_provider():
            if mid in known and mid not in seen:
                seen.add(mid)
                out.append(mid)
        return out

    def _reload_ids(self) -> None:
        self.ids = self._current_ids()
        self._map = self.doc.report.metric_map()

    def metric(self, row: int) -> Optional[Metric]:
        if 0 <= row < len(self.ids):
            mid = self.ids[row]
            metric = self._map.get(mid)
            if metric is None or metric.id != mid:  # the report's metrics were replaced
                self._map = self.doc.report.metric_map()
                metric = self._map.get(mid)
            return metric
        return None

    def row_of(self, metric_id: str) -> int:
        try:
            return self.ids.index(metric_id)
        except ValueError:
            return -1

    def refresh(self) -> None:
        """Metrics changed: reset when the rows changed, else repaint every cell (keeps editors)."""
        ids = self._current_ids()
        self._map = self.doc.report.metric_map()
        live = set(ids)
        self.invalid = {k: v for k, v in self.invalid.items() if k[0] in live}
        if ids != self.ids:
            self.beginResetModel()
            self.ids = ids
            self.endResetModel()
        elif ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(ids) - 1, len(COLUMNS) - 1))

    def _on_metrics_changed(self) -> None:
        """Rows added or removed: reset now. Otherwise one metric's field changed; the
        fieldChanged signal that follows names it and repaints its row only. A deferred full
        repaint covers changes that name no metric."""
        ids = self._current_ids()
        if ids != self.ids:
            self.refresh()
            return
        self._map = self.doc.report.metric_map()
        if not self._all_pending:
            self._all_pending = True
            QTimer.singleShot(0, self._flush_all)

    def _flush_all(self) -> None:
        if self._all_pending:
            self._all_pending = False
            if self.ids:
                self.dataChanged.emit(self.index(0, 0), self.index(len(self.ids) - 1, len(COLUMNS) - 1))

    def _emit_row(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def _schedule_usage(self) -> None:
        self._usage_timer.start()

    def refresh_usage(self) -> None:
        """Re-count where each metric is used; repaint only the rows whose count changed."""
        self._usage_timer.stop()
        old, old_counts = self.usage, self.counts
        self.usage = metric_usage(self.doc.report)
        self.counts = metric_use_counts(self.doc.report)
        if self.ids_provider is not None:
            ids = self._current_ids()
            if ids != self.ids:
                self.refresh()
                return
        column = COL["used"]
        for row, mid in enumerate(self.ids):
            if old.get(mid) != self.usage.get(mid) or old_counts.get(mid) != self.counts.get(mid):
                index = self.index(row, column)
                self.dataChanged.emit(index, index)

    def _on_field_changed(self, ref) -> None:
        if ref is None:
            self.invalid.clear()
            self.refresh()
            return
        if not self._writing and (ref.node, ref.field) in self.invalid:
            # The field changed through undo/redo or another view: show the model's value again.
            del self.invalid[(ref.node, ref.field)]
        row = self.row_of(ref.node)
        if row >= 0:
            self._all_pending = False
            self._emit_row(row)

    # ---------------------------------------------------------------- Qt model API
    def rowCount(self, parent=QModelIndex()):  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent=QModelIndex()):  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802 - Qt API
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(COLUMNS[section][1])
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            name = COLUMNS[section][0]
            tips = {
                "scale": QCoreApplication.translate("MetricsModel", "万 or 亿 written after the number (2.5万人次)"),
                "qualifier": QCoreApplication.translate("MetricsModel", "余 逾 近 约 超 多 以上 左右 达 …"),
                "last_value": QCoreApplication.translate("MetricsModel", "Last year's value, same unit and scale: gives the year-on-year change"),
                "is_rate": QCoreApplication.translate("MetricsModel", "A rate (%): its change is written in 个百分点"),
                "change": QCoreApplication.translate("MetricsModel", "Computed from the value and last year's value"),
                "used": QCoreApplication.translate("MetricsModel", "How many times the text uses this metric"),
            }
            return tips.get(name)
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        name = COLUMNS[index.column()][0]
        if name == "is_rate":
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if name in ("change", "used"):
            return base
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        metric = self.metric(index.row()) if index.isValid() else None
        if metric is None:
            return None
        name = COLUMNS[index.column()][0]
        pending = self.invalid.get((metric.id, name))
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if pending is not None:
                return pending[0]
            if name in ("label", "unit", "scale", "qualifier"):
                return getattr(metric, name)
            if name in NUMBER_FIELDS:
                value = getattr(metric, name)
                return "" if value is None else value
            if name == "change":
                if role == Qt.ItemDataRole.EditRole:
                    return None
                return format_change(metric) or ""
            if name == "used":
                n = self.counts.get(metric.id, 0)
                return str(n) if n else ""
            return None
        if role == Qt.ItemDataRole.CheckStateRole and name == "is_rate":
            return Qt.CheckState.Checked if metric.is_rate else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.BackgroundRole:
            if pending is not None or self._stored_error(metric, name):
                return QBrush(INVALID_BG)
            if name == "value" and not (metric.value or "").strip():
                return QBrush(MISSING_BG)
            return None
        if role == Qt.ItemDataRole.ForegroundRole and name in ("change", "used"):
            return QBrush(READ_ONLY_FG)
        if role == Qt.ItemDataRole.ToolTipRole:
            if pending is not None:
                return pending[1]
            error = self._stored_error(metric, name)
            if error:
                return error
            if name == "value":
                shown = format_value(metric)
                return QCoreApplication.translate("MetricsModel", "In the text: %1").replace("%1", shown) if shown else QCoreApplication.translate("MetricsModel", "Not filled in yet")
            if name == "change" and change_amount(metric) is None:
                if not (metric.last_value or "").strip():
                    return QCoreApplication.translate("MetricsModel", "Fill in last year's value to compute the change")
                return QCoreApplication.translate("MetricsModel", "The change cannot be computed (last year's value is 0 or invalid)")
            if name == "used":
                places = self.usage.get(metric.id, [])
                if not places:
                    return QCoreApplication.translate("MetricsModel", "Not used in the text")
                numbers = number_report(self.doc.report)
                head = QCoreApplication.translate("MetricsModel", "Used %1 time(s) in %2 paragraph(s):").replace(
                    "%1", str(self.counts.get(metric.id, 0))).replace("%2", str(len(places)))
                return "\n".join([head] + [describe_place(self.doc.report, ref, numbers) for ref in places[:20]])
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and name in ("value", "last_value", "change", "used"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return metric.id
        return None

    @staticmethod
    def _stored_error(metric: Metric, name: str) -> Optional[str]:
        if name in NUMBER_FIELDS:
            value = getattr(metric, name)
            if value is not None and value.strip():
                return value_error(value)
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):  # noqa: N802 - Qt API
        metric = self.metric(index.row()) if index.isValid() else None
        if metric is None:
            return False
        name = COLUMNS[index.column()][0]
        if name == "is_rate" and role == Qt.ItemDataRole.CheckStateRole:
            checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2, True)
            reason = change_error(metric.model_copy(update={"is_rate": bool(checked)}))
            if reason:  # the change would be too large to write: keep the model as it is and say why
                self.validityChanged.emit(metric.id, name, reason)
                return False
            self._write(metric, "is_rate", bool(checked))
            return True
        if role != Qt.ItemDataRole.EditRole:
            return False
        text = "" if value is None else str(value)
        if name in NUMBER_FIELDS:
            typed = text.strip()
            # the figure itself, and the year-on-year change it gives with the other value (limits in the model)
            reason = metric_number_error(metric, name, typed) if typed else None
            if reason:
                # Keep what was typed in the cell, say why, and leave the model's last valid value.
                self.invalid[(metric.id, name)] = (text, reason)
                self.dataChanged.emit(index, index)
                self.validityChanged.emit(metric.id, name, reason)
                return True
            had = self.invalid.pop((metric.id, name), None)
            self._write(metric, name, typed or None)
            if had is not None:
                self.dataChanged.emit(index, index)
                self.validityChanged.emit(metric.id, name, "")
            return True
        if name in CHOICE_FIELDS:
            if text not in CHOICE_FIELDS[name]:
                return False
            self._write(metric, name, text)
            return True
        if name in TEXT_FIELDS:
            self._write(metric, name, text.strip() if name == "unit" else text)
            return True
        return False

    def _write(self, metric: Metric, name: str, value) -> None:
        if getattr(metric, name) == value:
            return
        label = metric.label or metric.id
        text = QCoreApplication.translate("MetricsModel", "Edit metric “%1”").replace("%1", label)
        self._writing = True
        try:
            self.doc.set_field(FieldRef(metric.id, name), value, text, merge=False)
        finally:
            self._writing = False

    def invalid_reason(self, metric_id: str, name: str) -> Optional[str]:
        pending = self.invalid.get((metric_id, name))
        return pending[1] if pending else None


class _MetricDelegate(QStyledItemDelegate):
    """Drop-down editors for scale and qualifier; a line edit elsewhere."""

    def createEditor(self, parent, option, index):  # noqa: N802 - Qt API
        name = COLUMNS[index.column()][0]
        if name in CHOICE_FIELDS:
            box = QComboBox(parent)
            for choice in CHOICE_FIELDS[name]:
                box.addItem(choice if choice else QCoreApplication.translate("MetricsModel", "(none)"), choice)
            guard_widget(box)  # the wheel scrolls the table unless the drop-down has focus
            return box
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor, index):  # noqa: N802 - Qt API
        if isinstance(editor, QComboBox):
            value = index.data(Qt.ItemDataRole.EditRole) or ""
            i = editor.findData(value)
            editor.setCurrentIndex(max(0, i))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor, model, index):  # noqa: N802 - Qt API
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)


def _make_view(model, parent) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setItemDelegate(_MetricDelegate(view))
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    view.setEditTriggers(
        QAbstractItemView.EditTrigger.DoubleClicked
        | QAbstractItemView.EditTrigger.EditKeyPressed
        | QAbstractItemView.EditTrigger.AnyKeyPressed
        | QAbstractItemView.EditTrigger.SelectedClicked
    )
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(False)
    widths = {"label": 220, "value": 80, "unit": 56, "scale": 56, "qualifier": 60, "last_value": 80,
              "is_rate": 44, "change": 150, "used": 60}
    for name, w in widths.items():
        view.setColumnWidth(COL[name], w)
    header.setSectionResizeMode(COL["label"], QHeaderView.ResizeMode.Stretch)  # the label takes the slack
    header.setMinimumSectionSize(36)
    return view


class MetricTable(QWidget):
    """The metrics that one part of the report uses, editable (shown in the section form)."""

    def __init__(self, doc, metric_ids_provider: Callable[[], Iterable[str]], parent=None):
        super().__init__(parent)
        self.doc = doc
        self.model = MetricsModel(doc, metric_ids_provider, self)
        self.view = _make_view(self.model, self)
        self.view.setColumnHidden(COL["used"], True)
        self.view.setSortingEnabled(False)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00000")
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        layout.addWidget(self.message)
        self.model.validityChanged.connect(self._on_validity)

    def refresh(self) -> None:
        """Re-read which metrics the part uses (call after its text changed, or rely on the timer)."""
        self.model.refresh_usage()

    def _on_validity(self, metric_id: str, field: str, reason: str) -> None:
        self.message.setText(reason)
        self.message.setVisible(bool(reason))


class _FilterProxy(QSortFilterProxyModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)


class MetricsPanel(QWidget):
    """All metrics of the report: editable, filterable, with where each is used."""

    gotoRequested = Signal(object)  # FieldRef

    def __init__(self, doc, parent=None):
        super().__init__(parent)
        self.setObjectName("metricsPanel")
        self.doc = doc
        self.model = MetricsModel(doc, None, self)
        self.proxy = _FilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filter metrics (label, value, unit)…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.set_filter)
        self.add_button = QPushButton(self.tr("Add metric"), self)
        self.add_button.clicked.connect(self.add_metric)
        self.delete_button = QPushButton(self.tr("Delete metric"), self)
        self.delete_button.clicked.connect(self.delete_selected)
        self.view = _make_view(self.proxy, self)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.places = QListWidget(self)
        self.places.setToolTip(self.tr("Double-click to go to the paragraph"))
        self.places.itemActivated.connect(self._on_place_activated)
        self.places_label = QLabel(self.tr("Used in:"), self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00000")
        self.message.hide()

        top = QHBoxLayout()
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.add_button)
        top.addWidget(self.delete_button)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.places_label)
        lower_layout.addWidget(self.places)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.view)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        # On a low screen (1024×576, 150 % scaling) the places list may shrink to one line, so the dock stays low.
        self.places.setMinimumHeight(self.places.fontMetrics().lineSpacing() + 8)
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)

        self.view.selectionModel().currentRowChanged.connect(self._update_places)
        self.model.modelReset.connect(self._update_places)
        self.model.validityChanged.connect(self._on_validity)
        self.model.dataChanged.connect(self._on_data_changed)

    def resizeEvent(self, event):  # noqa: N802 - Qt API
        """Docked at the bottom (wide) the list of places sits beside the table; at a side, below it."""
        super().resizeEvent(event)
        size = event.size()
        wide = size.width() > 2 * size.height()
        orientation = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if self.splitter.orientation() != orientation or not getattr(self, "_sized", False):
            self.splitter.setOrientation(orientation)
            total = size.width() if wide else size.height()
            self.splitter.setSizes([int(total * 0.75), int(total * 0.25)])
            self._sized = True

    # ---------------------------------------------------------------- filter and selection
    def set_filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)

    def current_metric_id(self) -> Optional[str]:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        return self.proxy.data(index.siblingAtColumn(0), Qt.ItemDataRole.UserRole)

    def select_metric(self, metric_id: str) -> bool:
        row = self.model.row_of(metric_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():  # hidden by the filter
            self.filter_edit.clear()
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        return True

    def source_index(self, metric_id: str, field: str) -> QModelIndex:
        return self.proxy.mapFromSource(self.model.index(self.model.row_of(metric_id), COL[field]))

    def _update_places(self, *args) -> None:
        self.places.clear()
        metric_id = self.current_metric_id()
        if metric_id is None:
            return
        numbers = number_report(self.doc.report)
        for ref in self.model.usage.get(metric_id, []):
            item = QListWidgetItem(describe_place(self.doc.report, ref, numbers))
            item.setData(Qt.ItemDataRole.UserRole, ref)
            self.places.addItem(item)
        if self.places.count() == 0:
            empty = QListWidgetItem(self.tr("(not used in the text)"))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.places.addItem(empty)

    def _on_data_changed(self, top_left, bottom_right, roles=()) -> None:
        if top_left.column() <= COL["used"] <= bottom_right.column():
            self._update_places()

    def _on_place_activated(self, item: QListWidgetItem) -> None:
        ref = item.data(Qt.ItemDataRole.UserRole)
        if ref is not None:
            self.gotoRequested.emit(ref)

    def _on_validity(self, metric_id: str, field: str, reason: str) -> None:
        self.message.setText(reason)
        self.message.setVisible(bool(reason))

    # ---------------------------------------------------------------- add / delete
    def add_metric(self) -> str:
        metric = Metric(label=self.tr("New metric"))
        self.doc.push(AddMetricCommand(self.doc, metric, text=self.tr("Add metric")))
        self.filter_edit.clear()
        self.select_metric(metric.id)
        index = self.view.currentIndex()
        if index.isValid() and self.isVisible():
            self.view.edit(index)
        return metric.id

    def selected_metric_ids(self) -> list[str]:
        rows = {i.row() for i in self.view.selectionModel().selectedRows()}
        if not rows and self.view.currentIndex().isValid():
            rows = {self.view.currentIndex().row()}
        ids = [self.proxy.data(self.proxy.index(r, 0), Qt.ItemDataRole.UserRole) for r in sorted(rows)]
        return [i for i in ids if i]

    def delete_selected(self) -> bool:
        """Delete the selected metrics; asks first when one of them is used in the text."""
        ids = self.selected_metric_ids()
        if not ids:
            return False
        used = [mid for mid in ids if self.model.usage.get(mid)]
        if used:
            labels = "、".join((self.doc.report.metric(mid).label or mid) for mid in used[:5])
            count = sum(len(self.model.usage[mid]) for mid in used)
            answer = QMessageBox.question(
                self,
                self.tr("Delete metric"),
                self.tr("“%1” is used in %2 paragraph(s). If you delete it, those places will show "
                        "a missing-metric marker. Delete anyway?").replace("%1", labels).replace("%2", str(count)),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        stack = self.doc.undo_stack
        if len(ids) > 1:
            stack.beginMacro(self.tr("Delete %n metric(s)", "", len(ids)))
        try:
            for mid in ids:
                self.doc.push(RemoveMetricCommand(self.doc, mid, text=self.tr("Delete metric")))
        finally:
            if len(ids) > 1:
                stack.endMacro()
        return True
