"""Online backups with SQLite's backup API, verified after writing; restoring one safely."""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from crisisdesk.store import database, owner_only
from crisisdesk.store.errors import StoreError
from crisisdesk.store.journal_store import Store
from crisisdesk.store.verify import verify_file

SIDECARS = ("-wal", "-shm", "-journal")
STEP_PAGES = 256  # pages copied per step of an online backup (1 MiB of 4 KiB pages)
STEP_PAUSE = 0.002  # seconds between two steps: the writers' turn


def backup(store: Store, out: Path, pages: int = STEP_PAGES, pause: float = STEP_PAUSE) -> int:
    """Copy the live database to `out` atomically; returns the entries verified in the copy.

    A database in a file is copied through a connection of its own (`backup_file`), so the
    store's connection stays free for commands meanwhile; an in-memory one through its own.
    """
    if str(store.path) == ":memory:":
        return _backup_from(store.conn, Path(out), store.path, pages, pause)
    return backup_file(Path(str(store.path)), Path(out), pages, pause)


def backup_file(db_path: Path, out: Path, pages: int = STEP_PAGES, pause: float = STEP_PAUSE) -> int:
    """Copy the desk database at `db_path` (open elsewhere or not) to `out`; returns the entries
    verified in the copy.

    Runs on its own read-only connection, in steps of `pages` pages with `pause` seconds between
    them (SQLite's online backup API), inside one read transaction: the copy is the database as
    it was when the backup began, and writers of the live desk (WAL mode) are never held up by it,
    nor is the backup restarted by their commits. The copy is in rollback (DELETE) journal mode,
    owner-only, and verified read-only before it takes its name, so a backup can be checked later
    on read-only media.
    """
    db_path = Path(db_path)
    try:
        source = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None,
                                 timeout=10, check_same_thread=False)
    except sqlite3.Error as exc:
        raise database.translate(exc, db_path) from exc
    try:
        return _backup_from(source, Path(out), db_path, pages, pause)
    finally:
        source.close()


def _backup_from(source: sqlite3.Connection, out: Path, db_path: Path | str, pages: int, pause: float) -> int:
    if out.exists() and out.is_dir():
        raise StoreError(f"{out}: is a folder; give a file name for the backup")
    if str(db_path) != ":memory:" and out.resolve() == Path(db_path).resolve():
        raise StoreError(f"{out}: is the live database itself; choose another file")
    tmp = out.with_name(f".{out.name}.part")
    with _through(tmp, out, "cannot write the backup"):
        owner_only.make_folder(out.parent)
        _fresh_file(tmp)
        target = sqlite3.connect(os.fsencode(tmp), isolation_level=None)
        try:
            _copy_in_steps(source, target, pages, pause)
            target.execute("PRAGMA journal_mode=DELETE")
        finally:
            target.close()
        entries = check_backup(tmp)
        os.replace(tmp, out)
    return entries


def _copy_in_steps(source: sqlite3.Connection, target: sqlite3.Connection, pages: int, pause: float) -> None:
    """SQLite's online backup, `pages` at a time, sleeping `pause` between steps, from one snapshot."""
    own = not source.in_transaction
    if own:
        source.execute("BEGIN")
        source.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the snapshot is taken here
    try:
        source.backup(target, pages=max(1, pages), progress=lambda *_: time.sleep(pause) if pause else None)
    finally:
        if own:
            source.execute("COMMIT")


def check_backup(path: Path) -> int:
    """Verify a backup read-only (it is never changed); returns its entry count.

    An empty file, a file that is not a desk database and a desk that does not verify are
    refused with a StoreError naming the file and the reason.
    """
    path = Path(path)
    if not path.is_file():
        raise StoreError(f"{path}: no such backup file")
    report = verify_file(path)
    if not report.readable:
        raise StoreError(f"{path}: not a usable backup: {report.problems[0]}")
    if not report.ok:
        raise StoreError(f"{path}: the backup does not verify: {report.problems[0]}")
    return report.entries


