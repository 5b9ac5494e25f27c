"""Defects found when the merged branches met (helper "qa"): each test drives the real window or the CLI."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QComboBox, QFileDialog, QLabel, QLineEdit, QWidget

from editor.templates import load_template
from editor.ui import i18n
from editor.ui.document import ReportDocument

LATIN_WORD = re.compile(r"(?<![A-Za-z])(?!(?:PDF|Word)(?![A-Za-z]))[A-Za-z]{2,}")  # names of formats are fine


def _english_texts(dialog: QWidget) -> list[str]:
    out = []
    for w in [dialog, *dialog.findChildren(QWidget)]:
        if isinstance(w, QLabel) and LATIN_WORD.search(w.text()):
            out.append(w.text())
        if w.toolTip() and LATIN_WORD.search(w.toolTip()):
            out.append(w.toolTip())
    return out


@pytest.fixture
def chinese(qapp):
    assert i18n.install_translator(qapp, "zh_CN") == "zh_CN"
    yield
    i18n.install_translator(qapp, "en")


def test_import_file_dialog_of_the_window_has_no_english_labels(make_window, chinese, qtbot):
    """File → Import… opens Qt's own file dialog: its 查找范围 and 文件类型 labels were English
    ("&Look in:", "Files of &type:" — this Qt's source strings have mnemonics qtbase_zh_CN lacks)."""
    w = make_window(ReportDocument(load_template("sample-dongguan-2022")))
    w.show()
    seen: list[list[str]] = []

    def inspect():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(50, inspect)
            return
        seen.append(_english_texts(dialog))
        dialog.reject()

    QTimer.singleShot(0, inspect)
    action = next(a for a in w.file_menu.actions() if a.objectName() == "actionImport")
    action.trigger()
    assert seen == [[]], seen


def test_print_dialog_has_no_english_labels(make_window, chinese, qtbot):
    """The print dialog's 页面组 label ("Page &Set:") was English."""
    w = make_window(ReportDocument(load_template("sample-dongguan-2022")))
    w.show()
    seen: list[list[str]] = []

    def inspect():
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog is w:
            QTimer.singleShot(50, inspect)
            return
        texts = _english_texts(dialog)
        for combo in dialog.findChildren(QComboBox):
            texts += [combo.itemText(i) for i in range(combo.count()) if combo.objectName() != "printers"
                      and LATIN_WORD.search(combo.itemText(i))]
        seen.append(texts)
        dialog.reject()

    QTimer.singleShot(0, inspect)
    w.print_dialog()
    assert seen == [[]], seen


def test_rollover_of_an_imported_report_leaves_the_import_findings_behind(tmp_path, capsys, seed_text):
    """`import` then `rollover`: next year's project repeated last year's import findings (原文编号不连续,
    punctuation converted in a source it was never imported from) in `check` and the problems panel."""
    from editor.cli import main
    from editor.storage import read_project

    src = tmp_path / "东莞 2022.txt"
    src.write_text(seed_text, encoding="utf-8")
    this_year, next_year = tmp_path / "2022.fzbg", tmp_path / "2023.fzbg"
    assert main(["import", str(src), "-o", str(this_year)]) == 0
    assert read_project(this_year).import_findings
    capsys.readouterr()
    assert main(["check", str(this_year)]) == 0
    assert "原文编号不连续" in capsys.readouterr().out
    assert main(["rollover", str(this_year), "-o", str(next_year)]) == 0
    assert read_project(next_year).import_findings == []
    main(["check", str(next_year)])
    out = capsys.readouterr().out
    assert "原文编号不连续" not in out and "导入时已改为公文用的全角标点" not in out
    assert read_project(this_year).import_findings  # last year's project is not changed


def _select(panel, finding) -> None:
    for item in panel._all_items():
        if item.data(0, Qt.ItemDataRole.UserRole + 1) is finding:
            panel.tree.setCurrentItem(item)
            return
    raise AssertionError(finding)


def test_one_way_to_ignore_import_and_proofreading_findings(qtbot, tmp_path, seed_text, make_window, chinese):
    """The import's 忽略 button was greyed on proofreading findings (whose text says 可忽略此处), and the
    import findings had no 忽略此处 in the context menu; 恢复显示已忽略的问题 and （已忽略N项） knew only the
    proofreading ignores. Now 忽略 ignores the selected finding whatever made it, the menu offers 忽略此处
    for both, and restoring brings both back in one undo step."""
    from editor.ui.main_window import open_windows
    from editor.ui.report_actions import import_report

    src = tmp_path / "东莞.txt"
    src.write_text(seed_text, encoding="utf-8")
    win = make_window(None)
    before = {id(w) for w in open_windows()}
    import_report(win, src, review=lambda dialog: True)
    w = next(x for x in open_windows() if id(x) not in before)
    try:
        panel = w.problems_panel
        panel.refresh()
        qtbot.waitUntil(lambda: panel.is_current, timeout=10000)
        stack = w.doc.undo_stack
        term = next(f for f in panel.findings if f.code == "word.term" and f.excerpt == "减征便民")
        _select(panel, term)
        assert panel.dismiss_button.isEnabled()
        qtbot.mouseClick(panel.dismiss_button, Qt.MouseButton.LeftButton)
        assert [(i.rule, i.text) for i in w.doc.report.check_ignores] == [("word.term", "减征便民")]
        assert stack.undoText() == "忽略一处问题"
        qtbot.waitUntil(lambda: panel.is_current, timeout=10000)
        assert not any(f.excerpt == "减征便民" for f in panel.findings)
        gap = next(f for f in panel.findings if f.code == "import.numbering")
        menu = panel.context_menu(gap)
        here = menu.findChild(QAction, "actionIgnoreHere")
        assert here is not None and here.text() == "忽略此处"
        here.trigger()
        assert next(f for f in w.doc.report.import_findings if f.kind == "numbering").dismissed
        assert stack.undoText() == "忽略一处问题"  # the same words for the same action
        qtbot.waitUntil(lambda: panel.is_current, timeout=10000)
        assert not any(f.code == "import.numbering" for f in panel.findings)
        assert "已忽略2项" in panel.summary.text()
        restore = panel.context_menu(None).findChild(QAction, "actionRestoreIgnored")
        assert restore.text().endswith("（2）") or "2" in restore.text()
        count = stack.count()
        restore.trigger()
        assert stack.count() == count + 1
        qtbot.waitUntil(lambda: panel.is_current, timeout=10000)
        assert any(f.code == "import.numbering" for f in panel.findings)
        assert any(f.excerpt == "减征便民" for f in panel.findings)
        assert "已忽略" not in panel.summary.text()
        stack.undo()
        assert w.doc.report.check_ignores and any(f.dismissed for f in w.doc.report.import_findings)
    finally:
        for x in open_windows():
            if id(x) not in before:
                x.doc.undo_stack.setClean()
                x.close()


def test_damaged_project_with_duplicate_ids_offers_its_backup(tmp_path, app_settings, recovery_folder, monkeypatch,
                                                             qtbot, chinese):
    """The repaired-copy question (duplicate ids) said 如有备份（同名 .bak 文件），也可以打开备份 but, unlike the
    damaged-file question, had no 打开备份 button even when the .bak was there."""
    from pathlib import Path

    from editor.storage import read_project, write_project
    from editor.storage.lock import read_lock
    from editor.ui import file_problems
    from editor.ui.main_window import open_project_window

    damaged = Path(__file__).resolve().parents[1] / "data" / "damaged" / "duplicate-item-ids.fzbg"
    path = tmp_path / "报告.fzbg"
    path.write_bytes(damaged.read_bytes())
    good = load_template("sample-dongguan-2022")
    write_project(tmp_path / "报告.fzbg.bak", good)
    asked = []

    def choose(parent, title, text, options, default, icon=None):
        asked.append((text, [key for key, _label in options], [label for _key, label in options]))
        return "backup"

    monkeypatch.setattr(file_problems, "choose", choose)
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.question",
                        lambda *a, **k: pytest.fail("asked Yes/No without the backup"))
    w = open_project_window(path, app_settings, recovery_folder=recovery_folder)
    assert w is not None
    qtbot.addWidget(w)
    assert len(asked) == 1 and "报告.fzbg.bak" in asked[0][0]
    assert asked[0][1] == ["repair", "backup", "close"]
    assert asked[0][2] == ["打开修复后的副本", "打开备份", "关闭"]
    assert w.doc.path is None and w.doc.modified
    assert w.doc.report.organisations == good.organisations and len(w.doc.report.sections) == len(good.sections)
    assert path.read_bytes() == damaged.read_bytes() and read_lock(path) is None
    assert read_project(tmp_path / "报告.fzbg.bak").sections  # the backup itself is not changed
    w.doc.undo_stack.setClean()
    w.close()
    # the other choice: the repaired copy, at once (no second question)
    monkeypatch.setattr(file_problems, "choose", lambda *a, **k: "repair")
    w = open_project_window(path, app_settings, recovery_folder=recovery_folder)
    qtbot.addWidget(w)
    ids = [it.id for _s, chain in w.doc.report.iter_items() for it in chain[-1:]]
    assert w.doc.path is None and len(ids) == len(set(ids))
    w.doc.undo_stack.setClean()
    w.close()


