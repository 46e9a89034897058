"""Projections applied in batches give the tables that entry-by-entry application gives."""

import json
import shutil

import pytest

from crisisdesk.desk.app import Desk
from crisisdesk.domain.journal import canonical_json
from tests import raw_entries
from tests.desk.factories import activate_nirs, make_desk, snapshot

STATES = ("doing", "blocked", "done", "todo", "doing", "done")


def _changes(desk: Desk, event: str) -> list:
    """Several changes of one item and of one service's status, made one after another."""
    item = desk.views.checklist(event, "bank")[0]
    entries = []
    for before, after in zip(("todo", *STATES[:-1]), STATES, strict=True):
        state = {"state": after, "assignee": "김대리", "note": f"→ {after}", "evidence": "",
                 "reason": "전원 미복구" if after == "blocked" else ""}
        entries.append(raw_entries.new_entry(desk, "checklist.changed", {
            "event": event, "affiliate": "bank", "checklist": item.checklist, "item": item.item,
            "base": "", "undoes": "", "before": {"state": before}, "after": state}))
    for status in ("down", "degraded", "up", "down"):
        entries.append(raw_entries.new_entry(desk, "service.assessed", {
            "event": event, "affiliate": "bank", "service": "atm", "status": status,
            "note": f"ATM {status}"}))
    return entries


def test_one_batch_in_any_order_equals_one_entry_at_a_time(tmp_path):
    one_by_one = tmp_path / "one-by-one.sqlite"
    with make_desk(one_by_one) as desk:
        event = activate_nirs(desk)
        entries = _changes(desk, event)
    shutil.copyfile(one_by_one, tmp_path / "batch.sqlite")
    with Desk.open(one_by_one, create=False) as desk:
        for entry in entries:
            desk.store.append([entry])
        expected = [t for t in snapshot(desk) if t[0] != "journal"]
        item = desk.views.checklist(event, "bank")[0]
        assert (item.state, item.note) == ("done", "→ done")
    with Desk.open(tmp_path / "batch.sqlite", create=False) as desk:
        desk.store.append(entries[::-1])  # newest first: the latest clock must still win
        assert [t for t in snapshot(desk) if t[0] != "journal"] == expected


@pytest.mark.parametrize("value", [
    {"b": [1, 2.5, 1e16, -0.0, None, True], "a": {"z": "한글\n\x01\"\\", "y": []}},
    "탭\t", 12345678901234567890, [float("nan"), float("inf")], {}, {"2": 1, "10": 2},
])
def test_canonical_json_is_sorted_compact_utf8_json(value):
    assert canonical_json(value) == json.dumps(value, sort_keys=True, separators=(",", ":"),
                                               ensure_ascii=False)
