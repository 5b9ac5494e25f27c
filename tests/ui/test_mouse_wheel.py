"""The mouse wheel scrolls the form and never changes a value the user is not editing (issue 8, report 3):
real QWheelEvents sent to the widgets under the pointer in the real main window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QDateEdit, QSlider, QSpinBox, QVBoxLayout, QWidget

from editor.templates import load_template
from editor.ui.document import ReportDocument
from editor.ui.wheel import guard_wheel


def wheel(widget, notches: int = -1) -> bool:
    """One wheel turn (``notches`` x 120, negative = towards the user) over the centre of ``widget``, delivered
    as QApplication delivers a wheel event from the window system: to the child under the pointer, then to
    each parent in turn until one accepts it (Qt propagates only spontaneous wheel events by itself, and a
    test cannot make one). Returns whether a widget accepted it."""
    centre = widget.rect().center()
    target = widget.childAt(centre) or widget
    pos = target.mapFrom(widget, centre) if target is not widget else centre
    w = target
    while w is not None:
        ev = QWheelEvent(QPointF(pos), QPointF(w.mapToGlobal(pos)), QPoint(0, 0), QPoint(0, 120 * notches),
                         Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
                         False)
        ev.setAccepted(True)
        handled = QApplication.sendEvent(w, ev)
        if handled and ev.isAccepted():
            return True
        if w.isWindow():
            return False
        pos = w.mapToParent(pos)
        w = w.parentWidget()
    return False


@pytest.fixture
def info_form(make_window):
    w = make_window(ReportDocument(load_template("sample-dongguan-2022")))
    w.resize(1000, 500)  # the report-information form is taller than its area: it scrolls
    w.show()
    w.outline.select("report")
    QApplication.processEvents()
    w.outline.setFocus()
    return w, w.form_area.form


def test_wheel_over_year_dates_and_dropdowns_scrolls_the_form_and_changes_nothing(info_form):
    w, form = info_form
    report = w.doc.report
    bar = w.form_area.verticalScrollBar()
    assert bar.maximum() > 0
    before = (report.year, report.date, report.publication_date, report.edition, report.format.model_dump())
    date = form.findChild(QDateEdit, "date_date")
    widgets = [form.year, date, form.findChild(QDateEdit, "date_publication_date"), form.edition,
               *form.font_boxes.values(), form.findChild(QComboBox, "combo_format_page_numbers")]
    for widget in widgets:
        assert widget is not None and not widget.hasFocus()
        for notches in (-1, -3, 2):
            bar.setValue(bar.maximum() // 2)
            start = bar.value()
            wheel(widget, notches)
            assert bar.value() != start, f"the wheel over {widget.objectName()} did not scroll the form"
            assert not widget.hasFocus(), "the wheel must not give a value widget keyboard focus"
    assert (report.year, report.date, report.publication_date, report.edition, report.format.model_dump()) == before
    assert w.doc.undo_stack.count() == 0 and not w.isWindowModified()


def test_the_focused_field_takes_the_wheel(info_form):
    w, form = info_form
    year = form.year
    QTest.mouseClick(year.lineEdit(), Qt.MouseButton.LeftButton)  # the user clicks into 年度
    assert year.hasFocus()
    before = w.doc.report.year
    bar = w.form_area.verticalScrollBar()
    start = bar.value()
    wheel(year, 1)
    assert w.doc.report.year == before + 1 and bar.value() == start
    w.doc.undo_stack.undo()
    assert w.doc.report.year == before
    # focus elsewhere: the wheel scrolls again
    form.edition.setFocus()
    wheel(year, -1)
    assert w.doc.report.year == before


def test_tab_still_reaches_the_value_widgets(info_form):
    """The focus policy is StrongFocus, not NoFocus: keyboard users still reach every field."""
    w, form = info_form
    for widget in (form.year, form.edition, *form.font_boxes.values()):
        assert widget.focusPolicy() == Qt.FocusPolicy.StrongFocus
    form.editors["organisations"].setFocus()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() in (form.year, form.year.lineEdit())


def test_drop_down_editor_in_the_metrics_table_is_guarded(make_window):
    """The scale / qualifier drop-down of a metric row: the wheel over it scrolls the table unless it has
    focus."""
    from editor.ui.metrics_panel import COL

    w = make_window(ReportDocument(load_template("sample-dongguan-2022")))
    w.show()
    view = w.metrics_panel.view
    index = view.model().index(0, COL["scale"])
    view.edit(index)
    box = view.indexWidget(index) or next(b for b in view.findChildren(QComboBox) if b.isVisible())
    assert box.focusPolicy() == Qt.FocusPolicy.StrongFocus
    w.outline.setFocus()
    before = box.currentIndex()
    wheel(box, -1)
    assert box.currentIndex() == before


def test_guard_covers_sliders_and_keeps_scroll_bars(qtbot):
    from PySide6.QtWidgets import QScrollArea

    area = QScrollArea()
    inner = QWidget()
    lay = QVBoxLayout(inner)
    slider = QSlider(Qt.Orientation.Horizontal)
    spin = QSpinBox()
    lay.addWidget(slider)
    lay.addWidget(spin)
    for _ in range(40):
        lay.addWidget(QSpinBox())
    area.setWidget(inner)
    area.resize(300, 200)
    qtbot.addWidget(area)
    area.show()
    assert guard_wheel(inner) == 42
    assert slider.focusPolicy() == Qt.FocusPolicy.StrongFocus
    start = area.verticalScrollBar().value()
    wheel(slider, -2)
    assert slider.value() == 0 and area.verticalScrollBar().value() > start
    wheel(area.verticalScrollBar(), 1)  # the scroll bar itself is never guarded
    assert area.verticalScrollBar().value() < area.verticalScrollBar().maximum()


def test_wheel_over_the_preferences_dialog_changes_nothing(make_window, qtbot):
    """Edit → Preferences…: the wheel passing over 界面语言 or 自动保存间隔 changed them although neither had focus."""
    from PySide6.QtCore import QTimer

    from editor.ui.dialogs import PreferencesDialog

    w = make_window(ReportDocument(load_template("sample-dongguan-2022")))
    w.show()
    seen = {}

    def inspect():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PreferencesDialog):
            QTimer.singleShot(20, inspect)
            return
        for box in (dialog.language, dialog.autosave):
            box.clearFocus()
            before = box.value() if isinstance(box, QSpinBox) else box.currentIndex()
            wheel(box, 1 if isinstance(box, QSpinBox) else -1)  # up: a larger interval; down: the next language
            seen[box.objectName() or type(box).__name__] = (
                before, box.value() if isinstance(box, QSpinBox) else box.currentIndex())
        dialog.reject()

    QTimer.singleShot(0, inspect)
    w.act_prefs.trigger()
    assert len(seen) == 2
    assert all(before == after for before, after in seen.values()), seen


def test_wheel_over_the_problems_filter_changes_nothing(make_window):
    """The problems panel's filter (全部/错误/警告/提示) switched on a wheel turn passing over it."""
    w = make_window(ReportDocument(load_template("sample-dongguan-2022")))
    w.show()
    box = w.problems_panel.filter_box
    w.outline.setFocus()
    QApplication.processEvents()
    assert not box.hasFocus()
    wheel(box, -1)  # towards the user: would select 错误
    assert box.currentIndex() == 0
    box.setFocus()  # focused (clicked or tabbed into) it still steps
    QApplication.processEvents()
    assert box.hasFocus()
    wheel(box, -1)
    assert box.currentIndex() == 1
