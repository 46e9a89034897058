"""Three desks, a full round of real updates: the group desk converges whatever the order.

Packets from both affiliate desks reach the group desk in every order, with
repeats (hypothesis draws them); every ordering must end in the same journal
and the same projections. The group desk also edits one of the bank's items
itself meanwhile, so a concurrent edit is resolved (latest HLC wins) and flagged.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import keyring
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crisisdesk.desk.app import Desk
from crisisdesk.desk.exchange_service import DUPLICATE, IMPORTED, ExchangeService
from tests.conftest import LONG
from tests.exchange.factories import (
    PLAYBOOK,
    enrol_pair,
    journal_contents,
    make_node,
    projections,
)
from tests.memory_keyring import MemoryKeyring

EXAMPLES = 300 if LONG else 20


def _item(node, event: str, index: int) -> str:
    affiliate = node.exchange.me().affiliate
    item = node.desk.views.checklist(event, affiliate)[index]
    return f"{item.checklist}/{item.item}"


def _deliver(sender, recipient, folder: Path) -> Path:
    result = sender.exchange.export_to(recipient.id, folder)
    assert recipient.exchange.import_file(result.path).status == IMPORTED
    return result.path


def _replay(saved: Path, packets: list[Path], order: list[int]) -> tuple[dict, set[str]]:
    """A copy of the saved desk, the packets imported in `order`; its projections and journal."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "desk.sqlite"
        shutil.copyfile(saved, copy)
        with Desk.open(copy, create=False) as desk:
            outcomes = ExchangeService(desk).import_files([packets[i] for i in order])
            assert {o.status for o in outcomes} <= {IMPORTED, DUPLICATE}
            assert sum(o.status == IMPORTED for o in outcomes) == len(packets)
            assert desk.verify().ok
            return projections(desk), journal_contents(desk)


@pytest.fixture(scope="module")
def round_of_updates(tmp_path_factory):
    """The group desk saved before any affiliate packet, the packets, and the state they give."""
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    root = tmp_path_factory.mktemp("round")
    outbox = root / "outbox"
    outbox.mkdir()
    group = make_node(root / "group", "group")
    bank = make_node(root / "bank", "affiliate", "bank")
    card = make_node(root / "card", "affiliate", "card")
    for affiliate in (bank, card):
        enrol_pair(group, affiliate)
    bank_saved = root / "bank-before.sqlite"
    bank.desk.backup(bank_saved)
    event = group.desk.events.activate(PLAYBOOK, "IDC fire", t0=group.desk.clock()).event
    to_bank = [_deliver(group, bank, outbox)]
    _deliver(group, card, outbox)

    packets = []
    bank.desk.checklists.set_item(event, "bank", _item(bank, event, 0), state="doing")
    bank.desk.assessments.answer(event, "bank", "customers-affected", 1200)
    packets.append(bank.exchange.export_to("group", outbox).path)
    card.desk.checklists.set_item(event, "card", _item(card, event, 0), state="done")
    card.desk.assessments.assess_service(event, "card", "authorization", "down", "승인 지연")
    packets.append(card.exchange.export_to("group", outbox).path)

    # the group desk, told by phone, edits the bank's first item concurrently
    group.desk.checklists.set_item(event, "bank", _item(bank, event, 0), state="blocked",
                        reason="전원 미복구")
    group.desk.events.change_level(event, "caution", "fire spreads to the second hall")
    group.desk.events.set_provider(event, "kftc-network", "degraded", "지연")
    to_bank.append(_deliver(group, bank, outbox))
    _deliver(group, card, outbox)

    bank.desk.checklists.set_item(event, "bank", _item(bank, event, 0), state="done", note="DR 전환 완료")
    bank.desk.checklists.set_item(event, "bank", _item(bank, event, 1), state="doing")
    packets.append(bank.exchange.export_to("group", outbox).path)
    bank.desk.assessments.answer(event, "bank", "customers-affected", 3400)
    packets.append(bank.exchange.export_to("group", outbox).path)
    card.desk.checklists.undo_item(event, "card", _item(card, event, 0))
    packets.append(card.exchange.export_to("group", outbox).path)

    saved = root / "group-before.sqlite"
    group.desk.backup(saved)
    assert [o.status for o in group.exchange.import_files(packets)] == [IMPORTED] * len(packets)
    group.desk.council.record_decision(event, "DR 센터로 전면 전환", rationale="주센터 복구 지연")
    group.desk.events.close_event(event, "recovered")
    to_bank.append(_deliver(group, bank, outbox))
    round_ = {
        "group": (saved, packets, _replay(saved, packets, list(range(len(packets))))),
        "bank": (bank_saved, to_bank, _replay(bank_saved, to_bank, list(range(len(to_bank))))),
        "items": group.desk.views.checklist(event, "bank"),
        "bank_event": bank.desk.events.event(event).record,
    }
    for node in (group, bank, card):
        node.close()
    keyring.set_keyring(previous)
    return round_


def test_reference_round_is_sensible(round_of_updates):
    _, packets, (tables, _) = round_of_updates["group"]
    items = round_of_updates["items"]
    assert len(packets) == 5
    assert any(i.conflict for i in items)  # the concurrent edit is flagged for the UI
    first = items[0]
    assert (first.state, first.note) == ("done", "DR 전환 완료")  # the latest HLC won
    assert len(tables["answers"]) == 2 and tables["service_status"]
    bank_event = round_of_updates["bank_event"]
    assert (bank_event.status, bank_event.level) == ("closed", "caution")
    _, _, (bank_tables, _) = round_of_updates["bank"]
    assert len(bank_tables["decisions"]) == 1


def _orders(count: int):
    """Every packet at least once, some again, in any order."""
    return st.permutations(range(count)).flatmap(
        lambda order: st.lists(st.integers(0, count - 1), max_size=count).flatmap(
            lambda extra: st.permutations(list(order) + extra)))


@settings(max_examples=EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(order=_orders(5))
def test_group_desk_converges_whatever_the_order(round_of_updates, order):
    saved, packets, expected = round_of_updates["group"]
    assert _replay(saved, packets, order) == expected


@settings(max_examples=EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(order=_orders(3))
def test_affiliate_desk_converges_whatever_the_order(round_of_updates, order):
    saved, packets, expected = round_of_updates["bank"]
    assert _replay(saved, packets, order) == expected
