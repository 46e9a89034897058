"""Import on a desk: every refusal leaves the database exactly as it was; repeats change nothing."""

import zlib

import pytest

from crisisdesk.desk.app import Desk
from crisisdesk.desk.exchange_service import (
    DUPLICATE,
    ERROR,
    IMPORTED,
    REFUSED,
    WAITING,
    ExchangeService,
)
from crisisdesk.exchange import errors, packet
from crisisdesk.exchange.keys import KeyringKeys
from tests.exchange.factories import (
    PLAYBOOK,
    entry,
    forge,
    journal_contents,
    make_node,
    projections,
    snapshot,
)


@pytest.fixture
def event(trio, tmp_path):
    """An event activated on the group desk and delivered to both affiliate desks."""
    group, bank, card = trio
    event_id = group.desk.events.activate(PLAYBOOK, "IDC fire drill", t0=group.desk.clock()).event
    for node in (bank, card):
        result = group.exchange.export_to(node.id, tmp_path)
        assert node.exchange.import_file(result.path).status == IMPORTED
    return event_id


def _tick(node, event_id: str, index: int = 0, state: str = "doing") -> None:
    affiliate = node.exchange.me().affiliate
    item = node.desk.views.checklist(event_id, affiliate)[index]
    node.desk.checklists.set_item(event_id, affiliate, f"{item.checklist}/{item.item}", state=state)


def _refuse(node, data: bytes, reason: str, tmp_path, service: ExchangeService | None = None):
    """Import `data` on `node`: refused for `reason`, database unchanged to the byte."""
    path = tmp_path / "incoming.cdpkt"
    path.write_bytes(data)
    db = node.desk.path
    before = snapshot(db)
    outcome = (service or node.exchange).import_file(path)
    assert (outcome.status, outcome.reason) == (REFUSED, reason), outcome.message
    assert snapshot(db) == before
    return outcome.message


def test_affiliate_update_reaches_the_group(trio, event, tmp_path):
    group, bank, _ = trio
    _tick(bank, event, state="done")
    bank.desk.assessments.answer(event, "bank", "customers-affected", 1200)
    result = bank.exchange.export_to("group", tmp_path)
    assert result.entries == 2 and result.path.name.startswith("hanbit-bank.")
    outcome = group.exchange.import_file(result.path)
    assert (outcome.status, outcome.new_entries, outcome.affiliates) == (IMPORTED, 2,
                                                                         frozenset({"bank"}))
    assert outcome.events == frozenset({event})
    states = {i.state for i in group.desk.views.checklist(event, "bank")}
    assert "done" in states
    assert group.desk.verify().ok and bank.desk.verify().ok
    assert group.exchange.received_packets()[0].new_entries == 2
    assert bank.exchange.sent_packets()[0].recipient == group.id


def test_high_water_mark_sends_only_what_is_new(trio, event, tmp_path):
    group, bank, _ = trio
    _tick(bank, event)
    first = bank.exchange.export_to("group", tmp_path)
    assert bank.exchange.export_to("group", tmp_path) is None  # nothing new
    _tick(bank, event, 1)
    second = bank.exchange.export_to("group", tmp_path)
    assert (first.entries, second.entries) == (1, 1) and second.seq > first.seq
    everything = bank.exchange.export_to("group", tmp_path, resend_all=True)
    assert everything.entries == 2
    for result in (everything, second, first):
        assert group.exchange.import_file(result.path).status == IMPORTED
    assert [r.new_entries for r in group.exchange.received_packets()] == [0, 0, 2]


def test_twice_and_out_of_order_end_in_the_same_state(trio, event, tmp_path):
    group, bank, _ = trio
    packets = []
    for index in range(3):
        _tick(bank, event, index)
        packets.append(bank.exchange.export_to("group", tmp_path).path)
    outcomes = group.exchange.import_files([packets[2], packets[0], packets[2], packets[1],
                                            packets[0]])
    assert [o.status for o in outcomes] == [IMPORTED, IMPORTED, DUPLICATE, IMPORTED, DUPLICATE]
    db = group.desk.path
    state = snapshot(db)
    assert group.exchange.import_file(packets[1]).status == DUPLICATE
    assert snapshot(db) == state
    assert group.desk.verify().ok


def test_group_desk_packet_carries_the_event_to_affiliates(trio, event):
    group, bank, card = trio
    for node in (bank, card):
        assert node.desk.events.event(event).record.title == "IDC fire drill"
        assert node.desk.views.checklist(event, node.exchange.me().affiliate)


def test_bad_signature(trio, event, tmp_path):
    group, bank, _ = trio
    _tick(bank, event)
    data = bytearray(bank.exchange.export_to("group", tmp_path).path.read_bytes())
    data[-70] ^= 0x20
    assert "bad signature" in _refuse(group, bytes(data), errors.BAD_SIGNATURE, tmp_path)


