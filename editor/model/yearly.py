"""Roll a report over to the next year (no Qt).

The new project keeps the text, moves each figure to last year's value (so ``{{chg:ID}}`` computes
against it as soon as the new value is filled in), clears the dates and marks every section and item
as still to be revised.
"""

from __future__ import annotations

import re

from .report import Report


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
