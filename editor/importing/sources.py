"""Reading source files into plain paragraphs, safely.

A source becomes a list of :class:`SourcePara`: the paragraph text plus, for Word files, the heading
level its style or outline level gives (``0`` for a Title style). Nothing here knows about reports.

Word files are zip archives: before anything is inflated the zip directory is checked against
:class:`Limits` (archive size, member count, declared uncompressed sizes), the parts we read are then
inflated in chunks with a hard cap, and the XML is parsed with entity resolution, DTD loading and
network access switched off; a part with a DOCTYPE is refused outright.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from lxml import etree

from ..errors import ImportError_

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = "{%s}" % W_NS

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"


@dataclass(frozen=True)
class Limits:
    """Refuse Word files beyond these sizes (checked from the zip directory before inflating)."""

    max_file_bytes: int = 50 * 1024 * 1024  # the .docx itself
    max_members: int = 2000
    max_part_bytes: int = 64 * 1024 * 1024  # any single part we read, uncompressed
    max_total_bytes: int = 256 * 1024 * 1024  # all members together, uncompressed (declared)
    max_text_bytes: int = 20 * 1024 * 1024  # a .txt / .md source


DEFAULT_LIMITS = Limits()


@dataclass(slots=True)
class SourcePara:
    text: str
    heading: Optional[int] = None  # 0 title, 1.. heading level from style / outline level / markdown #
    align: str = ""  # "center" / "right" when known
    auto_level: Optional[int] = None  # 1..4 when Word's automatic numbering gives 一、/（一）/1./（1）


# A parser that never expands entities, never loads a DTD and never touches the network.
SAFE_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False, huge_tree=False,
    remove_blank_text=False,
)


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB"


# ------------------------------------------------------------------ text files
def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff"):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        raise ImportError_(
            "无法识别文件的文字编码（既不是 UTF-8 也不是 GBK/GB18030）。请用记事本或 WPS 把它另存为 UTF-8 编码的文本后再导入。"
        ) from None


_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_EMPH = re.compile(r"(\*\*|__)(.+?)\1")


def text_paragraphs(text: str, markdown: bool = False) -> list[SourcePara]:
    out: list[SourcePara] = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.replace("\u3000", " ").replace("\xa0", " ").strip()
        if not line:
            continue
        heading = None
        if markdown:
            m = _MD_HEADING.match(line)
            if m:
                heading = len(m.group(1))
                line = m.group(2)
            line = _MD_EMPH.sub(r"\2", line)
            if line.startswith("> "):
                line = line[2:]
        if line:
            out.append(SourcePara(line, heading))
    return out


# ------------------------------------------------------------------ Word files
def _sniff_ole(data: bytes) -> None:
    """An OLE compound file: either an encrypted (password-protected) .docx or an old binary .doc."""
    if "EncryptionInfo".encode("utf-16-le") in data or "EncryptedPackage".encode("utf-16-le") in data:
        raise ImportError_("该 Word 文件设置了打开密码（已加密），无法读取。请在 Word 或 WPS 中取消密码（文件→信息→保护文档），另存后再导入。")
    raise ImportError_(
        "这是旧版 Word 97-2003 格式（.doc）的文件，无法直接导入。请在 Word 或 WPS 中打开它，另存为“Word 文档（*.docx）”后再导入。"
    )


def _read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limits: Limits) -> bytes:
    """Inflate one member in chunks, refusing as soon as it grows beyond the part limit."""
    chunks: list[bytes] = []
    total = 0
    try:
        with zf.open(info) as fh:
            while True:
                chunk = fh.read(1 << 16)
                if not chunk:
                    break
                total += len(chunk)
                if total > limits.max_part_bytes:
                    raise ImportError_(
                        f"Word 文件中的“{info.filename}”解压后超过 {_mb(limits.max_part_bytes)}，文件过大或已损坏，已拒绝导入。"
                    )
                chunks.append(chunk)
    except (zipfile.BadZipFile, EOFError, OSError, RuntimeError) as e:
        if isinstance(e, RuntimeError) and "encrypted" in str(e):
            raise ImportError_("该 Word 文件的内容已加密，无法读取。请取消密码后另存再导入。") from None
        raise ImportError_("Word 文件已损坏（压缩数据无法读取）。请在 Word 或 WPS 中打开并另存为 .docx 后再导入。") from None
    return b"".join(chunks)


def parse_xml(data: bytes, part: str):
    """Parse one XML part; a DOCTYPE (which could declare entities) is refused before parsing."""
    head = data[:4096].lstrip()
    if b"<!DOCTYPE" in data[:65536] or b"<!ENTITY" in data[:65536] or b"<!DOCTYPE" in head:
        raise ImportError_(
            f"Word 文件中的“{part}”含有文档类型声明（DOCTYPE/实体声明），正常的 Word 文件不会这样，可能是恶意构造的文件，已拒绝导入。"
        )
    try:
        return etree.fromstring(data, SAFE_PARSER)
    except etree.XMLSyntaxError:
        raise ImportError_(f"Word 文件已损坏（“{part}”不是有效的 XML）。请在 Word 或 WPS 中打开并另存为 .docx 后再导入。") from None


def open_docx_parts(path: Path, limits: Limits) -> tuple[bytes, Optional[bytes], Optional[bytes]]:
    """Return (document.xml, styles.xml or None, numbering.xml or None) after the directory checks."""
    size = path.stat().st_size
    if size > limits.max_file_bytes:
        raise ImportError_(f"文件有 {_mb(size)}，超过了导入上限 {_mb(limits.max_file_bytes)}。报告正文通常只有几百 KB，请确认选对了文件。")
    with open(path, "rb") as fh:
        head = fh.read(8)
        if head == OLE_MAGIC:
            fh.seek(0)
            _sniff_ole(fh.read())
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, EOFError):
        raise ImportError_("Word 文件已损坏（不是有效的 .docx 压缩包），无法导入。请在 Word 或 WPS 中打开并另存为 .docx 后再导入。") from None
    with zf:
        infos = zf.infolist()
        if len(infos) > limits.max_members:
            raise ImportError_(f"Word 文件包含 {len(infos)} 个部件，超过上限 {limits.max_members}，可能是损坏或恶意构造的文件，已拒绝导入。")
        declared = sum(i.file_size for i in infos)
        if declared > limits.max_total_bytes:
            raise ImportError_(
                f"Word 文件解压后将有 {_mb(declared)}，超过上限 {_mb(limits.max_total_bytes)}（可能是“压缩炸弹”），已拒绝导入。"
            )
        names = {i.filename: i for i in infos}
        doc_info = names.get("word/document.xml")
        if doc_info is None:
            # Strict or unusual packages name the main part in [Content_Types].xml; look for it.
            for name, info in names.items():
                if name.startswith("word/") and name.endswith(".xml") and "document" in name.rsplit("/", 1)[-1]:
                    doc_info = info
                    break
        if doc_info is None:
            raise ImportError_("这个文件不是 Word 文档（压缩包里没有正文部分 word/document.xml）。请选择 .docx 格式的报告。")
        for info in (doc_info, names.get("word/styles.xml"), names.get("word/numbering.xml")):
            if info is not None and info.file_size > limits.max_part_bytes:
                raise ImportError_(
                    f"Word 文件中的“{info.filename}”解压后将有 {_mb(info.file_size)}，超过上限 {_mb(limits.max_part_bytes)}（可能是“压缩炸弹”），已拒绝导入。"
                )
            if info is not None and info.flag_bits & 0x1:
                raise ImportError_("该 Word 文件的内容已加密，无法读取。请取消密码后另存再导入。")
        document = _read_member(zf, doc_info, limits)
        styles_info = names.get("word/styles.xml")
        styles = _read_member(zf, styles_info, limits) if styles_info is not None else None
        numbering_info = names.get("word/numbering.xml")
        numbering = _read_member(zf, numbering_info, limits) if numbering_info is not None else None
    return document, styles, numbering


_CHINESE_FORMATS = {
    "chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "ideographTraditional",
    "ideographDigital", "japaneseCounting", "taiwaneseCounting", "taiwaneseCountingThousand",
}


class _Numbering:
    """(numId, ilvl) -> part level 1..4 from the number format and text of Word's list levels."""

    def __init__(self, root):
        self.abstract: dict[str, dict[int, Optional[int]]] = {}
        self.nums: dict[str, str] = {}
        if root is None:
            return
        for an in root.iter(W + "abstractNum"):
            levels: dict[int, Optional[int]] = {}
            for lvl in an.iter(W + "lvl"):
                try:
                    ilvl = int(lvl.get(W + "ilvl") or 0)
                except ValueError:
                    continue
                fmt_el, text_el = lvl.find(W + "numFmt"), lvl.find(W + "lvlText")
                fmt = fmt_el.get(W + "val") if fmt_el is not None else "decimal"
                text = text_el.get(W + "val") if text_el is not None else ""
                levels[ilvl] = _level_from_format(fmt or "", text or "")
            self.abstract[an.get(W + "abstractNumId") or ""] = levels
        for num in root.iter(W + "num"):
            ref = num.find(W + "abstractNumId")
            if ref is not None:
                self.nums[num.get(W + "numId") or ""] = ref.get(W + "val") or ""

    def level(self, num_id: str, ilvl: int) -> Optional[int]:
        levels = self.abstract.get(self.nums.get(num_id, ""), {})
        return levels.get(ilvl)