def test_unknown_and_revoked_desk(trio, event, tmp_path):
    group, bank, _ = trio
    stranger = make_node(tmp_path / "life", "affiliate", "life")
    data = forge(stranger, group, [entry(stranger, "checklist.changed", {"affiliate": "life"})])
    assert "not enrolled" in _refuse(group, data, errors.UNKNOWN_DESK, tmp_path)
    stranger.close()
    _tick(bank, event)
    data = bank.exchange.export_to("group", tmp_path).path.read_bytes()
    group.exchange.revoke("bank", "laptop stolen")
    assert "revoked" in _refuse(group, data, errors.UNKNOWN_DESK, tmp_path)


@pytest.mark.parametrize("case", ["other affiliate", "group kind", "local kind", "foreign entry"])
def test_out_of_scope(trio, event, tmp_path, case):
    group, bank, card = trio
    made = {
        "other affiliate": entry(bank, "checklist.changed", {"event": event, "affiliate": "card"}),
        "group kind": entry(bank, "event.level_changed", {"event": event, "level": "severe"}),
        "local kind": entry(bank, "desk.enrolled", {"desk": "x"}),
        "foreign entry": entry(card, "checklist.changed", {"event": event, "affiliate": "bank"}),
    }[case]
    data = forge(bank, group, [made])
    assert "out of scope" in _refuse(group, data, errors.OUT_OF_SCOPE, tmp_path)


def test_group_may_not_send_another_affiliates_work(trio, event, tmp_path):
    group, bank, _ = trio
    data = forge(group, bank, [entry(group, "checklist.changed", {"affiliate": "card"})])
    assert "touches affiliate 'card'" in _refuse(bank, data, errors.OUT_OF_SCOPE, tmp_path)


def test_replayed_sequence(trio, event, tmp_path):
    group, bank, _ = trio
    _tick(bank, event)
    first = bank.exchange.export_to("group", tmp_path)
    assert group.exchange.import_file(first.path).status == IMPORTED
    other = forge(bank, group, [entry(bank, "checklist.changed", {"affiliate": "bank"})],
                  seq=first.seq)
    assert "replayed sequence" in _refuse(group, other, errors.REPLAYED_SEQUENCE, tmp_path)


@pytest.mark.parametrize("cut", [0, 10, 100, -1])
def test_truncated(trio, event, tmp_path, cut):
    group, bank, _ = trio
    _tick(bank, event)
    data = bank.exchange.export_to("group", tmp_path).path.read_bytes()
    assert "truncated" in _refuse(group, data[:cut], errors.TRUNCATED, tmp_path)


def test_not_a_packet(trio, tmp_path):
    group, _, _ = trio
    _refuse(group, "상황보고서 초안입니다".encode() * 50, errors.NOT_A_PACKET, tmp_path)


def test_too_large(trio, event, tmp_path):
    group, bank, _ = trio
    for index in range(3):
        _tick(bank, event, index)
    data = bank.exchange.export_to("group", tmp_path).path.read_bytes()
    small = ExchangeService(group.desk, packet.Limits(max_entries=2))
    _refuse(group, data, errors.TOO_LARGE, tmp_path, small)
    tiny = ExchangeService(group.desk, packet.Limits(max_file=len(data) - 1))
    _refuse(group, data, errors.TOO_LARGE, tmp_path, tiny)


def test_decompression_bomb(trio, tmp_path):
    group, bank, _ = trio
    body = zlib.compress(b"[" + b" " * (50 * 2**20) + b"]", 9)
    me = bank.exchange.me()
    header = {"format": 1, "group": "hanbit", "compression": "zlib",
              "sender": {"desk": me.desk, "role": me.role, "affiliate": me.affiliate,
                         "name": me.name},
              "recipient": group.id, "seq": 1, "after": 0, "upto": 1, "created_at": "2025-09-26T20:20:00.000Z", "entries": 0,
              "body_size": len(body), "raw_size": 2}
    data = packet.assemble(header, body, KeyringKeys().load(bank.id))
    assert "decompression bomb" in _refuse(group, data, errors.DECOMPRESSION_BOMB, tmp_path)


def test_unknown_entry_kind(trio, tmp_path):
    group, bank, _ = trio
    data = forge(bank, group, [entry(bank, "telepathy.sent", {"affiliate": "bank"})])
    message = _refuse(group, data, errors.UNKNOWN_KIND, tmp_path)
    assert message == "unknown entry kind telepathy.sent: update CrisisDesk"


def test_wrong_recipient(trio, event, tmp_path):
    group, bank, card = trio
    data = forge(group, bank, [entry(group, "event.closed", {"event": event, "reason": "x"})])
    assert "addressed to another desk" in _refuse(card, data, errors.WRONG_RECIPIENT, tmp_path)


