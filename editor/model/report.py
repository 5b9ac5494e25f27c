"""The report as plain data (stdlib dataclasses validated by pydantic, no Qt).

Numbering (``一、`` ``（一）`` ``1.`` ``（1）``) is never stored: it is derived from position by
:mod:`editor.model.numbering`. Text fields may contain metric tokens (see :mod:`editor.model.tokens`).

Every section, item and metric has a stable ``id`` with a prefix (``s-``, ``i-``, ``m-``) so that a
:class:`~editor.model.refs.FieldRef` can address any field of the report independently of position.
"""

from __future__ import annotations

import copy as _copy
import datetime as _dt
import os
import re
from dataclasses import dataclass, field, fields
from enum import Enum
from typing import Iterator, Literal, Optional

# Types of the constrained fields. editor.model.schema replaces them in this module with pydantic's
# constrained versions (id pattern, year range, known qualifiers, 0-4 decimals) before it builds the
# validators, so the annotations name the constraints while importing the model never imports pydantic.
Id = str
Year = int
Qualifier = str
ChangeDecimals = int

DECIMAL_RE = re.compile(r"^(0|[1-9][0-9]*)(\.[0-9]+)?$")

# What the editor can handle, enforced where values are typed (metrics panel, via
# :func:`editor.model.tokens.value_error`) and where project files are read (:mod:`editor.storage.projectfile`).
MAX_INTEGER_DIGITS = 15  # digits before the decimal point of a figure (999 万亿 at most)
MAX_FRACTION_DIGITS = 6  # digits after it
MAX_CHANGE_DIGITS = 12  # digits before the decimal point of a year-on-year change as written
MAX_ID_LENGTH = 64
# Ids of sections, items, metrics and import findings (checked where files are read); "report"
# names the report itself in references and is refused as a part's id at load (see projectfile).
ID_PATTERN = r"^[A-Za-z0-9_\-]{1,%d}$" % MAX_ID_LENGTH
ID_RE = re.compile(ID_PATTERN)
YEAR_RANGE = (1949, 2200)
CHANGE_DECIMALS_RANGE = (0, 4)


def new_id(prefix: str) -> str:
    """A new stable identifier such as ``i-3f2a9c1b1e``: 40 random bits (the first ten hex digits of a
    uuid4, without importing uuid, which loads ``platform``)."""
    return f"{prefix}-{os.urandom(5).hex()}"


class _Model:
    """Base of the model classes: stdlib dataclasses (keyword-only, compared field by field).

    The model imports nothing heavy, so that a command-line export starts fast; validation of outside data
    (project files, clipboard) is pydantic's, built on demand over these same classes in
    :mod:`editor.model.schema` (:meth:`model_validate`). The ``model_*`` methods keep pydantic's names and
    meaning: ``model_dump`` gives plain data (``mode="json"``: only JSON types), ``model_copy`` a shallow or
    deep copy with updates, ``model_fields`` the field names in order. Reading a project file uses the
    faster :mod:`editor.model.reader` first and pydantic only for what it does not accept.

    As with pydantic, a list or dict given to the constructor is copied (shallowly), so that an object never
    shares a list with its caller.
    """

    model_fields: dict  # field name -> dataclasses.Field, set by @_model
    _containers: tuple[tuple[str, type], ...] = ()  # (field, list/dict/tuple): copied at construction

    def __post_init__(self) -> None:
        d = self.__dict__
        for name, kind in self._containers:
            d[name] = kind(d[name])

    # ----- pydantic-style API --------------------------------------------
    @classmethod
    def model_validate(cls, data):
        """Validate outside data (a dict as parsed from JSON) into an object; raises
        ``pydantic.ValidationError`` with pydantic's error list."""
        from .schema import adapter

        return adapter(cls).validate_python(data)

    @classmethod
    def model_validate_json(cls, data):
        from .schema import adapter

        return adapter(cls).validate_json(data)

    def model_dump(self, mode: str = "python") -> dict:
        """The object as plain data (pydantic's serialiser): nested objects as dicts; with ``mode="json"``
        only JSON types (enums as their values, dates as ISO strings, tuples as lists)."""
        from .schema import adapter

        return adapter(type(self)).dump_python(self, mode=mode)

    def model_dump_json(self, indent: Optional[int] = None) -> str:
        """JSON text (pydantic's compiled writer: compact without ``indent``, non-ASCII characters kept)."""
        from .schema import adapter

        return adapter(type(self)).dump_json(self, indent=indent).decode("utf-8")

    def model_copy(self, *, update: Optional[dict] = None, deep: bool = False):
        """A copy (deep with ``deep=True``); ``update`` replaces fields of the copy, unvalidated."""
        new = _copy.deepcopy(self) if deep else _copy.copy(self)
        if update:
            new.__dict__.update(update)
        return new

    def __copy__(self):
        new = object.__new__(type(self))
        new.__dict__.update(self.__dict__)
        return new


