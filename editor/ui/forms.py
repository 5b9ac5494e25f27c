"""The form for the selected part of the report: report information, a section, or an item.

A form is built once when its part is selected (never on a keystroke). Every widget edits one field
through ``doc.set_field`` (an undo command) and updates itself when that field changes elsewhere
(undo/redo, find and replace, a fix), through :class:`_Binder`.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Callable, Optional

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..model import DEFAULT_FONTS, KIND_LABELS, REQUIRED_KINDS, FieldRef, Item, Section, SectionKind, number_report
from ..model.tokens import used_metric_ids
from . import i18n  # noqa: F401 - applies the PySide6 None-refcount guard
from .edit_support import use_report_undo
from .textedit import TokenTextEdit
from .wheel import guard_wheel

NO_DATE = QDate(1900, 1, 1)


def installed_families() -> set[str]:
    try:
        from ..export.fonts import installed_font_families

        return installed_font_families()
    except Exception:  # noqa: BLE001 - fall back to Qt's own list
        from PySide6.QtGui import QFontDatabase

        return set(QFontDatabase.families())


def font_substitute(name: str) -> str:
    try:
        from ..export.fonts import preview_family

        return preview_family(name)
    except Exception:  # noqa: BLE001
        return ""


class _Binder:
    """Keeps widgets and fields in step: ``updaters[ref]`` re-reads one field into its widget."""

    def __init__(self, doc):
        self.doc = doc
        self.updaters: dict[tuple[str, str], list[Callable[[], None]]] = {}
        self._pushing = False

    def add(self, ref: FieldRef, update: Callable[[], None]) -> None:
        self.updaters.setdefault((ref.node, ref.field), []).append(update)
        update()

    def set(self, ref: FieldRef, value, text: str, merge: bool = False) -> None:
        self._pushing = True
        try:
            self.doc.set_field(ref, value, text, merge=merge)
        finally:
            self._pushing = False

    def changed(self, ref) -> None:
        # Updaters are idempotent (they compare before writing and block the widget's signals), so
        # the widget that made the edit may safely re-read it, and dependants (the formal fields
        # follow the edition) update too.
        if ref is None:
            for ups in self.updaters.values():
                for up in ups:
                    up()
            return
        for up in self.updaters.get((ref.node, ref.field), ()):
            up()


def _qdate(value: Optional[_dt.date]) -> QDate:
    return QDate(value.year, value.month, value.day) if value else NO_DATE


def _pydate(value: QDate) -> Optional[_dt.date]:
    if not value.isValid() or value == NO_DATE:
        return None
    return _dt.date(value.year(), value.month(), value.day())


def reflow(form: QFormLayout) -> QFormLayout:
    """A form that fits narrow panes (1280×720, 150 % scaling): a field that does not fit beside its
    label moves below it instead of forcing a horizontal scroll bar; fields take the width there is."""
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return form


def narrow_combo(box: QComboBox, chars: int = 10) -> QComboBox:
    """A combo box whose minimum width does not follow its longest entry."""
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(chars)
    return box


class _ClickLabel(QLabel):
    """The wrapping text of a check box: clicking it toggles the box."""

    def __init__(self, text: str, box: QCheckBox, parent=None):
        super().__init__(text, parent)
        self.box = box
        self.setWordWrap(True)
        self.setBuddy(box)

    def mousePressEvent(self, event):  # noqa: N802 - Qt API
        if event.button() == Qt.MouseButton.LeftButton and self.box.isEnabled():
            self.box.toggle()
        super().mousePressEvent(event)


class BaseForm(QWidget):
    """Common helpers: bound widgets of every kind."""

    def __init__(self, doc, node_id: str, parent=None):
        super().__init__(parent)
        self.doc = doc
        self.node_id = node_id
        self.binder = _Binder(doc)
        self.editors: dict[str, TokenTextEdit] = {}
        doc.fieldChanged.connect(self.binder.changed)

    def ref(self, field: str, index=None) -> FieldRef:
        return FieldRef(self.node_id, field, index)

    def text_edit(self, field: str, *, multiline: bool = True, placeholder: str = "") -> TokenTextEdit:
        edit = TokenTextEdit(self.doc, self.ref(field), self, multiline=multiline)
        edit.setObjectName(f"edit_{field.replace('.', '_')}")
        if placeholder:
            edit.setPlaceholderText(placeholder)
        self.editors[field] = edit
        return edit

    def line_edit(self, field: str, placeholder: str = "") -> QLineEdit:
        ref = self.ref(field)
        edit = QLineEdit(self)
        edit.setObjectName(f"edit_{field.replace('.', '_')}")
        edit.setPlaceholderText(placeholder)

        def update():
            value = self.doc.get(ref) or ""
            if edit.text() != value:
                edit.setText(value)

        edit.textEdited.connect(lambda text: self.binder.set(ref, text, self.tr("Edit"), merge=True))
        self.binder.add(ref, update)
        return use_report_undo(edit, self.doc.undo_stack)  # one undo: the report's, not the widget's own

    def check_box(self, field: str, label: str) -> QCheckBox:
        ref = self.ref(field)
        box = QCheckBox(label, self)
        box.setObjectName(f"check_{field.replace('.', '_')}")

        def update():
            box.blockSignals(True)
            box.setChecked(bool(self.doc.get(ref)))
            box.blockSignals(False)

        box.toggled.connect(lambda on: self.binder.set(ref, bool(on), label))
        self.binder.add(ref, update)
        return box

    def combo(self, field: str, choices: list[tuple[str, object]], label: str) -> QComboBox:
        ref = self.ref(field)
        box = narrow_combo(QComboBox(self))
        box.setObjectName(f"combo_{field.replace('.', '_')}")
        for text, value in choices:
            box.addItem(text, value)

        def update():
            i = box.findData(self.doc.get(ref))
            box.blockSignals(True)
            box.setCurrentIndex(max(0, i))
            box.blockSignals(False)

        box.currentIndexChanged.connect(lambda _i: self.binder.set(ref, box.currentData(), label))
        self.binder.add(ref, update)
        return box

    def date_edit(self, field: str, label: str) -> QDateEdit:
        ref = self.ref(field)
        edit = QDateEdit(self)
        edit.setObjectName(f"date_{field.replace('.', '_')}")
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy年M月d日")
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText(self.tr("(not set)"))

        def update():
            edit.blockSignals(True)
            edit.setDate(_qdate(self.doc.get(ref)))
            edit.blockSignals(False)

        edit.dateChanged.connect(lambda d: self.binder.set(ref, _pydate(d), label))
        self.binder.add(ref, update)
        return edit

    def hint_label(self, text: str) -> Optional[QLabel]:
        if not text:
            return None
        label = QLabel(text, self)
        label.setObjectName("hintLabel")
        label.setWordWrap(True)
        label.setStyleSheet("color: #5f6b7a; background: #f3f6fa; border-radius: 4px; padding: 6px;")
        return label

    def focus_field(self, ref: FieldRef) -> bool:
        """Put the cursor into the editor of ``ref`` (paragraph ``ref.index`` of a list field)."""
        edit = self.editors.get(ref.field)
        if edit is None:
            return False
        edit.setFocus(Qt.FocusReason.OtherFocusReason)
        if ref.index is not None and edit.is_list:
            block = edit.document().findBlockByNumber(ref.index)
            if block.isValid():
                cursor = edit.textCursor()
                cursor.setPosition(block.position())
                edit.setTextCursor(cursor)
        return True

    def first_editor(self) -> Optional[TokenTextEdit]:
        return next(iter(self.editors.values()), None)


class ReportInfoForm(BaseForm):
    def __init__(self, doc, parent=None):
        super().__init__(doc, "report", parent)
        self.setObjectName("reportInfoForm")
        report = doc.report
        outer = QVBoxLayout(self)
        hint = self.hint_label(report.hint)
        if hint:
            outer.addWidget(hint)

        basic = QGroupBox(self.tr("Report"), self)
        form = reflow(QFormLayout(basic))
        form.addRow(self.tr("&Organisations (one per line):"), self.text_edit("organisations"))
        self.year = QSpinBox(self)
        self.year.setObjectName("spin_year")
        self.year.setRange(1949, 2200)
        year_ref = self.ref("year")

        def update_year():
            self.year.blockSignals(True)
            self.year.setValue(int(self.doc.get(year_ref)))
            self.year.blockSignals(False)
            self._update_title_placeholder()

        self.year.valueChanged.connect(lambda v: self.binder.set(year_ref, int(v), self.tr("Year")))
        self.year.valueChanged.connect(lambda _v: self._update_title_placeholder())
        form.addRow(self.tr("&Year:"), self.year)
        self.title = self.text_edit("title_override")
        form.addRow(self.tr("&Title (empty: generated):"), self.title)
        self.binder.add(year_ref, update_year)
        self.binder.add(self.ref("organisations"), self._update_title_placeholder)
        form.addRow(self.tr("&Preamble:"), self.text_edit("preamble"))
        form.addRow(self.tr("&Closing:"), self.text_edit("closing"))
        form.addRow(self.tr("&Signature (one line each):"), self.text_edit("signature"))
        form.addRow(self.tr("&Date written (成文日期):"), self.date_edit("date", self.tr("Date written")))
        form.addRow(self.tr("P&ublication date:"), self.date_edit("publication_date", self.tr("Publication date")))
        form.addRow(self.tr("&Notes (附注):"), self.text_edit("notes"))
        outer.addWidget(basic)

        edition = QGroupBox(self.tr("Edition"), self)
        eform = reflow(QFormLayout(edition))
        self.edition = self.combo("edition", [(self.tr("Public (web)"), "public"),
                                              (self.tr("Formal (red header, colophon)"), "formal")],
                                  self.tr("Edition"))
        eform.addRow(self.tr("&Edition:"), self.edition)
        self.formal_widgets = [
            (self.tr("Issuer mark:"), self.line_edit("formal.issuer_mark", "东莞市司法局文件")),
            (self.tr("Document number:"), self.line_edit("formal.doc_number", "东司〔2023〕5号")),
            (self.tr("Signers (签发人):"), self._signers_edit()),
            (self.tr("Recipients:"), self.line_edit("formal.recipients")),
            (self.tr("Copies to (抄送):"), self.line_edit("formal.cc")),
            (self.tr("Printed by:"), self.line_edit("formal.printer")),
            (self.tr("Print date:"), self.date_edit("formal.print_date", self.tr("Print date"))),
        ]
        for label, w in self.formal_widgets:
            eform.addRow(label, w)
        self.binder.add(self.ref("edition"), self._update_formal)
        outer.addWidget(edition)

        fmt = QGroupBox(self.tr("Format"), self)
        fform = reflow(QFormLayout(fmt))
        installed = installed_families()
        families = sorted(installed)
        role_names = {
            "title": self.tr("Title"), "body": self.tr("Body text"), "heading1": self.tr("Level-1 heading"),
            "heading2": self.tr("Level-2 heading"), "heading3": self.tr("Level-3 heading"),
            "page_number": self.tr("Page number"), "issuer_mark": self.tr("Issuer mark"),
        }
        self.font_boxes: dict[str, QComboBox] = {}
        self.font_marks: dict[str, QLabel] = {}
        fform.addRow(self.tr("F&ont preset:"), self._preset_box())
        for role in DEFAULT_FONTS:
            box = narrow_combo(QComboBox(self))
            box.setObjectName(f"font_{role}")
            box.setEditable(True)
            names = list(dict.fromkeys([DEFAULT_FONTS[role], *DEFAULT_FONTS.values(), *families]))
            box.addItems(names)
            mark = QLabel(self)
            mark.setObjectName(f"fontMark_{role}")
            mark.setStyleSheet("color: #a05a00")
            ref = self.ref(f"format.fonts.{role}")
            self.font_boxes[role], self.font_marks[role] = box, mark

            def update(role=role, box=box, mark=mark):
                name = self.doc.report.format.font(role)
                if box.currentText() != name:
                    box.blockSignals(True)
                    box.setCurrentText(name)
                    box.blockSignals(False)
                if name in installed:
                    mark.setText("")
                    mark.setToolTip("")
                else:
                    sub = font_substitute(name)
                    mark.setText(self.tr("⚠ not installed here"))
                    mark.setToolTip(self.tr("The Word file names this font; the preview and PDF use %1.")
                                    .replace("%1", sub or "?"))

            def commit(text, role=role):
                text = text.strip()
                if text and text != self.doc.report.format.font(role):
                    self.binder.set(FieldRef("report", f"format.fonts.{role}"), text, self.tr("Font"))

            # a name chosen from the list is taken at once; a typed name when editing finishes
            box.currentTextChanged.connect(lambda text, box=box, commit=commit:
                                           commit(text) if box.findText(text) >= 0 else None)
            box.lineEdit().editingFinished.connect(lambda box=box, commit=commit: commit(box.currentText()))
            self.binder.add(ref, update)
            self.binder.add(self.ref("format.fonts"), update)  # a font preset replaces every font
            row = QHBoxLayout()
            row.addWidget(box, 1)
            row.addWidget(mark)
            fform.addRow(role_names[role] + "：", row)
        fform.addRow("", self.check_box("format.bold_level2", self.tr("&Bold level-2 headings")))
        fform.addRow("", self.check_box("format.bold_level3", self.tr("Bold level-3 headings")))
        fform.addRow("", self.check_box("format.continuous_level3",
                                        self.tr("Number level-3 items continuously")))
        fform.addRow(self.tr("Page &numbers:"), self.combo(
            "format.page_numbers", [(self.tr("Outside edge (odd right, even left)"), "odd_even"),
                                    (self.tr("Centred"), "centred")], self.tr("Page numbers")))
        outer.addWidget(fmt)
        outer.addStretch(1)

    def _signers_edit(self) -> QLineEdit:
        """签发人 of a 上行文: names separated by 、 (or a comma or space), kept as a list."""
        ref = self.ref("formal.signers")
        edit = QLineEdit(self)
        edit.setObjectName("edit_formal_signers")
        edit.setPlaceholderText("张三、李四")

        def names(text: str) -> list[str]:
            return [n for n in re.split(r"[、，,；;\s]+", text) if n]

        def update():
            value = list(self.doc.get(ref) or [])
            if names(edit.text()) != value:
                edit.setText("、".join(value))

        edit.textEdited.connect(lambda text: self.binder.set(ref, names(text), self.tr("Edit"), merge=True))
        self.binder.add(ref, update)
        return edit

    def _preset_box(self) -> QComboBox:
        """Font presets: the official fonts, or the fonts every Windows PC has; one undo step each."""
        from ..model.report import FONT_PRESETS

        box = narrow_combo(QComboBox(self))
        box.setObjectName("font_preset")
        box.addItem(self.tr("Custom"), "")
        for pid, (label, _fonts) in FONT_PRESETS.items():
            box.addItem(label, pid)
        ref = self.ref("format.fonts")

        def update():
            index = box.findData(self.doc.report.format.preset())
            if box.currentIndex() != index:
                box.blockSignals(True)
                box.setCurrentIndex(index)
                box.blockSignals(False)

        def chosen(index: int):
            pid = box.itemData(index)
            if pid and pid != self.doc.report.format.preset():
                self.binder.set(ref, dict(FONT_PRESETS[pid][1]), self.tr("Font preset"))

        box.currentIndexChanged.connect(chosen)
        self.binder.add(ref, update)
        for role in DEFAULT_FONTS:  # a font changed one by one may match (or leave) a preset
            self.binder.add(self.ref(f"format.fonts.{role}"), update)
        return box

    def _update_title_placeholder(self) -> None:
        self.title.setPlaceholderText(self.doc.report.generated_title)

    def _update_formal(self) -> None:
        formal = self.doc.report.edition == "formal"
        for _label, w in self.formal_widgets:
            w.setEnabled(formal)


class SectionForm(BaseForm):
    def __init__(self, doc, section: Section, parent=None):
        super().__init__(doc, section.id, parent)
        self.setObjectName("sectionForm")
        outer = QVBoxLayout(self)
        self.number_label = QLabel(self)
        self.number_label.setObjectName("numberLabel")
        outer.addWidget(self.number_label)
        hint = self.hint_label(section.hint)
        if hint:
            outer.addWidget(hint)
        form = reflow(QFormLayout())
        self.heading = self.text_edit("heading", multiline=False, placeholder=self.tr("Section heading"))
        form.addRow(self.tr("&Heading:"), self.heading)
        kinds = QWidget(self)
        klay = QGridLayout(kinds)
        klay.setContentsMargins(0, 0, 0, 0)
        klay.setColumnStretch(1, 1)
        self.kind_boxes: dict[SectionKind, QCheckBox] = {}
        self.kind_labels: dict[SectionKind, QLabel] = {}
        self._measures_implied = False
        kinds_ref = self.ref("kinds")
        labels = dict(KIND_LABELS)
        # 专题 counts as 主要举措和成效 (the checks say so): say it in the label, and show 主要举措和成效
        # ticked (greyed) while a thematic section implies it, never unticked beside a ticked 专题.
        labels[SectionKind.THEMATIC] = self.tr("Thematic section (counts as 主要举措和成效)")
        for row, kind in enumerate(SectionKind):
            box = QCheckBox(kinds)
            box.setObjectName(f"kind_{kind.value}")
            box.setAccessibleName(labels[kind])
            label = _ClickLabel(labels[kind], box, kinds)
            label.setObjectName(f"kindLabel_{kind.value}")
            self.kind_boxes[kind] = box
            self.kind_labels[kind] = label
            klay.addWidget(box, row, 0, Qt.AlignmentFlag.AlignTop)
            klay.addWidget(label, row, 1)
            box.toggled.connect(self._kinds_toggled)
        self.binder.add(kinds_ref, self._update_kinds)
        form.addRow(self.tr("Content kinds:"), kinds)
        form.addRow("", self.check_box("numbered", self.tr("N&umbered (一、)")))
        self.intro = self.text_edit("intro", placeholder=self.tr("Introductory paragraphs (optional)"))
        form.addRow(self.tr("&Intro:"), self.intro)
        outer.addLayout(form)
        self.add_item_button = QPushButton(self.tr("Add &item"), self)
        self.add_item_button.setObjectName("addItemButton")
        outer.addWidget(self.add_item_button)
        # Closing paragraphs of the section: printed after its last item, in body style.
        outro_form = QFormLayout()
        self.outro = self.text_edit("outro", placeholder=self.tr(
            "Closing paragraphs after the last item (optional), e.g. 下一步，我局将……"))
        outro_form.addRow(self.tr("Closing para&graphs:"), self.outro)
        outer.addLayout(outro_form)
        group = QGroupBox(self.tr("Metrics used in this section"), self)
        glay = QVBoxLayout(group)
        self.metric_table = None
        try:
            from .metrics_panel import MetricTable

            self.metric_table = MetricTable(doc, self.used_metric_ids, group)
            self.metric_table.setObjectName("sectionMetricTable")
            self.metric_table.setMinimumHeight(160)
            glay.addWidget(self.metric_table)
        except ImportError:  # written by another engineer
            glay.addWidget(QLabel(self.tr("(metric table not available)"), group))
        outer.addWidget(group)
        outer.addStretch(1)
        self._usage_timer = QTimer(self)
        self._usage_timer.setSingleShot(True)
        self._usage_timer.setInterval(300)
        self._usage_timer.timeout.connect(self._refresh_usage)
        doc.contentChanged.connect(self._usage_timer.start)
        doc.structureChanged.connect(self._update_number)
        self._update_number()

    def section(self) -> Optional[Section]:
        node = self.doc.report.find_node(self.node_id)
        return node if isinstance(node, Section) else None

    def used_metric_ids(self) -> list[str]:
        section = self.section()
        if section is None:
            return []
        texts = [section.heading, *section.intro, *section.outro]
        stack = list(section.items)
        while stack:
            item = stack.pop()
            texts.append(item.lead)
            texts.extend(item.body)
            stack.extend(item.children)
        return list(dict.fromkeys(mid for t in texts for mid in used_metric_ids(t)))

    def _refresh_usage(self) -> None:
        if self.metric_table is not None:
            self.metric_table.refresh()

    def _update_number(self) -> None:
        if self.section() is None:
            return
        number = number_report(self.doc.report).get(self.node_id, "")
        self.number_label.setText(self.tr("Section %1").replace("%1", number.rstrip("、")) if number
                                  else self.tr("Unnumbered section"))

    def _update_kinds(self) -> None:
        section = self.section()
        if section is None:
            return
        implied = SectionKind.THEMATIC in section.kinds and SectionKind.MEASURES not in section.kinds
        self._measures_implied = implied
        for kind, box in self.kind_boxes.items():
            box.blockSignals(True)
            box.setChecked(kind in section.kinds or (kind == SectionKind.MEASURES and implied))
            box.blockSignals(False)
        measures = self.kind_boxes[SectionKind.MEASURES]
        measures.setEnabled(not implied)
        self.kind_labels[SectionKind.MEASURES].setEnabled(not implied)
        tip = self.tr("Included: a thematic section counts as 主要举措和成效.") if implied else ""
        measures.setToolTip(tip)
        self.kind_labels[SectionKind.MEASURES].setToolTip(tip)

    def _kinds_toggled(self) -> None:
        kinds = [k for k, box in self.kind_boxes.items() if box.isChecked()
                 and not (k == SectionKind.MEASURES and self._measures_implied)]
        self.binder.set(self.ref("kinds"), kinds, self.tr("Content kinds"))


class ItemForm(BaseForm):
    def __init__(self, doc, item: Item, parent=None):
        super().__init__(doc, item.id, parent)
        self.setObjectName("itemForm")
        outer = QVBoxLayout(self)
        self.number_label = QLabel(self)
        self.number_label.setObjectName("numberLabel")
        outer.addWidget(self.number_label)
        hint = self.hint_label(item.hint)
        if hint:
            outer.addWidget(hint)
        self.revision_label = QLabel(self.tr("Carried over from last year's report: revise it for this year."), self)
        self.revision_label.setStyleSheet("color: #a05a00")
        self.revision_label.setVisible(item.needs_revision)
        outer.addWidget(self.revision_label)
        form = reflow(QFormLayout())
        self.lead = self.text_edit("lead", multiline=False,
                                   placeholder=item.hint or self.tr("Lead sentence, e.g. 全面加强依法行政制度建设。"))
        form.addRow(self.tr("&Lead sentence:"), self.lead)
        form.addRow("", self.check_box("run_in", self.tr("&Run in: lead and first paragraph form one paragraph")))
        form.addRow("", self.check_box("numbered", self.tr("N&umbered")))
        self.body = self.text_edit("body", placeholder=self.tr("Body text: one paragraph per line. "
                                                               "Ctrl+M inserts a metric."))
        self.body.min_lines = 8  # the main text: room to write; it grows further with its content
        self.body._fit_height()
        form.addRow(self.tr("&Body:"), self.body)
        # The required kind of content this item covers (e.g. the 第一责任人 duty inside a thematic
        # section); inferred at import, corrected here.
        kinds = QWidget(self)
        klay = QVBoxLayout(kinds)
        klay.setContentsMargins(0, 0, 0, 0)
        self.kind_boxes: dict[SectionKind, QCheckBox] = {}
        for kind in REQUIRED_KINDS:
            box = QCheckBox(KIND_LABELS[kind], kinds)
            box.setObjectName(f"kind_{kind.value}")
            self.kind_boxes[kind] = box
            klay.addWidget(box)
            box.toggled.connect(self._kinds_toggled)
        self.binder.add(self.ref("kinds"), self._update_kinds)
        form.addRow(self.tr("Content kinds:"), kinds)
        outer.addLayout(form)
        buttons = QHBoxLayout()
        self.add_sub_button = QPushButton(self.tr("Add &sub-item"), self)
        self.add_sub_button.setObjectName("addSubItemButton")
        buttons.addWidget(self.add_sub_button)
        buttons.addStretch(1)
        outer.addLayout(buttons)
        self.children_label = QLabel(self)
        self.children_label.setWordWrap(True)
        outer.addWidget(self.children_label)
        outer.addStretch(1)
        doc.structureChanged.connect(self._update_number)
        self.binder.add(self.ref("needs_revision"), self._update_revision)
        self._update_number()

    def _update_kinds(self) -> None:
        node = self.doc.report.find_node(self.node_id)
        if not isinstance(node, Item):
            return
        for kind, box in self.kind_boxes.items():
            box.blockSignals(True)
            box.setChecked(kind in node.kinds)
            box.blockSignals(False)

    def _kinds_toggled(self) -> None:
        kinds = [k for k, box in self.kind_boxes.items() if box.isChecked()]
        self.binder.set(self.ref("kinds"), kinds, self.tr("Content kinds"))

    def _update_revision(self) -> None:
        node = self.doc.report.find_node(self.node_id)
        self.revision_label.setVisible(bool(getattr(node, "needs_revision", False)))

    def _update_number(self) -> None:
        node = self.doc.report.find_node(self.node_id)
        if not isinstance(node, Item):
            return
        number = number_report(self.doc.report).get(self.node_id, "")
        self.number_label.setText(self.tr("Item %1").replace("%1", number) if number else self.tr("Unnumbered item"))
        n = len(node.children)
        self.children_label.setText(self.tr("%1 sub-item(s): select them in the outline.").replace("%1", str(n))
                                    if n else "")


class FormArea(QScrollArea):
    """The central area: the form of the selected part, rebuilt only when the selection changes."""

    formChanged = Signal(object)

    def __init__(self, doc, parent=None):
        super().__init__(parent)
        self.setObjectName("formArea")
        self.doc = doc
        self.setWidgetResizable(True)
        self.form: Optional[BaseForm] = None
        self.node_id: Optional[str] = None
        doc.structureChanged.connect(self._check_alive)
        doc.fieldChanged.connect(self._on_field_changed)

    def show_node(self, node_id: str) -> Optional[BaseForm]:
        if node_id == self.node_id and self.form is not None:
            return self.form
        node = self.doc.report.find_node(node_id)
        if node_id == "report":
            form: Optional[BaseForm] = ReportInfoForm(self.doc)
        elif isinstance(node, Section):
            form = SectionForm(self.doc, node)
        elif isinstance(node, Item):
            form = ItemForm(self.doc, node)
        else:
            form = ReportInfoForm(self.doc)
            node_id = "report"
        old = self.takeWidget()
        if old is not None:
            self._disconnect(old)
            old.deleteLater()
        self.form, self.node_id = form, node_id
        guard_wheel(form)  # the wheel scrolls the form; it changes a value only in the focused field
        self.setWidget(form)
        self.formChanged.emit(form)
        return form

    def _disconnect(self, form) -> None:
        try:
            self.doc.fieldChanged.disconnect(form.binder.changed)
        except (RuntimeError, TypeError):
            pass
        for edit in getattr(form, "editors", {}).values():
            for sig, slot in ((self.doc.fieldChanged, edit._on_field_changed),
                              (self.doc.metricsChanged, edit._on_metrics_changed)):
                try:
                    sig.disconnect(slot)
                except (RuntimeError, TypeError):
                    pass

    def _check_alive(self) -> None:
        if self.node_id and self.doc.report.find_node(self.node_id) is None:
            self.node_id = None
            self.show_node("report")

    def _on_field_changed(self, ref) -> None:
        if ref is None and self.node_id:  # the whole report was replaced
            node_id, self.node_id = self.node_id, None
            self.show_node(node_id if self.doc.report.find_node(node_id) is not None else "report")
