"""The journal writer: stamps, role-checks and appends this desk's own entries.

Only the desk's services hold it (each is given it when the desk opens); the UI and the CLI reach
the journal through the services' commands, which validate what they append."""

from __future__ import annotations

import getpass
import sqlite3
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from crisisdesk.desk import checkpoints
from crisisdesk.domain import hlc
from crisisdesk.domain.clock import Clock, from_iso, system_clock, to_iso, to_ms
from crisisdesk.domain.desk_roles import check_allowed
from crisisdesk.domain.errors import CrisisDeskError
from crisisdesk.domain.ids import new_id
from crisisdesk.domain.journal import Entry, StoredEntry
from crisisdesk.store import exchange_tables
from crisisdesk.store.journal_store import Store

Payload = dict[str, Any]


class Writer:
    """One desk's identity, author and clock, and the one way its entries are appended."""

    def __init__(self, store: Store, clock: Clock = system_clock, author: str | None = None):
        self.store = store
        anchor = store.meta("demo_anchor")
        self.is_demo = anchor is not None
        self.clock: Clock = _demo_clock(from_iso(anchor), clock) if anchor and clock is system_clock else clock
        self.author = author or _default_author()
        desk_id = store.meta("desk_id")
        if desk_id is None:
            desk_id = new_id()
            store.set_meta("desk_id", desk_id)
        self.desk_id: str = desk_id
        self._hlc: hlc.Hlc | None = None
        self.signer = checkpoints.Signer()
        self.checkpoint_seq: int | None = None

    def new_entry(self, kind: str, payload: Payload) -> Entry:
        """A local entry stamped with this desk, its author, the clock and the next HLC.

        Call it inside the write transaction that appends the entry (as `record` does): the
        journal's last clock is then read under SQLite's write lock, so two programs writing to
        one desk at once never give out the same or a decreasing clock."""
        now = self.clock()
        last = max(filter(None, (self._hlc, self.store.last_hlc())), default=None)
        self._hlc = hlc.tick(last, to_ms(now), self.desk_id)
        return Entry(id=new_id(to_ms(now)), desk=self.desk_id, author=self.author,
                     at=to_iso(now), hlc=self._hlc.encode(), kind=kind, payload=payload)

    def record(self, kind: str, payload: Payload) -> StoredEntry:
        """Append one local entry and its projections in one transaction."""
        self.check_role(kind, payload)
        with self.store.transaction():  # the clock is taken under the write lock
            stored = self.store.append([self.new_entry(kind, payload)])[0]
        self._after_append(stored.seq)
        return stored

    def record_many(self, items: Sequence[tuple[str, Payload]]) -> list[StoredEntry]:
        """Append several local entries atomically, in order."""
        for kind, payload in items:
            self.check_role(kind, payload)
        with self.store.transaction():  # the clocks are taken under the write lock
            stored = self.store.append([self.new_entry(kind, payload) for kind, payload in items])
        if stored:
            self._after_append(stored[-1].seq)
        return stored

    def check_role(self, kind: str, payload: Payload) -> None:
        """Refuse (NotAllowed, one line) an entry this desk's exchange role may not make: an
        affiliate desk records only its own affiliate's work (domain.desk_roles)."""
        me = exchange_tables.identity(self.store.conn)
        if me is not None:
            check_allowed(me["role"], me["affiliate"], kind, payload)

    def _after_append(self, head: int) -> None:
        """An interval checkpoint when one is due (never failing the command just saved)."""
        if self.store.conn.in_transaction:
            return  # inside a caller's transaction: the interval waits for the next command
        try:
            checkpoints.after_append(self, head)
        except (CrisisDeskError, sqlite3.Error):
            pass


class DeskService:
    """A part of the desk (events, checklists, reports, ...): reads the database and appends
    entries through the writer it is given."""

    def __init__(self, writer: Writer) -> None:
        self._writer = writer
        self._store = writer.store
        self._clock = writer.clock
        self._record = writer.record
        self._record_many = writer.record_many


def _demo_clock(anchor: datetime, clock: Clock) -> Clock:
    """A demo desk runs on demo time: it opens at the anchor and ticks on from there."""
    offset = anchor - clock()

    def demo_now() -> datetime:
        return clock() + offset

    return demo_now


def _default_author() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name on this system
        return "unknown"
