"""Live preview of the report in the official layout (GB/T 9704-2012), page by page.

The report is turned into paragraphs by :func:`editor.model.build_flow` (the same flow the Word
export writes), laid into a :class:`QTextDocument` with exact line heights and paginated to the
text block (版心) of an A4 page. A custom widget draws the visible pages with their margins, a
shadow and the page numbers ``— N —``.

Refreshing is debounced after every change and incremental: the new flow is compared with the
previous one and only the paragraphs that differ are replaced in the text document, so a keystroke
in a report fifty times the sample costs a few paragraphs of layout, not the whole document.

Layout units: the text document is laid out on a paint device of :data:`DPI` dots per inch, so one
layout unit is ``72 / DPI`` points. Painting scales to the screen with the zoom factor.
"""

from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QPointF, QRectF, QSize, QSizeF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QImage,
    QKeySequence,
    QPainter,
    QPalette,
    QPen,
    QShortcut,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import QScrollArea, QSizePolicy, QWidget

from ..model import Block, build_flow, format_date
from ..model.flow import build_section_flow
from . import i18n  # noqa: F401 - applies the PySide6 None-refcount guard

# ---------------------------------------------------------------- page geometry (official-format.md §1)
MM = 72 / 25.4  # points per millimetre
PAGE_W_PT = 210 * MM
PAGE_H_PT = 297 * MM
MARGIN_TOP_PT = 37 * MM
MARGIN_LEFT_PT = 28 * MM
MARGIN_RIGHT_PT = 26 * MM
MARGIN_BOTTOM_PT = 35 * MM
TEXT_W_PT = PAGE_W_PT - MARGIN_LEFT_PT - MARGIN_RIGHT_PT  # 156 mm
TEXT_H_PT = PAGE_H_PT - MARGIN_TOP_PT - MARGIN_BOTTOM_PT  # 225 mm
LINE_PT = 28.95  # exact line height: 22 lines per page
TITLE_PT = 22.0  # 二号
BODY_PT = 16.0  # 三号
PAGE_NUMBER_PT = 14.0  # 四号
BODY_LETTER_SPACING_PT = -0.25  # gives 28 characters per line
PAGE_NUMBER_GAP_PT = 7 * MM  # the page number's dash sits 7 mm below the text block
RED_RULE_BORDER_PT = 1 + 1.5  # the red rule's distance from its paragraph (w:space) and its width
QT_FIXED_BASELINE = 0.8  # Qt sets the baseline of a fixed-height line at 80 % of its height (measured)

DPI = 144  # layout resolution of the text document
U = DPI / 72.0  # layout units per point

PAGE_GAP_PX = 16  # space between pages on screen
DEBOUNCE_MS = 200

METRIC_BG = QColor("#e3f0ff")
CHANGE_BG = QColor("#e6f6e6")
MISSING_BG = QColor("#ffd9d9")
MISSING_FG = QColor("#b00000")
RED = QColor("#d40000")
CURRENT_BG = QColor("#fff6cc")  # the paragraph being edited in the form
MATCH_BG = QColor("#ffb84d")  # the text find and replace is showing

# Installed look-alikes of the official fonts (official-format.md §5).
_FALLBACK_FAMILIES = {
    "song": ["Noto Serif CJK SC", "Source Han Serif SC", "AR PL UMing CN", "serif"],
    "hei": ["Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei", "sans-serif"],
    "kai": ["LXGW WenKai", "AR PL UKai CN", "Noto Serif CJK SC", "serif"],
}


def _own_preview_family(name: str) -> str:
    """Map an official font name to an installed family (used when the export module has none)."""
    installed = set(QFontDatabase.families())
    if name in installed:
        return name
    if "楷" in name:
        kind = "kai"
    elif "黑" in name:
        kind = "hei"
    else:  # 宋体, 小标宋, 仿宋 and anything unknown
        kind = "song"
    for family in _FALLBACK_FAMILIES[kind]:
        if family in installed:
            return family
    return _FALLBACK_FAMILIES[kind][-1]


def preview_family(name: str) -> str:
    try:  # the export engineer's mapping, when present, keeps preview and export consistent
        from ..export.fonts import preview_family as export_preview_family  # type: ignore

        family = export_preview_family(name)
        if family:
            return family
    except Exception:  # noqa: BLE001 - module absent or not ready: use our own mapping
        pass
    return _own_preview_family(name)


# ---------------------------------------------------------------- building the text document
def _block_signature(block: Block) -> tuple:
    return (block.kind, block.level, tuple((r.text, r.role, r.seg) for r in block.runs))


