"""Fixtures of the export tests (reports are built in export_reports.py)."""

from __future__ import annotations

import pytest

from editor.model import Report
from export_reports import seed_report, small_report


@pytest.fixture
def long_report(seed_text) -> Report:
    """The sample template when it exists, else the seed report (both span several pages)."""
    try:
        from editor.templates import load_template

        return load_template("sample-dongguan-2022")
    except Exception:
        return seed_report(seed_text)


@pytest.fixture
def small() -> Report:
    return small_report()
