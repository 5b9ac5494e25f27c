"""Structure the import recognises (issue 14): enumeration runs, closing paragraphs of a section and of the
report, the organisation when there is no title, the 版记, furniture, continuous 1. numbering, kinds; and
what the import found kept in the project, shown by ``check`` until dismissed. Also progress and 取消."""

from __future__ import annotations

import datetime as dt

import pytest
from docx import Document

from editor.checks import run_checks
from editor.importing import ImportCancelled, import_file
from editor.model import SectionKind, build_flow


def _imp(tmp_path, text: str, name: str = "r.txt", **kw):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return import_file(p, **kw)


HEAD = "某县司法局2023年法治政府建设年度报告\n2023年，我局坚持依法行政。现将有关情况报告如下：\n"
TAIL = "某县司法局\n2024年1月15日\n"


def test_enumeration_points_stay_in_the_body_whichever_way_they_are_written(tmp_path):
    r = _imp(tmp_path, HEAD + (
        "一、主要举措和成效\n"
        "（一）严格执法。一是开展专项整治；二是加强培训。\n"  # inline in the run-in paragraph
        "（二）强化监督。完善监督机制。\n"
        "一是开展案卷评查；二是推行说理式执法；\n"  # a paragraph starting 一是 with 二是 inline …
        "三是加强应诉工作。\n"  # … and 三是 in the next paragraph (the case)
        "（三）加强培训\n"
        "第一，组织专题培训；\n第二，开展以案释法。\n"
        "二、存在的不足和原因\n"
        "首先，认识不到位；\n其次，力量薄弱。\n"
    ) + TAIL, metrics=False).report
    s1, s2 = r.sections
    a, b, c = s1.items
    assert a.children == [] and a.body == ["一是开展专项整治；二是加强培训。"]
    assert b.children == [] and b.body == ["完善监督机制。", "一是开展案卷评查；二是推行说理式执法；", "三是加强应诉工作。"]
    assert c.children == [] and c.lead == "加强培训" and not c.run_in
    assert c.body == ["第一，组织专题培训；", "第二，开展以案释法。"]
    assert s2.items == [] and s2.intro == ["首先，认识不到位；", "其次，力量薄弱。"]
    # the export shows the points as body paragraphs, each like its neighbours
    flow = build_flow(r)
    kinds = {blk.text: blk.kind for blk in flow}
    assert kinds["一是开展案卷评查；二是推行说理式执法；"] == kinds["三是加强应诉工作。"] == "body"
    assert kinds["第一，组织专题培训；"] == kinds["第二，开展以案释法。"] == "body"


def test_closing_paragraphs_of_a_section_and_of_the_report(tmp_path):
    r = _imp(tmp_path, HEAD + (
        "一、坚持依法行政\n"
        "（一）完善制度。制定办法3部。\n"
        "（二）规范执法。开展检查。\n"
        "这一段没有结尾的用语，仍是上一项的正文。\n"
        "下一步，我局将继续完善执法制度。\n"
        "今后还将加强培训。\n"
        "二、加强普法\n"
        "（一）开展宣传。举办活动12场次。\n"
        "总之，我局法治政府建设取得了新成效。\n"
        "特此报告。\n"
    ) + TAIL, metrics=False).report
    s1, s2 = r.sections
    assert s1.items[1].body == ["开展检查。", "这一段没有结尾的用语，仍是上一项的正文。"]
    assert s1.outro == ["下一步，我局将继续完善执法制度。", "今后还将加强培训。"]
    assert SectionKind.PLANS in s1.kinds  # a plans-like closing counts as the plans kind
    assert s2.outro == [] and r.closing == ["总之，我局法治政府建设取得了新成效。", "特此报告。"]
    assert all(not b.startswith(("下一步", "总之")) for _s, ch in r.iter_items() for b in ch[-1].body)
    # the flow (export and preview) prints the closing after the section's items, in body style
    flow = build_flow(r)
    texts = [blk.text for blk in flow]
    i = texts.index("下一步，我局将继续完善执法制度。")
    assert texts[i - 1] == "这一段没有结尾的用语，仍是上一项的正文。" and flow[i].kind == "body"
    assert texts[i + 2].startswith("二、")
    kinds = {f.kind for f in r.import_findings}
    assert "unsure" in kinds  # the guess is listed for the user to verify


def test_outro_in_the_exported_word_file(tmp_path):
    from editor.export import write_docx

    r = _imp(tmp_path, HEAD + "一、坚持依法行政\n（一）完善制度。制定办法3部。\n下一步，我局将继续完善制度。\n特此报告。\n" + TAIL,
             metrics=False).report
    path = write_docx(r, tmp_path / "out.docx")
    paras = [p for p in Document(str(path)).paragraphs if p.text.strip()]
    texts = [p.text for p in paras]
    i = texts.index("下一步，我局将继续完善制度。")
    assert texts[i - 1] == "（一）完善制度。制定办法3部。" and texts[i + 1] == "特此报告。"
    assert paras[i].style.name == paras[i + 1].style.name  # body style, like the closing


