"""A model-based test of editing text fields that hold figures (issue 8).

:class:`EditingRun` drives the real main window with real key, mouse, clipboard, drop and input-method
events, chosen by a seeded random generator, and keeps a model of every text field it touches: a list of
atoms per field (one character, a whole figure token such as ``{{m:m-1}}``, or ``"\\n"`` between
paragraphs). One atom is one position of the Qt document, so the model also predicts the cursor.

After every step it checks that the model and the program agree:

* every modelled field of the report equals the model (the undo commands changed exactly what the user
  changed);
* the editor on screen shows the model: its source equals the field, it has one chip per figure atom and no
  object character without its chip format (a figure silently dropped);
* the cursor and the selection are where the model put them (for moves the model predicts);
* after Undo or Redo the report is the state recorded for that undo-stack position, i.e. undo steps go back
  through states the user really saw, in order; the metrics never change;
* the clipboard holds the copied source and, as text for other programs, its rendering.

Every ``checkpoint_every`` steps: undo everything (Ctrl+Z in the editor) and compare every field with the
start, redo everything (Ctrl+Shift+Z) and compare with the state before; and the preview shows the fields.

Used by ``tests/ui/test_editing_model.py`` (CI, ≥ 2,000 steps) and ``tests/perf/run_editing_model.py``
(the long run).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Callable, Optional

from PySide6.QtCore import QTimer, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from editor.model import FieldRef, render_text
from editor.model.tokens import split_tokens
from editor.ui.textedit import SOURCE_MIME, TokenTextEdit

import uihelpers_edit as ui

SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier
NONE = Qt.KeyboardModifier.NoModifier
TYPED = "法治政府建设依法行政复议案件年度报告，。；、abcXYZ0123 "
IME_WORDS = [("fazhi", "法治"), ("xingzheng", "行政"), ("fuyi", "复议"), ("an", "案"), ("gongzuo", "工作")]


class ModelMismatch(AssertionError):
    pass


def atoms_of(value) -> list[str]:
    paras = value if isinstance(value, list) else [value or ""]
    out: list[str] = []
    for i, para in enumerate(paras):
        if i:
            out.append("\n")
        for piece, tok in split_tokens(para):
            out.extend([piece] if tok is not None else list(piece))
    return out


def value_of(atoms: list[str], is_list: bool):
    text = "".join(atoms)
    return text.split("\n") if is_list else text


def is_token(atom: str) -> bool:
    return atom.startswith("{{")


@dataclass
class Stats:
    steps: int = 0
    checks: int = 0
    ops: dict = field(default_factory=dict)
    undo_all: int = 0

    def op(self, name: str) -> None:
        self.ops[name] = self.ops.get(name, 0) + 1


class EditingRun:
    """Random editing of the items ``item_ids`` (lead and body of each) in ``window``."""

    def __init__(self, window, item_ids: list[str], seed: int, *, checkpoint_every: int = 250,
                 log: Optional[Callable[[str], None]] = None):
        self.w = window
        self.doc = window.doc
        self.rng = random.Random(seed)
        self.seed = seed
        self.items = item_ids
        self.checkpoint_every = checkpoint_every
        self.stats = Stats()
        self.trail: list[str] = []  # the last steps, for a failure message
        self.log = log
        self.refs = [FieldRef(i, f) for i in item_ids for f in ("lead", "body")]
        self.model = {r: atoms_of(self.doc.get(r)) for r in self.refs}
        self.start = {r: list(a) for r, a in self.model.items()}
        self.metrics = self.doc.report.model_dump()["metrics"]
        self.history = [self._snapshot()]  # model state after k commands of the undo stack
        assert self.doc.undo_stack.index() == 0, "start with an empty undo stack"
        self.clip: Optional[list[str]] = None
        QApplication.clipboard().clear()  # the model starts with an empty clipboard
        self.item = item_ids[0]
        self._show(self.item, "body")

    # ------------------------------------------------------------------ helpers
    def _snapshot(self) -> dict:
        return {r: list(a) for r, a in self.model.items()}

    @property
    def edit(self) -> TokenTextEdit:
        return self._edit

    def _show(self, item_id: str, field_name: str) -> None:
        if self.w.form_area.node_id != item_id:
            self.w.outline.select(item_id)
        self.item = item_id
        form = self.w.form_area.form
        self._edit = form.lead if field_name == "lead" else form.body
        self.ref = FieldRef(item_id, field_name)
        ui.click(self._edit, self._len())  # the user clicks into the field (at its end)
        self._sync_cursor()

    def _len(self) -> int:
        return len(self.model[self.ref])

    def _sync_cursor(self) -> None:
        c = self.edit.textCursor()
        self.pos, self.anchor = c.position(), c.anchor()
        n = self._len()
        self.check(0 <= self.pos <= n and 0 <= self.anchor <= n, "cursor outside the text")

    def _sel(self) -> tuple[int, int]:
        return min(self.pos, self.anchor), max(self.pos, self.anchor)

    def _replace(self, atoms: list[str]) -> None:
        """The model of typing/pasting ``atoms`` over the selection."""
        s, e = self._sel()
        self.model[self.ref][s:e] = atoms
        self.pos = self.anchor = s + len(atoms)

    def _is_list(self, ref: FieldRef) -> bool:
        return ref.field == "body"

    def key(self, key, mods=NONE) -> None:
        QTest.keyClick(self.edit, key, mods)

    def check(self, ok: bool, what: str) -> None:
        self.stats.checks += 1
        if not ok:
            stack = self.doc.undo_stack
            raise ModelMismatch(f"seed {self.seed}, step {self.stats.steps}: {what}\n"
                                f"undo stack index {stack.index()} of {stack.count()}, "
                                f"{len(self.history)} states recorded\nlast steps:\n  "
                                + "\n  ".join(self.trail[-15:]))

    # ------------------------------------------------------------------ invariants
    def verify(self, *, cursor: bool) -> None:
        report = self.doc.report
        for ref, atoms in self.model.items():
            self.check(self.doc.get(ref) == value_of(atoms, self._is_list(ref)),
                       f"report field {ref.node}.{ref.field} = {self.doc.get(ref)!r}, "
                       f"model {value_of(atoms, self._is_list(ref))!r}")
        form = self.w.form_area.form
        for name in ("lead", "body"):
            ed = getattr(form, name)
            ref = FieldRef(form.node_id, name)
            if ref not in self.model:
                continue
            atoms = self.model[ref]
            self.check(ed.source() == "\n".join(value_of(atoms, True)) if name == "body"
                       else ed.source() == "".join(atoms), f"editor {name} shows {ed.source()!r}")
            self.check(ui.orphan_objects(ed) == 0, f"editor {name}: a figure lost its chip")
            self.check(len(ui.chips(ed)) == sum(map(is_token, atoms)), f"editor {name}: chip count")
        if cursor:
            c = self.edit.textCursor()
            self.check((c.position(), c.anchor()) == (self.pos, self.anchor),
                       f"cursor {(c.position(), c.anchor())}, model {(self.pos, self.anchor)}")
        self.check(report.model_dump()["metrics"] == self.metrics, "metrics changed")
        idx = self.doc.undo_stack.index()
        self.check(idx < len(self.history) and self.history[idx] == self.model,
                   f"undo stack position {idx} does not hold the state the model recorded")

    def _record_edit(self) -> None:
        """After an edit: the undo stack position now holds the current model state."""
        idx = self.doc.undo_stack.index()
        self.history = self.history[:idx] + [self._snapshot()]

    def _after_undo_redo(self) -> None:
        idx = self.doc.undo_stack.index()
        self.check(idx < len(self.history), "undo stack longer than the recorded history")
        self.model = {r: list(a) for r, a in self.history[idx].items()}
        self._sync_cursor()

    # ------------------------------------------------------------------ operations
    def op_type(self) -> None:
        text = "".join(self.rng.choice(TYPED) for _ in range(self.rng.randint(1, 4)))
        for ch in text:
            ui_type(self.edit, ch)
            self._replace([ch])

    def op_backspace(self) -> None:
        s, e = self._sel()
        self.key(Qt.Key.Key_Backspace)
        if s != e:
            self._replace([])
        elif s > 0:
            del self.model[self.ref][s - 1]
            self.pos = self.anchor = s - 1

    def op_delete(self) -> None:
        s, e = self._sel()
        self.key(Qt.Key.Key_Delete)
        if s != e:
            self._replace([])
        elif s < self._len():
            del self.model[self.ref][s]

    def op_enter(self) -> None:
        self.key(Qt.Key.Key_Return)
        if self._is_list(self.ref):
            self._replace(["\n"])

    def op_shift_arrow(self) -> None:
        right = self.rng.random() < 0.5
        for _ in range(self.rng.randint(1, 3)):
            self.key(Qt.Key.Key_Right if right else Qt.Key.Key_Left, SHIFT)
            self.pos = min(self._len(), self.pos + 1) if right else max(0, self.pos - 1)

    def op_navigate(self) -> None:
        keys = [Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Home, Qt.Key.Key_End, Qt.Key.Key_Up, Qt.Key.Key_Down]
        key = self.rng.choice(keys)
        mods = self.rng.choice([NONE, SHIFT, CTRL, CTRL | SHIFT])
        self.key(key, mods)
        self._sync_cursor()

    def op_select_all(self) -> None:
        self.key(Qt.Key.Key_A, CTRL)
        self.anchor, self.pos = 0, self._len()

    def _copy_model(self) -> None:
        s, e = self._sel()
        if s != e:
            self.clip = list(self.model[self.ref][s:e])

    def op_copy(self) -> None:
        self.key(Qt.Key.Key_C, CTRL)
        self._copy_model()
        self._check_clipboard()

    def op_cut(self) -> None:
        self.key(Qt.Key.Key_X, CTRL)
        self._copy_model()
        if self.pos != self.anchor:
            self._replace([])
        self._check_clipboard()

    def _check_clipboard(self) -> None:
        if self.clip is None:
            return
        data = QApplication.clipboard().mimeData()
        source = "".join(self.clip)
        self.check(bytes(data.data(SOURCE_MIME)).decode("utf-8") == source, "clipboard source")
        self.check(data.text() == render_text(source, self.doc.report.metrics), "clipboard text for other programs")

    def op_paste(self) -> None:
        self.key(Qt.Key.Key_V, CTRL)
        if self.clip is None:
            return
        atoms = self.clip if self._is_list(self.ref) else [a for a in self.clip if a != "\n"]
        if atoms:  # a clipboard with only a paragraph break, pasted into a one-line field: nothing happens
            self._replace(list(atoms))

    def op_ime(self) -> None:
        keys, words = self.rng.choice(IME_WORDS)
        for k in range(1, len(keys) + 1):
            ui.ime(self.edit, preedit=keys[:k])
            if k == 1 and self.pos != self.anchor:  # the composition replaces the selection
                self._replace([])
        if self.rng.random() < 0.15:  # the user gives up the composition
            ui.ime(self.edit, preedit="")
            return
        ui.ime(self.edit, commit=words)
        self._replace(list(words))

    def op_undo(self) -> None:
        self.key(Qt.Key.Key_Z, CTRL)
        self._after_undo_redo()

    def op_redo(self) -> None:
        self.key(Qt.Key.Key_Z, CTRL | SHIFT)
        self._after_undo_redo()

    def _random_pos(self) -> int:
        return self.rng.randint(0, self._len())

    def op_click(self) -> None:
        ui.click(self.edit, self._random_pos(), SHIFT if self.rng.random() < 0.3 else NONE)
        self._sync_cursor()

    def op_drag(self) -> None:
        ui.drag_select(self.edit, self._random_pos(), self._random_pos())
        self._sync_cursor()

    def op_double_click(self) -> None:
        ui.double_click(self.edit, self._random_pos())
        self._sync_cursor()

    def op_triple_click(self) -> None:
        ui.triple_click(self.edit, self._random_pos())
        self._sync_cursor()

    def op_insert_figure(self) -> None:
        """Ctrl+M, then the picker dialog: move down a few rows, maybe tick "change", press Enter."""
        metrics = self.doc.report.metrics
        row = self.rng.randrange(min(len(metrics), 12))
        change = self.rng.random() < 0.3
        chosen: list = []

        def drive(tries=[0]):  # noqa: B006 - a retry counter shared by the calls
            dialog = QApplication.activeModalWidget()
            if dialog is None or dialog.objectName() != "metricPicker":
                tries[0] += 1
                if tries[0] < 200:
                    QTimer.singleShot(5, drive)
                return
            for _ in range(row):
                QTest.keyClick(dialog.filter_edit, Qt.Key.Key_Down)
            if change:
                dialog.change_box.setChecked(True)
            chosen.append(dialog.selected())
            QTest.keyClick(dialog.filter_edit, Qt.Key.Key_Return)

        QTimer.singleShot(0, drive)
        self.key(Qt.Key.Key_M, CTRL)
        self.check(bool(chosen) and chosen[0] is not None, "the metric picker did not open")
        metric_id, as_change = chosen[0]
        self._replace(["{{%s:%s}}" % ("chg" if as_change else "m", metric_id)])

    def op_switch_field(self) -> None:
        other = "lead" if self.ref.field == "body" else "body"
        form = self.w.form_area.form
        target = getattr(form, other)
        self._edit = target
        self.ref = FieldRef(self.item, other)
        ui.click(target, self._random_pos())
        self._sync_cursor()

    def op_switch_item(self) -> None:
        others = [i for i in self.items if i != self.item]
        if others:
            self._show(self.rng.choice(others), self.rng.choice(["lead", "body"]))

    def op_drop(self) -> None:
        """Drag the selection's text (as the editor puts it on a drag) and drop a copy into a field."""
        s, e = self._sel()
        if s == e:
            self.op_shift_arrow()
            s, e = self._sel()
            if s == e:
                return
        atoms = list(self.model[self.ref][s:e])
        data = self.edit.createMimeDataFromSelection()
        if self.rng.random() < 0.5:
            self.op_switch_field()
        target_pos = self._random_pos()
        point = ui.point_of(self.edit, target_pos)
        at = self.edit.cursorForPosition(point).position()
        ui.drop(self.edit, data, target_pos)
        if not self._is_list(self.ref):
            atoms = [a for a in atoms if a != "\n"]
        self.model[self.ref][at:at] = atoms
        self.pos = self.anchor = at + len(atoms)

    OPS = {
        "type": 16, "backspace": 8, "delete": 6, "enter": 3, "shift_arrow": 10, "navigate": 10, "select_all": 2,
        "copy": 4, "cut": 3, "paste": 5, "ime": 5, "undo": 8, "redo": 5, "click": 5, "drag": 3,
        "double_click": 2, "triple_click": 1, "insert_figure": 3, "switch_field": 3, "switch_item": 1, "drop": 2,
    }
    EDITS = {"type", "backspace", "delete", "enter", "cut", "paste", "ime", "insert_figure", "drop"}
    PREDICTED_CURSOR = EDITS | {"shift_arrow", "select_all", "copy"}

    # ------------------------------------------------------------------ running
    def step(self) -> str:
        names, weights = zip(*self.OPS.items(), strict=True)
        name = self.rng.choices(names, weights)[0]
        self.trail.append(f"{self.stats.steps}: {name} in {self.ref.node}.{self.ref.field} "
                          f"at {(self.pos, self.anchor)}")
        stack = self.doc.undo_stack
        before = (stack.index(), stack.count())
        getattr(self, "op_" + name)()
        if name not in ("undo", "redo"):
            idx = stack.index()
            # a new step, or typing merged into the last one: that stack position now holds this state
            if (idx, stack.count()) != before or (idx < len(self.history) and self.history[idx] != self.model):
                self._record_edit()
        self.stats.steps += 1
        self.stats.op(name)
        self.verify(cursor=name in self.PREDICTED_CURSOR)
        if self.stats.steps % 50 == 0:
            QApplication.processEvents()  # timers: preview, checks, autosave run as they would
        if self.checkpoint_every and self.stats.steps % self.checkpoint_every == 0:
            self.undo_all_redo_all()
        return name

    def undo_all_redo_all(self) -> None:
        """Undo everything with Ctrl+Z: every field is back to the start; redo (Ctrl+Shift+Z) as many steps:
        every field is back to now."""
        now = self._snapshot()
        stack = self.doc.undo_stack
        here = stack.index()  # steps above it (undone before) stay undone
        guard = stack.count() + 5
        while stack.canUndo() and guard:
            self.key(Qt.Key.Key_Z, CTRL)
            guard -= 1
        for ref, atoms in self.start.items():
            self.check(self.doc.get(ref) == value_of(atoms, self._is_list(ref)),
                       f"undo everything: {ref.node}.{ref.field} is not back to its start")
        self.check(stack.index() == 0, "undo everything: the stack is not at its start")
        for _ in range(here):
            self.key(Qt.Key.Key_Z, CTRL | SHIFT)
        for ref, atoms in now.items():
            self.check(self.doc.get(ref) == value_of(atoms, self._is_list(ref)),
                       f"redo everything: {ref.node}.{ref.field} does not replay")
        self.model = now
        self._sync_cursor()
        self.verify(cursor=False)
        self.stats.undo_all += 1
        if self.w.preview is not None:
            self.w.preview.refresh_now()
            shown = "\n".join(b.text for b in self.w.preview.blocks())
            for ref in self.refs:
                for para in value_of(self.model[ref], True):
                    rendered = render_text(para, self.doc.report.metrics).strip()
                    if len(rendered) >= 4:
                        self.check(rendered[:4] in shown, f"preview lacks {rendered[:20]!r}")

    def run(self, steps: int) -> Stats:
        for _ in range(steps):
            self.step()
        self.undo_all_redo_all()
        return self.stats


def ui_type(widget, ch: str) -> None:
    from uihelpers_a import type_text

    type_text(widget, ch)


def set_cursor(edit, pos: int, anchor: int) -> None:
    c = edit.textCursor()
    c.setPosition(anchor)
    c.setPosition(pos, QTextCursor.MoveMode.KeepAnchor)
    edit.setTextCursor(c)
