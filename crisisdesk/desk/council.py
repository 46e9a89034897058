"""Council meetings, decisions (amended or withdrawn only by new entries) and action items."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from crisisdesk.desk.changes import BOARD, DECISIONS, Changes
from crisisdesk.desk.events import EventCommands
from crisisdesk.desk.writer import DeskService, Writer
from crisisdesk.domain.clock import to_iso
from crisisdesk.domain.entry_kinds import Kind
from crisisdesk.domain.errors import InvalidInput
from crisisdesk.domain.event import Event
from crisisdesk.domain.ids import new_id
from crisisdesk.domain.payload_rules import ACTION_STATES, check_action_state, check_role
from crisisdesk.store import queries

__all__ = ["ACTION_STATES", "CouncilCommands"]


class CouncilCommands(DeskService):
    """Meetings, decisions and actions of the crisis council."""

    def __init__(self, writer: Writer, events: EventCommands) -> None:
        super().__init__(writer)
        self._events = events

    def open_meeting(self, event: str | None, title: str, attendees: list[str]) -> Changes:
        ctx = self._events.open_event(event)
        if self._current_meeting(ctx.id):
            raise InvalidInput.of("a council meeting is already open; close it first")
        meeting = new_id()
        self._record(Kind.MEETING_OPENED, {"event": ctx.id, "meeting": meeting,
                                                "title": title.strip(), "attendees": _roles(ctx, attendees)})
        return Changes.of(ctx.id, DECISIONS, created=meeting)

    def close_meeting(self, event: str | None) -> Changes:
        ctx = self._events.open_event(event)
        meeting = self._current_meeting(ctx.id)
        if not meeting:
            raise InvalidInput.of("no council meeting is open")
        self._record(Kind.MEETING_CLOSED, {"event": ctx.id, "meeting": meeting["id"]})
        return Changes.of(ctx.id, DECISIONS)

    def _current_meeting(self, event_id: str) -> dict[str, Any] | None:
        return next((m for m in queries.meetings(self._store.conn, event_id) if not m["closed_at"]), None)

    def record_decision(self, event: str | None, text: str, *, rationale: str = "",
                        decided_by: str = "chair", attendees: list[str] | None = None,
                        affiliates: Sequence[str] = (), meeting: str | None = None) -> Changes:
        """A council decision; during an open meeting it belongs to it and takes its attendees."""
        ctx = self._events.open_event(event)
        if not text.strip():
            raise InvalidInput.of("a decision needs its text")
        _role(ctx, decided_by)
        for affiliate in affiliates:
            ctx.affiliate(affiliate)
        current = self._current_meeting(ctx.id)
        meeting = meeting or (current["id"] if current else "")
        if attendees is None:
            attendees = current["attendees"] if current else []
        return self._decision(ctx, "decide", "", text, rationale, decided_by, attendees,
                              list(affiliates), meeting)

    def amend_decision(self, event: str | None, decision: str, text: str, rationale: str = "",
                       decided_by: str = "chair") -> Changes:
        """A new entry that amends a decision; the original stays visible."""
        ctx = self._events.open_event(event)
        original = self._original(ctx, decision)
        if not text.strip():
            raise InvalidInput.of("an amendment needs its text")
        _role(ctx, decided_by)
        return self._decision(ctx, "amend", original["id"], text, rationale, decided_by,
                              original["attendees"], original["affiliates"], original["meeting"])

    def withdraw_decision(self, event: str | None, decision: str, reason: str,
                          decided_by: str = "chair") -> Changes:
        ctx = self._events.open_event(event)
        original = self._original(ctx, decision)
        if not reason.strip():
            raise InvalidInput.of("say why the decision is withdrawn")
        return self._decision(ctx, "withdraw", original["id"], "", reason, decided_by,
                              original["attendees"], original["affiliates"], original["meeting"])

    def _original(self, ctx: Event, decision: str) -> dict[str, Any]:
        found = [d for d in queries.decisions(self._store.conn, ctx.id)
                 if d["id"] == decision or d["id"].startswith(decision)]
        found = [d for d in found if d["action"] == "decide"]
        if len(found) != 1:
            raise InvalidInput(f"no decision '{decision}' in this event" if not found
                               else f"decision id '{decision}' is ambiguous")
        return found[0]

    def _decision(self, ctx: Event, action: str, amends: str, text: str, rationale: str,
                  decided_by: str, attendees: Sequence[str], affiliates: Sequence[str],
                  meeting: str | None) -> Changes:
        decision = new_id()
        self._record(Kind.DECISION_RECORDED, {
            "event": ctx.id, "decision": decision, "action": action, "amends": amends,
            "text": text.strip(), "rationale": rationale.strip(), "decided_by": decided_by,
            "attendees": list(attendees), "affiliates": list(affiliates), "meeting": meeting})
        return Changes.of(ctx.id, DECISIONS, BOARD, affiliates=affiliates,
                          created=decision)

    def create_action(self, event: str | None, title: str, owner: str, deadline: datetime,
                      decision: str = "") -> Changes:
        ctx = self._events.open_event(event)
        if not title.strip():
            raise InvalidInput.of("an action needs a title")
        _role(ctx, owner)
        if deadline.tzinfo is None:
            raise InvalidInput.of("the deadline needs a timezone")
        if decision:
            decision = self._original(ctx, decision)["id"]
        action = new_id()
        self._record(Kind.ACTION_CREATED, {"event": ctx.id, "action": action, "title": title.strip(),
                                                "owner": owner, "deadline": to_iso(deadline),
                                                "decision": decision})
        return Changes.of(ctx.id, DECISIONS, created=action)

    def set_action(self, event: str | None, action: str, state: str, note: str = "") -> Changes:
        ctx = self._events.open_event(event)
        check_action_state(state)
        found = [a for a in queries.actions(self._store.conn, ctx.id) if a["id"].startswith(action)]
        if len(found) != 1:
            raise InvalidInput.of("no action '{action}' in this event", action=action)
        self._record(Kind.ACTION_CHANGED, {"event": ctx.id, "action": found[0]["id"],
                                                "state": state, "note": note.strip()})
        return Changes.of(ctx.id, DECISIONS)


def _role(ctx: Event, role: str) -> str:
    return check_role(ctx.playbook, role)


def _roles(ctx: Event, roles: list[str]) -> list[str]:
    return [_role(ctx, r) for r in roles]
