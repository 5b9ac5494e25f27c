"""Progress reporting and cancelling for a long import (no Qt).

The import runs in stages (reading, punctuation, structure, figures, metrics). Each stage calls
:meth:`Progress.tick` once per paragraph; every ``EVERY`` calls the reporter passes the overall fraction
(0..1) and a Chinese stage name to ``callback`` and asks ``cancelled()``; when that returns True the
import stops with :class:`ImportCancelled`. The window runs the import in a worker thread and drives a
progress bar and a 取消 button with these two functions; the command line passes neither.
"""

from __future__ import annotations

from typing import Callable, Optional

from ..errors import ImportError_

ProgressCallback = Callable[[float, str], None]

# (start, end) of each stage as a fraction of the whole import, and its name shown to the user
STAGES: dict[str, tuple[float, float, str]] = {
    "read": (0.0, 0.10, "读取文件"),
    "punct": (0.10, 0.25, "转换标点"),
    "structure": (0.25, 0.40, "识别结构"),
    "figures": (0.40, 0.85, "识别数字"),
    "metrics": (0.85, 1.0, "生成指标"),
}


class ImportCancelled(ImportError_):
    """The user cancelled the import; nothing was imported."""

    def __init__(self, message: str = "导入已取消，没有导入任何内容。"):
        super().__init__(message)


class Progress:
    EVERY = 512  # paragraphs between two reports: cheap enough for 200,000 paragraphs, often enough for 取消

    def __init__(self, callback: Optional[ProgressCallback] = None, cancelled: Optional[Callable[[], bool]] = None):
        self.callback = callback
        self.cancelled = cancelled
        self._count = 0

    @property
    def active(self) -> bool:
        return self.callback is not None or self.cancelled is not None

    def check(self) -> None:
        if self.cancelled is not None and self.cancelled():
            raise ImportCancelled()

    def stage(self, name: str, fraction: float = 0.0) -> None:
        """Report the position within stage ``name`` now (and check for cancel)."""
        if not self.active:
            return
        start, end, label = STAGES[name]
        self.check()
        if self.callback is not None:
            self.callback(start + (end - start) * max(0.0, min(1.0, fraction)), label)

    def tick(self, name: str, done: int, total: int) -> None:
        """Called once per unit of work; reports every ``EVERY`` calls."""
        if self.callback is None and self.cancelled is None:
            return
        self._count += 1
        if self._count % self.EVERY:
            return
        self.stage(name, done / total if total else 1.0)


NO_PROGRESS = Progress()