def test_title_from_signature_or_preamble_when_the_source_has_none(tmp_path):
    body = "一、主要举措和成效\n（一）完善制度。制定办法3部。\n"
    r = _imp(tmp_path, "2022年，明湖市司法局坚持依法行政。\n" + body + "明湖市司法局\n2023年1月10日\n").report
    assert r.organisations == ["明湖市司法局"] and r.year == 2022
    assert r.title == "明湖市司法局2022年法治政府建设年度报告" and r.title_override == ""
    assert not [f for f in run_checks(r) if f.code == "title.org_mismatch"]
    r2 = _imp(tmp_path, "2022年，江屿市司法局坚持依法行政，取得成效。\n" + body + "2023年1月10日\n", "b.txt").report
    assert r2.organisations == ["江屿市司法局"] and r2.title.startswith("江屿市司法局2022年")


@pytest.mark.parametrize("colophon", [
    "抄送：市委依法治市办，省司法厅。\n某县司法局办公室     2024年1月16日印发\n",
    "抄送：市委依法治市办，省司法厅。\n某县司法局办公室\n2024年1月16日印发\n",
])
def test_colophon_kept_in_the_formal_fields(tmp_path, colophon):
    result = _imp(tmp_path, HEAD + "一、主要举措\n（一）完善制度。制定办法3部。\n特此报告。\n" + TAIL
                  + "（此件公开发布）\n" + colophon)
    f = result.report.formal
    assert f.cc == "市委依法治市办，省司法厅"
    assert f.printer == "某县司法局办公室" and f.print_date == dt.date(2024, 1, 16)
    assert result.report.notes == ["（此件公开发布）"]
    assert not any("抄送" in d or "印发" in d for d in result.dropped)
    assert any("版记" in line for line in result.summary_lines())
    flow = build_flow(result.report, "formal")
    assert any(b.kind == "colophon_cc" and "省司法厅" in b.text for b in flow)


def test_furniture_is_only_what_cannot_be_document_text(tmp_path):
    result = _imp(tmp_path, "首页 > 政务公开 > 法治政府建设\n" + HEAD + (
        "一、主要举措\n"
        "（一）推行二维码亮证执法。执法人员扫一扫即可亮证。\n"
        "（二）规范版权所有权登记。开展登记服务。\n"
    ) + TAIL + "扫一扫在手机打开当前页\n网站地图 | 联系我们\n")
    r = result.report
    assert [i.lead for i in r.sections[0].items] == ["推行二维码亮证执法。", "规范版权所有权登记。"]
    assert "扫一扫在手机打开当前页" in result.dropped and "首页 > 政务公开 > 法治政府建设" in result.dropped
    stored = [f for f in r.import_findings if f.kind == "dropped"]
    assert len(stored) == 1 and "扫一扫在手机打开当前页" in stored[0].excerpt


def test_continuous_level3_numbering_is_a_style_not_a_gap(tmp_path):
    r = _imp(tmp_path, HEAD + (
        "一、主要举措\n（一）加强领导\n1.研究部署。开会4次。\n2.强化考核。纳入考核。\n"
        "（二）履行职能\n3.深化改革。精简材料。\n5.优化环境。审查政策。\n"
    ) + TAIL, metrics=False).report
    assert r.format.continuous_level3
    numbering = [f for f in r.import_findings if f.kind == "numbering"]
    assert len(numbering) == 1 and "缺少4." in numbering[0].message  # 3. then 5.: a real gap


def test_kinds_inferred_from_headings_and_leads(tmp_path):
    r = _imp(tmp_path, HEAD + (
        "一、2023年推进法治政府建设的主要举措和成效\n"
        "（一）党政主要负责人履行推进法治建设第一责任人职责情况。带头学法。\n"
        "（二）查找问题。开展自查。\n"
        "二、存在的问题和不足\n基层力量薄弱。\n"
        "三、2024年工作计划\n（一）加强培训。组织培训。\n"
        "四、其他需要报告的事项\n无。\n"
    ) + TAIL, metrics=False).report
    assert [[k.value for k in s.kinds] for s in r.sections] == [["measures"], ["shortcomings"], ["plans"], ["other"]]
    assert [[k.value for k in i.kinds] for i in r.sections[0].items] == [["leadership"], []]
    assert not [f for f in run_checks(r) if f.code == "content.missing_kind"]


