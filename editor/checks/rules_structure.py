"""Structure and organisation names: a numbered list with one part left unnumbered, enumerations
written 第一…第二…; the organisation's own name (a self-reference such as 我厅 in a 局's report, a
short form that drops part of the name) and another city's organisation or slogan left from a copied
report (佛山市司法局, 法治佛山 in a Dongguan report)."""

from __future__ import annotations

import re
from typing import Iterator, Optional

from ..model import FieldRef
from ..model.report import iter_section_items
from .context import CheckContext
from .engine import rule
from .findings import Finding
from .rules_wording import span_fix
from .lazyre import bind, lazy_re


@rule("numbering_gaps", "结构：编号的各部分、各事项中只有一个没有编号", severities=("warning",))
def check_unnumbered(ctx: CheckContext) -> Iterator[Finding]:
    sections = ctx.report.sections
    numbered = [s.numbered for s in sections]
    # A trailing unnumbered part (shortcomings and plans after the numbered measures) is common.
    last_numbered = max((i for i, n in enumerate(numbered) if n), default=-1)
    for i, s in enumerate(sections):
        if not s.numbered and 0 < i < last_numbered:
            yield Finding("structure.unnumbered", "warning",
                          "前后的部分都有编号，只有这一部分没有编号：请在大纲中把它设为编号（或核对是否应并入上一部分）。",
                          FieldRef(s.id, "heading"))
    for s in sections:
        for chain in [[None]] + list(iter_section_items(s)):
            items = s.items if chain[-1] is None else chain[-1].children
            if len(items) < 3:
                continue
            flags = [it.numbered for it in items]
            if flags.count(False) == 1 and flags.index(False) != 0:
                it = items[flags.index(False)]
                yield Finding("structure.unnumbered", "warning",
                              "同一级的事项都有编号，只有这一项没有编号：请把它设为编号。", FieldRef(it.id, "lead"))


# ---------------------------------------------------------------- organisation names
_SUFFIXES = ("局", "厅", "委", "办", "院", "署", "府", "部", "会", "司", "处", "所")
_SELF_RE = lazy_re(r"(?<![自])(我|本)(局|厅|委|办|院|署|部)(?![门分长级属里面内外])"
                      r"|(?:(?<=^)|(?<=[，。；：、]))()(局|厅|委)(?=主要负责同志|主要负责人|党组|机关|领导班子|班子成员)")
_ORG_AFTER = r"(?:市|省)(?:司法局|司法厅|人民政府|政府|委|委员会|依法治市|法治政府|法院|检察院|中级人民法院|公安局|" \
             r"[\u4e00-\u9fff]{1,6}局)"


_AFTER_ORG_RE = lazy_re(_ORG_AFTER)
_AFTER_SLOGAN_RE = lazy_re(r"市?(?=在“|在新|加快|高质量|依法治市|全面依法治)")


def _other_places(rx: re.Pattern, text: str) -> list[tuple[int, int, str]]:
    """Another city's organisation (佛山市司法局), slogan (法治佛山), document (《佛山市…》) or the city put
    where the report's own stands (为佛山在“双万”新起点上)."""
    out = []
    for m in rx.finditer(text):
        s, e, place = m.start(), m.end(), m.group(0)
        org = _AFTER_ORG_RE.match(text, e)
        if org:
            out.append((s, org.end(), place))
        elif text.endswith("法治", 0, s) and text[e:e + 1] not in ("市", "省"):
            out.append((s - 2, e, place))
        elif text[s - 1:s] == "《" and text[e:e + 1] == "市":
            out.append((s, e + 1, place))
        elif (text[s - 1:s] in ("为", "在") or text.endswith(("推动", "助力"), 0, s)):
            slogan = _AFTER_SLOGAN_RE.match(text, e)
            if slogan:
                out.append((s, slogan.end(), place))
    return out


def _own(ctx: CheckContext) -> tuple[str, Optional[str], Optional[str]]:
    r = ctx.report
    names = [n.strip() for n in r.organisations + r.signature if n.strip()]
    name = names[0] if names else ""
    from .terms import places  # here: an errors-only run (export) does not load the term lists' module

    provinces, cities = places()
    city = next((c for c in sorted(cities, key=len, reverse=True) if c in name), None)
    province = next((p for p in sorted(provinces, key=len, reverse=True) if p in name), None)
    return name, city, province


@rule("org_names", "机关名称：自称（我局）与机关一致，简称规范，没有从别的机关报告中复制来的地名、机关名称", severities=("warning",))
def check_org_names(ctx: CheckContext) -> Iterator[Finding]:
    name, city, province = _own(ctx)
    if not name:
        return
    own_suffix = name[-1]
    from .terms import places

    provinces, cities = places()
    # municipalities (上海, 北京…) are province-level: like a province, naming one is no sign of copying
    candidates = sorted((c for c in cities if c not in provinces), key=len, reverse=True)
    home = city
    if home is None and candidates:
        # a district's or county's office: its city is the one the report names most
        any_re = re.compile("|".join(candidates))
        counts: dict[str, int] = {}
        for f in ctx.fields:
            for m in any_re.finditer(f.raw):
                counts[m.group(0)] = counts.get(m.group(0), 0) + 1
        home = max(counts, key=counts.get) if counts else None
    others = [c for c in candidates if c != home]
    other_re = None
    if others and (home is not None or city is not None):
        other_re = re.compile("|".join(others))
    short_wrong = None
    if city and name.startswith(city + "市") and len(name) > len(city) + 2:
        short_wrong = city + name[len(city) + 1:]  # 东莞司法局 for 东莞市司法局
    for f in ctx.fields:
        if not f.raw or f.role in ("signature",):
            continue
        text = ctx.masked(f)
        if own_suffix in _SUFFIXES:
            for m in _SELF_RE.finditer(text):
                who, suffix = (m.group(1), m.group(2)) if m.group(2) else (m.group(3), m.group(4))
                if suffix != own_suffix and not (own_suffix == "府" and suffix in "委办"):
                    right = who + own_suffix
                    yield Finding("org.self_reference", "warning",
                                  f"“{m.group(0)}”与本机关（{name}）不符：本机关自称应为“{right}”。是否从别的机关的报告复制而来？",
                                  f.ref, span=(m.start(), m.end()),
                                  fix=span_fix(f"改为“{right}”", f, m.start(), m.end(), right))
        if other_re is not None:
            for start, end, place in _other_places(other_re, text):
                yield Finding("org.other_place", "warning",
                              f"“{text[start:end]}”是别的城市（{place}）的机关或说法，本报告是{name}的：是否从别的报告复制而来？请核对。",
                              f.ref, span=(start, end))
        if short_wrong and short_wrong in text:
            i = text.find(short_wrong)
            yield Finding("org.short_name", "warning",
                          f"“{short_wrong}”不是本机关的规范名称：应写全称“{name}”或简称（如“市{name[len(city) + 1:]}”）。",
                          f.ref, span=(i, i + len(short_wrong)),
                          fix=span_fix(f"改为“{name}”", f, i, i + len(short_wrong), name))


bind(globals())  # patterns compile on first use (see .lazyre)
