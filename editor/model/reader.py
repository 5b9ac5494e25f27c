"""A fast, strict reader of plain data (as parsed from a project file) into the model classes.

pydantic (:mod:`editor.model.schema`) is the authority on what a project file may contain, but importing it
and building its validators costs more than a whole command-line export of a report. This reader accepts
only data that pydantic accepts *unchanged*: exact JSON types (a ``str`` where a text is expected, ``true``/
``false`` for a flag, an ``int`` in range for the year...), known keys, ids matching the pattern, known
qualifiers, dates written ``YYYY-MM-DD``. For such data it builds the same objects pydantic builds. For
anything else (a missing required field, an unknown key, a number given as text, which pydantic may coerce
or refuse) it returns ``None`` and the caller asks pydantic, which gives the verdict and the error.

``tests/model/test_reader.py`` checks both halves: on real reports and thousands of randomly damaged
variants, whatever this reader accepts equals pydantic's result, and whatever pydantic refuses it refuses.
"""

from __future__ import annotations

import datetime as _dt
import gc
import re
from dataclasses import MISSING
from typing import Any, Callable, Optional

from .report import (
    CHANGE_DECIMALS_RANGE,
    ID_RE,
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
    SectionKind,
)


class _Doubt(Exception):
    """The data is not exactly what pydantic accepts unchanged: pydantic decides."""


_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_KINDS = {k.value: k for k in SectionKind}


def _text(v):
    if type(v) is not str:
        raise _Doubt
    return v


def _optional_text(v):
    if v is not None and type(v) is not str:
        raise _Doubt
    return v


def _flag(v):
    if v is not True and v is not False:
        raise _Doubt
    return v


def _int_in(lo: int, hi: int) -> Callable[[Any], int]:
    def check(v):
        if type(v) is not int or not lo <= v <= hi:
            raise _Doubt
        return v
    return check


def _one_of(*values: str) -> Callable[[Any], str]:
    allowed = frozenset(values)

    def check(v):
        if type(v) is not str or v not in allowed:
            raise _Doubt
        return v
    return check


def _id(v):
    if type(v) is not str or not ID_RE.fullmatch(v):
        raise _Doubt
    return v


def _texts(v):
    if type(v) is not list:
        raise _Doubt
    for x in v:
        if type(x) is not str:
            raise _Doubt
    return v[:]


def _kinds(v):
    if type(v) is not list:
        raise _Doubt
    try:
        return [_KINDS[x] for x in v]
    except (KeyError, TypeError):
        raise _Doubt from None


def _pair_of_texts(v):
    if type(v) is not list or len(v) != 2 or type(v[0]) is not str or type(v[1]) is not str:
        raise _Doubt
    return (v[0], v[1])


def _optional_date(v):
    if v is None:
        return None
    if type(v) is not str or len(v) != 10 or not _DATE_RE.fullmatch(v):
        raise _Doubt
    try:
        return _dt.date.fromisoformat(v)
    except ValueError:
        raise _Doubt from None


def _text_map(v):
    if type(v) is not dict:
        raise _Doubt
    for k, x in v.items():
        if type(x) is not str or type(k) is not str:
            raise _Doubt
    return dict(v)


def _objects(cls: type) -> Callable[[Any], list]:
    def check(v):
        if type(v) is not list:
            raise _Doubt
        return [_read(cls, x) for x in v]
    return check


def _object(cls: type) -> Callable[[Any], Any]:
    return lambda v: _read(cls, v)


# What each field accepts; ``str`` stands for a plain text (checked inline, the commonest case).
_SPECS: dict[type, dict[str, Any]] = {
    Metric: {
        "id": _id, "label": str, "value": _optional_text, "unit": str, "scale": _one_of("", "万", "亿"),
        "qualifier": _one_of(*QUALIFIERS), "last_value": _optional_text, "is_rate": _flag,
        "numerals": _one_of("arabic", "chinese"), "change_decimals": _int_in(*CHANGE_DECIMALS_RANGE),
        "change_prefix": str, "change_words": _pair_of_texts, "source": str, "note": str, "parts": _texts,
    },
    Item: {
        "id": _id, "lead": str, "body": _texts, "run_in": _flag, "numbered": _flag, "kinds": _kinds,
        "children": _objects(Item), "hint": str, "needs_revision": _flag,
    },
    Section: {
        "id": _id, "heading": str, "kinds": _kinds, "numbered": _flag, "intro": _texts, "items": _objects(Item),
        "hint": str, "needs_revision": _flag, "outro": _texts,
    },
    FormalInfo: {
        "issuer_mark": str, "doc_number": str, "recipients": str, "cc": str, "printer": str,
        "print_date": _optional_date, "signers": _texts,
    },
    CheckIgnore: {"rule": str, "where": str, "text": str},
    ImportFinding: {"id": _id, "kind": str, "message": str, "where": str, "excerpt": str, "dismissed": _flag},
    FormatSettings: {
        "fonts": _text_map, "bold_level2": _flag, "bold_level3": _flag,
        "page_numbers": _one_of("odd_even", "centred"), "continuous_level3": _flag,
    },
    Report: {
        "organisations": _texts, "year": _int_in(*YEAR_RANGE), "title_override": str, "preamble": _texts,
        "sections": _objects(Section), "closing": _texts, "signature": _texts, "date": _optional_date,
        "publication_date": _optional_date, "notes": _texts, "edition": _one_of("public", "formal"),
        "formal": _object(FormalInfo), "format": _object(FormatSettings), "metrics": _objects(Metric),
        "hint": str, "check_ignores": _objects(CheckIgnore), "import_findings": _objects(ImportFinding),
    },
}


def _plan(cls: type) -> tuple[tuple[str, Any, Optional[Callable[[], Any]]], ...]:
    """(field, check, default maker or None if required) for each field of ``cls``, in field order."""
    spec = _SPECS[cls]
    plan = []
    for name, f in cls.model_fields.items():
        if f.default_factory is not MISSING:
            make = f.default_factory
        elif f.default is not MISSING:
            make = (lambda value: (lambda: value))(f.default)  # immutable: str, bool, int, None, tuple
        else:
            make = None
        plan.append((name, spec[name], make))
    return tuple(plan)


_PLANS = {cls: _plan(cls) for cls in _SPECS}
_ABSENT = object()


def _read(cls: type, d):
    if type(d) is not dict:
        raise _Doubt
    values = {}
    found = 0
    for name, check, make in _PLANS[cls]:
        v = d.get(name, _ABSENT)
        if v is _ABSENT:
            if make is None:
                raise _Doubt  # a required field is missing
            values[name] = make()
            continue
        found += 1
        if check is str:
            if type(v) is not str:
                raise _Doubt
            values[name] = v
        else:
            values[name] = check(v)
    if found != len(d):
        raise _Doubt  # an unknown key
    obj = object.__new__(cls)
    obj.__dict__ = values
    return obj


def read_plain(cls: type, data) -> Optional[Any]:
    """``data`` as an object of ``cls`` if it is exactly what pydantic accepts unchanged, else ``None``."""
    # The cyclic garbage collector would walk all the new objects several times while they are made
    # (none of them can be garbage yet): off while reading, as json does in C.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _read(cls, data)
    except (_Doubt, RecursionError):
        return None
    finally:
        if collecting:
            gc.enable()
