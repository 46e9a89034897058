"""A change made against an older state of an item is refused, never a silent overwrite (domain rule)."""

import pytest

from crisisdesk.domain.checklist import ChangedMeanwhile, ItemState, check_unchanged
from tests.desk.factories import activate_nirs, make_desk


def test_the_rule_compares_the_entry_seen_with_the_last_change():
    check_unchanged(None, "e2", ItemState(), item="x", by="a", at="")  # no state seen: not checked
    check_unchanged("e2", "e2", ItemState(), item="x", by="a", at="")
    with pytest.raises(ChangedMeanwhile) as caught:
        check_unchanged("e1", "e2", ItemState(state="done", note="n"), item="x", by="은행 IT", at="2025-09-26T12:00:00Z")
    assert (caught.value.entry, caught.value.by, caught.value.current.state) == ("e2", "은행 IT", "done")
    assert "은행 IT" in str(caught.value)


def test_the_desk_refuses_a_change_made_against_an_older_state(tmp_path):
    with make_desk(tmp_path / "desk.sqlite") as desk:
        ev = activate_nirs(desk)
        shown = desk.views.checklist_item(ev, "bank", "confirm-outage-scope")
        assert shown.entry == ""
        desk.checklists.set_item(ev, "bank", "confirm-outage-scope", state="done", seen=shown.entry)  # someone else's tick
        head = desk.journal_length()
        with pytest.raises(ChangedMeanwhile) as caught:
            desk.checklists.set_item(ev, "bank", "confirm-outage-scope", state="todo", seen=shown.entry)
        assert caught.value.current.state == "done"
        with pytest.raises(ChangedMeanwhile):
            desk.checklists.undo_item(ev, "bank", "confirm-outage-scope", seen=shown.entry)
        assert desk.journal_length() == head  # nothing saved
        desk.checklists.set_item(ev, "bank", "confirm-outage-scope", state="todo", seen=caught.value.entry)  # applied knowingly
        assert desk.views.checklist_item(ev, "bank", "confirm-outage-scope").state == "todo"
