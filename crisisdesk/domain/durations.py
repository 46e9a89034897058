"""Durations as people write them in playbooks: `30m`, `4h`, `1h30m`, `2d`, or ISO 8601 `PT4H`."""

from __future__ import annotations

import re
from datetime import timedelta

_COMPACT = re.compile(r"(?:(\d{1,6})d)?(?:(\d{1,6})h)?(?:(\d{1,6})m)?")
_ISO = re.compile(r"P(?:(\d{1,6})W)?(?:(\d{1,6})D)?(?:T(?=\d)(?:(\d{1,6})H)?(?:(\d{1,6})M)?(?:(\d{1,6})S)?)?")

EXAMPLES = "30m, 4h, 1h30m, 2d or PT4H"


def parse_duration(text: str) -> timedelta:
    """The positive duration `text` names; ValueError with a message for a person otherwise."""
    if not isinstance(text, str):
        raise ValueError(f"expected a duration such as {EXAMPLES}, got {text!r}")
    value = text.strip()
    if value.startswith("-"):
        raise ValueError(f"duration '{value}' must be longer than zero")
    compact = _COMPACT.fullmatch(value)
    iso = _ISO.fullmatch(value.upper()) if value[:1] in ("P", "p") else None
    if compact and any(compact.groups()):
        days, hours, minutes = (int(g or 0) for g in compact.groups())
        result = timedelta(days=days, hours=hours, minutes=minutes)
    elif iso and any(iso.groups()):
        weeks, days, hours, minutes, seconds = (int(g or 0) for g in iso.groups())
        result = timedelta(weeks=weeks, days=days, hours=hours, minutes=minutes, seconds=seconds)
    else:
        raise ValueError(f"'{value}' is not a duration: write e.g. {EXAMPLES}")
    if result <= timedelta(0):
        raise ValueError(f"duration '{value}' must be longer than zero")
    return result


def format_duration(td: timedelta) -> str:
    """Compact form such as `1d2h30m` (`0m` for zero, a leading `-` when negative)."""
    sign = "-" if td < timedelta(0) else ""
    total = int(abs(td).total_seconds())
    days, rest = divmod(total, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, seconds = divmod(rest, 60)
    parts = [f"{n}{unit}" for n, unit in ((days, "d"), (hours, "h"), (minutes, "m"), (seconds, "s")) if n]
    return sign + ("".join(parts) or "0m")
