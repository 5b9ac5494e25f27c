"""The official-format Word export (GB/T 9704-2012), built from :func:`editor.model.build_flow`.

Styles, settings, the section and its footers are built with python-docx once per set of format
settings and kept as a "skeleton" of package parts (:func:`_skeleton`). The body paragraphs are
generated as WordprocessingML text (escaped text, named styles, hardly any direct formatting) and
spliced into the skeleton's ``word/document.xml``; the package is then zipped. This is ~30x faster
than ``add_paragraph``/``add_run`` per paragraph (see tests/perf/bench_export.py). Every layout
number comes from :mod:`editor.export.format_spec`.
"""

from __future__ import annotations

import datetime as _dt
import functools
import io
import os
import re
import sys
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional

from ..errors import ExportError, ProjectWriteError
from ..model import DEFAULT_FONTS, Block, FormatSettings, Report, build_flow
from ..storage import atomic_write_bytes
from . import format_spec as F


def qn(tag: str) -> str:
    """python-docx's ``qn`` ("w:p" -> Clark notation), imported on first use: only building a skeleton
    needs python-docx and lxml, and a skeleton usually comes from the cache (:func:`_skeleton`)."""
    from docx.oxml.ns import qn as _qn

    return _qn(tag)

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NSDECL = f'xmlns:w="{W_NS}"'

# Schema order (ECMA-376 CT_PPrBase / CT_RPr) of the children we write.
PPR_ORDER = (
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
    "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
    "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
    "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
    "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
    "sectPr", "pPrChange",
)
RPR_ORDER = (
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline",
    "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing",
    "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText",
    "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath",
)
STYLE_ORDER = (
    "name", "aliases", "basedOn", "next", "link", "autoRedefine", "hidden", "uiPriority", "semiHidden",
    "unhideWhenUsed", "qFormat", "locked", "personal", "personalCompose", "personalReply", "rsid",
    "pPr", "rPr", "tblPr", "trPr", "tcPr", "tblStylePr",
)

_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# any character _esc changes: most text has none, and one search is 5x faster than the replacements
_TO_ESCAPE = re.compile('[&<>"\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]')


def _esc(text: str) -> str:
    if _TO_ESCAPE.search(text) is None:
        return text
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    if _INVALID_XML.search(text):
        text = _INVALID_XML.sub("", text)
    return text


def _ordered(parts: dict[str, str], order: tuple[str, ...]) -> str:
    """Join child elements (``tag -> xml``) in schema order."""
    unknown = set(parts) - set(order)
    if unknown:
        raise ValueError(f"unknown children {sorted(unknown)}")
    return "".join(parts[tag] for tag in order if tag in parts)


def ppr_xml(parts: dict[str, str]) -> str:
    return f"<w:pPr>{_ordered(parts, PPR_ORDER)}</w:pPr>" if parts else ""


def rpr_xml(parts: dict[str, str]) -> str:
    return f"<w:rPr>{_ordered(parts, RPR_ORDER)}</w:rPr>" if parts else ""


def fonts_xml(font: str) -> str:
    f = _esc(font)
    return f'<w:rFonts w:ascii="{f}" w:eastAsia="{f}" w:hAnsi="{f}" w:cs="{f}" w:hint="eastAsia"/>'


def _spacing(line: Optional[int] = F.LINE_PITCH, rule: str = "exact", before: int = 0, after: int = 0) -> str:
    attrs = f'w:before="{before}" w:after="{after}"'
    if line is not None:
        attrs += f' w:line="{line}" w:lineRule="{rule}"'
    return f"<w:spacing {attrs}/>"


def _ind(left: int = 0, right: int = 0, first_line: int = 0, hanging: int = 0) -> str:
    attrs = f'w:left="{left}" w:right="{right}"'
    if hanging:
        attrs += f' w:hanging="{hanging}"'
    else:
        attrs += f' w:firstLine="{first_line}"'
    return f"<w:ind {attrs}/>"


def _size(half_points: int) -> dict[str, str]:
    return {"sz": f'<w:sz w:val="{half_points}"/>', "szCs": f'<w:szCs w:val="{half_points}"/>'}


def _border(edges: dict[str, tuple[int, str]]) -> str:
    inner = "".join(
        f'<w:{edge} w:val="single" w:sz="{size}" w:space="1" w:color="{color}"/>'
        for edge in ("top", "left", "bottom", "right")
        if edge in edges
        for size, color in [edges[edge]]
    )
    return f"<w:pBdr>{inner}</w:pBdr>"


def text_width(text: str) -> int:
    """Width in twips of a line of 三号 text with the body character spacing (for 落款 layout)."""
    width = 0
    for ch in text:
        wide = unicodedata.east_asian_width(ch) in ("F", "W", "A")
        width += F.FULL_WIDTH_ADVANCE if wide else F.HALF_WIDTH_ADVANCE
    return width


def signature_layout(signature_lines: list[str], date_text: str) -> tuple[int, Optional[int]]:
    """(signature right indent, date left indent or None) in twips, for a document without a seal
    (GB/T 9704 7.3.5.2).

    Date at least as long as the signature (the usual case: ``2023年1月28日`` against a short name):
    the date is right-aligned with a two-character right indent — exact in any renderer, whatever
    width its digits have there — and None is returned for its left indent; the signature's right
    indent is derived from the date's estimated width so that it starts two characters left of the
    date. Otherwise (a long signature) the signature is right-indented two characters and the date
    starts two characters right of the signature's first character (首字右移二字), computed from the
    signature's width, which is exact for full-width characters.
    """
    sig = max((text_width(s) for s in signature_lines if s.strip()), default=0)
    date = text_width(date_text) if date_text else 0
    if date_text and date >= sig:
        sig_right = F.DATE_RIGHT_INDENT_WHEN_LONGER + date + F.DATE_SHIFT - sig
        return max(sig_right, 0), None
    sig_right = F.SIGNATURE_RIGHT_INDENT
    return sig_right, max(F.TEXT_WIDTH - sig_right - sig + F.DATE_SHIFT, 0)


