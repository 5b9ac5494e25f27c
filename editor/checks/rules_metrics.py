"""Rules over figures: missing and invalid values, unused metrics, changes stated in the text,
changes of rates, parts and totals, the same figure written differently."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from typing import Iterator, Optional

from ..model import FieldRef, Metric, metric_token
from ..model.tokens import format_value, to_decimal, value_error
from .context import CheckContext
from .engine import rule
from .findings import Finding, Fix
from .lazyre import bind, lazy_re

_SCALE = {"": Decimal(1), "万": Decimal(10_000), "亿": Decimal(100_000_000)}


def _label(m: Metric) -> str:
    return m.label or m.id


def _filled(v: Optional[str]) -> bool:
    return v is not None and v.strip() != ""


def _is_rate(m: Metric) -> bool:
    return m.is_rate or m.unit in ("%", "％")


@rule("metric_values", "指标：未填写、无法识别的数值，未使用的指标，引用不存在的指标")
def check_metric_values(ctx: CheckContext) -> Iterator[Finding]:
    usage = ctx.usage
    for m in ctx.report.metrics:
        label = _label(m)
        uses = usage.get(m.id, [])
        for name, what in (("value", "数值"), ("last_value", "上年数值")):
            v = getattr(m, name)
            if _filled(v):
                err = value_error(v)
                if err:
                    ref = FieldRef(m.id, name)
                    fixed = _repair_value(v)
                    fix = Fix(f"改为“{fixed}”", ref, fixed, v) if fixed else None
                    yield Finding("metric.bad_value", "error", f"指标“{label}”的{what}有误：{err}", ref, fix=fix)
        if not uses:
            yield Finding("metric.unused", "warning",
                          f"指标“{label}”没有在正文中使用：请在文中插入它，或删除这个指标。", FieldRef(m.id, "label"))
            continue
        kinds = {u[0] for u in uses}
        if "m" in kinds and not _filled(m.value):
            where = ctx.where(uses[0][1].ref)
            yield Finding("metric.missing_value", "error",
                          f"指标“{label}”还没有填写数值（用于{where}），导出时显示为“【待填】”：请填写数值。",
                          FieldRef(m.id, "value"))
        if "chg" in kinds and _filled(m.value) and not _filled(m.last_value):
            where = ctx.where(uses[0][1].ref)
            yield Finding("metric.missing_value", "error",
                          f"文中写了指标“{label}”的同比变化（{where}），但没有填写上年数值：请填写上年数值。",
                          FieldRef(m.id, "last_value"))
        elif "chg" in kinds and not _is_rate(m) and to_decimal(m.last_value) == 0:
            where = ctx.where(uses[0][1].ref)
            yield Finding("metric.change_base", "error",
                          f"指标“{label}”上年数值为0，无法计算增长百分比（{where}）：请改写这句话，不用同比变化。",
                          uses[0][1].ref)
    for mid, uses in usage.items():
        if mid not in ctx.metrics:
            for _kind, f, _s, _e in uses:
                yield Finding("metric.unknown", "error",
                              f"文中引用的指标（{mid}）已不存在，导出时显示为“【指标缺失】”：请删除它或改为已有的指标。",
                              f.ref)


def _repair_value(v: str) -> Optional[str]:
    t = v.strip().replace(",", "").replace("，", "").replace("．", ".")
    t = t.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if re.fullmatch(r"0+[0-9]+(\.[0-9]+)?", t):
        t = t.lstrip("0") or "0"
        if t.startswith("."):
            t = "0" + t
    return t if value_error(t) is None and t != v else None


# ---------------------------------------------------------------- changes written in the text
_UP = ("增长", "增加", "上升", "提高", "提升")
_DOWN = ("下降", "减少", "降低", "回落")
_OPPOSITE = {"增长": "下降", "增加": "减少", "上升": "下降", "提高": "降低", "提升": "下降",
             "下降": "增长", "减少": "增加", "降低": "提高", "回落": "上升"}
_CHANGE_RE = lazy_re(
    r"[，,]?\s*(同比|较上年|比上年|较去年|比去年|较上一年|与上年相比)?\s*"
    r"(?:(持平)|(%s)了?(\d+(?:\.\d+)?)(%%|％|个百分点))" % "|".join(_UP + _DOWN)
)


def _quant(d: Decimal, decimals: int) -> Decimal:
    return d.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def _text(d: Decimal) -> str:
    t = format(d, "f")
    return t


@rule("metric_changes", "指标：文中写的同比变化与本年、上年数值一致；比率的变化用“个百分点”")
def check_metric_changes(ctx: CheckContext) -> Iterator[Finding]:
    for f in ctx.token_fields:
        raw = f.raw
        for kind, mid, _s, e in ctx.tokens(f):
            if kind != "m":
                continue
            m = _CHANGE_RE.match(raw, e)
            if not m:
                continue
            metric = ctx.metrics.get(mid)
            if metric is None or to_decimal(metric.value) is None:
                continue  # missing or invalid values are reported by metric_values
            yield from _check_change(ctx, f, metric, m)


def _check_change(ctx: CheckContext, f, metric: Metric, m: re.Match) -> Iterator[Finding]:
    label = _label(metric)
    prefix, flat, word, number, unit = m.groups()
    prefix = prefix or ""
    start = m.start(1) if m.group(1) else (m.start(2) if flat else m.start(3))
    written = m.string[start:m.end()]
    rate = _is_rate(metric)
    cur, last = to_decimal(metric.value), to_decimal(metric.last_value)
    pp = unit == "个百分点"
    if rate and not pp and not flat:
        new_phrase = None
        if last is not None:
            decimals = max(_decimals(metric.value), _decimals(metric.last_value))
            new_phrase = _phrase(prefix, word, cur - last, decimals, "个百分点")
        else:
            new_phrase = written[: -len(unit)] + "个百分点"
        yield Finding("metric.rate_percent", "error",
                      f"“{label}”是比率，它的变化应写作“个百分点”，不能写“%”：“{written}”应改为“{new_phrase}”。",
                      f.ref, fix=_replace_fix(f, start, m.end(), new_phrase))
        return
    if not rate and pp:
        yield Finding("metric.rate_percent", "warning",
                      f"“{label}”不是比率，变化一般写作“%”而不是“个百分点”（{written}）：请核对。", f.ref)
        return
    if last is None:
        yield Finding("metric.change_unverified", "info",
                      f"文中写了“{label}”的变化“{written}”，但指标没有上年数值，无法核对：建议填写上年数值并插入“同比变化”。",
                      f.ref)
        return
    if rate:
        actual = cur - last
        decimals = _decimals(number) if number else max(_decimals(metric.value), _decimals(metric.last_value))
    else:
        if last == 0:
            return
        actual = (cur - last) / last * 100
        decimals = _decimals(number) if number else metric.change_decimals
    rounded = _quant(abs(actual), decimals)
    if flat:
        ok = rounded == 0
    else:
        w = Decimal(number)
        direction_ok = (word in _UP and actual > 0) or (word in _DOWN and actual < 0)
        tolerance = Decimal(1).scaleb(-decimals) / 2
        ok = direction_ok and abs(abs(actual) - w) <= tolerance + Decimal("1e-12")
    if ok:
        return
    unit_out = "个百分点" if rate else "%"
    new_phrase = _phrase(prefix, word or "增长", actual, decimals, unit_out)
    base = f"本年{metric.value}、上年{metric.last_value}"
    yield Finding("metric.change_mismatch", "error",
                  f"“{label}”的变化写作“{written}”，但按{base}计算应为“{new_phrase}”：请核对数值或改正文字。",
                  f.ref, fix=_replace_fix(f, start, m.end(), new_phrase))


def _decimals(v: Optional[str]) -> int:
    if not v or "." not in v:
        return 0
    return len(v.strip().split(".", 1)[1])


def _phrase(prefix: str, word: Optional[str], actual: Decimal, decimals: int, unit: str) -> str:
    q = _quant(abs(actual), decimals)
    if q == 0:
        return f"{prefix}持平"
    word = word or "增长"
    is_up = word in _UP
    if (actual > 0) != is_up:
        word = _OPPOSITE[word]
    return f"{prefix}{word}{_text(q)}{unit}"


def _replace_fix(f, s: int, e: int, new_phrase: Optional[str]) -> Optional[Fix]:
    if not new_phrase:
        return None
    return Fix(f"改为“{new_phrase}”", f.ref, f.raw[:s] + new_phrase + f.raw[e:], f.raw)


# ---------------------------------------------------------------- parts and totals
@rule("metric_parts", "指标：各分项之和等于总数")
def check_metric_parts(ctx: CheckContext) -> Iterator[Finding]:
    for total in ctx.report.metrics:
        if not total.parts:
            continue
        label = _label(total)
        ref = FieldRef(total.id, "parts")
        parts = []
        for pid in total.parts:
            p = ctx.metrics.get(pid)
            if p is None:
                yield Finding("metric.parts_missing", "error",
                              f"指标“{label}”的分项（{pid}）已不存在：请在分项中删除它。", ref)
                parts = None
                break
            parts.append(p)
        if not parts:
            continue
        values = [to_decimal(p.value) for p in parts]
        t = to_decimal(total.value)
        if t is None or any(v is None for v in values):
            continue  # missing or bad values are reported by metric_values
        units = {p.unit for p in parts} | {total.unit}
        if len(units) > 1:
            yield Finding("metric.parts_unit", "warning",
                          f"指标“{label}”与它的分项单位不同（{'、'.join(sorted(u or '无' for u in units))}）：请核对。", ref)
            continue
        if total.qualifier or any(p.qualifier for p in parts):
            continue  # approximate figures (约、逾、余…) need not add up exactly
        s = sum((v * _SCALE[p.scale] for v, p in zip(values, parts, strict=True)), Decimal(0))
        tv = t * _SCALE[total.scale]
        if s != tv:
            names = "、".join(f"{_label(p)} {format_value(p)}" for p in parts)
            yield Finding("metric.parts_sum", "error",
                          f"指标“{label}”为{format_value(total)}，但各分项（{names}）之和为{_text(s / _SCALE[total.scale])}"
                          f"{total.scale}{total.unit}：请核对数值。", ref)


# ---------------------------------------------------------------- the same figure written differently
_DIGIT_RE = lazy_re(r"\d")
_NUM = r"(\d+(?:\.\d+)?)(万|亿)?(余|多)?"
_CONNECT = r"(?:共计|共|达到|达|为|约|近|逾|超过|超)?"


@rule("metric_consistency", "指标：同一数字在不同地方写法一致；文中手写的数字可改为引用指标", severities=("warning", "info"))
def check_metric_consistency(ctx: CheckContext) -> Iterator[Finding]:
    # Two metrics with the same label but different figures.
    by_label: dict[str, list[Metric]] = {}
    for m in ctx.report.metrics:
        if m.label.strip():
            by_label.setdefault(m.label.strip(), []).append(m)
    labels_ok: dict[str, Metric] = {}
    for label, ms in by_label.items():
        shown = list(dict.fromkeys(format_value(m) or "（未填写）" for m in ms))
        if len(shown) > 1:
            yield Finding("metric.inconsistent", "warning",
                          f"有{len(ms)}个指标都叫“{label}”，数值却不同（{'、'.join(shown)}）：请核对，或改用不同的名称。",
                          FieldRef(ms[1].id, "value"))
        elif len(label) >= 3 and ms[0].unit and format_value(ms[0]):
            labels_ok[label] = ms[0]
    # A figure written as plain text next to the metric's label, or exactly as the metric renders.
    rendered: dict[str, list[Metric]] = {}
    for m in ctx.report.metrics:
        v = format_value(m)
        if v and m.unit and (len(re.sub(r"\D", "", m.value or "")) >= 3 or "." in (m.value or "")):
            rendered.setdefault(v, []).append(m)
    unique_rendered = {v: ms[0] for v, ms in rendered.items() if len({(x.label, x.value) for x in ms}) == 1}
    label_re = None
    if labels_ok:
        alts = "|".join(re.escape(x) for x in sorted(labels_ok, key=len, reverse=True))
        label_re = re.compile(f"({alts}){_CONNECT}{_NUM}")
    value_re = None
    if unique_rendered:
        alts = "|".join(re.escape(x) for x in sorted(unique_rendered, key=len, reverse=True))
        value_re = re.compile(f"(?<![\\d.])({alts})(?![\\d.])")
    for f in ctx.fields:
        if f.role == "title":
            continue
        masked = ctx.masked(f)
        if not _DIGIT_RE.search(masked):
            continue
        seen: set[int] = set()
        if label_re is not None:
            for m in label_re.finditer(masked):
                metric = labels_ok[m.group(1)]
                after = masked[m.end():m.end() + len(metric.unit)]
                if after != metric.unit:
                    continue
                number, scale = m.group(2), m.group(3) or ""
                written = masked[m.start(2):m.end() + len(metric.unit)]
                if Decimal(number) * _SCALE[scale] != Decimal(metric.value) * _SCALE[metric.scale]:
                    yield Finding("metric.inconsistent", "warning",
                                  f"“{metric.label}”在这里写作“{written}”，与指标的数值“{format_value(metric)}”不同：请核对。",
                                  f.ref)
                    seen.add(m.start(2))
        if value_re is not None:
            for m in value_re.finditer(masked):
                if m.start() in seen:
                    continue
                metric = unique_rendered[m.group(1)]
                token = metric_token(metric.id)
                new = f.raw[:m.start()] + token + f.raw[m.end():]
                yield Finding("metric.literal", "info",
                              f"“{m.group(1)}”是直接写在文中的数字，与指标“{_label(metric)}”相同：建议改为引用该指标，"
                              "以后改数值时各处一起更新。", f.ref,
                              fix=Fix(f"改为引用指标“{_label(metric)}”", f.ref, new, f.raw))


# ---------------------------------------------------------------- other forms of a stated change
_CH_PREFIX = r"(同比|较上年|比上年|较去年|比去年|较上一年|与上年相比|比2\d{3}年|较2\d{3}年)"
_PAREN_RE = lazy_re(r"\s*[（(]")
_FORM_PCT_RE = lazy_re(r"[，,（(]?\s*%s?[，,]?\s*(增幅|降幅|增速|涨幅|跌幅)(?:为|达|达到|是)?(\d+(?:\.\d+)?)(%%|％)" % _CH_PREFIX)
_FORM_ABS_RE = lazy_re(
    r"[，,（(]?\s*%s[，,]?\s*(增加|减少|增长|下降|多|少|上升|提高)了?(\d+(?:\.\d+)?)(万|亿)?([^\d\s，。；、（）]{1,3})" % _CH_PREFIX)
_FORM_TIMES_RE = lazy_re(r"[，,（(]?\s*(?:是|为|相当于|达)(?:上年|去年|上一年|2\d{3}年)(?:同期)?的?(\d+(?:\.\d+)?)倍")


@rule("metric_change_forms", "指标：其他写法的同比变化（括号中、增幅、比上年增加N件、是上年的N倍）与数值一致")
def check_metric_change_forms(ctx: CheckContext) -> Iterator[Finding]:
    for f in ctx.token_fields:
        raw = f.raw
        for kind, mid, _s, e in ctx.tokens(f):
            if kind != "m":
                continue
            metric = ctx.metrics.get(mid)
            if metric is None or to_decimal(metric.value) is None:
                continue
            p = _PAREN_RE.match(raw, e)
            if p:
                m = _CHANGE_RE.match(raw, p.end())
                if m:
                    yield from _check_change(ctx, f, metric, m)
                    continue
            yield from _other_forms(f, metric, raw, e)


def _other_forms(f, metric: Metric, raw: str, e: int) -> Iterator[Finding]:
    label = _label(metric)
    cur, last = to_decimal(metric.value), to_decimal(metric.last_value)
    if last is None:
        return
    m = _FORM_PCT_RE.match(raw, e)
    if m and not _is_rate(metric) and last != 0:
        word, number = m.group(2), m.group(3)
        actual = (cur - last) / last * 100
        up = word in ("增幅", "增速", "涨幅")
        decimals = _decimals(number)
        ok = ((actual >= 0) == up or _quant(abs(actual), decimals) == 0) and \
            abs(abs(actual) - Decimal(number)) <= Decimal(1).scaleb(-decimals) / 2 + Decimal("1e-12")
        if not ok:
            yield Finding("metric.change_mismatch", "error",
                          f"“{label}”的变化写作“{m.group(0).lstrip('，,（(')}”，但按本年{metric.value}、上年{metric.last_value}"
                          f"计算应为{'增长' if actual >= 0 else '下降'}{_text(_quant(abs(actual), decimals))}%：请核对。",
                          f.ref, span=(m.start(), m.end()))
        return
    m = _FORM_ABS_RE.match(raw, e)
    if m and m.group(5) == metric.unit and not _is_rate(metric):
        word, number, scale = m.group(2), m.group(3), m.group(4) or ""
        diff = (cur - last) * _SCALE[metric.scale]
        stated = Decimal(number) * _SCALE[scale]
        up = word in ("增加", "增长", "多", "上升", "提高")
        if (diff >= 0) != up or abs(diff) != stated:
            yield Finding("metric.change_mismatch", "error",
                          f"“{label}”的变化写作“{m.group(0).lstrip('，,（(')}”，但本年{metric.value}、上年{metric.last_value}"
                          f"相差{_text(abs(cur - last))}{metric.scale}{metric.unit}：请核对。", f.ref, span=(m.start(), m.end()))
        return
    m = _FORM_TIMES_RE.match(raw, e)
    if m and last != 0:
        number = m.group(1)
        ratio = cur / last
        decimals = _decimals(number)
        if abs(ratio - Decimal(number)) > Decimal(1).scaleb(-decimals) / 2 + Decimal("1e-12"):
            yield Finding("metric.change_mismatch", "error",
                          f"“{label}”写作“{m.group(0).lstrip('，,（(')}”，但本年{metric.value}是上年{metric.last_value}的"
                          f"{_text(_quant(ratio, max(decimals, 1)))}倍：请核对。", f.ref, span=(m.start(), m.end()))


bind(globals())  # patterns compile on first use (see .lazyre)
