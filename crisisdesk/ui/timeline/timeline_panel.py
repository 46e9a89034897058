"""The timeline: every journal entry of the event in order, in the group's timezone, with filters."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from crisisdesk.desk.changes import TIMELINE, Changes
from crisisdesk.domain.event import Event
from crisisdesk.domain.read_models import TimelineEntry
from crisisdesk.ui import timefmt
from crisisdesk.ui.desk_protocol import TimelineDesk
from crisisdesk.ui.executor import DeskExecutor
from crisisdesk.ui.i18n import text
from crisisdesk.ui.lazy import LazyRefresh
from crisisdesk.ui.rows_model import Column, RowsModel
from crisisdesk.ui.tables import table_view

KINDS = (
    ("", QT_TRANSLATE_NOOP("TimelinePanel", "Everything")),
    ("event", QT_TRANSLATE_NOOP("TimelinePanel", "Event, level, providers")),
    ("checklist", QT_TRANSLATE_NOOP("TimelinePanel", "Checklist")),
    ("impact,service", QT_TRANSLATE_NOOP("TimelinePanel", "Impact assessment")),
    ("meeting,decision,action", QT_TRANSLATE_NOOP("TimelinePanel", "Council and decisions")),
    ("notice,duty,alert,outlook", QT_TRANSLATE_NOOP("TimelinePanel", "Notices, reporting, alerts")),
    ("drill,review,handover,rollcall", QT_TRANSLATE_NOOP("TimelinePanel", "Drill, review, 24-hour room")),
)


class TimelineModel(RowsModel):
    columns = (
        Column(QT_TRANSLATE_NOOP("Columns", "Time"), lambda e, m: timefmt.local_full(e.at, m.tz)),
        Column(QT_TRANSLATE_NOOP("Columns", "Who"), lambda e, m: e.author),
        Column(QT_TRANSLATE_NOOP("Columns", "What"), lambda e, m: text(e.summary)),
        Column(QT_TRANSLATE_NOOP("Columns", "#"), lambda e, m: str(e.seq), align=Qt.AlignmentFlag.AlignRight),
    )

    def __init__(self, parent=None):
        super().__init__(key=lambda e: e.seq, parent=parent)
        self.tz = "Asia/Seoul"


class TimelinePanel(LazyRefresh, QWidget):
    def __init__(self, executor: DeskExecutor, parent=None):
        super().__init__(parent)
        self.setObjectName("timelinePanel")
        self._executor = executor
        self._info: Event | None = None
        self.model = TimelineModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(2)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.table = table_view("timelineTable", self.proxy)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.affiliate = QComboBox(objectName="timelineAffiliate")
        self.affiliate.currentIndexChanged.connect(lambda: self.request_refresh())
        self.kind = QComboBox(objectName="timelineKind")
        for key, _ in KINDS:
            self.kind.addItem("", key)
        self.kind.currentIndexChanged.connect(lambda: self.request_refresh())
        self.search = QLineEdit(objectName="timelineSearch")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.tz_label = QLabel(objectName="timelineTimezone")
        self.captions = [QLabel(), QLabel(), QLabel()]
        bar = QHBoxLayout()
        for caption, field in zip(self.captions, (self.affiliate, self.kind, self.search), strict=True):
            caption.setBuddy(field)
            bar.addWidget(caption)
            bar.addWidget(field, 1 if field is self.search else 0)
        bar.addWidget(self.tz_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self.retranslate()

    def set_event(self, info: Event | None) -> None:
        same = info is not None and self._info is not None and info.id == self._info.id
        self._info = info
        if info is not None:
            self.model.tz = info.timezone
        if same:
            return
        self._fill_affiliates()
        self.model.set_rows([])
        self.request_refresh()

    def _fill_affiliates(self) -> None:
        current = self.affiliate.currentData()
        self.affiliate.blockSignals(True)
        self.affiliate.clear()
        self.affiliate.addItem(self.tr("All affiliates"), "")
        for a in self._info.group.affiliates if self._info else ():
            self.affiliate.addItem(text(a.name), a.id)
        self.affiliate.setCurrentIndex(max(self.affiliate.findData(current), 0))
        self.affiliate.blockSignals(False)

    def on_changes(self, changes: Changes) -> None:
        if self._info and changes.event == self._info.id and changes.touches(TIMELINE):
            self.request_refresh()

    def refresh(self) -> None:
        if self._info is None:
            return
        event, affiliate = self._info.id, self.affiliate.currentData() or None
        kinds = tuple(k for k in (self.kind.currentData() or "").split(",") if k)
        def read(desk: TimelineDesk) -> list[TimelineEntry]:
            return desk.views.timeline(event, affiliate, kinds)

        self._executor.submit(read, lambda entries: self._apply(event, entries))

    def _apply(self, event: str, entries) -> None:
        if self._info is not None and event == self._info.id:
            self.model.set_rows(entries)
            self.table.scrollToBottom()

    def retranslate(self) -> None:
        for caption, text_ in zip(self.captions, (self.tr("&Affiliate:"), self.tr("&Kind:"), self.tr("&Search:")),
                                  strict=True):
            caption.setText(text_)
        for i, (_, source) in enumerate(KINDS):
            self.kind.setItemText(i, self.tr(source))
        if self.affiliate.count():
            self.affiliate.setItemText(0, self.tr("All affiliates"))
        tz = self._info.timezone if self._info else "Asia/Seoul"
        self.tz_label.setText(self.tr("Times in {}").format(tz))
        self.table.setAccessibleName(self.tr("Timeline"))
        self.model.repaint_all()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
