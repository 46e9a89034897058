"""The NIRS fire replayed through the desk API alone, with the clock moved by hand."""

from datetime import datetime, timedelta

from crisisdesk.formats.playbook_file import load_playbook
from tests.desk.factories import KST, NIRS_T0, PLAYBOOKS, ManualClock, activate_nirs, make_desk

BOOK = load_playbook(PLAYBOOKS / "gov-system-outage.yaml").value


def _items_at(level: str, sector: str) -> list:
    rank = BOOK.level_index(level)
    return [(c.id, i) for c in BOOK.checklists if c.applies(sector) for i in c.items
            if i.from_level is None or BOOK.level_index(i.from_level) <= rank]


def _overdue(items, now, done=()):
    count = 0
    for _, item in items:
        if item.id in done or item.due is None:
            continue
        count += NIRS_T0 + item.due < now
    return count


def test_nirs_weekend(tmp_path):
    clock = ManualClock(datetime(2025, 9, 26, 20, 45, tzinfo=KST))
    desk = make_desk(tmp_path / "nirs.sqlite", clock)
    ev = activate_nirs(desk)  # Friday night, T0 20:20

    attention = _items_at("attention", "bank")
    board = desk.views.board(ev)
    assert board.tile("bank").progress.applicable == len(attention)
    assert board.event.level == "attention" and not board.event.drill
    assert board.totals.overdue == 0

    # the bank works through the first hour; nobody else does
    first_hour = [i.id for c, i in attention if c == "first-hour"]
    for item in first_hour:
        clock.advance(minutes=2)
        desk.checklists.set_item(ev, "bank", item, state="done")
    clock.set(datetime(2025, 9, 26, 23, 0, tzinfo=KST))
    board = desk.views.board(ev)
    bank, card = board.tile("bank"), board.tile("card")
    assert bank.progress.closed == len(first_hour)
    assert bank.progress.percent == round(100 * len(first_hour) / len(attention))
    assert bank.progress.overdue == _overdue(attention, clock.now, done=set(first_hour))
    assert card.progress.overdue == _overdue(_items_at("attention", "card"), clock.now)
    assert card.progress.overdue > bank.progress.overdue

    # Saturday: council meets under the CRO and raises the level
    clock.set(datetime(2025, 9, 27, 9, 0, tzinfo=KST))
    desk.council.open_meeting(ev, "그룹 위기대응협의회", ["chair", "cio", "ciso"])
    decision = desk.council.record_decision(ev, "월요일 개점 전 영업점 사전 점검", decided_by="chair",
                                    affiliates=["bank"]).created
    desk.events.change_level(ev, "caution", "정부 복구 지연")
    desk.council.close_meeting(ev)
    caution = _items_at("caution", "bank")
    assert len(caution) > len(attention)
    items = {i.item: i for i in desk.views.checklist(ev, "bank")}
    assert len(items) == len(caution)
    branch = items["branch-manual"]
    assert branch.due == datetime(2025, 9, 29, 8, 0, tzinfo=KST)
    assert not branch.overdue
    [meeting] = desk.views.meetings(ev)
    assert meeting.closed_at is not None
    assert [d.id for d in desk.views.decisions(ev)] == [decision]
    assert desk.views.decisions(ev)[0].attendees == ("chair", "cio", "ciso")

    # Monday 08:01: branch readiness is late unless done
    clock.set(datetime(2025, 9, 29, 8, 1, tzinfo=KST))
    items = {i.item: i for i in desk.views.checklist(ev, "bank")}
    assert items["branch-manual"].overdue
    desk.checklists.set_item(ev, "bank", "branch-manual", state="done")
    assert not {i.item: i for i in desk.views.checklist(ev, "bank")}["branch-manual"].overdue
    board = desk.views.board(ev)
    expected = _overdue(caution, clock.now, done=set(first_hour))
    due_at_late = sum(1 for c, i in caution if i.due_at and i.id != "branch-manual"
                      and {x.item: x for x in desk.views.checklist(ev, "bank")}[i.id].overdue)
    assert board.tile("bank").progress.overdue == expected + due_at_late
    assert desk.verify().ok
    desk.close()


def test_board_and_situation_as_of_agree(tmp_path):
    clock = ManualClock(NIRS_T0 + timedelta(minutes=10))
    desk = make_desk(tmp_path / "asof.sqlite", clock)
    ev = activate_nirs(desk)
    clock.advance(minutes=30)
    desk.checklists.set_item(ev, "bank", "confirm-outage-scope", state="done")
    desk.assessments.answer(ev, "bank", "customers-affected", 1200)
    then = clock.now
    board_then = desk.views.board(ev)
    seq_then = desk.store.head()[0]
    clock.advance(hours=3)
    desk.checklists.set_item(ev, "card", "confirm-outage-scope", state="done")
    desk.assessments.answer(ev, "bank", "customers-affected", 3400)
    desk.events.change_level(ev, "alert", "확대")

    for as_of in (seq_then, f"#{seq_then}", then):
        past = desk.views.situation(ev, as_of=as_of, now=then)
        assert past.board == board_then
        assert past.as_of_seq == seq_then
        assert [a.value for a in past.affiliates[0].answers] == [1200]
    now = desk.views.situation(ev)
    assert now.board.event.level == "alert"
    assert desk.verify().ok
    desk.close()
