"""Figures and year-on-year changes as they are written in the text."""

from __future__ import annotations

import pytest

from editor.model import Metric, Renderer, render_text, used_metric_ids, value_error
from editor.model.tokens import chinese_numeral, format_change, format_value, split_tokens


def m(**kw) -> Metric:
    kw.setdefault("id", "m-x")
    kw.setdefault("label", "测试指标")
    return Metric(**kw)


@pytest.mark.parametrize(
    "fields, text",
    [
        (dict(value="2041", unit="件"), "2041件"),
        (dict(value="75.46", unit="%"), "75.46%"),
        (dict(value="75.40", unit="%"), "75.40%"),  # exact digits kept, no trailing-zero stripping
        (dict(value="2.5", unit="人次", scale="万"), "2.5万人次"),
        (dict(value="6.5", unit="元", scale="亿", qualifier="逾"), "逾6.5亿元"),
        (dict(value="5.9", unit="宗", scale="万", qualifier="近"), "近5.9万宗"),
        (dict(value="96.17", unit="元", scale="亿", qualifier="约"), "约96.17亿元"),
        (dict(value="1100", unit="人次", qualifier="余"), "1100余人次"),
        (dict(value="2", unit="人次", scale="万", qualifier="多"), "2万多人次"),
        (dict(value="3", unit="人次", scale="万", qualifier="以上"), "3万人次以上"),
        (dict(value="50", unit="人", qualifier="左右"), "50人左右"),
        (dict(value="1000", unit="家", qualifier="逾", numerals="chinese"), "逾千家"),
        (dict(value="100", unit="项", qualifier="近", numerals="chinese"), "近百项"),
        (dict(value="1500", unit="人", numerals="chinese"), "一千五百人"),
        (dict(value="10000", unit="人", qualifier="近", numerals="chinese"), "近万人"),
        (dict(value="2.5", unit="人", numerals="chinese"), "2.5人"),  # decimals stay Arabic
        (dict(value=" 12 ", unit="条"), "12条"),
    ],
)
def test_format_value(fields, text):
    assert format_value(m(**fields)) == text


@pytest.mark.parametrize(
    "n, text",
    [(0, "零"), (7, "七"), (10, "十"), (15, "十五"), (20, "二十"), (101, "一百零一"), (110, "一百一十"),
     (1000, "千"), (1001, "一千零一"), (2000, "二千"), (15000, "一万五千"), (10001, "一万零一"), (10000, "万"), (20000, "二万"), (110000, "十一万"),
     (100_000_000, "一亿")],
)
def test_chinese_numeral(n, text):
    assert chinese_numeral(n) == text


@pytest.mark.parametrize(
    "fields, text",
    [
        (dict(value="2041", last_value="1240"), "同比增长64.6%"),
        (dict(value="1402", last_value="677", change_decimals=0), "同比增长107%"),
        (dict(value="93", last_value="96", change_prefix="较上年"), "较上年下降3.1%"),
        (dict(value="96", last_value="96"), "同比持平"),
        (dict(value="96.01", last_value="96"), "同比持平"),  # 0.01% rounds to 0.0
        (dict(value="75.46", last_value="82.47", is_rate=True), "同比下降7.01个百分点"),
        (dict(value="80", last_value="75.5", is_rate=True), "同比增长4.5个百分点"),
        (dict(value="75.5", last_value="75.50", is_rate=True), "同比持平"),
        (dict(value="108", last_value="100", change_prefix=""), "增长8%"),
        (dict(value="150", last_value="100", change_words=("上升", "减少")), "同比上升50%"),
        (dict(value="50", last_value="100", change_words=("上升", "减少")), "同比减少50%"),
    ],
)
def test_format_change(fields, text):
    assert format_change(m(**fields)) == text


def test_change_rounds_half_up_not_to_even():
    # +0.05% exactly: half-up gives 0.1 (banker's rounding would give 0.0 and say 持平)
    assert format_change(m(value="200.1", last_value="200")) == "同比增长0.1%"
    # +2.25% at one decimal: half-up 2.3 (half-even would give 2.2)
    assert format_change(m(value="102.25", last_value="100")) == "同比增长2.3%"
    # -0.25% at one decimal
    assert format_change(m(value="99.75", last_value="100")) == "同比下降0.3%"
    assert format_change(m(value="102.25", last_value="100", change_decimals=2)) == "同比增长2.25%"


