"""Confirm or correct the status of the service selected in the affiliate view (the affiliate's word wins)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from crisisdesk.domain.playbook import SERVICE_STATUSES as STATUSES
from crisisdesk.ui.affiliate.affiliate_models import ServiceRow
from crisisdesk.ui.elided_label import ElidedLabel
from crisisdesk.ui.i18n import text
from crisisdesk.ui.labels import SERVICE_STATUSES, label


class ServiceCorrection(QWidget):
    save_requested = Signal(str, str, str)  # service, status, note

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("serviceCorrection")
        self._row: ServiceRow | None = None
        self.service = ElidedLabel(objectName="correctedService")
        self.service.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.status = QComboBox(objectName="serviceStatusChoice")
        self.note = QLineEdit(objectName="serviceNote")
        self.note.setMinimumWidth(160)
        self.note.textChanged.connect(self.note.setToolTip)
        self.note.returnPressed.connect(self._save)
        self.save_button = QPushButton(objectName="saveServiceStatus", clicked=self._save)
        self.status_label, self.note_label = QLabel(), QLabel()
        self.status_label.setBuddy(self.status)
        self.note_label.setBuddy(self.note)
        layout = QVBoxLayout(self)  # the service's name above its controls: the note keeps the width
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.service)
        controls = QHBoxLayout()
        for widget, stretch in ((self.status_label, 0), (self.status, 0), (self.note_label, 0), (self.note, 1),
                                (self.save_button, 0)):
            controls.addWidget(widget, stretch)
        layout.addLayout(controls)
        self.retranslate()
        self.set_service(None)

    def set_service(self, row: ServiceRow | None) -> None:
        """The service to correct, with its current status and note."""
        self._row = row
        for widget in (self.status, self.note, self.save_button):
            widget.setEnabled(row is not None)
        self.service.setText(text(row.service.name) if row else self.tr("Choose a service above"))
        if row is not None:
            self.status.setCurrentIndex(max(self.status.findData(row.status), 0))
            self.note.setText(row.view.note if row.view else "")

    def _save(self) -> None:
        if self._row is not None:
            self.save_requested.emit(self._row.service.id, self.status.currentData(), self.note.text())

    def retranslate(self) -> None:
        current = self.status.currentData()
        self.status.clear()
        for status in STATUSES:
            self.status.addItem(label(SERVICE_STATUSES, status), status)
        self.status.setCurrentIndex(max(self.status.findData(current), 0))
        self.status_label.setText(self.tr("S&tatus:"))
        self.note_label.setText(self.tr("N&ote:"))
        self.save_button.setText(self.tr("Confirm / &correct"))
        self.save_button.setToolTip(self.tr("Record this status for the service; it replaces the one derived "
                                            "from the providers"))
        if self._row is None:
            self.service.setText(self.tr("Choose a service above"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
