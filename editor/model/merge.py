"""Merging projects drafted by colleagues into one (no Qt).

Colleagues usually fill copies of the same template, so sections, items and metrics are matched by
``id`` first, then by text (section heading, item lead, metric label). For each matched part:

* the same content, or content on one side only (the other side still empty) -> taken without asking;
* different content on both sides -> a :class:`Conflict` the user settles (a side-by-side choice for
  sections and items, a value choice for metrics). Nothing is ever picked arbitrarily.

Parts found only in another project are added after their preceding matched sibling.

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
from .report import Item, Metric, Report, Section, new_id
from .tokens import TOKEN_RE, format_value

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


@dataclass
class MergePlan:
    main: Report
    sources: list[str]
    conflicts: list[Conflict]
    _entries: dict[str, _Versions] = field(default_factory=dict, repr=False)
    _additions: list[tuple[str, str, Optional[str], object]] = field(default_factory=list, repr=False)
    taken: list[str] = field(default_factory=list)  # human-readable list of what will come from others
    added: list[str] = field(default_factory=list)

    def conflict(self, key: str) -> Optional[Conflict]:
        return next((c for c in self.conflicts if c.key == key), None)


# ------------------------------------------------------------------ content signatures
def _norm(text: str) -> str:
    return re.sub(r"[\s，。；：、,.;:！!？?“”\"（）()《》]", "", text or "")


def _item_sig(item: Item):
    return (item.lead.strip(), tuple(p.strip() for p in item.body), item.run_in, item.numbered,
            tuple(_item_sig(c) for c in item.children))


def _item_empty(item: Item) -> bool:
    return not item.lead.strip() and not any(p.strip() for p in item.body) and all(_item_empty(c) for c in item.children)


def _section_sig(s: Section):
    return (s.heading.strip(), tuple(p.strip() for p in s.intro), s.numbered)


def _section_empty(s: Section) -> bool:
    return not s.heading.strip() and not any(p.strip() for p in s.intro)


_METRIC_FIELDS = ("value", "unit", "scale", "qualifier", "last_value", "is_rate", "numerals")


def _metric_sig(m: Metric):
    return tuple(getattr(m, f) for f in _METRIC_FIELDS)


def _metric_empty(m: Metric) -> bool:
    return (m.value is None or not m.value.strip()) and (m.last_value is None or not str(m.last_value).strip())


def _item_text(item: Item, depth: int = 0) -> str:
    lines = [("  " * depth) + (item.lead + ("".join(item.body[:1]) if item.run_in else "")).strip()]
    rest = item.body[1:] if item.run_in else item.body
    lines += [("  " * depth) + p for p in rest if p.strip()]
    for c in item.children:
        lines.append(_item_text(c, depth + 1))
    return "\n".join(lines)


def _metric_text(m: Metric) -> str:
    value = format_value(m) or "（未填）"
    last = f"；上年 {m.last_value}" if m.last_value else ""
    return f"{value}{last}"


# ------------------------------------------------------------------ token remapping
def _remap_report(other: Report, main: Report) -> Report:
    """Copy ``other`` with its metrics renamed into main's id space (matched by id, then label)."""
    other = other.model_copy(deep=True)
    by_id = {m.id: m for m in main.metrics}
    by_label = {m.label.strip(): m for m in main.metrics if m.label.strip()}
    mapping: dict[str, str] = {}
    for m in other.metrics:
        if m.id in by_id and (not m.label.strip() or not by_id[m.id].label.strip()
                              or by_id[m.id].label.strip() == m.label.strip()):
            continue
        target = by_label.get(m.label.strip())
        if target is not None:
            mapping[m.id] = target.id
        elif m.id in by_id:
            mapping[m.id] = new_id("m")  # same id, different metric: give it a fresh one
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
def _match(main_list, other_list, key_fn) -> dict[int, int]:
    """Map other index -> main index: by id first, then by normalised text key."""
    out: dict[int, int] = {}
    used: set[int] = set()
    ids = {x.id: i for i, x in enumerate(main_list)}
    for j, o in enumerate(other_list):
        i = ids.get(o.id)
        if i is not None and i not in used:
            out[j] = i
            used.add(i)
    keys: dict[str, int] = {}
    for i, x in enumerate(main_list):
        k = key_fn(x)
        if k and i not in used:
            keys.setdefault(k, i)
    for j, o in enumerate(other_list):
        if j in out:
            continue
        k = key_fn(o)
        i = keys.get(k) if k else None
        if i is not None and i not in used:
            out[j] = i
            used.add(i)
    return out


def _section_key(s: Section) -> str:
    return _norm(s.heading) or ("intro:" + _norm(s.intro[0])[:30] if s.intro else "")


def _item_key(it: Item) -> str:
    return _norm(it.lead)


