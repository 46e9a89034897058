import os
import subprocess
import uuid

import pytest

from crisisdesk.cli import main
from crisisdesk.desk.app import Desk
from crisisdesk.desk.backups import BackupPolicy, list_backups, restore_database
from crisisdesk.store.errors import StoreError
from tests.desk.factories import activate_nirs, make_desk, snapshot


def test_auto_backups_are_pruned_and_due_only_with_an_open_event(tmp_path):
    path = tmp_path / "desk.sqlite"
    with make_desk(path) as desk:
        assert not desk.backups.backup_due()
        ev = activate_nirs(desk)
        assert desk.backups.backup_due(BackupPolicy(every_minutes=15))
        for _ in range(4):
            desk.backups.auto_backup(BackupPolicy(keep=3))
        assert len(list_backups(path)) == 3
        assert not desk.backups.backup_due(BackupPolicy(every_minutes=15))
        desk.events.close_event(ev, "끝")
        assert not desk.backups.backup_due(BackupPolicy(every_minutes=0))


def test_restore_round_trip_keeps_replaced_file(tmp_path, capsys):
    path = tmp_path / "desk.sqlite"
    with make_desk(path) as desk:
        ev = activate_nirs(desk)
        desk.checklists.set_item(ev, "bank", "confirm-outage-scope", state="done")
        assert main(["backup", "--db", str(path)]) == 0
        [backup] = list_backups(path)
        saved = snapshot(desk)
        desk.checklists.set_item(ev, "bank", "check-own-systems", state="done")  # after the backup
    assert main(["restore", str(backup), "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert "kept as" in out
    aside = next(tmp_path.glob("desk.replaced-*.sqlite"))
    with Desk.open(path) as desk:
        assert snapshot(desk) == saved and desk.verify().ok
    with Desk.open(aside) as old:
        states = {i.item: i.state for i in old.views.checklist(ev, "bank")}
        assert states["check-own-systems"] == "done"


@pytest.mark.parametrize("damage", ["garbage", "truncated", "tampered"])
def test_corrupt_backup_refused_original_untouched(tmp_path, capsys, damage):
    path = tmp_path / "desk.sqlite"
    with make_desk(path) as desk:
        activate_nirs(desk)
        backup = tmp_path / "b.sqlite"
        desk.backup(backup)
    if damage == "garbage":
        backup.write_bytes(os.urandom(4096))
    elif damage == "truncated":
        backup.write_bytes(backup.read_bytes()[:3000])
    else:
        subprocess.run(["sqlite3", str(backup), "DROP TRIGGER journal_no_update;",
                        "UPDATE journal SET author = 'mallory' WHERE seq = 2;"], check=True)
    before = path.read_bytes()
    with pytest.raises(StoreError):
        restore_database(backup, path)
    assert path.read_bytes() == before
    assert main(["restore", str(backup), "--db", str(path)]) == 1
    assert "Traceback" not in capsys.readouterr().err
    assert not list(tmp_path.glob("desk.replaced-*"))


def _fill_until_full(desk, ev) -> tuple[int, Exception]:
    saved = 0
    items = [i.item for i in desk.views.checklist(ev, "bank")]
    for n in range(100000):
        try:
            desk.checklists.set_item(ev, "bank", items[n % len(items)], note=f"{uuid.uuid4()} " * 40)
        except StoreError as exc:
            return saved, exc
        saved += 1
    raise AssertionError("the disk never filled")


def test_simulated_disk_full_loses_nothing(tmp_path):
    path = tmp_path / "desk.sqlite"
    desk = make_desk(path)
    ev = activate_nirs(desk)
    pages = desk.store.conn.execute("PRAGMA page_count").fetchone()[0]
    desk.store.conn.execute(f"PRAGMA max_page_count={pages + 30}")
    saved, error = _fill_until_full(desk, ev)
    assert saved > 0
    assert "disk is full" in str(error) and str(path) in str(error)
    head = desk.store.head()
    before = snapshot(desk)
    with pytest.raises(StoreError, match="disk is full"):
        desk.council.record_decision(ev, "공간 부족 중 결정 " + "세부 내용 " * 3000)
    assert snapshot(desk) == before  # refused whole, readable still
    assert len(desk.views.checklist(ev)) > 0
    desk.store.conn.execute("PRAGMA max_page_count=1073741823")  # space returns
    desk.council.record_decision(ev, "공간 회복 후 결정")
    assert desk.store.head()[0] == head[0] + 1
    assert desk.verify().ok
    desk.close()


@pytest.fixture
def tiny_filesystem(tmp_path):
    mount = tmp_path / "tiny"
    mount.mkdir()
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount)],
                            capture_output=True)
    if result.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here (needs root): the simulated test covers it")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def test_real_full_filesystem_loses_nothing(tiny_filesystem):
    path = tiny_filesystem / "desk.sqlite"
    desk = make_desk(path)
    ev = activate_nirs(desk)
    saved, error = _fill_until_full(desk, ev)
    assert saved > 0 and str(path) in str(error)
    confirmed = desk.store.head()[0]
    desk.close()
    # free space by removing something else, then reopen: every committed entry is there
    with Desk.open(path) as desk:
        assert desk.store.head()[0] == confirmed
        assert desk.verify().ok


def test_a_slow_backup_never_holds_up_a_tick(tmp_path):
    """The backup reads through its own connection, a page per step: a tick commits meanwhile, and
    the copy is the desk as it was when the backup began (it verifies)."""
    import sqlite3
    import threading
    import time

    from crisisdesk.desk.backups import next_backup_path, write_backup
    from crisisdesk.store.backup import check_backup

    path = tmp_path / "desk.sqlite"
    with make_desk(path) as desk:
        ev = activate_nirs(desk)
        before = desk.journal_length()
        out = next_backup_path(path)
        pages = sqlite3.connect(path).execute("PRAGMA page_count").fetchone()[0]
        assert pages > 50
        copying = threading.Thread(target=write_backup, args=(path, out, 5), kwargs={"pages": 1, "pause": 0.02})
        copying.start()
        part = out.with_name(f".{out.name}.part")
        while not (part.exists() and part.stat().st_size):  # the copy has begun
            time.sleep(0.005)
        desk.checklists.set_item(ev, "bank", "confirm-outage-scope", state="done")
        ticked_while_copying = copying.is_alive()
        copying.join()
        assert ticked_while_copying
        assert desk.journal_length() == before + 1
    assert check_backup(out) == before  # the snapshot taken when the backup began
