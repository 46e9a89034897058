"""Integrity, hash chain and projections rebuilt from the journal, compared with the file."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field

from crisisdesk.domain.journal import GENESIS_HASH, chain_hash
from crisisdesk.store.journal_store import _COLUMNS, Store, row_to_stored
from crisisdesk.store.schema import LOCAL_STATE_TABLES

INTERNAL_TABLES = {"journal", "meta", *LOCAL_STATE_TABLES}


@dataclass
class VerifyReport:
    entries: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def verify(store: Store) -> VerifyReport:
    """Check the file; the first problem of each kind is named (sequence and id, or row)."""
    report = VerifyReport()
    integrity = [row[0] for row in store.conn.execute("PRAGMA integrity_check")]
    if integrity != ["ok"]:
        report.problems.append("SQLite integrity check failed: " + "; ".join(integrity[:5]))
        return report
    chain_problem = _check_chain(store, report)
    if chain_problem:
        report.problems.append(chain_problem)
        return report
    difference = _compare_projections(store)
    if difference:
        report.problems.append(difference)
    return report


def _check_chain(store: Store, report: VerifyReport) -> str | None:
    prev, expected_seq = GENESIS_HASH, 1
    for row in store.conn.execute(f"SELECT {_COLUMNS}, event FROM journal ORDER BY seq"):
        seq, entry_id, event = row[0], row[1], row[-1]
        where = f"journal entry #{seq} ({entry_id})"
        if seq != expected_seq:
            return f"{where}: entries #{expected_seq}..#{seq - 1} are missing (deleted from the journal)"
        try:
            stored = row_to_stored(row[:-1])
        except (json.JSONDecodeError, TypeError) as exc:
            return f"{where}: payload is not valid JSON ({exc})"
        if stored.prev_hash != prev:
            return f"{where}: does not follow the previous entry (chain broken: rows removed or reordered)"
        if chain_hash(prev, stored.entry) != stored.hash:
            return f"{where}: content does not match its hash (the entry was edited)"
        if event != str(stored.entry.payload.get("event", "")):
            return f"{where}: its event column does not match its payload (the entry was edited)"
        prev, expected_seq = stored.hash, seq + 1
        report.entries += 1
    return None


def _projection_tables(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    return [r[0] for r in rows if r[0] not in INTERNAL_TABLES]


def _compare_projections(store: Store) -> str | None:
    rebuilt = rebuild(store)
    try:
        stored_tables = _projection_tables(store.conn)
        rebuilt_tables = _projection_tables(rebuilt.conn)
        if stored_tables != rebuilt_tables:
            return f"projection tables differ: file has {stored_tables}, rebuild has {rebuilt_tables}"
        for table in stored_tables:
            columns = [r[1] for r in store.conn.execute(f'PRAGMA table_info("{table}")')]
            order = ", ".join(f'"{c}"' for c in columns)
            ours = store.conn.execute(f'SELECT * FROM "{table}" ORDER BY {order}').fetchall()
            theirs = rebuilt.conn.execute(f'SELECT * FROM "{table}" ORDER BY {order}').fetchall()
            for index, (a, b) in enumerate(zip(ours, theirs, strict=False)):
                if a != b:
                    return (f"projection {table}: row {index + 1} differs from the journal: "
                            f"stored {_short(columns, a)}, journal says {_short(columns, b)}")
            if len(ours) != len(theirs):
                return (f"projection {table}: {len(ours)} rows stored, the journal gives "
                        f"{len(theirs)}")
    finally:
        rebuilt.close()
    return None


def rebuild(store: Store, upto: int | None = None) -> Store:
    """A new in-memory store holding the journal (up to `upto`) and its projections."""
    fresh = Store.memory()
    batch = []
    for stored in store.entries(upto=upto):
        batch.append(stored.entry)
        if len(batch) >= 5000:
            fresh.append(batch)
            batch = []
    if batch:
        fresh.append(batch)
    return fresh


def _short(columns: list[str], row: tuple) -> str:
    pairs = [f"{c}={v!r}"[:80] for c, v in zip(columns, row, strict=False)]
    return "(" + ", ".join(pairs[:6]) + (", ..." if len(pairs) > 6 else "") + ")"
