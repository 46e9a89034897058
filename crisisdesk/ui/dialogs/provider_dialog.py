"""Mark an external provider down, degraded or restored for the open event."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit

from crisisdesk.domain.impact import PROVIDER_STATUSES
from crisisdesk.ui.event_info import EventInfo
from crisisdesk.ui.i18n import text
from crisisdesk.ui.labels import SERVICE_STATUSES, label


class ProviderDialog(QDialog):
    def __init__(self, info: EventInfo, parent=None):
        super().__init__(parent)
        self.setObjectName("providerDialog")
        self.provider = QComboBox(objectName="providerChoice")
        for p in info.group.providers:
            self.provider.addItem(text(p.name), p.id)
        self.status = QComboBox(objectName="providerStatus")
        for status in PROVIDER_STATUSES:
            self.status.addItem(label(SERVICE_STATUSES, status), status)
        self.note = QLineEdit(objectName="providerNote")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        labels = (self.tr("&Provider:"), self.tr("&Status:"), self.tr("&Note:"))
        for caption, field in zip(labels, (self.provider, self.status, self.note), strict=True):
            lab = QLabel(caption)
            lab.setBuddy(field)
            form.addRow(lab, field)
        form.addRow(self.buttons)
        self.setWindowTitle(self.tr("External provider"))
