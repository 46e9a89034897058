"""Exchange state kept beside the journal: packets sent and received, identity and peers.

`exchange_sent` and `exchange_received` are local bookkeeping, not projections
(their DDL is `schema.EXCHANGE_STATE`; `verify` leaves them out). The per-peer
high-water mark is the highest journal sequence already sent to that peer.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from typing import Any

from crisisdesk.domain.entry_kinds import AFFILIATE_KINDS, GROUP_KINDS
from crisisdesk.domain.journal import GENESIS_HASH, Entry, canonical_json
from crisisdesk.store.journal_store import _COLUMNS, row_to_stored
from crisisdesk.store.queries import one, rows

_CHUNK = 500


def identity(conn: sqlite3.Connection) -> dict[str, Any] | None:
    return one(conn, "SELECT * FROM desk_identity LIMIT 1")


def peers(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    return rows(conn, "SELECT * FROM peers ORDER BY role DESC, affiliate, desk")


def peer(conn: sqlite3.Connection, desk: str) -> dict[str, Any] | None:
    return one(conn, "SELECT * FROM peers WHERE desk = ?", [desk])


def sent_upto(conn: sqlite3.Connection, recipient: str) -> int:
    """The journal sequence up to which entries were already sent to `recipient`."""
    row = conn.execute("SELECT max(upto) FROM exchange_sent WHERE recipient = ?",
                       [recipient]).fetchone()
    return row[0] or 0


def next_sent_seq(conn: sqlite3.Connection, now_ms: int) -> int:
    """The next packet sequence: past every one sent, and not below the clock in milliseconds
    (format 1 used seconds), so a desk restored from a backup never reuses a number its peers
    have seen (it would take a thousand packets a second to outrun the clock)."""
    last = conn.execute("SELECT max(seq) FROM exchange_sent").fetchone()[0] or 0
    return max(last + 1, now_ms)


def record_sent(conn: sqlite3.Connection, seq: int, recipient: str, file: str, entries: int,
                upto: int, digest: str, at: str) -> None:
    conn.execute("INSERT INTO exchange_sent VALUES (?,?,?,?,?,?,?)",
                 [seq, recipient, file, entries, upto, digest, at])


def last_sent_at(conn: sqlite3.Connection, recipient: str) -> str:
    """When this desk last wrote a packet to `recipient` ("" for never); read from the newest
    packet back, so it stays quick however many were sent."""
    row = conn.execute("SELECT at FROM exchange_sent WHERE recipient = ? ORDER BY seq DESC LIMIT 1",
                       [recipient]).fetchone()
    return row[0] if row else ""


def sent(conn: sqlite3.Connection, recipient: str | None = None) -> list[dict[str, Any]]:
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


def received(conn: sqlite3.Connection, sender: str | None = None) -> list[dict[str, Any]]:
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
    return int(conn.execute("SELECT coalesce(max(seq), 0) FROM journal").fetchone()[0])


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


# -- acknowledged streams (schema 3) -------------------------------------------------------
STREAM_DEFAULTS = {
    "their_epoch": "", "their_epoch_seq": 0, "their_upto": 0, "their_hash": "", "heard_at": "",
    "waiting_after": 0, "acked_epoch": "", "acked_upto": 0, "sent_epoch": "", "sent_upto": 0,
    "ack_told": "", "resend_due": "", "resend_gap": 0, "return_own": 0, "ack_seq": 0,
}


def stream(conn: sqlite3.Connection, peer: str) -> dict[str, Any]:
    """The stream state with `peer` (defaults when nothing was exchanged yet). A peer known
    from before schema 3 starts from its packets received (their chain, hash unknown) and
    what was sent to it (not acknowledged: it is sent again once)."""
    row = one(conn, "SELECT * FROM exchange_streams WHERE peer = ?", [peer])
    if row is not None:
        return row
    return {"peer": peer, **STREAM_DEFAULTS, "their_upto": received_upto(conn, peer)}


def save_stream(conn: sqlite3.Connection, state: dict[str, Any]) -> None:
    names = ["peer", *STREAM_DEFAULTS]
    conn.execute(f"INSERT OR REPLACE INTO exchange_streams ({','.join(names)}) "
                 f"VALUES ({','.join('?' * len(names))})", [state[n] for n in names])


def streams(conn: sqlite3.Connection) -> dict[str, dict[str, Any]]:
    return {r["peer"]: r for r in rows(conn, "SELECT * FROM exchange_streams")}


def self_value(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM exchange_self WHERE key = ?", [key]).fetchone()
    return row[0] if row else None


def set_self_value(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute("INSERT OR REPLACE INTO exchange_self VALUES (?, ?)", [key, value])


def hash_at(conn: sqlite3.Connection, seq: int) -> str | None:
    """This desk's chain hash at journal position `seq` (the genesis hash at 0; None past the
    end)."""
    if seq == 0:
        return GENESIS_HASH
    row = conn.execute("SELECT hash FROM journal WHERE seq = ?", [seq]).fetchone()
    return row[0] if row else None


def count_made_here(conn: sqlite3.Connection, after: int, desk: str,
                    kinds: Iterable[str]) -> int:
    """Entries of `kinds` made on `desk` after position `after`."""
    kinds = sorted(kinds)
    return int(conn.execute(
        f"SELECT count(*) FROM journal WHERE seq > ? AND desk = ? "
        f"AND kind IN ({','.join('?' * len(kinds))})", [after, desk, *kinds]).fetchone()[0])


def count_for_affiliate(conn: sqlite3.Connection, after: int, group_desk: str, peer: str,
                        affiliate: str) -> int:
    """Entries after `after` the group desk sends to the desk `peer` of `affiliate`: its own
    group kinds, and affiliate kinds for that affiliate or the group's sheet not made there."""
    group_kinds, affiliate_kinds = sorted(GROUP_KINDS), sorted(AFFILIATE_KINDS)
    return int(conn.execute(
        "SELECT count(*) FROM journal WHERE seq > ? AND ("
        f"(desk = ? AND kind IN ({','.join('?' * len(group_kinds))})) OR "
        f"(desk != ? AND kind IN ({','.join('?' * len(affiliate_kinds))}) "
        "AND json_extract(payload, '$.affiliate') IN (?, 'group')))",
        [after, group_desk, *group_kinds, peer, *affiliate_kinds, affiliate]).fetchone()[0])


