"""Render the exported sample with LibreOffice and measure the PDF with poppler (pdfinfo, pdftotext):
A4, 22 lines on a full page, 28 characters on a full line, `— N —` page numbers odd right / even left,
and the formal edition's header and colophon positions. Skipped only when soffice is absent."""

from __future__ import annotations

import re
import shutil
import statistics
import subprocess
from collections import defaultdict
from pathlib import Path

import pytest
from lxml import etree

from export_reports import small_report
from editor.export import export_report, format_spec as F

PT = 20  # twips per point
PAGE_W, PAGE_H = F.PAGE_WIDTH / PT, F.PAGE_HEIGHT / PT
LEFT = F.MARGIN_LEFT / PT
RIGHT = (F.PAGE_WIDTH - F.MARGIN_RIGHT) / PT
TOP = F.MARGIN_TOP / PT
BOTTOM = (F.PAGE_HEIGHT - F.MARGIN_BOTTOM) / PT


def _need(tool: str) -> str:
    path = shutil.which(tool)
    assert path, f"{tool} (poppler-utils) is needed to measure the PDF"
    return path


def pdf_pages(pdf: Path) -> list[list[dict]]:
    """Words per page with their boxes (points, origin top left)."""
    xml = subprocess.run([_need("pdftotext"), "-bbox", str(pdf), "-"], capture_output=True, check=True).stdout
    root = etree.fromstring(xml, etree.XMLParser(recover=True))
    pages = []
    for page in root.iter("{*}page"):
        words = []
        for w in page.iter("{*}word"):
            words.append({k: float(w.get(k)) for k in ("xMin", "yMin", "xMax", "yMax")} | {"text": w.text or ""})
        pages.append(words)
    return pages


def lines_of(words: list[dict]) -> list[dict]:
    """Group words into lines by their baseline (yMax); each line has text, xMin, xMax, y."""
    groups: dict[float, list[dict]] = defaultdict(list)
    for w in words:
        key = next((k for k in groups if abs(k - w["yMax"]) < 3), w["yMax"])
        groups[key].append(w)
    out = []
    for y in sorted(groups):
        ws = sorted(groups[y], key=lambda w: w["xMin"])
        out.append({"y": y, "text": "".join(w["text"] for w in ws),
                    "xMin": ws[0]["xMin"], "xMax": ws[-1]["xMax"], "words": ws})
    return out


def body_lines(words):
    return [ln for ln in lines_of(words) if ln["y"] < BOTTOM + 2]


def footer_line(words):
    lines = [ln for ln in lines_of(words) if ln["y"] > BOTTOM + 2]
    assert len(lines) == 1, lines
    return lines[0]


@pytest.fixture(scope="module")
def sample_pdf(tmp_path_factory):
    from editor.export.pdf import find_soffice
    from editor.templates import load_template

    if find_soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    out = tmp_path_factory.mktemp("render") / "sample.pdf"
    export_report(load_template("sample-dongguan-2022"), out, fmt="pdf", edition="public")
    return out


def test_a4_pages(sample_pdf):
    info = subprocess.run([_need("pdfinfo"), str(sample_pdf)], capture_output=True, check=True, text=True).stdout
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info)
    assert abs(float(size.group(1)) - 595.3) < 0.5 and abs(float(size.group(2)) - 841.9) < 0.5
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert pages >= 3


def test_22_lines_on_a_full_page(sample_pdf):
    pages = pdf_pages(sample_pdf)
    # page 1: the title, the blank line after it and 20 lines of text
    assert len(body_lines(pages[0])) == 21
    # every page but the last two is full (no widow control); the one before the last may give a line
    # to the last, where the 落款 keeps with the paragraph before it
    for number in range(2, len(pages) - 1):
        lines = body_lines(pages[number - 1])
        assert len(lines) == 22, [ln["text"][:10] for ln in lines]
        pitch = statistics.median(b["y"] - a["y"] for a, b in zip(lines, lines[1:], strict=False))
        assert abs(pitch - F.LINE_PITCH / PT) < 0.3
        # the first line sits at the top of the text block, the last at its bottom
        assert lines[0]["y"] - TOP < F.LINE_PITCH / PT
        assert BOTTOM - lines[-1]["y"] < F.LINE_PITCH / PT


