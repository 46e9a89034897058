"""Every kind of journal entry, and who may originate it.

Group kinds come from the group desk (events, levels, providers, decisions …).
Affiliate kinds carry `payload["affiliate"]` and may come from that affiliate's
desk. Local kinds describe this desk itself and never travel in packets.
Every event-scoped payload carries `payload["event"]`.
"""

from __future__ import annotations

GROUP_KINDS = frozenset({
    "group.loaded",
    "event.activated", "event.level_changed", "event.provider_changed",
    "event.closed", "event.reopened",
    "meeting.opened", "meeting.closed",
    "decision.recorded",
    "action.created", "action.changed",
    "duty.changed",
    "alert.recorded",
    "outlook.set",
    "report.drafted", "report.approved", "report.issued",
    "drill.inject_released",
    "review.finding", "review.action", "review.action_changed",
    "handover.prepared", "handover.signed", "rollcall.started", "rollcall.called",
})

AFFILIATE_KINDS = frozenset({
    "service.assessed",
    "impact.answered",
    "checklist.changed",
    "notice.composed", "notice.edited", "notice.posted", "notice.withdrawn",
    "drill.responded",
})

# report.exported: an office draft or brief PDF written by this desk (its register of files)
LOCAL_KINDS = frozenset({"desk.initialised", "desk.enrolled", "desk.revoked", "report.exported"})

ALL_KINDS = GROUP_KINDS | AFFILIATE_KINDS | LOCAL_KINDS


def travels(kind: str) -> bool:
    """Whether entries of this kind are exchanged between desks."""
    return kind in GROUP_KINDS or kind in AFFILIATE_KINDS
