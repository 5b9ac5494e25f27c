"""Every export variant is a valid Office Open XML file: zero findings from openxml-audit with the
Microsoft 365 profile (which knows what Word accepts beyond the ISO schemas) and zero errors against
the ISO/IEC 29500 transitional schemas (tests/data/ooxml-xsd, offline). The checks themselves are shown
to fail on the defects they are meant to catch."""

from __future__ import annotations

import io
import re
import sys
import zipfile
from pathlib import Path

import pytest

from editor.export import build_docx
from editor.templates import load_template
from export_reports import small_report
from ooxml_check import audit_errors, xsd_errors

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "perf"))


def _all_fields():
    r = small_report()
    r.edition = "formal"
    r.formal.signers = ["张三", "李四", "王五"]
    r.organisations = ["广东省东莞市人民政府办公室"]
    r.title_override = ""
    return r


def _windows_preset():
    from editor.model.report import WINDOWS_FONTS

    r = _all_fields()
    r.format.fonts = dict(WINDOWS_FONTS)
    return r


def _imported(seed_text, tmp_path):
    from editor.importing import import_file

    src = tmp_path / "seed.txt"
    src.write_text(seed_text, encoding="utf-8")
    return import_file(src).report


def _large():
    from common import large_report

    return large_report(50)


VARIANTS = {
    "sample-public": lambda **_: (load_template("sample-dongguan-2022"), "public"),
    "sample-formal": lambda **_: (load_template("sample-dongguan-2022"), "formal"),
    "small-public": lambda **_: (small_report(), "public"),
    "small-formal": lambda **_: (small_report(), "formal"),
    "formal-all-fields": lambda **_: (_all_fields(), "formal"),
    "empty-template-public": lambda **_: (load_template("fzzf-annual"), "public"),
    "empty-template-formal": lambda **_: (load_template("fzzf-annual"), "formal"),
    "large-50x-public": lambda **_: (_large(), "public"),
    "large-50x-formal": lambda **_: (_large(), "formal"),
    "imported-public": lambda seed_text, tmp_path, **_: (_imported(seed_text, tmp_path), "public"),
    "imported-formal": lambda seed_text, tmp_path, **_: (_imported(seed_text, tmp_path), "formal"),
    "windows-preset-formal": lambda **_: (_windows_preset(), "formal"),
}


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_export_variant_is_valid(variant, seed_text, tmp_path):
    report, edition = VARIANTS[variant](seed_text=seed_text, tmp_path=tmp_path)
    data = build_docx(report, edition)
    assert audit_errors(data, tmp_path) == []
    assert xsd_errors(data) == []


def _patched(data: bytes, part: str, old: bytes, new: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for name in src.namelist():
            raw = src.read(name)
            if name == part:
                assert old in raw
                raw = raw.replace(old, new, 1)
            dst.writestr(name, raw)
    return out.getvalue()


def test_audit_catches_a_highlight_in_a_style(tmp_path):
    """The defect of issue 10: w:highlight in a character style's rPr. The ISO schema allows it, Word
    does not (MS-OI29500 2.1.260): only the Microsoft 365 profile reports it."""
    data = build_docx(small_report())
    styles = zipfile.ZipFile(io.BytesIO(data)).read("word/styles.xml")
    start = styles.index(b'w:styleId="FzMissing"')
    end = styles.index(b"</w:style>", start)
    bad_styles = styles[:end] + b'<w:rPr><w:highlight w:val="yellow"/></w:rPr>' + styles[end:]
    bad = _patched(data, "word/styles.xml", styles, bad_styles)
    assert any("highlight" in e for e in audit_errors(bad, tmp_path))
    assert xsd_errors(bad) == []


def test_xsd_catches_a_zoom_without_percent():
    data = build_docx(small_report())
    bad = _patched(data, "word/settings.xml", b'<w:zoom w:percent="100"/>', b'<w:zoom w:val="bestFit"/>')
    assert any("percent" in e for e in xsd_errors(bad))


def test_metadata_of_the_package():
    data = build_docx(small_report(), "formal")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = set(z.namelist())
        settings = z.read("word/settings.xml").decode()
        app = z.read("docProps/app.xml").decode()
        fonts = z.read("word/fontTable.xml").decode()
    # no template leftovers
    assert not any(n.startswith("customXml/") for n in names) and "word/numbering.xml" not in names
    assert 'w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"' in settings
    assert "<Application>report-editor</Application>" in app and "Macintosh" not in app
    assert "<Pages>" not in app and "<Words>" not in app  # no stale statistics
    assert "ＭＳ" not in fonts and "MS Mincho" not in fonts and "Calibri" not in fonts
    # a fresh w14:docId per export
    other = zipfile.ZipFile(io.BytesIO(build_docx(small_report(), "formal"))).read("word/settings.xml").decode()
    ids = [re.search(r'w14:docId w14:val="([0-9A-F]{8})"', s).group(1) for s in (settings, other)]
    assert ids[0] != ids[1]


def test_font_table_chains_and_signatures():
    from lxml import etree

    data = build_docx(small_report())
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/fontTable.xml"))
    W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    fonts = {f.get(f"{W}name"): f for f in root}
    # 仿宋_GB2312 → 仿宋 → FangSong, 楷体_GB2312 → 楷体 → KaiTi, 方正小标宋简体 → 宋体 → SimSun
    for chain in (("仿宋_GB2312", "仿宋", "FangSong"), ("楷体_GB2312", "楷体", "KaiTi"),
                  ("方正小标宋简体", "宋体", "SimSun")):
        for name, alt in zip(chain, chain[1:], strict=False):
            assert fonts[name].find(f"{W}altName").get(f"{W}val") == alt
        assert chain[-1] in fonts
    for name in ("仿宋_GB2312", "仿宋", "黑体", "宋体", "方正小标宋简体"):
        assert fonts[name].find(f"{W}panose1") is not None and fonts[name].find(f"{W}sig") is not None
        assert fonts[name].find(f"{W}charset").get(f"{W}val") == "86"


def test_formal_without_mark_has_no_empty_mark_line():
    r = small_report()
    r.formal.issuer_mark = ""
    r.organisations = []
    from editor.model import build_flow

    assert "issuer_mark" not in [b.kind for b in build_flow(r, "formal")]
    assert xsd_errors(build_docx(r, "formal")) == []
