"""Export: the official-format Word file (python-docx) and PDF through LibreOffice. No Qt."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from ..errors import ExportError
from ..model import Report
from .docx import build_docx, iter_write_docx, write_docx
from .pdf import find_soffice, write_pdf

FORMATS = ("docx", "pdf")


def export_report(report: Report, target, fmt: str = "docx", edition: Optional[str] = None) -> Path:
    """Export ``report`` to ``target`` in ``fmt`` (``docx`` or ``pdf``); returns the written path."""
    if fmt == "docx":
        return write_docx(report, target, edition)
    if fmt == "pdf":
        return write_pdf(report, target, edition)
    raise ExportError(f"不支持的导出格式“{fmt}”，可用：docx、pdf。")


__all__ = ["FORMATS", "build_docx", "export_report", "find_soffice", "iter_write_docx", "write_docx", "write_pdf"]
