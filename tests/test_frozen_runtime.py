"""The frozen application's run-time hook (resources/packaging/rthook_env.py), run against a fake bundle: what
the packaged editor does to its environment before anything else."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run_rthook(monkeypatch, tmp_path, env: dict, contexts=("libibusplatforminputcontextplugin.so",)) -> dict:
    """Run the frozen application's run-time hook against a fake bundle; returns the resulting environment."""
    import runpy

    bundle = tmp_path / "_internal"
    folder = bundle / "PySide6" / "Qt" / "plugins" / "platforminputcontexts"
    folder.mkdir(parents=True)
    for name in contexts:
        (folder / name).write_bytes(b"")
    for key in ("LD_LIBRARY_PATH", "LD_LIBRARY_PATH_ORIG", "QT_IM_MODULE", "QT_PLUGIN_PATH"):
        monkeypatch.delenv(key, raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value.replace("BUNDLE", str(bundle)))
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    runpy.run_path(str(ROOT / "resources" / "packaging" / "rthook_env.py"))
    return {k: os.environ.get(k) for k in ("LD_LIBRARY_PATH", "LD_LIBRARY_PATH_ORIG", "QT_IM_MODULE", "QT_PLUGIN_PATH")}


def test_frozen_app_gives_child_processes_the_users_library_path(monkeypatch, tmp_path):
    env = _run_rthook(monkeypatch, tmp_path, {"LD_LIBRARY_PATH": "BUNDLE:/opt/x", "LD_LIBRARY_PATH_ORIG": "/opt/x"})
    assert env["LD_LIBRARY_PATH"] == "/opt/x" and env["LD_LIBRARY_PATH_ORIG"] is None
    assert env["QT_PLUGIN_PATH"].endswith(os.path.join("PySide6", "Qt", "plugins"))


def test_frozen_app_drops_the_library_path_it_set_itself(monkeypatch, tmp_path):
    env = _run_rthook(monkeypatch, tmp_path, {"LD_LIBRARY_PATH": "BUNDLE"})
    assert env["LD_LIBRARY_PATH"] is None


def test_frozen_app_uses_ibus_protocol_under_fcitx(monkeypatch, tmp_path):
    assert _run_rthook(monkeypatch, tmp_path, {"QT_IM_MODULE": "fcitx"})["QT_IM_MODULE"] == "ibus"


def test_frozen_app_keeps_an_input_method_it_bundles(monkeypatch, tmp_path):
    env = _run_rthook(monkeypatch, tmp_path, {"QT_IM_MODULE": "fcitx5"},
                      contexts=("libfcitx5platforminputcontextplugin.so",))
    assert env["QT_IM_MODULE"] == "fcitx5"
    assert _run_rthook(monkeypatch, tmp_path / "b", {"QT_IM_MODULE": "ibus"})["QT_IM_MODULE"] == "ibus"
