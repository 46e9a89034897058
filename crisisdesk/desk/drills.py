"""Drills: the controller releases a scenario's injects into a drill event (or they release
themselves at their time), and the desks record their responses. Never in a real event."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from crisisdesk.desk.changes import BOARD, EVENTS, IMPACT, Changes
from crisisdesk.desk.events import EventCommands
from crisisdesk.desk.writer import DeskService, Writer
from crisisdesk.domain.clock import from_iso, to_iso
from crisisdesk.domain.desk_roles import AFFILIATE_ROLE
from crisisdesk.domain.drill import Inject, InjectStatus, due_injects
from crisisdesk.domain.entry_kinds import Kind
from crisisdesk.domain.errors import InvalidInput
from crisisdesk.domain.event import Event
from crisisdesk.store import exchange_tables, review_queries


class DrillCommands(DeskService):
    """Drill injects: list, release (by hand or when due), respond."""

    def __init__(self, writer: Writer, events: EventCommands) -> None:
        super().__init__(writer)
        self._events = events

    def drill_event(self, event: str | None) -> Event:
        """An event that is a drill (InvalidInput for a real one: injects never touch it)."""
        ctx = self._events.event(event)
        if not ctx.record.drill:
            raise InvalidInput.of("'{title}' is a real event; injects belong to drills only",
                                  title=ctx.record.title)
        return ctx

    def injects(self, event: str | None = None) -> list[InjectStatus]:
        """The drill event's injects, each with its due time, release and responses."""
        ctx = self.drill_event(event)
        released: dict[str, dict[str, Any]] = {}
        responses: dict[str, list[tuple[str, datetime]]] = {}
        for row in review_queries.drill_entries(self._store.conn, ctx.id):
            p = row["payload"]
            if row["kind"] == Kind.DRILL_INJECT_RELEASED:
                released.setdefault(p["inject"], p)
            else:
                responses.setdefault(p["inject"], []).append((p["affiliate"], from_iso(row["at"])))
        found = []
        for inject in ctx.playbook.injects:
            p = released.get(inject.id)
            found.append(InjectStatus(
                inject, inject.due_at(ctx.t0),
                released_at=from_iso(p["at"]) if p else None, released_by=p["released_by"] if p else "",
                responses=tuple(responses.get(inject.id, ()))))
        return found

    def release_inject(self, event: str | None, inject_id: str) -> Changes:
        """The controller releases one inject now (before or after its time)."""
        ctx = self.open_drill(event)
        try:
            inject = ctx.playbook.inject(inject_id)
        except KeyError:
            known = ", ".join(i.id for i in ctx.playbook.injects) or "-"
            raise InvalidInput.of("unknown inject '{inject}' (injects: {known})",
                                  inject=inject_id, known=known) from None
        if any(s.released for s in self.injects(ctx.id) if s.inject.id == inject_id):
            raise InvalidInput.of("inject '{inject}' is already released", inject=inject_id)
        return self._release(ctx, [inject], "controller")

    def release_due(self, event: str | None = None) -> Changes:
        """Release every inject whose time has come (by the schedule); nothing when none is due,
        and nothing on an affiliate desk (the group desk releases; its packets bring them)."""
        ctx = self.open_drill(event)
        me = exchange_tables.identity(self._store.conn)
        if me is not None and me["role"] == AFFILIATE_ROLE:
            return Changes(event=ctx.id)
        released = {s.inject.id for s in self.injects(ctx.id) if s.released}
        due = due_injects(ctx.playbook.injects, ctx.t0, self._clock(), released)
        if not due:
            return Changes(event=ctx.id)
        return self._release(ctx, due, "schedule")

    def respond_to_inject(self, event: str | None, affiliate: str, inject_id: str, text: str) -> Changes:
        """An affiliate (or the group desk, 'group') records its response to a released inject."""
        ctx = self.open_drill(event)
        ctx.check_doer(affiliate)
        if not text.strip():
            raise InvalidInput.of("a response needs its text")
        status = next((s for s in self.injects(ctx.id) if s.inject.id == inject_id), None)
        if status is None or not status.released:
            raise InvalidInput.of("inject '{inject}' has not been released in this drill", inject=inject_id)
        self._record(Kind.DRILL_RESPONDED, {"event": ctx.id, "affiliate": affiliate, "inject": inject_id,
                                        "text": text.strip()})
        return Changes.of(ctx.id, EVENTS, affiliates=[affiliate])

    def open_drill(self, event: str | None) -> Event:
        ctx = self.drill_event(event)
        if not ctx.is_open:
            raise InvalidInput.of("event '{title}' is closed; reopen it to change it", title=ctx.record.title)
        return ctx

    def _release(self, ctx: Event, injects: list[Inject], by: str) -> Changes:
        now = to_iso(self._clock())
        items: list[tuple[str, dict[str, Any]]] = []
        touched: set[str] = set()
        for inject in injects:
            items.append((Kind.DRILL_INJECT_RELEASED, {
                "event": ctx.id, "inject": inject.id, "kind": inject.kind, "released_by": by,
                "due": to_iso(inject.due_at(ctx.t0)), "at": now,
                "text": {"ko": inject.text.ko, "en": inject.text.en},
                "affiliate": inject.affiliate, "provider": inject.provider, "status": inject.status,
                "measures": dict(inject.measures)}))
            items += _effects(ctx, inject, now)
            if inject.affiliate:
                touched.add(inject.affiliate)
        self._record_many(items)
        return Changes.of(ctx.id, EVENTS, BOARD, IMPACT, affiliates=sorted(touched))


def _effects(ctx: Event, inject: Inject, now: str) -> list[tuple[str, dict[str, Any]]]:
    """What the inject does to the drill event: a provider's status, an affiliate's figures."""
    if inject.kind == "provider":
        if inject.provider not in {p.id for p in ctx.group.providers}:
            raise InvalidInput.of("inject '{inject}' names provider '{provider}', which the group "
                                  "file does not know", inject=inject.id, provider=inject.provider)
        return [(Kind.EVENT_PROVIDER_CHANGED, {"event": ctx.id, "provider": inject.provider,
                                            "status": inject.status, "note": inject.text.ko,
                                            "since": now, "inject": inject.id})]
    effects: list[tuple[str, dict[str, Any]]] = []
    if inject.affiliate:
        ctx.affiliate(inject.affiliate)
    for measure, value in inject.measures:
        field = ctx.playbook.measured(measure)
        if field is not None:
            effects.append((Kind.IMPACT_ANSWERED, {"event": ctx.id, "affiliate": inject.affiliate,
                                                "field": field.id, "value": value, "inject": inject.id}))
    return effects
