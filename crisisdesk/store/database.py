"""Opening a desk database safely: checks before any write, pragmas, migrations."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from crisisdesk.store import owner_only
from crisisdesk.store.errors import StoreError, StoreFull
from crisisdesk.store.schema import APPLICATION_ID, SCHEMA_VERSION, migrate
from crisisdesk.store.upgrade import Upgrade, upgrade

__all__ = ["connect", "connect_upgraded", "connect_readonly", "migrate", "configure", "translate"]

SQLITE_HEADER = b"SQLite format 3\x00"


def connect(path: Path, create: bool = True) -> sqlite3.Connection:
    """A checked, upgraded connection to the desk database at `path` (see `connect_upgraded`)."""
    return connect_upgraded(path, create)[0]


def connect_upgraded(path: Path, create: bool = True) -> tuple[sqlite3.Connection, Upgrade]:
    """A checked connection to the desk database at `path`, brought up to this program
    (`store.upgrade`: backup first, migrations, projections, writer), and what that did.

    A file that is not SQLite, belongs to another program, or was written by a
    newer CrisisDesk is refused and left exactly as it was.
    """
    path = Path(path)
    existed = _check_file(path, create)
    if existed:
        _check_header_readonly(path)
    else:
        try:
            owner_only.make_folder(path.parent)
        except OSError as exc:
            raise StoreError(f"{path}: cannot create the folder: {exc.strerror}") from exc
        try:
            owner_only.create_file(path)  # 0600 first: SQLite gives its -wal and -shm the same mode
        except OSError as exc:
            raise StoreError(f"{path}: cannot create the database: {exc.strerror}") from exc
    try:
        conn = sqlite3.connect(os.fsencode(path), isolation_level=None, timeout=10)
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: cannot open the database: {one_line(exc)}") from exc
    done: list[Upgrade] = []

    def prepare() -> None:
        configure(conn)
        done.append(upgrade(conn, path))

    return _prepared(conn, path, prepare), done[0]


def connect_readonly(path: Path) -> sqlite3.Connection:
    """A read-only connection to an existing desk database that never changes the file.

    No journal-mode switch, no migration, nothing written. When no `-wal` or `-journal` file
    lies beside it (no desk has it open, the file is complete), it is opened `immutable`:
    SQLite then creates no `-shm`/`-wal` either, so a file on read-only media or in a
    read-only folder can be read, and an evidence copy keeps its SHA-256. Otherwise it is
    opened `mode=ro`, reading through the WAL of a desk that is open. A file that is
    missing, empty, not SQLite, of another program or of a newer CrisisDesk is refused
    with a StoreError naming it.
    """
    path = Path(path)
    _check_readable_header(path)
    sidecar = any(Path(f"{path}{suffix}").exists() for suffix in ("-wal", "-journal"))
    params = "mode=ro" if sidecar else "mode=ro&immutable=1"
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?{params}", uri=True, isolation_level=None)
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: cannot open the database read-only: {one_line(exc)}") from exc
    def check() -> None:
        conn.execute("PRAGMA query_only=1")
        application_id = conn.execute("PRAGMA application_id").fetchone()[0]
        user_version = conn.execute("PRAGMA user_version").fetchone()[0]
        _check_identity(path, application_id, user_version, desk_only=True)

    return _prepared(conn, path, check)


def _prepared(conn: sqlite3.Connection, path: Path, step: Callable[[], None]) -> sqlite3.Connection:
    """`conn` once `step` ran on it; closed, with a person's message, when it failed."""
    try:
        step()
    except sqlite3.Error as exc:
        conn.close()
        raise translate(exc, path) from exc
    except StoreError:
        conn.close()
        raise
    return conn


def _check_readable_header(path: Path) -> None:
    """The file exists, is not empty and starts with a complete SQLite header."""
    if path.is_dir():
        raise StoreError(f"{path}: is a folder, not a desk database file")
    try:
        with open(path, "rb") as handle:
            header = handle.read(100)
    except FileNotFoundError:
        raise StoreError(f"{path}: no such desk database") from None
    except OSError as exc:
        raise StoreError(f"{path}: cannot read the file: {exc.strerror}") from exc
    if not header:
        raise StoreError(f"{path}: the file is empty (0 bytes), not a desk database")
    if not header.startswith(SQLITE_HEADER):
        raise StoreError(f"{path}: not a CrisisDesk database (not an SQLite file, or its header is damaged)")
    if len(header) < 100:
        raise StoreError(f"{path}: the database file is truncated (its header is incomplete)")


