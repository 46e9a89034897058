"""Times, durations and counts as a report prints them, in the group's timezone and language."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from crisisdesk.reports.catalogue import Catalogue


class Formatter:
    """Formats values for one report: its language and the group's timezone."""

    def __init__(self, catalogue: Catalogue, timezone: str):
        self.t = catalogue
        self.zone = ZoneInfo(timezone)

    def time(self, moment: datetime | None, seconds: bool = False) -> str:
        """`2025-09-26 20:15 KST`; a dash when there is no time."""
        if moment is None:
            return "—"
        local = moment.astimezone(self.zone)
        return local.strftime("%Y-%m-%d %H:%M:%S %Z" if seconds else "%Y-%m-%d %H:%M %Z")

    def date(self, moment: datetime | None) -> str:
        """`2025-09-27` in the group's timezone."""
        return moment.astimezone(self.zone).strftime("%Y-%m-%d") if moment is not None else ""

    def short_time(self, moment: datetime | None, now: datetime | None = None) -> str:
        """`09-27 08:30`, or only `08:30` on the same local day as `now`."""
        if moment is None:
            return "—"
        local = moment.astimezone(self.zone)
        if now is not None and local.date() == now.astimezone(self.zone).date():
            return local.strftime("%H:%M")
        return local.strftime("%m-%d %H:%M")

    def duration(self, span: timedelta) -> str:
        """`1일 3시간 20분` / `1 d 3 h 20 min` (minutes, never seconds)."""
        minutes = max(0, int(span.total_seconds() // 60))
        days, rest = divmod(minutes, 24 * 60)
        hours, mins = divmod(rest, 60)
        parts = []
        if days:
            parts.append(self.t("unit.days", n=days))
        if hours:
            parts.append(self.t("unit.hours", n=hours))
        if mins or not parts:
            parts.append(self.t("unit.minutes", n=mins))
        return " ".join(parts)

    def left(self, deadline: datetime | None, now: datetime) -> str:
        """Time left until a deadline, or how long it is past."""
        if deadline is None:
            return "—"
        if deadline >= now:
            return self.t("time.left", span=self.duration(deadline - now))
        return self.t("time.past", span=self.duration(now - deadline))

    def count(self, n: int, of: int | None = None) -> str:
        return f"{n:,}" if of is None else f"{n:,} / {of:,}"

    def percent(self, ratio: float) -> str:
        return f"{round(ratio * 100)}%"
