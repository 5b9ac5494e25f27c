"""Recovery copies written by autosave (the pattern of novelWriter's ``guimain.py``). No Qt.

While a report has unsaved changes the window writes, every 30 s, a copy of it into a recovery folder
(the window passes ``QStandardPaths.AppDataLocation/recovery``): ``<key>.fzbg`` plus ``<key>.json``
describing it (project path, name, host, process, time). A normal close removes both. On the next
start :func:`list_recoveries` finds the copies left by a crash and the window offers to restore them.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import os
import socket
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from ..errors import ProjectError
from ..model import Report
from .lock import pid_alive
from .projectfile import EXTENSION, atomic_write_bytes, dump_project, read_project


def recovery_key(project: Optional[str | os.PathLike]) -> str:
    """Stable key for a saved project (from its absolute path); a fresh one for an untitled report."""
    if project:
        digest = hashlib.sha1(str(Path(project).absolute()).encode("utf-8")).hexdigest()[:16]
        return f"p-{digest}"
    return f"u-{uuid.uuid4().hex[:16]}"


@dataclass(frozen=True)
class RecoveryInfo:
    key: str
    copy_path: Path  # the recovery copy (.fzbg)
    project: Optional[Path]  # the project it belongs to; None for an untitled report
    name: str  # what the user calls it: the project's file name or the report title
    saved_at: _dt.datetime
    size: int  # bytes of the recovery copy
    host: str
    pid: int

    def describe(self) -> str:
        return f"{self.name}（{self.saved_at:%Y-%m-%d %H:%M:%S} 自动保存，{_size_text(self.size)}）"


def _size_text(size: int) -> str:
    if size < 1024:
        return f"{size} 字节"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


def write_recovery(folder: str | os.PathLike, key: str, report: Report, project: Optional[str | os.PathLike] = None,
                   name: str = "") -> Path:
    """Write (atomically) the recovery copy of ``report`` under ``key``; returns the copy's path."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    copy_path = folder / f"{key}{EXTENSION}"
    atomic_write_bytes(copy_path, dump_project(report, "自动保存的恢复副本"), backup=False, what="恢复副本")
    meta = {
        "project": str(Path(project).absolute()) if project else None,
        "name": name or (Path(project).name if project else report.title.replace("\n", "")),
        "saved_at": _dt.datetime.now().replace(microsecond=0).isoformat(),
        "host": socket.gethostname(),
        "pid": os.getpid(),
    }
    atomic_write_bytes(folder / f"{key}.json", json.dumps(meta, ensure_ascii=False, indent=1).encode("utf-8"),
                       backup=False, what="恢复副本说明")
    return copy_path


def remove_recovery(folder: str | os.PathLike, key: str) -> None:
    folder = Path(folder)
    for path in (folder / f"{key}{EXTENSION}", folder / f"{key}.json"):
        try:
            path.unlink()
        except FileNotFoundError:
            pass
        except OSError:
            pass


def list_recoveries(folder: str | os.PathLike, *, include_live: bool = False) -> list[RecoveryInfo]:
    """Recovery copies in ``folder``, newest first.

    Copies written by another running copy of the program on this host (its process is alive and is
    not this one) are still in use and are left out unless ``include_live``. Copies of this very
    process are included: at start-up they can only come from an earlier process with the same id,
    and in tests they stand for a window that crashed.
    """
    folder = Path(folder)
    out: list[RecoveryInfo] = []
    if not folder.is_dir():
        return out
    for copy_path in folder.glob(f"*{EXTENSION}"):
        key = copy_path.stem
        meta_path = folder / f"{key}.json"
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            saved_at = _dt.datetime.fromisoformat(meta.get("saved_at"))
        except (OSError, ValueError, TypeError):
            meta = {}
            saved_at = _dt.datetime.fromtimestamp(copy_path.stat().st_mtime).replace(microsecond=0)
        host = str(meta.get("host") or "")
        pid = int(meta.get("pid") or -1)
        if (not include_live and host == socket.gethostname() and pid != os.getpid() and pid_alive(pid)):
            continue
        project = Path(meta["project"]) if meta.get("project") else None
        try:
            size = copy_path.stat().st_size
        except OSError:
            continue
        out.append(RecoveryInfo(key, copy_path, project, str(meta.get("name") or key), saved_at, size, host, pid))
    out.sort(key=lambda r: r.saved_at, reverse=True)
    return out


def read_recovery(info: RecoveryInfo) -> Report:
    """The report kept in a recovery copy (raises a ProjectError with a readable message if damaged)."""
    try:
        return read_project(info.copy_path)
    except ProjectError as e:
        raise ProjectError(f"恢复副本“{info.name}”无法读取：{e.message}") from None
