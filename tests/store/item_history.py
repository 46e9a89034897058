"""Projection rows compared across upgrades: schema 7 keeps the item history without the
`change` column (each change's payload, a copy of its journal entry's)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

ITEM_HISTORY = "event, affiliate, checklist, item, hlc, entry, at, author, desk, base, undoes"


def table_rows(path: Path, table: str) -> list:
    """The rows of a projection table, in a stable order; for item_changes the columns both
    schemas have (and the file's `change` column, where it has one, must be the journal's)."""
    conn = sqlite3.connect(path)
    try:
        if table != "item_changes":
            return conn.execute(f'SELECT * FROM "{table}" ORDER BY 1, 2').fetchall()
        columns = [row[1] for row in conn.execute("PRAGMA table_info(item_changes)")]
        if "change" in columns:
            assert conn.execute("SELECT count(*) FROM item_changes AS c LEFT JOIN journal AS j "
                                "ON j.id = c.entry WHERE j.payload IS NOT c.change").fetchone() == (0,)
        return conn.execute(f"SELECT {ITEM_HISTORY} FROM item_changes "
                            f"ORDER BY {ITEM_HISTORY}").fetchall()
    finally:
        conn.close()
