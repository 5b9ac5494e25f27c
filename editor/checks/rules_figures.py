"""Figures as a reader checks them: can it be true (a share over 100 %, a unit that does not fit what is
counted, a decimal or negative count, a figure 万 or 亿 off against last year) and do figures agree with
each other (a part larger than its whole, a breakdown 其中… that does not add up, 分别为 listing a
different number of titles, a qualifier doubled around a figure: 逾…以上, 约…左右).

The rules read the rendered text (metric tokens shown as their figures) so typed figures and metrics
are judged alike; spans are mapped back to the stored text (a token counts whole)."""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache
from typing import Iterator

from ..model import FieldRef
from ..model.tokens import to_decimal
from .context import CheckContext, TextField
from .engine import rule
from .findings import Finding
from .lazyre import bind, lazy_re

_SCALE = {"": Decimal(1), "万": Decimal(10_000), "亿": Decimal(100_000_000)}
COUNT_UNITS = ("人次", "件次", "场次", "宗", "件", "起", "项", "个", "家", "所", "条", "份", "部", "名", "人", "位", "场",
               "次", "期", "批", "户", "支", "篇", "本", "宗次")
_UNITS = ("个百分点",) + COUNT_UNITS + ("万元", "亿元", "元", "%", "％", "天", "小时", "年", "倍")
_UNIT_ALT = "|".join(sorted((re.escape(u) for u in _UNITS), key=len, reverse=True))
FIG = r"(?<![\d.．])(-|－|负)?(\d+(?:\.\d+)?)(万|亿)?(余|多)?(%s)" % _UNIT_ALT
# A figure starts with a sign or a digit: the lookahead lets the engine pass over other characters at once
# instead of trying the whole pattern at each (the same matches, in half the time).
FIG_RE = lazy_re(r"(?=[-－负\d])" + FIG)
_QUAL_BEFORE = ("逾", "近", "约", "超过", "超", "达到", "达", "共计", "共", "合计", "总计", "累计", "为")


class Figure:
    __slots__ = ("start", "end", "sign", "number", "scale", "qual", "unit", "value")

    def __init__(self, m: re.Match):
        self.start, self.end = m.start(), m.end()
        self.sign, number, self.scale, self.qual, self.unit = m.groups()
        self.number = number
        self.value = Decimal(number) * _SCALE[self.scale or ""]


@lru_cache(maxsize=20000)
def figures(text: str) -> tuple[Figure, ...]:
    """The figures written in ``text`` (cached per text: the checks re-run on every pause in typing)."""
    return tuple(Figure(m) for m in FIG_RE.finditer(text))


def _span(ctx: CheckContext, f: TextField, s: int, e: int) -> tuple[int, int]:
    return ctx.raw_span(f, s, e)


_DIGIT_RE = lazy_re(r"\d")


def _fields(ctx: CheckContext):
    for f in ctx.fields:
        if f.raw and f.role not in ("title", "signature", "notes") and ("{{" in f.raw or _DIGIT_RE.search(f.raw)):
            yield f, ctx.rendered(f)


# ---------------------------------------------------------------- plausibility
_RATE_LABEL_RE = lazy_re(r"(率|占比|比例|比重|覆盖面|达标率|满意度)(?:为|达到|达|是|约|保持在|提升至|提高到|提高至|超过)?$")
_GROWTH_RE = lazy_re(r"(增长|增速|增幅|提升|提高|上升|下降|减少|降低|增加|同比|较上年|比上年)")
_PEOPLE = ("律师", "人员", "干部", "群众", "考生", "学员", "职工", "党员", "法律顾问", "调解员", "志愿者", "当事人",
           "矫正对象", "人才", "公证员", "仲裁员", "鉴定人", "执法人员", "调解员", "网格员", "人数", "代表", "专家")
_CASES = ("案件", "案卷", "纠纷", "申请", "诉讼", "复议", "矛盾")
_ORGS = ("律师事务所", "事务所", "机构", "企业", "单位", "商会", "协会", "公司", "调委会", "工作室", "社区", "村",
         "部门", "园区", "镇街")
_PEOPLE_UNITS = ("人", "名", "位", "人次")
_CASE_UNITS = ("件", "宗", "起", "件次", "宗次", "个")
_ORG_UNITS = ("家", "个", "所")
_BETWEEN = r"(?:逾|近|约|超过|超|达到|达|共计|共|合计|累计|为|有)?"
_NOUN_RE = {
    "people": (lazy_re(r"(%s)%s$" % ("|".join(_PEOPLE), _BETWEEN)), _PEOPLE_UNITS, "人数", "人、名、人次"),
    "cases": (lazy_re(r"(%s)%s$" % ("|".join(_CASES), _BETWEEN)), _CASE_UNITS, "案件数", "件、宗"),
    "orgs": (lazy_re(r"(%s)%s$" % ("|".join(_ORGS), _BETWEEN)), _ORG_UNITS, "单位数", "家、个"),
}
_NOUN_KIND = {n: "orgs" for n in _ORGS} | {n: "people" for n in _PEOPLE} | {n: "cases" for n in _CASES}
for _n in _ORGS:
    _NOUN_KIND[_n] = "orgs"  # 律师事务所 is an organisation although it starts with 律师
