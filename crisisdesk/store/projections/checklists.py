"""Checklist items per affiliate and the history of their changes (for undo and conflicts)."""

from __future__ import annotations

import sqlite3
from operator import itemgetter
from typing import Any

from crisisdesk.domain.entry_kinds import Kind
from crisisdesk.domain.journal import Entry, StoredEntry
from crisisdesk.store.projections import projects_batch
from crisisdesk.store.projections.activity import touch_many

DDL = """
CREATE TABLE checklist_items (
    event TEXT NOT NULL, affiliate TEXT NOT NULL, checklist TEXT NOT NULL, item TEXT NOT NULL,
    due TEXT NOT NULL, critical INTEGER NOT NULL, owner TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'todo', assignee TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '', evidence TEXT NOT NULL DEFAULT '', reason TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL DEFAULT '', updated_by TEXT NOT NULL DEFAULT '',
    hlc TEXT NOT NULL DEFAULT '', entry TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (event, affiliate, checklist, item)
) STRICT;
CREATE INDEX checklist_items_due ON checklist_items(event, state, due);
CREATE TABLE item_changes (
    entry TEXT PRIMARY KEY, event TEXT NOT NULL, affiliate TEXT NOT NULL, checklist TEXT NOT NULL,
    item TEXT NOT NULL, at TEXT NOT NULL, author TEXT NOT NULL, desk TEXT NOT NULL, hlc TEXT NOT NULL,
    change TEXT NOT NULL, base TEXT NOT NULL, undoes TEXT NOT NULL
) STRICT;
CREATE INDEX item_changes_item ON item_changes(event, affiliate, checklist, item, hlc);
"""

# Schema 7: the history of item changes kept in one B-tree ordered by item and clock (no
# rowid, no second index), without a copy of each change's payload: the payload is read from
# the journal by the entry's id. A packet of 10,000 changes wrote every payload twice.
DDL_7 = """
CREATE TABLE item_changes_7 (
    event TEXT NOT NULL, affiliate TEXT NOT NULL, checklist TEXT NOT NULL, item TEXT NOT NULL,
    hlc TEXT NOT NULL, entry TEXT NOT NULL, at TEXT NOT NULL, author TEXT NOT NULL,
    desk TEXT NOT NULL, base TEXT NOT NULL, undoes TEXT NOT NULL,
    PRIMARY KEY (event, affiliate, checklist, item, hlc, entry)
) STRICT, WITHOUT ROWID;
INSERT INTO item_changes_7
    SELECT event, affiliate, checklist, item, hlc, entry, at, author, desk, base, undoes
    FROM item_changes;
DROP TABLE item_changes;
ALTER TABLE item_changes_7 RENAME TO item_changes;
"""

_FIELDS = ("state", "assignee", "note", "evidence", "reason")
_ITEM_KEY = itemgetter("event", "affiliate", "checklist", "item")


def insert_items(conn: sqlite3.Connection, event: str, items: list[list[Any]]) -> None:
    """Add items ([affiliate, checklist, item, due, critical, owner]); existing ones keep their work."""
    conn.executemany(
        "INSERT OR IGNORE INTO checklist_items (event, affiliate, checklist, item, due, critical, owner) "
        "VALUES (?,?,?,?,?,?,?)",
        [(event, *row) for row in items])


@projects_batch(Kind.CHECKLIST_CHANGED)
def changed(conn: sqlite3.Connection, batch: list[StoredEntry]) -> None:
    """Every change into the item's history; the latest of each item (latest HLC wins, so the
    others would lose to it in any order) onto the item; the latest time per affiliate."""
    history = []
    latest: dict[tuple[str, str, str, str], Entry] = {}
    for stored in batch:
        e = stored.entry
        p = e.payload
        key = _ITEM_KEY(p)
        clock = e.hlc
        history.append((*key, clock, e.id, e.at, e.author, e.desk, p.get("base", ""),
                        p.get("undoes", "")))
        held = latest.get(key)
        if held is None or clock > held.hlc:
            latest[key] = e
    conn.executemany("INSERT INTO item_changes (event, affiliate, checklist, item, hlc, entry, at, "
                     "author, desk, base, undoes) VALUES (?,?,?,?,?,?,?,?,?,?,?)", history)
    conn.executemany(
        "UPDATE checklist_items SET state = ?, assignee = ?, note = ?, evidence = ?, reason = ?, "
        "updated_at = ?, updated_by = ?, hlc = ?, entry = ? "
        "WHERE event = ? AND affiliate = ? AND checklist = ? AND item = ? AND hlc < ?",
        [(*(e.payload["after"].get(f, "") for f in _FIELDS), e.at, e.author, e.hlc, e.id, *key, e.hlc)
         for key, e in latest.items()])
    touch_many(conn, [(row[0], row[1], row[6]) for row in history])
