"""Journal entries: the append-only record every change becomes, chained by SHA-256."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

GENESIS_HASH = "0" * 64


def canonical_json(value: Any) -> str:
    """One stable JSON spelling of a value: sorted keys, no spaces, UTF-8 kept."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


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

    def content(self) -> dict[str, Any]:
        return {
            "id": self.id, "desk": self.desk, "author": self.author, "at": self.at,
            "hlc": self.hlc, "kind": self.kind, "payload": self.payload,
        }

    @classmethod
    def from_content(cls, data: dict[str, Any]) -> Entry:
        return cls(
            id=data["id"], desk=data["desk"], author=data["author"], at=data["at"],
            hlc=data["hlc"], kind=data["kind"], payload=data["payload"],
        )


@dataclass(frozen=True)
class StoredEntry:
    """An entry at its place in one desk's chain."""

    seq: int
    entry: Entry
    prev_hash: str
    hash: str


def chain_hash(prev_hash: str, entry: Entry) -> str:
    """SHA-256 over the previous hash and the canonical encoding of the entry."""
    digest = hashlib.sha256()
    digest.update(prev_hash.encode("ascii"))
    digest.update(b"\n")
    digest.update(canonical_json(entry.content()).encode("utf-8"))
    return digest.hexdigest()
