"""The proofreading rules of issue 11: each has a case that fires (at the right span) and one that must not;
fixes where one is certain; the user dictionary; ignores kept in the project; stale years after roll-over."""

from __future__ import annotations

import datetime as dt

import pytest

from editor.checks import apply_fix, fix_all, ignore_here, ignore_kind, run_checks
from editor.model import FieldRef, Item, Metric, Report, Section, SectionKind, metric_token
from editor.model.yearly import rollover, stale_year_places

BODY = FieldRef("i-1", "body", 0)


def make_report(body: str = "全面推进依法行政，取得明显成效。", plans: str = "继续推进法治建设。", **kw) -> Report:
    r = Report(
        organisations=["东莞市司法局"], year=2022, signature=["东莞市司法局"], date=dt.date(2023, 1, 28),
        preamble=["2022年，东莞市司法局坚持依法行政。现将有关情况报告如下："],
        sections=[
            Section(id="s-1", heading="坚持依法行政，推进法治政府建设", kinds=[SectionKind.THEMATIC],
                    items=[Item(id="i-1", lead="深化行政执法改革。", body=[body]),
                           Item(id="i-2", lead="加强法治督察。", body=["认真落实第一责任人职责。"],
                                kinds=[SectionKind.LEADERSHIP])]),
            Section(id="s-2", heading="存在的不足和原因", kinds=[SectionKind.SHORTCOMINGS], intro=["统筹力度仍需加强。"]),
            Section(id="s-3", heading="下一年度主要安排", kinds=[SectionKind.PLANS],
                    items=[Item(id="i-3", lead="加强统筹。", body=[plans])]),
        ],
    )
    for k, v in kw.items():
        setattr(r, k, v)
    return r


def problems(r: Report, code: str = "") -> list:
    return [f for f in run_checks(r) if f.severity != "info" and f.code.startswith(code)]


# (code, text that must fire, the flagged excerpt, text that must not fire)
CASES = [
    ("word.term", "严格规范公证文明执法，提升执法公信力。", "严格规范公证文明执法", "严格规范公正文明执法，提升执法公信力。"),
    ("word.term", "研究布署重点任务。", "布署", "研究部署重点任务。"),
    ("word.term", "建设法制政府。", "法制政府", "落实重大执法决定法制审核制度。"),
    # 省 has an archaic reading xian: only the reading in the term counts (a county report said 依法治县)
    ("word.term", "坚持全面依法治是。", "全面依法治是", "坚持全面依法治县，推进依法治区。"),
    ("word.ordinal_jie", "举办东莞市第一节法治文化节。", "第一节", "举办东莞市第一届法治文化节，分三节课讲授。"),
    ("word.jiezhi", "截止2022年底，共受理申请。", "截止", "截至2022年底，共受理申请；报名截止日期为3月1日。"),
    ("word.jiezhi", "受理截至。", "截至", "截至目前已完成。"),
    ("word.de", "不断的加强政治建设。", "的", "发挥积极的推动作用。"),
    ("word.de", "工作做的很扎实。", "的", "工作做得很扎实。"),
    ("word.repeat", "充分发挥新媒体的的优势。", "的的", "人人参与，层层压实，等等。"),
    ("word.repeat", "推动推动公共法律服务前移。", "推动推动", "方式方法不断优化。"),
    ("word.placeholder", "指导××等分局开展工作。", "××", "指导茶山等分局开展工作。"),
    ("word.placeholder", "目前已完成【待补充】。", "【待补充】", "目前已完成。"),
    ("punct.double", "精心策划、、集中报道。", "、、", "精心策划、集中报道。"),
    ("punct.clash", "多频次的宣传，。依托平台。", "，。", "开展“清零”行动。"),
    ("punct.no_full_stop", "提高行政复议社会认知度", "度", "提高行政复议社会认知度。"),
    ("punct.ruxia", "主要做法如下。开展行动。", "如下。", "主要做法如下：开展行动。"),
    ("punct.nested", "开展“2022年“宪法宣传周”活动”。", "“宪法宣传周”", "开展“2022年‘宪法宣传周’活动”。"),
    ("punct.nested", "制定《学习《条例》的方案》。", "《条例》", "制定《学习〈条例〉的方案》。"),
    ("punct.space", "推进公证业务和 仲裁业务。", " ", "南城 CBD 高层建筑。"),
    ("punct.fullwidth_alnum", "组织开展２０２２年度考评。", "２０２２", "组织开展2022年度考评。"),
    ("punct.halfwidth_stop", "实现全覆盖.", ".", "增长2.5倍。"),
    ("year.stale", "2021年，我局持续发力。", "2021年", "与2021年相比，案件增长；完成2021年度政府合同评估工作。"),
    ("year.stale", "制定实施《2021年普法工作要点》。", "2021年", "审议《2021年度法治政府建设情况报告》。"),
    ("year.next", "组织开展2023年度考评。", "2023年", "编制2023年度立法计划。"),
    ("date.two_digit_year", "22年12月编制计划。", "22年", "2022年12月编制计划。"),
    ("date.o_for_zero", "二O二二年度考评。", "二O二二年", "2022年度考评。"),
    ("date.impossible", "2022年6月31日起开展行动。", "2022年6月31日", "2022年6月30日起开展行动。"),
    ("figure.decimal_count", "办结案件68.1宗。", "68.1宗", "人均办理案件2.5件，培训2.5万人次。"),
    ("figure.unit_noun", "全市执业律师4936件。", "4936件", "全市执业律师4936人。"),
    ("figure.rate_over_100", "出庭率175.46%。", "175.46%", "案件增长率达120%。"),
    ("figure.negative", "新增-5件。", "-5件", "新增5件。"),
    ("figure.part_gt_whole", "受理案件20件，其中刑事案件25件。", "20件，其中刑事案件25件", "受理案件20件，其中刑事案件5件。"),
    ("figure.breakdown_sum", "调整事项共26项，其中调整12项，不再行使15项。", "26项，其中调整12项，不再行使15项",
     "调整事项共27项，其中调整12项，不再行使15项。"),
    ("figure.respectively_count", "审查规章3部，分别为《甲办法》《乙办法》。", "3部，分别为《甲办法》《乙办法》",
     "审查规章2部，分别为《甲办法》《乙办法》。"),
    ("figure.double_qualifier", "服务考生逾5000人次以上。", "逾5000人次以上", "服务考生逾5000人次。"),
    ("enum.gap", "第一，加强统筹。第三，优化服务。", "", "第一，加强统筹。第二，优化服务。"),
    ("org.self_reference", "我厅持续发力。", "我厅", "我局持续发力，省司法厅给予指导。"),
    ("org.other_place", "统筹推进法治佛山建设。", "法治佛山", "统筹推进法治东莞、法治广东建设，与深圳律师协会交流。"),
    ("org.short_name", "东莞司法局持续发力。", "东莞司法局", "市司法局持续发力。"),
]


