"""The group file loaded into the desk, kept as its exact text; the latest load (by HLC) wins."""

from __future__ import annotations

import sqlite3

from crisisdesk.domain.entry_kinds import Kind
from crisisdesk.domain.journal import StoredEntry
from crisisdesk.store.projections import projects

DDL = """
CREATE TABLE groups (
    id TEXT PRIMARY KEY, name_ko TEXT NOT NULL, name_en TEXT NOT NULL,
    text TEXT NOT NULL, sha256 TEXT NOT NULL, hlc TEXT NOT NULL
) STRICT;
"""


@projects(Kind.GROUP_LOADED)
def group_loaded(conn: sqlite3.Connection, stored: StoredEntry) -> None:
    p = stored.entry.payload
    conn.execute(
        "INSERT INTO groups (id, name_ko, name_en, text, sha256, hlc) VALUES (?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (id) DO UPDATE SET name_ko = excluded.name_ko, name_en = excluded.name_en, "
        "text = excluded.text, sha256 = excluded.sha256, hlc = excluded.hlc WHERE excluded.hlc > groups.hlc",
        [p["group"], p["name"]["ko"], p["name"]["en"], p["text"], p["sha256"], stored.entry.hlc],
    )
