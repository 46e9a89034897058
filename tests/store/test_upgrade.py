"""Upgrades: a desk written by the released program (schema 4, fixtures/schema4-demo.sqlite.gz,
written by `crisisdesk demo` of that release) opened by this one: backup first, migrated,
verify ok, every entry present; projections rebuilt when they are built differently now."""

import gzip
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from crisisdesk import __version__
from crisisdesk.desk.app import Desk
from crisisdesk.desk.backups import verify_database
from crisisdesk.domain.checklist import ItemState
from crisisdesk.store import upgrade, verify
from crisisdesk.store.errors import StoreError
from crisisdesk.store.journal_store import Store
from crisisdesk.store.schema import MIGRATIONS, SCHEMA_VERSION
from crisisdesk.store.upgrade import upgrade_backup_folder
from crisisdesk.store.verify import expected_schema
from tests.store.item_history import table_rows

FIXTURES = Path(__file__).parent / "fixtures"


def _released(tmp_path: Path, name: str = "schema4-demo") -> Path:
    path = tmp_path / "desk.sqlite"
    with gzip.open(FIXTURES / f"{name}.sqlite.gz") as source, open(path, "wb") as target:
        shutil.copyfileobj(source, target)
    return path


def _rows(path: Path, sql: str) -> list:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def _schema(path: Path) -> dict:
    conn = sqlite3.connect(path)
    try:
        return verify._schema(conn)
    finally:
        conn.close()


def _projections(path: Path) -> dict[str, list]:
    conn = sqlite3.connect(path)
    try:
        tables = upgrade.projection_tables(conn)
    finally:
        conn.close()
    return {t: table_rows(path, t) for t in tables}


def test_migrations_are_numbered_python_steps():
    assert [m.number for m in MIGRATIONS] == list(range(1, SCHEMA_VERSION + 1))
    assert all(callable(m.step) and m.title for m in MIGRATIONS)


@pytest.mark.parametrize(("name", "version"), [("schema1-demo", 1), ("schema4-demo", 4)])
def test_the_steps_make_exactly_the_schema_of_the_released_files(name, version, tmp_path):
    """Migration 1 (and 1-4) as Python steps give the schema the SQL migrations gave."""
    assert expected_schema(version) == _schema(_released(tmp_path, name))


def test_a_released_desk_opened_by_this_program(tmp_path):
    path = _released(tmp_path)
    assert _rows(path, "PRAGMA user_version") == [(4,)]
    journal = _rows(path, "SELECT * FROM journal ORDER BY seq")
    projections = _projections(path)
    with Desk.open(path) as desk:
        assert "schema 4 → " in desk.upgrade_note and "backup taken first" in desk.upgrade_note
        report = desk.verify()
        assert report.ok, report.problems
        assert report.entries == len(journal) == 228
        assert len(desk.events.event_records("open")) == 1
    assert _rows(path, "PRAGMA user_version") == [(SCHEMA_VERSION,)]
    assert _rows(path, "SELECT * FROM journal ORDER BY seq") == journal
    assert {t: rows for t, rows in _projections(path).items() if t in projections} == projections
    assert verify_database(path).ok
    # the backup: the file as the old program left it, every entry, still schema 4
    [backup] = upgrade_backup_folder(path).glob("*.sqlite")
    assert backup.name.startswith("desk-schema4-p1-")
    assert _rows(backup, "PRAGMA user_version") == [(4,)]
    assert _rows(backup, "SELECT * FROM journal ORDER BY seq") == journal
    assert _rows(backup, "PRAGMA journal_mode") == [("delete",)]
    # the writers: the unknown earlier one, then this program
    assert [w[0] for w in _rows(path, "SELECT * FROM writers ORDER BY rowid")] == [
        "before-writers", __version__]


def test_the_backup_is_taken_before_any_migration_runs(tmp_path, monkeypatch):
    path = _released(tmp_path)
    seen = []
    real = upgrade.migrate

    def migrate(conn):
        seen.append([_rows(b, "PRAGMA user_version") for b in upgrade_backup_folder(path).glob("*.sqlite")])
        return real(conn)

    monkeypatch.setattr(upgrade, "migrate", migrate)
    Store.open(path).close()
    assert seen == [[[(4,)]]]


def test_no_backup_no_upgrade(tmp_path):
    """When the backup cannot be written the file is not migrated, and the error says why."""
    path = _released(tmp_path)
    (tmp_path / "backups").write_text("a file where the backup folder would go")
    with pytest.raises(StoreError, match="cannot take the backup before upgrading it"):
        Store.open(path)
    assert _rows(path, "PRAGMA user_version") == [(4,)]


