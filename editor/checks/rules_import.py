"""What the import found in the source, shown as findings until the user dismisses it.

The importer keeps its findings in :attr:`Report.import_findings` (numbering that skipped or repeated
and was renumbered, punctuation it converted and where, web-page lines it dropped, parts whose structure
it guessed). This rule turns every finding not yet dismissed into a check finding at its place, so
``check`` and the problems panel keep showing them after the project is saved and opened again.

Dismissing sets :attr:`ImportFinding.dismissed`; :func:`dismissed_findings` gives the new list for one
dismissed finding, which the window sets through its undo stack (one undoable step).
"""

from __future__ import annotations

from typing import Iterator, Optional

from ..model import FieldRef
from .context import CheckContext
from .engine import rule
from .findings import Finding
from .lazyre import bind, lazy_re

# kind of import finding -> (code, severity): what a person must verify is a warning; what the import
# already corrected in the text (punctuation) or left out (web-page lines) is a note.
KINDS = {
    "numbering": ("import.numbering", "warning"),
    "unsure": ("import.unsure", "warning"),
    "punctuation": ("import.punctuation", "info"),
    "dropped": ("import.dropped", "info"),
}
CODE_PREFIX = "import."

_REF_RE = lazy_re(r"^(?P<node>[^:]+):(?P<field>[^\[]+)(?:\[(?P<index>\d+)\])?$")


def parse_ref(text: str) -> Optional[FieldRef]:
    """The :class:`FieldRef` written as ``str(ref)`` ("i-1:lead", "s-2:outro[0]"), or None."""
    m = _REF_RE.match(text or "")
    if not m:
        return None
    index = m.group("index")
    return FieldRef(m.group("node"), m.group("field"), int(index) if index is not None else None)


class ImportCheckFinding(Finding):
    """A check finding made from a stored import finding; ``import_id`` names it for dismissing."""

    import_id: str = ""


@rule("import", "导入时发现的问题：原文编号错误、转换的标点、去掉的网页内容、没有把握的结构（忽略后不再显示）", severities=("warning", "info"))
def check_import_findings(ctx: CheckContext) -> Iterator[Finding]:
    report = ctx.report
    for stored in report.import_findings:
        if stored.dismissed:
            continue
        code, severity = KINDS.get(stored.kind, ("import.other", "warning"))
        ref = parse_ref(stored.where)
        where = "导入"
        if ref is not None and ref.node != "report" and ref.node not in ctx.nodes:
            ref = None  # the part was deleted since the import
        if ref is not None:
            where = ctx.where(ref).replace("outro", "结尾段落")
        finding = ImportCheckFinding(code, severity, stored.message, ref, where=where)
        finding.import_id = stored.id
        yield finding


def is_import_finding(finding: Finding) -> bool:
    return bool(getattr(finding, "import_id", ""))


def dismissed_findings(report, finding: Finding):
    """The report's import findings with ``finding``'s marked dismissed (copies; the report is not
    changed), or None when ``finding`` is not a stored import finding of this report."""
    import_id = getattr(finding, "import_id", "")
    if not import_id:
        return None
    out = []
    hit = False
    for stored in report.import_findings:
        copy = stored.model_copy()
        if stored.id == import_id and not stored.dismissed:
            copy.dismissed = True
            hit = True
        out.append(copy)
    return out if hit else None


bind(globals())  # patterns compile on first use (see .lazyre)
