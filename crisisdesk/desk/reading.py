"""Read models for the UI, the CLI and the reports, live or as of an earlier journal position."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from crisisdesk.desk import views
from crisisdesk.desk.checklists import item_row
from crisisdesk.desk.context import event_context
from crisisdesk.desk.events import EventCommands
from crisisdesk.desk.writer import DeskService, Writer
from crisisdesk.domain.clock import from_iso, to_iso
from crisisdesk.domain.errors import InvalidInput
from crisisdesk.domain.event import Event
from crisisdesk.domain.group import GROUP_DESK
from crisisdesk.domain.read_models import (
    ActionView,
    AffiliateDetail,
    AlertView,
    AnswerView,
    Board,
    DecisionView,
    DutyView,
    ItemView,
    MeetingView,
    NoticeView,
    OutlookView,
    ProviderView,
    RevisionView,
    Situation,
    TimelineEntry,
    TimelinePage,
)
from crisisdesk.store import queries
from crisisdesk.store.verify import rebuild


class ReadModels(DeskService):
    """Read models for the UI, the CLI and the reports."""

    def __init__(self, writer: Writer, events: EventCommands) -> None:
        super().__init__(writer)
        self._events = events

    def providers(self, event: str | None = None) -> list[ProviderView]:
        return views.provider_views(self._store.conn, self._events.event(event))

    def board(self, event: str | None = None, now: datetime | None = None) -> Board:
        ctx = self._events.event(event)
        return views.build_board(self._store.conn, ctx, now or self._clock())

    def checklist(self, event: str | None = None, affiliate: str | None = None,
                  now: datetime | None = None) -> list[ItemView]:
        ctx = self._events.event(event)
        if affiliate:
            ctx.check_doer(affiliate)
        return views.item_views(self._store.conn, ctx, now or self._clock(), affiliate)

    def checklist_item(self, event: str | None, affiliate: str, item: str,
                       now: datetime | None = None) -> ItemView:
        """One item of an affiliate (or the group desk) by `item` or `checklist/item`, as stored."""
        ctx = self._events.event(event)
        row = item_row(self._store.conn, ctx, affiliate, item)
        return views.item_views(self._store.conn, ctx, now or self._clock(), affiliate, rows=[row])[0]

    def answers(self, event: str | None, affiliate: str, lang: str = "ko") -> list[AnswerView]:
        ctx = self._events.event(event)
        ctx.affiliate(affiliate)
        return views.answer_views(self._store.conn, ctx, affiliate, lang)

    def answer_history(self, event: str | None, affiliate: str, field: str) -> list[RevisionView]:
        ctx = self._events.event(event)
        return views.revision_views(self._store.conn, ctx, affiliate, field)

    def decisions(self, event: str | None = None) -> list[DecisionView]:
        return views.decision_views(self._store.conn, self._events.event(event))

    def actions(self, event: str | None = None, now: datetime | None = None) -> list[ActionView]:
        return views.action_views(self._store.conn, self._events.event(event), now or self._clock())

    def meetings(self, event: str | None = None) -> list[MeetingView]:
        return views.meeting_views(self._store.conn, self._events.event(event))

    def notices(self, event: str | None = None, affiliate: str | None = None) -> list[NoticeView]:
        return views.notice_views(self._store.conn, self._events.event(event), affiliate)

    def duties(self, event: str | None = None, now: datetime | None = None) -> list[DutyView]:
        return views.duty_views(self._store.conn, self._events.event(event), now or self._clock())

    def alerts(self, event: str | None = None) -> list[AlertView]:
        return views.alert_views(self._store.conn, self._events.event(event))

    def outlook(self, event: str | None = None) -> list[OutlookView]:
        return views.outlook_views(self._store.conn, self._events.event(event))

    def timeline(self, event: str | None = None, affiliate: str | None = None,
                 kinds: tuple[str, ...] = (), after: int = 0) -> list[TimelineEntry]:
        """The event's timeline in HLC order; with `after`, only the entries journaled after that
        position (a panel that holds the rest)."""
        return views.timeline_entries(self._store.conn, self._events.event(event), affiliate, kinds,
                                      after=after)

    def timeline_page(self, event: str | None = None, affiliate: str | None = None, kinds: tuple[str, ...] = (),
                      upto: int | None = None, before: str = "", size: int = 5000) -> TimelinePage:
        """A page of the timeline going back in time: the latest `size` entries journaled by `upto`
        (default: now) with a clock before `before`, in HLC order; `.older` continues it."""
        ctx = self._events.event(event)
        return views.timeline_page(self._store.conn, ctx, affiliate, kinds,
                                   self._store.head()[0] if upto is None else upto, before, size)

    def recent_changes(self, event: str | None, since: datetime, until: datetime,
                       without: tuple[str, ...] = (), last: int = 200) -> tuple[list[TimelineEntry], int]:
        """The event's latest `last` entries written from `since` to `until`, of kinds not in
        `without`, described (in HLC order); and how many there are in all. Only those listed are
        described: a timeline of 150,000 entries takes seconds to describe."""
        ctx = self._events.event(event)
        found, total = queries.changes_between(self._store.conn, ctx.id, to_iso(since), to_iso(until),
                                               without, last)
        return [views.timeline_entry(row, ctx) for row in found], total

    def items_due_by(self, event: str | None, by: datetime, first: int,
                     now: datetime | None = None) -> tuple[list[ItemView], int]:
        """The first `first` items not done (nor not applicable) due by `by`, earliest first, and
        how many there are in all."""
        ctx = self._events.event(event)
        found, total = queries.open_items_due_by(self._store.conn, ctx.id, to_iso(by), first)
        return views.item_views(self._store.conn, ctx, now or self._clock(), rows=found), total

    def item_changes_by_affiliate(self, event: str | None, since: datetime, until: datetime) -> dict[str, int]:
        """How many checklist item changes each affiliate had from `since` to `until`."""
        return queries.item_changes_by_affiliate(self._store.conn, self._events.event(event).id,
                                                 to_iso(since), to_iso(until))

    def journal_position(self, as_of: int | datetime | str) -> int:
        """A journal sequence number for `#SEQ`, an int, an ISO time or a datetime."""
        if isinstance(as_of, str):
            text = as_of.strip()
            if text.startswith("#") and text[1:].isdigit():
                return int(text[1:])
            try:
                as_of = from_iso(text)
            except ValueError:
                raise InvalidInput.of("'{as_of}' is neither #SEQ nor a time with a timezone", as_of=as_of) from None
        if isinstance(as_of, datetime):
            return queries.seq_at(self._store.conn, to_iso(as_of))
        return int(as_of)

    def situation(self, event: str | None = None, as_of: int | datetime | str | None = None,
                  now: datetime | None = None) -> Situation:
        """All a situation report needs; with `as_of`, the journal replayed up to that point."""
        ctx = self._events.event(event)
        head, _ = self._store.head()
        if as_of is None:
            return _situation(self._store.conn, ctx, now or self._clock(), head)
        seq = self.journal_position(as_of)
        if seq > head or seq < 1:
            raise InvalidInput.of("journal position #{seq} does not exist (the journal ends at #{head})", seq=seq, head=head)
        if isinstance(as_of, datetime):
            moment = as_of
        else:
            moment = from_iso(self._store.entries(after=seq - 1, upto=seq).__next__().entry.at)
        replay = rebuild(self._store, upto=seq)
        try:
            row = queries.one(replay.conn, "SELECT * FROM events WHERE id = ?", [ctx.id])
            if row is None:
                raise InvalidInput.of("the event did not exist yet at journal position #{seq}", seq=seq)
            return _situation(replay.conn, event_context(row), now or moment, seq)
        finally:
            replay.close()


def _situation(conn: sqlite3.Connection, ctx: Event, now: datetime, seq: int) -> Situation:
    board = views.build_board(conn, ctx, now)
    items = views.item_views(conn, ctx, now)
    answers = views.answer_views(conn, ctx)
    notices = views.notice_views(conn, ctx)
    details = tuple(
        AffiliateDetail(tile=tile,
                        answers=tuple(a for a in answers if a.affiliate == tile.affiliate),
                        items=tuple(i for i in items if i.affiliate == tile.affiliate),
                        notices=tuple(n for n in notices if n.affiliate == tile.affiliate))
        for tile in board.tiles)
    return Situation(
        board=board, as_of_seq=seq, affiliates=details,
        decisions=tuple(views.decision_views(conn, ctx)),
        actions=tuple(views.action_views(conn, ctx, now)),
        meetings=tuple(views.meeting_views(conn, ctx)),
        notices=tuple(notices), duties=tuple(views.duty_views(conn, ctx, now)),
        alerts=board.alerts, outlook=tuple(views.outlook_views(conn, ctx)),
        timeline=tuple(views.timeline_entries(conn, ctx, upto=seq)),
        roles={r.id: r.title for r in ctx.playbook.roles},
        group_items=tuple(i for i in items if i.affiliate == GROUP_DESK),
        report_form=ctx.group.report)
