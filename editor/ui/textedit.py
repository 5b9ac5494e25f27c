"""A text field of the report whose source holds metric tokens, shown with each token as a chip.

The source of a paragraph is ``办理案件{{m:m-1}}，{{chg:m-1}}。``; the editor shows ``办理案件[2041件]，
[同比增长64.6%]。`` where each bracketed part is one object character (U+FFFC) drawn by
:class:`_ChipPainter` as a highlighted chip. An object character is atomic for the cursor, so a chip is
selected, deleted and moved as a whole. Edits are pushed to the report as undo commands
(:class:`~editor.ui.commands.SetFieldCommand`); a change of the field from elsewhere (undo, find and
replace, a fix) re-renders the editor, keeping the cursor where it was. Metric changes only repaint the chips.

A figure leaves the text only when the user deletes it (or a selection holding it); that edit is an undo
step of its own ("Delete figure"), so Undo brings the figure back exactly. The one rule that keeps chips
intact: a character format is never applied to a selection (Qt's ``setCurrentCharFormat`` would apply it to
every selected character and turn chips into plain U+FFFC, which the source then drops) -- only the typing
format of a collapsed cursor is reset after a chip.

Copy, cut and drag put the source (``application/x-fzbg-source``), the definitions of the metrics it uses
(``application/x-fzbg-metrics``, JSON) and the rendered text (``text/plain``, ``2041件``) on the
clipboard; pasting into another report adds the metrics it lacks in the same undo step.

A field whose value is a list of paragraphs (``Item.body``, ``Section.intro``) is edited as one editor
with one text block per paragraph: Enter starts a new paragraph.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from contextlib import contextmanager
from decimal import Decimal
from typing import Optional

from PySide6.QtCore import QMimeData, QRectF, QSizeF, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QColor,
    QFontMetricsF,
    QKeySequence,
    QPainter,
    QPalette,
    QPen,
    QPyTextObject,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QApplication, QFrame, QMessageBox, QSizePolicy, QTextEdit

from ..model import FieldRef, Metric, format_change, format_value, metric_token
from ..model.report import INFIX_QUALIFIERS, PREFIX_QUALIFIERS, SUFFIX_QUALIFIERS
from ..model.tokens import change_token, missing_marker, split_tokens, used_metric_ids
from . import i18n  # noqa: F401 - applies the PySide6 None-refcount guard

OBJ = "\ufffc"
CHIP_TYPE = int(QTextFormat.ObjectTypes.UserObject.value) + 1
TOKEN_PROP = int(QTextFormat.Property.UserProperty.value) + 1
SOURCE_MIME = "application/x-fzbg-source"
METRICS_MIME = "application/x-fzbg-metrics"

_TOKEN_PARTS = re.compile(r"\{\{(m|chg):([A-Za-z0-9_\-]+)\}\}")


def chip_text(report, token: str) -> tuple[str, bool]:
    """(what a token shows, whether it is a complete value) for ``{{m:ID}}`` / ``{{chg:ID}}``."""
    m = _TOKEN_PARTS.fullmatch(token)
    if m is None:
        return token, False
    kind, metric_id = m.groups()
    metric = report.metric(metric_id)
    text = None
    if metric is not None:
        text = format_value(metric) if kind == "m" else format_change(metric)
    if text is None:
        return missing_marker(metric, metric_id, change=(kind == "chg")), False
    return text, True


class _ChipPainter(QPyTextObject):
    """Draws a token's object character as a rounded, tinted chip showing the rendered value."""

    PAD = 3.0

    def __init__(self, editor: "TokenTextEdit"):
        super().__init__(editor)  # no Python reference back to the editor: no reference cycle

    @property
    def editor(self) -> "TokenTextEdit":
        return self.parent()

    def _text(self, fmt) -> tuple[str, bool]:
        return chip_text(self.editor.doc.report, str(fmt.property(TOKEN_PROP) or ""))

    def intrinsicSize(self, doc, pos, fmt):  # noqa: N802 - Qt API
        text, _ok = self._text(fmt)
        fm = QFontMetricsF(self.editor.font())
        return QSizeF(fm.horizontalAdvance(text) + 2 * self.PAD + 2, fm.height())

    def drawObject(self, painter: QPainter, rect: QRectF, doc, pos, fmt):  # noqa: N802 - Qt API
        text, ok = self._text(fmt)
        token = str(fmt.property(TOKEN_PROP) or "")
        change = token.startswith("{{chg:")
        if not ok:
            fill, border = QColor("#fde2e1"), QColor("#d9534f")
        elif change:
            fill, border = QColor("#e3f1e4"), QColor("#5a9e62")
        else:
            fill, border = QColor("#e1ecfb"), QColor("#4a7fc1")
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = rect.adjusted(1, 0, -1, 0)
        painter.setPen(QPen(border, 1))
        painter.setBrush(fill)
        painter.drawRoundedRect(box, 4, 4)
        painter.setPen(self.editor.palette().color(QPalette.ColorRole.Text))
        painter.setFont(self.editor.font())
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()