def _model(cls):
    """Make ``cls`` a keyword-only dataclass of the model (see :class:`_Model`)."""
    cls = dataclass(kw_only=True, repr=True, eq=True)(cls)
    cls.model_fields = {f.name: f for f in fields(cls)}
    kinds = {"list[": list, "dict[": dict, "tuple": tuple}
    cls._containers = tuple((f.name, kinds[str(f.type)[:5]]) for f in fields(cls) if str(f.type)[:5] in kinds)
    # pydantic (editor.model.schema) rejects unknown keys, as the project format requires
    cls.__pydantic_config__ = {"extra": "forbid"}
    return cls


class SectionKind(str, Enum):
    """The five kinds of content required by the 2019 regulation, plus thematic."""

    MEASURES = "measures"  # 主要举措和成效
    SHORTCOMINGS = "shortcomings"  # 存在的不足和原因
    LEADERSHIP = "leadership"  # 党政主要负责人履行推进法治建设第一责任人职责情况
    PLANS = "plans"  # 下一年度主要安排
    OTHER = "other"  # 其他需要报告的情况
    THEMATIC = "thematic"  # a thematic section (counts as measures and results)


REQUIRED_KINDS: tuple[SectionKind, ...] = (
    SectionKind.MEASURES,
    SectionKind.SHORTCOMINGS,
    SectionKind.LEADERSHIP,
    SectionKind.PLANS,
    SectionKind.OTHER,
)

KIND_LABELS: dict[SectionKind, str] = {
    SectionKind.MEASURES: "主要举措和成效",
    SectionKind.SHORTCOMINGS: "存在的不足和原因",
    SectionKind.LEADERSHIP: "党政主要负责人履行推进法治建设第一责任人职责情况",
    SectionKind.PLANS: "下一年度主要安排",
    SectionKind.OTHER: "其他需要报告的情况",
    SectionKind.THEMATIC: "专题（主要举措和成效）",
}

SCALES = ("", "万", "亿")
# Qualifier placement: before the number, between number(+scale) and unit, or after the unit.
PREFIX_QUALIFIERS = ("逾", "近", "约", "超", "达", "超过", "共")
INFIX_QUALIFIERS = ("余", "多")
SUFFIX_QUALIFIERS = ("以上", "左右")
QUALIFIERS = ("",) + PREFIX_QUALIFIERS + INFIX_QUALIFIERS + SUFFIX_QUALIFIERS


@_model
class Metric(_Model):
    """A figure the text refers to. Values are kept as their exact decimal digits."""

    id: Id = field(default_factory=lambda: new_id("m"))
    label: str = ""
    value: Optional[str] = None  # "75.46"; None = not filled in yet
    unit: str = ""
    scale: Literal["", "万", "亿"] = ""
    qualifier: Qualifier = ""  # one of QUALIFIERS
    last_value: Optional[str] = None  # last year's value, same unit and scale
    is_rate: bool = False  # a rate: its change is written in 个百分点
    numerals: Literal["arabic", "chinese"] = "arabic"  # "chinese" writes 1000 as 千 (逾千家)
    change_decimals: ChangeDecimals = 1  # 0 to 4
    change_prefix: str = "同比"  # 同比 / 较上年 / ""
    change_words: tuple[str, str] = ("增长", "下降")
    source: str = ""  # office that supplied the figure
    note: str = ""
    parts: list[str] = field(default_factory=list)  # ids of metrics that add up to this one


