"""Builders for the checkpoint tests: a desk with a key in an in-memory keyring, entries made
on a stepping clock, and the raw edits a forger would make to its file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from crisisdesk.desk.app import Desk
from crisisdesk.desk.exchange_service import ExchangeService
from crisisdesk.domain.journal import GENESIS_HASH, Entry, canonical_json, chain_hash
from tests import raw_entries
from tests.exchange.factories import StepClock


def open_desk(path: Path) -> Desk:
    return Desk.open(path, clock=StepClock(), author="lead")


def keyed_desk(path: Path, role: str = "group", affiliate: str | None = None) -> Desk:
    """A desk with an identity (its key in the keyring in force)."""
    desk = open_desk(path)
    ExchangeService(desk).init(role, group="hanbit", affiliate=affiliate)
    return desk


def add_entries(desk: Desk, count: int, tag: str = "x") -> None:
    for i in range(count):
        raw_entries.record(desk, "group.loaded", {"group": f"g{i % 3}", "name": {"ko": f"그룹 {i}", "en": f"G{i}"},
                                     "text": f"{tag}{i}", "sha256": str(i)})


def raw(path: Path) -> sqlite3.Connection:
    """The file as a forger opens it: plain SQLite, no CrisisDesk."""
    return sqlite3.connect(path, isolation_level=None)


def drop_triggers(conn: sqlite3.Connection) -> None:
    conn.execute("DROP TRIGGER journal_no_update")
    conn.execute("DROP TRIGGER journal_no_delete")


def restore_triggers(conn: sqlite3.Connection) -> None:
    """The append-only triggers exactly as CrisisDesk makes them."""
    from crisisdesk.store.schema import JOURNAL, statements

    for statement in statements(JOURNAL):
        if statement.startswith("CREATE TRIGGER"):
            conn.execute(statement)


def keyless_session(desk: Desk) -> Desk:
    """The desk as a session that cannot reach its key: what it adds stays uncovered."""
    desk._writer.signer.tried, desk._writer.signer.key = True, None
    return desk


def rechain(conn: sqlite3.Connection, change=None) -> None:
    """Renumber the journal 1..N and recompute every hash with the project's own function;
    `change(rows)` may first edit, drop, add or reorder the rows (lists of column values)."""
    import json

    rows = [list(r) for r in conn.execute("SELECT seq, id, desk, author, at, hlc, kind, payload "
                                          "FROM journal ORDER BY seq")]
    if change is not None:
        rows = change(rows)
    conn.execute("DELETE FROM journal")
    prev = GENESIS_HASH
    for number, (_, id_, desk, author, at, hlc, kind, payload) in enumerate(rows, 1):
        entry = Entry(id=id_, desk=desk, author=author, at=at, hlc=hlc, kind=kind,
                      payload=json.loads(payload))
        text = canonical_json(entry.payload)
        digest = chain_hash(prev, entry, text)
        conn.execute("INSERT INTO journal (seq, id, desk, author, at, hlc, kind, payload, event, "
                      "prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                      (number, id_, desk, author, at, hlc, kind, text,
                       str(entry.payload.get("event", "")), prev, digest))
        prev = digest


def rebuild_projections(path: Path) -> None:
    """Make the tables the desk shows agree with the (forged) journal again."""
    from crisisdesk.store.journal_store import Store
    from crisisdesk.store.verify import _projection_tables, rebuild

    conn = raw(path)
    store = Store(conn, path)
    fresh = rebuild(store)
    for table in _projection_tables(fresh.conn):
        conn.execute(f'DELETE FROM "{table}"')
        rows = fresh.conn.execute(f'SELECT * FROM "{table}"').fetchall()
        if rows:
            marks = ",".join("?" * len(rows[0]))
            conn.executemany(f'INSERT INTO "{table}" VALUES ({marks})', rows)
    fresh.close()
    conn.close()
