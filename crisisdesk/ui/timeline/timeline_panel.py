"""The timeline: every journal entry of the event in order, in the group's timezone, with filters.

Loaded page by page when shown or filtered, the latest page first (a command made meanwhile waits
one page), then only what was journaled since: a desk of 150,000 entries took seconds to read
again at every change, and its table a reset."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt, QTimer
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
from crisisdesk.domain.read_models import TimelineEntry, TimelinePage
from crisisdesk.ui import gui_thread_gc, timefmt
from crisisdesk.ui.desk_protocol import TimelineDesk
from crisisdesk.ui.executor import DeskExecutor
from crisisdesk.ui.i18n import language, text
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


SEARCH_PAUSE_MS = 250  # the search runs once typing pauses this long
PAGE = 2000  # entries read per job: the first page shows at once, a command waits one page at most
SEQ = 3  # the column of the journal position
SIZE_SAMPLE = 100  # rows measured for a column's width (Qt's 1,000 asked every cell 73,000 times)


def _folded(entries: Iterable[TimelineEntry], lang: str) -> list[str]:
    """The entries' texts in `lang`, case-folded for the search."""
    return [e.summary.get(lang).casefold() for e in entries]


class TimelineModel(RowsModel):
    """The event's entries that match the search text, of all those loaded (`entries`): the
    search is done here over each entry's shown text, not by a proxy asking every row."""

    columns = (
        Column(QT_TRANSLATE_NOOP("Columns", "Time"), lambda e, m: timefmt.local_full(e.at, m.tz)),
        Column(QT_TRANSLATE_NOOP("Columns", "Who"), lambda e, m: e.author),
        Column(QT_TRANSLATE_NOOP("Columns", "What"), lambda e, m: text(e.summary)),
        Column(QT_TRANSLATE_NOOP("Columns", "#"), lambda e, m: str(e.seq), align=Qt.AlignmentFlag.AlignRight),
    )

    def __init__(self, parent=None):
        super().__init__(key=lambda e: e.seq, parent=parent)
        self.tz = "Asia/Seoul"
        self._entries: list[TimelineEntry] = []
        self._folded: list[str] = []  # each entry's shown text, case-folded for the search (made on first use)
        self._search = ""

    def entries(self) -> list[TimelineEntry]:
        """Every entry loaded, shown or not."""
        return list(self._entries)

    def set_entries(self, entries: list[TimelineEntry], folded: list[str] | None = None) -> None:
        """The entries, with their shown texts case-folded (`folded`) when the reader made them."""
        self._entries, self._folded = list(entries), list(folded or [])
        self.set_rows(self._matching(0))

    def prepend_entries(self, entries: list[TimelineEntry], folded: list[str] | None = None) -> None:
        """An earlier page, before the first entry loaded."""
        complete = folded is not None and len(self._folded) == len(self._entries)
        self._folded = list(folded) + self._folded if complete and folded is not None else []
        self._entries[0:0] = entries
        self.prepend_rows(self._matching(0, len(entries)))

    def add_entries(self, entries: list[TimelineEntry], folded: list[str] | None = None) -> None:
        """Entries journaled since the last read: added at the end, or put in their places by
        clock when one falls between those shown (an import from another desk)."""
        start = len(self._entries)
        complete = folded is not None and len(self._folded) == start
        if entries and start and entries[0].hlc < self._entries[-1].hlc:
            pairs = list(zip(self._entries, self._folded if complete else [""] * start, strict=True))
            pairs += zip(entries, folded if complete and folded is not None else [""] * len(entries), strict=True)
            pairs.sort(key=lambda pair: pair[0].hlc)  # two runs in order: merged in one pass
            self._entries = [entry for entry, _ in pairs]
            self._folded = [text_ for _, text_ in pairs] if complete else []
            self.set_rows(self._matching(0))
            return
        self._folded = self._folded + list(folded) if complete and folded is not None else []
        self._entries.extend(entries)
        self.append_rows(self._matching(start))

    def set_search(self, search: str) -> None:
        self._search = search.strip().casefold()
        self.set_rows(self._matching(0))

    def relabel(self) -> None:
        """The language changed: the search runs over the texts now shown."""
        self._folded = []
        self.set_rows(self._matching(0))
        self.repaint_all()

    def _matching(self, start: int, stop: int | None = None) -> list[TimelineEntry]:
        """The entries from `start` (to `stop`) that the search text is in (all of them without one)."""
        stop = len(self._entries) if stop is None else stop
        if not self._search:
            return self._entries[start:stop]
        folded = self._folded
        if len(folded) < stop:
            folded += [text(e.summary).casefold() for e in self._entries[len(folded):]]
        search = self._search
        return [e for e, shown in zip(self._entries[start:stop], folded[start:stop], strict=True) if search in shown]


