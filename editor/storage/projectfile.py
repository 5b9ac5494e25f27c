"""Project files: one UTF-8 JSON file (extension ``.fzbg``) with an explicit format version.

File format history (``format_version``):

* 1 — first release (2026-11): envelope ``{"format": "report-editor-project", "format_version": 1,
  "app_version", "saved_at", "description", "report": {...}}``; the report as in
  :class:`editor.model.Report`. Reference file: ``tests/data/formats/v1.fzbg``.
* 2 — 2026-12: ``Section.outro`` (paragraphs after a section's last item), ``FormalInfo.signers``
  (签发人), ``Report.check_ignores`` (忽略此处 / 忽略此类) and ``Report.import_findings`` (what the import
  found, shown until dismissed). All new fields have empty defaults, so the migration from 1 only moves
  the version number; a version-1 program refuses a version-2 file as "from a newer version" instead of
  reporting unknown fields. Reference file: ``tests/data/formats/v2.fzbg``.

When the format changes, bump :data:`FORMAT_VERSION`, add a function to :data:`MIGRATIONS` that turns
a version N document into version N+1, document the revision above and add a reference file of the
old version under ``tests/data/formats/``.

Reading tells apart: not found, not JSON, not a project file, damaged (which field and why), and
written by a newer version (refused). Writing is atomic and keeps the previous file as ``.bak``.
"""

from __future__ import annotations

import datetime as _dt
import glob
import json
import os
import re
import shutil
import tempfile
import time
from pathlib import Path
from typing import Callable, Optional

from .. import __version__
from ..errors import (
    NotAProject,
    ProjectDamaged,
    ProjectDuplicateIds,
    ProjectError,
    ProjectFiguresOutOfRange,
    ProjectNotFound,
    ProjectNotJson,
    ProjectReadOnly,
    ProjectTooNew,
    ProjectUnencodableText,
    ProjectWriteError,
    os_error_text,
)
from ..model import Report
from ..model.reader import read_plain
from ..model.report import iter_section_items
from ..model.report import DECIMAL_RE, MAX_FRACTION_DIGITS, MAX_ID_LENGTH, MAX_INTEGER_DIGITS
from ..model.tokens import change_error, value_error

FORMAT_NAME = "report-editor-project"
FORMAT_VERSION = 2
EXTENSION = ".fzbg"
BACKUP_SUFFIX = ".bak"

# The process umask, read once at import (reading it means setting it, which is not thread-safe).
_UMASK = os.umask(0o022)
os.umask(_UMASK)

# MIGRATIONS[n] turns a version-n document (the whole envelope, as parsed JSON) into version n+1.
MIGRATIONS: dict[int, Callable[[dict], dict]] = {}


def _migrate_1_to_2(doc: dict) -> dict:
    # Version 2 only adds fields with empty defaults.
    return dict(doc, format_version=2)


MIGRATIONS[1] = _migrate_1_to_2


def _loc(loc: tuple) -> str:
    return ".".join(str(p) for p in loc)


# pydantic error types -> the reason in Chinese (the message shown to users must be Chinese).
_REASONS: dict[str, str] = {
    "missing": "缺少这个字段",
    "extra_forbidden": "是本程序不认识的字段",
    "unexpected_keyword_argument": "是本程序不认识的字段",
    "string_type": "应为文字",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "int_from_float": "应为整数",
    "bool_type": "应为 true 或 false",
    "bool_parsing": "应为 true 或 false",
    "list_type": "应为列表",
    "tuple_type": "应为列表",
    "dict_type": "应为对象",
    "model_type": "应为对象",
    "model_attributes_type": "应为对象",
    "dataclass_type": "应为对象",
    "dataclass_exact_type": "应为对象",
    "date_type": "应为日期（如 2023-01-28）",
    "date_parsing": "应为日期（如 2023-01-28）",
    "date_from_datetime_parsing": "应为日期（如 2023-01-28）",
    "date_from_datetime_inexact": "应为日期（如 2023-01-28）",
    "too_short": "项数不足",
    "too_long": "项数过多",
}


def _reason(error: dict) -> str:
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    if kind in _REASONS:
        return _REASONS[kind]
    if kind in ("greater_than_equal", "greater_than"):
        return f"数值过小（不能小于 {ctx.get('ge', ctx.get('gt'))}）"
    if kind in ("less_than_equal", "less_than"):
        return f"数值过大（不能大于 {ctx.get('le', ctx.get('lt'))}）"
    if kind in ("literal_error", "enum"):
        expected = str(ctx.get("expected", "")).replace("' or '", "、").replace("', '", "、").strip("'")
        return f"取值无效（可用：{expected}）"
    if kind == "value_error" and ctx.get("error") is not None:
        return str(ctx["error"])
    if kind == "string_pattern_mismatch":
        return f"标识无效：应为 1–{MAX_ID_LENGTH} 个英文字母、数字、连字符或下划线（如 i-3f2a9c1b）"
    if kind in ("finite_number", "float_parsing", "float_type"):
        return "应为有限的数字"
    if kind.startswith("string_"):
        return "应为文字"
    return "取值无效"  # pydantic's own text is English: never shown


