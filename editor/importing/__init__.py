"""Import of an existing report (.docx, .txt, .md) into the model. No Qt.

``import_file(path)`` returns an :class:`ImportResult`: the report, the web-page furniture that was
dropped, the number of punctuation marks converted, findings (such as numbering that skips in the
source) and the metric suggestions (applied as tokens unless ``metrics=False``). What the import found
is also kept in the report itself (:attr:`Report.import_findings`), so ``check`` and the problems panel
show it until the user dismisses it. Bad input raises :class:`editor.errors.ImportError_` with a
Chinese message; nothing is written.

A long import reports progress and can be cancelled: pass ``progress=callback(fraction, stage)`` and
``cancelled=lambda: bool``; a cancelled import raises :class:`ImportCancelled`. Time is linear in the
size of the source (``tests/perf/bench_import.py``).
"""

from __future__ import annotations

import gc
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

from ..errors import ImportError_
from ..model import Report
from .figures import MetricSuggestion, apply_suggestions, find_all, find_figures
from .parse import Finding, build_report
from .progress import ImportCancelled, Progress, ProgressCallback
from .sources import DEFAULT_LIMITS, Limits, read_source


@dataclass
class ImportResult:
    report: Report
    source: str = ""
    dropped: list[str] = field(default_factory=list)
    punctuation_changes: int = 0
    findings: list[Finding] = field(default_factory=list)
    suggestions: list[MetricSuggestion] = field(default_factory=list)
    metrics_applied: int = 0

    def apply_metrics(self, suggestions: Optional[list[MetricSuggestion]] = None, *,
                      progress: Optional[Progress] = None) -> int:
        """Turn the accepted suggestions (all when None) into metrics and tokens in ``report``."""
        chosen = self.suggestions if suggestions is None else suggestions
        n = apply_suggestions(self.report, [s for s in chosen if s.accepted], progress=progress)
        self.metrics_applied += n
        return n

    def summary_lines(self, ticked: Optional[int] = None) -> list[str]:
        """The import's summary in Chinese. ``ticked``: how many suggestions the review table has ticked
        (the review dialog passes it, so the line about the figures says what the table shows)."""
        r = self.report
        items = sum(1 for _ in r.iter_items())
        numbered = sum(1 for s in r.sections if s.numbered)
        lines = [
            f"标题：{r.title.replace(chr(10), ' ')}（{r.year} 年度）",
            f"结构：{numbered} 个编号部分、{len(r.sections) - numbered} 个不编号部分、{items} 个条目；"
            f"前言 {len(r.preamble)} 段；落款 {'、'.join(r.signature) or '（未识别）'}；"
            f"成文日期 {f'{r.date.year}年{r.date.month}月{r.date.day}日' if r.date else '（未识别）'}",
        ]
        f = self.report.formal
        if f.cc or f.printer or f.print_date:
            when = f"{f.print_date.year}年{f.print_date.month}月{f.print_date.day}日" if f.print_date else "（未识别）"
            lines.append(f"版记：抄送 {f.cc or '（无）'}；印发机关 {f.printer or '（未识别）'}；印发日期 {when}。")
        outros = sum(1 for s in r.sections if s.outro)
        if outros or r.closing:
            lines.append(f"结尾段落：{outros} 个部分有结尾段落；全文结束语 {len(r.closing)} 段。")
        if self.punctuation_changes:
            lines.append(f"已把 {self.punctuation_changes} 处半角标点或多余空格改为公文用的全角标点。")
        if self.metrics_applied:
            lines.append(f"已把 {self.metrics_applied} 个数字识别为指标（渲染后的文字与原文一致）。")
        elif self.suggestions and ticked is not None:
            lines.append(f"发现 {len(self.suggestions)} 个可作为指标的数字，已勾选 {ticked} 个：勾选的导入时成为指标"
                         f"（正文文字不变），未勾选的保留为普通文字。")
        elif self.suggestions:
            lines.append(f"发现 {len(self.suggestions)} 个可作为指标的数字（未采用）。")
        if self.dropped:
            lines.append(f"已去掉 {len(self.dropped)} 行网页内容（导航、分享、发布时间、页脚等）：")
            for d in self.dropped:
                lines.append(f"  - {d[:60]}")
        for f in self.findings:
            lines.append(f"请核对：{f.message}")
        return lines


def import_paragraphs(paras, *, keep_punctuation: bool = False, metrics: bool = True, source: str = "",
                      progress: Optional[ProgressCallback] = None,
                      cancelled: Optional[Callable[[], bool]] = None) -> ImportResult:
    prog = Progress(progress, cancelled)
    # The import builds hundreds of thousands of small objects and no reference cycles: the cyclic
    # garbage collector would re-scan them all again and again (time growing faster than the input),
    # so it is paused for the import and switched back on afterwards.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        parsed = build_report(paras, keep_punctuation=keep_punctuation, progress=prog)
        result = ImportResult(
            parsed.report, source, parsed.dropped, parsed.punctuation_changes, parsed.findings,
            find_all(parsed.report, progress=prog),
        )
        if metrics:
            result.apply_metrics(progress=prog)
    finally:
        if was_enabled:
            gc.enable()
    prog.stage("metrics", 1.0)
    return result


def import_file(path, *, keep_punctuation: bool = False, metrics: bool = True, limits: Limits = DEFAULT_LIMITS,
                progress: Optional[ProgressCallback] = None,
                cancelled: Optional[Callable[[], bool]] = None) -> ImportResult:
    """Import a .docx, .txt or .md report. Raises :class:`ImportError_` on bad input and
    :class:`ImportCancelled` when ``cancelled()`` turned True (checked between paragraphs)."""
    prog = Progress(progress, cancelled)
    prog.stage("read", 0.0)
    paras = read_source(Path(path), limits)
    if not paras:
        raise ImportError_(f"文件“{Path(path).name}”里没有文字，没有可导入的内容。")
    return import_paragraphs(paras, keep_punctuation=keep_punctuation, metrics=metrics, source=str(path),
                             progress=progress, cancelled=cancelled)


__all__ = [
    "DEFAULT_LIMITS", "Finding", "ImportCancelled", "ImportResult", "Limits", "MetricSuggestion", "apply_suggestions", "find_all",
    "find_figures", "import_file", "import_paragraphs", "read_source",
]
