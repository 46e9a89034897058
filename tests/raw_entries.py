"""Entries no command makes, for tests of the journal and the store underneath the desk.

They go through the desk's own journal writer (stamped, role-checked, one transaction), which
only the desk's services hold in the program."""

from __future__ import annotations

from typing import Any

from crisisdesk.desk.app import Desk
from crisisdesk.domain.journal import Entry, StoredEntry


def record(desk: Desk, kind: str, payload: dict[str, Any]) -> StoredEntry:
    return desk._writer.record(kind, payload)


def record_many(desk: Desk, items: list[tuple[str, dict[str, Any]]]) -> list[StoredEntry]:
    return desk._writer.record_many(items)


def new_entry(desk: Desk, kind: str, payload: dict[str, Any]) -> Entry:
    return desk._writer.new_entry(kind, payload)
