"""The bundled sample project reproduces the published Dongguan 2022 report character for character."""

from __future__ import annotations

import re

import pytest

from editor.model import SectionKind, build_flow
from editor.model.tokens import TOKEN_RE, format_change
from editor.templates import list_templates, load_template


def normalise(p: str) -> str:
    """The web copy's paragraph as an official document writes it: full-width punctuation, no stray spaces."""
    p = p.strip(" \t\u3000\xa0")
    for half, full in ((",", "，"), ("(", "（"), (")", "）"), (":", "："), (";", "；")):
        p = p.replace(half, full)
    p = re.sub(r'"([^"]*)"', "“\\1”", p)
    return p.replace(" ", "")


def seed_paragraphs(seed_text: str) -> list[str]:
    lines = seed_text.splitlines()
    start = next(i for i, line in enumerate(lines) if "【字体" in line) + 1
    end = next(i for i, line in enumerate(lines) if line.startswith("扫一扫"))
    return [normalise(line) for line in lines[start:end] if line.strip()]


def renumber_section_five(paras: list[str]) -> list[str]:
    """The web copy numbers section 五's items （一）（二）（四）（五）; derived numbering gives （一）–（四）."""
    out, in_five = [], False
    for p in paras:
        if re.match(r"^[一二三四五六七八九十]+、", p):
            in_five = p.startswith("五、")
        elif in_five:
            p = p.replace("（四）", "（三）", 1) if p.startswith("（四）") else p
            p = p.replace("（五）", "（四）", 1) if p.startswith("（五）") else p
        out.append(p)
    return out


@pytest.fixture(scope="module")
def sample():
    return load_template("sample-dongguan-2022")


def test_every_paragraph_matches_the_published_text(sample, seed_text):
    expected = renumber_section_five(seed_paragraphs(seed_text))
    blocks = build_flow(sample, "public")
    title = [b.text for b in blocks if b.kind == "title"]
    assert title == ["东莞市司法局2022年法治政府建设年度报告"]
    assert "东莞市司法局2022年法治政府建设年度报告" in seed_text
    got = [b.text for b in blocks if b.kind not in ("title", "title_gap")]
    assert len(got) == len(expected)
    for g, e in zip(got, expected, strict=True):
        assert g == e
    assert not any(b.runs and any(r.seg == "missing" for r in b.runs) for b in blocks)


def test_section_five_numbering_is_corrected(sample, seed_text):
    raw = seed_paragraphs(seed_text)
    five = raw.index(next(p for p in raw if p.startswith("五、")))
    assert [p[:3] for p in raw[five + 1 : five + 5]] == ["（一）", "（二）", "（四）", "（五）"]
    blocks = build_flow(sample)
    heads = [b.runs[0].text for b in blocks if b.kind == "item" and b.node and b.node.startswith("i-05")]
    assert heads == ["（一）", "（二）", "（三）", "（四）"]
    meta_desc = next(t.description for t in list_templates() if t.name == "sample-dongguan-2022")
    assert "（三）" in meta_desc


def test_structure_and_metadata(sample):
    assert sample.organisations == ["东莞市司法局"] and sample.year == 2022
    numbered = [s for s in sample.sections if s.numbered]
    assert [len(s.items) for s in numbered] == [3, 3, 2, 4, 4, 3]
    last = sample.sections[-1]
    assert not last.numbered and last.heading == ""
    assert last.kinds == [SectionKind.SHORTCOMINGS, SectionKind.PLANS] and len(last.items) == 3
    assert sample.sections[1].items[1].kinds == [SectionKind.LEADERSHIP]
    assert "第一责任人" in sample.sections[1].items[1].body[0]
    assert sample.signature == ["东莞市司法局"]
    assert str(sample.date) == "2023-01-28" and str(sample.publication_date) == "2023-02-06"
    for s in numbered:
        for it in s.items:
            assert it.lead.endswith("。") and it.lead.count("。") == 1 and it.run_in


def test_full_width_punctuation_everywhere(sample):
    texts = [text for _ref, text in sample.text_fields()] + [m.label for m in sample.metrics]
    texts += [b.text for b in build_flow(sample)]
    for text in texts:
        plain = TOKEN_RE.sub("", text)
        assert not re.search(r'[,():;"]', plain), plain
        assert " " not in plain and "\u3000" not in plain


def test_figures_are_metrics(sample):
    ids = {m.id for m in sample.metrics}
    assert len(ids) == len(sample.metrics) >= 60
    used = set()
    for _ref, text in sample.text_fields():
        used |= {m.group(2) for m in TOKEN_RE.finditer(text)}
        # no bare figure left in the text, except years, ordinals and named programmes
        plain = TOKEN_RE.sub("", text)
        for num in re.findall(r"\d+(?:\.\d+)?", plain):
            assert re.search(num + r"(年|\s*$)", plain), (num, plain)
    assert used == ids
    by_id = sample.metric_map()
    assert format_change(by_id["m-xzfy-sq"]) == "同比增长64.6%"
    assert format_change(by_id["m-yz-szf"]) == "同比增长107%"
    rates = {m.id for m in sample.metrics if m.is_rate}
    assert rates == {"m-yz-ctl", "m-tj-cgl", "m-zc-tjl"}
    assert all(m.label and m.value for m in sample.metrics)
