"""设为指标: the small dialog that confirms a new metric made from a selected figure.

It proposes a label taken from the words before the figure in the sentence (never markup: a figure
chip before it ends the label, as punctuation does), and shows the parsed value, unit, scale and
qualifier, all editable, with the text the figure will read as.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Optional

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..model import Metric
from ..model.report import QUALIFIERS, SCALES
from . import i18n  # noqa: F401 - applies the PySide6 None-refcount guard

_TOKEN = re.compile(r"\{\{[^{}]*\}\}")
_BREAK = re.compile(r"[，。；：、,;:！？!?（）()“”\"《》\n\t]")
_LEAD_WORDS = re.compile(r"^(其中|另|并|还|和|及|与)+")
_TAIL_WORDS = re.compile(r"(共计|共|达到|达|为|是|约|近|超过|超|逾|累计|合计)+$")


def propose_label(before_source: str, limit: int = 16) -> str:
    """A label for a metric: the words just before the figure, back to the last punctuation or figure.

    ``before_source`` is the stored text before the figure; metric tokens in it end the label (they
    are figures), so no markup ever reaches the label."""
    text = _TOKEN.split(before_source)[-1]
    text = text.replace("{", "").replace("}", "")
    part = _BREAK.split(text)[-1].strip()
    part = _TAIL_WORDS.sub("", part)
    part = _LEAD_WORDS.sub("", part) or part
    return part[-limit:]


class MakeMetricDialog(QDialog):
    """Confirm (and correct) the metric made from the selection ``figure`` (e.g. ``近5.9万宗``)."""

    def __init__(self, figure: str, fields: dict, label: str, sentence: str = "", parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.setObjectName("makeMetricDialog")
        self.setWindowTitle(self.tr("Make metric"))
        intro = QLabel(self.tr("“%1” becomes a metric: the text will show its value, and its change on last "
                               "year can be written automatically.").replace("%1", figure), self)
        intro.setWordWrap(True)
        self.label_edit = QLineEdit(label, self)
        self.label_edit.setObjectName("metricLabelEdit")
        self.label_edit.setPlaceholderText(self.tr("e.g. 行政复议案件"))
        self.value_edit = QLineEdit(str(fields.get("value", "")), self)
        self.value_edit.setObjectName("metricValueEdit")
        self.unit_edit = QLineEdit(fields.get("unit", ""), self)
        self.unit_edit.setObjectName("metricUnitEdit")
        self.scale_box = QComboBox(self)
        self.scale_box.setObjectName("metricScaleBox")
        for scale in SCALES:
            self.scale_box.addItem(scale or self.tr("(none)"), scale)
        self.scale_box.setCurrentIndex(max(0, self.scale_box.findData(fields.get("scale", ""))))
        self.qualifier_box = QComboBox(self)
        self.qualifier_box.setObjectName("metricQualifierBox")
        for q in QUALIFIERS:
            self.qualifier_box.addItem(q or self.tr("(none)"), q)
        self.qualifier_box.setCurrentIndex(max(0, self.qualifier_box.findData(fields.get("qualifier", ""))))
        self.rate_box = QCheckBox(self.tr("A rate (its change is written in 个百分点)"), self)
        self.rate_box.setChecked(bool(fields.get("is_rate")))
        self.shown = QLabel(self)
        self.shown.setObjectName("metricShownLabel")
        self.problem = QLabel(self)
        self.problem.setObjectName("metricProblemLabel")
        self.problem.setStyleSheet("color: #b00000")
        self.problem.setWordWrap(True)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("&Name:"), self.label_edit)
        form.addRow(self.tr("&Value:"), self.value_edit)
        form.addRow(self.tr("&Unit:"), self.unit_edit)
        form.addRow(self.tr("&Scale:"), self.scale_box)
        form.addRow(self.tr("&Qualifier:"), self.qualifier_box)
        form.addRow("", self.rate_box)
        form.addRow(self.tr("Reads as:"), self.shown)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        if sentence:
            context = QLabel(self.tr("In: %1").replace("%1", sentence), self)
            context.setWordWrap(True)
            context.setStyleSheet("color: #5f6b7a")
            layout.addWidget(context)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        for w in (self.label_edit, self.value_edit, self.unit_edit):
            w.textChanged.connect(self._update)
        for box in (self.scale_box, self.qualifier_box):
            box.currentIndexChanged.connect(self._update)
        self.rate_box.toggled.connect(self._update)
        self._update()
        self.label_edit.setFocus()
        self.label_edit.selectAll()
        self.resize(420, self.sizeHint().height())

    def metric(self) -> Optional[Metric]:
        """The metric as entered, or None while something is wrong (shown under the fields)."""
        value = self.value_edit.text().strip().replace(",", "").replace("，", "")
        try:
            Decimal(value)
        except (InvalidOperation, ValueError):
            return None
        try:
            return Metric(label=self.label_edit.text().strip(), value=value, unit=self.unit_edit.text().strip(),
                          scale=self.scale_box.currentData(), qualifier=self.qualifier_box.currentData(),
                          is_rate=self.rate_box.isChecked())
        except ValueError:
            return None

    def _update(self, *_args) -> None:
        from ..model import render_text
        from ..model.tokens import metric_token

        metric = self.metric()
        ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if metric is None:
            self.problem.setText(self.tr("The value must be a number, such as 2041 or 5.9."))
            self.shown.setText("")
        elif not metric.label:
            self.problem.setText(self.tr("Give the metric a name: it is how you find it in the metrics panel."))
            self.shown.setText(render_text(metric_token(metric.id), [metric]))
        else:
            self.problem.setText("")
            self.shown.setText(render_text(metric_token(metric.id), [metric]))
        ok_button.setEnabled(metric is not None and bool(metric.label))


def confirm_metric(figure: str, fields: dict, label: str, sentence: str = "", parent=None) -> Optional[Metric]:
    """Show the dialog; the metric to create, or None when cancelled."""
    dialog = MakeMetricDialog(figure, fields, label, sentence, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.metric()
    finally:
        dialog.deleteLater()