def restore(backup_file: Path, target: Path, aside: Path) -> tuple[int, Path | None]:
    """Replace the database at `target` with a verified copy of `backup_file`.

    Refused, with nothing touched: a backup that is empty, not a desk, or does not verify; a
    target that another connection (a desk window, `exchange watch`, a second restore) holds
    open. The target's folder is created when missing. A non-empty file that was there is kept
    as `aside` and that path returned; with none (or an empty one) the second value is None.
    Returns (entries restored, aside or None).

    A desk database is restored in place, inside SQLite's exclusive lock (`hold_exclusively`):
    its content is first copied to `aside`, then the backup is written into it through the
    locked connection in one transaction, so a desk that opens at that moment waits and then
    reads the restored journal, never the replaced one. A file SQLite cannot read (damaged,
    not SQLite) is moved aside instead, and the restored copy takes its name.
    """
    backup_file, target, aside = Path(backup_file), Path(target), Path(aside)
    entries = check_backup(backup_file)
    tmp = target.with_name(f".{target.name}.restoring")
    with _through(tmp, target, "cannot restore"):
        owner_only.make_folder(target.parent)
        with hold_exclusively(target) as held:
            if held is not None:
                _copy_file(target, aside)
                _copy_database(backup_file, held, entries)
                return entries, aside
            present = target.exists() and target.stat().st_size > 0
            _fresh_file(tmp)
            copy = sqlite3.connect(os.fsencode(tmp), isolation_level=None)
            try:
                copy.execute("PRAGMA journal_mode=DELETE")
                _copy_database(backup_file, copy, entries)
            finally:
                copy.close()
            for suffix in ("", *SIDECARS):
                old = Path(f"{target}{suffix}")
                if present and old.exists():
                    os.replace(old, Path(f"{aside}{suffix}"))
                else:
                    old.unlink(missing_ok=True)
            os.replace(tmp, target)
    return entries, aside if present else None


def _copy_database(backup_file: Path, into: sqlite3.Connection, entries: int) -> None:
    """Write the (verified) backup into the connection `into`, then check the entry count."""
    source = database.connect_readonly(backup_file)
    try:
        source.backup(into)
    finally:
        source.close()
    restored = into.execute("SELECT count(*) FROM journal").fetchone()[0]
    if restored != entries:
        raise StoreError(f"{backup_file}: the copy holds {restored} journal entries where the backup "
                         f"verified {entries}; restore again")


def _copy_file(source: Path, to: Path) -> None:
    """Copy the bytes of `source` to a new owner-only `to` (an existing file is never overwritten)."""
    if to.exists():
        raise StoreError(f"{to}: already exists; the replaced database needs another name")
    owner_only.create_file(to)
    try:
        with open(source, "rb") as reading, open(to, "wb") as writing:
            while chunk := reading.read(1 << 20):
                writing.write(chunk)
            writing.flush()
            os.fsync(writing.fileno())
    except BaseException:
        to.unlink(missing_ok=True)
        raise


@contextmanager
def hold_exclusively(path: Path) -> Iterator[sqlite3.Connection | None]:
    """The desk database at `path`, held so that no other connection has it open.

    Yields the holding connection (rollback-journal mode, exclusive lock), or None when there
    is no database to hold: no file, an empty one, or one SQLite cannot read at all (damaged,
    not SQLite: no desk can have that open either).

    The lock is SQLite's own, so it covers every program and thread: an exclusive locking-mode
    connection switches the file out of WAL mode (checkpointing its WAL into it), which SQLite
    allows only when no other connection has the database open, then takes the exclusive lock
    and keeps it until the block ends. A desk that is open (a window, `exchange watch`) makes
    this a StoreError; one that tries to open meanwhile waits for the lock.
    """
    path = Path(path)
    if not path.exists() or path.stat().st_size == 0:
        yield None
        return
    conn = sqlite3.connect(os.fsencode(path), isolation_level=None, timeout=0.5)
    try:
        try:
            conn.execute("PRAGMA locking_mode=EXCLUSIVE")
            mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
            conn.execute("BEGIN EXCLUSIVE")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            conn.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            if _busy(exc):
                raise StoreError(
                    f"{path}: the desk is open in another program (a CrisisDesk window or "
                    "`crisisdesk exchange watch`); close it, then restore again. Nothing was changed"
                ) from exc
            mode = None
        except sqlite3.DatabaseError:
            mode = None
        if mode is None:
            conn.close()
            yield None
            return
        if mode != "delete":
            raise StoreError(f"{path}: the desk is open in another program (it stayed in {mode} mode); "
                             "close it, then restore again. Nothing was changed")
        yield conn
    finally:
        conn.close()


def _busy(exc: sqlite3.Error) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    return code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or "locked" in str(exc) or "busy" in str(exc)


def _fresh_file(path: Path) -> None:
    """An empty owner-only file at `path` (a leftover of an interrupted run is replaced)."""
    path.unlink(missing_ok=True)
    owner_only.create_file(path)


@contextmanager
def _through(tmp: Path, target: Path, failing: str) -> Iterator[None]:
    """Writing `target` by way of `tmp`: failures name `target`, and `tmp` never stays behind."""
    try:
        yield
    except sqlite3.Error as exc:
        raise database.translate(exc, target) from exc
    except OSError as exc:
        raise StoreError(f"{target}: {failing}: {exc.strerror}") from exc
    finally:
        for suffix in ("", *SIDECARS):
            Path(f"{tmp}{suffix}").unlink(missing_ok=True)
