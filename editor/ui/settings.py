"""Settings of the window kept in ``QSettings``: recent files, last folder, autosave interval, layout.

Every function takes the ``QSettings`` to use (tests pass one backed by a temporary file); ``None``
means the application's default settings (organisation and application name set in ``editor.app``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from PySide6.QtCore import QSettings, QStandardPaths

RECENT_KEY = "files/recent"
LAST_FOLDER_KEY = "files/last_folder"
AUTOSAVE_KEY = "autosave/interval_s"
GEOMETRY_KEY = "window/geometry"
STATE_KEY = "window/state"
LANGUAGE_KEY = "ui/language"
MAX_RECENT = 10
DEFAULT_AUTOSAVE_S = 30
STATE_VERSION = 1


def settings(s: Optional[QSettings] = None) -> QSettings:
    return s if s is not None else QSettings()


def recent_files(s: Optional[QSettings] = None) -> list[str]:
    value = settings(s).value(RECENT_KEY, [])
    if isinstance(value, str):
        value = [value] if value else []
    if not isinstance(value, (list, tuple)):  # a damaged settings file: start with an empty list
        return []
    return [str(v) for v in value if isinstance(v, str) and v]


def add_recent_file(path, s: Optional[QSettings] = None) -> list[str]:
    path = str(Path(path).absolute())
    files = [f for f in recent_files(s) if f != path]
    files.insert(0, path)
    files = files[:MAX_RECENT]
    settings(s).setValue(RECENT_KEY, files)
    return files


def remove_recent_file(path, s: Optional[QSettings] = None) -> list[str]:
    path = str(Path(path).absolute())
    files = [f for f in recent_files(s) if f != path]
    settings(s).setValue(RECENT_KEY, files)
    return files


def last_folder(s: Optional[QSettings] = None) -> str:
    value = settings(s).value(LAST_FOLDER_KEY, "")
    if value and Path(str(value)).is_dir():
        return str(value)
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    # an account without a Documents folder: a file dialog given a missing folder types its name as a file name
    return docs if docs and Path(docs).is_dir() else str(Path.home())


def set_last_folder(path, s: Optional[QSettings] = None) -> None:
    p = Path(path)
    settings(s).setValue(LAST_FOLDER_KEY, str(p if p.is_dir() else p.parent))


def autosave_interval(s: Optional[QSettings] = None) -> int:
    """Seconds between autosaves (at least 5)."""
    try:
        value = int(settings(s).value(AUTOSAVE_KEY, DEFAULT_AUTOSAVE_S))
    except (TypeError, ValueError):
        value = DEFAULT_AUTOSAVE_S
    return max(5, value)


def set_autosave_interval(seconds: int, s: Optional[QSettings] = None) -> None:
    settings(s).setValue(AUTOSAVE_KEY, max(5, int(seconds)))


def recovery_dir() -> Path:
    """``AppDataLocation/recovery`` (e.g. ``~/.local/share/<org>/<app>/recovery``)."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    if not base:
        base = str(Path.home() / ".local" / "share" / "report-editor")
    return Path(base) / "recovery"