def signers_tab(signers: list[str]) -> int:
    """Position (twips from the left margin) of the tab stop where ``签发人：`` starts: the longest
    signers line (label and two names, full-width characters: an exact width) ends one character from
    the right edge (GB/T 9704 7.2.4 居右空一字)."""
    names = [s.strip() for s in signers if s.strip()]
    rows = [names[i:i + F.SIGNERS_PER_LINE] for i in range(0, len(names), F.SIGNERS_PER_LINE)]
    widest = max((text_width(F.SIGNERS_LABEL + "\u3000".join(row)) for row in rows), default=0)
    return max(F.TEXT_WIDTH - F.SIGNERS_RIGHT_INDENT - widest, 0)


def issuer_mark_text(report: Report) -> str:
    """The 发文机关标志 as the formal edition prints it (as :func:`editor.model.build_flow` builds it)."""
    f = report.formal
    return f.issuer_mark or ("".join(report.organisations) + "文件" if report.organisations else "")


# ------------------------------------------------------------------ styles
def _style_xml(kind: str, style_id: str, name: str, ppr: dict[str, str], rpr: dict[str, str],
               based_on: Optional[str] = "Normal", next_id: Optional[str] = None, ui_priority: int = 1) -> str:
    parts = {"name": f'<w:name w:val="{_esc(name)}"/>'}
    if based_on:
        parts["basedOn"] = f'<w:basedOn w:val="{based_on}"/>'
    if next_id:
        parts["next"] = f'<w:next w:val="{next_id}"/>'
    parts["uiPriority"] = f'<w:uiPriority w:val="{ui_priority}"/>'
    parts["qFormat"] = "<w:qFormat/>"
    if ppr:
        parts["pPr"] = ppr_xml(ppr)
    if rpr:
        parts["rPr"] = rpr_xml(rpr)
    return (f'<w:style {_NSDECL} w:type="{kind}" w:customStyle="1" w:styleId="{style_id}">'
            f"{_ordered(parts, STYLE_ORDER)}</w:style>")


def issuer_mark_size(text: str) -> int:
    """Font size (half-points) of the 发文机关标志: 初号 at most, shrunk to fit one line."""
    n = max(len(text), 1)
    fit = int(F.TEXT_WIDTH / n / 10)  # twips per char -> half-points (1 pt = 20 twips = 2 half-points)
    return max(min(F.ISSUER_MARK_MAX_SIZE, fit), F.SIZE_SANHAO)


