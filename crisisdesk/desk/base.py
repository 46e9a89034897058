"""The open desk: database, identity, author, clock, and how commands are journaled."""

from __future__ import annotations

import getpass
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import ClassVar

from crisisdesk.desk import checkpoints, context
from crisisdesk.desk.site import load_site
from crisisdesk.domain import hlc
from crisisdesk.domain.clock import Clock, from_iso, system_clock, to_iso, to_ms
from crisisdesk.domain.desk_roles import check_allowed
from crisisdesk.domain.errors import CrisisDeskError
from crisisdesk.domain.ids import new_id
from crisisdesk.domain.journal import Entry, StoredEntry
from crisisdesk.store import exchange_tables
from crisisdesk.store.backup import backup as store_backup
from crisisdesk.store.journal_store import Store
from crisisdesk.store.verify import VerifyReport, quick_check, verify


class DeskBase:
    """One desk: its database, identity, author and clock."""

    # Called with (path, problems) when the opening check finds something (the CLI prints it).
    on_open_warnings: ClassVar[Callable[[Path, list[str]], None] | None] = None
    # Called with (path, one line) when opening upgraded the file (the CLI prints it).
    on_upgraded: ClassVar[Callable[[Path, str], None] | None] = None

    def __init__(self, store: Store, clock: Clock = system_clock, author: str | None = None):
        self.store = store
        anchor = store.meta("demo_anchor")
        self.is_demo = anchor is not None
        self.clock = _demo_clock(from_iso(anchor), clock) if anchor and clock is system_clock else clock
        self.author = author or _default_author()
        self.site = load_site()  # the administrator's settings: group pack, role hints, ...
        desk_id = store.meta("desk_id")
        if desk_id is None:
            desk_id = new_id()
            store.set_meta("desk_id", desk_id)
        self.desk_id = desk_id
        self._hlc: hlc.Hlc | None = None
        self.signer = checkpoints.Signer()
        self.checkpoint_seq: int | None = None
        # What opening did to bring an older file up to this program ('' for nothing).
        self.upgrade_note = store.upgraded.describe() if store.upgraded else ""
        self.upgrade_backup = str(store.upgraded.backup or "") if self.upgrade_note and store.upgraded else ""
        if self.upgrade_note and DeskBase.on_upgraded is not None:
            DeskBase.on_upgraded(self.path, self.upgrade_note)
        # The opening check (schema, triggers, chain head against the last signed checkpoint).
        self.open_warnings: list[str] = quick_check(store)
        if self.open_warnings and DeskBase.on_open_warnings is not None:
            DeskBase.on_open_warnings(self.path, self.open_warnings)

    @classmethod
    def open(cls, path: Path, clock: Clock = system_clock, author: str | None = None,
             create: bool = True):
        return cls(Store.open(Path(path), create=create), clock=clock, author=author)

    @property
    def path(self) -> Path:
        return Path(str(self.store.path))

    def close(self) -> None:
        """Sign a checkpoint of what was added since the last one (when the desk has its key),
        then close the database."""
        try:
            checkpoints.on_close(self)
        except (CrisisDeskError, sqlite3.Error):
            pass  # a full disk or a read-only file: closing must still work
        self.store.close()

    def checkpoint(self, reason: str = "manual"):
        """Sign the journal's head now; None when the desk has no key it can use."""
        return checkpoints.make(self, reason)

    def checkpoint_status(self) -> str:
        """Why this desk makes no checkpoints ('' when it does)."""
        self.signer.get(self.store.conn)
        return "" if self.signer.key is not None else self.signer.why

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def new_entry(self, kind: str, payload: dict) -> Entry:
        """A local entry stamped with this desk, its author, the clock and the next HLC.

        Call it inside the write transaction that appends the entry (as `record` does): the
        journal's last clock is then read under SQLite's write lock, so two programs writing to
        one desk at once never give out the same or a decreasing clock."""
        now = self.clock()
        last = max(filter(None, (self._hlc, self.store.last_hlc())), default=None)
        self._hlc = hlc.tick(last, to_ms(now), self.desk_id)
        return Entry(id=new_id(to_ms(now)), desk=self.desk_id, author=self.author,
                     at=to_iso(now), hlc=self._hlc.encode(), kind=kind, payload=payload)

    def record(self, kind: str, payload: dict) -> StoredEntry:
        """Append one local entry and its projections in one transaction."""
        self.check_role(kind, payload)
        with self.store.transaction():  # the clock is taken under the write lock
            stored = self.store.append([self.new_entry(kind, payload)])[0]
        self._after_append(stored.seq)
        return stored

    def record_many(self, items: list[tuple[str, dict]]) -> list[StoredEntry]:
        """Append several local entries atomically, in order."""
        for kind, payload in items:
            self.check_role(kind, payload)
        with self.store.transaction():  # the clocks are taken under the write lock
            stored = self.store.append([self.new_entry(kind, payload) for kind, payload in items])
        if stored:
            self._after_append(stored[-1].seq)
        return stored

    def _after_append(self, head: int) -> None:
        """An interval checkpoint when one is due (never failing the command just saved)."""
        if self.store.conn.in_transaction:
            return  # inside a caller's transaction: the interval waits for the next command
        try:
            checkpoints.after_append(self, head)
        except (CrisisDeskError, sqlite3.Error):
            pass

    def check_role(self, kind: str, payload: dict) -> None:
        """Refuse (NotAllowed, one line) an entry this desk's exchange role may not make: an
        affiliate desk records only its own affiliate's work (domain.desk_roles)."""
        me = exchange_tables.identity(self.store.conn)
        if me is not None:
            check_allowed(me["role"], me["affiliate"], kind, payload)

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


def _demo_clock(anchor: datetime, clock: Clock) -> Clock:
    """A demo desk runs on demo time: it opens at the anchor and ticks on from there."""
    offset = anchor - clock()
    return lambda: clock() + offset


def _default_author() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name on this system
        return "unknown"
