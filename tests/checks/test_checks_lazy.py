"""Start-up cost of the checks for ``export``: the rule modules' regular expressions are compiled on first use
(:mod:`editor.checks.lazyre`), so an errors-only run (what ``export`` does before writing) compiles only the
patterns of the rules that can report an error, and those rules skip work whose findings could only be
warnings. A full run (``check``, the window) still runs everything and finds everything."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
from pathlib import Path

from editor.checks import run_checks
from editor.checks.context import CJK_RE, has_cjk
from editor.checks.lazyre import LazyPattern, bind, is_compiled, lazy_re
from editor.templates import load_template

ROOT = Path(__file__).resolve().parents[2]

# Run in a fresh interpreter: which module-level patterns of editor.checks are compiled after the import,
# after an errors-only run on the sample, and after a full run.
_PROBE = r"""
import json, re, sys
import editor.checks
from editor.checks.lazyre import LazyPattern, is_compiled
from editor.templates import load_template

def state():
    # patterns of other parts (TOKEN_RE of the model, imported by the context) are not the checks' own
    foreign = {id(v) for n, m in list(sys.modules.items()) if n.startswith("editor.")
               and not n.startswith("editor.checks") for v in vars(m).values() if isinstance(v, re.Pattern)}
    out = {}
    for name, mod in sorted(sys.modules.items()):
        if not name.startswith("editor.checks.") or name == "editor.checks.lazyre":
            continue
        for attr, value in vars(mod).items():
            if isinstance(value, (re.Pattern, LazyPattern)) and id(value) not in foreign:
                out[name.rsplit(".", 1)[1] + "." + attr] = [is_compiled(value), isinstance(value, LazyPattern)]
    return out

report = load_template("sample-dongguan-2022")
after_import = state()
loaded = {}
watched = ("editor.checks.terms", "editor.model.yearly", "pypinyin")
loaded["import"] = [m for m in watched if m in sys.modules]
errors = [f.code for f in editor.checks.run_checks(report, severities={"error"})]
after_errors = state()
loaded["errors"] = [m for m in watched if m in sys.modules]
full = [[f.code, f.severity] for f in editor.checks.run_checks(report)]
loaded["full"] = [m for m in watched if m in sys.modules]
print(json.dumps({"import": after_import, "errors": after_errors, "full": full, "errors_found": errors,
                  "loaded": loaded}))