def test_conflicting_copy_of_a_held_entry(trio, event, tmp_path):
    group, bank, _ = trio
    _tick(bank, event)
    first = bank.exchange.export_to("group", tmp_path)
    group.exchange.import_file(first.path)
    [held] = packet.open_packet(first.path.read_bytes(), packet.read_header(
        first.path.read_bytes()), bank.exchange.me().verifier())
    altered = type(held)(**{**held.content(), "payload": {**held.payload, "after": {"state": "done"}}})
    data = forge(bank, group, [altered], seq=2)
    assert "differs from the copy" in _refuse(group, data, errors.CONFLICTING_ENTRY, tmp_path)


def test_entry_that_cannot_be_applied_rolls_back(trio, event, tmp_path):
    group, bank, _ = trio
    good = entry(bank, "service.assessed", {"event": event, "affiliate": "bank",
                                             "service": "atm", "status": "down"})
    broken = entry(bank, "checklist.changed", {"event": event, "affiliate": "bank"})  # no "after"
    data = forge(bank, group, [good, broken])
    assert "'checklist' is missing" in _refuse(group, data, errors.INVALID_ENTRY, tmp_path)


def test_entry_the_projections_refuse_rolls_back(trio, event, tmp_path, monkeypatch):
    """Were an entry to pass the rules and still fail in the projections, nothing is saved."""
    group, bank, _ = trio
    monkeypatch.setattr("crisisdesk.desk.exchange_service.check_rules", lambda *a: None)
    good = entry(bank, "service.assessed", {"event": event, "affiliate": "bank",
                                             "service": "atm", "status": "down"})
    broken = entry(bank, "checklist.changed", {"event": event, "affiliate": "bank"})  # no "after"
    data = forge(bank, group, [good, broken])
    assert "cannot be applied" in _refuse(group, data, errors.MALFORMED, tmp_path)


def test_unreadable_file_is_an_error_not_a_refusal(trio, tmp_path):
    group, _, _ = trio
    outcome = group.exchange.import_file(tmp_path / "absent.cdpkt")
    assert outcome.status == ERROR and "cannot read" in outcome.message


def test_refused_packet_changes_no_projection(trio, event, tmp_path):
    group, bank, _ = trio
    before = (projections(group.desk), journal_contents(group.desk))
    data = forge(bank, group, [entry(bank, "checklist.changed", {"event": event,
                                                                 "affiliate": "card"})])
    _refuse(group, data, errors.OUT_OF_SCOPE, tmp_path)
    assert (projections(group.desk), journal_contents(group.desk)) == before


def test_a_packet_waits_for_the_one_before_it(trio, event, tmp_path):
    group, bank, _ = trio
    group.desk.events.change_level(event, "caution", "fire spreads")
    second = group.exchange.export_to("bank", tmp_path)
    first = group.exchange.export_to("bank", tmp_path, resend_all=True)
    fresh = make_node(tmp_path / "fresh", "affiliate", "bank")
    group.exchange.enrol(fresh.key_file)
    fresh.exchange.enrol(group.key_file)
    early = group.exchange.export_to(fresh.id, tmp_path)
    group.desk.events.change_level(event, "alert", "second hall")
    late = group.exchange.export_to(fresh.id, tmp_path)
    db = fresh.desk.path
    before = snapshot(db)["tables"]
    waiting = fresh.exchange.import_file(late.path)
    assert waiting.status == WAITING and "sent again" in waiting.message
    after = snapshot(db)["tables"]  # no entry and no receipt: only what to acknowledge
    assert {t for t in after if after[t] != before[t]} == {"exchange_streams"}
    outcomes = fresh.exchange.import_files([late.path, early.path, late.path])
    assert [o.status for o in outcomes] == [DUPLICATE, IMPORTED, IMPORTED]  # retried after #1
    assert fresh.desk.events.event(event).level == "alert"
    assert bank.exchange.import_files([second.path, first.path])[0].status == IMPORTED
    assert bank.desk.events.event(event).level == "caution"
    fresh.close()


def test_desk_restored_from_a_backup_reuses_no_sequence(trio, event, tmp_path):
    group, bank, _ = trio
    backup = tmp_path / "bank-backup.sqlite"
    bank.desk.backup(backup)
    _tick(bank, event)
    sent = bank.exchange.export_to("group", tmp_path)
    assert group.exchange.import_file(sent.path).status == IMPORTED
    with Desk.open(backup, clock=bank.desk.clock, create=False) as restored:  # time moved on
        item = restored.views.checklist(event, "bank")[1]
        restored.checklists.set_item(event, "bank", f"{item.checklist}/{item.item}", state="done")
        again = ExchangeService(restored).export_to("group", tmp_path)
    assert again.seq > sent.seq
    outcome = group.exchange.import_file(again.path)
    assert (outcome.status, outcome.new_entries) == (IMPORTED, 1)
