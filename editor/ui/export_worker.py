"""Exports run off the UI thread: the window stays responsive, shows real progress and can cancel.

:class:`ExportJob` builds the Word file in a worker thread (progress from
:func:`editor.export.iter_write_docx`) and, for a PDF, converts it with LibreOffice in the same thread.
The UI thread polls the job with a timer; nothing in the worker touches a widget. Cancelling stops
the Word build between steps and ends the LibreOffice process (a child of this program), so nothing
is written to the target.
"""

from __future__ import annotations

import tempfile
import threading
import time
from pathlib import Path
from typing import Optional

from ..errors import ExportError, ReportEditorError
from ..model import Report


class Cancelled(Exception):
    pass


class ExportJob:
    """One export in a worker thread. ``state()`` -> (stage, done, total); stage is "docx", "convert"
    or "done"; ``error`` holds the user-readable message when it failed."""

    def __init__(self, report: Report, target, fmt: str = "docx", edition: Optional[str] = None):
        self.report = report
        self.target = Path(target)
        self.fmt = fmt
        self.edition = edition
        self._lock = threading.Lock()
        self._stage, self._done, self._total = "docx", 0, 1
        self.error: Optional[str] = None
        self.result: Optional[Path] = None
        self.cancelled = threading.Event()
        self.started = time.monotonic()
        self._thread = threading.Thread(target=self._run, name="report-export", daemon=True)

    def start(self) -> "ExportJob":
        self._thread.start()
        return self

    def state(self) -> tuple[str, int, int]:
        with self._lock:
            return self._stage, self._done, self._total

    def _set(self, stage: str, done: int, total: int) -> None:
        with self._lock:
            self._stage, self._done, self._total = stage, done, total

    def is_running(self) -> bool:
        return self._thread.is_alive()

    def wait(self, timeout: Optional[float] = None) -> bool:
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def cancel(self) -> None:
        """Stop the export: the Word build stops at its next step; LibreOffice is ended."""
        self.cancelled.set()
        kill_converters()

    # ---------------------------------------------------------------- the worker
    def _run(self) -> None:
        try:
            if self.fmt == "docx":
                self._build_docx(self.target)
            else:
                self._pdf()
            self.result = self.target  # written: a cancel pressed after the last step comes too late
            self._set("done", 1, 1)
        except Cancelled:
            self._set("done", 0, 1)
        except ReportEditorError as e:
            self.error = "" if self.cancelled.is_set() else e.message
            self._set("done", 0, 1)
        except Exception as e:  # noqa: BLE001 - shown to the user rather than lost in a thread
            self.error = f"导出时发生意外错误：{e}"
            self._set("done", 0, 1)

    def _build_docx(self, target: Path) -> None:
        from ..export import iter_write_docx

        gen = iter_write_docx(self.report, target, self.edition)
        for done, total in gen:
            if self.cancelled.is_set():
                gen.close()  # stops before the file is written
                raise Cancelled()
            self._set("docx", done, total)

    def _pdf(self) -> None:
        from ..export.docx import write_bytes
        from ..export.pdf import INSTALL_HINT, convert_docx_to_pdf, find_soffice
        from ..model import DEFAULT_FONTS

        soffice = find_soffice()
        if soffice is None:
            raise ExportError(INSTALL_HINT)
        with tempfile.TemporaryDirectory(prefix="fzbg-pdf-") as tmp:
            docx_path = Path(tmp) / "report.docx"
            self._build_docx(docx_path)
            self._set("convert", 0, 0)
            out_dir = Path(tmp) / "out"
            out_dir.mkdir()
            fonts = [self.report.format.font(role) for role in DEFAULT_FONTS]
            pdf = convert_docx_to_pdf(docx_path, out_dir, soffice, font_names=fonts)
            if self.cancelled.is_set():
                raise Cancelled()
            write_bytes(self.target, pdf.read_bytes(), "PDF 文件")


def kill_converters() -> int:
    """End the LibreOffice processes this program started (children of this process); returns how many."""
    try:
        import psutil
    except ImportError:  # pragma: no cover - psutil is a dependency
        return 0
    killed = 0
    for child in psutil.Process().children(recursive=True):
        try:
            name = (child.name() or "").lower()
            cmd = " ".join(child.cmdline()).lower()
        except psutil.Error:
            continue
        if "soffice" in name or "soffice" in cmd or "libreoffice" in cmd:
            try:
                child.kill()
                killed += 1
            except psutil.Error:
                pass
    return killed
