"""Customer notices, regulator reporting duties, external alert levels and the council's outlook."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from crisisdesk.desk.changes import BOARD, DUTIES, NOTICES, Changes
from crisisdesk.desk.events import EventCommands
from crisisdesk.desk.reading import ReadModels
from crisisdesk.desk.writer import DeskService, Writer
from crisisdesk.domain.clock import to_iso
from crisisdesk.domain.entry_kinds import Kind
from crisisdesk.domain.errors import InvalidInput
from crisisdesk.domain.group import GROUP_DESK
from crisisdesk.domain.ids import new_id
from crisisdesk.domain.notices import render_notice
from crisisdesk.domain.payload_rules import (
    DUTY_STATES,
    HORIZONS,
    check_channel,
    check_duty_state,
    check_horizon,
)
from crisisdesk.domain.reporting import filers
from crisisdesk.store import queries

__all__ = ["DUTY_STATES", "HORIZONS", "CommunicationCommands"]


class CommunicationCommands(DeskService):
    """Customer notices, reporting duties, outside alerts and the outlook."""

    def __init__(self, writer: Writer, events: EventCommands, views: ReadModels) -> None:
        super().__init__(writer)
        self._events = events
        self._views = views

    def compose_notice(self, event: str | None, affiliate: str, template: str, lang: str = "ko") -> Changes:
        """A draft notice from a playbook template, filled with the affiliate's hit services."""
        ctx = self._events.open_event(event)
        member = ctx.affiliate(affiliate)
        found = [n for n in ctx.playbook.notices if n.id == template]
        if not found:
            known = ", ".join(n.id for n in ctx.playbook.notices) or "none"
            raise InvalidInput.of("unknown notice template '{template}' (templates: {known})", template=template, known=known)
        services = list(self._views.board(ctx.id).tile(affiliate).services)
        title, body = render_notice(found[0], member, ctx.group, services, self._clock(), lang)
        notice = new_id()
        self._record(Kind.NOTICE_COMPOSED, {
            "event": ctx.id, "notice": notice, "affiliate": affiliate, "template": template,
            "channel": found[0].channel, "title": title, "body": body})
        return Changes.of(ctx.id, NOTICES, affiliates=[affiliate], created=notice)

    def edit_notice(self, event: str | None, notice: str, title: str, body: str) -> Changes:
        ctx = self._events.open_event(event)
        row = self._notice(ctx.id, notice)
        if not body.strip():
            raise InvalidInput.of("a notice needs a body")
        self._record(Kind.NOTICE_EDITED, {"event": ctx.id, "notice": row["id"],
                                               "affiliate": row["affiliate"], "title": title.strip(),
                                               "body": body.strip()})
        return Changes.of(ctx.id, NOTICES, affiliates=[row["affiliate"]])

    def post_notice(self, event: str | None, notice: str, channel: str,
                    at: datetime | None = None) -> Changes:
        ctx = self._events.open_event(event)
        row = self._notice(ctx.id, notice)
        check_channel(channel)
        if row["state"] == "withdrawn":
            raise InvalidInput.of("the notice was withdrawn; compose a new one")
        self._record(Kind.NOTICE_POSTED, {"event": ctx.id, "notice": row["id"],
                                               "affiliate": row["affiliate"], "channel": channel,
                                               "at": to_iso(at or self._clock())})
        return Changes.of(ctx.id, NOTICES, BOARD, affiliates=[row["affiliate"]])

    def withdraw_notice(self, event: str | None, notice: str, reason: str) -> Changes:
        ctx = self._events.open_event(event)
        row = self._notice(ctx.id, notice)
        if not reason.strip():
            raise InvalidInput.of("say why the notice is withdrawn")
        self._record(Kind.NOTICE_WITHDRAWN, {"event": ctx.id, "notice": row["id"],
                                                  "affiliate": row["affiliate"], "reason": reason.strip()})
        return Changes.of(ctx.id, NOTICES, affiliates=[row["affiliate"]])

    def _notice(self, event_id: str, notice: str) -> dict[str, Any]:
        found = [n for n in queries.notices(self._store.conn, event_id) if n["id"].startswith(notice)]
        if len(found) != 1:
            raise InvalidInput.of("no notice '{notice}' in this event", notice=notice)
        return found[0]

    def set_duty(self, event: str | None, duty: str, state: str, *, filer: str = GROUP_DESK,
                 occurrence: int = 1, reference: str = "", reason: str = "",
                 at: datetime | None = None) -> Changes:
        """Mark one occurrence of a reporting duty of one filer (a licensed affiliate, or the
        group) submitted (with its receipt number) or not required (with a reason)."""
        ctx = self._events.open_event(event)
        spec = next((d for d in ctx.playbook.reporting if d.id == duty), None)
        if spec is None:
            known = ", ".join(d.id for d in ctx.playbook.reporting) or "none"
            raise InvalidInput.of("unknown reporting duty '{duty}' (duties: {known})", duty=duty, known=known)
        allowed = filers(spec, ctx.group)
        if filer not in allowed:
            raise InvalidInput.of("'{filer}' does not file '{duty}' (filers: {listing})", filer=filer, duty=duty, listing=', '.join(allowed) or 'none')
        if isinstance(occurrence, bool) or not isinstance(occurrence, int) or occurrence < 1 \
                or (spec.every is None and occurrence != 1):
            raise InvalidInput.of("'{duty}' has no occurrence {occurrence}", duty=duty, occurrence=occurrence)
        check_duty_state(state)
        if state == "not-required" and not reason.strip():
            raise InvalidInput.of("say why the report is not required")
        self._record(Kind.DUTY_CHANGED, {
            "event": ctx.id, "duty": duty, "affiliate": filer, "occurrence": occurrence,
            "state": state, "reference": reference.strip(), "reason": reason.strip(),
            "at": to_iso(at or self._clock()) if state == "submitted" else "",
            "deadline": self._moved_deadline(ctx.id, duty, filer, occurrence)})
        return Changes.of(ctx.id, DUTIES, BOARD)

    def move_duty(self, event: str | None, duty: str, deadline: datetime, reason: str, *,
                  filer: str = GROUP_DESK, occurrence: int = 1) -> Changes:
        """Move the deadline of a duty that is still due (e.g. as agreed with the FSS); the
        reason is kept and shown with it."""
        ctx = self._events.open_event(event)
        found = [d for d in self._views.duties(ctx.id) if (d.duty, d.filer, d.occurrence) == (duty, filer, occurrence)]
        if not found:
            raise InvalidInput.of("'{filer}' owes no '{duty}' ({occurrence}) in this event", filer=filer, duty=duty, occurrence=occurrence)
        if found[0].state != "due":
            raise InvalidInput.of("'{duty}' of '{filer}' is no longer due; its deadline stays", duty=duty, filer=filer)
        if not reason.strip():
            raise InvalidInput.of("say why the deadline moves (e.g. agreed with the FSS)")
        if deadline.tzinfo is None:
            raise InvalidInput.of("the new deadline needs a timezone")
        self._record(Kind.DUTY_CHANGED, {
            "event": ctx.id, "duty": duty, "affiliate": filer, "occurrence": occurrence,
            "state": "due", "reference": "", "reason": reason.strip(), "at": "",
            "deadline": to_iso(deadline)})
        return Changes.of(ctx.id, DUTIES, BOARD)

    def _moved_deadline(self, event_id: str, duty: str, filer: str, occurrence: int) -> str:
        row = queries.duty_filing(self._store.conn, event_id, duty, filer, occurrence)
        return row["deadline"] if row else ""

    def record_alert(self, event: str | None, issuer: str, level: str, at: datetime | None = None,
                     note: str = "") -> Changes:
        """An authority's alert level (e.g. MOIS 경계, MSIT 심각), kept beside the group's own."""
        ctx = self._events.open_event(event)
        if not issuer.strip() or not level.strip():
            raise InvalidInput.of("an external alert needs its issuer and level")
        alert = new_id()
        self._record(Kind.ALERT_RECORDED, {"event": ctx.id, "alert": alert, "issuer": issuer.strip(),
                                                "level": level.strip(), "at": to_iso(at or self._clock()),
                                                "note": note.strip()})
        return Changes.of(ctx.id, BOARD, created=alert)

    def set_outlook(self, event: str | None, horizon: str, text: str, needs: str = "") -> Changes:
        """What the council expects at +12/24/48/72 h and what it needs."""
        ctx = self._events.open_event(event)
        check_horizon(horizon)
        self._record(Kind.OUTLOOK_SET, {"event": ctx.id, "horizon": horizon, "text": text.strip(),
                                             "needs": needs.strip()})
        return Changes.of(ctx.id, BOARD)
