"""An event's pinned playbook and group, parsed once and cached by their SHA-256."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from crisisdesk.domain.clock import from_iso
from crisisdesk.domain.codec import from_plain, to_plain
from crisisdesk.domain.errors import InvalidInput
from crisisdesk.domain.group import Affiliate, Group
from crisisdesk.domain.playbook import Playbook
from crisisdesk.store import document_cache

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


def _parse(kind: type, text: str, sha256: str, conn):
    """From memory, else from the database's cache, else by parsing the YAML (then cached)."""
    if sha256 in _parsed:
        return _parsed[sha256]
    value = _cached(conn, kind, sha256) if conn is not None else None
    if value is None:
        from crisisdesk.formats import load_group_text, load_playbook_text  # YAML only on a miss

        loader = load_playbook_text if kind is Playbook else load_group_text
        value = loader(text, f"{kind.__name__.lower()} {sha256[:12]}").value
        if conn is not None:
            remember(conn, sha256, value)
    _parsed[sha256] = value
    return value


@dataclass(frozen=True)
class EventContext:
    row: dict
    playbook: Playbook
    group: Group

    @property
    def id(self) -> str:
        return self.row["id"]

    @property
    def t0(self) -> datetime:
        return from_iso(self.row["t0"])

    @property
    def level(self) -> str:
        return self.row["level"]

    @property
    def is_open(self) -> bool:
        return self.row["status"] == "open"

    def affiliate(self, affiliate_id: str) -> Affiliate:
        try:
            return self.group.affiliate(affiliate_id)
        except KeyError:
            known = ", ".join(a.id for a in self.group.affiliates)
            raise InvalidInput(f"unknown affiliate '{affiliate_id}' (affiliates: {known})") from None


def event_context(row: dict, conn=None) -> EventContext:
    """The event with its pinned playbook and group (parsed via `conn`'s cache when given)."""
    return EventContext(row=row, playbook=parse_playbook(row["playbook_text"], row["playbook_sha256"], conn),
                        group=parse_group(row["group_text"], row["group_sha256"], conn))
