"""Lock file and recovery copies (core, no Qt)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from editor.errors import ProjectLocked
from editor.storage import read_project, write_project
from editor.storage.lock import acquire_lock, holder_is_dead, lock_path, read_lock
from editor.storage.recovery import (
    list_recoveries,
    read_recovery,
    recovery_key,
    remove_recovery,
    write_recovery,
)
from editor.templates import load_template

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def project(tmp_path):
    path = tmp_path / "报告.fzbg"
    write_project(path, load_template("sample-dongguan-2022"))
    return path


def test_lock_names_holder_and_refuses_second(project):
    lock = acquire_lock(project)
    holder = read_lock(project)
    assert holder["pid"] == os.getpid() and holder["host"] and holder["user"]
    assert lock_path(project).name == ".报告.fzbg.lock"
    with pytest.raises(ProjectLocked) as info:
        acquire_lock(project)
    assert str(os.getpid()) in info.value.message
    assert info.value.holder["dead"] is False
    lock.release()
    assert read_lock(project) is None
    again = acquire_lock(project)
    assert again.is_ours()
    again.release()


def test_lock_held_by_other_process_then_dead(project):
    code = ("import sys, time; sys.path.insert(0, %r)\n"
            "from editor.storage.lock import acquire_lock\n"
            "acquire_lock(%r); print('locked', flush=True); time.sleep(60)") % (str(ROOT), str(project))
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "locked"
        with pytest.raises(ProjectLocked) as info:
            acquire_lock(project)
        assert info.value.holder["pid"] == proc.pid
        assert info.value.holder["dead"] is False
    finally:
        proc.kill()
        proc.wait()
    # The holder is gone (a crash): the lock is still there but marked dead, and can be overridden.
    with pytest.raises(ProjectLocked) as info:
        acquire_lock(project)
    assert info.value.holder["dead"] is True and holder_is_dead(read_lock(project))
    lock = acquire_lock(project, force=True)
    assert read_lock(project)["pid"] == os.getpid() and lock.is_ours()


def test_release_does_not_remove_someone_elses_lock(project):
    lock = acquire_lock(project)
    other = acquire_lock(project, force=True)  # someone overrode our lock
    lock.release()
    assert read_lock(project)["token"] == other.token


def test_recovery_write_list_read_remove(tmp_path, project):
    folder = tmp_path / "recovery"
    report = read_project(project)
    report.sections[0].heading = "恢复后的标题"
    key = recovery_key(project)
    assert key == recovery_key(str(project))
    copy = write_recovery(folder, key, report, project)
    infos = list_recoveries(folder)
    assert [i.key for i in infos] == [key]
    info = infos[0]
    assert info.project == project.absolute() and info.name == "报告.fzbg"
    assert info.size == copy.stat().st_size > 1000
    assert "报告.fzbg" in info.describe()
    assert read_recovery(info).sections[0].heading == "恢复后的标题"
    remove_recovery(folder, key)
    assert list_recoveries(folder) == []
    assert not any(folder.iterdir())


def test_recovery_of_untitled_and_live_other_process(tmp_path):
    folder = tmp_path / "recovery"
    report = load_template("fzzf-annual")
    k1, k2 = recovery_key(None), recovery_key(None)
    assert k1 != k2
    write_recovery(folder, k1, report)
    # A copy kept by another running process is in use: not offered.
    write_recovery(folder, k2, report)
    meta = json.loads((folder / f"{k2}.json").read_text(encoding="utf-8"))
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        # what that process would have recorded: its id, start time and boot
        from editor.sysenv import process_identity

        meta.update(process_identity(proc.pid))
        (folder / f"{k2}.json").write_text(json.dumps(meta), encoding="utf-8")
        assert [i.key for i in list_recoveries(folder)] == [k1]
        assert {i.key for i in list_recoveries(folder, include_live=True)} == {k1, k2}
    finally:
        proc.kill()
        proc.wait()
    time.sleep(0.05)
    assert {i.key for i in list_recoveries(folder)} == {k1, k2}
    assert list_recoveries(folder)[0].project is None
