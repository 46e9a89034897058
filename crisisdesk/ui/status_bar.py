"""The status bar: desk identity, database file, last save, exchange folder state, work in progress."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar

from crisisdesk.ui.executor import OpenedDesk

BUSY_AFTER_MS = 300


class DeskStatusBar(QStatusBar):
    def __init__(self, clock: Callable[[], datetime], parent=None):
        super().__init__(parent)
        self.setObjectName("deskStatusBar")
        self._clock = clock
        self.info: OpenedDesk | None = None
        self._saved: datetime | None = None
        self._exchange: tuple[str, str] = ("", "")  # state, message
        self.identity = QLabel(objectName="deskIdentity")
        self.path = QLabel(objectName="databasePath")
        self.saved = QLabel(objectName="lastSave")
        self.exchange = QLabel(objectName="exchangeState")
        self.busy = QProgressBar(objectName="busyIndicator")
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.setVisible(False)
        for widget in (self.identity, self.path, self.saved, self.exchange):
            widget.setContentsMargins(10, 0, 10, 0)
            self.addPermanentWidget(widget)
        self.addPermanentWidget(self.busy)
        self._busy_timer = QTimer(self, singleShot=True, interval=BUSY_AFTER_MS)
        self._busy_timer.timeout.connect(lambda: self.busy.setVisible(True))
        self._show()

    def set_info(self, info: OpenedDesk | None) -> None:
        self.info = info
        self._show()

    def mark_saved(self) -> None:
        self._saved = self._clock().astimezone()  # the desk's time (a demo desk runs on demo time)
        self._show()

    def set_exchange(self, state: str, message: str) -> None:
        self._exchange = (state, message)
        self._show()

    def set_busy(self, busy: bool) -> None:
        """The indicator appears only when work takes longer than a moment."""
        if busy:
            self._busy_timer.start()
        else:
            self._busy_timer.stop()
            self.busy.setVisible(False)

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
        self.saved.setText(self.tr("Last save {}").format(self._saved.strftime("%H:%M:%S"))
                           if self._saved else self.tr("Every change is saved at once"))
        state, message = self._exchange
        if not state:
            self.exchange.setText(self.tr("Exchange folder: not set"))
            self.exchange.setStyleSheet("color:#555;")
        elif state == "ok":
            self.exchange.setText(self.tr("Exchange folder: online"))
            self.exchange.setStyleSheet("color:#2e7d32;")
        else:
            self.exchange.setText(self.tr("Exchange folder: offline"))
            self.exchange.setStyleSheet("color:#c01818; font-weight:bold;")
        self.exchange.setToolTip(message)
        self.identity.setAccessibleName(self.tr("Desk identity"))
        self.saved.setAccessibleName(self.tr("Last save"))
        self.exchange.setAccessibleName(self.tr("Exchange folder state"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._show()
        super().changeEvent(event)