"""


def _probe(tmp_path) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT), HOME=str(tmp_path))
    out = subprocess.run([sys.executable, "-c", _PROBE], env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def test_a_fresh_errors_only_run_compiles_only_what_the_error_rules_use(tmp_path):
    got = _probe(tmp_path)
    after_import, after_errors = got["import"], got["errors"]
    assert len(after_import) > 50  # the rule modules' patterns (and CJK_RE of the context) are all seen
    # importing editor.checks compiles none of them
    assert [k for k, (compiled, _lazy) in after_import.items() if compiled] == []
    # every module-level pattern is lazy: one written with re.compile would be compiled on import (above)
    assert all(lazy for _compiled, lazy in after_import.values())
    compiled = {k for k, (c, _lazy) in after_errors.items() if c}
    # the errors-only run compiled some patterns of the error rules ...
    assert {"rules_text._HALF_RE", "rules_wording._PLACEHOLDER_RE"} <= compiled
    # ... and none of the rules that report warnings only, nor the warning-only parts of the error rules
    warning_only = {
        "context.CJK_RE", "rules_punct._SPACE_RE", "rules_punct._FULL_ALNUM_RE", "rules_wording._DOUBLE_WORD_RE",
        "rules_wording._JIEZHI_RE", "rules_wording._DI_RE", "rules_years._DATE_RE", "rules_structure._SELF_RE",
        "rules_text._ENUM_CN_RE", "rules_text._DATE_ZERO_RE", "rules_text._MARK_BODY_RE", "rules_punct._CLASH_RE",
        "rules_figures._DOUBLE_QUAL_RE", "rules_figures._RESP_RE", "rules_figures._NOUN_AFTER_RE",
        "rules_figures._TOTAL_WORDS",
    }
    assert warning_only <= set(after_errors)
    assert not (compiled & warning_only), compiled & warning_only
    # a compiled pattern has replaced its stand-in in the module (no indirection left on later uses)
    assert all(not lazy for k, (c, lazy) in after_errors.items() if c)
    # the term lists' module and the stale-year finder are loaded by the warning rules that use them only
    # (the model may load yearly itself: what counts is that the errors-only run loads none of them)
    assert got["loaded"]["errors"] == got["loaded"]["import"]
    assert "editor.checks.terms" not in got["loaded"]["import"] and "pypinyin" not in got["loaded"]["full"]
    assert {"editor.checks.terms", "editor.model.yearly"} <= set(got["loaded"]["full"])


def test_a_full_run_after_an_errors_only_run_finds_everything(tmp_path):
    got = _probe(tmp_path)
    in_process = [[f.code, f.severity] for f in run_checks(load_template("sample-dongguan-2022"))]
    assert got["full"] == in_process
    assert {s for _c, s in got["full"]} == {"warning", "info"}  # the sample's warnings and reminders
    assert len(got["full"]) >= 10


def _case(text_edits) -> object:
    report = load_template("sample-dongguan-2022")
    for (section, item, para), new in text_edits:
        target = report.sections[section].items[item]
        if para is None:
            target.lead = new + target.lead
        else:
            target.body[para] = new + target.body[para]
    return report


def test_rules_with_errors_and_warnings_report_the_same_errors_when_warnings_are_not_asked_for():
    report = _case([
        ((0, 0, 0), "全市法治宣传覆盖率为120%，全年共有律师事务所373家，完成311家律师事务所的考核，逾5000人次以上；"
                    "出台3部规章，分别为《甲规定》《乙办法》。，标点重复。。"),
        ((0, 1, 0), "（一）正文里手工输入的序号。"),
        ((1, 0, None), "（一）"),
        ((1, 0, 0), "受理案件100件，其中民事120件。"),
    ])
    full = run_checks(report)
    codes = {(f.code, f.severity) for f in full}
    # the report has errors and warnings of the same rules (figures, doubled marks, hand-typed numbers)
    assert {("figure.rate_over_100", "error"), ("figure.part_gt_whole", "error"), ("punct.double", "error"),
            ("punct.manual_number", "error")} <= codes
    assert {("figure.double_qualifier", "warning"), ("figure.respectively_count", "warning"),
            ("punct.clash", "warning"), ("punct.manual_number", "warning")} <= codes
    key = lambda f: (f.code, f.severity, f.message, str(f.ref), f.where, f.span, f.excerpt)  # noqa: E731
    only = run_checks(report, severities={"error"})
    assert [key(f) for f in only] == [key(f) for f in full if f.severity == "error"]
    assert len(only) >= 4


def test_lazy_pattern_compiles_on_first_use_and_takes_its_place():
    ns = {"P": lazy_re(r"(\d+)年", re.ASCII), "Q": lazy_re(r"[\u3400-\u9fff]+")}
    held = ns["P"]
    bind(ns)
    assert isinstance(ns["P"], LazyPattern) and not held.compiled and not is_compiled(ns["P"])
    m = held.search("报告2022年")  # any attribute compiles it
    assert m.group(1) == "2022" and m.re is re.compile(r"(\d+)年", re.ASCII)
    assert isinstance(ns["P"], re.Pattern) and ns["P"] is held.get()  # replaced in the namespace it was bound in
    assert held.flags == re.compile(r"(\d+)年", re.ASCII).flags and held.pattern == r"(\d+)年"
    assert [x.group(0) for x in held.finditer("1年2年")] == ["1年", "2年"]  # the stand-in still forwards
    assert isinstance(ns["Q"], LazyPattern)  # not used: not compiled
    later = {"P2": held}
    bind(later)  # bound after it was compiled: replaced at once
    assert isinstance(later["P2"], re.Pattern)
    assert "lazy_re" in repr(ns["Q"])


def test_lazy_pattern_is_safe_to_compile_from_several_threads():
    p = lazy_re(r"(?<=[\u3400-\u9fff])\.")
    ns = {"P": p}
    bind(ns)
    results = []
    threads = [threading.Thread(target=lambda: results.append(p.search("中文.好").start())) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [2] * 8 and isinstance(ns["P"], re.Pattern) and p.get() is ns["P"]


def test_has_cjk_is_the_cjk_pattern():
    samples = ["", "abc", "2022年", "，。（）", "\u33ff", "\u3400", "\u9fff", "\ua000", "x\u9fffy", "ＡＢＣ１２３",
               "\U00020000", "中", "  \t12.5%", "法治政府建设"]
    for s in samples:
        assert has_cjk(s) == (CJK_RE.search(s) is not None), s


# ---------------------------------------------------------------- quicker patterns, the same matches
def _first_chars(pattern: str) -> set[str]:
    """The characters a match of ``pattern`` (alternatives of literals and classes) can start with, from
    Python's own parse of it."""
    try:
        from re import _constants as c, _parser as parser
    except ImportError:  # Python < 3.11
        import sre_constants as c
        import sre_parse as parser
    out: set[str] = set()

    def first(items) -> None:
        items = list(items)
        op, av = items[0]
        if op is c.AT:  # ^ : the next item starts the match
            first(items[1:])
        elif op is c.BRANCH:
            for alt in av[1]:
                first(alt)
        elif op is c.SUBPATTERN:
            first(av[-1])
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT):
            assert av[0] >= 1, "an optional start is not handled here"
            first(av[2])
        elif op is c.LITERAL:
            out.add(chr(av))
        elif op is c.IN:
            for iop, iav in av:
                if iop is c.LITERAL:
                    out.add(chr(iav))
                elif iop is c.RANGE:
                    out.update(chr(k) for k in range(iav[0], iav[1] + 1))
                else:
                    raise AssertionError(f"class item {iop} not handled")
        else:
            raise AssertionError(f"{op} at the start not handled")

    first(parser.parse(pattern))
    return out


