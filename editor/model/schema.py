"""Validation of outside data into the model classes: pydantic, imported only when needed.

The classes of :mod:`editor.model.report` are stdlib dataclasses whose constrained fields are annotated with
the names ``Id``, ``Year``, ``Qualifier`` and ``ChangeDecimals`` (plain ``str``/``int`` there). This module
sets those names in the report module to pydantic's constrained types before building the validators, so
pydantic, which resolves the annotations in the classes' module, validates with the constraints, while
importing the model never imports pydantic.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, Field, TypeAdapter

from . import report as _report
from .report import (
    CHANGE_DECIMALS_RANGE,
    ID_PATTERN,
    QUALIFIERS,
    YEAR_RANGE,
    CheckIgnore,
    FormalInfo,
    FormatSettings,
    ImportFinding,
    Item,
    Metric,
    Report,
    Section,
)


def _known_qualifier(v: str) -> str:
    if v not in QUALIFIERS:
        raise ValueError(f"未知的限定词“{v}”，可用：{'、'.join(q for q in QUALIFIERS if q)}")
    return v


Id = Annotated[str, Field(pattern=ID_PATTERN)]
Year = Annotated[int, Field(ge=YEAR_RANGE[0], le=YEAR_RANGE[1])]
ChangeDecimals = Annotated[int, Field(ge=CHANGE_DECIMALS_RANGE[0], le=CHANGE_DECIMALS_RANGE[1])]
Qualifier = Annotated[str, AfterValidator(_known_qualifier)]
_report.Id, _report.Year, _report.ChangeDecimals, _report.Qualifier = Id, Year, ChangeDecimals, Qualifier

_ADAPTERS: dict[type, TypeAdapter] = {
    Report: TypeAdapter(Report),
    Section: TypeAdapter(Section),
    Item: TypeAdapter(Item),
    Metric: TypeAdapter(Metric),
    FormalInfo: TypeAdapter(FormalInfo),
    FormatSettings: TypeAdapter(FormatSettings),
    CheckIgnore: TypeAdapter(CheckIgnore),
    ImportFinding: TypeAdapter(ImportFinding),
}


def adapter(cls: type) -> TypeAdapter:
    """pydantic's validator (and serialiser) of one model class."""
    return _ADAPTERS[cls]
