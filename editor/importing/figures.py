"""Figures in imported text -> metric suggestions.

A suggestion covers a span of one text field: a figure (``2041件``, ``近5.9万宗``, ``逾千家``,
``75.46%``) and optionally the change phrase that follows it (``同比增长64.6%``). Applying a suggestion
adds its :class:`~editor.model.Metric` and replaces the span with ``{{m:ID}}`` (and ``{{chg:ID}}``);
a suggestion is only made when rendering the metric gives back exactly the original characters.
"""

from __future__ import annotations

import os
import random
import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Optional

from ..model import FieldRef, Metric, change_token, format_change, format_value, metric_token

UNITS = sorted(
    [
        "人次", "场次", "件次", "户次", "家次", "批次", "万元", "亿元", "平方米", "公里", "小时", "分钟", "个百分点",
        "%", "％", "件", "宗", "项", "个", "条", "份", "部", "家", "名", "人", "次", "期", "场", "批", "户", "所",
        "天", "元", "起", "篇", "册", "本", "台", "座", "间", "位", "支", "队", "处", "套", "单", "宗次", "节", "课",
    ],
    key=len,
    reverse=True,
)
# "万元" / "亿元" are scale + unit; handle them through the scale group instead.
UNITS = [u for u in UNITS if u not in ("万元", "亿元", "个百分点")]
_UNIT_RE = "|".join(re.escape(u) for u in UNITS)
_PREFIX = "超过|逾|近|约|超|达|共"
_CN_ROUND = {"十": 10, "百": 100, "千": 1000, "万": 10000}

FIGURE_RE = re.compile(
    rf"(?P<pre>{_PREFIX})?"
    rf"(?:(?P<num>(?<![0-9.．\-－/:：A-Za-z])(?:0|[1-9][0-9]*)(?:\.[0-9]+)?)|(?P<cn>(?<=逾|近|超|约)[十百千万]))"
    rf"(?P<scale>万|亿)?(?P<mid>余|多)?(?P<unit>{_UNIT_RE})(?P<post>以上|左右)?"
)
CHANGE_WORDS = {
    "增长": ("增长", "下降"), "上升": ("上升", "下降"), "提高": ("提高", "降低"), "提升": ("提升", "下降"),
    "增加": ("增加", "减少"), "下降": ("增长", "下降"), "降低": ("提高", "降低"), "减少": ("增加", "减少"),
}
CHANGE_RE = re.compile(
    r"(?P<prefix>同比|较上年|比上年|较去年|比去年)?(?:(?P<flat>持平)|(?P<word>增长|上升|提高|提升|增加|下降|降低|减少)"
    r"(?P<num>(?:0|[1-9][0-9]*)(?:\.[0-9]+)?)(?P<unit>%|个百分点))"
)
_BOOK = re.compile(r"《[^《》]*》")
_PREV_FIGURE = re.compile(rf"[0-9][0-9.]*(?:万|亿)?(?:余|多)?(?:{_UNIT_RE})?(?:以上|左右)?")
_CLAUSE_BREAK = "，。；：、！？（）“”《》,;:()\n"
_VERBS = ("组织完成", "完成", "开展", "组织", "举办", "提供", "受理", "处理", "新增", "成立", "办结", "累计", "共", "为", "达", "是",
          "有", "约", "涉及", "全年", "今年")


@dataclass
class MetricSuggestion:
    """One figure found in the text. ``accepted`` and ``metric.label`` may be changed before applying."""

    ref: FieldRef
    start: int
    end: int
    text: str  # the original characters covered (figure, or figure + separator + change phrase)
    metric: Metric
    change_start: Optional[int] = None  # offset within ``text`` of the change phrase, if any
    context: str = ""
    accepted: bool = True

    @property
    def figure_text(self) -> str:
        return self.text if self.change_start is None else self.text[: self._figure_len]

    _figure_len: int = field(default=0, repr=False)

    def replacement(self) -> str:
        tok = metric_token(self.metric.id)
        if self.change_start is None:
            return tok
        sep = self.text[self._figure_len : self.change_start]
        return tok + sep + change_token(self.metric.id)


_DIGIT = re.compile(r"[0-9]")
_LABEL_PREFIX = re.compile(r"^(?:全年|今年|其中|并|共|累计|目前|现有)")
_VERBS_BY_LENGTH = [(n, frozenset(v for v in _VERBS if len(v) == n))
                    for n in sorted({len(v) for v in _VERBS}, reverse=True)]
_LABEL_WINDOW = 64  # a label is at most 24 characters: looking further back changes nothing


