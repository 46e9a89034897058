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
def group_loaded(db, stored) -> None:
    p = stored.entry.payload
    db["groups"].upsert(
        {"id": p["group"], "name_ko": p["name"]["ko"], "name_en": p["name"]["en"],
         "text": p["text"], "sha256": p["sha256"], "loaded_seq": stored.seq},
        pk="id",
    )
