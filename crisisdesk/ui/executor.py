"""The database executor: one thread owns the Desk; the UI submits work and gets results by signal."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal, Slot

from crisisdesk.desk.changes import Changes
from crisisdesk.domain.clock import Clock, system_clock
from crisisdesk.domain.errors import CrisisDeskError

DeskFn = Callable[[Any], Any]
SAVING_AFTER_MS = 200  # a save that waits longer is announced ("saving…")
Callback = Callable[[Any], None]


class DeskNotOpen(CrisisDeskError):
    """Work was submitted while no database is open."""


@dataclass(frozen=True)
class OpenedDesk:
    """Who this desk is, where its data lives, and its clock (demo desks run on demo time)."""

    desk_id: str
    author: str
    path: Path
    clock: Clock
    demo: bool = False
    warnings: tuple[str, ...] = ()  # what the opening check found (schema, triggers, checkpoint)
    upgrade_backup: str = ""  # opening upgraded the file: the backup taken before


class DeskClock:
    """The open desk's clock, callable from the UI thread (it only reads the system time)."""

    def __init__(self, clock: Clock = system_clock):
        self.clock = clock

    def __call__(self) -> datetime:
        return self.clock()


class _Worker(QObject):
    """Lives in the executor thread; the only code that touches the Desk."""

    done = Signal(int, object)
    failed = Signal(int, object)
    opened = Signal(object)
    open_failed = Signal(object)

    def __init__(self, opener: Callable[[], Any]):
        super().__init__()
        self._opener = opener
        self.desk = None

    @Slot()
    def start(self) -> None:
        self.open(self._opener)

    @Slot(object)
    def open(self, opener: Callable[[], Any]) -> None:
        """Open the Desk in this thread (closing any desk opened before)."""
        self.close()
        self._opener = opener
        try:
            self.desk = opener()
        except Exception as exc:  # noqa: BLE001 - reported to the UI as it is
            self.open_failed.emit(exc)
            return
        desk = self.desk
        self.opened.emit(OpenedDesk(desk.desk_id, desk.author, desk.path, desk.clock,
                                  getattr(desk, "is_demo", False),
                                  tuple(getattr(desk, "open_warnings", ())),
                                  getattr(desk, "upgrade_backup", "")))

    @Slot(int, object)
    def run(self, job: int, fn: DeskFn) -> None:
        if self.desk is None:
            self.failed.emit(job, DeskNotOpen("no desk database is open: choose one in Settings"))
            return
        try:
            result = fn(self.desk)
        except Exception as exc:  # noqa: BLE001 - every failure goes back to the caller
            self.failed.emit(job, exc)
        else:
            self.done.emit(job, result)

    @Slot()
    def close(self) -> None:
        if self.desk is not None:
            self.desk.close()
            self.desk = None


class DeskExecutor(QObject):
    """`submit(fn, on_done, on_error)`: `fn(desk)` runs in the executor thread, callbacks in the UI.

    A result that is a `Changes`, or carries one as `.changes` (a report outcome), is also announced
    by `changed`, after `on_done`. A job submitted with `saving=True` (a command a person waits for)
    that has not finished after SAVING_AFTER_MS makes `saving` say True until no such job is left.
    """

    changed = Signal(object)  # Changes
    opened = Signal(object)  # OpenedDesk
    open_failed = Signal(object)  # the exception
    failed = Signal(object)  # an error no on_error took
    busy = Signal(bool)
    saving = Signal(bool)  # a save has waited longer than SAVING_AFTER_MS / no save waits any more
    _run = Signal(int, object)
    _open = Signal(object)
    _close = Signal()

    def __init__(self, opener: Callable[[], Any], parent: QObject | None = None):
        super().__init__(parent)
        self._jobs: dict[int, tuple[Callback | None, Callback | None]] = {}
        self._ids = itertools.count(1)
        self._saves: set[int] = set()  # saving jobs not finished
        self._saving_shown = False
        self._saving_timer = QTimer(self, singleShot=True, interval=SAVING_AFTER_MS, timeout=self._saving_waited)
        self._thread = QThread()
        self._thread.setObjectName("desk-executor")
        self._worker = _Worker(opener)
        self._worker.moveToThread(self._thread)
        self._run.connect(self._worker.run)
        self._open.connect(self._worker.open)
        self._close.connect(self._worker.close)
        self._worker.done.connect(self._on_done)
        self._worker.failed.connect(self._on_failed)
        self._worker.open_failed.connect(self.open_failed)
        self._thread.started.connect(self._worker.start)
        self.info: OpenedDesk | None = None
        self.clock = DeskClock()
        self._worker.opened.connect(self._remember, Qt.ConnectionType.QueuedConnection)

    def start(self) -> None:
        self._thread.start()

    def reopen(self, opener: Callable[[], Any]) -> None:
        """Close the current desk and open another one (e.g. another file or author)."""
        self._open.emit(opener)

    def submit(self, fn: DeskFn, on_done: Callback | None = None,
               on_error: Callback | None = None, saving: bool = False) -> int:
        job = next(self._ids)
        self._jobs[job] = (on_done, on_error)
        if len(self._jobs) == 1:
            self.busy.emit(True)
        if saving:
            self._saves.add(job)
            if not self._saving_timer.isActive() and not self._saving_shown:
                self._saving_timer.start()
        self._run.emit(job, fn)
        return job

    def _saving_waited(self) -> None:
        if self._saves:
            self._saving_shown = True
            self.saving.emit(True)

    @property
    def pending(self) -> int:
        return len(self._jobs)

    def shutdown(self) -> None:
        """Finish the queued work, close the desk in its thread and stop the thread."""
        if self._thread.isRunning():
            self._close.emit()
            self._thread.quit()
            self._thread.wait()
        self._jobs.clear()

    def _remember(self, info: OpenedDesk) -> None:
        self.info = info
        self.clock.clock = info.clock
        self.opened.emit(info)

    def _finish(self, job: int) -> tuple[Callback | None, Callback | None]:
        callbacks = self._jobs.pop(job, (None, None))
        if not self._jobs:
            self.busy.emit(False)
        self._saves.discard(job)
        if not self._saves:
            self._saving_timer.stop()
            if self._saving_shown:
                self._saving_shown = False
                self.saving.emit(False)
        return callbacks

    def _on_done(self, job: int, result: object) -> None:
        on_done, _ = self._finish(job)
        if on_done is not None:
            on_done(result)
        changes = result if isinstance(result, Changes) else getattr(result, "changes", None)
        if isinstance(changes, Changes):
            self.changed.emit(changes)

    def _on_failed(self, job: int, exc: object) -> None:
        _, on_error = self._finish(job)
        if on_error is not None:
            on_error(exc)
        else:
            self.failed.emit(exc)
