import sqlite3

import pytest

from crisisdesk.cli import main
from crisisdesk.desk.app import Desk
from crisisdesk.store.journal_store import Store
from crisisdesk.store.verify import rebuild
from tests import raw_entries


def _fill(db_path, n=5):
    with Desk.open(db_path) as desk:
        for i in range(n):
            raw_entries.record(desk, "group.loaded", {"group": f"g{i % 2}", "name": {"ko": f"그룹{i}", "en": f"G{i}"},
                                         "text": f"t{i}", "sha256": str(i)})


def _tamper(db_path, *statements):
    conn = sqlite3.connect(db_path)
    conn.execute("DROP TRIGGER journal_no_update")
    conn.execute("DROP TRIGGER journal_no_delete")
    for sql in statements:
        conn.execute(sql)
    conn.commit()
    conn.close()


def test_clean_database_verifies(db_path, capsys):
    _fill(db_path)
    assert main(["verify", "--db", str(db_path)]) == 0
    assert "5 journal entries" in capsys.readouterr().out


def test_projections_rebuilt_equal(db_path):
    _fill(db_path)
    store = Store.open(db_path)
    fresh = rebuild(store)
    ours = store.conn.execute("SELECT * FROM groups ORDER BY id").fetchall()
    assert ours == fresh.conn.execute("SELECT * FROM groups ORDER BY id").fetchall()
    assert len(ours) == 2
    store.close()
    fresh.close()


@pytest.mark.parametrize("statements, message", [
    (["UPDATE journal SET payload = replace(payload, 't2', 'tX') WHERE seq = 3"],
     "#3 .*edited"),
    (["DELETE FROM journal WHERE seq = 2"], "#3 .*missing"),
    (["UPDATE journal SET seq = 100 WHERE seq = 2", "UPDATE journal SET seq = 2 WHERE seq = 3",
      "UPDATE journal SET seq = 3 WHERE seq = 100"], "#2 .*chain broken"),
    (["UPDATE journal SET event = 'other' WHERE seq = 2"], "#2 .*event column"),
    (["UPDATE groups SET name_ko = '변조' WHERE id = 'g0'"], "projection groups"),
    (["DELETE FROM groups WHERE id = 'g1'"], "projection groups"),
    (["DELETE FROM journal WHERE seq = 5"], "projection groups"),
    (["UPDATE journal SET payload = '\"x\"' WHERE seq = 4"], "#4 .*edited"),
])
def test_tampering_caught(db_path, capsys, statements, message):
    _fill(db_path)
    _tamper(db_path, *statements)
    assert main(["verify", "--db", str(db_path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") >= 1
    import re
    assert re.search(message, err), err
    assert "Traceback" not in err
