"""PreviewWidget: official layout, incremental refresh, click-to-select, page numbers."""

from __future__ import annotations

import datetime

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QFontDatabase, QImage

from editor.model import FieldRef, Item, Metric, Report, Section, build_flow, iter_text_fields, metric_token
from editor.templates import load_template
from editor.ui.commands import InsertNodeCommand, MoveNodeCommand, RemoveNodeCommand
from editor.ui.document import ReportDocument
from editor.ui import preview as pv
from editor.ui.preview import PreviewWidget


@pytest.fixture
def sample_doc(qtbot):
    return ReportDocument(load_template("sample-dongguan-2022"))


def make_preview(qtbot, doc) -> PreviewWidget:
    w = PreviewWidget(doc)
    qtbot.addWidget(w)
    w.resize(700, 900)
    return w


def text_of_document(w: PreviewWidget) -> list[str]:
    doc = w.text_document()
    return [doc.findBlockByNumber(i).text() for i in range(doc.blockCount())]


def test_preview_shows_the_flow_paragraph_for_paragraph(qtbot, sample_doc):
    w = make_preview(qtbot, sample_doc)
    flow = build_flow(sample_doc.report)
    assert text_of_document(w) == [b.text for b in flow]
    assert w.page_count() == w.text_document().pageCount() >= 5


