"""The exchange folder part of the Exchange panel: where it is, its state and files, Sync now, import by hand."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
)

from crisisdesk.ui.errors import show_error
from crisisdesk.ui.exchange import session
from crisisdesk.ui.exchange.outcome_labels import folder_state
from crisisdesk.ui.exchange.packet_models import (
    ImportedModel,
    OutcomeModel,
    PacketModel,
    RejectedModel,
)
from crisisdesk.ui.exchange.watch import ExchangeWatch
from crisisdesk.ui.executor import DeskExecutor
from crisisdesk.ui.tables import table_view


class FolderBox(QGroupBox):
    sync_requested = Signal()  # the panel unlocks the key first when it must

    def __init__(self, executor: DeskExecutor, watch: ExchangeWatch, parent=None):
        super().__init__(parent)
        self.setObjectName("exchangeFolderBox")
        self._executor, self._watch = executor, watch
        self.path = QLabel(objectName="exchangeFolderPath", wordWrap=True)
        self.choose_button = QPushButton(objectName="chooseExchangeFolder", clicked=self._choose)
        self.state = QLabel(objectName="exchangeFolderState", wordWrap=True)
        self.sync_button = QPushButton(objectName="syncNow")
        self.sync_button.clicked.connect(self.sync_requested)
        self.import_button = QPushButton(objectName="importPackets", clicked=self._choose_files)
        self.busy = QProgressBar(objectName="syncBusy")
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(140)
        self.busy.setVisible(False)
        self.watch_note = QLabel(objectName="watchNote")
        self.watch_note.setStyleSheet("color:#555;")
        self.summary = QLabel(objectName="roundSummary", wordWrap=True)
        self.outcomes = OutcomeModel(self)
        self.outcome_table = table_view("packetOutcomes", self.outcomes, wrap=True)
        self.incoming, self.outgoing = PacketModel(self), PacketModel(self)
        self.imported, self.rejected = ImportedModel(self), RejectedModel(self)
        self.tabs = QTabWidget(objectName="folderLists")
        self.lists = {"incoming": table_view("incomingPackets", self.incoming),
                      "outgoing": table_view("outgoingPackets", self.outgoing),
                      "imported": table_view("importedPackets", self.imported),
                      "rejected": table_view("rejectedPackets", self.rejected, wrap=True)}
        for view in self.lists.values():
            self.tabs.addTab(view, "")
        top = QHBoxLayout()
        top.addWidget(self.path, 1)
        top.addWidget(self.choose_button)
        actions = QHBoxLayout()
        actions.addWidget(self.sync_button)
        actions.addWidget(self.busy)
        actions.addWidget(self.import_button)
        actions.addStretch(1)
        actions.addWidget(self.watch_note)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.state)
        layout.addLayout(actions)
        self.outcome_label = QLabel()
        self.outcome_label.setBuddy(self.outcome_table)
        layout.addWidget(self.outcome_label)
        layout.addWidget(self.summary)
        layout.addWidget(self.outcome_table, 2)
        layout.addWidget(self.tabs, 3)
        watch.running.connect(self._running)
        watch.finished.connect(self._finished)
        watch.failed.connect(lambda exc: show_error(self, exc))
        watch.folder_changed.connect(lambda _: self.refresh())
        watch.state.connect(self._show_state)
        self.retranslate()

    # -- data ---------------------------------------------------------------------------
    def set_timezone(self, tz: str) -> None:
        for model in (self.incoming, self.outgoing):
            model.tz = tz

    def refresh(self) -> None:
        """The folder's state and files (read in the executor thread)."""
        folder = self._watch.folder
        self._show_path()
        if not folder:
            self._show_folder(None)
            return
        self._executor.submit(lambda desk: session.folder_view(desk, folder), self._show_folder,
                              lambda exc: show_error(self, exc))

    def _show_path(self) -> None:
        self.path.setText(self._watch.folder or self.tr("No exchange folder chosen yet."))
        self.sync_button.setEnabled(bool(self._watch.folder) and not self._watch.busy)
        watching = self._watch.watching and self._watch.folder
        self.watch_note.setText(self.tr("Watched every {} s while the window is open").format(self._watch.interval)
                                if watching else self.tr("Not watched (turn the watch on in Settings)"))

    def _show_state(self, state: str, message: str) -> None:
        if not state:
            self.state.setText("")
            return
        colour = "#1d6b34" if state == "ok" else "#c01818"
        self.state.setText(self.tr("State: <b style='color:{}'>{}</b>").format(colour, folder_state(state)))
        self.state.setToolTip(message)

    def _show_folder(self, view: session.FolderView | None) -> None:
        listing = view.listing if view else None
        self.incoming.set_rows(listing.incoming if listing else ())
        self.outgoing.set_rows(listing.outgoing if listing else ())
        self.imported.set_rows(listing.imported if listing else ())
        self.rejected.set_rows(listing.rejected if listing else ())
        self._show_state(view.state if view else "", view.message if view else "")
        self._retitle()

    # -- rounds ---------------------------------------------------------------------------
    def _running(self, running: bool) -> None:
        self.busy.setVisible(running)
        self.sync_button.setEnabled(not running and bool(self._watch.folder))
        self.import_button.setEnabled(not running)
        if running:
            self.summary.setText(self.tr("Working…"))

    def _finished(self, result: session.Round) -> None:
        self.outcomes.set_rows(result.outcomes)
        counts = {s: sum(o.status == s for o in result.outcomes) for s in ("imported", "refused", "waiting")}
        parts = [self.tr("{} imported, {} refused, {} waiting").format(
            counts["imported"], counts["refused"], counts["waiting"])]
        if result.exported:
            parts.append(self.tr("written for: {}").format(", ".join(e.peer for e in result.exported)))
        if not result.outcomes and not result.exported:
            parts = [self.tr("Nothing new in either direction.")]
        self.summary.setText("; ".join(parts + result.problems))
        if result.folder is not None:
            self._show_folder(result.folder)

    def _choose(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Exchange folder"), self._watch.folder)
        if path:
            self._watch.set_folder(path)

    def _choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Import packet files"), self._watch.folder,
                                                self.tr("CrisisDesk packets (*.cdpkt)"))
        if paths:
            self._watch.import_files(paths)

    # -- language -------------------------------------------------------------------------
    def _retitle(self) -> None:
        names = {"incoming": self.tr("Incoming ({})"), "outgoing": self.tr("Outgoing ({})"),
                 "imported": self.tr("Imported ({})"), "rejected": self.tr("Rejected ({})")}
        for i, (key, view) in enumerate(self.lists.items()):
            self.tabs.setTabText(i, names[key].format(view.model().rowCount()))

    def retranslate(self) -> None:
        self.setTitle(self.tr("Exchange folder"))
        self.choose_button.setText(self.tr("C&hoose folder…"))
        self.sync_button.setText(self.tr("&Sync now"))
        self.sync_button.setToolTip(self.tr("Import the packets addressed to this desk, then write a packet for "
                                            "every desk that has something new"))
        self.import_button.setText(self.tr("&Import packet files…"))
        self.outcome_label.setText(self.tr("<b>Last round</b> (each packet: imported, already here, waiting, "
                                           "refused and why)"))
        self.outcome_table.setAccessibleName(self.tr("Outcome of each packet"))
        self.tabs.setAccessibleName(self.tr("Packets in the folder"))
        accessible = {"incoming": self.tr("Packets waiting for this desk"),
                      "outgoing": self.tr("Packets written by this desk"),
                      "imported": self.tr("Imported packets"), "rejected": self.tr("Refused packets")}
        for key, view in self.lists.items():
            view.setAccessibleName(accessible[key])
        self.busy.setAccessibleName(self.tr("Sync in progress"))
        self._retitle()
        self._show_path()
        for model in (self.outcomes, self.incoming, self.outgoing, self.imported, self.rejected):
            model.repaint_all()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
