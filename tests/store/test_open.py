import os
import sqlite3

import pytest

from crisisdesk.store.errors import StoreError
from crisisdesk.store.journal_store import Store
from crisisdesk.store.schema import APPLICATION_ID, SCHEMA_VERSION


def _bytes(path):
    return path.read_bytes()


def test_new_file_in_missing_folder_is_created_and_migrated(tmp_path):
    path = tmp_path / "a" / "b" / "desk.sqlite"
    store = Store.open(path)
    try:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    finally:
        store.close()


def test_empty_file_is_migrated(tmp_path):
    path = tmp_path / "empty.sqlite"
    path.write_bytes(b"")
    Store.open(path).close()
    assert sqlite3.connect(path).execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


def test_newer_version_refused_and_untouched(tmp_path):
    path = tmp_path / "newer.sqlite"
    Store.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    conn.close()
    before = _bytes(path)
    with pytest.raises(StoreError, match="newer CrisisDesk") as info:
        Store.open(path)
    assert str(path) in str(info.value)
    assert _bytes(path) == before
    wal = tmp_path / "newer.sqlite-wal"
    assert not wal.exists() or wal.stat().st_size == 0


def test_not_sqlite_refused_and_untouched(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_text("회의록: 이것은 데이터베이스가 아닙니다\n" * 20, encoding="utf-8")
    before = _bytes(path)
    with pytest.raises(StoreError, match="not an SQLite file"):
        Store.open(path)
    assert _bytes(path) == before


def test_foreign_sqlite_refused_and_untouched(tmp_path):
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER)")
    conn.commit()
    conn.close()
    before = _bytes(path)
    with pytest.raises(StoreError, match="another program"):
        Store.open(path)
    assert _bytes(path) == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(tmp_path):  # pragma: no cover - CI runs as root
    path = tmp_path / "locked.sqlite"
    Store.open(path).close()
    path.chmod(0)
    with pytest.raises(StoreError, match="cannot read"):
        Store.open(path)


def test_unreadable_path_is_a_folder(tmp_path):
    with pytest.raises(StoreError, match="is a folder") as info:
        Store.open(tmp_path)
    assert str(tmp_path) in str(info.value)


def test_folder_cannot_be_created(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="cannot create the folder"):
        Store.open(blocker / "sub" / "desk.sqlite")
