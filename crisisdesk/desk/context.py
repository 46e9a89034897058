"""An event's pinned playbook and group, parsed once and cached by their SHA-256."""

from __future__ import annotations

import json
import sqlite3
from typing import Any, TypeVar

from crisisdesk.domain.clock import from_iso
from crisisdesk.domain.codec import from_plain, to_plain
from crisisdesk.domain.event import Event, EventRecord
from crisisdesk.domain.group import Group
from crisisdesk.domain.playbook import Playbook
from crisisdesk.store import document_cache, queries

Doc = TypeVar("Doc", Playbook, Group)
Conn = sqlite3.Connection | None
_parsed: dict[str, Playbook | Group] = {}


def parse_playbook(text: str, sha256: str, conn: Conn = None) -> Playbook:
    """The pinned playbook (the hash is the cache key; the text was validated when pinned)."""
    return _parse(Playbook, text, sha256, conn)


def parse_group(text: str, sha256: str, conn: Conn = None) -> Group:
    return _parse(Group, text, sha256, conn)


def remember(conn: sqlite3.Connection, sha256: str, value: Playbook | Group) -> None:
    """Keep an already parsed playbook or group for later opens of this database."""
    _parsed[sha256] = value
    document_cache.put(conn, sha256, type(value).__name__, to_plain(value))


def _cached(conn: sqlite3.Connection, kind: type[Doc], sha256: str) -> Doc | None:
    """The cached parse, or None; a cache entry another program damaged counts as none."""
    try:
        plain = document_cache.get(conn, sha256, kind.__name__)
        value = None if plain is None else from_plain(kind, plain)
        return value if isinstance(value, kind) else None
    except (ValueError, TypeError, KeyError, AttributeError):
        return None


def _load(kind: type[Doc], text: str, sha256: str) -> Doc:
    """Parse a pinned text (YAML and pydantic are loaded only now)."""
    from crisisdesk.formats import load_group_text, load_playbook_text

    source = f"{kind.__name__.lower()} {sha256[:12]}"
    value = (load_playbook_text if kind is Playbook else load_group_text)(text, source).value
    if not isinstance(value, kind):
        raise TypeError(f"{source} parsed as {type(value).__name__}")
    return value


def _parse(kind: type[Doc], text: str, sha256: str, conn: Conn) -> Doc:
    """From memory, else from the database's cache, else by parsing the YAML (then cached)."""
    known = _parsed.get(sha256)
    if isinstance(known, kind):
        return known
    value = _cached(conn, kind, sha256) if conn is not None else None
    if value is None:
        value = _load(kind, text, sha256)
        if conn is not None:
            remember(conn, sha256, value)
    _parsed[sha256] = value
    return value


def cache_problems(conn: sqlite3.Connection) -> list[str]:
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
            parsed = _load(Playbook, text, sha256) if kind == "Playbook" else _load(Group, text, sha256)
            fresh = json.loads(json.dumps(to_plain(parsed), ensure_ascii=False))
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


def forget_cache(conn: sqlite3.Connection) -> int:
    """Clear the cache of parsed pinned texts, in the database and in this process."""
    _parsed.clear()
    return document_cache.clear(conn)


def event_record(row: dict[str, Any]) -> EventRecord:
    """A stored event row as a typed record (a listing row may lack the pinned texts)."""
    return EventRecord(
        id=row["id"], title=row["title"], t0=from_iso(row["t0"]), drill=bool(row["drill"]),
        note=row["note"], level=row["level"], status=row["status"], status_reason=row["status_reason"],
        closed_at=from_iso(row["closed_at"]) if row.get("closed_at") else None,
        activated_at=from_iso(row["activated_at"]), activated_by=row["activated_by"],
        playbook_id=row["playbook_id"], playbook_version=int(row["playbook_version"]),
        group_id=row["group_id"])


def event_context(row: dict[str, Any], conn: Conn = None) -> Event:
    """The event with its pinned playbook and group (parsed via `conn`'s cache when given)."""
    return Event(record=event_record(row),
                        playbook=parse_playbook(row["playbook_text"], row["playbook_sha256"], conn),
                        group=parse_group(row["group_text"], row["group_sha256"], conn))
