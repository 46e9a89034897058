"""Tamper classes against an anchored desk: what a forger with the file but without the desk key
can do, each applied to a copy of one desk.

The desk (a group desk with its key) holds entries #1..#140; its signed checkpoints cover #1..#130
(#100 at the interval, #130 when it closed); #131..#140 were added in a session without the key.
A peer desk (the bank) holds copies of the checkpoints it received, and the key it enrolled.

Every class that touches #1..#130 is caught: `verify` names a problem. A class that touches only
#131..#140 is reported as "not covered by any checkpoint" and never as "ok". With the peer's copy
(`verify --peer`), every class is caught or reported not covered, including the forger who also
replaced the desk's identity and key and re-signed its checkpoints.
"""

from __future__ import annotations

import base64
import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from crisisdesk.cli import main
from crisisdesk.desk import checkpoints as desk_checkpoints
from crisisdesk.desk.backups import verify_database
from crisisdesk.desk.exchange_service import ExchangeService
from crisisdesk.domain.checkpoint import Checkpoint
from crisisdesk.exchange.identity import fingerprint
from crisisdesk.store import checkpoints
from crisisdesk.store.journal_store import Store
from crisisdesk.store.verify import quick_check
from tests.store.anchored_desk import (
    add_entries,
    drop_triggers,
    keyed_desk,
    keyless_session,
    open_desk,
    raw,
    rebuild_projections,
    rechain,
    restore_triggers,
)

COVERED, UNCOVERED = 130, 140


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    import keyring

    from tests.memory_keyring import MemoryKeyring

    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        base = tmp_path_factory.mktemp("anchored")
        desk = keyed_desk(base / "desk.sqlite")
        add_entries(desk, COVERED - 1)  # + the identity entry: #1..#130; interval checkpoint at #100
        ExchangeService(desk).export_public_key(base / "group.cdkey")
        desk_id = desk.desk_id
        desk.close()  # checkpoint at #130
        desk = keyless_session(open_desk(base / "desk.sqlite"))
        add_entries(desk, UNCOVERED - COVERED, tag="late")
        desk.close()
        peer = keyed_desk(base / "peer.sqlite", "affiliate", "bank")
        identity = ExchangeService(peer).enrol(base / "group.cdkey")
        del identity
        conn = raw(base / "desk.sqlite")
        held = checkpoints.of_desk(conn, desk_id)
        conn.close()
        sender = ExchangeService(open_desk(base / "desk.sqlite")).me()
        with peer.store.transaction():
            desk_checkpoints.take_from_packet(peer.store.conn, sender, [c.to_dict() for c in held],
                                              "2025-09-26T21:00:00.000Z")
        keyless_session(peer).close()
        (base / "keyring.json").write_text(json.dumps([[*k, v] for k, v in backend.secrets.items()]))
        yield base
    finally:
        keyring.set_keyring(previous)


@dataclass
class Case:
    name: str
    tamper: object  # (path) -> None
    covered: bool  # the tampered entries lie within #1..#130 (or the anchors themselves)
    local: bool = True  # caught without the peer's copy


def _payload_edit(seq: int):
    def change(rows):
        payload = json.loads(rows[seq - 1][7])
        payload["text"] = "forged"
        rows[seq - 1][7] = json.dumps(payload)
        return rows
    return change


def _field_edit(seq: int, column: int, value: str):
    def change(rows):
        rows[seq - 1][column] = value
        return rows
    return change


def forge(change, projections: bool = True):
    """Drop the triggers, rewrite the journal and recompute its hashes, rebuild the projections,
    restore the triggers: the full forgery."""
    def tamper(path: Path):
        conn = raw(path)
        drop_triggers(conn)
        rechain(conn, change)
        restore_triggers(conn)
        conn.close()
        if projections:
            rebuild_projections(path)
    return tamper


def sql(*statements: str, triggers: bool = True):
    def tamper(path: Path):
        conn = raw(path)
        drop_triggers(conn)
        for statement in statements:
            conn.execute(statement)
        if triggers:
            restore_triggers(conn)
        conn.close()
    return tamper


def then(*tampers):
    def tamper(path: Path):
        for step in tampers:
            step(path)
    return tamper


def _resign(path: Path, key: Ed25519PrivateKey, keep=lambda c: True) -> None:
    """Re-sign the desk's checkpoints of the (forged) journal with `key`."""
    conn = raw(path)
    desk = conn.execute("SELECT value FROM meta WHERE key = 'desk_id'").fetchone()[0]
    held = checkpoints.of_desk(conn, desk)
    conn.execute("DELETE FROM checkpoints WHERE desk = ?", (desk,))
    for old in held:
        if not keep(old):
            continue
        digest = conn.execute("SELECT hash FROM journal WHERE seq = ?", (old.seq,)).fetchone()[0]
        unsigned = Checkpoint(desk, old.seq, digest, old.at, old.reason)
        checkpoints.add(conn, Checkpoint(desk, old.seq, digest, old.at, old.reason,
                                         base64.b64encode(key.sign(unsigned.message())).decode()))
    conn.close()