def migrate(doc: dict, path_name: str = "") -> dict:
    """Bring an envelope of an older version up to :data:`FORMAT_VERSION`."""
    version = doc.get("format_version")
    while version < FORMAT_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise ProjectDamaged(
                f"项目文件“{path_name}”的格式版本 {version} 无法升级：本程序不认识这个旧版本。"
                "请用保存它的那个版本的程序打开并另存。",
                "format_version",
                "no migration",
            )
        doc = step(doc)
        new_version = doc.get("format_version") if isinstance(doc, dict) else None
        if not isinstance(new_version, int) or new_version <= version:  # a broken step must not loop forever
            raise ProjectDamaged(
                f"项目文件“{path_name}”无法从格式版本 {version} 升级：升级步骤出错。请把文件交给维护人员检查。",
                "format_version",
                "migration failed",
            )
        version = new_version
    return doc


# ------------------------------------------------------------------ validation at load
# What the editor can handle; a file beyond these limits is reported as damaged, naming the place.
MAX_JSON_DEPTH = 200  # nesting of objects and lists in the whole file
MAX_ITEM_DEPTH = 50  # levels of items below a section (（一） 1. （1） … are the first four)
MAX_TEXT_LENGTH = 20_000_000  # characters of any one text (the import reads sources up to 20 MB)
MAX_FONT_NAME = 100  # characters of a font name (real names are short; Word allows 31)
MAX_SHOWN_PLACES = 8  # places listed in one message

_JSON_ERRORS = (  # json's English messages -> Chinese
    ("Unterminated string", "开始的一段文字直到文件末尾都没有结束：文件内容不完整（可能保存时被中断）"),
    ("Invalid control character", "文字中有不允许出现的控制字符"),
    ("Invalid \\uXXXX escape", "有不完整的转义字符（\\u 后应为 4 位十六进制数）"),
    ("Invalid \\escape", "有无效的转义字符（反斜杠 \\ 后的字符不被允许）"),
    ("Expecting property name enclosed in double quotes", "字段名应写在英文双引号中"),
    ("Expecting ':' delimiter", "字段名后缺少冒号"),
    ("Expecting ',' delimiter", "缺少逗号，或有多余的内容"),
    ("Expecting value", "缺少内容，或有无法识别的内容"),
    ("Extra data", "内容结束后还有多余的数据"),
)

_NAMES = {  # field names -> Chinese, for places in messages
    "report": "报告", "organisations": "机关名称", "year": "年度", "title_override": "标题", "preamble": "前言",
    "sections": "部分", "closing": "结束语", "signature": "落款", "date": "成文日期",
    "publication_date": "发布日期", "notes": "附注", "edition": "版本", "formal": "正式版信息",
    "format": "格式设置", "fonts": "字体", "metrics": "指标", "hint": "提示", "check_ignores": "忽略的检查",
    "import_findings": "导入时的发现", "heading": "标题", "kinds": "内容类别", "numbered": "编号",
    "intro": "开头段落", "items": "条目", "outro": "结尾段落", "needs_revision": "待修改标记", "lead": "首句",
    "body": "正文", "run_in": "首句接排", "children": "子条目", "id": "标识", "label": "名称",
    "value": "本年数值", "unit": "单位", "scale": "数量级", "qualifier": "限定词", "last_value": "上年数值",
    "is_rate": "比率", "numerals": "数字写法", "change_decimals": "变化的小数位数", "change_prefix": "变化前缀",
    "change_words": "增减用词", "source": "来源", "note": "备注", "parts": "组成部分",
    "issuer_mark": "发文机关标志", "doc_number": "发文字号", "recipients": "主送机关", "cc": "抄送",
    "printer": "印发机关", "print_date": "印发日期", "signers": "签发人", "bold_level2": "二级标题加粗",
    "bold_level3": "三级标题加粗", "page_numbers": "页码", "continuous_level3": "三级连续编号",
    "rule": "检查规则", "where": "位置", "text": "文字", "kind": "类别", "message": "说明", "excerpt": "原文",
    "dismissed": "已忽略", "format_version": "格式版本", "description": "说明",
}
_LIST_UNITS = {"sections": "第{n}部分", "items": "第{n}项", "children": "第{n}子项", "metrics": "第{n}个指标",
               "check_ignores": "第{n}条忽略设置", "import_findings": "第{n}条导入发现"}
