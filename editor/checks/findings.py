"""Findings of the proofreading checks and the fixes they offer.

A :class:`Finding` can be built from plain ``(code, severity, message, ref)`` so that other parts of the
core (the importer's findings, for example) can report problems in the same form.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, Optional

from ..errors import ReportEditorError
from ..model import FieldRef, get_field, set_field

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[str, ...] = ("error", "warning", "info")
SEVERITY_LABELS = {"error": "错误", "warning": "警告", "info": "提示"}


class StaleFixError(ReportEditorError):
    """A fix was computed for a value that has changed since (the user kept typing)."""


@dataclass(frozen=True)
class Fix:
    """Replace the value of one field. ``old_value`` (when given) guards against stale fixes."""

    description: str
    ref: FieldRef
    new_value: Any
    old_value: Any = None
    #: False for a likely but not certain correction (a homophone in a fixed term): offered for the
    #: finding itself, never applied by "fix all"
    certain: bool = True

    def to_dict(self) -> dict:
        return {"description": self.description, "ref": str(self.ref), "new_value": self.new_value}


@dataclass
class Finding:
    code: str  # rule id, e.g. "punct.halfwidth"
    severity: Severity
    message: str  # Chinese: what is wrong and what to do
    ref: Optional[FieldRef] = None
    where: str = ""  # short Chinese location, e.g. "二、（一）正文第1段"
    fix: Optional[Fix] = None
    #: (start, end) of the offending text in the field's stored (raw) text, when the rule knows it
    span: Optional[tuple[int, int]] = None
    #: the offending text itself (filled from ``span`` by the engine); 忽略此处 remembers it
    excerpt: str = ""

    def __post_init__(self) -> None:
        if self.severity not in SEVERITIES:
            raise ValueError(f"unknown severity {self.severity!r}")

    @property
    def severity_label(self) -> str:
        return SEVERITY_LABELS[self.severity]

    def to_dict(self) -> dict:
        return {
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "ref": str(self.ref) if self.ref is not None else None,
            "where": self.where,
            "fix": self.fix.to_dict() if self.fix is not None else None,
            "span": list(self.span) if self.span is not None else None,
            "excerpt": self.excerpt,
        }


def apply_fix(report, fix: Fix) -> None:
    """Apply one fix to ``report`` in place; raises :class:`StaleFixError` when the field changed."""
    verify_fix(report, fix)
    set_field(report, fix.ref, fix.new_value)


def verify_fix(report, fix: Fix) -> None:
    """Raise :class:`StaleFixError` unless ``fix`` still applies to ``report`` (nothing is changed)."""
    try:
        current = get_field(report, fix.ref)
    except (KeyError, IndexError, AttributeError) as e:
        raise StaleFixError("要修正的内容已被删除或移动，请重新检查后再修正。") from e
    if fix.old_value is not None and current != fix.old_value:
        raise StaleFixError("这处内容在检查后又被修改过，请重新检查后再修正。")


def from_import(report, findings) -> list[Finding]:
    """Findings of the importer (objects with ``code``, ``message`` and ``node``, the id of a section
    or item) as check findings (warnings) with a location, for the problems panel and ``check``."""
    from .context import describe_ref

    out = []
    for f in findings:
        node = getattr(f, "node", "") or ""
        ref = None
        if node.startswith("s-"):
            ref = FieldRef(node, "heading")
        elif node.startswith("i-"):
            ref = FieldRef(node, "lead")
        where = describe_ref(report, ref) if ref is not None and report.find_node(node) is not None else "导入"
        out.append(Finding(f"import.{f.code}", getattr(f, "severity", "warning"), f.message, ref, where=where))
    return out
