"""Platform differences (editor/sysenv.py): process liveness without signals, fonts from font folders
under Windows and Linux layouts, UTF-8 output. The Windows branches run here with ``sys.platform``
switched and a fake Windows folder of real font files."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest
from fontTools.ttLib import TTCollection, TTFont

from editor import sysenv
from editor.errors import LockDamaged, ProjectLocked
from editor.export import fonts
from editor.model import Report
from editor.storage import write_project
from editor.storage.lock import acquire_lock, holder_is_dead, lock_path, read_lock
from editor.storage.recovery import list_recoveries, recovery_key, write_recovery

ROOT = Path(__file__).resolve().parents[2]
BASE_TTF = Path("/usr/share/fonts/truetype/libreoffice/opens___.ttf")
OTHER_TTF = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


@pytest.fixture
def no_signals():
    """Any os.kill from the code under test fails the test (on Windows it would terminate the process).
    Undone before the test's own child processes are stopped."""
    def forbidden(*args, **kwargs):
        pytest.fail(f"os.kill{args} called: the program must never signal a process it did not start")

    patch = pytest.MonkeyPatch()
    patch.setattr(os, "kill", forbidden)
    if hasattr(os, "killpg"):
        patch.setattr(os, "killpg", forbidden)
    yield
    patch.undo()


@pytest.fixture
def sleeper():
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    yield proc
    proc.kill()
    proc.wait()


@pytest.fixture
def project(tmp_path):
    path = tmp_path / "报告 2023.fzbg"
    write_project(path, Report())
    return path


def _write_lock(project: Path, **holder) -> None:
    data = {"host": __import__("socket").gethostname(), "user": "同事", "time": "2026-12-01T09:00:00", "token": "x"}
    data.update(holder)
    lock_path(project).write_text(json.dumps(data), encoding="utf-8")


# ------------------------------------------------------------------ processes
def test_identity_of_this_process():
    me = sysenv.process_identity()
    assert me["pid"] == os.getpid()
    assert abs(me["started"] - psutil.Process().create_time()) < 0.01
    assert me["boot"] == Path("/proc/sys/kernel/random/boot_id").read_text().strip()
    assert sysenv.holder_alive(me["pid"], me["started"], me["boot"])


def test_lock_check_sends_no_signal_live_holder(project, sleeper, no_signals):
    started = psutil.Process(sleeper.pid).create_time()
    _write_lock(project, pid=sleeper.pid, started=started, boot=sysenv.boot_id())
    with pytest.raises(ProjectLocked) as info:
        acquire_lock(project)
    assert info.value.holder["dead"] is False and str(sleeper.pid) in info.value.message


def test_reused_pid_with_another_start_time_is_a_dead_holder(project, sleeper, no_signals):
    """The recorded process id is alive, but it is another process (started at another time)."""
    started = psutil.Process(sleeper.pid).create_time()
    _write_lock(project, pid=sleeper.pid, started=started - 3600, boot=sysenv.boot_id())
    assert Path(f"/proc/{sleeper.pid}").exists()  # the id is in use
    with pytest.raises(ProjectLocked) as info:
        acquire_lock(project)
    assert info.value.holder["dead"] is True and "意外退出" in info.value.message
    assert holder_is_dead(read_lock(project))
    lock = acquire_lock(project, force=True)
    assert read_lock(project)["pid"] == os.getpid() and lock.is_ours()


def test_pid_from_another_boot_is_dead(project, no_signals):
    me = sysenv.process_identity()
    _write_lock(project, pid=me["pid"], started=me["started"], boot="00000000-0000-0000-0000-000000000000")
    assert holder_is_dead(read_lock(project))


real_kill = os.kill