_NOUN_AFTER_RE = lazy_re("(%s)" % "|".join(sorted(_NOUN_KIND, key=len, reverse=True)))
_NOUN_UNITS = frozenset(_PEOPLE_UNITS + _CASE_UNITS + _ORG_UNITS)
_PLAUSIBLE_UNITS = frozenset(COUNT_UNITS + ("%", "％"))
_NOUN_BEFORE_RE = lazy_re("(%s)%s$" % ("|".join(sorted(_NOUN_KIND, key=len, reverse=True)), _BETWEEN))
_AVERAGE_RE = lazy_re(r"(均|平均|每|人均|户均)\S{0,6}$")


@rule("figure_plausible", "数字：比率不超过100%、单位与计数对象相符、计数没有小数和负数、与上年相差万倍")
def check_figure_plausible(ctx: CheckContext) -> Iterator[Finding]:
    warn = ctx.wants("warning")  # only a rate over 100 % is an error: an errors-only run looks at rates only
    for f, text in _fields(ctx):
        if not warn and "%" not in text and "％" not in text:
            continue
        for fig in figures(text):
            if fig.unit not in _PLAUSIBLE_UNITS or (not warn and fig.unit not in ("%", "％")):
                continue
            before = text[max(0, fig.start - 12):fig.start]
            yield from _plausible(ctx, f, text, fig, before)
    if not warn:
        return
    for m in ctx.report.metrics:
        cur, last = to_decimal(m.value), to_decimal(m.last_value)
        if cur is None or last is None or cur == 0 or last == 0:
            continue
        ratio = cur / last
        if ratio >= 500 or ratio <= Decimal("0.002"):
            yield Finding("figure.magnitude", "warning",
                          f"指标“{m.label or m.id}”本年{m.value}、上年{m.last_value}（同一单位“{m.scale}{m.unit}”）相差"
                          f"{'上千' if ratio >= 1000 or ratio <= Decimal('0.001') else '数百'}倍：是否把“万”“亿”或小数点弄错了？请核对。",
                          FieldRef(m.id, "value"))


def _plausible(ctx, f, text, fig: Figure, before: str) -> Iterator[Finding]:
    unit = fig.unit
    if unit in ("%", "％") and fig.value > 100 and not fig.sign:
        lab = _RATE_LABEL_RE.search(before)
        if lab and not _GROWTH_RE.search(before[max(0, lab.start() - 4):lab.end()]):
            s, e = _span(ctx, f, fig.start, fig.end)
            yield Finding("figure.rate_over_100", "error",
                          f"“{before[lab.start() - min(lab.start(), 4):lab.end()]}{text[fig.start:fig.end]}”超过100%：比率、占比不会超过100%，请核对数值。",
                          f.ref, span=(s, e))
        return
    if unit not in COUNT_UNITS:
        return
    if fig.sign:
        s, e = _span(ctx, f, fig.start, fig.end)
        yield Finding("figure.negative", "warning", f"“{text[fig.start:fig.end]}”是负数：数量不能为负，请核对。",
                      f.ref, span=(s, e))
        return
    if "." in fig.number and not fig.scale and not _AVERAGE_RE.search(before):
        s, e = _span(ctx, f, fig.start, fig.end)
        yield Finding("figure.decimal_count", "warning",
                      f"“{text[fig.start:fig.end]}”是带小数的计数：件数、人数、家数应为整数，请核对（或补上“万”）。",
                      f.ref, span=(s, e))
        return
    if unit not in _NOUN_UNITS:
        return  # 项, 次, 条…: fit any noun
    after = _NOUN_AFTER_RE.match(text, fig.end)
    if after:
        kind = _NOUN_KIND[after.group(1)]
        _rx, ok_units, what, shown = _NOUN_RE[kind]
        if unit not in ok_units and any(unit in units for _r, units, _w, _s in _NOUN_RE.values()):
            s, e = _span(ctx, f, fig.start, fig.end)
            yield Finding("figure.unit_noun", "warning",
                          f"“{text[fig.start:fig.end]}{after.group(1)}”：{what}的单位一般是“{shown}”，不是“{unit}”。请核对单位。",
                          f.ref, span=(s, e))
        return
    m = _NOUN_BEFORE_RE.search(before)
    if not m:
        return
    _rx, ok_units, what, shown = _NOUN_RE[_NOUN_KIND[m.group(1)]]
    if unit in ok_units or unit in ("项", "批", "次", "场次", "期", "条", "份", "部"):
        return
    if any(unit in units for _r, units, _w, _s in _NOUN_RE.values()):
        s, e = _span(ctx, f, fig.start, fig.end)
        yield Finding("figure.unit_noun", "warning",
                      f"“{m.group(1)}{text[fig.start:fig.end]}”：{what}的单位一般是“{shown}”，不是“{unit}”。请核对单位。",
                      f.ref, span=(s, e))