def test_the_placeholder_lookahead_lists_every_character_a_placeholder_can_start_with():
    from editor.checks import rules_wording as w

    assert _first_chars(w._PLACEHOLDER) == set(w._PLACEHOLDER_FIRST)
    plain = re.compile(w._PLACEHOLDER)
    texts = ["××单位", "XX局xx", "TODO：写", "例：某某", "（此处请填写）", "(请补充)", "【待补充】", "〇〇〇", "待完善。",
             "全年××件，某某区（待定）", "Xx", "xX**＊＊", "例:无", "（一）正文"]
    for t in texts:
        assert [m.span() for m in w._PLACEHOLDER_RE.finditer(t)] == [m.span() for m in plain.finditer(t)], t


def test_the_figure_pattern_with_its_lookahead_finds_the_same_figures():
    from editor.checks import rules_figures as rf
    from editor.checks.context import CheckContext

    plain = re.compile(rf.FIG)
    ctx = CheckContext(load_template("sample-dongguan-2022"))
    texts = [ctx.rendered(f) for f in ctx.fields] + ["-5件，－3.5%、负2人，1.2.3件，12万余元，５件"]
    n = 0
    for t in texts:
        got = [m.groups() + m.span() for m in rf.FIG_RE.finditer(t)]
        assert got == [m.groups() + m.span() for m in plain.finditer(t)]
        n += len(got)
    assert n > 50


def test_the_quick_bracket_test_agrees_with_the_stack_walk():
    import itertools

    from editor.checks.rules_text import _CLOSERS, _PAIRS, _unbalanced, _well_nested

    def walk(brackets: str) -> bool:  # the stack walk of _unbalanced: nothing to report?
        stack: list[str] = []
        for ch in brackets:
            if ch in _PAIRS:
                stack.append(ch)
            elif stack and stack[-1] == _CLOSERS[ch]:
                stack.pop()
            else:
                return False
        return not stack

    alphabet = "“”（）《》"
    for n in range(7):
        for combo in itertools.product(alphabet, repeat=n):
            s = "".join(combo)
            assert _well_nested(s) == walk(s), s
    assert _unbalanced("他说“好（的）”。") == ""
    assert "缺少" in _unbalanced("他说“好（的”）。")


def test_the_quick_marker_test_never_skips_a_paragraph_the_patterns_would_match():
    from editor.checks.rules_text import _MARK_BODY_RE, _MARK_HEAD_RE, _marker_start

    head, body = _MARK_HEAD_RE, _MARK_BODY_RE  # compiled on first use (or already)
    skipped = 0
    for code in range(0x10000):
        c = chr(code)
        for text in (c + "、", c + "一）", c + "1）", c + ".", " " + c + "、", "\u3000" + c + "1）"):
            if not _marker_start(text):
                skipped += 1
                assert not head.match(text) and not body.match(text), repr(text)
    assert skipped > 300_000  # nearly every character is answered without the patterns
    assert _marker_start("（一）手工序号") and _marker_start("\u3000１．") and not _marker_start("　 ")
