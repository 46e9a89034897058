"""What another program writes to the same desk database is noticed and described as Changes."""

from crisisdesk.desk.changes import BOARD, CHECKLIST, DECISIONS, EVENTS, TIMELINE
from crisisdesk.desk.outside import describe
from tests.desk.factories import activate_nirs, make_desk


def test_a_second_connection_s_writes_are_noticed_and_the_desk_s_own_are_not(tmp_path):
    path = tmp_path / "desk.sqlite"
    with make_desk(path) as desk, make_desk(path, author="다른 창") as other:
        assert desk.outside.outside_changes() == []  # the first call notes where the journal stands
        ev = activate_nirs(desk)
        desk.checklists.set_item(ev, "bank", "confirm-outage-scope", state="done")
        assert desk.outside.outside_changes() == []  # its own commands announce themselves
        other.checklists.set_item(ev, "card", "confirm-outage-scope", state="doing")
        [found] = desk.outside.outside_changes()
        assert (found.event, found.affiliates) == (ev, frozenset({"card"}))
        assert found.kinds == {CHECKLIST, BOARD, TIMELINE}
        assert desk.outside.outside_changes() == []  # said once


def test_entries_are_described_by_event_and_affiliate():
    entries = [(1, "checklist.changed", "e1", "bank"), (2, "decision.recorded", "e1", ""),
               (3, "checklist.changed", "e2", "card"), (4, "desk.enrolled", "", ""),
               (5, "event.level_changed", "e3", "")]
    found = {c.event: c for c in describe(entries)}
    assert found["e1"].kinds >= {CHECKLIST, DECISIONS, BOARD} and not found["e1"].affiliates  # the whole event
    assert found["e2"].affiliates == {"card"}
    assert EVENTS in found["e3"].kinds  # what the desk does not describe: everything
    assert None not in found  # the desk's own enrolment changes no view
