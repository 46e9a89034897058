"""Time helpers: UTC ISO strings and an injectable clock."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime

Clock = Callable[[], datetime]

EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)  # times before this, or from LATEST on, are absurd
LATEST = datetime(2200, 1, 1, tzinfo=UTC)
STAMP = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z", re.ASCII)


def system_clock() -> datetime:
    return datetime.now(UTC)


def to_iso(moment: datetime) -> str:
    """UTC ISO 8601 with a Z, millisecond precision."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime: a timezone is required")
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.astimezone(UTC).microsecond // 1000:03d}Z"


def from_iso(text: str) -> datetime:
    """Parse an ISO 8601 time; a time without an offset is refused."""
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        raise ValueError(f"time without a timezone: {text!r}")
    return moment.astimezone(UTC)


def to_ms(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)


def parse_stamp(text: object) -> datetime:
    """An entry's `at` from outside: exactly the form `to_iso` writes, a real date, not absurd.
    Raises ValueError saying what is wrong."""
    if not isinstance(text, str) or not STAMP.fullmatch(text):
        raise ValueError(f"the time {str(text)[:80]!r} is not a UTC time like 2025-09-26T20:20:00.000Z")
    try:
        moment = from_iso(text)
    except ValueError:
        raise ValueError(f"the time {text!r} is not a real date and time") from None
    return _in_range(text, moment)


def parse_time(text: object) -> datetime:
    """A time inside a payload: ISO 8601 with a timezone, between the years 2000 and 2199."""
    if not isinstance(text, str) or len(text) > 40:
        raise ValueError(f"the time {str(text)[:80]!r} is not an ISO 8601 time")
    try:
        moment = from_iso(text)
    except (ValueError, OverflowError):
        raise ValueError(f"the time {text!r} is not an ISO 8601 time with a timezone") from None
    return _in_range(text, moment)


def _in_range(text: str, moment: datetime) -> datetime:
    if not EARLIEST <= moment < LATEST:
        raise ValueError(f"the time {text!r} is absurd (not between the years 2000 and 2199)")
    return moment
