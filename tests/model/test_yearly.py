"""Roll-over to the next year, then filling in the new figures."""

from __future__ import annotations

import datetime as dt

from editor import cli
from editor.importing import import_file
from editor.model import Metric, Report, Section, Item, render_text
from editor.model.yearly import rollover
from editor.storage import read_project, write_project


def _seed_report(tmp_path, seed_text):
    p = tmp_path / "seed.txt"
    p.write_text(seed_text, encoding="utf-8")
    return import_file(p).report


def test_rollover_fields(tmp_path, seed_text):
    r = _seed_report(tmp_path, seed_text)
    r.formal.doc_number = "东司〔2023〕5号"
    r.formal.print_date = dt.date(2023, 1, 30)
    before = r.model_dump()
    nxt = rollover(r)
    assert r.model_dump() == before  # the original is untouched
    assert nxt.year == 2023 and nxt.title == "东莞市司法局2023年法治政府建设年度报告"
    assert nxt.date is None and nxt.publication_date is None and nxt.formal.print_date is None
    assert nxt.formal.doc_number == "东司〔2024〕号"
    assert len(nxt.metrics) == len(r.metrics)
    for old, new in zip(r.metrics, nxt.metrics, strict=True):
        assert new.id == old.id and new.value is None and new.last_value == old.value
    assert all(s.needs_revision for s in nxt.sections)
    assert all(chain[-1].needs_revision for _s, chain in nxt.iter_items())
    assert [t for _r, t in nxt.text_fields()] == [t for _r, t in r.text_fields()]  # text kept
    # every figure is now to be filled: tokens render as 待填 markers
    text = "\n".join(render_text(t, nxt.metrics) for _r, t in nxt.text_fields())
    assert text.count("【待填：") >= len(nxt.metrics)


def test_rollover_override_title_years_bumped():
    r = Report(organisations=["某局"], year=2022, title_override="某局\n关于2022年度法治政府建设情况的报告")
    nxt = rollover(r)
    assert nxt.title_lines == ["某局", "关于2023年度法治政府建设情况的报告"]


def test_rollover_then_fill_change_computes(tmp_path):
    m = Metric(id="m-fy", label="收办行政复议申请", value="1240", unit="件")
    item = Item(lead="做好行政复议。", body=["收办行政复议申请{{m:m-fy}}，{{chg:m-fy}}。"])
    r = Report(organisations=["某局"], year=2022, sections=[Section(heading="工作", items=[item])], metrics=[m])
    nxt = rollover(r)
    text = nxt.sections[0].items[0].body[0]
    assert render_text(text, nxt.metrics) == "收办行政复议申请【待填：收办行政复议申请】，【待填：收办行政复议申请】。"
    nxt.metrics[0].value = "2041"
    assert render_text(text, nxt.metrics) == "收办行政复议申请2041件，同比增长64.6%。"


def test_rollover_cli(tmp_path, seed_text):
    src = tmp_path / "a.fzbg"
    write_project(src, _seed_report(tmp_path, seed_text), backup=False)
    out = tmp_path / "b.fzbg"
    assert cli.main(["rollover", str(src), "-o", str(out)]) == 0
    nxt = read_project(out)
    assert nxt.year == 2023
    m = next(m for m in nxt.metrics if m.last_value == "2041")
    m.value = "2500"
    assert "同比增长22.5%" in "".join(render_text(t, nxt.metrics) for _r, t in nxt.text_fields())
    assert cli.main(["rollover", str(src), "-o", str(out)]) == 1  # exists, no --force
