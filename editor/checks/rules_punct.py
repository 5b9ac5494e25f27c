"""Punctuation beyond half-width marks: a mark typed twice or a mark that cannot follow another, a
paragraph without a closing full stop, 如下。 for 如下：, nested quotation marks and book-title marks,
stray spaces, full-width digits and Latin letters, a half-width full stop after Chinese text."""

from __future__ import annotations

import re
from typing import Iterator

from .context import MASK, CheckContext, has_cjk
from .engine import rule
from .findings import Finding, Fix
from .rules_wording import span_fix
from .lazyre import bind, lazy_re

_DOUBLE_RE = lazy_re(r"([，。、；：！？])\1+")
# Two different marks that cannot stand together (？！ and ！？ can; a closing quote or bracket between
# them makes them fine: 。”，).
_CLASH_RE = lazy_re(r"[，。、；：](?=[，。、；：])|[！？](?=[，、；：])")


@rule("punct_marks", "标点：重复的标点、不能连用的标点")
def check_marks(ctx: CheckContext) -> Iterator[Finding]:
    clashes = ctx.wants("warning")  # a clash is a warning: an errors-only run looks for doubled marks only
    for f in ctx.fields:
        if not f.raw or f.role == "title":
            continue
        text = ctx.masked(f)
        if not ("，，" in text or "。。" in text or "、、" in text or "；；" in text or "：：" in text or "！！" in text
                or "？？" in text) and not (clashes and _CLASH_RE.search(text)):
            continue
        doubled: set[int] = set()
        for mo in _DOUBLE_RE.finditer(text):
            if mo.group(1) in "！？" and len(mo.group(0)) <= 3:
                continue  # ！！ for emphasis does not occur in reports, but is not certain either
            c = mo.group(1)
            doubled.update(range(mo.start(), mo.end()))
            yield Finding("punct.double", "error", f"标点“{c}”重复了：请只保留一个。", f.ref,
                          span=(mo.start(), mo.end()),
                          fix=span_fix(f"只保留一个“{c}”", f, mo.start(), mo.end(), c))
        if not clashes:
            continue
        for mo in _CLASH_RE.finditer(text):
            i = mo.start()
            if i in doubled:
                continue
            pair = text[i:i + 2]
            yield Finding("punct.clash", "warning", f"标点“{pair}”不能连用：请删去多余的一个。", f.ref,
                          span=(i, i + 2))


# ---------------------------------------------------------------- paragraph ends, 如下：
_END_OK = "。！？…：；"
_CLOSERS = "”’）》」』)"


@rule("punct_paragraph", "标点：段落末尾的句号；“如下：”", severities=("warning",))
def check_paragraph_ends(ctx: CheckContext) -> Iterator[Finding]:
    for f in ctx.fields:
        if f.role not in ("preamble", "intro", "body", "outro", "closing") or not f.raw.strip():
            continue
        masked = ctx.masked(f).rstrip()
        if not has_cjk(masked):
            continue
        for mo in re.finditer(r"如下[。，；]", masked):
            s = mo.end() - 1
            yield Finding("punct.ruxia", "warning", f"“如下{masked[s]}”后面引出下文，应使用冒号“如下：”。", f.ref,
                          span=(mo.start(), mo.end()), fix=span_fix("改为“如下：”", f, s, s + 1, "："))
        core = masked.rstrip(_CLOSERS)
        if not core or core[-1] in _END_OK:
            continue
        last = core[-1]
        if last in "，、," and core == masked:
            end = len(core)
            yield Finding("punct.no_full_stop", "warning",
                          f"段落以“{last}”结尾：段末应使用句号。", f.ref, span=(end - 1, end),
                          fix=span_fix("改为“。”", f, end - 1, end, "。"))
            continue
        raw_end = len(f.raw.rstrip())
        yield Finding("punct.no_full_stop", "warning", "段落末尾没有句号：请在段末加“。”。", f.ref,
                      span=(max(0, raw_end - 1), raw_end),
                      fix=Fix("在段末加“。”", f.ref, f.raw.rstrip() + "。", f.raw))


# ---------------------------------------------------------------- nested quotes and book titles
@rule("punct_nesting", "标点：引号、书名号套用（“‘’”、《〈〉》）", severities=("warning",))
def check_nesting(ctx: CheckContext) -> Iterator[Finding]:
    for f in ctx.fields:
        if not f.raw or ("“" not in f.raw and "《" not in f.raw):
            continue
        text = ctx.masked(f)
        for open_, close, inner_o, inner_c, name in (("“", "”", "‘", "’", "引号"), ("《", "》", "〈", "〉", "书名号")):
            if text.count(open_) < 2:
                continue
            depth = 0
            inner_start = None
            chars = list(f.raw)
            found = []
            for mo in re.finditer(f"[{open_}{close}]", text):
                i, c = mo.start(), mo.group(0)
                if c == open_:
                    depth += 1
                    if depth == 2:
                        inner_start = i
                else:
                    if depth == 2 and inner_start is not None:
                        found.append((inner_start, i + 1))
                        chars[inner_start] = inner_o
                        chars[i] = inner_c
                        inner_start = None
                    depth = max(0, depth - 1)
            for s, e in found:
                yield Finding("punct.nested", "warning",
                              f"{name}里面又用了{name}“{text[s:e]}”：内层应改用“{inner_o}{inner_c}”。", f.ref, span=(s, e),
                              fix=Fix(f"内层改为“{inner_o}{inner_c}”", f.ref, "".join(chars), f.raw))


