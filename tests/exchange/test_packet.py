"""The packet format on its own: framing, signature, limits."""

import json
import struct
import zlib

import pytest

from crisisdesk.domain.journal import Entry
from crisisdesk.exchange import errors, packet
from crisisdesk.exchange.errors import PacketRejected
from crisisdesk.exchange.identity import Identity, new_private_key, public_bytes
from tests.conftest import LONG

KEY = new_private_key()
SENDER = Identity("d-bank-0001-aaaabbbb", "affiliate", "hanbit", "bank", public_bytes(KEY))


def _entries(n: int = 3) -> list[Entry]:
    return [Entry(id=f"e{i}", desk=SENDER.desk, author="kim", at="2025-09-26T20:20:00.000Z",
                  hlc=f"{1758918000000 + i:015d}.000000.{SENDER.desk}", kind="checklist.changed",
                  payload={"affiliate": "bank", "n": i, "note": "완료"}) for i in range(n)]


def _build(entries=None, seq: int = 7) -> bytes:
    return packet.build(SENDER, KEY, "d-group", seq, "2025-09-26T20:21:00.000Z",
                        _entries() if entries is None else entries)


def _open(data: bytes, limits: packet.Limits = packet.DEFAULT_LIMITS):
    header = packet.read_header(data, limits)
    return header, packet.open_packet(data, header, SENDER.verifier(), limits)


def _refused(reason: str, data: bytes, limits: packet.Limits = packet.DEFAULT_LIMITS) -> str:
    with pytest.raises(PacketRejected) as info:
        _open(data, limits)
    assert info.value.reason == reason, str(info.value)
    return str(info.value)


def test_round_trip():
    data = _build()
    header, entries = _open(data)
    assert list(entries) == _entries()
    assert header.file_name == "hanbit-bank.aaaabbbb-0000000000007.cdpkt"
    assert (header.sender, header.recipient, header.seq, header.entries) == (
        SENDER.desk, "d-group", 7, 3)
    assert data.startswith(b"CrisisDesk packet 2\n")
    assert (header.format, header.epoch, header.ack) == (2, "", None)


def test_stream_and_acknowledgement_round_trip():
    ack = packet.Ack("001758918000000-abcd1234", 41, "ab" * 32)
    stream = packet.Stream("001758918000000-0000ffff", "0" * 64, "cd" * 32)
    data = packet.build(SENDER, KEY, "d-group", 8, "2025-09-26T20:21:00.000Z", _entries(),
                        after=0, upto=12, stream=stream, ack=ack)
    header, _ = _open(data)
    assert (header.epoch, header.after_hash, header.upto_hash, header.ack) == (
        stream.epoch, stream.after_hash, stream.upto_hash, ack)


def _format_1(entries) -> bytes:
    """A packet as CrisisDesk wrote it before acknowledgements (format 1)."""
    import json
    import zlib
    raw = json.dumps([e.content() for e in entries], separators=(",", ":")).encode()
    body = zlib.compress(raw)
    header = {"format": 1, "group": SENDER.group, "compression": "zlib",
              "sender": {"desk": SENDER.desk, "role": SENDER.role,
                         "affiliate": SENDER.affiliate, "name": SENDER.name},
              "recipient": "d-group", "seq": 3, "after": 0, "upto": 5,
              "created_at": "2025-09-26T20:21:00.000Z", "entries": len(entries),
              "body_size": len(body), "raw_size": len(raw)}
    return packet.assemble(header, body, KEY)


def test_format_1_is_still_read():
    data = _format_1(_entries())
    assert data.startswith(b"CrisisDesk packet 1\n")
    header, entries = _open(data)
    assert (header.format, header.upto, header.epoch, header.ack) == (1, 5, "", None)
    assert list(entries) == _entries()


@pytest.mark.parametrize("bad", [{"stream": {"epoch": "", "after_hash": "", "upto_hash": ""}},
                                 {"stream": {"epoch": "e", "after_hash": "xyz", "upto_hash": ""}},
                                 {"acks": {"someone-else": {"epoch": "e", "upto": 1, "hash": ""}}},
                                 {"acks": {"d-group": {"epoch": "e", "upto": -1, "hash": ""}}},
                                 {"acks": []}])
def test_a_damaged_stream_or_acknowledgement_is_malformed(bad):
    import json
    import zlib
    raw = json.dumps([e.content() for e in _entries()], separators=(",", ":")).encode()
    body = zlib.compress(raw)
    header = {"format": 2, "group": SENDER.group, "compression": "zlib",
              "sender": {"desk": SENDER.desk, "role": SENDER.role,
                         "affiliate": SENDER.affiliate, "name": SENDER.name},
              "recipient": "d-group", "seq": 3, "after": 0, "upto": 5,
              "created_at": "2025-09-26T20:21:00.000Z", "entries": 3,
              "body_size": len(body), "raw_size": len(raw), **bad}
    assert "damaged" in _refused(errors.MALFORMED, packet.assemble(header, body, KEY))


def test_names_sort_by_sequence():
    names = [packet.packet_name("hanbit", "bank.aaaabbbb", s) for s in (10, 9, 100, 1)]
    assert sorted(names) == [packet.packet_name("hanbit", "bank.aaaabbbb", s)
                             for s in (1, 9, 10, 100)]