_ROLES = {"title": "标题", "body": "正文", "heading1": "一级标题", "heading2": "二级标题", "heading3": "三级标题",
          "page_number": "页码", "issuer_mark": "发文机关标志"}
_PARAGRAPHS = ("preamble", "closing", "intro", "outro", "body", "notes")


def describe_place(path: tuple, raw: object = None) -> str:
    """A place in a project file in Chinese: ``("sections", 1, "items", 0, "body", 2)`` ->
    ``第2部分第1项的正文第3段``. ``raw`` (the parsed report) adds a metric's label."""
    out: list[str] = []
    node = raw
    i = 0
    while i < len(path):
        key = path[i]
        nxt = path[i + 1] if i + 1 < len(path) else None
        if isinstance(key, str) and key in _LIST_UNITS and isinstance(nxt, int):
            part = _LIST_UNITS[key].format(n=nxt + 1)
            child = _child(_child(node, key), nxt)
            if key == "metrics" and isinstance(child, dict) and isinstance(child.get("label"), str) \
                    and child["label"].strip():
                part += f"“{child['label'][:20]}”"
            out.append(part)
            node = child
            i += 2
            continue
        if key == "fonts" and isinstance(nxt, str):
            out.append(f"“{_ROLES.get(nxt, nxt[:30])}”字体")
            node = None
            i += 2
            continue
        name = _NAMES.get(key, f"“{str(key)[:30]}”") if isinstance(key, str) else f"第{key + 1}项"
        if isinstance(nxt, int):
            unit = "段" if key in _PARAGRAPHS else "项"
            out.append(f"{name}第{nxt + 1}{unit}")
            i += 2
        else:
            out.append(name)
            i += 1
        node = _child(node, key)
    if not out:
        return "报告"
    text = out[0]
    for part in out[1:]:
        text += part if (part.startswith("第") and text.endswith(("部分", "项"))) else "的" + part
    return text


def _child(node, key):
    try:
        if isinstance(node, dict) and isinstance(key, str):
            return node.get(key)
        if isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node):
            return node[key]
    except Exception:  # noqa: BLE001 - a description must never fail
        return None
    return None


def _code(path: tuple) -> str:
    return ".".join(["report", *(str(p) for p in path)])


def _places(places: list[str]) -> str:
    shown = "；".join(places[:MAX_SHOWN_PLACES])
    if len(places) > MAX_SHOWN_PLACES:
        shown += f"；另有 {len(places) - MAX_SHOWN_PLACES} 处"
    return shown


def _has_surrogate(text: str) -> bool:
    if text.isascii():
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _fix_surrogates(text: str) -> str:
    """Replace every lone surrogate by U+FFFD (a valid pair written as two escapes is joined by json)."""
    return "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in text)


