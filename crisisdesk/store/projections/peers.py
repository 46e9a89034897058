"""This desk's exchange identity and the desks it has enrolled (or revoked)."""

from __future__ import annotations

import sqlite3

from crisisdesk.domain.entry_kinds import Kind
from crisisdesk.domain.journal import StoredEntry
from crisisdesk.store.projections import projects

DDL = """
CREATE TABLE desk_identity (
    desk TEXT PRIMARY KEY, role TEXT NOT NULL, group_id TEXT NOT NULL, affiliate TEXT,
    public_key TEXT NOT NULL, fingerprint TEXT NOT NULL, key_store TEXT NOT NULL,
    key_file TEXT NOT NULL, at TEXT NOT NULL, author TEXT NOT NULL
) STRICT;
CREATE TABLE peers (
    desk TEXT PRIMARY KEY, role TEXT NOT NULL, group_id TEXT NOT NULL, affiliate TEXT,
    public_key TEXT NOT NULL, fingerprint TEXT NOT NULL, status TEXT NOT NULL,
    enrolled_at TEXT NOT NULL, enrolled_by TEXT NOT NULL,
    revoked_at TEXT NOT NULL DEFAULT '', revoked_by TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT ''
) STRICT;
"""


@projects(Kind.DESK_INITIALISED)
def initialised(conn: sqlite3.Connection, stored: StoredEntry) -> None:
    e, p = stored.entry, stored.entry.payload
    conn.execute("INSERT INTO desk_identity VALUES (?,?,?,?,?,?,?,?,?,?)",
                 [p["desk"], p["role"], p["group"], p["affiliate"], p["public_key"],
                  p["fingerprint"], p["key_store"], p.get("key_file", ""), e.at, e.author])


@projects(Kind.DESK_ENROLLED)
def enrolled(conn: sqlite3.Connection, stored: StoredEntry) -> None:
    e, p = stored.entry, stored.entry.payload
    conn.execute(
        "INSERT INTO peers (desk, role, group_id, affiliate, public_key, fingerprint, status, "
        "enrolled_at, enrolled_by) VALUES (?,?,?,?,?,?,'enrolled',?,?) ON CONFLICT (desk) DO UPDATE "
        "SET role = excluded.role, group_id = excluded.group_id, affiliate = excluded.affiliate, "
        "public_key = excluded.public_key, fingerprint = excluded.fingerprint, "
        "status = 'enrolled', enrolled_at = excluded.enrolled_at, "
        "enrolled_by = excluded.enrolled_by, revoked_at = '', revoked_by = '', reason = ''",
        [p["desk"], p["role"], p["group"], p["affiliate"], p["public_key"], p["fingerprint"],
         e.at, e.author])


@projects(Kind.DESK_REVOKED)
def revoked(conn: sqlite3.Connection, stored: StoredEntry) -> None:
    e, p = stored.entry, stored.entry.payload
    conn.execute("UPDATE peers SET status = 'revoked', revoked_at = ?, revoked_by = ?, reason = ? "
                 "WHERE desk = ?", [e.at, e.author, p.get("reason", ""), p["desk"]])