def test_findings_kept_in_the_project_and_shown_by_check_until_dismissed(tmp_path, seed_text):
    from editor import cli
    from editor.storage import read_project, write_project

    result = _imp(tmp_path, seed_text, "seed.txt")
    r = result.report
    kinds = {f.kind for f in r.import_findings}
    assert {"numbering", "punctuation", "dropped", "unsure"} <= kinds
    punct = [f for f in r.import_findings if f.kind == "punctuation"]
    assert sum(int(f.message.split("有")[1].split("处")[0]) for f in punct) == result.punctuation_changes
    assert any("2022年,东莞市司法局" in f.message for f in punct)  # the place, as the source had it
    path = tmp_path / "seed.fzbg"
    write_project(path, r)
    loaded = read_project(path)
    assert loaded.import_findings == r.import_findings
    codes = [f.code for f in run_checks(loaded)]
    assert codes.count("import.numbering") == 1 and codes.count("import.punctuation") == len(punct)
    gap = next(f for f in run_checks(loaded) if f.code == "import.numbering")
    assert gap.ref is not None and gap.where.startswith("五、") and "缺少（三）" in gap.message
    # the command line shows them too
    assert cli.main(["check", str(path)]) in (0, 1)
    # dismissed: no longer shown
    for f in loaded.import_findings:
        f.dismissed = True
    assert not [f for f in run_checks(loaded) if f.code.startswith("import.")]


def test_cli_check_lists_import_findings(tmp_path, seed_text, capsys):
    from editor import cli

    src = tmp_path / "seed.txt"
    src.write_text(seed_text, encoding="utf-8")
    out = tmp_path / "seed.fzbg"
    assert cli.main(["import", str(src), "-o", str(out)]) == 0
    capsys.readouterr()
    cli.main(["check", str(out)])
    text = capsys.readouterr().out
    assert "缺少（三）" in text and "半角标点" in text


def test_progress_reported_and_cancel_stops(tmp_path, seed_text):
    src = tmp_path / "long.txt"
    body = "\n".join(f"（{'一二三四五六七八九'[i % 9]}）加强第{i}项工作。完成任务{i % 90 + 10}件。" for i in range(6000))
    src.write_text(HEAD + "一、主要工作\n" + body + "\n" + TAIL, encoding="utf-8")
    seen: list[tuple[float, str]] = []
    import_file(src, progress=lambda f, stage: seen.append((f, stage)))
    fractions = [f for f, _s in seen]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0 and len(seen) > 5
    assert {"读取文件", "转换标点", "识别结构", "识别数字", "生成指标"} <= {s for _f, s in seen}
    calls = []

    def cancelled():
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(ImportCancelled) as err:
        import_file(src, cancelled=cancelled)
    assert "取消" in str(err.value)
    assert len(calls) == 4  # it stopped at the first check after the flag turned True


def test_word_file_with_runs_closing_and_colophon(tmp_path):
    """The same recognition from a Word file: no title line, 一是 points, a closing, the 版记."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    doc = Document()
    for text in ("2023年，松川县司法局坚持依法行政。现将有关情况报告如下：", "一、主要举措和成效",
                 "（一）严格执法。开展专项检查。", "一是查处案件12宗；二是开展培训。", "三是完善制度。",
                 "（二）党政主要负责人履行推进法治建设第一责任人职责。主要负责人带头学法。",
                 "下一步，我局将持续推进严格规范公正文明执法。", "二、存在的不足和原因", "基层力量薄弱。", "特此报告。"):
        doc.add_paragraph(text)
    doc.add_paragraph("松川县司法局").alignment = WD_ALIGN_PARAGRAPH.RIGHT
    doc.add_paragraph("2024年1月20日")
    doc.add_paragraph("抄送：县委依法治县办。")
    doc.add_paragraph("松川县司法局办公室    2024年1月22日印发")
    path = tmp_path / "w.docx"
    doc.save(path)
    r = import_file(path, metrics=False).report
    assert r.title == "松川县司法局2023年法治政府建设年度报告" and r.signature == ["松川县司法局"]
    s1, s2 = r.sections
    assert s1.items[0].body == ["开展专项检查。", "一是查处案件12宗；二是开展培训。", "三是完善制度。"]
    assert s1.items[0].children == []
    assert s1.items[1].kinds == [SectionKind.LEADERSHIP]
    assert s1.outro == ["下一步，我局将持续推进严格规范公正文明执法。"] and SectionKind.PLANS in s1.kinds
    assert s2.kinds == [SectionKind.SHORTCOMINGS] and r.closing == ["特此报告。"]
    assert (r.formal.cc, r.formal.printer, r.formal.print_date) == ("县委依法治县办", "松川县司法局办公室",
                                                                    dt.date(2024, 1, 22))
