"""Merging projects drafted by colleagues into one (no Qt).

Colleagues usually fill copies of the same template, so sections, items (at every level, wherever
they were moved) and metrics are matched by ``id`` first -- a relabelled metric is still the same
metric -- and only then by text (section heading, item lead, metric label). Each matched part is
compared on its own content, so edits to different parts never conflict:

* a section's heading and opening paragraphs; its closing paragraphs (``outro``);
* an item's lead and body (its sub-items are parts of their own);
* a metric's figures (value, unit, scale, qualifier, last year's value, rate, numerals), and on their
  own its label, source, note, the wording of its change and its parts;
* the report's organisations, title, preamble, closing, signature, notes and dates.

For each part: the same content, or content on one side only (the other side still empty) -> taken
without asking; different content on both sides -> a :class:`Conflict` the user settles. Nothing is
ever picked arbitrarily. Conflicts show the text with its figures written out (``2041件``), never the
``{{m:…}}`` markup. Parts found only in another project are added after their preceding sibling.

API: ``plan = plan_merge(main, [(name, report), …])``; show ``plan.conflicts``; then
``apply_merge(plan, {conflict.key: source_name, …})`` returns the merged report. The command line
(``report-editor merge``) calls :func:`run_merge_cli`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

from ..errors import ReportEditorError
from .report import Item, Metric, Report, Section, iter_section_items, new_id
from .numbering import number_report
from .tokens import TOKEN_RE, Renderer, change_error, format_value

MAIN = "main"


class MergeConflictsUnresolved(ReportEditorError):
    def __init__(self, message: str, keys: list[str]):
        super().__init__(message)
        self.keys = keys


@dataclass
class Conflict:
    key: str  # stable key for --resolve: the main part's id, or "report.preamble" …
    kind: str  # "section" / "item" / "metric" / "report"
    title: str  # what it is, in Chinese
    options: dict[str, str]  # source name -> display text of that version (main first)

    def describe(self) -> str:
        return f"{self.title}"


@dataclass
class _Versions:
    kind: str
    title: str
    main_obj: object
    versions: dict[str, object] = field(default_factory=dict)  # source -> version object (incl. main)
    merged: object = None  # sections and items without a conflict: the version combined field by field
    reports: dict[str, Report] = field(default_factory=dict)  # source -> its report (to write figures out)
    same_reading: bool = False  # versions differed only in the metrics their figures refer to


@dataclass
class MergePlan:
    main: Report
    sources: list[str]
    conflicts: list[Conflict]
    _entries: dict[str, _Versions] = field(default_factory=dict, repr=False)
    _additions: list[tuple[str, str, Optional[str], object]] = field(default_factory=list, repr=False)
    taken: list[str] = field(default_factory=list)  # human-readable list of what will come from others
    added: list[str] = field(default_factory=list)
    # parts whose versions read the same once the figures are written out (only the metrics they refer to
    # differ): not conflicts, the first version (main's) is kept
    same_text: list[str] = field(default_factory=list)

    def conflict(self, key: str) -> Optional[Conflict]:
        return next((c for c in self.conflicts if c.key == key), None)


# ------------------------------------------------------------------ content signatures
def _norm(text: str) -> str:
    return re.sub(r"[\s，。；：、,.;:！!？?“”\"（）()《》]", "", text or "")


def _item_sig(item: Item):
    """An item's own content; its sub-items are parts of their own (matched and merged separately)."""
    return (item.lead.strip(), tuple(p.strip() for p in item.body), item.run_in, item.numbered)


def _item_empty(item: Item) -> bool:
    return not item.lead.strip() and not any(p.strip() for p in item.body)


def _section_sig(s: Section):
    return (s.heading.strip(), tuple(p.strip() for p in s.intro), s.numbered)


def _section_empty(s: Section) -> bool:
    return not s.heading.strip() and not any(p.strip() for p in s.intro)


