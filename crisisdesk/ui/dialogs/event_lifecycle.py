"""Close the open event, or reopen a closed one, with the reason the journal keeps."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit

from crisisdesk.ui.event_info import OpenEvent


class EventReasonDialog(QDialog):
    """Closing: the event named, a reason. Reopening: the closed events to choose from, a reason."""

    def __init__(self, closing: OpenEvent | None, closed: list[OpenEvent] = (), parent=None):
        super().__init__(parent)
        self.setObjectName("closeEventDialog" if closing else "reopenEventDialog")
        self.choice = QComboBox(objectName="eventChoice")
        for event in [closing] if closing else closed:
            mode = self.tr("drill") if event.drill else self.tr("real")
            self.choice.addItem(f"{event.title} ({mode})", event.id)
        self.choice.setEnabled(closing is None)
        self.reason = QLineEdit(objectName="eventReason")
        self.reason.setPlaceholderText(self.tr("required; kept in the journal"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("&Close event") if closing else self.tr("&Reopen event"))
        form = QFormLayout(self)
        if closing:
            note = QLabel(self.tr("The event leaves the list of open events and nothing more can be changed in it "
                                  "until it is reopened. Everything recorded is kept."), wordWrap=True)
        else:
            note = QLabel(self.tr("A closed event can be changed again once reopened.") if closed
                          else self.tr("No event is closed."), wordWrap=True)
        form.addRow(note)
        for caption, field in ((self.tr("&Event:"), self.choice), (self.tr("&Reason:"), self.reason)):
            lab = QLabel(caption)
            lab.setBuddy(field)
            form.addRow(lab, field)
        form.addRow(self.buttons)
        self.setMinimumWidth(520)
        self.setWindowTitle(self.tr("Close the event") if closing else self.tr("Reopen an event"))
        self.reason.textChanged.connect(self._check)
        self._check()

    def _check(self) -> None:
        self.ok.setEnabled(bool(self.reason.text().strip()) and self.choice.count() > 0)
