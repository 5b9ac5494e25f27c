"""A lock file beside an open project, so one project is never edited in two windows or two running
copies at once (the pattern of novelWriter's ``core/storage.py``). No Qt.

The lock is ``.<name>.lock`` in the project's folder (``report.fzbg`` -> ``.report.fzbg.lock``), a small
JSON file naming host, user, process id, the process's start time and the boot id, and the time. It is
written only after the project was read successfully, and removed when the project is closed. A second
open is refused with a :class:`~editor.errors.ProjectLocked` naming the holder; the window may then
offer to override it, in particular when the holder is dead: same host and its process gone, a zombie,
the machine rebooted since, or its process id now used by another process (compared by start time,
see :func:`editor.sysenv.holder_alive`, which never sends a signal to anybody).

A lock file that cannot be understood (garbage, a folder, an impossible process id) raises
:class:`~editor.errors.LockDamaged`; overriding it moves the damaged lock into the ``damaged`` folder.
"""

from __future__ import annotations

import datetime as _dt
import getpass
import json
import os
import socket
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from .. import sysenv
from ..errors import LockDamaged, ProjectLocked, ProjectWriteError, os_error_text

MAX_LOCK_BYTES = 64 * 1024


def lock_path(project: str | os.PathLike) -> Path:
    p = Path(project).absolute()
    return p.with_name(f".{p.name}.lock")


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name in some containers
        return str(os.getuid()) if hasattr(os, "getuid") else "?"


# The local-socket name on which this process answers "show your window of this project" (set by the
# window application, see editor/ui/instance.py); recorded in the locks it writes.
_INSTANCE_NAME = ""


def set_instance_name(name: str) -> None:
    global _INSTANCE_NAME
    _INSTANCE_NAME = name


def this_holder() -> dict:
    identity = sysenv.process_identity()
    holder = {
        "host": socket.gethostname(),
        "user": _user(),
        "pid": identity["pid"],
        "started": identity["started"],
        "boot": identity["boot"],
        "time": _dt.datetime.now().replace(microsecond=0).isoformat(),
    }
    if _INSTANCE_NAME:
        holder["ipc"] = _INSTANCE_NAME
    return holder


def _damaged(reason: str) -> dict:
    return {"damaged": reason}


def _validate(data) -> dict:
    if not isinstance(data, dict):
        return _damaged("内容不是锁定信息")
    pid = data.get("pid")
    if not sysenv.valid_pid(pid):
        shown = json.dumps(pid, ensure_ascii=False)
        return _damaged(f"记录的进程号 {shown[:40]} 无效")
    for key in ("host", "user", "time", "token", "boot", "ipc"):
        if key in data and data[key] is not None and not isinstance(data[key], str):
            return _damaged(f"字段 {key} 的内容无效")
    started = data.get("started")
    if started is not None and (isinstance(started, bool) or not isinstance(started, (int, float))):
        return _damaged("字段 started 的内容无效")
    return data


def read_lock(project: str | os.PathLike) -> Optional[dict]:
    """The holder recorded in the project's lock file; None when there is no lock. A lock that cannot be
    understood is returned as ``{"damaged": reason}`` (reason in Chinese)."""
    path = lock_path(project)
    try:
        if path.is_dir():
            return _damaged("锁定文件的位置被一个文件夹占用")
        with open(path, "rb") as fh:
            raw = fh.read(MAX_LOCK_BYTES + 1)
    except FileNotFoundError:
        return None
    except OSError as e:
        return _damaged(f"无法读取：{os_error_text(e)}")
    if len(raw) > MAX_LOCK_BYTES:
        return _damaged("文件过大，不是本程序写的锁定文件")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return _damaged("内容不是有效的锁定信息")
    return _validate(data)


def pid_alive(pid, started=None, boot=None) -> bool:
    """Whether process ``pid`` runs (see :func:`editor.sysenv.holder_alive`; no signal is sent)."""
    return sysenv.holder_alive(pid, started, boot)


def holder_is_dead(holder: dict) -> bool:
    """True when the holder ran on this host and its process is gone (a crash, a kill, a reboot), is a
    zombie, or its process id now belongs to another process."""
    if not isinstance(holder, dict) or holder.get("damaged"):
        return False
    return holder.get("host") == socket.gethostname() and not pid_alive(
        holder.get("pid"), holder.get("started"), holder.get("boot"))


