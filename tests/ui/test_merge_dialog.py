"""The merge dialog (issue 12): versions shown with figures written out and differences highlighted;
parts matched by id so that edits to different items never become conflicts (issue 9 point 11)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor

from editor.model import Item, Metric, Report, Section
from editor.model.merge import plan_merge
from editor.storage import write_project
from editor.ui.document import ReportDocument
from editor.ui.merge_dialog import DIFF_BG, MergeDialog, differing_spans
from editor.ui.report_actions import merge_projects


@pytest.fixture
def chinese_ui(qapp):
    from editor.ui import i18n

    assert i18n.install_translator(qapp, "zh_CN") == "zh_CN"
    yield
    i18n.install_translator(qapp, "en")


def _projects():
    def base():
        return Report(
            organisations=["某局"], year=2023,
            sections=[Section(id="s-a", heading="依法行政", items=[
                Item(id="i-a", lead="健全制度。"), Item(id="i-b", lead="强化监督。")])],
            metrics=[Metric(id="m-c", label="复议申请", unit="件", value="2041", last_value="1240")],
        )

    main, other = base(), base()
    main.sections[0].items[0].body = ["全年收办复议申请{{m:m-c}}，{{chg:m-c}}。"]
    other.sections[0].items[0].body = ["全年收办复议申请{{m:m-c}}，办结率高。"]
    other.sections[0].items[1].body = ["同事写的监督工作。"]  # a different item: never a conflict
    other.metrics[0].note = "含转办"  # a note only the colleague wrote: taken
    return main, other


def _background(view, pos: int):
    cursor = QTextCursor(view.document())
    cursor.setPosition(pos + 1)  # the format of the character before the cursor
    return cursor.charFormat().background().color()


def test_conflict_shows_figures_and_highlights_what_differs(qtbot):
    main, other = _projects()
    plan = plan_merge(main, [("office.fzbg", other)])
    dialog = MergeDialog(plan)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert [w.conflict.key for w in dialog.conflict_widgets] == ["i-a"]  # not i-b, not the metric's note
    w = dialog.conflict_widgets[0]
    mine, theirs = (w.views[s].toPlainText() for s in ("main", "office.fzbg"))
    assert mine == "健全制度。全年收办复议申请2041件，同比增长64.6%。"
    assert theirs == "健全制度。全年收办复议申请2041件，办结率高。"
    assert "{{" not in mine + theirs
    # the shared beginning is plain, the differing ending is highlighted, in both columns
    assert _background(w.views["main"], 0) != DIFF_BG
    assert _background(w.views["main"], mine.index("2041")) != DIFF_BG
    assert _background(w.views["main"], mine.index("同比")) == DIFF_BG
    assert _background(w.views["office.fzbg"], theirs.index("办结")) == DIFF_BG
    assert _background(w.views["office.fzbg"], theirs.index("复议")) != DIFF_BG
    # choose the colleague's version with the mouse: the other item and the note come along untouched
    button = w.buttons["office.fzbg"]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))  # the indicator
    assert button.isChecked() and dialog.ok_button.isEnabled()
    merged = dialog.merged_report()
    assert merged.sections[0].items[0].body == ["全年收办复议申请{{m:m-c}}，办结率高。"]
    assert merged.sections[0].items[1].body == ["同事写的监督工作。"]
    assert merged.metrics[0].note == "含转办" and len(merged.metrics) == 1


def test_differing_spans():
    assert differing_spans("abcdef", ["abXdef"]) == [(2, 3)]
    assert differing_spans("same", ["same"]) == []
    assert differing_spans("ab", ["abcd"]) == []  # nothing of "ab" differs; the extra text is on the other side
    assert differing_spans("abcd", ["ab"]) == [(2, 4)]


def test_merge_from_the_window_keeps_relabelled_metric_and_note(qtbot, tmp_path, make_window):
    main, other = _projects()
    other.sections[0].items[0].body = list(main.sections[0].items[0].body)  # no conflict at all
    other.metrics[0].label = "行政复议申请"  # relabelled by the colleague: the same metric (id)
    main.metrics[0].label = ""
    path = tmp_path / "office.fzbg"
    write_project(path, other, backup=False)
    doc = ReportDocument(main)
    win = make_window(doc)
    seen = []

    def decide(dialog):
        seen.append(len(dialog.conflict_widgets))
        return True

    merge_projects(win, [str(path)], decide=decide)
    assert seen == [0]
    assert [m.id for m in doc.report.metrics] == ["m-c"]
    assert doc.report.metrics[0].label == "行政复议申请" and doc.report.metrics[0].note == "含转办"
    assert doc.report.sections[0].items[1].body == ["同事写的监督工作。"]
    doc.undo_stack.undo()
    assert doc.report.metrics[0].note == "" and doc.report.sections[0].items[1].body == []


def test_copies_that_read_the_same_are_not_conflicts(qtbot, tmp_path, make_window):
    """The sample report merged with an import of the same report: 15 "conflicts" whose two sides read
    identically (only the metrics the figures refer to differ), so the user could not see what to choose.
    They are listed as settled (the current project's text kept), and no conflict left shows equal texts."""
    from pathlib import Path

    from PySide6.QtWidgets import QPlainTextEdit

    from editor.importing import import_file
    from editor.templates import load_template

    seed = Path(__file__).resolve().parents[1] / "data" / "seed-dongguan-2022.txt"
    other = import_file(seed).report
    path = tmp_path / "导入的.fzbg"
    write_project(path, other, backup=False)
    doc = ReportDocument(load_template("sample-dongguan-2022"))
    before = doc.report.model_copy(deep=True)
    win = make_window(doc)
    seen = {}

    def decide(dialog):
        seen["conflicts"] = [[w.views[s].toPlainText() for s in w.views] for w in dialog.conflict_widgets]
        details = dialog.findChildren(QPlainTextEdit)
        seen["details"] = details[0].toPlainText() if details else ""
        return True

    merge_projects(win, [str(path)], decide=decide)
    assert all(len(set(texts)) > 1 for texts in seen["conflicts"]), seen["conflicts"]
    same = [line for line in seen["details"].splitlines() if "读起来相同" in line]
    assert len(same) >= 10
    assert any("营造学习宣传党的二十大精神的良好氛围" in line and "保留当前项目的文字" in line for line in same)
    # the current project's text, with its own metric references, is kept
    after = {chain[-1].id: chain[-1] for _s, chain in doc.report.iter_items()}
    for _s, chain in before.iter_items():
        a, b = chain[-1], after[chain[-1].id]
        assert (a.lead, a.body) == (b.lead, b.body)


def test_group_titles_are_the_users_words_not_keys(qtbot, chinese_ui):
    """The groups were titled with internal keys (“report.preamble”, “i-723d8092af”)."""
    main, other = _projects()
    main.preamble = ["今年我局坚持依法行政。"]
    other.preamble = ["今年我局坚持依法行政，成效明显。"]
    main.sections[0].items[1].id = "i-723d8092af"
    other.sections[0].items[1].id = "i-723d8092af"
    main.sections[0].items[1].body = ["一种写法。"]
    dialog = MergeDialog(plan_merge(main, [("office.fzbg", other)]))
    qtbot.addWidget(dialog)
    titles = [w.title() for w in dialog.conflict_widgets]
    assert len(titles) == 3
    for title in titles:
        assert "report." not in title and "i-" not in title and "(" not in title
    assert titles[0] == "开头段落（前言）"
    assert titles[1].startswith("一、（一）“健全制度。”") and titles[2].startswith("一、（二）“强化监督。”")
    assert all("i-" in w.toolTip() or "report." in w.toolTip() for w in dialog.conflict_widgets)
