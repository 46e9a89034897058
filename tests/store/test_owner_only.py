"""The database, its backups, a restored desk and the log are created owner-only on POSIX."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from crisisdesk.cli.gui_command import prepare_log
from crisisdesk.desk.app import Desk
from crisisdesk.desk.backups import backup_folder
from tests import raw_entries
from tests.store.demo_desk import run_cli

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def open_umask():
    """The usual umask (files 0644, folders 0755): owner-only must not depend on it."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_database_its_wal_and_new_folders(tmp_path):
    path = tmp_path / "a" / "b" / "desk.sqlite"
    with Desk.open(path) as desk:
        raw_entries.record(desk, "note", {})
        assert mode(path) == 0o600
        assert mode(Path(f"{path}-wal")) == 0o600
        assert mode(Path(f"{path}-shm")) == 0o600
    assert mode(tmp_path / "a") == 0o700 and mode(tmp_path / "a" / "b") == 0o700


def test_existing_folder_keeps_its_mode(tmp_path):
    folder = tmp_path / "shared"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    Desk.open(folder / "desk.sqlite").close()
    assert mode(folder) == 0o755 and mode(folder / "desk.sqlite") == 0o600


def test_backups_and_their_folders(tmp_path):
    path = tmp_path / "desk.sqlite"
    with Desk.open(path) as desk:
        raw_entries.record(desk, "note", {})
        auto = desk.backups.auto_backup()
        by_hand = desk.backup(tmp_path / "out" / "copy.sqlite")
    assert by_hand == 1
    assert mode(auto) == 0o600 and mode(tmp_path / "out" / "copy.sqlite") == 0o600
    assert mode(backup_folder(path)) == 0o700 and mode(backup_folder(path).parent) == 0o700
    assert mode(tmp_path / "out") == 0o700


def test_restored_desk_and_the_file_kept_aside(tmp_path):
    source = tmp_path / "source.sqlite"
    with Desk.open(source) as desk:
        raw_entries.record(desk, "note", {})
    backup = tmp_path / "b.sqlite"
    assert run_cli("backup", "--db", source, "--out", backup).code == 0
    fresh = tmp_path / "new" / "desk.sqlite"
    assert run_cli("restore", backup, "--db", fresh).code == 0
    assert mode(fresh) == 0o600 and mode(fresh.parent) == 0o700
    assert run_cli("restore", backup, "--db", fresh).code == 0
    [aside] = fresh.parent.glob("*.replaced-*")
    assert mode(aside) == 0o600


def test_log_prepared_owner_only(tmp_path):
    log = tmp_path / "data" / "crisisdesk.log"
    prepare_log(log)
    assert mode(log) == 0o600 and mode(log.parent) == 0o700
    log.chmod(0o640)
    prepare_log(log)  # an existing log is left as it is
    assert mode(log) == 0o640
