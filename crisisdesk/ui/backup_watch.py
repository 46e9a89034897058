"""Automatic backups while the window is open: one of the desk as it was opened, then one when due.

Owned by the main window, so backups are taken whichever panel is shown (Settings is built only when
first opened). Every backup runs in the executor thread.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QSettings, QTimer, Signal

from crisisdesk.ui import site_settings
from crisisdesk.ui.executor import DeskExecutor
from crisisdesk.ui.opening import (
    backup_if_due,
    backup_on_open,
    backup_policy,
    backup_state,
    take_backup,
)

AFTER_OPEN_MS = 3_000  # after the board is painted: a backup copies the file
CHECK_MS = 60_000


class BackupWatch(QObject):
    state = Signal(int, str)  # backups kept, the latest one
    failed = Signal(object)  # the exception of an automatic backup

    def __init__(self, executor: DeskExecutor, parent: QObject | None = None):
        super().__init__(parent)
        self._executor = executor
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
        keep, every = self.choice()
        self._executor.submit(lambda desk: take(desk, backup_policy(keep, every)), done, failed)
