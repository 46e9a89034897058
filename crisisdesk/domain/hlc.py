"""Hybrid logical clock: wall time plus a counter, ordered across desks.

The stored spelling is fixed-width: 15 digits of Unix milliseconds, a dot, 6 digits
of counter, a dot, the desk id (ASCII letters, digits, `-` and `_`). Every clock that
enters a journal is checked with `parse` first, so for stored clocks the order of the
strings (Python's, and SQLite's BINARY collation in the projections' `hlc < ?`) is
the order of the clocks as numbers: `(wall_ms, counter, desk)`.

The counter never outgrows its six digits: at 999,999 the next tick carries into the
wall time instead. A remote clock more than `MAX_SKEW` ahead of this desk's wall clock
is refused on import (`check_not_ahead`), so one badly set computer cannot pin the
clocks of the whole group.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta

WALL_DIGITS = 15
COUNTER_DIGITS = 6
MAX_WALL_MS = 10**WALL_DIGITS - 1
MAX_COUNTER = 10**COUNTER_DIGITS - 1
MAX_DESK = 64
MIN_WALL_MS = 946_684_800_000  # 2000-01-01T00:00:00Z: no desk's clock is older
MAX_SKEW = timedelta(minutes=10)  # how far a remote clock may run ahead of this desk's
MAX_SKEW_MS = int(MAX_SKEW.total_seconds() * 1000)

FORMAT = re.compile(r"([0-9]{15})\.([0-9]{6})\.([0-9A-Za-z_-]{1,64})", re.ASCII)


class ClockError(ValueError):
    """A clock that is not well-formed, or out of the range a desk accepts."""


@dataclass(frozen=True, order=True)
class Hlc:
    wall_ms: int
    counter: int
    desk: str

    def encode(self) -> str:
        """A string that sorts like the clock itself (refused when it would not fit)."""
        if not 0 <= self.wall_ms <= MAX_WALL_MS or not 0 <= self.counter <= MAX_COUNTER:
            raise ClockError(f"clock out of range: {self.wall_ms}.{self.counter}")
        return f"{self.wall_ms:015d}.{self.counter:06d}.{self.desk}"

    @classmethod
    def decode(cls, text: str) -> Hlc:
        """A stored clock (trusted: it was checked by `parse` before it was stored)."""
        wall, counter, desk = text.split(".", 2)
        return cls(int(wall), int(counter), desk)


def parse(text: object) -> Hlc:
    """A clock from outside, checked: fixed-width digits, a plain desk id, a wall time not
    before 2000. Raises ClockError saying what is wrong."""
    if not isinstance(text, str):
        raise ClockError("the clock is not text")
    found = FORMAT.fullmatch(text)
    if found is None:
        raise ClockError(f"the clock {text[:80]!r} is not of the form "
                         "<15 digits>.<6 digits>.<desk id>")
    clock = Hlc(int(found[1]), int(found[2]), found[3])
    if clock.wall_ms < MIN_WALL_MS:
        raise ClockError(f"the clock {text} is dated before the year 2000")
    return clock


def check_not_ahead(clock: Hlc, now_ms: int, skew_ms: int = MAX_SKEW_MS) -> None:
    """Refuse a clock more than `skew_ms` ahead of `now_ms` (this desk's wall clock)."""
    if clock.wall_ms > now_ms + skew_ms:
        raise ClockError(ahead_message(clock.wall_ms - now_ms, skew_ms))


def ahead_message(ahead_ms: int, skew_ms: int = MAX_SKEW_MS) -> str:
    return (f"{_span(ahead_ms)} ahead of this desk's clock (at most {_span(skew_ms)} is "
            "accepted): check the date and time of the sending computer, and of this one")


def tick(last: Hlc | None, now_ms: int, desk: str) -> Hlc:
    """The clock for a new local event: after `last` and every clock it has seen."""
    if last is None or now_ms > last.wall_ms:
        return Hlc(now_ms, 0, desk)
    if last.counter >= MAX_COUNTER:  # carry: the counter never outgrows its field
        return Hlc(last.wall_ms + 1, 0, desk)
    return Hlc(last.wall_ms, last.counter + 1, desk)


def _span(ms: int) -> str:
    minutes = ms / 60_000
    if minutes < 120:
        return f"{minutes:.0f} minutes" if minutes >= 1 else f"{ms / 1000:.0f} seconds"
    if minutes < 2 * 24 * 60:
        return f"{minutes / 60:.0f} hours"
    return f"{minutes / (24 * 60):.0f} days"
