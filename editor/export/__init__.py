"""Export: the official-format Word file (python-docx) and PDF through LibreOffice. No Qt.

The writers are imported on first use (PEP 562 ``__getattr__``), so that ``editor.export.fonts`` -- used by the
checks and the preview -- does not load python-docx: ``report-editor check`` and the window start faster.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING, Optional

from ..errors import ExportError
from ..model import Report

if TYPE_CHECKING:
    from .docx import build_docx, iter_write_docx, write_docx
    from .pdf import find_soffice, write_pdf

FORMATS = ("docx", "pdf")
_LAZY = {"build_docx": ".docx", "iter_write_docx": ".docx", "write_docx": ".docx",
         "find_soffice": ".pdf", "write_pdf": ".pdf"}


def __getattr__(name: str):
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def export_report(report: Report, target, fmt: str = "docx", edition: Optional[str] = None) -> Path:
    """Export ``report`` to ``target`` in ``fmt`` (``docx`` or ``pdf``); returns the written path."""
    if fmt == "docx":
        from .docx import write_docx

        return write_docx(report, target, edition)
    if fmt == "pdf":
        from .pdf import write_pdf

        return write_pdf(report, target, edition)
    raise ExportError(f"不支持的导出格式“{fmt}”，可用：docx、pdf。")


__all__ = ["FORMATS", "build_docx", "export_report", "find_soffice", "iter_write_docx", "write_docx", "write_pdf"]
