"""Settling merge conflicts: each part present in several projects with different content is shown
side by side, one column per project, and the user picks one. OK is enabled only when every conflict
has a choice: nothing is ever picked arbitrarily.

Each version is shown as the report reads (figures written out, ``2041件``, never ``{{m:…}}``), and the
characters where it differs from the other versions are highlighted (yellow background, underlined).
"""

from __future__ import annotations

import difflib
import html
from pathlib import Path
from typing import Optional

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..model.merge import MAIN, Conflict, MergePlan, apply_merge


def source_title(source: str) -> str:
    return QCoreApplication.translate("MergeDialog", "current project") if source == MAIN else Path(source).name


DIFF_BG = QColor("#ffe08a")


def differing_spans(text: str, others: list[str]) -> list[tuple[int, int]]:
    """(start, end) ranges of ``text`` that differ from at least one of ``others`` (by characters)."""
    marked = [False] * len(text)
    for other in others:
        matcher = difflib.SequenceMatcher(None, text, other, autojunk=False)
        for tag, i1, i2, _j1, _j2 in matcher.get_opcodes():
            if tag != "equal":
                for i in range(i1, i2):
                    marked[i] = True
    spans: list[tuple[int, int]] = []
    start = None
    for i, m in enumerate(marked + [False]):
        if m and start is None:
            start = i
        elif not m and start is not None:
            spans.append((start, i))
            start = None
    return spans


def highlighted_html(text: str, others: list[str]) -> str:
    """``text`` as HTML with the differing characters highlighted; line breaks kept."""
    out: list[str] = []
    pos = 0
    for start, end in differing_spans(text, others):
        out.append(html.escape(text[pos:start]))
        out.append(f'<span style="background-color:{DIFF_BG.name()}; text-decoration: underline">'
                   f"{html.escape(text[start:end])}</span>")
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out).replace("\n", "<br>")


class ConflictWidget(QGroupBox):
    def __init__(self, conflict: Conflict, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.setTitle(conflict.title)  # the user's words (一、（二）“…”, 开头段落); the key only for the command line
        self.setToolTip(self.tr("Key for report-editor merge --resolve: %1").replace("%1", conflict.key))
        self.conflict = conflict
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        self.views: dict[str, QTextBrowser] = {}
        row = QHBoxLayout(self)
        for src, text in conflict.options.items():
            col = QVBoxLayout()
            button = QRadioButton(self.tr("Use %1").replace("%1", source_title(src)))
            self.group.addButton(button)
            self.buttons[src] = button
            col.addWidget(button)
            others = [t for other, t in conflict.options.items() if other != src]
            view = QTextBrowser()
            view.setObjectName(f"version-{src}")
            view.setHtml(highlighted_html(text, others))
            view.setMaximumHeight(120 if conflict.kind in ("item", "section", "report", "outro") else 48)
            self.views[src] = view
            col.addWidget(view)
            row.addLayout(col, 1)

    def choice(self) -> Optional[str]:
        for src, b in self.buttons.items():
            if b.isChecked():
                return src
        return None

    def choose(self, source: str) -> None:
        self.buttons[source].setChecked(True)


class MergeDialog(QDialog):
    def __init__(self, plan: MergePlan, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.plan = plan
        self.setWindowTitle(self.tr("Merge other projects"))
        self.resize(960, 640)
        layout = QVBoxLayout(self)
        lines = plan.taken + plan.same_text + plan.added
        names = self.tr(", ").join(source_title(s) for s in plan.sources)
        info = self.tr("Merging %1 projects: %2.").replace("%1", str(len(plan.sources))).replace("%2", names)
        if lines:
            info += "\n" + self.tr(
                "%1 parts taken or added automatically (filled in on one side only, identical, or only in "
                "the other projects).").replace("%1", str(len(lines)))
        if plan.same_text:
            info += "\n" + self.tr(
                "%1 parts read the same in every project once the figures are written out (only the metrics "
                "they refer to differ): the current project's text is kept.").replace("%1", str(len(plan.same_text)))
        if plan.conflicts:
            info += "\n" + self.tr(
                "%1 parts are filled in on both sides with different content: choose which side to use "
                "for each.").replace("%1", str(len(plan.conflicts)))
            info += "\n" + self.tr("Figures are shown as in the report; highlighted text differs between the versions.")
        else:
            info += "\n" + self.tr("No conflicts.")
        label = QLabel(info)
        label.setWordWrap(True)
        layout.addWidget(label)
        if lines:
            details = QPlainTextEdit("\n".join(lines))
            details.setReadOnly(True)
            details.setMaximumHeight(90)
            layout.addWidget(details)

        area = QScrollArea(self)
        area.setWidgetResizable(True)
        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        self.conflict_widgets: list[ConflictWidget] = []
        for c in plan.conflicts:
            w = ConflictWidget(c)
            w.group.buttonClicked.connect(lambda _b: self._update())
            self.conflict_widgets.append(w)
            inner_layout.addWidget(w)
        inner_layout.addStretch(1)
        area.setWidget(inner)
        layout.addWidget(area, 1)

        row = QHBoxLayout()
        self.prefer_buttons: dict[str, QPushButton] = {}
        for src in [MAIN, *plan.sources]:
            b = QPushButton(self.tr("Use %1 for all").replace("%1", source_title(src)))
            b.clicked.connect(lambda _c=False, s=src: self.prefer(s))
            b.setEnabled(bool(plan.conflicts))
            self.prefer_buttons[src] = b
            row.addWidget(b)
        row.addStretch(1)
        layout.addLayout(row)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Merge"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.status = QLabel()
        layout.addWidget(self.status)
        self._update()

    def prefer(self, source: str) -> None:
        for w in self.conflict_widgets:
            if source in w.buttons:
                w.choose(source)
        self._update()

    def resolutions(self) -> dict[str, str]:
        return {w.conflict.key: w.choice() for w in self.conflict_widgets if w.choice() is not None}

    def unresolved(self) -> list[str]:
        return [w.conflict.key for w in self.conflict_widgets if w.choice() is None]

    def _update(self) -> None:
        left = self.unresolved()
        self.ok_button.setEnabled(not left)
        self.status.setText(self.tr("%1 conflicts still unresolved.").replace("%1", str(len(left))) if left else "")

    def accept(self) -> None:  # noqa: D401 - Qt API
        if self.unresolved():
            self._update()
            return
        super().accept()

    def merged_report(self):
        return apply_merge(self.plan, self.resolutions())
