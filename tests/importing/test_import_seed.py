"""Import of the seed web-page text (Dongguan Justice Bureau 2022) and of encodings."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from editor.importing import import_file
from editor.model import build_flow, render_text
from editor.model.tokens import TOKEN_RE


@pytest.fixture
def seed_file(tmp_path, seed_text):
    p = tmp_path / "seed.txt"
    p.write_text(seed_text, encoding="utf-8")
    return p


def _flow_text(report):
    return [b.text for b in build_flow(report)]


def test_seed_structure(seed_file):
    result = import_file(seed_file)
    r = result.report
    numbered = [s for s in r.sections if s.numbered]
    assert [len(s.items) for s in numbered] == [3, 3, 2, 4, 4, 3]
    assert numbered[0].heading.startswith("深入学习贯彻党的二十大精神")
    unnumbered = [s for s in r.sections if not s.numbered]
    assert len(unnumbered) == 1 and r.sections[-1] is unnumbered[0]
    short = unnumbered[0]
    assert short.intro[0].startswith("2022年，我局在推进法治政府建设上持续发力")
    assert len(short.items) == 3 and short.items[0].lead == "进一步加大全面依法治市统筹力度。"
    assert "shortcomings" in [k.value for k in short.kinds]
    assert r.signature == ["东莞市司法局"]
    assert r.date == dt.date(2023, 1, 28)
    assert r.publication_date == dt.date(2023, 2, 6)
    assert r.organisations == ["东莞市司法局"] and r.year == 2022
    assert r.title == "东莞市司法局2022年法治政府建设年度报告"
    assert len(r.preamble) == 1 and r.preamble[0].endswith("现将有关情况报告如下：")
    # run-in lead sentence: the first sentence up to 。
    first = numbered[0].items[0]
    assert first.lead == "全面准确学习领会党的二十大精神。" and first.run_in
    assert first.body[0].startswith("坚持以习近平新时代")


def test_seed_furniture_dropped_and_listed(seed_file):
    result = import_file(seed_file)
    dropped = "\n".join(result.dropped)
    for piece in ("您现在所在的位置", "分享到", "2023-02-06 16:12:18", "来源", "ICP备案号", "联系电话", "站长统计", "扫一扫"):
        assert piece in dropped
    text = "\n".join(_flow_text(result.report))
    for piece in ("ICP", "分享到", "首页 >", "站长统计", "来源:"):
        assert piece not in text
    assert any("网页内容" in line for line in result.summary_lines())


def test_seed_numbering_finding(seed_file):
    result = import_file(seed_file)
    skips = [f for f in result.findings if f.code == "numbering-skip"]
    assert len(skips) == 1
    msg = skips[0].message
    assert "第五部分" in msg and "缺少（三）" in msg and "（四）" in msg
    node = result.report.find_node(skips[0].node)
    assert node.lead == "加强法律援助服务保障。"
    assert any("缺少（三）" in line for line in result.summary_lines())


def test_punctuation_converted_and_counted(seed_file, seed_text):
    result = import_file(seed_file, metrics=False)
    text = "\n".join(_flow_text(result.report))
    body = text.split("\n", 2)[2]
    assert not re.search(r"[\u4e00-\u9fff][,:;()]|[,:;()][\u4e00-\u9fff]", body)
    assert "（一）" in text and "2022年，东莞市司法局" in text
    assert "共27项" in text  # spaces between figures and Chinese removed
    assert '"' not in body and "行政执法“三项制度”" in body
    # about 240 marks are half-width in the web copy
    assert result.punctuation_changes > 200
    kept = import_file(seed_file, metrics=False, keep_punctuation=True)
    assert kept.punctuation_changes == 0
    assert "2022年,东莞市司法局" in "\n".join(_flow_text(kept.report))


def test_figures_become_metrics_text_unchanged(seed_file):
    plain = import_file(seed_file, metrics=False)
    with_metrics = import_file(seed_file)
    r = with_metrics.report
    assert _flow_text(r) == _flow_text(plain.report)
    # every field renders back to the plain import, character for character
    plain_fields = [t for _ref, t in plain.report.text_fields()]
    assert [render_text(t, r.metrics) for _ref, t in r.text_fields()] == plain_fields
    assert len(r.metrics) >= 55
    tokens = sum(len(TOKEN_RE.findall(t)) for _ref, t in r.text_fields())
    assert tokens >= len(r.metrics)
    by = {}
    for m in r.metrics:
        from editor.model import format_value

        by[format_value(m)] = m
    m2041 = by["2041件"]
    assert m2041.last_value == "1240" and m2041.change_prefix == "同比"
    assert by["75.46%"].is_rate
    assert by["近5.9万宗"].qualifier == "近" and by["近5.9万宗"].scale == "万" and by["近5.9万宗"].value == "5.9"
    assert by["逾千家"].numerals == "chinese" and by["逾千家"].value == "1000"
    assert by["2万多人次"].qualifier == "多" and by["2万多人次"].unit == "人次"
    assert by["约96.17亿元"].value == "96.17"
    assert by["1402宗"].last_value == "677"
    # the change phrase is a token too
    field_text = next(t for _ref, t in r.text_fields() if "收办行政复议申请" in t)
    assert "{{chg:%s}}" % m2041.id in field_text
    assert "同比增长64.6%" in render_text(field_text, r.metrics)
    # things that are not figures stay text
    all_text = "\n".join(t for _ref, t in r.text_fields())
    for literal in ("2022年", "第六次", "第四卷", "二十大", "“七五”", "“八五”", "2023年度"):
        assert literal in all_text


def test_gbk_and_bom_copies(tmp_path, seed_text):
    ref = _flow_text(import_file(_write(tmp_path / "u.txt", seed_text.encode("utf-8"))).report)
    for name, data in (
        ("gbk.txt", seed_text.encode("gbk", errors="replace")),
        ("gb18030.txt", seed_text.encode("gb18030")),
        ("bom.txt", b"\xef\xbb\xbf" + seed_text.encode("utf-8")),
    ):
        result = import_file(_write(tmp_path / name, data))
        got = _flow_text(result.report)
        if name == "gbk.txt":
            # GBK cannot hold the web page's "•" bullet line's NBSP; the report itself is identical
            assert [len(s.items) for s in result.report.sections] == [3, 3, 2, 4, 4, 3, 3]
        assert got == ref, name


def _write(path, data: bytes):
    path.write_bytes(data)
    return path


def test_markdown_with_heading_marks(tmp_path):
    md = (
        "# 某县司法局2023年法治政府建设年度报告\n\n"
        "2023年，我局坚持依法行政。现将有关情况报告如下：\n\n"
        "## 一、主要举措和成效\n\n"
        "（一）**健全制度。**制定规范性文件12件，同比增长20%。\n\n"
        "1.完善程序。修订办法3部。\n\n"
        "2.加强审查。审查文件45件。\n\n"
        "（二）强化监督。一是抓督察。二是抓考评。\n\n"
        "## 二、存在的不足和原因\n\n"
        "基层力量薄弱。\n\n"
        "## 三、2024年主要安排\n\n"
        "（一）继续推进。加强培训。\n\n"
        "某县司法局\n\n2024年1月15日\n"
    )
    p = tmp_path / "r.md"
    p.write_text(md, encoding="utf-8")
    r = import_file(p).report
    assert r.organisations == ["某县司法局"] and r.year == 2023
    assert [s.heading for s in r.sections] == ["主要举措和成效", "存在的不足和原因", "2024年主要安排"]
    assert [k.value for k in r.sections[1].kinds] == ["shortcomings"]
    assert "plans" in [k.value for k in r.sections[2].kinds]
    it = r.sections[0].items[0]
    assert it.lead == "健全制度。" and [c.lead for c in it.children] == ["完善程序。", "加强审查。"]
    assert r.sections[1].intro == ["基层力量薄弱。"]
    assert r.date == dt.date(2024, 1, 15) and r.signature == ["某县司法局"]
    m = next(m for m in r.metrics if m.value == "12")
    assert m.last_value == "10"


def test_seed_matches_the_hand_built_sample(seed_file):
    """The lead's sample project models the same report by hand: same rendered text, same figures."""
    from collections import Counter

    from editor.model import format_value
    from editor.templates import load_template

    sample = load_template("sample-dongguan-2022")
    r = import_file(seed_file).report
    assert _flow_text(r) == _flow_text(sample)
    ours = Counter(m.value for m in r.metrics)
    theirs = Counter(m.value for m in sample.metrics)
    # the sample also counts "十件实事" (a bare Chinese numeral, which import leaves as text)
    assert theirs - ours == Counter({"10": 1}) and not ours - theirs
    changes = {format_value(m): m.last_value for m in r.metrics if m.last_value}
    assert changes == {m_v: m.last_value for m in sample.metrics if m.last_value for m_v in [format_value(m)]}


