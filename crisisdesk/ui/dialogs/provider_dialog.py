"""External providers of the open event: their current state, and marking one down, degraded or restored."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QItemSelectionModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from crisisdesk.domain.event import Event
from crisisdesk.domain.impact import PROVIDER_STATUSES
from crisisdesk.domain.read_models import ProviderView
from crisisdesk.ui import timefmt
from crisisdesk.ui.i18n import text
from crisisdesk.ui.labels import SERVICE_STATUSES, label
from crisisdesk.ui.rows_model import Column, RowsModel
from crisisdesk.ui.style import LATE, SOON
from crisisdesk.ui.tables import table_view

STATUS_COLOURS = {"down": LATE, "degraded": SOON}


class ProviderStateModel(RowsModel):
    columns = (
        Column(QT_TRANSLATE_NOOP("Columns", "Provider"), lambda p, m: text(p.name)),
        Column(QT_TRANSLATE_NOOP("Columns", "Status"), lambda p, m: label(SERVICE_STATUSES, p.status),
               foreground=lambda p, m: STATUS_COLOURS.get(p.status)),
        Column(QT_TRANSLATE_NOOP("Columns", "State since"), lambda p, m: timefmt.local(p.since, m.tz)),
        Column(QT_TRANSLATE_NOOP("Columns", "Note"), lambda p, m: p.note),
        Column(QT_TRANSLATE_NOOP("Columns", "Alternatives"), lambda p, m: ", ".join(text(a) for a in p.alternatives)),
    )

    def __init__(self, parent=None):
        super().__init__(key=lambda p: p.provider, parent=parent)
        self.tz = "Asia/Seoul"


class ProviderDialog(QDialog):
    """Stays open: each saved change is shown in the table at once; Close when done."""

    def __init__(self, info: Event, save: Callable[[str, str, str], None], parent=None):
        super().__init__(parent)
        self.setObjectName("providerDialog")
        self._save = save
        self.model = ProviderStateModel(self)
        self.model.tz = info.timezone
        self.table = table_view("providerStates", self.model, current=True)  # the first provider ready to change
        self.table.setMinimumWidth(760)
        self.table.selectionModel().currentRowChanged.connect(self._picked)
        self.provider = QComboBox(objectName="providerChoice")
        for p in info.group.providers:
            self.provider.addItem(text(p.name), p.id)
        self.provider.activated.connect(self._select_row)
        self.status = QComboBox(objectName="providerStatus")
        for status in PROVIDER_STATUSES:
            self.status.addItem(label(SERVICE_STATUSES, status), status)
        self.note = QLineEdit(objectName="providerNote")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("&Save change"))
        self.save_button.clicked.connect(self._save_clicked)
        self.buttons.rejected.connect(self.reject)
        self.state_label = QLabel()
        self.state_label.setBuddy(self.table)
        self.table.setAccessibleName(self.tr("Provider states"))
        form = QFormLayout()
        labels = (self.tr("&Provider:"), self.tr("&Status:"), self.tr("&Note:"))
        for caption, field in zip(labels, (self.provider, self.status, self.note), strict=True):
            lab = QLabel(caption)
            lab.setBuddy(field)
            form.addRow(lab, field)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.state_label.setText(self.tr("<b>Current state</b> (normal: never marked in this event)"))
        self.setWindowTitle(self.tr("External providers"))
        self.resize(920, 520)

    def set_providers(self, providers: list[ProviderView]) -> None:
        self.model.set_rows(providers)
        self._select_row()

    def _select_row(self) -> None:
        row = self.model.key_row(self.provider.currentData())
        if row >= 0 and self.table.currentIndex().row() != row:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)

    def _picked(self, current) -> None:
        if not current.isValid():
            return
        view: ProviderView = self.model.rows()[current.row()]
        self.provider.setCurrentIndex(max(self.provider.findData(view.provider), 0))
        if view.status in PROVIDER_STATUSES:
            self.status.setCurrentIndex(self.status.findData(view.status))
        self.note.setText(view.note)

    def _save_clicked(self) -> None:
        self._save(self.provider.currentData(), self.status.currentData(), self.note.text())
