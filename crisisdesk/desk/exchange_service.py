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

import sqlite3
from collections.abc import Iterable
from operator import attrgetter
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from crisisdesk.desk.app import Desk
from crisisdesk.desk.bulk import collector_paused
from crisisdesk.desk.exchange_checks import check_entries as check_rules
from crisisdesk.desk.exchange_models import (
    DUPLICATE,
    ERROR,
    IMPORTED,
    REFUSED,
    SKIPPED,
    WAITING,
    DeskInfo,
    ExportResult,
    ImportOutcome,
    Peer,
)
from crisisdesk.domain.clock import to_iso, to_ms
from crisisdesk.domain.errors import InvalidInput
from crisisdesk.domain.journal import Entry
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
           "ExchangeService", "ExportResult", "ImportOutcome", "Peer"]


class ExchangeService:
    """Exchange commands over one open desk; owned by the thread that owns the desk."""

    def __init__(self, desk: Desk, limits: packet.Limits = packet.DEFAULT_LIMITS):
        self.desk = desk
        self.limits = limits
        self._key: Ed25519PrivateKey | None = None

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
        self.desk.record("desk.initialised", {
            **identity.claims(), "fingerprint": identity.fingerprint, "key_store": store.kind,
            "key_file": str(Path(key_file).absolute()) if key_file is not None else ""})
        self._key = key
        return self.info()

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
            self.desk.record("desk.enrolled", {**identity.claims(),
                                               "fingerprint": identity.fingerprint})
        return self.peer(identity.desk)

    def revoke(self, ref: str, reason: str = "") -> Peer:
        """Stop trusting a desk: its packets are refused from now on."""
        peer = self.peer(ref)
        if peer.active:
            self.desk.record("desk.revoked", {"desk": peer.desk, "reason": reason.strip()})
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
        """Write one packet with what `ref` has not been sent yet; None when nothing is new."""
        me, peer = self.me(), self.peer(ref)
        if not peer.active:
            raise InvalidInput(f"desk {peer.name} was revoked; enrol it again to send to it")
        key = self._signing_key()
        after = 0 if resend_all else peer.sent_upto
        found = [(seq, e) for seq, e in tables.outgoing(self.conn, after, me.desk,
                                                        scope.kinds_sent_by(me))
                 if scope.travels(e, me)]
        if not found:
            return None
        capped = len(found) > self.limits.max_entries
        found = found[:self.limits.max_entries]
        upto = found[-1][0] if capped else tables.head_seq(self.conn)
        entries = [e for _, e in found]
        path = None
        try:
            with self.desk.store.transaction():
                moment = self.desk.clock()
                seq = tables.next_sent_seq(self.conn, to_ms(moment) // 1000)
                now = to_iso(moment)
                data = packet.build(me, key, peer.desk, seq, now, entries, after, upto)
                name = packet.packet_name(me.group, me.name, seq)
                tables.record_sent(self.conn, seq, peer.desk, name, len(entries), upto,
                                   packet.digest(data), now)
                path = folder.write_packet(Path(out_dir), name, data)
        except OSError as exc:
            state = folder.write_failure(Path(out_dir), exc)
            raise FolderError(state.state, state.message) from exc
        except BaseException:
            if path is not None:  # written but not recorded: never leave a sequence to reuse
                path.unlink(missing_ok=True)
            raise
        return ExportResult(peer.name, path, seq, len(entries))

    def sent_packets(self) -> list[dict]:
        return tables.sent(self.conn)

    def received_packets(self) -> list[dict]:
        return tables.received(self.conn)

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
        base = {"sender": sender.name, "seq": header.seq, "entries": header.entries}
        if held_digest == digest:
            return ImportOutcome(path, DUPLICATE, f"packet #{header.seq} from {sender.name} was "
                                 "already imported; nothing changed", **base)
        entries = packet.open_packet(data, header, sender.verifier(), self.limits)
        scope.check_entries(sender, entries)
        packet.check_clocks(header, entries, to_ms(self.desk.clock()), self.limits)
        if held_digest is not None:
            raise PacketRejected(errors.REPLAYED_SEQUENCE, (
                f"replayed sequence: desk {sender.name} already sent a different packet #"
                f"{header.seq}; this one is refused"))
        arrived = tables.received_upto(self.conn, sender.desk)
        if header.after > arrived:
            return ImportOutcome(path, WAITING, (
                f"packet #{header.seq} from {sender.name} continues an earlier packet not "
                f"imported yet (its journal after #{arrived}); kept for later. If that packet "
                f"was lost, ask {sender.name} to send everything again"), **base)
        new = self._new_entries(entries)
        check_rules(me, new, self.conn)
        try:
            with self.desk.store.transaction():
                self.desk.store.append(new)
                tables.record_received(self.conn, sender.desk, header.seq, digest, path.name,
                                       len(entries), len(new), header.after, header.upto,
                                       to_iso(self.desk.clock()))
        except StoreError as exc:
            if not _packet_fault(exc):
                raise
            raise PacketRejected(errors.MALFORMED,
                                 f"an entry of the packet cannot be applied ({exc})") from None
        except Exception as exc:  # noqa: BLE001 (refused whole; the transaction rolled back)
            raise PacketRejected(errors.MALFORMED, (
                f"an entry of the packet cannot be applied ({type(exc).__name__}: "
                f"{str(exc)[:300]})")) from None
        return ImportOutcome(
            path, IMPORTED, f"packet #{header.seq} from {sender.name}: {len(new)} new entries, "
            f"{len(entries) - len(new)} already here", new_entries=len(new),
            events=_values(new, "event"), affiliates=_values(new, "affiliate"), **base)

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
        return sorted((e for e in entries if e.id not in held), key=attrgetter("hlc", "id"))

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
        if self.desk.has_group():
            loaded = self.desk.group()
            if group and group != loaded.id:
                raise InvalidInput(f"the loaded group file is '{loaded.id}', not '{group}'")
            group = loaded.id
            if affiliate and affiliate not in {a.id for a in loaded.affiliates}:
                known = ", ".join(a.id for a in loaded.affiliates)
                raise InvalidInput(f"unknown affiliate '{affiliate}' (affiliates: {known})")
        if not group:
            raise InvalidInput("no group file is loaded: give the group id")
        return group, affiliate or None

    def _peer(self, row: dict) -> Peer:
        return Peer(_identity(row), row["status"], row["enrolled_at"], row["enrolled_by"],
                    row["revoked_at"], row["reason"], tables.sent_upto(self.conn, row["desk"]))


def _packet_fault(exc: StoreError) -> bool:
    """Whether SQLite refused the packet's values (rather than being unable to write now)."""
    return isinstance(exc.__cause__, (sqlite3.IntegrityError, sqlite3.InterfaceError,
                                      sqlite3.ProgrammingError, sqlite3.DataError))


def _refused(path: Path, exc: BaseException) -> ImportOutcome:
    """An unexpected failure on a packet, as its refusal."""
    return ImportOutcome(path, REFUSED, (f"the packet cannot be read or applied "
                                         f"({type(exc).__name__}: {str(exc)[:300]})"),
                         reason=errors.MALFORMED)


def _values(entries: list[Entry], key: str) -> frozenset[str]:
    """The events or affiliates the entries touch (for the UI to refresh)."""
    return frozenset(v for v in {e.payload.get(key) for e in entries} if isinstance(v, str))


def _identity(row: dict) -> Identity:
    return Identity.from_claims({"desk": row["desk"], "role": row["role"], "group": row["group_id"],
                                 "affiliate": row["affiliate"], "public_key": row["public_key"]})
