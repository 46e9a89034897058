"""The domain rules applied to the entries of a packet before any is saved.

Entries are checked in the order they will be applied, each against this desk's
events and those activated earlier in the same packet. Pinned texts are parsed
here (never written to the database's parse cache: a refused packet changes
nothing), after checking that each text has the SHA-256 it is pinned under.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable, Iterable
from typing import TypeVar

from crisisdesk.desk.context import parse_group, parse_playbook
from crisisdesk.domain.entry_kinds import Kind
from crisisdesk.domain.errors import CrisisDeskError, InvalidInput
from crisisdesk.domain.group import Group
from crisisdesk.domain.journal import Entry
from crisisdesk.domain.payload_rules import EventDocs, check_payload, plainly_allowed
from crisisdesk.domain.playbook import Playbook
from crisisdesk.exchange import errors
from crisisdesk.exchange.errors import PacketRejected
from crisisdesk.exchange.identity import Identity
from crisisdesk.store import queries
from crisisdesk.store.errors import StoreError

Parsed = TypeVar("Parsed", Playbook, Group)


class ImportFacts:
    """What the payload rules need, from this desk's database and the packet so far."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self._events: dict[str, EventDocs | None] = {}

    def event(self, event_id: str) -> EventDocs | None:
        if event_id not in self._events:
            self._events[event_id] = self._held_event(event_id)
        return self._events[event_id]

    def add_event(self, event_id: str, docs: EventDocs) -> None:
        self._events[event_id] = docs

    def _held_event(self, event_id: str) -> EventDocs | None:
        try:
            row = queries.event(self.conn, event_id)
        except StoreError:
            return None
        if row["id"] != event_id:  # a prefix of another event's id
            return None
        # Parsed without the database's cache: checking a packet writes nothing.
        return EventDocs(parse_playbook(row["playbook_text"], row["playbook_sha256"]),
                         parse_group(row["group_text"], row["group_sha256"]), bool(row["drill"]))

    def parse_playbook(self, text: str, sha256: str) -> Playbook:
        _check_hash(text, sha256, "playbook")
        return _parsed(parse_playbook, text, sha256, "playbook")

    def parse_group(self, text: str, sha256: str) -> Group:
        _check_hash(text, sha256, "group file")
        return _parsed(parse_group, text, sha256, "group file")


def check_entries(me: Identity, entries: Iterable[Entry], conn: sqlite3.Connection) -> None:
    """Refuse the packet (invalid_entry) at the first entry the domain rules do not allow."""
    facts = ImportFacts(conn)
    for entry in entries:
        try:
            if not plainly_allowed(entry.kind, entry.payload, facts):  # the common kinds fast
                _check(me, entry, facts)
        except CrisisDeskError as exc:
            raise PacketRejected(errors.INVALID_ENTRY,
                                 f"invalid entry {entry.id} ({entry.kind}): {exc}") from None
        except Exception as exc:  # noqa: BLE001 (a rule tripping over odd data is a refusal)
            raise PacketRejected(errors.INVALID_ENTRY, (
                f"invalid entry {entry.id} ({entry.kind}): cannot be checked "
                f"({type(exc).__name__}: {str(exc)[:200]})")) from None


def _check(me: Identity, entry: Entry, facts: ImportFacts) -> None:
    """The rules of one entry: its payload's, and those of the kinds that load a group or
    activate an event (which have no fast path: `plainly_allowed` is the payload's alone)."""
    p = entry.payload
    if entry.kind == Kind.EVENT_ACTIVATED and isinstance(p.get("event"), str) \
            and facts.event(p["event"]) is not None:
        raise InvalidInput(f"event '{p['event']}' already exists on this desk")
    check_payload(entry.kind, p, facts)
    if entry.kind == Kind.GROUP_LOADED and p["group"] != me.group:
        raise InvalidInput(f"it loads group '{p['group']}', and this desk belongs to group "
                           f"'{me.group}'")
    if entry.kind == Kind.EVENT_ACTIVATED:
        pinned = p["group"]
        group = facts.parse_group(pinned["text"], pinned["sha256"])
        if group.id != me.group:
            raise InvalidInput(f"the event is of group '{group.id}', and this desk belongs to "
                               f"group '{me.group}'")
        facts.add_event(p["event"], EventDocs(
            facts.parse_playbook(p["playbook"]["text"], p["playbook"]["sha256"]), group, p["drill"]))


def _check_hash(text: str, sha256: str, what: str) -> None:
    if hashlib.sha256(text.encode("utf-8")).hexdigest() != sha256:
        raise InvalidInput(f"the pinned {what} does not match its SHA-256 {sha256[:12]}")


def _parsed(parse: Callable[[str, str], Parsed], text: str, sha256: str, what: str) -> Parsed:
    try:
        return parse(text, sha256)
    except CrisisDeskError as exc:
        raise InvalidInput(f"the pinned {what} does not load: {str(exc)[:300]}") from None
