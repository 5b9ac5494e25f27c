"""Rules over the report as a whole: the five required kinds of content, 成文日期, title, signature,
publication deadlines, fonts."""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from typing import Iterator

from ..model import KIND_LABELS, REQUIRED_KINDS, FieldRef, SectionKind
from ..model.flow import format_date
from .context import CheckContext
from .engine import rule
from .findings import Finding, Fix


_KIND_WORDS = {
    SectionKind.LEADERSHIP: ("第一责任人",),
    SectionKind.SHORTCOMINGS: ("存在的不足", "存在的问题", "问题和不足", "不足和原因", "短板弱项仍", "仍存在"),
    SectionKind.PLANS: ("下一步", "下一年度", "下来，", "明年", "主要安排", "工作安排", "工作打算"),
}


def _kinds_in_text(r) -> set[SectionKind]:
    """Kinds a report plainly has even when no part is tagged with them (an imported or older project):
    a 第一责任人 passage, a shortcomings paragraph, the next year's plans."""
    found: set[SectionKind] = set()
    texts = [s.heading for s in r.sections] + [p for s in r.sections for p in s.intro + s.outro]
    texts += [c[-1].lead for _s, c in r.iter_items()] + [p for _s, c in r.iter_items() for p in c[-1].body]
    texts.append(str(r.year + 1) + "年")
    blob = "\n".join(texts)
    for kind, words in _KIND_WORDS.items():
        if any(w in blob for w in words):
            found.add(kind)
    if re.search(r"(?:^|\n)[^\n]{0,6}%d年(?:度)?(?:工作)?(?:主要)?(?:安排|打算|思路|计划)" % (r.year + 1), blob):
        found.add(SectionKind.PLANS)
    return found


@rule("content", "内容：《法治政府建设与责任落实督察工作规定》要求的五项内容齐全", severities=("warning", "info"))
def check_content(ctx: CheckContext) -> Iterator[Finding]:
    r = ctx.report
    present: set[SectionKind] = set()
    for section in r.sections:
        present.update(section.kinds)
    for _section, chain in r.iter_items():
        present.update(chain[-1].kinds)
    if SectionKind.THEMATIC in present:
        present.add(SectionKind.MEASURES)
    present |= _kinds_in_text(r)
    for n, kind in enumerate(REQUIRED_KINDS, 1):
        if kind in present:
            continue
        if kind == SectionKind.OTHER:
            # Reported only when there is something to report: a reminder, not a fault.
            yield Finding("content.other_reminder", "info",
                          f"提醒：规定要求的第{n}项内容“{KIND_LABELS[kind]}”只在有需要报告的情况时才写；如有，请补充。",
                          FieldRef("report", "title_override"), where="全文")
            continue
        yield Finding("content.missing_kind", "warning",
                      f"报告缺少规定要求的第{n}项内容“{KIND_LABELS[kind]}”：请补充，或把已写这项内容的部分或事项"
                      "标注为这一类。", FieldRef("report", "title_override"), where="全文")


@rule("dates", "成文日期在报告年度之后；报送、公开期限提醒")
def check_dates(ctx: CheckContext) -> Iterator[Finding]:
    r = ctx.report
    ref = FieldRef("report", "date")
    submit = _dt.date(r.year + 1, 3, 1)
    publish = _dt.date(r.year + 1, 4, 1)
    if r.date is None:
        yield Finding("date.missing", "warning", "还没有填写成文日期：请填写（如“2023年1月28日”）。", ref)
    elif r.date.year <= r.year:
        yield Finding("date.order", "error",
                      f"成文日期{format_date(r.date)}不在报告年度（{r.year}年）之后：年度报告应在次年成文，请核对日期或年度。",
                      ref)
    elif r.date >= submit:
        yield Finding("date.late", "warning",
                      f"成文日期{format_date(r.date)}晚于报送期限{format_date(submit)}：请核对。", ref)
    if r.publication_date is not None:
        pref = FieldRef("report", "publication_date")
        if r.date is not None and r.publication_date < r.date:
            yield Finding("date.publication_order", "warning",
                          f"发布日期{format_date(r.publication_date)}早于成文日期{format_date(r.date)}：请核对。", pref)
        if r.publication_date >= publish:
            yield Finding("publish.late", "warning",
                          f"发布日期{format_date(r.publication_date)}晚于公开期限{format_date(publish)}：请核对。", pref)
    yield Finding("publish.submit", "info",
                  f"提醒：{r.year}年度报告应于{format_date(submit)}前报送本级党委、政府和上一级有关部门。", ref,
                  where="报送期限")
    yield Finding("publish.publish", "info",
                  f"提醒：{r.year}年度报告应于{format_date(publish)}前在本机关门户网站等渠道向社会公开。", ref,
                  where="公开期限")


_TITLE_ALLOWED = set("《》〈〉·")


