"""Derived numbering, field addresses, and the paragraph flow shared by export and preview."""

from __future__ import annotations

import datetime as dt

import pytest

from editor.model import (
    FieldRef, FormalInfo, Item, Metric, Report, Section, build_flow, get_field, iter_text_fields, marker,
    number_report, set_field,
)
from editor.model.numbering import cn_number


# ------------------------------------------------------------------ numbering
@pytest.mark.parametrize(
    "n, text",
    [(1, "一"), (2, "二"), (9, "九"), (10, "十"), (11, "十一"), (12, "十二"), (19, "十九"), (20, "二十"),
     (21, "二十一"), (99, "九十九"), (100, "一百"), (101, "一百零一"), (1000, "一千"), (10000, "一万")],
)
def test_cn_number(n, text):
    assert cn_number(n) == text


def test_markers_per_level():
    assert [marker(1, n) for n in (1, 10, 21)] == ["一、", "十、", "二十一、"]
    assert [marker(2, n) for n in (1, 11)] == ["（一）", "（十一）"]
    assert [marker(3, n) for n in (1, 12)] == ["1.", "12."]
    assert [marker(4, n) for n in (1, 12)] == ["（1）", "（12）"]
    assert marker(5, 1) == ""


def _tree() -> Report:
    return Report(sections=[
        Section(id="s-a", items=[
            Item(id="i-1", children=[Item(id="i-1a"), Item(id="i-1b", children=[Item(id="i-1b1"), Item(id="i-1b2")])]),
            Item(id="i-x", numbered=False),
            Item(id="i-2", children=[Item(id="i-2a"), Item(id="i-2u", numbered=False), Item(id="i-2b")]),
        ]),
        Section(id="s-u", numbered=False, items=[Item(id="i-u1")]),
        Section(id="s-b", items=[Item(id="i-b1", children=[Item(id="i-b1a")])]),
    ])


def test_number_report_counts_only_numbered_siblings():
    nums = number_report(_tree())
    assert nums["s-a"] == "一、" and nums["s-u"] == "" and nums["s-b"] == "二、"
    assert nums["i-1"] == "（一）" and nums["i-x"] == "" and nums["i-2"] == "（二）"
    assert nums["i-1a"] == "1." and nums["i-1b"] == "2."
    assert nums["i-1b1"] == "（1）" and nums["i-1b2"] == "（2）"
    assert nums["i-2a"] == "1." and nums["i-2u"] == "" and nums["i-2b"] == "2."  # restarts under each item
    assert nums["i-u1"] == "（一）" and nums["i-b1"] == "（一）" and nums["i-b1a"] == "1."


def test_continuous_level3_numbering():
    r = _tree()
    r.format.continuous_level3 = True
    nums = number_report(r)
    assert [nums[i] for i in ("i-1a", "i-1b", "i-2a", "i-2u", "i-2b")] == ["1.", "2.", "3.", "", "4."]
    assert nums["i-1b1"] == "（1）"  # level 4 still restarts


def test_twenty_one_sections():
    r = Report(sections=[Section() for _ in range(21)])
    nums = number_report(r)
    assert [nums[s.id] for s in r.sections][-3:] == ["十九、", "二十、", "二十一、"]


def test_deep_items_stay_at_level_four():
    deep = Item(id="i-5")
    r = Report(sections=[Section(items=[Item(children=[Item(children=[Item(children=[deep])])])])])
    assert number_report(r)["i-5"] == "（1）"


# ------------------------------------------------------------------ refs
def _report() -> Report:
    return Report(
        organisations=["某市司法局"], preamble=["前言一", "前言二"],
        sections=[Section(id="s-1", heading="标题一", intro=["引言"],
                          items=[Item(id="i-1", lead="领句。", body=["正文一", "正文二"],
                                      children=[Item(id="i-1a", lead="子项。", body=["子正文"])]),
                                 Item(id="i-2", lead="第二项。")])],
        closing=["特此报告。"], signature=["某市司法局"], notes=["（此件公开发布）"],
        metrics=[Metric(id="m-a", label="甲", value="3", unit="件")],
    )


