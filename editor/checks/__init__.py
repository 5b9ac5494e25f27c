"""Proofreading checks: rules over the report model that return findings (no Qt, no dialogs).

``run_checks(report)`` returns :class:`Finding` objects (severity ``error`` / ``warning`` / ``info``,
a Chinese message, the field they concern and, where possible, a :class:`Fix`). ``apply_fix`` applies
one fix; ``fix_all`` applies every fix, re-checking between rounds.

Rules (each a function ``rule(ctx) -> Iterable[Finding]`` registered in :data:`RULES`):
punctuation, enumerations, structure (empty parts, heading punctuation), dates_in_text,
metric_values, metric_changes, metric_parts, metric_consistency, content, dates, title, fonts.

Severities: ``error`` = wrong in a published report and certain (half-width punctuation in Chinese
text, unbalanced brackets, hand-typed numbering in a heading, a figure missing or not a number, a
stated change that does not follow from the figures, a rate's change in %, parts not adding up,
成文日期 not after the year); ``warning`` = very likely wrong but a person should decide (enumeration
gaps, empty parts, heading punctuation, unused metrics, a figure written differently elsewhere, a
missing required kind, date forms, title punctuation, title and signature differing); ``info`` =
reminders and suggestions (deadlines, fonts not installed, a typed figure that could be a metric).
``check`` exits 1 only on errors, so a draft with warnings still passes.
"""

from .context import CheckContext, describe_ref, mask_tokens
from .engine import RULES, Rule, fix_all, ignore_here, ignore_kind, is_ignored, rule, run_checks
from .findings import SEVERITIES, SEVERITY_LABELS, Finding, Fix, StaleFixError, apply_fix, from_import, verify_fix

# Importing the rule modules registers their rules (order = order of the findings within a severity).
from . import rules_text, rules_metrics, rules_report, rules_wording, rules_punct, rules_years, rules_figures, rules_structure  # noqa: E402,F401  isort: skip

__all__ = [
    "CheckContext", "describe_ref", "mask_tokens", "RULES", "Rule", "fix_all", "rule", "run_checks",
    "ignore_here", "ignore_kind", "is_ignored",
    "SEVERITIES", "SEVERITY_LABELS", "Finding", "Fix", "StaleFixError", "apply_fix", "from_import", "verify_fix",
]
