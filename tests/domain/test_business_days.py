from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from crisisdesk.domain.business_days import next_business_day, resolve_due
from crisisdesk.domain.playbook import ChecklistItem, DueAt
from crisisdesk.domain.text import Text

SEOUL = ZoneInfo("Asia/Seoul")
CHUSEOK_2025 = frozenset({date(2025, 10, 3), *(date(2025, 10, d) for d in range(6, 10))})


def kst(*args) -> datetime:
    return datetime(*args, tzinfo=SEOUL)


def test_friday_evening_goes_to_monday_morning():
    due = next_business_day(kst(2025, 9, 26, 20, 20), time(8, 0), frozenset(), "Asia/Seoul")
    assert due == kst(2025, 9, 29, 8, 0)
    assert due.tzinfo == UTC


def test_holidays_and_weekend_are_skipped():
    due = next_business_day(kst(2025, 10, 2, 10, 0), time(8, 0), CHUSEOK_2025, "Asia/Seoul")
    assert due == kst(2025, 10, 10, 8, 0)


def test_the_local_date_decides_not_the_utc_date():
    # Friday 23:30 UTC is already Saturday 08:30 in Seoul: the next business day is Monday.
    t0 = datetime(2025, 9, 26, 23, 30, tzinfo=UTC)
    assert next_business_day(t0, time(8, 0), frozenset(), "Asia/Seoul") == kst(2025, 9, 29, 8, 0)
    # In UTC itself it is still Friday: Monday again, 08:00 UTC.
    assert next_business_day(t0, time(8, 0), frozenset(), "UTC") == datetime(2025, 9, 29, 8, 0, tzinfo=UTC)


def test_weekday_goes_to_the_next_day():
    assert next_business_day(kst(2025, 9, 23, 9, 0), time(8, 0), frozenset(), "Asia/Seoul") == \
        kst(2025, 9, 24, 8, 0)


def test_new_york_across_the_start_of_daylight_saving():
    new_york = ZoneInfo("America/New_York")
    t0 = datetime(2025, 3, 7, 18, 0, tzinfo=new_york)  # Friday, EST (UTC-5)
    due = next_business_day(t0, time(8, 0), frozenset(), "America/New_York")
    assert due == datetime(2025, 3, 10, 12, 0, tzinfo=UTC)  # Monday 08:00 EDT (UTC-4)


def test_naive_t0_is_refused():
    with pytest.raises(ValueError, match="aware"):
        next_business_day(datetime(2025, 9, 26, 20, 20), time(8), frozenset(), "Asia/Seoul")


def item(**fields) -> ChecklistItem:
    return ChecklistItem(id="x", title=Text.plain("x"), owner="chair", **fields)


def test_resolve_due_after_t0():
    t0 = kst(2025, 9, 26, 20, 20)
    assert resolve_due(t0, item(due=timedelta(hours=1)), frozenset(), "Asia/Seoul") == \
        kst(2025, 9, 26, 21, 20)


def test_resolve_due_at_next_business_day():
    t0 = kst(2025, 10, 2, 10, 0)
    due_at = DueAt("next-business-day", time(8, 0))
    assert resolve_due(t0, item(due_at=due_at), CHUSEOK_2025, "Asia/Seoul") == kst(2025, 10, 10, 8, 0)


def test_resolve_due_without_a_due_time():
    with pytest.raises(ValueError, match="no due time"):
        resolve_due(kst(2025, 10, 2, 10, 0), item(), frozenset(), "Asia/Seoul")
