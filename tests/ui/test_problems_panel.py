"""The problems panel: refresh while typing, go-to on double-click, fixes as one undo step."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from PySide6.QtCore import Qt

from editor.model import FieldRef, Item, Report, Section, SectionKind
from editor.ui.document import ReportDocument
from editor.ui.problems_panel import FINDING_ROLE, ProblemsPanel


def _report() -> Report:
    return Report(
        organisations=["某市司法局"], year=2022, signature=["某市司法局"], date=dt.date(2023, 1, 28),
        preamble=["2022年，某市司法局坚持依法行政。"],
        sections=[
            Section(id="s-1", heading="坚持依法行政", kinds=[SectionKind.THEMATIC, SectionKind.LEADERSHIP],
                    items=[Item(id="i-1", lead="深化行政执法改革。", body=["全面推进依法行政。"])]),
            Section(id="s-2", heading="存在的不足和下一步安排",
                    kinds=[SectionKind.SHORTCOMINGS, SectionKind.PLANS, SectionKind.OTHER], intro=["统筹力度仍需加强。"]),
        ],
    )


@pytest.fixture
def panel(qtbot):
    doc = ReportDocument(_report())
    p = ProblemsPanel(doc, delay_ms=30)
    qtbot.addWidget(p)
    p.resize(700, 300)
    p.show()
    with qtbot.waitSignal(p.refreshed, timeout=5000):
        pass
    yield p
    p.shutdown()


BODY = FieldRef("i-1", "body", 0)


def _problems(p: ProblemsPanel) -> list:
    return [f for f in p.findings if f.severity != "info"]


def _errors(p: ProblemsPanel) -> list:
    return [f for f in p.findings if f.severity == "error"]


def test_clean_report_lists_only_notes(panel):
    assert panel.findings and {f.severity for f in panel.findings} == {"info"}
    # every finding is listed (font notices of this computer may sit collapsed in one line)
    assert panel.visible_findings() == panel.findings
    assert not panel.fix_all_button.isEnabled()


@pytest.fixture
def thread_probe():
    """A real rule, registered for the test, that records the thread the checks run in."""
    from editor.checks import RULES, Rule

    seen: list[threading.Thread] = []

    def probe(ctx):
        seen.append(threading.current_thread())
        return []

    RULES.append(Rule("test-probe", probe, "测试"))
    yield seen
    RULES.remove(next(r for r in RULES if r.name == "test-probe"))


def test_refreshes_as_the_user_types_without_blocking(qtbot, panel, thread_probe):
    doc = panel.doc
    for text in ("全面推进依法行政,", "全面推进依法行政,加强", "全面推进依法行政,加强监督(试行)。"):
        doc.set_field(BODY, text)  # typing: each keystroke is an edit
    assert _errors(panel) == []  # nothing ran synchronously inside the edits
    with qtbot.waitSignal(panel.refreshed, timeout=5000):
        pass
    qtbot.waitUntil(lambda: panel.is_current, timeout=5000)
    [err] = _errors(panel)
    assert "半角" in err.message and err.ref == BODY
    assert any("半角" in panel.tree.topLevelItem(i).text(2) for i in range(panel.tree.topLevelItemCount()))
    assert doc.undo_stack.count() == 1  # typing merged into one step; the check changed nothing
    assert thread_probe and all(t is not threading.main_thread() for t in thread_probe)


def test_double_click_emits_goto(qtbot, panel):
    panel.doc.set_field(BODY, "全面推进依法行政,加强监督。")
    qtbot.waitUntil(lambda: panel.is_current and bool(_errors(panel)), timeout=5000)
    target = _errors(panel)[0]
    panel.select_finding(target)
    item = panel.tree.currentItem()
    rect = panel.tree.visualItemRect(item)
    # A real double-click is press, release, double-click (Qt checks the pressed index).
    qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(panel.gotoRequested, timeout=2000) as blocker:
        qtbot.mouseDClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [BODY]


def test_fix_selected_is_one_undo_step(qtbot, panel):
    doc = panel.doc
    doc.set_field(BODY, "全面推进依法行政,加强监督(试行)。")
    qtbot.waitUntil(lambda: panel.is_current and bool(_errors(panel)), timeout=5000)
    count = doc.undo_stack.count()
    panel.select_finding(_errors(panel)[0])
    assert panel.fix_button.isEnabled()
    qtbot.mouseClick(panel.fix_button, Qt.MouseButton.LeftButton)
    assert doc.get(BODY) == "全面推进依法行政，加强监督（试行）。"
    assert doc.undo_stack.count() == count + 1
    qtbot.waitUntil(lambda: panel.is_current and not _errors(panel), timeout=5000)
    doc.undo_stack.undo()
    assert doc.get(BODY) == "全面推进依法行政,加强监督(试行)。"


def test_stale_fix_is_refused(qtbot, panel):
    doc = panel.doc
    doc.set_field(BODY, "全面推进依法行政,加强监督。")
    qtbot.waitUntil(lambda: panel.is_current and bool(_errors(panel)), timeout=5000)
    panel.select_finding(_errors(panel)[0])
    doc.set_field(BODY, "改写了,内容不同。", merge=False)  # the user typed after the check
    assert panel.fix_selected() is False
    assert doc.get(BODY) == "改写了,内容不同。"
    assert "重新检查" in panel.summary.text()


def test_fix_all_in_one_undo_step(qtbot, panel):
    doc = panel.doc
    original = doc.report.model_copy(deep=True)
    doc.set_field(BODY, "（一）全面推进依法行政,加强监督(试行)。", merge=False)
    doc.set_field(FieldRef("s-1", "heading"), "坚持依法行政。", merge=False)
    doc.set_field(FieldRef("report", "preamble", 0), "2022年,某市司法局坚持依法行政。", merge=False)
    qtbot.waitUntil(lambda: panel.is_current and len(_problems(panel)) == 4, timeout=5000)
    assert panel.fix_all_button.isEnabled()
    broken = doc.report.model_copy(deep=True)
    count = doc.undo_stack.count()
    qtbot.mouseClick(panel.fix_all_button, Qt.MouseButton.LeftButton)
    assert doc.undo_stack.count() == count + 1
    assert doc.get(BODY) == "全面推进依法行政，加强监督（试行）。"
    assert doc.report.sections[0].heading == original.sections[0].heading
    assert doc.report.preamble == original.preamble
    qtbot.waitUntil(lambda: panel.is_current, timeout=5000)
    assert [f for f in panel.findings if f.severity != "info"] == []
    doc.undo_stack.undo()
    assert doc.report == broken
    qtbot.waitUntil(lambda: panel.is_current and len(_problems(panel)) == 4, timeout=5000)


def test_filter_and_extra_findings(qtbot, panel):
    from editor.checks import Finding

    extra = Finding("import.numbering_gap", "warning", "五、的事项编号（一）（二）（四）跳过了（三）。",
                    FieldRef("s-2", "heading"), where="五、标题")
    panel.set_extra_findings([extra])
    panel.filter_box.setCurrentIndex(panel.filter_box.findData("warning"))
    assert panel.visible_findings() == [extra]
    panel.filter_box.setCurrentIndex(panel.filter_box.findData(None))
    assert len(panel.visible_findings()) == len(panel.findings) + 1


def test_shutdown_stops_checking(qtbot, panel):
    panel.shutdown()
    panel.doc.set_field(BODY, "全面推进依法行政,加强监督。")
    panel.refresh()
    qtbot.wait(200)
    assert _errors(panel) == [] and not panel._running


# ---------------------------------------------------------------- issue 12: spans; issue 11: ignores, user dictionary
def _window_with(make_window, qtbot, body: str):
    from editor.ui.document import ReportDocument

    r = _report()
    r.sections[0].items[0].body = [body]
    w = make_window(ReportDocument(r))
    w.show()
    panel = w.problems_panel
    panel.refresh()
    qtbot.waitUntil(lambda: panel.is_current and any(f.span for f in panel.findings), timeout=5000)
    return w, panel


def _double_click(qtbot, panel, finding):
    panel.select_finding(finding)
    item = panel.tree.currentItem()
    panel.tree.scrollToItem(item)
    rect = panel.tree.visualItemRect(item)
    qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_double_click_selects_the_exact_span_in_the_form(qtbot, make_window):
    from PySide6.QtWidgets import QApplication

    from editor.model import Metric, metric_token
    from editor.ui.textedit import TokenTextEdit

    w, panel = _window_with(make_window, qtbot, "全面推进依法行政，研究布署重点任务。")
    # a figure chip before the span: the editor shows a token as one character
    w.doc.report.metrics.append(Metric(id="m-1", label="案件", value="12", unit="件"))
    w.doc.set_field(BODY, f"受理案件{metric_token('m-1')}，研究布署重点任务。", merge=False)
    qtbot.waitUntil(lambda: panel.is_current and any(f.code == "word.term" for f in panel.findings), timeout=5000)
    term = next(f for f in panel.findings if f.code == "word.term")
    _double_click(qtbot, panel, term)
    edit = QApplication.focusWidget()
    assert isinstance(edit, TokenTextEdit) and edit.ref.node == "i-1"
    assert edit.textCursor().selectedText() == "布署"
    # a span in the second paragraph of a list field
    w.doc.set_field(BODY.__class__("i-1", "body"), ["全面推进依法行政。", "主要做法如下。开展行动。"], merge=False)
    qtbot.waitUntil(lambda: panel.is_current and any(f.code == "punct.ruxia" for f in panel.findings), timeout=5000)
    _double_click(qtbot, panel, next(f for f in panel.findings if f.code == "punct.ruxia"))
    assert QApplication.focusWidget().textCursor().selectedText() == "如下。"


def test_ignore_here_and_this_kind_through_the_undo_stack(qtbot, panel):
    doc = panel.doc
    doc.set_field(BODY, "研究布署重点任务，不断的加强建设。", merge=False)
    qtbot.waitUntil(lambda: panel.is_current and len(_problems(panel)) == 2, timeout=5000)
    term = next(f for f in _problems(panel) if f.code == "word.term")
    count = doc.undo_stack.count()
    menu = panel.context_menu(term)
    here = menu.findChild(type(menu.actions()[0]), "actionIgnoreHere")
    here.trigger()
    assert doc.undo_stack.count() == count + 1 and doc.modified
    assert [(i.rule, i.where, i.text) for i in doc.report.check_ignores] == [("word.term", "i-1:body[0]", "布署")]
    qtbot.waitUntil(lambda: panel.is_current and [f.code for f in _problems(panel)] == ["word.de"], timeout=5000)
    assert "1" in panel.summary.text()
    de = _problems(panel)[0]
    panel.context_menu(de).findChild(type(here), "actionIgnoreKind").trigger()
    assert doc.report.check_ignores[-1].rule == "word.de" and doc.report.check_ignores[-1].where == ""
    qtbot.waitUntil(lambda: panel.is_current and _problems(panel) == [], timeout=5000)
    doc.undo_stack.undo()
    qtbot.waitUntil(lambda: panel.is_current and [f.code for f in _problems(panel)] == ["word.de"], timeout=5000)
    panel.context_menu(None).findChild(type(here), "actionRestoreIgnored").trigger()
    assert doc.report.check_ignores == []
    qtbot.waitUntil(lambda: panel.is_current and len(_problems(panel)) == 2, timeout=5000)
    # the same text wherever the rule flags it in this report
    doc.set_field(FieldRef("report", "preamble", 0), "研究布署工作。", merge=False)
    qtbot.waitUntil(lambda: panel.is_current and len(_problems(panel)) == 3, timeout=5000)
    term = next(f for f in _problems(panel) if f.code == "word.term")
    panel.context_menu(term).findChild(type(here), "actionIgnoreText").trigger()
    assert (doc.report.check_ignores[-1].where, doc.report.check_ignores[-1].text) == ("", "布署")
    qtbot.waitUntil(lambda: panel.is_current and [f.code for f in _problems(panel)] == ["word.de"], timeout=5000)


def test_add_to_user_dictionary_is_kept_in_settings(qtbot, tmp_path):
    from PySide6.QtCore import QSettings

    from editor.ui.problems_panel import USER_TERMS_KEY

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    r = _report()
    r.sections[0].items[0].body = ["建设法制政府。"]
    p = ProblemsPanel(ReportDocument(r), delay_ms=30, settings=settings)
    qtbot.addWidget(p)
    qtbot.waitUntil(lambda: p.is_current and any(f.code == "word.term" for f in p.findings), timeout=5000)
    term = next(f for f in p.findings if f.code == "word.term")
    act = p.context_menu(term).findChild(type(p.context_menu(term).actions()[0]), "actionAddUserTerm")
    act.trigger()
    assert "!法制政府" in settings.value(USER_TERMS_KEY)
    qtbot.waitUntil(lambda: p.is_current and not any(f.code == "word.term" for f in p.findings), timeout=5000)
    assert p.doc.undo_stack.count() == 0  # the dictionary is the user's, not the project's
    p.shutdown()


def test_font_notices_collapse_into_one_line(qtbot):
    r = _report()
    for role in ("title", "body", "heading1", "heading2"):
        r.format.fonts[role] = f"不存在的字体{role}"
    p = ProblemsPanel(ReportDocument(r), delay_ms=30)
    qtbot.addWidget(p)
    qtbot.waitUntil(lambda: p.is_current, timeout=5000)
    fonts = [f for f in p.findings if f.code == "format.font_missing"]
    assert len(fonts) >= 4
    tops = [p.tree.topLevelItem(i) for i in range(p.tree.topLevelItemCount())]
    groups = [t for t in tops if t.childCount()]
    assert len(groups) == 1 and groups[0].childCount() == len(fonts)
    assert str(len(fonts)) in groups[0].text(2) and not groups[0].isExpanded()
    assert all(t.data(0, FINDING_ROLE) is None or t.data(0, FINDING_ROLE).code != "format.font_missing" for t in tops)
    groups[0].setExpanded(True)  # details on demand
    assert groups[0].child(0).text(2) == fonts[0].message
    p.shutdown()


def test_user_dictionary_dialog_edits_the_settings(qtbot, tmp_path):
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QPlainTextEdit

    from editor.ui.problems_panel import USER_TERMS_KEY

    from uihelpers_a import type_text

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    r = _report()
    r.sections[0].items[0].body = ["推进莞邑条解品牌建设。"]
    p = ProblemsPanel(ReportDocument(r), delay_ms=30, settings=settings)
    qtbot.addWidget(p)
    p.show()
    qtbot.waitUntil(lambda: p.is_current, timeout=5000)
    assert not any(f.code == "word.term" for f in p.findings)
    seen = {}

    def fill():
        dialog = QApplication.activeModalWidget()
        edit = dialog.findChild(QPlainTextEdit, "userDictionaryText")
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        type_text(edit, "错 =>")
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)  # refused: the line is incomplete
        seen["error"] = dialog.findChild(QLabel, "userDictionaryError").text()
        seen["still_open"] = dialog.isVisible()
        edit.selectAll()
        type_text(edit, "莞邑调解")
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, fill)
    qtbot.mouseClick(p.dictionary_button, Qt.MouseButton.LeftButton)
    assert "第1行" in seen["error"] and seen["still_open"]
    assert settings.value(USER_TERMS_KEY) == "莞邑调解"
    qtbot.waitUntil(lambda: p.is_current and any(f.code == "word.term" for f in p.findings), timeout=5000)
    assert next(f for f in p.findings if f.code == "word.term").excerpt == "莞邑条解"
    p.shutdown()
