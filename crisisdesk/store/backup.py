"""Online backups with SQLite's backup API, verified after writing."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from crisisdesk.store import database
from crisisdesk.store.errors import StoreError
from crisisdesk.store.journal_store import Store
from crisisdesk.store.verify import verify


def backup(store: Store, out: Path) -> int:
    """Copy the live database to `out` atomically; returns the entries verified in the copy."""
    out = Path(out)
    if out.exists() and out.is_dir():
        raise StoreError(f"{out}: is a folder; give a file name for the backup")
    if out.resolve() == Path(str(store.path)).resolve():
        raise StoreError(f"{out}: is the live database itself; choose another file")
    tmp = out.with_name(f".{out.name}.part")
    with _through(tmp, out, "cannot write the backup"):
        out.parent.mkdir(parents=True, exist_ok=True)
        target = sqlite3.connect(str(tmp), isolation_level=None)
        try:
            store.conn.backup(target)
            target.execute("PRAGMA journal_mode=DELETE")
        finally:
            target.close()
        entries = check_backup(tmp)
        os.replace(tmp, out)
    return entries


def check_backup(path: Path) -> int:
    """Open a backup (read-only check first) and verify it; returns its entry count."""
    copy = Store.open(path, create=False)
    try:
        report = verify(copy)
    finally:
        copy.close()
    if not report.ok:
        raise StoreError(f"{path}: the backup does not verify: {report.problems[0]}")
    return report.entries


def restore(backup_file: Path, target: Path, aside: Path) -> int:
    """Replace the database at `target` with a verified copy of `backup_file`.

    The backup is verified first (a bad one is refused and nothing is touched); the replaced
    database and its WAL files are moved to `aside`. Returns the entries restored.
    """
    backup_file, target = Path(backup_file), Path(target)
    if not backup_file.is_file():
        raise StoreError(f"{backup_file}: no such backup file")
    entries = check_backup(backup_file)
    tmp = target.with_name(f".{target.name}.restoring")
    with _through(tmp, target, "cannot restore"):
        source = sqlite3.connect(f"{backup_file.resolve().as_uri()}?mode=ro", uri=True)
        copy = sqlite3.connect(str(tmp), isolation_level=None)
        try:
            source.backup(copy)
        finally:
            copy.close()
            source.close()
        if target.exists():
            for suffix in ("", "-wal", "-shm"):
                old = Path(str(target) + suffix)
                if old.exists():
                    os.replace(old, Path(str(aside) + suffix))
        os.replace(tmp, target)
    return entries


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
        if tmp.exists():
            tmp.unlink()
