import sqlite3

from crisisdesk.cli import main
from crisisdesk.desk.app import Desk
from tests import raw_entries


def test_backup_round_trip(db_path, tmp_path, capsys):
    with Desk.open(db_path) as desk:
        for i in range(3):
            raw_entries.record(desk, "note", {"n": i})
        out = tmp_path / "backups" / "copy.sqlite"
        assert main(["backup", "--db", str(db_path), "--out", str(out)]) == 0
        assert "3 journal entries" in capsys.readouterr().out
    with Desk.open(out) as copy:
        assert [s.entry.payload["n"] for s in copy.store.entries()] == [0, 1, 2]
        assert copy.verify().ok
    assert not list(tmp_path.glob("backups/.*part*"))


def test_backup_taken_while_a_reader_is_open(db_path, tmp_path):
    with Desk.open(db_path) as desk:
        raw_entries.record(desk, "note", {"n": 1})
        reader = sqlite3.connect(db_path)
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM journal").fetchone()
        assert desk.backup(tmp_path / "b.sqlite") == 1
        reader.close()


def test_backup_onto_itself_refused(db_path, capsys):
    with Desk.open(db_path) as desk:
        raw_entries.record(desk, "note", {})
    assert main(["backup", "--db", str(db_path), "--out", str(db_path)]) == 1
    assert "live database" in capsys.readouterr().err


def test_backup_of_missing_database(tmp_path, capsys):
    assert main(["backup", "--db", str(tmp_path / "none.sqlite"), "--out", str(tmp_path / "b")]) == 1
    assert "no such desk database" in capsys.readouterr().err
