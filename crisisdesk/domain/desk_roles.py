"""What a desk may record, by its role in the group's exchange.

A group desk records everything (it also records an affiliate's work on the phone's
word). An affiliate desk records only its own affiliate's work (impact answers,
service assessments, its checklist items, its notices): everything else comes from
the group desk, and a change made there would never reach the group, so the two
screens would disagree silently. A desk without a role (not set up for exchange)
records everything.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from crisisdesk.domain.entry_kinds import AFFILIATE_KINDS, LOCAL_KINDS, Kind
from crisisdesk.domain.errors import InvalidInput

GROUP_ROLE = "group"
AFFILIATE_ROLE = "affiliate"

_GROUP_ONLY: dict[str, str] = {  # kind → what an affiliate desk may not do
    Kind.GROUP_LOADED: "load the group file (the group desk's packets bring it)",
    Kind.EVENT_ACTIVATED: "activate an event",
    Kind.EVENT_LEVEL_CHANGED: "change an event's level",
    Kind.EVENT_PROVIDER_CHANGED: "change a provider's status",
    Kind.EVENT_CLOSED: "close an event",
    Kind.EVENT_REOPENED: "reopen an event",
    Kind.MEETING_OPENED: "open a council meeting",
    Kind.MEETING_CLOSED: "close a council meeting",
    Kind.DECISION_RECORDED: "record, amend or withdraw a council decision",
    Kind.ACTION_CREATED: "create an action item",
    Kind.ACTION_CHANGED: "change an action item",
    Kind.DUTY_CHANGED: "change a reporting duty",
    Kind.ALERT_RECORDED: "record an external alert level",
    Kind.OUTLOOK_SET: "set the council's outlook",
    Kind.REPORT_DRAFTED: "draft a situation report",
    Kind.REPORT_APPROVED: "approve a situation report",
    Kind.REPORT_ISSUED: "issue a situation report",
    Kind.DRILL_INJECT_RELEASED: "release a drill inject",
    Kind.REVIEW_FINDING: "record an after-action finding",
    Kind.REVIEW_ACTION: "create a corrective action",
    Kind.REVIEW_ACTION_CHANGED: "change a corrective action",
    Kind.HANDOVER_PREPARED: "prepare a shift handover", Kind.HANDOVER_SIGNED: "sign a shift handover",
    Kind.ROLLCALL_STARTED: "start a roll-call", Kind.ROLLCALL_CALLED: "record a roll-call call",
}
_AFFILIATE_WORK: dict[str, str] = {
    Kind.SERVICE_ASSESSED: "assess services", Kind.IMPACT_ANSWERED: "answer impact questions",
    Kind.CHECKLIST_CHANGED: "change checklist items", Kind.NOTICE_COMPOSED: "compose notices",
    Kind.NOTICE_EDITED: "edit notices", Kind.NOTICE_POSTED: "post notices",
    Kind.NOTICE_WITHDRAWN: "withdraw notices", Kind.DRILL_RESPONDED: "respond to drill injects",
}


WORK = (*_GROUP_ONLY.values(), *_AFFILIATE_WORK.values())  # the phrases a refusal names


class NotAllowed(InvalidInput):
    """A command this desk's role does not allow; nothing was saved."""


def check_allowed(role: str | None, affiliate: str | None, kind: str,
                  payload: Mapping[str, Any]) -> None:
    """Refuse (NotAllowed) an entry a desk of `role` (for `affiliate`) may not record."""
    if role == AFFILIATE_ROLE and kind not in LOCAL_KINDS \
            and (error := _refused(affiliate, kind, payload)) is not None:
        raise error


def _refused(affiliate: str | None, kind: str, payload: Mapping[str, Any]) -> NotAllowed | None:
    """The refusal of this entry on the desk of `affiliate`; None when that desk may record it."""
    if kind in AFFILIATE_KINDS:
        other = payload.get("affiliate")
        if other == affiliate:
            return None
        return NotAllowed.of("not allowed on this desk: this is the desk of affiliate '{affiliate}'; "
                             "it may {work} only for '{affiliate}', not for '{other}'",
                             affiliate=affiliate, work=_AFFILIATE_WORK[kind], other=other)
    if kind in _GROUP_ONLY:
        return NotAllowed.of("not allowed on this desk: this is the desk of affiliate '{affiliate}'; "
                             "only the group desk may {work}", affiliate=affiliate,
                             work=_GROUP_ONLY[kind])
    return NotAllowed.of("not allowed on this desk: this is the desk of affiliate '{affiliate}'; "
                         "only the group desk may record '{kind}'", affiliate=affiliate, kind=kind)
