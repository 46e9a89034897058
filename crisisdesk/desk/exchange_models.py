"""What the exchange service hands the UI and the CLI: this desk, peers, per-packet outcomes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from crisisdesk.exchange.identity import Identity

IMPORTED = "imported"  # new entries applied (possibly none new: all already held)
DUPLICATE = "duplicate"  # this very packet was imported before; nothing to do
REFUSED = "refused"  # refused as a whole; `reason` says why
SKIPPED = "skipped"  # in the exchange folder but not for this desk (its own, or another's)
WAITING = "waiting"  # still being copied, or follows a packet not here yet; tried again later
ERROR = "error"  # could not be read or saved now (disk, database busy); tried again later


@dataclass(frozen=True)
class DeskInfo:
    """This desk's exchange identity and where its private key is kept."""

    identity: Identity
    key_store: str  # "keyring" or "file"
    key_file: str

    @property
    def fingerprint(self) -> str:
        return self.identity.fingerprint


@dataclass(frozen=True)
class Peer:
    """An enrolled (or revoked) desk, and how far this desk has sent to it."""

    identity: Identity
    status: str  # "enrolled" or "revoked"
    enrolled_at: str
    enrolled_by: str
    revoked_at: str
    reason: str
    sent_upto: int  # journal sequence already sent (the high-water mark)

    @property
    def desk(self) -> str:
        return self.identity.desk

    @property
    def name(self) -> str:
        return self.identity.name

    @property
    def fingerprint(self) -> str:
        return self.identity.fingerprint

    @property
    def active(self) -> bool:
        return self.status == "enrolled"


@dataclass(frozen=True)
class PeerStatus:
    """How the exchange with one peer stands (`exchange status`, the exchange panel)."""

    peer: Peer
    last_heard: str  # this desk's time when the peer's latest packet came in ("" never)
    behind: int  # entries this desk holds for the peer that it has not acknowledged
    missing: tuple[int, int] | None  # a stretch of the peer's journal a waiting packet needs
    awaiting_ack: bool  # sent, not yet acknowledged (sent again automatically)
    returning: bool  # sending back what the peer made and lost in a restore

    @property
    def waiting_for(self) -> str:
        """What this desk waits for from the peer, in one line (English; the UI translates the
        parts)."""
        if self.missing is not None:
            return (f"its journal after #{self.missing[0]} (a packet up to #{self.missing[1]} "
                    "is missing; it is sent again)")
        if self.awaiting_ack:
            return f"its acknowledgement of {self.behind} entries"
        return ""


LATER_EPOCH = "later_epoch"  # a peer acknowledged a later stream of this desk than it holds
UNKNOWN_POSITION = "unknown_position"  # a position (or its chain hash) this desk does not have
MORE_ENTRIES = "more_entries"  # a peer holds more entries made on this desk than this desk
LOCAL = "local"  # this desk's journal lacks a position it had sent (desk.journal_witness)


@dataclass(frozen=True)
class RestoreNotice:
    """The latest time this desk took itself for restored from an older backup (by itself, or
    from a peer's acknowledgement), or refused a peer's acknowledgement that said so falsely; and
    what peers sent back since of the entries made on this desk. `at` is empty when entries came
    back without a notice (a desk that had not sent its first packet yet)."""

    at: str  # this desk's time of the notice
    by: str  # the peer's name ("" when the desk noticed by itself)
    why: str  # LATER_EPOCH, UNKNOWN_POSITION, MORE_ENTRIES or LOCAL
    refused: bool = False  # the peer's acknowledgement was false: the journal holds all it sent
    position: int = 0  # UNKNOWN_POSITION and LOCAL: the position
    made: int = 0  # MORE_ENTRIES: entries made here that the peer holds
    held: int = 0  # MORE_ENTRIES: entries made here that this desk holds
    returned: tuple[tuple[str, int], ...] = ()  # (peer name, entries made here taken back from it)
    returned_at: str = ""  # this desk's time when the latest of them came back

    @property
    def taken_at_a_word(self) -> bool:
        """Whether the desk went by a peer's word (a restore it said, or entries it returned
        before any notice): worth checking that the peer's key is not misused."""
        return (bool(self.by) and not self.refused) or (not self.at and bool(self.returned))

    @property
    def reason(self) -> str:
        """What showed the restore (English; the UI has its own words)."""
        reasons = {
            LATER_EPOCH: f"{self.by} acknowledged a later stream of this desk's journal than it holds",
            UNKNOWN_POSITION: (f"{self.by} acknowledged position #{self.position} of this desk's "
                               "journal, which this desk does not have"),
            MORE_ENTRIES: (f"{self.by} holds {self.made} entries made on this desk, which has "
                           f"{self.held} of them"),
            LOCAL: (f"this desk's journal lacks position #{self.position}, which it had sent "
                    "(restored from an older backup)"),
        }
        return reasons.get(self.why, self.why)

    @property
    def what(self) -> str:
        return "false acknowledgement refused" if self.refused else "restore noticed"

    @property
    def line(self) -> str:
        """The notice in one line (English; the UI has its own words)."""
        parts = []
        if self.at:
            parts.append(f"{self.what} {self.at}: {self.reason}")
        if self.refused:
            parts.append("this desk's journal still holds all it has sent; that desk's key may be "
                         "misused: revoke it")
        if self.returned:
            back = ", ".join(f"{count} from {name}" for name, count in self.returned)
            parts.append(f"entries made on this desk taken back {'since' if self.at else 'from peers'}: {back}")
        line = "; ".join(parts)
        if self.taken_at_a_word:
            line += (". If this desk was not restored from a backup, check whether that desk's key "
                     "is misused (revoke it) and any entries taken back")
        return line


@dataclass(frozen=True)
class OwnReturned:
    """A packet of a peer that brought back entries made on this desk (`exchange restores`)."""

    at: str  # this desk's time
    by: str  # the peer's name
    entries: int
    packet: int  # the packet's sequence number

    @property
    def line(self) -> str:
        return f"{self.entries} entries made on this desk taken back from {self.by} (its packet #{self.packet})"


@dataclass(frozen=True)
class SentPacket:
    """A packet this desk wrote: to whom, which file, how far into its journal."""

    seq: int
    recipient: str  # desk id
    file: str
    entries: int
    upto: int
    digest: str
    at: datetime


@dataclass(frozen=True)
class ReceivedPacket:
    """A packet this desk imported: from whom, how many of its entries were new here."""

    sender: str  # desk id
    seq: int
    digest: str
    file: str
    entries: int
    new_entries: int
    after: int
    upto: int
    at: datetime


@dataclass(frozen=True)
class ExportResult:
    peer: str  # desk name of the recipient
    path: Path
    seq: int
    entries: int


@dataclass(frozen=True)
class ImportOutcome:
    """What happened to one packet file."""

    path: Path
    status: str
    message: str
    reason: str = ""  # refusal code (exchange.errors), when refused
    sender: str = ""  # desk name of the sender, when known
    seq: int = 0
    entries: int = 0
    new_entries: int = 0
    events: frozenset[str] = field(default_factory=frozenset)
    affiliates: frozenset[str] = field(default_factory=frozenset)