# ---------------------------------------------------------------- relations
_SENT_END = lazy_re(r"[。；！？]")


def _sentences(text: str):
    start = 0
    for m in _SENT_END.finditer(text):
        yield start, text[start:m.end()]
        start = m.end()
    if start < len(text):
        yield start, text[start:]


@rule("figure_relations", "数字：分项不大于总数，“其中…”的分项之和，“分别为”列举的个数，限定词重复（逾…以上、约…左右）")
def check_figure_relations(ctx: CheckContext) -> Iterator[Finding]:
    warn = ctx.wants("warning")  # 分别为, doubled qualifiers and a subset larger than its total are warnings
    for f, text in _fields(ctx):
        if "其中" in text:
            yield from _breakdowns(ctx, f, text)
        if not warn:
            continue
        if "分别" in text:
            yield from _respectively(ctx, f, text)
        yield from _double_qualifier(ctx, f, text)
        yield from _subset_larger(ctx, f, text)
    yield from _metric_parts_larger(ctx)


def _breakdowns(ctx, f, text) -> Iterator[Finding]:
    for off, sent in _sentences(text):
        k = sent.find("其中")
        if k <= 0:
            continue
        head = [g for g in figures(sent[:k]) if g.unit not in ("%", "％", "个百分点")]
        if not head:
            continue
        total = head[-1]
        if sent[total.end:k].strip("，,：: ") not in ("",):
            continue  # 其中 does not follow the total directly
        if _declared_parts(ctx, f, off + total.start, off + total.end):
            continue  # the metric declares its parts: metric_parts checks them
        parts = [g for g in figures(sent[k:]) if g.unit == total.unit]
        if not parts:
            continue
        approx = bool(total.qual) or any(p.qual for p in parts) or re.search(r"(逾|近|约|超)$", sent[:total.start])
        s, e = _span(ctx, f, off + total.start, off + k + parts[-1].end)
        big = [p for p in parts if p.value > total.value]
        if big:
            p = big[0]
            yield Finding("figure.part_gt_whole", "error",
                          f"“其中”的分项{sent[k + p.start:k + p.end]}大于总数{sent[total.start:total.end]}：请核对数值。",
                          f.ref, span=(s, e))
            continue
        total_sum = sum((p.value for p in parts), Decimal(0))
        if approx or len(parts) < 2:
            continue
        if total_sum > total.value:
            yield Finding("figure.breakdown_sum", "error",
                          f"“其中”各分项之和{_fmt(total_sum)}{total.unit}大于总数{sent[total.start:total.end]}：请核对数值。",
                          f.ref, span=(s, e))
        elif total_sum < total.value and total_sum >= total.value * Decimal("0.9") and _exhaustive(sent[k:]):
            yield Finding("figure.breakdown_sum", "warning",
                          f"“其中”各分项之和{_fmt(total_sum)}{total.unit}与总数{sent[total.start:total.end]}不符：请核对数值"
                          "（如只列了部分分项，可忽略此处）。", f.ref, span=(s, e))


def _exhaustive(tail: str) -> bool:
    """A breakdown that names its parts as complements (调整…、不再…; 刑事…、民事…) rather than examples."""
    return "等" not in tail and "其他" not in tail and "其余" not in tail


def _declared_parts(ctx, f, s, e) -> bool:
    rs, re_ = ctx.raw_span(f, s, e)
    token = f.raw[rs:re_]
    m = re.fullmatch(r"\{\{m:([A-Za-z0-9_\-]+)\}\}", token)
    return bool(m and ctx.metrics.get(m.group(1)) is not None and ctx.metrics[m.group(1)].parts)


def _fmt(d: Decimal) -> str:
    t = format(d.normalize(), "f")
    return t


_CN_NUMS = {c: i for i, c in enumerate("零一二三四五六七八九十", 0)} | {"两": 2}
_RESP_RE = lazy_re(r"(\d{1,2}|[一二两三四五六七八九十])(部|个|项|份|件|条|家)[^，。；：]{0,4}[，：:]?(?:分别为|分别是)[：:]?")