# ---------------------------------------------------------------- "make metric"
_FIGURE_RE = re.compile(
    r"^(?P<pre>%s)?(?P<num>[0-9][0-9,，]*(?:\.[0-9]+)?)(?P<scale>万|亿)?(?P<mid>%s)?(?P<unit>[^\d\s]{0,6}?)(?P<post>%s)?$"
    % ("|".join(sorted(PREFIX_QUALIFIERS, key=len, reverse=True)),
       "|".join(INFIX_QUALIFIERS),
       "|".join(SUFFIX_QUALIFIERS))
)


def parse_figure(text: str) -> Optional[dict]:
    """``近5.9万宗`` -> value 5.9, scale 万, unit 宗, qualifier 近; None when it is not a figure."""
    m = _FIGURE_RE.match(text.strip())
    if m is None:
        return None
    value = m.group("num").replace(",", "").replace("，", "")
    try:
        Decimal(value)
    except Exception:  # noqa: BLE001
        return None
    qualifiers = [q for q in (m.group("pre"), m.group("mid"), m.group("post")) if q]
    if len(qualifiers) > 1:
        return None
    unit = m.group("unit") or ""
    return {
        "value": value,
        "scale": m.group("scale") or "",
        "unit": unit,
        "qualifier": qualifiers[0] if qualifiers else "",
        "is_rate": unit == "%",
    }


def guess_label(before: str) -> str:
    """A label for a new metric: the words just before the figure (back to the last punctuation)."""
    part = re.split(r"[，。；：、,;:！？（）()“”\n]", before)[-1].strip()
    part = re.sub(r"(共|达|为|是|约|近|超过|超|逾)$", "", part)
    return part[-16:]


def _is_redo(event) -> bool:
    from .edit_support import is_redo

    return is_redo(event)


_CLIPBOARD_GUARD: list = []


def _handed_to_qt(data: QMimeData) -> QMimeData:
    """The mime data of a copy goes to the clipboard, which deletes it when the next copy replaces it
    or when the application object is destroyed. A QMimeData made in Python calls back into Python
    when deleted; deleted during interpreter shutdown, that crashed the program at exit after any copy
    from a text field (a segmentation fault). So the clipboard is cleared before shutdown."""
    if not _CLIPBOARD_GUARD:
        import atexit

        def clear_clipboard() -> None:
            app = QApplication.instance()
            if app is not None:
                app.clipboard().clear()

        atexit.register(clear_clipboard)
        _CLIPBOARD_GUARD.append(clear_clipboard)
    return data


