"""Customer notices per affiliate, and where and when each was posted."""

from __future__ import annotations

import sqlite3

from crisisdesk.domain.entry_kinds import Kind
from crisisdesk.domain.journal import StoredEntry
from crisisdesk.store.projections import projects
from crisisdesk.store.projections.activity import touch

DDL = """
CREATE TABLE notices (
    id TEXT PRIMARY KEY, event TEXT NOT NULL, affiliate TEXT NOT NULL, template TEXT NOT NULL,
    channel TEXT NOT NULL, title TEXT NOT NULL, body TEXT NOT NULL, state TEXT NOT NULL,
    reason TEXT NOT NULL, created_at TEXT NOT NULL, author TEXT NOT NULL,
    text_hlc TEXT NOT NULL, state_hlc TEXT NOT NULL
) STRICT;
CREATE TABLE notice_posts (
    notice TEXT NOT NULL, channel TEXT NOT NULL, posted_at TEXT NOT NULL, author TEXT NOT NULL,
    PRIMARY KEY (notice, channel)
) STRICT;
"""


@projects(Kind.NOTICE_COMPOSED)
def composed(conn: sqlite3.Connection, stored: StoredEntry) -> None:
    e, p = stored.entry, stored.entry.payload
    conn.execute(
        "INSERT INTO notices VALUES (?,?,?,?,?,?,?,'draft','',?,?,?,'') ON CONFLICT (id) DO NOTHING",
        [p["notice"], p["event"], p["affiliate"], p.get("template", ""), p["channel"], p["title"],
         p["body"], e.at, e.author, e.hlc])
    touch(conn, p["event"], p["affiliate"], e.at)


@projects(Kind.NOTICE_EDITED)
def edited(conn: sqlite3.Connection, stored: StoredEntry) -> None:
    e, p = stored.entry, stored.entry.payload
    conn.execute("UPDATE notices SET title = ?, body = ?, text_hlc = ? WHERE id = ? AND text_hlc < ?",
                 [p["title"], p["body"], e.hlc, p["notice"], e.hlc])
    touch(conn, p["event"], p["affiliate"], e.at)


@projects(Kind.NOTICE_POSTED)
def posted(conn: sqlite3.Connection, stored: StoredEntry) -> None:
    e, p = stored.entry, stored.entry.payload
    conn.execute("INSERT OR IGNORE INTO notice_posts VALUES (?,?,?,?)",
                 [p["notice"], p["channel"], p["at"], e.author])
    conn.execute("UPDATE notices SET state = 'posted', state_hlc = ? WHERE id = ? AND state_hlc < ? "
                 "AND state != 'withdrawn'", [e.hlc, p["notice"], e.hlc])
    touch(conn, p["event"], p["affiliate"], e.at)


@projects(Kind.NOTICE_WITHDRAWN)
def withdrawn(conn: sqlite3.Connection, stored: StoredEntry) -> None:
    e, p = stored.entry, stored.entry.payload
    conn.execute("UPDATE notices SET state = 'withdrawn', reason = ?, state_hlc = ? WHERE id = ?",
                 [p.get("reason", ""), e.hlc, p["notice"]])
    touch(conn, p["event"], p["affiliate"], e.at)