class TimelinePanel(LazyRefresh, QWidget):
    def __init__(self, executor: DeskExecutor, parent=None):
        super().__init__(parent)
        self.setObjectName("timelinePanel")
        self._executor = executor
        self._info: Event | None = None
        self._loaded: tuple | None = None  # the (event, affiliate, kinds) the model holds
        self._upto = 0  # the last journal position read for it
        self._snapshot = 0  # the position its earlier pages are read at (later entries come as new ones)
        self._older = ""  # the clock the next earlier page is read before ("" once all are in)
        self._shown = 0  # rows shown after the last read (to keep a reader's place as pages come in)
        self._reading = False  # a read is on its way: a change meanwhile reads again after it
        self._again = False
        self.model = TimelineModel(self)
        self.table = table_view("timelineTable", self.model)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setResizeContentsPrecision(SIZE_SAMPLE)  # column widths from the rows in view and a few more
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(SEQ, QHeaderView.ResizeMode.Fixed)  # sized for the largest number (`_fit_seq`)
        self.affiliate = QComboBox(objectName="timelineAffiliate")
        self.affiliate.currentIndexChanged.connect(lambda: self.request_refresh())
        self.kind = QComboBox(objectName="timelineKind")
        for key, _ in KINDS:
            self.kind.addItem("", key)
        self.kind.currentIndexChanged.connect(lambda: self.request_refresh())
        self.search = QLineEdit(objectName="timelineSearch")
        self.search.setClearButtonEnabled(True)
        self._searching = QTimer(self, singleShot=True, interval=SEARCH_PAUSE_MS,
                                 timeout=lambda: self.model.set_search(self.search.text()))
        self.search.textChanged.connect(self._searching.start)  # once typing pauses
        self.tz_label = QLabel(objectName="timelineTimezone")
        self.captions = [QLabel(), QLabel(), QLabel()]
        bar = QHBoxLayout()
        for caption, field in zip(self.captions, (self.affiliate, self.kind, self.search), strict=True):
            caption.setBuddy(field)
            bar.addWidget(caption)
            bar.addWidget(field, 1 if field is self.search else 0)
        self.loading = QLabel(objectName="timelineLoading", visible=False)
        bar.addWidget(self.loading)
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
        self.model.set_entries([])
        self._loaded, self._older = None, ""
        self._show_loading()
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
        """Read what the model lacks: for another event or filter its latest page, then the pages
        before it one job at a time (a command made meanwhile goes in between); else the entries
        journaled since the last read."""
        if self._info is None:
            return
        if self._reading:
            self._again = True
            return
        event, affiliate = self._info.id, self.affiliate.currentData() or None
        kinds = tuple(k for k in (self.kind.currentData() or "").split(",") if k)
        key = (event, affiliate, kinds)
        if key != self._loaded:
            self._read_page(key, None, "")
            return
        after, lang = self._upto, language()

        def read(desk: TimelineDesk) -> tuple[list[TimelineEntry], list[str], str]:
            entries = desk.views.timeline(event, affiliate, kinds, after=after)
            return entries, _folded(entries, lang), lang

        self._reading = True
        self._executor.submit(read, lambda found: self._add(key, *found), self._read_failed)

    def _read_page(self, key: tuple, upto: int | None, before: str) -> None:
        """The page of the timeline before the clock `before` ("" for the latest page)."""
        event, affiliate, kinds = key
        lang = language()

        def read(desk: TimelineDesk) -> tuple[TimelinePage, list[str], str]:
            """The page, and its texts made ready for the search here rather than on the UI thread;
            kept out of the collector's passes, which would walk it half-built and stall the window."""
            with gui_thread_gc.held(long_lived=True):
                page = desk.views.timeline_page(event, affiliate, kinds, upto=upto, before=before, size=PAGE)
                return page, _folded(page.entries, lang), lang

        self._reading = True
        self._executor.submit(read, lambda found: self._page(key, bool(before), *found), self._read_failed)

    def _page(self, key: tuple, earlier: bool, page: TimelinePage, folded: list[str], lang: str) -> None:
        self._read_done()
        if self._info is None or key[0] != self._info.id or (earlier and key != self._loaded):
            return  # another event or filter meanwhile
        folded_now = folded if lang == language() else None  # the language changed meanwhile
        bar = self.table.verticalScrollBar()
        if earlier:
            following = bar.value() == bar.maximum()
            self.model.prepend_entries(list(page.entries), folded_now)
            if not following:  # the rows a reader looks at stay in view
                bar.setValue(bar.value() + self.model.rowCount() - self._shown)
        else:
            following = True
            self.model.set_entries(list(page.entries), folded_now)
            self._loaded, self._upto, self._snapshot = key, page.upto, page.upto
            self._fit_seq()
        self._shown = self.model.rowCount()
        self._older = page.older
        self._show_loading()
        if following:
            self.table.scrollToBottom()
        if self._older and not self._reading:
            QTimer.singleShot(0, self._read_older)

    def _read_older(self) -> None:
        if self._older and not self._reading and self._loaded is not None:
            self._read_page(self._loaded, self._snapshot, self._older)

    def _add(self, key: tuple, entries: list[TimelineEntry], folded: list[str], lang: str) -> None:
        """Entries journaled since the last read."""
        self._read_done()
        if self._info is None or key != self._loaded:
            return
        bar = self.table.verticalScrollBar()
        following = bar.value() == bar.maximum()  # a reader further up stays there
        self.model.add_entries(entries, folded if lang == language() else None)
        self._shown = self.model.rowCount()
        self._upto = max([self._upto, *(e.seq for e in entries)])
        self._fit_seq()
        if following:
            self.table.scrollToBottom()

    def _fit_seq(self) -> None:
        """The number column as wide as the journal's largest position (the rows Qt samples for a
        column's width are the top ones: the latest page's bottom rows had theirs cut)."""
        header = self.table.horizontalHeader()
        digits = self.table.fontMetrics().horizontalAdvance("0" * len(str(max(self._upto, 1))))
        header.resizeSection(SEQ, max(digits + 16, header.sectionSizeHint(SEQ)))

    def _read_failed(self, error: Exception) -> None:
        self._read_done()
        self._executor.failed.emit(error)  # said as any other failed read is

    def _read_done(self) -> None:
        self._reading = False
        if self._again:
            self._again = False
            QTimer.singleShot(0, self.request_refresh)
        elif self._older:
            QTimer.singleShot(0, self._read_older)

    def _show_loading(self) -> None:
        self.loading.setVisible(bool(self._older))
        loaded = f"{len(self.model.entries()):,}"
        self.loading.setText(self.tr("Loading… {}").format(loaded))  # short: the filter bar is full at 1366 px
        self.loading.setToolTip(self.tr("Earlier entries are still being read ({} so far)").format(loaded))

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
        self.model.relabel()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
