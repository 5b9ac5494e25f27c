"""Rules over the wording: punctuation, hand-typed numbering, enumerations, empty parts, heading
punctuation, dates written in the text.

Heading punctuation (our rules, after GB/T 9704 practice):
- a level-1 heading (``一、…``) stands on its own line in 黑体 and ends without punctuation;
- a run-in lead (``（一）lead。body…`` in one paragraph) is a sentence: it ends with 。 (or ？！：);
- a stand-alone lead (its own line, ``run_in`` off) is a heading and ends without 。.
"""

from __future__ import annotations

from typing import Iterator

from ..model import Item
from ..model.report import iter_section_items
from .context import MASK, CheckContext, TextField, has_cjk
from .engine import rule
from .findings import Finding, Fix
from .lazyre import bind, lazy_re

HALF_TO_FULL = {",": "，", "(": "（", ")": "）", ":": "：", ";": "；", "?": "？", "!": "！"}
_HALF_RE = lazy_re(r"[,():;?!\"']")


def _halfwidth_positions(text: str) -> list[int]:
    out = []
    n = len(text)
    for m in _HALF_RE.finditer(text):
        i = m.start()
        c = text[i]
        prev = text[i - 1] if i else ""
        nxt = text[i + 1] if i + 1 < n else ""
        if c in ",:" and prev.isdigit() and nxt.isdigit():
            continue  # 1,000 / 10:30
        if c == ":" and text.startswith("//", i + 1):
            continue  # a web address
        if c == "'" and prev.isascii() and prev.isalpha() and nxt.isascii() and nxt.isalpha():
            continue  # an apostrophe in a Latin word
        out.append(i)
    return out


def to_fullwidth(text: str, masked: str | None = None) -> str:
    """Half-width , ( ) : ; ? ! and straight quotes to full-width, leaving metric tokens alone."""
    masked = text if masked is None else masked
    chars = list(text)
    dq = sq = 0
    for i in _halfwidth_positions(masked):
        c = masked[i]
        if c == '"':
            chars[i] = "“" if dq % 2 == 0 else "”"
            dq += 1
        elif c == "'":
            chars[i] = "‘" if sq % 2 == 0 else "’"
            sq += 1
        else:
            chars[i] = HALF_TO_FULL[c]
    return "".join(chars)


@rule("punctuation", "标点：半角标点、括号引号不成对、手工输入的序号")
def check_punctuation(ctx: CheckContext) -> Iterator[Finding]:
    for f in ctx.fields:
        if not f.raw or f.role == "title":  # the title has its own rule
            continue
        masked = ctx.masked(f)
        if not has_cjk(masked):
            continue
        positions = _halfwidth_positions(masked)
        if positions:
            chars = "".join(dict.fromkeys(masked[i] for i in positions))
            shown = "".join(f"“{c}”" for c in chars)
            yield Finding(
                "punct.halfwidth", "error",
                f"中文里用了半角标点{shown}（共{len(positions)}处）：公文应使用全角标点，如“，（）：；”。",
                f.ref, fix=Fix("改为全角标点", f.ref, to_fullwidth(f.raw, masked), f.raw),
            )
        problem = _unbalanced(masked)
        if problem:
            yield Finding("punct.unbalanced", "error", problem, f.ref)
        yield from _manual_marker(ctx, f, masked)


_PAIRS = {"“": "”", "（": "）", "《": "》", "〈": "〉", "‘": "’"}
_CLOSERS = {v: k for k, v in _PAIRS.items()}
_BRACKET_RE = lazy_re("[“”（）《》〈〉‘’()]")  # half-width ( ) count as （ ）


_MATCHED_PAIRS = tuple(o + c for o, c in _PAIRS.items())


def _well_nested(brackets: str) -> bool:
    """True when every bracket in ``brackets`` (brackets only) closes the innermost open one: what the stack
    walk below reports nothing for. Removing adjacent pairs in C, once per level of nesting, is quicker
    than the walk in Python for the usual paragraph."""
    while brackets:
        shorter = brackets
        for pair in _MATCHED_PAIRS:
            shorter = shorter.replace(pair, "")
        if len(shorter) == len(brackets):
            return False
        brackets = shorter
    return True


