"""Each proofreading rule: a case that fires and a case that must not."""

from __future__ import annotations

import datetime as dt

import pytest

from editor.checks import Finding, Fix, StaleFixError, apply_fix, fix_all, run_checks
from editor.model import FieldRef, Item, Metric, Report, Section, SectionKind, get_field, metric_token


def make_report(body: str = "全面推进依法行政，取得明显成效。", **kw) -> Report:
    """A small clean report with all five required kinds; ``body`` is the first item's body."""
    r = Report(
        organisations=["某市司法局"], year=2022, signature=["某市司法局"], date=dt.date(2023, 1, 28),
        preamble=["2022年，某市司法局坚持依法行政。现将有关情况报告如下："],
        sections=[
            Section(id="s-1", heading="坚持依法行政，推进法治政府建设", kinds=[SectionKind.THEMATIC],
                    items=[Item(id="i-1", lead="深化行政执法改革。", body=[body]),
                           Item(id="i-2", lead="加强法治督察。", body=["认真落实第一责任人职责。"],
                                kinds=[SectionKind.LEADERSHIP])]),
            Section(id="s-2", heading="存在的不足和原因", kinds=[SectionKind.SHORTCOMINGS], intro=["统筹力度仍需加强。"]),
            Section(id="s-3", heading="2023年主要安排", kinds=[SectionKind.PLANS], intro=["继续推进法治建设。"]),
            Section(id="s-4", heading="其他需要报告的情况", kinds=[SectionKind.OTHER], intro=["无。"]),
        ],
    )
    for k, v in kw.items():
        setattr(r, k, v)
    return r


def codes(report: Report, rules=None) -> list[str]:
    return [f.code for f in run_checks(report, rules=rules)]


def find(report: Report, code: str, rules=None) -> list[Finding]:
    return [f for f in run_checks(report, rules=rules) if f.code == code]


def test_clean_report_has_no_errors_or_warnings():
    found = [f for f in run_checks(make_report()) if f.severity != "info"]
    assert found == []


# ---------------------------------------------------------------- punctuation
def test_halfwidth_punctuation_flagged_with_banjiao_and_fixed():
    r = make_report('收到申请,依法办理(含复核);问:是否"满意"?')
    [f] = find(r, "punct.halfwidth")
    assert f.severity == "error" and "半角" in f.message
    assert f.ref == FieldRef("i-1", "body", 0) and f.where == "一、（一）正文第1段"
    apply_fix(r, f.fix)
    assert r.sections[0].items[0].body[0] == "收到申请，依法办理（含复核）；问：是否“满意”？"
    assert find(r, "punct.halfwidth") == []


def test_halfwidth_leaves_numbers_tokens_and_latin_alone():
    m = Metric(id="m-a", label="办理案件数", value="1000", unit="件")
    r = make_report("办理案件{{m:m-a}}，时间为10:30，共1,000件。", metrics=[m])
    assert find(r, "punct.halfwidth") == []
    r2 = make_report("It's fine, really.")  # no Chinese: not Chinese text
    assert find(r2, "punct.halfwidth") == []


def test_halfwidth_fix_does_not_touch_token_colon():
    m = Metric(id="m-a", label="办理案件数", value="1000", unit="件")
    r = make_report("办理案件{{m:m-a}},效果明显。", metrics=[m])
    [f] = find(r, "punct.halfwidth")
    apply_fix(r, f.fix)
    assert r.sections[0].items[0].body[0] == "办理案件{{m:m-a}}，效果明显。"


@pytest.mark.parametrize("text, fragment", [
    ("印发《工作方案的通知。", "《"),
    ("开展“双报告制度。", "“"),
    ("开展工作）。", "）"),
    ("开展（“双报告）”工作。", "“"),
])
def test_unbalanced_pairs(text, fragment):
    [f] = find(make_report(text), "punct.unbalanced")
    assert f.severity == "error" and fragment in f.message


def test_balanced_nested_pairs_not_flagged():
    assert find(make_report("制定《学习〈习近平谈治国理政〉计划》（试行），开展“普法”活动。"), "punct.unbalanced") == []


def test_manual_marker_in_lead_and_heading():
    r = make_report()
    r.sections[0].items[0].lead = "（一）深化行政执法改革。"
    r.sections[1].heading = "二、存在的不足和原因"
    found = find(r, "punct.manual_number")
    assert [f.ref for f in found] == [FieldRef("i-1", "lead"), FieldRef("s-2", "heading")]
    assert all(f.severity == "error" for f in found)
    fix_all(r)
    assert r.sections[0].items[0].lead == "深化行政执法改革。"
    assert r.sections[1].heading == "存在的不足和原因"


