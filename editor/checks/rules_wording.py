"""Rules over the wording, as a proofreader reads a government report: wrong characters in fixed
terms (listed wrong forms and input-method homophones, see :mod:`.terms`), 截止/截至, 的/地/得 where
the choice is certain, a character or word typed twice, a sentence or paragraph that appears twice,
and placeholders left from a template or a copied text.

Wrong terms are warnings (a person confirms; the published sample has some), placeholders errors.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from .context import MASK, CheckContext, TextField
from .engine import rule
from .findings import Finding, Fix
from .lazyre import bind, lazy_re

_SKIP_ROLES = ("signature", "notes")


def span_fix(description: str, f: TextField, start: int, end: int, new: str, certain: bool = True) -> Fix:
    """A fix replacing raw[start:end] of ``f`` with ``new``."""
    return Fix(description, f.ref, f.raw[:start] + new + f.raw[end:], f.raw, certain)


def _texts(ctx: CheckContext, roles_skip=_SKIP_ROLES) -> Iterator[tuple[TextField, str]]:
    for f in ctx.fields:
        if f.raw and f.role not in roles_skip:
            yield f, ctx.masked(f)


# ---------------------------------------------------------------- fixed terms
@rule("terms", "用词：固定说法（政治、法律术语，法规和会议名称）中的错别字、同音字", severities=("warning",))
def check_terms(ctx: CheckContext) -> Iterator[Finding]:
    from .terms import matcher  # here: an errors-only run (export) does not load the term lists' module

    m = matcher(ctx.user_terms)
    for f, text in _texts(ctx, ("notes",)):
        for h in _term_hits(m, text):
            if h.homophone:
                msg = (f"“{h.wrong}”疑为“{h.right}”之误（固定说法，“{_diff(h.wrong, h.right)}”同音）："
                       "请核对；如确无误，可忽略此处或加入用户词典。")
            else:
                msg = f"“{h.wrong}”应为“{h.right}”：请改正。"
            yield Finding("word.term", "warning", msg, f.ref, span=(h.start, h.end),
                          fix=span_fix(f"改为“{h.right}”", f, h.start, h.end, h.right, certain=not h.homophone))


def _term_hits(m, text: str):
    return _cached_hits(_Hashable(m), text)


@lru_cache(maxsize=50000)
def _cached_hits(m: "_Hashable", text: str) -> tuple:
    return tuple(m.m.find(text))


class _Hashable:
    """Wraps the matcher so it can ride along in an lru_cache key (identity hash)."""

    __slots__ = ("m",)

    def __init__(self, m):
        self.m = m

    def __hash__(self):
        return id(self.m)

    def __eq__(self, other):
        return isinstance(other, _Hashable) and other.m is self.m


def _diff(a: str, b: str) -> str:
    for x, y in zip(a, b, strict=False):
        if x != y:
            return f"{x}/{y}"
    return ""


# ---------------------------------------------------------------- 截止 / 截至
_TIME_AFTER = r"(?:\d|%s|今年|本年|去年|上年|目前|年底|年末|年初|当前|上半年|[一二三四五六七八九十]{1,2}月|二〇)" % MASK
_JIEZHI_RE = lazy_re(r"截止(?!到|于)(?=%s)" % _TIME_AFTER)
_JIEZHI_END_RE = lazy_re(r"截至(?=[。，；]|日期|时间|日$)")


@rule("jiezhi", "用词：“截至”（到某时为止）与“截止”（停止）", severities=("warning",))
def check_jiezhi(ctx: CheckContext) -> Iterator[Finding]:
    for f, text in _texts(ctx):
        if "截" not in text:
            continue
        for mo in _JIEZHI_RE.finditer(text):
            yield Finding("word.jiezhi", "warning",
                          "“截止”后面接时间时应写“截至”（截至2022年底）；“截止”表示停止，用于“截止日期”“报名截止”。",
                          f.ref, span=(mo.start(), mo.end()),
                          fix=span_fix("改为“截至”", f, mo.start(), mo.end(), "截至"))
        for mo in _JIEZHI_END_RE.finditer(text):
            yield Finding("word.jiezhi", "warning",
                          "“截至”后面要接时间（截至2022年底）；表示到期停止应写“截止”（截止日期）。",
                          f.ref, span=(mo.start(), mo.end()),
                          fix=span_fix("改为“截止”", f, mo.start(), mo.end(), "截止"))


# ---------------------------------------------------------------- 第一届 for a recurring event
_JIE_RE = lazy_re(r"第([一二三四五六七八九十百]{1,4}|\d{1,3})节(?=[^，。；：、“”]{0,12}?(?:文化节|艺术节|节|大会|论坛|博览会|运动会|大赛|比赛|展))")


@rule("ordinal_jie", "用词：一年一次的节庆、会议、比赛用“第N届”，不用“第N节”", severities=("warning",))
def check_ordinal_jie(ctx: CheckContext) -> Iterator[Finding]:
    for f, text in _texts(ctx):
        if "节" not in text:
            continue
        for mo in _JIE_RE.finditer(text):
            right = f"第{mo.group(1)}届"
            yield Finding("word.ordinal_jie", "warning",
                          f"“{mo.group(0)}”用于定期举办的活动时应为“{right}”（“节”“届”同音）：请核对。", f.ref,
                          span=(mo.start(), mo.end()),
                          fix=span_fix(f"改为“{right}”", f, mo.start(), mo.end(), right, certain=False))


# ---------------------------------------------------------------- 的 / 地 / 得
# Only where the choice is certain: a pure adverb before a verb takes 地; a verb before a degree
# complement takes 得. Adjectives that can modify a noun (积极的、有效的) are left alone.
_ADVERBS = "逐步|稳步|不断|切实|大力|依法|全力|持续|进一步|有序|认真|积极主动|深入细致|迅速|及时|严格"
_VERBS = ("推进|推动|开展|落实|加强|提升|提高|完成|实施|解决|做好|抓好|化解|保障|促进|发展|宣传|学习|贯彻|整改|"
          "处置|回应|办理|调处|跟踪|督促|指导|完善|规范|优化|深化|强化|健全|监督|引导|执行|履行|清理|审查|查处")
# after a pure adverb, 的 before a preposition or a verb is always 地 (不断地把…, 切实地推进…)
_PREPS = "把|将|对|从|向|按|以|在|为|与|同|跟"
_DI_RE = lazy_re(r"(?<![的])(%s)(的)(?=(%s|%s))(?!\S{2}(?:工作|机制|制度|体系|作用|成效|措施|任务|要求|情况|力度))"
                    % (_ADVERBS, _PREPS, _VERBS))
_DE_VERBS = "做|干|办|抓|落实|推进|开展|完成|发展|执行|贯彻|宣传|整改|处理|解决"
_DEGREE = "很|更|更加|非常|十分|越来越|比较|不够|不错|扎实|有声有色|风生水起"


def _de_hits(text: str):
    for mo in _DI_RE.finditer(text):
        yield mo.start(2), "地", f"“{mo.group(1)}的{mo.group(3)}”应为“{mo.group(1)}地{mo.group(3)}”：副词修饰动词用“地”。"
    for mo in re.finditer(r"(%s)的(%s)" % (_DE_VERBS, _DEGREE), text):
        s = mo.start() + len(mo.group(1))
        yield s, "得", f"“{mo.group(0)}”应为“{mo.group(1)}得{mo.group(2)}”：动词后接程度补语用“得”。"


@rule("de_di_de", "用词：“的、地、得”用法（仅限确定的情形）", severities=("warning",))
def check_de(ctx: CheckContext) -> Iterator[Finding]:
    for f, text in _texts(ctx):
        if "的" not in text:
            continue
        for pos, right, msg in _de_hits(text):
            yield Finding("word.de", "warning", msg, f.ref, span=(pos, pos + 1),
                          fix=span_fix(f"改为“{right}”", f, pos, pos + 1, right))


# ---------------------------------------------------------------- typed twice
# Characters that never stand twice in a row in a report (的的, 在在); 等等, 人人, 常常 are fine.
_NEVER_DOUBLE = "的地得了在是和与及对为将把被从于并而或向按由就也都已所其该要"
_DOUBLE_CHAR_RE = lazy_re(r"([%s])\1+" % _NEVER_DOUBLE)
_DOUBLE_WORD_RE = lazy_re(r"([\u4e00-\u9fff]{2,6})\1+")
_OK_DOUBLE_WORDS = lazy_re(r"^(一.|研究|讨论|商量|学习|看看|了解|打扫|整理|落实|轰轰|认认|清清)$")


@rule("repeats", "用词：重复输入的字词（的的、推进推进）", severities=("warning",))
def check_repeats(ctx: CheckContext) -> Iterator[Finding]:
    for f, text in _texts(ctx):
        seen: set[int] = set()
        for mo in _DOUBLE_CHAR_RE.finditer(text):
            c = mo.group(1)
            if c == "了" and text[mo.end():mo.end() + 1] == "之":
                continue  # 一了了之
            seen.add(mo.start())
            yield Finding("word.repeat", "warning", f"“{mo.group(0)}”重复输入了“{c}”：请只保留一个。", f.ref,
                          span=(mo.start(), mo.end()), fix=span_fix(f"只保留一个“{c}”", f, mo.start(), mo.end(), c))
        for mo in _DOUBLE_WORD_RE.finditer(text):
            w = mo.group(1)
            if mo.start() in seen or _OK_DOUBLE_WORDS.match(w) or len(set(w)) == 1:
                continue
            yield Finding("word.repeat", "warning", f"“{w}”连续出现了{len(mo.group(0)) // len(w)}次：请删去重复的。",
                          f.ref, span=(mo.start(), mo.end()),
                          fix=span_fix(f"删去重复的“{w}”", f, mo.start(), mo.end(), w))


# ---------------------------------------------------------------- duplicated sentences and paragraphs
_SENT_RE = lazy_re(r"[^。！？；]+[。！？；]")
MIN_SENTENCE = 14  # shorter sentences (加强组织领导。) legitimately recur


@rule("duplicates", "用词：同一句话或同一段落重复出现（复制粘贴时多贴了一次）", severities=("warning",))
def check_duplicates(ctx: CheckContext) -> Iterator[Finding]:
    first_para: dict[str, TextField] = {}
    first_sent: dict[str, TextField] = {}
    for f in ctx.fields:
        if f.role not in ("preamble", "intro", "body", "outro", "closing") or len(f.raw) < MIN_SENTENCE:
            continue
        text = f.raw.strip()
        if text in first_para:
            yield Finding("word.duplicate", "warning",
                          f"这一段与{ctx.where(first_para[text].ref)}完全相同：请删去重复的一段或改写。", f.ref,
                          span=(0, len(f.raw)))
            continue
        first_para[text] = f
        masked = ctx.masked(f)
        for mo in _SENT_RE.finditer(masked):
            s = mo.group(0).strip()
            if len(s) < MIN_SENTENCE:
                continue
            key = f.raw[mo.start():mo.end()].strip()
            prev = first_sent.get(key)
            if prev is None:
                first_sent[key] = f
                continue
            where = "本段前文" if prev is f else ctx.where(prev.ref)
            short = key if len(key) <= 16 else key[:15] + "…"
            yield Finding("word.duplicate", "warning",
                          f"句子“{ctx.renderer.text(short)}”与{where}重复：请删去重复的一句或改写。", f.ref,
                          span=(mo.start(), mo.end()))


# ---------------------------------------------------------------- placeholders
_PLACEHOLDER = (
    r"[×＊*]{2,}|[xX]{2,}(?![a-zA-Z])|ＸＸ|某某|[○〇]{2,}(?![\d年])|【[^】]*】|［[^］]*］"
    r"|（(?:此处)?(?:请)?(?:填写|补充|待补充|待定|待核实|填入)[^）]*）|\((?:此处)?(?:请)?(?:填写|补充)[^)]*\)"
    r"|待补充|待完善|待填写|待核实|TODO|XXX|^例[：:]"
)
# The characters a placeholder can start with (tests check them against the alternatives above): the
# lookahead lets the engine pass over other characters at once instead of trying every alternative at each
# position (the same matches; a 50x report: 10 -> 3 ms).
_PLACEHOLDER_FIRST = "×＊*xXＸ某○〇【［（(待T例"
_PLACEHOLDER_RE = lazy_re("(?=[%s])(?:%s)" % (re.escape(_PLACEHOLDER_FIRST), _PLACEHOLDER))


@rule("placeholders", "占位符：××、某某、【待补充】等模板提示或未填写的内容")
def check_placeholders(ctx: CheckContext) -> Iterator[Finding]:
    hints = _hint_texts(ctx)
    for f in ctx.fields:
        if not f.raw:
            continue
        text = ctx.masked(f)
        for mo in _PLACEHOLDER_RE.finditer(text):
            yield Finding("word.placeholder", "error",
                          f"“{mo.group(0)}”是占位符或待补充的提示：请填写实际内容，或删去。", f.ref,
                          span=(mo.start(), mo.end()))
        if hints and f.raw.strip() in hints:
            yield Finding("word.placeholder", "error",
                          "这段文字是模板中的填写提示：请改为本单位的实际内容。", f.ref, span=(0, len(f.raw)))


def _hint_texts(ctx: CheckContext) -> set[str]:
    r = ctx.report
    out = {r.hint.strip()} if r.hint.strip() else set()
    for s in r.sections:
        if s.hint.strip():
            out.add(s.hint.strip())
    for _s, chain in r.iter_items():
        if chain[-1].hint.strip():
            out.add(chain[-1].hint.strip())
    return out


bind(globals())  # patterns compile on first use (see .lazyre)