class TokenTextEdit(QTextEdit):
    """Edits the field ``ref`` of ``doc`` (a string, or a list of paragraph strings)."""

    MAX_AUTO_HEIGHT = 600
    min_lines = 0  # room to write in even when empty (the body text of an item asks for more)

    def __init__(self, doc, ref: FieldRef, parent=None, multiline: bool = True):
        super().__init__(parent)
        self.setObjectName("tokenTextEdit")
        self.doc = doc
        self.ref = ref
        self.multiline = multiline
        self._updating = False
        self._merge_next = True
        self._chips = 0
        self._pushing = False
        self._last_source: object = None
        self._list_field = False
        # what the next change of the text is (set by the event that causes it, used once)
        self._new_step = False  # do not join the previous undo step (typing over a selection)
        self._pending_label: Optional[str] = None
        self._pending_metrics: list[Metric] = []  # metrics a paste brings into this report
        self._dropping = False
        self._in_action = 0  # inside a user action (key press, input method, drop, paste)
        self._in_mouse_move = False
        self._after_drag = False
        self._drag_macro = False  # a drop into another field of this report opened an undo macro
        self._action_command = None  # the undo command pushed by the current action
        self.setAcceptRichText(False)
        self.setUndoRedoEnabled(False)  # undo lives in the report's undo stack
        self.setTabChangesFocus(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._painter = _ChipPainter(self)
        self.document().documentLayout().registerHandler(CHIP_TYPE, self._painter)
        self.document().documentLayout().documentSizeChanged.connect(self._fit_height)
        self.document().contentsChanged.connect(self._on_contents_changed)
        self.cursorPositionChanged.connect(self._plain_typing_format)

        self.make_metric_action = QAction(self.tr("Make metric"), self)
        self.make_metric_action.triggered.connect(self.make_metric_from_selection)
        self.insert_metric_action = QAction(self.tr("Insert metric…"), self)
        self.insert_metric_action.setShortcut(QKeySequence("Ctrl+M"))
        self.insert_metric_action.triggered.connect(self.pick_and_insert)

        doc.fieldChanged.connect(self._on_field_changed)
        doc.metricsChanged.connect(self._on_metrics_changed)
        self._render(self._model_value())

    # ------------------------------------------------------------------ model <-> widget
    @property
    def is_list(self) -> bool:
        return self.ref.index is None and self._list_field

    def _model_value(self):
        try:
            value = self.doc.get(self.ref)
        except (KeyError, IndexError, AttributeError):
            return ""
        return value if value is not None else ""

    def _paragraphs(self, value) -> list[str]:
        if isinstance(value, list):
            return list(value) or [""]
        return str(value).split("\n")

    def _render(self, value) -> None:
        self._list_field = isinstance(value, list)  # the kind of field never changes while it is shown
        self._updating = True
        try:
            self.document().clear()
            cursor = QTextCursor(self.document())
            cursor.beginEditBlock()
            plain = QTextCharFormat()
            self._chips = 0
            for i, para in enumerate(self._paragraphs(value)):
                if i:
                    cursor.insertBlock()
                for piece, tok in split_tokens(para):
                    if tok is None:
                        cursor.insertText(piece, plain)
                    else:
                        cursor.insertText(OBJ, self._chip_format(piece))
                        self._chips += 1
            cursor.endEditBlock()
            self._last_source = self._value_from_widget()
        finally:
            self._updating = False
        self._fit_height()

    @staticmethod
    def _chip_format(token: str) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setObjectType(CHIP_TYPE)
        fmt.setProperty(TOKEN_PROP, token)
        return fmt

    def _block_source(self, block, start: Optional[int] = None, end: Optional[int] = None) -> str:
        """The source of one text block, optionally only of document positions [start, end)."""
        out = []
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            if frag.isValid():
                text = frag.text()
                pos = frag.position()
                if start is not None or end is not None:
                    lo = max(0, (start if start is not None else pos) - pos)
                    hi = min(len(text), (end if end is not None else pos + len(text)) - pos)
                    if hi <= lo:
                        it += 1
                        continue
                    text = text[lo:hi]
                fmt = frag.charFormat()
                if fmt.objectType() == CHIP_TYPE:
                    token = str(fmt.property(TOKEN_PROP) or "")
                    for ch in text:
                        out.append(token if ch == OBJ else ch)
                else:
                    out.append(text.replace(OBJ, ""))
            it += 1
        return "".join(out)

    def source_range(self, start: int, end: int) -> str:
        """Source text of the document positions [start, end); paragraphs joined with "\\n"."""
        doc = self.document()
        parts = []
        block = doc.findBlock(start)
        while block.isValid() and block.position() <= end:
            parts.append(self._block_source(block, start, end))
            block = block.next()
        return "\n".join(parts)

    def _value_from_widget(self):
        doc = self.document()
        if self._chips == 0 and OBJ not in doc.toPlainText():
            paras = doc.toPlainText().split("\n")
        else:
            paras = []
            block = doc.begin()
            while block.isValid():
                paras.append(self._block_source(block))
                block = block.next()
        if self._list_field:
            return paras
        return "\n".join(paras) if self.multiline else "".join(paras)

    def source(self) -> str:
        """The field's source text with tokens (paragraphs of a list field joined with "\\n")."""
        value = self._value_from_widget()
        return "\n".join(value) if isinstance(value, list) else value

    def _on_contents_changed(self) -> None:
        if self._updating:
            return
        self._chips = self._count_chips()
        value = self._value_from_widget()
        old, self._last_source = self._last_source, value
        merge, self._merge_next = self._merge_next, True
        new_step, self._new_step = self._new_step, False
        label, self._pending_label = self._pending_label, None
        metrics, self._pending_metrics = self._pending_metrics, []
        if _tokens_removed(old, value):
            # A figure left the text: a new undo step, so Undo brings exactly it back. Deleted on its own
            # (Backspace, Delete) it stays a step of its own; replaced by typing over a selection, the rest
            # of the word joins the step.
            merge = merge and new_step
            new_step = True
            if not merge:
                label = label or self.tr("Delete figure")
        current = self._model_value()
        if value == current and not metrics:
            return
        from .commands import AddMetricCommand, SetFieldCommand

        joins = self._action_command if self._in_action else None
        command = SetFieldCommand(self.doc, self.ref, value, label or self.tr("Typing"), mergeable=merge,
                                  new_step=new_step, joins=joins)
        stack = self.doc.undo_stack
        self._pushing = True
        try:
            if metrics:
                stack.beginMacro(label or self.tr("Paste"))
                for metric in metrics:
                    if self.doc.report.metric(metric.id) is None:
                        self.doc.push(AddMetricCommand(self.doc, metric))
            if value != current:
                self.doc.push(command)
                if self._in_action and joins is None:
                    self._action_command = command
            if metrics:
                stack.endMacro()
        finally:
            self._pushing = False

    def _count_chips(self) -> int:
        return self.document().toRawText().count(OBJ)

    def _touches_me(self, ref: Optional[FieldRef]) -> bool:
        if ref is None:
            return True
        if ref.node != self.ref.node or ref.field != self.ref.field:
            return False
        return self.ref.index is None or ref.index is None or ref.index == self.ref.index

    def _on_field_changed(self, ref) -> None:
        if not self._touches_me(ref) or getattr(self, "_pushing", False):
            return
        value = self._model_value()
        if value == self._last_source:
            return
        self.reload(value)

    def reload(self, value=None) -> None:
        """Re-render from the model, keeping the cursor (block and column) where it was."""
        value = self._model_value() if value is None else value
        cursor = self.textCursor()
        block_no, col = cursor.blockNumber(), cursor.positionInBlock()
        had_focus = self.hasFocus()
        self._render(value)
        block = self.document().findBlockByNumber(min(block_no, self.document().blockCount() - 1))
        c = QTextCursor(block)
        c.setPosition(block.position() + min(col, max(0, block.length() - 1)))
        self.setTextCursor(c)
        if had_focus:
            self.ensureCursorVisible()

    def _on_metrics_changed(self) -> None:
        if self._chips:
            self.document().markContentsDirty(0, self.document().characterCount())
            self.viewport().update()

    def _plain_typing_format(self) -> None:
        # Text typed next to a chip must not inherit the chip's object format. Only for a collapsed
        # cursor: with a selection, setCurrentCharFormat formats every selected character and would
        # turn the selected chips into plain text (issue 8).
        cursor = self.textCursor()
        if not cursor.hasSelection() and cursor.charFormat().objectType() == CHIP_TYPE:
            self.setCurrentCharFormat(QTextCharFormat())

    def _fit_height(self, *_args) -> None:
        doc_h = self.document().documentLayout().documentSize().height()
        margins = self.contentsMargins()
        h = int(doc_h + margins.top() + margins.bottom() + 2 * self.document().documentMargin() / 2 + 2)
        line = int(QFontMetricsF(self.font()).lineSpacing())
        minimum = line + 14 if not (self.multiline or self.is_list) else 2 * line + 14
        minimum = max(minimum, self.min_lines * line + 14)
        h = max(minimum, min(self.MAX_AUTO_HEIGHT, h))
        if self.height() != h:
            self.setFixedHeight(h)
        self.setVerticalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAsNeeded if doc_h > self.MAX_AUTO_HEIGHT else Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def resizeEvent(self, event):  # noqa: N802 - Qt API
        super().resizeEvent(event)
        QTimer.singleShot(0, self._fit_height)

    # ------------------------------------------------------------------ tokens
    def insert_token(self, metric_id: str, change: bool = False) -> None:
        """Insert ``{{m:ID}}`` (or ``{{chg:ID}}``) at the cursor, replacing any selection (one undo step)."""
        token = change_token(metric_id) if change else metric_token(metric_id)
        self._merge_next = False
        self._pending_label = self.tr("Insert figure")
        cursor = self.textCursor()
        with self._user_action():
            cursor.insertText(OBJ, self._chip_format(token))
        self._pending_label = None
        cursor.setCharFormat(QTextCharFormat())
        self.setTextCursor(cursor)
        self.setCurrentCharFormat(QTextCharFormat())

    def pick_and_insert(self) -> Optional[tuple[str, bool]]:
        try:
            from .metric_picker import pick_metric
        except ImportError:  # the picker is written by another engineer
            return None
        chosen = pick_metric(self.doc, self)
        if chosen:
            self.insert_token(chosen[0], chosen[1])
        return chosen

    def make_metric_from_selection(self, confirm: bool = True) -> Optional[str]:
        """Turn the selected figure (``2041件``) into a new metric and put its token in its place.

        A small dialog proposes the name (the words before the figure) and shows the parsed value,
        unit, scale and qualifier to confirm or correct (``confirm=False`` takes the proposal as is).
        One undo step (macro): add the metric, replace the text. Returns the new metric's id, or None
        (with a message) when the selection is not a figure or the dialog was cancelled."""
        cursor = self.textCursor()
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        selected = self.source_range(start, end) if cursor.hasSelection() else ""
        fields = parse_figure(selected) if selected and "{{" not in selected and "\n" not in selected else None
        if fields is None:
            QMessageBox.information(
                self, self.tr("Make metric"),
                self.tr("Select a figure such as 2041件 or 近5.9万宗 (digits, then the unit) first."))
            return None
        from ..model.tokens import value_error

        problem = value_error(fields["value"])  # the limits the project file enforces (15 + 6 digits)
        if problem is not None:
            QMessageBox.information(self, self.tr("Make metric"), problem)
            return None
        block = self.document().findBlock(start)
        before = self._block_source(block, block.position(), start)
        from .make_metric_dialog import confirm_metric, propose_label

        label = propose_label(before)
        if confirm:
            from ..model import render_text

            sentence = render_text(self._block_source(block), self.doc.report.metrics)
            metric = confirm_metric(selected, fields, label, sentence, self)
            if metric is None:
                return None
        else:
            metric = Metric(label=label, **fields)
        from .commands import AddMetricCommand

        doc_end = self.document().characterCount() - 1
        new_source = self.source_range(0, start) + metric_token(metric.id) + self.source_range(end, doc_end)
        value = new_source.split("\n") if isinstance(self._model_value(), list) else new_source
        stack = self.doc.undo_stack
        stack.beginMacro(self.tr("Make metric “%1”").replace("%1", metric.label or selected))
        try:
            self.doc.push(AddMetricCommand(self.doc, metric))
            self.doc.set_field(self.ref, value, self.tr("Make metric"), merge=False)
        finally:
            stack.endMacro()
        return metric.id

    # ------------------------------------------------------------------ events
    def event(self, event):
        try:
            return self._event(event)
        except RuntimeError:  # the widget is being destroyed
            return False

    def _event(self, event):
        if event.type() == event.Type.ShortcutOverride:
            if (event.matches(QKeySequence.StandardKey.Undo) or _is_redo(event)
                    or (event.key() == Qt.Key.Key_M and event.modifiers() == Qt.KeyboardModifier.ControlModifier)):
                event.accept()
                return True
        # QTextEdit.event rather than super(): during teardown PySide may hand over events while the
        # Python wrapper is already half destroyed, and super() then raises TypeError.
        return QTextEdit.event(self, event)

    def keyPressEvent(self, event):  # noqa: N802 - Qt API
        if event.matches(QKeySequence.StandardKey.Undo):
            self.doc.undo_stack.undo()
            return
        if _is_redo(event):
            self.doc.undo_stack.redo()
            return
        if event.key() == Qt.Key.Key_M and event.modifiers() == Qt.KeyboardModifier.ControlModifier:
            self.pick_and_insert()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if not (self.multiline or self.is_list):
                event.ignore()
                return
            self._merge_next = False
        if self.textCursor().hasSelection():
            # typing, deleting or pasting over a selection starts a new undo step
            self._new_step = True
        if event.matches(QKeySequence.StandardKey.Cut):
            self._pending_label = self.tr("Cut")
        with self._user_action():
            super().keyPressEvent(event)
        self._new_step = False
        self._pending_label = None
        self._plain_typing_format()

    @contextmanager
    def _user_action(self):
        """Every change of the text during one key press, input-method event, drop or paste is one undo
        step."""
        self._in_action += 1
        try:
            yield
        finally:
            self._in_action -= 1
            if not self._in_action:
                self._action_command = None

    def inputMethodEvent(self, event):  # noqa: N802 - Qt API
        # A Chinese input method sends the composition (preedit) and the chosen words (commit) here,
        # not as key presses. The commit replaces a selection like typing does.
        if self.textCursor().hasSelection() and (event.commitString() or event.preeditString()):
            self._new_step = True
        with self._user_action():
            super().inputMethodEvent(event)
        self._new_step = False
        self._plain_typing_format()

    def dropEvent(self, event):  # noqa: N802 - Qt API
        self._pending_label = self.tr("Drag and drop")
        self._merge_next = False
        self._dropping = True
        source = _drag_source(self)
        if source is not None and not source._drag_macro:
            # Text dragged from another field of this report: the drop here and the removal there (when the
            # drag returns in the source) are one undo step; the source closes the macro.
            self.doc.undo_stack.beginMacro(self.tr("Drag and drop"))
            source._drag_macro = True
        try:
            with self._user_action():
                super().dropEvent(event)
        finally:
            self._dropping = False
            self._pending_label = None
            self._pending_metrics = []
        self._plain_typing_format()

    # A drag started from this editor takes the mouse release (the drop), so Qt's text control still
    # believes the button is down afterwards; when the editor then changes height (the text moved) Qt
    # sends a synthetic mouse move with the left button set, and the control started a second drag that
    # waited for a release that never came: the window hung. Moves with the button held after a drag are
    # ignored until the next press.
    def mousePressEvent(self, event):  # noqa: N802 - Qt API
        self._after_drag = False
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event):  # noqa: N802 - Qt API
        self._after_drag = False
        super().mouseReleaseEvent(event)

    def mouseMoveEvent(self, event):  # noqa: N802 - Qt API
        if self._after_drag and event.buttons() & Qt.MouseButton.LeftButton:
            event.accept()
            return
        self._in_mouse_move = True
        try:
            with self._user_action():
                super().mouseMoveEvent(event)
        finally:
            self._in_mouse_move = False
            if self._after_drag:
                self._pending_label = None
                app = QApplication.instance()
                if getattr(app, "_token_drag_source", None) is self:
                    app._token_drag_source = None
            if self._drag_macro:
                self._drag_macro = False
                self.doc.undo_stack.endMacro()

    def build_context_menu(self, pos):
        """Qt's text menu with its own (always greyed) 撤消/重做 replaced by the report's undo and
        redo — the Edit menu's actions — then 设为指标 and 插入指标."""
        from .edit_support import replace_undo_actions

        menu = replace_undo_actions(self.createStandardContextMenu(pos), self.doc.undo_stack, self.window(), self)
        menu.addSeparator()
        self.make_metric_action.setEnabled(self.textCursor().hasSelection())
        menu.addAction(self.make_metric_action)
        menu.addAction(self.insert_metric_action)
        return menu

    def contextMenuEvent(self, event):  # noqa: N802 - Qt API
        menu = self.build_context_menu(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    def createMimeDataFromSelection(self):  # noqa: N802 - Qt API
        if self._in_mouse_move:  # called by the text control to start a drag
            self._after_drag = True
            self._pending_label = self.tr("Drag and drop")  # the text leaving this field when it is moved
            QApplication.instance()._token_drag_source = self  # type: ignore[attr-defined]
        cursor = self.textCursor()
        return _handed_to_qt(
            source_mime_data(self.doc.report, self.source_range(cursor.selectionStart(), cursor.selectionEnd())))

    def canInsertFromMimeData(self, source) -> bool:  # noqa: N802 - Qt API
        return source.hasFormat(SOURCE_MIME) or source.hasText()

    def insertFromMimeData(self, source) -> None:  # noqa: N802 - Qt API
        if source.hasFormat(SOURCE_MIME):
            text = bytes(source.data(SOURCE_MIME)).decode("utf-8", errors="replace")
            self._pending_metrics = self._metrics_to_add(text, source)
        else:
            # text from another program: a stray object character would be an invisible nothing
            text = source.text().replace(OBJ, "")
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        if not (self.multiline or self.is_list):
            text = text.replace("\n", "")
        self._merge_next = False
        if self._pending_label is None:
            self._pending_label = self.tr("Paste")
        with self._user_action():
            self._insert_source(text)
        if not self._dropping:  # nothing changed (an empty paste): forget what was meant for the change
            self._pending_label = None
            self._pending_metrics = []

    def _insert_source(self, text: str) -> None:
        cursor = self.textCursor()
        cursor.beginEditBlock()
        plain = QTextCharFormat()
        lines = text.split("\n")
        for i, line in enumerate(lines):
            if i:
                cursor.insertBlock() if self.is_list else cursor.insertText("\n", plain)
            for piece, tok in split_tokens(line):
                if tok is None:
                    cursor.insertText(piece, plain)
                else:
                    cursor.insertText(OBJ, self._chip_format(piece))
        cursor.endEditBlock()
        self.setTextCursor(cursor)

    def _metrics_to_add(self, source: str, data: QMimeData) -> list[Metric]:
        """Metrics used by pasted ``source`` that this report lacks, from the copied definitions (a paste
        from another report): the figures stay figures with their values."""
        missing = [mid for mid in dict.fromkeys(used_metric_ids(source)) if self.doc.report.metric(mid) is None]
        if not missing or not data.hasFormat(METRICS_MIME):
            return []
        try:
            defs = json.loads(bytes(data.data(METRICS_MIME)).decode("utf-8"))
            known = {d["id"]: Metric.model_validate(d) for d in defs}
        except (ValueError, KeyError, TypeError):
            return []
        out: list[Metric] = []
        todo = list(missing)
        while todo:  # a sum metric brings its parts along
            mid = todo.pop(0)
            metric = known.get(mid)
            if metric is None or any(m.id == mid for m in out) or self.doc.report.metric(mid) is not None:
                continue
            out.append(metric)
            todo.extend(metric.parts)
        return out


def _drag_source(target: "TokenTextEdit") -> Optional["TokenTextEdit"]:
    """The editor of the same report, other than ``target``, that the text being dropped is dragged from."""
    source = getattr(QApplication.instance(), "_token_drag_source", None)
    if source is None or source is target:
        return None
    try:
        same = source.doc is target.doc
    except RuntimeError:  # deleted meanwhile
        return None
    return source if same else None


def source_mime_data(report, source: str) -> QMimeData:
    """Clipboard/drag data for ``source``: the source with tokens, the metric definitions it uses, and the
    rendered text for other programs."""
    from ..model import render_text

    data = QMimeData()
    data.setText(render_text(source, report.metrics))
    data.setData(SOURCE_MIME, source.encode("utf-8"))
    ids = list(dict.fromkeys(used_metric_ids(source)))
    defs, seen = [], set()
    while ids:
        mid = ids.pop(0)
        metric = report.metric(mid)
        if metric is None or mid in seen:
            continue
        seen.add(mid)
        defs.append(metric.model_dump(mode="json"))
        ids.extend(metric.parts)
    if defs:
        data.setData(METRICS_MIME, json.dumps(defs, ensure_ascii=False).encode("utf-8"))
    return data


def _tokens_removed(old, new) -> bool:
    """Whether some token of ``old`` (a field value) is not in ``new`` any more."""
    def count(value) -> Counter:
        text = "\n".join(value) if isinstance(value, list) else str(value or "")
        return Counter(m.group(0) for m in _TOKEN_PARTS.finditer(text)) if "{{" in text else Counter()

    return bool(count(old) - count(new))