def test_zombie_holder_is_dead(project, no_signals):
    """A killed editor whose parent has not reaped it keeps its process id as a zombie."""
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        identity = sysenv.process_identity(proc.pid)
        _write_lock(project, **identity)
        assert not holder_is_dead(read_lock(project))
        real_kill(proc.pid, signal.SIGKILL)  # the test's own child, not the program under test
        for _ in range(100):
            if psutil.Process(proc.pid).status() == psutil.STATUS_ZOMBIE:
                break
            time.sleep(0.02)
        assert Path(f"/proc/{proc.pid}").exists()  # still there, as a zombie
        assert holder_is_dead(read_lock(project))
    finally:
        proc.wait()


def test_old_lock_without_start_time_still_works(project, sleeper, no_signals):
    _write_lock(project, pid=sleeper.pid)
    assert not holder_is_dead(read_lock(project))


@pytest.mark.parametrize("pid", ["abc", [1], 10**30, -5, 0, True, None, 1.5])
def test_damaged_lock_pid_is_reported_not_raised(project, pid, no_signals):
    _write_lock(project, pid=pid)
    holder = read_lock(project)
    assert holder.get("damaged") and "进程号" in holder["damaged"]
    with pytest.raises(LockDamaged) as info:
        acquire_lock(project)
    assert "已损坏" in info.value.message and "用户 ?" not in info.value.message
    lock = acquire_lock(project, force=True)  # the override moves the damaged lock aside, never deletes it
    assert lock.is_ours()
    moved = list((project.parent / "damaged").iterdir())
    assert len(moved) == 1 and json.loads(moved[0].read_text(encoding="utf-8"))["pid"] == pid


@pytest.mark.parametrize("content", [b"", b"\xff\xfe garbage", b"[]", b"null", b"{\"pid\": ", b"[" * 100000])
def test_garbage_lock_files(project, content, no_signals):
    lock_path(project).write_bytes(content)
    assert read_lock(project)["damaged"]
    with pytest.raises(LockDamaged):
        acquire_lock(project)


def test_lock_path_that_is_a_folder(project, no_signals):
    lock_path(project).mkdir()
    (lock_path(project) / "something").write_text("x")
    assert "文件夹" in read_lock(project)["damaged"]
    with pytest.raises(LockDamaged):
        acquire_lock(project)
    lock = acquire_lock(project, force=True)
    assert lock.is_ours() and lock_path(project).is_file()
    kept = project.parent / "damaged" / lock_path(project).name.lstrip(".")
    assert (kept / "something").read_text() == "x"


def test_recovery_listing_sends_no_signal(tmp_path, sleeper, no_signals):
    folder = tmp_path / "recovery"
    key = recovery_key(None)
    write_recovery(folder, key, Report())
    meta_path = folder / f"{key}.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.update(pid=sleeper.pid, started=psutil.Process(sleeper.pid).create_time())
    meta_path.write_text(json.dumps(meta), encoding="utf-8")
    assert list_recoveries(folder) == []  # in use by a live process
    meta["started"] -= 100  # the id now belongs to another process: the writer is dead
    meta_path.write_text(json.dumps(meta), encoding="utf-8")
    assert [i.key for i in list_recoveries(folder)] == [key]


def test_boot_id_windows_branch(monkeypatch):
    monkeypatch.setattr(sys, "platform", "win32")
    boot = sysenv.boot_id()
    assert boot.startswith("t:") and abs(int(boot[2:]) - psutil.boot_time()) < 2
    assert sysenv.same_boot(boot) is True
    assert sysenv.same_boot(f"t:{int(boot[2:]) + 1}") is True  # Windows' boot time moves by a second
    assert sysenv.same_boot(f"t:{int(boot[2:]) - 7200}") is False
    assert sysenv.same_boot("") is None


def test_no_os_kill_left_in_the_program():
    offenders = [str(p.relative_to(ROOT)) for p in (ROOT / "editor").rglob("*.py")
                 if "os.kill(" in p.read_text(encoding="utf-8")]
    assert offenders == []


