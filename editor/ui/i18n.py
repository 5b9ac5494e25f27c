"""Translations of the user interface.

Source strings in the code are English (``self.tr("Save")``); the shipped zh_CN translation
(``resources/translations/report_editor_zh_CN.qm``) is installed by default so users see Chinese.
English is chosen with the QSettings key ``ui/language`` = ``"en"``.

Also home of :func:`guard_none_refcount`, a work-around for a PySide6 6.12 defect (see there),
applied when this module is imported: every window module imports it.
"""

from __future__ import annotations

import ctypes
import sys
from pathlib import Path
from typing import Optional

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"
SETTINGS_KEY = "ui/language"
CATALOG = "report_editor"


def guard_none_refcount() -> bool:
    """Work around PySide6 defects that drop references to ``None``, ``True`` and ``False`` (seen with
    PySide6 6.12.0 on CPython 3.11): every call of a C++ method returning ``void`` drops one reference
    to ``None`` (e.g. ``QTextCharFormat.setFontPointSize``) and every ``Signal.emit`` drops one to
    ``True``. After a few thousand such calls -- a few minutes of typing -- the interpreter aborts
    with "deallocating None" / "deallocating True or False".

    CPython 3.12 and later make these objects immortal, so nothing is needed there. On older
    versions the defects are detected with harmless probes and, if present, the objects are given
    a reference count so large it cannot reach zero, which is what 3.12 does. Returns True when the
    guard was applied.
    """
    if sys.version_info >= (3, 12):
        return False
    from PySide6.QtCore import QObject, QPointF, Signal

    class _Probe(QObject):
        ping = Signal()

    point, probe = QPointF(), _Probe()
    signal = probe.ping
    for _ in range(4):  # warm up: first calls may cache objects that hold references
        point.setX(0.0)
        signal.emit()
    rounds = 256
    none_before = sys.getrefcount(None)
    for _ in range(rounds):
        point.setX(0.0)
    none_lost = none_before - sys.getrefcount(None)
    true_before = sys.getrefcount(True)
    for _ in range(rounds):
        signal.emit()
    true_lost = true_before - sys.getrefcount(True)
    defective = none_lost >= rounds // 2 or true_lost >= rounds // 2
    if not defective:
        return False
    for obj in (None, True, False):
        refcnt = ctypes.c_ssize_t.from_address(id(obj))
        if refcnt.value < (1 << 40):
            refcnt.value += 1 << 40
    return True


guard_none_refcount()


def translations_dir() -> Path:
    from ..paths import resources_dir

    return resources_dir() / "translations"


def configured_language() -> str:
    value = QSettings().value(SETTINGS_KEY, DEFAULT_LANGUAGE)
    value = str(value) if value else DEFAULT_LANGUAGE
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def set_configured_language(language: str) -> None:
    """Remember the language for the next start (the preferences dialog calls this)."""
    if language not in LANGUAGES:
        raise ValueError(language)
    QSettings().setValue(SETTINGS_KEY, language)


def qt_translation_dirs() -> list[str]:
    """Where Qt's own catalogues (``qtbase_zh_CN.qm``) may be: Qt's configured folder, then the
    PySide6 package's (a frozen or relocated installation may not report the first correctly)."""
    dirs = [QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)]
    try:
        import PySide6

        base = Path(PySide6.__file__).resolve().parent
        dirs += [str(base / "Qt" / "translations"), str(base / "translations")]
    except (ImportError, TypeError):  # pragma: no cover
        pass
    return [d for d in dict.fromkeys(dirs) if d and Path(d).is_dir()]


def qt_translator(app, language: str) -> Optional[QTranslator]:
    """Qt's own translation (file dialogs, print dialogs, standard buttons), or None if not found."""
    for folder in qt_translation_dirs():
        for name in (f"qtbase_{language}", f"qt_{language}"):
            qt = QTranslator(app)
            if qt.load(name, folder):
                return qt
    return None


def _installed(app) -> list:
    return app.property("_report_editor_translators") or []


def install_translator(app: QCoreApplication, language: Optional[str] = None) -> str:
    """Install the translation for ``language`` (default: the preference, else zh_CN) on ``app``.

    Replaces translators installed by an earlier call. Returns the language in use: "zh_CN" or "en"
    ("en" also when the zh_CN catalogue cannot be found, so the window still works, in English).
    """
    language = language or configured_language()
    if language not in LANGUAGES:
        language = DEFAULT_LANGUAGE
    holder = getattr(app, "_report_editor_translators", None)
    if holder:
        for translator in holder:
            app.removeTranslator(translator)
    translators: list[QTranslator] = []
    if language == "en":
        QLocale.setDefault(QLocale("en_US"))
        app._report_editor_translators = translators  # type: ignore[attr-defined]
        return "en"
    ours = QTranslator(app)
    path = translations_dir() / f"{CATALOG}_{language}.qm"
    if not ours.load(str(path)):
        app._report_editor_translators = translators  # type: ignore[attr-defined]
        return "en"
    app.installTranslator(ours)
    translators.append(ours)
    qt = qt_translator(app, language)
    if qt is not None:
        app.installTranslator(qt)
        translators.append(qt)
    extra = QTranslator(app)  # Qt strings qtbase_zh_CN leaves in English (the file list's "Folder")
    if extra.load(str(translations_dir() / f"qt_extra_{language}.qm")):
        app.installTranslator(extra)
        translators.append(extra)
    QLocale.setDefault(QLocale("zh_CN"))
    app._report_editor_translators = translators  # type: ignore[attr-defined]
    return language
