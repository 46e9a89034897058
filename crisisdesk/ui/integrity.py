"""The full journal check (`verify`) on demand, on the general pool: never on the UI thread,
never on the desk's executor (it reads the file through its own read-only connection)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from crisisdesk.ui.opening import desk_module

OK, INTACT, DAMAGED, WARNING, CHECKING = "ok", "intact", "damaged", "warning", "checking"


@dataclass(frozen=True)
class IntegrityResult:
    """What the check found: `state` (ok: every entry covered by a signed checkpoint; intact: no
    damage, some entries not covered; damaged) and verify's own line, for the tooltip."""

    state: str
    line: str


def check_file(path: Path) -> IntegrityResult:
    """Runs on a pool thread: verify the desk file read-only."""
    report = desk_module("backups").verify_database(Path(path))
    if not report.ok:
        return IntegrityResult(DAMAGED, report.problems[0])
    return IntegrityResult(OK if report.covered else INTACT, report.summary())


class IntegritySignals(QObject):
    done = Signal(object)  # IntegrityResult
    failed = Signal(object)  # the exception


class IntegrityJob(QRunnable):
    def __init__(self, path: Path, signals: IntegritySignals):
        super().__init__()
        self.path, self.signals = path, signals

    def run(self) -> None:
        try:
            result = check_file(self.path)
        except Exception as exc:  # noqa: BLE001 - shown in the status bar
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


class IntegrityCheck(QObject):
    """`start(path)`: verify in the background; `finished(IntegrityResult)` on the UI thread."""

    started = Signal()
    finished = Signal(object)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        # Not parented: a job still running when the window closes emits into a live object;
        # the connections to bound methods end with this object.
        self.signals = IntegritySignals()
        self.signals.done.connect(self._done)
        self.signals.failed.connect(self._failed)
        self.running = False

    def start(self, path: Path) -> bool:
        """Start a check of `path` (False when one is already running)."""
        if self.running:
            return False
        self.running = True
        self.started.emit()
        QThreadPool.globalInstance().start(IntegrityJob(Path(path), self.signals))
        return True

    def _failed(self, exc: object) -> None:
        self._done(IntegrityResult(DAMAGED, str(exc)))

    def _done(self, result: IntegrityResult) -> None:
        self.running = False
        self.finished.emit(result)
