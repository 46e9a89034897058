"""Projections: tables the UI reads, derived from journal entries by projectors.

Each module here defines its tables (`DDL`) and registers one projector per
entry kind. A projector must depend only on the entry and the projection
tables, so replaying the journal into an empty database rebuilds them exactly.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from crisisdesk.domain.journal import StoredEntry

Projector = Callable[[sqlite3.Connection, StoredEntry], None]

PROJECTORS: dict[str, Projector] = {}


def projects(*kinds: str) -> Callable[[Projector], Projector]:
    """Register the decorated function as the projector of these entry kinds."""

    def register(func: Projector) -> Projector:
        for kind in kinds:
            if kind in PROJECTORS:
                raise RuntimeError(f"two projectors for {kind}")
            PROJECTORS[kind] = func
        return func

    return register


def project(conn: sqlite3.Connection, stored: StoredEntry) -> None:
    """Apply one entry to the projections; kinds without a projector change nothing."""
    projector = PROJECTORS.get(stored.entry.kind)
    if projector is not None:
        projector(conn, stored)
