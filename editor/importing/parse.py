"""Paragraphs of an existing report -> :class:`~editor.model.Report`.

Recognises web-page furniture (dropped and listed), the title (one or more lines; organisation and
year taken from it, or from the signature or the preamble when the source has no title line), the
preamble, level-1 to level-4 parts by their numbering (``一、`` ``（一）`` ``1.`` ``（1）``) or by heading
styles, enumeration runs (``一是…二是…``, ``第一，…第二，…``, ``首先…其次…``), run-in lead sentences,
unnumbered sections (a paragraph after the items followed by a new ``（一）`` run), the closing paragraphs
of a section (:attr:`Section.outro`) and of the report, signature lines, the date, notes and the 版记
(抄送, 印发机关, 印发日期). The kinds of content the 2019 regulation requires are inferred from headings
and lead sentences. Numbering that skips or repeats in the source, converted punctuation, dropped
lines and guesses are reported as findings and kept in :attr:`Report.import_findings`.

Every pass over the paragraphs is linear: look-ahead uses indexes computed once from the end, nodes
are found through a dictionary, and nothing re-scans the list per paragraph.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from typing import Optional

from ..errors import ImportError_
from ..model import FieldRef, Item, Report, Section, SectionKind
from ..model.report import ImportFinding
from .progress import NO_PROGRESS, Progress
from .punct import normalise
from .sources import SourcePara

CN_NUM = "一二三四五六七八九十"
_CN_VALUES = {c: i + 1 for i, c in enumerate(CN_NUM)}

L1_RE = re.compile(r"^([一二三四五六七八九十百零〇]{1,6})\s*[、，,.．]\s*")
L2_RE = re.compile(r"^[（(]\s*([一二三四五六七八九十百零〇]{1,6})\s*[）)]\s*[、，,.．]?\s*")
L3_RE = re.compile(r"^([0-9]{1,2})\s*[.．、](?![0-9])\s*")
L4_RE = re.compile(r"^[（(]\s*([0-9]{1,2})\s*[）)]\s*")
YISHI_RE = re.compile(r"^([一二三四五六七八九十]{1,3})是")
# A point of an enumeration run: 一是… / 第一，… / 首先，… (其次, 再次, 最后 follow 首先)
ENUM_RE = re.compile(r"^(?:[一二三四五六七八九十]{1,3}是|第[一二三四五六七八九十]{1,3}[，,、：:]|(?:首先|其次|再次|最后)[，,：:])")
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
    (re.compile(r"^(无障碍|适老化|长者模式|关怀版|简体|繁体|English|登录|注册)([\s|｜/]|$)|(简体|繁体)\s*[|｜/]"), "网站工具条"),
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


_DOC_LINE = re.compile(r"^(?:[一二三四五六七八九十]{1,6}、|[（(][一二三四五六七八九十0-9]{1,6}[）)]|[0-9]{1,2}[.．、])|[。；]")


def furniture_kind(text: str) -> Optional[str]:
    """The kind of web-page furniture ``text`` is, or None. Only lines that cannot be part of a
    document count: a numbered line (一、 （一） 1.) or a sentence (with 。 or ；) is never furniture,
    whatever words it contains (an item "推行二维码亮证执法。" stays)."""
    if len(text) > 120 or _DOC_LINE.search(text):
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


# ------------------------------------------------------------------ kinds of content
# Words of the 2019 regulation 《法治政府建设与责任落实督察工作规定》 (art. 25) and their common variants.
_SECTION_KIND_RES: list[tuple[SectionKind, re.Pattern]] = [
    (SectionKind.SHORTCOMINGS, re.compile(r"不足|问题|短板|差距|薄弱环节")),
    (SectionKind.LEADERSHIP, re.compile(r"第一责任人|主要负责(人|同志)履行|履行推进法治建设|履职情况")),
    (SectionKind.PLANS, re.compile(
        r"下一步|下一年|下步|明年|下来|今后|(\d{4}|下一?)年度?的?(主要)?(工作)?(安排|计划|打算|思路|举措|重点|目标)"
        r"|工作(安排|打算|计划|思路|重点)|主要安排")),
    (SectionKind.OTHER, re.compile(r"其他(需要|需|应当)?报告|其他(有关)?情况|其他事项")),
    (SectionKind.MEASURES, re.compile(
        r"主要举措|举措和成效|举措及成效|主要做法|工作成效|主要成效|取得的成效|工作开展情况|主要工作|工作情况|工作成绩|进展和成效")),
]
# Items are tagged only on distinctive words: an item "（二）查找问题" in a measures section is not a
# shortcomings part.
_ITEM_KIND_RES: list[tuple[SectionKind, re.Pattern]] = [
    (SectionKind.LEADERSHIP, re.compile(r"第一责任人|主要负责(人|同志)履行|履行推进法治建设")),
    (SectionKind.SHORTCOMINGS, re.compile(r"存在的?(主要)?(问题|不足)|不足(和|及|与)原因|问题(和|及|与)不足|短板弱项")),
    (SectionKind.PLANS, re.compile(r"下一步|下一年度|下步工作|(\d{4})年度?(主要)?(工作)?(安排|计划|打算)|工作(安排|打算|计划|思路)")),
    (SectionKind.OTHER, re.compile(r"其他(需要|需|应当)报告")),
]


def _kinds_for(text: str) -> list[SectionKind]:
    """Kinds named by a section heading (or the text of an unnumbered part), in the regulation's order."""
    found = [kind for kind, rx in _SECTION_KIND_RES if rx.search(text)]
    order = {k: i for i, k in enumerate((SectionKind.MEASURES, SectionKind.SHORTCOMINGS, SectionKind.LEADERSHIP,
                                         SectionKind.PLANS, SectionKind.OTHER))}
    if SectionKind.MEASURES in found and len(found) > 1 and not re.search(r"举措|成效|做法", text):
        found.remove(SectionKind.MEASURES)  # "2023年主要工作安排" is plans, not measures
    return sorted(found, key=order.__getitem__)