def test_get_and_set_fields():
    r = _report()
    assert get_field(r, FieldRef("i-1", "body", 1)) == "正文二"
    set_field(r, FieldRef("i-1", "body", 1), "改后")
    assert r.sections[0].items[0].body == ["正文一", "改后"]
    set_field(r, FieldRef("i-1a", "lead"), "新子项。")
    assert r.sections[0].items[0].children[0].lead == "新子项。"
    set_field(r, FieldRef("s-1", "heading"), "新标题")
    assert get_field(r, FieldRef("s-1", "heading")) == "新标题"
    set_field(r, FieldRef("m-a", "value"), "4")
    assert r.metric("m-a").value == "4"
    set_field(r, FieldRef("report", "preamble", 0), "新前言")
    assert r.preamble == ["新前言", "前言二"]


def test_nested_fields():
    r = _report()
    set_field(r, FieldRef("report", "formal.doc_number"), "某司〔2023〕5号")
    assert r.formal.doc_number == "某司〔2023〕5号"
    assert get_field(r, FieldRef("report", "formal.doc_number")) == "某司〔2023〕5号"
    set_field(r, FieldRef("report", "format.fonts.body"), "仿宋")
    assert r.format.fonts["body"] == "仿宋" and r.format.font("body") == "仿宋"
    assert get_field(r, FieldRef("report", "format.fonts.title")) == "方正小标宋简体"


def test_unknown_node_raises():
    with pytest.raises(KeyError):
        get_field(_report(), FieldRef("i-none", "lead"))


def test_fieldref_str():
    assert str(FieldRef("i-1", "body", 2)) == "i-1:body[2]"
    assert str(FieldRef("report", "formal.doc_number")) == "report:formal.doc_number"


def test_iter_text_fields_in_document_order():
    r = _report()
    got = [(str(ref), text) for ref, text in iter_text_fields(r)]
    assert got == [
        ("report:title_override", ""),
        ("report:preamble[0]", "前言一"), ("report:preamble[1]", "前言二"),
        ("s-1:heading", "标题一"), ("s-1:intro[0]", "引言"),
        ("i-1:lead", "领句。"), ("i-1:body[0]", "正文一"), ("i-1:body[1]", "正文二"),
        ("i-1a:lead", "子项。"), ("i-1a:body[0]", "子正文"),
        ("i-2:lead", "第二项。"),
        ("report:closing[0]", "特此报告。"), ("report:signature[0]", "某市司法局"),
        ("report:notes[0]", "（此件公开发布）"),
    ]
    # every address reads back the text it was listed with
    for ref, text in iter_text_fields(r):
        assert get_field(r, ref) == text
    assert list(r.text_fields()) == list(iter_text_fields(r))


# ------------------------------------------------------------------ flow
def test_flow_run_in_item_roles():
    r = _report()
    r.sections[0].items[0].body[0] = "共办{{m:m-a}}。"
    blocks = build_flow(r, "public")
    item = next(b for b in blocks if b.node == "i-1" and b.kind == "item")
    assert item.text == "（一）领句。共办3件。" and item.level == 2
    assert [(x.text, x.role) for x in item.runs] == [("（一）", "lead"), ("领句。", "lead"), ("共办", "text"),
                                                     ("3件", "text"), ("。", "text")]
    assert item.runs[3].seg == "metric" and item.runs[3].metric_id == "m-a"
    assert item.ref == FieldRef("i-1", "lead")
    rest = [b for b in blocks if b.node == "i-1" and b.kind == "body"]
    assert [b.text for b in rest] == ["正文二"] and rest[0].ref == FieldRef("i-1", "body", 1)
    child = next(b for b in blocks if b.node == "i-1a")
    assert child.kind == "item" and child.level == 3 and child.text == "1.子项。子正文"
    # marker and lead of a level-3 item carry the lead role (仿宋, bold when bold_level3); body does not
    assert [(x.text, x.role) for x in child.runs] == [("1.", "lead"), ("子项。", "lead"), ("子正文", "text")]


