"""The Debian package: build it with the documented command, install it with dpkg, use it from a clean
environment outside any virtual environment (the four commands and the window), check with ldd that it loads no
library from outside the package and its declared dependencies, and remove it without leftovers.

Needs root and dpkg (CI runs as root on Debian). Takes a few minutes, most of it the build.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APP = Path("/opt/report-editor")
EXE = Path("/usr/bin/report-editor")
MIME_FILE = Path("/usr/share/mime/application/x-fzbg-project.xml")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux") or shutil.which("dpkg") is None,
                       reason="the .deb is built and installed on Debian-family Linux"),
    pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() != 0, reason="installing a .deb needs root (CI)"),
]


def _version() -> str:
    return re.search(r'__version__ = "([^"]+)"', (ROOT / "editor" / "__init__.py").read_text(encoding="utf-8"))[1]


def _installed(package: str = "report-editor") -> bool:
    r = subprocess.run(["dpkg-query", "-W", "-f=${Status}", package], capture_output=True, text=True)
    return r.returncode == 0 and "installed" in r.stdout.split()


def _depends_closure(package: str) -> set[str]:
    """The package's declared dependencies and, recursively, theirs (installed alternatives only)."""
    seen: set[str] = set()
    todo = [package]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        r = subprocess.run(["dpkg-query", "-W", "-f=${Depends}, ${Pre-Depends}", name], capture_output=True, text=True)
        for group in r.stdout.split(","):
            for alt in group.split("|"):
                dep = alt.strip().split(" ")[0].split(":")[0]
                if dep and _installed(dep):
                    todo.append(dep)
    return seen


def _owners(paths: set[str]) -> dict[str, str]:
    """Library path -> the package that installed it (looked up on both sides of the /usr merge)."""
    variants = {}
    for p in paths:
        real = os.path.realpath(p)
        for v in {p, real}:
            variants[v] = p
            if v.startswith("/usr/lib/"):
                variants[v[4:]] = p
            elif v.startswith("/lib/"):
                variants["/usr" + v] = p
    r = subprocess.run(["dpkg-query", "-S", *sorted(variants)], capture_output=True, text=True)
    out: dict[str, str] = {}
    for line in r.stdout.splitlines():
        pkgs, _, path = line.partition(": ")
        if path in variants:
            out[variants[path]] = pkgs.split(",")[0].split(":")[0].strip()
    return out


def _elf_files(folder: Path) -> list[Path]:
    files = []
    for p in folder.rglob("*"):
        if p.is_file() and not p.is_symlink():
            with open(p, "rb") as f:
                if f.read(4) == b"\x7fELF":
                    files.append(p)
    return files


@pytest.fixture()
def package_lock():
    """One package test at a time on a machine (dpkg and the build folder are shared)."""
    with open("/tmp/report-editor-package-test.lock", "w") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        yield


