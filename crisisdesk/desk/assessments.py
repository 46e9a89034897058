"""Impact assessments: answers by the playbook's fields, and per-service corrections."""

from __future__ import annotations

from typing import Any

from crisisdesk.desk.changes import BOARD, IMPACT, Changes
from crisisdesk.desk.events import EventCommands
from crisisdesk.desk.writer import DeskService, Writer
from crisisdesk.domain.answers import normalise
from crisisdesk.domain.entry_kinds import Kind
from crisisdesk.domain.errors import InvalidInput
from crisisdesk.domain.payload_rules import check_service, check_service_status


class AssessmentCommands(DeskService):
    """Impact answers and service assessments."""

    def __init__(self, writer: Writer, events: EventCommands) -> None:
        super().__init__(writer)
        self._events = events

    def answer(self, event: str | None, affiliate: str, field: str, value: Any) -> Changes:
        """Answer or revise one impact field; every revision is kept. A wrong value saves nothing."""
        ctx = self._events.open_event(event)
        member = ctx.affiliate(affiliate)
        try:
            spec = ctx.playbook.impact_field(field)
        except KeyError:
            known = ", ".join(f.id for f in ctx.playbook.impact)
            raise InvalidInput.of("unknown impact field '{field}' (fields: {known})", field=field, known=known) from None
        value = normalise(spec, value, member, ctx.group.timezone)
        items = [(Kind.IMPACT_ANSWERED, {"event": ctx.id, "affiliate": affiliate, "field": field,
                                      "value": value})]
        if spec.kind == "services":
            items += [(Kind.SERVICE_ASSESSED, {"event": ctx.id, "affiliate": affiliate, "service": sid,
                                            "status": answer["status"], "note": answer["note"]})
                      for sid, answer in value.items()]
        self._record_many(items)
        return Changes.of(ctx.id, IMPACT, BOARD, affiliates=[affiliate])

    def assess_service(self, event: str | None, affiliate: str, service: str, status: str,
                       note: str = "") -> Changes:
        """Confirm or correct one service's status; the affiliate's word wins over the derivation."""
        ctx = self._events.open_event(event)
        member = ctx.affiliate(affiliate)
        check_service(member, service)
        check_service_status(status)
        self._record(Kind.SERVICE_ASSESSED, {"event": ctx.id, "affiliate": affiliate,
                                                  "service": service, "status": status,
                                                  "note": note.strip()})
        return Changes.of(ctx.id, IMPACT, BOARD, affiliates=[affiliate])