def item_kinds(lead: str, body: list[str]) -> list[SectionKind]:
    """Kinds an item's lead sentence names; the 第一责任人 duty also when only its text describes it."""
    kinds = [kind for kind, rx in _ITEM_KIND_RES if rx.search(lead)]
    if SectionKind.LEADERSHIP not in kinds and any("第一责任人职责" in b for b in body[:3]):
        kinds.insert(0, SectionKind.LEADERSHIP)
    return kinds


# ------------------------------------------------------------------ closings
# A paragraph after the last item of a section that closes it: plans (下一步…), a summary (总之…) or a
# look at what is still lacking. Recognised only at that position.
CLOSING_WORDS_RE = re.compile(
    r"^(?:下一步|下一阶段|下阶段|今后|下来|接下来|新的一年|展望|总之|综上|总的来看|总体来看|总体而言|回顾"
    r"|(?:\d{4}年|明年)[，,]?[^。，]{0,16}将|我们将|我局将|我委将|我区将|我县将|我市将|本局将"
    r"|(?:同时|但|但是|当然)[，,]?[^。]{0,40}(?:不足|问题|差距|短板))"
)
PLANS_RE = re.compile(r"下一步|下一阶段|下阶段|今后|下来|接下来|新的一年|(?:\d{4}年|明年)[，,]?[^。，]{0,16}将|[我本]\w{0,3}将")
SUMMARY_RE = re.compile(r"^(?:总之|综上|总的来看|总体来看|总体而言)")
SHORTCOMING_RE = re.compile(r"^(?:同时|但|但是|当然)[，,]?[^。]{0,40}(?:不足|问题|差距|短板)")

# ------------------------------------------------------------------ 版记
CC_RE = re.compile(r"^抄\s*送\s*[:：]\s*(.+?)[。.]?$")
PRINT_RE = re.compile(r"^(?P<printer>.*?)\s*(?P<date>\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*印\s*发$")


@dataclass
class _Line:
    text: str
    heading: Optional[int]  # style level
    align: str = ""
    level: int = 0  # 1..4 numbered part, 0 plain
    number: int = 0
    marker: str = ""
    rest: str = ""
    enum: bool = False  # starts a point of an enumeration run (一是 / 第一， / 首先，)
    auto: bool = False  # numbered by Word's automatic numbering
    source: str = ""  # the text before punctuation was converted
    changes: int = 0  # punctuation marks converted in this line
    ref: Optional[FieldRef] = None  # where the line went in the report
    furniture: Optional[str] = None  # the kind of web-page furniture, computed once


