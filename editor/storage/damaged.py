"""Moving a damaged file aside (never deleting it). No Qt.

A project, recovery copy or lock file the program cannot understand is moved into a folder named
``damaged`` beside it (for recovery copies: inside the recovery folder), keeping its name (with a time
stamp when the name is taken), so the user or a technician can still look at it later.
"""

from __future__ import annotations

import datetime as _dt
import os
import shutil
from pathlib import Path
from typing import Optional

from ..errors import ProjectWriteError, os_error_text

DAMAGED_FOLDER = "damaged"


def damaged_folder_for(path: str | os.PathLike) -> Path:
    return Path(path).absolute().parent / DAMAGED_FOLDER


def move_aside(path: str | os.PathLike, folder: Optional[str | os.PathLike] = None) -> Path:
    """Move ``path`` (a file or a folder) into ``folder`` (default: ``damaged`` beside it); returns the
    new path. Raises :class:`ProjectWriteError` (Chinese) when it cannot be moved."""
    src = Path(path).absolute()
    dest_dir = Path(folder) if folder is not None else damaged_folder_for(src)
    try:
        dest_dir.mkdir(parents=True, exist_ok=True)
        dest = dest_dir / src.name.lstrip(".")
        if dest.exists() or dest.is_symlink():
            stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            dest = dest_dir / f"{stamp}-{os.urandom(2).hex()}-{src.name.lstrip('.')}"
        shutil.move(str(src), str(dest))
    except OSError as e:
        raise ProjectWriteError(
            f"无法把“{src}”移到“{dest_dir}”：{os_error_text(e)}。文件保持原样；请手动把它移到别处。"
        ) from None
    return dest
