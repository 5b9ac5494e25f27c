"""PDF export through LibreOffice (``soffice --headless --convert-to pdf``)."""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Optional

from ..errors import ExportError
from ..model import DEFAULT_FONTS, Report
from .docx import _check_target, build_docx, write_bytes

CONVERT_TIMEOUT = 180  # seconds
# Keep the blank page LibreOffice inserts before the 版记's even-page section (its PDF export leaves
# such pages out by default), so that the 版记 prints on the back of the last sheet.
PDF_FILTER = 'pdf:writer_pdf_Export:{"IsSkipEmptyPages":{"type":"boolean","value":"false"}}'

INSTALL_HINT = (
    "导出 PDF 需要 LibreOffice。请先安装：Windows 和 macOS 从 https://zh-cn.libreoffice.org 下载安装；"
    "Debian/Ubuntu 运行“sudo apt install libreoffice-writer”。也可以先导出 Word 文件，再用 Word 或 WPS 另存为 PDF。"
)


def _candidates() -> list[str]:
    out = ["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice",
           "/snap/bin/libreoffice"]
    out += sorted(glob.glob("/opt/libreoffice*/program/soffice"), reverse=True)
    out += ["/Applications/LibreOffice.app/Contents/MacOS/soffice"]
    if sys.platform.startswith("win"):
        for env in ("PROGRAMFILES", "PROGRAMFILES(X86)", "PROGRAMW6432"):
            base = os.environ.get(env)
            if base:
                out.append(os.path.join(base, "LibreOffice", "program", "soffice.exe"))
        out += [r"C:\Program Files\LibreOffice\program\soffice.exe",
                r"C:\Program Files (x86)\LibreOffice\program\soffice.exe"]
    return out


def find_soffice() -> Optional[str]:
    """Path of LibreOffice's ``soffice``: on PATH first, then its usual install places; None if absent."""
    for name in ("soffice", "libreoffice", "soffice.exe"):
        found = shutil.which(name)
        if found:
            return found
    for path in _candidates():
        if os.path.isfile(path) and os.access(path, os.X_OK):
            return path
    return None


def _font_env(profile: Path, font_names) -> dict:
    """Environment for soffice: on systems with fontconfig, missing official fonts resolve to installed
    look-alikes (Noto Serif CJK SC for 仿宋, …) instead of a sans-serif fallback."""
    env = dict(os.environ)
    if not font_names or sys.platform.startswith("win") or sys.platform == "darwin":
        return env
    from .fonts import fontconfig_substitutes, installed_font_families

    if not installed_font_families() or not os.path.isfile("/etc/fonts/fonts.conf"):
        return env
    conf = profile / "fonts.conf"
    conf.write_text(fontconfig_substitutes(font_names), encoding="utf-8")
    env["FONTCONFIG_FILE"] = str(conf)
    return env


STYLE_NS = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"


def _same_footer_geometry(root) -> None:
    """Give every page layout the footer geometry of the first one (the body's).

    LibreOffice (7.4) imports the 版记's section (even page, empty footers) with a footer area of
    another height, which moves its text area's bottom edge — and the 版记 anchored to it — about
    4 mm down. In Word a footer that fits the bottom margin never moves the text area."""
    layouts = list(root.iter(f"{{{STYLE_NS}}}page-layout"))
    props = [lay.find(f"{{{STYLE_NS}}}footer-style/{{{STYLE_NS}}}header-footer-properties") for lay in layouts]
    if not props or props[0] is None:
        return
    for other in props[1:]:
        if other is not None:
            other.attrib.clear()
            other.attrib.update(props[0].attrib)


