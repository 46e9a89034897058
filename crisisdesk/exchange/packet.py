"""Update packets: build, sign, read and verify, within hard limits.

A packet file is, in order:

    MAGIC  "CrisisDesk packet 2\\n"  (format 1 is still read)
    4 bytes, big-endian: length of the header
    header: JSON (group, sender, recipient, sequence, counts and sizes; from format 2 also
            the sender's stream (epoch, chain hashes) and its acknowledgements)
    body: zlib-compressed JSON array of journal entries (`Entry.content()`)
    64 bytes: Ed25519 signature of everything before it

Reading checks, in order: size, magic, header, length (truncation), then the
caller's key lookup, the signature, and only then the body, decompressed as a
stream with a cap so a decompression bomb stops at the declared size. JSON is
parsed within a nesting depth (exchange.bounded_json); every entry's clock and
time are checked for form and range (domain.hlc, domain.clock), and any failure
of any kind while reading is a refusal of the packet, never another exception.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import struct
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from crisisdesk.domain import hlc
from crisisdesk.domain.clock import parse_stamp, to_ms
from crisisdesk.domain.journal import Entry
from crisisdesk.exchange import errors
from crisisdesk.exchange.bounded_json import JsonRefused
from crisisdesk.exchange.bounded_json import loads as bounded_loads
from crisisdesk.exchange.errors import PacketRejected
from crisisdesk.exchange.identity import ROLES, Identity

FORMAT = 2
READABLE_FORMATS = (1, 2)
MAGIC_PREFIX = b"CrisisDesk packet "
MAGIC = MAGIC_PREFIX + b"%d\n" % FORMAT
_MAGICS = {version: MAGIC_PREFIX + b"%d\n" % version for version in READABLE_FORMATS}
SUFFIX = ".cdpkt"
SIGNATURE_SIZE = 64
_LENGTH = struct.Struct(">I")
_ENTRY_KEYS = frozenset({"id", "desk", "author", "at", "hlc", "kind", "payload"})
_AT, _HLC = attrgetter("at"), attrgetter("hlc")
_ENTRY_FIELDS = itemgetter("id", "desk", "author", "at", "hlc", "kind", "payload")
_HLC_FORM = hlc.FORMAT.fullmatch
_HLC_DESK = hlc.WALL_DIGITS + hlc.COUNTER_DIGITS + 2  # where the desk id starts in a clock
_MIN_HLC = f"{hlc.MIN_WALL_MS:0{hlc.WALL_DIGITS}d}"  # fixed width: strings order as numbers
# `STAMP` with the minute and second below 60 (the date and hour: `_EntryReader`)
_STAMP_FORM = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-5][0-9]:[0-5][0-9]\.[0-9]{3}Z",
                         re.ASCII).fullmatch
HEADER_DEPTH = 4  # the header object, its sender object, and room to spare


@dataclass(frozen=True)
class Limits:
    """What a desk accepts; anything beyond is refused before it can cost much."""

    max_file: int = 64 * 2**20
    max_header: int = 64 * 2**10
    max_raw: int = 256 * 2**20
    max_entries: int = 100_000
    max_depth: int = 16  # JSON nesting of the body: the list, an entry, its payload, … (5 in use)
    max_skew_ms: int = hlc.MAX_SKEW_MS  # how far a clock may run ahead of the reader's


DEFAULT_LIMITS = Limits()


@dataclass(frozen=True)
class Ack:
    """What the sender holds of the recipient's stream: its journal up to position `upto`
    (whose chain hash is `hash`) without a gap, in the recipient's stream `epoch`."""

    epoch: str
    upto: int
    hash: str
    made: int = -1  # how many entries made on the recipient the sender holds (-1: not said)