def test_page_geometry_and_lines_per_page(qtbot, sample_doc):
    w = make_preview(qtbot, sample_doc)
    text = w.text_document()
    layout = text.documentLayout()
    # The text block is 156 x 225 mm in points (x layout units per point).
    assert text.pageSize().width() == pytest.approx(156 / 25.4 * 72 * pv.U, rel=1e-3)
    assert text.pageSize().height() == pytest.approx(225 / 25.4 * 72 * pv.U, rel=1e-3)
    # Every line of a body paragraph advances exactly 28.95 pt, and 22 lines fill a page.
    body = next(b for b in range(text.blockCount()) if w.blocks()[b].kind == "body"
                and text.findBlockByNumber(b).layout().lineCount() >= 3)
    block = text.findBlockByNumber(body)
    lines = [block.layout().lineAt(i) for i in range(block.layout().lineCount())]
    steps = [lines[i + 1].position().y() - lines[i].position().y() for i in range(len(lines) - 1)]
    assert steps == [pytest.approx(28.95 * pv.U, abs=1 / 64)] * len(steps)  # Qt keeps 1/64 unit precision
    assert int(text.pageSize().height() // (28.95 * pv.U)) == 22
    # The first line is indented two characters (32 pt).
    assert lines[0].position().x() == pytest.approx(32 * pv.U, abs=0.5)
    # 28 characters fit on a full body line (second line has no indent).
    assert lines[1].textLength() == 28
    # Pagination: no line crosses a page boundary.
    page_h = text.pageSize().height()
    for b in range(text.blockCount()):
        blk = text.findBlockByNumber(b)
        top = layout.blockBoundingRect(blk).top()
        for i in range(blk.layout().lineCount()):
            line = blk.layout().lineAt(i)
            y0 = top + line.position().y()  # the line's text box lies on one page
            assert int(max(y0, 0) // page_h) == int((y0 + line.height() - 0.01) // page_h)


def test_fonts_sizes_and_roles(qtbot, sample_doc):
    w = make_preview(qtbot, sample_doc)
    text = w.text_document()
    installed = set(QFontDatabase.families())
    kinds = {}
    for i, b in enumerate(w.blocks()):
        kinds.setdefault(b.kind, i)
    def first_format(i):
        blk = text.findBlockByNumber(i)
        return blk.begin().fragment().charFormat()
    title = first_format(kinds["title"])
    assert title.fontPointSize() == 22
    assert text.findBlockByNumber(kinds["title"]).blockFormat().alignment() & Qt.AlignmentFlag.AlignHCenter
    body = first_format(kinds["body"])
    assert body.fontPointSize() == 16
    assert body.fontFamilies()[0] in installed
    h1 = first_format(kinds["heading1"])
    assert h1.fontFamilies()[0] == pv.preview_family("黑体")
    # The run-in lead of a level-2 item is in the 楷体 look-alike, its body in the 仿宋 look-alike.
    item_i = kinds["item"]
    blk = text.findBlockByNumber(item_i)
    families = []
    it = blk.begin()
    while not it.atEnd():
        families.append(it.fragment().charFormat().fontFamilies()[0])
        it += 1
    assert families[0] == pv.preview_family("楷体_GB2312")
    assert families[-1] == pv.preview_family("仿宋_GB2312")
    assert pv.preview_family("楷体_GB2312") != pv.preview_family("黑体")


def test_metric_values_and_missing_markers_are_highlighted(qtbot):
    m1 = Metric(label="收办行政复议申请", value="2041", unit="件", last_value="1240")
    m2 = Metric(label="出庭率", value=None, unit="%")
    report = Report(organisations=["测试局"], sections=[Section(heading="测试", items=[
        Item(lead="一句话。", body=[f"收办{metric_token(m1.id)}，{{{{chg:{m1.id}}}}}，出庭率{metric_token(m2.id)}。"])])],
        metrics=[m1, m2])
    doc = ReportDocument(report)
    w = make_preview(qtbot, doc)
    text = w.text_document()
    found = {}
    for i in range(text.blockCount()):
        it = text.findBlockByNumber(i).begin()
        while not it.atEnd():
            f = it.fragment()
            found[f.text()] = f.charFormat().background().color()
            it += 1
    assert found["2041件"] == pv.METRIC_BG
    assert found["同比增长64.6%"] == pv.CHANGE_BG
    assert found["【待填：出庭率】"] == pv.MISSING_BG


def test_edit_refreshes_debounced_and_incrementally(qtbot, sample_doc):
    w = make_preview(qtbot, sample_doc)
    item = sample_doc.report.sections[2].items[0]
    ref = FieldRef(item.id, "body", 0)
    sample_doc.set_field(ref, item.body[0] + "新增的句子。")
    assert w.refresh_pending()
    with qtbot.waitSignal(w.refreshed, timeout=2000):
        pass
    first, rewritten = w.last_changed
    assert rewritten == 1
    assert w.blocks()[first].ref == FieldRef(item.id, "lead")  # the run-in paragraph of that item
    assert text_of_document(w) == [b.text for b in build_flow(sample_doc.report)]
    # Undo goes back to the original text, also incrementally.
    sample_doc.undo_stack.undo()
    w.refresh_now()
    assert w.last_changed[1] == 1
    assert text_of_document(w) == [b.text for b in build_flow(sample_doc.report)]


def test_structure_edits_keep_document_equal_to_flow(qtbot, sample_doc):
    w = make_preview(qtbot, sample_doc)
    report = sample_doc.report
    steps = [
        lambda: sample_doc.push(InsertNodeCommand(sample_doc, report.sections[0].id, 0, Item(lead="新的第一项。", body=["内容。"]))),
        lambda: sample_doc.push(MoveNodeCommand(sample_doc, report.sections[-1].id, "report", 0)),
        lambda: sample_doc.push(RemoveNodeCommand(sample_doc, report.sections[1].id)),
        lambda: sample_doc.push(InsertNodeCommand(sample_doc, "report", len(report.sections), Section(heading="最后一节"))),
        lambda: sample_doc.set_field(FieldRef("report", "preamble", 0), "开头改了。"),
        lambda: sample_doc.set_field(FieldRef("report", "signature", 0), "东莞市司法局（盖章）"),
    ]
    for step in steps:
        step()
        w.refresh_now()
        assert text_of_document(w) == [b.text for b in build_flow(report)]
    while sample_doc.undo_stack.canUndo():
        sample_doc.undo_stack.undo()
        w.refresh_now()
        assert text_of_document(w) == [b.text for b in build_flow(report)]


def test_metric_value_change_updates_every_sentence(qtbot):
    m = Metric(label="培训", value="2.5", scale="万", unit="人次")
    report = Report(sections=[Section(heading=f"培训{metric_token(m.id)}", items=[
        Item(lead="甲。", body=[f"培训{metric_token(m.id)}。"]), Item(lead="乙。", body=[f"再次培训{metric_token(m.id)}。"])])],
        metrics=[m])
    doc = ReportDocument(report)
    w = make_preview(qtbot, doc)
    assert sum("2.5万人次" in t for t in text_of_document(w)) == 3
    doc.set_field(FieldRef(m.id, "value"), "3.1", merge=False)
    w.refresh_now()
    texts = text_of_document(w)
    assert sum("3.1万人次" in t for t in texts) == 3 and not any("2.5万" in t for t in texts)


def test_page_count_signal(qtbot):
    report = Report(organisations=["测试局"], sections=[Section(heading="一节", items=[Item(lead="短。", body=["短。"])])])
    doc = ReportDocument(report)
    w = make_preview(qtbot, doc)
    assert w.page_count() == 1
    with qtbot.waitSignal(w.pageCountChanged, timeout=3000) as blocker:
        doc.set_field(FieldRef(report.sections[0].items[0].id, "body", 0), "很长的正文。" * 400)
    assert blocker.args[0] == w.page_count() > 1
    assert w.page_count() == w.text_document().pageCount()


def test_click_on_paragraph_emits_its_ref(qtbot, sample_doc):
    w = make_preview(qtbot, sample_doc)
    w.show()
    qtbot.waitExposed(w)
    canvas = w.canvas
    text = w.text_document()
    # Pick a level-2 item paragraph on page 1 and click in the middle of its first line.
    index = next(i for i, b in enumerate(w.blocks()) if b.kind == "item")
    blk = text.findBlockByNumber(index)
    rect = text.documentLayout().blockBoundingRect(blk)
    k = canvas.px_per_pt()
    origin = canvas.page_origin(0)
    x = origin.x() + (pv.MARGIN_LEFT_PT + 100) * k
    y = origin.y() + (pv.MARGIN_TOP_PT + rect.top() / pv.U + 14) * k
    w.ensureVisible(int(x), int(y))
    with qtbot.waitSignal(w.blockActivated, timeout=1000) as blocker:
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=QPoint(int(x), int(y)))
    assert blocker.args[0] == w.blocks()[index].ref
    assert blocker.args[0].node == sample_doc.report.sections[0].items[0].id


def test_page_numbers_odd_right_even_left(qtbot, sample_doc):
    w = make_preview(qtbot, sample_doc)
    canvas = w.canvas
    canvas.zoom = 1.0
    canvas.relayout(w.page_count())
    k = canvas.px_per_pt()
    page_w, page_h = int(pv.PAGE_W_PT * k), int(pv.PAGE_H_PT * k)
    for page in (0, 1):
        image = QImage(page_w, page_h, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        from PySide6.QtGui import QPainter
        painter = QPainter(image)
        origin = canvas.page_origin(page)
        painter.translate(-origin.x(), -origin.y())
        canvas.paint_page(painter, page)
        painter.end()
        # Dark pixels in the band 5-10 mm below the text block are the page number.
        y0 = int((pv.MARGIN_TOP_PT + pv.TEXT_H_PT + 3 * pv.MM) * k)
        y1 = int((pv.MARGIN_TOP_PT + pv.TEXT_H_PT + 11 * pv.MM) * k)
        xs = [x for y in range(y0, y1) for x in range(page_w) if QColor(image.pixel(x, y)).value() < 100]
        assert xs, "no page number drawn"
        centre = (min(xs) + max(xs)) / 2
        if page == 0:
            assert centre > page_w * 0.6  # odd page: right
            assert max(xs) < (pv.PAGE_W_PT - pv.MARGIN_RIGHT_PT) * k  # inside the text block edge
        else:
            assert centre < page_w * 0.4  # even page: left
            assert min(xs) > pv.MARGIN_LEFT_PT * k


def test_zoom_changes_canvas_size(qtbot, sample_doc):
    w = make_preview(qtbot, sample_doc)
    h0 = w.canvas.height()
    z0 = w.zoom()
    w.zoom_in()
    assert w.zoom() > z0 and w.canvas.height() > h0
    w.zoom_out()
    w.zoom_out()
    assert w.zoom() < z0 and w.canvas.height() < h0


@pytest.mark.parametrize("signer", ["东莞市司法局", "东莞市全面依法治市委员会办公室"])
def test_formal_edition_and_signature_date(qtbot, signer):
    report = Report(organisations=["东莞市司法局"], edition="formal", signature=[signer],
                    date=datetime.date(2023, 1, 28), notes=["（此件公开发布）"],
                    sections=[Section(heading="一节", items=[Item(lead="甲。", body=["乙。"])])])
    report.formal.doc_number = "东司〔2023〕5号"
    report.formal.cc = "省司法厅"
    report.formal.print_date = datetime.date(2023, 1, 28)
    doc = ReportDocument(report)
    w = make_preview(qtbot, doc)
    texts = text_of_document(w)
    assert texts[0] == "东莞市司法局文件" and "东司〔2023〕5号" in texts
    text = w.text_document()
    mark = text.findBlockByNumber(0).begin().fragment().charFormat()
    assert mark.foreground().color() == pv.RED
    # The red rule under the header, and the colophon at the bottom of the last page between rules.
    last = w.page_count() - 1
    assert [r[1] for r in w.pages.rules_on_page(0)][0] == pv.RED
    page_h = pv.TEXT_H_PT * pv.U
    kinds = [b.kind for b in w.blocks()]
    cc_top, _ = w.pages._text_box(kinds.index("colophon_cc"))
    _, print_bottom = w.pages._text_box(kinds.index("colophon_print"))
    assert (last + 1) * page_h - print_bottom < 28.95 * pv.U  # on the last line of the page
    rules = [y for y, colour, width in w.pages.rules_on_page(last) if colour != pv.RED]
    assert len(rules) == 3 and min(rules) < cc_top and max(rules) > print_bottom
    # 印发机关 left, 印发日期 right on one line.
    print_block = text.findBlockByNumber(kinds.index("colophon_print"))
    assert print_block.layout().lineCount() == 1
    sig_i = texts.index(signer, 1)
    date_i = texts.index("2023年1月28日")
    assert date_i == sig_i + 1
    sig_line = text.findBlockByNumber(sig_i).layout().lineAt(0)
    date_line = text.findBlockByNumber(date_i).layout().lineAt(0)
    sig_x = text.findBlockByNumber(sig_i).layout().position().x() + sig_line.naturalTextRect().left()
    date_x = text.findBlockByNumber(date_i).layout().position().x() + date_line.naturalTextRect().left()
    # The date starts about two characters right of the signature's first character.
    assert date_x - sig_x == pytest.approx(2 * 15.75 * pv.U, abs=4 * pv.U)
    # Nothing runs past the right edge; the right-most of the two ends two characters from it.
    ends = [text.findBlockByNumber(i).layout().position().x()
            + text.findBlockByNumber(i).layout().lineAt(0).naturalTextRect().right() for i in (sig_i, date_i)]
    assert max(ends) == pytest.approx(pv.TEXT_W_PT * pv.U - 32 * pv.U, abs=2 * pv.U)


def test_section_flow_matches_build_flow(sample_doc):
    report = sample_doc.report
    full = build_flow(report)
    for section in report.sections:
        part = pv.section_flow(report, section.id)
        ids = pv._section_node_ids(section)
        assert part == [b for b in full if b.node in ids]
    assert pv.section_flow(report, "s-none") is None


def test_text_and_metric_edits_rerender_only_their_section(qtbot, sample_doc):
    w = make_preview(qtbot, sample_doc)
    report = sample_doc.report
    item = report.sections[3].items[1]
    edits = [
        (FieldRef(item.id, "lead", None), "改写的导语。"),
        (FieldRef(item.id, "body", 0), item.body[0] + "补充一句。"),
        (FieldRef(report.sections[2].id, "heading", None), "改写的标题"),
        (FieldRef(item.id, "run_in", None), False),
    ]
    for ref, value in edits:
        sample_doc.set_field(ref, value, merge=False)
        w.refresh_now()
        assert w.pages.last_partial
        assert text_of_document(w) == [b.text for b in build_flow(report)]
        assert w.blocks() == build_flow(report)
    used = next(m for m in report.metrics if any(metric_token(m.id) in t for _r, t in iter_text_fields(report)))
    sample_doc.set_field(FieldRef(used.id, "value"), "98765", merge=False)
    w.refresh_now()
    assert w.pages.last_partial
    assert "98765" in "".join(text_of_document(w))
    assert w.blocks() == build_flow(report)
    # A report-level edit (signature) or a structure edit rebuilds the whole flow.
    sample_doc.set_field(FieldRef("report", "signature", 0), "东莞市司法局办公室", merge=False)
    w.refresh_now()
    assert not w.pages.last_partial and w.blocks() == build_flow(report)
    sample_doc.push(MoveNodeCommand(sample_doc, report.sections[0].id, "report", 2))
    w.refresh_now()
    assert not w.pages.last_partial and w.blocks() == build_flow(report)
    # And undo all of it, one refresh per step, always equal to the full flow.
    while sample_doc.undo_stack.canUndo():
        sample_doc.undo_stack.undo()
        w.refresh_now()
        assert w.blocks() == build_flow(report)


def render_page(canvas, page: int) -> QImage:
    from PySide6.QtGui import QPainter

    k = canvas.px_per_pt()
    image = QImage(int(pv.PAGE_W_PT * k), int(pv.PAGE_H_PT * k), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    origin = canvas.page_origin(page)
    painter.translate(-origin.x(), -origin.y())
    canvas.paint_page(painter, page)
    painter.end()
    return image


def test_no_text_from_the_previous_page_shows_above_the_first_line(qtbot, sample_doc):
    w = make_preview(qtbot, sample_doc)
    canvas = w.canvas
    canvas.zoom = 2.0
    k = canvas.px_per_pt()
    for page in (1, 2):
        image = render_page(canvas, page)
        top = int(pv.MARGIN_TOP_PT * k)
        band = range(top - int(6 * k), top + int(2 * k))  # just above and at the top of the text block
        dark = [(x, y) for y in band for x in range(int(pv.MARGIN_LEFT_PT * k), int((pv.PAGE_W_PT - pv.MARGIN_RIGHT_PT) * k))
                if QColor(image.pixel(x, y)).value() < 160]
        assert not dark, f"page {page + 1}: ink above the first line"
        # ...while the page does have text further down.
        y = top + int(20 * k)
        assert any(QColor(image.pixel(x, yy)).value() < 160 for yy in range(y - int(10 * k), y + int(10 * k))
                   for x in range(int(pv.MARGIN_LEFT_PT * k), int((pv.PAGE_W_PT - pv.MARGIN_RIGHT_PT) * k)))


def test_show_ref_scrolls_to_and_marks_the_paragraph(qtbot, sample_doc):
    w = make_preview(qtbot, sample_doc)
    w.show()
    qtbot.waitExposed(w)
    item = sample_doc.report.sections[-1].items[-1]
    index = w.index_of_ref(FieldRef(item.id, "lead"))
    assert index >= 0 and w.blocks()[index].node == item.id
    assert w.verticalScrollBar().value() == 0
    assert w.show_ref(FieldRef(item.id, "lead"))
    assert w.verticalScrollBar().value() > 0 and w.canvas.current_index == index
    # The marked paragraph is painted with the highlight colour.
    text_top, _ = w.pages._text_box(index)  # the first line (the block may start at a page end)
    page = int(text_top // (pv.TEXT_H_PT * pv.U))
    image = render_page(w.canvas, page)
    k = w.canvas.px_per_pt()
    y = int((pv.MARGIN_TOP_PT + (text_top - page * pv.TEXT_H_PT * pv.U) / pv.U + 2) * k)
    x = int((pv.PAGE_W_PT - pv.MARGIN_RIGHT_PT - 2) * k)
    assert QColor(image.pixel(x, y)) == pv.CURRENT_BG
    assert not w.show_ref(FieldRef("report", "notes", 5))
    assert w.canvas.current_index is None


@pytest.mark.parametrize("bold3", [False, True])
def test_level3_marker_and_lead_use_the_heading3_font(qtbot, bold3):
    child = Item(lead="子项首句。", body=["子项正文。"])
    report = Report(sections=[Section(heading="一节", items=[Item(lead="甲。", body=["乙。"], children=[child])])])
    report.format.fonts["heading3"] = "黑体"  # a face that differs from the body's, to tell them apart
    report.format.bold_level3 = bold3
    w = make_preview(qtbot, ReportDocument(report))
    index = next(i for i, b in enumerate(w.blocks()) if b.level == 3)
    it = w.text_document().findBlockByNumber(index).begin()
    parts = []
    while not it.atEnd():
        f = it.fragment()
        parts.append((f.text(), f.charFormat().fontFamilies()[0], f.charFormat().fontWeight() >= 600))
        it += 1
    assert "".join(p[0] for p in parts) == "1.子项首句。子项正文。"
    heading3, body = pv.preview_family("黑体"), pv.preview_family("仿宋_GB2312")
    assert [p[1] for p in parts if p[0] in ("1.子项首句。", "1.", "子项首句。")] and all(
        p[1] == heading3 and p[2] == bold3 for p in parts if p[0] != "子项正文。")
    assert [p[1:] for p in parts if p[0] == "子项正文。"] == [(body, False)]


def test_centred_page_numbers_option(qtbot, sample_doc):
    sample_doc.set_field(FieldRef("report", "format.page_numbers"), "centred", merge=False)
    w = make_preview(qtbot, sample_doc)
    canvas = w.canvas
    k = canvas.px_per_pt()
    for page in (0, 1):
        image = render_page(canvas, page)
        y0 = int((pv.MARGIN_TOP_PT + pv.TEXT_H_PT + 3 * pv.MM) * k)
        y1 = int((pv.MARGIN_TOP_PT + pv.TEXT_H_PT + 11 * pv.MM) * k)
        xs = [x for y in range(y0, y1) for x in range(image.width()) if QColor(image.pixel(x, y)).value() < 100]
        centre = (min(xs) + max(xs)) / 2
        text_centre = (pv.MARGIN_LEFT_PT + pv.TEXT_W_PT / 2) * k
        assert abs(centre - text_centre) < 3 * k


def test_page_fits_the_width_until_the_user_zooms(qtbot, sample_doc):
    w = make_preview(qtbot, sample_doc)
    w.show()
    qtbot.waitExposed(w)
    for width in (500, 900):
        w.resize(width, 700)
        qtbot.wait(10)
        page_w, _ = w.canvas.page_size_px()
        assert page_w <= w.viewport().width() - 2 * pv.PAGE_GAP_PX + 1
        assert page_w >= w.viewport().width() - 2 * pv.PAGE_GAP_PX - 2
    w.zoom_in()
    zoom = w.zoom()
    w.resize(600, 700)
    qtbot.wait(10)
    assert w.zoom() == zoom  # the user's zoom is kept
    w.zoom_to_width()
    assert w.zoom() < zoom
