"""The mouse wheel never changes a value the user is not editing.

Spin boxes, date edits, drop-downs and sliders react to the wheel under the pointer by default, so
scrolling a long form with the wheel changed 年度, the dates and the fonts it passed over (issue 8).
:func:`guard_wheel` gives such widgets a focus policy that the wheel does not grant (``StrongFocus``: Tab or a
click) and installs one shared event filter: without keyboard focus the wheel event goes to the scroll area around
the widget instead -- the form (or table) scrolls. With focus (the user clicked into the
field or tabbed to it) the wheel steps the value as usual.
"""

from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QScrollBar,
    QWidget,
)

VALUE_WIDGETS = (QAbstractSpinBox, QComboBox, QAbstractSlider)
_GUARDED = "_wheelGuarded"


class WheelGuard(QObject):
    """Event filter: a wheel event reaches a value widget only when that widget has keyboard focus."""

    def eventFilter(self, obj, event):  # noqa: N802 - Qt API
        if event.type() != QEvent.Type.Wheel or not isinstance(obj, QWidget) or obj.hasFocus():
            return False
        area = _scroll_area_around(obj)
        if area is None:
            # Filtered but not accepted: QApplication passes a wheel event from the window system on to
            # the parent widgets.
            event.ignore()
            return True
        # Hand it to the scroll area around (the form), whichever way the event came.
        viewport = area.viewport()
        pos = viewport.mapFrom(obj.window(), obj.mapTo(obj.window(), event.position().toPoint()))
        forwarded = QWheelEvent(QPointF(pos), event.globalPosition(), event.pixelDelta(), event.angleDelta(),
                                event.buttons(), event.modifiers(), event.phase(), event.inverted(), event.source())
        QApplication.sendEvent(viewport, forwarded)
        event.accept()
        return True


def _scroll_area_around(widget: QWidget) -> Optional[QAbstractScrollArea]:
    """The nearest scroll area whose viewport holds ``widget``."""
    w = widget.parentWidget()
    while w is not None:
        area = w.parentWidget()
        if isinstance(area, QAbstractScrollArea) and area.viewport() is w:
            return area
        w = area
    return None


def shared_guard() -> WheelGuard:
    """The one filter of the application (created on first use, owned by the QApplication)."""
    app = QApplication.instance()
    guard = getattr(app, "_report_editor_wheel_guard", None)
    if guard is None:
        guard = WheelGuard(app)
        app._report_editor_wheel_guard = guard  # type: ignore[attr-defined]
    return guard


def is_value_widget(widget: QWidget) -> bool:
    return isinstance(widget, VALUE_WIDGETS) and not isinstance(widget, QScrollBar)


def guard_widget(widget: QWidget) -> None:
    """Guard one spin box, date edit, combo box or slider (again: harmless)."""
    if widget.property(_GUARDED):
        return
    if widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    widget.installEventFilter(shared_guard())
    widget.setProperty(_GUARDED, True)


def guard_wheel(root: QWidget) -> int:
    """Guard every value widget in ``root`` (and ``root`` itself); returns how many were guarded."""
    widgets = [root, *root.findChildren(QWidget)]
    count = 0
    for w in widgets:
        if is_value_widget(w):
            guard_widget(w)
            count += 1
    return count