@pytest.mark.parametrize("code,bad,excerpt,good", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_rule_fires_and_does_not(code, bad, excerpt, good):
    found = [f for f in problems(make_report(bad)) if f.code == code]
    assert found, f"{code} did not fire on {bad}"
    f = found[0]
    assert f.ref == BODY
    if excerpt:
        assert f.excerpt == excerpt and bad[f.span[0]:f.span[1]] == excerpt
    assert [f for f in problems(make_report(good)) if f.code == code] == []


@pytest.mark.parametrize("bad,good", [
    ("研究布署重点任务。", "研究部署重点任务。"),
    ("精心策划、、集中报道。", "精心策划、集中报道。"),
    ("推进公证业务和 仲裁业务。", "推进公证业务和仲裁业务。"),
    ("主要做法如下。开展行动。", "主要做法如下：开展行动。"),
    ("组织开展２０２２年度考评。", "组织开展2022年度考评。"),
    ("截止2022年底，共受理申请。", "截至2022年底，共受理申请。"),
    ("实现全覆盖.", "实现全覆盖。"),
])
def test_certain_fixes_apply_in_fix_all(bad, good):
    r = make_report(bad)
    fix_all(r)
    assert r.sections[0].items[0].body[0] == good


def test_homophone_fix_offered_but_not_applied_by_fix_all():
    r = make_report("严格规范公证文明执法。")
    [f] = problems(r, "word.term")
    assert f.fix is not None and not f.fix.certain
    fix_all(r)
    assert r.sections[0].items[0].body[0] == "严格规范公证文明执法。"
    apply_fix(r, f.fix)
    assert r.sections[0].items[0].body[0] == "严格规范公正文明执法。"


def test_user_dictionary_adds_terms_and_exceptions():
    r = make_report("推进莞邑调解品牌建设，建设法制政府。")
    assert [f.excerpt for f in problems(r, "word.term")] == ["法制政府"]
    # an organisation's own fixed term: its homophone is flagged
    r2 = make_report("推进莞邑条解品牌建设。")
    assert problems(r2, "word.term") == []
    found = [f for f in run_checks(r2, user_terms="莞邑调解") if f.code == "word.term"]
    assert [f.excerpt for f in found] == ["莞邑条解"]
    # an exception silences a built-in wrong form
    assert [f for f in run_checks(r, user_terms="!法制政府") if f.code == "word.term"] == []
    with pytest.raises(ValueError):
        run_checks(r, user_terms="错 =>")


def test_ignore_here_and_ignore_kind_are_kept_in_the_report():
    r = make_report("研究布署重点任务，不断的加强建设。")
    found = problems(r)
    term = next(f for f in found if f.code == "word.term")
    r.check_ignores.append(ignore_here(term))
    assert [f.code for f in problems(r)] == ["word.de"]
    # the same text elsewhere is still flagged (忽略此处 is one place)
    r.sections[0].items[1].body[0] = "研究布署工作。"
    assert [f.ref for f in problems(r, "word.term")] == [FieldRef("i-2", "body", 0)]
    r.check_ignores.append(ignore_kind(next(f for f in problems(r) if f.code == "word.de")))
    assert [f.code for f in problems(r)] == ["word.term"]
    # the ignores survive a save and load (format 2 field)
    again = Report.model_validate_json(r.model_dump_json())
    assert [f.code for f in problems(again)] == ["word.term"]
    assert run_checks(r, ignores=False) != run_checks(r)


def test_rollover_lists_last_years_years_until_revised():
    r = make_report("2022年，共受理申请。实施2022年度十件实事。", plans="2023年，继续推进。")
    assert stale_year_places(r) == []
    nxt = rollover(r)
    places = stale_year_places(nxt)
    texts = [(str(p.ref), p.reason) for p in places]
    assert ("i-1:body[0]", "last_year") in texts and texts.count(("i-1:body[0]", "last_year")) == 2
    assert ("i-3:body[0]", "plans_current_year") in texts
    assert ("report:preamble[0]", "last_year") in texts
    found = [f for f in run_checks(nxt) if f.code == "year.stale"]
    assert len(found) == len(places)
    nxt.sections[0].items[0].body[0] = "2023年，共受理申请。实施2023年度十件实事。"
    assert "i-1:body[0]" not in {str(p.ref) for p in stale_year_places(nxt)}


def test_figures_in_metrics_are_judged_as_written():
    m = Metric(id="m-ct", label="出庭率", value="175.46", unit="%", is_rate=True)
    r = make_report(f"行政机关负责人出庭率{metric_token('m-ct')}。", metrics=[m])
    [f] = problems(r, "figure.rate_over_100")
    assert f.excerpt == metric_token("m-ct")
    m.value = "75.46"
    assert problems(r, "figure.rate_over_100") == []


def test_change_forms_checked_against_the_metric():
    m = Metric(id="m-a", label="收办行政复议申请", value="2041", unit="件", last_value="1240")
    tok = metric_token("m-a")
    for phrase in ("（同比增长46.6%）", "，比上年增加810件", "，是上年的1.4倍", "，增幅为46.4%"):
        r = make_report(f"收办行政复议申请{tok}{phrase}。", metrics=[m])
        assert [f.code for f in problems(r, "metric.change")] == ["metric.change_mismatch"], phrase
    for phrase in ("（同比增长64.6%）", "，比上年增加801件", "，是上年的1.6倍", "，增幅为64.6%"):
        r = make_report(f"收办行政复议申请{tok}{phrase}。", metrics=[m])
        assert problems(r, "metric.change") == [], phrase


def test_magnitude_against_last_year():
    m = Metric(id="m-a", label="收办行政复议申请", value="0.2041", unit="件", last_value="1240", scale="万")
    r = make_report(f"收办行政复议申请{metric_token('m-a')}。", metrics=[m])
    assert [f.ref for f in problems(r, "figure.magnitude")] == [FieldRef("m-a", "value")]
    m.value = "0.2"
    m.last_value = "0.124"
    assert problems(r, "figure.magnitude") == []


def test_duplicated_sentence_and_paragraph():
    sent = "落实社区矫正日常监管，实施教育矫正模式。"
    r = make_report(sent + sent)
    [f] = problems(r, "word.duplicate")
    assert f.span == (len(sent), 2 * len(sent))
    r = make_report(sent)
    r.sections[0].items[0].body.append(sent)
    [f] = problems(r, "word.duplicate")
    assert f.ref == FieldRef("i-1", "body", 1) and "一、（一）正文第1段" in f.message
    assert problems(make_report("加强组织领导。加强组织领导。"), "word.duplicate") == []  # short sentences recur


def test_unnumbered_item_among_numbered():
    r = make_report()
    r.sections[0].items.append(Item(id="i-4", lead="强化监督。", body=["加强监督。"]))
    assert problems(r, "structure.unnumbered") == []
    r.sections[0].items[1].numbered = False
    [f] = problems(r, "structure.unnumbered")
    assert f.ref == FieldRef("i-2", "lead")


def test_other_kind_is_a_reminder_and_kinds_found_in_text():
    r = make_report()
    assert "content.missing_kind" not in {f.code for f in run_checks(r)}
    assert "content.other_reminder" in {f.code for f in run_checks(r) if f.severity == "info"}
    r.sections[0].items[1].kinds = []  # untagged, but its text is about the 第一责任人
    assert "content.missing_kind" not in {f.code for f in run_checks(r)}


def test_title_year():
    r = make_report(title_override="东莞市司法局2021年法治政府建设年度报告")
    [f] = problems(r, "year.title")
    fix_all(r)
    assert r.title_override == "东莞市司法局2022年法治政府建设年度报告"


def test_rollover_command_lists_the_stale_years(tmp_path, capsys):
    from editor.cli import main
    from editor.storage import write_project
    from editor.templates import load_template

    src = tmp_path / "2022.fzbg"
    write_project(src, load_template("sample-dongguan-2022"), backup=False)
    assert main(["rollover", str(src), "-o", str(tmp_path / "2023.fzbg")]) == 0
    out = capsys.readouterr().out
    assert "处年份沿用了上一年度报告的文字" in out
    assert "[前言第1段] …2022年，东莞市司法局" in out
    listed = out.count("\n  [")
    # 9 mentions of 2022 remain; 组织开展2022年度法治东莞建设考评 may be last year's assessment done this year
    assert listed == 8
    main(["check", str(tmp_path / "2023.fzbg")])  # exits 1: the new year's figures are not filled in yet
    check = capsys.readouterr().out
    assert check.count("是上一年度") == listed


def test_other_city_rule_knows_municipalities_and_a_districts_own_city():
    # Shanghai is province-level: a Minhang district report cites its plans (a published report did)
    r = make_report("按照《上海市法治政府建设规划》推进，上海市司法局给予指导。",
                    organisations=["闵行区人民政府"], signature=["闵行区人民政府"], preamble=["2022年，我区依法行政。"])
    assert problems(r, "org.other_place") == []
    # a district office names its own city (the one named most) freely; another city's office is flagged
    r = make_report("郑州市人民政府部署，郑州市司法局指导。武汉市司法局印发方案。",
                    organisations=["管城回族区司法局"], signature=["管城回族区司法局"], preamble=["2022年，我局依法行政。"])
    assert [f.excerpt for f in problems(r, "org.other_place")] == ["武汉市司法局"]


def test_ignore_here_survives_a_paragraph_inserted_above():
    r = make_report("研究布署重点任务。")
    [term] = problems(r, "word.term")
    r.check_ignores.append(ignore_here(term))
    r.sections[0].items[0].body.insert(0, "新增的一段。")
    assert problems(r, "word.term") == []
    r.sections[0].items[0].body[1] = "研究部署重点任务。"  # corrected: nothing left to ignore
    r.sections[0].items[0].body.append("另一处布署。")  # a new occurrence elsewhere in the field, same text
    assert problems(r, "word.term") == []  # the same text in the same field is covered (documented)


def test_check_command_takes_a_user_dictionary(tmp_path, capsys):
    from editor.cli import main
    from editor.storage import write_project

    path = tmp_path / "r.fzbg"
    write_project(path, make_report("推进莞邑条解品牌建设。"), backup=False)
    terms = tmp_path / "terms.txt"
    terms.write_text("# 本单位\n莞邑调解\n", encoding="utf-8")
    assert main(["check", str(path), "--terms", str(terms)]) == 0
    assert "莞邑条解" in capsys.readouterr().out
    terms.write_text("错 =>\n", encoding="utf-8")
    assert main(["check", str(path), "--terms", str(terms)]) == 1
    assert "用户词典有误" in capsys.readouterr().err
