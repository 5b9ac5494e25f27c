"""What every rule needs, computed once per check run: text fields with their role and position,
token-masked text, rendered text, numbering, metric usage, and readable locations."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Optional

from ..model import FieldRef, Item, Report, Section, number_report
from ..model.tokens import TOKEN_RE, Renderer
from .lazyre import bind, lazy_re

MASK = "\ufffc"  # stands for each character of a metric token in masked text
CJK_RE = lazy_re(r"[\u3400-\u9fff]")
_ALL_SEVERITIES = frozenset(("error", "warning", "info"))


def has_cjk(text: str) -> bool:
    """``CJK_RE.search(text) is not None`` without compiling the pattern (≈ 1.3 ms, see .lazyre): report
    text is Chinese, so the first character or one of the first few answers."""
    for c in text:
        if "\u3400" <= c <= "\u9fff":
            return True
    return False

_REPORT_FIELD_LABELS = {
    "title_override": "标题",
    "preamble": "前言",
    "closing": "结尾",
    "signature": "署名",
    "notes": "附注",
    "date": "成文日期",
    "publication_date": "发布日期",
    "organisations": "机关名称",
}


@dataclass(slots=True)
class TextField:
    ref: FieldRef
    raw: str
    role: str  # title, preamble, heading, intro, lead, body, closing, signature, notes
    node: object  # Report, Section or Item
    section: Optional[Section] = None
    level: int = 0  # 1 section, 2 item, 3/4 sub-items, 0 report-level
    # found once when the field is collected and shared by every rule (see CheckContext.tokens / .masked)
    tokens: list = field(init=False, repr=False, compare=False)  # [(kind "m"/"chg", metric id, start, end)]
    masked: str = field(init=False, repr=False, compare=False)  # mask_tokens(raw)

    def __post_init__(self) -> None:
        raw = self.raw
        if "{{" not in raw:
            self.tokens = []
            self.masked = raw
            return
        self.tokens = toks = [m.group(1, 2) + m.span() for m in TOKEN_RE.finditer(raw)]
        out = []
        pos = 0
        for _kind, _mid, start, end in toks:
            out.append(raw[pos:start])
            out.append(MASK * (end - start))
            pos = end
        out.append(raw[pos:])
        self.masked = "".join(out)

    @property
    def has_tokens(self) -> bool:
        return "{{" in self.raw


def mask_tokens(text: str) -> str:
    """``text`` with every metric token replaced by as many MASK characters: positions stay the same."""
    if "{{" not in text:
        return text
    return TOKEN_RE.sub(lambda m: MASK * len(m.group(0)), text)


class CheckContext:
    def __init__(self, report: Report, *, user_terms=None, severities=None):
        self.report = report
        self.user_terms = user_terms  # the user's dictionary (TermList or its text), see checks.terms
        # the severities asked for (run_checks(severities=...)): a rule may leave out work whose findings
        # could only have other severities (they would be dropped); what it reports is the same
        self.severities: frozenset = _ALL_SEVERITIES if severities is None else frozenset(severities)
        self.metrics = report.metric_map()
        self.renderer = Renderer(self.metrics)
        self.fields: list[TextField] = []
        self.nodes: dict[str, object] = dict(self.metrics)  # id -> section, item or metric
        # per field (keyed by id of the TextField), computed once and shared by the rules
        self._rendered: dict[int, str] = {}
        self._rmaps: dict[int, tuple] = {}
        self._by_ref: Optional[dict] = None
        self._collect()

    def wants(self, severity: str) -> bool:
        """True when findings of ``severity`` are asked for in this run."""
        return severity in self.severities

    # ------------------------------------------------------------------ collection
    def _collect(self) -> None:
        r = self.report
        add = self.fields.append
        add(TextField(FieldRef("report", "title_override"), r.title_override, "title", r))
        for i, t in enumerate(r.preamble):
            add(TextField(FieldRef("report", "preamble", i), t, "preamble", r))
        for section in r.sections:
            self.nodes[section.id] = section
            add(TextField(FieldRef(section.id, "heading"), section.heading, "heading", section, section, 1))
            for i, t in enumerate(section.intro):
                add(TextField(FieldRef(section.id, "intro", i), t, "intro", section, section, 1))
            self._collect_items(section.items, section, 2)
            for i, t in enumerate(section.outro):
                add(TextField(FieldRef(section.id, "outro", i), t, "outro", section, section, 1))
        for name in ("closing", "signature", "notes"):
            for i, t in enumerate(getattr(r, name)):
                add(TextField(FieldRef("report", name, i), t, name, r))

    def _collect_items(self, items: list[Item], section: Section, level: int) -> None:
        for item in items:
            self.nodes[item.id] = item
            self.fields.append(TextField(FieldRef(item.id, "lead"), item.lead, "lead", item, section, level))
            for i, t in enumerate(item.body):
                self.fields.append(TextField(FieldRef(item.id, "body", i), t, "body", item, section, level))
            self._collect_items(item.children, section, min(level + 1, 4))

    # ------------------------------------------------------------------ numbering and location labels
    # Only needed to describe where a finding is: an errors-only run on a report without errors never
    # numbers the report.
    @cached_property
    def numbers(self) -> dict[str, str]:
        """Section and item id -> its number (``一、``, ``（二）``…; "" when unnumbered)."""
        return number_report(self.report)

    @cached_property
    def _labels(self) -> dict[str, str]:
        """Section and item id -> the location prefix of its fields (``二、（一）``, ``“…”部分``…)."""
        labels: dict[str, str] = {}
        numbers = self.numbers
        for n, section in enumerate(self.report.sections, 1):
            number = numbers.get(section.id, "")
            if number:
                label = number
            elif section.heading.strip():
                label = f"“{_short(section.heading)}”部分"
            else:
                label = f"第{n}部分（未编号）"
            labels[section.id] = label
            self._label_items(section.items, label, labels)
        return labels

    def _label_items(self, items: list[Item], prefix: str, labels: dict[str, str]) -> None:
        numbers = self.numbers
        for n, item in enumerate(items, 1):
            number = numbers.get(item.id, "")
            if number:
                label = prefix + number
            elif item.lead.strip():
                label = prefix + f"“{_short(item.lead)}”"
            else:
                label = prefix + f"第{n}项"
            labels[item.id] = label
            self._label_items(item.children, label, labels)

    # ------------------------------------------------------------------ derived texts
    @staticmethod
    def tokens(f: TextField) -> list[tuple[str, str, int, int]]:
        """(kind "m"/"chg", metric id, start, end) of every metric token in the raw text of ``f``, in order
        (found once when the field is collected, shared by the masked and rendered texts and the rules)."""
        return f.tokens

    @staticmethod
    def masked(f: TextField) -> str:
        """``mask_tokens(f.raw)`` (computed once when the field is collected)."""
        return f.masked

    def rendered(self, f: TextField) -> str:
        """The text of ``f`` with its tokens rendered (figures, changes) as the export writes it."""
        toks = f.tokens
        if not toks:
            return f.raw
        key = id(f)
        text = self._rendered.get(key)
        if text is None:
            raw = f.raw
            token_segment = self.renderer.token_segment
            out = []
            pos = 0
            for kind, mid, start, end in toks:
                out.append(raw[pos:start])
                out.append(token_segment(kind, mid, raw[start:end]).text)
                pos = end
            out.append(raw[pos:])
            text = self._rendered[key] = "".join(out)
        return text

    def field(self, ref) -> Optional[TextField]:
        if self._by_ref is None:
            self._by_ref = {f.ref: f for f in self.fields}
        return self._by_ref.get(ref)

    def rendered_map(self, f: TextField) -> tuple:
        """(rendered text, segments) where segments are (rendered start, raw start, raw end, is token),
        so that a span found in the rendered text can be turned into a span of the raw text."""
        key = id(f)
        got = self._rmaps.get(key)
        if got is not None:
            return got
        raw = f.raw
        toks = self.tokens(f)
        if not toks:
            got = (raw, None)
        else:
            out: list[str] = []
            segs: list[tuple[int, int, int, bool]] = []
            pos = 0
            n = 0
            token_segment = self.renderer.token_segment
            for kind, mid, start, end in toks:
                if start > pos:
                    segs.append((n, pos, start, False))
                    out.append(raw[pos:start])
                    n += start - pos
                text = token_segment(kind, mid, raw[start:end]).text
                segs.append((n, start, end, True))
                out.append(text)
                n += len(text)
                pos = end
            if pos < len(raw):
                segs.append((n, pos, len(raw), False))
                out.append(raw[pos:])
            got = ("".join(out), segs)
        self._rmaps[key] = got
        return got

    def raw_span(self, f: TextField, start: int, end: int) -> tuple[int, int]:
        """The raw-text span of the rendered-text span [start, end) of ``f`` (a token counts whole)."""
        segs = self.rendered_map(f)[1]
        if segs is None:
            return start, end
        from bisect import bisect_right  # here: only a finding's place needs it
        starts = [s[0] for s in segs]

        def at(i: int, is_end: bool) -> int:
            k = max(0, bisect_right(starts, i) - 1)
            r0, a, b, tok = segs[k]
            if tok:
                return b if is_end else a
            return min(b, a + (i - r0))

        s = at(start, False)
        e = at(max(start, end - 1), True)
        if not segs[max(0, bisect_right(starts, max(start, end - 1)) - 1)][3]:
            e = e + 1 if end > start else e
        return s, max(s, e)

    @cached_property
    def token_fields(self) -> list[TextField]:
        return [f for f in self.fields if f.has_tokens]

    @cached_property
    def usage(self) -> dict[str, list[tuple[str, TextField, int, int]]]:
        """metric id -> [(kind "m"/"chg", field, start, end)] for every token in the text."""
        out: dict[str, list] = {}
        for f in self.token_fields:
            for kind, mid, start, end in self.tokens(f):
                out.setdefault(mid, []).append((kind, f, start, end))
        return out

    # ------------------------------------------------------------------ locations
    def where(self, ref: Optional[FieldRef]) -> str:
        return describe_ref(self.report, ref, self)


def _short(text: str, n: int = 8) -> str:
    text = TOKEN_RE.sub("…", text.strip())
    return text if len(text) <= n else text[:n] + "…"


_FONT_ROLE_LABELS = {
    "title": "标题", "body": "正文", "heading1": "一级标题", "heading2": "二级标题", "heading3": "三级、四级标题",
    "page_number": "页码", "issuer_mark": "发文机关标志",
}
_NODE_FIELD_LABELS = {"heading": "标题", "intro": "导语", "lead": "引导句", "body": "正文", "outro": "结尾段落"}


def describe_ref(report: Report, ref: Optional[FieldRef], ctx: Optional[CheckContext] = None) -> str:
    """A short Chinese location for ``ref``, e.g. ``二、（一）正文第1段`` or ``指标“出庭率”``."""
    if ref is None:
        return ""
    idx = "" if ref.index is None else ref.index + 1
    if ref.node == "report":
        top = ref.field.split(".")[0]
        if ref.field.startswith("format.fonts."):
            role = ref.field.rsplit(".", 1)[-1]
            return f"字体设置（{_FONT_ROLE_LABELS.get(role, role)}）"
        if top == "formal":
            return "文件版式信息"
        label = _REPORT_FIELD_LABELS.get(top, top)
        if idx == "":
            return label
        unit = "行" if top in ("signature", "notes", "organisations") else "段"
        return f"{label}第{idx}{unit}"
    node = ctx.nodes.get(ref.node) if ctx is not None else report.find_node(ref.node)
    if node is None:
        return str(ref)
    if ref.node.startswith("m-") or (not isinstance(node, (Section, Item))):
        label = getattr(node, "label", "") or ref.node
        what = {"value": "数值", "last_value": "上年数值", "parts": "分项"}.get(ref.field, "")
        return f"指标“{label}”" + (f"的{what}" if what else "")
    if ctx is not None and ref.node in ctx._labels:
        prefix = ctx._labels[ref.node]
    else:
        prefix = CheckContext(report)._labels.get(ref.node, "")
    label = _NODE_FIELD_LABELS.get(ref.field, ref.field)
    if idx != "":
        label += f"第{idx}段"
    return prefix + label


bind(globals())  # patterns compile on first use (see .lazyre)
