"""Automatic online backups beside the database, restoring one, and verifying a file read-only."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from crisisdesk.desk import checkpoints, context
from crisisdesk.desk.backup_policy import DEFAULT_POLICY, BackupPolicy
from crisisdesk.desk.events import EventCommands
from crisisdesk.desk.writer import DeskService, Writer
from crisisdesk.domain.errors import InvalidInput
from crisisdesk.store.backup import STEP_PAGES, STEP_PAUSE, backup_file
from crisisdesk.store.backup import restore as store_restore
from crisisdesk.store.errors import StoreError
from crisisdesk.store.journal_store import Store
from crisisdesk.store.schema import SCHEMA_VERSION
from crisisdesk.store.upgrade import opened_by_this_version
from crisisdesk.store.verify import (
    READ_ERRORS,
    VerifyReport,
    describe,
    open_readonly,
    peer_copies,
    unreadable,
    verify,
)

STAMP = "%Y%m%d-%H%M%S"
__all__ = ["BackupPolicy", "BackupCommands", "backup_folder", "list_backups", "restore_database",
           "verify_database"]


def backup_folder(db_path: Path) -> Path:
    return Path(db_path).parent / "backups" / Path(db_path).stem


def list_backups(db_path: Path) -> list[Path]:
    """This database's automatic backups, oldest first."""
    folder = backup_folder(db_path)
    return sorted(folder.glob("*.sqlite")) if folder.is_dir() else []


def last_backup_time(db_path: Path) -> datetime | None:
    found = list_backups(db_path)
    return datetime.fromtimestamp(found[-1].stat().st_mtime, UTC) if found else None


def next_backup_path(db_path: Path) -> Path:
    """A new file name in the database's backup folder, stamped with the time."""
    db_path = Path(db_path)
    folder = backup_folder(db_path)
    stamp = datetime.now(UTC).strftime(STAMP)
    out = folder / f"{db_path.stem}-{stamp}.sqlite"
    n = 1
    while out.exists():
        n += 1
        out = folder / f"{db_path.stem}-{stamp}-{n}.sqlite"
    return out


def write_backup(db_path: Path, out: Path, keep: int, pages: int = STEP_PAGES,
                 pause: float = STEP_PAUSE) -> Path:
    """An online backup of the desk database at `db_path` into `out`, verified; the backups beside it
    pruned to the last `keep`.

    Needs no open Desk: it reads through a connection of its own, in steps, so it can run on any
    thread while the desk's own connection carries commands (the window runs it off the executor).
    """
    backup_file(Path(db_path), Path(out), pages, pause)
    for old in list_backups(db_path)[:-keep]:
        old.unlink()
    return Path(out)


class BackupCommands(DeskService):
    """Automatic backups of this desk's file."""

    def __init__(self, writer: Writer, events: EventCommands) -> None:
        super().__init__(writer)
        self._events = events
        self._path = Path(str(writer.store.path))

    def auto_backup(self, policy: BackupPolicy = DEFAULT_POLICY) -> Path:
        """An online backup into the backup folder, verified; older ones pruned to `policy.keep`."""
        return write_backup(self._path, next_backup_path(self._path), policy.keep)

    def backups(self) -> list[Path]:
        """This desk's automatic backups, oldest first."""
        return list_backups(self._path)

    def backup_due(self, policy: BackupPolicy = DEFAULT_POLICY) -> bool:
        """Whether an open event makes a new automatic backup due now."""
        if not self._events.event_records("open"):
            return False
        last = last_backup_time(self._path)
        return last is None or (datetime.now(UTC) - last).total_seconds() >= policy.every_minutes * 60


def restore_database(backup_file: Path, db_path: Path) -> tuple[int, Path | None]:
    """Restore `backup_file` over the (closed) database at `db_path`.

    Returns the entries restored and where the replaced database was kept (None when there was
    none). Refused, nothing changed: an empty, non-desk or unverifiable backup, and a desk that
    another program still has open (see `store.backup.restore`).
    """
    backup_file, db_path = Path(backup_file), Path(db_path)
    if backup_file.resolve() == db_path.resolve():
        raise InvalidInput.of("{backup_file}: is the database itself; choose a backup file", backup_file=backup_file)
    stamp = datetime.now(UTC).strftime(STAMP)
    aside = db_path.with_name(f"{db_path.stem}.replaced-{stamp}{db_path.suffix}")
    n = 1
    while aside.exists():
        n += 1
        aside = db_path.with_name(f"{db_path.stem}.replaced-{stamp}-{n}{db_path.suffix}")
    return store_restore(backup_file, db_path, aside)


def verify_database(path: Path, peers: list[Path] | None = None) -> VerifyReport:
    """Verify the desk database at `path` without changing it (read-only; its bytes stay the same).

    Integrity, schema and triggers, hash chain, signed checkpoints (also the copies that the
    desks at `peers` hold, read-only), projections, then the cache of parsed pinned texts.
    A file that cannot be opened as a desk gives a report with `readable` False; a peer's file
    that cannot be read raises StoreError naming it.
    """
    path = Path(path)
    try:
        store = open_readonly(path)
    except StoreError as exc:
        return unreadable(path, exc)
    try:
        copies = peer_copies(store, list(peers or []))
    except BaseException:
        store.close()
        raise
    try:
        report = verify(store, copies)
        if report.readable and report.anchors is not None and not report.anchors.no_key:
            try:
                found = checkpoints.key_problem(store.conn)
            except READ_ERRORS:
                found = None  # the desk's damage is named by verify itself
            if found:
                report.problems.insert(0, found)
        if report.ok and not store_is_older(store):  # migrating empties an older file's cache
            try:
                report.problems.extend(context.cache_problems(store.conn))
            except READ_ERRORS as exc:
                report.problems.append(f"the parsed-document cache could not be read: {describe(exc)}")
        return report
    finally:
        store.close()


def store_is_older(store: Store) -> bool:
    """Whether opening the file with this program would upgrade it, emptying its parse cache
    (an older schema, or a file this version has not opened yet: `store.upgrade`)."""
    older = store.conn.execute("PRAGMA user_version").fetchone()[0] < SCHEMA_VERSION
    return older or not opened_by_this_version(store.conn)


def damage(path: Path) -> str | None:
    """What is wrong with the desk database at `path` (read-only check), or None if it verifies.

    For a command that failed unexpectedly: a damaged file is the usual reason.
    """
    report = verify_database(path)
    return None if report.ok else report.problems[0]
