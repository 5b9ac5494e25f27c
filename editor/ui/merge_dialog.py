"""Settling merge conflicts: each part present in several projects with different content is shown
side by side, one column per project, and the user picks one. OK is enabled only when every conflict
has a choice: nothing is ever picked arbitrarily."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

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
    QVBoxLayout,
    QWidget,
)

from ..model.merge import MAIN, Conflict, MergePlan, apply_merge


def source_title(source: str) -> str:
    return "当前项目" if source == MAIN else Path(source).name


class ConflictWidget(QGroupBox):
    def __init__(self, conflict: Conflict, parent: Optional[QWidget] = None):
        super().__init__(f"{conflict.title}（{conflict.key}）", parent)
        self.conflict = conflict
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        row = QHBoxLayout(self)
        for src, text in conflict.options.items():
            col = QVBoxLayout()
            button = QRadioButton(f"采用{source_title(src)}")
            self.group.addButton(button)
            self.buttons[src] = button
            col.addWidget(button)
            view = QPlainTextEdit(text)
            view.setReadOnly(True)
            view.setMaximumHeight(120 if conflict.kind in ("item", "section", "report") else 48)
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
        self.setWindowTitle("合并其他项目")
        self.resize(960, 640)
        layout = QVBoxLayout(self)
        lines = plan.taken + plan.added
        info = f"将合并 {len(plan.sources)} 个项目：{('、'.join(source_title(s) for s in plan.sources))}。"
        if lines:
            info += f"\n自动采用或新增 {len(lines)} 处（只有一方填写、内容相同或只在其他项目中的部分）。"
        if plan.conflicts:
            info += f"\n有 {len(plan.conflicts)} 处两边都填写了但内容不同，请逐一选择采用哪一方。"
        else:
            info += "\n没有冲突。"
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
            b = QPushButton(f"全部采用{source_title(src)}")
            b.clicked.connect(lambda _c=False, s=src: self.prefer(s))
            b.setEnabled(bool(plan.conflicts))
            self.prefer_buttons[src] = b
            row.addWidget(b)
        row.addStretch(1)
        layout.addLayout(row)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("合并")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
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
        self.status.setText(f"还有 {len(left)} 处冲突未选择。" if left else "")

    def accept(self) -> None:  # noqa: D401 - Qt API
        if self.unresolved():
            self._update()
            return
        super().accept()

    def merged_report(self):
        return apply_merge(self.plan, self.resolutions())
