"""pydantic is loaded only when needed: never for reading, checking and exporting a project as this
program saves it; for data it does not write itself (here a year written as text), pydantic decides."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import json, sys
from editor.cli import main
code = main(sys.argv[1:])
print(json.dumps({"code": code, "pydantic": sorted(m for m in sys.modules if m.split(".")[0] in
                                                    ("pydantic", "pydantic_core"))}))
"""


def _run(tmp_path: Path, *args: str) -> tuple[int, list[str]]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONIOENCODING="utf-8")
    env.pop("QT_QPA_PLATFORM", None)
    r = subprocess.run([sys.executable, "-c", PROBE, *args], cwd=tmp_path, env=env, capture_output=True,
                       text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout.strip().splitlines()[-1])
    return out["code"], out["pydantic"]


def test_export_and_check_of_a_saved_project_do_not_load_pydantic(tmp_path):
    from editor.storage import write_project
    from editor.templates import load_template

    write_project(tmp_path / "p.fzbg", load_template("sample-dongguan-2022"), backup=False)
    for args in (["export", "p.fzbg", "-o", "p.docx"], ["check", "p.fzbg"]):
        code, loaded = _run(tmp_path, *args)
        assert code in (0, 1) and loaded == [], (args, loaded)
    assert (tmp_path / "p.docx").stat().st_size > 10_000


def test_data_the_program_does_not_write_itself_goes_to_pydantic(tmp_path):
    from editor.storage import read_project, write_project
    from editor.templates import load_template

    write_project(tmp_path / "p.fzbg", load_template("sample-dongguan-2022"), backup=False)
    doc = json.loads((tmp_path / "p.fzbg").read_text(encoding="utf-8"))
    doc["report"]["year"] = "2023"  # text where a number belongs: pydantic converts it
    (tmp_path / "q.fzbg").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    code, loaded = _run(tmp_path, "export", "q.fzbg", "-o", "q.docx")
    assert code == 0 and "pydantic" in loaded
    assert read_project(tmp_path / "q.fzbg").year == 2023
