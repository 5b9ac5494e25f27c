"""Helpers for the editing tests: find chips in a token editor, and drive it as a person does -- mouse
presses, drags and clicks on the viewport, input-method events, drops."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QDropEvent, QInputMethodEvent, QMouseEvent, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from editor.ui.textedit import CHIP_TYPE, OBJ, TOKEN_PROP


def chips(edit) -> list[tuple[int, str]]:
    """(document position, token) of every chip in the editor."""
    out = []
    block = edit.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            if frag.isValid() and frag.charFormat().objectType() == CHIP_TYPE:
                for k, ch in enumerate(frag.text()):
                    if ch == OBJ:
                        out.append((frag.position() + k, str(frag.charFormat().property(TOKEN_PROP))))
            it += 1
        block = block.next()
    return out


def orphan_objects(edit) -> int:
    """Object characters that lost their chip format (a figure silently dropped from the source)."""
    return edit.document().toRawText().count(OBJ) - len(chips(edit))


def put_cursor(edit, pos: int, anchor: int | None = None) -> None:
    cursor = edit.textCursor()
    cursor.setPosition(pos if anchor is None else anchor)
    if anchor is not None:
        cursor.setPosition(pos, QTextCursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)


def point_of(edit, pos: int) -> QPoint:
    """A viewport point on the left half of the character at ``pos`` (so a click there puts the cursor
    before it)."""
    cursor = QTextCursor(edit.document())
    cursor.setPosition(pos)
    rect = edit.cursorRect(cursor)
    return QPoint(rect.x() + 1, rect.center().y())


def click(edit, pos: int, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.mouseClick(edit.viewport(), Qt.MouseButton.LeftButton, modifiers, point_of(edit, pos))


def _mouse(edit, kind, point: QPoint, button, buttons) -> None:
    global_point = QPointF(edit.viewport().mapToGlobal(point))
    ev = QMouseEvent(kind, QPointF(point), global_point, button, buttons, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(edit.viewport(), ev)


def drag_select(edit, start: int, end: int) -> None:
    """Press at ``start``, move with the button held to ``end`` in steps, release (a mouse selection)."""
    left = Qt.MouseButton.LeftButton
    a, b = point_of(edit, start), point_of(edit, end)
    _mouse(edit, QEvent.Type.MouseButtonPress, a, left, left)
    steps = 4
    for k in range(1, steps + 1):
        p = QPoint(a.x() + (b.x() - a.x()) * k // steps, a.y() + (b.y() - a.y()) * k // steps)
        _mouse(edit, QEvent.Type.MouseMove, p, Qt.MouseButton.NoButton, left)
    _mouse(edit, QEvent.Type.MouseButtonRelease, b, left, Qt.MouseButton.NoButton)


def double_click(edit, pos: int) -> None:
    p = point_of(edit, pos)
    QTest.mouseClick(edit.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, p)
    QTest.mouseDClick(edit.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, p)


def triple_click(edit, pos: int) -> None:
    double_click(edit, pos)
    QTest.mouseClick(edit.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point_of(edit, pos))


def ime(edit, preedit: str = "", commit: str = "") -> None:
    """One input-method event: a composition string shown in place, and/or committed text."""
    ev = QInputMethodEvent(preedit, [])
    if commit:
        ev.setCommitString(commit)
    QApplication.sendEvent(edit, ev)


def ime_compose(edit, keys: str, words: str) -> None:
    """A Chinese input method: the pinyin grows letter by letter as preedit, then the words are committed."""
    for k in range(1, len(keys) + 1):
        ime(edit, preedit=keys[:k])
    ime(edit, commit=words)


def drop(edit, data, pos: int, action=Qt.DropAction.CopyAction) -> None:
    """Drag-enter, move and drop ``data`` at the character position ``pos`` of ``edit``."""
    from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent

    point = point_of(edit, pos)
    actions = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction
    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QApplication.sendEvent(edit.viewport(), QDragEnterEvent(point, actions, data, left, none))
    QApplication.sendEvent(edit.viewport(), QDragMoveEvent(point, actions, data, left, none))
    ev = QDropEvent(QPointF(point), actions, data, left, none)
    ev.setDropAction(action)
    QApplication.sendEvent(edit.viewport(), ev)
