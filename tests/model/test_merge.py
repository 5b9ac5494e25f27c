"""Merging colleagues' copies of the same template: API and command line."""

from __future__ import annotations

import pytest

from editor import cli
from editor.model import Item, Metric, Report, Section
from editor.model.merge import MAIN, MergeConflictsUnresolved, apply_merge, plan_merge
from editor.storage import read_project, write_project


def _template() -> Report:
    return Report(
        organisations=["某局"],
        year=2023,
        sections=[
            Section(id="s-a", heading="推进依法行政", items=[Item(id="i-a1", lead=""), Item(id="i-a2", lead="")]),
            Section(id="s-b", heading="法律服务", items=[Item(id="i-b1", lead="")]),
        ],
        metrics=[Metric(id="m-cases", label="收办复议申请", unit="件"), Metric(id="m-law", label="律师人数", unit="人")],
    )


def _copies():
    main = _template()
    main.sections[0].items[0].lead = "健全制度。"
    main.sections[0].items[0].body = ["收办复议申请{{m:m-cases}}。"]
    main.metrics[0].value = "2041"
    office = _template()
    office.sections[0].items[1].lead = "强化监督。"  # filled only by the office: taken without asking
    office.sections[0].items[1].body = ["开展督察。"]
    office.sections[1].items[0].lead = "加强律师管理。"
    office.sections[1].items[0].body = ["现有律师{{m:m-law}}。"]
    office.metrics[0].value = "2050"  # a different figure: a conflict
    office.metrics[1].value = "4936"
    office.sections[1].items.append(Item(id="i-new", lead="新增的条目。"))
    return main, office


def test_plan_and_apply_both_ways():
    main, office = _copies()
    plan = plan_merge(main, [("office.fzbg", office)])
    assert [c.key for c in plan.conflicts] == ["m-cases"]
    c = plan.conflicts[0]
    assert c.kind == "metric" and c.options == {"main": "2041件", "office.fzbg": "2050件"}
    with pytest.raises(MergeConflictsUnresolved):
        apply_merge(plan, {})
    for choice, value in ((MAIN, "2041"), ("office.fzbg", "2050")):
        merged = apply_merge(plan, {"m-cases": choice})
        assert merged.metric("m-cases").value == value
        assert merged.metric("m-law").value == "4936"
        a = merged.sections[0].items
        assert [i.lead for i in a] == ["健全制度。", "强化监督。"]
        assert [i.lead for i in merged.sections[1].items] == ["加强律师管理。", "新增的条目。"]
    assert main.metric("m-cases").value == "2041"  # inputs untouched


def test_item_conflict_side_by_side_and_match_by_text():
    main, office = _copies()
    office.sections[0].items[0].body = ["收办复议申请{{m:m-cases}}，办结率高。"]
    # a colleague who started from a different file: ids differ, heading/lead/label match
    other = Report(
        organisations=["某局"], year=2023,
        sections=[Section(heading="推进依法行政", items=[Item(lead="健全制度。", body=["另一种写法{{m:m-x}}。"])])],
        metrics=[Metric(id="m-x", label="收办复议申请", value="2041", unit="件")],
    )
    plan = plan_merge(main, [("office", office), ("other", other)])
    keys = {c.key: c for c in plan.conflicts}
    assert set(keys) == {"i-a1", "m-cases"}
    assert set(keys["i-a1"].options) == {"main", "office", "other"}
    assert "另一种写法" in keys["i-a1"].options["other"]
    merged = apply_merge(plan, {"i-a1": "other", "m-cases": "main"})
    body = merged.sections[0].items[0].body[0]
    assert body == "另一种写法{{m:m-cases}}。"  # the other project's metric id was mapped to main's
    assert [m.id for m in merged.metrics] == ["m-cases", "m-law"]


def _write(tmp_path, main, office):
    a, b = tmp_path / "main.fzbg", tmp_path / "office.fzbg"
    write_project(a, main, backup=False)
    write_project(b, office, backup=False)
    return a, b