def _unbalanced(masked: str) -> str:
    found = _BRACKET_RE.findall(masked)
    if not found:
        return ""
    brackets = "".join(found).replace("(", "（").replace(")", "）")
    if _well_nested(brackets):
        return ""
    stack: list[str] = []
    extra: list[str] = []
    unclosed: list[str] = []
    for c in brackets:
        if c in _PAIRS:
            stack.append(c)
        elif c in _CLOSERS:
            if stack and stack[-1] == _CLOSERS[c]:
                stack.pop()
            elif _CLOSERS[c] in stack:  # an inner pair was left open
                while stack[-1] != _CLOSERS[c]:
                    unclosed.append(stack.pop())
                stack.pop()
            else:
                extra.append(c)
    parts = []
    for c in dict.fromkeys(extra):
        parts.append(f"“{c}”前面缺少“{_CLOSERS[c]}”")
    for c in dict.fromkeys(unclosed + stack):
        parts.append(f"“{c}”后面缺少“{_PAIRS[c]}”")
    if not parts:
        return ""
    return "括号或引号不成对：" + "；".join(parts) + "。请补上或删去多余的一个。"


_CN = "一二三四五六七八九十"
_MARK_HEAD_RE = lazy_re(
    r"\s*(?:[%s]{1,3}[、.．]|[（(][%s]{1,3}[）)]|\d{1,2}[.．、](?!\d)|[（(]\d{1,2}[）)])\s*" % (_CN, _CN)
)
_MARK_BODY_RE = lazy_re(r"\s*(?:[%s]{1,3}、|[（(][%s]{1,3}[）)])\s*" % (_CN, _CN))


def _marker_start(text: str) -> bool:
    """False when neither marker pattern can match ``text``: its first character after spaces (``\\s`` is
    ``str.isspace``, ``\\d`` ``str.isdecimal``) cannot begin a number. Most paragraphs are answered here,
    without running (or compiling) the patterns."""
    for c in text:
        if not c.isspace():
            return c in _CN or c in "（(" or c.isdecimal()
    return False


def _manual_marker(ctx: CheckContext, f: TextField, masked: str) -> Iterator[Finding]:
    if f.role in ("heading", "lead"):
        if not _marker_start(masked):
            return
        m = _MARK_HEAD_RE.match(masked)
        severity = "error"
    elif f.role in ("intro", "body"):
        if not ctx.wants("warning") or not _marker_start(masked):
            return  # a number typed in a paragraph is only a warning
        m = _MARK_BODY_RE.match(masked)
        severity = "warning"
    else:
        return
    if not m or not m.group(0).strip():
        return
    end = m.end()
    pattern = m.re
    while True:  # markers typed twice: （一）（一）
        again = pattern.match(masked, end)
        if not again or again.end() == end or again.start() != end:
            break
        end = again.end()
    mark = masked[m.start():end].strip()
    if severity == "error":
        msg = f"开头手工输入了序号“{mark}”：序号由程序按位置自动生成，导出时会重复。请删去手工序号。"
    else:
        msg = (f"段落开头有手工输入的序号“{mark}”：如果这是一个事项，请把它设为事项（序号自动生成）；"
               "否则请删去手工序号。")
    yield Finding("punct.manual_number", severity, msg, f.ref,
                  fix=Fix(f"删去手工序号“{mark}”", f.ref, f.raw[end:], f.raw))


# ---------------------------------------------------------------- enumerations
_CN_ORD = {c: i for i, c in enumerate(_CN, 1)}
_BOUNDARY = r"(?:(?<=^)|(?<=[，。；：、“\s（(%s,;:]))" % MASK
_ENUM_CN_RE = lazy_re(_BOUNDARY + r"([一二三四五六七八九十])是(?![否以为])")
_ENUM_AR_RE = lazy_re(r"(?:(?<=^)|(?<=[。；：\s%s;:]))(\d{1,2})[.．、](?![\d%%])" % MASK)
_ENUM_PAR_RE = lazy_re(_BOUNDARY + r"[（(](\d{1,2})[）)]")
_ENUM_DI_RE = lazy_re(_BOUNDARY + r"第([一二三四五六七八九十])[，、：,](?![\d])")


