"""Paragraphs of an existing report -> :class:`~editor.model.Report`.

Recognises web-page furniture (dropped and listed), the title (one or more lines; organisation and
year taken from it), the preamble, level-1 to level-4 parts by their numbering (``一、`` ``（一）``
``1.`` ``（1）``) or by heading styles, ``一是…二是…`` paragraphs, run-in lead sentences, unnumbered
sections (a paragraph after the items followed by a new ``（一）`` run), the closing, signature lines,
the date and notes. Numbering that skips or repeats in the source is reported as a finding.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from typing import Optional

from ..errors import ImportError_
from ..model import Item, Report, Section, SectionKind
from .punct import normalise
from .sources import SourcePara

CN_NUM = "一二三四五六七八九十"
_CN_VALUES = {c: i + 1 for i, c in enumerate(CN_NUM)}

L1_RE = re.compile(r"^([一二三四五六七八九十百零〇]{1,6})\s*[、，,.．]\s*")
L2_RE = re.compile(r"^[（(]\s*([一二三四五六七八九十百零〇]{1,6})\s*[）)]\s*[、，,.．]?\s*")
L3_RE = re.compile(r"^([0-9]{1,2})\s*[.．、](?![0-9])\s*")
L4_RE = re.compile(r"^[（(]\s*([0-9]{1,2})\s*[）)]\s*")
YISHI_RE = re.compile(r"^([一二三四五六七八九十]{1,3})是")
DATE_RE = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$")
CN_DATE_RE = re.compile(r"^([〇零一二三四五六七八九○]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$")
PUBLISHED_RE = re.compile(r"(\d{4})[-/年.](\d{1,2})[-/月.](\d{1,2})日?\s*(\d{1,2}:\d{2}(:\d{2})?)?")
CLOSING_RE = re.compile(r"^(特此报告|专此报告|以上报告|特此报告如上)[。.！]?$")
NOTE_RE = re.compile(r"^[（(][^（）()]{2,30}[）)]$")
ORG_SUFFIX = re.compile(r"(局|委|政府|院|厅|办|办公室|会|部|室|处|所|中心|委员会|公司|集团|管委会|街道|镇|乡|署|组)$")
TITLE_MAX = 60

FURNITURE_PATTERNS = [
    (re.compile(r"(当前位置|所在的?位置|您的位置)"), "导航（面包屑）"),
    (re.compile(r"^(首页|主页)\s*[>＞›»]"), "导航（面包屑）"),
    (re.compile(r"[>＞›»].*[>＞›»]"), "导航（面包屑）"),
    (re.compile(r"^(分享到|分享|转发到|收藏|打印|关闭|关闭窗口|打印本页|【?打印】?|\[?打印\]?)[:：]?"), "分享/打印按钮"),
    (re.compile(r"(扫一扫|手机打开|二维码|微信扫)"), "分享/打印按钮"),
    (re.compile(r"^[•·●\-\*?？]?\s*(发布时间|发布日期|时间|日期)?[:：]?\s*\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(\s+\d{1,2}:\d{2}(:\d{2})?)?\s*$"), "发布时间"),
    (re.compile(r"^[•·●\-\*?？]?\s*(来源|信息来源|文章来源|发布机构|发布单位|作者|浏览次数|访问量|点击数|阅读量|责任编辑|编辑)\s*[:：]"), "来源/发布信息"),
    (re.compile(r"【?\s*字(体|号)\s*[:：]"), "字号按钮"),
    (re.compile(r"(ICP|备案号|公网安备|网站标识码|网站地图|版权所有|主办单位|承办单位|技术支持|联系我们|站长统计|Copyright|©)", re.I), "页脚"),
    (re.compile(r"^(联系电话|电话|地址|邮编|传真)\s*[:：]"), "页脚"),
    (re.compile(r"^(上一篇|下一篇|相关链接|相关文章|返回顶部|返回)\s*[:：]?"), "页面链接"),
]


@dataclass
class Finding:
    """Something the user should look at after the import (a Chinese message)."""

    code: str
    message: str
    node: str = ""  # id of the section or item concerned

    def __str__(self) -> str:
        return self.message


@dataclass
class Parsed:
    report: Report
    dropped: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    punctuation_changes: int = 0


def furniture_kind(text: str) -> Optional[str]:
    if len(text) > 120:
        return None
    for rx, kind in FURNITURE_PATTERNS:
        if rx.search(text):
            return kind
    return None


def cn_value(s: str) -> int:
    """一 -> 1, 十 -> 10, 十二 -> 12, 二十三 -> 23, 一百零五 -> 105."""
    total, digit = 0, 0
    for ch in s:
        if ch in _CN_VALUES and ch != "十":
            digit = _CN_VALUES[ch]
        elif ch in "零〇":
            digit = 0
        elif ch == "十":
            total += (digit or 1) * 10
            digit = 0
        elif ch == "百":
            total += (digit or 1) * 100
            digit = 0
    return total + digit


def _cn_date(m) -> Optional[_dt.date]:
    digits = {c: i for i, c in enumerate("〇一二三四五六七八九")}
    digits.update({"零": 0, "○": 0})
    try:
        year = int("".join(str(digits[c]) for c in m.group(1)))
        return _dt.date(year, cn_value(m.group(2)), cn_value(m.group(3)))
    except (KeyError, ValueError):
        return None


def parse_date(text: str) -> Optional[_dt.date]:
    t = text.replace(" ", "")
    m = DATE_RE.match(t)
    if m:
        try:
            return _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    m = CN_DATE_RE.match(t)
    if m:
        return _cn_date(m)
    return None


def split_lead(text: str) -> tuple[str, str]:
    """First sentence (up to and including 。！？ outside brackets and quotes) and the rest."""
    depth = 0
    for i, ch in enumerate(text):
        if ch in "“《（(「『【":
            depth += 1
        elif ch in "”》）)」』】":
            depth = max(0, depth - 1)
        elif ch in "。！？" and depth == 0:
            return text[: i + 1], text[i + 1 :]
    return text, ""


def _kinds_for(text: str) -> list[SectionKind]:
    kinds: list[SectionKind] = []
    if re.search(r"(不足|问题|短板|差距)", text):
        kinds.append(SectionKind.SHORTCOMINGS)
    if re.search(r"(第一责任人|主要负责人履行)", text):
        kinds.append(SectionKind.LEADERSHIP)
    if re.search(r"(下一步|下一年|明年|下来|\d{4}年(度)?(主要)?(工作)?(安排|计划|打算|思路)|工作安排|工作打算|工作计划)", text):
        kinds.append(SectionKind.PLANS)
    if re.search(r"其他需要报告", text):
        kinds.append(SectionKind.OTHER)
    if re.search(r"(主要举措|举措和成效|工作成效|主要做法)", text):
        kinds.append(SectionKind.MEASURES)
    return kinds


@dataclass
class _Line:
    text: str
    heading: Optional[int]  # style level
    level: int = 0  # 1..4 numbered part, 0 plain
    number: int = 0
    marker: str = ""
    rest: str = ""
    yishi: bool = False
    auto: bool = False  # numbered by Word's automatic numbering


def _classify(p: SourcePara) -> _Line:
    t = p.text
    line = _Line(t, p.heading)
    for level, rx in ((2, L2_RE), (4, L4_RE), (1, L1_RE), (3, L3_RE)):
        m = rx.match(t)
        if m:
            rest = t[m.end() :]
            if not rest.strip():
                continue
            if level == 3 and re.match(r"^[0-9]", rest):
                continue
            line.level = level
            line.marker = t[: m.end()]
            line.rest = rest.strip()
            line.number = cn_value(m.group(1)) if level in (1, 2) else int(m.group(1))
            return line
    if p.auto_level:
        # Word's automatic numbering: the number is not in the text
        line.level = p.auto_level
        line.rest = t
        line.auto = True
        return line
    if YISHI_RE.match(t):
        line.yishi = True
    return line


def _find_title(paras: list[SourcePara], dropped: list[str]) -> tuple[list[str], int]:
    """(title lines, index of the first paragraph after the title)."""
    styled = [i for i, p in enumerate(paras[:30]) if p.heading == 0]
    if styled:
        i = styled[0]
        lines = [paras[i].text]
        j = i + 1
        while j < len(paras) and paras[j].heading == 0:
            lines.append(paras[j].text)
            j += 1
        for k in range(i):
            dropped.append(paras[k].text)
        return lines, j
    limit = min(len(paras), 40)
    for i in range(limit):
        t = paras[i].text
        if furniture_kind(t):
            continue
        if (
            ("报告" in t or "工作情况" in t)
            and len(t) <= TITLE_MAX
            and not re.search(r"[。；：:，,]$", t)
            and not L1_RE.match(t)
            and not L2_RE.match(t)
            and not re.search(r"[，。；]", t)
        ):
            lines = [t]
            k = i - 1
            while k >= 0 and len(lines) < 3:
                prev = paras[k].text
                if furniture_kind(prev) or len(prev) > 30 or re.search(r"[，。；：:,.>＞、!！?？]", prev):
                    break
                lines.insert(0, prev)
                k -= 1
            for d in range(k + 1):
                dropped.append(paras[d].text)
            return lines, i + 1
    return [], 0


def _org_year(title_lines: list[str]) -> tuple[list[str], Optional[int]]:
    text = "".join(title_lines)
    m = re.search(r"(\d{4})\s*年", text)
    year = int(m.group(1)) if m else None
    head = text[: m.start()] if m else ""
    head = re.sub(r"(关于|有关)$", "", head).strip()
    if not head and len(title_lines) > 1:
        head = title_lines[0]
    orgs = [o for o in re.split(r"[\s　]+", head) if o]
    return orgs, year


def build_report(paras: list[SourcePara], *, keep_punctuation: bool = False) -> Parsed:
    dropped: list[str] = []
    findings: list[Finding] = []
    changes = 0
    if not keep_punctuation:
        fixed = []
        for p in paras:
            if furniture_kind(p.text):
                fixed.append(p)
                continue
            text, n = normalise(p.text)
            changes += n
            fixed.append(SourcePara(text, p.heading, p.align, p.auto_level))
        paras = fixed

    title_lines, start = _find_title(paras, dropped)
    publication: Optional[_dt.date] = None

    # the tail: date, then notes; everything after the date that is not a note is furniture
    body = paras[start:]
    date: Optional[_dt.date] = None
    date_idx = None
    for i in range(len(body) - 1, -1, -1):
        d = parse_date(body[i].text)
        if d is not None:
            date, date_idx = d, i
            break
    notes: list[str] = []
    if date_idx is not None:
        for p in body[date_idx + 1 :]:
            if NOTE_RE.match(p.text) and not furniture_kind(p.text):
                notes.append(p.text)
            else:
                dropped.append(p.text)
        body = body[:date_idx]
    else:
        # no date: drop trailing furniture lines
        while body and furniture_kind(body[-1].text):
            dropped.insert(len(dropped), body.pop().text)

    # signature: short organisation lines just before the date (or at the end)
    signature: list[str] = []
    while body and len(signature) < 4:
        t = body[-1].text
        if (
            len(t) <= 30
            and not re.search(r"[，。；：:,.!！?？、]", t)
            and (ORG_SUFFIX.search(t) or body[-1].align == "right")
            and not L1_RE.match(t)
            and not L2_RE.match(t)
        ):
            signature.insert(0, body.pop().text)
        else:
            break

    # furniture between title and body (publication time, source, font buttons) and anywhere else
    kept: list[SourcePara] = []
    for p in body:
        kind = furniture_kind(p.text)
        if kind:
            dropped.append(p.text)
            if kind == "发布时间" and publication is None:
                m = PUBLISHED_RE.search(p.text)
                if m:
                    try:
                        publication = _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
                    except ValueError:
                        pass
            continue
        kept.append(p)

    lines = [_classify(p) for p in kept]
    # heading styles without numbering text: map the distinct style levels used to part levels
    style_levels = sorted({ln.heading for ln in lines if ln.heading and ln.level == 0 and ln.heading > 0})
    style_map = {lvl: min(i + 1, 4) for i, lvl in enumerate(style_levels)}
    numbered_l1 = any(ln.level == 1 for ln in lines)
    for ln in lines:
        if ln.level == 0 and ln.heading and ln.heading in style_map:
            lvl = style_map[ln.heading]
            if numbered_l1 and lvl == 1:
                lvl = 2
            ln.level = lvl
            ln.rest = ln.text
            ln.marker = ""
            ln.number = 0

    report = Report()
    orgs, year = _org_year(title_lines)
    report.organisations = orgs
    if year is None and date is not None:
        year = date.year - 1 if date.month <= 6 else date.year
    if year is None:
        m = re.search(r"(\d{4})年", " ".join(p.text for p in kept[:3]))
        year = int(m.group(1)) if m else _dt.date.today().year - 1
    report.year = year
    report.date = date
    report.publication_date = publication
    report.signature = signature
    report.notes = notes
    if title_lines:
        joined = "\n".join(title_lines)
        report.title_override = "" if joined == report.generated_title else joined

    # -------------------------------------------------------------- structure
    section: Optional[Section] = None
    stack: list[tuple[int, Item]] = []  # (level, item) open items, level 2..4
    numbers: dict[tuple, list[tuple[int, str]]] = {}  # (container id) -> [(number, marker)]
    closing: list[str] = []

    def container_key(level: int) -> str:
        if level == 1:
            return "report"
        if level == 2:
            return section.id if section else "none"
        parent = next((it for lv, it in reversed(stack) if lv < level), None)
        return parent.id if parent else (section.id if section else "none")

    def new_section(heading: str, numbered: bool, kinds_text: str) -> Section:
        kinds = _kinds_for(kinds_text) or [SectionKind.THEMATIC]
        sec = Section(heading=heading, numbered=numbered, kinds=kinds)
        report.sections.append(sec)
        return sec

    def next_numbered(idx: int) -> Optional[_Line]:
        for ln in lines[idx + 1 :]:
            if ln.level:
                return ln
        return None

    for idx, ln in enumerate(lines):
        if ln.level == 1:
            section = new_section(ln.rest, True, ln.rest)
            stack.clear()
            if ln.number:
                numbers.setdefault("report", []).append((ln.number, ln.marker.strip(), section.id, ln.rest))
            continue
        if ln.level >= 2:
            level = ln.level
            if section is None:
                section = new_section("", False, "")
            if level > 2 and not any(lv < level for lv, _ in stack):
                # a 1. item directly under a section: give it an unnumbered holder at level 2
                holder = Item(lead="", body=[], numbered=False)
                section.items.append(holder)
                stack[:] = [(2, holder)]
            while stack and stack[-1][0] >= level:
                stack.pop()
            text = ln.rest
            lead, rest = split_lead(text)
            item = Item(numbered=bool(ln.marker) or ln.auto)
            if ln.heading and not rest:
                item.lead, item.body, item.run_in = text, [], False
            elif rest:
                item.lead, item.body, item.run_in = lead, [rest], True
            else:
                nxt = lines[idx + 1] if idx + 1 < len(lines) else None
                follows_body = nxt is not None and nxt.level == 0 and not nxt.yishi
                item.lead, item.body = text, []
                item.run_in = not follows_body
            if stack:
                stack[-1][1].children.append(item)
            else:
                section.items.append(item)
            key = container_key(level)
            if ln.number:
                numbers.setdefault(key, []).append((ln.number, ln.marker.strip(), item.id, lead))
            stack.append((level, item))
            continue
        # a plain paragraph
        text = ln.text
        if CLOSING_RE.match(text):
            closing.append(text)
            continue
        if closing:
            closing.append(text)
            continue
        if section is None:
            report.preamble.append(text)
            continue
        if ln.yishi and stack:
            lead, rest = split_lead(text)
            child = Item(lead=lead, body=[rest] if rest else [], numbered=False)
            stack[-1][1].children.append(child)
            continue
        if not stack:
            section.intro.append(text)
            continue
        nxt = next_numbered(idx)
        restarts = nxt is not None and nxt.level == 2 and nxt.number == 1
        if restarts:
            # an unnumbered part (e.g. shortcomings) whose items restart at （一）
            section = new_section("", False, text)
            section.intro.append(text)
            stack.clear()
            continue
        stack[-1][1].body.append(text)
    report.closing = closing

    # -------------------------------------------------------------- numbering findings
    for key, seq in numbers.items():
        level_word = "部分" if key == "report" else "项"
        owner = report.find_node(key) if key != "report" else None
        where = ""
        if isinstance(owner, Section):
            pos = next((n for n, m, sid, h in numbers.get("report", []) if sid == owner.id), None)
            where = f"第{_cn(pos)}部分“{owner.heading[:16]}”中" if pos else (f"“{owner.heading[:16]}”中" if owner.heading else "")
        elif isinstance(owner, Item):
            where = f"“{owner.lead[:16]}”下"
        expected = 1
        for n, marker, node_id, _head in seq:
            if n == expected:
                expected += 1
                continue
            if n > expected:
                missing = "、".join(_marker_like(marker, k) for k in range(expected, n))
                findings.append(
                    Finding(
                        "numbering-skip",
                        f"原文编号不连续：{where}{_marker_like(marker, expected - 1) if expected > 1 else '开头'}之后是{marker}，缺少{missing}。"
                        f"导入后已按顺序重新编号，请核对是否漏了一{level_word}。",
                        node_id,
                    )
                )
            else:
                findings.append(
                    Finding(
                        "numbering-repeat",
                        f"原文编号重复或倒退：{where}{marker}出现在{_marker_like(marker, expected - 1)}之后。导入后已按顺序重新编号，请核对。",
                        node_id,
                    )
                )
            expected = n + 1

    if not title_lines:
        findings.append(Finding("no-title", "没有识别出报告标题：请在“报告信息”中填写机关名称和年度，或直接填写标题。"))
    if date is None:
        findings.append(Finding("no-date", "没有识别出成文日期（如“2023年1月28日”）：请在“报告信息”中填写。"))
    if not signature:
        findings.append(Finding("no-signature", "没有识别出落款（发文机关署名）：请在“报告信息”中填写。"))
    if not report.sections and not report.preamble:
        raise ImportError_("文件里没有找到报告的正文（标题、分部分的编号或段落），看起来不是一份报告。请确认选对了文件。")
    if not report.sections and not title_lines:
        raise ImportError_(
            "没有识别出报告的结构：找不到标题，也找不到“一、”“（一）”这样的编号或标题样式。看起来不是一份报告；如确是报告，请检查编号格式后再导入。"
        )
    return Parsed(report, dropped, findings, changes)


def _cn(n: int) -> str:
    from ..model.numbering import cn_number

    return cn_number(n)


def _marker_like(marker: str, n: int) -> str:
    """Write number ``n`` in the style of ``marker`` (（四） -> （三）, 五、 -> 四、, 3. -> 2.)."""
    if n <= 0:
        return "开头"
    if re.match(r"^[（(]\s*[一二三四五六七八九十]", marker):
        return f"（{_cn(n)}）"
    if re.match(r"^[一二三四五六七八九十]", marker):
        return f"{_cn(n)}、"
    if re.match(r"^[（(]\s*[0-9]", marker):
        return f"（{n}）"
    return f"{n}."
