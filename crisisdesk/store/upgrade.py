"""Bringing a desk file up to this program when it opens.

In order: a backup of the file as it was (before anything changes it), the schema migrations,
the projections rebuilt from the journal when this program builds them differently
(`PROJECTION_VERSION`), and this program's version recorded in the `writers` table.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from crisisdesk import __version__
from crisisdesk.store import owner_only
from crisisdesk.store.errors import StoreError
from crisisdesk.store.journal_rows import COLUMNS, row_to_stored
from crisisdesk.store.projections import project_all
from crisisdesk.store.projections.registry import PROJECTION_VERSION
from crisisdesk.store.schema import LOCAL_STATE_TABLES, SCHEMA_VERSION, migrate, utc_now

PROJECTION_KEY = "projection_version"  # in meta; absent: version 1 (files made before it)
BEFORE_UPGRADE = "before-upgrade"
_BATCH = 5000


@dataclass(frozen=True)
class Upgrade:
    """What opening did to the file: nothing when `backup` is None and nothing was run."""

    schema_from: int
    projections_from: int
    migrations: tuple[int, ...] = ()
    rebuilt: bool = False
    backup: Path | None = None

    @property
    def changed(self) -> bool:
        return (bool(self.migrations) and self.schema_from > 0) or self.rebuilt

    def describe(self) -> str:
        """One line for a person ('' when the file was not upgraded)."""
        if not self.changed:
            return ""
        done = []
        if self.schema_from < SCHEMA_VERSION:
            done.append(f"schema {self.schema_from} → {SCHEMA_VERSION}")
        if self.rebuilt:
            done.append(f"projections rebuilt from the journal (version {self.projections_from} → "
                        f"{PROJECTION_VERSION})")
        return f"upgraded for CrisisDesk {__version__}: {', '.join(done)}; backup taken first: {self.backup}"


def upgrade_backup_folder(db_path: Path) -> Path:
    """Where the backups taken before upgrades go: beside the automatic ones (which the desk
    prunes), in their own folder (which it never prunes)."""
    db_path = Path(db_path)
    return db_path.parent / "backups" / db_path.stem / BEFORE_UPGRADE


def projection_version(conn: sqlite3.Connection) -> int:
    """The projection version the file's projections were built with."""
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (PROJECTION_KEY,)).fetchone()
    try:
        return int(row[0]) if row else 1
    except ValueError:
        return 0  # damaged: rebuilt like an old one


def upgrade(conn: sqlite3.Connection, path: Path) -> Upgrade:
    """Bring the open file at `path` up to this program (see the module's docstring).

    A file whose projections a newer CrisisDesk built is refused, untouched. When the backup
    cannot be written, nothing is migrated and the StoreError says why.
    """
    schema_from = conn.execute("PRAGMA user_version").fetchone()[0]
    projections_from = projection_version(conn) if schema_from else PROJECTION_VERSION
    if projections_from > PROJECTION_VERSION:
        raise StoreError(
            f"{path}: its projections were built by a newer CrisisDesk (projection version "
            f"{projections_from}, this program knows {PROJECTION_VERSION}); update the program. "
            "The file was left untouched")
    stale = projections_from < PROJECTION_VERSION
    backup = None
    if schema_from and (schema_from < SCHEMA_VERSION or stale):
        backup = backup_before_upgrade(conn, path, schema_from, projections_from)
    migrations = tuple(migrate(conn))
    if stale:
        rebuild_projections(conn)
    elif schema_from == 0:
        _set_projection_version(conn)
    record_writer(conn)
    return Upgrade(schema_from, projections_from, migrations, stale, backup)


