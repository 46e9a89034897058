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
LISTED = 300  # changes and deadlines listed one by one at most; checklist ticks beyond are summed up
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
    changes: tuple[TimelineEntry, ...]  # listed one by one
    open_actions: tuple[ActionView, ...]
    deadlines: tuple[Deadline, ...]
    unlisted: int = 0  # earlier changes, counted only (see the timeline)
    ticks: tuple[tuple[Text, int], ...] = ()  # checklist item changes per affiliate, when too many to list
    later_deadlines: int = 0  # deadlines beyond those listed, counted only (see the checklists)

    @property
    def changed(self) -> int:
        """Every change since the last handover, listed or not."""
        return len(self.changes) + self.unlisted + sum(count for _, count in self.ticks)

    def lines(self, lang: str = "ko", timezone: str = "Asia/Seoul") -> list[str]:
        """The brief as plain lines, times in the group's timezone (the snapshot the leads sign)."""
        ko, zone = lang == "ko", ZoneInfo(timezone)

        def when(moment: datetime) -> str:
            return moment.astimezone(zone).strftime("%m-%d %H:%M")

        out = [("변경 사항 (직전 인계 이후)" if ko else "Changes since the last handover") + f": {self.changed:,}"]
        if self.ticks:
            ticked = sum(count for _, count in self.ticks)
            out.append(f"  체크리스트 항목 변경 {ticked:,}건 (계열사별)" if ko
                       else f"  Checklist item changes: {ticked:,} (by affiliate)")
            out += [f"    {name.get(lang)} {count:,}" + ("건" if ko else "") for name, count in self.ticks]
        if self.unlisted:
            out.append(f"  그 이전 변경 {self.unlisted:,}건은 타임라인 참조" if ko
                       else f"  {self.unlisted:,} earlier changes: see the timeline")
        out += [f"  {when(c.at)} {c.summary.get(lang)}" for c in self.changes]
        out.append(("미결 조치" if ko else "Open actions") + f": {len(self.open_actions)}")
        out += [f"  {when(a.deadline)} {a.title} ({a.owner_title.get(lang) or a.owner})"
                for a in self.open_actions]
        out.append(("다음 기한" if ko else "Next deadlines") + f": {len(self.deadlines) + self.later_deadlines:,}")
        out += [f"  {when(d.due)} {d.what.get(lang)} — {d.who.get(lang)}"
                + (" (기한 경과)" if ko and d.overdue else " (overdue)" if d.overdue else "")
                for d in self.deadlines]
        if self.later_deadlines:
            out.append(f"  그 밖의 기한 {self.later_deadlines:,}건은 체크리스트 참조" if ko
                       else f"  {self.later_deadlines:,} later deadlines: see the checklists")
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
                items: list[ItemView], duties: list[DutyView], names: dict[str, Text], *,
                unlisted: int = 0, ticks: dict[str, int] | None = None,
                items_left_out: int = 0) -> HandoverBrief:
    """The brief at `at`: the timeline since `since` (room bookkeeping left out), the actions not
    done, and the earliest LISTED deadlines past or within HORIZON of items not done and duties
    not filed. `unlisted` earlier changes are counted, not listed; `ticks` (affiliate: count) are
    checklist item changes summed up instead of listed, most first; `items_left_out` items due
    later than those given are counted with the deadlines."""
    changes = tuple(e for e in timeline if since <= e.at <= at and e.kind not in ROOM_KINDS)
    summed = tuple((names.get(affiliate, Text.plain(affiliate)), count)
                   for affiliate, count in sorted((ticks or {}).items(), key=lambda t: (-t[1], t[0])))
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
    deadlines.sort(key=lambda d: d.due)
    return HandoverBrief(since, at, changes, open_actions, tuple(deadlines[:LISTED]), unlisted, summed,
                         max(len(deadlines) - LISTED, 0) + items_left_out)
