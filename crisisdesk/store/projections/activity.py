"""When each affiliate last reported anything in an event (the board's staleness badge)."""

from __future__ import annotations

DDL = """
CREATE TABLE affiliate_activity (
    event TEXT NOT NULL, affiliate TEXT NOT NULL, last_at TEXT NOT NULL,
    PRIMARY KEY (event, affiliate)
) STRICT;
"""


def touch(conn, event: str, affiliate: str, at: str) -> None:
    """Record activity at `at` unless a later one is already known."""
    conn.execute(
        "INSERT INTO affiliate_activity VALUES (?,?,?) ON CONFLICT (event, affiliate) DO UPDATE "
        "SET last_at = excluded.last_at WHERE excluded.last_at > affiliate_activity.last_at",
        [event, affiliate, at])
