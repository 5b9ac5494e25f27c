"""The window application: ``report-editor [PROJECT]`` / ``report-editor --sample``.

Creates the QApplication (organisation and application name for QSettings, version), installs the
translation (zh_CN by default), offers to restore work left by a crash, and opens one window: the
given project, a copy of the bundled sample, or a new report from the ``fzzf-annual`` template.

Two environment variables serve the benchmarks and the screenshot (not for users):
``REPORT_EDITOR_EXIT_WHEN_SHOWN=1`` quits as soon as the window is shown and painted;
``REPORT_EDITOR_SCREENSHOT=PATH`` saves a picture of the window to PATH first.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from typing import Optional, Sequence

_T0 = time.perf_counter()

ORGANISATION = "fzbg"
APPLICATION = "report-editor"


def _parse(argv: Sequence[str]) -> argparse.Namespace:
    from .cli import WindowArgumentParser

    p = WindowArgumentParser(prog="report-editor", description="法治政府建设年度报告编辑器。打开编辑窗口；"
                             "命令行子命令（导出、检查等）见 report-editor --help。", add_help=False)
    p.add_argument("-h", "--help", action="help", help="显示帮助并退出")
    p.add_argument("project", nargs="?", metavar="项目文件", help="要打开的项目文件（.fzbg）")
    p.add_argument("--sample", action="store_true", help="打开示例报告（东莞市司法局 2022 年）的副本")
    p.add_argument("--template", default=None, metavar="模板", help="以指定模板新建报告")
    p.add_argument("--lang", choices=("zh_CN", "en"), default=None, help="界面语言（默认按设置，通常为简体中文）")
    return p.parse_args(list(argv))


_C_LOCALES = ("", "C", "POSIX", "C.UTF-8", "C.utf8")


def prepare_locale_environment(language: Optional[str] = None) -> bool:
    """Call before PySide6 is imported. Qt's file dialog writes dates in the *system* locale, read
    once from the environment; under the C locale (servers, minimal desktops) that gives
    "1 12 2026 09:43". Unless English was asked for, a C locale for dates becomes zh_CN for this
    process ("2026/12/1 09:43"). Returns True when it changed the environment."""
    if language == "en":
        return False
    key = "LC_ALL" if os.environ.get("LC_ALL") else "LC_TIME" if os.environ.get("LC_TIME") else "LANG"
    if os.environ.get(key, "") not in _C_LOCALES:
        return False
    os.environ["LC_ALL" if key == "LC_ALL" else "LC_TIME"] = "zh_CN.UTF-8"
    return True


def _app_title() -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("Application", "Annual Report Editor")


def create_application(argv: Sequence[str] = ()):
    from PySide6.QtWidgets import QApplication

    from . import __version__

    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0] if sys.argv else "report-editor", *argv])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(_app_title())
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("report-editor")
    from PySide6.QtGui import QFont, QFontDatabase

    families = set(QFontDatabase.families())
    for family in ("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei"):
        if family in families:  # a sans-serif CJK face for the interface (the preview uses its own fonts)
            font = QFont(app.font())
            font.setFamilies([app.font().family(), family])
            app.setFont(font)
            break
    try:
        from .paths import resources_dir
        from PySide6.QtGui import QIcon

        icon = resources_dir() / "icons" / "report-editor.svg"
        if icon.is_file():
            app.setWindowIcon(QIcon(str(icon)))
    except (FileNotFoundError, ImportError):
        pass
    return app


def install_translation(app, language: Optional[str] = None) -> str:
    try:
        from .ui.i18n import install_translator
    except ImportError:  # pragma: no cover - the translation module is optional
        return "en"
    return install_translator(app, language)


def _install_error_hook():
    """Exceptions that escape a Qt slot are bugs: log them and say so in a dialog naming the log file;
    the window stays open with the user's work (no traceback on the console)."""
    previous = sys.excepthook
    showing = []

    def hook(kind, error, tb):
        if issubclass(kind, KeyboardInterrupt):
            return previous(kind, error, tb)
        try:
            from PySide6.QtWidgets import QMessageBox

            from .errors import log_unexpected, unexpected_error_message

            if showing:  # an error while the dialog is up (e.g. in a paint event): log it only
                log_unexpected(error.with_traceback(tb), "slot")
                return None
            showing.append(True)
            try:
                QMessageBox.critical(None, _app_title(), unexpected_error_message(error.with_traceback(tb), "slot"))
            finally:
                showing.clear()
        except Exception:  # noqa: BLE001 - the hook must never raise
            previous(kind, error, tb)

    sys.excepthook = hook
    return previous


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Start the window. Everything read at start (recovery copies, locks, the project, settings) goes
    through guarded paths: a problem becomes a Chinese dialog naming the file, never a traceback."""
    from .sysenv import utf8_output

    utf8_output()
    argv = list(sys.argv[1:] if argv is None else argv)
    args = _parse(argv)
    prepare_locale_environment(args.lang)  # before Qt is imported: dates in Qt's file dialog
    app = create_application([])
    install_translation(app, args.lang)
    app.setApplicationDisplayName(_app_title())  # again, now in the interface language
    previous_hook = _install_error_hook()
    try:
        return _start(app, args)
    except Exception as e:  # noqa: BLE001 - the guard of the start: a dialog naming the log, never a traceback
        from PySide6.QtWidgets import QMessageBox

        from .errors import unexpected_error_message

        message = unexpected_error_message(e, "start " + " ".join(argv))
        try:
            from .ui.main_window import open_windows

            for w in open_windows():  # leave no lock behind
                if w.lock is not None:
                    w.lock.release()
        except Exception:  # noqa: BLE001
            pass
        QMessageBox.critical(None, _app_title(), message)
        return 1
    finally:
        sys.excepthook = previous_hook
        server = getattr(app, "_report_editor_instance", None)
        if server is not None:
            server.close()
            app._report_editor_instance = None  # type: ignore[attr-defined]


def _start(app, args) -> int:
    from .errors import ReportEditorError
    from .templates import load_template
    from .ui.document import ReportDocument
    from .ui.main_window import MainWindow, offer_recovery, open_project_window
    from PySide6.QtWidgets import QMessageBox

    from .ui.instance import InstanceServer, raise_in_other_instance

    if args.project and raise_in_other_instance(args.project):
        return 0  # already open in another running copy of the program: its window came forward
    app._report_editor_instance = InstanceServer(app)  # type: ignore[attr-defined]
    windows = offer_recovery() if not os.environ.get("REPORT_EDITOR_EXIT_WHEN_SHOWN") else []
    window = None
    if args.project:
        window = open_project_window(args.project)
        if window is None and not windows:
            return 1
    elif args.sample or args.template:
        try:
            report = load_template("sample-dongguan-2022" if args.sample else args.template)
        except ReportEditorError as e:
            QMessageBox.critical(None, _app_title(), e.message)
            return 1
        window = MainWindow(ReportDocument(report))
    elif not windows:
        window = MainWindow(None)
    for w in windows + ([window] if window is not None else []):
        w.show()

    shown = window or windows[0]
    if os.environ.get("REPORT_EDITOR_EXIT_WHEN_SHOWN") or os.environ.get("REPORT_EDITOR_SCREENSHOT"):
        from PySide6.QtCore import QTimer

        def finish():
            if shown.preview is not None:
                shown.preview.refresh_now()
            app.processEvents()
            path = os.environ.get("REPORT_EDITOR_SCREENSHOT")
            if path:
                # show a body text with metric chips, as a user would see it while writing
                for _section, chain in shown.doc.report.iter_items():
                    if any("{{" in b for b in chain[-1].body):
                        shown.outline.select(chain[-1].id)
                        break
                app.processEvents()
                from PySide6.QtGui import QImage

                image = shown.grab().toImage().convertToFormat(QImage.Format.Format_Indexed8)
                image.save(path, "PNG", 0)
            print(f"shown after {time.perf_counter() - _T0:.3f} s", flush=True)
            for w in list(windows) + [shown]:
                w.doc.undo_stack.setClean()
                w.close()
            app.quit()

        QTimer.singleShot(0, finish)
    return app.exec()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
