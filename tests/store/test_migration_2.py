"""Schema 2 is a migration: a desk written by the previous release opens with every entry and
projection intact, and `verify` passes."""

import gzip
import shutil
import sqlite3
from pathlib import Path

from crisisdesk.desk.app import Desk
from crisisdesk.domain.group import GROUP_DESK
from crisisdesk.store.schema import MIGRATIONS, SCHEMA_VERSION
from tests.store.item_history import table_rows

FIXTURE = Path(__file__).parent / "fixtures" / "schema1-demo.sqlite.gz"


def _old_desk(tmp_path: Path) -> Path:
    """The demo desk as the release before schema 2 wrote it (user_version 1)."""
    path = tmp_path / "old.sqlite"
    with gzip.open(FIXTURE) as source, open(path, "wb") as target:
        shutil.copyfileobj(source, target)
    return path


def _rows(path: Path, sql: str) -> list:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_migration_1_is_unchanged_and_2_is_new():
    assert SCHEMA_VERSION >= 2 and SCHEMA_VERSION == len(MIGRATIONS)
    assert [m.number for m in MIGRATIONS[:2]] == [1, 2]


def test_an_old_desk_opens_with_every_entry_and_projection_intact(tmp_path):
    path = _old_desk(tmp_path)
    assert _rows(path, "PRAGMA user_version") == [(1,)]
    journal = _rows(path, "SELECT * FROM journal ORDER BY seq")
    old_tables = {t: table_rows(path, t) for (t,) in _rows(
        path, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN "
              "('parsed_documents', 'events') AND name NOT LIKE 'sqlite_%'")}
    with Desk.open(path) as desk:
        assert desk.verify().ok, desk.verify().problems
        event = desk.events.event()
        duties = desk.views.duties(event.id)
        board = desk.views.board(event.id)
    assert _rows(path, "PRAGMA user_version") == [(SCHEMA_VERSION,)]
    assert _rows(path, "SELECT * FROM journal ORDER BY seq") == journal
    for table, rows in old_tables.items():
        assert table_rows(path, table) == rows, table
    # the filings of the old event are read from the new table, filed by the group once
    submitted = {d.duty: d.reference for d in duties if d.state == "submitted"}
    assert submitted["fss-initial"] == "FSS-2025-0926-0141"
    assert all(d.filer == GROUP_DESK for d in duties)
    # the old event keeps its per-affiliate items (its playbook was /1: no group items)
    assert board.group_progress.applicable == 0
    assert sum(t.progress.applicable for t in board.tiles) == len(
        _rows(path, "SELECT 1 FROM checklist_items"))
    changes = _rows(path, "SELECT provider, status FROM provider_changes ORDER BY since, hlc")
    assert changes[0] == ("gov-id-check", "down") and ("giro", "degraded") in changes
