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

from pydantic import ValidationError

from .. import __version__
from ..errors import (
    NotAProject,
    ProjectError,
    ProjectDamaged,
    ProjectNotFound,
    ProjectNotJson,
    ProjectReadOnly,
    ProjectTooNew,
    ProjectWriteError,
    os_error_text,
)
from ..model import Report

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
    return f"取值无效（{error.get('msg', kind)}）"


def _describe_validation(err: ValidationError) -> tuple[str, str]:
    first = err.errors()[0]
    return "report." + _loc(first["loc"]), _reason(first)


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


def parse_project(data: bytes | str, name: str = "项目文件") -> tuple[Report, dict]:
    """Parse the bytes of a project file. Returns the report and the envelope's other fields."""
    try:
        text = data.decode("utf-8-sig") if isinstance(data, bytes) else data.lstrip("\ufeff")
    except UnicodeDecodeError as e:
        raise ProjectNotJson(
            f"“{name}”不是本程序的项目文件：内容不是 UTF-8 文本（第 {e.start} 字节）。"
            "请确认选择的是 .fzbg 项目文件；Word 文件请用“导入”。"
        ) from None
    if not text.strip():
        raise ProjectNotJson(f"“{name}”是空文件，里面没有报告内容。如有备份（同名 .bak 文件），请打开备份。")
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as e:
        raise ProjectNotJson(
            f"“{name}”无法解析：第 {e.lineno} 行第 {e.colno} 列格式错误（{e.msg}）。"
            "文件可能已损坏或被其他程序改写；如有备份（同名 .bak 文件），请打开备份。"
        ) from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT_NAME:
        raise NotAProject(
            f"“{name}”不是本程序的项目文件（缺少项目文件标记）。请选择 .fzbg 项目文件；"
            "已有的 Word 或文本报告请用“导入”。"
        )
    version = doc.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ProjectDamaged(
            f"项目文件“{name}”已损坏：格式版本号“{version}”无效。如有备份（同名 .bak 文件），请打开备份。",
            "format_version",
            "invalid",
        )
    if version > FORMAT_VERSION:
        raise ProjectTooNew(
            f"项目文件“{name}”由更新版本的程序保存（文件格式版本 {version}，本程序只支持到 {FORMAT_VERSION}）。"
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
    try:
        report = Report.model_validate(raw)
    except ValidationError as e:
        where, why = _describe_validation(e)
        raise ProjectDamaged(
            f"项目文件“{name}”已损坏：字段 {where} 有误（{why}）。文件未作任何修改；"
            "如有备份（同名 .bak 文件），请打开备份，或把文件交给技术人员检查。",
            where,
            why,
        ) from None
    meta = {k: v for k, v in doc.items() if k != "report"}
    return report, meta


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