# A metric's figure (value with its unit, scale, qualifier, rate and numerals) is one part; last year's value is
# a part of its own (one office often supplies only last year's figures).
_METRIC_FIELDS = ("value", "unit", "scale", "qualifier", "is_rate", "numerals")
_CHANGE_FIELDS = ("change_decimals", "change_prefix", "change_words")
_CHANGE_DEFAULT = (1, "同比", ("增长", "下降"))
# A metric's other fields, each merged on its own: key suffix -> (title, fields).
_METRIC_PARTS = {
    "last": ("上年数值", ("last_value",)),
    "label": ("名称", ("label",)),
    "source": ("来源", ("source",)),
    "note": ("备注", ("note",)),
    "change": ("同比变化的写法", _CHANGE_FIELDS),
    "parts": ("组成部分", ("parts",)),
}


def _metric_sig(m: Metric):
    return tuple(getattr(m, f) for f in _METRIC_FIELDS)


def _metric_empty(m: Metric) -> bool:
    return m.value is None or not m.value.strip()


def _part_sig(part: str, m: Metric):
    values = tuple(getattr(m, f) for f in _METRIC_PARTS[part][1])
    if part == "last":
        return (values[0] or "").strip()
    if part == "change":
        return (values[0], values[1], tuple(values[2]))
    return values[0].strip() if isinstance(values[0], str) else tuple(values[0])


def _part_empty(part: str, m: Metric) -> bool:
    sig = _part_sig(part, m)
    return sig == _CHANGE_DEFAULT if part == "change" else not sig


def _render(text: str, report: Optional[Report]) -> str:
    """Text with its figures written out (``2041件``), as the report shows them."""
    if report is None or "{{" not in text:
        return text
    return Renderer(report.metrics).text(text)


def _render_value(value, report: Optional[Report]):
    """A field's value (text, or a tuple of paragraphs) as the report reads it."""
    if isinstance(value, tuple):
        return tuple(_render(p, report) for p in value)
    return _render(value, report) if isinstance(value, str) else value


def _item_text(item: Item, report: Optional[Report] = None) -> str:
    first = (item.lead + ("".join(item.body[:1]) if item.run_in else "")).strip()
    rest = item.body[1:] if item.run_in else item.body
    return "\n".join(_render(p, report) for p in [first, *rest] if p.strip())


def _metric_text(m: Metric) -> str:
    return format_value(m) or "（未填）"


def _part_text(part: str, m: Metric, report: Optional[Report]) -> str:
    if part == "last":
        return format_value(m.model_copy(update={"value": m.last_value})) or (m.last_value or "")
    if part == "change":
        return f"{m.change_prefix}{'/'.join(m.change_words)}，保留 {m.change_decimals} 位小数"
    if part == "parts":
        names = report.metric_map() if report is not None else {}
        return "、".join((names[p].label or p) if p in names else p for p in m.parts)
    return getattr(m, part)


# ------------------------------------------------------------------ token remapping
def _remap_report(other: Report, main: Report) -> Report:
    """Copy ``other`` with its metrics renamed into main's id space: the same id is the same metric (even
    when a colleague changed its label); a metric with an id main does not have is matched by label."""
    other = other.model_copy(deep=True)
    by_id = {m.id: m for m in main.metrics}
    by_label = {m.label.strip(): m for m in main.metrics if m.label.strip()}
    taken = {m.id for m in other.metrics if m.id in by_id}
    mapping: dict[str, str] = {}
    for m in other.metrics:
        if m.id in by_id:
            continue
        target = by_label.get(m.label.strip())
        if target is not None and target.id not in taken:
            mapping[m.id] = target.id
            taken.add(target.id)
    if not mapping:
        return other
    for m in other.metrics:
        if m.id in mapping:
            m.id = mapping[m.id]
        m.parts = [mapping.get(p, p) for p in m.parts]

    def sub(text: str) -> str:
        return TOKEN_RE.sub(lambda t: "{{%s:%s}}" % (t.group(1), mapping.get(t.group(2), t.group(2))), text)

    from .refs import iter_text_fields, set_field

    for ref, text in list(iter_text_fields(other)):
        if "{{" in text:
            set_field(other, ref, sub(text))
    return other


