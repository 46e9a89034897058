"""Signed checkpoints kept by a desk: its own (of its journal) and its peers' (of theirs).

Local state, not a projection: checkpoints are not journal entries (a checkpoint of entry N
cannot be entry N+1 of the chain it anchors). `check` compares the journal with them.
"""

from __future__ import annotations

import base64
import binascii
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field

from crisisdesk.domain.checkpoint import Checkpoint, CheckpointError, Coverage

DDL = """
CREATE TABLE checkpoints (
    desk TEXT NOT NULL, seq INTEGER NOT NULL, hash TEXT NOT NULL, at TEXT NOT NULL,
    reason TEXT NOT NULL, signature TEXT NOT NULL,
    received_from TEXT NOT NULL DEFAULT '', received_at TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (desk, seq, hash)
) STRICT;
"""
TABLES = frozenset({"checkpoints"})
_FIELDS = "desk, seq, hash, at, reason, signature"


def exists(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = "
                        "'checkpoints'").fetchone() is not None


def add(conn: sqlite3.Connection, checkpoint: Checkpoint, received_from: str = "",
        received_at: str = "") -> bool:
    """Keep a checkpoint (once); True when it is new here."""
    cursor = conn.execute(
        f"INSERT OR IGNORE INTO checkpoints ({_FIELDS}, received_from, received_at) "
        "VALUES (?,?,?,?,?,?,?,?)",
        (checkpoint.desk, checkpoint.seq, checkpoint.hash, checkpoint.at, checkpoint.reason,
         checkpoint.signature, received_from, received_at))
    return cursor.rowcount > 0


def of_desk(conn: sqlite3.Connection, desk: str, limit: int | None = None) -> list[Checkpoint]:
    """The checkpoints of `desk`, latest (highest position) first."""
    if not exists(conn):
        return []
    sql = f"SELECT {_FIELDS} FROM checkpoints WHERE desk = ? ORDER BY seq DESC, at DESC"
    params: list[object] = [desk]
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return [Checkpoint(*row) for row in conn.execute(sql, params)]


def latest(conn: sqlite3.Connection, desk: str) -> Checkpoint | None:
    found = of_desk(conn, desk, limit=1)
    return found[0] if found else None


def by_time(conn: sqlite3.Connection, desk: str, reason: str, at: str) -> Checkpoint | None:
    """The checkpoint `desk` made for `reason` at `at` (a report's, found again on reprint)."""
    if not exists(conn):
        return None
    row = conn.execute(f"SELECT {_FIELDS} FROM checkpoints WHERE desk = ? AND reason = ? AND at = ? "
                       "ORDER BY seq DESC LIMIT 1", (desk, reason, at)).fetchone()
    return Checkpoint(*row) if row else None


def all_rows(conn: sqlite3.Connection) -> list[tuple[Checkpoint, str]]:
    """Every checkpoint held, with the desk it was received from ('' for this desk's own)."""
    if not exists(conn):
        return []
    return [(Checkpoint(*row[:6]), row[6]) for row in conn.execute(
        f"SELECT {_FIELDS}, received_from FROM checkpoints ORDER BY desk, seq")]


def signature_valid(checkpoint: Checkpoint, public_key: bytes) -> bool:
    """Whether `checkpoint` is well-formed and signed by the holder of `public_key`."""
    from cryptography.exceptions import InvalidSignature  # loaded for the first signed checkpoint
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        checkpoint.check()
        signature = base64.b64decode(checkpoint.signature, validate=True)
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, checkpoint.message())
    except (CheckpointError, InvalidSignature, binascii.Error, ValueError, TypeError):
        return False
    return True


@dataclass(frozen=True)
class PeerCopy:
    """What one peer's database holds of this desk: the checkpoints it received from it, and
    the public key it enrolled for it (after the phone check of the fingerprint)."""

    holder: str  # the peer desk's name, for messages
    enrolled_key: bytes | None
    checkpoints: tuple[Checkpoint, ...]


def peer_copy(conn: sqlite3.Connection, desk_id: str) -> PeerCopy:
    """What the desk database on `conn` (a peer's, opened read-only) holds of desk `desk_id`."""
    me = own_key(conn)
    holder = me[0] if me else "(a desk without identity)"
    try:
        row = conn.execute("SELECT role, affiliate, desk, public_key FROM desk_identity LIMIT 1").fetchone()
        if row:
            holder = f"{row[1] if row[0] == 'affiliate' else 'group'}.{str(row[2]).replace('-', '')[-8:]}"
    except sqlite3.OperationalError:
        pass
    key = peer_keys(conn).get(desk_id)
    return PeerCopy(holder, key, tuple(of_desk(conn, desk_id)))


@dataclass
class CheckpointCheck:
    """The journal against the checkpoints: what is covered, and what does not match."""

    coverage: Coverage
    problems: list[str] = field(default_factory=list)
    own: int = 0  # this desk's checkpoints checked
    peers: int = 0  # peers' checkpoints held (signatures checked)
    no_key: bool = False  # this desk has no identity (no key), hence no checkpoints
    fingerprint: str = ""  # of the key this desk's checkpoints are checked with