def style_definitions(report: Report, issuer_mark_text: str = "") -> list[str]:
    """XML of every paragraph and character style, in the order they are added."""
    fmt = report.format
    body_font = fmt.font("body")
    pid = {k: v[0] for k, v in F.PARAGRAPH_STYLES.items()}
    name = {k: v[1] for k, v in F.PARAGRAPH_STYLES.items()}
    body_rpr = {"spacing": f'<w:spacing w:val="{F.BODY_CHAR_SPACING}"/>'}
    bold = {"b": "<w:b/>", "bCs": "<w:bCs/>"}
    out = []

    def para(key, ppr, rpr, based_on="Normal", next_key="body"):
        out.append(_style_xml("paragraph", pid[key], name[key], ppr, rpr, based_on, pid.get(next_key)))

    keep = {"keepNext": "<w:keepNext/>", "keepLines": "<w:keepLines/>"}
    first2 = {"ind": _ind(first_line=F.INDENT_2CHARS)}
    para("body", {**first2, "jc": '<w:jc w:val="both"/>'}, body_rpr)
    title_bold = bold if fmt.font("title") in F.BOLD_TITLE_FONTS else {}
    para("title", {**keep, "spacing": _spacing(), "ind": _ind(), "jc": '<w:jc w:val="center"/>',
                   "outlineLvl": '<w:outlineLvl w:val="0"/>'},
         {"rFonts": fonts_xml(fmt.font("title")), **title_bold, **_size(F.SIZE_ERHAO)}, next_key="title_gap")
    # outline (navigation pane): title, then 一、 sections, then stand-alone （一） headings
    para("heading1", {**keep, "outlineLvl": '<w:outlineLvl w:val="1"/>'},
         {"rFonts": fonts_xml(fmt.font("heading1"))}, based_on=pid["body"])
    para("heading2", {**keep, "outlineLvl": '<w:outlineLvl w:val="2"/>'},
         {"rFonts": fonts_xml(fmt.font("heading2")), **(bold if fmt.bold_level2 else {})}, based_on=pid["body"])
    para("heading3", {}, {}, based_on=pid["body"])
    para("heading4", {}, {}, based_on=pid["body"])
    # 落款 never alone on a page: the signature keeps with the date, and the paragraph before the
    # signature keeps with it (set on that paragraph, see _BodyWriter.paragraph).
    para("signature", {"keepNext": "<w:keepNext/>", "spacing": _spacing(before=F.LINE_PITCH),
                       "ind": _ind(right=F.SIGNATURE_RIGHT_INDENT), "jc": '<w:jc w:val="right"/>'},
         {}, based_on=pid["body"], next_key="date")
    para("date", {"ind": _ind(right=F.DATE_RIGHT_INDENT_WHEN_LONGER), "jc": '<w:jc w:val="right"/>'},
         {}, based_on=pid["body"], next_key="note")
    para("note", {}, {}, based_on=pid["body"])
    para("recipients", {"ind": _ind(), "jc": '<w:jc w:val="left"/>'}, {}, based_on=pid["body"])
    para("title_gap", {"ind": _ind()}, {}, based_on=pid["body"])
    para("page_number", {"spacing": _spacing(line=240, rule="auto"), "ind": _ind()},
         {"rFonts": fonts_xml(fmt.font("page_number")), **_size(F.SIZE_SIHAO)}, next_key="page_number")
    # formal edition
    mark_size = issuer_mark_size(issuer_mark_text)
    para("issuer_mark", {"spacing": _spacing(line=mark_size * 10, before=F.ISSUER_MARK_SPACE_BEFORE),
                         "ind": _ind(), "jc": '<w:jc w:val="center"/>'},
         {"rFonts": fonts_xml(fmt.font("issuer_mark")),
          **(bold if fmt.font("issuer_mark") in F.BOLD_TITLE_FONTS else {}),
          "color": f'<w:color w:val="{F.RED}"/>', **_size(mark_size)}, next_key="doc_number")
    para("doc_number", {"spacing": _spacing(before=F.DOC_NUMBER_SPACE_BEFORE), "ind": _ind(),
                        "jc": '<w:jc w:val="center"/>'}, {}, based_on=pid["body"], next_key="red_rule")
    para("red_rule", {"pBdr": _border({"bottom": (F.RED_RULE_SIZE, F.RED)}),
                      "spacing": _spacing(line=F.RED_RULE_HEIGHT, after=F.RED_RULE_SPACE_AFTER), "ind": _ind()},
         {**_size(2)}, next_key="title")
    colophon_run = {"rFonts": fonts_xml(body_font), **_size(F.SIZE_SIHAO)}
    para("colophon_cc", {"ind": _ind(left=F.COLOPHON_INDENT + F.COLOPHON_CC_HANG, right=F.COLOPHON_INDENT,
                                     hanging=F.COLOPHON_CC_HANG), "jc": '<w:jc w:val="left"/>'},
         colophon_run, next_key="colophon_print")
    para("colophon_print", {"tabs": f'<w:tabs><w:tab w:val="right" w:pos="{F.TEXT_WIDTH - F.COLOPHON_INDENT}"/></w:tabs>',
                            "ind": _ind(left=F.COLOPHON_INDENT, right=F.COLOPHON_INDENT),
                            "jc": '<w:jc w:val="left"/>'},
         colophon_run)
    para("end", {"spacing": _spacing(line=F.END_PARAGRAPH_LINE, rule="exact"), "ind": _ind()},
         _size(2))
    out.append(
        f'<w:style {_NSDECL} w:type="table" w:customStyle="1" w:styleId="{F.TABLE_STYLE[0]}">'
        f'<w:name w:val="{F.TABLE_STYLE[1]}"/><w:uiPriority w:val="1"/>'
        f'<w:pPr>{_spacing()}</w:pPr>'
        '<w:tblPr><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="0" w:type="dxa"/>'
        '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
    )
    # character styles
    cid = {k: v for k, v in F.CHARACTER_STYLES.items()}
    out.append(_style_xml("character", cid["lead2"][0], cid["lead2"][1], {},
                          {"rFonts": fonts_xml(fmt.font("heading2")), **(bold if fmt.bold_level2 else {})},
                          based_on=None))
    out.append(_style_xml("character", cid["lead3"][0], cid["lead3"][1], {},
                          {"rFonts": fonts_xml(fmt.font("heading3")), **(bold if fmt.bold_level3 else {})},
                          based_on=None))
    # No highlight in the style: Word does not accept w:highlight in a style's rPr (MS-OI29500 2.1.260);
    # the runs carry it directly.
    out.append(_style_xml("character", cid["missing"][0], cid["missing"][1], {}, {}, based_on=None))
    return out


def _setup_styles(doc, report: Report, issuer_mark_text: str) -> None:
    from lxml import etree

    styles = doc.styles.element
    fmt = report.format
    body_font = fmt.font("body")
    # docDefaults: no theme fonts (a theme attribute wins over a font name), zh-CN East Asian language
    defaults = styles.find(qn("w:docDefaults"))
    new_defaults = etree.fromstring(
        f"<w:docDefaults {_NSDECL}><w:rPrDefault>"
        + rpr_xml({"rFonts": fonts_xml(body_font), "kern": '<w:kern w:val="2"/>', **_size(F.SIZE_SANHAO),
                   "lang": f'<w:lang w:val="{F.LANG}" w:eastAsia="{F.LANG_EAST_ASIA}" w:bidi="{F.LANG_BIDI}"/>'})
        + "</w:rPrDefault><w:pPrDefault>" + ppr_xml({"spacing": _spacing(line=240, rule="auto")})
        + "</w:pPrDefault></w:docDefaults>"
    )
    if defaults is not None:
        defaults.addprevious(new_defaults)
        styles.remove(defaults)
    else:
        styles.insert(0, new_defaults)
    # Normal: body font and size, exact line pitch, justified
    normal = styles.find(f"{qn('w:style')}[@{qn('w:styleId')}='Normal']")
    for child in list(normal):
        if child.tag in (qn("w:pPr"), qn("w:rPr")):
            normal.remove(child)
    normal.append(etree.fromstring(
        # no widow/orphan control: every full page has exactly 22 lines, as the standard asks
        f"<w:pPr {_NSDECL}>" + ppr_xml({"widowControl": '<w:widowControl w:val="0"/>',
                                         # no extra space between Chinese and Latin text or digits
                                         "autoSpaceDE": '<w:autoSpaceDE w:val="0"/>',
                                         "autoSpaceDN": '<w:autoSpaceDN w:val="0"/>', "spacing": _spacing(),
                                         "jc": '<w:jc w:val="both"/>'})[7:]))
    normal.append(etree.fromstring(
        f"<w:rPr {_NSDECL}>" + rpr_xml({"rFonts": fonts_xml(body_font), **_size(F.SIZE_SANHAO)})[7:]))
    # Drop the template's unused built-in styles (Word recreates them on demand from latentStyles):
    # a smaller styles part, and the user's style list shows the report's own styles.
    for style in styles.findall(qn("w:style")):
        if style.get(qn("w:default")) != "1":
            styles.remove(style)
    for xml in style_definitions(report, issuer_mark_text):
        styles.append(etree.fromstring(xml))