# ------------------------------------------------------------------ planning
def _section_key(s: Section) -> str:
    return _norm(s.heading) or ("intro:" + _norm(s.intro[0])[:30] if s.intro else "")


def _item_key(it: Item) -> str:
    return _norm(it.lead)


def _match(main_list, other_list, key_fn, used: set[str]) -> dict[int, int]:
    """Map other index -> main index: by id first, then by normalised text among parts not matched yet."""
    out: dict[int, int] = {}
    ids = {x.id: i for i, x in enumerate(main_list)}
    for j, o in enumerate(other_list):
        i = ids.get(o.id)
        if i is not None and main_list[i].id not in used:
            out[j] = i
            used.add(main_list[i].id)
    keys: dict[str, int] = {}
    for i, x in enumerate(main_list):
        k = key_fn(x)
        if k and x.id not in used:
            keys.setdefault(k, i)
    for j, o in enumerate(other_list):
        if j in out:
            continue
        k = key_fn(o)
        i = keys.get(k) if k else None
        if i is not None and main_list[i].id not in used:
            out[j] = i
            used.add(main_list[i].id)
    return out


_REPORT_FIELDS = (("organisations", "机关名称"), ("title_override", "标题"), ("preamble", "开头段落（前言）"),
                  ("closing", "结尾"), ("signature", "落款"), ("notes", "附注"))


def plan_merge(main: Report, others: list[tuple[str, Report]]) -> MergePlan:
    sources = [name for name, _ in others]
    if MAIN in sources or len(set(sources)) != len(sources):
        raise ReportEditorError("要合并的项目名称重复。请给每个项目文件不同的名称。")
    entries: dict[str, _Versions] = {}
    additions: list[tuple[str, str, Optional[str], object]] = []  # (source, kind, after_key, obj)
    reports: dict[str, Report] = {MAIN: main}

    def entry(key: str, kind: str, title: str, main_obj) -> _Versions:
        e = entries.get(key)
        if e is None:
            e = entries[key] = _Versions(kind, title, main_obj, {MAIN: main_obj}, reports=reports)
        return e

    numbers = number_report(main)
    main_items: dict[str, Item] = {}  # every item of main at any level, by id
    for section in main.sections:
        for chain in iter_section_items(section):
            main_items.setdefault(chain[-1].id, chain[-1])

    for name, raw in others:
        other = _remap_report(raw, main)
        reports[name] = other
        # report-level text
        for fld, title in _REPORT_FIELDS:
            entry(f"report.{fld}", "report", title, getattr(main, fld)).versions[name] = getattr(other, fld)
        entry("report.date", "report", "成文日期", main.date).versions[name] = other.date
        entry("report.publication_date", "report", "发布日期", main.publication_date).versions[name] = \
            other.publication_date
        # sections, then their items at every level: by id first (anywhere in the report), then by text
        used_sections: set[str] = set()
        used_items: set[str] = set()
        smatch = _match(main.sections, other.sections, _section_key, used_sections)
        prev_key: Optional[str] = None
        for j, osec in enumerate(other.sections):
            i = smatch.get(j)
            if i is None:
                additions.append((name, "section", prev_key, osec))
                prev_key = osec.id
                continue
            msec = main.sections[i]
            prev_key = msec.id
            label = (msec.heading or (msec.intro[0] if msec.intro else ""))[:20]
            where = numbers.get(msec.id) or f"第{i + 1}部分"
            entry(msec.id, "section", f"{where}“{label}”的标题和开头段落", msec).versions[name] = osec
            entry(f"{msec.id}.outro", "outro", f"{where}“{label}”的结尾段落", msec).versions[name] = osec
            _plan_items(name, msec, msec.items, osec.items, where, "section:" + msec.id,
                        main_items, used_items, entry, additions, numbers)
        # metrics (ids already mapped into main's space): figures, and each other field on its own
        mmap = {m.id: m for m in main.metrics}
        for om in other.metrics:
            mm = mmap.get(om.id)
            if mm is None:
                additions.append((name, "metric", None, om))
                continue
            what = f"指标“{mm.label or om.label or om.id}”"
            entry(om.id, "metric", what, mm).versions[name] = om
            for part, (title, _fields) in _METRIC_PARTS.items():
                if _part_sig(part, om) == _part_sig(part, mm):
                    continue  # the same as main's: nothing to take, nothing to settle
                entry(f"{om.id}.{part}", "metric." + part, f"{what}的{title}", mm).versions[name] = om

    conflicts: list[Conflict] = []
    taken: list[str] = []
    same_text: list[str] = []
    for key, e in entries.items():
        if e.kind in _FIELDWISE:
            sources_used = _combine(e)
            if e.merged is None:
                conflicts.append(Conflict(key, e.kind, e.title, {
                    src: _display(e.kind, v, reports.get(src)) for src, v in e.versions.items()
                    if v is not None and not _signature(e.kind)[1](v)}))
                continue
            if e.same_reading:
                same_text.append(_same_text_line(e.title, sources_used))
            elif sources_used - {MAIN}:
                taken.append(f"{e.title}：采用 {'、'.join(sorted(sources_used - {MAIN}))}")
            continue
        sig_fn, empty_fn = _signature(e.kind)
        distinct: dict = {}
        for src, v in e.versions.items():
            if v is None or empty_fn(v):
                continue
            distinct.setdefault(sig_fn(v), []).append(src)
        if len(distinct) > 1 and e.kind in ("report", "outro"):
            # texts that differ only in the metrics their figures refer to read the same: not a conflict
            reading: dict = {}
            for srcs in distinct.values():
                reading.setdefault(_display(e.kind, e.versions[srcs[0]], reports.get(srcs[0])), []).extend(srcs)
            if len(reading) == 1:
                srcs = next(iter(reading.values()))
                same_text.append(_same_text_line(e.title, {MAIN} if MAIN in srcs else {srcs[-1]}))
                continue
        if len(distinct) > 1:
            conflicts.append(Conflict(key, e.kind.split(".")[0], e.title,
                                      {src: _display(e.kind, v, reports.get(src))
                                       for src, v in e.versions.items() if v is not None and not empty_fn(v)}))
        elif len(distinct) == 1:
            srcs = next(iter(distinct.values()))
            if MAIN not in srcs:
                taken.append(f"{e.title}：采用 {srcs[0]}")
    added = [f"{src}：新增{ {'section': '部分', 'item': '条目', 'metric': '指标'}[kind] }“{_label(obj)}”"
             for src, kind, _after, obj in additions]
    return MergePlan(main, sources, conflicts, entries, additions, taken, added, same_text)


