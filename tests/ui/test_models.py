"""Every item model, fed by the desk's read models of the demo event, passes qtmodeltester."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import Qt

from crisisdesk.desk.app import Desk
from crisisdesk.desk.demo import DEMO_NOW
from crisisdesk.desk.exchange_models import ImportOutcome, Peer
from crisisdesk.desk.exchange_watch import PacketInfo, RejectedPacket
from crisisdesk.exchange.identity import Identity
from crisisdesk.ui.affiliate.affiliate_models import (
    AffiliateListModel,
    RevisionModel,
    ServiceRow,
    ServiceStatusModel,
)
from crisisdesk.ui.board.board_model import BoardModel
from crisisdesk.ui.check_list_model import CheckListModel
from crisisdesk.ui.checklist.checklist_model import ChecklistModel
from crisisdesk.ui.checklist.checklist_rows import key_of, ordered
from crisisdesk.ui.checklist.item_history import HistoryModel
from crisisdesk.ui.decisions.decision_models import ActionModel, DecisionModel
from crisisdesk.ui.decisions.outlook_box import OutlookModel
from crisisdesk.ui.dialogs.impact_preview import ImpactPreviewModel, ProvidersModel
from crisisdesk.ui.dialogs.provider_dialog import ProviderStateModel
from crisisdesk.ui.exchange.packet_models import (
    ImportedModel,
    OutcomeModel,
    PacketModel,
    PeerModel,
    RejectedModel,
)
from crisisdesk.ui.notices.notice_models import AlertModel, DutyModel, NoticeModel
from crisisdesk.ui.playbooks.library_model import LibraryModel, entries
from crisisdesk.ui.reports.report_models import RegisterModel
from crisisdesk.ui.timeline.timeline_panel import TimelineModel
from tests.desk.factories import ManualClock


def now():
    return DEMO_NOW


def _event(desk):
    return desk.events.event_records("open")[0].id


def test_board_and_affiliate_models(qtmodeltester, demo_desk):
    board = demo_desk.views.board(_event(demo_desk))
    model = BoardModel(now)
    model.set_rows(board.tiles)
    qtmodeltester.check(model)
    assert model.rowCount() == 9
    changed = list(board.tiles)
    changed[0] = dataclasses.replace(changed[0], colour="green")
    model.set_rows(changed)  # same keys: updated in place
    qtmodeltester.check(model)
    listing = AffiliateListModel()
    listing.set_rows(board.tiles)
    qtmodeltester.check(listing)
    assert listing.data(listing.index(0, 0), Qt.ItemDataRole.DecorationRole) is not None


def test_service_and_revision_models(qtmodeltester, demo_desk):
    event = _event(demo_desk)
    info = demo_desk.events.event(event)
    tile = demo_desk.views.board(event).tile("bank")
    views = {s.service: s for s in tile.services}
    services = ServiceStatusModel(now)
    services.set_rows([ServiceRow(s, views.get(s.id)) for s in info.group.affiliate("bank").services])
    qtmodeltester.check(services)
    revisions = RevisionModel()
    revisions.set_revisions(demo_desk.views.answer_history(event, "bank", "customers-affected"), info.timezone)
    qtmodeltester.check(revisions)
    assert revisions.rowCount() == 3  # 1,200, 3,400, then 3,650 in the late-morning round


def test_checklist_tree_and_its_filters(qtmodeltester, demo_desk):
    event = _event(demo_desk)
    model = ChecklistModel(now)
    model.set_info(demo_desk.events.event(event))
    items = demo_desk.views.checklist(event)
    model.set_items(items)
    qtmodeltester.check(model)
    assert len(model.items()) == len(items) and model.rowCount() == len(items) + len(model.phase_rows())
    bank = [i for i in items if i.affiliate == "bank"]
    ticked = [dataclasses.replace(bank[0], state="done"), *bank[1:]]
    model.update_affiliates(["bank"], ticked)
    qtmodeltester.check(model)
    assert model.item_at(model.index_of(key_of(bank[0]))).state == "done"
    model.set_filters(affiliate="card", overdue=True)
    qtmodeltester.check(model)
    shown = model.items()
    assert shown and all(i.affiliate == "card" and i.overdue for i in shown)
    assert shown == [i for i in ordered(items, model.info) if i.affiliate == "card" and i.overdue]


def test_decision_and_action_models(qtmodeltester, demo_desk):
    event = _event(demo_desk)
    decisions = DecisionModel()
    decisions.info = demo_desk.events.event(event)
    decisions.set_decisions(demo_desk.views.decisions(event))
    qtmodeltester.check(decisions)
    amended = [r for r in range(decisions.rowCount()) if decisions.rowCount(decisions.index(r, 0))]
    assert len(amended) == 2  # one amendment, one withdrawal, each under its original
    actions = ActionModel(now)
    actions.set_rows(demo_desk.views.actions(event))
    qtmodeltester.check(actions)


def test_notice_duty_alert_and_timeline_models(qtmodeltester, demo_desk):
    event = _event(demo_desk)
    info = demo_desk.events.event(event)
    for model, rows in ((NoticeModel(), demo_desk.views.notices(event)), (DutyModel(now), demo_desk.views.duties(event)),
                        (AlertModel(), demo_desk.views.alerts(event)), (TimelineModel(), demo_desk.views.timeline(event))):
        model.info = info
        model.set_rows(rows)
        qtmodeltester.check(model)
        assert model.rowCount() == len(rows) > 0


def test_dialog_and_choice_models(qtmodeltester, demo_desk):
    group = demo_desk.events.group()
    providers = ProvidersModel()
    providers.set_group(group)
    providers.set_ticked("gov-id-check", True)
    qtmodeltester.check(providers)
    assert providers.ticked() == ("gov-id-check",)
    preview = ImpactPreviewModel()
    preview.preview(group, providers.ticked(), DEMO_NOW)
    qtmodeltester.check(preview)
    assert preview.affiliates_hit() == 9
    choices = CheckListModel()
    choices.set_choices([(a.id, a.name) for a in group.affiliates], checked=["card"])
    qtmodeltester.check(choices)
    assert choices.checked() == ["card"]


def test_library_model(qtmodeltester, demo_desk, tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: crisisdesk.playbook/1\nid: x\n", encoding="utf-8")
    model = LibraryModel()
    today = DEMO_NOW.date()
    model.set_rows(entries(demo_desk.events.playbooks([demo_desk.path.parent, tmp_path]), tmp_path, today)
                   + entries(demo_desk.events.playbooks(), tmp_path, today))
    qtmodeltester.check(model)
    statuses = [model.index(r, 4).data() for r in range(model.rowCount())]
    assert any("errors" in s or "오류" in s for s in statuses)


def test_report_register_model(qtmodeltester, demo_copy):
    with Desk.open(demo_copy, clock=ManualClock(DEMO_NOW)) as desk:
        desk.reports.draft_report()
        desk.reports.approve_report(None, 1)
        records = desk.reports.report_register()
    model = RegisterModel()
    model.set_rows(records)
    qtmodeltester.check(model)
    assert model.index(0, 0).data() == "제1호" and model.index(0, 2).data() == "결재 완료"


def test_conflict_marker_on_a_checklist_item(qtmodeltester, demo_desk):
    event = _event(demo_desk)
    model = ChecklistModel(now)
    model.set_info(demo_desk.events.event(event))
    items = demo_desk.views.checklist(event, "bank")
    model.set_items([dataclasses.replace(items[0], conflict=True), *items[1:]])
    qtmodeltester.check(model)
    marked, plain = model.index_of(key_of(items[0])), model.index_of(key_of(items[1]))
    assert marked.data(Qt.ItemDataRole.DecorationRole) is not None
    assert marked.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "두 데스크에서 동시에 변경됨" in marked.data(Qt.ItemDataRole.ToolTipRole)
    assert "두 데스크" in marked.data(Qt.ItemDataRole.AccessibleTextRole)
    assert plain.data(Qt.ItemDataRole.DecorationRole) is None


def test_history_providers_and_outlook_models(qtmodeltester, demo_desk):
    event = _event(demo_desk)
    changed = next(i for i in demo_desk.views.checklist(event) if i.updated_at is not None)
    history = HistoryModel()
    rows = demo_desk.checklists.item_history(event, changed.affiliate, f"{changed.checklist}/{changed.item}")
    history.set_history(rows, "Asia/Seoul", demo_desk.desk_id)
    qtmodeltester.check(history)
    assert history.rowCount() == len(rows) > 0 and history.index(0, 2).data() == "이 데스크"
    providers = ProviderStateModel()
    providers.set_rows(demo_desk.views.providers(event))
    qtmodeltester.check(providers)
    assert {providers.index(r, 1).data() for r in range(providers.rowCount())} >= {"중단", "정상"}
    outlook = OutlookModel()
    outlook.set_outlook(demo_desk.views.outlook(event))
    qtmodeltester.check(outlook)
    assert outlook.rowCount() == 4


def test_exchange_models(qtmodeltester, tmp_path):
    bank = Identity("0199aaaa-0000-7000-8000-00000000b001", "affiliate", "hanbit", "bank", bytes(32))
    card = Identity("0199aaaa-0000-7000-8000-00000000c001", "affiliate", "hanbit", "card", bytes(range(32)))
    peers = PeerModel()
    peers.set_rows([Peer(bank, "enrolled", "2025-09-26T11:20:00Z", "운영자", "", "", 3),
                    Peer(card, "revoked", "2025-09-26T11:20:00Z", "운영자", "2025-09-26T12:00:00Z", "분실", 0)])
    qtmodeltester.check(peers)
    assert peers.index(0, 1).data() == "계열사 데스크: bank" and "분실" in peers.index(1, 3).data()
    packet = tmp_path / "hanbit-bank.00000b01-1758888000.cdpkt"
    packets = PacketModel()
    packets.set_rows([PacketInfo(packet, bank.desk, bank.name, "group", 1758888000, 4, "2025-09-26T11:20:00Z", 900)])
    qtmodeltester.check(packets)
    imported = ImportedModel()
    imported.set_rows([Path(packet)])
    qtmodeltester.check(imported)
    rejected = RejectedModel()
    rejected.set_rows([RejectedPacket(packet, "bad signature\nreason: bad_signature\nrefused by: desk group")])
    qtmodeltester.check(rejected)
    assert "서명" in rejected.index(0, 1).data()
    outcomes = OutcomeModel()
    outcomes.set_rows([ImportOutcome(packet, "imported", "", sender=bank.name, seq=1, entries=4, new_entries=3),
                       ImportOutcome(tmp_path / "x.cdpkt", "refused", "bad", reason="out_of_scope"),
                       ImportOutcome(tmp_path / "y.cdpkt", "waiting", "later", sender=bank.name)])
    qtmodeltester.check(outcomes)
    assert [outcomes.index(r, 1).data() for r in range(3)] == ["가져옴", "거부", "대기"]
    assert "새 항목 3건" in outcomes.index(0, 2).data() and "이미 있던 항목 1건" in outcomes.index(0, 2).data()