def test_cli_import_writes_project_and_summary(tmp_path, seed_file, capsys):
    from editor import cli
    from editor.storage import read_project

    out = tmp_path / "seed.fzbg"
    assert cli.main(["import", str(seed_file), "-o", str(out)]) == 0
    text = capsys.readouterr().out
    assert "缺少（三）" in text and "网页内容" in text and "已导入到" in text
    r = read_project(out)
    assert len(r.metrics) >= 55
    plain = tmp_path / "plain.fzbg"
    assert cli.main(["import", str(seed_file), "-o", str(plain), "--no-metrics", "--keep-punctuation"]) == 0
    p = read_project(plain)
    assert p.metrics == [] and "2022年,东莞市司法局" in p.preamble[0]
    assert cli.main(["import", str(seed_file), "-o", str(out)]) == 1  # exists without --force


def test_missing_title_date_signature_are_findings(tmp_path, seed_text):
    p = tmp_path / "bare.txt"
    p.write_text("一、主要工作\n（一）加强学习。组织学习12场次。\n（二）完善制度。\n", encoding="utf-8")
    result = import_file(p)
    codes = {f.code for f in result.findings}
    assert codes == {"no-title", "no-date", "no-signature"}
    seed_codes = {f.code for f in import_file(_write(tmp_path / "s.txt", seed_text.encode("utf-8"))).findings}
    assert seed_codes == {"numbering-skip"}

