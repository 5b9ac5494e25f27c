"""Everything that differs between Windows, macOS and Linux, in one place (no Qt).

* Process liveness and identity (:func:`process_identity`, :func:`holder_alive`), through ``psutil``:
  a lock or a recovery copy records the process id, its start time and the boot id, so a process id
  that is alive again after a reboot or was reused by another program is not taken for the holder,
  and a zombie (killed, not yet reaped by its parent) counts as dead. No signal is ever sent: on
  Windows ``os.kill`` with signal 0 would *terminate* the process (TerminateProcess).
* Installed fonts (:func:`installed_font_families`): the family names (every language) read with
  ``fontTools`` from the system's and the user's font folders (Windows ``%WINDIR%\\Fonts`` and
  ``%LOCALAPPDATA%\\Microsoft\\Windows\\Fonts``; macOS ``/System/Library/Fonts``, ``/Library/Fonts``,
  ``~/Library/Fonts``; Linux: fontconfig's ``fc-list`` when present, else the XDG font folders).
* Console output (:func:`utf8_output`): UTF-8, never an exception on a character the console's code
  page (cp936 on Chinese Windows) cannot encode.
* Where the log file goes (:func:`log_dir`).

Every function decides by ``sys.platform`` / ``os.name`` at call time, so the tests exercise the
Windows branch on Linux by switching them. Every command imports this module (the console set-up), so what
only the fonts need (subprocess, shutil, struct, fontTools) is imported where it is used.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Iterable, Optional

# ---------------------------------------------------------------------------------------------- platform


def is_windows() -> bool:
    return sys.platform == "win32" or os.name == "nt"


def is_macos() -> bool:
    return sys.platform == "darwin"


# ---------------------------------------------------------------------------------------------- processes

# A process id fits in 32 bits on every supported system; anything else in a file is damage.
MAX_PID = 2**32 - 1
# psutil computes Linux start times from clock ticks since boot: allow for rounding.
START_TIME_TOLERANCE_S = 1.0
# psutil's boot time on Windows and macOS is computed from the uptime and may move by a second.
BOOT_TIME_TOLERANCE_S = 2.0


def valid_pid(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 < value <= MAX_PID


def boot_id() -> str:
    """An identifier of the current boot of this machine: Linux's random ``boot_id``; elsewhere
    ``t:<boot time in seconds>`` (compared with a tolerance by :func:`same_boot`)."""
    if sys.platform.startswith("linux"):
        try:
            # bytes decoded here: a text file in "ascii" would load its codec module (every save and export)
            text = Path("/proc/sys/kernel/random/boot_id").read_bytes().decode("ascii").strip()
            if text:
                return text
        except OSError:
            pass
    try:
        import psutil

        return f"t:{int(psutil.boot_time())}"
    except Exception:  # noqa: BLE001 - psutil may not know the boot time (some containers)
        return ""


def same_boot(recorded) -> Optional[bool]:
    """True/False when ``recorded`` (a :func:`boot_id`) is/is not this boot; None when unknown."""
    if not isinstance(recorded, str) or not recorded:
        return None
    current = boot_id()
    if not current:
        return None
    if recorded.startswith("t:") and current.startswith("t:"):
        try:
            return abs(int(recorded[2:]) - int(current[2:])) <= BOOT_TIME_TOLERANCE_S
        except ValueError:
            return None
    return recorded == current


def process_start_time(pid: int) -> Optional[float]:
    """The start time (seconds since the epoch) of process ``pid``, or None if there is no such process
    or it cannot be asked."""
    if not valid_pid(pid):
        return None
    if sys.platform.startswith("linux"):
        started = _proc_start_time(pid)
        if started is not None:
            return started
    import psutil

    try:
        return float(psutil.Process(pid).create_time())
    except (psutil.Error, OSError, ValueError, OverflowError):
        return None


def _proc_start_time(pid: int) -> Optional[float]:
    """Linux: the start time read from /proc as psutil computes it (clock ticks since boot in
    ``/proc/<pid>/stat`` / ``SC_CLK_TCK`` + ``btime`` of ``/proc/stat``) without importing psutil, which
    costs every save and export ~10 ms; None when /proc does not answer (psutil is asked then)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            stat = fh.read()
        ticks = int(stat[stat.rindex(b")") + 2:].split()[19])  # field 22, starttime (the name may hold ")")
        with open("/proc/stat", "rb") as fh:
            btime = next(float(line.split()[1]) for line in fh if line.startswith(b"btime"))
        return ticks / os.sysconf("SC_CLK_TCK") + btime
    except (OSError, ValueError, IndexError, StopIteration):
        return None


