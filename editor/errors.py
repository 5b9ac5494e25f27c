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
