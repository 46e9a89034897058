"""The council's outlook: what it expects at +12, 24, 48 and 72 hours and what it needs, kept up to date."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crisisdesk.desk.changes import BOARD, Changes
from crisisdesk.domain.event import Event
from crisisdesk.domain.read_models import OutlookView
from crisisdesk.ui import timefmt
from crisisdesk.ui.errors import show_error
from crisisdesk.ui.executor import DeskExecutor
from crisisdesk.ui.lazy import LazyRefresh
from crisisdesk.ui.rows_model import ROW_ROLE, Column, RowsModel
from crisisdesk.ui.tables import table_view

HORIZONS = ("12h", "24h", "48h", "72h")


def horizon_name(horizon: str) -> str:
    return QCoreApplication.translate("Outlook", "+{} h").format(horizon.removesuffix("h"))


@dataclass(frozen=True)
class OutlookRow:
    horizon: str
    view: OutlookView | None  # None: nothing said yet


class OutlookModel(RowsModel):
    columns = (
        Column(QT_TRANSLATE_NOOP("Columns", "Horizon"), lambda r, m: horizon_name(r.horizon)),
        Column(QT_TRANSLATE_NOOP("Columns", "Expected"), lambda r, m: r.view.text if r.view else ""),
        Column(QT_TRANSLATE_NOOP("Columns", "Needs"), lambda r, m: r.view.needs if r.view else ""),
        Column(QT_TRANSLATE_NOOP("Columns", "Updated"), lambda r, m: timefmt.local(r.view.at, m.tz) if r.view else ""),
    )

    def __init__(self, parent=None):
        super().__init__(key=lambda r: r.horizon, parent=parent)
        self.tz = "Asia/Seoul"

    def set_outlook(self, views: list[OutlookView]) -> None:
        by_horizon = {v.horizon: v for v in views}
        self.set_rows([OutlookRow(h, by_horizon.get(h)) for h in HORIZONS])


class OutlookBox(LazyRefresh, QWidget):
    """The four horizons in a table; choosing one fills the editor below it."""

    def __init__(self, executor: DeskExecutor, parent=None):
        super().__init__(parent)
        self.setObjectName("outlookBox")
        self._executor = executor
        self._info: Event | None = None
        self.model = OutlookModel(self)
        self.model.set_outlook([])
        self.table = table_view("outlookTable", self.model)
        self.table.selectionModel().currentRowChanged.connect(self._picked)
        self.horizon = QComboBox(objectName="outlookHorizon")
        self.horizon.activated.connect(lambda i: self.table.selectRow(i))
        self.expected = QLineEdit(objectName="outlookText")
        self.needs = QLineEdit(objectName="outlookNeeds")
        self.needs.returnPressed.connect(self.save)
        self.save_button = QPushButton(objectName="saveOutlook", clicked=self.save)
        self.captions = [QLabel() for _ in range(3)]
        editor = QHBoxLayout()
        for caption, field in zip(self.captions, (self.horizon, self.expected, self.needs), strict=True):
            caption.setBuddy(field)
            editor.addWidget(caption)
            editor.addWidget(field, 0 if field is self.horizon else 1)
        editor.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(editor)
        self.retranslate()

    def set_event(self, info: Event | None) -> None:
        self._info = info
        if info is not None:
            self.model.tz = info.timezone
        self.model.set_outlook([])
        self.request_refresh()

    def on_changes(self, changes: Changes) -> None:
        if self._info and changes.event == self._info.id and changes.touches(BOARD):
            self.request_refresh()

    def refresh(self) -> None:
        if self._info is None:
            return
        event = self._info.id
        self._executor.submit(lambda desk: desk.views.outlook(event),
                              lambda views: self._apply(event, views))

    def _apply(self, event: str, views: list[OutlookView]) -> None:
        if self._info is not None and event == self._info.id:
            self.model.set_outlook(views)

    def _picked(self, current) -> None:
        row: OutlookRow | None = current.data(ROW_ROLE) if current.isValid() else None
        if row is None:
            return
        self.horizon.setCurrentIndex(self.horizon.findData(row.horizon))
        self.expected.setText(row.view.text if row.view else "")
        self.needs.setText(row.view.needs if row.view else "")

    def save(self) -> None:
        if self._info is None:
            return
        event, horizon, expected, needs = (self._info.id, self.horizon.currentData(), self.expected.text(),
                                           self.needs.text())
        self._executor.submit(lambda desk: desk.communications.set_outlook(event, horizon, expected, needs), None,
                              lambda exc: show_error(self, exc))

    def retranslate(self) -> None:
        current = self.horizon.currentData()
        self.horizon.clear()
        for horizon in HORIZONS:
            self.horizon.addItem(horizon_name(horizon), horizon)
        self.horizon.setCurrentIndex(max(self.horizon.findData(current), 0))
        for caption, source in zip(self.captions, (self.tr("&Horizon:"), self.tr("E&xpected:"),
                                                   self.tr("N&eeds:")), strict=True):
            caption.setText(source)
        self.save_button.setText(self.tr("Sa&ve outlook"))
        self.table.setAccessibleName(self.tr("Council outlook"))
        self.expected.setPlaceholderText(self.tr("e.g. card payments back; branches on paper"))
        self.needs.setPlaceholderText(self.tr("e.g. staff for the call centre"))
        self.model.repaint_all()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
