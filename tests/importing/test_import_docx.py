"""Import of Word files: made by hand in Word style, made by pandoc, and our own export (round trip)."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH

from editor.importing import import_file
from editor.model import build_flow


def _flow(report):
    return [b.text for b in build_flow(report)]


def test_word_style_by_hand_no_heading_styles(tmp_path):
    doc = Document()
    for text in ("东莞市某某局", "关于2023年度法治政府建设情况的报告"):
        p = doc.add_paragraph(text)
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph("2023年，我局认真贯彻落实上级部署。现将有关情况报告如下：")
    doc.add_paragraph("一、主要举措和成效")
    doc.add_paragraph("（一）健全依法决策机制。制定重大行政决策事项目录，审查合同58份，同比增长16%。")
    doc.add_paragraph("1.规范程序。严格落实公众参与等程序。")
    doc.add_paragraph("2.强化审查。审查文件近200件。")
    doc.add_paragraph("（二）严格规范执法。开展执法检查。")
    doc.add_paragraph("一是开展专项整治，查处案件12宗；")
    doc.add_paragraph("二是加强培训，培训执法人员1100余人次。")
    doc.add_paragraph("二、党政主要负责人履行推进法治建设第一责任人职责情况")
    doc.add_paragraph("主要负责人认真履行第一责任人职责。")
    doc.add_paragraph("三、存在的不足和原因")
    doc.add_paragraph("执法队伍专业化水平有待提高。")
    doc.add_paragraph("四、2024年主要安排")
    doc.add_paragraph("（一）加强队伍建设。组织培训。")
    doc.add_paragraph("（二）推进数字法治。建设平台。")
    doc.add_paragraph("特此报告。")
    sig = doc.add_paragraph("东莞市某某局")
    sig.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    doc.add_paragraph("2024年1月20日")
    doc.add_paragraph("（此件公开发布）")
    path = tmp_path / "word.docx"
    doc.save(path)

    r = import_file(path).report
    assert r.title_lines == ["东莞市某某局", "关于2023年度法治政府建设情况的报告"]
    assert r.organisations == ["东莞市某某局"] and r.year == 2023
    assert [s.heading for s in r.sections] == [
        "主要举措和成效", "党政主要负责人履行推进法治建设第一责任人职责情况", "存在的不足和原因", "2024年主要安排"]
    assert [k.value for k in r.sections[1].kinds] == ["leadership"]
    assert [len(s.items) for s in r.sections] == [2, 0, 0, 2]
    first = r.sections[0].items[0]
    assert first.lead == "健全依法决策机制。" and [c.lead for c in first.children] == ["规范程序。", "强化审查。"]
    second = r.sections[0].items[1]
    # an enumeration run (一是/二是, one point per paragraph) stays in the item's body, every point alike
    assert second.children == []
    assert second.body == ["开展执法检查。", "一是开展专项整治，查处案件{{m:%s}}；" % r.metrics[2].id,
                           "二是加强培训，培训执法人员{{m:%s}}。" % r.metrics[3].id]
    assert r.sections[1].intro == ["主要负责人认真履行第一责任人职责。"]
    assert r.closing == ["特此报告。"]
    assert r.signature == ["东莞市某某局"] and r.date == dt.date(2024, 1, 20)
    assert r.notes == ["（此件公开发布）"]
    values = {m.value: m for m in r.metrics}
    assert values["58"].last_value == "50"
    assert values["200"].qualifier == "近" and values["1100"].qualifier == "余"


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc is not installed")
def test_pandoc_docx_with_heading_styles(tmp_path):
    md = tmp_path / "r.md"
    md.write_text(
        "---\ntitle: 某市人民政府2022年法治政府建设年度报告\n---\n\n"
        "2022年，市政府全面推进依法行政。\n\n"
        "# 推进政府职能转变\n\n"
        "## 深化放管服改革\n\n"
        "取消行政许可事项15项。\n\n"
        "## 优化营商环境\n\n"
        "新增市场主体2.3万户。\n\n"
        "# 加强行政执法监督\n\n"
        "## 开展执法评议\n\n"
        "评议案卷360宗。\n\n"
        "某市人民政府\n\n"
        "2023年2月10日\n",
        encoding="utf-8",
    )
    out = tmp_path / "pandoc.docx"
    subprocess.run(["pandoc", str(md), "-o", str(out)], check=True, timeout=120)
    r = import_file(out).report
    assert r.title == "某市人民政府2022年法治政府建设年度报告"
    assert r.organisations == ["某市人民政府"] and r.year == 2022
    assert [s.heading for s in r.sections] == ["推进政府职能转变", "加强行政执法监督"]
    assert [[i.lead for i in s.items] for s in r.sections] == [["深化放管服改革", "优化营商环境"], ["开展执法评议"]]
    assert all(not i.run_in for s in r.sections for i in s.items)
    assert r.sections[0].items[1].body == ["新增市场主体{{m:%s}}。" % r.metrics[1].id]
    assert r.preamble == ["2022年，市政府全面推进依法行政。"]
    assert r.signature == ["某市人民政府"] and r.date == dt.date(2023, 2, 10)
    assert _flow(r)[0] == "某市人民政府2022年法治政府建设年度报告"


def test_round_trip_through_our_export(tmp_path, seed_text):
    from editor.export import write_docx

    src = tmp_path / "seed.txt"
    src.write_text(seed_text, encoding="utf-8")
    first = import_file(src).report
    docx1 = write_docx(first, tmp_path / "one.docx")
    second = import_file(docx1).report
    assert _flow(second) == _flow(first)
    assert [(s.numbered, s.heading, len(s.items)) for s in second.sections] == [
        (s.numbered, s.heading, len(s.items)) for s in first.sections]
    assert [(m.value, m.unit, m.scale, m.qualifier, m.last_value, m.numerals) for m in second.metrics] == [
        (m.value, m.unit, m.scale, m.qualifier, m.last_value, m.numerals) for m in first.metrics]
    assert second.date == first.date and second.signature == first.signature
    docx2 = write_docx(second, tmp_path / "two.docx")
    third = import_file(docx2).report
    assert _flow(third) == _flow(first)


def _add_auto_numbering(doc) -> str:
    """Add a Word list: level 0 “一、” (chineseCounting), level 1 “（一）”, level 2 “1.”; return its numId."""
    from docx.oxml import parse_xml

    numbering = doc.part.numbering_part.element
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
        for i, (fmt, text) in enumerate((("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3.")))
    )
    numbering.insert(0, parse_xml(f'<w:abstractNum {w} w:abstractNumId="77">{levels}</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {w} w:numId="77"><w:abstractNumId w:val="77"/></w:num>'))
    return "77"


def _numbered(doc, text, num_id, ilvl):
    from docx.oxml import parse_xml

    p = doc.add_paragraph(text)
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    p._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {w}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))
    return p


def test_word_automatic_numbering_and_outline_levels(tmp_path):
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import parse_xml

    doc = Document()
    doc.add_paragraph("某区人民政府2023年法治政府建设年度报告")
    doc.add_paragraph("2023年，区政府扎实推进法治政府建设。")
    num = _add_auto_numbering(doc)
    _numbered(doc, "健全依法行政制度体系", num, 0)
    _numbered(doc, "加强规范性文件管理。审查文件30件。", num, 1)
    _numbered(doc, "清理文件。废止5件。", num, 2)
    _numbered(doc, "严格执法。开展检查。", num, 1)
    # a WPS-style custom heading style that carries only an outline level
    style = doc.styles.add_style("WPS一级", WD_STYLE_TYPE.PARAGRAPH)
    style.element.get_or_add_pPr().append(
        parse_xml('<w:outlineLvl xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:val="0"/>'))
    doc.add_paragraph("二、强化行政执法监督", style="WPS一级")
    doc.add_paragraph("（一）开展执法评议。评议案卷120宗。")
    doc.add_paragraph("某区人民政府")
    doc.add_paragraph("2024年1月10日")
    path = tmp_path / "auto.docx"
    doc.save(path)

    r = import_file(path).report
    assert [s.heading for s in r.sections] == ["健全依法行政制度体系", "强化行政执法监督"]
    first = r.sections[0]
    assert [i.lead for i in first.items] == ["加强规范性文件管理。", "严格执法。"]
    assert all(i.numbered for i in first.items)
    assert [c.lead for c in first.items[0].children] == ["清理文件。"]
    assert [i.lead for i in r.sections[1].items] == ["开展执法评议。"]
    assert r.signature == ["某区人民政府"] and r.date == dt.date(2024, 1, 10)
    flow = _flow(r)
    assert "一、健全依法行政制度体系" in flow and "（一）加强规范性文件管理。审查文件30件。" in flow