def _level_from_format(fmt: str, text: str) -> Optional[int]:
    if "%" not in text:
        return None
    paren = "（%" in text or "(%" in text
    if fmt in _CHINESE_FORMATS:
        return 2 if paren else 1
    if fmt in ("decimal", "decimalFullWidth", "decimalHalfWidth"):
        return 4 if paren else 3
    return None


def _num_pr(ppr) -> Optional[tuple[str, int]]:
    if ppr is None:
        return None
    np_ = ppr.find(W + "numPr")
    if np_ is None:
        return None
    nid, il = np_.find(W + "numId"), np_.find(W + "ilvl")
    if nid is None:
        return None
    try:
        ilvl = int(il.get(W + "val")) if il is not None else 0
    except (TypeError, ValueError):
        ilvl = 0
    return nid.get(W + "val") or "", ilvl


_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.I)


class _Styles:
    """Paragraph style id -> heading level (0 = title), following basedOn chains."""

    def __init__(self, root):
        self.levels: dict[str, Optional[int]] = {}
        self._raw: dict[str, tuple[str, Optional[int], Optional[str]]] = {}
        self._num: dict[str, tuple[str, int]] = {}
        if root is None:
            return
        for st in root.iter(W + "style"):
            if st.get(W + "type") not in (None, "paragraph"):
                continue
            sid = st.get(W + "styleId") or ""
            name_el = st.find(W + "name")
            name = name_el.get(W + "val") if name_el is not None else ""
            lvl_el = st.find(f"{W}pPr/{W}outlineLvl")
            lvl = None
            if lvl_el is not None:
                try:
                    lvl = int(lvl_el.get(W + "val"))
                except (TypeError, ValueError):
                    lvl = None
            based = st.find(W + "basedOn")
            self._raw[sid] = (name or "", lvl, based.get(W + "val") if based is not None else None)
            num = _num_pr(st.find(W + "pPr"))
            if num is not None:
                self._num[sid] = num

    def num_pr(self, sid: str) -> Optional[tuple[str, int]]:
        seen = set()
        while sid and sid not in seen:
            seen.add(sid)
            if sid in self._num:
                return self._num[sid]
            raw = self._raw.get(sid)
            sid = raw[2] if raw else None
        return None

    def level(self, sid: str) -> Optional[int]:
        if sid in self.levels:
            return self.levels[sid]
        self.levels[sid] = None  # guard against basedOn cycles
        result = _style_level(sid, "", None)
        raw = self._raw.get(sid)
        if raw is not None:
            name, lvl, based = raw
            result = _style_level(sid, name, lvl)
            if result is None and based:
                result = self.level(based)
        self.levels[sid] = result
        return result


