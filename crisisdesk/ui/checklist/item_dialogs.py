"""Dialogs of one checklist item: its assignee and note (Enter or F2), and the question asked when
someone else changed it meanwhile."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from crisisdesk.domain.checklist import ChangedMeanwhile
from crisisdesk.domain.clock import from_iso
from crisisdesk.domain.read_models import ItemView
from crisisdesk.ui import timefmt
from crisisdesk.ui.i18n import text
from crisisdesk.ui.labels import ITEM_STATES, label


class ItemEditDialog(QDialog):
    """The assignee and the note of an item; Enter saves, Esc cancels."""

    def __init__(self, item: ItemView, parent=None):
        super().__init__(parent)
        self.setObjectName("itemEditDialog")
        self.item = item
        self.setWindowTitle(self.tr("Edit “{}”").format(text(item.title)))
        self.assignee = QLineEdit(item.assignee, objectName="itemAssignee")
        self.note = QLineEdit(item.note, objectName="itemNote")
        self.assignee.setAccessibleName(self.tr("Assignee"))
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setMinimumWidth(420)
        form = QFormLayout()
        form.addRow(self.tr("&Assignee:"), self.assignee)
        form.addRow(self.tr("&Note:"), self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.note.setFocus()

    def changes(self) -> dict[str, str]:
        """The fields changed, as `set_item` keyword arguments."""
        found = {"assignee": self.assignee.text().strip(), "note": self.note.text().strip()}
        return {name: value for name, value in found.items() if value != getattr(self.item, name)}


class ChangedMeanwhileDialog(QDialog):
    """Someone changed the item since it was shown: what it holds now, who changed it; apply or cancel.

    Never a silent overwrite, never a silent revert: cancel keeps the other person's change.
    """

    def __init__(self, item: ItemView, error: ChangedMeanwhile, wanted: dict, tz: str, parent=None):
        super().__init__(parent)
        self.setObjectName("changedMeanwhileDialog")
        self.setWindowTitle(self.tr("Changed meanwhile"))
        current = error.current
        when = timefmt.local(from_iso(error.at), tz) if error.at else ""
        lines = [self.tr("“{}” was changed by {} at {} after it was shown here.").format(
                     text(item.title), error.by or "?", when),
                 self.tr("Now: {}").format(self._describe(current.state, current.assignee, current.note,
                                                          current.reason)),
                 self.tr("Your change: {}").format(self._describe(
                     wanted.get("state", ""), wanted.get("assignee", ""), wanted.get("note", ""),
                     wanted.get("reason", ""))),
                 self.tr("Apply your change over theirs, or cancel and keep theirs?")]
        self.message = QLabel("\n".join(lines), objectName="changedMeanwhileText", wordWrap=True)
        buttons = QDialogButtonBox(objectName="changedMeanwhileButtons")
        self.apply_button = buttons.addButton(self.tr("&Apply mine"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setDefault(True)  # Enter keeps what is stored
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _describe(self, state: str, assignee: str, note: str, reason: str) -> str:
        parts = [label(ITEM_STATES, state) if state else ""]
        if reason:
            parts.append(self.tr("reason: {}").format(reason))
        if assignee:
            parts.append(self.tr("assignee: {}").format(assignee))
        if note:
            parts.append(self.tr("note: {}").format(note))
        return " · ".join(p for p in parts if p) or "—"