def _same_text_line(title: str, used: set[str]) -> str:
    kept = "保留当前项目的文字" if MAIN in used or not used else f"采用 {'、'.join(sorted(used))} 的文字"
    return f"{title}：各方读起来相同（数字写出后一致，只是引用的指标不同），{kept}"


# Sections and items are merged field by field: a heading kept from the template on one side and
# opening paragraphs written on the other are not a conflict; two different texts of one field are.
_FIELDWISE = {"section": ("heading", "intro"), "item": ("lead", "body")}
_FLAGS = {"section": ("numbered",), "item": ("run_in", "numbered")}


def _field_value(v, name: str):
    value = getattr(v, name)
    return tuple(p.strip() for p in value if p.strip()) if isinstance(value, list) else value.strip()


def _combine(e: _Versions, prefer: Optional[str] = None) -> set[str]:
    """Set ``e.merged`` to the part combined field by field; returns the sources used. Two different
    texts of one field are a conflict: ``e.merged`` becomes None, unless ``prefer`` (the user's choice)
    names the source to take them from."""
    update: dict[str, object] = {}
    used: set[str] = set()
    text_source = MAIN
    e.same_reading = False
    for name in _FIELDWISE[e.kind]:
        distinct: dict = {}
        for src, v in e.versions.items():
            if v is not None and _field_value(v, name):
                distinct.setdefault(_field_value(v, name), src)  # the first source (main first) wins a tie
        if len(distinct) > 1:
            # versions that differ only in the metrics their figures refer to read the same: the first is kept
            reading: dict = {}
            for value, src in distinct.items():
                reading.setdefault(_render_value(value, e.reports.get(src)), (value, src))
            if len(reading) < len(distinct):
                e.same_reading = True
                distinct = dict(reading.values())
        if len(distinct) > 1 and prefer is None:
            e.merged = None
            return set()
        if distinct:
            src = next(iter(distinct.values()))
            if len(distinct) > 1 and prefer in e.versions and _field_value(e.versions[prefer], name):
                src = prefer
            used.add(src)
            value = getattr(e.versions[src], name)
            update[name] = list(value) if isinstance(value, list) else value
            if name in ("body", "intro") and src != MAIN:
                text_source = src
    if used <= {MAIN}:  # nothing comes from the others: main as it is
        e.merged = e.main_obj
        return used
    for flag in _FLAGS[e.kind]:  # numbering and run-in go with the text they belong to
        update[flag] = getattr(e.versions[text_source], flag)
    e.merged = e.main_obj.model_copy(update=update)
    return used