def _node_groups(ctx: CheckContext) -> Iterator[list[TextField]]:
    """The text of each section (intro) and each item (lead + body), as lists of fields."""
    group: list[TextField] = []
    key = None
    for f in ctx.fields:
        if f.role in ("heading", "intro"):
            k = (f.ref.node, "intro")
        elif f.role in ("lead", "body"):
            k = (f.ref.node, "item")
        else:
            k = ("report", f.role)
        if k != key:
            if group:
                yield group
            group, key = [], k
        if f.role != "heading":
            group.append(f)
    if group:
        yield group


def _enum_findings(hits, fmt, code) -> Iterator[Finding]:
    last = None
    for n, f in hits:
        if n == 1:
            last = 1
            continue
        if last is None:
            continue
        if n > last + 1:
            missing = "、".join(fmt(k) for k in range(last + 1, n))
            yield Finding(code, "warning",
                          f"列举从“{fmt(last)}”跳到了“{fmt(n)}”，缺少“{missing}”：请补上或重新编号。", f.ref)
        elif n <= last:
            yield Finding(code, "warning",
                          f"列举在“{fmt(last)}”之后又出现了“{fmt(n)}”：请检查编号是否重复或顺序有误。", f.ref)
        last = n


@rule("enumerations", "文中列举的编号连续（一是…二是…、1.…2.…）", severities=("warning",))
def check_enumerations(ctx: CheckContext) -> Iterator[Finding]:
    for group in _node_groups(ctx):
        cn, ar, par, di = [], [], [], []
        for f in group:
            masked = ctx.masked(f)
            if "是" in masked:
                cn += [(_CN_ORD[m.group(1)], f) for m in _ENUM_CN_RE.finditer(masked)]
            ar += [(int(m.group(1)), f) for m in _ENUM_AR_RE.finditer(masked)]
            par += [(int(m.group(1)), f) for m in _ENUM_PAR_RE.finditer(masked)]
            if "第" in masked:
                di += [(_CN_ORD[m.group(1)], f) for m in _ENUM_DI_RE.finditer(masked)]
        if len(cn) > 1:
            yield from _enum_findings(cn, lambda k: _CN[k - 1] + "是" if k <= 10 else f"{k}是", "enum.gap")
        if len(ar) > 1:
            yield from _enum_findings(ar, lambda k: f"{k}.", "enum.arabic_gap")
        if len(par) > 1:
            yield from _enum_findings(par, lambda k: f"（{k}）", "enum.arabic_gap")
        if len(di) > 1:
            yield from _enum_findings(di, lambda k: "第" + (_CN[k - 1] if k <= 10 else str(k)), "enum.gap")


# ---------------------------------------------------------------- empty parts, heading punctuation
_END_PUNCT = "。，；：、.,;:"


def _item_empty(item: Item) -> bool:
    return not item.lead.strip() and not any(p.strip() for p in item.body) and not item.children


@rule("structure", "空的部分和事项；标题、引导句结尾的标点", severities=("warning",))
def check_structure(ctx: CheckContext) -> Iterator[Finding]:
    from ..model import FieldRef

    for section in ctx.report.sections:
        has_text = any(p.strip() for p in section.intro) or section.items
        ref = FieldRef(section.id, "heading")
        if not section.heading.strip() and not has_text:
            yield Finding("structure.empty_section", "warning", "这一部分是空的：请填写内容或删除这一部分。", ref)
        elif not has_text:
            yield Finding("structure.empty_section", "warning",
                          "这一部分只有标题，没有内容：请补充导语或事项。", ref)
        elif section.numbered and not section.heading.strip():
            yield Finding("structure.no_heading", "warning",
                          "这一部分有编号但没有标题：请填写标题，或把它设为不编号。", ref)
        heading = section.heading.rstrip()
        if heading and heading[-1] in _END_PUNCT:
            yield Finding("heading.level1_end", "warning",
                          f"一级标题不应以“{heading[-1]}”结尾：一级标题单独成行，末尾不加标点。", ref,
                          fix=Fix(f"删去末尾的“{heading[-1]}”", ref, heading.rstrip(_END_PUNCT).rstrip(), section.heading))
        for chain in iter_section_items(section):
            yield from _item_checks(chain[-1])


