"""Typed errors of the core. Each carries a message a user can read (Chinese): what is wrong and
what to do. The window shows it in a dialog; the command line prints it."""

from __future__ import annotations


class ReportEditorError(Exception):
    """Base class: ``str(err)`` is the user-facing message."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class ProjectError(ReportEditorError):
    """A project file could not be read or written."""


class ProjectNotFound(ProjectError):
    pass


class ProjectNotJson(ProjectError):
    pass


class NotAProject(ProjectError):
    pass


class ProjectDamaged(ProjectError):
    def __init__(self, message: str, field: str = "", reason: str = ""):
        super().__init__(message)
        self.field = field
        self.reason = reason


class ProjectRepairable(ProjectDamaged):
    """A damaged project of which a repaired copy can be made (the file itself is never changed).

    ``problems`` lists what is wrong, one Chinese sentence per place; ``repaired()`` returns the copy
    (a :class:`editor.model.Report`) that the window offers to open as a new, unsaved report. What was
    found: ``duplicates`` (id -> places), ``bad_text`` (places of characters that cannot be saved),
    ``bad_figures`` (places of figures beyond the digits the editor computes)."""

    def __init__(self, message: str, problems: list[str], repair, *, duplicates: dict[str, list[str]] | None = None,
                 bad_text: list[str] | None = None, bad_figures: list[str] | None = None,
                 field: str = "", reason: str = ""):
        super().__init__(message, field, reason)
        self.problems = list(problems)
        self._repair = repair
        self.duplicates = dict(duplicates or {})
        self.bad_text = list(bad_text or [])
        self.bad_figures = list(bad_figures or [])

    def repaired(self):
        return self._repair()


class ProjectDuplicateIds(ProjectRepairable):
    """Several parts (sections, items, metrics) share one id. The repaired copy keeps the first part
    with each id and gives the others new ids."""


class ProjectFiguresOutOfRange(ProjectRepairable):
    """A figure has more digits than the editor computes (or its change would). The repaired copy clears
    it and keeps the old digits in the metric's note."""


class ProjectUnencodableText(ProjectRepairable):
    """Text that cannot be saved (a lone surrogate such as ``\\ud800``). The repaired copy has U+FFFD
    (�) in its stead."""


class ProjectTooNew(ProjectError):
    def __init__(self, message: str, version: int):
        super().__init__(message)
        self.version = version


class ProjectWriteError(ProjectError):
    pass


class ProjectLocked(ProjectError):
    def __init__(self, message: str, holder: dict | None = None):
        super().__init__(message)
        self.holder = holder or {}


class ExportError(ReportEditorError):
    """An export could not be written (unwritable target, file open elsewhere, no LibreOffice…)."""


class ImportError_(ReportEditorError):
    """A source file could not be imported (named with a trailing underscore: not the builtin)."""


class TemplateNotFound(ReportEditorError):
    pass


class ProjectReadOnly(ProjectWriteError):
    """The project file (or its backup) is read-only: it is never overwritten; save under another name."""


class LockDamaged(ProjectLocked):
    """The lock file beside a project cannot be understood (garbage, a folder, an impossible process id)."""


# ------------------------------------------------------------------ OS errors in Chinese
import errno as _errno  # noqa: E402 - kept beside the function that uses it

