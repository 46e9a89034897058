"""The desk database: journal appends and their projections in one transaction."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import Any

from crisisdesk.domain.hlc import Hlc
from crisisdesk.domain.journal import (
    GENESIS_HASH,
    Entry,
    StoredEntry,
    canonical_json,
    chain_hash_utf8,
)
from crisisdesk.store import database
from crisisdesk.store.errors import StoreError
from crisisdesk.store.journal_rows import COLUMNS as _COLUMNS
from crisisdesk.store.journal_rows import row_to_stored
from crisisdesk.store.projections import project_all
from crisisdesk.store.projections import registry as _registry  # noqa: F401  (registers projectors)
from crisisdesk.store.upgrade import Upgrade

# The payload comes as its UTF-8 bytes: SQLite takes them as the same text (no second encoding).
_INSERT = f"INSERT INTO journal ({_COLUMNS}, event) VALUES (?,?,?,?,?,?,?,CAST(? AS TEXT),?,?,?)"


class Store:
    """One desk database file; owned by the thread that opened it."""

    def __init__(self, conn: sqlite3.Connection, path: Path | str, upgraded: Upgrade | None = None):
        self.conn = conn
        self.path = path
        self.upgraded = upgraded  # what opening did to bring the file up to this program

    @cached_property
    def db(self) -> Any:
        """The same connection through sqlite-utils, for ad-hoc queries and tools."""
        import sqlite_utils

        return sqlite_utils.Database(self.conn)

    @classmethod
    def open(cls, path: Path, create: bool = True) -> Store:
        conn, upgraded = database.connect_upgraded(Path(path), create=create)
        return cls(conn, Path(path), upgraded)

    @classmethod
    def memory(cls) -> Store:
        """An empty in-memory desk database (rebuilds and tests)."""
        conn = sqlite3.connect(":memory:", isolation_level=None)
        database.migrate(conn)
        return cls(conn, ":memory:")

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def transaction(self) -> Iterator[Store]:
        """One write transaction; SQLite failures become StoreError, nothing half-saved."""
        if self.conn.in_transaction:
            yield self
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise database.translate(exc, self.path) from exc
        try:
            yield self
            self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            self._rollback()
            raise database.translate(exc, self.path) from exc
        except BaseException:
            self._rollback()
            raise

    def _rollback(self) -> None:
        if self.conn.in_transaction:
            try:
                self.conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass

    def append(self, entries: Iterable[Entry]) -> list[StoredEntry]:
        """Append entries to the chain and apply their projections, atomically."""
        stored: list[StoredEntry] = []
        rows = []
        with self.transaction():
            seq, prev = self.head()
            for entry in entries:
                seq += 1
                payload_json = canonical_json(entry.payload)
                payload_utf8 = payload_json.encode("utf-8")  # hashed and stored: encoded once
                digest = chain_hash_utf8(prev, entry, payload_utf8)
                stored.append(StoredEntry(seq, entry, prev, digest, payload_json))
                rows.append((seq, entry.id, entry.desk, entry.author, entry.at, entry.hlc, entry.kind,
                             payload_utf8, prev, digest, str(entry.payload.get("event", ""))))
                prev = digest
            self.conn.executemany(_INSERT, rows)
            project_all(self.conn, stored)
        return stored

    def head(self) -> tuple[int, str]:
        """Sequence number and hash of the last entry (0 and the genesis hash when empty)."""
        row = self.conn.execute("SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1").fetchone()
        return (row[0], row[1]) if row else (0, GENESIS_HASH)

    def last_hlc(self) -> Hlc | None:
        row = self.conn.execute("SELECT max(hlc) FROM journal").fetchone()
        return Hlc.decode(row[0]) if row and row[0] else None

    def entries(self, after: int = 0, upto: int | None = None) -> Iterator[StoredEntry]:
        """Stored entries in chain order, `after < seq <= upto`."""
        sql = f"SELECT {_COLUMNS} FROM journal WHERE seq > ?"
        params: list[Any] = [after]
        if upto is not None:
            sql += " AND seq <= ?"
            params.append(upto)
        for row in self.conn.execute(sql + " ORDER BY seq", params):
            yield row_to_stored(row)

    def entry(self, entry_id: str) -> StoredEntry:
        row = self.conn.execute(f"SELECT {_COLUMNS} FROM journal WHERE id = ?", (entry_id,)).fetchone()
        if row is None:
            raise StoreError(f"no journal entry {entry_id}")
        return row_to_stored(row)

    def meta(self, key: str, default: str | None = None) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction():
            self.conn.execute(
                "INSERT INTO meta(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, value))



__all__ = ["Store", "row_to_stored", "_COLUMNS"]