# ---------------------------------------------------------------- spaces
_SPACE_RE = lazy_re(r"(?<=[\u3400-\u9fff，。、；：？！“”（）《》%s\d])[ \u3000\u00a0]+(?=[\u3400-\u9fff，。、；：？！“”（）《》%s\d])"
                       % (MASK, MASK))
_LEAD_RE = lazy_re(r"^[ \u3000\u00a0\t]+")
_TRAIL_RE = lazy_re(r"[ \u3000\u00a0\t]+$")


@rule("spaces", "空格：汉字之间、数字前后、段首段尾多余的空格", severities=("warning",))
def check_spaces(ctx: CheckContext) -> Iterator[Finding]:
    for f in ctx.fields:
        raw = f.raw
        if not raw or (" " not in raw and "\u3000" not in raw and "\u00a0" not in raw and "\t" not in raw):
            continue
        text = ctx.masked(f)
        if f.role in ("title", "signature"):
            continue  # a title or signature may be spaced on purpose (two-line titles, names)
        spans = []
        mo = _LEAD_RE.search(text)
        if mo:
            spans.append((mo.start(), mo.end(), "段首有手工输入的空格（缩进由格式自动设置）"))
        for mo in _SPACE_RE.finditer(text):
            a, b = text[mo.start() - 1], text[mo.end()]
            if a.isascii() and b.isascii() and a.isdigit() and b.isdigit():
                continue  # 1 000 — not ours to judge
            if not ("\u3400" <= a <= "\u9fff" or "\u3400" <= b <= "\u9fff" or a == MASK or b == MASK or a in "，。、；：？！“”（）《》"
                    or b in "，。、；：？！“”（）《》"):
                continue
            spans.append((mo.start(), mo.end(), "文中有多余的空格"))
        mo = _TRAIL_RE.search(text)
        if mo and mo.start() > 0:
            spans.append((mo.start(), mo.end(), "段尾有多余的空格"))
        if not spans:
            continue
        new = raw
        for s, e, _ in sorted(spans, reverse=True):
            new = new[:s] + new[e:]
        for s, e, what in spans:
            yield Finding("punct.space", "warning", what + "：中文公文中不留空格，请删去。", f.ref, span=(s, e),
                          fix=Fix("删去多余的空格", f.ref, new, raw))


# ---------------------------------------------------------------- full-width digits and letters
_FULL_ALNUM_RE = lazy_re(r"[０-９Ａ-Ｚａ-ｚ]+(?:[．.][０-９]+)?")
_FULL_TABLE = {c: chr(ord(c) - 0xFEE0) for c in
               "０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ"}
_FULL_TABLE["．"] = "."


@rule("fullwidth_alnum", "全角数字和字母：数字、英文字母应使用半角", severities=("warning",))
def check_fullwidth_alnum(ctx: CheckContext) -> Iterator[Finding]:
    for f in ctx.fields:
        if not f.raw:
            continue
        text = ctx.masked(f)
        hits = list(_FULL_ALNUM_RE.finditer(text))
        if not hits:
            continue
        new = f.raw
        for mo in reversed(hits):
            new = new[:mo.start()] + "".join(_FULL_TABLE.get(c, c) for c in mo.group(0)) + new[mo.end():]
        for mo in hits:
            yield Finding("punct.fullwidth_alnum", "warning",
                          f"“{mo.group(0)}”是全角字符：数字和字母应使用半角（如“2041”）。", f.ref,
                          span=(mo.start(), mo.end()), fix=Fix("改为半角数字和字母", f.ref, new, f.raw))


# ---------------------------------------------------------------- half-width full stop
_HALF_STOP_RE = lazy_re(r"(?<=[\u3400-\u9fff”）》])\.(?=$|[\s\u3400-\u9fff“（《])")
_CN_NUM = set("一二三四五六七八九十")


@rule("halfwidth_stop", "标点：中文后面的半角句点“.”应为“。”")
def check_halfwidth_stop(ctx: CheckContext) -> Iterator[Finding]:
    for f in ctx.fields:
        if not f.raw or "." not in f.raw or f.role == "title":
            continue
        text = ctx.masked(f)
        for mo in _HALF_STOP_RE.finditer(text):
            i = mo.start()
            if text[i - 1] in _CN_NUM and (i == 1 or not "\u3400" <= text[i - 2] <= "\u9fff" or text[i - 2] in _CN_NUM):
                continue  # 一. as a (hand-typed) number: the numbering rule reports it
            yield Finding("punct.halfwidth_stop", "error", "中文后面用了半角句点“.”：应使用全角句号“。”。", f.ref,
                          span=(i, i + 1), fix=span_fix("改为“。”", f, i, i + 1, "。"))


bind(globals())  # patterns compile on first use (see .lazyre)