@dataclass(frozen=True)
class PacketHeader:
    group: str
    sender: str
    sender_role: str
    sender_affiliate: str | None
    sender_name: str
    recipient: str
    seq: int
    after: int  # the sender's journal position this packet continues from (0: from the start)
    upto: int  # the sender's journal position it brings the recipient to
    created_at: str
    entries: int
    body_size: int
    raw_size: int
    header_size: int
    format: int = FORMAT
    epoch: str = ""  # the sender's stream epoch (format 2; "" for format 1)
    after_hash: str = ""  # the sender's chain hash at `after` ("" unknown)
    upto_hash: str = ""  # the sender's chain hash at `upto`
    ack: Ack | None = None  # what the sender holds of the recipient's stream (format 2)
    checkpoints: tuple[dict[str, Any], ...] = ()  # the sender's signed checkpoints (desk.checkpoints)

    @property
    def file_name(self) -> str:
        """`<group>-<desk>-<seq>.cdpkt`, sorting by group, sending desk and sequence."""
        return packet_name(self.group, self.sender_name, self.seq)

    @property
    def total_size(self) -> int:
        return len(_MAGICS[self.format]) + _LENGTH.size + self.header_size + self.body_size \
        + SIGNATURE_SIZE


def packet_name(group: str, desk_name: str, seq: int) -> str:
    return f"{group}-{desk_name}-{seq:013d}{SUFFIX}"


def digest(data: bytes) -> str:
    """The identity of one packet file's exact bytes."""
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Stream:
    """Where a packet sits in its sender's journal: `epoch` names the sender's history (a new
    one after a restore), the hashes are the sender's chain hashes at `after` and `upto`."""

    epoch: str
    after_hash: str = ""
    upto_hash: str = ""


def build(sender: Identity, key: Ed25519PrivateKey, recipient: str, seq: int, created_at: str,
          entries: Sequence[Entry], after: int = 0, upto: int = 0, stream: Stream | None = None,
          ack: Ack | None = None, checkpoints: Sequence[dict[str, Any]] = ()) -> bytes:
    """A signed packet carrying `entries` from `sender` to the desk `recipient`: the sender's
    journal entries for it in positions `after < position <= upto`, with the sender's
    acknowledgement of what it holds of the recipient's journal."""
    raw = json.dumps([e.content() for e in entries], ensure_ascii=False,
                     separators=(",", ":")).encode("utf-8")
    body = zlib.compress(raw, 6)
    header = {
        "format": FORMAT, "group": sender.group,
        "sender": {"desk": sender.desk, "role": sender.role, "affiliate": sender.affiliate,
                   "name": sender.name},
        "recipient": recipient, "seq": seq, "after": after, "upto": upto,
        "created_at": created_at,
        "entries": len(entries), "body_size": len(body), "raw_size": len(raw),
        "compression": "zlib",
    }
    if stream is not None:
        header["stream"] = {"epoch": stream.epoch, "after_hash": stream.after_hash,
                            "upto_hash": stream.upto_hash}
    if ack is not None:  # keyed by desk: what the sender holds of that desk's journal
        header["acks"] = {recipient: {"epoch": ack.epoch, "upto": ack.upto, "hash": ack.hash,
                                      "made": ack.made}}
    if checkpoints:  # the sender's signed checkpoints of its own journal (domain.checkpoint)
        header["checkpoints"] = list(checkpoints)
    return assemble(header, body, key)


