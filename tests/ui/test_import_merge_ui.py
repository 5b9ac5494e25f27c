"""Import review dialog, merge dialog and the menu actions (pytest-qt)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from editor.importing import import_file
from editor.model import Item, Metric, Report, Section, build_flow
from editor.model.merge import plan_merge
from editor.storage import write_project
from editor.ui.document import ReportDocument
from editor.ui.import_dialog import COL_USE, ImportReviewDialog
from editor.ui.merge_dialog import MergeDialog
from editor.ui.report_actions import import_report, merge_projects, rollover_report


def _new_windows(before):
    from editor.ui.main_window import open_windows

    return [w for w in open_windows() if id(w) not in before]


def _close(windows):
    for w in windows:  # close without the save prompt
        w.doc.undo_stack.setClean()
        w.close()


def _seed(tmp_path, seed_text):
    p = tmp_path / "seed.txt"
    p.write_text(seed_text, encoding="utf-8")
    return p


def test_import_dialog_accept_some_and_edit_label(qtbot, tmp_path, seed_text):
    src = _seed(tmp_path, seed_text)
    result = import_file(src, metrics=False)
    before = [b.text for b in build_flow(result.report)]
    dialog = ImportReviewDialog(result)
    qtbot.addWidget(dialog)
    n = dialog.model.rowCount()
    assert n == len(result.suggestions) > 50
    assert "2041件" in [dialog.cell(r, 2) for r in range(n)]
    qtbot.mouseClick(dialog.accept_none_button, Qt.MouseButton.LeftButton)
    assert all(Qt.CheckState(dialog.cell(r, COL_USE, Qt.ItemDataRole.CheckStateRole)) == Qt.CheckState.Unchecked
               for r in range(n))
    dialog.set_accepted(0, True)
    dialog.set_accepted(1, True)
    dialog.set_label(0, "普法报道数")
    assert dialog.apply() == 2
    r = result.report
    assert [m.label for m in r.metrics][0] == "普法报道数" and len(r.metrics) == 2
    assert [b.text for b in build_flow(r)] == before


def test_import_action_accept_all(qtbot, qapp, tmp_path, seed_text, make_window):
    from editor.ui import i18n
    from editor.ui.main_window import open_windows

    assert i18n.install_translator(qapp, "zh_CN") == "zh_CN"  # the default interface language
    try:
        win = make_window(None)
        assert win.report_actions["import"].text() == "导入(&I)…"
        titles = [a.text().split("(")[0] for a in win.menuBar().actions()]
        assert "文件" in titles and "报告" in titles
    finally:
        i18n.install_translator(qapp, "en")  # leave later tests with the source strings
    win_en = make_window(None)
    assert win_en.report_actions["import"].text() == "&Import…"

    def review(dialog):
        qtbot.mouseClick(dialog.accept_all_button, Qt.MouseButton.LeftButton)
        return True

    before = set(map(id, open_windows()))
    report = import_report(win_en, _seed(tmp_path, seed_text), review=review)
    opened = _new_windows(before)
    try:
        assert len(opened) == 1 and opened[0].doc.report is report and len(report.metrics) > 50
        # the numbering gap of the source's section 五 is listed in the new window's problems panel
        # (kept in the report's import findings and shown through the checks, which run in a worker)
        panel = opened[0].problems_panel
        panel.refresh()
        qtbot.waitUntil(lambda: panel.is_current, timeout=10000)
        messages = [f.message for f in panel.all_findings()]
        assert any("缺少（三）" in m for m in messages), messages
    finally:
        _close(opened)


def test_rollover_action(make_window):
    from editor.ui.main_window import open_windows

    r = Report(organisations=["某局"], year=2022, metrics=[Metric(id="m-a", label="a", value="5", unit="件")])
    win = make_window(ReportDocument(r))
    before = set(map(id, open_windows()))
    nxt = rollover_report(win)
    opened = _new_windows(before)
    try:
        assert [w.doc.report for w in opened] == [nxt]
        assert nxt.year == 2023 and nxt.metrics[0].last_value == "5"
        assert win.doc.report.year == 2022
    finally:
        _close(opened)


def _projects():
    def base():
        return Report(
            organisations=["某局"], year=2023,
            sections=[Section(id="s-a", heading="依法行政", items=[Item(id="i-a", lead="")])],
            metrics=[Metric(id="m-c", label="复议申请", unit="件")],
        )

    main, other = base(), base()
    main.sections[0].items[0].lead = "当前项目的写法。"
    other.sections[0].items[0].lead = "同事的写法。"
    main.metrics[0].value = "2041"
    other.metrics[0].value = "2050"
    return main, other


def test_merge_dialog_requires_every_choice_and_settles_both_ways(qtbot):
    main, other = _projects()
    plan = plan_merge(main, [("office.fzbg", other)])
    for side, lead, value in (("main", "当前项目的写法。", "2041"), ("office.fzbg", "同事的写法。", "2050")):
        dialog = MergeDialog(plan)
        qtbot.addWidget(dialog)
        assert len(dialog.conflict_widgets) == 2
        assert not dialog.ok_button.isEnabled()
        w_item = next(w for w in dialog.conflict_widgets if w.conflict.key == "i-a")
        assert set(w_item.buttons) == {"main", "office.fzbg"}
        w_item.buttons[side].click()
        assert not dialog.ok_button.isEnabled()  # the metric is still open
        w_metric = next(w for w in dialog.conflict_widgets if w.conflict.key == "m-c")
        w_metric.buttons[side].click()
        assert dialog.ok_button.isEnabled()
        merged = dialog.merged_report()
        assert merged.sections[0].items[0].lead == lead and merged.metrics[0].value == value


def test_merge_action_is_one_undo_step(qtbot, tmp_path, make_window):
    main, other = _projects()
    path = tmp_path / "office.fzbg"
    write_project(path, other, backup=False)
    doc = ReportDocument(main)
    win = make_window(doc)

    def decide(dialog):
        qtbot.mouseClick(dialog.prefer_buttons[str(path)], Qt.MouseButton.LeftButton)
        assert dialog.ok_button.isEnabled()
        return True

    merged = merge_projects(win, [str(path)], decide=decide)
    assert merged is doc.report and doc.report.metrics[0].value == "2050"
    assert doc.report.sections[0].items[0].lead == "同事的写法。"
    doc.undo_stack.undo()
    assert doc.report.metrics[0].value == "2041"


def test_real_main_window_menus_and_rollover(make_window):
    from editor.ui.main_window import open_windows

    r = Report(organisations=["某局"], year=2022, metrics=[Metric(id="m-a", label="a", value="5", unit="件")])
    win = make_window(ReportDocument(r))
    acts = win.report_actions
    assert set(acts) == {"import", "rollover", "merge"}
    file_actions = win.file_menu.actions()
    assert acts["import"] in file_actions
    assert file_actions.index(acts["import"]) == file_actions.index(win.recent_menu.menuAction()) + 1
    assert acts["rollover"] in win.report_menu.actions() and acts["merge"] in win.report_menu.actions()
    titles = [a.text() for a in win.menuBar().actions()]
    assert len(titles) == len(set(titles))  # no duplicate menus were created
    before = set(map(id, open_windows()))
    nxt = rollover_report(win)
    opened = [w for w in open_windows() if id(w) not in before]
    try:
        assert nxt.year == 2023 and nxt.metrics[0].last_value == "5" and win.doc.report.year == 2022
        assert len(opened) == 1 and opened[0].doc.report is nxt
        assert opened[0].doc.path is None  # a new, unsaved project
    finally:
        for w in opened:  # close without the save prompt
            w.doc.undo_stack.setClean()
            w.close()
