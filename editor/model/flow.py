"""The report as a flow of paragraphs ready to lay out: one shared source for the Word export and
the window's preview, so both show the same text, numbering and figures.

Each :class:`Block` is one paragraph with a style ``kind`` and a list of :class:`Run` pieces whose
``role`` selects the font (``lead`` is the 楷体 lead sentence run into a body paragraph).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Literal, Optional

from .numbering import number_report
from .refs import FieldRef
from .report import Item, Report, Section
from .tokens import Renderer, SegmentKind

BlockKind = Literal[
    "issuer_mark",  # 发文机关标志 (formal)
    "doc_number",  # 发文字号 (formal)
    "red_rule",  # the red line below the header (formal)
    "title",  # one title line
    "title_gap",  # the blank line after the title
    "recipients",  # 主送机关 (formal)
    "body",  # preamble, intro, outro and closing paragraphs, body paragraphs of items
    "heading1",  # 一、…
    "heading2",  # （一）… on its own line (stand-alone lead)
    "item",  # （一）lead。body… run in; also 1./（1） items
    "signature",
    "date",
    "note",  # 附注
    "colophon_cc",  # 抄送 (formal)
    "colophon_print",  # 印发机关 / 印发日期 (formal)
]

RunRole = Literal["text", "lead"]


@dataclass(slots=True)
class Run:
    text: str
    role: RunRole = "text"
    seg: SegmentKind = "text"  # text / metric / change / missing
    metric_id: Optional[str] = None


@dataclass(slots=True)
class Block:
    kind: BlockKind
    runs: list[Run] = field(default_factory=list)
    level: int = 0  # 1..4 for headings and items
    ref: Optional[FieldRef] = None  # the field this paragraph comes from (for click-to-select)
    node: Optional[str] = None  # id of the section or item

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


# ------------------------------------------------------------------ title lines
TITLE_MAX_EMS = 19.0  # keep in step with editor.export.format_spec.TITLE_MAX_EMS
# a line may end after an administrative level (省/市/县/区, not 省委/市政府/区人民政府) or after 人民政府
_ADMIN_SUFFIX = re.compile(r"(?<=[省市县区])(?![委政人])(?=.)|(?<=人民政府)(?=.)")


def ems(text: str) -> float:
    """Width of ``text`` in ems of its font size: full-width characters 1, others 0.5."""
    return sum(1.0 if unicodedata.east_asian_width(ch) in ("F", "W", "A") else 0.5 for ch in text)


def _title_words(report: Report) -> list[str]:
    """The generated title cut into pieces that may end a line: the organisation names (cut after an
    administrative level such as 省/市/区 or 人民政府), the year, 法治政府建设 and 年度报告."""
    words: list[str] = []
    for i, org in enumerate(report.organisations):
        parts = [w for w in _ADMIN_SUFFIX.split(org) if w]
        if i < len(report.organisations) - 1 and parts:
            parts[-1] += " "  # several organisations are separated by a space, as in Report.generated_title
        words += parts
    return words + [f"{report.year}年", "法治政府建设", "年度报告"]


def split_title(words: list[str], max_ems: float = TITLE_MAX_EMS) -> list[str]:
    """Join ``words`` into as few lines as fit ``max_ems`` each, broken only between words, balanced
    and with the longer line first when there are two (GB/T 9704 7.3.1: 梯形; three lines: 菱形, the
    middle one longest)."""
    total = ems("".join(words))
    if total <= max_ems or len(words) < 2:
        return ["".join(words).strip()]
    n = len(words)
    best: Optional[tuple] = None
    for lines in (2, 3):
        cuts_list = ([(i,) for i in range(1, n)] if lines == 2 else
                     [(i, j) for i in range(1, n - 1) for j in range(i + 1, n)])
        for cuts in cuts_list:
            bounds = (0,) + cuts + (n,)
            parts = ["".join(words[a:b]).strip() for a, b in zip(bounds, bounds[1:], strict=False)]
            widths = [ems(p) for p in parts]
            if lines == 2:
                shape_ok = widths[0] >= widths[1]
            else:
                shape_ok = widths[1] >= widths[0] and widths[1] >= widths[2]
            key = (max(widths) > max_ems, not shape_ok, max(widths) - min(widths))
            if best is None or key < best[0]:
                best = (key, parts)
        if best is not None and not best[0][0]:
            break
    return best[1] if best else ["".join(words).strip()]


def title_lines(report: Report) -> list[str]:
    """The title's lines: a user-written title keeps its own line breaks; the generated one is split."""
    if report.title_override.strip("\n"):
        return report.title_lines
    return split_title(_title_words(report))


def format_date(d) -> str:
    """2023年1月28日: Arabic numerals, full year, no leading zeros."""
    return f"{d.year}年{d.month}月{d.day}日"