def _setup_section(doc, report: Report) -> None:
    from lxml import etree

    section = doc.sections[0]
    sp = section._sectPr
    pg = sp.find(qn("w:pgSz"))
    pg.set(qn("w:w"), str(F.PAGE_WIDTH))
    pg.set(qn("w:h"), str(F.PAGE_HEIGHT))
    mar = sp.find(qn("w:pgMar"))
    for attr, value in (("top", F.MARGIN_TOP), ("right", F.MARGIN_RIGHT), ("bottom", F.MARGIN_BOTTOM),
                        ("left", F.MARGIN_LEFT), ("header", F.HEADER_DISTANCE), ("footer", F.FOOTER_DISTANCE),
                        ("gutter", 0)):
        mar.set(qn(f"w:{attr}"), str(value))
    grid = sp.find(qn("w:docGrid"))
    grid.set(qn("w:linePitch"), str(F.DOC_GRID_LINE_PITCH))

    odd_even = report.format.page_numbers == "odd_even"
    doc.settings.odd_and_even_pages_header_footer = odd_even
    pid = F.PARAGRAPH_STYLES["page_number"][0]

    def fill(footer, ppr_extra: dict[str, str]) -> None:
        footer.is_linked_to_previous = False
        ftr = footer._element
        for p in list(ftr):
            ftr.remove(p)
        d = F.PAGE_NUMBER_DASH
        run = '<w:r>{}</w:r>'
        xml = (f"<w:p {_NSDECL}>" + ppr_xml({"pStyle": f'<w:pStyle w:val="{pid}"/>', **ppr_extra})
               + run.format(f'<w:t xml:space="preserve">{d} </w:t>')
               + run.format('<w:fldChar w:fldCharType="begin"/>')
               + run.format('<w:instrText xml:space="preserve"> PAGE </w:instrText>')
               + run.format('<w:fldChar w:fldCharType="separate"/>')
               + run.format("<w:t>1</w:t>")
               + run.format('<w:fldChar w:fldCharType="end"/>')
               + run.format(f'<w:t xml:space="preserve"> {d}</w:t>') + "</w:p>")
        ftr.append(etree.fromstring(xml))

    if odd_even:
        fill(section.footer, {"ind": _ind(right=F.PAGE_NUMBER_INDENT), "jc": '<w:jc w:val="right"/>'})
        fill(section.even_page_footer, {"ind": _ind(left=F.PAGE_NUMBER_INDENT), "jc": '<w:jc w:val="left"/>'})
    else:
        fill(section.footer, {"jc": '<w:jc w:val="center"/>'})


