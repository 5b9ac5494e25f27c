"""The homophone check reads the built-in terms' pinyin from resources/terms/pinyin.tsv instead of importing
pypinyin (0.1-0.2 s of every ``export``/``check``): the table must be what pypinyin gives, and a check run
over a homophone of a built-in term must not import pypinyin (a term of the user's dictionary still does)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from editor.checks.terms import PINYIN_TABLE, pinyin_table_text, readings, term_readings, terms_dir

ROOT = Path(__file__).resolve().parents[2]


def test_table_is_what_the_installed_pypinyin_gives():
    shipped = (terms_dir() / PINYIN_TABLE).read_text(encoding="utf-8")
    assert shipped == pinyin_table_text(), (
        "resources/terms/pinyin.tsv is out of date (a term list or pypinyin changed): run "
        "python -c 'from editor.checks.terms import write_pinyin_table; write_pinyin_table()'")


def test_table_readings():
    assert readings("重") >= {"zhong", "chong"}
    assert readings("证") >= {"zheng"}
    assert term_readings("公正文明执法") == ("gong", "zheng", "wen", "ming", "zhi", "fa")
    assert term_readings("依法治省")[3] == "sheng"  # the phrase's reading, not the character's archaic one


_PROBE = r"""
import sys
from tests.checks.test_checks_proofreading import make_report
from editor.checks import run_checks
r = make_report("严格规范公证文明执法，提升执法公信力。")
found = [f.excerpt for f in run_checks(r) if f.code == "word.term"]
print(found, "pypinyin" in sys.modules)
r = make_report("我局坚持莞邑条解工作。")
found = [f.excerpt for f in run_checks(r, user_terms="莞邑调解") if f.code == "word.term"]
print(found, "pypinyin" in sys.modules)
"""


def test_built_in_homophones_found_without_importing_pypinyin():
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", _PROBE], cwd=ROOT, env=env, capture_output=True, text=True,
                         check=True).stdout.splitlines()
    assert out[0] == "['严格规范公证文明执法'] False"
    # a term of the user's dictionary: its reading comes from pypinyin
    assert out[1] == "['莞邑条解'] True"
