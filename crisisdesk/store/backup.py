"""Online backups with SQLite's backup API, verified after writing."""

from __future__ import annotations

import os
import sqlite3
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
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        target = sqlite3.connect(str(tmp), isolation_level=None)
        try:
            store.conn.backup(target)
            target.execute("PRAGMA journal_mode=DELETE")
        finally:
            target.close()
        entries = check_backup(tmp)
        os.replace(tmp, out)
    except sqlite3.Error as exc:
        raise database.translate(exc, out) from exc
    except OSError as exc:
        raise StoreError(f"{out}: cannot write the backup: {exc.strerror}") from exc
    finally:
        if tmp.exists():
            tmp.unlink()
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
