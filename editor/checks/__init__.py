"""Proofreading checks: rules over the report model that return findings (no Qt, no dialogs).

``run_checks(report)`` returns :class:`Finding` objects (severity ``error`` / ``warning`` / ``info``,
a Chinese message, the field they concern and, where possible, a :class:`Fix`). ``apply_fix`` applies
one fix; ``fix_all`` applies every fix, re-checking between rounds.

Rules (each a function ``rule(ctx) -> Iterable[Finding]`` registered in :data:`RULES`):
punctuation, enumerations, structure (empty parts, heading punctuation), dates_in_text,
metric_values, metric_changes, metric_parts, metric_consistency, metric_change_forms, content, dates,
title, fonts, revision; wording (:mod:`.rules_wording`: terms, jiezhi, de_di_de, repeats, duplicates,
placeholders — term lists in ``resources/terms``, see :mod:`.terms`); more punctuation
(:mod:`.rules_punct`); years and date forms (:mod:`.rules_years`); figure plausibility and relations
(:mod:`.rules_figures`); numbering gaps and organisation names (:mod:`.rules_structure`).

A finding carries the ``span`` of the offending text in the field's stored text where the rule knows it
(the problems panel selects it) and its ``excerpt``. ``run_checks(report, user_terms=...)`` takes the
user's dictionary; findings covered by ``report.check_ignores`` (忽略此处 / 忽略此类) are left out.

Severities: ``error`` = wrong in a published report and certain (half-width punctuation in Chinese
text, unbalanced brackets, hand-typed numbering in a heading, a figure missing or not a number, a
stated change that does not follow from the figures, a rate's change in %, parts not adding up,
成文日期 not after the year); ``warning`` = very likely wrong but a person should decide (enumeration
gaps, empty parts, heading punctuation, unused metrics, a figure written differently elsewhere, a
missing required kind, date forms, title punctuation, title and signature differing); ``info`` =
reminders and suggestions (deadlines, fonts not installed, a typed figure that could be a metric,
其他需要报告的情况). Wording findings are warnings (the published sample itself has two wrong terms);
placeholders, doubled marks, a half-width full stop and impossible figures (a share over 100 %, a part
larger than its whole) are errors. A fix that is likely but not certain (a homophone) has
``Fix.certain`` False and is not applied by :func:`fix_all`.
``check`` exits 1 only on errors, so a draft with warnings still passes.

Start-up (``export`` runs the errors-only checks in a fresh process): the rule modules' regular expressions
are compiled on first use (:mod:`.lazyre`; importing this package compiles none), and a rule that can report
errors and warnings leaves out, in a run that asks for errors only (:meth:`CheckContext.wants`), the work whose
findings could only be warnings — so such a run compiles and computes only what its errors need.
"""

from .context import CheckContext, describe_ref, mask_tokens
from .engine import RULES, Rule, fix_all, ignore_here, ignore_kind, is_ignored, rule, run_checks
from .findings import SEVERITIES, SEVERITY_LABELS, Finding, Fix, StaleFixError, apply_fix, from_import, verify_fix

# Importing the rule modules registers their rules (order = order of the findings within a severity).
from . import rules_text, rules_metrics, rules_report, rules_import  # noqa: E402,F401  isort: skip
from . import rules_wording, rules_punct, rules_years, rules_figures, rules_structure  # noqa: E402,F401  isort: skip

__all__ = [
    "CheckContext", "describe_ref", "mask_tokens", "RULES", "Rule", "fix_all", "rule", "run_checks",
    "ignore_here", "ignore_kind", "is_ignored",
    "SEVERITIES", "SEVERITY_LABELS", "Finding", "Fix", "StaleFixError", "apply_fix", "from_import", "verify_fix",
]
