"""Raise or lower the event's level, with the reason the journal keeps."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit

from crisisdesk.domain.event import Event
from crisisdesk.ui.i18n import text


class LevelDialog(QDialog):
    def __init__(self, info: Event, parent=None):
        super().__init__(parent)
        self.setObjectName("levelDialog")
        self.info = info
        self.level = QComboBox(objectName="levelChoice")
        for lv in info.playbook.levels:
            self.level.addItem(text(lv.title), lv.id)
        self.level.setCurrentIndex(self.level.findData(info.level))
        self.level.currentIndexChanged.connect(self._changed)
        self.criteria = QLabel(objectName="levelCriteria", wordWrap=True)
        self.criteria.setMinimumWidth(480)
        self.reason = QLineEdit(objectName="levelReason")
        self.reason.textChanged.connect(self._changed)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        self.level_label, self.reason_label = QLabel(), QLabel()
        self.level_label.setBuddy(self.level)
        self.reason_label.setBuddy(self.reason)
        form.addRow(self.level_label, self.level)
        form.addRow("", self.criteria)
        form.addRow(self.reason_label, self.reason)
        form.addRow(self.buttons)
        self.setWindowTitle(self.tr("Change the level"))
        self.level_label.setText(self.tr("&Level:"))
        self.reason_label.setText(self.tr("&Reason:"))
        self.reason.setPlaceholderText(self.tr("Why the level changes (required)"))
        self._changed()

    def _changed(self) -> None:
        i = self.level.currentIndex()
        self.criteria.setText(text(self.info.playbook.levels[i].criteria) if i >= 0 else "")
        ok = self.level.currentData() != self.info.level and bool(self.reason.text().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
