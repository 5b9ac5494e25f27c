"""Addressing any field of a report: a :class:`FieldRef` names a node by id, a field, and an index.

Undo commands, proofreading fixes, find and replace and "go to" all use the same addresses, so a
finding or a search hit can be turned into an edit without knowing the model's shape.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator, Optional


@dataclass(frozen=True, slots=True)
class FieldRef:
    node: str  # "report", a section id (s-…), an item id (i-…) or a metric id (m-…)
    field: str  # attribute name; dotted for nested ones ("formal.doc_number", "format.fonts.body")
    index: Optional[int] = None  # paragraph index within a list field

    def __str__(self) -> str:  # stable, readable form used in JSON output
        return f"{self.node}:{self.field}" + ("" if self.index is None else f"[{self.index}]")


def _resolve(report, ref: FieldRef):
    node = report.find_node(ref.node)
    if node is None:
        raise KeyError(f"找不到位置 {ref}")
    parts = ref.field.split(".")
    obj = node
    for p in parts[:-1]:
        obj = obj[p] if isinstance(obj, dict) else getattr(obj, p)
    return obj, parts[-1]


def get_field(report, ref: FieldRef) -> Any:
    obj, name = _resolve(report, ref)
    value = obj[name] if isinstance(obj, dict) else getattr(obj, name)
    if ref.index is not None:
        return value[ref.index]
    return value


def set_field(report, ref: FieldRef, value: Any) -> None:
    obj, name = _resolve(report, ref)
    if ref.index is not None:
        seq = obj[name] if isinstance(obj, dict) else getattr(obj, name)
        seq[ref.index] = value
    elif isinstance(obj, dict):
        obj[name] = value
    else:
        setattr(obj, name, value)


# Free-text fields that may contain metric tokens, per node type.
REPORT_TEXT_FIELDS = ("title_override", "preamble", "closing", "signature", "notes")
SECTION_TEXT_FIELDS = ("heading", "intro", "outro")
ITEM_TEXT_FIELDS = ("lead", "body")


def _fields(node_id: str, node, names) -> Iterator[tuple[FieldRef, str]]:
    for name in names:
        value = getattr(node, name)
        if isinstance(value, list):
            for i, text in enumerate(value):
                yield FieldRef(node_id, name, i), text
        else:
            yield FieldRef(node_id, name), value


def iter_text_fields(report) -> Iterator[tuple[FieldRef, str]]:
    """Every free-text field of the report in document order."""
    yield from _fields("report", report, ("title_override", "preamble"))
    for section in report.sections:
        yield from _fields(section.id, section, ("heading", "intro"))
        stack = list(reversed(section.items))
        while stack:
            item = stack.pop()
            yield from _fields(item.id, item, ITEM_TEXT_FIELDS)
            stack.extend(reversed(item.children))
        yield from _fields(section.id, section, ("outro",))
    yield from _fields("report", report, ("closing", "signature", "notes"))
