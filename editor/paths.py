"""Locate the bundled ``resources/`` and ``templates/`` folders.

In a checkout they sit beside the package; in an installed wheel they are shipped as
``editor/_data/resources`` and ``editor/_data/templates`` (see pyproject.toml ``force-include``); in the frozen
application (PyInstaller, resources/packaging/report-editor.spec) at the same place under the bundle's folder
``sys._MEIPASS``. Nothing here depends on the operating system.
"""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _find(name: str) -> Path:
    candidates = [_PACKAGE_DIR / "_data" / name]
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        candidates.insert(0, Path(bundle) / "editor" / "_data" / name)
    candidates.append(_PACKAGE_DIR.parent / name)
    for path in candidates:
        if path.is_dir():
            return path
    raise FileNotFoundError(f"找不到程序自带的 {name} 文件夹，请重新安装本程序。")


def resources_dir() -> Path:
    return _find("resources")


def templates_dir() -> Path:
    return _find("templates")