def _respectively(ctx, f, text) -> Iterator[Finding]:
    for m in _RESP_RE.finditer(text):
        n = int(m.group(1)) if m.group(1).isdigit() else _CN_NUMS[m.group(1)]
        end = _SENT_END.search(text, m.end())
        tail = text[m.end():end.start() if end else len(text)]
        titles = re.findall(r"《[^《》]+》", tail)
        if len(titles) < 2 or n == len(titles):
            continue
        s, e = _span(ctx, f, m.start(), m.end() + len(tail))
        yield Finding("figure.respectively_count", "warning",
                      f"写的是{m.group(1)}{m.group(2)}，“{m.group(0).rstrip('：:')}”后面却列了{len(titles)}个名称：请核对数量或名称。",
                      f.ref, span=(s, e))


_DOUBLE_QUAL_RE = lazy_re(
    r"(逾|超过|超|多于|大于)(\d+(?:\.\d+)?|[千百万])(万|亿)?(余|多)?(%s)?(以上)"
    r"|(约|大约|大概|近)(\d+(?:\.\d+)?|[千百万])(万|亿)?(余|多)?(%s)?(左右|以上)"
    r"|(约|大约|近)(\d+(?:\.\d+)?)(万|亿)?(余|多)(%s)"
    r"|(约|大约|大概)(近|逾|超过|超|达)(?=\d)|(近|逾|超过)(约|大约)(?=\d)" % (_UNIT_ALT, _UNIT_ALT, _UNIT_ALT))


def _double_qualifier(ctx, f, text) -> Iterator[Finding]:
    if not any(q in text for q in ("以上", "左右", "余", "多", "近", "逾")) or \
            not any(q in text for q in ("逾", "约", "近", "超", "多于", "大于")):
        return
    for m in _DOUBLE_QUAL_RE.finditer(text):
        s, e = _span(ctx, f, m.start(), m.end())
        yield Finding("figure.double_qualifier", "warning",
                      f"“{m.group(0)}”前后两个限定词意思重复：只保留一个（如“逾5000人次”或“5000人次以上”）。",
                      f.ref, span=(s, e))


_TOTAL_WORDS = lazy_re(r"(全市|全省|全区|全县|现有|共有|总计|合计|共)\S{0,4}$")
_SAME_KIND = {u: "people" for u in _PEOPLE_UNITS} | {u: "orgs" for u in ("家", "所")} | \
    {u: "cases" for u in ("件", "宗", "起")}


def _subset_larger(ctx, f, text) -> Iterator[Finding]:
    """The same thing counted twice in a paragraph (全市现有律师事务所373家 … 完成311家律师事务所的
    考核): the count of a subset cannot exceed the total."""
    pairs = []
    for fig in figures(text):
        if fig.qual or fig.unit not in _SAME_KIND:
            continue
        after = _NOUN_AFTER_RE.match(text, fig.end)
        before = text[max(0, fig.start - 8):fig.start]
        noun = after.group(1) if after else None
        if noun is None:
            m = re.search("(%s)$" % "|".join(sorted(_NOUN_KIND, key=len, reverse=True)), before)
            noun = m.group(1) if m else None
            total = bool(m and _TOTAL_WORDS.search(before[:m.start()] if m else ""))
        else:
            total = bool(_TOTAL_WORDS.search(before))
        if noun:
            pairs.append((noun, fig, total))
    totals = {}
    for noun, fig, total in pairs:
        if total and noun not in totals:
            totals[noun] = fig
    for noun, fig, _total in pairs:
        whole = totals.get(noun)
        if whole is None or fig is whole or _SAME_KIND[fig.unit] != _SAME_KIND[whole.unit]:
            continue
        if fig.value > whole.value:
            s, e = _span(ctx, f, fig.start, fig.end)
            yield Finding("figure.part_gt_whole", "warning",
                          f"{text[fig.start:fig.end]}{noun}多于前面写的全部{noun}{text[whole.start:whole.end]}：请核对数值。",
                          f.ref, span=(s, e))


def _metric_parts_larger(ctx) -> Iterator[Finding]:
    for total in ctx.report.metrics:
        if not total.parts or not (total.qualifier or any(
                (ctx.metrics.get(p) is not None and ctx.metrics[p].qualifier) for p in total.parts)):
            continue  # exact figures: metric_parts reports any difference
        t = to_decimal(total.value)
        if t is None:
            continue
        tv = t * _SCALE[total.scale]
        for pid in total.parts:
            p = ctx.metrics.get(pid)
            pv = to_decimal(p.value) if p is not None else None
            if pv is not None and pv * _SCALE[p.scale] > tv:
                yield Finding("figure.part_gt_whole", "error",
                              f"指标“{total.label}”的分项“{p.label}”大于总数：请核对数值。", FieldRef(total.id, "parts"))


bind(globals())  # patterns compile on first use (see .lazyre)