# Cheap tests on the text decide whether the full walk below is needed (it costs more than parsing):
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_DEEP = re.compile(r"[\[{](?:\s*[\[{]){%d}" % (MAX_JSON_DEPTH // 4))  # a run of opening brackets


def _needs_scan(text: str, from_bytes: bool) -> bool:
    # Deep nesting needs no walk here: no field of the model takes it (items are checked on their own), so
    # it fails validation, and only then is the text searched for it to name it (see parse_project).
    return bool(len(text) > MAX_TEXT_LENGTH or _SURROGATE_ESCAPE.search(text)
                or (not from_bytes and _has_surrogate(text)))


def _check_fonts(raw: dict, name: str) -> None:
    fmt = raw.get("format")
    fonts = fmt.get("fonts") if isinstance(fmt, dict) else None
    if isinstance(fonts, dict):
        for role, font in fonts.items():
            if isinstance(font, str):
                _check_text(font, ("format", "fonts", role), raw, name, [])


def _scan_raw(raw: dict, name: str) -> list[tuple]:
    """Walk the parsed report without recursion: nesting depth, text lengths and font names are checked
    (ProjectDamaged naming the place); lone surrogates are replaced by U+FFFD in place and their places
    returned."""
    bad: list[tuple] = []
    stack: list[tuple[object, tuple]] = [(raw, ())]
    while stack:
        node, path = stack.pop()
        if len(path) > MAX_JSON_DEPTH:
            raise ProjectDamaged(
                f"项目文件“{name}”已损坏：内容嵌套超过 {MAX_JSON_DEPTH} 层（在{describe_place(path[:6], raw)}之下），"
                "本程序的项目不会有这样的结构。文件未作任何修改；如有备份（同名 .bak 文件），请打开备份。",
                _code(path[:6]), "too deep")
        if isinstance(node, dict):
            for key in list(node):
                value = node[key]
                if isinstance(key, str) and _has_surrogate(key):
                    bad.append(path + (key,))
                    del node[key]
                    key = _fix_surrogates(key)
                    node[key] = value
                if isinstance(value, (dict, list)):
                    stack.append((value, path + (key,)))
                elif isinstance(value, str):
                    fixed = _check_text(value, path + (key,), raw, name, bad)
                    if fixed is not None:
                        node[key] = fixed
        elif isinstance(node, list):
            for i, value in enumerate(node):
                if isinstance(value, (dict, list)):
                    stack.append((value, path + (i,)))
                elif isinstance(value, str):
                    fixed = _check_text(value, path + (i,), raw, name, bad)
                    if fixed is not None:
                        node[i] = fixed
    return bad


def _check_text(text: str, path: tuple, raw, name: str, bad: list) -> Optional[str]:
    limit = MAX_FONT_NAME if len(path) >= 2 and path[-2] == "fonts" else MAX_TEXT_LENGTH
    if len(text) > limit:
        what = "名称" if limit == MAX_FONT_NAME else "文字"
        raise ProjectDamaged(
            f"项目文件“{name}”已损坏：{describe_place(path, raw)}的{what}过长（{len(text):,} 个字符，"
            f"最多 {limit:,} 个）（位置 {_code(path)}）。文件未作任何修改；如有备份（同名 .bak 文件），请打开备份。",
            _code(path), "too long")
    if _has_surrogate(text):
        bad.append(path)
        return _fix_surrogates(text)
    return None


def _item_depth_check(raw: dict, name: str) -> None:
    sections = raw.get("sections")
    if not isinstance(sections, list):
        return
    for si, section in enumerate(sections):
        items = section.get("items") if isinstance(section, dict) else None
        stack = [(items, 1, ("sections", si, "items"))]
        while stack:
            level, depth, path = stack.pop()
            if not isinstance(level, list):
                continue
            if depth > MAX_ITEM_DEPTH:
                raise ProjectDamaged(
                    f"项目文件“{name}”已损坏：第{si + 1}部分的条目层级超过 {MAX_ITEM_DEPTH} 层"
                    f"（位置 {_code(path[:3])}）。本程序最多支持 {MAX_ITEM_DEPTH} 层条目；文件未作任何修改，"
                    "如有备份（同名 .bak 文件），请打开备份。", _code(path[:3]), "too deep")
            for i, item in enumerate(level):
                if isinstance(item, dict):
                    stack.append((item.get("children"), depth + 1, path + (i, "children")))


def _figure_problems(report: Report, raw: dict) -> list[tuple[tuple, str]]:
    """Figures beyond what the editor can compute and write (digits of a value, of a change):
    [(path, Chinese reason)]."""
    out: list[tuple[tuple, str]] = []
    for i, m in enumerate(report.metrics):
        for fld in ("value", "last_value"):
            v = getattr(m, fld)
            if v is None:
                continue
            t = v.strip()
            whole, _dot, fraction = t.partition(".")
            if len(whole) <= MAX_INTEGER_DIGITS and len(fraction) <= MAX_FRACTION_DIGITS:
                continue  # within the limits (or not a number at all: the checks report that)
            if len(t) > 60 or DECIMAL_RE.match(t):
                reason = value_error(t)
                if reason:
                    out.append((("metrics", i, fld), reason))
        if not any(p[1] == i for p, _r in out):
            reason = change_error(m)
            if reason:
                out.append((("metrics", i, "last_value"), reason))
    return out


def repaired_figures(report: Report, problems: list[tuple[tuple, str]]) -> Report:
    """A copy with each figure of ``problems`` cleared; its digits are kept in the metric's note."""
    copy = report.model_copy(deep=True)
    for path, _reason in problems:
        metric = copy.metrics[path[1]]
        old = getattr(metric, path[2])
        setattr(metric, path[2], None)
        kept = f"修复时清空的{_NAMES[path[2]]}：{(old or '')[:80]}"
        metric.note = f"{metric.note}\n{kept}" if metric.note else kept
    return copy


def _id_places(report: Report) -> dict[str, list[tuple[tuple, object]]]:
    """Every id of the report -> [(path, node)], in document order."""
    out: dict[str, list[tuple[tuple, object]]] = {"report": [((), None)]}  # reserved: the report itself
    for si, section in enumerate(report.sections):
        out.setdefault(section.id, []).append((("sections", si), section))
        stack = [(item, ("sections", si, "items", ii)) for ii, item in reversed(list(enumerate(section.items)))]
        while stack:
            item, path = stack.pop()
            out.setdefault(item.id, []).append((path, item))
            stack.extend((c, path + ("children", ci)) for ci, c in reversed(list(enumerate(item.children))))
    for mi, metric in enumerate(report.metrics):
        out.setdefault(metric.id, []).append((("metrics", mi), metric))
    return out


def duplicate_ids(report: Report) -> dict[str, list[tuple]]:
    """Ids used by more than one section, item or metric -> their places (paths), in document order.
    Import findings have their own id space."""
    ids = [m.id for m in report.metrics]
    for section in report.sections:
        ids.append(section.id)
        ids.extend(chain[-1].id for chain in iter_section_items(section))
    if len(set(ids)) == len(ids) and "report" not in ids:  # the usual case, without building places
        dups: dict[str, list[tuple]] = {}
    else:
        dups = {k: [p for p, _n in v] for k, v in _id_places(report).items() if len(v) > 1}
    findings: dict[str, list[tuple]] = {}
    for fi, f in enumerate(report.import_findings):
        findings.setdefault(f.id, []).append(("import_findings", fi))
    dups.update({k: v for k, v in findings.items() if len(v) > 1})
    return dups


def renumbered_copy(report: Report) -> tuple[Report, list[str]]:
    """A copy of ``report`` in which every id is unique: the first part with an id keeps it, the others
    get new ids (figures ``{{m:ID}}`` keep pointing at the first metric with that id). Returns the copy
    and one Chinese line per renamed part. ``report`` itself is not changed."""
    from ..model.report import new_id

    copy = report.model_copy(deep=True)
    lines: list[str] = []
    raw = copy.model_dump(mode="python")
    for node_id, places in _id_places(copy).items():
        for path, node in places[1:]:
            prefix = {"Section": "s", "Item": "i", "Metric": "m"}[type(node).__name__]
            node.id = new_id(prefix)
            lines.append(f"{describe_place(path, raw)}：标识 {node_id} 改为 {node.id}")
    seen: set[str] = set()
    for f in copy.import_findings:
        if f.id in seen:
            f.id = new_id("f")
        seen.add(f.id)
    return copy, lines


def _raise_repairable(report: Report, raw: dict, bad_text: list[tuple], name: str) -> None:
    dups = duplicate_ids(report)
    figures = _figure_problems(report, raw)
    if not dups and not bad_text and not figures:
        return
    text_places = [describe_place(p, raw) for p in bad_text]
    dup_places = {k: [describe_place(p, raw) for p in v] for k, v in dups.items()}
    figure_places = [describe_place(p, raw) for p, _r in figures]
    problems: list[str] = []
    parts: list[str] = []
    fix: list[str] = []
    if figures:
        lines = [f"{describe_place(p, raw)}：{r}" for p, r in figures]
        problems.extend(lines)
        parts.append(f"有 {len(figures)} 个数值超出本程序能计算的范围（{_places(lines)}）")
        fix.append("清空这些数值，原来的数字记在指标的备注里")
    if dups:
        lines = [f"标识 {k[:40]} 同时用于：{'、'.join(v[:4])}{'等' if len(v) > 4 else ''}" for k, v in dup_places.items()]
        problems.extend(lines)
        parts.append(f"有 {len(dups)} 个标识被多个部分、条目或指标重复使用，编辑其中一个会改到另一个（{_places(lines)}）")
        fix.append("重复的标识改为新标识")
    if bad_text:
        problems.extend(f"{p}：有无法保存的字符" for p in text_places)
        parts.append(f"有 {len(bad_text)} 处文字含无法保存的字符（单独的代理码，如 \\ud800）：{_places(text_places)}")
        fix.append("无法保存的字符换成“\ufffd”")

    def repair() -> Report:
        # the text was already scrubbed (U+FFFD) before validation; the rest is fixed on copies
        fixed = repaired_figures(report, figures) if figures else report.model_copy(deep=True)
        return renumbered_copy(fixed)[0] if dups else fixed

    message = (f"项目文件“{name}”已损坏：{'；'.join(parts)}。文件未作任何修改。可以在编辑器中打开一份修复后的副本"
               f"（{'；'.join(fix)}），检查后另存为新文件；如有备份（同名 .bak 文件），也可以打开备份。")
    kw = dict(duplicates=dup_places, bad_text=text_places, bad_figures=figure_places)
    if dups:
        raise ProjectDuplicateIds(message, problems, repair, field="id", reason="duplicate ids", **kw)
    if figures:
        path = figures[0][0]
        raise ProjectFiguresOutOfRange(message, problems, repair, field=_code(path), reason="out of range", **kw)
    raise ProjectUnencodableText(message, problems, repair, field=_code(bad_text[0]), reason="unencodable", **kw)


def _json_error(e: json.JSONDecodeError, text: str, name: str) -> ProjectNotJson:
    if e.pos >= len(text.rstrip()):
        why = "文件在这里意外结束，内容不完整（可能保存时被中断）"
    else:
        why = next((cn for en, cn in _JSON_ERRORS if e.msg.startswith(en)), "有无法识别的内容")
    return ProjectNotJson(
        f"“{name}”无法解析：第 {e.lineno} 行第 {e.colno} 列{why}。"
        "文件可能已损坏或被其他程序改写；如有备份（同名 .bak 文件），请打开备份。"
    )


def _loads(text: str, name: str):
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise _json_error(e, text, name) from None
    except RecursionError:
        raise ProjectDamaged(
            f"项目文件“{name}”已损坏：内容嵌套的层数太多，本程序的项目不会有这样的结构。"
            "文件未作任何修改；如有备份（同名 .bak 文件），请打开备份。", "", "too deep") from None
    except ValueError:  # an integer literal longer than Python converts (4,300 digits)
        m = re.search(r"\d{1000,}", text)
        where = ""
        if m:
            line = text.count("\n", 0, m.start()) + 1
            col = m.start() - (text.rfind("\n", 0, m.start()) + 1) + 1
            where = f"第 {line} 行第 {col} 列"
        raise ProjectDamaged(
            f"项目文件“{name}”已损坏：{where}有一个位数过多的数字（超过 1000 位），本程序的项目不会有这样的数。"
            "文件未作任何修改；如有备份（同名 .bak 文件），请打开备份。", "", "huge number") from None


def parse_project(data: bytes | str, name: str = "项目文件") -> tuple[Report, dict]:
    """Parse the bytes of a project file. Returns the report and the envelope's other fields.

    Raises a :class:`~editor.errors.ProjectError` naming the problem: not JSON (line and column, in
    Chinese), not a project, damaged (which place and why: a wrong field, nesting deeper than the editor
    handles, a number with more digits than it computes, an oversized text or font name) or too new.
    Duplicate ids and unsaveable characters (lone surrogates) raise a
    :class:`~editor.errors.ProjectRepairable` that offers a repaired copy; the file is never changed.
    """
    try:
        text = data.decode("utf-8-sig") if isinstance(data, bytes) else data.lstrip("\ufeff")
    except UnicodeDecodeError as e:
        where = f"约在全文 {e.start * 100 // max(len(data), 1)}% 处"
        raise ProjectNotJson(
            f"“{name}”不是本程序的项目文件，或已损坏：其中有无法识别的内容（{where}；项目文件是 UTF-8 文本）。"
            "请确认选择的是 .fzbg 项目文件；Word 文件请用“导入”。如有备份（同名 .bak 文件），请打开备份。"
        ) from None
    if not text.strip():
        raise ProjectNotJson(f"“{name}”是空文件，里面没有报告内容。如有备份（同名 .bak 文件），请打开备份。")
    doc = _loads(text, name)
    if not isinstance(doc, dict) or doc.get("format") != FORMAT_NAME:
        raise NotAProject(
            f"“{name}”不是本程序的项目文件（缺少项目文件标记）。请选择 .fzbg 项目文件；"
            "已有的 Word 或文本报告请用“导入”。"
        )
    version = doc.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        shown = str(version)[:20] if isinstance(version, (int, float, bool)) or version is None else "（非数字）"
        raise ProjectDamaged(
            f"项目文件“{name}”已损坏：格式版本号“{shown}”无效。如有备份（同名 .bak 文件），请打开备份。",
            "format_version",
            "invalid",
        )
    if version > FORMAT_VERSION:
        shown = str(version) if version < 10**9 else "（过大）"
        raise ProjectTooNew(
            f"项目文件“{name}”由更新版本的程序保存（文件格式版本 {shown}，本程序只支持到 {FORMAT_VERSION}）。"
            "为避免丢失内容，本程序不会打开它：请升级本程序后再打开。",
            version,
        )
    doc = migrate(doc, name)
    raw = doc.get("report")
    if not isinstance(raw, dict):
        raise ProjectDamaged(
            f"项目文件“{name}”已损坏：缺少报告内容（report）。如有备份（同名 .bak 文件），请打开备份。",
            "report",
            "missing",
        )
    if _needs_scan(text, isinstance(data, bytes)):
        bad_text = _scan_raw(raw, name)
    else:
        bad_text = []
        _check_fonts(raw, name)
    _item_depth_check(raw, name)
    # Data exactly as this program writes it is read without pydantic (fast, see editor.model.reader);
    # anything else is pydantic's to accept, convert or refuse with the place and the reason.
    report = read_plain(Report, raw)
    if report is None:
        report = _validate(raw, text, name)
    _raise_repairable(report, raw, bad_text, name)
    # the envelope's other fields are rewritten at every save; only make sure none carries a lone surrogate
    meta = {k: (_fix_surrogates(v) if isinstance(v, str) and _has_surrogate(v) else v)
            for k, v in doc.items() if k != "report"}
    return report, meta


def _validate(raw: dict, text: str, name: str) -> Report:
    """pydantic's validation of the report's data, its first error as a :class:`ProjectDamaged`."""
    from pydantic import ValidationError

    try:
        return Report.model_validate(raw)
    except ValidationError as e:
        if _DEEP.search(text):
            _scan_raw(raw, name)  # names nesting deeper than the editor handles, if that is what failed
        first = e.errors()[0]
        path = tuple(first["loc"])
        where, why = _code(path), _reason(first)
        raise ProjectDamaged(
            f"项目文件“{name}”已损坏：{describe_place(path, raw)}有误（{why}）（位置 {where}）。文件未作任何修改；"
            "如有备份（同名 .bak 文件），请打开备份，或把文件交给技术人员检查。",
            where,
            why,
        ) from None
    except RecursionError:
        raise ProjectDamaged(
            f"项目文件“{name}”已损坏：内容嵌套的层数太多。文件未作任何修改；如有备份（同名 .bak 文件），请打开备份。",
            "", "too deep") from None


def read_project(path: str | os.PathLike) -> Report:
    return read_project_with_meta(path)[0]


def read_project_with_meta(path: str | os.PathLike) -> tuple[Report, dict]:
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise ProjectNotFound(f"找不到项目文件“{p}”。请检查路径，或从“最近打开”中移除它。") from None
    except IsADirectoryError:
        raise ProjectNotFound(f"“{p}”是文件夹，不是项目文件。请选择 .fzbg 文件。") from None
    except PermissionError:
        raise ProjectNotFound(f"没有权限读取“{p}”。请检查文件权限。") from None
    except OSError as e:
        raise ProjectError(f"无法读取项目文件“{p}”：{e.strerror or e}。请检查磁盘或网络位置后重试。") from None
    return parse_project(data, p.name)


def dump_project(report: Report, description: str = "") -> bytes:
    """The project file's bytes: the envelope, then the report serialised by pydantic's (compiled) JSON
    writer, about 4x faster than ``json.dumps(report.model_dump())`` on a large report."""
    head = {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "app_version": __version__,
        "saved_at": _dt.datetime.now().replace(microsecond=0).isoformat(),
        "description": description,
    }
    envelope = json.dumps(head, ensure_ascii=False, indent=1)
    body = report.model_dump_json(indent=1)
    return (envelope[:-2] + ',\n "report": ' + body + "\n}\n").encode("utf-8")


def _read_only(path: Path) -> bool:
    """True for an existing file that must not be overwritten: no write bit (0444, or the Windows
    read-only attribute) or no write permission for this user."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not (mode & 0o222) or not os.access(path, os.W_OK)


_TOKEN: Optional[str] = None


def _writer_token() -> str:
    """This process's identity (pid and start time), put into the names of its temporary files so the
    next start can tell the leftovers of a killed save from a save in progress."""
    global _TOKEN
    if _TOKEN is None or not _TOKEN.startswith(f"{os.getpid()}-"):  # recomputed in a forked child
        from ..sysenv import identity_token

        _TOKEN = identity_token()
    return _TOKEN


def atomic_write_bytes(path: str | os.PathLike, data: bytes, *, backup: bool = True, what: str = "文件") -> Path:
    """Write ``data`` to ``path`` atomically: temporary file in the same folder, flush, fsync, replace.

    With ``backup`` the previous file is kept as ``path + .bak``: the current file is first linked (or
    copied) to a temporary name that then replaces the old ``.bak``, so a kill at any moment leaves the
    old or the new file and a ``.bak``. A read-only target (or ``.bak``) is never overwritten
    (:class:`ProjectReadOnly`). On any failure the old file is left as it was and no temporary file
    remains; a :class:`ProjectWriteError` explains in Chinese what to do.
    """
    p = Path(path)
    if p.is_symlink():  # write through the link: replacing the link itself would detach the real file
        p = p.resolve()
    folder = p.parent if str(p.parent) else Path(".")
    if not folder.is_dir():
        raise ProjectWriteError(f"无法保存{what}：文件夹“{folder}”不存在。请选择一个已有的文件夹。")
    if p.is_dir():
        raise ProjectWriteError(f"无法保存{what}“{p}”：这个名字已被一个文件夹占用。请换一个文件名。")
    bak = p.with_name(p.name + BACKUP_SUFFIX) if backup else None
    for target, label in ((p, what), (bak, "备份文件")):
        if target is not None and _read_only(target):
            raise ProjectReadOnly(
                f"“{target}”是只读的{label}，本程序不会覆盖它。请用“另存为”保存到另一个文件；"
                "如确需覆盖，请先在文件属性中取消“只读”。原文件未被改动。"
            )
    prefix = f".{p.name}.w{_writer_token()}."
    tmp_name: Optional[str] = None
    bak_tmp: Optional[Path] = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        try:  # mkstemp creates 0600: give the file the old file's mode, or the usual mode for a new file
            os.chmod(tmp_name, (p.stat().st_mode & 0o777) if p.exists() else (0o666 & ~_UMASK))
        except OSError:
            pass
        if bak is not None and p.exists():
            bak_tmp = folder / f"{prefix}{os.urandom(4).hex()}.bak.tmp"
            try:
                os.link(p, bak_tmp)
            except OSError:  # no hard links here (FAT, some network shares): a copy
                shutil.copy2(p, bak_tmp)
            os.replace(bak_tmp, bak)  # the old .bak is replaced in one step: never a moment without one
            bak_tmp = None
        os.replace(tmp_name, p)
        tmp_name = None
        _fsync_dir(folder)
        _remove_stale_temporaries(folder, p.name)
    except PermissionError:
        raise ProjectWriteError(
            f"无法保存{what}“{p}”：没有写入权限，或文件正被其他程序（如 Word、WPS）打开。"
            "请关闭占用它的程序，或另存到其他位置。原文件未被改动。"
        ) from None
    except OSError as e:
        raise ProjectWriteError(
            f"无法保存{what}“{p}”：{os_error_text(e)}。原文件未被改动；也可以另存到其他位置。"
        ) from None
    finally:
        for leftover in (tmp_name, bak_tmp):
            if leftover is not None:
                try:
                    os.unlink(leftover)
                except OSError:
                    pass
    return p


STALE_TEMP_SECONDS = 600


def _remove_stale_temporaries(folder: Path, name: str) -> int:
    """Remove temporary files of target ``name`` left by interrupted saves; returns how many.

    A temporary file names its writer (process id and start time): it is removed as soon as that
    process is gone. Names without a writer (older versions) and this process's own are removed after
    10 minutes. Nothing else is touched.
    """
    from ..sysenv import token_alive

    now = time.time()
    removed = 0
    head = f".{name}."
    for tmp in folder.glob(f".{glob.escape(name)}.*.tmp"):
        rest = tmp.name[len(head):]
        alive = token_alive(rest[1:].split(".", 1)[0]) if rest.startswith("w") else None
        own = rest.startswith(f"w{_writer_token()}.")
        try:
            if (alive is False and not own) or now - tmp.stat().st_mtime > STALE_TEMP_SECONDS:
                tmp.unlink()
                removed += 1
        except OSError:
            pass
    return removed


_WRITER_RE = re.compile(r"^\..+\.w(\d+-\d+)\.[A-Za-z0-9_]+(?:\.bak)?\.tmp$")


def remove_interrupted_writes_in(folder: str | os.PathLike) -> int:
    """Remove, in ``folder``, every temporary file of this program whose writer process is gone (e.g.
    the recovery folder at start-up). Files without a writer in their name are left alone."""
    from ..sysenv import token_alive

    removed = 0
    try:
        candidates = list(Path(folder).glob(".*.tmp"))
    except OSError:
        return 0
    for tmp in candidates:
        match = _WRITER_RE.match(tmp.name)
        if match and token_alive(match.group(1)) is False:
            try:
                tmp.unlink()
                removed += 1
            except OSError:
                pass
    return removed


def remove_interrupted_saves(path: str | os.PathLike) -> int:
    """At the next start (opening ``path``): remove what saves of it that were killed left behind."""
    p = Path(path)
    if p.is_symlink():
        p = p.resolve()
    folder = p.parent if str(p.parent) else Path(".")
    if not folder.is_dir():
        return 0
    return _remove_stale_temporaries(folder, p.name)


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _unencodable_field(report: Report) -> str:
    """Where in ``report`` the first text that cannot be written as UTF-8 (a lone surrogate) is."""
    def walk(value, where):
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                return where
            return None
        if isinstance(value, dict):
            items = value.items()
        elif isinstance(value, (list, tuple)):
            items = ((f"[{i}]", v) for i, v in enumerate(value))
        else:
            return None
        for key, item in items:
            found = walk(item, f"{where}{key}" if str(key).startswith("[") else f"{where}.{key}")
            if found:
                return found
        return None

    return walk(report.model_dump(), "report") or "report"


def write_project(path: str | os.PathLike, report: Report, *, description: str = "", backup: bool = True) -> Path:
    """Save ``report`` to ``path`` atomically (see :func:`atomic_write_bytes`)."""
    try:
        data = dump_project(report, description)
    except (UnicodeEncodeError, ValueError) as e:
        if "surrogate" not in str(e) and not isinstance(e, UnicodeEncodeError):
            raise
        raise ProjectWriteError(
            f"无法保存项目文件“{Path(path).name}”：字段 {_unencodable_field(report)} 中含有无法保存的字符"
            "（单独的代理字符，常见于从损坏的文件或网页中复制的文字）。请删除或重新输入那里的文字后再保存。"
            "原文件未被改动。"
        ) from None
    return atomic_write_bytes(path, data, backup=backup, what="项目文件")
