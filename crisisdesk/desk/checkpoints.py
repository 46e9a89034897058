"""The desk signs its journal's head: at each report issue, each packet, every
`EVERY` entries and when it closes (domain.checkpoint).

A desk without a key (no `desk init`, or a key it cannot reach now: a locked keyring, a key
file whose passphrase was not given) still works; it makes no checkpoints, and `verify`
says its entries are not covered by any checkpoint. A key file is opened with the
passphrase in `CRISISDESK_PASSPHRASE`, or once the exchange has unlocked it this session.
"""

from __future__ import annotations

import base64
import os
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from crisisdesk.domain.checkpoint import Checkpoint, CheckpointError
from crisisdesk.domain.clock import to_iso
from crisisdesk.domain.errors import CrisisDeskError
from crisisdesk.exchange.identity import Identity, public_bytes
from crisisdesk.exchange.keys import FILE, KEYRING, EncryptedFileKeys, KeyringKeys
from crisisdesk.store import checkpoints as table
from crisisdesk.store import exchange_tables

if TYPE_CHECKING:
    from crisisdesk.desk.writer import Writer

EVERY = 100  # entries between interval checkpoints
IN_PACKET = 8  # this desk's latest checkpoints carried in each packet
PASSPHRASE_ENV = "CRISISDESK_PASSPHRASE"


class Signer:
    """The desk's private key for checkpoints, looked for once per session (never prompting)."""

    def __init__(self) -> None:
        self.key: Ed25519PrivateKey | None = None
        self.tried = False
        self.why = ""  # why there is no key, for the desk's status

    def remember(self, key: Ed25519PrivateKey) -> None:
        """A key the exchange unlocked (or made) this session."""
        self.key, self.tried = key, True

    def get(self, conn: sqlite3.Connection) -> Ed25519PrivateKey | None:
        if self.key is not None or self.tried:
            return self.key
        self.tried = True
        row = exchange_tables.identity(conn)
        if row is None:
            self.why = "this desk has no key (desk init gives it one)"
            return None
        try:
            if row["key_store"] == KEYRING:
                key = KeyringKeys().load(row["desk"])
            elif row["key_store"] == FILE and os.environ.get(PASSPHRASE_ENV):
                key = EncryptedFileKeys(Path(row["key_file"]), os.environ[PASSPHRASE_ENV]).load(row["desk"])
            else:
                self.why = "the desk key is in a key file whose passphrase was not given"
                return None
        except CrisisDeskError as exc:
            self.why = str(exc)
            return None
        except Exception as exc:  # noqa: BLE001 (a broken keyring must never stop the desk)
            self.why = f"the desk key cannot be read ({type(exc).__name__})"
            return None
        if public_bytes(key) != base64.b64decode(row["public_key"]):
            self.why = "the key found does not match this desk's public key"
            return None
        self.key = key
        return key


def make(desk: Writer, reason: str, at: str | None = None,
         key: Ed25519PrivateKey | None = None) -> Checkpoint | None:
    """Sign and keep a checkpoint of the journal's head now; None without a key or entries."""
    if key is not None:
        desk.signer.remember(key)
    key = desk.signer.get(desk.store.conn)
    if key is None:
        return None
    with desk.store.transaction():
        seq, digest = desk.store.head()
        if seq == 0:
            return None
        unsigned = Checkpoint(desk.desk_id, seq, digest, at or to_iso(desk.clock()), reason)
        checkpoint = Checkpoint(unsigned.desk, seq, digest, unsigned.at, reason,
                                base64.b64encode(key.sign(unsigned.message())).decode("ascii"))
        table.add(desk.store.conn, checkpoint)
    desk.checkpoint_seq = seq
    return checkpoint


def last_seq(desk: Writer) -> int:
    """The position of this desk's latest checkpoint (cached for the session)."""
    if desk.checkpoint_seq is None:
        latest = table.latest(desk.store.conn, desk.desk_id)
        desk.checkpoint_seq = latest.seq if latest else 0
    return desk.checkpoint_seq


def after_append(desk: Writer, head: int) -> None:
    """An interval checkpoint once `EVERY` entries were added since the last one."""
    if desk.signer.tried and desk.signer.key is None:
        return  # no key this session: nothing to sign with
    if head - last_seq(desk) >= EVERY:
        make(desk, "interval")


def on_close(desk: Writer) -> None:
    """A checkpoint of what was added since the last one, when the desk closes."""
    if desk.signer.tried and desk.signer.key is None:
        return
    if exchange_tables.identity(desk.store.conn) is None:
        return
    if desk.store.head()[0] > last_seq(desk):
        make(desk, "close")


def for_packet(desk: Writer, key: Ed25519PrivateKey) -> list[dict[str, object]]:
    """A checkpoint of the head for a packet being written, and this desk's latest ones to send
    with it (the peer keeps them: a local forger cannot reach that copy)."""
    make(desk, "packet", key=key)
    return [c.to_dict() for c in table.of_desk(desk.store.conn, desk.desk_id, limit=IN_PACKET)]


def take_from_packet(conn: sqlite3.Connection, sender: Identity, items: Iterable[object],
                     at: str) -> int:
    """Keep the sender's checkpoints that a packet carries, each checked for its form and its
    signature by the sender's enrolled key (others are dropped: a desk vouches only for its
    own journal). How many were new."""
    new = 0
    for item in items:
        try:
            checkpoint = Checkpoint.from_dict(item)
        except CheckpointError:
            continue
        if checkpoint.desk == sender.desk and table.signature_valid(checkpoint, sender.public_key):
            new += table.add(conn, checkpoint, received_from=sender.desk, received_at=at)
    return new


def key_problem(conn: sqlite3.Connection) -> str | None:
    """When this computer's OS keyring holds a private key for the desk, a problem if the desk's
    identity names another public key: the identity (and the checkpoints signed with it) was
    replaced by someone without the desk's key. None when it matches or cannot be told (no
    keyring, a key file, another computer)."""
    row = exchange_tables.identity(conn)
    if row is None or row["key_store"] != KEYRING:
        return None
    try:
        key = KeyringKeys().load(row["desk"])
    except Exception:  # noqa: BLE001 (no keyring, not this computer: nothing to compare with)
        return None
    if public_bytes(key) == base64.b64decode(row["public_key"]):
        return None
    return ("the desk's public key is not the one of the private key kept for this desk in this "
            "computer's keyring: the desk's identity, and the checkpoints signed with it, were "
            "replaced outside CrisisDesk")


def keep_from_packet(desk: Writer, sender: Identity, items: Iterable[object]) -> int:
    """After a packet from `sender` was imported: keep the checkpoints it carried (never failing
    the import, which is saved already)."""
    items = list(items)
    if not items:
        return 0
    try:
        with desk.store.transaction():
            return take_from_packet(desk.store.conn, sender, items, to_iso(desk.clock()))
    except CrisisDeskError:
        return 0


def for_report(desk: Writer, at: str) -> str:
    """The checkpoint's short form printed on a report issued at `at` ('' without a key)."""
    checkpoint = table.by_time(desk.store.conn, desk.desk_id, "report", at) or make(desk, "report", at)
    return checkpoint.short() if checkpoint else ""


def printed_on(desk: Writer, at: str) -> str:
    """The short form printed on the report issued at `at` (a reprint), '' when none was."""
    checkpoint = table.by_time(desk.store.conn, desk.desk_id, "report", at)
    return checkpoint.short() if checkpoint else ""