@pytest.mark.parametrize("cut", [0, 5, 22, 30, 200, -65, -1])
def test_truncated_anywhere(cut):
    data = _build()
    assert "truncated" in _refused(errors.TRUNCATED, data[:cut])


@pytest.mark.parametrize("data", [b"%PDF-1.7 not a packet at all", b"\x00" * 100,
                                  "회의록".encode() * 20, b"CrisisDesk pocket"])
def test_not_a_packet(data):
    assert _refused(errors.NOT_A_PACKET, data) == "not a CrisisDesk packet"


def test_newer_format():
    data = _build().replace(b"CrisisDesk packet 2\n", b"CrisisDesk packet 3\n", 1)
    assert "update CrisisDesk" in _refused(errors.NEWER_FORMAT, data)


@pytest.mark.parametrize("where", ["header", "body", "signature"])
def test_any_changed_byte_breaks_the_signature(where):
    data = bytearray(_build())
    header = packet.read_header(bytes(data))
    position = {"header": len(packet.MAGIC) + 4 + header.header_size - 20,
                "body": len(data) - 64 - 5, "signature": len(data) - 3}[where]
    data[position] ^= 0x01
    with pytest.raises(PacketRejected) as info:
        _open(bytes(data))
    assert info.value.reason in ({errors.BAD_SIGNATURE} if where != "header"
                                 else {errors.BAD_SIGNATURE, errors.MALFORMED})


def test_signed_by_another_key():
    other = packet.build(SENDER, new_private_key(), "d-group", 1, "2025-09-26T20:20:00.000Z", _entries())
    assert "bad signature" in _refused(errors.BAD_SIGNATURE, other)


def test_extra_bytes_after_the_signature():
    _refused(errors.MALFORMED, _build() + b"\n")


def test_file_too_large_is_not_read(tmp_path):
    path = tmp_path / "big.cdpkt"
    path.write_bytes(_build())
    with pytest.raises(PacketRejected) as info:
        packet.load_file(path, packet.Limits(max_file=100))
    assert info.value.reason == errors.TOO_LARGE


def test_too_many_entries_or_too_large_unpacked():
    data = _build(_entries(5))
    assert "too large" in _refused(errors.TOO_LARGE, data, packet.Limits(max_entries=4))
    _refused(errors.TOO_LARGE, data, packet.Limits(max_raw=100))


def _bomb(declared: int, real: int) -> bytes:
    """A correctly signed packet whose body inflates to `real` bytes but declares `declared`."""
    stream = zlib.compressobj(9)
    chunk = b" " * 2**20
    body = b"".join(stream.compress(chunk) for _ in range(real // len(chunk))) + stream.flush()
    header = {"format": 1, "group": "hanbit", "compression": "zlib",
              "sender": {"desk": SENDER.desk, "role": "affiliate", "affiliate": "bank",
                         "name": SENDER.name},
              "recipient": "d-group", "seq": 1, "after": 0, "upto": 1, "created_at": "2025-09-26T20:20:00.000Z", "entries": 1,
              "body_size": len(body), "raw_size": declared}
    return packet.assemble(header, body, KEY)


def test_decompression_bomb_stops_at_the_declared_size():
    real = (300 if LONG else 16) * 2**20  # MiB of spaces in a few hundred KiB at most
    data = _bomb(declared=1000, real=real)
    assert len(data) < real / 500
    message = _refused(errors.DECOMPRESSION_BOMB, data)
    assert "decompression bomb" in message


def test_bomb_declaring_its_true_size_is_too_large():
    _refused(errors.TOO_LARGE, _bomb(declared=300 * 2**20, real=2**20))  # refused unpacked


@pytest.mark.parametrize("items", [
    {"not": "a list"},
    [{"id": "x"}],
    [{"id": "e", "desk": "d", "author": "a", "at": "t", "hlc": "bad", "kind": "k", "payload": {}}],
    [{"id": "e", "desk": "d", "author": "a", "at": "t", "hlc": "1.2.d", "kind": "k", "payload": []}],
    [{"id": 5, "desk": "d", "author": "a", "at": "t", "hlc": "1.2.d", "kind": "k", "payload": {}}],
])
def test_malformed_entries(items):
    raw = json.dumps(items).encode()
    body = zlib.compress(raw)
    count = len(items) if isinstance(items, list) else 1
    header = {"format": 1, "group": "hanbit", "compression": "zlib",
              "sender": {"desk": SENDER.desk, "role": "affiliate", "affiliate": "bank",
                         "name": SENDER.name},
              "recipient": "d-group", "seq": 1, "after": 0, "upto": 1, "created_at": "2025-09-26T20:20:00.000Z", "entries": count,
              "body_size": len(body), "raw_size": len(raw)}
    _refused(errors.MALFORMED, packet.assemble(header, body, KEY))


def test_same_entry_twice_is_malformed():
    one = _entries(1)
    _refused(errors.MALFORMED, _build(one + one))


def test_damaged_header():
    data = _build()
    size = struct.unpack_from(">I", data, len(packet.MAGIC))[0]
    start = len(packet.MAGIC) + 4
    broken = data[:start] + b"[" + data[start + 1:start + size] + data[start + size:]
    _refused(errors.MALFORMED, broken)
    _refused(errors.MALFORMED, data[:len(packet.MAGIC)] + struct.pack(">I", 2**31) + data[start:])
