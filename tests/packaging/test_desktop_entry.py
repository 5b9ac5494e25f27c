"""The menu entry is valid for the validator of the distributions we package for (desktop-file-validate of
desktop-file-utils; Debian 12 ships 0.26, which knows the specification up to version 1.4)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DESKTOP = ROOT / "resources" / "desktop" / "report-editor.desktop"


def validate(path: Path) -> list[str]:
    """desktop-file-validate's complaints about ``path`` (errors and warnings; hints are not complaints)."""
    tool = shutil.which("desktop-file-validate")
    r = subprocess.run([tool, str(path)], capture_output=True, text=True, timeout=60)
    lines = [line for line in (r.stdout + r.stderr).splitlines() if line.strip()]
    problems = [line for line in lines if "error:" in line or "warning:" in line]
    assert r.returncode == 0 or problems, lines
    return problems


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="desktop-file-validate (desktop-file-utils) is not installed")
def test_desktop_entry_is_valid():
    assert validate(DESKTOP) == []