def assemble(header: dict[str, Any], body: bytes, key: Ed25519PrivateKey) -> bytes:
    """Magic, header, body and the signature over all of them."""
    head = json.dumps(header, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
    magic = _MAGICS.get(int(header.get("format") or 0), MAGIC)
    signed = magic + _LENGTH.pack(len(head)) + head + body
    return signed + key.sign(signed)


def load_file(path: Path, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """The bytes of a packet file, refused unread when larger than any packet may be."""
    size = Path(path).stat().st_size
    if size > limits.max_file:
        raise PacketRejected(errors.TOO_LARGE, f"the file is too large for a packet ({_mib(size)}; "
                                               f"the limit is {_mib(limits.max_file)})")
    return Path(path).read_bytes()


def read_header(data: bytes, limits: Limits = DEFAULT_LIMITS) -> PacketHeader:
    """The header, with the file's framing checked (not yet its signature)."""
    header = _frame(data, limits)
    _check_length(len(data), header, limits)
    return header


def peek_header(path: Path, limits: Limits = DEFAULT_LIMITS) -> PacketHeader:
    """The header of a packet file and its length checked, reading only the file's start."""
    with open(path, "rb") as handle:
        prefix = handle.read(len(MAGIC) + _LENGTH.size + limits.max_header)  # same length for 1, 2
        size = os.fstat(handle.fileno()).st_size
    header = _frame(prefix, limits)
    _check_length(size, header, limits)
    return header


def _check_length(size: int, header: PacketHeader, limits: Limits) -> None:
    if size > limits.max_file:
        raise PacketRejected(errors.TOO_LARGE, f"the file is too large for a packet ({_mib(size)})")
    if size < header.total_size:
        raise _truncated()
    if size > header.total_size:
        raise PacketRejected(errors.MALFORMED, "the packet has extra bytes after its signature")


def _frame(data: bytes, limits: Limits) -> PacketHeader:
    """Magic, header length and header (from the whole file or its first bytes)."""
    version = _check_magic(data)
    magic = _MAGICS[version]
    start = len(magic) + _LENGTH.size
    if len(data) < start:
        raise _truncated()
    (size,) = _LENGTH.unpack_from(data, len(magic))
    if size > limits.max_header:
        raise PacketRejected(errors.MALFORMED, "the packet header is damaged (impossible length)")
    if len(data) < start + size:
        raise _truncated()
    try:
        fields = bounded_loads(data[start:start + size], HEADER_DEPTH, "the packet header")
        header = _header(fields, size, version)
    except JsonRefused as exc:
        raise PacketRejected(errors.MALFORMED, f"the packet header is damaged: {exc}") from None
    except Exception as exc:  # noqa: BLE001 (any failure on a file is its refusal)
        raise PacketRejected(errors.MALFORMED,
                             f"the packet header is damaged ({_why(exc)})") from None
    if header.entries > limits.max_entries or header.raw_size > limits.max_raw:
        raise PacketRejected(errors.TOO_LARGE, (
            f"the packet is too large: {header.entries} entries, {_mib(header.raw_size)} "
            f"unpacked (limits: {limits.max_entries} entries, {_mib(limits.max_raw)})"))
    return header


def open_packet(data: bytes, header: PacketHeader, verifier: Ed25519PublicKey,
                limits: Limits = DEFAULT_LIMITS) -> tuple[Entry, ...]:
    """The entries of a packet whose header was read, once its signature is verified."""
    signed = data[:-SIGNATURE_SIZE]
    try:
        verifier.verify(data[-SIGNATURE_SIZE:], signed)
    except InvalidSignature:
        raise PacketRejected(errors.BAD_SIGNATURE, (
            f"bad signature: the packet was altered, or not signed by desk {header.sender_name} "
            "as enrolled here")) from None
    body = signed[len(signed) - header.body_size:]
    raw = _inflate(body, header.raw_size, limits)
    try:
        items = bounded_loads(raw, limits.max_depth, "the packet's body")
        if not isinstance(items, list) or len(items) != header.entries:
            raise ValueError("entry count")
        read = _EntryReader().entry
        entries = tuple(map(read, items))
    except PacketRejected:
        raise
    except Exception as exc:  # noqa: BLE001 (any failure on a file is its refusal)
        raise PacketRejected(errors.MALFORMED,
                             f"the packet's entries are malformed ({_why(exc)})") from None
    if len({e.id for e in entries}) != len(entries):
        raise PacketRejected(errors.MALFORMED, "the packet holds the same entry twice")
    return entries


def check_clocks(header: PacketHeader, entries: Sequence[Entry], now_ms: int,
                 limits: Limits = DEFAULT_LIMITS) -> None:
    """Refuse a packet whose creation time, or an entry's clock or time, runs more than the
    allowed skew ahead of this desk's wall clock `now_ms`."""
    # Times and clocks were checked to be fixed-width on reading: the greatest string is the
    # latest time, so only the latest of each needs a look.
    latest = max(map(_AT, entries), default=None)
    for index, stamp in enumerate((header.created_at, latest)):
        ahead = 0 if stamp is None else to_ms(parse_stamp(stamp)) - now_ms
        if ahead > limits.max_skew_ms:  # which entry is found only to say so
            where = f"entry {next(e.id for e in entries if e.at == stamp)}" if index \
                else "the packet"
            raise PacketRejected(errors.CLOCK_AHEAD, f"clock ahead: {where} is dated {stamp}, "
                                 + hlc.ahead_message(ahead, limits.max_skew_ms))
    if entries:
        latest = max(map(_HLC, entries))
        try:
            hlc.check_not_ahead(hlc.parse(latest), now_ms, limits.max_skew_ms)
        except hlc.ClockError as exc:
            entry_id = next(e.id for e in entries if e.hlc == latest)
            raise PacketRejected(errors.CLOCK_AHEAD, f"clock ahead: entry {entry_id} has the "
                                 f"clock {latest}, {exc}") from None


def _check_magic(data: bytes) -> int:
    """The packet format the file starts with (refused when not one this desk reads)."""
    for version, magic in _MAGICS.items():
        if data.startswith(magic):
            return version
    if len(data) < len(MAGIC) and any(m.startswith(data) for m in _MAGICS.values()):
        raise _truncated()
    if data.startswith(MAGIC_PREFIX):
        stated = data[len(MAGIC_PREFIX):len(MAGIC_PREFIX) + 8].split(b"\n", 1)[0]
        if stated.isdigit() and int(stated) > FORMAT:
            raise PacketRejected(errors.NEWER_FORMAT, (
                f"the packet was made by a newer CrisisDesk (packet format {int(stated)}); "
                "update CrisisDesk"))
    raise PacketRejected(errors.NOT_A_PACKET, "not a CrisisDesk packet")


def _header(fields: dict[str, Any], size: int, version: int) -> PacketHeader:
    sender = fields["sender"]
    stream, ack = _stream(fields, version), _ack(fields, version)
    header = PacketHeader(
        group=_text(fields["group"]), sender=_text(sender["desk"]), sender_role=sender["role"],
        sender_affiliate=sender["affiliate"], sender_name=_text(sender["name"]),
        recipient=_text(fields["recipient"]), seq=_count(fields["seq"]),
        after=_count(fields["after"]), upto=_count(fields["upto"]),
        created_at=_text(fields["created_at"]), entries=_count(fields["entries"]),
        body_size=_count(fields["body_size"]), raw_size=_count(fields["raw_size"]),
        header_size=size, format=version, epoch=stream.epoch, after_hash=stream.after_hash,
        upto_hash=stream.upto_hash, ack=ack, checkpoints=_checkpoints(fields))
    if fields.get("format") != version or fields.get("compression") != "zlib":
        raise ValueError("format")
    if header.sender_role not in ROLES or header.seq < 1 or header.upto < header.after:
        raise ValueError("sender")
    if header.sender_affiliate is not None:
        _text(header.sender_affiliate)
    parse_stamp(header.created_at)
    return header


def _stream(fields: dict[str, Any], version: int) -> Stream:
    """The sender's stream (format 2; unknown keys are left for later formats)."""
    if version < 2 or "stream" not in fields:
        return Stream("")
    stream = fields["stream"]
    return Stream(_token(stream["epoch"]), _hash(stream["after_hash"]),
                  _hash(stream["upto_hash"]))


def _ack(fields: dict[str, Any], version: int) -> Ack | None:
    """The sender's acknowledgement of the recipient's journal (format 2)."""
    if version < 2 or "acks" not in fields:
        return None
    acks = fields["acks"]
    if not isinstance(acks, dict) or len(acks) > 1:
        raise ValueError("acks")
    for desk, ack in acks.items():
        if desk != fields["recipient"]:
            raise ValueError("an acknowledgement for another desk")
        made = ack.get("made", -1)
        return Ack(_token(ack["epoch"], empty=True), _count(ack["upto"]), _hash(ack["hash"]),
                   -1 if made == -1 else _count(made))
    return None


def _checkpoints(fields: dict[str, Any]) -> tuple[dict[str, Any], ...]:
    """The sender's checkpoints, as objects (their form and signatures are checked by the
    desk that keeps them); at most 32."""
    found = fields.get("checkpoints", [])
    if not isinstance(found, list) or len(found) > 32 or not all(isinstance(c, dict) for c in found):
        raise ValueError("checkpoints")
    return tuple(found)


def _token(value: object, empty: bool = False) -> str:
    if not isinstance(value, str) or len(value) > 80 or (not value and not empty):
        raise ValueError("epoch expected")
    return value


def _hash(value: object) -> str:
    if not isinstance(value, str) or len(value) not in (0, 64) \
            or value.strip("0123456789abcdef"):
        raise ValueError("hash expected")
    return value


def _inflate(body: bytes, raw_size: int, limits: Limits) -> bytes:
    """Decompress at most `raw_size` bytes; a body that would expand further is a bomb."""
    inflater = zlib.decompressobj()
    try:
        raw = inflater.decompress(body, min(raw_size, limits.max_raw) + 1)
    except zlib.error:
        raise PacketRejected(errors.MALFORMED, "the packet's body is damaged") from None
    if len(raw) > raw_size or inflater.unconsumed_tail:
        raise PacketRejected(errors.DECOMPRESSION_BOMB, (
            f"decompression bomb: the body expands beyond its declared {_mib(raw_size)}; "
            "it was not unpacked"))
    if not inflater.eof or inflater.unused_data or len(raw) != raw_size:
        raise PacketRejected(errors.MALFORMED, "the packet's body is damaged (wrong length)")
    return raw


class _EntryReader:
    """Checks the entries of one packet and makes them `Entry`s, cheaply where it can: an
    entry whose fields are text of the right lengths, whose clock and time have their form
    (one regular expression each), and whose time's date and hour are those of a time already
    found real in this packet, is taken as it is; any other goes through `_entry`'s full
    checks, which say what is wrong."""

    def __init__(self) -> None:
        self.hours: set[str] = set()  # "YYYY-MM-DDTHH" of times found real and in range

    def entry(self, item: dict[str, Any]) -> Entry:
        if type(item) is dict and len(item) == len(_ENTRY_KEYS):
            try:
                id_, desk, author, at, clock, kind, payload = _ENTRY_FIELDS(item)
            except KeyError:  # other fields: refused below
                pass
            else:
                if type(id_) is str and type(author) is str and type(kind) is str \
                        and type(at) is str and type(clock) is str and type(payload) is dict \
                        and 0 < len(id_) <= 200 and 0 < len(author) <= 200 \
                        and 0 < len(kind) <= 200 and _HLC_FORM(clock) and clock >= _MIN_HLC \
                        and clock[_HLC_DESK:] == desk and _STAMP_FORM(at) \
                        and at[:13] in self.hours:
                    return Entry.from_checked(item)
        entry = _entry(item)
        self.hours.add(entry.at[:13])
        return entry


def _entry(item: dict[str, Any]) -> Entry:
    if type(item) is not dict or item.keys() != _ENTRY_KEYS:
        raise ValueError("an entry has missing or extra fields")
    fields = (item["id"], item["desk"], item["author"], item["at"], item["hlc"], item["kind"])
    for value in fields:
        if type(value) is not str or not 0 < len(value) <= 200:
            raise ValueError(f"entry field {value!r} is not valid text")
    payload = item["payload"]
    if type(payload) is not dict:
        raise ValueError(f"entry {fields[0]} has no payload object")
    try:
        clock = hlc.parse(fields[4])
        parse_stamp(fields[3])
    except ValueError as exc:
        raise ValueError(f"entry {fields[0]}: {exc}") from None
    if clock.desk != fields[1]:
        raise ValueError(f"entry {fields[0]}: its clock names desk {clock.desk}, not its desk")
    return Entry.from_checked(item)


def _why(exc: Exception) -> str:
    return str(exc)[:300] or type(exc).__name__


def _text(value: object) -> str:
    if not isinstance(value, str) or not value:
        raise ValueError("text expected")
    return value


def _count(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value < 2**53:
        raise ValueError("count expected")
    return value


def _truncated() -> PacketRejected:
    return PacketRejected(errors.TRUNCATED, "the packet is truncated (incomplete copy or download)")


def _mib(size: int) -> str:
    return f"{size / 2**20:.1f} MiB"