def _calibrate(device) -> float:
    """How many layout units QTextDocument makes of one unit of a fixed line height. It scales line
    heights (not margins or indents) by the paint device's resolution over the screen's, which
    depends on the screen, so it is measured rather than assumed."""
    probe = QTextDocument()
    probe.documentLayout().setPaintDevice(device)
    probe.setDocumentMargin(0)
    cursor = QTextCursor(probe)
    bf = QTextBlockFormat()
    bf.setLineHeight(100.0, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
    cursor.setBlockFormat(bf)
    cursor.insertText("x")
    cursor.insertBlock(bf)
    cursor.insertText("x")
    top = probe.documentLayout().blockBoundingRect(probe.lastBlock()).top()
    return top / 100.0 if top > 0 else 1.0


class _FlowTypesetter:
    """Creates the formats of each paragraph kind from the report's format settings."""

    def __init__(self, report, block_scale: float = 1.0, device=None):
        self.b = 1.0 / block_scale  # fixed line heights are given in these units per layout unit
        fmt = report.format
        from ..export import docx as export_docx, format_spec as F

        self.spec = F
        mark = export_docx.issuer_mark_text(report)
        self.key = (tuple(sorted(fmt.fonts.items())), fmt.bold_level2, fmt.bold_level3, report.edition,
                    tuple(report.signature), report.date, mark, tuple(report.formal.signers))
        # the formal header exactly as the export sets it (format_spec), in points
        self.first_signature = next((i for i, line in enumerate(report.signature) if line.strip()), 0)
        self.mark_pt = export_docx.issuer_mark_size(mark) / 2
        self.mark_pt_set = report.edition == "formal" and bool(mark.strip())
        self.signers_tab = export_docx.signers_tab(report.formal.signers) / 20 * U
        self.family = {role: preview_family(fmt.font(role)) for role in
                       ("title", "body", "heading1", "heading2", "heading3", "page_number", "issuer_mark")}
        # 小标宋 is a heavy face: its look-alike (a regular serif) is drawn bold.
        # a plain 宋体 title (the "Windows 自带字体" preset) is bold in the export too
        self.heavy_title = ("小标宋" in fmt.font("title") and self.family["title"] != fmt.font("title")) or \
            fmt.font("title") in F.BOLD_TITLE_FONTS
        self.heavy_mark = ("小标宋" in fmt.font("issuer_mark") and
                           self.family["issuer_mark"] != fmt.font("issuer_mark")) or \
            fmt.font("issuer_mark") in F.BOLD_TITLE_FONTS
        self.bold2 = fmt.bold_level2
        self.bold3 = fmt.bold_level3
        self.device = device
        self.report = report
        self._place_signature(report)

    def text_width(self, text: str) -> float:
        """Width of body text in layout units (with the body letter spacing)."""
        font = QFont(self.family["body"])
        font.setPointSizeF(BODY_PT)
        font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, BODY_LETTER_SPACING_PT * U)
        metrics = QFontMetricsF(font, self.device) if self.device is not None else QFontMetricsF(font)
        return metrics.horizontalAdvance(text)

    def _place_signature(self, report) -> None:
        """Signature right-indented two characters; the date starts two characters right of the
        signature's first character. When the date is the longer, the date is right-indented two
        characters and the signature moves left to keep the two-character step (GB/T 9704 7.3.5.2)."""
        two = 2 * BODY_PT * U
        self.signature_right = two
        self.date_left: Optional[float] = None
        lines = [s for s in report.signature if s.strip()]
        if not lines or report.date is None:
            return
        width = TEXT_W_PT * U
        sig_w = max(self.text_width(s) for s in lines)
        date_w = self.text_width(format_date(report.date))
        if date_w >= sig_w:  # "成文日期长于发文机关署名": the date right-aligned, as in the export
            self.signature_right = max(0.0, two + date_w + two - sig_w)
            self.date_left = None
        else:
            sig_start = width - two - sig_w
            self.date_left = max(0.0, sig_start + two)

    # -- character formats
    def char_format(self, block: Block, role: str, seg: str) -> QTextCharFormat:
        cf = QTextCharFormat()
        size = BODY_PT
        family = self.family["body"]
        bold = False
        color = QColor("black")
        spacing = BODY_LETTER_SPACING_PT
        kind = block.kind
        if kind == "title":
            family, size, spacing = self.family["title"], TITLE_PT, 0.0
            bold = self.heavy_title
        elif kind == "issuer_mark":
            family, size, spacing, color = self.family["issuer_mark"], self.mark_pt, 0.0, RED
            bold = self.heavy_mark
        elif kind == "doc_number" and role == "lead":  # 签发人 names in 楷体
            family = self.family["heading2"]
        elif kind == "heading1":
            family = self.family["heading1"]
        elif kind in ("heading2", "item") and block.level == 2:
            if role == "lead":
                family = self.family["heading2"]
                bold = self.bold2
        elif role == "lead" and block.level == 3:  # marker and lead sentence of a level-3 item
            family = self.family["heading3"]
            bold = self.bold3
        elif kind == "colophon_cc":
            size = PAGE_NUMBER_PT
        cf.setFontFamilies([family])
        cf.setFontPointSize(size)
        if bold:
            cf.setFontWeight(QFont.Weight.Bold)
        if spacing:
            cf.setFontLetterSpacingType(QFont.SpacingType.AbsoluteSpacing)
            cf.setFontLetterSpacing(spacing * U)
        cf.setForeground(QBrush(color))
        if seg == "metric":
            cf.setBackground(QBrush(METRIC_BG))
        elif seg == "change":
            cf.setBackground(QBrush(CHANGE_BG))
        elif seg == "missing":
            cf.setBackground(QBrush(MISSING_BG))
            cf.setForeground(QBrush(MISSING_FG))
        return cf

    # -- block formats
    def block_format(self, block: Block) -> QTextBlockFormat:
        bf = QTextBlockFormat()
        bf.setLineHeight(LINE_PT * U * self.b, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
        bf.setTopMargin(0)
        bf.setBottomMargin(0)
        indent = 2 * BODY_PT * U
        kind = block.kind
        F = self.spec
        if kind == "issuer_mark":
            # 35 mm below the top of the text block, then its own line height. QTextDocument drops the
            # top margin of its first block, so the space goes into the (fixed) line height; Qt puts the
            # baseline at QT_FIXED_BASELINE of a fixed line, so the line is made taller by space / 0.8
            # and the 发文字号's space before shorter by the excess (MARK_EXCESS_PT).
            bf.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            height = self.mark_pt + F.ISSUER_MARK_SPACE_BEFORE / 20 / QT_FIXED_BASELINE
            bf.setLineHeight(height * U * self.b, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
        elif kind == "doc_number":
            first = block.ref is None or block.ref.field != "formal.signers" or \
                any(r.text == F.SIGNERS_LABEL for r in block.runs)
            if first:  # two lines below the mark
                excess = F.ISSUER_MARK_SPACE_BEFORE / 20 * (1 / QT_FIXED_BASELINE - 1) if self.mark_pt_set else 0.0
                bf.setTopMargin((F.DOC_NUMBER_SPACE_BEFORE / 20 - excess) * U * self.b)
            if any(r.text == "\t" for r in block.runs):  # 上行文: number left, 签发人 on a tab stop
                bf.setAlignment(Qt.AlignmentFlag.AlignLeft)
                bf.setLeftMargin(F.DOC_NUMBER_LEFT_INDENT / 20 * U)
                bf.setTabPositions([QTextOption.Tab(self.signers_tab * self.b, QTextOption.TabType.LeftTab)])
            else:
                bf.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        elif kind == "red_rule":  # the rule is this paragraph's bottom border (rules_on_page)
            bf.setLineHeight(F.RED_RULE_HEIGHT / 20 * U * self.b, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
            # below the line: the border's distance and width, then the space after it
            bf.setBottomMargin((RED_RULE_BORDER_PT + F.RED_RULE_SPACE_AFTER / 20) * U * self.b)
        elif kind == "title":
            bf.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        elif kind in ("recipients", "colophon_print"):
            bf.setAlignment(Qt.AlignmentFlag.AlignLeft)
            if kind == "colophon_print":
                bf.setLeftMargin(BODY_PT * U)
                bf.setRightMargin(BODY_PT * U)
        elif kind == "colophon_cc":
            bf.setLeftMargin(PAGE_NUMBER_PT * U)
            bf.setRightMargin(PAGE_NUMBER_PT * U)
        elif kind == "signature":
            bf.setAlignment(Qt.AlignmentFlag.AlignRight)
            bf.setRightMargin(self.signature_right)
            if block.ref is not None and block.ref.index == self.first_signature:
                # one blank line between the text and the 落款, as the export's FzSignature style has
                bf.setTopMargin(LINE_PT * U * self.b)
        elif kind == "date":
            if self.date_left is not None:
                bf.setAlignment(Qt.AlignmentFlag.AlignLeft)
                bf.setLeftMargin(self.date_left)
            else:
                bf.setAlignment(Qt.AlignmentFlag.AlignRight)
                bf.setRightMargin(indent)
        else:  # body, heading1, heading2, item, note
            bf.setAlignment(Qt.AlignmentFlag.AlignJustify)
            bf.setTextIndent(indent)
        return bf

    def write_block(self, cursor: QTextCursor, block: Block) -> None:
        """Write the runs of ``block`` at the cursor (the block format is already set)."""
        if block.kind == "colophon_print" and len(block.runs) == 3:
            # 印发机关 left, 印发日期 right: a right-aligned tab stop at the right edge.
            # Tab positions are scaled like line heights (see _calibrate).
            opt = QTextOption.Tab((TEXT_W_PT - 2 * BODY_PT) * U * self.b - 1, QTextOption.TabType.RightTab)
            bf = cursor.blockFormat()
            bf.setTabPositions([opt])
            cursor.setBlockFormat(bf)
        for run in block.runs:
            if run.text:
                cursor.insertText(run.text, self.char_format(block, run.role, run.seg))


def _write_blocks(cursor: QTextCursor, flow, start: int, end: int, typesetter) -> None:
    """Write ``flow[start:end]`` at the cursor: the first into the (empty) current block, the rest as
    new blocks. Used by both the full rebuild and the partial refresh."""
    for i in range(start, end):
        block = flow[i]
        bf = typesetter.block_format(block)
        cf = typesetter.char_format(block, "text", "text")
        if i == start:
            cursor.setBlockFormat(bf)
            cursor.setBlockCharFormat(cf)
            cursor.setCharFormat(cf)
        else:
            cursor.insertBlock(bf, cf)
        typesetter.write_block(cursor, block)


# The paragraphs of one section as build_flow gives them (lets a refresh redo only edited sections).
section_flow = build_section_flow

def _section_node_ids(section) -> set[str]:
    ids = {section.id}
    stack = list(section.items)
    while stack:
        item = stack.pop()
        ids.add(item.id)
        stack.extend(item.children)
    return ids


class PageLayout:
    """A paginated QTextDocument built from the report flow, updated incrementally."""

    def __init__(self):
        self.device = QImage(4, 4, QImage.Format.Format_RGB32)
        dpm = round(DPI / 0.0254)
        self.device.setDotsPerMeterX(dpm)
        self.device.setDotsPerMeterY(dpm)
        self.block_scale = _calibrate(self.device)
        self.text = QTextDocument()
        self.text.documentLayout().setPaintDevice(self.device)
        self.text.setDocumentMargin(0)
        self.text.setUndoRedoEnabled(False)
        self.text.setPageSize(_size(TEXT_W_PT * U, TEXT_H_PT * U))
        option = self.text.defaultTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.text.setDefaultTextOption(option)
        self.blocks: list[Block] = []
        self.signatures: list[tuple] = []
        self.unnumbered_from: Optional[int] = None  # first page without a number (formal: after the body)
        self.format_key: Optional[tuple] = None
        self.last_partial = False  # whether the last update re-rendered only edited sections

    def _partial_flow(self, report, sections: set[str]) -> Optional[tuple[list[Block], list[tuple]]]:
        """The new flow made from the current one with only ``sections`` re-rendered, with the
        signatures; None when that cannot be done safely (then the whole flow is built)."""
        flow = list(self.blocks)
        sigs = list(self.signatures)
        by_id = {s.id: s for s in report.sections}
        # Splice from the last section backwards so earlier indexes stay valid.
        spans = []
        for sid in sections:
            section = by_id.get(sid)
            if section is None:
                return None
            ids = _section_node_ids(section)
            where = [i for i, b in enumerate(flow) if b.node in ids]
            if not where or where[-1] - where[0] + 1 != len(where):
                return None
            new = section_flow(report, sid)
            if new is None:
                return None
            spans.append((where[0], where[-1] + 1, new))
        spans.sort(key=lambda t: t[0], reverse=True)
        for start, end, new in spans:
            flow[start:end] = new
            sigs[start:end] = [_block_signature(b) for b in new]
        return flow, sigs

    def update(self, report, sections: Optional[set[str]] = None) -> tuple[int, int]:
        """Bring the text document up to date with ``report``.

        ``sections``: ids of the only sections whose text changed since the last update (their
        structure and every other part unchanged), or None when anything may have changed.
        Returns (first changed paragraph, number of paragraphs rewritten).
        """
        typesetter = _FlowTypesetter(report, self.block_scale, self.device)
        partial = None
        if sections is not None and self.signatures and typesetter.key == self.format_key:
            partial = self._partial_flow(report, sections)
        self.last_partial = partial is not None
        if partial is not None:
            flow, sigs = partial
        else:
            flow = build_flow(report)
            sigs = [_block_signature(b) for b in flow]
        if typesetter.key != self.format_key or not self.signatures:
            self._rebuild(flow, sigs, typesetter)
            return 0, len(flow)
        old = self.signatures
        n_old, n_new = len(old), len(sigs)
        p = 0
        limit = min(n_old, n_new)
        while p < limit and old[p] == sigs[p]:
            p += 1
        s = 0
        while s < limit - p and old[n_old - 1 - s] == sigs[n_new - 1 - s]:
            s += 1
        if p == n_old == n_new:
            self.blocks = flow  # same text; refs may have changed (e.g. after moves)
            return n_new, 0
        # Make both ranges non-empty so the edit is always "replace blocks p..oe by p..ne".
        if p == n_old - s or p == n_new - s:
            if p > 0:
                p -= 1
            else:
                s -= 1
        oe, ne = n_old - s, n_new - s
        doc = self.text
        cursor = QTextCursor(doc)
        cursor.beginEditBlock()
        first = doc.findBlockByNumber(p)
        last = doc.findBlockByNumber(oe - 1)
        cursor.setPosition(first.position())
        cursor.setPosition(last.position() + last.length() - 1, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        _write_blocks(cursor, flow, p, ne, typesetter)
        cursor.endEditBlock()
        self.blocks = flow
        self.signatures = sigs
        return p, ne - p

    def _rebuild(self, flow, sigs, typesetter) -> None:
        doc = self.text
        doc.clear()
        cursor = QTextCursor(doc)
        cursor.beginEditBlock()
        _write_blocks(cursor, flow, 0, len(flow), typesetter)
        cursor.endEditBlock()
        self.blocks = flow
        self.signatures = sigs
        self.format_key = typesetter.key

    def page_count(self) -> int:
        return max(1, self.text.pageCount())

    def _block_rect(self, index: int) -> QRectF:
        return self.text.documentLayout().blockBoundingRect(self.text.findBlockByNumber(index))

    def keep_signature_with_text(self) -> None:
        """QTextDocument has no keep-with-next: when the 落款 would open a page with no text above it,
        the paragraph before it moves to that page too (the export's keepNext; Word and LibreOffice
        move only as many of its lines as needed, so the preview may show a page break a few lines
        earlier there)."""
        kept = getattr(self, "_kept", None)
        if kept is not None and kept < self.text.blockCount():
            block = self.text.findBlockByNumber(kept)
            bf = block.blockFormat()
            bf.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_Auto)
            QTextCursor(block).setBlockFormat(bf)
        self._kept = None
        kinds = [b.kind for b in self.blocks]
        if "signature" not in kinds or kinds.index("signature") == 0:
            return
        sig = kinds.index("signature")
        page_h = TEXT_H_PT * U
        if int(self._text_box(sig)[0] // page_h) != int((self._text_box(sig - 1)[1] - 1) // page_h):
            block = self.text.findBlockByNumber(sig - 1)
            bf = block.blockFormat()
            bf.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            QTextCursor(block).setBlockFormat(bf)
            self._kept = sig - 1

    def place_colophon(self) -> None:
        """Put the 版记 (formal edition) where the export puts it: at the bottom of the first even page
        after the body (a blank page between when the body ends on an even page), and mark the pages
        from the one after the body on as unnumbered (export: a last section of type evenPage with
        empty footers, see editor/export/docx.py)."""
        self.unnumbered_from: Optional[int] = None
        kinds = [b.kind for b in self.blocks]
        if "colophon_cc" not in kinds and "colophon_print" not in kinds:
            return
        first = kinds.index("colophon_cc") if "colophon_cc" in kinds else kinds.index("colophon_print")
        last = len(kinds) - 1 - kinds[::-1].index("colophon_print") if "colophon_print" in kinds else first
        block = self.text.findBlockByNumber(first)
        cursor = QTextCursor(block)
        bf = block.blockFormat()
        if bf.topMargin() != 0:
            bf.setTopMargin(0)
            cursor.setBlockFormat(bf)
        page_h = TEXT_H_PT * U
        body_end = self._text_box(first - 1)[1] if first > 0 else 0.0
        body_page = int(max(body_end - 1, 0.0) // page_h)
        target = body_page + 1 if (body_page + 1) % 2 == 1 else body_page + 2  # index 1, 3, … = pages 2, 4, …
        bottom = max(self._block_rect(last).bottom(), self._text_box(last)[1] + 4 * U)  # room for the rule
        extra = (target + 1) * page_h - bottom
        if extra > 1:
            bf.setTopMargin(extra / self.block_scale)
            cursor.setBlockFormat(bf)
        self.unnumbered_from = body_page + 1

    def _text_box(self, index: int) -> tuple[float, float]:
        """Top and bottom of the text of paragraph ``index`` (first line top, last line bottom)."""
        block = self.text.findBlockByNumber(index)
        rect = self._block_rect(index)
        layout = block.layout()
        if layout.lineCount() == 0:
            return rect.top(), rect.bottom()
        first, last = layout.lineAt(0), layout.lineAt(layout.lineCount() - 1)
        origin = rect.top()  # the layout's position, below the block's top margin
        return origin + first.position().y(), origin + last.position().y() + last.height()

    def rules_on_page(self, page: int) -> list[tuple[float, QColor, float]]:
        """Horizontal rules to draw on ``page``: (y in layout units, colour, width in points)."""
        out = []
        page_h = TEXT_H_PT * U
        lo, hi = page * page_h, (page + 1) * page_h
        kinds = [b.kind for b in self.blocks]
        gap = 3 * U
        for i, kind in enumerate(kinds):
            if kind == "red_rule":  # the paragraph's bottom border, as in the export (w:space 1 pt)
                from ..export import format_spec as F

                top = self.text.findBlockByNumber(i).layout().position().y()
                width = F.RED_RULE_SIZE / 8
                rules = [(top + (F.RED_RULE_HEIGHT / 20 + 1 + width / 2) * U, RED, width)]
            elif kind == "colophon_cc":
                top, bottom = self._text_box(i)
                rules = [(top - gap, QColor("black"), 1.0)]
                if i + 1 < len(kinds) and kinds[i + 1] == "colophon_print":
                    next_top, _ = self._text_box(i + 1)
                    rules.append(((bottom + next_top) / 2, QColor("black"), 0.5))
            elif kind == "colophon_print":
                top, bottom = self._text_box(i)
                rules = [(bottom + gap, QColor("black"), 1.0)]
                if i == 0 or kinds[i - 1] != "colophon_cc":
                    rules.append((top - gap, QColor("black"), 1.0))
            else:
                continue
            out += [r for r in rules if lo <= r[0] <= hi]
        return out

    def block_at(self, page: int, x_pt: float, y_pt: float) -> Optional[Block]:
        """The flow paragraph at a point given in points relative to the text block of ``page``."""
        point = QPointF(x_pt * U, page * TEXT_H_PT * U + y_pt * U)
        pos = self.text.documentLayout().hitTest(point, Qt.HitTestAccuracy.FuzzyHit)
        if pos < 0:
            return None
        number = self.text.findBlock(pos).blockNumber()
        if 0 <= number < len(self.blocks):
            return self.blocks[number]
        return None

    def page_of_block(self, index: int) -> int:
        block = self.text.findBlockByNumber(index)
        if not block.isValid():
            return 0
        rect = self.text.documentLayout().blockBoundingRect(block)
        return int(rect.top() // (TEXT_H_PT * U))


def match_rects(layout: "PageLayout", index: int, start: int, end: int) -> list[QRectF]:
    """Rectangles (layout units) covering characters [start, end) of paragraph ``index``."""
    block = layout.text.findBlockByNumber(index)
    if not block.isValid() or end <= start:
        return []
    text_layout = block.layout()
    origin = layout.text.documentLayout().blockBoundingRect(block).topLeft()
    rects = []
    for i in range(text_layout.lineCount()):
        line = text_layout.lineAt(i)
        first, last = line.textStart(), line.textStart() + line.textLength()
        a, b = max(start, first), min(end, last)
        if a >= b:
            continue
        x1, x2 = line.cursorToX(a), line.cursorToX(b)
        x1 = x1[0] if isinstance(x1, tuple) else x1
        x2 = x2[0] if isinstance(x2, tuple) else x2
        rects.append(QRectF(origin.x() + x1, origin.y() + line.y(), x2 - x1, line.height()))
    return rects


def _size(w: float, h: float) -> QSizeF:
    return QSizeF(w, h)


# ---------------------------------------------------------------- the widget
class _PagesCanvas(QWidget):
    """Draws the pages; sized to hold all of them at the current zoom."""

    clicked = Signal(int, float, float)  # page, x, y in points relative to the text block

    def __init__(self, layout: PageLayout, parent=None):
        super().__init__(parent)
        self.layout_ = layout
        self.zoom = 1.0
        self.pages = 1
        self.page_numbers = "odd_even"
        self.current_index: Optional[int] = None  # paragraph marked as the one being edited
        self.number_family = preview_family("宋体")
        self.setAutoFillBackground(True)
        pal = self.palette()
        pal.setColor(QPalette.ColorRole.Window, QColor("#8a8f96"))
        self.setPalette(pal)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    # geometry in device pixels: 1 pt = zoom * screen_dpi/72 px
    def px_per_pt(self) -> float:
        return self.zoom * self.logicalDpiX() / 72.0

    def page_size_px(self) -> tuple[float, float]:
        k = self.px_per_pt()
        return PAGE_W_PT * k, PAGE_H_PT * k

    def page_origin(self, page: int) -> QPointF:
        w, h = self.page_size_px()
        x = max(PAGE_GAP_PX, (self.width() - w) / 2)
        return QPointF(x, PAGE_GAP_PX + page * (h + PAGE_GAP_PX))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        w, h = self.page_size_px()
        return QSize(int(w + 2 * PAGE_GAP_PX), int(PAGE_GAP_PX + self.pages * (h + PAGE_GAP_PX)))

    def relayout(self, pages: int) -> None:
        self.pages = pages
        hint = self.sizeHint()
        self.setMinimumSize(hint)
        self.resize(max(hint.width(), self.width()), hint.height())
        self.update()

    def paintEvent(self, event):  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        w, h = self.page_size_px()
        exposed = event.rect()
        first = max(0, int((exposed.top() - PAGE_GAP_PX) // (h + PAGE_GAP_PX)))
        last = min(self.pages - 1, int((exposed.bottom() - PAGE_GAP_PX) // (h + PAGE_GAP_PX)))
        for page in range(first, last + 1):
            self.paint_page(painter, page)
        painter.end()

    def paint_page(self, painter: QPainter, page: int) -> None:
        w, h = self.page_size_px()
        origin = self.page_origin(page)
        rect = QRectF(origin.x(), origin.y(), w, h)
        painter.fillRect(rect.translated(3, 3), QColor(0, 0, 0, 70))
        painter.fillRect(rect, QColor("white"))
        k = self.px_per_pt()
        painter.save()
        painter.translate(origin.x() + MARGIN_LEFT_PT * k, origin.y() + MARGIN_TOP_PT * k)
        scale = k / U
        painter.scale(scale, scale)
        top = page * TEXT_H_PT * U
        # A line of a large font (the title, 22 pt) rises a little above its fixed-height slot; on
        # the first page nothing is above it, so the clip may extend upwards there.
        rise = 8 * U if page == 0 else 0.0
        painter.setClipRect(QRectF(0, -rise, TEXT_W_PT * U, TEXT_H_PT * U + rise))
        painter.translate(0, -top)
        if self.current_index is not None and self.current_index < len(self.layout_.blocks):
            rect = self.layout_._block_rect(self.current_index)
            painter.fillRect(QRectF(0, rect.top(), TEXT_W_PT * U, rect.height()), CURRENT_BG)
        self.paint_match(painter)
        self.layout_.text.drawContents(painter, QRectF(0, top - rise, TEXT_W_PT * U, TEXT_H_PT * U + rise))
        for y, colour, width in self.layout_.rules_on_page(page):
            painter.setPen(QPen(colour, width * U))
            painter.drawLine(QPointF(0, y), QPointF(TEXT_W_PT * U, y))
        painter.restore()
        self.paint_page_number(painter, page, origin, k)

    match_range: Optional[tuple[int, int, int]] = None  # (paragraph, start, end): the find match shown

    def paint_match(self, painter: QPainter) -> None:
        """Highlight the text find and replace is showing (in layout units, before the text is drawn)."""
        if self.match_range is None:
            return
        for rect in match_rects(self.layout_, *self.match_range):
            painter.fillRect(rect, MATCH_BG)

    def paint_page_number(self, painter: QPainter, page: int, origin: QPointF, k: float) -> None:
        unnumbered = getattr(self.layout_, "unnumbered_from", None)
        if unnumbered is not None and page >= unnumbered:  # the 版记 page and a blank page before it
            return
        n = page + 1
        font = QFont(self.number_family)
        font.setPixelSize(max(1, round(PAGE_NUMBER_PT * k)))
        painter.setFont(font)
        painter.setPen(QPen(QColor("black")))
        text = f"— {n} —"
        top = origin.y() + (MARGIN_TOP_PT + TEXT_H_PT + PAGE_NUMBER_GAP_PT) * k
        left = origin.x() + MARGIN_LEFT_PT * k
        box = QRectF(left, top - PAGE_NUMBER_PT * k / 2, TEXT_W_PT * k, PAGE_NUMBER_PT * k * 1.5)
        inset = PAGE_NUMBER_PT * k  # one character from the edge
        if self.page_numbers == "centred":
            flags = Qt.AlignmentFlag.AlignHCenter
        elif n % 2 == 1:
            box.setRight(box.right() - inset)
            flags = Qt.AlignmentFlag.AlignRight
        else:
            box.setLeft(box.left() + inset)
            flags = Qt.AlignmentFlag.AlignLeft
        painter.drawText(box, int(flags | Qt.AlignmentFlag.AlignVCenter), text)

    def hit(self, pos) -> Optional[tuple[int, float, float]]:
        w, h = self.page_size_px()
        k = self.px_per_pt()
        page = int((pos.y() - PAGE_GAP_PX) // (h + PAGE_GAP_PX))
        if page < 0 or page >= self.pages:
            return None
        origin = self.page_origin(page)
        x = (pos.x() - origin.x()) / k - MARGIN_LEFT_PT
        y = (pos.y() - origin.y()) / k - MARGIN_TOP_PT
        if not (-MARGIN_LEFT_PT <= x <= TEXT_W_PT + MARGIN_RIGHT_PT and 0 <= y <= TEXT_H_PT):
            return None
        return page, min(max(x, 0.0), TEXT_W_PT), y

    def mousePressEvent(self, event):  # noqa: N802 - Qt API
        if event.button() == Qt.MouseButton.LeftButton:
            found = self.hit(event.position())
            if found is not None:
                self.clicked.emit(*found)
        super().mousePressEvent(event)


class PreviewWidget(QScrollArea):
    """The official-format preview of one :class:`~editor.ui.document.ReportDocument`."""

    pageCountChanged = Signal(int)
    blockActivated = Signal(object)  # FieldRef of the clicked paragraph
    refreshed = Signal()
    zoomChanged = Signal(float)

    ZOOM_STEPS = (0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0)

    def __init__(self, doc, parent=None):
        super().__init__(parent)
        self.setObjectName("previewWidget")
        self.doc = doc
        self.pages = PageLayout()
        self.canvas = _PagesCanvas(self.pages)
        self.canvas.zoom = 0.75
        self.fit_width = True  # follow the width of the view until the user zooms
        self.setWidget(self.canvas)
        self.setWidgetResizable(False)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setBackgroundRole(QPalette.ColorRole.Dark)
        self._page_count = 0
        self.last_changed: tuple[int, int] = (0, 0)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh_now)
        self._dirty_sections: Optional[set[str]] = None  # None: rebuild the whole flow
        self._node_section: Optional[dict[str, str]] = None
        self._metric_ids: tuple = ()
        doc.fieldChanged.connect(self._on_field_changed)
        doc.structureChanged.connect(self._on_structure_changed)
        doc.contentChanged.connect(self.schedule_refresh)
        self.canvas.clicked.connect(self._on_clicked)
        for seq, slot in ((QKeySequence.StandardKey.ZoomIn, self.zoom_in),
                          (QKeySequence.StandardKey.ZoomOut, self.zoom_out)):
            shortcut = QShortcut(QKeySequence(seq), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        fit = QShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_0), self)
        fit.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        fit.activated.connect(self.zoom_to_width)
        self.refresh_now()

    # ---------------------------------------------------------------- refreshing
    def schedule_refresh(self) -> None:
        self._timer.start()

    def refresh_pending(self) -> bool:
        return self._timer.isActive()

    # Fields whose change leaves every other section's paragraphs as they are.
    _SECTION_TEXT = ("heading", "intro")
    _ITEM_TEXT = ("lead", "body", "run_in", "hint", "needs_revision", "kinds")

    def _mark_all(self) -> None:
        self._dirty_sections = None

    def _mark(self, section_id: str) -> None:
        if self._dirty_sections is not None:
            self._dirty_sections.add(section_id)

    def _on_structure_changed(self) -> None:
        self._node_section = None
        self._mark_all()

    def _section_of(self, node_id: str) -> Optional[str]:
        if self._node_section is None:
            mapping = {}
            for section in self.doc.report.sections:
                for nid in _section_node_ids(section):
                    mapping[nid] = section.id
            self._node_section = mapping
        return self._node_section.get(node_id)

    def _on_field_changed(self, ref) -> None:
        """Work out which sections an edit touches, so the refresh re-renders only those."""
        if ref is None or ref.node == "report":
            self._mark_all()
            return
        report = self.doc.report
        if report.metric(ref.node) is not None:
            needle_a, needle_b = "{{m:%s}}" % ref.node, "{{chg:%s}}" % ref.node
            from ..model import iter_text_fields

            for field_ref, text in iter_text_fields(report):
                if text and (needle_a in text or needle_b in text):
                    section = self._section_of(field_ref.node) if field_ref.node != "report" else None
                    if section is None:
                        self._mark_all()
                        return
                    self._mark(section)
            return
        section = self._section_of(ref.node)
        if section is None:
            self._mark_all()
        elif ref.node == section:
            (self._mark(section) if ref.field in self._SECTION_TEXT else self._mark_all())
        elif ref.field in self._ITEM_TEXT or (ref.field == "numbered" and not report.format.continuous_level3):
            self._mark(section)
        else:
            self._mark_all()

    def refresh_now(self) -> None:
        """Bring the preview up to date immediately (tests and the first show call this)."""
        self._timer.stop()
        dirty = self._dirty_sections
        metric_ids = tuple(m.id for m in self.doc.report.metrics)
        if metric_ids != self._metric_ids:  # metrics added or removed: anything may render differently
            dirty = None
            self._metric_ids = metric_ids
        self._dirty_sections = set()
        self.canvas.match_range = None  # the text moved: a find highlight would be in the wrong place
        self.last_changed = self.pages.update(self.doc.report, dirty)
        self.pages.keep_signature_with_text()
        self.pages.place_colophon()
        self.canvas.page_numbers = self.doc.report.format.page_numbers
        self.canvas.number_family = preview_family(self.doc.report.format.font("page_number"))
        count = self.pages.page_count()
        if count != self.canvas.pages:
            self.canvas.relayout(count)
        self.canvas.update()
        if count != self._page_count:
            self._page_count = count
            self.pageCountChanged.emit(count)
        self.refreshed.emit()

    def page_count(self) -> int:
        return self._page_count

    def blocks(self) -> list[Block]:
        """The paragraphs currently shown (the flow the preview was last built from)."""
        return list(self.pages.blocks)

    def text_document(self) -> QTextDocument:
        return self.pages.text

    # ---------------------------------------------------------------- zoom and navigation
    def zoom(self) -> float:
        return self.canvas.zoom

    def set_zoom(self, zoom: float) -> None:
        zoom = min(max(zoom, self.ZOOM_STEPS[0]), self.ZOOM_STEPS[-1])
        if abs(zoom - self.canvas.zoom) < 1e-6:
            return
        bar = self.verticalScrollBar()
        fraction = bar.value() / max(1, bar.maximum())
        self.canvas.zoom = zoom
        self.canvas.relayout(self.canvas.pages)
        bar.setValue(round(fraction * bar.maximum()))
        self.zoomChanged.emit(zoom)

    def zoom_in(self) -> None:
        self.fit_width = False
        larger = [z for z in self.ZOOM_STEPS if z > self.canvas.zoom + 1e-6]
        if larger:
            self.set_zoom(larger[0])

    def zoom_out(self) -> None:
        self.fit_width = False
        smaller = [z for z in self.ZOOM_STEPS if z < self.canvas.zoom - 1e-6]
        if smaller:
            self.set_zoom(smaller[-1])

    def width_zoom(self) -> float:
        """The zoom at which a page fills the width of the view."""
        page_px_at_1 = PAGE_W_PT * self.canvas.logicalDpiX() / 72.0
        available = self.viewport().width() - 2 * PAGE_GAP_PX
        return available / page_px_at_1 if page_px_at_1 > 0 else 1.0

    def zoom_to_width(self) -> None:
        """Fit the page to the width of the view (Ctrl+0), and keep fitting it when the view resizes."""
        self.fit_width = True
        self.set_zoom(self.width_zoom())

    def wheelEvent(self, event):  # noqa: N802 - Qt API
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            (self.zoom_in if event.angleDelta().y() > 0 else self.zoom_out)()
            event.accept()
            return
        super().wheelEvent(event)

    def index_of_ref(self, ref) -> int:
        """The paragraph showing ``ref``: the exact field, else the first paragraph of its node."""
        blocks = self.pages.blocks
        for i, block in enumerate(blocks):
            if block.ref == ref:
                return i
        node = getattr(ref, "node", None)
        if node in (None, "report"):  # report fields each have their own paragraphs
            return -1
        for i, block in enumerate(blocks):
            if block.node == node:
                return i
        return -1

    def show_ref(self, ref) -> bool:
        """Scroll to the paragraph of ``ref`` (a FieldRef) and mark it; False if it is not shown
        (an empty field, or a field that is not printed)."""
        index = self.index_of_ref(ref) if ref is not None else -1
        self.canvas.current_index = index if index >= 0 else None
        self.canvas.match_range = None
        self.canvas.update()
        if index < 0:
            return False
        rect = self.pages._block_rect(index)
        page_h = TEXT_H_PT * U
        page = int(rect.top() // page_h)
        k = self.canvas.px_per_pt()
        y = self.canvas.page_origin(page).y() + (MARGIN_TOP_PT + (rect.top() - page * page_h) / U) * k
        x = self.canvas.page_origin(page).x() + MARGIN_LEFT_PT * k
        self.ensureVisible(int(x), int(y), 0, int(min(rect.height() / U * k, self.viewport().height() / 2)))
        return True

    def show_match(self, ref, field_text: str, start: int, end: int) -> bool:
        """Scroll to the paragraph of ``ref`` and highlight characters [start, end) of its field
        (``field_text`` is the field as rendered, in which find counted them)."""
        if self.refresh_pending():
            self.refresh_now()
        if not self.show_ref(ref):
            return False
        index = self.canvas.current_index
        shown = self.pages.blocks[index].text
        # the paragraph may begin with a number or a run-in lead: find the field's text in it
        offset = shown.rfind(field_text) if field_text else -1
        if offset < 0:
            return False
        self.canvas.match_range = (index, offset + start, offset + end)
        self.canvas.update()
        rects = match_rects(self.pages, *self.canvas.match_range)
        if rects:
            page_h = TEXT_H_PT * U
            page = int(rects[0].top() // page_h)
            k = self.canvas.px_per_pt()
            origin = self.canvas.page_origin(page)
            x = origin.x() + (MARGIN_LEFT_PT + rects[0].left() / U) * k
            y = origin.y() + (MARGIN_TOP_PT + (rects[0].top() - page * page_h) / U) * k
            self.ensureVisible(int(x), int(y), 20, int(self.viewport().height() / 3))
        return True

    def _on_clicked(self, page: int, x: float, y: float) -> None:
        block = self.pages.block_at(page, x, y)
        if block is not None and block.ref is not None:
            self.blockActivated.emit(block.ref)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        # Modest: the page is fitted to whatever width the window gives the preview.
        return QSize(480, 640)

    def resizeEvent(self, event):  # noqa: N802 - Qt API
        super().resizeEvent(event)
        if self.fit_width and self.viewport().width() > 4 * PAGE_GAP_PX:
            self.set_zoom(self.width_zoom())
        hint = self.canvas.sizeHint()
        self.canvas.resize(max(hint.width(), self.viewport().width()), hint.height())
