"""Times as people read them on the desk: T+14:32, "in 40 min", "3 h late", local wall clock."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication


def elapsed(delta: timedelta) -> str:
    """`T+14:32` (hours and minutes since T0), `T+2d 03:10` past two days, `T-0:10` before T0."""
    sign = "-" if delta < timedelta(0) else "+"
    minutes = int(abs(delta).total_seconds() // 60)
    hours, mins = divmod(minutes, 60)
    if hours >= 48:
        days, hours = divmod(hours, 24)
        return f"T{sign}{days}d {hours:02d}:{mins:02d}"
    return f"T{sign}{hours}:{mins:02d}"


def amount(delta: timedelta) -> str:
    """A duration in words: `40 min`, `2 h 10 min`, `13 h`, `3 d`."""
    minutes = int(abs(delta).total_seconds() // 60)
    hours, mins = divmod(minutes, 60)
    if hours == 0:
        return QCoreApplication.translate("Time", "{} min").format(mins)
    if hours >= 48:
        return QCoreApplication.translate("Time", "{} d").format(hours // 24)
    if hours >= 10 or mins == 0:
        return QCoreApplication.translate("Time", "{} h").format(hours)
    return QCoreApplication.translate("Time", "{} h {} min").format(hours, mins)


def relative(moment: datetime, now: datetime) -> str:
    """`in 40 min` before `moment`, `3 h late` after it."""
    delta = moment - now
    if delta >= timedelta(0):
        return QCoreApplication.translate("Time", "in {}").format(amount(delta))
    return QCoreApplication.translate("Time", "{} late").format(amount(delta))


def rto_clock(deadline: datetime, now: datetime) -> str:
    """`1:25 left` before the RTO, `+0:35 past` after it; two days or more in words (`+7 d past`)."""
    delta = deadline - now
    minutes = int(abs(delta).total_seconds() // 60)
    clock = f"{minutes // 60}:{minutes % 60:02d}" if minutes < 48 * 60 else amount(abs(delta))
    if delta >= timedelta(0):
        return QCoreApplication.translate("Time", "{} left").format(clock)
    return QCoreApplication.translate("Time", "+{} past").format(clock)


def since_update(minutes: int | None, awaiting: bool = False) -> str:
    """`last update 12 min ago`; with none, `awaiting first assessment` while the event is young."""
    if minutes is None:
        if awaiting:
            return QCoreApplication.translate("Time", "awaiting first assessment")
        return QCoreApplication.translate("Time", "no update yet")
    return QCoreApplication.translate("Time", "last update {} ago").format(amount(timedelta(minutes=minutes)))


def local(moment: datetime | None, tz: str, with_date: bool = True) -> str:
    """Wall-clock time in the group's timezone."""
    if moment is None:
        return ""
    value = moment.astimezone(ZoneInfo(tz))
    return value.strftime("%m-%d %H:%M" if with_date else "%H:%M")


def local_full(moment: datetime | None, tz: str) -> str:
    if moment is None:
        return ""
    return moment.astimezone(ZoneInfo(tz)).strftime("%Y-%m-%d %H:%M")