def test_flow_stand_alone_heading2():
    r = _report()
    r.sections[0].items[0].run_in = False
    blocks = build_flow(r)
    own = [b for b in blocks if b.node == "i-1"]
    assert [(b.kind, b.text) for b in own] == [("heading2", "（一）领句。"), ("body", "正文一"), ("body", "正文二")]


def test_flow_document_order_public():
    r = _report()
    r.date = dt.date(2023, 1, 8)
    kinds = [(b.kind, b.text) for b in build_flow(r, "public")]
    assert kinds == [
        ("title", "某市司法局2022年法治政府建设年度报告"), ("title_gap", ""),
        ("body", "前言一"), ("body", "前言二"), ("heading1", "一、标题一"), ("body", "引言"),
        ("item", "（一）领句。正文一"), ("body", "正文二"), ("item", "1.子项。子正文"), ("item", "（二）第二项。"),
        ("body", "特此报告。"), ("signature", "某市司法局"), ("date", "2023年1月8日"), ("note", "（此件公开发布）"),
    ]


def test_flow_formal_blocks():
    r = _report()
    r.formal = FormalInfo(doc_number="某司〔2023〕5号", recipients="市人民政府：", cc="省司法厅",
                          printer="某市司法局办公室", print_date=dt.date(2023, 2, 1))
    blocks = build_flow(r, "formal")
    kinds = [b.kind for b in blocks]
    assert kinds[:6] == ["issuer_mark", "doc_number", "red_rule", "title", "title_gap", "recipients"]
    by = {b.kind: b for b in blocks}
    assert by["issuer_mark"].text == "某市司法局文件"
    assert by["recipients"].text == "市人民政府："
    assert by["colophon_cc"].text == "抄送：省司法厅。"
    assert by["colophon_print"].text == "某市司法局办公室\t2023年2月1日印发"
    assert kinds[-2:] == ["colophon_cc", "colophon_print"]
    public = [b.kind for b in build_flow(r, "public")]
    assert not {"issuer_mark", "doc_number", "red_rule", "recipients", "colophon_cc"} & set(public)
    r.edition = "formal"
    assert [b.kind for b in build_flow(r)] == kinds  # default edition from the report


def test_flow_unnumbered_section_and_title_override():
    r = _report()
    r.title_override = "某市司法局\n关于2022年度法治政府建设情况的报告"
    r.sections.append(Section(numbered=False, heading="", intro=["不足段落。"], items=[Item(lead="下年安排。")]))
    blocks = build_flow(r)
    assert [b.text for b in blocks if b.kind == "title"] == ["某市司法局", "关于2022年度法治政府建设情况的报告"]
    i = [b.text for b in blocks].index("不足段落。")
    assert blocks[i].kind == "body" and blocks[i - 1].kind != "heading1"
    assert blocks[i + 1].text == "（一）下年安排。"


def test_continuous_level3_restarts_in_each_section():
    from editor.model import Item, Report, Section, number_report

    a1, a2, b1, c1 = Item(), Item(), Item(), Item()
    r = Report(sections=[
        Section(items=[Item(children=[a1, a2]), Item(children=[b1])]),
        Section(items=[Item(children=[c1])]),
    ])
    r.format.continuous_level3 = True
    numbers = number_report(r)
    assert [numbers[i.id] for i in (a1, a2, b1, c1)] == ["1.", "2.", "3.", "1."]
    r.format.continuous_level3 = False
    numbers = number_report(r)
    assert [numbers[i.id] for i in (a1, a2, b1, c1)] == ["1.", "2.", "1.", "1."]