def test_problems_in_a_section_closing_paragraph_are_placed_in_chinese(make_window, qtbot, capsys, tmp_path):
    """The import brought sections a closing paragraph (结尾段落, Section.outro); the proofreading's places
    did not know the field and said "五、outro第1段" in the problems panel and in `check`."""
    from editor.cli import main
    from editor.model import FieldRef
    from editor.storage import write_project

    w = make_window(ReportDocument(load_template("sample-dongguan-2022")))
    w.show()
    section = w.doc.report.sections[0]
    w.doc.set_field(FieldRef(section.id, "outro"), ["下一步，我局将研究布署重点任务。"], merge=False)
    panel = w.problems_panel
    panel.refresh()
    qtbot.waitUntil(lambda: panel.is_current and any(f.ref is not None and f.ref.field == "outro"
                                                     for f in panel.findings), timeout=10000)
    places = [f.where for f in panel.findings if f.ref is not None and f.ref.field == "outro"]
    assert places and all("结尾段落第1段" in p and not LATIN_WORD.search(p) for p in places), places
    path = tmp_path / "报告.fzbg"
    write_project(path, w.doc.report)
    capsys.readouterr()
    main(["check", str(path)])
    out = capsys.readouterr().out
    assert "结尾段落第1段" in out and "outro" not in out


