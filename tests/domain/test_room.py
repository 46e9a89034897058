"""The 24-hour room's rules: the contact tree's calling order, roll-calls, the handover brief."""

from datetime import UTC, datetime, timedelta

from crisisdesk.domain.contacts import Contact, call_tree, fold_roll_call
from crisisdesk.domain.handover import build_brief
from crisisdesk.domain.read_models import ActionView, DutyView, TimelineEntry
from crisisdesk.domain.text import Text

T = datetime(2026, 5, 12, 12, 0, tzinfo=UTC)
CHAIR = Contact("cro", "정위기", "010-1", deputy="cro-deputy")
DEPUTY = Contact("cro-deputy", "한대행", "010-2")
BANK = Contact("bank-it", "김은행", "010-3", affiliate="bank")
FSS = Contact("fss", "검사역", "02-1", affiliate="", external="fss", organisation=Text("금융감독원", "FSS"))


def test_the_tree_calls_the_group_then_affiliates_then_outside_contacts_each_with_its_deputy():
    tree = call_tree((FSS, BANK, DEPUTY, CHAIR))
    assert [(c.id, d.id if d else None) for c, d in tree] == [("cro", "cro-deputy"), ("bank-it", None), ("fss", None)]


def test_a_roll_call_records_who_was_reached_when_a_deputy_answering_for_the_contact():
    calls = [(T + timedelta(minutes=2), "cro", "no-answer", ""), (T + timedelta(minutes=4), "cro-deputy", "reached", ""),
             (T + timedelta(minutes=1), "bank-it", "left-message", ""),
             (T + timedelta(minutes=9), "bank-it", "reached", "회신")]
    roll = fold_roll_call("r1", "e1", "야간 점검", T, (CHAIR, DEPUTY, BANK, FSS), calls)
    entries = {e.contact.id: e for e in roll.entries}
    assert entries["cro"].reached_at == T + timedelta(minutes=4) and entries["cro"].reached_via == "cro-deputy"
    assert entries["bank-it"].reached_at == T + timedelta(minutes=9) and len(entries["bank-it"].calls) == 2
    assert entries["fss"].status == "not-called" and roll.reached == 2


def _entry(minutes: int, kind: str = "checklist.changed") -> TimelineEntry:
    return TimelineEntry(minutes, T + timedelta(minutes=minutes), kind, "bank", "kim", Text.plain(f"change {minutes}"))


def test_the_brief_holds_changes_since_the_last_handover_open_actions_and_the_next_deadlines():
    timeline = [_entry(10), _entry(70), _entry(75, "handover.signed"), _entry(130)]
    actions = [ActionView("a1", "d", "콜센터 증원", "chair", Text.plain("위원장"), T + timedelta(hours=5), "open", "", False),
               ActionView("a2", "d", "공지", "chair", Text.plain("위원장"), T + timedelta(hours=1), "done", "", False)]
    duties = [DutyView("fss-initial", Text.plain("FSS"), Text.plain("최초보고"), T + timedelta(hours=3), "due", "", "",
                       None, False, filer="bank", filer_name=Text.plain("한빛은행")),
              DutyView("fss-final", Text.plain("FSS"), Text.plain("종결보고"), T + timedelta(days=7), "due", "", "",
                       None, False, filer="bank"),
              DutyView("fss-x", Text.plain("FSS"), Text.plain("제출됨"), T + timedelta(hours=1), "submitted", "", "",
                       T, False, filer="bank")]
    brief = build_brief(T + timedelta(minutes=60), T + timedelta(minutes=140), timeline, actions, [], duties, {})
    assert [c.seq for c in brief.changes] == [70, 130]  # the room's own entries left out
    assert [a.id for a in brief.open_actions] == ["a1"]
    assert [d.what.ko for d in brief.deadlines] == ["최초보고"]  # within 12 hours, not filed
    lines = brief.lines("ko", "Asia/Seoul")
    assert lines[0] == "변경 사항 (직전 인계 이후): 2" and "05-13 00:00 최초보고 — 한빛은행" in lines[-1]  # KST
