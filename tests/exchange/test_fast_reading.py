"""The quick checks of a packet's reading agree with the full ones they stand in for."""

from __future__ import annotations

import json
import random

import pytest

from crisisdesk.domain import hlc
from crisisdesk.domain.clock import parse_stamp
from crisisdesk.exchange import packet
from crisisdesk.exchange.bounded_json import depth_within

DESK = "019987ae-d8d8-7fe7-94e9-eb67be538640"


def _depth(value) -> int:
    if isinstance(value, dict):
        return 1 + max(map(_depth, value.values()), default=0)
    if isinstance(value, list):
        return 1 + max(map(_depth, value), default=0)
    return 0


def _value(rng: random.Random, depth: int):
    pick = rng.random()
    if depth == 0 or pick < 0.3:
        return rng.choice(["", "[", "]]", "{\"[", "\\", "\\\"", "\\\\\"[", "a\"b", "\"\"", "}{",
                           "x" * rng.randint(0, 5), 1, None, True, "[\\\\]"])
    children = [_value(rng, depth - 1) for _ in range(rng.randint(0, 3))]
    if pick < 0.65:
        return children
    return {rng.choice(["a", "[", "\"", "\\", "}"]) + str(i): c for i, c in enumerate(children)}


def test_depth_bound_is_exact_on_json():
    """Strings full of brackets, quotes and escapes never change the depth measured."""
    rng = random.Random(5)
    for _ in range(3000):
        value = _value(rng, rng.randint(0, 8))
        true_depth = _depth(value)
        for text in (json.dumps(value), json.dumps(value, separators=(",", ":"),
                                                   ensure_ascii=False)):
            data = text.encode("utf-8")
            assert depth_within(data, true_depth), text
            if true_depth:
                assert not depth_within(data, true_depth - 1), text


def test_depth_bound_holds_on_garbage():
    """Whatever passes the bound and parses is no deeper than the bound."""
    rng = random.Random(11)
    for _ in range(20000):
        data = bytes(rng.choice(b'[]{}""\\\\a1,:') for _ in range(rng.randint(0, 24)))
        if depth_within(data, 3):
            try:
                value = json.loads(data)
            except ValueError:
                continue
            assert _depth(value) <= 3, data


def _stamps(rng: random.Random) -> list[str]:
    found = ["2025-09-26T20:20:00.000Z", "2025-09-26T20:59:59.999Z", "2025-09-26T20:60:00.000Z",
             "2025-09-26T20:00:60.000Z", "2025-09-26T24:00:00.000Z", "2025-02-29T10:00:00.000Z",
             "2024-02-29T10:00:00.000Z", "2025-13-01T10:00:00.000Z", "1999-12-31T23:59:59.999Z",
             "2000-01-01T00:00:00.000Z", "2199-12-31T23:59:59.999Z", "2200-01-01T00:00:00.000Z",
             "9999-12-31T23:59:59.999Z", "2025-09-26T20:20:00.000", "2025-09-26 20:20:00.000Z",
             "2025-09-26T20:20:00.000+00:00", "not a date", "２０２５-09-26T20:20:00.000Z"]
    for _ in range(400):
        found.append(f"{rng.choice(['2025', '2199', '2200', '1999'])}-"
                     f"{rng.choice(['01', '02', '12', '13', '00'])}-{rng.choice(['01', '28', '29', '31', '32'])}T"
                     f"{rng.choice(['00', '20', '23', '24'])}:{rng.choice(['00', '59', '60', '99'])}:"
                     f"{rng.choice(['00', '59', '60'])}.{rng.randint(0, 999):03d}Z")
    rng.shuffle(found)
    return found


def _clocks(rng: random.Random) -> list[str]:
    found = [f"{hlc.MIN_WALL_MS:015d}.000000.{DESK}", f"{hlc.MIN_WALL_MS - 1:015d}.000000.{DESK}",
             f"{hlc.MAX_WALL_MS:015d}.999999.{DESK}", f"001759000000000.000001.{DESK}x",
             f"001759000000000.000001.other", f"1759000000000.000001.{DESK}",
             f"001759000000000.0000001.{DESK}", f"001759000000000.000001.{DESK}\n", "clock",
             f"001759000000000.000001.{DESK[:-1]}", f"００1759000000000.000001.{DESK}"]
    for _ in range(100):
        found.append(f"{rng.randrange(hlc.MIN_WALL_MS - 10**6, hlc.MIN_WALL_MS + 10**6):015d}."
                     f"{rng.randrange(10**6):06d}.{DESK}")
    return found


def _full(item: dict) -> bool:
    try:
        parse_stamp(item["at"])
        return hlc.parse(item["hlc"]).desk == item["desk"]
    except ValueError:
        return False


@pytest.mark.parametrize("seed", range(4))
def test_entry_clock_and_time_checks_agree_with_the_full_checks(seed):
    """A time's date and hour are parsed once per packet; nothing the full checks refuse
    passes, in whatever order the times come."""
    rng = random.Random(seed)
    reader = packet._EntryReader()
    stamps, clocks = _stamps(rng), _clocks(rng)
    for index in range(len(stamps) + len(clocks)):
        item = {"id": f"e{index}", "desk": DESK, "author": "a",
                "at": stamps[index % len(stamps)] if index < len(stamps) else stamps[0],
                "hlc": clocks[index % len(clocks)] if index >= len(stamps) or rng.random() < 0.5
                else f"001759000000000.000001.{DESK}",
                "kind": "note", "payload": {}}
        try:
            entry = reader.entry(dict(item))
        except ValueError as exc:
            assert not _full(item), (item, exc)
            assert str(exc).startswith(f"entry {item['id']}: "), exc
        else:
            assert _full(item), item
            assert entry.content() == item
