"""Automatic backups while the window is open: one of the desk as it was opened, then one when due.

Owned by the main window, so backups are taken whichever panel is shown (Settings is built only when
first opened). The executor only says whether one is due and where it goes; the copy is made on a
backup thread of its own, through its own connection and in steps (SQLite's online backup API), so
ticks and other commands go on meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QSettings, QThreadPool, QTimer, Signal

from crisisdesk.ui import gui_thread_gc, site_settings
from crisisdesk.ui.executor import DeskExecutor
from crisisdesk.ui.opening import (
    backup_if_due,
    backup_on_open,
    backup_policy,
    backup_state,
    take_backup,
    write_backup,
)

AFTER_OPEN_MS = 3_000  # after the board is painted: a backup copies the file
CHECK_MS = 60_000


class _Copied(QObject):
    done = Signal(str)  # the backup file
    failed = Signal(object)


class _Copy(QRunnable):
    """One backup copy, on the backup thread."""

    def __init__(self, plan: tuple[str, str, int], pages: int | None, pause: float | None, signals: _Copied):
        super().__init__()
        self._plan, self._pages, self._pause, self.signals = plan, pages, pause, signals

    def run(self) -> None:
        try:
            with gui_thread_gc.held():  # its verification walks the whole copy
                made = write_backup(self._plan, self._pages, self._pause)
        except Exception as exc:  # noqa: BLE001 - shown to the person by the window
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(made)


class BackupWatch(QObject):
    state = Signal(int, str)  # backups kept, the latest one
    failed = Signal(object)  # the exception of an automatic backup
    copying = Signal(bool)  # a backup is being written

    pages: int | None = None  # pages per step of the copy (None: the store's default); tests make it slow
    pause: float | None = None

    def __init__(self, executor: DeskExecutor, parent: QObject | None = None):
        super().__init__(parent)
        self._executor = executor
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # one backup at a time, queued
        self._running = 0
        self._timer = QTimer(self, interval=CHECK_MS, timeout=self.check)
        self._timer.start()
        executor.opened.connect(self._opened)

    @staticmethod
    def choice() -> tuple[int, int]:
        """Backups to keep and minutes between two: chosen in Settings, else the site file's, else
        the desk's default (the site file's only, for what it locks)."""
        return int(site_settings.value("backup.keep")), int(site_settings.value("backup.every_minutes"))

    @staticmethod
    def set_choice(keep: int, every: int) -> None:
        settings = QSettings()
        settings.setValue("backup/keep", keep)
        settings.setValue("backup/every", every)

    def check(self) -> None:
        """Take a backup if one is due."""
        self._submit(backup_if_due, self._refresh_if_made, self.failed.emit)

    def backup_now(self, done: Callable[[], None], failed: Callable[[Exception], None]) -> None:
        def made(_) -> None:
            done()
            self.refresh()

        self._submit(take_backup, made, failed)

    def refresh(self) -> None:
        """Announce how many backups exist and the latest one (`state`)."""
        self._executor.submit(backup_state, lambda found: self.state.emit(*found), lambda exc: None)

    def _opened(self, _info) -> None:
        QTimer.singleShot(AFTER_OPEN_MS, self, self._backup_opened)  # dropped if the window closes first

    def _backup_opened(self) -> None:
        self._submit(backup_on_open, self._refresh_if_made, self.failed.emit)

    def _refresh_if_made(self, made: str) -> None:
        if made:
            self.refresh()

    def _submit(self, take, done, failed) -> None:
        """`take` plans in the executor; the copy runs on the backup thread."""
        keep, every = self.choice()

        def planned(plan) -> None:
            if plan is None:
                done("")
                return
            signals = _Copied(self)
            signals.done.connect(lambda made: self._copied(done, made))
            signals.failed.connect(lambda exc: self._copied(failed, exc))
            self._running += 1
            self.copying.emit(True)
            self._pool.start(_Copy(plan, self.pages, self.pause, signals))

        self._executor.submit(lambda desk: take(desk, backup_policy(keep, every)), planned, failed)

    def _copied(self, then, value) -> None:
        self._running -= 1
        if not self._running:
            self.copying.emit(False)
        then(value)

    @property
    def running(self) -> bool:
        return self._running > 0

    def wait(self, ms: int = -1) -> bool:
        """Wait for the backups under way (closing the window)."""
        return self._pool.waitForDone(ms)
