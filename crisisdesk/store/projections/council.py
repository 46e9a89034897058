"""Council meetings, decisions (amendments and withdrawals point at the original) and actions."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from crisisdesk.domain.entry_kinds import Kind
from crisisdesk.domain.journal import StoredEntry
from crisisdesk.store.projections import projects

DDL = """
CREATE TABLE meetings (
    id TEXT PRIMARY KEY, event TEXT NOT NULL, title TEXT NOT NULL, attendees TEXT NOT NULL,
    opened_at TEXT NOT NULL, closed_at TEXT NOT NULL DEFAULT '', opened_by TEXT NOT NULL
) STRICT;
CREATE TABLE decisions (
    id TEXT PRIMARY KEY, event TEXT NOT NULL, meeting TEXT NOT NULL, action TEXT NOT NULL,
    amends TEXT NOT NULL, text TEXT NOT NULL, rationale TEXT NOT NULL, decided_by TEXT NOT NULL,
    attendees TEXT NOT NULL, affiliates TEXT NOT NULL, at TEXT NOT NULL, author TEXT NOT NULL,
    hlc TEXT NOT NULL
) STRICT;
CREATE INDEX decisions_event ON decisions(event, hlc);
CREATE TABLE actions (
    id TEXT PRIMARY KEY, event TEXT NOT NULL, decision TEXT NOT NULL, title TEXT NOT NULL,
    owner TEXT NOT NULL, deadline TEXT NOT NULL, state TEXT NOT NULL, note TEXT NOT NULL,
    created_at TEXT NOT NULL, author TEXT NOT NULL, hlc TEXT NOT NULL
) STRICT;
"""


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


@projects(Kind.MEETING_OPENED)
def meeting_opened(conn: sqlite3.Connection, stored: StoredEntry) -> None:
    e, p = stored.entry, stored.entry.payload
    conn.execute("INSERT INTO meetings (id, event, title, attendees, opened_at, opened_by) "
                 "VALUES (?,?,?,?,?,?)",
                 [p["meeting"], p["event"], p.get("title", ""), _json(p.get("attendees", [])),
                  e.at, e.author])


@projects(Kind.MEETING_CLOSED)
def meeting_closed(conn: sqlite3.Connection, stored: StoredEntry) -> None:
    e, p = stored.entry, stored.entry.payload
    conn.execute("UPDATE meetings SET closed_at = ? WHERE id = ?", [e.at, p["meeting"]])


@projects(Kind.DECISION_RECORDED)
def decision_recorded(conn: sqlite3.Connection, stored: StoredEntry) -> None:
    e, p = stored.entry, stored.entry.payload
    conn.execute(
        "INSERT INTO decisions VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [p["decision"], p["event"], p.get("meeting", ""), p.get("action", "decide"), p.get("amends", ""),
         p.get("text", ""), p.get("rationale", ""), p.get("decided_by", ""),
         _json(p.get("attendees", [])), _json(p.get("affiliates", [])), e.at, e.author, e.hlc])


@projects(Kind.ACTION_CREATED)
def action_created(conn: sqlite3.Connection, stored: StoredEntry) -> None:
    e, p = stored.entry, stored.entry.payload
    conn.execute(
        "INSERT INTO actions VALUES (?,?,?,?,?,?,'open','',?,?,?) ON CONFLICT (id) DO NOTHING",
        [p["action"], p["event"], p.get("decision", ""), p["title"], p["owner"], p["deadline"],
         e.at, e.author, ""])


@projects(Kind.ACTION_CHANGED)
def action_changed(conn: sqlite3.Connection, stored: StoredEntry) -> None:
    e, p = stored.entry, stored.entry.payload
    conn.execute("UPDATE actions SET state = ?, note = ?, hlc = ? WHERE id = ? AND hlc < ?",
                 [p["state"], p.get("note", ""), e.hlc, p["action"], e.hlc])