@_model
class Item(_Model):
    """A level-2 item (``（一）``) or, as a child, a level-3 (``1.``) or level-4 (``（1）``) item."""

    id: Id = field(default_factory=lambda: new_id("i"))
    lead: str = ""  # lead sentence, e.g. "全面准确学习领会党的二十大精神。"
    body: list[str] = field(default_factory=list)  # paragraphs; the first runs in after the lead
    run_in: bool = True  # lead and first body paragraph share one paragraph
    numbered: bool = True
    kinds: list[SectionKind] = field(default_factory=list)  # e.g. LEADERSHIP for a 第一责任人 item
    children: list[Item] = field(default_factory=list)
    hint: str = ""  # template guidance, never exported
    needs_revision: bool = False  # set by roll-over until the item is edited


@_model
class Section(_Model):
    """A level-1 section (``一、``), or an unnumbered part such as a shortcomings paragraph."""

    id: Id = field(default_factory=lambda: new_id("s"))
    heading: str = ""
    kinds: list[SectionKind] = field(default_factory=lambda: [SectionKind.THEMATIC])
    numbered: bool = True
    intro: list[str] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    hint: str = ""
    needs_revision: bool = False
    # Unnumbered paragraphs after the section's last item (a concluding paragraph, 下一步…); format 2.
    outro: list[str] = field(default_factory=list)


@_model
class FormalInfo(_Model):
    """Fields of the formal edition (red header and colophon)."""

    issuer_mark: str = ""  # 发文机关标志, e.g. "东莞市司法局文件"
    doc_number: str = ""  # 发文字号, e.g. "东司〔2023〕5号"
    recipients: str = ""  # 主送机关, without the trailing colon
    cc: str = ""  # 抄送
    printer: str = ""  # 印发机关
    print_date: Optional[_dt.date] = None  # 印发日期
    signers: list[str] = field(default_factory=list)  # 签发人 of a 上行文, one name per entry; format 2


@_model
class CheckIgnore(_Model):
    """A proofreading finding the user chose to ignore (format 2).

    ``rule`` is the rule's id. With ``where`` (a :class:`~editor.model.refs.FieldRef` in its string form)
    and ``text`` (the flagged excerpt) only that place is ignored (忽略此处); with both empty every
    finding of the rule is (忽略此类).
    """

    rule: str
    where: str = ""
    text: str = ""


@_model
class ImportFinding(_Model):
    """Something the import found in the source and could not keep as it was (format 2).

    Kept in the project so that ``check`` and the problems panel show it until the user dismisses it.
    ``kind`` names what happened: "numbering" (a skipped or repeated number that was renumbered),
    "punctuation" (a mark converted), "dropped" (a line left out as web-page furniture), "unsure"
    (a part whose structure the import guessed).
    """

    id: Id = field(default_factory=lambda: new_id("f"))
    kind: str
    message: str  # a full sentence in Chinese
    where: str = ""  # FieldRef string of the place in the imported report, if any
    excerpt: str = ""  # the source text concerned
    dismissed: bool = False


FontRole = Literal["title", "body", "heading1", "heading2", "heading3", "page_number", "issuer_mark"]

DEFAULT_FONTS: dict[str, str] = {
    "title": "方正小标宋简体",
    "body": "仿宋_GB2312",
    "heading1": "黑体",
    "heading2": "楷体_GB2312",
    "heading3": "仿宋_GB2312",
    "page_number": "宋体",
    "issuer_mark": "方正小标宋简体",
}


# The fonts every Windows PC has (the "Windows 自带字体" preset): the export sets a 宋体 title and
# 发文机关标志 in bold, standing in for the heavy 小标宋.
WINDOWS_FONTS: dict[str, str] = {
    "title": "宋体",
    "body": "仿宋",
    "heading1": "黑体",
    "heading2": "楷体",
    "heading3": "仿宋",
    "page_number": "宋体",
    "issuer_mark": "宋体",
}
# preset id -> (label, fonts per role)
FONT_PRESETS: dict[str, tuple[str, dict[str, str]]] = {
    "official": ("公文标准字体（方正小标宋简体、仿宋_GB2312、楷体_GB2312、黑体）", DEFAULT_FONTS),
    "windows": ("Windows 自带字体（宋体加粗、仿宋、楷体、黑体）", WINDOWS_FONTS),
}