def backup_before_upgrade(conn: sqlite3.Connection, path: Path, schema: int, projections: int) -> Path:
    """A copy of the file as it is now, checked (integrity, every journal entry), in
    `upgrade_backup_folder`; returns its path. Refuses (StoreError) when it cannot be made."""
    folder = upgrade_backup_folder(path)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    out = folder / f"{Path(path).stem}-schema{schema}-p{projections}-{stamp}.sqlite"
    n = 1
    while out.exists():
        n += 1
        out = folder / f"{Path(path).stem}-schema{schema}-p{projections}-{stamp}-{n}.sqlite"
    tmp = out.with_name(f".{out.name}.part")
    try:
        owner_only.make_folder(folder)
        tmp.unlink(missing_ok=True)
        owner_only.create_file(tmp)
        copy = sqlite3.connect(os.fsencode(tmp), isolation_level=None)
        try:
            conn.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")
            entries = conn.execute("SELECT count(*) FROM journal").fetchone()[0]
            copied = copy.execute("SELECT count(*) FROM journal").fetchone()[0]
            integrity = copy.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            copy.close()
        if copied != entries or integrity != "ok":
            raise StoreError(f"{out}: the backup before the upgrade did not check ({copied} of "
                             f"{entries} entries, {integrity}); the file was not upgraded")
        os.replace(tmp, out)
    except (OSError, sqlite3.Error) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else str(exc)
        raise StoreError(f"{path}: cannot take the backup before upgrading it ({out}: {reason}); "
                         "the file was left as it was: free some disk space or open it from a "
                         "folder you can write to") from exc
    finally:
        if tmp.is_file():
            tmp.unlink()
    return out


def projection_tables(conn: sqlite3.Connection) -> list[str]:
    """The tables the journal's projectors write (everything but the journal and local state)."""
    internal = {"journal", "meta", *LOCAL_STATE_TABLES}
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                        "AND name NOT LIKE 'sqlite_%' ORDER BY name")
    return [name for (name,) in rows if name not in internal]


def rebuild_projections(conn: sqlite3.Connection) -> int:
    """Empty every projection and replay the journal into them, in one transaction; then the
    file's projection version is this program's. Returns the entries replayed."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        for table in projection_tables(conn):
            conn.execute(f'DELETE FROM "{table}"')
        replayed, batch = 0, []
        for row in conn.execute(f"SELECT {COLUMNS} FROM journal ORDER BY seq").fetchall():
            batch.append(row_to_stored(row))
            if len(batch) >= _BATCH:
                project_all(conn, batch)
                replayed, batch = replayed + len(batch), []
        project_all(conn, batch)
        _set_projection_version(conn)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return replayed + len(batch)


def _set_projection_version(conn: sqlite3.Connection) -> None:
    conn.execute("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET "
                 "value = excluded.value", (PROJECTION_KEY, str(PROJECTION_VERSION)))


def record_writer(conn: sqlite3.Connection) -> None:
    """This program's version in `writers`: first opened once, last opened every time. A file
    opened read-only keeps no record (it is read, not written).

    The first time a version opens the file, the cache of parsed group files and playbooks is
    emptied in the same transaction: another version may parse the pinned texts into other
    models (they are parsed again when next needed, and `verify` then finds no stale entry)."""
    now = utc_now()
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            if not opened_by_this_version(conn):
                conn.execute("DELETE FROM parsed_documents")
            conn.execute("INSERT INTO writers(version, first_opened, last_opened) VALUES (?, ?, ?) "
                         "ON CONFLICT(version) DO UPDATE SET last_opened = excluded.last_opened",
                         (__version__, now, now))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    except sqlite3.OperationalError as exc:
        if getattr(exc, "sqlite_errorcode", None) != sqlite3.SQLITE_READONLY and "readonly" not in str(exc):
            raise


def opened_by_this_version(conn: sqlite3.Connection) -> bool:
    """Whether this program's version has opened the file for writing before."""
    if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'writers'").fetchone() is None:
        return False
    return conn.execute("SELECT 1 FROM writers WHERE version = ?", (__version__,)).fetchone() is not None


def writers(conn: sqlite3.Connection) -> list[tuple[str, str, str]]:
    """(version, first opened, last opened) of every program that wrote the file, oldest first."""
    return [tuple(row) for row in conn.execute(
        "SELECT version, first_opened, last_opened FROM writers ORDER BY rowid")]
