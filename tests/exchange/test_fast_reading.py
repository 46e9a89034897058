"""The quick checks of a packet's reading agree with the full ones they stand in for."""

from __future__ import annotations

import json
import random

import pytest

from crisisdesk.desk.exchange_service import _Touched
from crisisdesk.domain import hlc
from crisisdesk.domain.clock import parse_stamp
from crisisdesk.domain.journal import Entry
from crisisdesk.exchange import packet, scope
from crisisdesk.exchange.bounded_json import depth_within
from crisisdesk.exchange.errors import PacketRejected
from crisisdesk.exchange.identity import AFFILIATE, GROUP, Identity

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
             "001759000000000.000001.other", f"1759000000000.000001.{DESK}",
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


def _outcome(check, *args):
    try:
        check(*args)
    except PacketRejected as exc:
        return exc.reason, str(exc)
    return None


def test_scope_fast_path_agrees_with_the_checks(monkeypatch):
    """Whole packets an affiliate desk plainly sends of its own skip the per-entry checks;
    anything else gets the same refusal, reason and message as without the fast path."""
    key = bytes(32)
    group = Identity("g" * 8, GROUP, "hanbit", None, key)
    bank = Identity("b" * 8, AFFILIATE, "hanbit", "bank", key)
    rng = random.Random(3)
    desks, kinds = [bank.desk, group.desk, "c" * 8], ["checklist.changed", "service.assessed",
                                                       "event.closed", "desk.enrolled", "x.y"]
    affiliates = ["bank", "bank", "bank", "card", "group", None, ["bank"], {"a": 1}]
    slow = []
    for _ in range(3000):
        entries = [Entry(f"e{i}", rng.choice(desks) if rng.random() < 0.1 else bank.desk, "a",
                         "2025-09-26T20:20:00.000Z", "h",
                         rng.choice(kinds) if rng.random() < 0.1 else "checklist.changed",
                         {"affiliate": rng.choice(affiliates) if rng.random() < 0.1 else "bank"})
                   for i in range(rng.randint(0, 4))]
        fast = _outcome(scope.check_entries, bank, entries, group)
        with monkeypatch.context() as patched:
            patched.setattr(scope, "_plainly_own", lambda *args: False)
            full = _outcome(scope.check_entries, bank, entries, group)
        assert fast == full, entries
        slow.append(full is not None)
    assert 100 < sum(slow) < 2900  # both kinds of packet were tried


def test_what_new_entries_touch_even_with_odd_values():
    """Events, affiliates and the affiliates heard from, found once per distinct pair; a value
    that is no text (a payload may hold more keys than its rule reads) is passed over."""
    def made(kind, **payload):
        return Entry("e", DESK, "a", "2025-09-26T20:20:00.000Z", "h", kind, payload)

    plain = [made("checklist.changed", event="ev", affiliate="bank")] * 3 + [
        made("decision.recorded", event="ev"), made("service.assessed", event="ev2", affiliate="card")]
    odd = [*plain, made("decision.recorded", event="ev", affiliate=["bank"]),
           made("checklist.changed", event={"x": 1}, affiliate="card")]
    for entries in (plain, odd):
        touched = _Touched.by(entries)
        assert touched.events == {"ev", "ev2"}
        assert touched.affiliates == {"bank", "card"}
        assert touched.heard == {("ev", "bank"), ("ev2", "card")}
