"""The command line loads only what a command needs: no Qt for the commands without a window, no python-docx
where no Word file is read or written (start-up time is almost all imports)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

PROBE = """
import json, sys
from editor.cli import main
code = main(sys.argv[1:])
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def _modules(tmp_path: Path, *args: str) -> set[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONIOENCODING="utf-8")
    env.pop("QT_QPA_PLATFORM", None)
    r = subprocess.run([sys.executable, "-c", PROBE, *args], cwd=tmp_path, env=env, capture_output=True, text=True,
                       timeout=120)
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout.strip().splitlines()[-1])
    assert data["code"] in (0, 1), r.stderr
    return set(data["modules"])


def _qt(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if m.split(".")[0] in ("PySide6", "shiboken6"))


def _python_docx(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if m == "docx" or m.startswith("docx."))


@pytest.fixture()
def project(tmp_path):
    from editor.storage import write_project
    from editor.templates import load_template

    path = tmp_path / "sample.fzbg"
    write_project(path, load_template("sample-dongguan-2022"), backup=False)
    return path


def test_commands_without_a_window_load_no_qt(tmp_path, project):
    (tmp_path / "in.txt").write_text("2023年某局法治政府建设年度报告\n\n一、主要举措\n\n办理案件120件。\n", encoding="utf-8")
    for args in (["templates"], ["new", "n.fzbg"], ["export", project.name], ["check", project.name],
                 ["import", "in.txt", "-o", "i.fzbg"]):
        loaded = _modules(tmp_path, *args)
        assert _qt(loaded) == [], (args, _qt(loaded))
        if args[0] != "export":
            assert _python_docx(loaded) == [], (args, _python_docx(loaded))
    assert (tmp_path / "sample.docx").is_file() and (tmp_path / "i.fzbg").is_file()


def test_version_loads_none_of_the_core(tmp_path):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    r = subprocess.run([sys.executable, "-c", "import sys\nfrom editor.cli import main\ntry:\n    main(['--version'])\n"
                        "except SystemExit:\n    pass\nprint(sorted(m for m in sys.modules if m.split('.')[0] in "
                        "('pydantic', 'docx', 'lxml', 'PySide6')))"],
                       cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip().splitlines()[-1] == "[]"



# What an export needs none of: the console set-up (editor.sysenv) imported subprocess (with signal, selectors)
# for the font scan, and the skeleton cache's key hashlib (OpenSSL: 2 ms).
NOT_FOR_EXPORT = ("subprocess", "signal", "hashlib", "struct", "psutil", "PySide6", "shiboken6", "docx", "lxml")

EXPORT_PROBE = """
import builtins, json, sys
direct = set()
_import = builtins.__import__


def record(name, globals=None, locals=None, fromlist=(), level=0):
    if level == 0 and (globals or {}).get("__name__", "").startswith("editor"):
        direct.add(name.split(".")[0])
    return _import(name, globals, locals, fromlist, level)


builtins.__import__ = record
from editor.cli import main
code = main(sys.argv[1:])
print(json.dumps({"code": code, "direct": sorted(direct), "modules": sorted(sys.modules)}))
"""


def test_export_imports_only_what_it_needs(tmp_path, project):
    """A fresh ``export`` process (the skeleton cache filled by an earlier export, as for every export but the
    first): none of the editor's modules imports one of NOT_FOR_EXPORT, and subprocess, signal, psutil, Qt,
    python-docx, pydantic, hashlib (OpenSSL), uuid (and the platform module it loads) and the codecs of cp437
    and ascii are not loaded at all."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONIOENCODING="utf-8")
    env.pop("REPORT_EDITOR_NO_SKELETON_CACHE", None)
    for target in ("first.docx", "second.docx"):
        r = subprocess.run([sys.executable, "-c", EXPORT_PROBE, "export", project.name, "-o", target], cwd=tmp_path,
                           env=env, capture_output=True, text=True, timeout=120)
        assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout.strip().splitlines()[-1])
    assert data["code"] == 0 and (tmp_path / "second.docx").is_file()
    assert sorted(set(data["direct"]) & set(NOT_FOR_EXPORT)) == []
    loaded = {m.split(".")[0] for m in data["modules"]}
    assert sorted(loaded & {"subprocess", "signal", "psutil", "PySide6", "shiboken6", "docx", "lxml", "pydantic",
                            "pydantic_core", "hashlib", "_hashlib", "uuid", "platform"}) == []
    # codecs looked up by name: the skeleton cache's names (cp437, zipfile's default) and the boot id (ascii)
    assert sorted(set(data["modules"]) & {"encodings.cp437", "encodings.ascii"}) == []
