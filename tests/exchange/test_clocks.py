"""Clocks and times from outside: strict form and range; stored clocks order as numbers."""

import random
import sqlite3
from datetime import UTC, datetime

import pytest

from crisisdesk.domain import hlc
from crisisdesk.domain.clock import parse_stamp, parse_time, to_iso
from crisisdesk.domain.hlc import Hlc
from crisisdesk.exchange.bounded_json import JsonRefused, depth_within, loads

DESKS = ["019987ae-d8d8-7fe7-94e9-eb67be538640", "019987ae-d8d8-7fe7-94e9-eb67be538641",
         "0", "z", "A_b-c", "a" * 64]


def _random_clock(rng: random.Random) -> Hlc:
    wall = rng.choice([hlc.MIN_WALL_MS, hlc.MAX_WALL_MS, rng.randrange(hlc.MIN_WALL_MS, 2 * 10**12),
                       rng.randrange(hlc.MIN_WALL_MS, hlc.MAX_WALL_MS + 1)])
    counter = rng.choice([0, 1, 9, 10, 99_999, hlc.MAX_COUNTER, rng.randrange(hlc.MAX_COUNTER + 1)])
    return Hlc(wall, counter, rng.choice(DESKS))


def test_string_order_is_numeric_order_in_python_and_in_sqlite():
    """Checked clocks are fixed-width: comparing the stored strings (Python, and SQLite's
    `hlc < ?` in the projections) gives the order of (wall_ms, counter, desk) as numbers."""
    rng = random.Random(13)
    clocks = [_random_clock(rng) for _ in range(3000)]
    texts = [c.encode() for c in clocks]
    assert [hlc.parse(t) for t in texts] == clocks
    assert sorted(texts) == [c.encode() for c in sorted(clocks)]
    conn = sqlite3.connect(":memory:")
    pairs = list(zip(texts, texts[1:] + texts[:1], strict=True))
    for a, b in pairs:
        lt, gt = conn.execute("SELECT ? < ?, ? > ?", (a, b, a, b)).fetchone()
        ca, cb = hlc.parse(a), hlc.parse(b)
        assert (bool(lt), bool(gt)) == (ca < cb, ca > cb)
    assert conn.execute("SELECT max(x) FROM (SELECT ? AS x UNION ALL SELECT ?)",
                        (texts[0], texts[1])).fetchone()[0] == max(clocks[0], clocks[1]).encode()


def test_counter_never_outgrows_its_field():
    full = Hlc(2 * 10**12, hlc.MAX_COUNTER, "a")
    nxt = hlc.tick(full, 10**12, "b")  # the wall clock is behind: the counter would carry
    assert nxt == Hlc(2 * 10**12 + 1, 0, "b") and nxt > full
    assert len(nxt.encode()) == len(full.encode())
    with pytest.raises(hlc.ClockError):
        Hlc(1, hlc.MAX_COUNTER + 1, "a").encode()
    with pytest.raises(hlc.ClockError):
        Hlc(hlc.MAX_WALL_MS + 1, 0, "a").encode()


@pytest.mark.parametrize("text", [
    "999999999999999.9999999.d",  # the poisoning counter: 7 digits
    "1758918000000.000000.d",  # 13 digits, not padded
    "+01758918000000.000000.d", " 001758918000000.000000.d", "001758918000000.000000.",
    "001758918000000.000000.d.e", "001758918000000.000000.dé", "001758918000000.00000a.d",
    "001758918000000.000000." + "d" * 65, "000000000000001.000000.d",  # 1970: before 2000
    "", "bad", "0.0.0",
])
def test_malformed_clocks_are_refused(text):
    with pytest.raises(hlc.ClockError):
        hlc.parse(text)


def test_clock_ahead_by_more_than_the_skew():
    now = 1_758_918_000_000
    hlc.check_not_ahead(Hlc(now + hlc.MAX_SKEW_MS, 0, "d"), now)
    with pytest.raises(hlc.ClockError, match="11 minutes ahead .*at most 10 minutes"):
        hlc.check_not_ahead(Hlc(now + 11 * 60_000, 0, "d"), now)
    with pytest.raises(hlc.ClockError, match="days ahead"):
        hlc.check_not_ahead(hlc.parse("999999999999999.999999.d"), now)


@pytest.mark.parametrize("text", ["not a date", "9999-12-31T00:00:00.000Z", "2025-02-30T00:00:00.000Z",
                                  "2025-09-26T20:20:00Z", "2025-09-26T20:20:00.000+09:00",
                                  "1999-12-31T23:59:59.999Z", "２０２５-09-26T20:20:00.000Z", 5, None])
def test_entry_times_must_be_plain_utc_and_not_absurd(text):
    with pytest.raises(ValueError):
        parse_stamp(text)


def test_times_written_by_the_desk_are_accepted():
    moment = datetime(2025, 9, 26, 20, 20, 1, 123000, tzinfo=UTC)
    assert parse_stamp(to_iso(moment)) == moment
    assert parse_time("2025-09-27T08:00:00+09:00") == datetime(2025, 9, 26, 23, tzinfo=UTC)
    with pytest.raises(ValueError, match="absurd"):
        parse_time("9999-01-01T00:00:00+00:00")


def test_json_depth_is_measured_before_parsing():
    assert depth_within(b'{"a":[1,{"b":"[[[[[[[[[[\\"]]"}]}', 3)
    assert not depth_within(b"[[[[]]]]", 3)
    assert depth_within(b"[[[[]]]]", 4)
    assert not depth_within(b"[[[", 10)  # unbalanced: no JSON either
    assert not depth_within(b'[{"a":[{"b":{}}]}]', 4)  # braces and brackets count alike
    assert depth_within(b'[{"a":[{"b":{}}]}]', 5)
    assert depth_within(b'["\\\\", "\\"[[["]', 1)  # escaped backslash, then escaped quote
    assert not depth_within(b'{"a":[}]]', 8)  # mismatched kinds, one closing too many
    with pytest.raises(JsonRefused, match="deeper than 16"):
        loads(b"[" * 60_000 + b"]" * 60_000, 16, "the body")
    with pytest.raises(JsonRefused, match="not valid JSON"):
        loads(b"[NaN]", 16, "the body")
    with pytest.raises(JsonRefused, match="not valid JSON"):
        loads(b"[1" + b"0" * 5000 + b"]", 16, "the body")  # beyond int's digit limit
