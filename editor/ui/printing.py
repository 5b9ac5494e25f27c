"""Printing and print preview of exactly what the preview shows (either edition: the one chosen in
the report information form, which the preview follows).

The pages are painted by the preview's own page painter (:class:`~editor.ui.preview._PagesCanvas`),
set to the printer's resolution and to one page per sheet, so the printed page and the preview
cannot drift apart: the same text document, the same rules and page numbers.
"""

from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QMarginsF, QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QPageLayout, QPageSize, QPainter, QTextCursor
from PySide6.QtPrintSupport import QPrinter

from . import i18n  # noqa: F401 - applies the PySide6 None-refcount guard
from .preview import _PagesCanvas


class _SheetCanvas(_PagesCanvas):
    """The preview's page painter drawing one page per sheet at the printer's resolution."""

    def __init__(self, preview, printer: QPrinter, layout=None):
        super().__init__(layout or preview.pages)
        self.k = printer.resolution() / 72.0  # device pixels per point
        self.pages = self.layout_.page_count() if layout is not None else preview.canvas.pages
        self.page_numbers = preview.canvas.page_numbers
        self.number_family = preview.canvas.number_family
        self.current_index = None  # the "being edited" highlight is not printed
        self.match_range = None  # nor the find highlight

    def px_per_pt(self) -> float:
        return self.k

    def page_origin(self, page: int) -> QPointF:
        return QPointF(0.0, 0.0)


def setup_printer(printer: QPrinter, title: str = "") -> None:
    """A4 portrait, no printer margins (the layout has its own), full-page coordinates."""
    printer.setFullPage(True)
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                      QMarginsF(0, 0, 0, 0)))
    if title:
        printer.setDocName(title)


def page_range(printer: QPrinter, count: int) -> list[int]:
    """The 0-based pages to print: the range chosen in the print dialog, else all of them."""
    first, last = printer.fromPage(), printer.toPage()
    if first <= 0 or last <= 0:
        return list(range(count))
    return [p for p in range(first - 1, min(last, count))]


def edition_layout(report, edition: str):
    """The pages of ``report`` in ``edition`` (the same typesetting as the preview), for printing
    the edition the preview is not showing."""
    from .preview import PageLayout

    copy = report.model_copy(deep=True)
    copy.edition = edition
    layout = PageLayout()
    layout.update(copy, None)
    layout.place_colophon()
    return layout


def without_marks(layout):
    """``layout`` without the screen's marks of figures, changes and missing values (the light blue,
    green and red backgrounds): paper shows the text as the exported file does. Backgrounds and
    colours do not move any text, so the pages stay the preview's."""
    from .preview import CHANGE_BG, METRIC_BG, MISSING_BG, MISSING_FG

    marks = {METRIC_BG.rgb(), CHANGE_BG.rgb(), MISSING_BG.rgb()}
    doc = layout.text
    marked = []  # collected first: changing a format merges fragments under the iterator
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            cf = fragment.charFormat()
            if cf.background().style() != Qt.BrushStyle.NoBrush and cf.background().color().rgb() in marks:
                marked.append((fragment.position(), fragment.length(), cf))
            it += 1
        block = block.next()
    for position, length, cf in marked:
        cf.clearBackground()
        if cf.foreground().color().rgb() == MISSING_FG.rgb():
            cf.setForeground(QBrush(QColor("black")))
        cursor = QTextCursor(doc)
        cursor.setPosition(position)
        cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
        cursor.setCharFormat(cf)
    return layout


def render_preview(preview, printer: QPrinter, edition: Optional[str] = None) -> int:
    """Paint the preview's pages onto ``printer`` (copies are handled by the printer); returns the
    number of pages painted. The preview is brought up to date first. ``edition`` ("public" or
    "formal"): print that edition even when the preview shows the other. The pages are typeset
    afresh, as the preview's, without the screen's marks of figures (:func:`without_marks`)."""
    if preview.refresh_pending():
        preview.refresh_now()
    layout = without_marks(edition_layout(preview.doc.report, edition or preview.doc.report.edition))
    count = layout.page_count()
    pages = page_range(printer, count)
    if not pages:
        return 0
    canvas = _SheetCanvas(preview, printer, layout)
    painter = QPainter()
    if not painter.begin(printer):
        canvas.deleteLater()
        return 0
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        for n, page in enumerate(pages):
            if n:
                printer.newPage()
            canvas.paint_page(painter, page)
    finally:
        painter.end()
        canvas.deleteLater()
    return len(pages)


def print_to_pdf(preview, path, title: str = "", edition: Optional[str] = None) -> int:
    """Print the preview into a PDF file through QPrinter (what 打印 → a PDF printer gives)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    setup_printer(printer, title)
    return render_preview(preview, printer, edition)


def make_printer(title: str = "", count: Optional[int] = None) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    setup_printer(printer, title)
    if count:
        printer.setFromTo(0, 0)
    return printer
