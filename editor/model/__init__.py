"""The report model: plain data, no Qt."""

from .flow import Block, Run, build_flow, format_date
from .numbering import marker, number_report
from .refs import FieldRef, get_field, iter_text_fields, set_field
from .report import (
    DEFAULT_FONTS,
    KIND_LABELS,
    QUALIFIERS,
    REQUIRED_KINDS,
    SCALES,
    FormalInfo,
    FormatSettings,
    Item,
    Metric,
    Report,
    Section,
    SectionKind,
    new_id,
)
from .tokens import (
    Renderer,
    Segment,
    change_token,
    format_change,
    format_value,
    metric_token,
    render_text,
    used_metric_ids,
    value_error,
)

__all__ = [
    "Block", "Run", "build_flow", "format_date", "marker", "number_report", "FieldRef", "get_field",
    "iter_text_fields", "set_field", "DEFAULT_FONTS", "KIND_LABELS", "QUALIFIERS", "REQUIRED_KINDS",
    "SCALES", "FormalInfo", "FormatSettings", "Item", "Metric", "Report", "Section", "SectionKind",
    "new_id", "Renderer", "Segment", "change_token", "format_change", "format_value", "metric_token",
    "render_text", "used_metric_ids", "value_error",
]