def process_identity(pid: Optional[int] = None) -> dict:
    """``{"pid", "started", "boot"}`` of ``pid`` (default: this process), recorded with a lock or a
    recovery copy so that :func:`holder_alive` can tell the very same process from a reused id."""
    pid = os.getpid() if pid is None else pid
    return {"pid": pid, "started": process_start_time(pid), "boot": boot_id()}


def holder_alive(pid, started=None, boot=None) -> bool:
    """Whether the process that wrote a lock or a recovery copy is still running.

    ``pid`` with the ``started`` time and ``boot`` id recorded by :func:`process_identity`. Dead when:
    the id is impossible; the machine was rebooted since; no such process; the process is a zombie
    (killed, waiting for its parent); or a process runs under that id but started at another time (the
    id was reused). When the system will not tell (access denied), the holder is taken as alive.
    Never sends a signal.
    """
    if not valid_pid(pid):
        return False
    if same_boot(boot) is False:
        return False
    import psutil

    try:
        # psutil.Process(pid) asks the system about the process (Linux: /proc; Windows: OpenProcess) and
        # raises NoSuchProcess when there is none; psutil.pid_exists would send signal 0 on POSIX.
        proc = psutil.Process(pid)
        if proc.status() == psutil.STATUS_ZOMBIE:
            return False
        if isinstance(started, (int, float)) and not isinstance(started, bool):
            if abs(proc.create_time() - float(started)) > START_TIME_TOLERANCE_S:
                return False
    except psutil.ZombieProcess:
        return False
    except psutil.NoSuchProcess:
        return False
    except psutil.AccessDenied:
        return True
    except (psutil.Error, OSError, ValueError, OverflowError):
        return False
    return True


def identity_token(identity: Optional[dict] = None) -> str:
    """A short text naming this process uniquely (process id and start time in ms): ``12345-1733050000123``."""
    identity = identity or process_identity()
    started = identity.get("started")
    ms = int(round(started * 1000)) if isinstance(started, (int, float)) else 0
    return f"{identity.get('pid')}-{ms}"


def token_alive(token: str) -> Optional[bool]:
    """Whether the process named by an :func:`identity_token` still runs; None if the token is not one."""
    pid_text, _, ms_text = token.partition("-")
    if not (pid_text.isdigit() and ms_text.isdigit()):
        return None
    ms = int(ms_text)
    return holder_alive(int(pid_text), ms / 1000 if ms else None)


# ---------------------------------------------------------------------------------------------- fonts

FONT_SUFFIXES = (".ttf", ".otf", ".ttc", ".otc")


def font_folders() -> list[Path]:
    """The system's and the user's font folders on this platform (existing or not)."""
    home = Path(os.path.expanduser("~"))
    if is_windows():
        windir = os.environ.get("WINDIR") or os.environ.get("SystemRoot") or r"C:\Windows"
        folders = [Path(windir) / "Fonts"]
        local = os.environ.get("LOCALAPPDATA") or str(home / "AppData" / "Local")
        folders.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
        return folders
    if is_macos():
        return [Path("/System/Library/Fonts"), Path("/System/Library/Fonts/Supplemental"),
                Path("/Library/Fonts"), Path("/Network/Library/Fonts"), home / "Library" / "Fonts"]
    data_home = os.environ.get("XDG_DATA_HOME") or str(home / ".local" / "share")
    folders = [Path(data_home) / "fonts", home / ".fonts"]
    for d in (os.environ.get("XDG_DATA_DIRS") or "/usr/local/share:/usr/share").split(os.pathsep):
        if d:
            folders.append(Path(d) / "fonts")
    for extra in (Path("/usr/share/fonts"), Path("/usr/local/share/fonts")):
        if extra not in folders:
            folders.append(extra)
    return folders


def _font_files(folders: Iterable[Path]) -> Iterable[Path]:
    seen: set[str] = set()
    for folder in folders:
        if not folder.is_dir():
            continue
        for root, _dirs, files in os.walk(folder, followlinks=True):
            for name in files:
                if name.lower().endswith(FONT_SUFFIXES):
                    path = os.path.join(root, name)
                    key = os.path.normcase(os.path.realpath(path))
                    if key not in seen:
                        seen.add(key)
                        yield Path(path)