@_model
class FormatSettings(_Model):
    fonts: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_FONTS))
    bold_level2: bool = False
    bold_level3: bool = False
    page_numbers: Literal["odd_even", "centred"] = "odd_even"
    continuous_level3: bool = False  # number 1. items continuously across level-2 items

    def font(self, role: str) -> str:
        return self.fonts.get(role) or DEFAULT_FONTS[role]

    def preset(self) -> str:
        """Id of the font preset these fonts match, or "" for a custom choice."""
        current = {role: self.font(role) for role in DEFAULT_FONTS}
        return next((pid for pid, (_label, fonts) in FONT_PRESETS.items() if fonts == current), "")


@_model
class Report(_Model):
    organisations: list[str] = field(default_factory=list)
    year: Year = 2022  # YEAR_RANGE
    title_override: str = ""  # may span several lines ("\n"); empty = generated
    preamble: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)  # e.g. "特此报告。"
    signature: list[str] = field(default_factory=list)  # one organisation per line
    date: Optional[_dt.date] = None  # 成文日期
    publication_date: Optional[_dt.date] = None
    notes: list[str] = field(default_factory=list)  # 附注, e.g. "（此件公开发布）"
    edition: Literal["public", "formal"] = "public"
    formal: FormalInfo = field(default_factory=FormalInfo)
    format: FormatSettings = field(default_factory=FormatSettings)
    metrics: list[Metric] = field(default_factory=list)
    hint: str = ""
    # Format 2: proofreading ignores and what the import found.
    check_ignores: list[CheckIgnore] = field(default_factory=list)
    import_findings: list[ImportFinding] = field(default_factory=list)

    # ----- derived values -------------------------------------------------
    @property
    def generated_title(self) -> str:
        org = "".join(self.organisations) if len(self.organisations) <= 1 else " ".join(self.organisations)
        return f"{org}{self.year}年法治政府建设年度报告"

    @property
    def title(self) -> str:
        """The title as it is exported; lines separated by ``\\n``."""
        return self.title_override.strip("\n") or self.generated_title

    @property
    def title_lines(self) -> list[str]:
        return [line for line in self.title.split("\n") if line.strip()]

    # ----- lookup ---------------------------------------------------------
    def metric_map(self) -> dict[str, Metric]:
        return {m.id: m for m in self.metrics}

    def metric(self, metric_id: str) -> Optional[Metric]:
        for m in self.metrics:
            if m.id == metric_id:
                return m
        return None

    def iter_items(self) -> Iterator[tuple[Section, list[Item]]]:
        """Yield (section, ancestry) for every item, depth first; ancestry ends with the item."""
        for section in self.sections:
            for chain in iter_section_items(section):
                yield section, chain

    def find_node(self, node_id: str):
        """Return the section, item or metric with this id, or the report for ``"report"``."""
        if node_id == "report":
            return self
        if node_id.startswith("m-") or not node_id[:2] in ("s-", "i-"):
            m = self.metric(node_id)
            if m is not None:
                return m
        for section in self.sections:
            if section.id == node_id:
                return section
        for _section, chain in self.iter_items():
            if chain[-1].id == node_id:
                return chain[-1]
        return None

    def find_parent(self, node_id: str):
        """Return (container list, index, owner) holding the section or item ``node_id``."""
        for i, section in enumerate(self.sections):
            if section.id == node_id:
                return self.sections, i, self
        for section in self.sections:
            found = _find_in(section.items, node_id, section)
            if found:
                return found
        return None

    def text_fields(self):
        """Yield (FieldRef, text) for every free-text field that may hold tokens."""
        from .refs import iter_text_fields

        yield from iter_text_fields(self)


def iter_section_items(section: Section) -> Iterator[list[Item]]:
    """Yield the ancestry of every item of one section, depth first; the ancestry ends with the item."""
    stack: list[tuple[Item, list[Item]]] = [(it, []) for it in reversed(section.items)]
    while stack:
        item, parents = stack.pop()
        chain = parents + [item]
        yield chain
        for child in reversed(item.children):
            stack.append((child, chain))


def _find_in(items: list[Item], node_id: str, owner):
    for i, item in enumerate(items):
        if item.id == node_id:
            return items, i, owner
        found = _find_in(item.children, node_id, item)
        if found:
            return found
    return None

