"""Projections: tables the UI reads, derived from journal entries by projectors.

Each module here defines its tables (`DDL`) and registers one projector per
entry kind. A projector must depend only on the entry and the projection
tables, so replaying the journal into an empty database rebuilds them exactly.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

from crisisdesk.domain.journal import StoredEntry

Projector = Callable[[sqlite3.Connection, StoredEntry], None]
BatchProjector = Callable[[sqlite3.Connection, list[StoredEntry]], None]

PROJECTORS: dict[str, Projector] = {}
BATCH_PROJECTORS: dict[str, BatchProjector] = {}


def projects(*kinds: str) -> Callable[[Projector], Projector]:
    """Register the decorated function as the projector of these entry kinds."""

    def register(func: Projector) -> Projector:
        for kind in kinds:
            if kind in PROJECTORS:
                raise RuntimeError(f"two projectors for {kind}")
            PROJECTORS[kind] = func
        return func

    return register


def projects_batch(*kinds: str) -> Callable[[BatchProjector], BatchProjector]:
    """Register a projector that applies many entries of these kinds at once, in their order.

    Batch kinds must commute with one another (they write different rows, latest-HLC-wins,
    and create nothing other kinds need), so a run mixing them may be applied kind by kind.
    """

    def register(func: BatchProjector) -> BatchProjector:
        for kind in kinds:
            if kind in PROJECTORS or kind in BATCH_PROJECTORS:
                raise RuntimeError(f"two projectors for {kind}")
            BATCH_PROJECTORS[kind] = func
        return func

    return register


def latest_per_row(batch: list[StoredEntry],
                   row: Callable[[dict[str, Any]], tuple[Any, ...]]) -> list[StoredEntry]:
    """Of the entries that write the same row (`row(payload)`), the one with the latest HLC.

    Under latest-HLC-wins the others would lose to it in any order, so writing only it gives
    the same table; their history is kept by the caller's other writes.
    """
    latest: dict[tuple[Any, ...], StoredEntry] = {}
    for item in batch:
        key = row(item.entry.payload)
        held = latest.get(key)
        if held is None or item.entry.hlc > held.entry.hlc:
            latest[key] = item
    return list(latest.values())


def project_all(conn: sqlite3.Connection, stored: list[StoredEntry]) -> None:
    """Apply entries in order; kinds without a projector change nothing. A run of batch kinds
    is applied kind by kind (they commute), in one pass over the entries."""
    run: dict[str, list[StoredEntry]] = {}
    for item in stored:
        kind = item.entry.kind
        if kind in BATCH_PROJECTORS:
            if kind in run:
                run[kind].append(item)
            else:
                run[kind] = [item]
            continue
        if run:
            _apply_run(conn, run)
            run = {}
        projector = PROJECTORS.get(kind)
        if projector is not None:
            projector(conn, item)
    if run:
        _apply_run(conn, run)


def _apply_run(conn: sqlite3.Connection, run: dict[str, list[StoredEntry]]) -> None:
    for kind, batch in run.items():
        BATCH_PROJECTORS[kind](conn, batch)