def forged_key_checkpoints(path: Path) -> None:
    """A forger signs checkpoints of the forged journal with a key of their own."""
    _resign(path, Ed25519PrivateKey.generate())


def new_identity(path: Path) -> None:
    """The forger rewrites the desk's identity entry with a key of their own, recomputes the
    chain, rebuilds the projections and re-signs every checkpoint: locally consistent."""
    key = Ed25519PrivateKey.generate()
    public = base64.b64encode(key.public_key().public_bytes_raw()).decode()

    def change(rows):
        for row in rows:
            if row[6] == "desk.initialised":
                payload = json.loads(row[7])
                payload["public_key"] = public
                claims = {k: payload[k] for k in ("desk", "role", "group", "affiliate")}
                payload["fingerprint"] = fingerprint({**claims, "public_key": public})
                row[7] = json.dumps(payload)
        payload = json.loads(rows[49][7])
        payload["text"] = "forged"
        rows[49][7] = json.dumps(payload)
        return rows
    forge(change)(path)
    _resign(path, key)


def _swap(rows):
    rows[39], rows[40] = rows[40], rows[39]
    return rows


def _insert(rows):
    forged = list(rows[60])
    forged[1] = "01990000-0000-7000-8000-000000000001"
    rows.insert(60, forged)
    return rows


CASES = [
    Case("payload edited in place", sql(
        "UPDATE journal SET payload = replace(payload, 'x5', 'y5') WHERE seq = 7"), True),
    Case("payload edited, hashes recomputed, projections rebuilt, triggers restored",
         forge(_payload_edit(50)), True),
    Case("first entry edited and re-chained", forge(_payload_edit(2)), True),
    Case("entry at the checkpoint edited and re-chained", forge(_payload_edit(COVERED)), True),
    Case("entry just before the interval checkpoint re-chained", forge(_payload_edit(100)), True),
    Case("entry deleted and re-chained", forge(lambda rows: rows[:59] + rows[60:]), True),
    Case("entry inserted and re-chained", forge(_insert), True),
    Case("two entries swapped and re-chained", forge(_swap), True),
    Case("author changed and re-chained", forge(_field_edit(30, 3, "someone-else")), True),
    Case("time changed and re-chained", forge(_field_edit(31, 4, "2025-09-26T20:00:00.000Z")), True),
    Case("clock changed and re-chained", forge(_field_edit(32, 5, "001758917000000.000000.x")), True),
    Case("desk of an entry changed and re-chained", forge(_field_edit(33, 2, "other-desk")), True),
    Case("covered tail cut off", then(sql(f"DELETE FROM journal WHERE seq > {COVERED - 20}"),
                                      rebuild_projections), True),
    Case("covered tail cut off and its checkpoints removed", then(
        sql(f"DELETE FROM journal WHERE seq > {COVERED - 20}",
            f"DELETE FROM checkpoints WHERE seq > {COVERED - 30}"), rebuild_projections), True,
         local=False),
    Case("every checkpoint removed", sql("DELETE FROM checkpoints"), True, local=False),
    Case("history re-chained and every checkpoint removed", then(
        forge(_payload_edit(50)), sql("DELETE FROM checkpoints")), True, local=False),
    Case("checkpoint's hash edited to the forged chain", then(
        forge(_payload_edit(50)), sql(
            f"UPDATE checkpoints SET hash = (SELECT hash FROM journal WHERE seq = {COVERED}) "
            f"WHERE seq = {COVERED}",
            "UPDATE checkpoints SET hash = (SELECT hash FROM journal WHERE seq = 100) "
            "WHERE seq = 100")), True),
    Case("checkpoint's position edited", sql(f"UPDATE checkpoints SET seq = {UNCOVERED} "
                                             f"WHERE seq = {COVERED}"), True),
    Case("checkpoint's time edited", sql("UPDATE checkpoints SET at = '2030-01-01T00:00:00.000Z'"),
         True),
    Case("forged history signed with the forger's key", then(forge(_payload_edit(50)),
                                                             forged_key_checkpoints), True),
    Case("identity projection given the forger's key, checkpoints re-signed", then(
        forge(_payload_edit(50)), lambda p: _identity_projection(p)), True),
    Case("identity entry rewritten with the forger's key, chain, tables and checkpoints redone",
         new_identity, True, local=False),
    Case("append-only triggers dropped", sql(triggers=False), True),
    Case("append-only trigger made a no-op", sql(
        "CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal BEGIN SELECT 1; END;",
        "CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal BEGIN SELECT 1; END;",
        triggers=False), True),
    Case("projection row edited", sql("UPDATE desk_identity SET author = 'mallory'"), True),
    Case("extra trigger added", sql("CREATE TRIGGER sneak AFTER INSERT ON journal BEGIN "
                                    "SELECT 1; END;"), True),
    Case("desk id in meta changed", sql(
        "UPDATE meta SET value = '01990000-0000-7000-8000-0000000000aa' WHERE key = 'desk_id'"),
         True),
    Case("uncovered entry edited and re-chained", forge(_payload_edit(135)), False),
    Case("uncovered tail cut off", then(sql(f"DELETE FROM journal WHERE seq > {COVERED + 3}"),
                                        rebuild_projections), False),
    Case("uncovered entry added and re-chained", forge(lambda rows: rows + [
        [0, "01990000-0000-7000-8000-0000000000bb", *rows[-1][2:]]]), False),
]