def _label(text: str, start: int, end: int) -> str:
    i = start
    stop = max(0, start - _LABEL_WINDOW)  # bounded, so a long clause full of figures stays linear
    while i > stop and text[i - 1] not in _CLAUSE_BREAK:
        i -= 1
    before = text[i:start].strip()
    # only the words after the previous figure in the same clause ("培训班64人次和线上网络培训班")
    pieces = _PREV_FIGURE.split(before)
    after_figure = len(pieces) > 1
    before = pieces[-1]
    if after_figure:
        before = before.lstrip("和及与、并")
    before = before.lstrip("等")
    j = end
    while j < len(text) and text[j] not in _CLAUSE_BREAK and j - end < 16:
        j += 1
    after = _DIGIT.split(text[end:j], maxsplit=1)[0].strip()
    if before[-1:] in ("和", "及", "与") and after:
        return after.lstrip("的")
    for size, verbs in _VERBS_BY_LENGTH:  # longest first, as before; a set look-up per length
        if before[-size:] in verbs and len(before) > size + 1:
            before = before[:-size]
            break
    before = _LABEL_PREFIX.sub("", before) or before
    label = before[-24:]
    if len(label) < 4 and after:
        label = (label + after.lstrip("的").rstrip("和及与、")).strip()
    return label or text[max(0, start - 8) : start]


def _decimals(num: str) -> int:
    return len(num.split(".", 1)[1]) if "." in num else 0


def _last_value_for_change(metric: Metric, stated: str) -> Optional[str]:
    """Choose last_value so that format_change(metric) == stated, or None if no value does."""
    m = CHANGE_RE.fullmatch(stated)
    if not m or m.group("flat"):
        if m and m.group("flat"):
            metric.last_value = metric.value
            metric.change_prefix = m.group("prefix") or ""
            return metric.value if format_change(metric) == stated else None
        return None
    word, num, unit = m.group("word"), m.group("num"), m.group("unit")
    metric.change_prefix = m.group("prefix") or ""
    metric.change_words = CHANGE_WORDS[word]
    sign = -1 if word in ("下降", "降低", "减少") else 1
    cur = Decimal(metric.value)
    stated_d = Decimal(num)
    if unit == "个百分点":
        metric.is_rate = True
        last = cur - sign * stated_d
        if last < 0:
            return None
        candidates = [last]
    else:
        if metric.is_rate:
            return None  # a rate's change is written in 个百分点; keep the phrase as text
        metric.change_decimals = min(_decimals(num), 4)
        ratio = 1 + sign * stated_d / 100
        if ratio <= 0:
            return None
        approx = cur / ratio
        places = _decimals(metric.value)
        q = Decimal(1).scaleb(-places)
        base = approx.quantize(q, rounding=ROUND_HALF_UP)
        candidates = [base + k * q for k in (0, 1, -1, 2, -2, 3, -3)]
    for cand in candidates:
        if cand <= 0 and unit != "个百分点":
            continue
        text = format(cand, "f")
        if "." in text and unit == "个百分点":
            text = text.rstrip("0").rstrip(".") if "." in metric.value else text
        metric.last_value = text
        if format_change(metric) == stated:
            return text
    metric.last_value = None
    return None


_TEMPLATE = Metric(id="m-0000000000")  # defaults of a new metric; copied per figure
_HAS_DIGIT = re.compile(r"[0-9十百千万]")
_SEP = re.compile(r"[，,]?")
_SKIP_UNITS = frozenset(("％",))


_RNG = random.Random(os.urandom(16))  # seeded from the OS once: ids as random as uuid4's first 40 bits


def _metric_id() -> str:
    """Same form as :func:`editor.model.new_id` ("m-" + 10 hex digits), without building a UUID per figure."""
    return f"m-{_RNG.getrandbits(40):010x}"