# ------------------------------------------------------------------ fonts
def _renamed_font(src: Path, dest: Path, zh: str, en: str) -> Path:
    """A real font file whose family is called ``zh`` in Chinese and ``en`` in English (as 仿宋_GB2312's is)."""
    font = TTFont(src)
    name = font["name"]
    name.names = [r for r in name.names if r.nameID not in (1, 4, 16)]
    name.setName(en, 1, 3, 1, 0x409)
    name.setName(zh, 1, 3, 1, 0x804)
    name.setName(en, 4, 3, 1, 0x409)
    dest.parent.mkdir(parents=True, exist_ok=True)
    font.save(dest)
    return dest


def _collection(dest: Path, *members: Path) -> Path:
    coll = TTCollection()
    coll.fonts = [TTFont(m) for m in members]
    dest.parent.mkdir(parents=True, exist_ok=True)
    coll.save(dest)
    return dest


@pytest.fixture
def windows_fonts(tmp_path, monkeypatch):
    windir = tmp_path / "Windows"
    local = tmp_path / "Users" / "张三" / "AppData" / "Local"
    system = windir / "Fonts"
    user = local / "Microsoft" / "Windows" / "Fonts"
    fangsong = _renamed_font(BASE_TTF, tmp_path / "build" / "fs.ttf", "仿宋_GB2312", "FangSong_GB2312")
    kaiti = _renamed_font(BASE_TTF, tmp_path / "build" / "kt.ttf", "楷体_GB2312", "KaiTi_GB2312")
    fangsong.replace(system / "SIMFANG.TTF") if system.mkdir(parents=True) is None else None
    _collection(system / "msyh.ttc", kaiti, OTHER_TTF)
    _renamed_font(BASE_TTF, user / "方正小标宋简体.ttf", "方正小标宋简体", "FZXiaoBiaoSong-B05S")
    (system / "damaged.ttf").write_bytes(b"not a font at all")
    (system / "readme.txt").write_text("x")
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("WINDIR", str(windir))
    monkeypatch.setenv("LOCALAPPDATA", str(local))
    monkeypatch.setenv("PATH", str(tmp_path / "no-tools"))  # no fc-list on Windows
    fonts._installed_cached.cache_clear()
    yield tmp_path
    fonts._installed_cached.cache_clear()


def test_windows_font_folders(windows_fonts):
    folders = sysenv.font_folders()
    assert folders[0] == windows_fonts / "Windows" / "Fonts"
    assert folders[1] == windows_fonts / "Users" / "张三" / "AppData" / "Local" / "Microsoft" / "Windows" / "Fonts"


def test_windows_fonts_found_by_chinese_and_english_name(windows_fonts):
    families = fonts.installed_font_families()
    for name in ("仿宋_GB2312", "FangSong_GB2312", "楷体_GB2312", "KaiTi_GB2312", "DejaVu Sans",
                 "方正小标宋简体", "FZXiaoBiaoSong-B05S"):
        assert name in families, name
    assert "Noto Serif CJK SC" not in families  # the Linux fonts of this machine are not looked at
    from editor.model import FormatSettings

    missing = {name for _role, name, _sub in fonts.missing_fonts(FormatSettings(), families)}
    assert not missing & {"仿宋_GB2312", "楷体_GB2312", "方正小标宋简体"}


def test_linux_layout_without_fontconfig(tmp_path, monkeypatch):
    data = tmp_path / "share"
    _renamed_font(BASE_TTF, data / "fonts" / "truetype" / "fs" / "fs.ttf", "仿宋_GB2312", "FangSong_GB2312")
    _renamed_font(BASE_TTF, tmp_path / "home" / ".local" / "share" / "fonts" / "kt.otf", "楷体_GB2312", "KaiTi_GB2312")
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.setenv("XDG_DATA_DIRS", str(data))
    monkeypatch.setenv("PATH", str(tmp_path / "no-tools"))
    families = sysenv.installed_font_families()
    assert {"仿宋_GB2312", "FangSong_GB2312", "楷体_GB2312", "KaiTi_GB2312"} <= families
    assert "Noto Serif CJK SC" in families  # /usr/share/fonts is always looked at


