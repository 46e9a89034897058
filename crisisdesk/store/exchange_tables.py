"""Exchange state kept beside the journal: packets sent and received, identity and peers.

`exchange_sent` and `exchange_received` are local bookkeeping, not projections
(their DDL is `schema.EXCHANGE_STATE`; `verify` leaves them out). The per-peer
high-water mark is the highest journal sequence already sent to that peer.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from crisisdesk.domain.journal import Entry, canonical_json
from crisisdesk.store.journal_store import _COLUMNS, row_to_stored

_CHUNK = 500


def rows(conn: sqlite3.Connection, sql: str, params: list | tuple = ()) -> list[dict]:
    cursor = conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


def one(conn: sqlite3.Connection, sql: str, params: list | tuple = ()) -> dict | None:
    found = rows(conn, sql, params)
    return found[0] if found else None


def identity(conn: sqlite3.Connection) -> dict | None:
    return one(conn, "SELECT * FROM desk_identity LIMIT 1")


def peers(conn: sqlite3.Connection) -> list[dict]:
    return rows(conn, "SELECT * FROM peers ORDER BY role DESC, affiliate, desk")


def peer(conn: sqlite3.Connection, desk: str) -> dict | None:
    return one(conn, "SELECT * FROM peers WHERE desk = ?", [desk])


def sent_upto(conn: sqlite3.Connection, recipient: str) -> int:
    """The journal sequence up to which entries were already sent to `recipient`."""
    row = conn.execute("SELECT max(upto) FROM exchange_sent WHERE recipient = ?",
                       [recipient]).fetchone()
    return row[0] or 0


def next_sent_seq(conn: sqlite3.Connection, now_s: int) -> int:
    """The next packet sequence: past every one sent, and not below the clock in seconds, so
    a desk restored from a backup never reuses a number its peers have seen."""
    last = conn.execute("SELECT max(seq) FROM exchange_sent").fetchone()[0] or 0
    return max(last + 1, now_s)


def record_sent(conn: sqlite3.Connection, seq: int, recipient: str, file: str, entries: int,
                upto: int, digest: str, at: str) -> None:
    conn.execute("INSERT INTO exchange_sent VALUES (?,?,?,?,?,?,?)",
                 [seq, recipient, file, entries, upto, digest, at])


def sent(conn: sqlite3.Connection, recipient: str | None = None) -> list[dict]:
    if recipient is None:
        return rows(conn, "SELECT * FROM exchange_sent ORDER BY seq")
    return rows(conn, "SELECT * FROM exchange_sent WHERE recipient = ? ORDER BY seq", [recipient])


def received_digest(conn: sqlite3.Connection, sender: str, seq: int) -> str | None:
    row = conn.execute("SELECT digest FROM exchange_received WHERE sender = ? AND seq = ?",
                       [sender, seq]).fetchone()
    return row[0] if row else None


def record_received(conn: sqlite3.Connection, sender: str, seq: int, digest: str, file: str,
                    entries: int, new_entries: int, after: int, upto: int, at: str) -> None:
    conn.execute("INSERT INTO exchange_received VALUES (?,?,?,?,?,?,?,?,?)",
                 [sender, seq, digest, file, entries, new_entries, after, upto, at])


def received_upto(conn: sqlite3.Connection, sender: str) -> int:
    """How far `sender`'s journal has arrived here without a gap (packets chain by after/upto)."""
    mark = 0
    for after, upto in conn.execute("SELECT after, upto FROM exchange_received WHERE sender = ? "
                                    "ORDER BY after", [sender]):
        if after > mark:
            break
        mark = max(mark, upto)
    return mark


def received(conn: sqlite3.Connection, sender: str | None = None) -> list[dict]:
    if sender is None:
        return rows(conn, "SELECT * FROM exchange_received ORDER BY sender, seq")
    return rows(conn, "SELECT * FROM exchange_received WHERE sender = ? ORDER BY seq", [sender])


def outgoing(conn: sqlite3.Connection, after: int, desk: str,
             kinds: Iterable[str]) -> list[tuple[int, Entry]]:
    """Entries made on `desk`, of `kinds`, after journal sequence `after`, in journal order."""
    kinds = sorted(kinds)
    marks = ",".join("?" * len(kinds))
    cursor = conn.execute(
        f"SELECT {_COLUMNS} FROM journal WHERE seq > ? AND desk = ? AND kind IN ({marks}) "
        "ORDER BY seq", [after, desk, *kinds])
    return [(stored.seq, stored.entry) for stored in map(row_to_stored, cursor)]


def head_seq(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT coalesce(max(seq), 0) FROM journal").fetchone()[0]


def held_copies(conn: sqlite3.Connection, entries: list[Entry]) -> dict[str, bool]:
    """For each entry id already in the journal: whether the held copy is identical."""
    held: dict[str, bool] = {}
    by_id = {e.id: e for e in entries}
    ids = list(by_id)
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start:start + _CHUNK]
        cursor = conn.execute(
            "SELECT id, desk, author, at, hlc, kind, payload FROM journal "
            f"WHERE id IN ({','.join('?' * len(chunk))})", chunk)
        for id_, desk, author, at, hlc, kind, payload in cursor:
            e = by_id[id_]
            held[id_] = ((e.desk, e.author, e.at, e.hlc, e.kind) == (desk, author, at, hlc, kind)
                         and canonical_json(e.payload) == payload)
    return held