def test_deb_builds_installs_works_and_removes_cleanly(tmp_path, package_lock):
    if _installed():
        pytest.skip("report-editor is installed on this machine; the test installs and removes it itself")
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM",)}
    env["PYTHON"] = sys.executable
    r = subprocess.run(["bash", "resources/packaging/build-deb.sh"], cwd=ROOT, env=env, capture_output=True,
                       text=True, timeout=1200)
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    arch = subprocess.check_output(["dpkg", "--print-architecture"], text=True).strip()
    deb = ROOT / "dist" / f"report-editor_{_version()}_{arch}.deb"
    assert deb.is_file(), r.stdout[-2000:]
    assert deb.stat().st_size <= 90 * 2**20, f"{deb.stat().st_size / 2**20:.1f} MB > 90 MB"

    def field(name):
        return subprocess.run(["dpkg-deb", "-f", str(deb), name], capture_output=True, text=True, check=True).stdout

    assert "libreoffice" in field("Recommends") and "fonts-noto-cjk" in field("Recommends")
    depends = field("Depends")
    assert "libc6" in depends and "libfontconfig1" in depends
    assert not re.search(r"python|qt6|pyside|libreoffice", depends, re.I), depends  # all inside the package

    r = subprocess.run(["dpkg", "-i", str(deb)], capture_output=True, text=True, timeout=600)
    try:
        assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-2000:]
        files = subprocess.run(["dpkg-query", "-L", "report-editor"], capture_output=True, text=True,
                               check=True).stdout.splitlines()
        assert EXE.is_symlink() and (APP / "report-editor").is_file()
        for path in ("/usr/share/applications/report-editor.desktop", "/usr/share/mime/packages/report-editor.xml",
                     "/usr/share/icons/hicolor/scalable/apps/report-editor.svg",
                     "/usr/share/icons/hicolor/48x48/apps/report-editor.png"):
            assert path in files
        if shutil.which("desktop-file-validate"):  # CI installs desktop-file-utils
            r = subprocess.run(["desktop-file-validate", "/usr/share/applications/report-editor.desktop"],
                               capture_output=True, text=True, timeout=60)
            assert r.returncode == 0 and "error:" not in r.stdout + r.stderr, r.stdout + r.stderr
        _check_file_association(tmp_path, installed=True)

        _use_installed_package(tmp_path)
        _check_libraries()
    finally:
        removed = subprocess.run(["dpkg", "-r", "report-editor"], capture_output=True, text=True, timeout=600)
    assert removed.returncode == 0, removed.stderr
    left = [p for p in files if os.path.lexists(p) and not os.path.isdir(p)]
    assert left == [] and not APP.exists() and not os.path.lexists(EXE)
    _check_file_association(tmp_path, installed=False)
    # dpkg keeps the record of a removed package that has a postrm (for `postrm purge`); drop it too
    subprocess.run(["dpkg", "--purge", "report-editor"], capture_output=True, timeout=600)


def _check_file_association(tmp_path: Path, installed: bool) -> None:
    """The maintainer scripts (un)registered the .fzbg MIME type and the editor as the program opening it."""
    globs = Path("/usr/share/mime/globs2")
    cache = Path("/usr/share/applications/mimeinfo.cache")
    if shutil.which("update-mime-database"):
        assert MIME_FILE.is_file() == installed
        assert ("application/x-fzbg-project:*.fzbg" in globs.read_text(encoding="utf-8")) == installed
    if shutil.which("update-desktop-database"):
        text = cache.read_text(encoding="utf-8") if cache.exists() else ""
        assert ("application/x-fzbg-project=report-editor.desktop" in text) == installed
    gio = shutil.which("gio")
    if gio and installed:  # what a GLib file manager (UOS, Kylin) does on a double-click
        probe = tmp_path / "probe.fzbg"
        shutil.copy(ROOT / "templates" / "sample-dongguan-2022.fzbg", probe)
        env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
        info = subprocess.run([gio, "info", "-a", "standard::content-type", str(probe)], capture_output=True,
                              text=True, env=env).stdout
        assert "application/x-fzbg-project" in info, info
        default = subprocess.run([gio, "mime", "application/x-fzbg-project"], capture_output=True, text=True,
                                 env=env).stdout
        assert "report-editor.desktop" in default.splitlines()[0], default


