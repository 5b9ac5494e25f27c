"""The problems panel: the findings of the proofreading checks for the open report.

Checks run on a snapshot of the report in a worker thread, a short while after the last edit
(debounced), so typing never waits for them; a newer edit simply schedules another run. Double-click
emits :attr:`ProblemsPanel.gotoRequested` with the finding's :class:`~editor.model.FieldRef`.
"Fix" and "Fix all" apply fixes through undo commands grouped in one macro: one undo step.

Findings from elsewhere (the importer's) are shown with :meth:`ProblemsPanel.set_extra_findings`.

Double-click also selects the offending text (the finding's span) in the field's editor once the window
has put the cursor there. The context menu offers 忽略此处 / 忽略此类 (kept in the project's
``check_ignores`` through the undo stack), 加入用户词典 for a flagged term (the user's dictionary lives in
``QSettings`` under :data:`USER_TERMS_KEY` and is passed to the checks) and restoring the ignored ones.
Notices that hold for every project on this computer (official fonts not installed) are collapsed into
one line whose details unfold on demand.
"""

from __future__ import annotations

import time
from typing import Iterable, Optional

from PySide6.QtCore import QObject, QSettings, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..checks import Finding, StaleFixError, fix_all, ignore_here, ignore_kind, run_checks, verify_fix
from ..checks.rules_import import dismissed_findings, is_import_finding
from ..model import FieldRef, get_field
from ..model.tokens import TOKEN_RE
from . import i18n  # noqa: F401 - applies the PySide6 None-refcount guard
from .document import ReportDocument
from .wheel import guard_widget

SEVERITY_COLOURS = {"error": QColor("#c62828"), "warning": QColor("#a66300"), "info": QColor("#1f5fa8")}
FINDING_ROLE = Qt.ItemDataRole.UserRole + 1
USER_TERMS_KEY = "checks/user_terms"  # the user's dictionary, in the format of resources/terms
#: findings that say the same about every project on this computer: one line, details on demand
MACHINE_CODES = ("format.font_missing",)
IGNORES = FieldRef("report", "check_ignores")


def user_terms(settings: Optional[QSettings]) -> str:
    if settings is None:
        return ""
    value = settings.value(USER_TERMS_KEY, "")
    if isinstance(value, (list, tuple)):
        value = "\n".join(str(v) for v in value)
    return str(value or "")


def add_user_term(settings: QSettings, line: str) -> None:
    lines = [ln for ln in user_terms(settings).splitlines() if ln.strip()]
    if line not in lines:
        lines.append(line)
    settings.setValue(USER_TERMS_KEY, "\n".join(lines))


class _Relay(QObject):
    """Carries results from the worker thread to the window thread (queued connection)."""

    done = Signal(int, object, float)  # revision, findings or exception, seconds