def _drop_thumbnail(doc) -> None:
    """The template's thumbnail shows an empty US-Letter page; leave it out."""
    pkg = doc.part.package
    for rid, rel in list(pkg.rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            del pkg.rels[rid]


def _setup_settings(doc) -> None:
    settings = doc.settings.element
    lang = settings.find(qn("w:themeFontLang"))
    if lang is not None:
        lang.set(qn("w:eastAsia"), F.LANG_EAST_ASIA)
    rsids = settings.find(qn("w:rsids"))
    if rsids is not None:
        settings.remove(rsids)
    zoom = settings.find(qn("w:zoom"))
    if zoom is not None:  # w:percent is required by the schema
        zoom.attrib.clear()
        zoom.set(qn("w:percent"), str(F.ZOOM_PERCENT))
    for setting in settings.iter(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":  # 14 opens in Word's 兼容模式
            setting.set(qn("w:val"), str(F.COMPATIBILITY_MODE))
    w14 = "http://schemas.microsoft.com/office/word/2010/wordml"
    for doc_id in settings.iter(f"{{{w14}}}docId"):
        doc_id.set(f"{{{w14}}}val", _DOC_ID_MARK)


# ------------------------------------------------------------------ body
class _BodyWriter:
    """Turns flow blocks into WordprocessingML paragraphs (strings)."""

    def __init__(self, report: Report, blocks: list[Block]):
        self.report = report
        self.style = {k: v[0] for k, v in F.PARAGRAPH_STYLES.items()}
        self.lead2 = F.CHARACTER_STYLES["lead2"][0]
        self.lead3 = F.CHARACTER_STYLES["lead3"][0]
        self.missing = F.CHARACTER_STYLES["missing"][0]
        date_text = next((b.text for b in blocks if b.kind == "date"), "")
        sig_lines = [b.text for b in blocks if b.kind == "signature"]
        self.sig_right, self.date_left = signature_layout(sig_lines, date_text)
        self.signers_tab = signers_tab(report.formal.signers)
        # the paragraph just before the 落款 keeps with it, so the signature page always has text above it
        first_sig = next((i for i, b in enumerate(blocks) if b.kind in ("signature", "date")), None)
        self.keep_index = first_sig - 1 if first_sig else None
        self._rpr: dict[tuple[Optional[str], bool], str] = {}

    def run(self, text: str, rstyle: Optional[str], missing: bool) -> str:
        key = (rstyle, missing)
        rpr = self._rpr.get(key)
        if rpr is None:
            parts = {}
            if rstyle or missing:
                parts["rStyle"] = f'<w:rStyle w:val="{rstyle or self.missing}"/>'
            if missing:
                parts["highlight"] = f'<w:highlight w:val="{F.MISSING_HIGHLIGHT}"/>'
            rpr = self._rpr[key] = rpr_xml(parts)
        if "\t" in text:
            inner = "<w:tab/>".join(
                f'<w:t xml:space="preserve">{_esc(p)}</w:t>' if p else "" for p in text.split("\t"))
            return f"<w:r>{rpr}{inner}</w:r>"
        return f'<w:r>{rpr}<w:t xml:space="preserve">{_esc(text)}</w:t></w:r>'

    def paragraph(self, block: Block, index: int, prev_kind: str, sect_pr: str = "") -> str:
        kind = block.kind
        extra: dict[str, str] = {}
        if index == self.keep_index and kind not in ("title", "title_gap"):
            extra["keepNext"] = "<w:keepNext/>"
        if sect_pr:
            extra["sectPr"] = sect_pr
        if kind == "item":
            style = self.style["body"] if block.level <= 2 else self.style["heading3" if block.level == 3 else "heading4"]
        elif kind == "heading2":
            style = self.style["heading2"]
        else:
            style = self.style.get(kind, self.style["body"])
        if kind == "signature":
            ind = _ind(right=self.sig_right)
            extra["ind"] = ind
            if prev_kind == "signature":
                extra["spacing"] = _spacing(before=0)
        elif kind == "date":
            if self.date_left is not None:  # a long signature: 首字右移二字
                extra["ind"] = _ind(left=self.date_left)
                extra["jc"] = '<w:jc w:val="left"/>'
        elif kind == "doc_number" and any(r.text == "\t" for r in block.runs):
            # 上行文: 发文字号 居左空一字, 签发人 on a tab stop so that it ends one character from the right
            extra["tabs"] = f'<w:tabs><w:tab w:val="left" w:pos="{self.signers_tab}"/></w:tabs>'
            if prev_kind == "doc_number":
                extra["spacing"] = _spacing(before=0)
            extra["ind"] = _ind(left=F.DOC_NUMBER_LEFT_INDENT)
            extra["jc"] = '<w:jc w:val="left"/>'
        out = [f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{_ordered(extra, PPR_ORDER)}</w:pPr>'
               if extra else f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>']
        lead_style = self.lead2 if block.level == 2 or kind == "doc_number" else self.lead3
        rprs = self._rpr
        for r in block.runs:  # self.run() inlined for the common case (a 50x report has 10,000 runs)
            text = r.text
            if not text:
                continue
            rstyle = lead_style if r.role == "lead" else None
            missing = r.seg == "missing"
            rpr = rprs.get((rstyle, missing))
            if rpr is None or "\t" in text:
                out.append(self.run(text, rstyle, missing))
            else:
                out.append(f'<w:r>{rpr}<w:t xml:space="preserve">{_esc(text)}</w:t></w:r>')
        out.append("</w:p>")
        return "".join(out)


    def colophon(self, blocks: list[Block]) -> str:
        """The 版记 as a floating one-column table at the bottom of the text block: thick rule above,
        thin rules between rows, thick rule below, followed by the closing empty paragraph a document
        body needs after a table. LibreOffice (7.4) ignores framePr in styles, drops bordered
        multi-paragraph frames, and keeps a floating table as wide as the text block inline unless it
        is positioned relative to the page: hence ``horzAnchor="page"``."""
        thick, thin = F.COLOPHON_THICK_RULE, F.COLOPHON_THIN_RULE
        borders = (f'<w:top w:val="single" w:sz="{thick}" w:space="0" w:color="{F.BLACK}"/>'
                   '<w:left w:val="nil"/>'
                   f'<w:bottom w:val="single" w:sz="{thick}" w:space="0" w:color="{F.BLACK}"/>'
                   '<w:right w:val="nil"/>'
                   f'<w:insideH w:val="single" w:sz="{thin}" w:space="0" w:color="{F.BLACK}"/>'
                   '<w:insideV w:val="nil"/>')
        w = F.TEXT_WIDTH
        end = f'<w:p><w:pPr><w:pStyle w:val="{F.PARAGRAPH_STYLES["end"][0]}"/></w:pPr></w:p>'
        rows = []
        for block in blocks:
            rows.append(f'<w:tr><w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr>'
                        f'{self.paragraph(block, 0, "")}</w:tc></w:tr>')
        # LibreOffice (7.4) anchors a floating table that opens a section to the previous section's
        # last paragraph: the tiny paragraph before it keeps the table in the 版记's own section.
        return (
            f'{end}<w:tbl><w:tblPr>'
            f'<w:tblStyle w:val="{F.TABLE_STYLE[0]}"/>'
            '<w:tblpPr w:leftFromText="0" w:rightFromText="0" w:topFromText="0" w:bottomFromText="0" '
            f'w:vertAnchor="margin" w:horzAnchor="page" w:tblpX="{F.MARGIN_LEFT}" w:tblpYSpec="bottom"/>'
            '<w:tblOverlap w:val="never"/>'
            f'<w:tblW w:w="{w}" w:type="dxa"/><w:jc w:val="center"/><w:tblBorders>{borders}</w:tblBorders>'
            '<w:tblLayout w:type="fixed"/>'
            '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="0" w:type="dxa"/>'
            '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>'
            '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
            'w:noHBand="1" w:noVBand="1"/>'
            f'</w:tblPr><w:tblGrid><w:gridCol w:w="{w}"/></w:tblGrid>{"".join(rows)}</w:tbl>{end}'
        )


def _issuer_mark_text(blocks: list[Block]) -> str:
    return next((b.text for b in blocks if b.kind == "issuer_mark"), "")


_TITLE_MARK = "FZ-TITLE-PLACEHOLDER"
_AUTHOR_MARK = "FZ-AUTHOR-PLACEHOLDER"
_STAMP = _dt.datetime(1999, 9, 9, 9, 9, 9)
_STAMP_TEXT = "1999-09-09T09:09:09Z"


def _font_xml(name: str) -> str:
    """One w:font entry (children in schema order: altName, panose1, charset, family, pitch, sig)."""
    alt = F.FONT_ALT_NAMES.get(name)
    info = F.FONT_INFO.get(name)
    out = f'<w:font w:name="{_esc(name)}">'
    if alt:
        out += f'<w:altName w:val="{_esc(alt)}"/>'
    if info:
        panose, family, pitch, sig = info
        out += (f'<w:panose1 w:val="{panose}"/><w:charset w:val="{F.FONT_CHARSET_GB2312}"/>'
                f'<w:family w:val="{family}"/><w:pitch w:val="{pitch}"/>'
                f'<w:sig w:usb0="{sig[0]}" w:usb1="{sig[1]}" w:usb2="{sig[2]}" w:usb3="{sig[3]}" '
                f'w:csb0="{sig[4]}" w:csb1="{sig[5]}"/>')
    else:
        out += f'<w:charset w:val="{F.FONT_CHARSET_GB2312}"/><w:family w:val="auto"/><w:pitch w:val="variable"/>'
    return out + "</w:font>"


def font_table_xml(font_names) -> bytes:
    """word/fontTable.xml with exactly the fonts the file names and their fallback chains
    (仿宋_GB2312 → 仿宋 → FangSong …): the template's Latin and Japanese fonts are left out."""
    names: list[str] = []
    for name in font_names:
        while name and name not in names:
            names.append(name)
            name = F.FONT_ALT_NAMES.get(name, "")
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:fonts {_NSDECL}>' + "".join(_font_xml(n) for n in names) + "</w:fonts>").encode("utf-8")


_COMPANY_MARK = "FZ-COMPANY-PLACEHOLDER"
_DOC_ID_MARK = "7E7E7E7E"  # w14:docId of the skeleton, replaced by a fresh one in every export
_APP_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    f"<Company>{_COMPANY_MARK}</Company><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
    "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>"
    f"<Application>{F.APPLICATION}</Application></Properties>"
)


@dataclass(frozen=True)
class _Skeleton:
    """Every part of an exported file except the body, for one set of format settings: built once
    with python-docx, then reused (the parts are plain bytes, never mutated)."""

    parts: tuple[tuple[str, bytes], ...]  # in package order; document.xml and core.xml are templates
    doc_prefix: str  # word/document.xml up to the body's content
    doc_suffix: str  # the section properties and the end of the document
    body_sect_pr: str = ""  # formal edition: the body section's properties (ends the body section)


def _drop_part(doc, reltype_suffix: str) -> None:
    for rid, rel in list(doc.part.rels.items()):
        if rel.reltype.endswith(reltype_suffix):
            del doc.part.rels[rid]


def _colophon_section(doc) -> str:
    """Formal edition: a last section for the 版记 that starts on an even page and has no page number.

    Why a section of type evenPage rather than placing the 版记 from a render: where the body ends
    depends on the renderer's line breaks (Word, WPS and LibreOffice differ by a line here and there),
    so a position computed from our LibreOffice render could put the 版记 on an odd page in Word. A
    section that starts on an even page is laid out by each renderer itself: the 版记 is always on
    an even page, at the bottom of its text block (a table anchored to the bottom margin). When the
    body ends on an even page, the renderer inserts a blank page before it; GB/T 9704 7.5.x wants no
    page number on the 版记 page after a blank page, so this section's footers are empty. The cost:
    the 版记 never shares a page with the end of the body, and the 版记 page carries no number even
    when no blank page precedes it. Returns the body section's sectPr as XML text."""
    from docx.enum.section import WD_SECTION
    from lxml import etree

    body_sect = doc.sections[0]._sectPr
    # spliced into the body, where the document element already declares the namespaces
    body_xml = re.sub(r' xmlns:\w+="[^"]*"', "", etree.tostring(body_sect, encoding="unicode"))
    last = doc.add_section(WD_SECTION.EVEN_PAGE)
    for footer in ((last.footer, last.even_page_footer) if doc.settings.odd_and_even_pages_header_footer
                   else (last.footer,)):
        footer.is_linked_to_previous = False
        ftr = footer._element
        for child in list(ftr):
            ftr.remove(child)
        ftr.append(etree.fromstring(
            f'<w:p {_NSDECL}><w:pPr><w:pStyle w:val="{F.PARAGRAPH_STYLES["page_number"][0]}"/></w:pPr></w:p>'))
    body = doc.element.body
    for child in list(body):  # the paragraph python-docx added to end the first section
        if child.tag == qn("w:p"):
            body.remove(child)
    return body_xml


def _format_key(fmt: FormatSettings) -> str:
    """The format settings as text, the skeleton's key: every field of the settings (read as attributes, in a
    fixed order), so that two settings give the same key exactly when they are equal."""
    import json

    names = sorted(n for n in vars(type(fmt)).get("__annotations__", {}) if not n.startswith("_"))
    return json.dumps({n: getattr(fmt, n) for n in names}, sort_keys=True, ensure_ascii=False, default=str)


SKELETON_MEMORY = 16  # skeletons kept in memory (the oldest is forgotten first)
_MEMORY: dict[tuple[str, int, bool], _Skeleton] = {}


def _skeleton(fmt: FormatSettings, mark_length: int, colophon: bool = False) -> _Skeleton:
    """The skeleton for these settings: kept in memory, and on disk in the user's cache folder
    (:func:`skeleton_cache_dir`) so that a new process — every ``report-editor export`` — neither imports
    python-docx nor builds it again (about 45 ms of a 0.2 s export). The cache file is named by a checksum
    of its key -- the arguments and everything the skeleton is made from (this module, the format constants,
    the model's format settings, the program, python-docx's and lxml's files) -- and holds the key itself,
    compared in full when it is read: a change of any of them builds a new one; a damaged or unreadable
    file, or one holding another key, is ignored and rebuilt. Set ``REPORT_EDITOR_NO_SKELETON_CACHE=1`` to
    always build."""
    memo = (_format_key(fmt), mark_length, bool(colophon))
    got = _MEMORY.get(memo)
    if got is None:
        got = _MEMORY[memo] = _stored_skeleton(fmt, *memo)
        while len(_MEMORY) > SKELETON_MEMORY:
            del _MEMORY[next(iter(_MEMORY))]
    return got


_skeleton.cache_clear = _MEMORY.clear  # type: ignore[attr-defined]


def _stored_skeleton(fmt: FormatSettings, format_key: str, mark_length: int, colophon: bool) -> _Skeleton:
    if os.environ.get("REPORT_EDITOR_NO_SKELETON_CACHE"):
        return _build_skeleton(fmt, mark_length, colophon)
    try:
        key = _skeleton_key(format_key, mark_length, colophon)
        path = skeleton_cache_dir() / f"skeleton-{_key_name(key)}.zip"
    except (OSError, ValueError):
        return _build_skeleton(fmt, mark_length, colophon)
    got = _read_skeleton(path, key)
    if got is None:
        got = _build_skeleton(fmt, mark_length, colophon)
        _write_skeleton(path, got, key)
    return got


SKELETON_CACHE_FILES = 16  # at most this many cached skeletons (the oldest are removed)
_SKELETON_FORMAT = "report-editor skeleton 2"


def skeleton_cache_dir() -> Path:
    from ..sysenv import cache_dir

    return cache_dir() / "export"


def _file_stamp(path: str) -> str:
    try:
        st = os.stat(path)
    except (OSError, TypeError, ValueError):
        return "-"
    return f"{st.st_size}:{st.st_mtime_ns}"


@functools.lru_cache(maxsize=1)
def _sources_stamp() -> str:
    """What the skeleton is made from besides its arguments, as text: the sources of this module, the format
    constants and the model's format settings (size, time and CRC-32 of their text), the program's version,
    and python-docx's and lxml's files (size and time: a reinstall or upgrade changes them), found without
    importing them. (No hashlib: it loads OpenSSL, 2 ms of every export; the cache file holds this text and
    compares it in full, see :func:`_skeleton`.)"""
    import importlib.util

    from .. import __version__

    # the module defining the format settings (whatever the model's layout), as the source of their defaults
    model_file = getattr(sys.modules.get(FormatSettings.__module__), "__file__", None)
    out = [_SKELETON_FORMAT, __version__]
    if getattr(sys, "frozen", False):  # the packaged application: its files change with every build
        out.append(f"frozen:{_file_stamp(sys.executable)}")
    for path in (__file__, F.__file__, model_file):
        try:
            with open(path, "rb") as fh:
                out.append(f"{path}:{_file_stamp(path)}:{zlib.crc32(fh.read()):08x}")
        except (OSError, TypeError):  # no source file (a frozen build keeps the modules in an archive)
            out.append(f"{path}:-")
    for name, files in (("docx", ("__init__.py", os.path.join("templates", "default.docx"))),
                        ("lxml", ("__init__.py", "etree.pyx"))):
        spec = importlib.util.find_spec(name)
        origin = spec.origin if spec is not None else None
        folder = os.path.dirname(origin) if origin else ""
        out.append(f"{name}:{folder}")
        out.extend(_file_stamp(os.path.join(folder, f)) if folder else "-" for f in files)
    return "\n".join(out)


def _skeleton_key(format_key: str, mark_length: int, colophon: bool) -> str:
    return f"{_sources_stamp()}\n{format_key}\n{mark_length}\n{int(colophon)}"


def _key_name(key: str) -> str:
    """A file name for a key: two 32-bit checksums (a clash only costs a rebuild, the key is compared)."""
    data = key.encode("utf-8")
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}"


# the cache file's (ASCII) names read as UTF-8, not as zipfile's default cp437, whose codec module is loaded then
_NAMES_UTF8 = {"metadata_encoding": "utf-8"} if sys.version_info >= (3, 11) else {}


def _read_skeleton(path: Path, key: Optional[str] = None) -> Optional[_Skeleton]:
    """The cached skeleton, or None when there is none or it cannot be used (damaged, another format, another
    ``key`` than the one given)."""
    try:
        with zipfile.ZipFile(path, **_NAMES_UTF8) as z:
            if z.comment != _SKELETON_FORMAT.encode():
                return None
            parts: list[tuple[str, bytes]] = []
            texts: dict[str, str] = {}
            for info in z.infolist():
                data = z.read(info)  # checks the CRC: a damaged file raises
                kind, _, name = info.filename.partition("/")
                if kind == "part":
                    parts.append((name, data))
                elif kind == "text":
                    texts[name] = data.decode("utf-8")
        if key is not None and texts.get("key") != key:
            return None
        return _Skeleton(tuple(parts), texts["doc_prefix"], texts["doc_suffix"], texts["body_sect_pr"])
    except (OSError, zipfile.BadZipFile, KeyError, UnicodeDecodeError, ValueError, EOFError):
        return None


def _write_skeleton(path: Path, skeleton: _Skeleton, key: str = "") -> None:
    """Store the skeleton (atomically: a temporary file renamed); any failure only means no cache."""
    import tempfile

    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".skeleton-", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as fh, zipfile.ZipFile(fh, "w", zipfile.ZIP_STORED) as z:
            z.comment = _SKELETON_FORMAT.encode()
            for name, data in skeleton.parts:
                z.writestr("part/" + name, data)
            for name in ("doc_prefix", "doc_suffix", "body_sect_pr"):
                z.writestr("text/" + name, getattr(skeleton, name).encode("utf-8"))
            z.writestr("text/key", key.encode("utf-8"))
        os.replace(tmp, path)
        tmp = None
        old = sorted(path.parent.glob("skeleton-*.zip"), key=lambda p: p.stat().st_mtime, reverse=True)
        for stale in old[SKELETON_CACHE_FILES:]:
            stale.unlink()
    except OSError:
        pass
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def _build_skeleton(fmt: FormatSettings, mark_length: int, colophon: bool = False) -> _Skeleton:
    """The skeleton built with python-docx (its default template, styles and sections set up)."""
    from docx import Document

    report = Report(format=fmt)
    doc = Document()
    _setup_styles(doc, report, "字" * mark_length)
    _setup_settings(doc)
    _drop_thumbnail(doc)
    # a Word 2010 copy of the template's styles: it would not hold the report's styles
    _drop_part(doc, "/stylesWithEffects")
    # parts of the template nothing refers to: a bibliography (customXml) and an empty numbering part
    _drop_part(doc, "/customXml")
    _drop_part(doc, "/numbering")
    _setup_section(doc, report)
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    body_sect_pr = _colophon_section(doc) if colophon else ""
    props = doc.core_properties
    props.title = _TITLE_MARK
    props.author = _AUTHOR_MARK
    props.last_modified_by = _AUTHOR_MARK
    props.language = F.LANG_EAST_ASIA
    props.comments = ""
    props.created = _STAMP
    props.modified = _STAMP
    props.revision = 1
    buf = io.BytesIO()
    doc.save(buf)
    fonts = [report.format.font(role) for role in DEFAULT_FONTS]
    replace = {"word/fontTable.xml": font_table_xml(fonts), "docProps/app.xml": _APP_XML.encode("utf-8")}
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as z:
        parts = tuple((name, replace.get(name) or z.read(name)) for name in z.namelist())
    document = dict(parts)["word/document.xml"].decode("utf-8")
    cut = document.rindex("<w:sectPr")
    return _Skeleton(parts, document[:cut], document[cut:], body_sect_pr)


def _iter_build(report: Report, edition: Optional[str]) -> Iterator[tuple[int, int]]:
    """Yield progress (done, total); the finished bytes are the generator's return value."""
    blocks = build_flow(report, edition)
    chunk = 256
    total = len(blocks) + 2
    yield 0, total
    colophon_kinds = ("colophon_cc", "colophon_print")
    colophon = [b for b in blocks if b.kind in colophon_kinds]
    skeleton = _skeleton(report.format, len(_issuer_mark_text(blocks)), bool(colophon))
    yield 1, total

    writer = _BodyWriter(report, blocks)
    body = [skeleton.doc_prefix]
    prev = ""
    # the body section ends with the last paragraph before the 版记 (no empty paragraph for it)
    last_body = max((i for i, b in enumerate(blocks) if b.kind not in colophon_kinds), default=-1)
    for start in range(0, len(blocks), chunk):
        for i in range(start, min(start + chunk, len(blocks))):
            block = blocks[i]
            if block.kind not in colophon_kinds:
                sect = skeleton.body_sect_pr if i == last_body else ""
                body.append(writer.paragraph(block, i, prev, sect))
            prev = block.kind
        yield 1 + min(start + chunk, len(blocks)), total
    if colophon:
        body.append(writer.colophon(colophon))
    body.append(skeleton.doc_suffix)

    now = _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0)
    author = "、".join(report.organisations) or (report.signature[0] if report.signature else "")
    doc_id = f"{int.from_bytes(os.urandom(4), 'big') & 0x7FFFFFFF:08X}"  # fresh per export, as Word does
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in skeleton.parts:
            if name == "word/document.xml":
                data = "".join(body).encode("utf-8")
            elif name == "docProps/core.xml":
                data = (data.decode("utf-8").replace(_TITLE_MARK, _esc(report.title.replace("\n", "")))
                        .replace(_AUTHOR_MARK, _esc(author))
                        .replace(_STAMP_TEXT, now.strftime("%Y-%m-%dT%H:%M:%SZ")).encode("utf-8"))
            elif name == "docProps/app.xml":
                data = data.replace(_COMPANY_MARK.encode(), _esc(author).encode("utf-8"))
            elif name == "word/settings.xml":
                data = data.replace(f'w14:val="{_DOC_ID_MARK}"'.encode(), f'w14:val="{doc_id}"'.encode())
            info = zipfile.ZipInfo(name, date_time=now.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    yield total, total
    return buf.getvalue()


def build_docx(report: Report, edition: Optional[str] = None) -> bytes:
    """The report in the official format as the bytes of a .docx file."""
    gen = _iter_build(report, edition)
    while True:
        try:
            next(gen)
        except StopIteration as stop:
            return stop.value


def _check_target(target: Path) -> None:
    if target.is_dir():
        raise ExportError(f"无法导出到“{target}”：这是一个文件夹。请给出文件名，例如“{target / '报告.docx'}”。")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(f"无法导出到“{target}”：文件夹“{folder}”不存在。请先建立该文件夹，或另选保存位置。")


def _writable(path: Path) -> bool:
    if os.access in os.supports_effective_ids:
        return os.access(path, os.W_OK, effective_ids=True)
    return os.access(path, os.W_OK)


def write_bytes(target: Path, data: bytes, what: str) -> Path:
    """Write an exported file atomically; errors become :class:`ExportError` (old file left intact)."""
    _check_target(target)
    if target.exists() and not _writable(target):
        raise ExportError(
            f"无法导出到“{target}”：文件是只读的，或正被其他程序（如 Word、WPS）打开。"
            "请关闭占用它的程序，或另存为其他文件名。原文件未被改动。"
        )
    try:
        return atomic_write_bytes(target, data, backup=False, what=what)
    except ProjectWriteError as e:
        raise ExportError(e.message) from None


def iter_write_docx(report: Report, target, edition: Optional[str] = None) -> Iterator[tuple[int, int]]:
    """Build the .docx, yielding progress ``(done, total)``, then write it atomically to ``target``."""
    target = Path(target)
    _check_target(target)
    gen = _iter_build(report, edition)
    data = b""
    total = 1
    while True:
        try:
            done, total = next(gen)
        except StopIteration as stop:
            data = stop.value
            break
        yield done, total + 1
    write_bytes(target, data, "Word 文件")
    yield total + 1, total + 1


def write_docx(report: Report, target, edition: Optional[str] = None) -> Path:
    """Export ``report`` to ``target`` (.docx) atomically and return the path."""
    for _ in iter_write_docx(report, target, edition):
        pass
    return Path(target)
