"""The official-format Word export, checked by opening the written file with python-docx."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import tempfile
import zipfile
from pathlib import Path

import docx
import pytest
from docx.shared import Length
from lxml import etree

from editor.errors import ExportError
from editor.export import build_docx, export_report, iter_write_docx, write_docx
from editor.export import docx as D
from editor.export import format_spec as F
from editor.model import build_flow

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def open_docx(data: bytes):
    return docx.Document(io.BytesIO(data))


def style_by_id(document, style_id):
    el = document.styles.element.find(f"{W}style[@{W}styleId='{style_id}']")
    assert el is not None, style_id
    return el


def east_asia_font(style_el):
    fonts = style_el.find(f"{W}rPr/{W}rFonts")
    return None if fonts is None else fonts.get(f"{W}eastAsia")


def resolved(document, style_id, path, attr):
    """Follow basedOn until ``path`` (relative to the style) has ``attr``."""
    while style_id:
        el = style_by_id(document, style_id)
        found = el.find(path)
        if found is not None and found.get(attr) is not None:
            return found.get(attr)
        based = el.find(f"{W}basedOn")
        style_id = based.get(f"{W}val") if based is not None else None
    return None


def paragraphs_by_style(document, style_id):
    return [p for p in document.paragraphs if p._p.pPr is not None and p._p.pPr.pStyle is not None
            and p._p.pPr.pStyle.val == style_id]


# ------------------------------------------------------------------ page and defaults
def test_page_setup_a4_margins_and_footer_distance(small):
    d = open_docx(build_docx(small))
    s = d.sections[0]
    assert (s.page_width.twips, s.page_height.twips) == (11906, 16838)
    assert s.top_margin.twips == 2098 and s.left_margin.twips == 1588
    assert s.right_margin.twips == 1474 and s.bottom_margin.twips == 1984
    assert abs(s.footer_distance.mm - 25) < 0.5
    # text block 156 x 225 mm
    assert abs(Length(s.page_width - s.left_margin - s.right_margin).mm - 156) < 0.5
    assert abs(Length(s.page_height - s.top_margin - s.bottom_margin).mm - 225) < 0.5
    assert s._sectPr.find(f"{W}docGrid").get(f"{W}linePitch") == "579"


def test_doc_defaults_have_no_theme_fonts_and_chinese_language(small):
    d = open_docx(build_docx(small))
    defaults = d.styles.element.find(f"{W}docDefaults")
    fonts = defaults.find(f"{W}rPrDefault/{W}rPr/{W}rFonts")
    assert not [a for a in fonts.attrib if "Theme" in a or "theme" in a]
    assert fonts.get(f"{W}eastAsia") == small.format.font("body")
    assert fonts.get(f"{W}hint") == "eastAsia"
    lang = defaults.find(f"{W}rPrDefault/{W}rPr/{W}lang")
    assert lang.get(f"{W}eastAsia") == "zh-CN"
    assert d.settings.element.find(f"{W}themeFontLang").get(f"{W}eastAsia") == "zh-CN"


def test_normal_and_body_line_pitch_indent_and_char_spacing(small):
    d = open_docx(build_docx(small))
    body = F.PARAGRAPH_STYLES["body"][0]
    assert resolved(d, body, f"{W}pPr/{W}spacing", f"{W}line") == "579"
    assert resolved(d, body, f"{W}pPr/{W}spacing", f"{W}lineRule") == "exact"
    assert resolved(d, body, f"{W}pPr/{W}ind", f"{W}firstLine") == "640"
    assert resolved(d, body, f"{W}rPr/{W}spacing", f"{W}val") == "-5"
    assert resolved(d, body, f"{W}rPr/{W}sz", f"{W}val") == "32"
    assert resolved(d, body, f"{W}pPr/{W}jc", f"{W}val") == "both"


# ------------------------------------------------------------------ styles and fonts
def test_every_block_kind_has_a_named_style_with_chinese_name(small):
    data = build_docx(small, "formal")
    d = open_docx(data)
    for _key, (style_id, name) in {**F.PARAGRAPH_STYLES, **F.CHARACTER_STYLES}.items():
        el = style_by_id(d, style_id)
        assert style_id.isascii()
        assert el.find(f"{W}name").get(f"{W}val") == name
        assert any("\u4e00" <= ch <= "\u9fff" for ch in name)
    used = {p._p.pPr.pStyle.val for p in d.paragraphs if p._p.pPr is not None and p._p.pPr.pStyle is not None}
    table_paras = d.tables[0]._tbl.iter(f"{W}pStyle")
    used |= {e.get(f"{W}val") for e in table_paras}
    kinds = {b.kind for b in build_flow(small, "formal")}
    for kind in kinds - {"item"}:
        assert F.PARAGRAPH_STYLES[kind][0] in used, kind


def test_fonts_per_role_in_east_asian_slot(small):
    small.format.fonts["body"] = "仿宋"
    small.format.fonts["heading1"] = "方正黑体_GBK"
    d = open_docx(build_docx(small))
    pid = {k: v[0] for k, v in F.PARAGRAPH_STYLES.items()}
    assert resolved(d, pid["body"], f"{W}rPr/{W}rFonts", f"{W}eastAsia") == "仿宋"
    assert east_asia_font(style_by_id(d, pid["title"])) == "方正小标宋简体"
    assert east_asia_font(style_by_id(d, pid["heading1"])) == "方正黑体_GBK"
    assert east_asia_font(style_by_id(d, pid["heading2"])) == "楷体_GB2312"
    assert east_asia_font(style_by_id(d, pid["page_number"])) == "宋体"
    assert east_asia_font(style_by_id(d, F.CHARACTER_STYLES["lead2"][0])) == "楷体_GB2312"
    for el in d.styles.element.iter(f"{W}rFonts"):
        if el.get(f"{W}eastAsia") in ("仿宋", "楷体_GB2312", "黑体", "宋体", "方正小标宋简体"):
            assert el.get(f"{W}hint") == "eastAsia"
    assert resolved(d, pid["title"], f"{W}rPr/{W}sz", f"{W}val") == "44"
    assert resolved(d, pid["page_number"], f"{W}rPr/{W}sz", f"{W}val") == "28"


def test_outline_levels(small):
    d = open_docx(build_docx(small))
    levels = {key: style_by_id(d, F.PARAGRAPH_STYLES[key][0]).find(f"{W}pPr/{W}outlineLvl") for key in
              ("title", "heading1", "heading2", "body")}
    assert levels["body"] is None
    assert [levels[k].get(f"{W}val") for k in ("title", "heading1", "heading2")] == ["0", "1", "2"]


def test_font_table_names_the_fonts_with_chinese_charset(small):
    small.format.fonts["body"] = small.format.fonts["heading3"] = "仿宋"
    with zipfile.ZipFile(io.BytesIO(build_docx(small))) as z:
        table = etree.fromstring(z.read("word/fontTable.xml"))
    fonts = {f.get(f"{W}name"): f for f in table.iter(f"{W}font")}
    for name, alt in (("仿宋", "FangSong"), ("楷体_GB2312", "楷体"), ("方正小标宋简体", "宋体"), ("黑体", "SimHei")):
        assert fonts[name].find(f"{W}charset").get(f"{W}val") == "86"
        assert fonts[name].find(f"{W}altName").get(f"{W}val") == alt
    assert "仿宋_GB2312" not in fonts  # only the fonts the file uses


def test_run_in_lead_uses_kai_character_style(small):
    d = open_docx(build_docx(small))
    lead_id = F.CHARACTER_STYLES["lead2"][0]
    para = next(p for p in d.paragraphs if p.text.startswith("（一）全面准确"))
    is_lead = [r._r.rPr is not None and r._r.rPr.rStyle is not None and r._r.rPr.rStyle.val == lead_id
               for r in para.runs]
    assert "".join(r.text for r, lead in zip(para.runs, is_lead, strict=True) if lead) == "（一）全面准确学习领会党的二十大精神。"
    assert is_lead == sorted(is_lead, reverse=True)  # lead runs first
    rest = "".join(r.text for r, lead in zip(para.runs, is_lead, strict=True) if not lead)
    assert rest.startswith("收办行政复议申请2041件")
    assert para.style.style_id == F.PARAGRAPH_STYLES["body"][0]
    # a stand-alone level-2 lead gets the 二级标题 paragraph style
    standalone = next(p for p in d.paragraphs if p.text == "（二）营造良好氛围。")
    assert standalone.style.style_id == F.PARAGRAPH_STYLES["heading2"][0]


def test_bold_options_for_level2_and_level3(small):
    d = open_docx(build_docx(small))
    lead2 = style_by_id(d, F.CHARACTER_STYLES["lead2"][0])
    assert lead2.find(f"{W}rPr/{W}b") is None
    small.format.bold_level2 = True
    small.format.bold_level3 = True
    d = open_docx(build_docx(small))
    assert style_by_id(d, F.CHARACTER_STYLES["lead2"][0]).find(f"{W}rPr/{W}b") is not None
    assert style_by_id(d, F.CHARACTER_STYLES["lead3"][0]).find(f"{W}rPr/{W}b") is not None
    assert style_by_id(d, F.PARAGRAPH_STYLES["heading2"][0]).find(f"{W}rPr/{W}b") is not None
    level3 = next(p for p in d.paragraphs if p.text.startswith("1.三级标题引导句"))
    assert level3.style.style_id == F.PARAGRAPH_STYLES["heading3"][0]
    lead3 = [r.text for r in level3.runs if r._r.rPr is not None and r._r.rPr.rStyle is not None
             and r._r.rPr.rStyle.val == F.CHARACTER_STYLES["lead3"][0]]
    assert "".join(lead3) == "1.三级标题引导句。"
    level4 = next(p for p in d.paragraphs if p.text.startswith("（1）四级标题"))
    assert level4.style.style_id == F.PARAGRAPH_STYLES["heading4"][0]


def test_multi_line_title_as_entered(small):
    d = open_docx(build_docx(small))
    titles = paragraphs_by_style(d, F.PARAGRAPH_STYLES["title"][0])
    assert [p.text for p in titles] == ["东莞市司法局", "2022年法治政府建设年度报告"]
    small.title_override = "东莞市司法局\n关于2022年度\n法治政府建设情况的报告"
    d = open_docx(build_docx(small))
    assert len(paragraphs_by_style(d, F.PARAGRAPH_STYLES["title"][0])) == 3
    assert resolved(d, F.PARAGRAPH_STYLES["title"][0], f"{W}pPr/{W}jc", f"{W}val") == "center"


def test_missing_values_are_highlighted(small):
    d = open_docx(build_docx(small))
    runs = [r for p in d.paragraphs for r in p.runs if r.text.startswith("【待填")]
    assert [r.text for r in runs] == ["【待填：培训人次】"]
    rpr = runs[0]._r.rPr
    assert rpr.find(f"{W}highlight").get(f"{W}val") == F.MISSING_HIGHLIGHT
    # filled values are not highlighted
    filled = [r for p in d.paragraphs for r in p.runs if r.text == "2041件"]
    assert filled and filled[0]._r.rPr is None


def test_text_is_escaped_and_full_width(small):
    d = open_docx(build_docx(small))
    assert any(p.text == "第二段<&>。" for p in d.paragraphs)


# ------------------------------------------------------------------ signature, date, note
def test_signature_layout_rule():
    # date longer than signature: the date is right-aligned with a two-character right indent (no left
    # indent from an estimate); the signature is placed to start two characters left of the date
    sig, date_left = D.signature_layout(["东莞市司法局"], "2023年1月28日")
    dw, sw = D.text_width("2023年1月28日"), D.text_width("东莞市司法局")
    assert dw > sw
    assert date_left is None
    date_start = F.TEXT_WIDTH - F.DATE_RIGHT_INDENT_WHEN_LONGER - dw
    assert date_start - (F.TEXT_WIDTH - sig - sw) == 640  # date starts 2 chars right of the signature
    assert D.signature_layout(["东莞市司法"], "2023年1月28日")[1] is None
    # date shorter than signature: signature right-indented two characters
    sig, date_left = D.signature_layout(["东莞市人民政府办公室"], "2023年1月8日")
    assert sig == 640
    sig_start = F.TEXT_WIDTH - sig - D.text_width("东莞市人民政府办公室")
    assert date_left - sig_start == 640
    # several signature lines: the longest decides
    assert D.signature_layout(["东莞市司法局", "东莞市人民政府办公室"], "2023年1月8日") == (sig, date_left)


def test_signature_date_and_note_paragraphs(small):
    d = open_docx(build_docx(small))
    sig = paragraphs_by_style(d, F.PARAGRAPH_STYLES["signature"][0])
    date = paragraphs_by_style(d, F.PARAGRAPH_STYLES["date"][0])
    assert [p.text for p in sig] == ["东莞市司法局"] and [p.text for p in date] == ["2023年1月28日"]
    exp_sig, exp_date = D.signature_layout(["东莞市司法局"], "2023年1月28日")
    assert exp_date is None
    assert sig[0].paragraph_format.right_indent.twips == exp_sig
    assert date[0].paragraph_format.left_indent is None  # no direct indent: the style's right indent
    assert resolved(d, F.PARAGRAPH_STYLES["signature"][0], f"{W}pPr/{W}jc", f"{W}val") == "right"
    assert resolved(d, F.PARAGRAPH_STYLES["date"][0], f"{W}pPr/{W}jc", f"{W}val") == "right"
    assert resolved(d, F.PARAGRAPH_STYLES["date"][0], f"{W}pPr/{W}ind", f"{W}right") == "640"
    # blank line between the body and the signature
    assert resolved(d, F.PARAGRAPH_STYLES["signature"][0], f"{W}pPr/{W}spacing", f"{W}before") == "579"
    note = paragraphs_by_style(d, F.PARAGRAPH_STYLES["note"][0])
    assert [p.text for p in note] == ["（此件公开发布）"]
    assert resolved(d, F.PARAGRAPH_STYLES["note"][0], f"{W}pPr/{W}ind", f"{W}firstLine") == "640"
    # paragraph order: signature, date, note at the end
    texts = [p.text for p in d.paragraphs if p.text]
    assert texts[-3:] == ["东莞市司法局", "2023年1月28日", "（此件公开发布）"]


# ------------------------------------------------------------------ page numbers
def _footer_xml(section, which):
    return getattr(section, which)._element


def test_odd_even_page_number_footers(small):
    d = open_docx(build_docx(small))
    assert d.settings.odd_and_even_pages_header_footer is True
    s = d.sections[0]
    for which, jc, side in (("footer", "right", "right"), ("even_page_footer", "left", "left")):
        ftr = _footer_xml(s, which)
        p = ftr.find(f"{W}p")
        assert p.find(f"{W}pPr/{W}jc").get(f"{W}val") == jc
        assert p.find(f"{W}pPr/{W}ind").get(f"{W}{side}") == "280"
        assert p.find(f"{W}pPr/{W}pStyle").get(f"{W}val") == F.PARAGRAPH_STYLES["page_number"][0]
        types = [e.get(f"{W}fldCharType") for e in p.iter(f"{W}fldChar")]
        assert types == ["begin", "separate", "end"]
        assert "".join(e.text for e in p.iter(f"{W}instrText")).strip() == "PAGE"
        texts = "".join(e.text for e in p.iter(f"{W}t"))
        assert texts == "— 1 —"


def test_centred_page_numbers(small):
    small.format.page_numbers = "centred"
    d = open_docx(build_docx(small))
    assert d.settings.odd_and_even_pages_header_footer is False
    p = _footer_xml(d.sections[0], "footer").find(f"{W}p")
    assert p.find(f"{W}pPr/{W}jc").get(f"{W}val") == "center"


# ------------------------------------------------------------------ formal edition
def test_formal_edition_red_header_rule_and_recipients(small):
    d = open_docx(build_docx(small, "formal"))
    pid = {k: v[0] for k, v in F.PARAGRAPH_STYLES.items()}
    texts = [p.text for p in d.paragraphs]
    assert texts[0] == "东莞市司法局文件" and texts[1] == "东司〔2023〕5号"
    mark = style_by_id(d, pid["issuer_mark"])
    assert mark.find(f"{W}rPr/{W}color").get(f"{W}val") == F.RED
    assert east_asia_font(mark) == "方正小标宋简体"
    assert int(mark.find(f"{W}pPr/{W}spacing").get(f"{W}before")) == F.mm(35)
    assert mark.find(f"{W}pPr/{W}jc").get(f"{W}val") == "center"
    doc_number = style_by_id(d, pid["doc_number"])
    assert doc_number.find(f"{W}pPr/{W}spacing").get(f"{W}before") == str(2 * 579)
    rule = style_by_id(d, pid["red_rule"]).find(f"{W}pPr/{W}pBdr/{W}bottom")
    assert rule.get(f"{W}color") == F.RED and rule.get(f"{W}val") == "single"
    assert d.paragraphs[2].style.style_id == pid["red_rule"]
    recipients = paragraphs_by_style(d, pid["recipients"])
    assert [p.text for p in recipients] == ["东莞市人民政府："]
    # the public edition has none of these
    d = open_docx(build_docx(small, "public"))
    assert "东莞市司法局文件" not in [p.text for p in d.paragraphs]
    assert not d.tables


def test_formal_edition_colophon_at_bottom_with_rules(small):
    d = open_docx(build_docx(small, "formal"))
    assert len(d.tables) == 1
    tbl = d.tables[0]._tbl
    texts = ["".join(t.text for t in row.iter(f"{W}t")) for row in tbl.iter(f"{W}tr")]
    assert texts == ["抄送：市委依法治市办，省司法厅。", "东莞市司法局办公室2023年1月28日印发"]
    pos = tbl.find(f"{W}tblPr/{W}tblpPr")
    assert pos.get(f"{W}tblpYSpec") == "bottom" and pos.get(f"{W}vertAnchor") == "margin"
    borders = tbl.find(f"{W}tblPr/{W}tblBorders")
    assert borders.find(f"{W}top").get(f"{W}sz") == str(F.COLOPHON_THICK_RULE)
    assert borders.find(f"{W}bottom").get(f"{W}sz") == str(F.COLOPHON_THICK_RULE)
    assert borders.find(f"{W}insideH").get(f"{W}sz") == str(F.COLOPHON_THIN_RULE)
    assert tbl.find(f"{W}tblPr/{W}tblW").get(f"{W}w") == str(F.TEXT_WIDTH)
    # 印发机关 left, 印发日期 right via a right tab stop one character from the edge
    print_style = style_by_id(d, F.PARAGRAPH_STYLES["colophon_print"][0])
    tab = print_style.find(f"{W}pPr/{W}tabs/{W}tab")
    assert tab.get(f"{W}val") == "right" and int(tab.get(f"{W}pos")) == F.TEXT_WIDTH - 280
    assert list(tbl.iter(f"{W}tab"))
    # the body ends with a paragraph after the table (required by Word)
    body = d.element.body
    assert body[-2].tag == f"{W}p" and body[-3].tag == f"{W}tbl"


def test_issuer_mark_shrinks_to_fit_one_line():
    assert D.issuer_mark_size("东莞市司法局文件") == F.ISSUER_MARK_MAX_SIZE
    long = "中共东莞市委全面依法治市委员会办公室文件"
    size = D.issuer_mark_size(long)
    assert size < F.ISSUER_MARK_MAX_SIZE
    assert len(long) * size * 10 <= F.TEXT_WIDTH


# ------------------------------------------------------------------ XML well-formedness
def _local(tag):
    return tag.split("}")[1]


def test_ppr_and_rpr_children_in_schema_order(small):
    data = build_docx(small, "formal")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            if not (name.startswith("word/") and name.endswith(".xml")):
                continue
            root = etree.fromstring(z.read(name))
            for tag, order in (("pPr", D.PPR_ORDER), ("rPr", D.RPR_ORDER), ("style", D.STYLE_ORDER)):
                for el in root.iter(f"{W}{tag}"):
                    children = [_local(c.tag) for c in el if _local(c.tag) in order]
                    positions = [order.index(c) for c in children]
                    assert positions == sorted(positions), (name, tag, children)
                    if tag != "style":
                        assert len(set(children)) == len(children), (name, tag, children)


def test_content_types_and_parts_are_valid_zip(small):
    data = build_docx(small, "formal")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert z.testzip() is None
        names = set(z.namelist())
    assert {"word/document.xml", "word/styles.xml", "word/settings.xml", "[Content_Types].xml"} <= names
    # odd and even page numbers of the body, and the 版记 section's two footers without a number
    assert sum(1 for n in names if n.startswith("word/footer")) == 4
    with zipfile.ZipFile(io.BytesIO(build_docx(small, "public"))) as z:
        assert sum(1 for n in z.namelist() if n.startswith("word/footer")) == 2


# ------------------------------------------------------------------ writing
def test_write_docx_and_progress(small, tmp_path):
    target = tmp_path / "报告.docx"
    steps = list(iter_write_docx(small, target))
    assert target.is_file()
    done = [d for d, _t in steps]
    assert done == sorted(done) and steps[-1][0] == steps[-1][1]
    assert len(steps) >= 3
    assert open_docx(target.read_bytes()).paragraphs[0].text == "东莞市司法局"
    assert [p.name for p in tmp_path.iterdir()] == ["报告.docx"]
    assert write_docx(small, tmp_path / "b.docx") == tmp_path / "b.docx"
    assert export_report(small, tmp_path / "c.docx") == tmp_path / "c.docx"


def test_progress_chunks_for_long_report(long_report):
    steps = list(D._iter_build(long_report, None))
    assert len(steps) >= 3
    assert all(0 <= d <= t for d, t in steps)


@contextlib.contextmanager
def unprivileged():
    """Run the block as an ordinary user: as root, file permissions are ignored, so switch the
    effective user to ``nobody`` (the real user stays root so it can switch back)."""
    if os.geteuid() != 0:
        yield
        return
    os.setegid(65534)
    os.seteuid(65534)
    try:
        yield
    finally:
        os.seteuid(0)
        os.setegid(0)


@pytest.fixture
def shared_dir():
    """A folder an unprivileged user can reach (pytest's tmp_path is private to root)."""
    base = Path(tempfile.mkdtemp(prefix="export-test-", dir="/tmp"))
    base.chmod(0o755)
    yield base
    for p in sorted(base.rglob("*"), reverse=True):
        p.chmod(0o755) if p.is_dir() else p.chmod(0o644)
    shutil.rmtree(base)


def test_unwritable_folder_keeps_old_file(small, shared_dir):
    folder = shared_dir / "ro"
    folder.mkdir()
    target = folder / "out.docx"
    target.write_bytes(b"old")
    target.chmod(0o666)
    folder.chmod(0o555)
    data = build_docx(small)
    with unprivileged():
        with pytest.raises(ExportError) as err:
            D.write_bytes(target, data, "Word 文件")
    assert "原文件未被改动" in str(err.value)
    assert target.read_bytes() == b"old"
    assert [p.name for p in folder.iterdir()] == ["out.docx"]
    if os.geteuid() != 0:  # the whole write_docx path too (as root it is the same code as above)
        with pytest.raises(ExportError):
            write_docx(small, target)
        assert target.read_bytes() == b"old"


def test_read_only_target_file(small, shared_dir):
    folder = shared_dir / "rw"
    folder.mkdir()
    folder.chmod(0o777)
    target = folder / "out.docx"
    target.write_bytes(b"old")
    target.chmod(0o444)
    data = build_docx(small)
    with unprivileged():
        with pytest.raises(ExportError) as err:
            D.write_bytes(target, data, "Word 文件")
    assert "只读" in str(err.value)
    assert target.read_bytes() == b"old"
    assert [p.name for p in folder.iterdir()] == ["out.docx"]


def test_target_is_a_directory(small, tmp_path):
    folder = tmp_path / "报告.docx"
    folder.mkdir()
    (folder / "keep.txt").write_text("x")
    with pytest.raises(ExportError) as err:
        write_docx(small, folder)
    assert "文件夹" in str(err.value)
    assert [p.name for p in folder.iterdir()] == ["keep.txt"]
    assert [p.name for p in tmp_path.iterdir()] == ["报告.docx"]


def test_missing_folder(small, tmp_path):
    with pytest.raises(ExportError) as err:
        write_docx(small, tmp_path / "nope" / "out.docx")
    assert "不存在" in str(err.value)
    assert not (tmp_path / "nope").exists()


def test_unknown_format(small, tmp_path):
    with pytest.raises(ExportError):
        export_report(small, tmp_path / "x.odt", fmt="odt")


def test_pdf_without_libreoffice_says_how_to_install(small, tmp_path, monkeypatch):
    from editor.export import pdf

    monkeypatch.setattr(pdf, "find_soffice", lambda: None)
    with pytest.raises(ExportError) as err:
        export_report(small, tmp_path / "x.pdf", fmt="pdf")
    assert "LibreOffice" in str(err.value) and "安装" in str(err.value)
    assert not (tmp_path / "x.pdf").exists()


def test_cli_export_writes_docx(small, tmp_path, capsys):
    from editor.cli import main
    from editor.storage import write_project

    project = tmp_path / "r.fzbg"
    write_project(project, small)
    out = tmp_path / "r.docx"
    assert main(["export", str(project), "-o", str(out), "--edition", "formal"]) == 0
    d = open_docx(out.read_bytes())
    assert d.paragraphs[0].text == "东莞市司法局文件"


def test_long_report_exports_every_paragraph(long_report):
    blocks = build_flow(long_report)
    d = open_docx(build_docx(long_report))
    assert len(d.paragraphs) == len(blocks)
    assert [p.text for p in d.paragraphs] == [b.text for b in blocks]


@pytest.mark.parametrize("text", ["", "法治政府建设", "a & b", "<w:t>", 'say "yes"', "x\x01y\x0bz\x1f", "\ufffe\uffff",
                                  "1 > 0 & 2 < 3", "tab\tkept", "\u3000全角空格", "🙂 emoji", "&amp;"])
def test_escaping_is_the_full_replacement(text):
    """The body's text escaping skips the replacements when nothing needs them: the same text as always."""
    expected = (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;"))
    expected = "".join(ch for ch in expected if ch in "\t\n\r" or not (ord(ch) < 0x20 or ch in "\ufffe\uffff"))
    assert D._esc(text) == expected


def test_runs_with_tabs_missing_figures_and_special_characters_are_written_as_before(small):
    """Runs of every kind (lead, tab, missing figure, characters to escape) in one paragraph: the same
    WordprocessingML as the general run writer gives."""
    from editor.model import Block, Run

    block = Block(kind="item", level=2, runs=[Run(text="一是<加强>", role="lead"), Run(text="a\tb & c"),
                                              Run(text="【缺】", seg="missing"), Run(text=""), Run(text='"x"')])
    writer = D._BodyWriter(small, [block])
    expected = (f'<w:p><w:pPr><w:pStyle w:val="{F.PARAGRAPH_STYLES["body"][0]}"/></w:pPr>'
                + writer.run("一是<加强>", F.CHARACTER_STYLES["lead2"][0], False) + writer.run("a\tb & c", None, False)
                + writer.run("【缺】", None, True) + writer.run('"x"', None, False) + "</w:p>")
    assert writer.paragraph(block, 5, "") == expected
