"""The witness file beside a desk database: what it says, and what a desk concludes from it."""

from __future__ import annotations

import json
import os

import pytest

from crisisdesk.desk import journal_witness
from crisisdesk.desk.backups import restore_database
from crisisdesk.desk.journal_witness import Keeper, Witness
from crisisdesk.store import exchange_tables as tables
from tests.desk.factories import activate_nirs, make_desk

DESK = "01a23bcf-0794-78fb-9b44-f5d6397bcd20"
EARLY, LATE = "001758885600000-aaaaaaaa", "001758885700000-bbbbbbbb"


@pytest.fixture
def desk(tmp_path):
    with make_desk(tmp_path / "desk.sqlite") as opened:
        event = activate_nirs(opened)
        for text in ("대체 인증 수단 공지", "지점 대면 확인 강화", "월요일 지점 준비"):
            opened.council.record_decision(event, text, rationale="NIRS")  # a few entries in the journal
        yield opened


def test_the_witness_is_read_only_for_its_own_desk_and_in_its_own_form(desk):
    path = journal_witness.path_for(desk.path)
    assert journal_witness.read(desk.path, DESK) is None  # none yet
    assert journal_witness.write(desk.path, Witness(DESK, EARLY, 3, "ab" * 32))
    assert journal_witness.read(desk.path, DESK) == Witness(DESK, EARLY, 3, "ab" * 32)
    assert journal_witness.read(desk.path, "another-desk") is None  # another desk's database here
    for broken in ("", "{", "[]", json.dumps({"desk": DESK}),
                   json.dumps({"desk": DESK, "epoch": "", "upto": 3, "hash": "x"}),
                   json.dumps({"desk": DESK, "epoch": "e", "upto": 3, "hash": ""}),
                   json.dumps({"desk": DESK, "epoch": "e", "upto": -1, "hash": "x"})):
        path.write_text(broken, encoding="utf-8")
        assert journal_witness.read(desk.path, DESK) is None, broken
    assert path.name == "desk.sqlite.witness"
    journal_witness.write(desk.path, Witness(DESK, EARLY, 3, "ab" * 32))
    if os.name == "posix":
        assert path.stat().st_mode & 0o777 == 0o600  # owner-only, like the database beside it


def test_a_witness_whose_replacement_fails_is_removed(desk, monkeypatch):
    assert journal_witness.write(desk.path, Witness(DESK, EARLY, 1, "ab" * 32))

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(journal_witness.os, "replace", full_disk)
    assert not journal_witness.write(desk.path, Witness(DESK, EARLY, 9, "cd" * 32))
    assert journal_witness.read(desk.path, DESK) is None  # the desk goes by its peers' word
    assert not any(p.name.endswith(".part") for p in desk.path.parent.iterdir())


def test_what_a_desk_concludes_from_its_witness(desk, tmp_path):
    conn = desk.store.conn
    head = tables.head_seq(conn)
    assert head >= 2
    journal_witness.write(desk.path, Witness(DESK, EARLY, head, tables.hash_at(conn, head)))
    keeper = Keeper(desk.path, DESK)
    assert keeper.restored_at(conn, EARLY) is None and keeper.vouches(conn, EARLY)  # all still here
    assert keeper.restored_at(conn, EARLY) is None  # asked once a session
    assert not keeper.vouches(conn, LATE)  # of another epoch: vouches for nothing
    assert Keeper(desk.path, DESK).restored_at(conn, LATE) is None  # of an earlier epoch: none
    assert Keeper(desk.path, DESK).restored_at(conn, None) == head  # this database never got there
    journal_witness.write(desk.path, Witness(DESK, LATE, head, tables.hash_at(conn, head)))
    assert Keeper(desk.path, DESK).restored_at(conn, EARLY) == head  # the witness is of a later epoch
    journal_witness.write(desk.path, Witness(DESK, EARLY, head + 5, "ab" * 32))
    assert Keeper(desk.path, DESK).restored_at(conn, EARLY) == head + 5  # sent further than it holds
    assert not Keeper(desk.path, DESK).vouches(conn, EARLY)
    journal_witness.write(desk.path, Witness(DESK, EARLY, head, "ab" * 32))
    assert Keeper(desk.path, DESK).restored_at(conn, EARLY) == head  # another journal at that position


def test_the_witness_is_born_with_an_epoch_and_only_moves_forward(desk):
    conn = desk.store.conn
    keeper = Keeper(desk.path, DESK)
    assert keeper.restored_at(conn, EARLY) is None
    keeper.after_commit(EARLY, 2, tables.hash_at(conn, 2))  # no witness of this epoch: none made
    assert journal_witness.read(desk.path, DESK) is None
    keeper.born(LATE)
    keeper.after_commit(EARLY)  # the transaction that began it was rolled back
    assert journal_witness.read(desk.path, DESK) is None
    keeper.born(LATE)
    keeper.after_commit(LATE, 1, tables.hash_at(conn, 1))
    assert journal_witness.read(desk.path, DESK) == Witness(DESK, LATE, 1, tables.hash_at(conn, 1))
    keeper.after_commit(LATE, 2, tables.hash_at(conn, 2))
    keeper.after_commit(LATE, 1, tables.hash_at(conn, 1))  # a resend of less: stays at the furthest
    assert journal_witness.read(desk.path, DESK).upto == 2


def test_restoring_a_backup_leaves_the_witness_beside_it(desk, tmp_path):
    """The point of keeping it outside the database: `store restore` replaces the database and
    the restored file meets the witness of what the desk had sent since the backup."""
    saved = tmp_path / "backup.sqlite"
    desk.backup(saved)
    journal_witness.write(desk.path, Witness(DESK, EARLY, 1, "ab" * 32))
    desk.close()
    restore_database(saved, desk.path)
    assert journal_witness.read(desk.path, DESK) == Witness(DESK, EARLY, 1, "ab" * 32)


def test_two_programs_on_one_desk_never_move_the_witness_back(desk):
    """The window and `exchange watch` in another process each keep a witness of the same desk:
    one that sent less than the other has since does not move it back."""
    conn = desk.store.conn
    window, watch = Keeper(desk.path, DESK), Keeper(desk.path, DESK)
    window.born(EARLY)
    window.after_commit(EARLY, 1, tables.hash_at(conn, 1))
    assert watch.restored_at(conn, EARLY) is None  # the other program reads it: of this epoch
    watch.after_commit(EARLY, 3, tables.hash_at(conn, 3))
    window.after_commit(EARLY, 2, tables.hash_at(conn, 2))  # sent less than the other program did
    assert journal_witness.read(desk.path, DESK).upto == 3
    window.after_commit(EARLY, 4, tables.hash_at(conn, 4))
    assert journal_witness.read(desk.path, DESK).upto == 4


def test_a_witness_gone_meanwhile_is_not_made_again_late(desk):
    """Another program's write failed and removed it: what this one sent does not bring it back,
    since the other may have sent further."""
    conn = desk.store.conn
    keeper = Keeper(desk.path, DESK)
    keeper.born(EARLY)
    keeper.after_commit(EARLY, 1, tables.hash_at(conn, 1))
    journal_witness.path_for(desk.path).unlink()
    keeper.after_commit(EARLY, 2, tables.hash_at(conn, 2))
    assert journal_witness.read(desk.path, DESK) is None