# Windows error codes (``OSError.winerror``) that have no errno of their own.
_WINERROR_TEXT = {
    5: "没有权限（文件或文件夹是只读的、受保护，或正被其他程序使用）",
    32: "文件正被其他程序使用（如 Word、WPS 或杀毒软件），请关闭占用它的程序后重试",
    33: "文件的一部分被其他程序锁定，请关闭占用它的程序后重试",
    39: "磁盘已满，请清理磁盘空间或换一个位置",
    112: "磁盘已满，请清理磁盘空间或换一个位置",
    123: "文件名或路径无效（含有不允许的字符，如 \\ / : * ? \" < > |）",
    206: "路径或文件名太长，请换一个较短的文件名或较浅的文件夹",
    1224: "文件正被其他程序映射使用，请关闭占用它的程序后重试",
}
_ERRNO_TEXT = {
    _errno.EACCES: "没有权限（文件或文件夹是只读的，或正被其他程序使用）",
    _errno.EPERM: "没有权限（文件或文件夹受保护）",
    _errno.ENOSPC: "磁盘已满，请清理磁盘空间或换一个位置",
    _errno.ENAMETOOLONG: "路径或文件名太长，请换一个较短的文件名或较浅的文件夹",
    _errno.ENOENT: "文件或文件夹不存在",
    _errno.ENOTDIR: "路径中的某一部分不是文件夹",
    _errno.EISDIR: "这是一个文件夹，不是文件",
    _errno.EEXIST: "文件已存在",
    _errno.EROFS: "磁盘或共享位置是只读的",
    _errno.EBUSY: "文件正被其他程序使用，请关闭占用它的程序后重试",
    _errno.EIO: "磁盘读写出错（磁盘、U 盘或网络位置可能有问题）",
    _errno.EMFILE: "同时打开的文件过多，请关闭一些程序后重试",
    _errno.ENFILE: "同时打开的文件过多，请关闭一些程序后重试",
    _errno.EINVAL: "文件名或路径无效（含有不允许的字符）",
    _errno.EXDEV: "不能在不同的磁盘之间直接移动文件",
    _errno.ELOOP: "路径中的快捷方式（符号链接）形成了循环",
}
for _name, _text in (("EDQUOT", "磁盘配额已用完，请清理空间或换一个位置"),
                     ("ETXTBSY", "文件正被其他程序使用，请关闭占用它的程序后重试"),
                     ("ENOTEMPTY", "文件夹不是空的"),
                     ("ETIMEDOUT", "网络位置没有响应，请检查网络后重试"),
                     ("EHOSTDOWN", "网络位置无法访问，请检查网络后重试"),
                     ("ESTALE", "网络位置上的文件已失效，请重新打开文件夹后重试")):
    if hasattr(_errno, _name):
        _ERRNO_TEXT.setdefault(getattr(_errno, _name), _text)


def os_error_text(error: BaseException) -> str:
    """A Chinese explanation of an operating-system error (permission, disk full, path too long, file
    in use…) without the system's English text or numbers in brackets such as ``[Errno 13]``."""
    winerror = getattr(error, "winerror", None)
    if isinstance(winerror, int) and winerror in _WINERROR_TEXT:
        return _WINERROR_TEXT[winerror]
    number = getattr(error, "errno", None)
    if isinstance(number, int) and number in _ERRNO_TEXT:
        return _ERRNO_TEXT[number]
    for cls, text in ((PermissionError, _ERRNO_TEXT[_errno.EACCES]),
                      (FileNotFoundError, _ERRNO_TEXT[_errno.ENOENT]),
                      (IsADirectoryError, _ERRNO_TEXT[_errno.EISDIR]),
                      (NotADirectoryError, _ERRNO_TEXT[_errno.ENOTDIR]),
                      (FileExistsError, _ERRNO_TEXT[_errno.EEXIST]),
                      (TimeoutError, "操作超时（网络位置或磁盘没有响应）")):
        if isinstance(error, cls):
            return text
    code = winerror if isinstance(winerror, int) else number
    return f"操作系统拒绝了这次读写（错误代码 {code}）" if isinstance(code, int) else "操作系统拒绝了这次读写"


# ------------------------------------------------------------------ true bugs: logged, never a traceback
def log_unexpected(error: BaseException, context: str = "") -> "str | None":
    """Append the traceback of an unexpected error to the log file; returns the log file's path (text),
    or None when even the log cannot be written."""
    import datetime as _dt
    import traceback

    from .sysenv import log_file

    path = log_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        text = "".join(traceback.format_exception(type(error), error, error.__traceback__))
        stamp = _dt.datetime.now().replace(microsecond=0).isoformat()
        with open(path, "a", encoding="utf-8", errors="replace") as fh:
            fh.write(f"==== {stamp} {context}\n{text}\n")
    except OSError:
        return None
    return str(path)


def unexpected_error_message(error: BaseException, context: str = "") -> str:
    """The message for a true bug: in Chinese, naming the log file that received the details."""
    where = log_unexpected(error, context)
    tail = (f"详细信息已记录在日志文件“{where}”中，请把这个文件和所用的项目文件交给维护人员。" if where else
            "请把出现问题时的操作和所用的项目文件告诉维护人员。")
    return f"发生意外错误（程序本身的问题，不是您的操作有误）。{tail}"
