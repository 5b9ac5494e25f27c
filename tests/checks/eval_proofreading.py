"""Evaluation of the proofreading checks on a labelled set of seeded single mistakes.

    python tests/checks/eval_proofreading.py [-v]
    python tests/checks/eval_proofreading.py --reports tests/data/reports   # findings on real reports

The cases are in ``tests/checks/eval/mistakes.txt`` (each a single mistake as reports go wrong: last
year's text copied, figures retyped, input-method homophones) and ``tests/checks/eval/legit.txt``
(edits a writer legitimately makes, which must raise no error or warning). Each case is applied to a
base report: ``s`` the bundled sample project, ``i`` the published web copy of the same report imported
with the importer (other metric ids and labels, no kinds tagged, tokens placed by the importer).
Reports of other organisations are checked for false alarms with ``--reports DIR``.

A mistake is *caught* when the variant has a new error or warning (not present on the unchanged base)
at the right place: the edited field; for a figure, the metric or a field that uses it; for a
structure edit, the part edited. Prints caught / total per category, the misses, and the new errors and
warnings the legitimate edits raised (false alarms).

Case format (``|``-separated; ``#`` starts a comment line):
    category | bases | old => new            replace the one occurrence of ``old`` in the text
    category | bases | M 2041件 => value=2014   set fields of the metric that renders as ``2041件``
    category | bases | N 推动落实镇街 => numbered=false   set fields of the item whose lead starts so
    category | bases | C 2041件 => ，同比增长46.6%   the change token after the figure typed as a phrase
    category | bases | F 逾5000人次 => {}以上        the figure's token written into a template
    category | bases | A LOCATOR => TEXT           a paragraph added after the one containing LOCATOR (@copy)
    category | bases | R title_override=…          a report field set
Several edits of one case are joined with " && ".
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from editor.checks import run_checks  # noqa: E402
from editor.model import FieldRef, Report, format_value, get_field, set_field  # noqa: E402

EVAL_DIR = HERE / "eval"
SEED = ROOT / "tests" / "data" / "seed-dongguan-2022.txt"


@dataclass
class Case:
    category: str
    bases: str
    op: str
    line: int
    legit: bool = False


@dataclass
class Result:
    case: Case
    base: str
    caught: bool
    applied: bool = True
    new: list = field(default_factory=list)  # new error/warning findings
    note: str = ""


def load_cases(path: Path, legit: bool = False) -> list[Case]:
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = [p.strip() for p in line.split("|", 2)]
        if len(parts) != 3:
            raise ValueError(f"{path.name}:{n}: expected 'category | bases | edit'")
        out.append(Case(parts[0], parts[1], parts[2], n, legit))
    return out


_BASES: dict[str, Report] = {}


def base_report(key: str) -> Optional[Report]:
    if key not in _BASES:
        if key == "s":
            from editor.templates import load_template

            _BASES[key] = load_template("sample-dongguan-2022")
        elif key == "i":
            from editor.importing import import_file

            _BASES[key] = import_file(SEED).report
    return _BASES[key].model_copy(deep=True)


def apply(report: Report, op: str) -> tuple[set, str]:
    """Apply one edit (several joined by `` && ``); returns (the places where a finding counts as
    caught, error text or "")."""
    places: set = set()
    for one in op.split(" && "):
        got, err = _apply_one(report, one.strip())
        if err:
            return set(), err
        places |= got
    return places, ""


def _metric_places(report: Report, metric) -> set:
    places = {("node", metric.id)}
    places |= {("node", m.id) for m in report.metrics if metric.id in m.parts}
    for ref, text in report.text_fields():
        if metric.id in text:
            places.add(("ref", str(ref)))
    return places


def _apply_one(report: Report, op: str) -> tuple[set, str]:
    if op.startswith(("C ", "F ")):
        # C FIG => PHRASE: the change token after the figure replaced by a typed phrase;
        # F FIG => TEMPLATE: the figure's token replaced by TEMPLATE, "{}" standing for the token.
        target, _, new = op[2:].partition("=>")
        target, new = target.strip(), new.strip()
        metric = next((m for m in report.metrics if format_value(m) == target), None)
        if metric is None:
            return set(), f"no metric renders as {target}"
        tok = ("，{{chg:%s}}" if op[0] == "C" else "{{m:%s}}") % metric.id
        for ref, text in report.text_fields():
            if tok in text:
                rep = new if op[0] == "C" else new.replace("{}", tok[0:0] + "{{m:%s}}" % metric.id)
                set_field(report, ref, text.replace(tok, rep, 1))
                return {("ref", str(ref)), ("node", metric.id)}, ""
        return set(), f"no {tok} in the text"
    if op.startswith("R "):
        # R FIELD=VALUE: a report-level field set (title_override, …)
        import json

        k, _, v = op[2:].partition("=")
        v = v.strip()
        setattr(report, k.strip(), json.loads(v) if v.startswith("[") else v)
        return {("field", f"report:{k.strip()}")}, ""
    if op.startswith("A "):
        # A LOCATOR => TEXT: a paragraph added after the paragraph containing LOCATOR ("@copy": itself)
        target, _, new = op[2:].partition("=>")
        target, new = target.strip(), new.strip()
        hits = [(ref, text) for ref, text in report.text_fields() if target in text and ref.index is not None]
        if len(hits) != 1:
            return set(), f"'{target}' found in {len(hits)} paragraphs"
        ref, text = hits[0]
        seq = get_field(report, FieldRef(ref.node, ref.field))
        seq.insert(ref.index + 1, text if new == "@copy" else new)
        return {("ref", str(FieldRef(ref.node, ref.field, ref.index + 1))), ("ref", str(ref))}, ""
    if op.startswith("M "):
        target, _, sets = op[2:].partition("=>")
        target = target.strip()
        metric = next((m for m in report.metrics if format_value(m) == target), None)
        if metric is None:
            return set(), f"no metric renders as {target}"
        for kv in sets.split(","):
            k, _, v = kv.strip().partition("=")
            setattr(metric, k.strip(), None if v.strip() == "None" else v.strip())
        return _metric_places(report, metric), ""
    if op.startswith("N "):
        target, _, sets = op[2:].partition("=>")
        target = target.strip()
        for _s, chain in report.iter_items():
            it = chain[-1]
            if it.lead.startswith(target):
                for kv in sets.split(","):
                    k, _, v = kv.strip().partition("=")
                    setattr(it, k.strip(), {"true": True, "false": False}.get(v.strip(), v.strip()))
                return {("node", it.id)}, ""
        for s in report.sections:
            if s.heading.startswith(target):
                for kv in sets.split(","):
                    k, _, v = kv.strip().partition("=")
                    setattr(s, k.strip(), {"true": True, "false": False}.get(v.strip(), v.strip()))
                return {("node", s.id)}, ""
        return set(), f"no item or section starts with {target}"
    old, sep, new = op.partition("=>")
    if not sep:
        return set(), "no '=>'"
    old, new = old.strip(), new.strip()
    old = old.replace("\\n", "\n")
    new = new.replace("\\n", "\n").replace("<sp>", " ").replace("<ideo>", "\u3000")
    old = old.replace("<sp>", " ")
    hits = [(ref, text) for ref, text in report.text_fields() if old in text]
    if len(hits) != 1 or hits[0][1].count(old) != 1:
        return set(), f"'{old}' found {sum(t.count(old) for _r, t in hits)} times"
    ref, text = hits[0]
    set_field(report, ref, text.replace(old, new, 1))
    return {("ref", str(ref))}, ""


def _key(f) -> tuple:
    return (f.code, str(f.ref), f.excerpt or f.message)


def _at(f, places: set) -> bool:
    if f.ref is None:
        return False
    return (("ref", str(f.ref)) in places or ("node", f.ref.node) in places
            or ("field", f"{f.ref.node}:{f.ref.field}") in places)


_BASE_FINDINGS: dict[str, Counter] = {}


def run_case(case: Case, base: str) -> Result:
    report = base_report(base)
    if report is None:
        return Result(case, base, False, applied=False, note="base not available")
    if base not in _BASE_FINDINGS:
        _BASE_FINDINGS[base] = Counter(_key(f) for f in run_checks(report) if f.severity != "info")
    places, err = apply(report, case.op)
    if err:
        return Result(case, base, False, applied=False, note=err)
    findings = [f for f in run_checks(report) if f.severity != "info"]
    before = Counter(_BASE_FINDINGS[base])
    new = []
    for f in findings:
        k = _key(f)
        if before[k] > 0:
            before[k] -= 1
        else:
            new.append(f)
    caught = any(_at(f, places) for f in new)
    return Result(case, base, caught, new=new)


def evaluate(verbose: bool = False, out=print, mistakes_file: str = "mistakes.txt") -> dict:
    mistakes = load_cases(EVAL_DIR / mistakes_file)
    legit = load_cases(EVAL_DIR / "legit.txt", legit=True)
    results = [run_case(c, b) for c in mistakes for b in c.bases if b in "si"]
    legit_results = [run_case(c, b) for c in legit for b in c.bases if b in "si"]
    applied = [r for r in results if r.applied]
    by_cat: dict[str, list[Result]] = {}
    for r in applied:
        by_cat.setdefault(r.case.category, []).append(r)
    out(f"{'category':<28} caught / total")
    for cat in sorted(by_cat):
        rs = by_cat[cat]
        out(f"{cat:<28} {sum(r.caught for r in rs):>3} / {len(rs):<3}")
    caught = sum(r.caught for r in applied)
    per_base = {b: (sum(r.caught for r in applied if r.base == b), sum(1 for r in applied if r.base == b))
                for b in "si"}
    out(f"TOTAL caught {caught} / {len(applied)} = {100 * caught / max(1, len(applied)):.1f} %   "
        f"(categories {len(by_cat)}; " + ", ".join(f"base {b}: {c}/{t}" for b, (c, t) in per_base.items() if t) + ")")
    skipped = [r for r in results + legit_results if not r.applied]
    if skipped:
        out(f"NOT APPLIED {len(skipped)}:")
        for r in skipped:
            out(f"  {'legit.txt' if r.case.legit else mistakes_file}:{r.case.line} [{r.base}] {r.note}")
    misses = [r for r in applied if not r.caught]
    if misses:
        out(f"MISSED {len(misses)}:")
        for r in misses:
            extra = f"  (new elsewhere: {[f.code + '@' + f.where for f in r.new]})" if r.new and verbose else ""
            out(f"  {mistakes_file}:{r.case.line} [{r.base}] {r.case.category}: {r.case.op}{extra}")
    legit_applied = [r for r in legit_results if r.applied]
    errors = [(r, f) for r in legit_applied for f in r.new if f.severity == "error"]
    warnings = [(r, f) for r in legit_applied for f in r.new if f.severity == "warning"]
    out(f"LEGITIMATE EDITS {len(legit_applied)}: false errors {len(errors)}, false warnings {len(warnings)}")
    for r, f in errors + warnings:
        out(f"  legit.txt:{r.case.line} [{r.base}] {f.severity} {f.code} {f.where}: {f.message}")
    return {
        "caught": caught, "total": len(applied), "categories": len(by_cat), "skipped": len(skipped),
        "legit": len(legit_applied), "false_errors": len(errors), "false_warnings": len(warnings),
        "per_category": {c: (sum(r.caught for r in rs), len(rs)) for c, rs in by_cat.items()},
    }


def other_reports(folder: Path, out=print) -> int:
    """Check every report under ``folder`` (.txt/.docx/.md, imported): a rule that fires on a good
    report is a defect. Prints the errors and warnings; returns their number."""
    from editor.importing import import_file

    total = 0
    for path in sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".docx", ".md")):
        report = import_file(path).report
        found = [f for f in run_checks(report) if f.severity != "info"]
        total += len(found)
        out(f"{path.name}: {len(found)} errors and warnings")
        for f in found:
            out(f"  {f.severity} {f.code} {f.where}: {f.excerpt or ''} {f.message[:60]}")
    return total


if __name__ == "__main__":
    if "--reports" in sys.argv:
        other_reports(Path(sys.argv[sys.argv.index("--reports") + 1]))
        sys.exit(0)
    verbose = "-v" in sys.argv
    print("== mistakes.txt (the set the rules were developed against)")
    evaluate(verbose=verbose)
    if (EVAL_DIR / "holdout.txt").exists():
        print("\n== holdout.txt (written after the rules were frozen; never used to tune them)")
        evaluate(verbose=verbose, mistakes_file="holdout.txt")