@rule("title", "标题只用书名号；标题与署名的机关名称一致", severities=("warning",))
def check_title(ctx: CheckContext) -> Iterator[Finding]:
    r = ctx.report
    title = r.title
    ref = FieldRef("report", "title_override")
    bad = [c for c in title if c not in _TITLE_ALLOWED and unicodedata.category(c).startswith("P")]
    if bad:
        shown = "".join(f"“{c}”" for c in dict.fromkeys(bad))
        fix = None
        new = "".join(c for c in r.title_override if c not in set(bad))
        if new.strip():
            fix = Fix("删去标题中的标点", ref, new, r.title_override)
        yield Finding("title.punct", "warning",
                      f"标题中有标点{shown}：公文标题除法规、规章名称加书名号外，一般不用标点，请删去。", ref, fix=fix)
    flat = "".join(title.split())
    signature = [s.strip() for s in r.signature if s.strip()]
    if not signature:
        yield Finding("title.signature_missing", "warning", "还没有填写署名（发文机关名称）：请填写。",
                      FieldRef("report", "signature"))
    for i, line in enumerate(r.signature):
        name = "".join(line.split())
        if name and name not in flat and not _place_only_title(name, flat):
            yield Finding("title.org_mismatch", "warning",
                          f"署名“{line.strip()}”没有出现在标题中：标题和署名中的机关名称应一致，请核对。",
                          FieldRef("report", "signature", i))
    sig_flat = {"".join(s.split()) for s in signature}
    for i, org in enumerate(r.organisations):
        name = "".join(org.split())
        # a place-only name (青岭区) for a government that signs 青岭区人民政府 is the same organisation
        same_gov = any(sig in (name + "人民政府", name + "政府") for sig in sig_flat)
        if signature and name and name not in sig_flat and not same_gov:
            yield Finding("title.org_mismatch", "warning",
                          f"机关名称“{org}”不在署名中：署名应与报告机关一致，请核对。",
                          FieldRef("report", "organisations", i))


def _place_only_title(name: str, title: str) -> bool:
    """A government's title names only its place: 松川县人民政府 signs 2022年松川县法治政府建设情况报告."""
    for suffix in ("人民政府", "政府"):
        place = name[: -len(suffix)]
        if name.endswith(suffix) and len(place) > 1 and place in title:
            after = title[title.index(place) + len(place):]
            if re.match(r"(\d|关于|法治|[一二]〇)", after):  # the place, then the year or the subject
                return True
    return False


@rule("fonts", "字体：格式要求的字体在本机是否安装", severities=("info",))
def check_fonts(ctx: CheckContext) -> Iterator[Finding]:
    try:
        from ..export.fonts import ROLE_LABELS, missing_fonts
    except ImportError:  # the export part is not installed: nothing to say
        return
    by_name: dict[str, list[tuple[str, str]]] = {}
    for role, name, substitute in missing_fonts(ctx.report.format):
        by_name.setdefault(name, []).append((role, substitute))
    for name, uses in by_name.items():
        roles = "、".join(ROLE_LABELS.get(role, role) for role, _sub in uses)
        substitute = uses[0][1]
        sub = f"本程序预览和生成PDF时用“{substitute}”代替" if substitute != name else "本机没有相近的字体可代替"
        yield Finding("format.font_missing", "info",
                      f"字体“{name}”（用于{roles}）在本机没有安装：{sub}；导出的Word文件仍写明“{name}”，"
                      "在装有该字体的电脑上按原字体显示。", FieldRef("report", f"format.fonts.{uses[0][0]}"))


@rule("revision", "沿用上年的部分：新建下一年度报告后尚未修改的部分和事项", severities=("info",))
def check_revision(ctx: CheckContext) -> Iterator[Finding]:
    r = ctx.report
    nodes = [(s.id, "heading") for s in r.sections if s.needs_revision]
    nodes += [(chain[-1].id, "lead") for _s, chain in r.iter_items() if chain[-1].needs_revision]
    for node_id, field in nodes:
        ref = FieldRef(node_id, field)
        yield Finding("revision.pending", "info",
                      "这部分沿用上年报告的文字，尚未修改：请按本年度情况改写；如无需修改，可标记为已修改。",
                      ref, where=ctx.where(ref),
                      fix=Fix("标记为已修改", FieldRef(node_id, "needs_revision"), False, True))


# Formal-edition fields (added with the export work of issue 10; kept as one small rule).
_FORMAL_FIELDS = (
    ("formal.issuer_mark", "发文机关标志", "文件版头的红色机关名称，如“东莞市司法局文件”"),
    ("formal.doc_number", "发文字号", "如“东司〔2023〕5号”"),
    ("formal.print_date", "印发日期", "版记中的印发日期"),
)


@rule("formal", "正式文件版：发文机关标志、发文字号、印发日期齐全", severities=("warning",))
def check_formal_fields(ctx: CheckContext) -> Iterator[Finding]:
    r = ctx.report
    if r.edition != "formal":
        return
    for field, label, example in _FORMAL_FIELDS:
        if field == "formal.issuer_mark":
            missing = not (r.formal.issuer_mark.strip() or "".join(r.organisations).strip())
        elif field == "formal.doc_number":
            missing = not r.formal.doc_number.strip()
        else:
            missing = r.formal.print_date is None
        if missing:
            ref = FieldRef("report", field)
            yield Finding("formal.missing_field", "warning",
                          f"正式文件版缺少“{label}”（{example}）：导出的正式文件中这一项是空的，请在报告信息中填写。",
                          ref, where=label)
