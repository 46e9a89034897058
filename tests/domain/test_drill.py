"""Drill injects: times after T0 and which injects are due."""

from datetime import UTC, datetime, timedelta

import pytest

from crisisdesk.domain.drill import Inject, due_injects, format_offset, parse_offset
from crisisdesk.domain.text import Text

T0 = datetime(2026, 5, 12, 1, 0, tzinfo=UTC)


def _inject(inject_id: str, minutes: int) -> Inject:
    return Inject(inject_id, timedelta(minutes=minutes), "message", Text("상황", "situation"))


@pytest.mark.parametrize(("text", "minutes"), [("0:05", 5), ("T+2:15", 135), ("26:00", 1560)])
def test_offsets_read_as_hours_and_minutes_after_t0(text, minutes):
    assert parse_offset(text) == timedelta(minutes=minutes)
    assert format_offset(parse_offset(text)) == (text if text.startswith("T+") else f"T+{text}")


@pytest.mark.parametrize("text", ["5m", "1:5", "1:60", "-0:10", "T-1:00", ""])
def test_other_offsets_are_refused_with_an_example(text):
    with pytest.raises(ValueError, match="h:mm"):
        parse_offset(text)


def test_due_injects_are_those_whose_time_came_and_not_yet_released_in_time_order():
    injects = (_inject("late", 90), _inject("early", 10), _inject("middle", 30))
    assert due_injects(injects, T0, T0 + timedelta(minutes=5), set()) == []
    now = T0 + timedelta(minutes=30)
    assert [i.id for i in due_injects(injects, T0, now, set())] == ["early", "middle"]
    assert [i.id for i in due_injects(injects, T0, now, {"early"})] == ["middle"]
    assert [i.id for i in due_injects(injects, T0, T0 + timedelta(hours=2), {"middle"})] == ["early", "late"]