def without_autospace(odt: bytes) -> bytes:
    """The ODT with LibreOffice's extra space between Chinese and Latin text or digits switched off
    (``style:text-autospace="none"`` on every paragraph style and the default style), and the same
    footer geometry on every page (:func:`_same_footer_geometry`).

    The .docx asks for no auto-spacing (``w:autoSpaceDE``/``w:autoSpaceDN`` off, as Word honours), but
    LibreOffice's DOCX import ignores it and adds about 3.3 pt at each boundary, so its line and page
    breaks differ from Word's; in its own format the setting is honoured."""
    import zipfile
    from io import BytesIO

    from lxml import etree

    src = zipfile.ZipFile(BytesIO(odt))
    out = BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename in ("styles.xml", "content.xml"):
                root = etree.fromstring(data)
                for props in root.iter(f"{{{STYLE_NS}}}paragraph-properties"):
                    props.set(f"{{{STYLE_NS}}}text-autospace", "none")
                for style in root.iter(f"{{{STYLE_NS}}}default-style"):
                    if style.get(f"{{{STYLE_NS}}}family") == "paragraph" and \
                            style.find(f"{{{STYLE_NS}}}paragraph-properties") is None:
                        etree.SubElement(style, f"{{{STYLE_NS}}}paragraph-properties").set(
                            f"{{{STYLE_NS}}}text-autospace", "none")
                if info.filename == "styles.xml":
                    _same_footer_geometry(root)
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
            # the mimetype entry stays first and uncompressed, as ODF requires
            dst.writestr(info, data, compress_type=zipfile.ZIP_STORED if info.filename == "mimetype"
                         else zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _run_soffice(soffice: str, profile: Path, env: dict, target: str, out_dir: Path, src: Path,
                 timeout: float):
    cmd = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
           "--convert-to", target, "--outdir", str(out_dir), str(src)]
    try:
        return subprocess.run(cmd, capture_output=True, timeout=timeout, stdin=subprocess.DEVNULL, env=env)
    except subprocess.TimeoutExpired:
        raise ExportError(
            f"LibreOffice 在 {int(timeout)} 秒内没有完成 PDF 转换。请关闭所有 LibreOffice 窗口后重试，"
            "或先导出 Word 文件再另存为 PDF。"
        ) from None
    except OSError as e:
        raise ExportError(f"无法启动 LibreOffice（{soffice}）：{e.strerror or e}。{INSTALL_HINT}") from None


def _failed(proc, what: str) -> ExportError:
    detail = (proc.stderr or proc.stdout or b"").decode("utf-8", "replace").strip()[-300:]
    return ExportError(
        f"LibreOffice 没能把文件转换为 {what}（退出码 {proc.returncode}）。{detail}\n"
        "请确认 LibreOffice 能正常打开，或先导出 Word 文件再另存为 PDF。"
    )


def convert_docx_to_pdf(docx_path: Path, out_dir: Path, soffice: Optional[str] = None,
                        timeout: float = CONVERT_TIMEOUT, font_names=()) -> Path:
    """Convert a .docx with LibreOffice in its own temporary profile; returns the PDF's path.

    Two steps, so that the PDF breaks lines as Word does: .docx → .odt, the Chinese/Latin
    auto-spacing switched off in the .odt (:func:`without_autospace`), then .odt → PDF.
    ``font_names``: fonts the file names; those not installed are mapped to look-alikes."""
    soffice = soffice or find_soffice()
    if soffice is None:
        raise ExportError(INSTALL_HINT)
    with tempfile.TemporaryDirectory(prefix="fzbg-lo-profile-") as profile:
        profile = Path(profile)
        env = _font_env(profile, font_names)
        work = profile / "odt"
        work.mkdir()
        proc = _run_soffice(soffice, profile / "user", env, "odt", work, docx_path, timeout)
        odt = work / (docx_path.stem + ".odt")
        if proc.returncode != 0 or not odt.is_file():
            raise _failed(proc, "PDF")
        odt.write_bytes(without_autospace(odt.read_bytes()))
        proc = _run_soffice(soffice, profile / "user", env, PDF_FILTER, out_dir, odt, timeout)
    pdf = out_dir / (docx_path.stem + ".pdf")
    if proc.returncode != 0 or not pdf.is_file():
        raise _failed(proc, "PDF")
    return pdf


def write_pdf(report: Report, target, edition: Optional[str] = None) -> Path:
    """Export ``report`` to ``target`` as PDF (via LibreOffice), written atomically."""
    target = Path(target)
    _check_target(target)
    soffice = find_soffice()
    if soffice is None:
        raise ExportError(INSTALL_HINT)
    data = build_docx(report, edition)
    with tempfile.TemporaryDirectory(prefix="fzbg-pdf-") as tmp:
        docx_path = Path(tmp) / "report.docx"
        docx_path.write_bytes(data)
        out_dir = Path(tmp) / "out"
        out_dir.mkdir()
        fonts = [report.format.font(role) for role in DEFAULT_FONTS]
        pdf = convert_docx_to_pdf(docx_path, out_dir, soffice, font_names=fonts)
        return write_bytes(target, pdf.read_bytes(), "PDF 文件")