def test_a_failed_migration_leaves_the_file_at_its_schema_with_its_backup(tmp_path, monkeypatch):
    path = _released(tmp_path)
    broken = MIGRATIONS[-1].__class__(SCHEMA_VERSION, "broken", lambda conn: conn.execute("SELECT nope"))
    monkeypatch.setattr("crisisdesk.store.schema.MIGRATIONS", (*MIGRATIONS[:-1], broken))
    with pytest.raises(StoreError):
        Store.open(path)
    assert _rows(path, "PRAGMA user_version") == [(SCHEMA_VERSION - 1,)]
    assert len(list(upgrade_backup_folder(path).glob("*.sqlite"))) == 1


def test_an_up_to_date_desk_takes_no_backup_and_records_its_writer_once(tmp_path):
    path = tmp_path / "new.sqlite"
    Desk.open(path).close()
    first = _rows(path, "SELECT version, first_opened FROM writers")
    with Desk.open(path) as desk:
        assert desk.upgrade_note == ""
    assert _rows(path, "SELECT version, first_opened FROM writers") == first == [(__version__, first[0][1])]
    assert not upgrade_backup_folder(path).exists()


def _built_by_an_older_program(tmp_path: Path) -> Path:
    """A current desk whose events projection an older program built differently."""
    path = _released(tmp_path)
    Store.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE events SET title = title || ' (as the old program wrote it)'")
    conn.commit()
    conn.close()
    return path


def test_without_a_projection_version_change_such_a_desk_fails_verify(tmp_path):
    report = verify_database(_built_by_an_older_program(tmp_path))
    assert not report.ok and "projection events" in report.problems[0]


def test_a_new_projection_version_rebuilds_projections_instead_of_failing_verify(tmp_path, monkeypatch):
    path = _built_by_an_older_program(tmp_path)
    monkeypatch.setattr(upgrade, "PROJECTION_VERSION", 2)
    monkeypatch.setattr(verify, "PROJECTION_VERSION", 2)
    before = _rows(path, "SELECT * FROM journal ORDER BY seq")
    assert verify_database(path).ok  # read-only: checked as this program would rebuild it
    with Desk.open(path) as desk:
        assert "projections rebuilt from the journal (version 1 → 2)" in desk.upgrade_note
        assert desk.verify().ok
    assert _rows(path, "SELECT value FROM meta WHERE key = 'projection_version'") == [("2",)]
    assert not any(t.endswith("(as the old program wrote it)") for (t,) in _rows(path, "SELECT title FROM events"))
    assert _rows(path, "SELECT * FROM journal ORDER BY seq") == before
    backups = sorted(upgrade_backup_folder(path).glob("*-p1-*.sqlite"))
    assert len(backups) == 2  # the schema upgrade's, then the projections'
    assert any(t.endswith("(as the old program wrote it)") for (t,) in _rows(backups[-1], "SELECT title FROM events"))


def test_projections_of_a_newer_program_are_refused_untouched(tmp_path):
    path = tmp_path / "desk.sqlite"
    Store.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE meta SET value = '99' WHERE key = 'projection_version'")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="built by a newer CrisisDesk"):
        Store.open(path)
    assert path.read_bytes() == before


def test_a_version_opening_the_file_first_empties_the_parse_cache(tmp_path):
    """Another version may parse the pinned group file and playbooks into other models: its
    cached parses are dropped (and parsed again when needed) instead of failing verify."""
    path = tmp_path / "desk.sqlite"
    Store.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE writers SET version = '0.0.9'")  # as if only an older version had opened it
    conn.execute("INSERT INTO parsed_documents VALUES ('ab', 'group', '{\"old\": \"model\"}')")
    conn.commit()
    conn.close()
    Store.open(path).close()
    assert _rows(path, "SELECT count(*) FROM parsed_documents") == [(0,)]
    assert [v for (v,) in _rows(path, "SELECT version FROM writers ORDER BY rowid")] == ["0.0.9", __version__]
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO parsed_documents VALUES ('cd', 'group', '{}')")
    conn.commit()
    conn.close()
    Store.open(path).close()  # the same version again: the cache stays
    assert _rows(path, "SELECT count(*) FROM parsed_documents") == [(1,)]


def test_item_history_after_schema_7_reads_each_change_from_the_journal(tmp_path):
    """Schema 7 drops the history's copy of each change's payload: what the desk shows of an
    item's history (and undoes from) is what the copy said."""
    path = _released(tmp_path)
    old = _rows(path, "SELECT event, affiliate, checklist, item, entry, change FROM item_changes "
                      "ORDER BY hlc")
    assert len(old) > 10
    with Desk.open(path) as desk:
        for event, affiliate, checklist, item, entry, change in old:
            history = {c.entry: c for c in desk.checklists.item_history(
                event, affiliate, f"{checklist}/{item}")}
            payload = json.loads(change)
            assert (history[entry].before, history[entry].after) == (
                ItemState.from_dict(payload["before"]), ItemState.from_dict(payload["after"]))
        assert "change" not in {r[1] for r in desk.store.conn.execute(
            "PRAGMA table_info(item_changes)")}
