"""The group file loaded into the desk, kept as its exact text."""

from __future__ import annotations

from crisisdesk.store.projections import projects

DDL = """
CREATE TABLE groups (
    id TEXT PRIMARY KEY, name_ko TEXT NOT NULL, name_en TEXT NOT NULL,
    text TEXT NOT NULL, sha256 TEXT NOT NULL, loaded_seq INTEGER NOT NULL
) STRICT;
"""


@projects("group.loaded")
def group_loaded(conn, stored) -> None:
    p = stored.entry.payload
    conn.execute(
        "INSERT OR REPLACE INTO groups (id, name_ko, name_en, text, sha256, loaded_seq) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [p["group"], p["name"]["ko"], p["name"]["en"], p["text"], p["sha256"], stored.seq],
    )
