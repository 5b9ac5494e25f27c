"""Review of the figures found by an import: accept all, accept some, edit labels."""

from __future__ import annotations

from typing import Optional

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..importing import ImportResult, MetricSuggestion
from ..model import format_change, format_value

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