def test_cli_lists_conflicts_and_writes_nothing(tmp_path, capsys):
    a, b = _write(tmp_path, *_copies())
    out = tmp_path / "merged.fzbg"
    assert cli.main(["merge", str(a), str(b), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "冲突 m-cases" in err and "2041件" in err and "2050件" in err
    assert not out.exists()


@pytest.mark.parametrize("how", ["prefer-main", "prefer-other", "resolve-main", "resolve-other"])
def test_cli_settles_both_ways(tmp_path, capsys, how):
    a, b = _write(tmp_path, *_copies())
    out = tmp_path / "merged.fzbg"
    args = {
        "prefer-main": ["--prefer", "main"],
        "prefer-other": ["--prefer", str(b)],
        "resolve-main": ["--resolve", "m-cases=main"],
        "resolve-other": ["--resolve", f"m-cases={b}"],
    }[how]
    assert cli.main(["merge", str(a), str(b), "-o", str(out), *args]) == 0
    merged = read_project(out)
    assert merged.metric("m-cases").value == ("2041" if how.endswith("main") else "2050")
    assert merged.metric("m-law").value == "4936"
    assert "已合并到" in capsys.readouterr().out


def test_cli_bad_resolution(tmp_path, capsys):
    a, b = _write(tmp_path, *_copies())
    out = tmp_path / "merged.fzbg"
    assert cli.main(["merge", str(a), str(b), "-o", str(out), "--resolve", "m-nope=main"]) == 1
    assert "m-nope" in capsys.readouterr().err
    assert cli.main(["merge", str(a), str(b), "-o", str(out), "--prefer", "elsewhere.fzbg"]) == 1
    assert not out.exists()


def test_section_conflict_and_added_section_position():
    main, office = _copies()
    office.sections[1].intro = ["同事写的开头段落。"]
    main.sections[1].intro = ["主项目的开头段落。"]
    office.sections.insert(1, Section(id="s-new", heading="新增部分", items=[Item(lead="新内容。")]))
    plan = plan_merge(main, [("office", office)])
    keys = {c.key: c for c in plan.conflicts}
    assert keys["s-b"].kind == "section" and "同事写的开头段落。" in keys["s-b"].options["office"]
    assert any("新增部分" in line for line in plan.added)
    merged = apply_merge(plan, {"s-b": "office", "m-cases": "main"})
    assert [s.heading for s in merged.sections] == ["推进依法行政", "新增部分", "法律服务"]
    assert merged.sections[2].intro == ["同事写的开头段落。"]
    # identical copies merge without any conflict and change nothing
    same = plan_merge(main, [("copy", main.model_copy(deep=True))])
    assert same.conflicts == [] and apply_merge(same).model_dump() == main.model_dump()


# ------------------------------------------------------------------ issue 9 point 11, issue 12 (merge)
def test_note_and_source_are_changes_like_any_other():
    """A colleague's note or source was silently dropped; both sides changing it is a conflict."""
    main, office = _copies()
    office.metrics[1].note = "含兼职律师"  # only the office wrote a note: taken
    office.metrics[1].source = "律管科"
    plan = plan_merge(main, [("office", office)])
    assert {c.key for c in plan.conflicts} == {"m-cases"}
    merged = apply_merge(plan, {"m-cases": "main"})
    assert merged.metric("m-law").note == "含兼职律师" and merged.metric("m-law").source == "律管科"
    assert any("备注" in line and "office" in line for line in plan.taken)
    # both sides wrote a different note / source: each is a conflict of its own, settled either way
    main.metrics[1].note, main.metrics[1].source = "主项目的备注", "办公室"
    plan = plan_merge(main, [("office", office)])
    keys = {c.key: c for c in plan.conflicts}
    assert set(keys) == {"m-cases", "m-law.note", "m-law.source"}
    assert keys["m-law.note"].options == {"main": "主项目的备注", "office": "含兼职律师"}
    assert "备注" in keys["m-law.note"].title and "律师人数" in keys["m-law.note"].title
    merged = apply_merge(plan, {"m-cases": "main", "m-law.note": "office", "m-law.source": "main"})
    m = merged.metric("m-law")
    assert (m.note, m.source, m.value) == ("含兼职律师", "办公室", "4936")


def test_relabelled_metric_is_matched_by_id_not_duplicated():
    main, office = _copies()
    office.metrics[0].label = "行政复议申请数"  # a colleague renamed it; same id
    office.metrics[0].value = "2041"
    plan = plan_merge(main, [("office", office)])
    assert [c.key for c in plan.conflicts] == ["m-cases.label"]
    assert not any("指标" in line for line in plan.added)
    for side, label in (("main", "收办复议申请"), ("office", "行政复议申请数")):
        merged = apply_merge(plan, {"m-cases.label": side})
        assert [m.id for m in merged.metrics] == ["m-cases", "m-law"]
        assert merged.metric("m-cases").label == label and merged.metric("m-cases").value == "2041"
    # a label filled in on one side only is taken without asking
    main.metrics[1].label = ""
    office.metrics[1].label = "执业律师人数"
    merged = apply_merge(plan_merge(main, [("office", office)]), {"m-cases.label": "main"})
    assert merged.metric("m-law").label == "执业律师人数" and len(merged.metrics) == 2


def test_edits_to_different_sub_items_never_conflict():
    main, office = _copies()
    parent = main.sections[1].items[0]
    parent.lead = "加强律师管理。"
    parent.children = [Item(id="i-c1", lead="一是。"), Item(id="i-c2", lead="二是。")]
    office.sections[1].items[0].children = [c.model_copy(deep=True) for c in parent.children]
    main.sections[1].items[0].children[0].body = ["主项目写的第一条。"]
    office.sections[1].items[0].children[1].body = ["同事写的第二条。"]
    office.sections[1].items[0].children.append(Item(id="i-c3", lead="三是。"))
    plan = plan_merge(main, [("office", office)])
    assert {c.key for c in plan.conflicts} == {"m-cases"}
    merged = apply_merge(plan, {"m-cases": "main"})
    kids = merged.sections[1].items[0].children
    assert [k.lead for k in kids] == ["一是。", "二是。", "三是。"]
    assert kids[0].body == ["主项目写的第一条。"] and kids[1].body == ["同事写的第二条。"]
    assert merged.sections[1].items[0].lead == "加强律师管理。"


def test_moved_item_matched_by_id_and_new_items_keep_their_order():
    main, office = _copies()
    moved = office.sections[0].items.pop(0)  # the colleague moved 健全制度 to the second section and edited it
    moved.body = ["收办复议申请{{m:m-cases}}，办结率高。"]
    office.sections[1].items.append(moved)
    office.sections[0].items[0:0] = [Item(id="i-n1", lead="新一。"), Item(id="i-n2", lead="新二。")]
    plan = plan_merge(main, [("office", office)])
    assert {c.key for c in plan.conflicts} == {"i-a1", "m-cases"}
    merged = apply_merge(plan, {"i-a1": "office", "m-cases": "main"})
    leads = [i.lead for i in merged.sections[0].items]
    assert leads == ["新一。", "新二。", "健全制度。", "强化监督。"]  # not duplicated; main's position kept
    assert merged.sections[0].items[2].body == ["收办复议申请{{m:m-cases}}，办结率高。"]
    assert sum(1 for _s, chain in merged.iter_items() if chain[-1].id == "i-a1") == 1


def test_section_outro_and_report_title_are_merged():
    main, office = _copies()
    office.sections[0].outro = ["下一步，我局将继续……。"]
    office.title_override = "某局2023年度法治政府建设情况的报告"
    merged = apply_merge(plan_merge(main, [("office", office)]), {"m-cases": "main"})
    assert merged.sections[0].outro == ["下一步，我局将继续……。"]
    assert merged.title_override == "某局2023年度法治政府建设情况的报告"
    main.sections[0].outro = ["主项目的结尾。"]
    plan = plan_merge(main, [("office", office)])
    assert "s-a.outro" in {c.key for c in plan.conflicts}


def test_conflicts_show_figures_not_markup(tmp_path, capsys):
    main, office = _copies()
    office.sections[0].items[0].body = ["收办复议申请{{m:m-cases}}，{{chg:m-cases}}。"]
    main.metrics[0].last_value = "1240"
    plan = plan_merge(main, [("office", office)])
    c = plan.conflict("i-a1")
    assert c.options["main"] == "健全制度。收办复议申请2041件。"
    assert c.options["office"] == "收办复议申请2050件，【待填：收办复议申请（上年）】。"
    assert not any("{{" in text for c in plan.conflicts for text in c.options.values())
    a, b = _write(tmp_path, main, office)
    assert cli.main(["merge", str(a), str(b), "-o", str(tmp_path / "m.fzbg")]) == 1
    err = capsys.readouterr().err
    assert "收办复议申请2050件" in err and "{{" not in err


def test_template_heading_and_paragraphs_written_on_one_side_do_not_conflict():
    """Copies of one template keep its headings; intro written by one side, a lead by the other."""
    main, office = _copies()
    main.sections[1].intro = ["主项目写的开头。"]
    office.sections[0].items[0].lead = "健全制度。"  # the same lead as main
    office.sections[0].items[0].body = []  # main wrote the body, the office did not
    office.sections[0].items[0].run_in = False
    plan = plan_merge(main, [("office", office)])
    assert {c.key for c in plan.conflicts} == {"m-cases"}
    merged = apply_merge(plan, {"m-cases": "main"})
    assert merged.sections[1].heading == "法律服务" and merged.sections[1].intro == ["主项目写的开头。"]
    item = merged.sections[0].items[0]
    assert item.body == ["收办复议申请{{m:m-cases}}。"] and item.run_in is True  # run-in goes with main's body


def test_merged_report_has_unique_ids_and_loads(tmp_path):
    """An added section that brings along an item main also has (moved by the colleague) must not give
    the merged project duplicate ids: the project could not be opened again (duplicate ids are damage)."""
    main, office = _copies()
    office.sections.append(Section(id="s-new", heading="新增部分", items=[main.sections[0].items[1].model_copy()]))
    merged = apply_merge(plan_merge(main, [("office", office)]), {"m-cases": "main"})
    ids = [s.id for s in merged.sections] + [c[-1].id for _s, c in merged.iter_items()] + [m.id for m in merged.metrics]
    assert len(ids) == len(set(ids))
    path = tmp_path / "merged.fzbg"
    write_project(path, merged)
    assert read_project(path).model_dump() == merged.model_dump()


def test_last_year_value_from_one_side_and_figure_from_the_other():
    """One office often supplies only last year's figures: not a conflict with this year's value."""
    main, office = _copies()
    office.metrics[0].value = None
    office.metrics[0].last_value = "1240"
    plan = plan_merge(main, [("office", office)])
    assert plan.conflicts == []
    merged = apply_merge(plan)
    m = merged.metric("m-cases")
    assert (m.value, m.last_value) == ("2041", "1240")
    assert any("上年数值" in line for line in plan.taken)
    # both sides with a different last-year value: a conflict of its own, shown with the unit
    main.metrics[0].last_value = "1200"
    c = plan_merge(main, [("office", office)]).conflicts
    assert [x.key for x in c] == ["m-cases.last"] and c[0].options == {"main": "1200件", "office": "1240件"}


def test_combined_figures_never_give_a_change_the_editor_cannot_write(tmp_path):
    main, office = _copies()
    main.metrics[0].value = "9999999999"
    office.metrics[0].value = None
    office.metrics[0].last_value = "0.001"  # with main's value: a change of 16 digits
    merged = apply_merge(plan_merge(main, [("office", office)]))
    assert merged.metric("m-cases").value == "9999999999" and merged.metric("m-cases").last_value is None
    path = tmp_path / "m.fzbg"
    write_project(path, merged)
    read_project(path)  # loads: no figure out of range


def test_cli_texts_that_read_the_same_are_settled_not_conflicts(tmp_path, capsys):
    """Two versions whose texts read the same once the figures are written out (they refer to different
    metrics with the same figure) are not a conflict: the current project's text is kept and the output says so."""
    main, office = _copies()
    office.sections[0].items[0].lead = "健全制度。"
    office.metrics.append(Metric(id="m-other", label="复议申请数", unit="件", value="2041"))
    office.metrics[0].value = "2041"
    office.sections[0].items[0].body = ["收办复议申请{{m:m-other}}。"]
    a, b = _write(tmp_path, main, office)
    out = tmp_path / "merged.fzbg"
    assert cli.main(["merge", str(a), str(b), "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "读起来相同" in printed and "健全制度" in printed and "保留当前项目的文字" in printed
    assert read_project(out).sections[0].items[0].body == ["收办复议申请{{m:m-cases}}。"]
    # a different figure still is a conflict
    office.metrics[-1].value = "2050"
    a, b = _write(tmp_path, main, office)
    assert cli.main(["merge", str(a), str(b), "-o", str(tmp_path / "m2.fzbg")]) == 1
    assert "2050件" in capsys.readouterr().err
