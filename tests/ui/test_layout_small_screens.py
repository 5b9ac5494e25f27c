"""The window on small screens: 1280×720 (a laptop, or 1920×1080 at 150 % scaling) and 1024×576
(1280×720 at 125 %). Every form reflows instead of scrolling sideways, the form gets most of the
width, the bottom dock stays low; the same at device pixel ratio 1.5 (QT_SCALE_FACTOR)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from editor.templates import load_template
from editor.ui.document import ReportDocument

ROOT = Path(__file__).resolve().parents[2]


def every_node(report) -> list[str]:
    nodes = ["report"]
    for section in report.sections:
        nodes.append(section.id)
        stack = list(section.items)
        while stack:
            item = stack.pop(0)
            nodes.append(item.id)
            stack.extend(item.children)
    return nodes


def form_problems(w) -> list[str]:
    """What is wrong with the layout of every form of the report (empty when all is well)."""
    problems = []
    fa = w.form_area
    for node in every_node(w.doc.report):
        w.outline.select(node)
        QTest.qWait(5)
        form = fa.widget()
        if fa.horizontalScrollBar().isVisible():
            problems.append(f"{node}: horizontal scroll bar (form needs {form.minimumSizeHint().width()} px, "
                            f"has {fa.viewport().width()})")
        right = fa.viewport().width()
        for child in form.findChildren(QWidget):
            if child.isVisible() and child.parentWidget() is form:
                if child.geometry().right() > right + 1:
                    problems.append(f"{node}: {child.objectName() or type(child).__name__} is cut off")
    return problems


@pytest.mark.parametrize("size", [(1280, 720), (1024, 576)])
def test_every_form_fits_without_horizontal_scrolling(make_window, size):
    w = make_window(ReportDocument(load_template("sample-dongguan-2022")))
    w.resize(*size)
    w.apply_default_layout()
    w.show()
    QTest.qWait(20)
    assert form_problems(w) == []
    # the form gets the room; the bottom dock is not ~40 % of the height
    assert w.form_area.width() >= 0.4 * w.width(), (w.form_area.width(), w.preview_dock.width())
    assert w.metrics_dock.height() <= 0.25 * w.height()


def test_body_editor_has_room_and_grows_with_its_content(make_window):
    w = make_window(ReportDocument(load_template("fzzf-annual")))
    w.resize(1280, 720)
    w.show()
    section, chain = next(iter(w.doc.report.iter_items()))
    form = w.show_node(chain[-1].id)
    body = form.editors["body"]
    QTest.qWait(10)
    line = body.fontMetrics().lineSpacing()
    empty_height = body.height()
    assert empty_height >= 6 * line
    body.setFocus()
    QTest.keyClicks(body, "text " * 400)
    QTest.qWait(10)
    assert body.height() > empty_height


CHILD = textwrap.dedent(r"""
    import sys
    sys.path.insert(0, sys.argv[1])
    from PySide6.QtCore import QSettings
    from PySide6.QtTest import QTest
    from editor.app import create_application, install_translation
    app = create_application([])
    install_translation(app, "zh_CN")
    from editor.templates import load_template
    from editor.ui.document import ReportDocument
    from editor.ui.main_window import MainWindow
    import test_layout_small_screens as t
    w = MainWindow(ReportDocument(load_template("sample-dongguan-2022")),
                   QSettings(sys.argv[2], QSettings.Format.IniFormat))
    w.resize(1280, 720)
    w.apply_default_layout()
    w.show()
    QTest.qWait(50)
    print("DPR", w.devicePixelRatioF())
    for p in t.form_problems(w):
        print("PROBLEM", p)
    w.doc.undo_stack.setClean()
    w.close()
""")


def test_at_150_percent_scaling(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_SCALE_FACTOR="1.5", PYTHONPATH=str(ROOT))
    proc = subprocess.run([sys.executable, "-c", CHILD, str(Path(__file__).parent), str(tmp_path / "s.ini")],
                          env=env, capture_output=True, text=True, timeout=120, cwd=str(tmp_path))
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "DPR 1.5" in proc.stdout
    assert [line for line in proc.stdout.splitlines() if line.startswith("PROBLEM")] == []