class _Builder:
    def __init__(self, report: Report):
        self.report = report
        self.renderer = Renderer(report.metric_map())
        self.numbers = number_report(report)
        self.blocks: list[Block] = []

    def runs(self, text: str, role: RunRole = "text") -> list[Run]:
        if "{{" not in text:
            return [Run(text, role)] if text else []
        return [Run(s.text, role, s.kind, s.metric_id) for s in self.renderer.segments(text)]

    def add(self, kind: BlockKind, runs: list[Run], ref=None, node=None, level=0) -> None:
        self.blocks.append(Block(kind, runs, level, ref, node))

    def paragraphs(self, kind: BlockKind, node_id: str, field_name: str, texts: list[str]) -> None:
        for i, text in enumerate(texts):
            if text.strip():
                self.add(kind, self.runs(text), FieldRef(node_id, field_name, i), node_id)

    def item(self, item: Item, level: int) -> None:
        number = self.numbers.get(item.id, "")
        lead = item.lead
        body = [p for p in item.body]
        # The marker and lead sentence of level-2 items (楷体) and level-3 items (仿宋, optionally bold)
        # carry the "lead" role; Block.level tells the two apart.
        lead_role: RunRole = "lead" if level in (2, 3) else "text"
        marker_run = [Run(number, lead_role, "text")] if number else []
        lead_ref = FieldRef(item.id, "lead")
        if item.run_in or not lead.strip():
            first = body[0] if body else ""
            runs = marker_run + self.runs(lead, lead_role)
            if first.strip():
                runs += self.runs(first)
            if runs:
                self.add("item", runs, lead_ref, item.id, level)
            rest_start = 1
        else:
            kind: BlockKind = "heading2" if level == 2 else "item"
            self.add(kind, marker_run + self.runs(lead, lead_role), lead_ref, item.id, level)
            rest_start = 0
        for i in range(rest_start, len(body)):
            if body[i].strip():
                self.add("body", self.runs(body[i]), FieldRef(item.id, "body", i), item.id, level)
        for child in item.children:
            self.item(child, min(level + 1, 4))

    def section(self, section: Section) -> None:
        number = self.numbers.get(section.id, "")
        if section.heading.strip():
            runs = ([Run(number, "text")] if number else []) + self.runs(section.heading)
            self.add("heading1", runs, FieldRef(section.id, "heading"), section.id, 1)
        self.paragraphs("body", section.id, "intro", section.intro)
        for item in section.items:
            self.item(item, 2)
        # the section's closing paragraphs (下一步…, a summary) follow its items, in body style
        self.paragraphs("body", section.id, "outro", section.outro)

    def doc_number(self, f) -> None:
        """发文字号, and for a 上行文 the 签发人 on the right of the same line (GB/T 9704 7.2.4): two
        names a line, the 发文字号 on the line of the last names. Each line is a ``doc_number`` block;
        with signers its runs are [number or "", "\t", label or its width in spaces, names]; the names
        run has the ``lead`` role at level 2 so that it is set in 楷体 like a level-2 lead."""
        ref = FieldRef("report", "formal.doc_number")
        signers = [s.strip() for s in f.signers if s.strip()]
        if not signers:
            if f.doc_number:
                self.add("doc_number", self.runs(f.doc_number), ref)
            return
        rows = [signers[i:i + 2] for i in range(0, len(signers), 2)]  # format_spec.SIGNERS_PER_LINE
        for i, row in enumerate(rows):
            label = "签发人：" if i == 0 else "\u3000" * 4
            number = f.doc_number if i == len(rows) - 1 else ""
            runs = ([Run(number)] if number else []) + [Run("\t"), Run(label), Run("\u3000".join(row), "lead")]
            self.add("doc_number", runs, FieldRef("report", "formal.signers"), level=2)

    def build(self, edition: str) -> list[Block]:
        r = self.report
        formal = edition == "formal"
        if formal:
            f = r.formal
            mark = f.issuer_mark or ("".join(r.organisations) + "文件" if r.organisations else "")
            if mark.strip():  # no empty line when there is no mark (the check names the missing field)
                self.add("issuer_mark", self.runs(mark), FieldRef("report", "formal.issuer_mark"))
            self.doc_number(f)
            self.add("red_rule", [])
        for line in title_lines(r):
            self.add("title", self.runs(line), FieldRef("report", "title_override"))
        self.add("title_gap", [])
        if formal and r.formal.recipients:
            text = r.formal.recipients.rstrip("：:") + "："
            self.add("recipients", self.runs(text), FieldRef("report", "formal.recipients"))
        self.paragraphs("body", "report", "preamble", r.preamble)
        for section in r.sections:
            self.section(section)
        self.paragraphs("body", "report", "closing", r.closing)
        for i, line in enumerate(r.signature):
            if line.strip():
                self.add("signature", self.runs(line), FieldRef("report", "signature", i))
        if r.date is not None:
            self.add("date", [Run(format_date(r.date))], FieldRef("report", "date"))
        self.paragraphs("note", "report", "notes", r.notes)
        if formal:
            f = r.formal
            if f.cc:
                text = "抄送：" + f.cc.rstrip("。") + "。"
                self.add("colophon_cc", self.runs(text), FieldRef("report", "formal.cc"))
            left = f.printer or "".join(r.organisations)
            right = (format_date(f.print_date) + "印发") if f.print_date else ""
            self.add("colophon_print", [Run(left), Run("\t"), Run(right)], FieldRef("report", "formal.printer"))
        return self.blocks


def build_flow(report: Report, edition: Optional[str] = None) -> list[Block]:
    """The report as paragraphs in document order, with tokens rendered and numbering derived."""
    return _Builder(report).build(edition or report.edition)


def build_section_flow(report: Report, section_id: str) -> Optional[list[Block]]:
    """The paragraphs of one section exactly as :func:`build_flow` gives them (numbered within the whole
    report), or None when there is no such section. Lets the preview re-render only an edited section."""
    builder = _Builder(report)
    for section in report.sections:
        if section.id == section_id:
            builder.section(section)
            return builder.blocks
    return None
