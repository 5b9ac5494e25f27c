"""Import of an existing report (.docx, .txt, .md) into the model. No Qt.

``import_file(path)`` returns an :class:`ImportResult`: the report, the web-page furniture that was
dropped, the number of punctuation marks converted, findings (such as numbering that skips in the
source) and the metric suggestions (applied as tokens unless ``metrics=False``). Bad input raises
:class:`editor.errors.ImportError_` with a Chinese message; nothing is written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from ..errors import ImportError_
from ..model import Report
from .figures import MetricSuggestion, apply_suggestions, find_all, find_figures
from .parse import Finding, build_report
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

    def apply_metrics(self, suggestions: Optional[list[MetricSuggestion]] = None) -> int:
        """Turn the accepted suggestions (all when None) into metrics and tokens in ``report``."""
        chosen = self.suggestions if suggestions is None else suggestions
        n = apply_suggestions(self.report, [s for s in chosen if s.accepted])
        self.metrics_applied += n
        return n

    def summary_lines(self) -> list[str]:
        r = self.report
        items = sum(1 for _ in r.iter_items())
        numbered = sum(1 for s in r.sections if s.numbered)
        lines = [
            f"标题：{r.title.replace(chr(10), ' ')}（{r.year} 年度）",
            f"结构：{numbered} 个编号部分、{len(r.sections) - numbered} 个不编号部分、{items} 个条目；"
            f"前言 {len(r.preamble)} 段；落款 {'、'.join(r.signature) or '（未识别）'}；"
            f"成文日期 {f'{r.date.year}年{r.date.month}月{r.date.day}日' if r.date else '（未识别）'}",
        ]
        if self.punctuation_changes:
            lines.append(f"已把 {self.punctuation_changes} 处半角标点或多余空格改为公文用的全角标点。")
        if self.metrics_applied:
            lines.append(f"已把 {self.metrics_applied} 个数字识别为指标（渲染后的文字与原文一致）。")
        elif self.suggestions:
            lines.append(f"发现 {len(self.suggestions)} 个可作为指标的数字（未采用）。")
        if self.dropped:
            lines.append(f"已去掉 {len(self.dropped)} 行网页内容（导航、分享、发布时间、页脚等）：")
            for d in self.dropped:
                lines.append(f"  - {d[:60]}")
        for f in self.findings:
            lines.append(f"请核对：{f.message}")
        return lines


def import_paragraphs(paras, *, keep_punctuation: bool = False, metrics: bool = True, source: str = "") -> ImportResult:
    parsed = build_report(paras, keep_punctuation=keep_punctuation)
    result = ImportResult(
        parsed.report, source, parsed.dropped, parsed.punctuation_changes, parsed.findings, find_all(parsed.report)
    )
    if metrics:
        result.apply_metrics()
    return result


def import_file(path, *, keep_punctuation: bool = False, metrics: bool = True, limits: Limits = DEFAULT_LIMITS) -> ImportResult:
    """Import a .docx, .txt or .md report. Raises :class:`ImportError_` on bad input."""
    paras = read_source(Path(path), limits)
    if not paras:
        raise ImportError_(f"文件“{Path(path).name}”里没有文字，没有可导入的内容。")
    return import_paragraphs(paras, keep_punctuation=keep_punctuation, metrics=metrics, source=str(path))


__all__ = [
    "DEFAULT_LIMITS", "Finding", "ImportResult", "Limits", "MetricSuggestion", "apply_suggestions", "find_all",
    "find_figures", "import_file", "import_paragraphs", "read_source",
]
