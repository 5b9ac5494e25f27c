"""Years and dates in the text: every year checked against the report year (a roll-over leaves last
year's year behind: see :func:`editor.model.yearly.stale_year_places`), the year in the title, and
date forms the existing ``dates_in_text`` rule does not cover (two-digit years, 〇 typed as O or 0,
impossible dates)."""

from __future__ import annotations

import re
from typing import Iterator

from ..model import FieldRef
from .context import CheckContext
from .engine import rule
from .findings import Finding, Fix
from .rules_wording import span_fix
from .lazyre import bind, lazy_re

_REASONS = {
    "last_year": "“{text}”是上一年度：本报告是{y}年度，如是沿用上年报告的文字，请改为本年度的情况；"
                 "如是与上年比较，请写明比较（如“较{text}”）。",
    "earlier_year": "段首的“{text}”不是报告年度（{y}年）：如是沿用往年报告的文字，请改写。",
    "plans_current_year": "下一年度安排中的“{text}”是报告年度：下一年度应为{n}年，请核对。",
    "next_year": "“{text}”是下一年度，却不在下一年度安排中：请核对年份（本报告是{y}年度）。",
}


@rule("years", "年份：文中的年份与报告年度相符（沿用上年文字留下的年份）；标题中的年份", severities=("warning",))
def check_years(ctx: CheckContext) -> Iterator[Finding]:
    r = ctx.report
    y = r.year
    from ..model.yearly import stale_year_places  # here: an errors-only run (export) does not need it

    for p in stale_year_places(r):
        tf = ctx.field(p.ref)
        text = tf.raw[p.start:p.end] if tf is not None else f"{p.year}年"
        msg = _REASONS[p.reason].format(text=text, y=y, n=y + 1)
        yield Finding("year.stale" if p.reason != "next_year" else "year.next", "warning", msg, p.ref,
                      span=(p.start, p.end))
    title = r.title_override
    ref = FieldRef("report", "title_override")
    for m in re.finditer(r"(?<!\d)((?:19|20)\d{2})(?=年)", title):
        if int(m.group(1)) != y:
            new = title[:m.start()] + str(y) + title[m.end():]
            yield Finding("year.title", "warning",
                          f"标题中的年份“{m.group(1)}年”与报告年度（{y}年）不同：请核对标题或报告年度。", ref,
                          span=(m.start(), m.end()), fix=Fix(f"改为“{y}年”", ref, new, title))


# ---------------------------------------------------------------- date forms
_TWO_DIGIT_RE = lazy_re(r"(?<![\d０-９〇零一二三四五六七八九O])(['’‘]?)(\d{2})年(?=\d{1,2}月)")
_O_YEAR_RE = lazy_re(r"[一二][〇○零OoＯ0０][一二三四五六七八九〇○零OoＯ0０]{2}年")
_CN_DIGITS = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")}
_CN_DIGITS.update({"○": "0", "零": "0", "O": "0", "o": "0", "Ｏ": "0", "0": "0", "０": "0"})
_DATE_RE = lazy_re(r"(?<!\d)(?:((?:19|20)\d{2})年)?(\d{1,2})月(\d{1,2})日")
_MONTH_RE = lazy_re(r"(?<!\d)((?:19|20)\d{2})年(\d{1,2})月(?!\d)")


@rule("date_forms", "日期：两位数年份、“〇”误写为字母O或数字0、不存在的日期", severities=("warning",))
def check_date_forms(ctx: CheckContext) -> Iterator[Finding]:
    import calendar  # here: an errors-only run (export) does not need it (≈ 1 ms with locale)

    y = ctx.report.year
    for f in ctx.fields:
        if not f.raw or ("年" not in f.raw and "月" not in f.raw):
            continue
        text = ctx.masked(f)
        has_month = "月" in text
        for m in (_TWO_DIGIT_RE.finditer(text) if has_month else ()):
            full = f"{str(y)[:2]}{m.group(2)}年"
            yield Finding("date.two_digit_year", "warning",
                          f"“{m.group(0)}”的年份只写了两位：应写全，如“{full}”。", f.ref, span=(m.start(), m.end()),
                          fix=span_fix(f"改为“{full}”", f, m.start(), m.end(), full))
        for m in (_O_YEAR_RE.finditer(text) if "二" in text else ()):
            word = m.group(0)
            if not re.search(r"[OoＯ0０]", word):
                continue  # 二〇二二年 written correctly in Chinese numerals: dates_in_text handles it
            digits = "".join(_CN_DIGITS.get(c, c) for c in word[:4])
            yield Finding("date.o_for_zero", "warning",
                          f"“{word}”中的“〇”误写成了字母或数字：正文中的日期应使用阿拉伯数字“{digits}年”。", f.ref,
                          span=(m.start(), m.end()), fix=span_fix(f"改为“{digits}年”", f, m.start(), m.end(),
                                                                 digits + "年"))
        for m in (_DATE_RE.finditer(text) if "日" in text and has_month else ()):
            year = int(m.group(1)) if m.group(1) else y
            month, day = int(m.group(2)), int(m.group(3))
            if not 1 <= month <= 12:
                bad = f"没有{month}月"
            elif day < 1 or day > calendar.monthrange(year, month)[1]:
                bad = f"{year}年{month}月只有{calendar.monthrange(year, month)[1]}天"
            else:
                continue
            yield Finding("date.impossible", "warning", f"日期“{m.group(0)}”不存在（{bad}）：请核对。", f.ref,
                          span=(m.start(), m.end()))
        for m in (_MONTH_RE.finditer(text) if has_month else ()):
            if not 1 <= int(m.group(2)) <= 12 and not text.startswith("日", m.end()):
                yield Finding("date.impossible", "warning", f"日期“{m.group(0)}”不存在（没有{int(m.group(2))}月）：请核对。",
                              f.ref, span=(m.start(), m.end()))


bind(globals())  # patterns compile on first use (see .lazyre)