def test_manual_marker_not_flagged_for_ordinary_text():
    r = make_report("一是加强学习；二是完善制度。")
    r.sections[0].items[0].lead = "一体推进法治建设。"
    assert find(r, "punct.manual_number") == []


# ---------------------------------------------------------------- enumerations
def test_enumeration_gap_chinese():
    [f] = find(make_report("一是加强学习；三是完善制度。"), "enum.gap")
    assert "二是" in f.message and f.severity == "warning"


def test_enumeration_across_paragraphs_ok_and_gap():
    r = make_report("一是加强学习。")
    r.sections[0].items[0].body.append("二是完善制度；三是强化监督。")
    assert find(r, "enum.gap") == []
    r.sections[0].items[0].body.append("五是狠抓落实。")
    [f] = find(r, "enum.gap")
    assert "四是" in f.message and f.ref == FieldRef("i-1", "body", 2)


def test_enumeration_arabic_gap():
    [f] = find(make_report("主要做法：1.加强学习；2.完善制度；4.强化监督。"), "enum.arabic_gap")
    assert "3." in f.message
    assert find(make_report("主要做法：1.加强学习；2.完善制度；3.强化监督，增长2.5万人次。"), "enum.arabic_gap") == []


def test_words_containing_shi_are_not_enumerations():
    assert find(make_report("统一是基础，唯一是关键；三是重点。"), "enum.gap") == []


# ---------------------------------------------------------------- structure and heading punctuation
def test_empty_section_and_item():
    r = make_report()
    r.sections.append(Section(id="s-5", heading="新的部分"))
    r.sections[0].items.append(Item(id="i-3"))
    found = run_checks(r, rules=["structure"])
    assert {(f.code, f.ref.node) for f in found} == {("structure.empty_section", "s-5"), ("structure.empty_item", "i-3")}


def test_level1_heading_ending_with_period():
    r = make_report()
    r.sections[0].heading += "。"
    [f] = find(r, "heading.level1_end")
    apply_fix(r, f.fix)
    assert r.sections[0].heading == "坚持依法行政，推进法治政府建设"


def test_run_in_lead_must_end_with_period_and_standalone_must_not():
    r = make_report()
    r.sections[0].items[0].lead = "深化行政执法改革"
    [f] = find(r, "heading.lead_end")
    apply_fix(r, f.fix)
    assert r.sections[0].items[0].lead == "深化行政执法改革。"
    r.sections[0].items[0].run_in = False
    [g] = find(r, "heading.standalone_end")
    apply_fix(r, g.fix)
    assert r.sections[0].items[0].lead == "深化行政执法改革"
    assert codes(r, ["structure"]) == []


# ---------------------------------------------------------------- metrics
def test_token_without_value_and_unknown_token():
    r = make_report("办理案件{{m:m-a}}，另有{{m:m-gone}}。", metrics=[Metric(id="m-a", label="案件数", unit="件")])
    found = {f.code: f for f in run_checks(r, rules=["metric_values"])}
    assert found["metric.missing_value"].ref == FieldRef("m-a", "value")
    assert "案件数" in found["metric.missing_value"].message
    assert found["metric.unknown"].ref == FieldRef("i-1", "body", 0)
    r.metrics[0].value = "12"
    r.sections[0].items[0].body[0] = "办理案件{{m:m-a}}。"
    assert codes(r, ["metric_values"]) == []


def test_change_token_needs_last_year():
    r = make_report("办理案件{{m:m-a}}，{{chg:m-a}}。", metrics=[Metric(id="m-a", label="案件数", value="12", unit="件")])
    [f] = find(r, "metric.missing_value")
    assert f.ref == FieldRef("m-a", "last_value")


def test_unused_metric():
    r = make_report(metrics=[Metric(id="m-a", label="案件数", value="12", unit="件")])
    [f] = find(r, "metric.unused")
    assert "案件数" in f.message
    r.sections[0].items[0].body[0] = "办理案件{{m:m-a}}。"
    assert find(r, "metric.unused") == []


def test_bad_value_and_its_fix():
    r = make_report("办理{{m:m-a}}。", metrics=[Metric(id="m-a", label="案件数", value="13,626", unit="件")])
    [f] = find(r, "metric.bad_value")
    assert f.severity == "error" and "逗号" in f.message
    apply_fix(r, f.fix)
    assert r.metrics[0].value == "13626"
    assert find(r, "metric.bad_value") == []


