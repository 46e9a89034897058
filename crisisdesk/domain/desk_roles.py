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

from crisisdesk.domain.entry_kinds import AFFILIATE_KINDS, LOCAL_KINDS
from crisisdesk.domain.errors import InvalidInput

GROUP_ROLE = "group"
AFFILIATE_ROLE = "affiliate"

_GROUP_ONLY = {  # kind → what an affiliate desk may not do
    "group.loaded": "load the group file (the group desk's packets bring it)",
    "event.activated": "activate an event",
    "event.level_changed": "change an event's level",
    "event.provider_changed": "change a provider's status",
    "event.closed": "close an event",
    "event.reopened": "reopen an event",
    "meeting.opened": "open a council meeting",
    "meeting.closed": "close a council meeting",
    "decision.recorded": "record, amend or withdraw a council decision",
    "action.created": "create an action item",
    "action.changed": "change an action item",
    "duty.changed": "change a reporting duty",
    "alert.recorded": "record an external alert level",
    "outlook.set": "set the council's outlook",
    "report.drafted": "draft a situation report",
    "report.approved": "approve a situation report",
    "report.issued": "issue a situation report",
    "drill.inject_released": "release a drill inject",
    "review.finding": "record an after-action finding",
    "review.action": "create a corrective action",
    "review.action_changed": "change a corrective action",
    "handover.prepared": "prepare a shift handover", "handover.signed": "sign a shift handover",
    "rollcall.started": "start a roll-call", "rollcall.called": "record a roll-call call",
}
_AFFILIATE_WORK = {
    "service.assessed": "assess services", "impact.answered": "answer impact questions",
    "checklist.changed": "change checklist items", "notice.composed": "compose notices",
    "notice.edited": "edit notices", "notice.posted": "post notices",
    "notice.withdrawn": "withdraw notices", "drill.responded": "respond to drill injects",
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