def _printed_page_colours(w, tmp_path, edition=None):
    """Print page 1 through the window (Qt's PDF printer) and return the set of its pixel colours."""
    import shutil
    import subprocess

    from PIL import Image
    from PySide6.QtPrintSupport import QPrinter

    if shutil.which("pdftoppm") is None:
        pytest.skip("poppler-utils (pdftoppm) is installed by .ci/run")
    from editor.ui.printing import setup_printer

    tmp_path.mkdir(parents=True, exist_ok=True)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    setup_printer(printer)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setFromTo(1, 1)
    assert w.print_to(printer, edition) == 1
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", str(tmp_path / "printed.pdf"),
                    str(tmp_path / "page")], check=True)
    image = Image.open(next(tmp_path.glob("page*.png"))).convert("RGB")
    return {c for _n, c in image.getcolors(1 << 20)}


def test_printed_pages_carry_no_figure_highlighting(make_window, tmp_path):
    """Printing paints the preview's pages: the light-blue background that marks a figure (24条 on page 1)
    and the green one of a change were printed on paper, unlike the exported Word/PDF."""
    from editor.ui.preview import CHANGE_BG, METRIC_BG

    w = make_window(ReportDocument(load_template("sample-dongguan-2022")))
    w.show()
    marks = {METRIC_BG.getRgb()[:3], CHANGE_BG.getRgb()[:3]}
    assert "24条" in w.preview.canvas.layout_.text.toPlainText()[:800]
    for edition in (None, "formal"):
        colours = _printed_page_colours(w, tmp_path / (edition or "shown"), edition)
        assert not colours & marks
    assert w.preview.page_count() == 10  # the preview itself keeps its marks and pages


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_menu_mnemonics_are_unique_and_the_import_actions_have_one(make_window, qapp, language):
    """The merged menus: 导入…, 新建下一年度报告 and 合并其他项目… had no Alt letter, and letters clashed
    (导出 PDF(P)/打印(P), 查找和替换(F)/首选项(F), 添加子项(U)/上移(U), 转到大纲(O)/缩小(O), 转到表单(F)/适合页宽(F)):
    a clashing letter only moves between the two items instead of choosing one. The same in English
    ("Add s&ub-item"/"Move &up" shared U)."""
    from editor.ui.main_window import MainWindow

    assert i18n.install_translator(qapp, language) == language

    w = make_window(ReportDocument(load_template("sample-dongguan-2022")))
    assert isinstance(w, MainWindow)
    clashes = {}
    for top in w.menuBar().actions():
        menu = top.menu()
        if menu is None or menu is w.window_menu:
            continue
        letters = {}
        for action in menu.actions():
            m = re.search(r"&([^&])", action.text())
            if m:
                letters.setdefault(m.group(1).upper(), []).append(action.text())
        clashes.update({f"{top.text()} {k}": v for k, v in letters.items() if len(v) > 1})
    assert clashes == {}
    named = {a.objectName(): a.text() for a in w.findChildren(QAction)}
    for name in ("actionImport", "actionRollover", "actionMerge"):
        assert re.search(r"\(&[A-Z]\)" if language == "zh_CN" else r"&[^&]", named[name]), named[name]


def test_first_file_dialog_on_an_account_without_documents_starts_in_an_existing_folder(make_window, qtbot,
                                                                                        _isolated_home):
    """A new account without ~/Documents (the temporary home here): File → Import… opened in the home folder
    with "Documents" typed into the file-name box, as the start folder did not exist."""
    from pathlib import Path

    assert not (Path(_isolated_home) / "Documents").exists()
    w = make_window(ReportDocument(load_template("sample-dongguan-2022")))
    w.show()
    seen = []

    def inspect():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(50, inspect)
            return
        seen.append((dialog.directory().absolutePath(), dialog.findChild(QLineEdit, "fileNameEdit").text()))
        dialog.reject()

    QTimer.singleShot(0, inspect)
    next(a for a in w.file_menu.actions() if a.objectName() == "actionImport").trigger()
    assert len(seen) == 1
    folder, typed = seen[0]
    assert Path(folder).is_dir() and typed == ""