def test_change_cannot_be_computed():
    assert format_change(m(value="5", last_value=None)) is None
    assert format_change(m(value=None, last_value="5")) is None
    assert format_change(m(value="5", last_value="0")) is None  # no relative change from zero
    assert format_change(m(value="5", last_value="0", is_rate=True)) == "同比增长5个百分点"


def test_missing_markers_in_rendered_text():
    metrics = [
        m(id="m-a", label="收办申请", value=None),
        m(id="m-b", label="出庭率", value="75.46", unit="%", is_rate=True),
        m(id="m-c", label="错值", value="12.3.4", unit="件"),
        m(id="m-d", label="零基数", value="5", last_value="0"),
    ]
    text = "甲{{m:m-a}}乙{{chg:m-b}}丙{{m:m-c}}丁{{m:m-zz}}戊{{chg:m-d}}己{{chg:m-a}}"
    out = render_text(text, metrics)
    assert out == ("甲【待填：收办申请】乙【待填：出庭率（上年）】丙【数值有误：错值】丁【指标缺失：m-zz】"
                   "戊【无法计算：零基数的同比变化】己【待填：收办申请】")
    segs = Renderer(metrics).segments(text)
    assert [s.kind for s in segs if s.kind != "text"] == ["missing"] * 6
    assert segs[1].metric_id == "m-a" and segs[1].token == "{{m:m-a}}"


def test_unlabelled_metric_marker_uses_id():
    assert render_text("{{m:m-q}}", [Metric(id="m-q")]) == "【待填：m-q】"


def test_tokens_split_and_used_ids():
    text = "共{{m:m-a}}，{{chg:m-a}}；{{m:bad id}}{{x:m-b}}"
    assert used_metric_ids(text) == ["m-a", "m-a"]
    pieces = split_tokens(text)
    assert pieces[0] == ("共", None)
    assert pieces[1] == ("{{m:m-a}}", ("m", "m-a"))
    assert pieces[3] == ("{{chg:m-a}}", ("chg", "m-a"))
    assert "".join(p for p, _ in pieces) == text
    # malformed tokens are left as literal text
    assert render_text(text, [m(id="m-a", value="3", unit="件")]).endswith("{{m:bad id}}{{x:m-b}}")


def test_renderer_plain_text_untouched():
    assert render_text("没有指标的段落。", []) == "没有指标的段落。"
    assert Renderer([]).segments("") == []


@pytest.mark.parametrize(
    "value, words",
    [
        ("两千", ["阿拉伯数字", "数量级"]),
        ("三万", ["阿拉伯数字"]),
        ("12.3.4", ["多个小数点"]),
        ("-5", ["负数"]),
        ("－5", ["负数"]),
        ("1,000", ["逗号", "千位分隔符"]),
        ("1，000", ["逗号"]),
        ("", ["请填写数值"]),
        ("   ", ["请填写数值"]),
        ("007", ["以 0 开头"]),
        ("5.", ["不是有效的数值"]),
        ("abc", ["不是有效的数值"]),
        ("5%", ["不是有效的数值"]),
    ],
)
def test_value_error_messages(value, words):
    msg = value_error(value)
    assert msg is not None
    for w in words:
        assert w in msg
    if value.strip():
        assert value in msg  # the message quotes what the user typed


@pytest.mark.parametrize("value", ["0", "5", "2041", "75.46", "0.5", "96.17", "13626"])
def test_valid_values(value):
    assert value_error(value) is None


def test_negative_allowed_when_asked():
    assert value_error("-5", allow_negative=True) is None
    assert value_error("-5.5.5", allow_negative=True) is not None


def test_invalid_value_never_renders_a_number():
    assert format_value(m(value="两千", unit="件")) is None
    assert format_change(m(value="1,000", last_value="900")) is None