def test_28_characters_on_a_full_line(sample_pdf):
    full_lines = []
    for words in pdf_pages(sample_pdf):
        for ln in body_lines(words):
            text = ln["text"]
            starts_at_margin = abs(ln["xMin"] - LEFT) < 4
            ends_at_margin = abs(ln["xMax"] - RIGHT) < 4
            if starts_at_margin and ends_at_margin and text.isascii() is False and not re.search(r"[ -~]", text):
                full_lines.append(text)
    assert len(full_lines) >= 20
    counts = [len(t) for t in full_lines]
    assert max(counts) == 28, counts
    # a few lines get 27 where a closing mark may not begin the next line (kinsoku)
    assert sum(1 for c in counts if c == 28) >= 0.8 * len(counts), counts


def test_page_numbers_odd_right_even_left(sample_pdf):
    pages = pdf_pages(sample_pdf)
    for number in (1, 2, 3):
        foot = footer_line(pages[number - 1])
        assert re.fullmatch(rf"—\s*{number}\s*—", foot["text"]), foot["text"]
        # the dash sits about 7 mm below the text block
        top = min(w["yMin"] for w in foot["words"])
        assert 3 < (top - BOTTOM) / 72 * 25.4 < 12
        if number % 2:
            assert abs(foot["xMax"] - (RIGHT - F.PAGE_NUMBER_INDENT / PT)) < 4, foot
        else:
            assert abs(foot["xMin"] - (LEFT + F.PAGE_NUMBER_INDENT / PT)) < 4, foot


def test_title_centred_and_signature_right(sample_pdf):
    pages = pdf_pages(sample_pdf)
    title = lines_of(pages[0])[0]
    assert abs((title["xMin"] + title["xMax"]) / 2 - (LEFT + RIGHT) / 2) < 3
    last = body_lines(pages[-1])
    sig = next(ln for ln in last if ln["text"] == "东莞市司法局")
    date = next(ln for ln in last if ln["text"].replace(" ", "") == "2023年1月28日")
    assert date["y"] > sig["y"]
    # the date starts two characters right of the signature's first character
    assert abs(date["xMin"] - sig["xMin"] - 2 * 16) < 4
    # the date (longer than the signature) is right-indented two characters; its width is estimated
    # for the official fonts (half-width digits, no Chinese/Latin auto-spacing), which LibreOffice's
    # look-alike fonts exceed a little: it must still fit on its line, clear of the margin.
    assert 0 < RIGHT - date["xMax"] <= 2 * 16 + 1


def test_formal_edition_header_and_colophon(soffice, tmp_path):
    out = export_report(small_report(), tmp_path / "formal.pdf", fmt="pdf", edition="formal")
    pages = pdf_pages(out)
    first = lines_of(pages[0])
    mark = first[0]
    assert mark["text"] == "东莞市司法局文件"
    glyph_top = mark["words"][0]["yMin"]
    assert abs((glyph_top - TOP) / 72 * 25.4 - 35) < 4  # top edge 35 mm below the text block's top
    assert re.fullmatch(r"东司〔2023〕5\s*号", first[1]["text"])
    # the 版记 on the last page, an even one, alone (tests/export/test_export_layout.py measures it)
    assert len(pages) % 2 == 0
    last = lines_of(pages[-1])
    printed = next(ln for ln in last if ln["text"].endswith("印发"))
    assert abs(printed["y"] - BOTTOM) < 8  # the colophon's last line on the bottom edge
    assert printed["xMin"] - LEFT < 20 and RIGHT - printed["xMax"] < 20
    cc = next(ln for ln in last if ln["text"].startswith("抄送"))
    assert cc["y"] < printed["y"]
