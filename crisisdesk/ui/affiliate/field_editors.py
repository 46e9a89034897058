"""One editor widget per impact field kind; each gives the raw value the domain normalises."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit, QWidget

from crisisdesk.domain.clock import from_iso
from crisisdesk.domain.group import Affiliate
from crisisdesk.domain.playbook import SERVICE_STATUSES, ImpactField
from crisisdesk.ui.i18n import text
from crisisdesk.ui.labels import SERVICE_STATUSES as STATUS_NAMES
from crisisdesk.ui.labels import label


class FieldEditor(QWidget):
    """Base of the editors: `value()` (None when empty), `set_value(stored)`, `edited`, `submitted`."""

    edited = Signal()
    submitted = Signal()  # Enter pressed

    def __init__(self, field: ImpactField, affiliate: Affiliate, tz: str, parent=None):
        super().__init__(parent)
        self.field, self.affiliate, self.tz = field, affiliate, tz

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, stored: Any) -> None:
        raise NotImplementedError

    def focus_widget(self) -> QWidget:
        return self


class LineEditor(FieldEditor):
    """text, integer, money and datetime: typed as text, checked by the domain's rules."""

    def __init__(self, field, affiliate, tz, parent=None):
        super().__init__(field, affiliate, tz, parent)
        self.edit = QLineEdit(self)
        self.edit.setObjectName(f"field-{field.id}")
        self.edit.textEdited.connect(self.edited)
        self.edit.returnPressed.connect(self.submitted)
        QGridLayout(self).addWidget(self.edit)
        self.layout().setContentsMargins(0, 0, 0, 0)
        example = {"integer": "1,200", "money": "25,000,000", "datetime": "2025-09-29 08:00"}.get(field.kind)
        if example:
            self.edit.setPlaceholderText(self.tr("e.g. {}").format(example))

    def value(self) -> Any:
        value = self.edit.text()
        return value if value.strip() or self.field.kind == "text" else None

    def set_value(self, stored: Any) -> None:
        if stored is None:
            self.edit.clear()
        elif self.field.kind == "datetime":
            self.edit.setText(from_iso(stored).astimezone(ZoneInfo(self.tz)).strftime("%Y-%m-%d %H:%M"))
        elif self.field.kind in ("integer", "money"):
            self.edit.setText(f"{stored:,}")
        else:
            self.edit.setText(str(stored))

    def focus_widget(self) -> QWidget:
        return self.edit


class ChoiceEditor(FieldEditor):
    """choice and boolean: a list with an empty first entry (not answered)."""

    def __init__(self, field, affiliate, tz, parent=None):
        super().__init__(field, affiliate, tz, parent)
        self.combo = QComboBox(self)
        self.combo.setObjectName(f"field-{field.id}")
        self.combo.activated.connect(self.edited)
        QGridLayout(self).addWidget(self.combo)
        self.layout().setContentsMargins(0, 0, 0, 0)
        self.fill()

    def fill(self) -> None:
        current = self.combo.currentData()
        self.combo.clear()
        self.combo.addItem("—", None)
        if self.field.kind == "boolean":
            self.combo.addItem(self.tr("Yes"), True)
            self.combo.addItem(self.tr("No"), False)
        else:
            for choice in self.field.choices:
                self.combo.addItem(text(choice.label), choice.id)
        self.combo.setCurrentIndex(max(self.combo.findData(current), 0))

    def value(self) -> Any:
        return self.combo.currentData()

    def set_value(self, stored: Any) -> None:
        self.combo.setCurrentIndex(max(self.combo.findData(stored), 0))

    def focus_widget(self) -> QWidget:
        return self.combo


class ServicesEditor(FieldEditor):
    """services: for each of the affiliate's services a status (or none) and a note."""

    def __init__(self, field, affiliate, tz, parent=None):
        super().__init__(field, affiliate, tz, parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.rows: dict[str, tuple[QComboBox, QLineEdit]] = {}
        self.names: list[QLabel] = []
        for r, service in enumerate(affiliate.services):
            name = QLabel(text(service.name) + (" ★" if service.critical else ""))
            name.setWordWrap(True)
            status = QComboBox(objectName=f"service-{service.id}")
            status.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            status.activated.connect(self.edited)
            note = QLineEdit(objectName=f"service-note-{service.id}")
            note.setMinimumWidth(140)
            note.textChanged.connect(note.setToolTip)  # whole on hover when longer than the field
            note.textEdited.connect(self.edited)
            note.returnPressed.connect(self.submitted)
            name.setBuddy(status)
            grid.addWidget(name, r, 0)
            grid.addWidget(status, r, 1)
            grid.addWidget(note, r, 2)
            self.rows[service.id] = (status, note)
            self.names.append(name)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(2, 4)
        self.fill()

    def fill(self) -> None:
        for sid, (status, note) in self.rows.items():
            current = status.currentData()
            status.clear()
            status.addItem("—", None)
            for s in SERVICE_STATUSES:
                status.addItem(label(STATUS_NAMES, s), s)
            status.setCurrentIndex(max(status.findData(current), 0))
            name = text(self.affiliate.service(sid).name)
            status.setAccessibleName(self.tr("Status of {}").format(name))
            note.setAccessibleName(self.tr("Note on {}").format(name))
            note.setPlaceholderText(self.tr("note"))

    def value(self) -> Any:
        chosen = {sid: {"status": s.currentData(), "note": n.text()}
                  for sid, (s, n) in self.rows.items() if s.currentData()}
        return chosen or None

    def set_value(self, stored: Any) -> None:
        stored = stored or {}
        for sid, (status, note) in self.rows.items():
            answer = stored.get(sid) or {}
            status.setCurrentIndex(max(status.findData(answer.get("status")), 0))
            note.setText(answer.get("note", ""))

    def focus_widget(self) -> QWidget:
        first = next(iter(self.rows.values()), None)
        return first[0] if first else self


EDITORS = {"text": LineEditor, "integer": LineEditor, "money": LineEditor, "datetime": LineEditor,
           "choice": ChoiceEditor, "boolean": ChoiceEditor, "services": ServicesEditor}


def make_editor(field: ImpactField, affiliate: Affiliate, tz: str, parent=None) -> FieldEditor:
    return EDITORS[field.kind](field, affiliate, tz, parent)
