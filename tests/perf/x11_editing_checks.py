"""Issue 8 checks with real X events (not part of the test run): keys on a figure (Shift+Right, Ctrl+A,
Ctrl+C, BackSpace, Ctrl+Z, Ctrl+Shift+Z), the mouse wheel over the report-information form, dragging text with figures between fields, and copy/paste between two editor processes.

Needs Xvfb and xdotool (apt-get install xvfb xdotool). Run:

    python tests/perf/x11_editing_checks.py [--display :93]

Starts its own Xvfb on the display, runs each check in a fresh process with QT_QPA_PLATFORM=xcb, prints what
happened, and exits 1 when a check failed.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

COMMON = textwrap.dedent('''
    import subprocess, sys, time
    sys.path.insert(0, {root!r}); sys.path.insert(0, {root!r} + "/tests/ui")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QDockWidget
    app = QApplication([])
    from editor.templates import load_template
    from editor.ui.document import ReportDocument
    from editor.ui.main_window import MainWindow
    from uihelpers_edit import chips, orphan_objects, point_of, put_cursor

    def pump(sec):
        end = time.time() + sec
        while time.time() < end:
            app.processEvents(); time.sleep(0.01)

    def window(report=None):
        doc = ReportDocument(report or load_template("sample-dongguan-2022"))
        w = MainWindow(doc, QSettings({tmp!r} + "/s.ini", QSettings.Format.IniFormat), recovery_folder={tmp!r} + "/r")
        w.resize(1280, 700); w.move(0, 0); w.show()
        for d in w.findChildren(QDockWidget):
            if d.objectName() in ("previewDock", "metricsDock", "problemsDock"):
                d.hide()
        pump(0.8)
        return doc, w

    def xdo(*cmds):
        """Run xdotool commands in the background while Qt keeps processing events (a drag runs its own loop)."""
        proc = subprocess.Popen(["sh", "-c", "; ".join(cmds)])
        while proc.poll() is None:
            app.processEvents(); time.sleep(0.01)
        pump(0.4)
''')

KEYS = COMMON + textwrap.dedent('''
    doc, w = window()
    w.outline.select("i-04-02"); pump(0.5)
    e = w.form_area.form.body
    item = doc.report.find_node("i-04-02")
    before = list(item.body)
    pos = next(p for p, t in chips(e) if t == "{{{{m:m-xzfy-sq}}}}")
    g = e.viewport().mapToGlobal(point_of(e, 0))
    xdo(f"xdotool mousemove {{g.x()}} {{g.y()}} click 1")
    put_cursor(e, pos); pump(0.2)
    ok = True
    xdo("xdotool key shift+Right", "sleep 0.2", "xdotool key ctrl+c")
    sel = e.textCursor()
    kept = item.body == before and orphan_objects(e) == 0
    clip = QApplication.clipboard().text()
    print(f"real Shift+Right on the 2041件 chip: selection {{sel.selectionStart()}}-{{sel.selectionEnd()}} (chip at {{pos}}); "
          f"figures {{'kept' if kept else 'LOST'}}; Ctrl+C -> {{clip!r}}")
    ok &= kept and (sel.selectionStart(), sel.selectionEnd()) == (pos, pos + 1) and clip == "2041件"
    xdo("xdotool key ctrl+a", "sleep 0.2", "xdotool key ctrl+c")
    kept = item.body == before and orphan_objects(e) == 0
    print(f"real Ctrl+A, Ctrl+C: figures {{'kept' if kept else 'LOST'}}; clipboard has 2041件: {{'2041件' in QApplication.clipboard().text()}}")
    ok &= kept
    put_cursor(e, pos + 1); pump(0.1)
    xdo("xdotool key BackSpace")
    gone = "{{{{m:m-xzfy-sq}}}}" not in item.body[0]
    label = doc.undo_stack.undoText()
    xdo("xdotool key ctrl+z")
    print(f"real BackSpace after the chip: figure removed: {{gone}}, undo step {{label!r}}; real Ctrl+Z: "
          f"{{'restored exactly' if item.body == before else 'NOT restored'}}")
    ok &= gone and item.body == before
    xdo("xdotool key ctrl+shift+z")
    print(f"real Ctrl+Shift+Z: {{'removed again' if '{{{{m:m-xzfy-sq}}}}' not in item.body[0] else 'not redone'}}")
    ok &= "{{{{m:m-xzfy-sq}}}}" not in item.body[0]
    doc.undo_stack.setClean(); w.close()
    sys.exit(0 if ok else 1)
''')

WHEEL = COMMON + textwrap.dedent('''
    doc, w = window()
    w.outline.select("report"); pump(0.5)
    form = w.form_area.form
    bar = w.form_area.verticalScrollBar()
    ok = True
    for name, widget in [("年度", form.year), ("版本", form.edition), ("成文日期", form.findChild(type(form.year).__base__, "date_date"))]:
        w.form_area.ensureWidgetVisible(widget); pump(0.3)
        before = (doc.report.year, doc.report.edition, doc.report.date, bar.value())
        g = widget.mapToGlobal(widget.rect().center())
        xdo(f"xdotool mousemove {{g.x()}} {{g.y()}}", "sleep 0.2", "xdotool click 5", "sleep 0.1", "xdotool click 5", "sleep 0.1", "xdotool click 5")
        after = (doc.report.year, doc.report.edition, doc.report.date, bar.value())
        changed = after[:3] != before[:3]
        ok &= not changed and after[3] != before[3]
        print(f"wheel over {{name}} (no focus): values {{'CHANGED' if changed else 'unchanged'}}, form scrolled {{before[3]}} -> {{after[3]}}")
    w.form_area.ensureWidgetVisible(form.year); pump(0.3)
    g = form.year.mapToGlobal(form.year.rect().center())
    y0 = doc.report.year
    xdo(f"xdotool mousemove {{g.x()}} {{g.y()}} click 1", "sleep 0.3", "xdotool click 4", "sleep 0.1", "xdotool click 4")
    print(f"wheel over 年度 after clicking into it: {{y0}} -> {{doc.report.year}}")
    ok &= doc.report.year == y0 + 2
    doc.undo_stack.setClean(); w.close()
    sys.exit(0 if ok else 1)
''')

DRAG = COMMON + textwrap.dedent('''
    from editor.model import FieldRef
    doc, w = window()
    doc.set_field(FieldRef("i-04-02", "lead"), "做好{{{{m:m-xzfy-sq}}}}行政复议", merge=False)
    doc.undo_stack.clear()
    w.outline.select("i-04-02"); pump(0.5)
    form = w.form_area.form
    item = doc.report.find_node("i-04-02")
    start = (item.lead, list(item.body))

    def drag(src, p_from, dst, p_to):
        a = src.viewport().mapToGlobal(point_of(src, p_from)); b = dst.viewport().mapToGlobal(point_of(dst, p_to))
        steps = [f"xdotool mousemove {{a.x() + (b.x() - a.x()) * k // 5}} {{a.y() + (b.y() - a.y()) * k // 5}}" for k in range(1, 6)]
        xdo(f"xdotool mousemove {{a.x()}} {{a.y()}} mousedown 1", "sleep 0.6", *[s + "; sleep 0.2" for s in steps], "sleep 0.4", "xdotool mouseup 1")

    ok = True
    for label, src, sel, press, dst, to in [
        ("body -> body (same field)", form.body, None, None, form.body, 0),
        ("lead -> body", form.lead, (1, 4), 2, form.body, 5),
        ("body -> lead", form.body, None, None, form.lead, 1),
    ]:
        if sel is None:
            pos = next(p for p, t in chips(src) if t == "{{{{m:m-xzfy-sq}}}}")
            sel, press = (pos - 2, pos + 1), pos
        src.setFocus(); put_cursor(src, sel[1], anchor=sel[0]); pump(0.2)
        n = doc.undo_stack.count()
        before = (item.lead, list(item.body))
        drag(src, press, dst, to)
        after = (item.lead, list(item.body))
        figures = item.lead.count("{{{{") + sum(b.count("{{{{") for b in item.body)
        steps = [doc.undo_stack.command(i).text() for i in range(n, doc.undo_stack.count())]
        doc.undo_stack.undo(); pump(0.2)
        one_undo = (item.lead, list(item.body)) == before
        doc.undo_stack.redo(); pump(0.2)
        redo = (item.lead, list(item.body)) == after
        good = (figures == 5 and orphan_objects(form.body) == 0 and orphan_objects(form.lead) == 0 and len(steps) == 1
                and after != before and one_undo and redo)
        ok &= bool(good)
        print(f"drag {{label}}: {{'ok' if good else 'FAILED'}}; figures in lead and body: {{figures}}; undo steps: {{steps}}; "
              f"one Ctrl+Z restores both fields: {{one_undo}}; redo: {{redo}}")
    while doc.undo_stack.canUndo():
        doc.undo_stack.undo()
    pump(0.3)
    back = (item.lead, list(item.body)) == start
    print(f"undo everything: {{'back to the start' if back else 'NOT back'}}")
    doc.undo_stack.setClean(); w.close()
    sys.exit(0 if ok and back else 1)
''')

COPY = COMMON + textwrap.dedent('''
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    doc, w = window()
    w.outline.select("i-04-02"); pump(0.5)
    e = w.form_area.form.body; e.setFocus()
    pos = next(p for p, t in chips(e) if t == "{{{{m:m-xzfy-sq}}}}")
    put_cursor(e, pos + 3, anchor=pos - 2)
    QTest.keyClick(e, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    print("copied", flush=True)
    pump(10)  # own the X clipboard while the other process pastes
    doc.undo_stack.setClean(); w.close()
''')

PASTE = COMMON + textwrap.dedent('''
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from editor.model import Item, Report, Section, render_text
    doc, w = window(Report(sections=[Section(id="s-x", items=[Item(id="i-x", body=["甲"])])]))
    w.outline.select("i-x"); pump(0.5)
    e = w.form_area.form.body; e.setFocus()
    QTest.keyClick(e, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    text = QApplication.clipboard().text()
    QTest.keyClick(e, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    body = doc.report.find_node("i-x").body
    print(f"as text for other programs: {{text}}")
    print(f"pasted in the other editor process: {{body}} -> {{render_text(body[0], doc.report.metrics)}}; "
          f"metrics added: {{[m.id for m in doc.report.metrics]}}; undo steps: {{doc.undo_stack.count()}}")
    ok = body == ["甲申请{{{{m:m-xzfy-sq}}}}，{{{{chg:m-xzfy-sq}}}}"] and text.startswith("申请2041件，同比") and doc.undo_stack.count() == 1
    doc.undo_stack.setClean(); w.close()
    sys.exit(0 if ok else 1)
''')


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--display", default=":93")
    args = parser.parse_args()
    tmp = tempfile.mkdtemp(prefix="x11-editing-")
    xvfb = subprocess.Popen(["Xvfb", args.display, "-screen", "0", "1280x720x24"], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    time.sleep(1.0)
    env = dict(os.environ, DISPLAY=args.display, QT_QPA_PLATFORM="xcb", PYTHONPATH=str(ROOT))
    failed = 0

    def run(name: str, code: str, background: bool = False):
        path = Path(tmp) / f"check_{name}.py"
        path.write_text(code.format(root=str(ROOT), tmp=tmp), encoding="utf-8")
        cmd = [sys.executable, str(path)]
        if background:
            return subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        r = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
        print(f"== {name}\n" + r.stdout.strip() + (f"\n{r.stderr.strip()[-800:]}" if r.returncode else ""))
        return r.returncode

    try:
        failed += bool(run("keys", KEYS))
        failed += bool(run("wheel", WHEEL))
        failed += bool(run("drag", DRAG))
        copier = run("copy", COPY, background=True)
        time.sleep(5)
        failed += bool(run("paste", PASTE))
        copier.wait(timeout=60)
    finally:
        xvfb.terminate()
        xvfb.wait()
    print("\nall checks passed" if not failed else f"\n{failed} check(s) failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