def _style_level(sid: str, name: str, lvl: Optional[int]) -> Optional[int]:
    for candidate in (name, sid):
        if candidate.lower() in ("title", "标题") or candidate == "Title":
            return 0
        m = _HEADING_NAME.match(candidate.strip())
        if m:
            return int(m.group(1))
    if lvl is not None and 0 <= lvl <= 8:
        return lvl + 1
    return None


def _para_text(p) -> str:
    parts: list[str] = []
    for el in p.iter(W + "t", W + "tab", W + "br", W + "cr", W + "noBreakHyphen", W + "sym", W + "delText",
                     W + "instrText", W + "fldSimple"):
        tag = el.tag
        if tag == W + "t":
            # skip text inside deleted runs (tracked changes)
            parent = el.getparent()
            grand = parent.getparent() if parent is not None else None
            if grand is not None and grand.tag == W + "del":
                continue
            parts.append(el.text or "")
        elif tag == W + "tab":
            parts.append(" ")
        elif tag in (W + "br", W + "cr"):
            if el.get(W + "type") in (None, "textWrapping"):
                parts.append("\n")
        elif tag == W + "noBreakHyphen":
            parts.append("-")
    return "".join(parts)


def docx_paragraphs(path: Path, limits: Limits = DEFAULT_LIMITS) -> list[SourcePara]:
    document, styles_xml, numbering_xml = open_docx_parts(path, limits)
    root = parse_xml(document, "word/document.xml")
    styles = _Styles(parse_xml(styles_xml, "word/styles.xml") if styles_xml else None)
    numbering = _Numbering(parse_xml(numbering_xml, "word/numbering.xml") if numbering_xml else None)
    body = root.find(W + "body")
    if body is None:
        raise ImportError_("Word 文件已损坏（找不到正文）。请在 Word 或 WPS 中打开并另存为 .docx 后再导入。")
    out: list[SourcePara] = []
    for p in body.iter(W + "p"):
        text = _para_text(p)
        ppr = p.find(W + "pPr")
        heading = None
        align = ""
        auto = None
        if ppr is not None:
            ps = ppr.find(W + "pStyle")
            if ps is not None:
                sid = ps.get(W + "val") or ""
                heading = styles.level(sid)
                num = styles.num_pr(sid)
                if num is not None:
                    auto = numbering.level(*num)
            num = _num_pr(ppr)
            if num is not None:
                auto = numbering.level(*num) if num[0] != "0" else None
            ol = ppr.find(W + "outlineLvl")
            if ol is not None:
                try:
                    v = int(ol.get(W + "val"))
                    heading = v + 1 if v < 9 else None
                except (TypeError, ValueError):
                    pass
            jc = ppr.find(W + "jc")
            if jc is not None:
                align = jc.get(W + "val") or ""
        for line in text.split("\n"):
            line = line.replace("\u3000", " ").replace("\xa0", " ").strip()
            if line:
                out.append(SourcePara(line, heading, align, auto))
                auto = None  # only the first line of the paragraph carries the number
    return out