def _change_report(text: str, **metric) -> Report:
    m = Metric(id="m-a", label="收办行政复议申请", unit="件", **metric)
    return make_report(text.replace("TOKEN", metric_token("m-a")), metrics=[m])


def test_stated_change_that_follows_is_not_flagged():
    assert find(_change_report("收办申请TOKEN，同比增长64.6%。", value="2041", last_value="1240"),
                "metric.change_mismatch") == []
    # written to whole per cent: 64.6 rounds to 65
    assert find(_change_report("收办申请TOKEN，同比增长65%。", value="2041", last_value="1240"),
                "metric.change_mismatch") == []


def test_stated_change_that_does_not_follow_is_flagged_and_fixed():
    r = _change_report("收办申请TOKEN，同比增长60.6%。", value="2041", last_value="1240")
    [f] = find(r, "metric.change_mismatch")
    assert f.severity == "error" and "64.6%" in f.message
    apply_fix(r, f.fix)
    assert r.sections[0].items[0].body[0] == "收办申请{{m:m-a}}，同比增长64.6%。"
    wrong_direction = _change_report("收办申请TOKEN，较上年下降64.6%。", value="2041", last_value="1240")
    [g] = find(wrong_direction, "metric.change_mismatch")
    assert "较上年增长64.6%" in g.message
    flat = _change_report("收办申请TOKEN，同比持平。", value="2041", last_value="1240")
    assert len(find(flat, "metric.change_mismatch")) == 1


def test_rate_change_in_percent_flagged():
    r = make_report("出庭率{{m:m-r}}，同比提高3%。",
                    metrics=[Metric(id="m-r", label="出庭率", value="75.46", last_value="72.46", unit="%", is_rate=True)])
    [f] = find(r, "metric.rate_percent")
    assert "个百分点" in f.message and f.severity == "error"
    apply_fix(r, f.fix)
    assert r.sections[0].items[0].body[0] == "出庭率{{m:m-r}}，同比提高3.00个百分点。"
    assert find(r, "metric.rate_percent") == [] and find(r, "metric.change_mismatch") == []


def test_parts_add_up():
    total = Metric(id="m-t", label="调整事项", value="27", unit="项", parts=["m-x", "m-y"])
    x = Metric(id="m-x", label="行使事项", value="12", unit="项")
    y = Metric(id="m-y", label="失效事项", value="15", unit="项")
    text = "调整{{m:m-t}}，其中{{m:m-x}}、{{m:m-y}}。"
    r = make_report(text, metrics=[total, x, y])
    assert find(r, "metric.parts_sum") == []
    r.metrics[2].value = "14"
    [f] = find(r, "metric.parts_sum")
    assert "26" in f.message and f.ref == FieldRef("m-t", "parts")


def test_same_figure_written_differently_and_literal():
    m = Metric(id="m-l", label="全市执业律师", value="4936", unit="人")
    r = make_report("全市执业律师{{m:m-l}}。", metrics=[m])
    r.sections[1].intro = ["全市执业律师4900人，仍显不足。"]
    [f] = find(r, "metric.inconsistent")
    assert "4900人" in f.message and f.ref == FieldRef("s-2", "intro", 0)
    r.sections[1].intro = ["全市执业律师4936人，仍显不足。"]
    assert find(r, "metric.inconsistent") == []
    [g] = find(r, "metric.literal")
    apply_fix(r, g.fix)
    assert r.sections[1].intro[0] == "全市执业律师{{m:m-l}}，仍显不足。"


def test_two_metrics_same_label_different_values():
    a = Metric(id="m-a", label="律师事务所", value="373", unit="家")
    b = Metric(id="m-b", label="律师事务所", value="370", unit="家")
    r = make_report("律师事务所{{m:m-a}}，{{m:m-b}}。", metrics=[a, b])
    [f] = find(r, "metric.inconsistent")
    assert "373家" in f.message and "370家" in f.message


# ---------------------------------------------------------------- content, dates, title, publication, fonts
def test_missing_required_kind_named():
    r = make_report()
    del r.sections[2]  # plans
    [f] = find(r, "content.missing_kind")
    assert "下一年度主要安排" in f.message


