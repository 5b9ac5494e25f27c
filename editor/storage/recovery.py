"""Recovery copies written by autosave (the pattern of novelWriter's ``guimain.py``). No Qt.

While a report has unsaved changes the window writes, every 30 s, a copy of it into a recovery folder
(the window passes ``QStandardPaths.AppDataLocation/recovery``): ``<key>.fzbg`` plus ``<key>.json``
describing it (project path, name, host, process id with its start time and the boot id, time).

A copy is removed only when the user has decided about it: its window saved or discarded the work, or
the user restored it or chose to discard it at the next start. Answering "later" keeps it and it is
offered again. Every window has its own key (the project's path *and* the process), so a window that
opens the same project never overwrites or removes the copy a crashed process left behind.

:func:`scan_recoveries` never raises: a metadata file that cannot be understood (``[]``, ``null``, a
text or impossible process id…) is reported with the copy (``RecoveryInfo.problem``) so the user can
still restore the work it holds, or move it into ``damaged``.
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

from .. import sysenv
from ..errors import ProjectError
from ..model import Report
from .projectfile import EXTENSION, atomic_write_bytes, dump_project, read_project

META_FORMAT = 2
MAX_META_BYTES = 256 * 1024


def _session() -> str:
    """A short text unique to this process (process id and start time)."""
    return hashlib.sha1(sysenv.identity_token().encode("ascii")).hexdigest()[:8]


def recovery_key(project: Optional[str | os.PathLike]) -> str:
    """The key of a window's recovery copy: from the project's absolute path and this process (the same
    for every call in this process), or a fresh one for an untitled report."""
    if project:
        digest = hashlib.sha1(str(Path(project).absolute()).encode("utf-8")).hexdigest()[:16]
        return f"p-{digest}-{_session()}"
    return f"u-{uuid.uuid4().hex[:16]}"


@dataclass(frozen=True)
class RecoveryInfo:
    key: str
    copy_path: Path  # the recovery copy (.fzbg)
    project: Optional[Path]  # the project it belongs to; None for an untitled report (or unknown)
    name: str  # what the user calls it: the project's file name or the report title
    saved_at: _dt.datetime
    size: int  # bytes of the recovery copy
    host: str
    pid: int
    started: Optional[float] = None
    boot: str = ""
    problem: str = ""  # why the description (.json) could not be used, in Chinese; "" when it is fine

    @property
    def meta_path(self) -> Path:
        return self.copy_path.with_suffix(".json")

    def describe(self) -> str:
        text = f"{self.name}（{self.saved_at:%Y-%m-%d %H:%M:%S} 自动保存，{_size_text(self.size)}）"
        if self.problem:
            text += f"——说明文件“{self.meta_path.name}”已损坏（{self.problem}），所属项目不明"
        return text


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
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        from ..errors import ProjectWriteError, os_error_text

        raise ProjectWriteError(f"无法创建恢复副本文件夹“{folder}”：{os_error_text(e)}。") from None
    copy_path = folder / f"{key}{EXTENSION}"
    atomic_write_bytes(copy_path, dump_project(report, "自动保存的恢复副本"), backup=False, what="恢复副本")
    identity = sysenv.process_identity()
    meta = {
        "format": META_FORMAT,
        "project": str(Path(project).absolute()) if project else None,
        "name": name or (Path(project).name if project else report.title.replace("\n", "")),
        "saved_at": _dt.datetime.now().replace(microsecond=0).isoformat(),
        "host": socket.gethostname(),
        "pid": identity["pid"],
        "started": identity["started"],
        "boot": identity["boot"],
    }
    atomic_write_bytes(folder / f"{key}.json", json.dumps(meta, ensure_ascii=False, indent=1).encode("utf-8"),
                       backup=False, what="恢复副本说明")
    return copy_path


def remove_recovery(folder: str | os.PathLike, key: str) -> None:
    folder = Path(folder)
    for path in (folder / f"{key}{EXTENSION}", folder / f"{key}.json"):
        try:
            path.unlink()
        except OSError:
            pass


def move_recovery_aside(info: "RecoveryInfo") -> Path:
    """Move a damaged recovery copy and its description into ``<recovery folder>/damaged`` (never
    deleted); returns that folder."""
    from .damaged import DAMAGED_FOLDER, move_aside

    target = info.copy_path.parent / DAMAGED_FOLDER
    for path in (info.copy_path, info.meta_path):
        if path.exists():
            move_aside(path, target)
    return target


def _read_meta(meta_path: Path) -> tuple[dict, str]:
    """The description of a copy, and the problem with it in Chinese ("" when fine)."""
    try:
        with open(meta_path, "rb") as fh:
            raw = fh.read(MAX_META_BYTES + 1)
    except FileNotFoundError:
        return {}, "缺少说明文件"
    except OSError as e:
        from ..errors import os_error_text

        return {}, f"无法读取：{os_error_text(e)}"
    if len(raw) > MAX_META_BYTES:
        return {}, "文件过大"
    try:
        meta = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return {}, "内容不是有效的 JSON"
    if not isinstance(meta, dict):
        return {}, "内容不是恢复副本说明"
    problems = []
    if not sysenv.valid_pid(meta.get("pid")):
        problems.append("进程号无效")
    project = meta.get("project")
    if project is not None and (not isinstance(project, str) or not project or "\x00" in project):
        problems.append("项目路径无效")
    for key in ("name", "host", "boot", "saved_at"):
        if meta.get(key) is not None and not isinstance(meta.get(key), str):
            problems.append(f"字段 {key} 无效")
    started = meta.get("started")
    if started is not None and (isinstance(started, bool) or not isinstance(started, (int, float))):
        problems.append("字段 started 无效")
    if problems:
        return {}, "、".join(problems)
    return meta, ""


def _info(copy_path: Path) -> Optional[tuple[RecoveryInfo, bool]]:
    """The info of one copy and whether its writer is another live process; None if the copy vanished."""
    key = copy_path.stem
    meta, problem = _read_meta(copy_path.with_suffix(".json"))
    try:
        stat = copy_path.stat()
    except OSError:
        return None
    saved_at = None
    if isinstance(meta.get("saved_at"), str):
        try:
            saved_at = _dt.datetime.fromisoformat(meta["saved_at"])
        except ValueError:
            saved_at = None
    if saved_at is None:
        saved_at = _dt.datetime.fromtimestamp(stat.st_mtime).replace(microsecond=0)
    if saved_at.tzinfo is not None:
        saved_at = saved_at.astimezone().replace(tzinfo=None)
    host = str(meta.get("host") or "")
    pid = meta.get("pid") if sysenv.valid_pid(meta.get("pid")) else -1
    started = meta.get("started")
    boot = str(meta.get("boot") or "")
    project = Path(meta["project"]) if meta.get("project") else None
    name = str(meta.get("name") or "") or (project.name if project else copy_path.name)
    info = RecoveryInfo(key, copy_path, project, name[:200], saved_at, stat.st_size, host, pid, started, boot, problem)
    live_other = (not problem and host == socket.gethostname() and sysenv.holder_alive(pid, started, boot)
                  and not _is_this_process(pid, started))
    return info, live_other


def _is_this_process(pid, started) -> bool:
    if pid != os.getpid():
        return False
    if not isinstance(started, (int, float)):
        return True  # written without a start time by a process with our id: this one (or long gone)
    mine = sysenv.process_start_time(os.getpid())
    return mine is None or abs(mine - float(started)) <= sysenv.START_TIME_TOLERANCE_S


def list_recoveries(folder: str | os.PathLike, *, include_live: bool = False) -> list[RecoveryInfo]:
    """Recovery copies in ``folder``, newest first. Never raises.

    Copies written by another running copy of the program on this host (its process is alive, is the
    very process that wrote it — same start time and boot — and is not this one) are still in use and
    are left out unless ``include_live``. Copies of this very process are included: at start-up they
    can only come from an earlier process with the same id, and in tests they stand for a window that
    crashed (the window leaves out the keys of its open windows).
    """
    folder = Path(folder)
    out: list[RecoveryInfo] = []
    try:
        if not folder.is_dir():
            return out
        copies = sorted(folder.glob(f"*{EXTENSION}"))
    except OSError:
        return out
    for copy_path in copies:
        if copy_path.name.startswith("."):  # a temporary file of a save in progress
            continue
        try:
            found = _info(copy_path)
        except Exception:  # noqa: BLE001 - one odd file must never stop the start of the program
            try:
                found = (RecoveryInfo(copy_path.stem, copy_path, None, copy_path.name,
                                      _dt.datetime.fromtimestamp(copy_path.stat().st_mtime).replace(microsecond=0),
                                      copy_path.stat().st_size, "", -1, problem="无法读取"), False)
            except OSError:
                continue
        if found is None:
            continue
        info, live_other = found
        if live_other and not include_live:
            continue
        out.append(info)
    out.sort(key=lambda r: r.saved_at, reverse=True)
    return out


def read_recovery(info: RecoveryInfo) -> Report:
    """The report kept in a recovery copy (raises a ProjectError with a readable message if damaged)."""
    try:
        return read_project(info.copy_path)
    except ProjectError as e:
        raise ProjectError(f"恢复副本“{info.copy_path}”（{info.name}）无法读取：{e.message}") from None
