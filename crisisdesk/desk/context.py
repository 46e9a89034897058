"""An event's pinned playbook and group, parsed once and cached by their SHA-256."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from crisisdesk.domain.clock import from_iso
from crisisdesk.domain.codec import from_plain, to_plain
from crisisdesk.domain.errors import InvalidInput
from crisisdesk.domain.group import GROUP_DESK, Affiliate, Group
from crisisdesk.domain.playbook import Playbook
from crisisdesk.domain.read_models import EventRecord
from crisisdesk.store import document_cache, queries

_parsed: dict[str, Playbook | Group] = {}


def parse_playbook(text: str, sha256: str, conn=None) -> Playbook:
    """The pinned playbook (the hash is the cache key; the text was validated when pinned)."""
    return _parse(Playbook, text, sha256, conn)


def parse_group(text: str, sha256: str, conn=None) -> Group:
    return _parse(Group, text, sha256, conn)


def remember(conn, sha256: str, value: Playbook | Group) -> None:
    """Keep an already parsed playbook or group for later opens of this database."""
    _parsed[sha256] = value
    document_cache.put(conn, sha256, type(value).__name__, to_plain(value))


def _cached(conn, kind: type, sha256: str):
    """The cached parse, or None; a cache entry another program damaged counts as none."""
    try:
        plain = document_cache.get(conn, sha256, kind.__name__)
        return None if plain is None else from_plain(kind, plain)
    except (ValueError, TypeError, KeyError, AttributeError):
        return None


def _load(kind: str, text: str, sha256: str) -> Playbook | Group:
    """Parse a pinned text (YAML and pydantic are loaded only now)."""
    from crisisdesk.formats import load_group_text, load_playbook_text

    loader = load_playbook_text if kind == "Playbook" else load_group_text
    return loader(text, f"{kind.lower()} {sha256[:12]}").value


def _parse(kind: type, text: str, sha256: str, conn):
    """From memory, else from the database's cache, else by parsing the YAML (then cached)."""
    if sha256 in _parsed:
        return _parsed[sha256]
    value = _cached(conn, kind, sha256) if conn is not None else None
    if value is None:
        value = _load(kind.__name__, text, sha256)
        if conn is not None:
            remember(conn, sha256, value)
    _parsed[sha256] = value
    return value


def cache_problems(conn) -> list[str]:
    """Cached parses that differ from a fresh parse of their pinned text (the cache is local state
    that `verify` otherwise trusts: a changed entry would change what the desk shows)."""
    pinned = queries.pinned_texts(conn)
    problems = []
    for sha256, kind, body in document_cache.stored(conn):
        text = pinned.get((sha256, kind))
        if text is None:
            continue  # a text no longer pinned (an older group file): never read again
        from crisisdesk.formats import FormatError

        try:
            fresh = json.loads(json.dumps(to_plain(_load(kind, text, sha256)), ensure_ascii=False))
        except FormatError as exc:
            problems.append(f"parsed-document cache: the pinned {kind.lower()} {sha256[:12]} no longer "
                            f"parses ({exc}); the desk shows it from the cache")
            continue
        try:
            same = json.loads(body) == fresh
        except ValueError:
            same = False
        if not same:
            problems.append(f"parsed-document cache: the cached {kind.lower()} {sha256[:12]} differs from "
                            "its pinned text (changed outside CrisisDesk); run `crisisdesk verify "
                            "--clear-cache` to make it again from the pinned texts")
    return problems


def forget_cache(conn) -> int:
    """Clear the cache of parsed pinned texts, in the database and in this process."""
    _parsed.clear()
    return document_cache.clear(conn)


@dataclass(frozen=True)
class EventContext:
    record: EventRecord
    playbook: Playbook
    group: Group

    @property
    def id(self) -> str:
        return self.record.id

    @property
    def t0(self) -> datetime:
        return self.record.t0

    @property
    def level(self) -> str:
        return self.record.level

    @property
    def is_open(self) -> bool:
        return self.record.is_open

    def affiliate(self, affiliate_id: str) -> Affiliate:
        try:
            return self.group.affiliate(affiliate_id)
        except KeyError:
            known = ", ".join(a.id for a in self.group.affiliates)
            raise InvalidInput.of("unknown affiliate '{affiliate}' (affiliates: {known})",
                                    affiliate=affiliate_id, known=known) from None

    def check_doer(self, affiliate_id: str) -> None:
        """An affiliate of the group, or GROUP_DESK for the group desk's own items and duties."""
        if affiliate_id != GROUP_DESK:
            try:
                self.group.affiliate(affiliate_id)
            except KeyError:
                known = ", ".join([GROUP_DESK, *(a.id for a in self.group.affiliates)])
                raise InvalidInput.of("unknown affiliate '{affiliate}' (affiliates: {known})",
                                    affiliate=affiliate_id, known=known) from None


def event_record(row: dict[str, Any]) -> EventRecord:
    """A stored event row as a typed record (a listing row may lack the pinned texts)."""
    return EventRecord(
        id=row["id"], title=row["title"], t0=from_iso(row["t0"]), drill=bool(row["drill"]),
        note=row["note"], level=row["level"], status=row["status"], status_reason=row["status_reason"],
        closed_at=from_iso(row["closed_at"]) if row.get("closed_at") else None,
        activated_at=from_iso(row["activated_at"]), activated_by=row["activated_by"],
        playbook_id=row["playbook_id"], playbook_version=int(row["playbook_version"]),
        group_id=row["group_id"])


def event_context(row: dict[str, Any], conn=None) -> EventContext:
    """The event with its pinned playbook and group (parsed via `conn`'s cache when given)."""
    return EventContext(record=event_record(row),
                        playbook=parse_playbook(row["playbook_text"], row["playbook_sha256"], conn),
                        group=parse_group(row["group_text"], row["group_sha256"], conn))
