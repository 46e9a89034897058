"""Wall-clock deadlines: the next business day in the group's timezone, skipping holidays."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from crisisdesk.domain.playbook import ChecklistItem

NEXT_BUSINESS_DAY = "next-business-day"


def is_business_day(day: date, holidays: frozenset[date]) -> bool:
    return day.weekday() < 5 and day not in holidays


def next_business_day(t0: datetime, at: time, holidays: frozenset[date], tz: str) -> datetime:
    """The first business day after t0's local date in `tz`, at `at` local time, in UTC."""
    if t0.tzinfo is None:
        raise ValueError("t0 must be an aware datetime")
    zone = ZoneInfo(tz)
    day = t0.astimezone(zone).date() + timedelta(days=1)
    while not is_business_day(day, holidays):
        day += timedelta(days=1)
    return datetime.combine(day, at, tzinfo=zone).astimezone(UTC)


def resolve_due(t0: datetime, item: ChecklistItem, holidays: frozenset[date], tz: str) -> datetime:
    """When `item` falls due for an event activated at t0 (aware), in UTC."""
    if t0.tzinfo is None:
        raise ValueError("t0 must be an aware datetime")
    if item.due is not None:
        return (t0 + item.due).astimezone(UTC)
    if item.due_at is not None and item.due_at.anchor == NEXT_BUSINESS_DAY:
        return next_business_day(t0, item.due_at.at, holidays, tz)
    raise ValueError(f"checklist item '{item.id}' has no due time")
