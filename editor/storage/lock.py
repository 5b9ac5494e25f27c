"""A lock file beside an open project, so one project is never edited in two windows or two running
copies at once (the pattern of novelWriter's ``core/storage.py``). No Qt.

The lock is ``.<name>.lock`` in the project's folder (``report.fzbg`` -> ``.report.fzbg.lock``), a small
JSON file naming host, user, process id and time. It is written only after the project was read
successfully, and removed when the project is closed. A second open is refused with a
:class:`~editor.errors.ProjectLocked` naming the holder; the window may then offer to override it, in
particular when the holder looks dead (same host, process gone), which is what a crash leaves behind.
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

from ..errors import ProjectLocked, ProjectWriteError


def lock_path(project: str | os.PathLike) -> Path:
    p = Path(project).absolute()
    return p.with_name(f".{p.name}.lock")


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name in some containers
        return str(os.getuid()) if hasattr(os, "getuid") else "?"


def this_holder() -> dict:
    return {
        "host": socket.gethostname(),
        "user": _user(),
        "pid": os.getpid(),
        "time": _dt.datetime.now().replace(microsecond=0).isoformat(),
    }


def read_lock(project: str | os.PathLike) -> Optional[dict]:
    """The holder recorded in the project's lock file, or None when there is no (readable) lock."""
    path = lock_path(project)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        # An unreadable or half-written lock still means somebody may hold the project.
        return {"host": "?", "user": "?", "pid": -1, "time": ""}
    return data if isinstance(data, dict) else {"host": "?", "user": "?", "pid": -1, "time": ""}


def pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by someone else
        return True
    except OSError:
        return False
    return True


def holder_is_dead(holder: dict) -> bool:
    """True when the holder ran on this host and its process is gone (a crash or a kill)."""
    return holder.get("host") == socket.gethostname() and not pid_alive(int(holder.get("pid") or -1))


def describe_holder(holder: dict) -> str:
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
        return bool(current) and current.get("token") == self.token

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
    """Take the lock of ``project`` or raise :class:`ProjectLocked` naming the holder.

    With ``force`` an existing lock is replaced (after the user chose to override it).
    A project in a read-only folder cannot be locked: it is opened without a lock (None is never
    returned; the lock object then simply has no file).
    """
    project = Path(project).absolute()
    path = lock_path(project)
    holder = this_holder()
    holder["token"] = os.urandom(8).hex()
    holder["project"] = str(project)
    data = json.dumps(holder, ensure_ascii=False, indent=1).encode("utf-8")
    if not force:
        existing = read_lock(project)
        if existing is not None:
            dead = holder_is_dead(existing)
            what = "上次打开它的程序似乎已意外退出" if dead else "它正在被编辑"
            raise ProjectLocked(
                f"项目“{project.name}”已被锁定：{what}。锁定者：{describe_holder(existing)}。"
                + ("如果确认没有其他窗口在编辑它，可以解除锁定后打开。" if dead else
                   "请先在那个窗口中关闭它；如果确认它已不在编辑，可以强制解除锁定。"),
                holder={**existing, "dead": dead},
            )
    try:
        if force:
            tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
            tmp.write_bytes(data)
            os.replace(tmp, path)
        else:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
    except FileExistsError:  # another process won the race
        return acquire_lock(project, force=False)
    except PermissionError:
        # Read-only location (e.g. a shared folder): editing is still possible, saving will report.
        return ProjectLock(project, holder, "")
    except OSError as e:
        raise ProjectWriteError(f"无法在“{project.parent}”中写入锁定文件：{e.strerror or e}。") from None
    return ProjectLock(project, holder, holder["token"])
