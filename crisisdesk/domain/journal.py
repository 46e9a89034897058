"""Journal entries: the append-only record every change becomes, chained by SHA-256."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from json.encoder import c_make_encoder, encode_basestring  # type: ignore[attr-defined]
from typing import Any

GENESIS_HASH = "0" * 64


_ENCODER = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _c_encoder() -> Callable[[Any], str]:
    """`_ENCODER.encode`, without building its C encoder anew on every call (a third faster).

    Falls back to `_ENCODER.encode` where the C accelerator is missing or differs.
    """
    try:
        make = c_make_encoder(None, _ENCODER.default, encode_basestring, None, ":", ",",
                              True, False, True)
    except TypeError:  # no accelerator (None), or another signature
        return _ENCODER.encode

    def encode(value: Any) -> str:
        """One stable JSON spelling of a value: sorted keys, no spaces, UTF-8 kept."""
        return "".join(make(value, 0))

    return encode


canonical_json = _c_encoder()


@dataclass(frozen=True)
class Entry:
    """One change, as made on its origin desk; identical on every desk that holds it."""

    id: str
    desk: str
    author: str
    at: str  # UTC wall clock, ISO 8601 with Z
    hlc: str  # hybrid logical clock, see domain.hlc
    kind: str
    payload: dict[str, Any] = field(default_factory=dict, hash=False)

    @classmethod
    def from_checked(cls, content: dict[str, Any]) -> Entry:
        """The entry whose `content()` is `content`: a dict with exactly this class's fields,
        already checked (a packet's entries), taken as the entry's own without copying or
        calling `__init__` (a fifth of reading a packet of 10,000 entries)."""
        entry = object.__new__(cls)
        object.__setattr__(entry, "__dict__", content)
        return entry

    def content(self) -> dict[str, Any]:
        return {
            "id": self.id, "desk": self.desk, "author": self.author, "at": self.at,
            "hlc": self.hlc, "kind": self.kind, "payload": self.payload,
        }


@dataclass(frozen=True)
class StoredEntry:
    """An entry at its place in one desk's chain."""

    seq: int
    entry: Entry
    prev_hash: str
    hash: str
    payload_json: str = field(default="", compare=False)  # the payload's canonical JSON, when known

    def payload_text(self) -> str:
        return self.payload_json or canonical_json(self.entry.payload)


def chain_hash(prev_hash: str, entry: Entry, payload_json: str | None = None) -> str:
    """SHA-256 over the previous hash, a newline and the canonical encoding of the entry.

    `payload_json`, the payload's canonical JSON when the caller has it already, is spliced
    into the encoding of the whole entry (keys in sorted order), which is then the same text.
    """
    if payload_json is None:
        payload_json = canonical_json(entry.payload)
    return chain_hash_utf8(prev_hash, entry, payload_json.encode("utf-8"))


def chain_hash_utf8(prev_hash: str, entry: Entry, payload_utf8: bytes) -> str:
    """`chain_hash` from the payload's canonical JSON in UTF-8, for a caller that stores those
    bytes too (a payload of Korean text is then encoded once, not twice)."""
    enc = encode_basestring  # what _ENCODER does with a str, without its overhead
    head = (f'\n{{"at":{enc(entry.at)},"author":{enc(entry.author)},"desk":{enc(entry.desk)},'
            f'"hlc":{enc(entry.hlc)},"id":{enc(entry.id)},"kind":{enc(entry.kind)},"payload":')
    return hashlib.sha256(prev_hash.encode("ascii") + head.encode("utf-8") + payload_utf8
                          + b"}").hexdigest()
