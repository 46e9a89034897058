"""The exchange folder while the window is open: its state for the status bar, Sync now, the periodic watch.

Owned by the main window, so the watch runs whichever panel is shown. Every round runs in the executor
thread; what it imported is announced as `Changes`, so the panels refresh.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, QTimer, Signal

from crisisdesk.ui import site_settings
from crisisdesk.ui.executor import DeskExecutor

if TYPE_CHECKING:
    from crisisdesk.ui.exchange.session import Round

STATE_MS = 60_000  # the folder's state, when the watch is off
FIRST_CHECK_MS = 3_000  # after the board is painted
DEFAULT_INTERVAL = 30  # seconds between rounds of the watch
MIN_INTERVAL, MAX_INTERVAL = 5, 3600


class ExchangeWatch(QObject):
    state = Signal(str, str)  # folder state ("" none set, "ok", "missing"…), message
    folder_changed = Signal(str)
    running = Signal(bool)
    finished = Signal(object)  # session.Round of a sync or an import
    failed = Signal(object)  # the exception of a round

    def __init__(self, executor: DeskExecutor, parent: QObject | None = None):
        super().__init__(parent)
        self._executor = executor
        self.busy = False
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._tick)
        executor.opened.connect(lambda _: QTimer.singleShot(FIRST_CHECK_MS, self._tick))
        self.configure()

    # -- settings ------------------------------------------------------------------
    @property
    def folder(self) -> str:
        """The user's folder, else the site file's (the site file's only, when it locks it)."""
        return str(site_settings.value("exchange.folder") or "")

    @property
    def watching(self) -> bool:
        return QSettings().value("exchange/watch", False, type=bool)

    @property
    def interval(self) -> int:
        value = QSettings().value("exchange/interval", DEFAULT_INTERVAL, type=int)
        return min(max(value, MIN_INTERVAL), MAX_INTERVAL)

    def set_folder(self, path: str) -> None:
        path = path.strip()
        if path == self.folder or site_settings.locked_by("exchange.folder"):
            return
        QSettings().setValue("exchange/folder", path)
        self.folder_changed.emit(path)
        self.check()

    def set_watch(self, on: bool, interval: int) -> None:
        settings = QSettings()
        settings.setValue("exchange/watch", on)
        settings.setValue("exchange/interval", interval)
        self.configure()

    def configure(self) -> None:
        """Rounds every `interval` seconds while watching; otherwise only the folder's state, every minute."""
        self._timer.start(self.interval * 1000 if self.watching and self.folder else STATE_MS)

    # -- rounds ----------------------------------------------------------------------
    def _tick(self) -> None:
        if self.watching and self.folder:
            self.sync_now()
        else:
            self.check()

    def check(self) -> None:
        folder = self.folder
        self._executor.submit(lambda desk: _session().folder_state(desk, folder),
                              lambda state: self.state.emit(*state), lambda exc: None)

    def sync_now(self) -> bool:
        """One round on the folder (import, then write what is due); False if none is set or one runs."""
        folder = self.folder
        if not folder or self.busy:
            return False
        self._run(lambda desk: _session().sync(desk, folder))
        return True

    def import_files(self, paths: list[str]) -> None:
        folder = self.folder
        self._run(lambda desk: _session().import_files(desk, paths, folder))

    def _run(self, fn) -> None:
        self.busy = True
        self.running.emit(True)
        self._executor.submit(fn, self._done, self._failed)

    def _done(self, result: Round) -> None:
        self.busy = False
        self.running.emit(False)
        if result.folder is not None:
            self.state.emit(result.folder.state, result.folder.message)
        self.finished.emit(result)
        for changes in result.changes:
            self._executor.changed.emit(changes)

    def _failed(self, exc: Exception) -> None:
        self.busy = False
        self.running.emit(False)
        self.failed.emit(exc)


def _session():
    """The exchange rounds, loaded in the executor thread on the first round (after start-up)."""
    from crisisdesk.ui.exchange import session

    return session
