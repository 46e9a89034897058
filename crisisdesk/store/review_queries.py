"""Read queries of drills: the injects released in an event and the responses to them, straight
from the journal (the journal is the source of truth; these entries need no projection)."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

DRILL_KINDS = ("drill.inject_released", "drill.responded")


def drill_entries(conn: sqlite3.Connection, event_id: str) -> list[dict[str, Any]]:
    """The event's released injects and responses in HLC order: {seq, kind, at, author, payload}."""
    found = conn.execute(
        "SELECT seq, kind, at, author, payload FROM journal WHERE event = ? AND kind IN (?, ?) "
        "ORDER BY hlc", [event_id, *DRILL_KINDS])
    return [{"seq": seq, "kind": kind, "at": at, "author": author, "payload": json.loads(payload)}
            for seq, kind, at, author, payload in found]
