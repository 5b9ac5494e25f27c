"""Saving keeps its promise: a .bak after every kill, read-only files never overwritten, leftovers of
interrupted saves removed at the next start, unsavable text named; recovery metadata that cannot be
understood never stops the program (issue 9, points 2, 4, 7, 9, 10)."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from editor.errors import ProjectReadOnly, ProjectWriteError
from editor.model import Report
from editor.storage import projectfile, read_project, write_project
from editor.storage.damaged import move_aside
from editor.storage.projectfile import remove_interrupted_saves
from editor.storage.recovery import (
    list_recoveries,
    move_recovery_aside,
    read_recovery,
    recovery_key,
    write_recovery,
)

ROOT = Path(__file__).resolve().parents[2]


def _tmp_files(folder: Path) -> list[str]:
    return sorted(f.name for f in folder.iterdir() if f.name.endswith(".tmp"))


def test_backup_replaced_in_one_step(tmp_path, monkeypatch):
    """The old .bak is never removed before the new one is in place: a kill between the steps of a
    save (simulated by failing each step) always leaves a .bak."""
    p = tmp_path / "r.fzbg"
    write_project(p, Report(organisations=["一"]))
    write_project(p, Report(organisations=["二"]))
    bak = p.with_name("r.fzbg.bak")
    assert read_project(bak).organisations == ["一"]
    real_replace = os.replace
    calls = []

    def killed_at_second_replace(src, dst):
        calls.append(Path(dst).name)
        if len(calls) == 2:  # after the new .bak is in place, before the project is replaced
            raise KeyboardInterrupt
        return real_replace(src, dst)

    monkeypatch.setattr(projectfile.os, "replace", killed_at_second_replace)
    monkeypatch.setattr(projectfile.os, "unlink", lambda *_a: None)  # a kill cleans nothing up
    with pytest.raises(KeyboardInterrupt):
        write_project(p, Report(organisations=["三"]))
    monkeypatch.undo()
    assert calls == ["r.fzbg.bak", "r.fzbg"]
    assert read_project(p).organisations == ["二"] and read_project(bak).organisations == ["二"]
    # the new temporary file of the killed save is left behind, naming this (living) process
    assert len(_tmp_files(tmp_path)) == 1


def test_no_unlink_of_the_backup_ever(tmp_path, monkeypatch):
    p = tmp_path / "r.fzbg"
    write_project(p, Report(organisations=["一"]))
    write_project(p, Report(organisations=["二"]))
    removed = []
    real_unlink = os.unlink
    monkeypatch.setattr(projectfile.os, "unlink", lambda f, *a, **k: removed.append(str(f)) or real_unlink(f))
    write_project(p, Report(organisations=["三"]))
    assert not [f for f in removed if f.endswith(".bak")]
    assert read_project(p.with_name("r.fzbg.bak")).organisations == ["二"]


def test_backup_by_copy_when_links_are_not_possible(tmp_path, monkeypatch):
    p = tmp_path / "r.fzbg"
    write_project(p, Report(organisations=["一"]))

    def no_links(*_a):
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr(projectfile.os, "link", no_links)
    write_project(p, Report(organisations=["二"]))
    assert read_project(p.with_name("r.fzbg.bak")).organisations == ["一"]
    assert _tmp_files(tmp_path) == []


@pytest.mark.parametrize("which", ["project", "backup"])
def test_read_only_project_or_backup_is_never_overwritten(tmp_path, which):
    p = tmp_path / "只读.fzbg"
    write_project(p, Report(organisations=["一"]))
    write_project(p, Report(organisations=["二"]))
    target = p if which == "project" else p.with_name(p.name + ".bak")
    target.chmod(0o444)
    before = {f.name: f.read_bytes() for f in tmp_path.iterdir()}
    with pytest.raises(ProjectReadOnly) as e:
        write_project(p, Report(organisations=["三"]))
    assert "只读" in e.value.message and "另存为" in e.value.message and target.name in e.value.message
    assert {f.name: f.read_bytes() for f in tmp_path.iterdir()} == before
    assert stat.S_IMODE(target.stat().st_mode) == 0o444


def test_interrupted_saves_of_dead_writers_removed_at_next_start(tmp_path):
    """A temporary file names its writer; the next start removes it at once when that process is gone
    (no 10-minute wait), keeps one of a living writer, and touches nothing else."""
    p = tmp_path / "报告 2023.fzbg"
    write_project(p, Report())
    dead = subprocess.run([sys.executable, "-c", "import psutil, os; p = psutil.Process(); "
                           "print(f'{os.getpid()}-{round(p.create_time() * 1000)}')"],
                          capture_output=True, text=True, check=True).stdout.strip()
    live = projectfile._writer_token()
    leftovers = [tmp_path / f".{p.name}.w{dead}.abc.tmp", tmp_path / f".{p.name}.w{dead}.abc.1234.bak.tmp"]
    keep = [tmp_path / f".{p.name}.w{live}.def.tmp", tmp_path / ".other.fzbg.w1-1.x.tmp", tmp_path / "notes.txt"]
    for f in leftovers + keep:
        f.write_bytes(b"x" * 1000)
    assert remove_interrupted_saves(p) == 2
    assert not any(f.exists() for f in leftovers) and all(f.exists() for f in keep)


def test_interrupted_writes_in_a_folder(tmp_path):
    from editor.storage.projectfile import remove_interrupted_writes_in

    dead = tmp_path / ".k.fzbg.w4000000-1000.abc123.tmp"
    dead_bak = tmp_path / ".k.fzbg.w4000000-1000.0a1b.bak.tmp"
    live = tmp_path / f".k.json.w{projectfile._writer_token()}.xyz.tmp"
    unknown = tmp_path / ".k.fzbg.abc.tmp"
    for f in (dead, dead_bak, live, unknown):
        f.write_bytes(b"x")
    assert remove_interrupted_writes_in(tmp_path) == 2
    assert live.exists() and unknown.exists() and not dead.exists() and not dead_bak.exists()
    assert remove_interrupted_writes_in(tmp_path / "missing") == 0


def test_unsavable_text_is_named_and_nothing_written(tmp_path):
    p = tmp_path / "r.fzbg"
    write_project(p, Report(organisations=["旧"]))
    before = p.read_bytes()
    report = Report(organisations=["好", "坏\ud800字"])
    with pytest.raises(ProjectWriteError) as e:
        write_project(p, report)
    assert "report.organisations[1]" in e.value.message and "无法保存的字符" in e.value.message
    assert p.read_bytes() == before and _tmp_files(tmp_path) == []


def test_directory_in_the_way(tmp_path):
    (tmp_path / "r.fzbg").mkdir()
    with pytest.raises(ProjectWriteError) as e:
        write_project(tmp_path / "r.fzbg", Report())
    assert "文件夹" in e.value.message


def test_move_aside_keeps_the_file(tmp_path):
    bad = tmp_path / "坏 文件.fzbg"
    bad.write_text("{", encoding="utf-8")
    first = move_aside(bad)
    assert first == tmp_path / "damaged" / "坏 文件.fzbg" and first.read_text(encoding="utf-8") == "{"
    bad.write_text("{{", encoding="utf-8")
    second = move_aside(bad)
    assert second != first and second.read_text(encoding="utf-8") == "{{" and first.exists()


# ------------------------------------------------------------------ recovery metadata
@pytest.mark.parametrize("meta", [b"[]", b"null", b'{"pid": "abc"}', b'{"pid": 1000000000000000000000000000000}',
                                  b'{"pid": [1]}', b"\xff\xfe", b"", b'{"pid": 5, "project": 7}',
                                  b'{"pid": 5, "saved_at": "gestern"}', b"[" * 50000])
def test_damaged_recovery_metadata_never_raises(tmp_path, meta):
    folder = tmp_path / "recovery"
    key = recovery_key(None)
    write_recovery(folder, key, Report(organisations=["某县"], year=2023))
    (folder / f"{key}.json").write_bytes(meta)
    infos = list_recoveries(folder)
    assert [i.key for i in infos] == [key]
    info = infos[0]
    if meta != b'{"pid": 5, "saved_at": "gestern"}':
        assert info.problem and "说明文件" in info.describe() and f"{key}.json" in info.describe()
    assert read_recovery(info).organisations == ["某县"]  # the work itself is still there
    moved = move_recovery_aside(info)
    assert sorted(f.name for f in moved.iterdir()) == sorted([f"{key}.fzbg", f"{key}.json"])
    assert list_recoveries(folder) == []


def test_recovery_folder_that_is_a_file_or_missing(tmp_path):
    assert list_recoveries(tmp_path / "missing") == []
    (tmp_path / "file").write_text("x")
    assert list_recoveries(tmp_path / "file") == []


def test_damaged_recovery_copy_is_reported_by_name(tmp_path):
    folder = tmp_path / "recovery"
    key = recovery_key(None)
    write_recovery(folder, key, Report())
    (folder / f"{key}.fzbg").write_text("{ damaged", encoding="utf-8")
    info = list_recoveries(folder)[0]
    with pytest.raises(Exception) as e:
        read_recovery(info)
    assert f"{key}.fzbg" in str(e.value) and "Traceback" not in str(e.value)


def test_recovery_key_per_process(tmp_path):
    project = tmp_path / "r.fzbg"
    mine = recovery_key(project)
    assert mine == recovery_key(str(project))  # stable within this process
    other = subprocess.run([sys.executable, "-c", "import sys; sys.path.insert(0, sys.argv[1]);"
                            "from editor.storage.recovery import recovery_key; print(recovery_key(sys.argv[2]))",
                            str(ROOT), str(project)], capture_output=True, text=True, check=True).stdout.strip()
    assert other != mine and other.split("-")[1] == mine.split("-")[1]  # same project, another process


# ------------------------------------------------------------------ kill test (CI size; tests/perf/kill_save.py runs 500)
def test_kill_during_save_always_leaves_old_or_new_and_a_backup(tmp_path):
    sys.path.insert(0, str(ROOT))
    from tests.perf.kill_save import run_kills

    result = run_kills(tmp_path, kills=25, factor=3)
    assert result["kills"] == 25 and result["failures"] == []
    assert result["distinct_contents"] > 1  # the writer really was replacing the file when killed
    assert result["temporaries_after_next_start"] == 0


def test_killed_writer_process_is_not_signalled_by_the_cleanup(tmp_path, monkeypatch):
    """The next start recognises the dead writer from the file name only; it never signals anybody."""
    p = tmp_path / "r.fzbg"
    write_project(p, Report())
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    from editor import sysenv

    token = sysenv.identity_token(sysenv.process_identity(proc.pid))
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    leftover = tmp_path / f".r.fzbg.w{token}.zz.tmp"
    leftover.write_bytes(b"partial")
    monkeypatch.setattr(os, "kill", lambda *a: pytest.fail("signal sent"))
    time.sleep(0.01)
    assert remove_interrupted_saves(p) == 1 and not leftover.exists()