def test_thematic_counts_as_measures_and_item_kinds_count():
    r = make_report()
    assert SectionKind.MEASURES not in {k for s in r.sections for k in s.kinds}
    assert find(r, "content.missing_kind") == []
    r.sections[0].items[1].kinds = []
    # An untagged part whose text is plainly about the 第一责任人 still counts (imported reports).
    assert find(r, "content.missing_kind") == []
    r.sections[0].items[1].body = ["认真落实主体责任。"]
    [f] = find(r, "content.missing_kind")
    assert "第一责任人" in f.message


def test_date_must_follow_the_year():
    r = make_report(date=dt.date(2022, 12, 30))
    [f] = find(r, "date.order")
    assert f.severity == "error" and f.where == "成文日期"
    assert find(make_report(), "date.order") == []


def test_dates_in_text_leading_zero_and_chinese_numerals():
    r = make_report("于2022年03月05日召开会议，二〇二二年底完成。")
    [f] = find(r, "date.format")
    apply_fix(r, f.fix)
    assert r.sections[0].items[0].body[0] == "于2022年3月5日召开会议，2022年底完成。"
    assert find(make_report("于2022年3月5日召开会议。"), "date.format") == []


def test_title_punctuation_and_organisation():
    r = make_report(title_override="某市司法局2022年法治政府建设年度报告。")
    [f] = find(r, "title.punct")
    apply_fix(r, f.fix)
    assert r.title_override == "某市司法局2022年法治政府建设年度报告"
    assert find(make_report(title_override="某市司法局关于《条例》实施情况的报告"), "title.punct") == []
    r2 = make_report(signature=["某市人民政府"])
    assert {f.code for f in run_checks(r2, rules=["title"])} == {"title.org_mismatch"}
    assert run_checks(make_report(), rules=["title"]) == []


def test_publication_reminders_are_info_with_deadlines():
    found = {f.code: f for f in run_checks(make_report(), rules=["dates"])}
    assert found["publish.submit"].severity == "info" and "2023年3月1日" in found["publish.submit"].message
    assert found["publish.publish"].severity == "info" and "2023年4月1日" in found["publish.publish"].message
    late = make_report(publication_date=dt.date(2023, 4, 10))
    assert "publish.late" in codes(late, ["dates"])
    assert "publish.late" not in codes(make_report(publication_date=dt.date(2023, 2, 6)), ["dates"])


def test_fonts_missing_named_with_substitute():
    from editor.export.fonts import installed_font_families

    installed = installed_font_families()
    r = make_report()
    r.format.fonts["body"] = "不存在的字体ABC"
    found = [f for f in find(r, "format.font_missing") if "不存在的字体ABC" in f.message]
    assert len(found) == 1 and found[0].severity == "info" and "代替" in found[0].message
    assert installed, "fontconfig lists no fonts here"
    r.format.fonts["body"] = sorted(installed)[0]  # an installed font is not reported
    assert [f for f in find(r, "format.font_missing") if f.ref.field == "format.fonts.body"] == []


# ---------------------------------------------------------------- findings, fixes
def test_finding_from_plain_fields_and_dict():
    f = Finding("import.numbering_gap", "warning", "五、的事项编号跳过了（三）。", FieldRef("s-1", "heading"))
    d = f.to_dict()
    assert d == {"code": "import.numbering_gap", "severity": "warning", "message": "五、的事项编号跳过了（三）。",
                 "ref": "s-1:heading", "where": "", "fix": None, "span": None, "excerpt": ""}
    with pytest.raises(ValueError):
        Finding("x", "fatal", "m")


def test_stale_fix_refused():
    r = make_report("收到申请,依法办理。")
    [f] = find(r, "punct.halfwidth")
    r.sections[0].items[0].body[0] = "改过了,内容不同。"
    with pytest.raises(StaleFixError) as e:
        apply_fix(r, f.fix)
    assert "重新检查" in e.value.message


def test_fix_all_applies_several_fixes_to_one_field():
    r = make_report("（一）收到申请,依法办理(含复核)。")
    r.sections[0].heading = "坚持依法行政,推进法治政府建设。"
    changed = fix_all(r)
    assert set(changed) == {FieldRef("i-1", "body", 0), FieldRef("s-1", "heading")}
    assert r.sections[0].items[0].body[0] == "收到申请，依法办理（含复核）。"
    assert r.sections[0].heading == "坚持依法行政，推进法治政府建设"
    assert [f for f in run_checks(r) if f.fix is not None and f.severity != "info"] == []


def test_unknown_rule_name_raises():
    with pytest.raises(KeyError):
        run_checks(make_report(), rules=["no-such-rule"])


