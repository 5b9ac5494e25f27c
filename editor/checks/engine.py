"""The rule registry, :func:`run_checks` and :func:`fix_all`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, Optional, Union

from ..model import FieldRef, Report, get_field
from .context import CheckContext
from .findings import Finding, StaleFixError, apply_fix

RuleFunc = Callable[[CheckContext], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    name: str  # e.g. "punctuation"; codes of its findings start with a prefix of their own
    func: RuleFunc
    description: str  # Chinese, shown in settings / help


RULES: list[Rule] = []


def rule(name: str, description: str) -> Callable[[RuleFunc], RuleFunc]:
    """Register ``func`` as a rule (in definition order)."""

    def deco(func: RuleFunc) -> RuleFunc:
        RULES.append(Rule(name, func, description))
        return func

    return deco


_ORDER = {"error": 0, "warning": 1, "info": 2}


def run_checks(report: Report, *, rules: Optional[Iterable[Union[str, RuleFunc]]] = None) -> list[Finding]:
    """Run the rules (all, or those named / given) over ``report``; findings in document order
    within each rule, errors first overall. The report is not modified."""
    ctx = CheckContext(report)
    selected: list[RuleFunc]
    if rules is None:
        selected = [r.func for r in RULES]
    else:
        by_name = {r.name: r.func for r in RULES}
        selected = []
        for r in rules:
            if callable(r):
                selected.append(r)
            elif r in by_name:
                selected.append(by_name[r])
            else:
                raise KeyError(f"没有名为“{r}”的检查规则。可用：{'、'.join(by_name)}")
    findings: list[Finding] = []
    for func in selected:
        for f in func(ctx):
            if not f.where and f.ref is not None:
                f.where = ctx.where(f.ref)
            findings.append(f)
    findings.sort(key=lambda f: _ORDER[f.severity])  # stable: keeps document order within a severity
    return findings


def fix_all(report: Report, *, rules=None, severities=("error", "warning"), max_rounds: int = 6) -> list[FieldRef]:
    """Apply every available fix of findings with one of ``severities`` to ``report`` in place,
    re-checking between rounds so that several fixes of the same field all apply. Suggestions
    (``info``, e.g. "use the metric instead of the typed figure") are left out unless asked for.
    Returns the refs of the fields changed, in first-change order."""
    changed: list[FieldRef] = []
    for _ in range(max_rounds):
        findings = run_checks(report, rules=rules)
        done: set[FieldRef] = set()
        applied = 0
        for f in findings:
            fix = f.fix
            if fix is None or fix.ref in done or f.severity not in severities:
                continue
            try:
                before = get_field(report, fix.ref)
                apply_fix(report, fix)
            except StaleFixError:
                continue
            if get_field(report, fix.ref) == before:
                continue
            done.add(fix.ref)
            applied += 1
            if fix.ref not in changed:
                changed.append(fix.ref)
        if not applied:
            break
    return changed