def plan_merge(main: Report, others: list[tuple[str, Report]]) -> MergePlan:
    sources = [name for name, _ in others]
    if MAIN in sources or len(set(sources)) != len(sources):
        raise ReportEditorError("要合并的项目名称重复。请给每个项目文件不同的名称。")
    entries: dict[str, _Versions] = {}
    additions: list[tuple[str, str, Optional[str], object]] = []  # (source, kind, after_key, obj)

    def entry(key: str, kind: str, title: str, main_obj, version):
        e = entries.get(key)
        if e is None:
            e = entries[key] = _Versions(kind, title, main_obj, {MAIN: main_obj})
        return e

    for name, raw in others:
        other = _remap_report(raw, main)
        # report-level text
        for fld, title in (("preamble", "前言"), ("closing", "结尾"), ("signature", "落款"), ("notes", "附注")):
            mv, ov = getattr(main, fld), getattr(other, fld)
            e = entry(f"report.{fld}", "report", title, mv, None)
            e.versions[name] = ov
        e = entry("report.date", "report", "成文日期", main.date, None)
        e.versions[name] = other.date
        # sections
        smatch = _match(main.sections, other.sections, _section_key)
        prev_key: Optional[str] = None
        for j, osec in enumerate(other.sections):
            i = smatch.get(j)
            if i is None:
                additions.append((name, "section", prev_key, osec))
                continue
            msec = main.sections[i]
            prev_key = msec.id
            title = f"第{i + 1}部分“{(msec.heading or (msec.intro[0] if msec.intro else ''))[:20]}”的标题和开头段落"
            e = entry(msec.id, "section", title, msec, None)
            e.versions[name] = osec
            imatch = _match(msec.items, osec.items, _item_key)
            prev_item: Optional[str] = None
            for jj, oit in enumerate(osec.items):
                ii = imatch.get(jj)
                if ii is None:
                    additions.append((name, "item", prev_item or ("section:" + msec.id), oit))
                    continue
                mit = msec.items[ii]
                prev_item = mit.id
                t = f"第{i + 1}部分第{ii + 1}项“{(mit.lead or oit.lead)[:20]}”"
                e = entry(mit.id, "item", t, mit, None)
                e.versions[name] = oit
        # metrics
        mmap = {m.id: m for m in main.metrics}
        for om in other.metrics:
            mm = mmap.get(om.id)
            if mm is None:
                additions.append((name, "metric", None, om))
                continue
            e = entry(om.id, "metric", f"指标“{mm.label or om.label or om.id}”", mm, None)
            e.versions[name] = om

    sig = {"item": (_item_sig, _item_empty), "section": (_section_sig, _section_empty),
           "metric": (_metric_sig, _metric_empty)}
    conflicts: list[Conflict] = []
    taken: list[str] = []
    for key, e in entries.items():
        if e.kind == "report":
            sig_fn = lambda v: tuple(v) if isinstance(v, list) else v  # noqa: E731
            empty_fn = lambda v: not v  # noqa: E731
        else:
            sig_fn, empty_fn = sig[e.kind]
        distinct: dict = {}
        for src, v in e.versions.items():
            if v is None or empty_fn(v):
                continue
            distinct.setdefault(sig_fn(v), []).append(src)
        if len(distinct) > 1:
            conflicts.append(Conflict(key, e.kind, e.title, {src: _display(e.kind, v) for src, v in e.versions.items()
                                                             if v is not None and not empty_fn(v)}))
        elif len(distinct) == 1:
            srcs = next(iter(distinct.values()))
            if MAIN not in srcs:
                taken.append(f"{e.title}：采用 {srcs[0]}")
    added = [f"{src}：新增{ {'section': '部分', 'item': '条目', 'metric': '指标'}[kind] }“{_label(obj)}”"
             for src, kind, _after, obj in additions]
    return MergePlan(main, sources, conflicts, entries, additions, taken, added)


def _label(obj) -> str:
    if isinstance(obj, Section):
        return (obj.heading or (obj.intro[0] if obj.intro else ""))[:20]
    if isinstance(obj, Item):
        return obj.lead[:20]
    if isinstance(obj, Metric):
        return obj.label or obj.id
    return ""


def _display(kind: str, v) -> str:
    if kind == "item":
        return _item_text(v)
    if kind == "section":
        return "\n".join([v.heading] + list(v.intro)).strip()
    if kind == "metric":
        return _metric_text(v)
    if isinstance(v, list):
        return "\n".join(v)
    if v is None:
        return ""
    if hasattr(v, "year"):
        return f"{v.year}年{v.month}月{v.day}日"
    return str(v)


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
    conflict_keys = {c.key for c in plan.conflicts}
    for key, e in plan._entries.items():
        if key in conflict_keys:
            chosen = e.versions[resolutions[key]]
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
        _put(result, key, e.kind, chosen)

    for _src, kind, after, obj in plan._additions:
        obj = obj.model_copy(deep=True)
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
        # item
        if after and after.startswith("section:"):
            sec = result.find_node(after.split(":", 1)[1])
            sec.items.insert(0, obj)
        else:
            found = result.find_parent(after) if after else None
            if found:
                container, i, _owner = found
                container.insert(i + 1, obj)
    return result


def _is_empty(kind: str, v) -> bool:
    if kind == "item":
        return _item_empty(v)
    if kind == "section":
        return _section_empty(v)
    if kind == "metric":
        return _metric_empty(v)
    return not v


def _put(result: Report, key: str, kind: str, v) -> None:
    if kind == "report":
        setattr(result, key.split(".", 1)[1], v if not isinstance(v, list) else list(v))
        return
    node = result.find_node(key)
    if node is None:
        return
    if kind == "item":
        node.lead, node.body, node.run_in, node.numbered = v.lead, list(v.body), v.run_in, v.numbered
        node.children = [c.model_copy(deep=True) for c in v.children]
        node.needs_revision = False
    elif kind == "section":
        node.heading, node.intro, node.numbered = v.heading, list(v.intro), v.numbered
    elif kind == "metric":
        for f in _METRIC_FIELDS + ("change_decimals", "change_prefix", "change_words", "source", "note"):
            setattr(node, f, getattr(v, f))
        if not node.label:
            node.label = v.label


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
    for line in plan.taken + plan.added:
        out(line)
    for c in plan.conflicts:
        out(f"冲突 {c.key}（{c.title}）：采用 {resolutions[c.key]}")
    out(f"已合并到：{target}")
    return 0


__all__ = ["Conflict", "MAIN", "MergeConflictsUnresolved", "MergePlan", "apply_merge", "plan_merge", "run_merge_cli"]
