"""Helpers of build-deb.sh (run with the build's Python; no third-party imports except for ``icons``).

    python debtools.py depends APPDIR          # the Depends: field for the frozen application in APPDIR
    python debtools.py icons SVG SHARE_ICONS   # hicolor PNG icons rendered from the SVG (PySide6, offscreen)
    python debtools.py system-libs APPDIR      # every library outside APPDIR that APPDIR's files load, with owner

Depends are the Debian packages that own the libraries the application loads from the system, as ``ldd``
resolves them with the library path the PyInstaller bootloader sets (the bundle's folder); the minimum versions
come from dpkg-shlibdeps. A library that is not found at all stops the build (install it on the build machine:
the package would not start without it).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path


def elf_files(appdir: Path) -> list[Path]:
    out = []
    for path in sorted(appdir.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with open(path, "rb") as f:
                if f.read(4) == b"\x7fELF":
                    out.append(path)
    return out


def ldd(path: Path, appdir: Path) -> dict[str, str | None]:
    """soname -> resolved path (None: not found), as the application's process resolves it."""
    env = dict(os.environ, LD_LIBRARY_PATH=str(appdir / "_internal"), LC_ALL="C")
    proc = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env)
    libs: dict[str, str | None] = {}
    for line in proc.stdout.splitlines():
        m = re.match(r"\s*(\S+) => (not found|(\S+) \(0x[0-9a-f]+\))", line)
        if m:
            libs[m.group(1)] = None if m.group(2) == "not found" else m.group(3)
    return libs


def owner(path: str) -> str | None:
    """The Debian package that installed ``path`` (either side of the /usr merge)."""
    real = os.path.realpath(path)
    candidates = {path, real}
    for p in list(candidates):
        if p.startswith("/usr/lib/"):
            candidates.add(p[len("/usr"):])
        elif p.startswith("/lib/"):
            candidates.add("/usr" + p)
    for p in sorted(candidates):
        proc = subprocess.run(["dpkg-query", "-S", p], capture_output=True, text=True)
        if proc.returncode == 0:
            return proc.stdout.split(":", 1)[0].strip()
    return None


def needed(path: Path) -> set[str]:
    """Sonames the file itself links to (not those of its dependencies)."""
    out = subprocess.run(["objdump", "-p", str(path)], capture_output=True, text=True).stdout
    return {line.split()[1] for line in out.splitlines() if line.strip().startswith("NEEDED")}


def system_libs(appdir: Path, direct: bool = False) -> dict[str, tuple[str | None, list[str]]]:
    """Library path outside ``appdir`` -> (owning package, files of the application that load it).
    Libraries not found are listed under the key ``"not found: SONAME"``. ``direct``: only the libraries the
    application's files link to themselves, not the dependencies of those."""
    appdir = appdir.resolve()
    found: dict[str, tuple[str | None, list[str]]] = {}
    for f in elf_files(appdir):
        libs = ldd(f, appdir)
        if direct:
            own = needed(f)
            libs = {k: v for k, v in libs.items() if k in own}
        for soname, path in libs.items():
            if path is not None and os.path.realpath(path).startswith(str(appdir) + os.sep):
                continue
            key = path if path is not None else f"not found: {soname}"
            if key not in found:
                found[key] = (owner(path) if path else None, [])
            found[key][1].append(str(f.relative_to(appdir)))
    return found


def depends(appdir: Path) -> str:
    appdir = appdir.resolve()
    libs = system_libs(appdir, direct=True)
    missing = sorted(k for k in libs if k.startswith("not found"))
    if missing:
        raise SystemExit("libraries not found on the build machine (install them, see .ci/run): " + ", ".join(missing))
    unowned = sorted(k for k, (pkg, _) in libs.items() if pkg is None)
    if unowned:
        raise SystemExit("libraries that no Debian package installed: " + ", ".join(unowned))
    packages = {pkg for pkg, _ in libs.values()}
    packages = {p.split(":")[0] for p in packages}
    # minimum versions from dpkg-shlibdeps (it runs in a scratch tree that looks like a Debian source package)
    versions: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        Path(tmp, "debian").mkdir()
        Path(tmp, "debian", "control").write_text("Source: report-editor\n\nPackage: report-editor\n"
                                                  "Architecture: any\n", encoding="utf-8")
        files = [str(f) for f in elf_files(appdir)]
        proc = subprocess.run(["dpkg-shlibdeps", "-O", "--ignore-missing-info",
                               f"-l{appdir / '_internal'}", *files],
                              capture_output=True, text=True, cwd=tmp)
        if proc.returncode != 0:
            print("dpkg-shlibdeps failed, Depends without minimum versions:\n" + proc.stderr[-2000:], file=sys.stderr)
        else:
            field = proc.stdout.split("=", 1)[1] if "=" in proc.stdout else ""
            for entry in field.split(","):
                entry = entry.strip()
                if entry:
                    versions[entry.split()[0]] = entry
    return ", ".join(versions.get(p, p) for p in sorted(packages))


def render_icons(svg: Path, share_icons: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 - fonts and painting need it
    renderer = QSvgRenderer(str(svg))
    for size in (16, 24, 32, 48, 64, 128, 256):
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        target = share_icons / "hicolor" / f"{size}x{size}" / "apps" / f"{svg.stem}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(target), "PNG"):
            raise SystemExit(f"could not write {target}")


def main(argv: list[str]) -> int:
    if len(argv) >= 2 and argv[0] == "depends":
        print(depends(Path(argv[1])))
    elif len(argv) >= 2 and argv[0] == "system-libs":
        for path, (pkg, users) in sorted(system_libs(Path(argv[1])).items()):
            print(f"{path}\t{pkg}\t{len(users)} files")
    elif len(argv) >= 3 and argv[0] == "icons":
        render_icons(Path(argv[1]), Path(argv[2]))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
