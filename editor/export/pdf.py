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


def convert_docx_to_pdf(docx_path: Path, out_dir: Path, soffice: Optional[str] = None,
                        timeout: float = CONVERT_TIMEOUT, font_names=()) -> Path:
    """Convert a .docx with LibreOffice in its own temporary profile; returns the PDF's path.

    ``font_names``: fonts the file names; those not installed are mapped to look-alikes."""
    soffice = soffice or find_soffice()
    if soffice is None:
        raise ExportError(INSTALL_HINT)
    with tempfile.TemporaryDirectory(prefix="fzbg-lo-profile-") as profile:
        env = _font_env(Path(profile), font_names)
        cmd = [soffice, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--norestore",
               "--convert-to", "pdf", "--outdir", str(out_dir), str(docx_path)]
        try:
            proc = subprocess.run(cmd, capture_output=True, timeout=timeout, stdin=subprocess.DEVNULL, env=env)
        except subprocess.TimeoutExpired:
            raise ExportError(
                f"LibreOffice 在 {int(timeout)} 秒内没有完成 PDF 转换。请关闭所有 LibreOffice 窗口后重试，"
                "或先导出 Word 文件再另存为 PDF。"
            ) from None
        except OSError as e:
            raise ExportError(f"无法启动 LibreOffice（{soffice}）：{e.strerror or e}。{INSTALL_HINT}") from None
    pdf = out_dir / (docx_path.stem + ".pdf")
    if proc.returncode != 0 or not pdf.is_file():
        detail = (proc.stderr or proc.stdout or b"").decode("utf-8", "replace").strip()[-300:]
        raise ExportError(
            f"LibreOffice 没能把文件转换为 PDF（退出码 {proc.returncode}）。{detail}\n"
            "请确认 LibreOffice 能正常打开，或先导出 Word 文件再另存为 PDF。"
        )
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
