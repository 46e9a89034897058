"""Move the deadline of a reporting duty that is still due (e.g. as agreed with the FSS), with
the reason the journal keeps."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit

from crisisdesk.domain.read_models import DutyView
from crisisdesk.ui.datetime_edit import make_editor, moment, set_moment
from crisisdesk.ui.i18n import text


class MoveDutyDialog(QDialog):
    def __init__(self, duty: DutyView, filer: str, timezone: str, parent=None):
        super().__init__(parent)
        self.setObjectName("moveDutyDialog")
        self._tz = timezone
        self.what = QLabel(f"{filer} · {text(duty.to)} · {text(duty.title)}", wordWrap=True)
        self.deadline = make_editor("dutyDeadline")
        set_moment(self.deadline, duty.deadline or datetime.now().astimezone(), timezone)
        self.reason = QLineEdit(objectName="dutyMoveReason")
        self.reason.textChanged.connect(self._changed)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.deadline_label, self.reason_label = QLabel(), QLabel()
        self.deadline_label.setBuddy(self.deadline)
        self.reason_label.setBuddy(self.reason)
        form = QFormLayout(self)
        form.addRow(self.what)
        form.addRow(self.deadline_label, self.deadline)
        form.addRow(self.reason_label, self.reason)
        form.addRow(self.buttons)
        self.setWindowTitle(self.tr("Move the deadline"))
        self.deadline_label.setText(self.tr("&New deadline:"))
        self.reason_label.setText(self.tr("&Reason:"))
        self.reason.setPlaceholderText(self.tr("e.g. agreed with the FSS (required)"))
        self._changed()

    def chosen(self) -> tuple[datetime, str]:
        return moment(self.deadline, self._tz), self.reason.text().strip()

    def _changed(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.reason.text().strip()))
