"""The audit trail of a noticed restore: why this desk took itself for restored, and what peers sent back.

A desk restored from an older backup notices it by itself (desk.journal_witness) or from a peer's
acknowledgement; it then starts a new stream epoch and takes back, from its peers, entries that
claim to be made on it (docs/exchange.md, *Restored desks*). A misused enrolled key can claim a
restore falsely: refused when the witness shows the journal holds all it has sent, taken at its
word when there is no witness. So each notice (and each refusal) and each packet that brought
back entries made here is journaled (local kinds, never sent) and the latest notice is kept in
the exchange bookkeeping, for `exchange status` and the Exchange panel to show without reading
the journal.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from typing import Any

from crisisdesk.desk.exchange_models import OwnReturned, RestoreNotice
from crisisdesk.desk.writer import Writer
from crisisdesk.domain.entry_kinds import Kind
from crisisdesk.store import exchange_tables as tables

_NOTICE = "restore_notice"  # exchange_self keys: the latest notice, and what came back since
_RETURNED = "own_returned"
_RETURNED_AT = "own_returned_at"


def notice(writer: Writer, conn: sqlite3.Connection, peer: str, why: str, epoch: str, refused: bool = False,
           position: int = 0, made: int = 0, held: int = 0) -> None:
    """Journal that this desk took itself for restored (new `epoch`): because of `peer`'s
    acknowledgement, or by itself (`peer` empty: its journal lacks what it had sent); with
    `refused`, that `peer`'s acknowledgement said so falsely and was refused (no new epoch)."""
    payload = {"by": peer, "why": why, "epoch": epoch, "refused": refused, "position": position,
               "made": made, "held": held}
    stored = writer.record(Kind.DESK_RESTORE_NOTICED, payload)
    tables.set_self_value(conn, _NOTICE, json.dumps({**payload, "at": stored.entry.at}))
    tables.set_self_value(conn, _RETURNED, "{}")
    tables.set_self_value(conn, _RETURNED_AT, "")


def returned(writer: Writer, conn: sqlite3.Connection, peer: str, entries: int, packet_seq: int) -> None:
    """Journal that a packet of `peer` brought back `entries` entries made on this desk."""
    stored = writer.record(Kind.DESK_OWN_RETURNED, {"by": peer, "entries": entries, "packet": packet_seq})
    tables.set_self_value(conn, _RETURNED_AT, stored.entry.at)
    counts = _loads(tables.self_value(conn, _RETURNED))
    counts[peer] = int(counts.get(peer, 0)) + entries
    tables.set_self_value(conn, _RETURNED, json.dumps(counts))


def latest(conn: sqlite3.Connection, name_of: Callable[[str], str]) -> RestoreNotice | None:
    """The latest notice and the entries returned since, peers named by `name_of`; None when
    this desk never took itself for restored nor took back an entry made on it (or when another
    program left these values unreadable: the journal still holds every notice)."""
    try:
        found, counts = _loads(tables.self_value(conn, _NOTICE)), _loads(tables.self_value(conn, _RETURNED))
        if not found and not counts:
            return None
        back = tuple(sorted((name_of(str(desk)), int(count)) for desk, count in counts.items()))
        back_at = (tables.self_value(conn, _RETURNED_AT) or "") if back else ""
        if not found:
            return RestoreNotice(at="", by="", why="", returned=back, returned_at=back_at)
        by = str(found.get("by", ""))
        return RestoreNotice(at=str(found.get("at", "")), by=name_of(by) if by else "",
                             why=str(found.get("why", "")), refused=bool(found.get("refused", False)),
                             position=int(found.get("position", 0)), made=int(found.get("made", 0)),
                             held=int(found.get("held", 0)), returned=back, returned_at=back_at)
    except (ValueError, TypeError, AttributeError):
        return None


def history(conn: sqlite3.Connection, name_of: Callable[[str], str]) -> list[RestoreNotice | OwnReturned]:
    """Every notice and every packet that brought back entries made here, from the journal, in order."""
    found: list[RestoreNotice | OwnReturned] = []
    for at, kind, p in tables.local_records(conn, (Kind.DESK_RESTORE_NOTICED, Kind.DESK_OWN_RETURNED)):
        by = str(p.get("by", ""))
        name = name_of(by) if by else ""
        if kind == Kind.DESK_OWN_RETURNED:
            found.append(OwnReturned(at, name, int(p.get("entries", 0)), int(p.get("packet", 0))))
        else:
            found.append(RestoreNotice(at=at, by=name, why=str(p.get("why", "")),
                                       refused=bool(p.get("refused", False)),
                                       position=int(p.get("position", 0)), made=int(p.get("made", 0)),
                                       held=int(p.get("held", 0))))
    return found


def _loads(text: str | None) -> dict[str, Any]:
    found = json.loads(text) if text else {}
    if not isinstance(found, dict):
        raise ValueError("not an object")
    return found