class ProblemsPanel(QWidget):
    #: the user asked to go to the field of a finding (double-click)
    gotoRequested = Signal(object)
    #: the list was updated with new findings
    refreshed = Signal()

    def __init__(self, doc: ReportDocument, parent: Optional[QWidget] = None, *, delay_ms: int = 400,
                 settings: Optional[QSettings] = None):
        super().__init__(parent)
        self.doc = doc
        # the window's settings (tests pass their own); None: no user dictionary
        self.settings = settings if settings is not None else getattr(parent, "settings", None)
        self.findings: list[Finding] = []
        self.extra_findings: list[Finding] = []
        self.last_duration = 0.0  # seconds the last check run took (in the worker)
        self._running = False
        self._pending = False
        self._shown_revision = -1
        self._closed = False
        self._sized = False  # the "Where" column is fitted to its content once

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.refresh)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)

        self.filter_box = QComboBox(self)
        self.filter_box.addItem(self.tr("All"), None)
        self.filter_box.addItem(self.tr("Errors"), "error")
        self.filter_box.addItem(self.tr("Warnings"), "warning")
        self.filter_box.addItem(self.tr("Notes"), "info")
        self.filter_box.currentIndexChanged.connect(self._fill)
        guard_widget(self.filter_box)  # a wheel turn passing over it does not switch the filter
        self.summary = QLabel(self)
        self.fix_button = QPushButton(self.tr("Fix"), self)
        self.fix_button.setToolTip(self.tr("Apply the suggested correction to the selected problem"))
        self.fix_all_button = QPushButton(self.tr("Fix all"), self)
        self.fix_all_button.setToolTip(self.tr("Apply every suggested correction (one undo step)"))
        self.recheck_button = QPushButton(self.tr("Check again"), self)
        # 忽略 = 忽略此处 for any finding: a proofreading finding is ignored at its place (check_ignores), an
        # import finding is dismissed (Report.import_findings); the context menu has the other choices
        self.dismiss_button = QPushButton(self.tr("Ignore"), self)
        self.dismiss_button.setObjectName("dismissImportFinding")
        self.dismiss_button.setToolTip(self.tr("Ignore the selected problem here (can be undone; right-click for more choices)"))
        self.dismiss_button.clicked.connect(self.ignore_selected)
        self.dictionary_button = QPushButton(self.tr("User dictionary…"), self)
        self.dictionary_button.setObjectName("userDictionaryButton")
        self.dictionary_button.setToolTip(self.tr("Terms and exceptions of your organisation, used by the wording checks"))
        self.dictionary_button.clicked.connect(self.edit_dictionary)
        self.dictionary_button.setVisible(self.settings is not None)
        self.fix_button.clicked.connect(self.fix_selected)
        self.fix_all_button.clicked.connect(self.fix_everything)
        self.recheck_button.clicked.connect(self.refresh)

        self.tree = QTreeWidget(self)
        self.tree.setObjectName("problemsList")
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("Type"), self.tr("Where"), self.tr("Problem")])
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setWordWrap(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.tree.itemDoubleClicked.connect(self._on_double_click)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.tree.itemSelectionChanged.connect(self._update_buttons)

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.filter_box)
        bar.addWidget(self.summary, 1)
        bar.addWidget(self.fix_button)
        bar.addWidget(self.fix_all_button)
        bar.addWidget(self.dismiss_button)
        bar.addWidget(self.recheck_button)
        bar.addWidget(self.dictionary_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(bar)
        layout.addWidget(self.tree)

        doc.contentChanged.connect(self.schedule)
        self._update_buttons()
        self.schedule()

    # ------------------------------------------------------------------ running the checks
    def schedule(self) -> None:
        """Check again after the debounce delay (restarted by every edit)."""
        self._timer.start()

    def refresh(self) -> None:
        """Check a snapshot of the report now, in the worker thread."""
        self._timer.stop()
        if self._closed:
            return
        if self._running:
            self._pending = True
            return
        self._running = True
        revision = self.doc.revision
        # The snapshot is the report serialised here (fast, ~8 ms for a report 50x the sample) and
        # rebuilt in the worker, so the window thread never pays for a deep copy.
        data = self.doc.report.model_dump_json()
        report_type = type(self.doc.report)
        relay = self._relay
        terms = user_terms(self.settings) or None

        def work() -> None:
            t0 = time.perf_counter()
            try:
                result: object = run_checks(report_type.model_validate_json(data), user_terms=terms)
            except Exception as e:  # noqa: BLE001 - reported in the panel, never lost silently
                result = e
            try:
                relay.done.emit(revision, result, time.perf_counter() - t0)
            except BaseException:  # noqa: BLE001 - the panel was closed meanwhile; never raise into Qt
                pass

        self._pool.start(work)

    def _on_done(self, revision: int, result: object, seconds: float) -> None:
        self._running = False
        if self._closed:
            return
        self.last_duration = seconds
        if isinstance(result, Exception):
            self.findings = []
            self.summary.setText(self.tr("The checks failed: %s") % result)
        else:
            self.findings = list(result)
            self._shown_revision = revision
            self._fill()
        if self._pending or revision != self.doc.revision:
            self._pending = False
            self.schedule()
        self.refreshed.emit()

    def shutdown(self) -> None:
        """Stop checking (before the window closes): no new runs, wait for the running one."""
        if self._closed:
            return
        self._closed = True
        self._timer.stop()
        try:
            self.doc.contentChanged.disconnect(self.schedule)
        except (RuntimeError, TypeError):
            pass
        self._pool.waitForDone(10000)

    def wait_idle(self, timeout_ms: int = 5000) -> bool:
        """Wait for a running check (tests and shutdown)."""
        return self._pool.waitForDone(timeout_ms)

    def set_extra_findings(self, findings: Iterable[Finding]) -> None:
        """Findings computed elsewhere (e.g. at import) shown above the checks' own."""
        self.extra_findings = list(findings)
        self._fill()

    @property
    def is_current(self) -> bool:
        """True when the list shows the findings of the report as it is now."""
        return self._shown_revision == self.doc.revision and not self._running

    # ------------------------------------------------------------------ list
    def all_findings(self) -> list[Finding]:
        return self.extra_findings + self.findings

    def _severity_text(self, severity: str) -> str:
        return {"error": self.tr("Error"), "warning": self.tr("Warning"), "info": self.tr("Note")}[severity]

    def _item(self, f: Finding) -> QTreeWidgetItem:
        text = self._severity_text(f.severity) + (" ✎" if f.fix is not None else "")
        item = QTreeWidgetItem([text, f.where, f.message])
        item.setForeground(0, QBrush(SEVERITY_COLOURS[f.severity]))
        item.setToolTip(2, f.message + (("\n" + self.tr("Fix: %s") % f.fix.description) if f.fix else ""))
        item.setData(0, FINDING_ROLE, f)
        return item

    def _fill(self) -> None:
        wanted = self.filter_box.currentData()
        selected = self.selected_finding()
        self.tree.setUpdatesEnabled(False)
        self.tree.clear()
        items = []
        reselect = None
        shown = [f for f in self.all_findings() if wanted is None or f.severity == wanted]
        machine = [f for f in shown if f.code in MACHINE_CODES]
        group = None
        if len(machine) > 1:
            group = QTreeWidgetItem([self._severity_text("info"), self.tr("This computer"),
                                     self.tr("%1 official fonts are not installed on this computer; the exported "
                                             "file is not affected (expand for details)").replace("%1", str(len(machine)))])
            group.setForeground(0, QBrush(SEVERITY_COLOURS["info"]))
            group.setToolTip(2, "\n".join(f.message for f in machine))
        for f in shown:
            item = self._item(f)
            if group is not None and f.code in MACHINE_CODES:
                group.addChild(item)
                if group not in items:
                    items.append(group)
            else:
                items.append(item)
            if selected is not None and _same(selected, f):
                reselect = item
        self.tree.addTopLevelItems(items)
        if items and not self._sized:
            self._sized = True
            self.tree.resizeColumnToContents(1)
            self.tree.setColumnWidth(1, min(self.tree.columnWidth(1) + 12, 260))
        if reselect is not None:
            self.tree.setCurrentItem(reselect)
        self.tree.setUpdatesEnabled(True)
        counts = {s: sum(1 for f in self.all_findings() if f.severity == s) for s in ("error", "warning", "info")}
        text = (self.tr("%1 errors, %2 warnings, %3 notes")
                .replace("%1", str(counts["error"])).replace("%2", str(counts["warning"]))
                .replace("%3", str(counts["info"])))
        ignored = self.ignored_count()
        if ignored:
            text += self.tr(" (%1 ignored)").replace("%1", str(ignored))
        self.summary.setText(text)
        self._update_buttons()

    def _all_items(self) -> list[QTreeWidgetItem]:
        out = []
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            out.append(top)
            out.extend(top.child(k) for k in range(top.childCount()))
        return out

    def visible_findings(self) -> list[Finding]:
        """The findings listed (those inside a collapsed group included), in list order."""
        return [f for f in (it.data(0, FINDING_ROLE) for it in self._all_items()) if f is not None]

    def selected_finding(self) -> Optional[Finding]:
        item = self.tree.currentItem()
        return item.data(0, FINDING_ROLE) if item is not None else None

    def select_finding(self, finding: Finding) -> None:
        for item in self._all_items():
            if item.data(0, FINDING_ROLE) is finding:
                self.tree.setCurrentItem(item)
                return

    def _update_buttons(self) -> None:
        f = self.selected_finding()
        self.fix_button.setEnabled(f is not None and f.fix is not None)
        self.dismiss_button.setEnabled(f is not None and self._can_ignore(f))
        self.fix_all_button.setEnabled(
            any(x.fix is not None and x.fix.certain and x.severity != "info" for x in self.findings))

    def _on_double_click(self, item: QTreeWidgetItem, _column: int) -> None:
        f = item.data(0, FINDING_ROLE)
        if f is not None and f.ref is not None:
            self.gotoRequested.emit(f.ref)
            if f.span is not None:
                self.select_span(f)

    def select_span(self, f: Finding) -> bool:
        """Select the finding's span in the focused editor of its field (after the window went there)."""
        from .textedit import TokenTextEdit

        w = QApplication.focusWidget()
        if not isinstance(w, TokenTextEdit) or f.span is None:
            return False
        if (w.ref.node, w.ref.field) != (f.ref.node, f.ref.field):
            return False
        try:
            raw = get_field(self.doc.report, f.ref)
        except (KeyError, IndexError, AttributeError):
            return False
        if not isinstance(raw, str):
            return False
        start, end = f.span
        if raw[start:end] != f.excerpt:
            return False  # the text changed since the check: leave the cursor where the window put it
        block_no = f.ref.index if (f.ref.index is not None and w.ref.index is None) else 0
        # a one-string field with line breaks (a title) is one block per line
        block_no += raw.count("\n", 0, start)
        line_start = raw.rfind("\n", 0, start) + 1
        line = raw[line_start:]
        block = w.document().findBlockByNumber(block_no)
        if not block.isValid():
            return False

        def doc_pos(i: int) -> int:  # a token is one character (a chip) in the editor
            i -= line_start
            shrink = sum(len(m.group(0)) - 1 for m in TOKEN_RE.finditer(line) if m.end() <= i)
            return block.position() + i - shrink

        cursor = w.textCursor()
        cursor.setPosition(doc_pos(start))
        cursor.setPosition(doc_pos(end), QTextCursor.MoveMode.KeepAnchor)
        w.setTextCursor(cursor)
        w.ensureCursorVisible()
        return True

    # ------------------------------------------------------------------ ignoring, user dictionary
    def _context_menu(self, pos) -> None:
        item = self.tree.itemAt(pos)
        f = item.data(0, FINDING_ROLE) if item is not None else None
        menu = self.context_menu(f)
        if menu is not None:
            menu.exec(self.tree.viewport().mapToGlobal(pos))

    def context_menu(self, f: Optional[Finding]) -> Optional[QMenu]:
        """The menu for finding ``f`` (None: the list's own actions); built here so tests can use it."""
        menu = QMenu(self)
        if f is not None:
            if f.fix is not None:
                act = menu.addAction(self.tr("Fix: %s") % f.fix.description)
                act.setObjectName("actionFixProblem")
                act.triggered.connect(lambda: (self.select_finding(f), self.fix_selected()))
            if is_import_finding(f):
                here = menu.addAction(self.tr("Ignore here"))
                here.setObjectName("actionIgnoreHere")
                here.triggered.connect(lambda: (self.select_finding(f), self.dismiss_selected()))
            elif self._can_ignore(f):
                here = menu.addAction(self.tr("Ignore here"))
                here.setObjectName("actionIgnoreHere")
                here.triggered.connect(lambda: self.ignore(f, kind=False))
                if f.excerpt and f.span is not None and len(f.excerpt) <= 20:
                    word = menu.addAction(self.tr("Ignore “%1” everywhere in this report").replace("%1", f.excerpt))
                    word.setObjectName("actionIgnoreText")
                    word.triggered.connect(lambda: self.ignore(f, kind=False, everywhere=True))
                kind = menu.addAction(self.tr("Ignore this kind"))
                kind.setObjectName("actionIgnoreKind")
                kind.triggered.connect(lambda: self.ignore(f, kind=True))
            if f.code == "word.term" and f.excerpt and self.settings is not None:
                add = menu.addAction(self.tr("Add “%1” to the user dictionary").replace("%1", f.excerpt))
                add.setObjectName("actionAddUserTerm")
                add.triggered.connect(lambda: self.add_to_dictionary(f))
        if self.ignored_count():
            menu.addSeparator()
            restore = menu.addAction(self.tr("Show ignored problems again (%1)")
                                     .replace("%1", str(self.ignored_count())))
            restore.setObjectName("actionRestoreIgnored")
            restore.triggered.connect(self.restore_ignored)
        return menu if menu.actions() else None

    def ignore(self, f: Finding, *, kind: bool, everywhere: bool = False) -> None:
        """忽略此处 / 忽略此类 (or this text wherever this rule flags it): kept in the project file, one undo step."""
        new = ignore_kind(f) if kind else ignore_here(f)
        if everywhere and not kind:
            new = new.model_copy(update={"where": ""})
        ignores = list(self.doc.report.check_ignores)
        if new in ignores:
            return
        label = self.tr("Ignore this kind of problem") if kind else self.tr("Ignore a problem")
        self.doc.set_field(IGNORES, ignores + [new], label, merge=False)
        self.refresh()

    def ignored_count(self) -> int:
        """Ignored proofreading findings and dismissed import findings."""
        report = self.doc.report
        return len(report.check_ignores) + sum(1 for f in report.import_findings if f.dismissed)

    @staticmethod
    def _can_ignore(f: Finding) -> bool:
        return is_import_finding(f) or (not f.code.startswith("import.") and f.ref is not None)

    def ignore_selected(self) -> bool:
        """忽略 (the button): the selected finding is ignored here, whichever part of the program found it."""
        f = self.selected_finding()
        if f is None or not self._can_ignore(f):
            return False
        if is_import_finding(f):
            return self.dismiss_selected()
        self.ignore(f, kind=False)
        return True

    def restore_ignored(self) -> None:
        """Show every ignored finding again (proofreading ignores and dismissed import findings): one undo step."""
        report = self.doc.report
        dismissed = [f for f in report.import_findings if f.dismissed]
        if not report.check_ignores and not dismissed:
            return
        stack = self.doc.undo_stack
        stack.beginMacro(self.tr("Show ignored problems again"))
        try:
            if report.check_ignores:
                self.doc.set_field(IGNORES, [], merge=False)
            if dismissed:
                shown = [f.model_copy(update={"dismissed": False}) for f in report.import_findings]
                self.doc.set_field(FieldRef("report", "import_findings"), shown, merge=False)
        finally:
            stack.endMacro()
        self.refresh()

    def edit_dictionary(self) -> bool:
        """Edit the user's dictionary (kept in the settings); True when it was saved."""
        if self.settings is None:
            return False
        dialog = UserDictionaryDialog(user_terms(self.settings), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        self.settings.setValue(USER_TERMS_KEY, dialog.text())
        self.refresh()
        return True

    def add_to_dictionary(self, f: Finding) -> None:
        """The flagged text is right for this organisation: an exception in the user's dictionary."""
        if self.settings is None or not f.excerpt:
            return
        add_user_term(self.settings, "!" + f.excerpt)
        self.refresh()

    # ------------------------------------------------------------------ fixes
    def fix_selected(self) -> bool:
        """Apply the selected finding's fix as one undo step; False when it no longer applies."""
        f = self.selected_finding()
        if f is None or f.fix is None:
            return False
        fix = f.fix
        try:
            verify_fix(self.doc.report, fix)  # raises when the field changed since the check
        except StaleFixError as e:
            self.summary.setText(e.message)
            self.refresh()
            return False
        stack = self.doc.undo_stack
        stack.beginMacro(self.tr("Fix: %s") % fix.description)
        try:
            self.doc.set_field(fix.ref, fix.new_value, merge=False)
        finally:
            stack.endMacro()
        self.refresh()
        return True

    def dismiss_selected(self) -> bool:
        """Mark the selected import finding dismissed (Report.import_findings) as one undo step."""
        f = self.selected_finding()
        new = dismissed_findings(self.doc.report, f) if f is not None else None
        if new is None:
            return False
        self.doc.set_field(FieldRef("report", "import_findings"), new, self.tr("Ignore a problem"), merge=False)
        self.refresh()
        return True

    def fix_everything(self) -> int:
        """Apply every fix (errors and warnings) as one undo step; returns the number of fields changed."""
        trial = self.doc.snapshot()
        changed = fix_all(trial)
        if not changed:
            return 0
        stack = self.doc.undo_stack
        stack.beginMacro(self.tr("Fix all problems"))
        try:
            for ref in changed:
                self.doc.set_field(ref, get_field(trial, ref), merge=False)
        finally:
            stack.endMacro()
        self.refresh()
        return len(changed)


class UserDictionaryDialog(QDialog):
    """The user's dictionary as text, in the format of the built-in term lists; checked before saving."""

    def __init__(self, text: str, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.setObjectName("userDictionaryDialog")
        self.setWindowTitle(self.tr("User dictionary"))
        help_label = QLabel(self.tr(
            "One entry per line. A fixed term of your organisation (e.g. 莞邑调解): a character typed with the "
            "same sound is flagged. A wrong form and its right form: 错误写法 => 正确写法. An exception that is "
            "never flagged: !文字. Lines starting with # are comments."), self)
        help_label.setWordWrap(True)
        self.edit = QPlainTextEdit(self)
        self.edit.setObjectName("userDictionaryText")
        self.edit.setPlainText(text)
        self.error = QLabel(self)
        self.error.setObjectName("userDictionaryError")
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(help_label)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(520, 380)

    def text(self) -> str:
        return self.edit.toPlainText().strip()

    def accept(self) -> None:
        from ..checks.terms import parse_terms

        try:
            parse_terms(self.text(), self.tr("User dictionary"))
        except ValueError as e:
            self.error.setText(str(e))
            return
        super().accept()


def _same(a: Finding, b: Finding) -> bool:
    return a.code == b.code and a.ref == b.ref and a.message == b.message
