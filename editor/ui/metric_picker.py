"""Choose a metric to insert into the text (Ctrl+M in a body editor).

``pick_metric(doc, parent)`` returns ``(metric_id, change)`` — ``change`` True to insert the
year-on-year change (``同比增长64.6%``) instead of the value — or None when cancelled.
"""

from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
)

from ..model import format_change, format_value
from ..model.tokens import missing_marker
from . import i18n  # noqa: F401 - applies the PySide6 None-refcount guard

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class MetricPickerDialog(QDialog):
    def __init__(self, doc, parent=None):
        super().__init__(parent)
        self.setObjectName("metricPicker")
        self.setWindowTitle(self.tr("Insert metric"))
        self.doc = doc
        self.items = QStandardItemModel(self)
        for metric in doc.report.metrics:
            shown = format_value(metric) or missing_marker(metric, metric.id)
            text = f"{metric.label or metric.id}　{shown}"
            item = QStandardItem(text)
            item.setData(metric.id, ID_ROLE)
            item.setEditable(False)
            change = format_change(metric)
            item.setToolTip(change or self.tr("No year-on-year change (last year's value missing)"))
            self.items.appendRow(item)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.items)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Type to filter…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._on_filter)
        self.filter_edit.installEventFilter(self)
        self.list = QListView(self)
        self.list.setModel(self.proxy)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.activated.connect(lambda _index: self.accept())
        self.change_box = QCheckBox(self.tr("Insert the year-on-year change instead of the value"), self)
        self.empty_label = QLabel(self.tr("This report has no metrics yet. Add them in the metrics panel, "
                                          "or select a figure in the text and choose “Make metric”."), self)
        self.empty_label.setWordWrap(True)
        self.empty_label.setVisible(self.items.rowCount() == 0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.change_box)
        layout.addWidget(buttons)
        self.resize(420, 480)
        self._select_first()

    def _on_filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
        self._select_first()

    def _select_first(self) -> None:
        if self.proxy.rowCount() > 0:
            self.list.setCurrentIndex(self.proxy.index(0, 0))
        self.ok_button.setEnabled(self.proxy.rowCount() > 0)

    def eventFilter(self, obj, event):  # noqa: N802 - Qt API
        # Up/Down in the filter box move through the list, so the keyboard never leaves the box.
        if obj is self.filter_edit and event.type() == event.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
                self.list.keyPressEvent(event)
                return True
        return super().eventFilter(obj, event)

    def selected(self) -> Optional[tuple[str, bool]]:
        index = self.list.currentIndex()
        if not index.isValid():
            return None
        return str(index.data(ID_ROLE)), self.change_box.isChecked()


def pick_metric(doc, parent=None) -> Optional[tuple[str, bool]]:
    """Show the picker; ``(metric_id, change)`` or None when cancelled or nothing was chosen."""
    dialog = MetricPickerDialog(doc, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.selected()
    finally:
        dialog.deleteLater()
