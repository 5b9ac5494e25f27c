"""Installed fonts and look-alikes (fontconfig), finding LibreOffice, PDF conversion failures."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from export_reports import small_report
from editor.errors import ExportError
from editor.export import fonts, pdf
from editor.model import FormatSettings, Report


@pytest.fixture
def fresh_font_cache():
    fonts._installed_cached.cache_clear()
    yield
    fonts._installed_cached.cache_clear()


def test_installed_families_from_fc_list(fresh_font_cache):
    assert shutil.which("fc-list"), "fontconfig's fc-list is installed on the test machines"
    families = fonts.installed_font_families()
    out = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True).stdout
    first = out.splitlines()[0].split(",")[0].strip()
    assert first in families
    assert "Noto Serif CJK SC" in families  # fonts-noto-cjk
    families.add("mutating the copy does not change the cache")
    assert "mutating the copy does not change the cache" not in fonts.installed_font_families()


def test_no_fc_list_reads_the_font_folders(fresh_font_cache, monkeypatch, tmp_path):
    """Without fontconfig (as on Windows) the fonts are read from the font folders; with no fonts at
    all the set is empty and the preview keeps the official name."""
    from editor import sysenv

    monkeypatch.setenv("PATH", str(tmp_path))
    assert "Noto Serif CJK SC" in fonts.installed_font_families()
    fonts._installed_cached.cache_clear()
    monkeypatch.setattr(sysenv, "font_folders", lambda: [tmp_path / "no-fonts"])
    assert fonts.installed_font_families() == set()
    assert fonts.preview_family("仿宋_GB2312") == "仿宋_GB2312"


def test_parse_fc_list_splits_localised_names():
    text = "Noto Serif CJK SC,Noto Serif CJK SC SemiBold\n文泉驿正黑,WenQuanYi Zen Hei\n\n"
    assert fonts._parse_fc_list(text) == {
        "Noto Serif CJK SC", "Noto Serif CJK SC SemiBold", "文泉驿正黑", "WenQuanYi Zen Hei"}


def test_preview_family_picks_installed_look_alike():
    installed = {"Noto Serif CJK SC", "Noto Sans CJK SC", "AR PL UKai CN"}
    assert fonts.preview_family("仿宋_GB2312", installed) == "Noto Serif CJK SC"
    assert fonts.preview_family("方正小标宋简体", installed) == "Noto Serif CJK SC"
    assert fonts.preview_family("宋体", installed) == "Noto Serif CJK SC"
    assert fonts.preview_family("黑体", installed) == "Noto Sans CJK SC"
    assert fonts.preview_family("楷体_GB2312", installed) == "AR PL UKai CN"
    assert fonts.preview_family("楷体", installed | {"LXGW WenKai"}) == "LXGW WenKai"
    # an installed official font is used as it is
    assert fonts.preview_family("仿宋", installed | {"仿宋"}) == "仿宋"
    # unknown names fall back by kind of face
    assert fonts.preview_family("方正黑体_GBK", installed) == "Noto Sans CJK SC"
    assert fonts.preview_family("华文楷体", installed) == "AR PL UKai CN"
    assert fonts.preview_family("方正仿宋_GBK", installed) == "Noto Serif CJK SC"


def test_preview_family_on_this_machine():
    for name in ("仿宋_GB2312", "黑体", "楷体_GB2312", "方正小标宋简体"):
        assert fonts.preview_family(name) in fonts.installed_font_families()


def test_missing_fonts_lists_each_role():
    installed = {"Noto Serif CJK SC", "Noto Sans CJK SC", "AR PL UKai CN", "黑体"}
    missing = fonts.missing_fonts(FormatSettings(), installed)
    roles = [m[0] for m in missing]
    assert "heading1" not in roles  # 黑体 is installed
    assert ("body", "仿宋_GB2312", "Noto Serif CJK SC") in missing
    assert ("heading2", "楷体_GB2312", "AR PL UKai CN") in missing
    assert set(roles) == {"title", "body", "heading2", "heading3", "page_number", "issuer_mark"}
    chosen = FormatSettings(fonts={"body": "Noto Serif CJK SC"})
    assert "body" not in [m[0] for m in fonts.missing_fonts(chosen, installed)]


def test_fontconfig_substitutes_map_missing_fonts(tmp_path):
    conf = tmp_path / "fonts.conf"
    conf.write_text(fonts.fontconfig_substitutes(["仿宋_GB2312", "楷体_GB2312", "黑体"]), encoding="utf-8")
    env = dict(os.environ, FONTCONFIG_FILE=str(conf))

    def match(name):
        return subprocess.run(["fc-match", "-f", "%{family[0]}", name], capture_output=True, text=True,
                              env=env).stdout

    assert match("仿宋_GB2312") == fonts.preview_family("仿宋_GB2312")
    assert match("楷体_GB2312") == fonts.preview_family("楷体_GB2312")
    assert match("黑体") == fonts.preview_family("黑体")


# ------------------------------------------------------------------ LibreOffice
def test_find_soffice_on_path_and_in_usual_places(monkeypatch, tmp_path):
    found = pdf.find_soffice()
    assert found and os.access(found, os.X_OK)
    # not on PATH: found in its usual install places
    monkeypatch.setenv("PATH", str(tmp_path))
    again = pdf.find_soffice()
    assert again is None or Path(again).name.startswith("soffice")
    if Path("/usr/lib/libreoffice/program/soffice").exists():
        assert again is not None
    # a soffice earlier on PATH wins
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\nexit 3\n")
    fake.chmod(0o755)
    assert pdf.find_soffice() == str(fake)


def test_failing_soffice_gives_export_error(monkeypatch, tmp_path):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "soffice"
    fake.write_text("#!/bin/sh\necho 'conversion failed' >&2\nexit 3\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}:{os.environ['PATH']}")
    target = tmp_path / "out.pdf"
    target.write_bytes(b"old pdf")
    with pytest.raises(ExportError) as err:
        pdf.write_pdf(small_report(), target)
    assert "退出码 3" in str(err.value) and "conversion failed" in str(err.value)
    assert target.read_bytes() == b"old pdf"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bin", "out.pdf"]


def test_soffice_timeout(monkeypatch, tmp_path):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "soffice"
    fake.write_text("#!/bin/sh\nsleep 5\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}:{os.environ['PATH']}")
    monkeypatch.setattr(pdf, "CONVERT_TIMEOUT", 0.5)
    docx_path = tmp_path / "r.docx"
    docx_path.write_bytes(b"x")
    with pytest.raises(ExportError) as err:
        pdf.convert_docx_to_pdf(docx_path, tmp_path, timeout=0.5)
    assert "秒内没有完成" in str(err.value)


def test_write_pdf_checks_target_before_converting(tmp_path):
    with pytest.raises(ExportError) as err:
        pdf.write_pdf(small_report(), tmp_path / "missing" / "out.pdf")
    assert "不存在" in str(err.value)


def test_write_pdf_real(soffice, tmp_path):
    target = tmp_path / "报告.pdf"
    target.write_bytes(b"old")
    out = pdf.write_pdf(small_report(), target, "formal")
    assert out == target
    data = target.read_bytes()
    assert data.startswith(b"%PDF")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["报告.pdf"]
    fonts_used = subprocess.run(["pdffonts", str(target)], capture_output=True, text=True).stdout
    # the official fonts are missing here: the look-alikes were used, not a sans-serif fallback
    if "仿宋_GB2312" not in fonts.installed_font_families():
        assert "NotoSerifCJK" in fonts_used
        assert "DejaVu" not in fonts_used


def test_empty_report_exports(tmp_path):
    from editor.export import build_docx

    data = build_docx(Report())
    assert data[:2] == b"PK"


def test_word_fallback_chain_follows_the_font_table():
    from editor.export.fonts import word_fallback_chain

    assert word_fallback_chain("仿宋_GB2312") == ["仿宋_GB2312", "仿宋", "FangSong"]
    assert word_fallback_chain("方正小标宋简体") == ["方正小标宋简体", "宋体", "SimSun"]
    assert word_fallback_chain("Noto Serif CJK SC") == ["Noto Serif CJK SC"]


def test_odt_step_switches_off_autospace_and_evens_footers():
    """The PDF path's .odt fix-up: no Chinese/Latin auto-spacing on any paragraph style, the same
    footer geometry on every page layout, the mimetype entry first and stored."""
    import io
    import zipfile

    from lxml import etree

    from editor.export.pdf import STYLE_NS, without_autospace

    ns = ('xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
          'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"')
    styles = (f'<office:document-styles {ns}><office:styles>'
              '<style:default-style style:family="paragraph"><style:paragraph-properties '
              'style:text-autospace="ideograph-alpha"/></style:default-style>'
              '<style:style style:name="P"><style:paragraph-properties fo:margin-top="0in"/></style:style>'
              '</office:styles><office:automatic-styles>'
              '<style:page-layout style:name="Mpm1"><style:footer-style><style:header-footer-properties '
              'fo:min-height="0.3937in" fo:margin-top="0.3547in"/></style:footer-style></style:page-layout>'
              '<style:page-layout style:name="Mpm2"><style:footer-style><style:header-footer-properties '
              'fo:min-height="0.1965in"/></style:footer-style></style:page-layout>'
              '</office:automatic-styles></office:document-styles>')
    src = io.BytesIO()
    with zipfile.ZipFile(src, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED)
        z.writestr("styles.xml", styles)
        z.writestr("content.xml", f'<office:document-content {ns}/>')
    out = zipfile.ZipFile(io.BytesIO(without_autospace(src.getvalue())))
    assert out.infolist()[0].filename == "mimetype" and out.infolist()[0].compress_type == zipfile.ZIP_STORED
    root = etree.fromstring(out.read("styles.xml"))
    props = list(root.iter(f"{{{STYLE_NS}}}paragraph-properties"))
    assert len(props) == 2 and all(p.get(f"{{{STYLE_NS}}}text-autospace") == "none" for p in props)
    footers = [dict(p.attrib) for p in root.iter(f"{{{STYLE_NS}}}header-footer-properties")]
    assert footers[0] == footers[1]