def find_figures(ref: FieldRef, text: str) -> list[MetricSuggestion]:
    """Suggestions for one text field, in order."""
    if not text or not _HAS_DIGIT.search(text):
        return []
    masked: Optional[set[int]] = None
    if "《" in text:
        masked = set()
        for m in _BOOK.finditer(text):
            masked.update(range(m.start(), m.end()))
    out: list[MetricSuggestion] = []
    pos = 0
    for m in FIGURE_RE.finditer(text):
        s, e = m.start(), m.end()
        if s < pos or (masked is not None and s in masked):
            continue
        num, cn = m.group("num", "cn")
        num_start = m.start("num") if num else m.start("cn")
        pre = m.group("pre") or ""
        if (num_start > 0 and text[num_start - 1] == "第") or (pre == "" and s > 0 and text[s - 1] == "第"):
            continue  # ordinals
        after = text[e : e + 1]
        # a figure directly followed by more digits or a dot is something else (dates, codes)
        if after and (after.isdigit() or after in ".．"):
            continue
        unit = m.group("unit")
        if unit in _SKIP_UNITS:
            continue
        mid = m.group("mid") or ""
        post = m.group("post") or ""
        qualifiers = [q for q in (pre, mid, post) if q]
        if len(qualifiers) > 1:
            continue
        # Built without validation (a copy of a template, the cheapest way pydantic offers): every value
        # comes from the pattern above (a decimal, a known qualifier, scale and unit), and format_value
        # below proves it renders back exactly.
        metric = _TEMPLATE.model_copy(update={
            "id": _metric_id(), "value": num if num else str(_CN_ROUND[cn]), "unit": unit,
            "scale": m.group("scale") or "", "qualifier": qualifiers[0] if qualifiers else "",
            "is_rate": unit == "%", "numerals": "arabic" if num else "chinese", "parts": [],
        })
        fig_text = text[s:e]
        if format_value(metric) != fig_text:
            continue
        metric.label = _label(text, s, e)
        sugg = MetricSuggestion(ref, s, e, fig_text, metric, context=text[max(0, s - 20) : e + 12])
        sugg._figure_len = len(fig_text)
        # a change phrase right after the figure (",同比增长64.6%")
        sep_end = _SEP.match(text, e).end()
        ch = CHANGE_RE.match(text, sep_end) if sep_end < len(text) else None
        if ch and num:
            probe = metric.model_copy()
            if _last_value_for_change(probe, ch.group(0)) is not None:
                sugg.metric = probe
                sugg.end = ch.end()
                sugg.text = text[s : ch.end()]
                sugg.change_start = sep_end - s
                sugg.context = text[max(0, s - 20) : ch.end() + 8]
        out.append(sugg)
        pos = sugg.end
    return out


def find_all(report, progress=None) -> list[MetricSuggestion]:
    out: list[MetricSuggestion] = []
    fields = list(report.text_fields())
    total = len(fields)
    for i, (ref, text) in enumerate(fields):
        if progress is not None:
            progress.tick("figures", i, total)
        if ref.node == "report" and ref.field in ("title_override", "signature", "notes"):
            continue
        out.extend(find_figures(ref, text))
    # unique labels make the metrics panel readable
    seen: dict[str, int] = {}
    for s in out:
        label = s.metric.label
        if label in seen:
            seen[label] += 1
            s.metric.label = f"{label}（{seen[label]}）"
        else:
            seen[label] = 1
    return out


def _node_index(report) -> dict:
    """id -> section / item / report in one pass (find_node is linear per call)."""
    out = {"report": report}
    for section in report.sections:
        out[section.id] = section
        stack = list(section.items)
        while stack:
            item = stack.pop()
            out[item.id] = item
            stack.extend(item.children)
    return out


def _get(node, ref: FieldRef) -> str:
    value = getattr(node, ref.field)
    return value[ref.index] if ref.index is not None else value


def _set(node, ref: FieldRef, text: str) -> None:
    if ref.index is not None:
        getattr(node, ref.field)[ref.index] = text
    else:
        setattr(node, ref.field, text)


def apply_suggestions(report, suggestions: list[MetricSuggestion], progress=None) -> int:
    """Turn the accepted suggestions into metrics and tokens; returns how many were applied.

    Spans are applied right to left per field, so a subset can be applied to the text the
    suggestions were made from. A suggestion whose text no longer matches is skipped.
    """
    by_field: dict[FieldRef, list[MetricSuggestion]] = {}
    for s in suggestions:
        if s.accepted:
            by_field.setdefault(s.ref, []).append(s)
    applied = 0
    new_metrics: list[tuple[int, Metric]] = []
    order = {id(s): i for i, s in enumerate(suggestions)}
    nodes = _node_index(report)
    total = len(by_field)
    for i, (ref, items) in enumerate(by_field.items()):
        if progress is not None:
            progress.tick("metrics", i, total)
        node = nodes.get(ref.node)
        if node is None:
            continue
        text = _get(node, ref)
        # pieces joined once: a paragraph with thousands of figures is rebuilt in linear time
        pieces: list[str] = []
        pos = 0
        for s in sorted(items, key=lambda x: x.start):
            if s.start < pos or text[s.start : s.end] != s.text:
                continue
            pieces.append(text[pos : s.start])
            pieces.append(s.replacement())
            pos = s.end
            new_metrics.append((order[id(s)], s.metric))
            applied += 1
        pieces.append(text[pos:])
        _set(node, ref, "".join(pieces))
    report.metrics.extend(m for _i, m in sorted(new_metrics, key=lambda t: t[0]))
    return applied
