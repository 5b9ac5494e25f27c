"""Property tests: the checks never fail on arbitrary text, and every fix they offer applies and
removes its own finding without creating errors."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.checks import apply_fix, fix_all, run_checks
from editor.model import FieldRef, Item, Metric, Report, Section, SectionKind

ALPHABET = list("一二三四五六七八九十是年月日，。；：、,.;:()（）“”\"'《》〈〉?!？！0123456789%件万亿 \n") + [
    "{{m:m-a}}", "{{chg:m-a}}", "{{m:m-b}}", "{{m:m-x}}", "同比增长", "个百分点", "持平", "下降", "执业律师", "依法行政",
    "（一）", "一、", "1.", "（2）", "2022年03月05日", "二〇二二年", "2023-1-5", "执业律师4936人", "http://a.cn",
    # the proofreading rules of issue 11
    "布署", "公证文明执法", "××", "【待补充】", "如下。", "的的", "推进推进", "  ", "\u3000", "２０２２", "ＣＢＤ",
    "东莞市司法局", "东莞司法局", "我厅", "佛山市司法局", "法治佛山", "截止", "截至", "不断的", "逾", "约", "以上",
    "左右", "其中", "分别为", "《甲》", "《《", "““", "”", "2021年", "2023年", "第一，", "第三，", "22年12月",
    "二O二二年", "6月31日", "第一节文化节", "率", "175%", "-5件", "68.1宗", "共20件，其中25件", ".",
]
texts = st.lists(st.sampled_from(ALPHABET), max_size=25).map("".join)
values = st.one_of(st.none(), st.sampled_from(["0", "12", "75.46", "1,000", "两千", "012", "3.5", "-2"]))


@st.composite
def reports(draw):
    metrics = [
        Metric(id="m-a", label="执业律师", value=draw(values), last_value=draw(values), unit="人",
               is_rate=draw(st.booleans()), parts=draw(st.sampled_from([[], ["m-b"], ["m-b", "m-gone"]]))),
        Metric(id="m-b", label="律师", value=draw(values), unit=draw(st.sampled_from(["人", "%"]))),
    ]
    items = [Item(lead=draw(texts), body=draw(st.lists(texts, max_size=3)), run_in=draw(st.booleans()),
                  numbered=draw(st.booleans())) for _ in range(draw(st.integers(0, 3)))]
    return Report(
        organisations=[draw(texts)], year=2022, title_override=draw(texts), preamble=draw(st.lists(texts, max_size=2)),
        sections=[Section(heading=draw(texts), intro=draw(st.lists(texts, max_size=2)), items=items,
                          kinds=[draw(st.sampled_from(list(SectionKind)))], numbered=draw(st.booleans()))],
        signature=draw(st.lists(texts, max_size=2)), metrics=metrics,
        date=draw(st.one_of(st.none(), st.dates(dt.date(2020, 1, 1), dt.date(2024, 12, 31)))),
    )


@settings(max_examples=int(__import__("os").environ.get("CHECKS_EXAMPLES", "150")), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports())
def test_checks_never_fail_and_fixes_apply(report):
    findings = run_checks(report)
    for f in findings:
        assert f.severity in ("error", "warning", "info") and f.message
        assert f.ref is None or isinstance(f.ref, FieldRef)
        f.to_dict()
        if f.span is not None:  # the span selects exactly the flagged text of the field
            from editor.model import get_field

            raw = get_field(report, f.ref)
            assert 0 <= f.span[0] <= f.span[1] <= len(raw) and raw[f.span[0]:f.span[1]] == f.excerpt
    for f in findings:
        if f.fix is not None:
            trial = report.model_copy(deep=True)
            apply_fix(trial, f.fix)
            same = [g for g in findings if g.code == f.code and g.ref == f.ref and g.message == f.message]
            after = [g for g in run_checks(trial) if g.code == f.code and g.ref == f.ref and g.message == f.message]
            # findings are per occurrence: the fix removes its own (the same mistake may stand twice in a field)
            assert len(after) < len(same), f"fix did not remove {f.code}: {f.message}"
    fix_all(report)
    run_checks(report)
