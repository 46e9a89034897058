from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crisisdesk.domain.durations import format_duration, parse_duration


@pytest.mark.parametrize(("text", "expected"), [
    ("30m", timedelta(minutes=30)),
    ("4h", timedelta(hours=4)),
    ("1h30m", timedelta(hours=1, minutes=30)),
    ("2d", timedelta(days=2)),
    ("1d12h", timedelta(days=1, hours=12)),
    (" 45m ", timedelta(minutes=45)),
    ("PT4H", timedelta(hours=4)),
    ("P1D", timedelta(days=1)),
    ("PT30M", timedelta(minutes=30)),
    ("P1DT2H", timedelta(days=1, hours=2)),
    ("pt90m", timedelta(minutes=90)),
    ("P1W", timedelta(weeks=1)),
])
def test_parse(text, expected):
    assert parse_duration(text) == expected


@pytest.mark.parametrize(("text", "fragment"), [
    ("", "is not a duration"),
    ("0m", "longer than zero"),
    ("PT0H", "longer than zero"),
    ("-1h", "longer than zero"),
    ("1h 30m", "is not a duration"),
    ("30m1h", "is not a duration"),
    ("4H", "is not a duration"),
    ("P1M", "is not a duration"),
    ("PT", "is not a duration"),
    ("P1DT", "is not a duration"),
    ("1.5h", "is not a duration"),
    ("9999999d", "is not a duration"),
    (30, "expected a duration"),
])
def test_refused_with_a_message(text, fragment):
    with pytest.raises(ValueError, match=fragment):
        parse_duration(text)


@pytest.mark.parametrize(("td", "text"), [
    (timedelta(hours=1, minutes=30), "1h30m"),
    (timedelta(days=1, hours=12), "1d12h"),
    (timedelta(0), "0m"),
    (timedelta(seconds=45), "45s"),
    (-timedelta(minutes=5), "-5m"),
])
def test_format(td, text):
    assert format_duration(td) == text


@given(st.integers(min_value=1, max_value=999 * 24 * 60))
def test_format_then_parse_round_trips(minutes):
    td = timedelta(minutes=minutes)
    assert parse_duration(format_duration(td)) == td
