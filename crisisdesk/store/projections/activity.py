"""When each affiliate last reported anything in an event (the board's staleness badge)."""

from __future__ import annotations

import sqlite3

DDL = """
CREATE TABLE affiliate_activity (
    event TEXT NOT NULL, affiliate TEXT NOT NULL, last_at TEXT NOT NULL,
    PRIMARY KEY (event, affiliate)
) STRICT;
"""


_TOUCH = ("INSERT INTO affiliate_activity VALUES (?,?,?) ON CONFLICT (event, affiliate) DO UPDATE "
          "SET last_at = excluded.last_at WHERE excluded.last_at > affiliate_activity.last_at")


def touch(conn: sqlite3.Connection, event: str, affiliate: str, at: str) -> None:
    """Record activity at `at` unless a later one is already known."""
    conn.execute(_TOUCH, [event, affiliate, at])


def touch_many(conn: sqlite3.Connection, rows: list[tuple[str, str, str]]) -> None:
    """`touch` for many (event, affiliate, at), once per affiliate."""
    latest: dict[tuple[str, str], str] = {}
    for event, affiliate, at in rows:
        key = (event, affiliate)
        if key not in latest or at > latest[key]:
            latest[key] = at
    conn.executemany(_TOUCH, [(event, affiliate, at) for (event, affiliate), at in latest.items()])
