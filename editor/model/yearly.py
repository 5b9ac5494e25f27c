"""Roll a report over to the next year (no Qt).

The new project keeps the text, moves each figure to last year's value (so ``{{chg:ID}}`` computes
against it as soon as the new value is filled in), clears the dates and marks every section and item
as still to be revised.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .refs import FieldRef
from .report import Report, iter_section_items


def _bump_years(text: str, year: int) -> str:
    """Advance the report year (and the year it was written in) by one: 2022 -> 2023, 2023 -> 2024."""
    def repl(m):
        y = int(m.group(0))
        return str(y + 1) if y in (year, year + 1) else m.group(0)

    return re.sub(r"(?<![0-9])(19|20|21)[0-9]{2}(?![0-9])", repl, text)


def rollover(report: Report) -> Report:
    """A new report for ``report.year + 1``; ``report`` itself is not changed."""
    nxt = report.model_copy(deep=True)
    nxt.year = report.year + 1
    if nxt.title_override.strip():
        nxt.title_override = _bump_years(nxt.title_override, report.year)
    nxt.date = None
    nxt.publication_date = None
    nxt.formal.print_date = None
    # what the import found in last year's source (numbering, converted punctuation) is not about this text
    nxt.import_findings = []
    if nxt.formal.doc_number:
        # 东司〔2023〕5号 -> 东司〔2024〕号: the year advances, the serial number is new each year
        nxt.formal.doc_number = re.sub(
            r"〔(\d{4})〕\s*\d*\s*号", lambda m: f"〔{int(m.group(1)) + 1}〕号", nxt.formal.doc_number
        )
    for metric in nxt.metrics:
        metric.last_value = metric.value
        metric.value = None
    for section in nxt.sections:
        section.needs_revision = True
    for _section, chain in nxt.iter_items():
        chain[-1].needs_revision = True
    return nxt


# ---------------------------------------------------------------- years left from another year's text
@dataclass(frozen=True)
class YearPlace:
    """A year written in the text that does not fit the report year (see :func:`stale_year_places`)."""

    ref: FieldRef
    start: int  # span of the year (e.g. "2021年") in the field's stored text
    end: int
    year: int
    reason: str  # "last_year", "earlier_year", "plans_current_year", "next_year"


_YEAR_RE = re.compile(r"(?<![0-9０-９])((?:19|20|21)[0-9]{2})(?=年)")
_BEFORE_OK = re.compile(r"(较|比|同|自|从|于|至|到|、|—|－|-|~|～|截至|对比|相比|相较|追溯)\s*$")
_AFTER_OK = re.compile(r"^年度?(以来|同期|相比|比较|至|到|—|－|-|~|～|、|和|及|起|底?相比|的?水平|数据|[^，。；]{0,8}基础上)")
_PUT_INTO_EFFECT = re.compile(r"(制定|印发|出台|实施|落实|执行)《?$")
_PLAN_TITLE = re.compile(r"年度?[^》]{0,30}(要点|计划|方案|安排)》")
_REVIEW_OF_YEAR = re.compile(r"^年度?[^，。；、]{0,8}(评估|考评|考核|评议|述职|述法|总结|审计|决算|统计|年报|年度报告)")
_PLAN_WORDS = re.compile(r"^年度?的?(立法)?(工作)?(计划|规划|预算|目标|任务|要点|重点工作|安排|项目|考评方案)")


def _plans_fields(report: Report):
    from .report import SectionKind

    plans = set()
    for section in report.sections:
        kinds = set(section.kinds)
        section_plans = SectionKind.PLANS in kinds
        only_plans = section_plans and not kinds & {SectionKind.MEASURES, SectionKind.THEMATIC,
                                                     SectionKind.SHORTCOMINGS, SectionKind.LEADERSHIP}
        if only_plans:
            plans.add(section.id)
        for chain in iter_section_items(section):
            if section_plans or any(SectionKind.PLANS in it.kinds for it in chain):
                plans.add(chain[-1].id)
    return plans


def stale_year_places(report: Report) -> list[YearPlace]:
    """Years in the text that look left over from another year's report: last year's year (or an
    earlier one opening a paragraph) outside a comparison, this year's year opening the plans for next
    year, next year's year outside the plans. After :func:`rollover` these are the places to revise;
    the checks list them until they are."""
    from .refs import iter_text_fields

    y = report.year
    plans = _plans_fields(report)
    out: list[YearPlace] = []
    for ref, text in iter_text_fields(report):
        if ref.field in ("title_override", "signature", "notes") or "年" not in text:
            continue
        in_plans = ref.node in plans
        for m in _YEAR_RE.finditer(text):
            year = int(m.group(1))
            before = text[max(0, m.start() - 6):m.start()]
            after = text[m.end():m.end() + 12]
            if _BEFORE_OK.search(before) or _AFTER_OK.match(after):
                continue
            if _inside_title(text, m.start()):
                # a plan named by its year (《2021年…工作要点》) put into effect this year is last year's;
                # any other year in a document's name is part of the name (审议《2022年度…报告》)
                if not (year == y - 1 and text[m.start() - 1] == "《" and _PUT_INTO_EFFECT.search(before)
                        and _PLAN_TITLE.match(text, m.end())):
                    continue
            elif year == y - 1 and _REVIEW_OF_YEAR.match(after):
                continue  # last year's assessment, accounts or report, done this year (完成2021年度…评估)
            opening = m.start() == 0 or text[m.start() - 1] in "。；：，（"
            reason = ""
            if year == y - 1:
                reason = "last_year"
            elif year < y - 1 and opening and after.startswith("年，"):
                reason = "earlier_year"
            elif year == y and in_plans and (opening or after.startswith(("年，", "年将", "年要", "年度，"))):
                reason = "plans_current_year"
            elif year == y + 1 and not in_plans and not _PLAN_WORDS.match(after):
                month = re.match(r"^年(\d{1,2})月", after)
                if month and report.date is not None and report.date.year == y + 1 \
                        and int(month.group(1)) <= report.date.month:
                    continue  # something done in January before the report was written
                if re.match(r"^年(\d{1,2})月", after) and report.date is None:
                    continue
                reason = "next_year"
            if reason:
                out.append(YearPlace(ref, m.start(), m.end() + 1, year, reason))
    return out


def _inside_title(text: str, pos: int) -> bool:
    """True when ``pos`` is inside 《…》 (a year in the name of a document)."""
    return text.rfind("《", 0, pos) > text.rfind("》", 0, pos)