def test_fix_dataclass_round_trip():
    fix = Fix("改为全角", FieldRef("i-1", "body", 0), "新", "旧")
    r = make_report("旧")
    apply_fix(r, fix)
    assert get_field(r, fix.ref) == "新"


# ---------------------------------------------------------------- the remaining codes, fire / not fire
def _m(**kw) -> Metric:
    base = dict(id="m-a", label="案件数", value="12", unit="件")
    base.update(kw)
    return Metric(**base)


def _parts(unit_b="件", ids=("m-b", "m-c")) -> list[Metric]:
    return [_m(id="m-t", label="总数", value="5", parts=list(ids)), _m(id="m-b", label="甲", value="2", unit=unit_b),
            _m(id="m-c", label="乙", value="3")]


CASES = {
    "enum.arabic_gap": (lambda: make_report("做法：（1）学习；（3）监督。"), lambda: make_report("做法：（1）学习；（2）监督。")),
    "metric.change_unverified": (
        lambda: make_report("办理{{m:m-a}}，同比增长5%。", metrics=[_m()]),
        lambda: make_report("办理{{m:m-a}}，同比增长20%。", metrics=[_m(last_value="10")])),
    "metric.change_base": (
        lambda: make_report("办理{{m:m-a}}，{{chg:m-a}}。", metrics=[_m(last_value="0")]),
        lambda: make_report("办理{{m:m-a}}，{{chg:m-a}}。", metrics=[_m(last_value="6")])),
    "metric.parts_unit": (
        lambda: make_report("共{{m:m-t}}，其中{{m:m-b}}、{{m:m-c}}。", metrics=_parts(unit_b="项")),
        lambda: make_report("共{{m:m-t}}，其中{{m:m-b}}、{{m:m-c}}。", metrics=_parts())),
    "metric.parts_missing": (
        lambda: make_report("共{{m:m-t}}，其中{{m:m-b}}、{{m:m-c}}。", metrics=_parts(ids=("m-b", "m-gone"))),
        lambda: make_report("共{{m:m-t}}，其中{{m:m-b}}、{{m:m-c}}。", metrics=_parts())),
    "structure.no_heading": (
        lambda: make_report(sections=[Section(id="s-9", heading="", intro=["内容。"])]),
        lambda: make_report(sections=[Section(id="s-9", heading="", numbered=False, intro=["内容。"])])),
    "date.missing": (lambda: make_report(date=None), lambda: make_report()),
    "date.late": (lambda: make_report(date=dt.date(2023, 3, 5)), lambda: make_report(date=dt.date(2023, 2, 28))),
    "date.publication_order": (
        lambda: make_report(publication_date=dt.date(2023, 1, 2)), lambda: make_report(publication_date=dt.date(2023, 2, 6))),
    "date.format": (lambda: make_report("于2023-1-5召开会议。"), lambda: make_report("于2023年1月5日召开会议，版本1.2.3。")),
    "title.signature_missing": (lambda: make_report(signature=[]), lambda: make_report()),
    "title.org_mismatch": (
        lambda: make_report(organisations=["某市司法局", "某市人民政府"]), lambda: make_report()),
}


@pytest.mark.parametrize("code", sorted(CASES))
def test_code_fires_and_does_not(code):
    fires, quiet = CASES[code]
    assert code in codes(fires())
    assert code not in codes(quiet())


def test_stated_change_next_to_invalid_value_reports_only_the_value():
    r = make_report("办理{{m:m-a}}持平。", metrics=[_m(value="1,000", last_value="12")])
    assert set(codes(r, ["metric_values", "metric_changes"])) == {"metric.bad_value"}


def test_government_title_names_only_the_place():
    # A county government's report titled with the county only is signed 松川县人民政府: not a mismatch.
    r = make_report(title_override="2022年松川县法治政府建设情况报告", signature=["松川县人民政府"],
                    organisations=["松川县人民政府"])
    assert find(r, "title.org_mismatch") == []
    assert find(make_report(title_override="松川县司法局2022年法治政府建设年度报告", signature=["松川县人民政府"]),
                "title.org_mismatch")
    # the organisation given as the place only (an import of 青岭区2023年度法治政府建设情况报告)
    r = make_report(title_override="青岭区2023年度法治政府建设情况报告", signature=["青岭区人民政府"],
                    organisations=["青岭区"])
    assert find(r, "title.org_mismatch") == []
    assert find(make_report(organisations=["青岭区司法局"], signature=["青岭区人民政府"]), "title.org_mismatch")