def _check_identity(path: Path, application_id: int, user_version: int, desk_only: bool) -> None:
    if application_id != APPLICATION_ID and (desk_only or application_id != 0):
        raise StoreError(f"{path}: an SQLite file of another program (application id {application_id:#x}), "
                         "not a CrisisDesk database, or its header is damaged")
    if user_version > SCHEMA_VERSION:
        raise StoreError(
            f"{path}: written by a newer CrisisDesk (schema {user_version}, this program knows "
            f"{SCHEMA_VERSION}); update the program. The file was left untouched")


def configure(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")


def _check_file(path: Path, create: bool) -> bool:
    if path.is_dir():
        raise StoreError(f"{path}: is a folder, not a desk database file")
    if path.exists():
        if path.stat().st_size == 0 and not create:
            raise StoreError(f"{path}: the file is empty (0 bytes), not a desk database")
        return path.stat().st_size > 0
    if not create:
        raise StoreError(f"{path}: no such desk database")
    return False


def _check_header_readonly(path: Path) -> None:
    """Refuse foreign or newer files by reading them, never writing."""
    try:
        with open(path, "rb") as handle:
            header = handle.read(100)
    except OSError as exc:
        raise StoreError(f"{path}: cannot read the file: {exc.strerror}") from exc
    if not header.startswith(SQLITE_HEADER):
        raise StoreError(f"{path}: not a CrisisDesk database (not an SQLite file); it was left untouched")
    if len(header) < 100:
        raise StoreError(f"{path}: the database file is truncated; it was left untouched")
    application_id, user_version, tables = _read_identity(path)
    if application_id not in (0, APPLICATION_ID) or (application_id == 0 and tables):
        raise StoreError(f"{path}: an SQLite file of another program, not a CrisisDesk database; it was left untouched")
    if user_version > SCHEMA_VERSION:
        raise StoreError(
            f"{path}: written by a newer CrisisDesk (schema {user_version}, this program knows "
            f"{SCHEMA_VERSION}); update the program. The file was left untouched"
        )


def _read_identity(path: Path) -> tuple[int, int, int]:
    """Application id, schema version and table count, read through a read-only connection."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True)
        try:
            application_id = conn.execute("PRAGMA application_id").fetchone()[0]
            user_version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        damaged = translate(exc, path)
        if "damaged" in str(damaged):
            raise StoreError(f"{path}: the database file is damaged ({one_line(exc)}); it was left untouched: "
                             "restore a backup") from exc
        raise StoreError(f"{path}: cannot read the database ({one_line(exc)}); it was left untouched") from exc
    return application_id, user_version, tables


def one_line(exc: BaseException, limit: int = 300) -> str:
    """An error's text on one line (SQLite quotes damaged schema text, newlines and all)."""
    text = " ".join(str(exc).split())
    return text if len(text) <= limit else text[:limit - 3] + "..."


def translate(exc: sqlite3.Error, path: Path | str) -> StoreError:
    """A person's message for an SQLite failure."""
    text = one_line(exc)
    code = getattr(exc, "sqlite_errorcode", None)
    if code == sqlite3.SQLITE_FULL or "database or disk is full" in text:
        return StoreFull(f"{path}: the disk is full; the change was not saved (nothing already saved was lost)")
    if code == sqlite3.SQLITE_READONLY or "readonly" in text:
        return StoreFull(f"{path}: the database is read-only; the change was not saved")
    if code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB) or "malformed" in text or "not a database" in text:
        return StoreError(f"{path}: the database file is damaged ({text}); restore a backup")
    if code == sqlite3.SQLITE_IOERR or isinstance(getattr(exc, "__cause__", None), OSError):
        return StoreFull(f"{path}: the disk refused the write ({text}); the change was not saved")
    if code == sqlite3.SQLITE_BUSY:
        return StoreError(f"{path}: the database is busy in another program; try again")
    return StoreError(f"{path}: database error: {text}")

