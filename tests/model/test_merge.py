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
