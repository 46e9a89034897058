"""Drill injects travel from the group desk to the affiliate desks as drill entries, responses come
back, and nothing of a drill can be slipped into a real event."""

from __future__ import annotations

from crisisdesk.desk.exchange_models import IMPORTED, REFUSED
from crisisdesk.locations import shipped_playbooks_dir
from tests.exchange.factories import PLAYBOOK, entry, forge

DRILL_BOOK = shipped_playbooks_dir() / "drill-gov-id-outage.yaml"


def _send(sender, recipient, folder) -> None:
    result = sender.exchange.export_to(recipient.id, folder)
    assert recipient.exchange.import_file(result.path).status == IMPORTED


def test_injects_reach_the_affiliates_and_their_responses_come_back(trio, tmp_path):
    group, bank, card = trio
    event = group.desk.events.activate(DRILL_BOOK, "합동 모의훈련", t0=group.desk.clock(), drill=True).created
    group.desk.drills.release_inject(event, "bank-complaints")
    group.desk.drills.release_inject(event, "vendor-down")
    for node in (bank, card):
        _send(group, node, tmp_path)
    assert bank.desk.events.event(event).record.drill
    released = {s.inject.id for s in bank.desk.drills.injects(event) if s.released}
    assert released == {"bank-complaints", "vendor-down"}
    assert {a.field: a.value for a in bank.desk.views.answers(event, "bank")}["complaints"] == 420
    assert bank.desk.drills.release_due(event).kinds == frozenset()  # an affiliate desk never releases
    bank.desk.drills.respond_to_inject(event, "bank", "bank-complaints", "콜센터 상담 인력 40명 추가 투입")
    card.desk.drills.respond_to_inject(event, "card", "vendor-down", "2차 본인확인 업체로 전환")
    for node in (bank, card):
        _send(node, group, tmp_path)
    [status] = [s for s in group.desk.drills.injects(event) if s.inject.id == "bank-complaints"]
    assert [a for a, _ in status.responses] == ["bank"]
    [status] = [s for s in group.desk.drills.injects(event) if s.inject.id == "vendor-down"]
    assert [a for a, _ in status.responses] == ["card"]


def test_a_packet_putting_an_inject_into_a_real_event_is_refused(trio, tmp_path):
    group, bank, _ = trio
    real = group.desk.events.activate(PLAYBOOK, "IDC 화재", t0=group.desk.clock()).created
    _send(group, bank, tmp_path)
    before = bank.desk.journal_length()
    forged = entry(group, "drill.inject_released", {
        "event": real, "inject": "gov-id-down", "kind": "provider", "released_by": "controller",
        "due": "2025-09-26T20:25:00.000Z", "at": "2025-09-26T20:25:00.000Z",
        "text": {"ko": "x", "en": "x"}, "affiliate": "", "provider": "gov-id-check", "status": "down",
        "measures": {}})
    data = forge(group, bank, [forged], seq=2)
    outcome = bank.exchange.import_bytes(data, tmp_path / "forged.cdpkt")
    assert outcome.status == REFUSED and "belong to drill events only" in outcome.message
    assert bank.desk.journal_length() == before
