"""Find and replace across all text of the report.

Text is searched as the reader sees it: metric tokens are rendered (``{{m:ID}}`` reads ``2041件``),
so searching ``2041件`` finds the figure. A match that touches a rendered figure can be found and
shown but never replaced: replacing would break the token; the figure is changed in its metric.
Replace all is one undo step.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from ..model import FieldRef, iter_text_fields
from ..model.tokens import Renderer, split_tokens
from . import i18n  # noqa: F401 - applies the PySide6 None-refcount guard


@dataclass(frozen=True)
class Match:
    ref: FieldRef
    order: int  # position of the field in document order
    start: int  # offsets in the rendered text
    end: int
    src_start: Optional[int]  # offsets in the stored text; None when the match touches a token
    src_end: Optional[int]
    text: str  # the rendered text of the whole field

    @property
    def replaceable(self) -> bool:
        return self.src_start is not None


@dataclass
class _Field:
    ref: FieldRef
    order: int
    source: str
    rendered: str
    # (rendered start, rendered end, source start, is_token) per piece
    pieces: list[tuple[int, int, int, bool]]


def _render_field(ref: FieldRef, order: int, source: str, renderer: Renderer) -> _Field:
    if "{{" not in source:
        return _Field(ref, order, source, source, [(0, len(source), 0, False)])
    pieces = []
    out = []
    r = s = 0
    for piece, tok in split_tokens(source):
        shown = piece if tok is None else renderer.token_segment(tok[0], tok[1], piece).text
        pieces.append((r, r + len(shown), s, tok is not None))
        out.append(shown)
        r += len(shown)
        s += len(piece)
    return _Field(ref, order, source, "".join(out), pieces)


def _source_span(field: _Field, start: int, end: int) -> tuple[Optional[int], Optional[int]]:
    """Map a rendered span to the stored text; (None, None) when it overlaps a token."""
    for r0, r1, s0, is_token in field.pieces:
        if is_token:
            if start < r1 and end > r0:
                return None, None
            continue
        if r0 <= start and end <= r1:
            return s0 + (start - r0), s0 + (end - r0)
    return None, None


def find_matches(report, needle: str, match_case: bool = False) -> list[Match]:
    """Every occurrence of ``needle`` in the rendered text of the report, in document order."""
    if not needle:
        return []
    flags = 0 if match_case else re.IGNORECASE
    pattern = re.compile(re.escape(needle), flags)
    renderer = Renderer(report.metric_map())
    out: list[Match] = []
    for order, (ref, source) in enumerate(iter_text_fields(report)):
        if not source:
            continue
        field = _render_field(ref, order, source, renderer)
        for m in pattern.finditer(field.rendered):
            s0, s1 = _source_span(field, m.start(), m.end())
            out.append(Match(ref, order, m.start(), m.end(), s0, s1, field.rendered))
    return out


def replace_all(doc, needle: str, replacement: str, match_case: bool = False, text: str = "") -> tuple[int, int]:
    """Replace every replaceable match in one undo macro. Returns (replaced, skipped inside figures)."""
    matches = find_matches(doc.report, needle, match_case)
    by_ref: dict[FieldRef, list[Match]] = {}
    skipped = 0
    for m in matches:
        if m.replaceable:
            by_ref.setdefault(m.ref, []).append(m)
        else:
            skipped += 1
    if not by_ref:
        return 0, skipped
    count = 0
    doc.undo_stack.beginMacro(text or "全部替换")
    try:
        for ref, items in by_ref.items():
            source = doc.get(ref)
            for m in sorted(items, key=lambda x: x.src_start, reverse=True):
                source = source[: m.src_start] + replacement + source[m.src_end :]
                count += 1
            doc.set_field(ref, source, text or "全部替换", merge=False)
    finally:
        doc.undo_stack.endMacro()
    return count, skipped


def editor_span(edit, match: Match, report) -> Optional[tuple[int, int]]:
    """The positions in ``edit`` (a TokenTextEdit showing ``match.ref``'s field) of ``match``: a
    figure is one character (a chip) in the editor but several in the rendered text, so a match
    touching a figure selects the whole chip."""
    renderer = Renderer(report.metric_map())
    if match.ref.index is not None and getattr(edit, "is_list", False):
        block = edit.document().findBlockByNumber(match.ref.index)
        if not block.isValid():
            return None
        base, source = block.position(), edit.doc.get(match.ref)
    else:
        base, source = 0, edit.doc.get(match.ref)
    if not isinstance(source, str):
        return None
    start = end = None
    r = e = 0  # offsets in the rendered text and in the editor
    for piece, tok in split_tokens(source):
        shown = piece if tok is None else renderer.token_segment(tok[0], tok[1], piece).text
        width = len(shown) if tok is None else 1
        r_end = r + len(shown)
        if start is None and match.start < r_end:
            start = e + (match.start - r if tok is None else 0)
        if end is None and match.end <= r_end:
            end = e + (match.end - r if tok is None else 1)
            break
        r, e = r_end, e + width
    if start is None:
        return None
    if end is None:
        end = e
    return base + start, base + end


def select_match(edit, match: Match, report) -> bool:
    """Select ``match`` in ``edit`` and scroll it into view."""
    span = editor_span(edit, match, report)
    if span is None:
        return False
    cursor = edit.textCursor()
    cursor.setPosition(span[0])
    cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)
    edit.ensureCursorVisible()
    return True


class FindReplaceDialog(QDialog):
    """Non-modal find and replace dialog for one report."""

    gotoRequested = Signal(object)  # FieldRef of the current match
    # the current match (Match), for views that can select the matched text
    matchActivated = Signal(object)

    def __init__(self, doc, parent=None):
        super().__init__(parent)
        self.setObjectName("findReplaceDialog")
        self.setWindowTitle(self.tr("Find and Replace"))
        self.setModal(False)
        self.doc = doc
        self.matches: list[Match] = []
        self.current = -1
        self._dirty = True
        self._position: Optional[tuple[int, int]] = None  # (order, start) of the last shown match

        self.find_edit = QLineEdit(self)
        self.find_edit.setPlaceholderText(self.tr("Text to find"))
        self.replace_edit = QLineEdit(self)
        self.replace_edit.setPlaceholderText(self.tr("Replace with"))
        self.case_box = QCheckBox(self.tr("Match &case"), self)
        self.status = QLabel(self)
        self.status.setObjectName("findStatus")
        self.status.setWordWrap(True)
        # Alt shortcuts on every button (the mnemonics), F3 / Shift+F3 besides
        self.next_button = QPushButton(self.tr("Find &Next"), self)
        self.prev_button = QPushButton(self.tr("Find Pre&vious"), self)
        self.replace_button = QPushButton(self.tr("&Replace"), self)
        self.replace_all_button = QPushButton(self.tr("Replace &All"), self)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.next_button.setDefault(True)
        for button, key in ((self.next_button, QKeySequence.StandardKey.FindNext),
                            (self.prev_button, QKeySequence.StandardKey.FindPrevious)):
            from PySide6.QtGui import QShortcut

            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.activated.connect(button.click)
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(150)
        self._count_timer.timeout.connect(self._show_count)

        grid = QGridLayout()
        find_label = QLabel(self.tr("&Find:"), self)
        find_label.setBuddy(self.find_edit)
        replace_label = QLabel(self.tr("Re&place with:"), self)
        replace_label.setBuddy(self.replace_edit)
        grid.addWidget(find_label, 0, 0)
        grid.addWidget(self.find_edit, 0, 1)
        grid.addWidget(replace_label, 1, 0)
        grid.addWidget(self.replace_edit, 1, 1)
        grid.addWidget(self.case_box, 2, 1)
        buttons = QHBoxLayout()
        for b in (self.prev_button, self.next_button, self.replace_button, self.replace_all_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

        self.find_edit.textChanged.connect(self._invalidate)
        self.case_box.toggled.connect(self._invalidate)
        self.next_button.clicked.connect(self.find_next)
        self.prev_button.clicked.connect(self.find_previous)
        self.replace_button.clicked.connect(self.replace)
        self.replace_all_button.clicked.connect(self.replace_all)
        self.close_button.clicked.connect(self.close)
        doc.contentChanged.connect(self._on_content_changed)
        self.resize(520, 170)

    # ---------------------------------------------------------------- state
    def _invalidate(self, *args) -> None:
        """The term or the options changed: what the status line said is no longer true."""
        self._dirty = True
        self.current = -1
        self.status.setText("")
        if self.find_edit.text():
            self._count_timer.start()

    def _show_count(self) -> None:
        self._ensure()
        text = self.find_edit.text()
        if not text or self.current >= 0:
            return
        if self.matches:
            self.status.setText(self.tr("%1 match(es)").replace("%1", str(len(self.matches))))
        else:
            self._not_found()

    def _on_content_changed(self) -> None:
        self._dirty = True

    def _ensure(self) -> None:
        if self._dirty:
            self.matches = find_matches(self.doc.report, self.find_edit.text(), self.case_box.isChecked())
            self._dirty = False
            self.current = -1
            if self._position is not None:
                for i, m in enumerate(self.matches):
                    if (m.order, m.start) == self._position:
                        self.current = i
                        break

    def current_match(self) -> Optional[Match]:
        if 0 <= self.current < len(self.matches):
            return self.matches[self.current]
        return None

    def _show(self, index: int) -> None:
        self.current = index
        m = self.matches[index]
        self._position = (m.order, m.start)
        note = "" if m.replaceable else self.tr(" (inside a metric value: change the metric to change it)")
        self.status.setText(self.tr("Match %1 of %2").replace("%1", str(index + 1)).replace(
            "%2", str(len(self.matches))) + note)
        self.gotoRequested.emit(m.ref)
        self.matchActivated.emit(m)

    def _not_found(self) -> None:
        self.current = -1
        text = self.find_edit.text()
        self.status.setText(self.tr("“%1” was not found.").replace("%1", text) if text else "")

    # ---------------------------------------------------------------- actions
    def find_next(self) -> Optional[Match]:
        self._ensure()
        if not self.matches:
            self._not_found()
            return None
        if self.current < 0 and self._position is not None:
            after = [i for i, m in enumerate(self.matches) if (m.order, m.start) > self._position]
            index = after[0] if after else 0
        else:
            index = (self.current + 1) % len(self.matches)
        self._show(index)
        return self.matches[index]

    def find_previous(self) -> Optional[Match]:
        self._ensure()
        if not self.matches:
            self._not_found()
            return None
        if self.current < 0 and self._position is not None:
            before = [i for i, m in enumerate(self.matches) if (m.order, m.start) < self._position]
            index = before[-1] if before else len(self.matches) - 1
        else:
            index = (self.current - 1) % len(self.matches)
        self._show(index)
        return self.matches[index]

    def replace(self) -> bool:
        """Replace the current match (finding one first if none is shown), then go to the next."""
        self._ensure()
        m = self.current_match()
        if m is None:
            self.find_next()
            return False
        if not m.replaceable:
            self.status.setText(self.tr("This match is part of a metric value and cannot be replaced here: "
                                        "change the metric in the metrics panel."))
            return False
        source = self.doc.get(m.ref)
        new = source[: m.src_start] + self.replace_edit.text() + source[m.src_end :]
        self._position = (m.order, m.start + len(self.replace_edit.text()) - 1)
        self.doc.set_field(m.ref, new, self.tr("Replace"), merge=False)
        self._dirty = True
        self.current = -1
        self._ensure()
        self.current = -1
        if self.matches:
            self.find_next()
        else:
            self._not_found()
        return True

    def replace_all(self) -> int:
        needle = self.find_edit.text()
        if not needle:
            return 0
        count, skipped = replace_all(self.doc, needle, self.replace_edit.text(), self.case_box.isChecked(),
                                     self.tr("Replace all “%1”").replace("%1", needle))
        message = self.tr("Replaced %1 match(es).").replace("%1", str(count))
        if skipped:
            message += " " + self.tr("%1 match(es) inside metric values were left unchanged.").replace(
                "%1", str(skipped))
        self.status.setText(message)
        self._dirty = True
        self.current = -1
        self._position = None
        return count

    def set_find_text(self, text: str) -> None:
        self.find_edit.setText(text)
        self.find_edit.selectAll()

    def showEvent(self, event):  # noqa: N802 - Qt API
        super().showEvent(event)
        self.find_edit.setFocus(Qt.FocusReason.OtherFocusReason)
