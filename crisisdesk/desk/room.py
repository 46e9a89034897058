"""The 24-hour room: shift handovers signed by the outgoing and incoming lead, the emergency
contact tree (from the group file) and roll-calls recording who was reached when."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from crisisdesk.desk.changes import EVENTS, Changes
from crisisdesk.desk.events import EventCommands
from crisisdesk.desk.reading import ReadModels
from crisisdesk.desk.writer import DeskService, Writer
from crisisdesk.domain.clock import from_iso, to_iso
from crisisdesk.domain.contacts import CALL_RESULTS, Contact, RollCall, fold_roll_call
from crisisdesk.domain.entry_kinds import Kind
from crisisdesk.domain.errors import InvalidInput
from crisisdesk.domain.event import Event
from crisisdesk.domain.group import GROUP_DESK
from crisisdesk.domain.ids import new_id
from crisisdesk.store import review_queries

if TYPE_CHECKING:  # the handover's rules load when the room is first used, not at start-up
    from crisisdesk.domain.handover import Handover, HandoverBrief


class RoomCommands(DeskService):
    """The 24-hour room: handover briefs, the contact tree, roll-calls."""

    def __init__(self, writer: Writer, events: EventCommands, views: ReadModels) -> None:
        super().__init__(writer)
        self._events = events
        self._views = views

    # -- shift handover ---------------------------------------------------------------------
    def handover_brief(self, event: str | None = None) -> HandoverBrief:
        """The brief now: changes since the last completed handover (or T0), open actions, next deadlines."""
        from crisisdesk.domain.handover import HORIZON, LISTED, ROOM_KINDS, build_brief

        ctx = self._events.event(event)
        done = [h.completed_at for h in self.handovers(ctx.id) if h.completed_at is not None]
        since = max(done, default=ctx.t0)
        now = self._clock()
        names = {a.id: a.name for a in ctx.group.affiliates} | {GROUP_DESK: ctx.group.name}
        ticks = self._views.item_changes_by_affiliate(ctx.id, since, now)
        summed = sum(ticks.values()) > LISTED  # too many ticks to list: summed up by affiliate
        without = (*ROOM_KINDS, Kind.CHECKLIST_CHANGED) if summed else ROOM_KINDS
        changes, total = self._views.recent_changes(ctx.id, since, now, without, LISTED)
        items, due = self._views.items_due_by(ctx.id, now + HORIZON, LISTED, now)
        return build_brief(since, now, changes, self._views.actions(ctx.id, now), items,
                           self._views.duties(ctx.id, now), names, unlisted=total - len(changes),
                           ticks=ticks if summed else None, items_left_out=due - len(items))

    def prepare_handover(self, event: str | None, outgoing: str, incoming: str, lang: str = "ko") -> Changes:
        """Record the brief as it stands (its lines are what the two leads sign)."""
        ctx = self._events.open_event(event)
        if not outgoing.strip() or not incoming.strip():
            raise InvalidInput.of("a handover names the outgoing and the incoming lead")
        if outgoing.strip() == incoming.strip():
            raise InvalidInput.of("the outgoing and the incoming lead must be two people")
        brief = self.handover_brief(ctx.id)
        handover = new_id()
        self._record(Kind.HANDOVER_PREPARED, {
            "event": ctx.id, "handover": handover, "outgoing": outgoing.strip(), "incoming": incoming.strip(),
            "since": to_iso(brief.since), "lines": brief.lines(lang, ctx.group.timezone)})
        return Changes.of(ctx.id, EVENTS, created=handover)

    def sign_handover(self, event: str | None, handover: str, role: str, name: str) -> Changes:
        """The outgoing or the incoming lead signs; the name must be the one the handover names."""
        from crisisdesk.domain.handover import SIGN_ROLES

        ctx = self._events.open_event(event)
        if role not in SIGN_ROLES:
            raise InvalidInput.of("unknown handover role '{role}' ({known})", role=role, known=", ".join(SIGN_ROLES))
        found = [h for h in self.handovers(ctx.id) if h.id == handover or h.id.startswith(handover)]
        if len(found) != 1:
            raise InvalidInput.of("no handover '{handover}' in this event", handover=handover)
        held = found[0]
        expected = held.outgoing if role == "outgoing" else held.incoming
        if name.strip() != expected:
            template = ("this handover names '{expected}' as the outgoing lead, not '{name}'" if role == "outgoing"
                        else "this handover names '{expected}' as the incoming lead, not '{name}'")
            raise InvalidInput.of(template, expected=expected, name=name.strip())
        if (held.outgoing_signed if role == "outgoing" else held.incoming_signed) is not None:
            raise InvalidInput.of("the outgoing lead has already signed this handover" if role == "outgoing"
                                  else "the incoming lead has already signed this handover")
        self._record(Kind.HANDOVER_SIGNED, {"event": ctx.id, "handover": held.id, "role": role, "name": expected})
        return Changes.of(ctx.id, EVENTS)

    def handovers(self, event: str | None = None) -> list[Handover]:
        from crisisdesk.domain.handover import Handover

        ctx = self._events.event(event)
        found: dict[str, Handover] = {}
        for e in self._room_entries(ctx):
            p = e["payload"]
            if e["kind"] == Kind.HANDOVER_PREPARED:
                found[p["handover"]] = Handover(p["handover"], from_iso(e["at"]), p["outgoing"], p["incoming"],
                                                from_iso(p["since"]), tuple(p["lines"]))
            elif e["kind"] == Kind.HANDOVER_SIGNED and p["handover"] in found:
                at, before = from_iso(e["at"]), found[p["handover"]]
                found[p["handover"]] = (replace(before, outgoing_signed=at) if p["role"] == "outgoing"
                                        else replace(before, incoming_signed=at))
        return sorted(found.values(), key=lambda h: h.prepared_at)

    # -- contacts and roll-calls ----------------------------------------------------------
    def contacts(self, event: str | None = None) -> tuple[Contact, ...]:
        """The contact tree of the event's group file (of the loaded group file, without an event)."""
        return (self._events.event(event).group if event is not None else self._events.group()).contacts

    def start_roll_call(self, event: str | None, title: str) -> Changes:
        ctx = self._events.open_event(event)
        if not ctx.group.contacts:
            raise InvalidInput.of("the group file has no contact tree ('contacts:'); add one to call the roll")
        if not title.strip():
            raise InvalidInput.of("a roll-call needs a title")
        roll = new_id()
        self._record(Kind.ROLLCALL_STARTED, {"event": ctx.id, "rollcall": roll, "title": title.strip()})
        return Changes.of(ctx.id, EVENTS, created=roll)

    def record_call(self, event: str | None, rollcall: str, contact: str, result: str, note: str = "") -> Changes:
        """One call of a roll-call: reached, no answer, or a message left."""
        ctx = self._events.open_event(event)
        roll = self._roll_call(ctx, rollcall)
        if result not in CALL_RESULTS:
            raise InvalidInput.of("unknown call result '{result}' ({known})", result=result,
                                  known=", ".join(CALL_RESULTS))
        known = [c.id for c in ctx.group.contacts]
        if contact not in known:
            raise InvalidInput.of("unknown contact '{contact}' (contacts: {known})", contact=contact,
                                  known=", ".join(known))
        self._record(Kind.ROLLCALL_CALLED, {"event": ctx.id, "rollcall": roll.id, "contact": contact,
                                        "result": result, "note": note.strip()})
        return Changes.of(ctx.id, EVENTS)

    def roll_calls(self, event: str | None = None) -> list[RollCall]:
        ctx = self._events.event(event)
        started: dict[str, dict[str, Any]] = {}
        calls: dict[str, list[tuple[Any, str, str, str]]] = {}
        for e in self._room_entries(ctx):
            p = e["payload"]
            if e["kind"] == Kind.ROLLCALL_STARTED:
                started[p["rollcall"]] = e
            elif e["kind"] == Kind.ROLLCALL_CALLED:
                calls.setdefault(p["rollcall"], []).append(
                    (from_iso(e["at"]), p["contact"], p["result"], p.get("note", "")))
        return [fold_roll_call(roll, ctx.id, e["payload"]["title"], from_iso(e["at"]), ctx.group.contacts,
                               calls.get(roll, [])) for roll, e in started.items()]

    def _roll_call(self, ctx: Event, rollcall: str) -> RollCall:
        found = [r for r in self.roll_calls(ctx.id) if r.id == rollcall or r.id.startswith(rollcall)]
        if len(found) != 1:
            raise InvalidInput.of("no roll-call '{rollcall}' in this event", rollcall=rollcall)
        return found[0]

    def _room_entries(self, ctx: Event) -> list[dict[str, Any]]:
        from crisisdesk.domain.handover import ROOM_KINDS

        return review_queries.event_entries(self._store.conn, ctx.id, ROOM_KINDS)

