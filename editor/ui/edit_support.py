"""One undo for the whole report in plain line edits too.

A ``QLineEdit`` bound to a field keeps its own little undo history, and its right-click menu offers
撤消/重做 from it: a second, different undo beside the report's (the Edit menu's 撤销/重做). The
filter installed by :func:`use_report_undo` sends the undo and redo keys (Ctrl+Z; Ctrl+Y and
Ctrl+Shift+Z on every platform) to the report's undo stack and puts the window's 撤销/重做 in the
context menu in place of the widget's own.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLineEdit, QMenu

from . import i18n  # noqa: F401 - applies the PySide6 None-refcount guard


def is_undo(event) -> bool:
    return event.matches(QKeySequence.StandardKey.Undo)


def is_redo(event) -> bool:
    """Redo: the platform's keys, and Ctrl+Y and Ctrl+Shift+Z everywhere (as in WPS and Word)."""
    if event.matches(QKeySequence.StandardKey.Redo):
        return True
    mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    ctrl, shift = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
    return ((event.key() == Qt.Key.Key_Y and mods == ctrl)
            or (event.key() == Qt.Key.Key_Z and mods == ctrl | shift))


def replace_undo_actions(menu: QMenu, undo_stack, window, parent) -> QMenu:
    """In a standard text context menu, put the report's undo/redo in place of the widget's own."""
    undo, redo = getattr(window, "act_undo", None), getattr(window, "act_redo", None)
    if undo is None or redo is None:
        undo = undo_stack.createUndoAction(menu, QCoreApplication.translate("TokenTextEdit", "&Undo"))
        redo = undo_stack.createRedoAction(menu, QCoreApplication.translate("TokenTextEdit", "&Redo"))
    for action in list(menu.actions()):
        if action.objectName() in ("edit-undo", "edit-redo"):
            menu.removeAction(action)
    first = menu.actions()[0] if menu.actions() else None
    menu.insertActions(first, [undo, redo])
    if first is not None and not first.isSeparator():
        menu.insertSeparator(first)
    return menu


class _ReportUndo(QObject):
    def __init__(self, edit: QLineEdit, undo_stack):
        super().__init__(edit)
        self.edit = edit
        self.stack = undo_stack

    def context_menu(self, edit: QLineEdit, pos):
        return replace_undo_actions(edit.createStandardContextMenu(), self.stack, edit.window(), edit)

    def eventFilter(self, obj, event):  # noqa: N802 - Qt API
        kind = event.type()
        if kind == QEvent.Type.ShortcutOverride and (is_undo(event) or is_redo(event)):
            event.accept()  # ours, not the window's shortcut and not the widget's own history
            return True
        if kind == QEvent.Type.KeyPress:
            if is_undo(event):
                self.stack.undo()
                return True
            if is_redo(event):
                self.stack.redo()
                return True
        if kind == QEvent.Type.ContextMenu:
            menu = self.context_menu(obj, event.pos())
            menu.exec(event.globalPos())
            menu.deleteLater()
            return True
        return False


def use_report_undo(edit: QLineEdit, undo_stack) -> QLineEdit:
    """Make ``edit`` use the report's undo stack for its keys and its context menu."""
    edit.installEventFilter(_ReportUndo(edit, undo_stack))
    return edit
