"""Role checks in the desk: an affiliate desk refuses, in one line, what only the group desk may
do and what touches another affiliate; the group desk and a desk without a role do everything."""

from __future__ import annotations

import pytest

from crisisdesk.cli import main
from crisisdesk.domain.desk_roles import NotAllowed, check_allowed
from crisisdesk.domain.entry_kinds import AFFILIATE_KINDS, GROUP_KINDS, LOCAL_KINDS
from tests.exchange.factories import GROUP_FILE, PLAYBOOK, StepClock
from tests.exchange.test_import import event  # noqa: F401 (fixture)


def _item(node, event_id: str, affiliate: str) -> str:
    first = node.desk.views.checklist(event_id, affiliate)[0]
    return f"{first.checklist}/{first.item}"


COMMANDS = {  # what an affiliate desk may not do → the command that tries it
    "raise the level": lambda d, e: d.events.change_level(e, "serious", "spreading"),
    "decide": lambda d, e: d.council.record_decision(e, "switch to DR"),
    "close the event": lambda d, e: d.events.close_event(e, "recovered"),
    "mark a provider": lambda d, e: d.events.set_provider(e, "gov-id-check", "restored"),
    "activate an event": lambda d, e: d.events.activate(PLAYBOOK, "another"),
    "load the group file": lambda d, e: d.events.load_group(GROUP_FILE),
    "set the outlook": lambda d, e: d.communications.set_outlook(e, "12h", "stable"),
    "record an alert": lambda d, e: d.communications.record_alert(e, "MOIS", "경계"),
    "open a meeting": lambda d, e: d.council.open_meeting(e, "council", []),
    "answer for the card": lambda d, e: d.assessments.answer(e, "card", "customers-affected", 3),
    "assess a card service": lambda d, e: d.assessments.assess_service(
        e, "card", d.events.group().affiliate("card").services[0].id, "down"),
}


@pytest.mark.parametrize("name", list(COMMANDS))
def test_an_affiliate_desk_refuses_what_it_may_not_send(trio, event, name):  # noqa: F811
    _, bank, _ = trio
    before = bank.desk.journal_length()
    with pytest.raises(NotAllowed) as refused:
        COMMANDS[name](bank.desk, event)
    message = str(refused.value)
    assert message.startswith("not allowed on this desk: this is the desk of affiliate 'bank'")
    assert "\n" not in message
    assert bank.desk.journal_length() == before


def test_ticking_another_affiliates_or_the_group_desks_item_is_refused(trio, event):  # noqa: F811
    group, bank, _ = trio
    with pytest.raises(NotAllowed, match="only for 'bank', not for 'card'"):
        bank.desk.checklists.set_item(event, "card", _item(bank, event, "card"), state="done")
    bank.desk.checklists.set_item(event, "bank", _item(bank, event, "bank"), state="done")  # its own: fine
    bank.desk.assessments.answer(event, "bank", "customers-affected", 12)
    group.desk.checklists.set_item(event, "card", _item(group, event, "card"), state="doing")  # phone's word
    group.desk.events.change_level(event, "serious", "spreading")


def refusal(role, affiliate, kind, payload) -> str | None:
    try:
        check_allowed(role, affiliate, kind, payload)
    except NotAllowed as exc:
        return str(exc)
    return None


def test_the_rule_itself():
    for kind in GROUP_KINDS:
        assert refusal("affiliate", "bank", kind, {"affiliate": "bank"}).endswith(
            "only the group desk may " + refusal("affiliate", "bank", kind, {}).split("may ", 1)[1])
        assert refusal("group", None, kind, {}) is None and refusal(None, None, kind, {}) is None
    for kind in AFFILIATE_KINDS:
        assert refusal("affiliate", "bank", kind, {"affiliate": "bank"}) is None
        assert "not for 'group'" in refusal("affiliate", "bank", kind, {"affiliate": "group"})
    for kind in LOCAL_KINDS:
        assert refusal("affiliate", "bank", kind, {}) is None


def test_the_command_line_says_it_in_one_line(trio, event, capsys):  # noqa: F811
    _, bank, _ = trio
    path = bank.desk.path
    bank.desk.close()
    try:
        code = main(["event", "level", event, "serious", "--reason", "spreading", "--db", str(path)])
        out, err = capsys.readouterr()
        assert code == 1 and err.count("\n") == 1
        assert "not allowed on this desk" in err and "only the group desk may change an event's level" in err
        code = main(["event", "close", event, "--reason", "done", "--db", str(path)])
        assert code == 1 and "only the group desk may close an event" in capsys.readouterr().err
    finally:
        from crisisdesk.desk.app import Desk

        bank.desk = Desk.open(path, clock=StepClock())
