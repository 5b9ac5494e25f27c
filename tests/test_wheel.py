"""The wheel ships resources/ and templates/: build it, install it into a fresh virtual environment and use it
from a folder outside the checkout."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow


def _clean_env() -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON") and k != "VIRTUAL_ENV"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def test_wheel_installs_and_exports_the_sample(tmp_path):
    dist = tmp_path / "dist"
    # --no-isolation: use the installed hatchling, nothing is downloaded
    r = subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist), str(ROOT)],
                       capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-2000:]
    wheels = list(dist.glob("report_editor-*.whl"))
    assert len(wheels) == 1
    names = zipfile.ZipFile(wheels[0]).namelist()
    assert "editor/_data/templates/sample-dongguan-2022.fzbg" in names
    assert "editor/_data/templates/fzzf-annual.fzbg" in names
    for folder in ("resources", "templates"):  # every bundled file ships, under editor/_data/
        for f in (ROOT / folder).rglob("*"):
            if f.is_file() and "__pycache__" not in f.parts:
                assert f"editor/_data/{f.relative_to(ROOT).as_posix()}" in names
    assert not any(n.startswith("tests/") for n in names)

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)], check=True, timeout=300)
    py = venv / "bin" / "python"
    # When the tests themselves run in a virtual environment (CI), --system-site-packages only reaches the base
    # interpreter: also make the running environment's packages (the dependencies) visible, after the venv's own.
    r = subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                       capture_output=True, text=True, check=True, env=_clean_env())
    parent = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    Path(r.stdout.strip(), "zz_parent_env.pth").write_text("\n".join(sorted(parent)) + "\n", encoding="utf-8")
    r = subprocess.run([str(py), "-m", "pip", "install", "--no-deps", "--no-index", "--no-build-isolation",
                        str(wheels[0])], capture_output=True, text=True, timeout=300, env=_clean_env())
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-2000:]

    work = tmp_path / "work"
    work.mkdir()
    exe = venv / "bin" / "report-editor"
    env = _clean_env()

    def cli(*args):
        return subprocess.run([str(exe), *args], cwd=work, env=env, capture_output=True, text=True, timeout=180)

    r = cli("templates")
    assert r.returncode == 0, r.stderr
    assert "sample-dongguan-2022" in r.stdout and "fzzf-annual" in r.stdout
    r = cli("new", "--template", "sample-dongguan-2022", "x.fzbg")
    assert r.returncode == 0, r.stderr
    r = cli("export", "x.fzbg")
    assert r.returncode == 0, r.stderr
    out = work / "x.docx"
    assert out.is_file() and out.stat().st_size > 10_000
    with zipfile.ZipFile(out) as z:
        assert "东莞市司法局" in z.read("word/document.xml").decode("utf-8")

    # the installed package, not the checkout, is the one that ran, and it finds its bundled folders
    # (resources/ must hold at least one file, or hatchling ships no folder and resources_dir() fails)
    r = subprocess.run([str(py), "-c", "import editor, editor.paths as p; print(editor.__file__); "
                        "print(p.templates_dir()); print(p.resources_dir())"],
                       cwd=work, env=env, capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert all(str(venv) in line and str(ROOT) not in line for line in lines), lines
    assert lines[1].endswith(os.path.join("editor", "_data", "templates"))
