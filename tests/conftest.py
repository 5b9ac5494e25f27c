"""Shared fixtures. Every test runs with settings, data and recovery folders in a temporary folder,
so no test touches a user's files (pattern from novelWriter's tests/conftest.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seed" / "000_2de74efebecd7fd4.txt"
SEED_COPY = Path(__file__).resolve().parent / "data" / "seed-dongguan-2022.txt"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / ".local" / "state"))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(home / "run"))
    (home / "run").mkdir(mode=0o700)
    yield home


@pytest.fixture
def seed_text() -> str:
    """The seed report (Dongguan Justice Bureau 2022) as copied from its web page."""
    return SEED_COPY.read_text(encoding="utf-8")


@pytest.fixture
def soffice() -> str:
    """Path of LibreOffice's soffice; the test is skipped only when it is not installed."""
    from editor.export.pdf import find_soffice

    path = find_soffice()
    if path is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    return path


@pytest.fixture(autouse=True)
def _no_blocking_message_boxes(monkeypatch):
    """No test may block on a modal message box. Unless a test sets its own answer (with monkeypatch,
    which overrides this), QMessageBox's static functions answer at once — "Discard" where offered
    (so closing a modified window at teardown does not prompt), else the default button — and the
    calls are recorded in ``message_boxes`` for tests that want to assert on them."""
    try:
        from PySide6.QtWidgets import QMessageBox
    except ImportError:  # pragma: no cover - Qt is a dependency
        yield []
        return
    calls: list[tuple[str, str]] = []
    SB = QMessageBox.StandardButton

    def make(kind):
        def answer(parent, title, text, buttons=SB.Ok, default=SB.NoButton):
            calls.append((kind, text))
            try:
                buttons_value = int(buttons.value) if hasattr(buttons, "value") else int(buttons)
            except TypeError:
                buttons_value = 0
            if buttons_value & SB.Discard.value:
                return SB.Discard
            if default != SB.NoButton:
                return default
            return SB.Ok
        return staticmethod(answer)

    for kind in ("warning", "question", "critical", "information"):
        monkeypatch.setattr(QMessageBox, kind, make(kind))
    yield calls


@pytest.fixture
def message_boxes(_no_blocking_message_boxes):
    return _no_blocking_message_boxes


@pytest.fixture(autouse=True)
def _no_blocking_file_problem_boxes(monkeypatch):
    """The same for the questions with buttons of their own (editor.ui.file_problems.choose): they answer
    with the last, harmless option unless a test sets its own answer; calls are in ``file_problem_boxes``."""
    calls: list[tuple[str, list[str]]] = []
    try:
        from editor.ui import file_problems
    except ImportError:  # pragma: no cover - Qt is a dependency
        yield calls
        return

    def answer(parent, title, text, options, default, icon=None):
        calls.append((text, [key for key, _label in options]))
        return options[-1][0]

    monkeypatch.setattr(file_problems, "choose", answer)
    yield calls


@pytest.fixture
def file_problem_boxes(_no_blocking_file_problem_boxes):
    return _no_blocking_file_problem_boxes
