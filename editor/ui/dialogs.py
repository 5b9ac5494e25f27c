"""Dialogs of the main window: new from template, preferences, about, recovery and lock prompts."""

from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from .. import __version__
from . import i18n  # noqa: F401 - applies the PySide6 None-refcount guard
from . import settings as st
from .wheel import guard_wheel


class NewFromTemplateDialog(QDialog):
    """Lists the bundled templates (``editor.templates.list_templates()``) with their descriptions."""

    def __init__(self, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.setObjectName("newFromTemplateDialog")
        self.setWindowTitle(self.tr("New report"))
        from ..templates import list_templates

        self.templates = list_templates()
        self.list = QListWidget(self)
        self.list.setObjectName("templateList")
        # descriptions are whole sentences: wrap them rather than cut them off
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setUniformItemSizes(False)
        self.list.setSpacing(3)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for t in self.templates:
            item = QListWidgetItem(t.description or t.name)
            item.setData(Qt.ItemDataRole.UserRole, t.name)
            item.setToolTip(t.name)
            self.list.addItem(item)
        for i, t in enumerate(self.templates):
            if t.name == "fzzf-annual":
                self.list.setCurrentRow(i)
        if self.list.currentRow() < 0 and self.templates:
            self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _i: self.accept())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Start from:"), self))
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(560, 360)

    def selected_name(self) -> Optional[str]:
        item = self.list.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))


class PreferencesDialog(QDialog):
    def __init__(self, settings: Optional[QSettings] = None, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(self.tr("Preferences"))
        self.settings = st.settings(settings)
        self.language = QComboBox(self)
        self.language.addItem("简体中文", "zh_CN")
        self.language.addItem("English", "en")
        current = str(self.settings.value(st.LANGUAGE_KEY, "zh_CN") or "zh_CN")
        self.language.setCurrentIndex(max(0, self.language.findData(current)))
        self.autosave = QSpinBox(self)
        self.autosave.setRange(5, 3600)
        self.autosave.setSuffix(self.tr(" s"))
        self.autosave.setValue(st.autosave_interval(self.settings))
        guard_wheel(self)  # the wheel passing over the language or the interval changes neither
        form = QFormLayout()
        form.addRow(self.tr("&Language (after restart):"), self.language)
        form.addRow(self.tr("&Autosave every:"), self.autosave)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def apply(self) -> None:
        self.settings.setValue(st.LANGUAGE_KEY, self.language.currentData())
        st.set_autosave_interval(self.autosave.value(), self.settings)


def about_text() -> str:
    from PySide6 import __version__ as pyside_version

    return QCoreApplication.translate("Dialogs", "<h3>Annual Report Editor %1</h3>"
                      "<p>Writes the annual report on building a law-based government "
                      "(法治政府建设年度报告) in the official document format.</p>"
                      "<p>Qt for Python %2</p>").replace("%1", __version__).replace("%2", pyside_version)


def show_about(parent: QWidget) -> None:
    QMessageBox.about(parent, QCoreApplication.translate("Dialogs", "About"), about_text())


def ask_restore(parent: Optional[QWidget], infos) -> QMessageBox.StandardButton:
    """Offer to restore recovery copies; returns Yes (restore), No (discard) or Ignore (keep for later)."""
    lines = "\n".join(f"• {info.describe()}" for info in infos)
    text = QCoreApplication.translate("Dialogs", "The program was not closed normally. Recovered copies of unsaved work were found:\n\n%1\n\n"
                      "Restore them?").replace("%1", lines)
    return QMessageBox.question(
        parent, QCoreApplication.translate("Dialogs", "Restore unsaved work"), text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No | QMessageBox.StandardButton.Ignore,
        QMessageBox.StandardButton.Yes)