def _classify(line: _Line, auto_level: Optional[int]) -> _Line:
    t = line.text
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
    if auto_level:
        # Word's automatic numbering: the number is not in the text
        line.level = auto_level
        line.rest = t
        line.auto = True
        return line
    if ENUM_RE.match(t):
        line.enum = True
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


_PREAMBLE_ORG_RE = re.compile(
    r"^(?:\d{4}年度?|过去的一年|一年来)[，,]?\s*(?:中共)?(?P<org>[\u4e00-\u9fff]{2,24}?"
    r"(?:人民政府|司法局|管理局|委员会|政府|局|委|厅|办公室|办|院|中心|街道办事处|街道|镇|乡))"
    r"(?:党组|党委)?(?:在|坚持|深入|认真|始终|以|全面|紧紧|围绕|聚焦)"
)


def organisations_from(signature: list[str], preamble: list[str]) -> list[str]:
    """The organisation when the title does not name it: the signature lines that are organisation
    names, else the organisation named by the preamble's opening ("2022年，东莞市司法局坚持…")."""
    orgs = [s for s in signature if ORG_SUFFIX.search(s)]
    if orgs:
        return orgs
    for text in preamble[:2]:
        m = _PREAMBLE_ORG_RE.match(text)
        if m and not m.group("org").startswith(("我", "本")):
            return [m.group("org")]
    return []


def _halfwidth_places(source: str, limit: int = 3) -> str:
    """Up to ``limit`` short excerpts of ``source`` around half-width marks next to Chinese text."""
    out = []
    for m in re.finditer(r"[,:;?!()\"]", source):
        i = m.start()
        around = source[max(0, i - 1) : i + 2]
        if not re.search(r"[\u4e00-\u9fff]", around) and m.group() not in '()"':
            continue
        out.append("…" + source[max(0, i - 6) : i + 7] + "…")
        if len(out) >= limit:
            break
    return "；".join(out)