def _identity_projection(path: Path) -> None:
    key = Ed25519PrivateKey.generate()
    public = base64.b64encode(key.public_key().public_bytes_raw()).decode()
    sql(f"UPDATE desk_identity SET public_key = '{public}'")(path)
    _resign(path, key)


def test_at_least_twenty_classes():
    assert len(CASES) >= 20
    assert sum(case.covered for case in CASES) >= 20


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_tamper_class(case, template, tmp_path, capsys):
    path = tmp_path / "desk.sqlite"
    shutil.copy(template / "desk.sqlite", path)
    case.tamper(path)
    local = verify_database(path)
    with_peer = verify_database(path, [template / "peer.sqlite"])
    for report in (local, with_peer):
        assert not (report.ok and report.covered), f"{case.name}: verify says ok"
        line = report.summary() if report.ok else report.problems[0]
        assert not line.startswith("ok"), line
    if case.covered and case.local:
        assert not local.ok, f"{case.name}: not caught: {local.summary()}"
    if case.covered:
        assert not with_peer.ok, f"{case.name}: not caught with the peer's copy: {with_peer.summary()}"
    else:
        assert "not covered by any checkpoint" in with_peer.summary()
        assert with_peer.coverage.covered <= COVERED
    # the command line agrees: never "ok"
    code = main(["--db", str(path), "verify", "--peer", str(template / "peer.sqlite")])
    out = capsys.readouterr()
    assert not out.out.startswith("ok"), out.out
    assert code == (1 if case.covered else 0), (out.out, out.err)


def test_untouched_desk_is_partly_covered(template, capsys):
    report = verify_database(template / "desk.sqlite", [template / "peer.sqlite"])
    assert report.ok and not report.covered
    assert report.coverage.covered == COVERED
    assert f"#{COVERED + 1}..#{UNCOVERED} not covered by any checkpoint" in report.summary()
    assert report.summary().startswith("intact, not anchored: ")
    assert main(["--db", str(template / "desk.sqlite"), "verify", "--anchored"]) == 1
    assert "not covered by any checkpoint" in capsys.readouterr().out


@pytest.mark.parametrize("case", [c for c in CASES if c.covered and c.local and (
    "re-chained" in c.name or "key" in c.name or "trigger" in c.name or "cut off" in c.name)
    and "projection" not in c.name],
                         ids=lambda c: c.name)
def test_opening_check_warns_on_rewritten_history(case, template, tmp_path):
    """The fast check on open (schema and triggers, the last checkpoint against the chain head)
    sees a rewritten, re-signed or cut history and a dropped trigger, without the full verify."""
    path = tmp_path / "desk.sqlite"
    shutil.copy(template / "desk.sqlite", path)
    case.tamper(path)
    store = Store.open(path, create=False)
    try:
        assert quick_check(store), case.name
    finally:
        store.close()


def test_a_replaced_identity_is_caught_on_the_desks_own_computer(template, tmp_path, memory_keyring):
    """Where the OS keyring holds the desk's private key, verify compares the identity with it:
    the forger who replaced the identity and re-signed every checkpoint is caught without a peer."""
    for service, user, secret in json.loads((template / "keyring.json").read_text()):
        memory_keyring.set_password(service, user, secret)
    path = tmp_path / "desk.sqlite"
    shutil.copy(template / "desk.sqlite", path)
    assert verify_database(path).ok  # the untouched desk: its key matches
    new_identity(path)
    report = verify_database(path)
    assert not report.ok
    assert "the desk's identity, and the checkpoints signed with it, were replaced" in report.problems[0]