def describe_holder(holder: dict) -> str:
    if holder.get("damaged"):
        return f"未知（锁定文件已损坏：{holder['damaged']}）"
    time = str(holder.get("time") or "").replace("T", " ")
    return f"用户 {holder.get('user', '?')}（计算机 {holder.get('host', '?')}，进程 {holder.get('pid', '?')}，{time} 打开）"


@dataclass
class ProjectLock:
    """A held lock. ``release()`` removes the lock file if it is still ours."""

    project: Path
    holder: dict
    token: str

    @property
    def path(self) -> Path:
        return lock_path(self.project)

    def is_ours(self) -> bool:
        current = read_lock(self.project)
        return bool(current) and bool(self.token) and current.get("token") == self.token

    def release(self) -> None:
        if self.is_ours():
            try:
                self.path.unlink()
            except OSError:
                pass

    def move_to(self, new_project: str | os.PathLike) -> "ProjectLock":
        """After "save as": take a lock on the new file and give up the old one."""
        new = acquire_lock(new_project, force=True)
        self.release()
        return new


def acquire_lock(project: str | os.PathLike, *, force: bool = False) -> ProjectLock:
    """Take the lock of ``project`` or raise :class:`ProjectLocked` (:class:`LockDamaged` for a lock
    file that cannot be understood) naming the holder.

    With ``force`` an existing lock is replaced (after the user chose to override it); a damaged one is
    first moved into the ``damaged`` folder beside the project (never deleted).
    A project in a read-only folder cannot be locked: it is opened without a lock (the lock object then
    simply has no file).
    """
    project = Path(project).absolute()
    path = lock_path(project)
    holder = this_holder()
    holder["token"] = os.urandom(8).hex()
    holder["project"] = str(project)
    data = json.dumps(holder, ensure_ascii=False, indent=1).encode("utf-8")
    existing = read_lock(project)
    if existing is not None and existing.get("damaged"):
        if not force:
            raise LockDamaged(
                f"项目“{project.name}”的锁定文件“{path}”已损坏（{existing['damaged']}），无法判断是否有人正在编辑它。"
                "如果确认没有其他窗口在编辑它，可以解除锁定后打开；损坏的锁定文件会被移到“damaged”文件夹，不会删除。",
                holder={**existing, "dead": False},
            )
        from .damaged import move_aside

        move_aside(path)
    elif existing is not None and not force:
        dead = holder_is_dead(existing)
        what = "上次打开它的程序似乎已意外退出" if dead else "它正在被编辑"
        raise ProjectLocked(
            f"项目“{project.name}”已被锁定：{what}。锁定者：{describe_holder(existing)}。"
            + ("如果确认没有其他窗口在编辑它，可以解除锁定后打开。" if dead else
               "请先在那个窗口中关闭它；如果确认它已不在编辑，可以强制解除锁定。"),
            holder={**existing, "dead": dead},
        )
    tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
    try:
        if force:
            tmp.write_bytes(data)
            os.replace(tmp, path)
        else:
            _create_complete(path, tmp, data)
    except FileExistsError:  # another process won the race
        _unlink_quietly(tmp)
        return acquire_lock(project, force=False)
    except PermissionError:
        # Read-only location (e.g. a shared folder): editing is still possible, saving will report.
        _unlink_quietly(tmp)
        return ProjectLock(project, holder, "")
    except OSError as e:
        _unlink_quietly(tmp)
        raise ProjectWriteError(f"无法在“{project.parent}”中写入锁定文件：{os_error_text(e)}。") from None
    return ProjectLock(project, holder, holder["token"])


def _create_complete(path: Path, tmp: Path, data: bytes) -> None:
    """Create ``path`` with ``data`` only if it does not exist (FileExistsError otherwise), so that no
    other process ever sees an empty, half-written lock: the content is written to ``tmp`` first and
    hard-linked into place (atomic, fails if the name is taken). Without hard links (FAT, some network
    shares): an exclusive create, then the write."""
    tmp.write_bytes(data)
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise
    except OSError:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
    finally:
        _unlink_quietly(tmp)


def _unlink_quietly(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass
