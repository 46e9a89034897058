"""Desk-to-desk exchange for the UI and the CLI: identity, enrolment, export and import.

Import rule: a packet is verified whole (framing, enrolled sender, signature,
scope, clocks not ahead of this desk's, sequence, and every new entry against the
domain rules: desk.exchange_checks), then the entries this desk does not hold yet are appended in
hybrid-logical-clock order in one transaction with the packet's receipt. Entries
already held are skipped, so packets may come twice. Each packet says which
stretch of the sender's journal it carries (`after`, `upto`); one that follows a
stretch not yet here waits until the earlier packet is imported, so packets may
come out of order and the result is the same. Where two desks changed the same
item concurrently, the projections keep the latest HLC and the other change stays
in the item's history (flagged as a conflict). Any failure of any kind on a
packet is its refusal (an outcome), never an exception; only a database that is
busy or cannot be written now leaves the packet for a later try.
"""

from __future__ import annotations

import secrets
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from itertools import islice
from operator import attrgetter, lt
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from crisisdesk.desk import checkpoints as desk_checkpoints
from crisisdesk.desk import journal_witness, restore_notices
from crisisdesk.desk.app import Desk
from crisisdesk.desk.bulk import collector_paused
from crisisdesk.desk.exchange_checks import check_entries as check_rules
from crisisdesk.desk.exchange_models import (
    DUPLICATE,
    ERROR,
    IMPORTED,
    LATER_EPOCH,
    LOCAL,
    MORE_ENTRIES,
    REFUSED,
    SKIPPED,
    UNKNOWN_POSITION,
    WAITING,
    DeskInfo,
    ExportResult,
    ImportOutcome,
    OwnReturned,
    Peer,
    PeerStatus,
    ReceivedPacket,
    RestoreNotice,
    SentPacket,
)
from crisisdesk.desk.journal_witness import epoch_order
from crisisdesk.domain.clock import from_iso, to_iso, to_ms
from crisisdesk.domain.entry_kinds import AFFILIATE_KINDS, GROUP_KINDS, LOCAL_KINDS, Kind
from crisisdesk.domain.errors import InvalidInput
from crisisdesk.domain.journal import GENESIS_HASH, Entry
from crisisdesk.exchange import errors, folder, packet, scope
from crisisdesk.exchange.errors import EnrolmentError, FolderError, KeyUnavailable, PacketRejected
from crisisdesk.exchange.identity import (
    AFFILIATE,
    GROUP,
    Identity,
    new_private_key,
    public_bytes,
    public_key_file_text,
    read_public_key_file,
)
from crisisdesk.exchange.keys import (
    FILE,
    EncryptedFileKeys,
    KeyringKeys,
    KeyringStatus,
    KeyStore,
    keyring_status,
)
from crisisdesk.store import exchange_tables as tables
from crisisdesk.store.errors import StoreError

__all__ = ["DUPLICATE", "ERROR", "IMPORTED", "REFUSED", "SKIPPED", "WAITING", "DeskInfo",
           "ExchangeService", "ExportResult", "ImportOutcome", "Peer", "PeerStatus", "ReceivedPacket",
           "RestoreNotice", "SentPacket"]


TRAVELLING_KINDS = GROUP_KINDS | AFFILIATE_KINDS
_HLC = attrgetter("hlc")
OLDER = "older"  # a packet from a sender's history before its restore
ACK_WANTED = "?"  # a packet waited: tell the sender what this desk holds
RESEND_AFTER = 120  # seconds: then 4, 8 … minutes while the peer stays silent
MAX_RESEND_GAP = 3600
KEEP_ALIVE_AFTER = 900  # seconds without a packet to a peer: then one with the acknowledgement alone
RESTORE_GUARD_MS = 3_600_000  # a peer's acknowledgement starts a new epoch at most once an hour
# (and a false one, refused, is journaled at most once an hour)


class ExchangeService:
    """Exchange commands over one open desk; owned by the thread that owns the desk."""

    def __init__(self, desk: Desk, limits: packet.Limits = packet.DEFAULT_LIMITS,
                 resend_after: int = RESEND_AFTER, keep_alive_after: int = KEEP_ALIVE_AFTER):
        self.desk = desk
        self._writer = desk._writer  # the exchange is part of the desk: it journals through its writer
        self.limits = limits
        self.resend_after = resend_after  # seconds before an unacknowledged stretch goes again
        self.keep_alive_after = keep_alive_after  # seconds of silence towards a peer at most
        self._counted: _Counts | None = None
        self._greeted: set[str] = set()
        self._behind_counts: dict[tuple[str, int, int], int] = {}  # peers told this desk's acknowledgement this session
        self._key: Ed25519PrivateKey | None = None
        self._witness: journal_witness.Keeper | None = None

    @property
    def conn(self) -> sqlite3.Connection:
        return self.desk.store.conn

    # -- identity ----------------------------------------------------------------
    def keyring_status(self) -> KeyringStatus:
        return keyring_status()

    def info(self) -> DeskInfo | None:
        row = tables.identity(self.conn)
        if row is None:
            return None
        return DeskInfo(_identity(row), row["key_store"], row["key_file"])

    def me(self) -> Identity:
        return self._info().identity

    def _info(self) -> DeskInfo:
        info = self.info()
        if info is None:
            raise InvalidInput("this desk has no exchange identity yet: initialise it first "
                               "(crisisdesk desk init)")
        return info

    def init(self, role: str, group: str | None = None, affiliate: str | None = None,
             key_file: Path | None = None, passphrase: str | None = None) -> DeskInfo:
        """Give this desk its role and a new key pair; the private key goes to the keyring or,
        with `key_file`, to a file encrypted with `passphrase`."""
        if (info := self.info()) is not None:
            raise InvalidInput(f"this desk is already initialised as {info.identity.name} "
                               f"(fingerprint {info.fingerprint})")
        group, affiliate = self._check_role(role, group, affiliate)
        key = new_private_key()
        identity = Identity(self.desk.desk_id, role, group, affiliate, public_bytes(key))
        store: KeyStore
        if key_file is not None:
            store = EncryptedFileKeys(Path(key_file).absolute(), passphrase or "")
        else:
            status = keyring_status()
            if not status.available:
                raise KeyUnavailable(f"{status.message} (choose a key file)")
            store = KeyringKeys()
        store.save(identity.desk, key)
        self._writer.record(Kind.DESK_INITIALISED, {
            **identity.claims(), "fingerprint": identity.fingerprint, "key_store": store.kind,
            "key_file": str(Path(key_file).absolute()) if key_file is not None else ""})
        self._key = key
        return self._info()

    def needs_passphrase(self) -> bool:
        """Whether signing needs `unlock(passphrase)` first (key in an encrypted file)."""
        info = self.info()
        return info is not None and info.key_store == FILE and self._key is None

    def unlock(self, passphrase: str) -> None:
        """Open the encrypted key file for this session (raises WrongPassphrase)."""
        info = self.info()
        if info is None or info.key_store != FILE:
            return
        self._key = EncryptedFileKeys(Path(info.key_file), passphrase).load(info.identity.desk)

    def public_key_text(self) -> str:
        """The public key file's text, to hand to the other desk."""
        return public_key_file_text(self.me(), self._signing_key())

    def export_public_key(self, out: Path) -> Path:
        out = Path(out)
        text = self.public_key_text()
        try:
            out.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise InvalidInput(f"{out}: cannot write the key file: {exc.strerror}") from exc
        return out

    # -- peers -------------------------------------------------------------------
    def read_key_file(self, path: Path) -> Identity:
        """The desk in a public key file, checked for enrolment here (show its fingerprint)."""
        identity = read_public_key_file(Path(path))
        scope.check_pair(self.me(), identity)
        return identity

    def enrol(self, path: Path) -> Peer:
        """Trust the desk in this public key file (read its fingerprint aloud first)."""
        identity = self.read_key_file(path)
        known = tables.peer(self.conn, identity.desk)
        if known is not None and known["status"] == "enrolled" and _identity(known) != identity:
            raise EnrolmentError(
                f"desk {identity.name} is already enrolled with another key (fingerprint "
                f"{known['fingerprint']}); revoke it first if its key really changed")
        if known is None or known["status"] != "enrolled":
            self._writer.record(Kind.DESK_ENROLLED, {**identity.claims(),
                                               "fingerprint": identity.fingerprint})
        return self.peer(identity.desk)

    def revoke(self, ref: str, reason: str = "") -> Peer:
        """Stop trusting a desk: its packets are refused from now on."""
        peer = self.peer(ref)
        if peer.active:
            self._writer.record(Kind.DESK_REVOKED, {"desk": peer.desk, "reason": reason.strip()})
        return self.peer(peer.desk)

    def peers(self) -> list[Peer]:
        return [self._peer(row) for row in tables.peers(self.conn)]

    def peer(self, ref: str) -> Peer:
        """A peer by desk id, name (`bank.1a2b3c4d`), short id, or label when unique."""
        peers = self.peers()
        for attribute in ("desk", "name"):
            found = [p for p in peers if getattr(p, attribute) == ref]
            if found:
                return found[0]
        found = [p for p in peers if ref in (p.identity.short_id, p.identity.label)]
        if len(found) == 1:
            return found[0]
        names = ", ".join(p.name for p in peers) or "none enrolled yet"
        what = "several desks match" if found else "no enrolled desk"
        raise InvalidInput(f"{what} '{ref}' (desks: {names})")

    # -- export ------------------------------------------------------------------
    def export_to(self, ref: str, out_dir: Path, resend_all: bool = False) -> ExportResult | None:
        """Write one packet with what `ref` has not acknowledged and was not sent lately, and
        this desk's acknowledgement of `ref`'s journal; None when there is nothing to say.

        What was sent but not acknowledged is sent again once `resend_after` has passed since
        it was last sent (then twice as long, up to an hour, while the peer stays silent). A
        peer sent nothing for `keep_alive_after` gets the acknowledgement alone, so its
        `exchange status` knows this desk is there and what it holds, even when it is quiet."""
        me, peer = self.me(), self.peer(ref)
        if not peer.active:
            raise InvalidInput(f"desk {peer.name} was revoked; enrol it again to send to it")
        key = self._signing_key()
        witness = self._witnessed(me)
        path = None
        try:
            with self.desk.store.transaction():
                moment = self.desk.clock()
                now = to_iso(moment)
                epoch = self._epoch(moment)
                st = tables.stream(self.conn, peer.desk)
                head = tables.head_seq(self.conn)
                acked = st["acked_upto"] if st["acked_epoch"] == epoch else 0
                sent = st["sent_upto"] if st["sent_epoch"] == epoch else 0
                if not st["sent_epoch"]:  # sent before acknowledgements (format 1)
                    sent = tables.sent_upto(self.conn, peer.desk)
                sent = max(sent, acked)
                unchanged = dict(st)
                echo = st["return_own"] != 0
                due = bool(st["resend_due"]) and now >= st["resend_due"]
                resend = resend_all or (acked < sent and due) or (st["return_own"] == 1)
                after = 0 if (resend_all or (echo and resend)) else (acked if resend else sent)
                echoing = echo and after == 0
                kinds = TRAVELLING_KINDS if echoing else scope.kinds_sent_to(me)
                found = [(seq, e) for seq, e in tables.outgoing_any(self.conn, after, kinds)
                         if scope.travels_to(e, me, peer.identity, echoing)]
                ack = self._ack_for(st)
                # said again to each peer once a session: a desk restored from a backup then
                # tells its peers what it really holds, and they send it what it lacks
                ack_due = ack is not None and (
                    (_ack_key(ack) != st["ack_told"] and (ack.upto or st["ack_told"] == ACK_WANTED))
                    or peer.desk not in self._greeted)
                last_sent = tables.last_sent_at(self.conn, peer.desk)
                keep_alive = not last_sent or moment >= from_iso(last_sent) + timedelta(
                    seconds=self.keep_alive_after)
                if not found and not ack_due and not (resend and after < head) and not keep_alive:
                    if st != unchanged:
                        tables.save_stream(self.conn, st)
                    return None
                capped = len(found) > self.limits.max_entries
                found = found[:self.limits.max_entries]
                if found:
                    upto = found[-1][0] if capped else head
                elif resend:  # nothing there for the peer: a stretch without entries
                    upto = head
                else:  # an acknowledgement alone: it carries no stretch of the journal
                    after = upto = 0
                entries = [e for _, e in found]
                seq = tables.next_sent_seq(self.conn, to_ms(moment))
                stream = packet.Stream(epoch, tables.hash_at(self.conn, after) or "",
                                       tables.hash_at(self.conn, upto) or "")
                data = packet.build(me, key, peer.desk, seq, now, entries, after, upto,
                                    stream=stream, ack=ack,
                                    checkpoints=desk_checkpoints.for_packet(self._writer, key))
                name = packet.packet_name(me.group, me.name, seq)
                tables.record_sent(self.conn, seq, peer.desk, name, len(entries), upto,
                                   packet.digest(data), now)
                if ack is not None:
                    st["ack_told"] = _ack_key(ack)
                    self._greeted.add(peer.desk)
                if upto:
                    self._sent(st, epoch, sent, acked, upto, moment, resend, echoing)
                tables.save_stream(self.conn, st)
                path = folder.write_packet(Path(out_dir), name, data)
        except OSError as exc:
            state = folder.write_failure(Path(out_dir), exc)
            raise FolderError(state.state, state.message) from exc
        except BaseException:
            if path is not None:  # written but not recorded: never leave a sequence to reuse
                path.unlink(missing_ok=True)
            raise
        witness.after_commit(epoch, upto, stream.upto_hash)  # saved: now peers may come to hold it
        return ExportResult(peer.name, path, seq, len(entries))

    def _sent(self, st: dict[str, Any], epoch: str, sent: int, acked: int, upto: int, moment: datetime,
              resend: bool, echoed: bool) -> None:
        """Remember a packet written: how far it went, and when to send again unacknowledged."""
        st["sent_epoch"], st["sent_upto"] = epoch, max(sent, upto)
        if echoed:
            st["return_own"] = 2 + upto  # echoed: done once the peer acknowledges `upto`
        if resend:
            gap = min(max(st["resend_gap"], self.resend_after) * 2, MAX_RESEND_GAP)
        elif acked >= sent or not st["resend_due"]:
            gap = self.resend_after
        else:
            return  # an earlier packet is already waiting for its acknowledgement
        st["resend_gap"] = gap
        st["resend_due"] = to_iso(moment + timedelta(seconds=gap))

    def _ack_for(self, st: dict[str, Any]) -> packet.Ack | None:
        """This desk's acknowledgement of the peer's journal, once it has heard its stream."""
        if not st["their_epoch"]:
            return None
        return packet.Ack(st["their_epoch"], st["their_upto"], st["their_hash"],
                          self._counts().made_by(st["peer"]))

    def _counts(self) -> _Counts:
        if self._counted is None:
            self._counted = _Counts()
        self._counted.refresh(self.conn)
        return self._counted

    def _epoch(self, moment: datetime) -> str:
        """This desk's stream epoch (made on first use; a new one after a restore is noticed)."""
        epoch = tables.self_value(self.conn, "epoch")
        # none yet: also a desk restored from a backup made before its first packet
        return epoch if epoch is not None else self._restored(moment)

    def _restored_by_peer(self, moment: datetime, peer: str, why: str, **figures: int) -> None:
        """`peer`'s acknowledgement shows this desk was restored: a new epoch, at most once an
        hour (a misused peer's false acknowledgements cannot make every desk send everything
        again and again), journaled with the peer and the reason (desk.restore_notices). Unless
        the witness shows the journal holds all this desk has sent in its epoch (journal_witness):
        then the peer cannot hold more, and its acknowledgement is refused (journaled, at most
        once an hour)."""
        refused = self._witnessed(self.me()).vouches(self.conn, tables.self_value(self.conn, "epoch"))
        guard = "false_ack_at" if refused else "restored_at"
        last = tables.self_value(self.conn, guard)
        if last and to_ms(moment) - int(last) < RESTORE_GUARD_MS:
            return
        tables.set_self_value(self.conn, guard, str(to_ms(moment)))
        epoch = "" if refused else self._restored(moment)
        restore_notices.notice(self._writer, self.conn, peer, why, epoch, refused=refused, **figures)

    def _witnessed(self, me: Identity) -> journal_witness.Keeper:
        """The desk's witness; the first time in a session, a journal that lacks what this desk had
        sent was restored from an older backup: the desk starts a new epoch by itself, journaled,
        before any peer says so."""
        if self._witness is None:
            self._witness = journal_witness.Keeper(self.desk.path, me.desk)
        witness, epoch = self._witness, tables.self_value(self.conn, "epoch")
        witness.after_commit(epoch)  # a birth left by a rollback: dropped
        lacking = witness.restored_at(self.conn, epoch)
        if lacking is not None:
            with self.desk.store.transaction():
                epoch = tables.self_value(self.conn, "epoch")
                if witness.lacking(self.conn, epoch) is None:
                    return witness  # another program on this desk noticed it first
                moment = self.desk.clock()
                tables.set_self_value(self.conn, "restored_at", str(to_ms(moment)))
                epoch = self._restored(moment)
                restore_notices.notice(self._writer, self.conn, "", LOCAL, epoch, position=lacking)
            witness.after_commit(epoch)
        return witness

    def _restored(self, moment: datetime) -> str:
        """This desk was restored from an older backup (its witness or a peer's acknowledgement
        shows it), or starts its first epoch. Start a new stream epoch (peers then take
        everything again and send back what this desk made and lost; its witness is born with
        it); its own entries from before now are accepted back."""
        epoch = _new_epoch(moment)
        tables.set_self_value(self.conn, "epoch", epoch)
        if self._witness is not None:
            self._witness.born(epoch)
        # what it made before now: its clocks were at most the allowed skew ahead of its wall
        # clock (a clock follows the latest it has seen, and those are checked on import)
        before = to_ms(moment) + self.limits.max_skew_ms
        tables.set_self_value(self.conn, "own_before", f"{before:015d}.999999.")
        tables.set_self_value(self.conn, "own_before_epoch", epoch)
        return epoch

    def stream_mark(self, sender: str) -> tuple[str, int]:
        """How far this desk holds `sender`'s journal (its epoch and position): when it moves,
        packets that waited for an earlier one may go in."""
        st = tables.stream(self.conn, sender)
        return st["their_epoch"], st["their_upto"]

    def status(self) -> list[PeerStatus]:
        """Per enrolled peer: when this desk last heard from it, how many entries it has not
        acknowledged, and what this desk is waiting for from it."""
        me, found = self.me(), []
        epoch = tables.self_value(self.conn, "epoch") or ""
        for peer in self.peers():
            st = tables.stream(self.conn, peer.desk)
            acked = st["acked_upto"] if st["acked_epoch"] == epoch and epoch else 0
            behind = self._behind(me, peer.identity, acked)
            missing = (st["their_upto"], st["waiting_after"]) \
                if st["waiting_after"] > st["their_upto"] else None
            found.append(PeerStatus(peer, st["heard_at"], behind, missing,
                                    behind > 0 and bool(st["sent_upto"]),
                                    st["return_own"] != 0))
        return found

    def _behind(self, me: Identity, peer: Identity, acked: int) -> int:
        """How many entries after `acked` travel to `peer` (counted in SQL, remembered until the
        journal or the acknowledgement moves: the panel asks after every round)."""
        head = tables.head_seq(self.conn)
        key = (peer.desk, acked, head)
        if key not in self._behind_counts:
            if me.role == GROUP:
                count = tables.count_for_affiliate(self.conn, acked, me.desk, peer.desk,
                                                   peer.affiliate or "")
            else:
                count = tables.count_made_here(self.conn, acked, me.desk,
                                               scope.kinds_sent_by(me))
            self._behind_counts = {k: v for k, v in self._behind_counts.items()
                                   if k[0] != peer.desk}
            self._behind_counts[key] = count
        return self._behind_counts[key]

    def restore_notice(self) -> RestoreNotice | None:
        """The latest restore this desk noticed (by itself or from a peer) or false acknowledgement
        it refused, and the entries made here that peers sent back since (None: never)."""
        return restore_notices.latest(self.conn, self._peer_names())

    def restore_history(self) -> list[RestoreNotice | OwnReturned]:
        """Every restore noticed or false acknowledgement refused, and every packet that brought
        back entries made on this desk, in order (`exchange restores`)."""
        return restore_notices.history(self.conn, self._peer_names())

    def _peer_names(self) -> Callable[[str], str]:
        """A desk id to its peer name (`bank.1a2b3c4d`); an id no longer enrolled stays as it is."""
        names = {row["desk"]: _identity(row).name for row in tables.peers(self.conn)}
        return lambda desk: names.get(desk, desk)

    def sent_packets(self) -> list[SentPacket]:
        return [SentPacket(**{**r, "at": from_iso(r["at"])}) for r in tables.sent(self.conn)]

    def received_packets(self) -> list[ReceivedPacket]:
        return [ReceivedPacket(**{**r, "at": from_iso(r["at"])}) for r in tables.received(self.conn)]

    # -- import ------------------------------------------------------------------
    def import_files(self, paths: Iterable[Path]) -> list[ImportOutcome]:
        """Import packet files (each all or nothing), in any order: a packet that waits for an
        earlier one is tried again once that one is in. One outcome per path, in order."""
        paths = [Path(p) for p in paths]
        outcomes = [self.import_file(p) for p in paths]
        progress = True
        while progress:
            progress = False
            for index, outcome in enumerate(outcomes):
                if outcome.status == WAITING:
                    outcomes[index] = self.import_file(paths[index])
                    progress = progress or outcomes[index].status != WAITING
        return outcomes

    def import_file(self, path: Path) -> ImportOutcome:
        path = Path(path)
        try:
            data = packet.load_file(path, self.limits)
        except PacketRejected as exc:
            return ImportOutcome(path, REFUSED, str(exc), reason=exc.reason)
        except OSError as exc:
            return ImportOutcome(path, ERROR, f"cannot read the file: {exc.strerror}")
        except (MemoryError, ValueError) as exc:
            return _refused(path, exc)
        return self.import_bytes(data, path)

    def import_bytes(self, data: bytes, path: Path) -> ImportOutcome:
        """Verify and apply one packet's bytes; refusals come back as outcomes, never half-applied."""
        try:
            with collector_paused():
                return self._apply(data, path)
        except PacketRejected as exc:
            return ImportOutcome(path, REFUSED, str(exc), reason=exc.reason)
        except StoreError as exc:
            if not _packet_fault(exc):  # busy, locked, disk full, damaged database: try later
                return ImportOutcome(path, ERROR, str(exc))
            return _refused(path, exc)
        except Exception as exc:  # noqa: BLE001 (any failure on a packet is its refusal)
            return _refused(path, exc)

    def _apply(self, data: bytes, path: Path) -> ImportOutcome:
        header = packet.read_header(data, self.limits)
        me = self.me()
        witness = self._witnessed(me)
        if header.recipient != me.desk:
            raise PacketRejected(errors.WRONG_RECIPIENT, (
                f"the packet is addressed to another desk ({header.recipient}), not to this desk "
                f"({me.name})"))
        sender = self._sender(header)
        if header.group != me.group:
            raise PacketRejected(errors.OUT_OF_SCOPE, (
                f"out of scope: the packet is for group '{header.group}', and this desk belongs "
                f"to group '{me.group}'"))
        digest = packet.digest(data)
        held_digest = tables.received_digest(self.conn, sender.desk, header.seq)
        base: dict[str, Any] = {"sender": sender.name, "seq": header.seq, "entries": header.entries}
        if held_digest == digest:
            return ImportOutcome(path, DUPLICATE, f"packet #{header.seq} from {sender.name} was "
                                 "already imported; nothing changed", **base)
        entries = packet.open_packet(data, header, sender.verifier(), self.limits)
        packet.check_clocks(header, entries, to_ms(self.desk.clock()), self.limits)
        if held_digest is not None:
            raise PacketRejected(errors.REPLAYED_SEQUENCE, (
                f"replayed sequence: desk {sender.name} already sent a different packet #"
                f"{header.seq}; this one is refused"))
        own_before = tables.self_value(self.conn, "own_before") or ""
        mine = [e for e in entries if e.desk == me.desk]  # sent back to this desk
        held = frozenset(tables.held_copies(self.conn, mine)) if mine else frozenset()
        scope.check_entries(sender, entries, me, own_before, held)
        try:
            with self.desk.store.transaction():
                moment = self.desk.clock()
                st = tables.stream(self.conn, sender.desk)
                st["heard_at"] = to_iso(moment)
                self._take_ack(st, header, moment)
                extends = self._place(st, header)
                if extends is None:  # no entry saved; this desk says what it holds instead
                    if st["ack_told"] != f"{st['their_epoch']}:{st['their_upto']}":
                        st["ack_told"] = ACK_WANTED
                    if not st["waiting_after"] or header.after < st["waiting_after"]:
                        st["waiting_after"] = header.after
                    tables.save_stream(self.conn, st)
                else:
                    new = self._new_entries(entries)
                    check_rules(me, new, self.conn)
                    self.desk.store.append(new)
                    if mine and (back := sum(1 for e in new if e.desk == me.desk)):
                        restore_notices.returned(self._writer, self.conn, sender.desk, back, header.seq)
                    tables.record_received(self.conn, sender.desk, header.seq, digest,
                                           path.name, len(entries), len(new), header.after,
                                           header.upto, to_iso(moment))
                    if extends is OLDER and any(e.desk == sender.desk for e in new):
                        st["return_own"] = 1  # made there before its restore: it lacks them
                    elif extends is True:
                        tables.add_mark(self.conn, sender.desk, st["their_epoch"], header.upto,
                                        header.upto_hash)
                        if header.upto > st["their_upto"]:
                            st["their_upto"], st["their_hash"] = header.upto, header.upto_hash
                    if st["waiting_after"] <= st["their_upto"]:
                        st["waiting_after"] = 0
                    tables.save_stream(self.conn, st)
                    touched = _Touched.by(new)
                    tables.note_heard(self.conn, touched.heard_at(to_iso(moment)))
        except PacketRejected:
            raise
        except StoreError as exc:
            if not _packet_fault(exc):
                raise
            raise PacketRejected(errors.MALFORMED,
                                 f"an entry of the packet cannot be applied ({exc})") from None
        except Exception as exc:  # noqa: BLE001 (refused whole; the transaction rolled back)
            raise PacketRejected(errors.MALFORMED, (
                f"an entry of the packet cannot be applied ({type(exc).__name__}: "
                f"{str(exc)[:300]})")) from None
        witness.after_commit(tables.self_value(self.conn, "epoch"))  # a new epoch's witness is born
        if extends is None:
            return ImportOutcome(path, WAITING, (
                f"packet #{header.seq} from {sender.name} continues an earlier packet not "
                f"imported yet (its journal after #{header.after}); kept for later. A lost "
                f"packet is sent again by {sender.name} once it has this desk's "
                "acknowledgement"), **base)
        desk_checkpoints.keep_from_packet(self._writer, sender, header.checkpoints)
        return ImportOutcome(
            path, IMPORTED, f"packet #{header.seq} from {sender.name}: {len(new)} new entries, "
            f"{len(entries) - len(new)} already here", new_entries=len(new),
            events=frozenset(touched.events), affiliates=frozenset(touched.affiliates), **base)

    def _take_ack(self, st: dict[str, Any], header: packet.PacketHeader, moment: datetime) -> None:
        """Move the peer's acknowledged mark of this desk's journal (on acknowledgement, not on
        writing). A mark lower than before means the peer was restored: resend at once. A mark
        this desk's journal does not have means this desk was restored: new epoch."""
        ack = header.ack
        if ack is None or header.seq <= st["ack_seq"] or not ack.epoch:
            return
        st["ack_seq"] = header.seq
        epoch, peer = self._epoch(moment), st["peer"]
        if epoch_order(ack.epoch) > epoch_order(epoch):
            self._restored_by_peer(moment, peer, LATER_EPOCH)
            return
        if ack.epoch != epoch:
            return  # about an older epoch of this desk: the peer has not caught up yet
        held = tables.hash_at(self.conn, ack.upto)
        if held is None or (ack.hash and held != ack.hash):
            self._restored_by_peer(moment, peer, UNKNOWN_POSITION, position=ack.upto)
            return
        own = self._counts().own_for(self.me(), self.peer(peer).identity)
        if ack.made > own and tables.self_value(self.conn, "own_before_epoch") != epoch:
            # the peer holds entries made here that this desk lost
            self._restored_by_peer(moment, peer, MORE_ENTRIES, made=ack.made, held=own)
            return
        before = st["acked_upto"] if st["acked_epoch"] == epoch else 0
        st["acked_epoch"], st["acked_upto"] = epoch, ack.upto
        if ack.upto < before:  # the peer lost what it had acknowledged: send it again now
            st["resend_due"] = to_iso(moment)
        elif ack.upto > before:
            st["resend_gap"] = self.resend_after
            st["resend_due"] = to_iso(moment + timedelta(seconds=self.resend_after))
        if st["return_own"] >= 2 and ack.upto >= st["return_own"] - 2:
            st["return_own"] = 0

    def _place(self, st: dict[str, Any], header: packet.PacketHeader) -> bool | str | None:
        """Where a packet falls in the sender's stream: True when it continues what this desk
        holds (the mark may move), False when it is already covered and OLDER when it is from
        the sender's history before its restore (its entries are taken, the mark stays), None
        when it must wait for an earlier one."""
        epoch = header.epoch
        if epoch and epoch != st["their_epoch"]:
            if not st["their_epoch"]:  # first packet of format 2: the chain so far carries on
                st["their_epoch"], st["their_epoch_seq"] = epoch, header.seq
                if st["their_upto"]:
                    tables.add_mark(self.conn, st["peer"], epoch, st["their_upto"], "")
            elif epoch_order(epoch) > epoch_order(st["their_epoch"]) \
                    and header.seq > st["their_epoch_seq"]:
                # the sender was restored from a backup: its journal starts again from here,
                # and what it made and lost goes back to it
                st.update(their_epoch=epoch, their_epoch_seq=header.seq, their_upto=0,
                          their_hash=GENESIS_HASH, return_own=1,
                          waiting_after=0)
            else:
                return OLDER
        if header.after == 0 or tables.has_mark(self.conn, st["peer"], st["their_epoch"],
                                                header.after, header.after_hash):
            return True
        if header.after == st["their_upto"] and (
                not header.after_hash or st["their_hash"] in ("", header.after_hash)):
            return True  # continues the mark itself (known before marks were kept: format 1)
        if header.upto <= st["their_upto"]:
            return False
        return None

    def _sender(self, header: packet.PacketHeader) -> Identity:
        row = tables.peer(self.conn, header.sender)
        if row is None:
            raise PacketRejected(errors.UNKNOWN_DESK, (
                f"unknown desk: {header.sender_name} ({header.sender}) is not enrolled here; "
                "enrol its public key file first"))
        if row["status"] != "enrolled":
            raise PacketRejected(errors.UNKNOWN_DESK, (
                f"unknown desk: {header.sender_name} was revoked here on {row['revoked_at']}"))
        return _identity(row)

    def _new_entries(self, entries: tuple[Entry, ...]) -> list[Entry]:
        held = tables.held_copies(self.conn, list(entries))
        for entry_id, same in held.items():
            if not same:
                raise PacketRejected(errors.CONFLICTING_ENTRY, (
                    f"entry {entry_id} differs from the copy this desk already holds (same id, "
                    "other content): the packet or this database was tampered with"))
        new = [e for e in entries if e.id not in held] if held else list(entries)
        clocks = list(map(_HLC, new))
        if all(map(lt, clocks, islice(clocks, 1, None))):
            return new  # already in clock order, as a desk writes them (clocks are distinct)
        return sorted(new, key=attrgetter("hlc", "id"))

    # -- helpers -----------------------------------------------------------------
    def _signing_key(self) -> Ed25519PrivateKey:
        if self._key is None:
            info = self._info()
            if info.key_store == FILE:
                raise KeyUnavailable(f"the desk key is in the encrypted file {info.key_file}: "
                                     "give its passphrase to sign packets")
            key = KeyringKeys().load(info.identity.desk)
            if public_bytes(key) != info.identity.public_key:
                raise KeyUnavailable("the key in the OS keyring does not match this desk's "
                                     "public key; packets cannot be signed")
            self._key = key
        return self._key

    def _check_role(self, role: str, group: str | None,
                    affiliate: str | None) -> tuple[str, str | None]:
        if role not in (GROUP, AFFILIATE):
            raise InvalidInput(f"unknown role '{role}' (group or affiliate)")
        if role == AFFILIATE and not affiliate:
            raise InvalidInput("an affiliate desk needs its affiliate id")
        if role == GROUP and affiliate:
            raise InvalidInput("a group desk belongs to no single affiliate (leave out the affiliate)")
        if self.desk.events.has_group():
            loaded = self.desk.events.group()
            if group and group != loaded.id:
                raise InvalidInput(f"the loaded group file is '{loaded.id}', not '{group}'")
            group = loaded.id
            if affiliate and affiliate not in {a.id for a in loaded.affiliates}:
                known = ", ".join(a.id for a in loaded.affiliates)
                raise InvalidInput(f"unknown affiliate '{affiliate}' (affiliates: {known})")
        if not group:
            raise InvalidInput("no group file is loaded: give the group id")
        return group, affiliate or None

    def _peer(self, row: dict[str, Any]) -> Peer:
        return Peer(_identity(row), row["status"], row["enrolled_at"], row["enrolled_by"],
                    row["revoked_at"], row["reason"], tables.sent_upto(self.conn, row["desk"]))


class _Counts:
    """Entries per desk that made them, kept up to date from the journal's new entries (it is
    append-only): how many of a peer's entries this desk holds, and how many of this desk's
    own a peer may hold. A peer holding more of this desk's entries than this desk has means
    this desk lost some (restored from an older backup)."""

    def __init__(self) -> None:
        self.head = 0
        self.by_desk: dict[str, int] = {}
        self.own: dict[tuple[str, str, str], int] = {}  # (desk, "group kinds" or affiliate)

    def refresh(self, conn: sqlite3.Connection) -> None:
        for seq, desk, kind, affiliate in conn.execute(
                "SELECT seq, desk, kind, json_extract(payload, '$.affiliate') FROM journal "
                "WHERE seq > ? ORDER BY seq", [self.head]):
            self.head = seq
            if kind in LOCAL_KINDS:
                continue
            self.by_desk[desk] = self.by_desk.get(desk, 0) + 1
            key = (desk, "", "") if kind in GROUP_KINDS else (desk, "a", str(affiliate))
            self.own[key] = self.own.get(key, 0) + 1

    def made_by(self, desk: str) -> int:
        return self.by_desk.get(desk, 0)

    def own_for(self, me: Identity, peer: Identity) -> int:
        """How many entries made on this desk `peer` may hold."""
        if peer.role == GROUP:
            return self.by_desk.get(me.desk, 0)
        return self.own.get((me.desk, "", ""), 0) + sum(
            self.own.get((me.desk, "a", a), 0) for a in {peer.affiliate or "", GROUP})


def _new_epoch(moment: datetime) -> str:
    """A stream epoch: when it began (so a later one sorts after it) and a random tail."""
    return f"{to_ms(moment):015d}-{secrets.token_hex(4)}"


def _ack_key(ack: packet.Ack) -> str:
    return f"{ack.epoch}:{ack.upto}"


@dataclass
class _Touched:
    """What new entries touch: events and affiliates (for the UI to refresh), and the (event,
    affiliate) pairs of the affiliates' entries (heard from now). One pass over the entries."""

    events: set[str] = field(default_factory=set)
    affiliates: set[str] = field(default_factory=set)
    heard: set[tuple[str, str]] = field(default_factory=set)

    @classmethod
    def by(cls, entries: list[Entry]) -> _Touched:
        found = cls()
        try:  # thousands of entries touch a few (event, affiliate) pairs: find those first
            keys = {(e.kind in AFFILIATE_KINDS, e.payload.get("event"), e.payload.get("affiliate"))
                    for e in entries}
        except TypeError:  # a value that cannot be hashed (payloads may hold more keys)
            keys = {(e.kind in AFFILIATE_KINDS, _text_or_none(e.payload.get("event")),
                     _text_or_none(e.payload.get("affiliate"))) for e in entries}
        for affiliate_kind, event, affiliate in keys:
            if type(event) is str:
                found.events.add(event)
            if type(affiliate) is str:
                found.affiliates.add(affiliate)
                if type(event) is str and affiliate_kind:
                    found.heard.add((event, affiliate))
        return found

    def heard_at(self, at: str) -> list[tuple[str, str, str]]:
        return [(event, affiliate, at) for event, affiliate in self.heard]


def _text_or_none(value: object) -> str | None:
    return value if type(value) is str else None


def _packet_fault(exc: StoreError) -> bool:
    """Whether SQLite refused the packet's values (rather than being unable to write now)."""
    return isinstance(exc.__cause__, (sqlite3.IntegrityError, sqlite3.InterfaceError,
                                      sqlite3.ProgrammingError, sqlite3.DataError))


def _refused(path: Path, exc: BaseException) -> ImportOutcome:
    """An unexpected failure on a packet, as its refusal."""
    return ImportOutcome(path, REFUSED, (f"the packet cannot be read or applied "
                                         f"({type(exc).__name__}: {str(exc)[:300]})"),
                         reason=errors.MALFORMED)


def _identity(row: dict[str, Any]) -> Identity:
    return Identity.from_claims({"desk": row["desk"], "role": row["role"], "group": row["group_id"],
                                 "affiliate": row["affiliate"], "public_key": row["public_key"]})
