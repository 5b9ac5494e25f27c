"""Locate the bundled ``resources/`` and ``templates/`` folders.

In a checkout they sit beside the package; in an installed wheel they are shipped as
``editor/_data/resources`` and ``editor/_data/templates`` (see pyproject.toml ``force-include``).
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _find(name: str) -> Path:
    installed = _PACKAGE_DIR / "_data" / name
    if installed.is_dir():
        return installed
    checkout = _PACKAGE_DIR.parent / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"找不到程序自带的 {name} 文件夹，请重新安装本程序。")


def resources_dir() -> Path:
    return _find("resources")


def templates_dir() -> Path:
    return _find("templates")
