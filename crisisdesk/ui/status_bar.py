"""The status bar: desk identity, database file, last save, exchange folder state, work in progress."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QProgressBar, QSizePolicy, QStatusBar, QToolButton

from crisisdesk.ui import integrity
from crisisdesk.ui.elided_label import ElidedLabel
from crisisdesk.ui.executor import OpenedDesk

BUSY_AFTER_MS = 300
DEFAULT_TIMEZONE = "Asia/Seoul"  # until the group's is known (the group file's default too)


class DeskStatusBar(QStatusBar):
    def __init__(self, clock: Callable[[], datetime], parent=None):
        super().__init__(parent)
        self.setObjectName("deskStatusBar")
        self._clock = clock
        self._zone = ZoneInfo(DEFAULT_TIMEZONE)
        self.info: OpenedDesk | None = None
        self._saved: datetime | None = None
        self._exchange: tuple[str, str] = ("", "")  # state, message
        self._alarm = False  # a peer's word about a restore of this desk lately (the Exchange panel says more)
        self.identity = QLabel(objectName="deskIdentity")
        self.path = ElidedLabel(objectName="databasePath", mode=Qt.TextElideMode.ElideMiddle)
        self.saved = QLabel(objectName="lastSave")
        self.exchange = QLabel(objectName="exchangeState")
        self.journal = ElidedLabel(objectName="journalIntegrity")
        self.journal.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self._integrity: tuple[str, str] = ("", "")  # state, verify's line
        self.check = integrity.IntegrityCheck(self)
        self.check.started.connect(lambda: self.set_integrity(integrity.CHECKING, ""))
        self.check.finished.connect(lambda r: self.set_integrity(r.state, r.line))
        self.verify_action = QAction(self, objectName="verifyJournal")
        self.verify_action.triggered.connect(self.verify_now)
        self.verify_button = QToolButton(objectName="verifyJournalButton")
        self.verify_button.setDefaultAction(self.verify_action)
        self.busy = QProgressBar(objectName="busyIndicator")
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.setVisible(False)
        for widget in (self.identity, self.path, self.saved, self.exchange, self.journal):
            widget.setContentsMargins(10, 0, 10, 0)
            self.addPermanentWidget(widget, 1 if widget is self.path else 0)  # a long path is cut in the middle
        self.addPermanentWidget(self.verify_button)
        self.saving = QLabel(objectName="savingIndicator")  # a save waits (executor.SAVING_AFTER_MS)
        self.saving.setStyleSheet("color:#8a4b00; font-weight:bold;")
        self.saving.setVisible(False)
        self.addPermanentWidget(self.saving)
        self.addPermanentWidget(self.busy)
        self._busy_timer = QTimer(self, singleShot=True, interval=BUSY_AFTER_MS)
        self._busy_timer.timeout.connect(lambda: self.busy.setVisible(True))
        self._show()

    def set_info(self, info: OpenedDesk | None) -> None:
        self.info = info
        warnings = info.warnings if info is not None else ()
        self._integrity = (integrity.WARNING, " · ".join(warnings)) if warnings else ("", "")
        if info is not None and info.upgrade_backup:
            self.showMessage(self.tr("The desk's file was upgraded for this version of CrisisDesk; "
                                     "a backup was taken first: {}").format(info.upgrade_backup))
        self._show()

    def set_integrity(self, state: str, line: str) -> None:
        self._integrity = (state, line)
        self._show()

    def verify_now(self) -> None:
        """The full check of the open desk's file, in the background."""
        if self.info is not None:
            self.check.start(self.info.path)

    def set_timezone(self, zone: str) -> None:
        """The group's time zone: times here read as on the group's other screens and reports,
        whatever the machine's own zone."""
        self._zone = ZoneInfo(zone)
        self._show()

    def mark_saved(self) -> None:
        self._saved = self._clock()  # the desk's time (a demo desk runs on demo time)
        self._show()

    def set_exchange(self, state: str, message: str) -> None:
        self._exchange = (state, message)
        self._show()

    def set_exchange_alarm(self, alarm: bool) -> None:
        if alarm != self._alarm:
            self._alarm = alarm
            self._show()

    def set_busy(self, busy: bool) -> None:
        """The indicator appears only when work takes longer than a moment."""
        if busy:
            self._busy_timer.start()
        else:
            self._busy_timer.stop()
            self.busy.setVisible(False)

    def set_saving(self, waiting: bool) -> None:
        """“Saving…” while a change has waited longer than a moment to be saved."""
        self.saving.setVisible(waiting)

    def _show(self) -> None:
        info = self.info
        if info is None:
            self.identity.setText(self.tr("No database open"))
            self.path.setText("")
        else:
            demo = self.tr(" (demo)") if info.demo else ""
            self.identity.setText(self.tr("Desk {} · {}{}").format(info.desk_id[:8], info.author, demo))
            self.path.setText(str(info.path))
            self.path.setToolTip(self.tr("Database file: {}").format(info.path))
        self.saved.setText(self.tr("Last save {}").format(self._saved.astimezone(self._zone).strftime("%H:%M:%S"))
                           if self._saved else self.tr("Every change is saved at once"))
        self.saved.setToolTip(self.tr("Times in the group's time zone ({})").format(self._zone.key))
        state, message = self._exchange
        if not state:
            self.exchange.setText(self.tr("Exchange folder: not set"))
            self.exchange.setStyleSheet("color:#555;")
        elif state == "ok":
            self.exchange.setText(self.tr("Exchange folder: online"))
            self.exchange.setStyleSheet("color:#1d6b34;")
        else:
            self.exchange.setText(self.tr("Exchange folder: offline"))
            self.exchange.setStyleSheet("color:#c01818; font-weight:bold;")
        if self._alarm:
            self.exchange.setText(self.exchange.text() + self.tr(" · restore warning"))
            self.exchange.setStyleSheet("color:#c01818; font-weight:bold;")
            message = self.tr("A peer's acknowledgement said this desk was restored (refused, or taken at its "
                              "word) in the last day: see the Exchange panel.") + (f"\n{message}" if message else "")
        self.exchange.setToolTip(message)
        self._show_integrity()
        self.saving.setText(self.tr("Saving…"))
        self.saving.setAccessibleName(self.tr("A change is being saved"))
        self.identity.setAccessibleName(self.tr("Desk identity"))
        self.saved.setAccessibleName(self.tr("Last save"))
        self.exchange.setAccessibleName(self.tr("Exchange folder state"))

    def _show_integrity(self) -> None:
        state, line = self._integrity
        texts = {
            "": (self.tr("Journal: not verified yet"), "color:#555;"),
            integrity.CHECKING: (self.tr("Journal: checking…"), "color:#555;"),
            integrity.OK: (self.tr("Journal verified: every entry under a signed checkpoint"),
                           "color:#1d6b34;"),
            integrity.INTACT: (self.tr("Journal intact: some entries not covered by any checkpoint"),
                               "color:#6b5400;"),
            integrity.WARNING: (self.tr("Journal warning: the opening check found a problem"),
                                "color:#c01818; font-weight:bold;"),
            integrity.DAMAGED: (self.tr("Journal damaged: restore a backup"),
                                "color:#c01818; font-weight:bold;"),
        }
        text, style = texts.get(state, texts[""])
        self.journal.setText(text)
        self.journal.setStyleSheet(style)
        self.journal.setToolTip(line)
        self.journal.setAccessibleName(self.tr("Journal integrity"))
        self.verify_action.setText(self.tr("Verify"))
        self.verify_action.setToolTip(self.tr("Check the whole journal against its signed checkpoints "
                                              "(in the background)"))
        self.verify_action.setEnabled(state != integrity.CHECKING and self.info is not None)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._show()
        super().changeEvent(event)