def _plan_items(name, owner, m_list, o_list, where, anchor, main_items, used, entry, additions, numbers) -> None:
    """Match the items of one container (a section's items or an item's children) and recurse."""
    local = _match(m_list, o_list, _item_key, used)
    prev: Optional[str] = None
    for j, oit in enumerate(o_list):
        mit = m_list[local[j]] if j in local else None
        if mit is None and oit.id in main_items and oit.id not in used:  # moved elsewhere: still the same item
            mit = main_items[oit.id]
            used.add(mit.id)
        if mit is None:
            additions.append((name, "item", prev or anchor, oit))
            prev = oit.id
            continue
        prev = mit.id
        pos = m_list.index(mit) + 1 if mit in m_list else 0
        lead = (mit.lead or oit.lead)[:20]
        number = numbers.get(mit.id, "") if pos else ""
        place = f"{where}{number}" if number else (f"{where}第{pos}项" if pos else "条目")
        title = f"{place}“{lead}”" if lead else place
        entry(mit.id, "item", title, mit).versions[name] = oit
        _plan_items(name, mit, mit.children, oit.children, number and place or title + "的", "item:" + mit.id,
                    main_items, used, entry, additions, numbers)


def _outro_sig(s: Section):
    return tuple(p.strip() for p in s.outro)


def _outro_empty(s: Section) -> bool:
    return not any(p.strip() for p in s.outro)


def _signature(kind: str):
    if kind == "report":
        return (lambda v: tuple(v) if isinstance(v, list) else v), (lambda v: not v or v == [""])
    if kind.startswith("metric."):
        part = kind.split(".", 1)[1]
        return (lambda v: _part_sig(part, v)), (lambda v: _part_empty(part, v))
    return {"item": (_item_sig, _item_empty), "section": (_section_sig, _section_empty),
            "outro": (_outro_sig, _outro_empty), "metric": (_metric_sig, _metric_empty)}[kind]


def _label(obj) -> str:
    if isinstance(obj, Section):
        return (obj.heading or (obj.intro[0] if obj.intro else ""))[:20]
    if isinstance(obj, Item):
        return obj.lead[:20]
    if isinstance(obj, Metric):
        return obj.label or obj.id
    return ""


def _display(kind: str, v, report: Optional[Report] = None) -> str:
    """One version of a part as the user reads it: figures written out, not ``{{m:…}}``."""
    if kind == "item":
        return _item_text(v, report)
    if kind == "section":
        return "\n".join(_render(p, report) for p in [v.heading, *v.intro] if p.strip())
    if kind == "outro":
        return "\n".join(_render(p, report) for p in v.outro if p.strip())
    if kind == "metric":
        return _metric_text(v)
    if kind.startswith("metric."):
        return _part_text(kind.split(".", 1)[1], v, report)
    if isinstance(v, list):
        return "\n".join(_render(p, report) for p in v)
    if v is None:
        return ""
    if hasattr(v, "year"):
        return f"{v.year}年{v.month}月{v.day}日"
    return _render(str(v), report)


