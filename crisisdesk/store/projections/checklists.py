"""Checklist items per affiliate and the history of their changes (for undo and conflicts)."""

from __future__ import annotations

import sqlite3
from typing import Any

from crisisdesk.domain.entry_kinds import Kind
from crisisdesk.domain.journal import StoredEntry
from crisisdesk.store.projections import latest_per_row, projects_batch
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

_FIELDS = ("state", "assignee", "note", "evidence", "reason")


def insert_items(conn: sqlite3.Connection, event: str, items: list[list[Any]]) -> None:
    """Add items ([affiliate, checklist, item, due, critical, owner]); existing ones keep their work."""
    conn.executemany(
        "INSERT OR IGNORE INTO checklist_items (event, affiliate, checklist, item, due, critical, owner) "
        "VALUES (?,?,?,?,?,?,?)",
        [(event, *row) for row in items])


def _item_key(payload: dict[str, Any]) -> tuple[Any, ...]:
    return payload["event"], payload["affiliate"], payload["checklist"], payload["item"]


@projects_batch(Kind.CHECKLIST_CHANGED)
def changed(conn: sqlite3.Connection, batch: list[StoredEntry]) -> None:
    entries = [(s.entry, s.entry.payload, s) for s in batch]
    conn.executemany(
        "INSERT INTO item_changes VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        [(e.id, p["event"], p["affiliate"], p["checklist"], p["item"], e.at, e.author, e.desk, e.hlc,
          s.payload_text(), p.get("base", ""), p.get("undoes", "")) for e, p, s in entries])
    conn.executemany(
        "UPDATE checklist_items SET state = ?, assignee = ?, note = ?, evidence = ?, reason = ?, "
        "updated_at = ?, updated_by = ?, hlc = ?, entry = ? "
        "WHERE event = ? AND affiliate = ? AND checklist = ? AND item = ? AND hlc < ?",
        [(*(p["after"].get(f, "") for f in _FIELDS), e.at, e.author, e.hlc, e.id,
          p["event"], p["affiliate"], p["checklist"], p["item"], e.hlc)
         for e, p in ((s.entry, s.entry.payload) for s in latest_per_row(batch, _item_key))])
    touch_many(conn, [(p["event"], p["affiliate"], e.at) for e, p, _ in entries])
