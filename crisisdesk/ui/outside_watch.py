"""Changes made by other programs to the open desk database (the CLI, `exchange watch` in another
process, a second window) reach the panels within two seconds, as the desk's own commands do."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from crisisdesk.ui.executor import DeskExecutor

POLL_MS = 1_000  # noticed within two seconds (one poll, plus the refresh it asks)


def _outside_changes(desk) -> list:
    """Runs in the executor: what others wrote since the last poll (a desk without the service: none)."""
    outside = getattr(desk, "outside", None)
    return outside.outside_changes() if outside is not None else []


class OutsideWatch(QObject):
    """Asks the executor every POLL_MS (one PRAGMA when nothing happened) and announces what it found
    (`changed`), so every panel refreshes what cares, as after the desk's own commands."""

    changed = Signal(object)  # Changes written by another program

    def __init__(self, executor: DeskExecutor, parent: QObject | None = None):
        super().__init__(parent)
        self._executor = executor
        self._asking = False
        self._timer = QTimer(self, interval=POLL_MS, timeout=self.poll)
        self._timer.start()
        executor.opened.connect(lambda _info: self.poll())  # notes where the journal stands

    def poll(self) -> None:
        if self._asking or self._executor.info is None:
            return
        self._asking = True
        self._executor.submit(_outside_changes, self._found, self._failed)

    def _found(self, found: list) -> None:
        self._asking = False
        for changes in found:
            self.changed.emit(changes)

    def _failed(self, _exc: Exception) -> None:
        self._asking = False  # the desk was closed or is busy elsewhere: the next poll asks again