def _use_installed_package(tmp_path: Path) -> None:
    home = tmp_path / "home"
    work = tmp_path / "work"
    home.mkdir()
    work.mkdir()
    clean = {"PATH": "/usr/bin:/bin", "HOME": str(home)}

    def run(*args, extra=None, timeout=120):
        cmd = ["env", "-i", *(f"{k}={v}" for k, v in {**clean, **(extra or {})}.items()), "report-editor", *args]
        return subprocess.run(cmd, cwd=work, capture_output=True, timeout=timeout)

    r = run("templates")
    assert r.returncode == 0, r.stderr.decode("utf-8", "replace")
    out = r.stdout.decode("utf-8")
    assert "sample-dongguan-2022" in out and "fzzf-annual" in out and "东莞市司法局" in out

    r = run("new", "--template", "sample-dongguan-2022", "sample.fzbg")
    assert r.returncode == 0, r.stderr.decode("utf-8", "replace")
    assert (work / "sample.fzbg").is_file()

    r = run("export", "sample.fzbg")
    assert r.returncode == 0, r.stderr.decode("utf-8", "replace")
    import docx  # the exported file opens in python-docx and holds the report

    text = "\n".join(p.text for p in docx.Document(str(work / "sample.docx")).paragraphs)
    assert "东莞市司法局" in text and "法治政府建设" in text
    with zipfile.ZipFile(work / "sample.docx") as z:
        assert "word/document.xml" in z.namelist()

    if shutil.which("soffice", path=clean["PATH"]) or shutil.which("libreoffice", path=clean["PATH"]):
        r = run("export", "sample.fzbg", "--format", "pdf", "-o", "sample.pdf", timeout=300)
        assert r.returncode == 0, r.stderr.decode("utf-8", "replace")
        assert (work / "sample.pdf").read_bytes()[:5] == b"%PDF-"
        if shutil.which("pdftotext"):
            txt = subprocess.run(["pdftotext", str(work / "sample.pdf"), "-"], capture_output=True).stdout
            assert "东莞市司法局".encode() in txt

    r = run("check", "sample.fzbg", "--json")
    assert r.returncode in (0, 1), r.stderr.decode("utf-8", "replace")
    findings = json.loads(r.stdout.decode("utf-8"))
    assert isinstance(findings, list) and all("message" in f for f in findings)
    assert r.returncode == (1 if any(f["severity"] == "error" for f in findings) else 0)

    # the window, offscreen: it opens the project (recorded in the recent files) and paints itself
    shot = tmp_path / "window.png"
    r = run(str(work / "sample.fzbg"), extra={"QT_QPA_PLATFORM": "offscreen", "REPORT_EDITOR_EXIT_WHEN_SHOWN": "1",
                                              "REPORT_EDITOR_SCREENSHOT": str(shot)})
    assert r.returncode == 0, r.stderr.decode("utf-8", "replace")[-2000:]
    assert b"shown after" in r.stdout
    assert shot.is_file() and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 5000
    conf = (home / ".config" / "fzbg" / "report-editor.conf").read_text(encoding="utf-8")
    assert str(work / "sample.fzbg") in conf


def _check_libraries() -> None:
    """Every library a file in /opt/report-editor loads (as the bootloader sets the library path) is in the
    package or belongs to a declared dependency (or to a dependency of those)."""
    allowed = _depends_closure("report-editor")
    env = {"LD_LIBRARY_PATH": str(APP / "_internal"), "LC_ALL": "C", "PATH": "/usr/bin:/bin"}
    outside: dict[str, str] = {}
    missing = []
    files = _elf_files(APP)
    assert len(files) > 20
    for f in files:
        r = subprocess.run(["ldd", str(f)], capture_output=True, text=True, env=env)
        for line in r.stdout.splitlines():
            m = re.match(r"\s*(\S+) => (not found|(\S+) \(0x)", line)
            if not m:
                continue
            if m.group(2) == "not found":
                missing.append(f"{f}: {m.group(1)}")
            elif not os.path.realpath(m.group(3)).startswith(str(APP) + "/"):
                outside.setdefault(m.group(3), str(f))
    assert missing == []
    owners = _owners(set(outside))
    stray = {lib: outside[lib] for lib in outside if owners.get(lib) not in allowed}
    assert stray == {}, {lib: (owners.get(lib), user) for lib, user in stray.items()}
    # the interpreter, Qt and the Python packages come from the package itself
    assert not any(re.search(r"libpython|libQt6|libpyside|libshiboken|libicu", lib) for lib in outside), outside
