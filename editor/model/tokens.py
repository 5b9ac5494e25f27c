"""Metric tokens in text, and how figures and year-on-year changes are written.

A paragraph stores ``{{m:ID}}`` where a figure stands and ``{{chg:ID}}`` where its change stands.
Rendering turns them into ``2041件`` / ``近5.9万宗`` and ``同比增长64.6%`` / ``同比下降3.1个百分点`` /
``同比持平``. A token whose metric has no value renders as ``【待填：标签】``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from decimal import ROUND_HALF_UP, Decimal, DecimalException, localcontext
from typing import Iterable, Literal, Mapping, Optional

from .report import (
    DECIMAL_RE,
    INFIX_QUALIFIERS,
    MAX_CHANGE_DIGITS,
    MAX_FRACTION_DIGITS,
    MAX_INTEGER_DIGITS,
    PREFIX_QUALIFIERS,
    SUFFIX_QUALIFIERS,
    Metric,
)

TOKEN_RE = re.compile(r"\{\{(m|chg):([A-Za-z0-9_\-]+)\}\}")

SegmentKind = Literal["text", "metric", "change", "missing"]


def metric_token(metric_id: str) -> str:
    return "{{m:%s}}" % metric_id


def change_token(metric_id: str) -> str:
    return "{{chg:%s}}" % metric_id


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    kind: SegmentKind = "text"
    metric_id: Optional[str] = None
    token: Optional[str] = None  # the raw token this segment was rendered from


# ---------------------------------------------------------------- values
# The checks ask about the same few figures thousands of times (a 50x report: 16,000 calls): both are
# pure functions of their arguments, so their answers are cached.
@lru_cache(maxsize=4096)
def value_error(value: str, *, allow_negative: bool = False) -> Optional[str]:
    """Why ``value`` is not a valid figure (a Chinese message), or None when it is valid.

    A valid figure has at most :data:`MAX_INTEGER_DIGITS` digits before and
    :data:`MAX_FRACTION_DIGITS` after the decimal point."""
    v = value.strip()
    if not v:
        return "请填写数值。"
    if len(v) > 60:  # before any regular expression runs on a pasted text
        shown = v[:20] + "…"
        return (f"“{shown}”太长：数值整数部分最多 {MAX_INTEGER_DIGITS} 位、小数部分最多 {MAX_FRACTION_DIGITS} 位。"
                "很大的数请在“数量级”中选择“万”或“亿”后填写。")
    if re.search(r"[一二三四五六七八九十百千万亿两〇零]", v):
        return f"“{value}”不是阿拉伯数字：请用阿拉伯数字填写（如 2000），“万”“亿”请在“数量级”中选择。"
    if v.startswith("-") or v.startswith("－"):
        if not allow_negative:
            return f"“{value}”是负数：数量不能为负，请填写实际数值。"
        v = v[1:]
    if "," in v or "，" in v:
        return f"“{value}”含有逗号：请去掉千位分隔符，只填写数字（如 13626）。"
    if v.count(".") > 1:
        return f"“{value}”有多个小数点：请只保留一个小数点。"
    if not DECIMAL_RE.match(v):
        if re.match(r"^0[0-9]", v):
            return f"“{value}”以 0 开头：请去掉多余的 0。"
        return f"“{value}”不是有效的数值：只能包含数字和一个小数点，如 75.46。"
    whole, _dot, fraction = v.partition(".")
    if len(whole) > MAX_INTEGER_DIGITS:
        return (f"“{value}”的整数部分有 {len(whole)} 位，最多 {MAX_INTEGER_DIGITS} 位。"
                "很大的数请在“数量级”中选择“万”或“亿”后填写（如 2.5 万）。")
    if len(fraction) > MAX_FRACTION_DIGITS:
        return f"“{value}”的小数部分有 {len(fraction)} 位，最多 {MAX_FRACTION_DIGITS} 位：请按需要的精度四舍五入。"
    return None


@lru_cache(maxsize=4096)
def to_decimal(value: Optional[str]) -> Optional[Decimal]:
    if value is None or value_error(value) is not None:
        return None
    try:
        return Decimal(value.strip())
    except DecimalException:  # pragma: no cover - guarded by value_error
        return None


_CN_DIGITS = "零一二三四五六七八九"


def chinese_numeral(n: int) -> str:
    """Integer to Chinese numerals as figures are written in prose: 1000 -> 千, 1500 -> 一千五百."""
    if n == 0:
        return "零"
    if n >= 100_000_000:
        high, low = divmod(n, 100_000_000)
        rest = _under_10k_group(low) if low else ""
        return chinese_numeral(high) + "亿" + rest
    if n >= 10_000:
        high, low = divmod(n, 10_000)
        rest = ""
        if low:
            rest = ("零" if low < 1000 else "") + _under_10k(low)
        if high == 1 and not low:  # 近万人, like 逾千家
            return "万"
        return _under_10k(high) + "万" + rest
    text = _under_10k(n)
    # A round figure with a single leading 一 reads as 千 / 百 / 十 (逾千家, 近百项).
    if len(text) == 2 and text[0] == "一" and text[1] in "十百千":
        return text[1]
    return text


def _under_10k_group(n: int) -> str:
    if n >= 10_000:
        return chinese_numeral(n)
    return ("零" if n < 1000 else "") + _under_10k(n)


def _under_10k(n: int) -> str:
    out = []
    units = ["千", "百", "十", ""]
    digits = f"{n:04d}"
    zero = False
    started = False
    for d, u in zip(digits, units, strict=False):
        k = int(d)
        if k == 0:
            zero = started
            continue
        if zero:
            out.append("零")
            zero = False
        out.append(_CN_DIGITS[k] + u)
        started = True
    text = "".join(out)
    if text.startswith("一十"):
        text = text[1:]
    return text


def format_number(metric: Metric) -> Optional[str]:
    value = metric.value
    if value is None or value_error(value) is not None:
        return None
    value = value.strip()
    if metric.numerals == "chinese" and "." not in value:
        return chinese_numeral(int(value))
    return value


def format_value(metric: Metric) -> Optional[str]:
    """``近5.9万宗``, ``1100余人次``, ``75.46%``; None when the value is missing or invalid."""
    number = format_number(metric)
    if number is None:
        return None
    q = metric.qualifier
    pre = q if q in PREFIX_QUALIFIERS else ""
    mid = q if q in INFIX_QUALIFIERS else ""
    post = q if q in SUFFIX_QUALIFIERS else ""
    return f"{pre}{number}{metric.scale}{mid}{metric.unit}{post}"


def _strip_zeros(d: Decimal) -> str:
    text = format(d, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


# Enough precision for any pair of valid figures: a quotient of two values with at most 21 digits each,
# times 100, quantized to at most 4 decimals, needs fewer than 60 significant digits.
_CHANGE_PRECISION = 60


def _raw_change(metric: Metric) -> Optional[Decimal]:
    """The signed change as written (before the limit on its digits), or None."""
    cur, last = to_decimal(metric.value), to_decimal(metric.last_value)
    if cur is None or last is None:
        return None
    decimals = metric.change_decimals if isinstance(metric.change_decimals, int) else 1
    decimals = min(max(decimals, 0), 4)
    try:
        with localcontext() as ctx:
            ctx.prec = _CHANGE_PRECISION
            if metric.is_rate:
                return cur - last
            if last == 0:
                return None
            exp = Decimal(1).scaleb(-decimals)
            return ((cur - last) / last * 100).quantize(exp, rounding=ROUND_HALF_UP)
    except DecimalException:  # never for valid figures; kept so that no value can break a render
        return None


def change_amount(metric: Metric) -> Optional[tuple[int, Decimal]]:
    """(direction -1/0/1, magnitude) of the change as it is written, or None if it cannot be computed.

    For a rate the magnitude is the difference in percentage points at the precision of the values;
    otherwise the relative change in per cent rounded half-up to ``change_decimals``. A change with more
    than :data:`MAX_CHANGE_DIGITS` digits before the decimal point is not written (None).
    """
    diff = _raw_change(metric)
    if diff is None:
        return None
    if diff == 0:
        return 0, Decimal(0)
    if abs(diff) >= Decimal(10) ** MAX_CHANGE_DIGITS:
        return None
    return (1 if diff > 0 else -1), abs(diff)


def change_error(metric: Metric) -> Optional[str]:
    """Why the change of ``metric`` cannot be written although both values are valid (Chinese), or None."""
    if metric.value is None or metric.last_value is None:
        return None
    try:  # a quick estimate settles the usual case; the exact test below is for changes near the limit
        cur, last = float(metric.value), float(metric.last_value)
        rough = abs(cur - last) if metric.is_rate else (abs(cur - last) / last * 100 if last else 0.0)
        if rough < 10.0 ** (MAX_CHANGE_DIGITS - 1):
            return None
    except (ValueError, OverflowError, ZeroDivisionError):
        pass
    diff = _raw_change(metric)
    if diff is not None and abs(diff) >= Decimal(10) ** MAX_CHANGE_DIGITS:
        label = f"“{metric.label}”" if metric.label else ""
        return (f"指标{label}的本年数值与上年数值相差太大，同比变化超过 {MAX_CHANGE_DIGITS} 位数，无法写入报告。"
                "请检查两个数值和数量级（万、亿）是否填写正确。")
    return None


def metric_number_error(metric: Metric, field: str, typed: str) -> Optional[str]:
    """Why ``typed`` cannot become ``metric.<field>`` (``value`` or ``last_value``), or None.

    Checks the figure itself (:func:`value_error`) and the change it would give with the other value."""
    typed = typed.strip()
    if not typed:
        return None
    reason = value_error(typed)
    if reason:
        return reason
    probe = metric.model_copy(update={field: typed})
    return change_error(probe)


def format_change(metric: Metric) -> Optional[str]:
    """``同比增长64.6%`` / ``同比下降7.01个百分点`` / ``同比持平``; None when it cannot be computed."""
    amount = change_amount(metric)
    if amount is None:
        return None
    direction, magnitude = amount
    prefix = metric.change_prefix
    if direction == 0:
        return f"{prefix}持平"
    word = metric.change_words[0] if direction > 0 else metric.change_words[1]
    unit = "个百分点" if metric.is_rate else "%"
    return f"{prefix}{word}{_strip_zeros(magnitude)}{unit}"


def missing_marker(metric: Optional[Metric], metric_id: str, *, change: bool = False) -> str:
    if metric is None:
        return f"【指标缺失：{metric_id}】"
    label = metric.label or metric_id
    if change:
        if metric.value is None or not metric.value.strip():
            return f"【待填：{label}】"
        if metric.last_value is None or not str(metric.last_value).strip():
            return f"【待填：{label}（上年）】"
        return f"【无法计算：{label}的同比变化】"
    if metric.value is not None and metric.value.strip():
        return f"【数值有误：{label}】"
    return f"【待填：{label}】"


# ---------------------------------------------------------------- rendering
def split_tokens(text: str) -> list[tuple[str, Optional[tuple[str, str]]]]:
    """Split text into (literal, None) and (token_text, (kind, id)) pieces."""
    out: list[tuple[str, Optional[tuple[str, str]]]] = []
    pos = 0
    for m in TOKEN_RE.finditer(text):
        if m.start() > pos:
            out.append((text[pos : m.start()], None))
        out.append((m.group(0), (m.group(1), m.group(2))))
        pos = m.end()
    if pos < len(text):
        out.append((text[pos:], None))
    return out


class Renderer:
    """Renders text with tokens against a report's metrics; caches formatted values per metric.

    Build one per render pass (export, preview refresh): the cache assumes metrics do not change.
    """

    def __init__(self, metrics: Mapping[str, Metric] | Iterable[Metric]):
        if isinstance(metrics, Mapping):
            self.metrics: Mapping[str, Metric] = metrics
        else:
            self.metrics = {m.id: m for m in metrics}
        self._cache: dict[tuple[str, str], Segment] = {}

    def token_segment(self, kind: str, metric_id: str, token: str) -> Segment:
        key = (kind, metric_id)
        seg = self._cache.get(key)
        if seg is None:
            metric = self.metrics.get(metric_id)
            text = None
            if metric is not None:
                text = format_value(metric) if kind == "m" else format_change(metric)
            if text is None:
                seg = Segment(missing_marker(metric, metric_id, change=(kind == "chg")), "missing", metric_id, token)
            else:
                seg = Segment(text, "metric" if kind == "m" else "change", metric_id, token)
            self._cache[key] = seg
        return seg

    def segments(self, text: str) -> list[Segment]:
        if "{{" not in text:
            return [Segment(text)] if text else []
        out: list[Segment] = []
        for piece, tok in split_tokens(text):
            if tok is None:
                out.append(Segment(piece))
            else:
                out.append(self.token_segment(tok[0], tok[1], piece))
        return out

    def text(self, text: str) -> str:
        if "{{" not in text:
            return text
        return "".join(s.text for s in self.segments(text))


def render_text(text: str, metrics: Mapping[str, Metric] | Iterable[Metric]) -> str:
    return Renderer(metrics).text(text)


def used_metric_ids(text: str) -> list[str]:
    return [m.group(2) for m in TOKEN_RE.finditer(text)]