# ------------------------------------------------------------------ applying
def apply_merge(plan: MergePlan, resolutions: Optional[dict[str, str]] = None) -> Report:
    """The merged report. ``resolutions`` maps every conflict key to ``"main"`` or a source name."""
    resolutions = dict(resolutions or {})
    valid = {MAIN, *plan.sources}
    for key, src in resolutions.items():
        if src not in valid:
            raise ReportEditorError(f"冲突“{key}”的选择“{src}”无效：只能是 main 或 {'、'.join(plan.sources)}。")
    missing = [c.key for c in plan.conflicts if c.key not in resolutions]
    if missing:
        raise MergeConflictsUnresolved(f"还有 {len(missing)} 处冲突没有决定采用哪一方：{'、'.join(missing)}。", missing)
    for c in plan.conflicts:
        if resolutions[c.key] not in c.options:
            raise ReportEditorError(f"冲突“{c.key}”中 {resolutions[c.key]} 没有内容，请选择：{'、'.join(c.options)}。")

    result = plan.main.model_copy(deep=True)
    nodes: dict[str, object] = {}  # id -> section, item or metric of the result (first of each id)
    for m in result.metrics:
        nodes.setdefault(m.id, m)
    for section in result.sections:
        nodes.setdefault(section.id, section)
        for chain in iter_section_items(section):
            nodes.setdefault(chain[-1].id, chain[-1])
    conflict_keys = {c.key for c in plan.conflicts}
    for key, e in plan._entries.items():
        if key in conflict_keys and e.kind in _FIELDWISE:  # the chosen text; fields only one side filled stay
            _combine(e, prefer=resolutions[key])
            chosen = e.merged
        elif key in conflict_keys:
            chosen = e.versions[resolutions[key]]
        elif e.kind in _FIELDWISE:
            chosen = e.merged
            if chosen is e.main_obj:
                continue
        else:
            chosen = None
            for src, v in e.versions.items():
                if src == MAIN:
                    continue
                if v is not None and not _is_empty(e.kind, v):
                    chosen = v
            main_v = e.versions[MAIN]
            if main_v is not None and not _is_empty(e.kind, main_v):
                chosen = None  # main already has it (same content)
            if chosen is None:
                continue
        _put(result, key, e.kind, chosen, nodes)

    # A figure and last year's value taken from different projects must still give a change the editor can
    # write (else the merged project could not be opened again): then last year's value goes with the figure.
    for key, e in plan._entries.items():
        if e.kind != "metric":
            continue
        node = nodes.get(key)
        if isinstance(node, Metric) and change_error(node):
            source = next((v for v in e.versions.values() if v is not None and v.value == node.value
                           and v.unit == node.unit and v.scale == node.scale), e.main_obj)
            node.last_value = source.last_value

    taken = _all_ids(result)
    for _src, kind, after, obj in plan._additions:
        obj = obj.model_copy(deep=True)
        if kind in ("section", "item"):
            _fresh_ids(obj, taken)  # a part brought along by an added one may share an id with main's
        if kind == "metric":
            if result.metric(obj.id) is None:
                result.metrics.append(obj)
            continue
        if kind == "section":
            idx = len(result.sections)
            if after is not None:
                found = result.find_parent(after)
                if found:
                    idx = found[1] + 1
            result.sections.insert(idx, obj)
            continue
        # item: first in its section or item, or after its preceding sibling
        if after and after.startswith(("section:", "item:")):
            owner = result.find_node(after.split(":", 1)[1])
            if isinstance(owner, Section):
                owner.items.insert(0, obj)
            elif isinstance(owner, Item):
                owner.children.insert(0, obj)
        else:
            found = result.find_parent(after) if after else None
            if found:
                container, i, _owner = found
                container.insert(i + 1, obj)
    return result


def _all_ids(report: Report) -> set[str]:
    ids = {m.id for m in report.metrics}
    for section in report.sections:
        ids.add(section.id)
        ids.update(chain[-1].id for chain in iter_section_items(section))
    return ids


