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