def build_report(paras: list[SourcePara], *, keep_punctuation: bool = False,
                 progress: Progress = NO_PROGRESS) -> Parsed:
    dropped: list[str] = []
    findings: list[Finding] = []
    changes = 0
    n_paras = len(paras)
    lines_all: list[_Line] = []
    for i, p in enumerate(paras):
        progress.tick("punct", i, n_paras)
        line = _Line(p.text, p.heading, p.align, source=p.text, furniture=furniture_kind(p.text))
        if not keep_punctuation and not line.furniture:
            text, n = normalise(p.text)
            line.text, line.changes = text, n
            changes += n
        lines_all.append(line)
    progress.stage("structure", 0.0)
    auto_levels = [p.auto_level for p in paras]
    paras = [SourcePara(ln.text, ln.heading, ln.align, p.auto_level) for ln, p in zip(lines_all, paras, strict=True)]

    title_lines, start = _find_title(paras, dropped)
    publication: Optional[_dt.date] = None

    # the tail: date, then notes and the 版记; everything else after the date is furniture
    body_idx = list(range(start, len(paras)))
    date: Optional[_dt.date] = None
    date_pos = None
    for k in range(len(body_idx) - 1, -1, -1):
        d = parse_date(paras[body_idx[k]].text)
        if d is not None:
            date, date_pos = d, k
            break
    notes: list[str] = []
    cc = ""
    printer = ""
    print_date: Optional[_dt.date] = None
    pending_printer = ""
    if date_pos is not None:
        for k in body_idx[date_pos + 1 :]:
            t = paras[k].text
            m_cc = CC_RE.match(t)
            m_pr = PRINT_RE.match(t)
            if m_cc:
                cc = m_cc.group(1).strip()
            elif m_pr:
                printer = (m_pr.group("printer").strip() or pending_printer).strip()
                print_date = parse_date(m_pr.group("date"))
                pending_printer = ""
            elif NOTE_RE.match(t) and not furniture_kind(t):
                notes.append(t)
            elif (cc and not printer and len(t) <= 30 and ORG_SUFFIX.search(t) and not furniture_kind(t)):
                pending_printer = t  # 印发机关 on its own line, 印发日期 on the next
            else:
                dropped.append(t)
        if pending_printer:
            dropped.append(pending_printer)
        body_idx = body_idx[:date_pos]
    else:
        # no date: drop trailing furniture lines
        while body_idx and lines_all[body_idx[-1]].furniture:
            dropped.append(paras[body_idx.pop()].text)

    # signature: short organisation lines just before the date (or at the end)
    signature: list[str] = []
    while body_idx and len(signature) < 4:
        p = paras[body_idx[-1]]
        t = p.text
        if (
            len(t) <= 30
            and not re.search(r"[，。；：:,.!！?？、]", t)
            and (ORG_SUFFIX.search(t) or p.align == "right")
            and not L1_RE.match(t)
            and not L2_RE.match(t)
        ):
            signature.insert(0, t)
            body_idx.pop()
        else:
            break

    # furniture between title and body (publication time, source, font buttons) and anywhere else
    lines: list[_Line] = []
    for k in body_idx:
        t = paras[k].text
        kind = lines_all[k].furniture
        if kind:
            dropped.append(t)
            if kind == "发布时间" and publication is None:
                m = PUBLISHED_RE.search(t)
                if m:
                    try:
                        publication = _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
                    except ValueError:
                        pass
            continue
        lines.append(_classify(lines_all[k], auto_levels[k]))

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
            ln.enum = False

    report = Report()
    orgs, year = _org_year(title_lines)
    if year is None and date is not None:
        year = date.year - 1 if date.month <= 6 else date.year
    if year is None:
        m = re.search(r"(\d{4})年", " ".join(ln.text for ln in lines[:3]))
        year = int(m.group(1)) if m else _dt.date.today().year - 1
    report.year = year
    report.date = date
    report.publication_date = publication
    report.signature = signature
    report.notes = notes
    report.formal.cc = cc
    report.formal.printer = printer
    report.formal.print_date = print_date

    # -------------------------------------------------------------- structure
    n = len(lines)
    # index of the next numbered line after each line (-1: none): one pass from the end
    next_num = [-1] * n
    nxt_i = -1
    for i in range(n - 1, -1, -1):
        next_num[i] = nxt_i
        if lines[i].level:
            nxt_i = i

    section: Optional[Section] = None
    stack: list[tuple[int, Item]] = []  # (level, item) open items, level 2..4
    numbers: dict[str, list[tuple[int, str, str, str]]] = {}  # container id -> [(number, marker, node, head)]
    container_info: dict[str, tuple[int, str]] = {}  # container id -> (level of its items, section id)
    closing: list[str] = []
    closing_refs: list[_Line] = []
    in_closing = False  # the report's closing has started: every later paragraph belongs to it
    outro = False  # the current section's closing paragraphs have started
    guessed: list[tuple[str, str, str]] = []  # (kind of guess, node id, excerpt) for "unsure" findings

    def new_section(heading: str, numbered: bool, kinds_text: str) -> Section:
        kinds = _kinds_for(kinds_text) or [SectionKind.THEMATIC]
        sec = Section(heading=heading, numbered=numbered, kinds=kinds)
        report.sections.append(sec)
        return sec

    def add_kind(sec: Section, kind: SectionKind) -> None:
        if kind not in sec.kinds:
            sec.kinds.append(kind)

    def put(ln: _Line, node: str, field_name: str, target: list[str], text: str) -> None:
        ln.ref = FieldRef(node, field_name, len(target))
        target.append(text)

    for idx, ln in enumerate(lines):
        progress.tick("structure", idx, n)
        if ln.level and not in_closing:
            outro = False
        if ln.level == 1 and not in_closing:
            section = new_section(ln.rest, True, ln.rest)
            ln.ref = FieldRef(section.id, "heading")
            stack.clear()
            if ln.number:
                numbers.setdefault("report", []).append((ln.number, ln.marker.strip(), section.id, ln.rest))
            continue
        if ln.level >= 2 and not in_closing:
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
                # a heading line on its own (（一）加强组织领导): it stands alone, its text follows
                item.lead, item.body, item.run_in = text, [], False
            ln.ref = FieldRef(item.id, "lead")
            parent = stack[-1][1] if stack else None
            if parent is not None:
                parent.children.append(item)
                key = parent.id
            else:
                section.items.append(item)
                key = section.id
            if ln.number:
                numbers.setdefault(key, []).append((ln.number, ln.marker.strip(), item.id, lead))
                container_info.setdefault(key, (level, section.id))
            stack.append((level, item))
            continue
        # a plain paragraph (or, once the report's closing started, any paragraph)
        text = ln.text
        if CLOSING_RE.match(text) or in_closing:
            in_closing = True
            closing_refs.append(ln)
            closing.append(text)
            continue
        if section is None:
            put(ln, "report", "preamble", report.preamble, text)
            continue
        if outro:
            put(ln, section.id, "outro", section.outro, text)
            continue
        if not stack:
            last_part = next_num[idx] < 0
            if last_part and section.intro and SUMMARY_RE.match(text):
                in_closing = True  # "总之，…" after the last part: the report's closing
                closing_refs.append(ln)
                closing.append(text)
                guessed.append(("closing", "report", text))
                continue
            put(ln, section.id, "intro", section.intro, text)
            continue
        nxt = next_num[idx]
        if nxt >= 0 and lines[nxt].level == 2 and lines[nxt].number == 1 and not ln.enum:
            # an unnumbered part (e.g. shortcomings) whose items restart at （一）
            section = new_section("", False, text)
            put(ln, section.id, "intro", section.intro, text)
            guessed.append(("part", section.id, text))
            stack.clear()
            continue
        last_item = nxt < 0 or lines[nxt].level == 1
        if last_item and not ln.enum and CLOSING_WORDS_RE.match(text):
            if nxt < 0 and SUMMARY_RE.match(text):
                # a summary after the last item of the report closes the whole report
                in_closing = True
                closing_refs.append(ln)
                closing.append(text)
                guessed.append(("closing", "report", text))
                continue
            # Closing paragraphs of the section: its plans (下一步…), a summary or what is lacking.
            # At the end of the report a plans paragraph stays the last section's closing, so that its
            # kind (plans) is kept with it: the report's closing has no kinds.
            outro = True
            if PLANS_RE.search(split_lead(text)[0]):
                add_kind(section, SectionKind.PLANS)
            elif SHORTCOMING_RE.match(text):
                add_kind(section, SectionKind.SHORTCOMINGS)
            put(ln, section.id, "outro", section.outro, text)
            guessed.append(("outro", section.id, text))
            continue
        # Enumeration points (一是/二是, 第一/第二, 首先/其次) are kept as paragraphs of the body they
        # belong to, never as items: in the source they are sentences of the text, not headings, and the
        # official format has no heading style for them. Whether the points share a paragraph or each
        # start one, all points of a run therefore land in the same body, in order, and the export looks
        # like the source.
        owner = stack[-1][1]
        put(ln, owner.id, "body", owner.body, text)
    report.closing = closing
    for k, ln in enumerate(closing_refs):
        ln.ref = FieldRef("report", "closing", k)

    # kinds of items, from their lead sentences (and the 第一责任人 duty from the text); a section whose
    # opening paragraphs describe the 第一责任人 duty covers that kind too
    for sec in report.sections:
        if SectionKind.LEADERSHIP not in sec.kinds and any("第一责任人职责" in p for p in sec.intro[:3]):
            add_kind(sec, SectionKind.LEADERSHIP)
    for _section, chain in report.iter_items():
        item = chain[-1]
        item.kinds = item_kinds(item.lead, item.body)

    # organisation and title
    if not orgs:
        orgs = organisations_from(signature, report.preamble)
    report.organisations = orgs
    if title_lines:
        joined = "\n".join(title_lines)
        report.title_override = "" if joined == report.generated_title else joined

    progress.stage("structure", 1.0)
    # -------------------------------------------------------------- numbering findings
    nodes: dict[str, object] = {s.id: s for s in report.sections}
    for _section, chain in report.iter_items():
        nodes[chain[-1].id] = chain[-1]
    l1_pos = {sid: num for num, _m, sid, _h in numbers.get("report", [])}
    last_level3: dict[str, int] = {}  # section id -> last 1. number seen in it
    for key, seq in numbers.items():
        level_word = "部分" if key == "report" else "项"
        expected = 1
        level, sec_id = container_info.get(key, (0, ""))
        if level == 3:
            # "1." items numbered on across the level-2 items of a section (3. under （二）): the
            # organisation's numbering style, not a gap. Kept as the continuous_level3 setting.
            first = seq[0][0]
            if first > 1 and first == last_level3.get(sec_id, 0) + 1:
                expected = first
                report.format.continuous_level3 = True
            last_level3[sec_id] = seq[-1][0]
        owner = nodes.get(key)
        where = ""
        if isinstance(owner, Section):
            pos = l1_pos.get(owner.id)
            where = f"第{_cn(pos)}部分“{owner.heading[:16]}”中" if pos else (f"“{owner.heading[:16]}”中" if owner.heading else "")
        elif isinstance(owner, Item):
            where = f"“{owner.lead[:16]}”下"
        for num, marker, node_id, _head in seq:
            if num == expected:
                expected += 1
                continue
            if num > expected:
                missing = "、".join(_marker_like(marker, k) for k in range(expected, min(num, expected + 20)))
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
            expected = num + 1

    if not title_lines:
        if report.organisations:
            findings.append(Finding(
                "no-title",
                f"原文没有标题行：已按落款或正文中的机关名称“{'、'.join(report.organisations)}”和年度生成标题，请核对。"))
        else:
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

    # -------------------------------------------------------------- what the import found, kept in the project
    stored: list[ImportFinding] = []
    for f in findings:
        node = nodes.get(f.node) if f.node else None
        if isinstance(node, Section):
            where = str(FieldRef(node.id, "heading"))
            excerpt = node.heading
        elif isinstance(node, Item):
            where = str(FieldRef(node.id, "lead"))
            excerpt = node.lead
        else:
            where, excerpt = "", ""
        kind = "numbering" if f.code.startswith("numbering") else "unsure"
        stored.append(ImportFinding(kind=kind, message=f.message, where=where, excerpt=excerpt[:80]))
    for kind, node_id, text in guessed:
        sec = nodes.get(node_id)
        if kind == "part":
            msg = ("这段文字之后编号重新从（一）开始，导入时把它作为一个不编号部分的开头段落，后面的事项归入这一部分；"
                   "请核对结构是否与原文一致。")
            where = str(FieldRef(node_id, "intro", 0))
        elif kind == "outro":
            name = f"“{sec.heading[:16]}”" if isinstance(sec, Section) and sec.heading else "这一部分"
            msg = f"这段文字在{name}最后一项之后，导入时作为这一部分的结尾段落（不属于最后一项的正文）；请核对。"
            where = str(FieldRef(node_id, "outro", 0))
        else:
            msg = "这段文字在最后一部分之后，导入时作为全文的结束语；请核对。"
            where = str(FieldRef("report", "closing", 0))
        stored.append(ImportFinding(kind="unsure", message=msg, where=where, excerpt=text[:80]))
    for ln in lines_all:
        if ln.changes and ln.ref is not None:
            places = _halfwidth_places(ln.source)
            stored.append(ImportFinding(
                kind="punctuation",
                message=f"原文这段有{ln.changes}处半角标点或多余空格，导入时已改为公文用的全角标点"
                        + (f"（原文：{places}）" if places else "") + "；请核对。",
                where=str(ln.ref), excerpt=ln.source[:80]))
    if dropped:
        shown = "；".join(d[:30] for d in dropped[:8]) + ("……" if len(dropped) > 8 else "")
        stored.append(ImportFinding(
            kind="dropped",
            message=f"导入时去掉了{len(dropped)}行网页内容（导航、分享按钮、发布时间、页脚等），没有放进报告：{shown}。"
                    "如其中有报告的文字，请补回。",
            excerpt="\n".join(dropped)[:4000]))
    report.import_findings = stored
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
