"""Checkpoints travel: each packet carries its sender's signed checkpoints, the recipient keeps
those its enrolled key verifies, and `verify --peer` checks a desk against that copy."""

from __future__ import annotations

import sqlite3

from crisisdesk.desk.backups import verify_database
from crisisdesk.desk.exchange_service import IMPORTED, ExchangeService
from crisisdesk.exchange import packet
from crisisdesk.exchange.keys import KeyringKeys
from crisisdesk.locations import shipped_playbooks_dir
from crisisdesk.store import checkpoints
from tests.store.anchored_desk import (
    drop_triggers,
    keyed_desk,
    raw,
    rebuild_projections,
    rechain,
    restore_triggers,
)


def _pair(tmp_path):
    group = keyed_desk(tmp_path / "group.sqlite")
    bank = keyed_desk(tmp_path / "bank.sqlite", "affiliate", "bank")
    g, b = ExchangeService(group), ExchangeService(bank)
    b.enrol(g.export_public_key(tmp_path / "group.cdkey"))
    g.enrol(b.export_public_key(tmp_path / "bank.cdkey"))
    return group, bank, g, b


def add_entries(desk, count: int) -> None:
    """Entries that travel to the bank and pass its rules: the group file, loaded again."""
    for _ in range(count):
        desk.events.load_group(shipped_playbooks_dir() / "example-group.yaml")


def _held(conn: sqlite3.Connection, desk: str):
    return checkpoints.of_desk(conn, desk)


def test_packets_carry_checkpoints_and_peers_keep_them(tmp_path, memory_keyring):
    group, bank, g, b = _pair(tmp_path)
    add_entries(group, 5)
    sent = g.export_to("bank", tmp_path)
    header = packet.read_header(sent.path.read_bytes())
    assert header.checkpoints, "the packet carries no checkpoint"
    made = _held(group.store.conn, group.desk_id)
    assert made[0].reason == "packet" and made[0].seq == group.store.head()[0]
    assert [c["seq"] for c in header.checkpoints] == [c.seq for c in made]
    outcome = b.import_file(sent.path)
    assert outcome.status == IMPORTED
    kept = _held(bank.store.conn, group.desk_id)
    assert kept == made
    rows = bank.store.conn.execute("SELECT DISTINCT received_from FROM checkpoints WHERE desk = ?",
                                   (group.desk_id,)).fetchall()
    assert rows == [(group.desk_id,)]
    # the bank's own verify checks the peer's checkpoints it keeps: signatures valid
    bank_path, group_path = bank.path, group.path
    bank.close()
    group.close()
    assert verify_database(bank_path).ok
    report = verify_database(group_path, [bank_path])
    assert report.ok and report.covered, report.summary()


def test_a_forgery_with_every_local_checkpoint_removed_is_caught_with_the_peers_copy(tmp_path,
                                                                                     memory_keyring):
    group, bank, g, b = _pair(tmp_path)
    add_entries(group, 20)
    sent = g.export_to("bank", tmp_path)
    assert b.import_file(sent.path).status == IMPORTED
    group_path, bank_path = group.path, bank.path
    group._writer.signer.tried, group._writer.signer.key = True, None  # closing adds no checkpoint
    group.close()
    bank.close()
    conn = raw(group_path)
    drop_triggers(conn)

    def edit(rows):
        rows[10][3] = "mallory"  # the author of a covered entry
        return rows
    rechain(conn, edit)
    restore_triggers(conn)
    conn.execute("DELETE FROM checkpoints")
    conn.close()
    rebuild_projections(group_path)
    local = verify_database(group_path)
    assert local.ok and not local.covered  # nothing local proves it: not covered, never "ok"
    assert "not covered by any checkpoint" in local.summary()
    with_peer = verify_database(group_path, [bank_path])
    assert not with_peer.ok
    assert any("was rewritten" in p for p in with_peer.problems), with_peer.problems
    assert any("missing here" in p for p in with_peer.problems), with_peer.problems


def test_checkpoints_not_signed_by_the_sender_are_not_kept(tmp_path, memory_keyring):
    group, bank, g, b = _pair(tmp_path)
    add_entries(group, 3)
    own = group.checkpoint()
    other = keyed_desk(tmp_path / "other.sqlite")
    theirs = other.checkpoint()
    forged = {**own.to_dict(), "hash": "f" * 64}
    entries = [s.entry for s in group.store.entries() if s.entry.kind == "group.loaded"][:1]
    data = packet.build(g.me(), KeyringKeys().load(group.desk_id), bank.desk_id, 1,
                        "2025-09-26T20:21:00.000Z", entries, 0, group.store.head()[0],
                        checkpoints=[forged, theirs.to_dict(), {"seq": "nonsense"}, own.to_dict()])
    path = tmp_path / "p.cdpkt"
    path.write_bytes(data)
    assert b.import_file(path).status == IMPORTED
    assert _held(bank.store.conn, group.desk_id) == [own]
    assert _held(bank.store.conn, other.desk_id) == []
    for desk in (group, bank, other):
        desk.close()
