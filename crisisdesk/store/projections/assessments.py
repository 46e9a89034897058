"""Affiliates' impact answers (every revision kept) and their per-service corrections."""

from __future__ import annotations

import sqlite3
from typing import Any

from crisisdesk.domain.entry_kinds import Kind
from crisisdesk.domain.journal import StoredEntry, canonical_json
from crisisdesk.store.projections import latest_per_row, projects_batch
from crisisdesk.store.projections.activity import touch_many

DDL = """
CREATE TABLE answers (
    entry TEXT PRIMARY KEY, event TEXT NOT NULL, affiliate TEXT NOT NULL, field TEXT NOT NULL,
    value TEXT NOT NULL, at TEXT NOT NULL, author TEXT NOT NULL, hlc TEXT NOT NULL
) STRICT;
CREATE INDEX answers_field ON answers(event, affiliate, field, hlc);
CREATE TABLE service_status (
    event TEXT NOT NULL, affiliate TEXT NOT NULL, service TEXT NOT NULL, status TEXT NOT NULL,
    note TEXT NOT NULL, at TEXT NOT NULL, author TEXT NOT NULL, hlc TEXT NOT NULL,
    PRIMARY KEY (event, affiliate, service)
) STRICT;
"""


@projects_batch(Kind.IMPACT_ANSWERED)
def answered(conn: sqlite3.Connection, batch: list[StoredEntry]) -> None:
    rows = [(s.entry, s.entry.payload) for s in batch]
    conn.executemany("INSERT INTO answers VALUES (?,?,?,?,?,?,?,?)",
                     [(e.id, p["event"], p["affiliate"], p["field"], canonical_json(p["value"]), e.at,
                       e.author, e.hlc) for e, p in rows])
    touch_many(conn, [(p["event"], p["affiliate"], e.at) for e, p in rows])


def _service_key(payload: dict[str, Any]) -> tuple[Any, ...]:
    return payload["event"], payload["affiliate"], payload["service"]


@projects_batch(Kind.SERVICE_ASSESSED)
def service_assessed(conn: sqlite3.Connection, batch: list[StoredEntry]) -> None:
    rows = [(s.entry, s.entry.payload) for s in batch]
    latest = [(s.entry, s.entry.payload) for s in latest_per_row(batch, _service_key)]
    conn.executemany(
        "INSERT INTO service_status VALUES (?,?,?,?,?,?,?,?) ON CONFLICT (event, affiliate, service) "
        "DO UPDATE SET status = excluded.status, note = excluded.note, at = excluded.at, "
        "author = excluded.author, hlc = excluded.hlc WHERE excluded.hlc > service_status.hlc",
        [(p["event"], p["affiliate"], p["service"], p["status"], p.get("note", ""), e.at, e.author, e.hlc)
         for e, p in latest])
    touch_many(conn, [(p["event"], p["affiliate"], e.at) for e, p in rows])
