"""Versioned schema: migration N brings a database to `PRAGMA user_version` N.

Each migration is a Python step run inside its own transaction (`migrate`); the first four
were SQL scripts and run exactly as they did (`sql_step`). Append new migrations, never change
one that shipped: the schema a file is checked against is the one its migrations make.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from crisisdesk.store import checkpoints, document_cache
from crisisdesk.store.projections.checklists import DDL_7 as ITEM_CHANGES_7
from crisisdesk.store.projections.events import DDL_2 as EVENTS_2
from crisisdesk.store.projections.registry import DDL as PROJECTIONS
from crisisdesk.store.projections.reports import DDL_5 as REPORT_FILES_5

APPLICATION_ID = 0x43445350  # "CDSP": CrisisDesk SQLite, set on every desk database

JOURNAL = """
CREATE TABLE journal (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    desk TEXT NOT NULL,
    author TEXT NOT NULL,
    at TEXT NOT NULL,
    hlc TEXT NOT NULL,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    event TEXT NOT NULL,  -- payload's event id ('' for none), for the timeline index
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
) STRICT;
CREATE INDEX journal_hlc ON journal(hlc);
CREATE INDEX journal_event ON journal(event, hlc) WHERE event != '';
CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal
BEGIN SELECT RAISE(ABORT, 'the journal is append-only: entries cannot be changed'); END;
CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal
BEGIN SELECT RAISE(ABORT, 'the journal is append-only: entries cannot be deleted'); END;
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
"""

# Desk-to-desk exchange bookkeeping (store/exchange_tables.py): local state, not projections.
EXCHANGE_STATE = """
CREATE TABLE exchange_sent (
    seq INTEGER PRIMARY KEY, recipient TEXT NOT NULL, file TEXT NOT NULL, entries INTEGER NOT NULL,
    upto INTEGER NOT NULL, digest TEXT NOT NULL, at TEXT NOT NULL
) STRICT;
CREATE INDEX exchange_sent_recipient ON exchange_sent(recipient, upto);
CREATE TABLE exchange_received (
    sender TEXT NOT NULL, seq INTEGER NOT NULL, digest TEXT NOT NULL, file TEXT NOT NULL,
    entries INTEGER NOT NULL, new_entries INTEGER NOT NULL, after INTEGER NOT NULL,
    upto INTEGER NOT NULL, at TEXT NOT NULL, PRIMARY KEY (sender, seq)
) STRICT;
"""
# Schema 3 (acknowledged exchange, store/exchange_tables.py): per peer, the stream state both
# ways (what it acknowledged of this desk's journal, what this desk holds of its journal); this
# desk's own stream epoch; when this desk last heard from each affiliate (staleness by receipt).
EXCHANGE_STATE_3 = """
CREATE TABLE exchange_streams (
    peer TEXT PRIMARY KEY,
    their_epoch TEXT NOT NULL DEFAULT '', their_epoch_seq INTEGER NOT NULL DEFAULT 0,
    their_upto INTEGER NOT NULL DEFAULT 0, their_hash TEXT NOT NULL DEFAULT '',
    heard_at TEXT NOT NULL DEFAULT '', waiting_after INTEGER NOT NULL DEFAULT 0,
    acked_epoch TEXT NOT NULL DEFAULT '', acked_upto INTEGER NOT NULL DEFAULT 0,
    sent_epoch TEXT NOT NULL DEFAULT '', sent_upto INTEGER NOT NULL DEFAULT 0,
    ack_told TEXT NOT NULL DEFAULT '', resend_due TEXT NOT NULL DEFAULT '',
    resend_gap INTEGER NOT NULL DEFAULT 0, return_own INTEGER NOT NULL DEFAULT 0,
    ack_seq INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE TABLE exchange_marks (
    sender TEXT NOT NULL, epoch TEXT NOT NULL, upto INTEGER NOT NULL, hash TEXT NOT NULL,
    PRIMARY KEY (sender, epoch, upto, hash)
) STRICT;
CREATE TABLE exchange_self (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
CREATE TABLE affiliate_heard (
    event TEXT NOT NULL, affiliate TEXT NOT NULL, at TEXT NOT NULL,
    PRIMARY KEY (event, affiliate)
) STRICT;
INSERT INTO affiliate_heard SELECT event, affiliate, last_at FROM affiliate_activity;
"""
LOCAL_STATE_TABLES = frozenset({
    "exchange_sent", "exchange_received", "exchange_streams", "exchange_marks", "exchange_self",
    "affiliate_heard", "writers"}) | document_cache.TABLES | checkpoints.TABLES

# Schema 2 (truthful picture): provider history, duty filings per filer, closure times; the
# cache of parsed documents is emptied because the group and playbook models grew.
MIGRATION_2 = EVENTS_2 + "DELETE FROM parsed_documents;\n"

Step = Callable[[sqlite3.Connection], None]


@dataclass(frozen=True)
class Migration:
    """Migration `number`: `step` brings a database of schema `number - 1` to `number`."""

    number: int
    title: str
    step: Step


def statements(script: str) -> list[str]:
    """Split an SQL script into complete statements (triggers included)."""
    found, current = [], ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            found.append(current.strip())
            current = ""
    if current.strip():
        raise ValueError(f"incomplete SQL statement: {current.strip()[:60]}")
    return found


def sql_step(script: str) -> Step:
    """A step that runs the statements of `script` in order."""

    def run(conn: sqlite3.Connection) -> None:
        for statement in statements(script):
            conn.execute(statement)

    return run


# Schema 6 (writers): which program versions wrote this file, first and last opened (UTC).
WRITERS = """
CREATE TABLE writers (
    version TEXT PRIMARY KEY, first_opened TEXT NOT NULL, last_opened TEXT NOT NULL
) STRICT;
"""


def _writers(conn: sqlite3.Connection) -> None:
    """The writers table. A file made before it knows not which versions wrote it: its first
    row says so (version "before-writers"), dated when this migration ran."""
    for statement in statements(WRITERS):
        conn.execute(statement)
    if conn.execute("SELECT count(*) FROM journal").fetchone()[0]:
        now = utc_now()
        conn.execute("INSERT INTO writers VALUES ('before-writers', ?, ?)", (now, now))


def utc_now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "journal, exchange state, parse cache, projections",
              sql_step(JOURNAL + EXCHANGE_STATE + document_cache.DDL + PROJECTIONS)),
    Migration(2, "truthful picture: provider history, duty filings per filer, closure times",
              sql_step(MIGRATION_2)),
    Migration(3, "acknowledged exchange", sql_step(EXCHANGE_STATE_3)),
    # Schema 4 (anchored journal, store/checkpoints.py): signed checkpoints of this desk's and
    # its peers' journals, kept outside the journal.
    Migration(4, "anchored journal: signed checkpoints", sql_step(checkpoints.DDL)),
    # Schema 5 (office files, store/projections/reports.py): the register of office drafts and
    # brief PDFs made from numbered reports.
    Migration(5, "office files: drafts and briefs made from numbered reports", sql_step(REPORT_FILES_5)),
    Migration(6, "writers: the program versions that wrote the file", _writers),
    # Schema 7 (store/projections/checklists.py): item history without a second copy of each
    # change's payload, keyed by item and clock.
    Migration(7, "item history keyed by item, its payloads read from the journal",
              sql_step(ITEM_CHANGES_7)),
)
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(conn: sqlite3.Connection, upto: int = SCHEMA_VERSION) -> list[int]:
    """Bring the schema to `upto`, one migration per transaction; the numbers run.

    The version is read again inside each transaction, so two programs opening the same old
    file at once run each migration once."""
    done = []
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    for migration in MIGRATIONS[version:upto]:
        conn.execute("BEGIN IMMEDIATE")
        try:
            if conn.execute("PRAGMA user_version").fetchone()[0] < migration.number:
                migration.step(conn)
                conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
                conn.execute(f"PRAGMA user_version={migration.number}")
                done.append(migration.number)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return done