def read_source(path, limits: Limits = DEFAULT_LIMITS) -> list[SourcePara]:
    """Paragraphs of a .docx, .txt or .md file; raises :class:`ImportError_` with a Chinese message."""
    path = Path(path)
    if not path.exists():
        raise ImportError_(f"找不到文件“{path}”。请检查路径。")
    if path.is_dir():
        raise ImportError_(f"“{path}”是文件夹，不是文件。请选择 .docx、.txt 或 .md 文件。")
    size = path.stat().st_size
    if size == 0:
        raise ImportError_(f"文件“{path.name}”是空的，没有可导入的内容。")
    suffix = path.suffix.lower()
    with open(path, "rb") as fh:
        head = fh.read(8)
    if head == OLE_MAGIC:
        with open(path, "rb") as fh:
            _sniff_ole(fh.read(min(size, limits.max_file_bytes)))
    if suffix in (".docx", ".docm", ".dotx", ".wps") or head.startswith(ZIP_MAGIC) or suffix == ".doc":
        if suffix == ".doc" and not head.startswith(ZIP_MAGIC):
            _sniff_ole(b"")
        return docx_paragraphs(path, limits)
    if suffix in (".txt", ".md", ".markdown", ".text", ""):
        if size > limits.max_text_bytes:
            raise ImportError_(f"文本文件有 {_mb(size)}，超过了导入上限 {_mb(limits.max_text_bytes)}。请确认选对了文件。")
        data = path.read_bytes()
        if b"\x00" in data[:4096] and not (data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff")):
            raise ImportError_(f"“{path.name}”不是文本文件，无法导入。请选择 .docx、.txt 或 .md 文件。")
        return text_paragraphs(decode_text(data), markdown=suffix in (".md", ".markdown"))
    raise ImportError_(f"不支持导入“{suffix}”格式的文件。请选择 Word 文档（.docx）或文本文件（.txt、.md）。")