def font_file_families(path: str | os.PathLike) -> set[str]:
    """The family names a font file gives itself, in every language (name IDs 1 and 16; for a
    collection, of every font in it). Empty for a file that is not a readable font."""
    import struct

    from fontTools.ttLib import TTCollection, TTFont, TTLibError

    names: set[str] = set()
    path = str(path)
    holder = None
    try:
        if path.lower().endswith((".ttc", ".otc")):
            holder = TTCollection(path, lazy=True)
            fonts = list(holder.fonts)
        else:
            holder = TTFont(path, lazy=True, fontNumber=0)
            fonts = [holder]
        for font in fonts:
            try:
                records = font["name"].names
            except Exception:  # noqa: BLE001 - a damaged font in a collection must not stop the scan
                continue
            for rec in records:
                if rec.nameID not in (1, 16):
                    continue
                try:
                    text = rec.toUnicode()
                except Exception:  # noqa: BLE001 - undecodable legacy encodings
                    continue
                text = text.strip().strip("\x00")
                if text:
                    names.add(text)
    except (TTLibError, OSError, ValueError, AssertionError, struct.error, IndexError, KeyError):
        return names
    finally:
        if holder is not None:
            try:
                holder.close()
            except Exception:  # noqa: BLE001
                pass
    return names


def _fontconfig_families() -> Optional[set[str]]:
    """All family names fontconfig knows (all languages), or None when fc-list is not usable."""
    import shutil
    import subprocess

    fc = shutil.which("fc-list")
    if fc is None:
        return None
    try:
        proc = subprocess.run([fc, ":", "family"], capture_output=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if proc.returncode != 0:
        return None
    return parse_fc_list(proc.stdout.decode("utf-8", "replace"))


def parse_fc_list(output: str) -> set[str]:
    """Family names in the output of ``fc-list : family`` (comma-separated localised names per line)."""
    families: set[str] = set()
    for line in output.splitlines():
        for name in line.split(","):
            name = name.strip().replace("\\-", "-")
            if name:
                families.add(name)
    return families


def installed_font_families() -> set[str]:
    """Family names (every language) of the fonts installed on this machine. Windows and macOS: read
    from the font folders; Linux and other Unix: from fontconfig, or the font folders without it."""
    if not is_windows() and not is_macos():
        families = _fontconfig_families()
        if families:
            return families
    families = set()
    for path in _font_files(font_folders()):
        families |= font_file_families(path)
    return families


# ---------------------------------------------------------------------------------------------- console


def utf8_output(*streams) -> None:
    """Make ``sys.stdout``/``sys.stderr`` (or the given text streams) write UTF-8 and replace what
    cannot be written instead of raising.

    A redirected stream on Windows would otherwise use the console's code page (cp936), where a rare
    name, 〇 or an emoji raises UnicodeEncodeError in the middle of a command. A Windows console
    itself is written through its wide-character API by Python already (its encoding reads "utf-8").
    Lone surrogates (undecodable file names) are replaced.
    """
    for stream in streams or (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:
            continue
        try:
            stream.flush()
            reconfigure(encoding="utf-8", errors="replace")
        except (OSError, ValueError, AttributeError):
            try:
                reconfigure(errors="replace")
            except (OSError, ValueError, AttributeError):
                pass


# ---------------------------------------------------------------------------------------------- folders

APP_FOLDER = "report-editor"


def log_dir() -> Path:
    """Where the log of unexpected errors goes: ``%LOCALAPPDATA%\\report-editor\\logs`` on Windows,
    ``~/Library/Logs/report-editor`` on macOS, ``$XDG_STATE_HOME/report-editor`` (``~/.local/state``)
    elsewhere."""
    home = Path(os.path.expanduser("~"))
    if is_windows():
        base = os.environ.get("LOCALAPPDATA") or str(home / "AppData" / "Local")
        return Path(base) / APP_FOLDER / "logs"
    if is_macos():
        return home / "Library" / "Logs" / APP_FOLDER
    return Path(os.environ.get("XDG_STATE_HOME") or home / ".local" / "state") / APP_FOLDER


def cache_dir() -> Path:
    """Where files that can always be made again are kept (the export's prepared document skeletons):
    ``%LOCALAPPDATA%\\report-editor\\cache`` on Windows, ``~/Library/Caches/report-editor`` on macOS,
    ``$XDG_CACHE_HOME/report-editor`` (``~/.cache``) elsewhere."""
    home = Path(os.path.expanduser("~"))
    if is_windows():
        base = os.environ.get("LOCALAPPDATA") or str(home / "AppData" / "Local")
        return Path(base) / APP_FOLDER / "cache"
    if is_macos():
        return home / "Library" / "Caches" / APP_FOLDER
    return Path(os.environ.get("XDG_CACHE_HOME") or home / ".cache") / APP_FOLDER


def log_file() -> Path:
    return log_dir() / "errors.log"
