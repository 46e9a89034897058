"""The shift handover brief of the 24-hour room: what changed since the last handover, the open
actions, the next deadlines; signed off by the outgoing and the incoming lead."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from crisisdesk.domain.entry_kinds import Kind
from crisisdesk.domain.read_models import ActionView, DutyView, ItemView, TimelineEntry
from crisisdesk.domain.text import Text

HORIZON = timedelta(hours=12)  # deadlines shown: those past, and those within the next 12 hours
SIGN_ROLES = ("outgoing", "incoming")
ROOM_KINDS = (Kind.HANDOVER_PREPARED, Kind.HANDOVER_SIGNED, Kind.ROLLCALL_STARTED, Kind.ROLLCALL_CALLED)


@dataclass(frozen=True)
class Deadline:
    due: datetime
    what: Text
    who: Text
    overdue: bool


@dataclass(frozen=True)
class HandoverBrief:
    since: datetime  # the last completed handover, or T0
    at: datetime
    changes: tuple[TimelineEntry, ...]
    open_actions: tuple[ActionView, ...]
    deadlines: tuple[Deadline, ...]

    def lines(self, lang: str = "ko", timezone: str = "Asia/Seoul") -> list[str]:
        """The brief as plain lines, times in the group's timezone (the snapshot the leads sign)."""
        ko, zone = lang == "ko", ZoneInfo(timezone)

        def when(moment: datetime) -> str:
            return moment.astimezone(zone).strftime("%m-%d %H:%M")

        out = [("변경 사항 (직전 인계 이후)" if ko else "Changes since the last handover") + f": {len(self.changes)}"]
        out += [f"  {when(c.at)} {c.summary.get(lang)}" for c in self.changes]
        out.append(("미결 조치" if ko else "Open actions") + f": {len(self.open_actions)}")
        out += [f"  {when(a.deadline)} {a.title} ({a.owner_title.get(lang) or a.owner})"
                for a in self.open_actions]
        out.append(("다음 기한" if ko else "Next deadlines") + f": {len(self.deadlines)}")
        out += [f"  {when(d.due)} {d.what.get(lang)} — {d.who.get(lang)}"
                + (" (기한 경과)" if ko and d.overdue else " (overdue)" if d.overdue else "")
                for d in self.deadlines]
        return out


@dataclass(frozen=True)
class Handover:
    id: str
    prepared_at: datetime
    outgoing: str
    incoming: str
    since: datetime
    lines: tuple[str, ...]
    outgoing_signed: datetime | None = None
    incoming_signed: datetime | None = None

    @property
    def complete(self) -> bool:
        return self.outgoing_signed is not None and self.incoming_signed is not None

    @property
    def completed_at(self) -> datetime | None:
        if self.outgoing_signed is None or self.incoming_signed is None:
            return None
        return max(self.outgoing_signed, self.incoming_signed)


def build_brief(since: datetime, at: datetime, timeline: list[TimelineEntry], actions: list[ActionView],
                items: list[ItemView], duties: list[DutyView], names: dict[str, Text]) -> HandoverBrief:
    """The brief at `at`: the timeline since `since` (room bookkeeping left out), the actions not
    done, and the deadlines past or within HORIZON of items not done and duties not filed."""
    changes = tuple(e for e in timeline if since <= e.at <= at and e.kind not in ROOM_KINDS)
    open_actions = tuple(sorted((a for a in actions if a.state in ("open", "doing")), key=lambda a: a.deadline))
    deadlines: list[Deadline] = []
    for item in items:
        if item.state not in ("done", "n/a") and item.due <= at + HORIZON:
            deadlines.append(Deadline(item.due, item.title, names.get(item.affiliate, Text.plain(item.affiliate)),
                                      item.due < at))
    for duty in duties:
        if duty.state == "due" and duty.deadline is not None and duty.deadline <= at + HORIZON:
            deadlines.append(Deadline(duty.deadline, duty.title, duty.filer_name or Text.plain(duty.filer),
                                      duty.deadline < at))
    return HandoverBrief(since, at, changes, open_actions, tuple(sorted(deadlines, key=lambda d: d.due)))