def outgoing_any(conn: sqlite3.Connection, after: int,
                 kinds: Iterable[str]) -> list[tuple[int, Entry]]:
    """Entries of `kinds` made on any desk after journal sequence `after`, in journal order."""
    kinds = sorted(kinds)
    cursor = conn.execute(
        f"SELECT {_COLUMNS} FROM journal WHERE seq > ? AND kind IN ({','.join('?' * len(kinds))}) "
        "ORDER BY seq", [after, *kinds])
    return [(stored.seq, stored.entry) for stored in map(row_to_stored, cursor)]


def note_heard(conn: sqlite3.Connection, rows_: list[tuple[str, str, str]]) -> None:
    """When this desk received (or made) affiliates' entries: (event, affiliate, local time)."""
    conn.executemany(
        "INSERT INTO affiliate_heard VALUES (?,?,?) ON CONFLICT (event, affiliate) DO UPDATE "
        "SET at = excluded.at WHERE excluded.at > affiliate_heard.at", rows_)


def heard(conn: sqlite3.Connection, event: str) -> dict[str, str]:
    return dict(conn.execute("SELECT affiliate, at FROM affiliate_heard WHERE event = ?", [event]))


def add_mark(conn: sqlite3.Connection, sender: str, epoch: str, upto: int, hash_: str) -> None:
    """This desk holds `sender`'s journal (history `epoch`) up to `upto` without a gap."""
    conn.execute("INSERT OR IGNORE INTO exchange_marks VALUES (?,?,?,?)",
                 [sender, epoch, upto, hash_])


def has_mark(conn: sqlite3.Connection, sender: str, epoch: str, upto: int, hash_: str) -> bool:
    """Whether this desk holds `sender`'s journal up to `upto` (chain hash `hash_`; an unknown
    hash on either side, from format 1, matches by position)."""
    return conn.execute(
        "SELECT 1 FROM exchange_marks WHERE sender = ? AND epoch = ? AND upto = ? "
        "AND (hash = ? OR hash = '' OR ? = '') LIMIT 1",
        [sender, epoch, upto, hash_, hash_]).fetchone() is not None


def heard_with_local(conn: sqlite3.Connection, event: str, heard: dict[str, str]) -> dict[str, str]:
    """`heard` (receipt times of imported entries) with the times of the affiliates' entries
    made on this desk itself, the latest of the two per affiliate."""
    kinds = sorted(AFFILIATE_KINDS)
    local = conn.execute(
        "SELECT json_extract(payload, '$.affiliate'), max(at) FROM journal WHERE event = ? "
        "AND desk = (SELECT value FROM meta WHERE key = 'desk_id') "
        f"AND kind IN ({','.join('?' * len(kinds))}) GROUP BY 1", [event, *kinds])
    found = dict(heard)
    for affiliate, at in local:
        if isinstance(affiliate, str) and at > found.get(affiliate, ""):
            found[affiliate] = at
    return found


def local_records(conn: sqlite3.Connection, kinds: tuple[str, ...]) -> list[tuple[str, str, dict[str, Any]]]:
    """(time, kind, payload) of this desk's journal entries of `kinds`, in journal order."""
    marks = ",".join("?" * len(kinds))
    rows = conn.execute(f"SELECT at, kind, payload FROM journal WHERE kind IN ({marks}) ORDER BY seq", kinds)
    return [(at, kind, json.loads(payload)) for at, kind, payload in rows]
