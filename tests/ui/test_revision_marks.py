"""Roll-over marks every part "to revise"; editing its text clears the mark as part of the same undo step,
and the proofreading checks list what is still unrevised."""

from editor.checks import run_checks
from editor.model import FieldRef
from editor.model.yearly import rollover
from editor.templates import load_template
from editor.ui.document import ReportDocument


def test_editing_clears_the_revision_mark_and_undo_restores_it(qtbot):
    report = rollover(load_template("sample-dongguan-2022"))
    doc = ReportDocument(report)
    item = report.sections[0].items[0]
    assert item.needs_revision
    before = sum(1 for f in run_checks(report) if f.code == "revision.pending")
    assert before == sum(1 for _ in report.iter_items()) + len(report.sections)

    doc.set_field(FieldRef(item.id, "lead"), "全面学习贯彻党的二十大精神。")
    assert not item.needs_revision
    after = sum(1 for f in run_checks(report) if f.code == "revision.pending")
    assert after == before - 1

    doc.undo_stack.undo()
    assert item.needs_revision and item.lead != "全面学习贯彻党的二十大精神。"
    doc.undo_stack.redo()
    assert not item.needs_revision


def test_non_text_edits_keep_the_mark(qtbot):
    report = rollover(load_template("sample-dongguan-2022"))
    doc = ReportDocument(report)
    item = report.sections[0].items[0]
    doc.set_field(FieldRef(item.id, "run_in"), False)
    assert item.needs_revision


def test_revision_finding_fix_marks_revised():
    from editor.checks import apply_fix

    report = rollover(load_template("sample-dongguan-2022"))
    finding = next(f for f in run_checks(report) if f.code == "revision.pending")
    assert finding.severity == "info" and "尚未修改" in finding.message
    apply_fix(report, finding.fix)
    node = report.find_node(finding.ref.node)
    assert node.needs_revision is False
    assert not load_template("sample-dongguan-2022").sections[0].needs_revision
    assert not any(f.code == "revision.pending" for f in run_checks(load_template("sample-dongguan-2022")))