def own_key(conn: sqlite3.Connection) -> tuple[str, bytes, str] | None:
    """This desk's id, public key and fingerprint, from its identity (None: no identity)."""
    try:
        row = conn.execute("SELECT desk, public_key, fingerprint FROM desk_identity LIMIT 1").fetchone()
    except sqlite3.OperationalError:  # an older schema without identities
        return None
    if row is None:
        return None
    return str(row[0]), base64.b64decode(row[1]), str(row[2])


def peer_keys(conn: sqlite3.Connection) -> dict[str, bytes]:
    try:
        rows = conn.execute("SELECT desk, public_key FROM peers").fetchall()
    except sqlite3.OperationalError:
        return {}
    return {str(desk): base64.b64decode(key) for desk, key in rows}


def check(conn: sqlite3.Connection, desk_id: str, copies: Iterable[PeerCopy] = ()) -> CheckpointCheck:
    """The journal of this desk (`desk_id`) against its own checkpoints, the copies of them
    that peers hold (`copies`, read from the peers' databases: checked with the key each peer
    enrolled for this desk, so a desk whose identity and key were replaced locally is caught),
    and the signatures of the peers' checkpoints kept here.

    A checkpoint whose signature is valid and whose hash is the journal's at its position
    covers entries 1..position. One whose hash differs, or beyond the journal's end, means
    the history was rewritten or cut: named as a problem. A signature that does not verify
    is a forged or damaged checkpoint: named too, and it covers nothing.
    """
    head_row = conn.execute("SELECT max(seq) FROM journal").fetchone()
    head = int(head_row[0] or 0)
    identity = own_key(conn)
    result = CheckpointCheck(Coverage(head, 0))
    best: Checkpoint | None = None
    rows = all_rows(conn)
    own = [(c, "") for c, _ in rows if c.desk == desk_id]
    peers = peer_keys(conn)
    for checkpoint, _ in rows:
        if checkpoint.desk == desk_id:
            continue
        result.peers += 1
        key = peers.get(checkpoint.desk)
        if key is None:
            result.problems.append(f"checkpoint store: a checkpoint of desk {checkpoint.desk[:40]!r}, "
                                   "which this desk never enrolled, is held (added outside CrisisDesk)")
        elif not signature_valid(checkpoint, key):
            result.problems.append(f"checkpoint store: the checkpoint {checkpoint.short()} of peer desk "
                                   f"{checkpoint.desk} is not validly signed by it (forged or damaged)")
    if identity is None:
        result.no_key = True
        if own:
            result.problems.append(
                f"checkpoints: {len(own)} checkpoints of this desk are held, but its identity (its "
                "public key) is missing: the identity entry was removed from the journal")
        return result
    me, public_key, result.fingerprint = identity
    if me != desk_id:
        result.problems.append("checkpoints: the desk identity names another desk than this "
                               "database's id (edited outside CrisisDesk)")
    held: list[tuple[Checkpoint, str, bytes]] = [(c, "", public_key) for c, _ in own]
    for copy in copies:
        if copy.enrolled_key is None:
            result.problems.append(f"peer desk {copy.holder} has not enrolled this desk: its "
                                   "database holds no checkpoints of it")
            continue
        if copy.enrolled_key != public_key:
            result.problems.append(f"this desk's public key is not the one peer desk {copy.holder} "
                                   "enrolled: the desk's identity was replaced (edited outside CrisisDesk)")
        held += [(c, copy.holder, copy.enrolled_key) for c in copy.checkpoints]
        mine = {(c.seq, c.hash, c.signature) for c, _ in own}
        gone = [c for c in copy.checkpoints if (c.seq, c.hash, c.signature) not in mine
                and signature_valid(c, copy.enrolled_key)]
        if gone:
            result.problems.append(
                f"{len(gone)} checkpoints of this desk that peer desk {copy.holder} holds are missing "
                f"here (the latest {gone[0].short()}): removed outside CrisisDesk, or this is an older "
                "copy of the desk")
    for checkpoint, holder, key in held:
        result.own += 1
        where = f"the signed checkpoint {checkpoint.short()} ({checkpoint.reason})" + (
            f" held by peer desk {holder}" if holder else "")
        if not signature_valid(checkpoint, key):
            result.problems.append(f"{where} is not validly signed by this desk's key (forged or "
                                   "damaged checkpoint, or the desk's key was replaced)")
            continue
        row = conn.execute("SELECT hash FROM journal WHERE seq = ?", (checkpoint.seq,)).fetchone()
        if row is None:
            result.problems.append(f"the journal ends at #{head}, but {where} covers #{checkpoint.seq}: "
                                   "entries were removed from the end of the journal")
        elif row[0] != checkpoint.hash:
            result.problems.append(f"journal entry #{checkpoint.seq} does not match {where}: the "
                                   f"history up to #{checkpoint.seq} was rewritten")
        elif best is None or checkpoint.seq > best.seq:
            best = checkpoint
    if best is not None:
        result.coverage = Coverage(head, best.seq, best)
    return result