def _item_checks(item: Item) -> Iterator[Finding]:
    from ..model import FieldRef

    ref = FieldRef(item.id, "lead")
    if _item_empty(item):
        yield Finding("structure.empty_item", "warning", "这一事项是空的：请填写引导句和正文，或删除这一事项。", ref)
        return
    lead = item.lead.rstrip()
    if not lead:
        return
    has_body = any(p.strip() for p in item.body)
    last = lead[-1]
    if item.run_in and (has_body or not item.children):
        if last not in "。？！：…”":
            if last in "，；、,;":
                new = lead[:-1] + "。"
                what = f"把末尾的“{last}”改为“。”"
            else:
                new = lead + "。"
                what = "在末尾加“。”"
            yield Finding("heading.lead_end", "warning",
                          "引导句与正文在同一段，应以句号结尾：请" + what + "。", ref,
                          fix=Fix(what, ref, new, item.lead))
    elif not item.run_in and last in "。；，":
        yield Finding("heading.standalone_end", "warning",
                      f"单独成行的小标题不应以“{last}”结尾：请删去末尾标点（或设为与正文同段）。", ref,
                      fix=Fix(f"删去末尾的“{last}”", ref, lead.rstrip("。；，").rstrip(), item.lead))


# ---------------------------------------------------------------- dates in the text
_DATE_ZERO_RE = lazy_re(r"(?<!\d)(\d{4})年(0?\d{1,2})月(?:(0?\d{1,2})日)?")
_DATE_DASH_RE = lazy_re(r"(?<![\d.])(20\d{2}|19\d{2})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d.])")
_CN_YEAR_RE = lazy_re(r"[〇○零一二三四五六七八九]{4}年")
_CN_DIGIT = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"○": "0", "零": "0"}


def _date_fixes(masked: str) -> list[tuple[int, int, str]]:
    out = []
    for m in _DATE_ZERO_RE.finditer(masked):
        y, mo, d = m.group(1), m.group(2), m.group(3)
        if mo.startswith("0") or (d and d.startswith("0")):
            new = f"{y}年{int(mo)}月" + (f"{int(d)}日" if d else "")
            out.append((m.start(), m.end(), new))
    for m in _DATE_DASH_RE.finditer(masked):
        y, mo, d = m.groups()
        if 1 <= int(mo) <= 12 and 1 <= int(d) <= 31:
            out.append((m.start(), m.end(), f"{y}年{int(mo)}月{int(d)}日"))
    for m in _CN_YEAR_RE.finditer(masked):
        out.append((m.start(), m.end(), "".join(_CN_DIGIT[c] for c in m.group(0)[:4]) + "年"))
    return sorted(out)


@rule("dates_in_text", "文中日期用阿拉伯数字、不加前导零", severities=("warning",))
def check_dates_in_text(ctx: CheckContext) -> Iterator[Finding]:
    for f in ctx.fields:
        masked = ctx.masked(f)
        if "年" not in masked and "-" not in masked and "/" not in masked and "." not in masked:
            continue
        fixes = _date_fixes(masked)
        if not fixes:
            continue
        new = f.raw
        for s, e, rep in reversed(fixes):
            new = new[:s] + rep + new[e:]
        shown = "、".join(f"“{f.raw[s:e]}”" for s, e, _ in fixes[:3])
        yield Finding("date.format", "warning",
                      f"日期{shown}写法不规范：应使用阿拉伯数字、写全年份、月日不加“0”，如“2023年1月28日”。",
                      f.ref, fix=Fix("改为规范的日期写法", f.ref, new, f.raw))


bind(globals())  # patterns compile on first use (see .lazyre)
