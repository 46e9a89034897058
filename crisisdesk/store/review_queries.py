"""Read queries of drills and after-action reviews, straight from the journal (the journal is the
source of truth; these entries are few and need no projection)."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from crisisdesk.domain.entry_kinds import Kind

DRILL_KINDS = (Kind.DRILL_INJECT_RELEASED, Kind.DRILL_RESPONDED)


def drill_entries(conn: sqlite3.Connection, event_id: str) -> list[dict[str, Any]]:
    """The event's released injects and responses in HLC order: {seq, kind, at, author, payload}."""
    found = conn.execute(
        "SELECT seq, kind, at, author, payload FROM journal WHERE event = ? AND kind IN (?, ?) "
        "ORDER BY hlc", [event_id, *DRILL_KINDS])
    return [{"seq": seq, "kind": kind, "at": at, "author": author, "payload": json.loads(payload)}
            for seq, kind, at, author, payload in found]


REVIEW_KINDS = (Kind.REVIEW_FINDING, Kind.REVIEW_ACTION, Kind.REVIEW_ACTION_CHANGED)


def review_entries(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Every after-action finding and corrective action of every event, in HLC order."""
    found = conn.execute(
        "SELECT seq, kind, at, author, payload, event FROM journal WHERE kind IN (?, ?, ?) ORDER BY hlc",
        list(REVIEW_KINDS))
    return [{"seq": seq, "kind": kind, "at": at, "author": author, "payload": json.loads(payload),
             "event": event} for seq, kind, at, author, payload, event in found]


def item_state_changes(conn: sqlite3.Connection, event_id: str) -> list[tuple[str, str, str, str, str]]:
    """The event's checklist changes in HLC order: (at, affiliate, checklist, item, state after),
    picked out of the payloads by SQLite (150,000 payloads parsed in Python took a second)."""
    return conn.execute(
        "SELECT at, json_extract(payload, '$.affiliate'), json_extract(payload, '$.checklist'), "
        "json_extract(payload, '$.item'), coalesce(json_extract(payload, '$.after.state'), 'todo') "
        "FROM journal WHERE event = ? AND kind = ? ORDER BY hlc", [event_id, Kind.CHECKLIST_CHANGED]).fetchall()


def event_entries(conn: sqlite3.Connection, event_id: str, kinds: tuple[str, ...]) -> list[dict[str, Any]]:
    """One event's entries of these kinds in HLC order: {seq, kind, at, author, payload}."""
    marks = ", ".join("?" for _ in kinds)
    found = conn.execute(
        f"SELECT seq, kind, at, author, payload FROM journal WHERE event = ? AND kind IN ({marks}) "
        "ORDER BY hlc", [event_id, *kinds])
    return [{"seq": seq, "kind": kind, "at": at, "author": author, "payload": json.loads(payload)}
            for seq, kind, at, author, payload in found]
