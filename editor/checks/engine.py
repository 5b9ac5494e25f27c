"""The rule registry, :func:`run_checks` and :func:`fix_all`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Collection, Iterable, Optional, Union

from ..model import FieldRef, Report, get_field
from .context import CheckContext
from .findings import Finding, StaleFixError, apply_fix

RuleFunc = Callable[[CheckContext], Iterable[Finding]]
_ALL = ("error", "warning", "info")


@dataclass(frozen=True)
class Rule:
    name: str  # e.g. "punctuation"; codes of its findings start with a prefix of their own
    func: RuleFunc
    description: str  # Chinese, shown in settings / help
    # the severities its findings can have; run_checks(severities=...) skips a rule that cannot give any of
    # those asked for, and refuses a finding outside this set (so a wrong declaration fails the tests)
    severities: frozenset = frozenset(_ALL)


RULES: list[Rule] = []


def rule(name: str, description: str, severities: Collection[str] = _ALL) -> Callable[[RuleFunc], RuleFunc]:
    """Register ``func`` as a rule (in definition order). ``severities``: those its findings can have
    (a rule that never reports an error says so, and ``export`` does not run it)."""
    declared = frozenset(severities)
    if not declared or declared - set(_ALL):
        raise ValueError(f"rule {name}: severities must be some of {_ALL}")

    def deco(func: RuleFunc) -> RuleFunc:
        RULES.append(Rule(name, func, description, declared))
        return func

    return deco


_ORDER = {"error": 0, "warning": 1, "info": 2}


def run_checks(report: Report, *, rules: Optional[Iterable[Union[str, RuleFunc]]] = None,
               user_terms=None, ignores: bool = True,
               severities: Optional[Collection[str]] = None) -> list[Finding]:
    """Run the rules (all, or those named / given) over ``report``; findings in document order
    within each rule, errors first overall. The report is not modified.

    ``user_terms`` is the organisation's own dictionary (a :class:`~editor.checks.terms.TermList`, or
    its text in the format of ``resources/terms``): extra fixed terms, wrong forms and exceptions.
    With ``ignores`` (the default) findings the user chose to ignore (``report.check_ignores``) are
    left out.

    With ``severities`` (e.g. ``{"error"}``: what ``export`` prints before writing) only findings of those
    severities are returned, and rules that cannot give any of them (:attr:`Rule.severities`) are not run."""
    wanted = frozenset(_ALL if severities is None else severities)
    ctx = CheckContext(report, user_terms=user_terms, severities=wanted)
    declared = {r.func: r.severities for r in RULES}
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
        allowed = declared.get(func, frozenset(_ALL))
        if not allowed & wanted:
            continue
        for f in func(ctx):
            if f.severity not in allowed:
                raise AssertionError(f"rule {func.__name__} declared {sorted(allowed)} but reported {f.severity}: "
                                     f"{f.code}")
            if f.severity not in wanted:
                continue
            if not f.where and f.ref is not None:
                f.where = ctx.where(f.ref)
            if f.span is not None and not f.excerpt:
                tf = ctx.field(f.ref)
                if tf is not None:
                    f.excerpt = tf.raw[f.span[0]:f.span[1]]
            findings.append(f)
    if ignores and report.check_ignores:
        findings = [f for f in findings if not is_ignored(f, report.check_ignores)]
    findings.sort(key=lambda f: _ORDER[f.severity])  # stable: keeps document order within a severity
    return findings


def is_ignored(finding: Finding, ignores) -> bool:
    """True when one of ``ignores`` (:class:`~editor.model.report.CheckIgnore`) covers ``finding``:
    the same rule (code) and, when given, the same place and the same flagged text. An ignore with
    only a rule covers every finding of it (忽略此类); rule + text covers that text anywhere."""
    for ig in ignores:
        if ig.rule != finding.code:
            continue
        here = str(finding.ref) if finding.ref is not None else ""
        if ig.where and ig.where != here:
            # the paragraph may have moved (one inserted above it): the same text in the same field counts
            if not (ig.text and _field_of(ig.where) == _field_of(here)):
                continue
        if ig.text and ig.text != (finding.excerpt or finding.message):
            continue
        return True
    return False


def _field_of(where: str) -> str:
    """``i-1:body[2]`` -> ``i-1:body``."""
    return where.split("[", 1)[0]


def ignore_here(finding: Finding):
    """The :class:`CheckIgnore` for 忽略此处 (this finding at this place)."""
    from ..model.report import CheckIgnore

    return CheckIgnore(rule=finding.code, where=str(finding.ref) if finding.ref is not None else "",
                       text=finding.excerpt or finding.message)


def ignore_kind(finding: Finding):
    """The :class:`CheckIgnore` for 忽略此类 (every finding of this rule)."""
    from ..model.report import CheckIgnore

    return CheckIgnore(rule=finding.code)


def fix_all(report: Report, *, rules=None, severities=("error", "warning"), max_rounds: int = 6) -> list[FieldRef]:
    """Apply every available fix of findings with one of ``severities`` to ``report`` in place,
    re-checking between rounds so that several fixes of the same field all apply. Suggestions
    (``info``, e.g. "use the metric instead of the typed figure") are left out unless asked for, and
    so are fixes that are not certain (``Fix.certain`` False: a suspected homophone).
    Returns the refs of the fields changed, in first-change order."""
    changed: list[FieldRef] = []
    for _ in range(max_rounds):
        findings = run_checks(report, rules=rules)
        done: set[FieldRef] = set()
        applied = 0
        for f in findings:
            fix = f.fix
            if fix is None or not fix.certain or fix.ref in done or f.severity not in severities:
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