def _fresh_ids(obj, taken: set[str]) -> None:
    """Give every section or item in ``obj`` whose id is already taken a new id (ids stay unique)."""
    nodes: list = [obj]
    while nodes:
        node = nodes.pop()
        if node.id in taken:
            node.id = new_id("s" if isinstance(node, Section) else "i")
        taken.add(node.id)
        nodes.extend(node.items if isinstance(node, Section) else node.children)


def _is_empty(kind: str, v) -> bool:
    return _signature(kind)[1](v)


def _put(result: Report, key: str, kind: str, v, nodes: dict[str, object]) -> None:
    if kind == "report":
        setattr(result, key.split(".", 1)[1], v if not isinstance(v, list) else list(v))
        return
    node = nodes.get(key.split(".", 1)[0])
    if node is None:
        return
    if kind == "item":  # its own text; sub-items are merged as parts of their own
        node.lead, node.body, node.run_in, node.numbered = v.lead, list(v.body), v.run_in, v.numbered
        node.needs_revision = False
    elif kind == "section":
        node.heading, node.intro, node.numbered = v.heading, list(v.intro), v.numbered
    elif kind == "outro":
        node.outro = list(v.outro)
    elif kind == "metric":
        for f in _METRIC_FIELDS:
            setattr(node, f, getattr(v, f))
    elif kind.startswith("metric."):
        for f in _METRIC_PARTS[kind.split(".", 1)[1]][1]:
            value = getattr(v, f)
            setattr(node, f, list(value) if isinstance(value, list) else value)


# ------------------------------------------------------------------ command line
def run_merge_cli(args, out: Callable[[str], None], err: Callable[[str], None]) -> int:
    from ..storage import read_project, write_project

    main = read_project(args.project)
    names: list[str] = []
    others: list[tuple[str, Report]] = []
    for path in args.others:
        names.append(path)
        others.append((path, read_project(path)))

    def source_name(value: str) -> str:
        if value == MAIN:
            return MAIN
        if value in names:
            return value
        for n in names:
            try:
                if Path(n).resolve() == Path(value).resolve() or Path(n).name == value:
                    return n
            except OSError:
                continue
        raise ReportEditorError(f"“{value}”既不是 main，也不是要合并的项目之一（{'、'.join(names)}）。")

    plan = plan_merge(main, others)
    resolutions: dict[str, str] = {}
    if args.prefer:
        pref = source_name(args.prefer)
        for c in plan.conflicts:
            if pref in c.options:
                resolutions[c.key] = pref
    for item in args.resolve or []:
        key, sep, value = item.partition("=")
        if not sep:
            raise ReportEditorError(f"--resolve 的格式应为 冲突键=main 或 冲突键=项目路径，收到“{item}”。")
        key = key.strip()
        if plan.conflict(key) is None:
            raise ReportEditorError(f"没有键为“{key}”的冲突。不带 --resolve 运行可列出所有冲突。")
        resolutions[key] = source_name(value.strip())

    unresolved = [c for c in plan.conflicts if c.key not in resolutions]
    if unresolved:
        err(f"有 {len(unresolved)} 处冲突需要决定采用哪一方，未写入任何文件：")
        for c in unresolved:
            err(f"冲突 {c.key}：{c.title}")
            for src, text in c.options.items():
                short = text.replace("\n", " ")
                err(f"    {src}：{short[:80]}{'…' if len(short) > 80 else ''}")
        err("请用 --prefer main|项目路径 统一决定，或用 --resolve 冲突键=main|项目路径 逐个决定。")
        return 1
    target = Path(args.output)
    if target.exists() and not args.force:
        raise ReportEditorError(f"“{target}”已存在。如要覆盖，请加 --force；或换一个文件名。")
    merged = apply_merge(plan, resolutions)
    write_project(target, merged, backup=False)
    for line in plan.taken + plan.same_text + plan.added:
        out(line)
    for c in plan.conflicts:
        out(f"冲突 {c.key}（{c.title}）：采用 {resolutions[c.key]}")
    out(f"已合并到：{target}")
    return 0


__all__ = ["Conflict", "MAIN", "MergeConflictsUnresolved", "MergePlan", "apply_merge", "plan_merge", "run_merge_cli"]
