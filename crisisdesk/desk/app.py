"""`Desk`: an open desk database and its services, each with the parts of the desk it needs.

    desk = Desk.open(path)
    desk.events.activate(...); desk.checklists.set_item(...); desk.views.board()

Every command of a service validates, journals and commits at once; only the services hold the
journal writer."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import ClassVar

from crisisdesk.desk import checkpoints, context
from crisisdesk.desk.assessments import AssessmentCommands
from crisisdesk.desk.backups import BackupCommands
from crisisdesk.desk.checklists import ChecklistCommands
from crisisdesk.desk.communications import CommunicationCommands
from crisisdesk.desk.council import CouncilCommands
from crisisdesk.desk.drills import DrillCommands
from crisisdesk.desk.events import EventCommands
from crisisdesk.desk.outside import OutsideChanges
from crisisdesk.desk.reading import ReadModels
from crisisdesk.desk.report_commands import ReportCommands
from crisisdesk.desk.reviews import ReviewCommands
from crisisdesk.desk.room import RoomCommands
from crisisdesk.desk.site import Site, load_site
from crisisdesk.desk.workbook_commands import WorkbookCommands
from crisisdesk.desk.writer import Writer
from crisisdesk.domain.checkpoint import Checkpoint
from crisisdesk.domain.clock import Clock, system_clock
from crisisdesk.domain.errors import CrisisDeskError
from crisisdesk.store.backup import backup as store_backup
from crisisdesk.store.journal_store import Store
from crisisdesk.store.verify import VerifyReport, quick_check, verify


class Desk:
    """An open desk database: `Desk.open(path)`, then its services' commands and read models."""

    # Called with (path, problems) when the opening check finds something (the CLI prints it).
    on_open_warnings: ClassVar[Callable[[Path, list[str]], None] | None] = None
    # Called with (path, one line) when opening upgraded the file (the CLI prints it).
    on_upgraded: ClassVar[Callable[[Path, str], None] | None] = None

    def __init__(self, store: Store, clock: Clock = system_clock, author: str | None = None):
        self.store = store
        self._writer = writer = Writer(store, clock, author)
        self.clock, self.author, self.desk_id, self.is_demo = (
            writer.clock, writer.author, writer.desk_id, writer.is_demo)
        self.site: Site = load_site()  # the administrator's settings: group pack, role hints, ...
        self.events = EventCommands(writer, self.site)
        self.views = ReadModels(writer, self.events)
        self.checklists = ChecklistCommands(writer, self.events)
        self.assessments = AssessmentCommands(writer, self.events)
        self.council = CouncilCommands(writer, self.events)
        self.communications = CommunicationCommands(writer, self.events, self.views)
        self.backups = BackupCommands(writer, self.events)
        self.reports = ReportCommands(writer, self.events, self.views)
        self.workbook = WorkbookCommands(writer, self.events, self.views, self.reports)
        self.drills = DrillCommands(writer, self.events)
        self.reviews = ReviewCommands(writer, self.events, self.views, self.drills)
        self.room = RoomCommands(writer, self.events, self.views)
        self.outside = OutsideChanges(writer)
        # What opening did to bring an older file up to this program ('' for nothing).
        self.upgrade_note = store.upgraded.describe() if store.upgraded else ""
        self.upgrade_backup = str(store.upgraded.backup or "") if self.upgrade_note and store.upgraded else ""
        if self.upgrade_note and Desk.on_upgraded is not None:
            Desk.on_upgraded(self.path, self.upgrade_note)
        # The opening check (schema, triggers, chain head against the last signed checkpoint).
        self.open_warnings: list[str] = quick_check(store)
        if self.open_warnings and Desk.on_open_warnings is not None:
            Desk.on_open_warnings(self.path, self.open_warnings)

    @classmethod
    def open(cls, path: Path, clock: Clock = system_clock, author: str | None = None,
             create: bool = True) -> Desk:
        return cls(Store.open(Path(path), create=create), clock=clock, author=author)

    @property
    def path(self) -> Path:
        return Path(str(self.store.path))

    def close(self) -> None:
        """Sign a checkpoint of what was added since the last one (when the desk has its key),
        then close the database."""
        try:
            checkpoints.on_close(self._writer)
        except (CrisisDeskError, sqlite3.Error):
            pass  # a full disk or a read-only file: closing must still work
        self.store.close()

    def checkpoint(self, reason: str = "manual") -> Checkpoint | None:
        """Sign the journal's head now; None when the desk has no key it can use."""
        return checkpoints.make(self._writer, reason)

    def checkpoint_status(self) -> str:
        """Why this desk makes no checkpoints ('' when it does)."""
        signer = self._writer.signer
        signer.get(self.store.conn)
        return "" if signer.key is not None else signer.why

    def __enter__(self) -> Desk:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    def journal_length(self) -> int:
        """How many entries the journal holds."""
        return self.store.head()[0]

    def verify(self) -> VerifyReport:
        """The file's integrity, hash chain and projections; then the cache of parsed pinned texts."""
        report = verify(self.store)
        if report.ok:
            report.problems.extend(context.cache_problems(self.store.conn))
        return report

    def clear_document_cache(self) -> int:
        """Forget the parsed pinned texts; they are parsed again when next needed."""
        with self.store.transaction():
            return context.forget_cache(self.store.conn)

    def backup(self, out: Path) -> int:
        return store_backup(self.store, Path(out))
