"""`crisisdesk restore`: only a verified desk backup, never over a desk that is open, the folder
made when missing, the replaced file kept aside only when there was one."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from crisisdesk.desk.app import Desk
from tests import raw_entries
from tests.store.demo_desk import run_cli

ROOT = Path(__file__).resolve().parents[2]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_desk(path: Path, notes: int) -> Path:
    with Desk.open(path) as desk:
        for n in range(notes):
            raw_entries.record(desk, "note", {"n": n})
    return path


def make_backup(tmp_path: Path, notes: int = 3) -> Path:
    source = make_desk(tmp_path / "source" / "desk.sqlite", notes)
    out = tmp_path / "b" / "backup.sqlite"
    assert run_cli("backup", "--db", source, "--out", out).code == 0
    return out


def notes(path: Path) -> list[int]:
    with Desk.open(path, create=False) as desk:
        return [s.entry.payload["n"] for s in desk.store.entries()]


def asides(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.replaced-*"))


def test_restore_over_a_desk_keeps_the_old_one_aside(tmp_path):
    backup = make_backup(tmp_path, 3)
    backup_hash = sha256(backup)
    target = make_desk(tmp_path / "live" / "desk.sqlite", 5)
    outcome = run_cli("restore", backup, "--db", target)
    assert outcome.code == 0, outcome
    assert "restored 3 journal entries" in outcome.out and "kept as" in outcome.out
    assert notes(target) == [0, 1, 2]
    [aside] = asides(target.parent)
    assert notes(aside) == [0, 1, 2, 3, 4]
    assert sha256(backup) == backup_hash  # the backup itself is only read
    assert run_cli("verify", "--db", target).code == 0


def test_restore_into_a_missing_folder_creates_it_and_keeps_nothing_aside(tmp_path):
    backup = make_backup(tmp_path)
    target = tmp_path / "new" / "deeper" / "desk.sqlite"
    outcome = run_cli("restore", backup, "--db", target)
    assert outcome.code == 0, outcome
    assert "there was no database there before" in outcome.out
    assert notes(target) == [0, 1, 2]
    assert asides(target.parent) == []


def test_restore_over_an_empty_file_keeps_nothing_aside(tmp_path):
    backup = make_backup(tmp_path)
    target = tmp_path / "desk.sqlite"
    target.write_bytes(b"")
    assert run_cli("restore", backup, "--db", target).code == 0
    assert notes(target) == [0, 1, 2] and asides(tmp_path) == []


def test_restore_over_a_file_sqlite_cannot_read_moves_it_aside(tmp_path):
    backup = make_backup(tmp_path)
    target = tmp_path / "desk.sqlite"
    target.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    assert run_cli("restore", backup, "--db", target).code == 0
    assert notes(target) == [0, 1, 2]
    [aside] = asides(tmp_path)
    assert aside.read_bytes().startswith(b"SQLite format 3\x00\xff")


def _tampered_backup(tmp_path: Path) -> Path:
    backup = make_backup(tmp_path)
    conn = sqlite3.connect(backup)
    conn.execute("DROP TRIGGER journal_no_update")
    conn.execute("UPDATE journal SET payload = '{\"n\":7}' WHERE seq = 2")
    conn.commit()
    conn.close()
    return backup


def _foreign(tmp_path: Path) -> Path:
    path = tmp_path / "foreign.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id)")
    conn.commit()
    conn.close()
    return path


def _empty_sqlite(tmp_path: Path) -> Path:
    path = tmp_path / "empty-db.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.execute("DROP TABLE t")
    conn.close()
    return path


def _file(tmp_path: Path, content: bytes) -> Path:
    path = tmp_path / "file.sqlite"
    path.write_bytes(content)
    return path


@pytest.mark.parametrize("make, words", [
    (lambda t: _file(t, b""), "empty (0 bytes)"),
    (lambda t: _file(t, "회의록\n".encode() * 100), "not an SQLite file"),
    (_foreign, "another program"),
    (_empty_sqlite, "another program"),
    (_tampered_backup, "does not verify"),
    (lambda t: t / "missing.sqlite", "no such backup file"),
    (lambda t: t, "no such backup file"),
])
def test_bad_backups_refused_and_nothing_touched(tmp_path, make, words):
    bad = make(tmp_path)
    before = sha256(bad) if bad.is_file() else None
    target = make_desk(tmp_path / "live" / "desk.sqlite", 2)
    target_hash = sha256(target)
    outcome = run_cli("restore", bad, "--db", target)
    assert outcome.code == 1 and outcome.crash is None, outcome
    assert len(outcome.lines) == 1 and words in outcome.err, outcome.err
    assert sha256(target) == target_hash and asides(target.parent) == []
    if before is not None:
        assert sha256(bad) == before


def test_restore_refused_while_the_desk_is_open_here(tmp_path):
    backup = make_backup(tmp_path)
    target = tmp_path / "desk.sqlite"
    with Desk.open(target) as desk:
        raw_entries.record(desk, "note", {"n": 10})
        outcome = run_cli("restore", backup, "--db", target)
        assert outcome.code == 1 and "open in another program" in outcome.err, outcome
        raw_entries.record(desk, "note", {"n": 11})  # the open desk goes on writing into the same file
    assert notes(target) == [10, 11] and asides(tmp_path) == []


HOLDER = textwrap.dedent("""
    import sys, time
    from crisisdesk.desk.app import Desk
    from tests import raw_entries
    desk = Desk.open(sys.argv[1])
    raw_entries.record(desk, "note", {"n": 20})
    print("open", flush=True)
    sys.stdin.readline()
    raw_entries.record(desk, "note", {"n": 21})
    desk.close()
""")


def test_restore_refused_while_another_process_holds_the_desk(tmp_path):
    backup = make_backup(tmp_path)
    target = tmp_path / "desk.sqlite"
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(target)], cwd=ROOT, text=True,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        assert holder.stdout.readline().strip() == "open"
        outcome = run_cli("restore", backup, "--db", target)
        assert outcome.code == 1 and len(outcome.lines) == 1, outcome
        assert "open in another program" in outcome.err and "Nothing was changed" in outcome.err
        holder.stdin.write("\n")
        holder.stdin.flush()
        assert holder.wait(timeout=60) == 0
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()
    assert notes(target) == [20, 21]  # every acknowledged write is in the desk, none went aside
    assert run_cli("restore", backup, "--db", target).code == 0  # closed: now it restores
    assert notes(target) == [0, 1, 2]
    [aside] = asides(tmp_path)
    assert notes(aside) == [20, 21]


def test_restore_onto_the_backup_itself_refused(tmp_path):
    backup = make_backup(tmp_path)
    outcome = run_cli("restore", backup, "--db", backup)
    assert outcome.code == 1 and "is the database itself" in outcome.err


def test_two_restores_in_the_same_second_keep_both_replaced_files(tmp_path):
    backup = make_backup(tmp_path)
    target = make_desk(tmp_path / "desk.sqlite", 1)
    assert run_cli("restore", backup, "--db", target).code == 0
    assert run_cli("restore", backup, "--db", target).code == 0
    assert len(asides(tmp_path)) == 2