def test_linux_with_fontconfig_uses_it(monkeypatch, tmp_path):
    tool = tmp_path / "bin" / "fc-list"
    tool.parent.mkdir()
    tool.write_text("#!/bin/sh\nprintf '仿宋_GB2312,FangSong_GB2312\\nNoto Serif CJK SC\\n'\n", encoding="utf-8")
    tool.chmod(0o755)
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("PATH", str(tool.parent))
    assert sysenv.installed_font_families() == {"仿宋_GB2312", "FangSong_GB2312", "Noto Serif CJK SC"}


def test_font_detection_is_cached_per_process(windows_fonts, monkeypatch):
    first = fonts.installed_font_families()
    monkeypatch.setattr(sysenv, "font_file_families", lambda p: pytest.fail("scanned twice"))
    assert fonts.installed_font_families() == first


def test_macos_font_folders(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setenv("HOME", str(tmp_path))
    folders = sysenv.font_folders()
    assert Path("/System/Library/Fonts") in folders and tmp_path / "Library" / "Fonts" in folders


def test_damaged_font_file_gives_no_names(tmp_path):
    bad = tmp_path / "x.ttc"
    bad.write_bytes(b"ttcf" + b"\0" * 40)
    assert sysenv.font_file_families(bad) == set()
    assert sysenv.font_file_families(tmp_path / "missing.ttf") == set()


# ------------------------------------------------------------------ folders
def test_log_dir_per_platform(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "Local"))
    assert sysenv.log_dir() == tmp_path / "Local" / "report-editor" / "logs"
    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setenv("HOME", str(tmp_path / "mac"))
    assert sysenv.log_dir() == tmp_path / "mac" / "Library" / "Logs" / "report-editor"
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    assert sysenv.log_dir() == tmp_path / "state" / "report-editor"
    assert sysenv.log_file() == tmp_path / "state" / "report-editor" / "errors.log"


def test_lock_is_never_visible_half_written(project, monkeypatch):
    """The lock appears with its whole content at once (hard link of a complete temporary file)."""
    from editor.storage import lock as lockmod

    seen = []
    real_link = os.link

    def watching_link(src, dst):
        seen.append(Path(src).read_bytes())
        return real_link(src, dst)

    monkeypatch.setattr(lockmod.os, "link", watching_link)
    lock = acquire_lock(project)
    assert json.loads(seen[0])["token"] == lock.token == read_lock(project)["token"]
    assert sorted(f.name for f in project.parent.iterdir()) == sorted([project.name, lock_path(project).name])
    lock.release()

    def no_links(*_a):
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr(lockmod.os, "link", no_links)  # FAT or a network share: exclusive create
    lock = acquire_lock(project)
    assert read_lock(project)["token"] == lock.token
    with pytest.raises(ProjectLocked):
        acquire_lock(project)
    assert sorted(f.name for f in project.parent.iterdir()) == sorted([project.name, lock_path(project).name])


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc is Linux's")
def test_start_time_from_proc_is_psutils_without_importing_it():
    from editor.sysenv import _proc_start_time, process_start_time

    for pid in (os.getpid(), os.getppid(), 1):
        assert _proc_start_time(pid) == pytest.approx(psutil.Process(pid).create_time(), abs=1e-6)
        assert process_start_time(pid) == pytest.approx(psutil.Process(pid).create_time(), abs=1e-6)
    assert _proc_start_time(2**31 - 2) is None  # no such process
    code = ("import sys; from editor.sysenv import identity_token; t = identity_token(); "
            "print(t.split('-')[1] != '0', 'psutil' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env=dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]))).stdout
    assert out.split() == ["True", "False"]
