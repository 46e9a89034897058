"""Journal rows as stored entries (shared by the store, verify and the upgrade)."""

from __future__ import annotations

import json
from typing import Any

from crisisdesk.domain.journal import Entry, StoredEntry

COLUMNS = "seq, id, desk, author, at, hlc, kind, payload, prev_hash, hash"


def row_to_stored(row: tuple[Any, ...]) -> StoredEntry:
    seq, id_, desk, author, at, hlc, kind, payload, prev, digest = row
    entry = Entry(id=id_, desk=desk, author=author, at=at, hlc=hlc, kind=kind,
                  payload=json.loads(payload))
    return StoredEntry(seq=seq, entry=entry, prev_hash=prev, hash=digest, payload_json=payload)
