"""Every kind of journal entry, and who may originate it.

Group kinds come from the group desk (events, levels, providers, decisions …).
Affiliate kinds carry `payload["affiliate"]` and may come from that affiliate's
desk. Local kinds describe this desk itself and never travel in packets.
Every event-scoped payload carries `payload["event"]`.
"""

from __future__ import annotations

from enum import StrEnum


class Kind(StrEnum):
    """A kind of journal entry (each equal to the word stored in the journal)."""

    GROUP_LOADED = "group.loaded"
    EVENT_ACTIVATED = "event.activated"
    EVENT_LEVEL_CHANGED = "event.level_changed"
    EVENT_PROVIDER_CHANGED = "event.provider_changed"
    EVENT_CLOSED = "event.closed"
    EVENT_REOPENED = "event.reopened"
    MEETING_OPENED = "meeting.opened"
    MEETING_CLOSED = "meeting.closed"
    DECISION_RECORDED = "decision.recorded"
    ACTION_CREATED = "action.created"
    ACTION_CHANGED = "action.changed"
    DUTY_CHANGED = "duty.changed"
    ALERT_RECORDED = "alert.recorded"
    OUTLOOK_SET = "outlook.set"
    REPORT_DRAFTED = "report.drafted"
    REPORT_APPROVED = "report.approved"
    REPORT_ISSUED = "report.issued"
    DRILL_INJECT_RELEASED = "drill.inject_released"
    REVIEW_FINDING = "review.finding"
    REVIEW_ACTION = "review.action"
    REVIEW_ACTION_CHANGED = "review.action_changed"
    HANDOVER_PREPARED = "handover.prepared"
    HANDOVER_SIGNED = "handover.signed"
    ROLLCALL_STARTED = "rollcall.started"
    ROLLCALL_CALLED = "rollcall.called"
    SERVICE_ASSESSED = "service.assessed"
    IMPACT_ANSWERED = "impact.answered"
    CHECKLIST_CHANGED = "checklist.changed"
    NOTICE_COMPOSED = "notice.composed"
    NOTICE_EDITED = "notice.edited"
    NOTICE_POSTED = "notice.posted"
    NOTICE_WITHDRAWN = "notice.withdrawn"
    DRILL_RESPONDED = "drill.responded"
    DESK_INITIALISED = "desk.initialised"
    DESK_ENROLLED = "desk.enrolled"
    DESK_REVOKED = "desk.revoked"
    DESK_RESTORE_NOTICED = "desk.restore_noticed"
    DESK_OWN_RETURNED = "desk.own_returned"
    REPORT_EXPORTED = "report.exported"


GROUP_KINDS = frozenset({
    Kind.GROUP_LOADED,
    Kind.EVENT_ACTIVATED, Kind.EVENT_LEVEL_CHANGED, Kind.EVENT_PROVIDER_CHANGED,
    Kind.EVENT_CLOSED, Kind.EVENT_REOPENED,
    Kind.MEETING_OPENED, Kind.MEETING_CLOSED,
    Kind.DECISION_RECORDED,
    Kind.ACTION_CREATED, Kind.ACTION_CHANGED,
    Kind.DUTY_CHANGED,
    Kind.ALERT_RECORDED,
    Kind.OUTLOOK_SET,
    Kind.REPORT_DRAFTED, Kind.REPORT_APPROVED, Kind.REPORT_ISSUED,
    Kind.DRILL_INJECT_RELEASED,
    Kind.REVIEW_FINDING, Kind.REVIEW_ACTION, Kind.REVIEW_ACTION_CHANGED,
    Kind.HANDOVER_PREPARED, Kind.HANDOVER_SIGNED, Kind.ROLLCALL_STARTED, Kind.ROLLCALL_CALLED,
})

AFFILIATE_KINDS = frozenset({
    Kind.SERVICE_ASSESSED,
    Kind.IMPACT_ANSWERED,
    Kind.CHECKLIST_CHANGED,
    Kind.NOTICE_COMPOSED, Kind.NOTICE_EDITED, Kind.NOTICE_POSTED, Kind.NOTICE_WITHDRAWN,
    Kind.DRILL_RESPONDED,
})

# report.exported: an office draft or brief PDF written by this desk (its register of files);
# desk.restore_noticed and desk.own_returned: a peer's acknowledgement showed this desk was restored
# from an older backup, and the entries made here that peers then sent back (desk.restore_notices)
LOCAL_KINDS = frozenset({Kind.DESK_INITIALISED, Kind.DESK_ENROLLED, Kind.DESK_REVOKED, Kind.REPORT_EXPORTED,
                         Kind.DESK_RESTORE_NOTICED, Kind.DESK_OWN_RETURNED})

ALL_KINDS = GROUP_KINDS | AFFILIATE_KINDS | LOCAL_KINDS


def travels(kind: str) -> bool:
    """Whether entries of this kind are exchanged between desks."""
    return kind in GROUP_KINDS or kind in AFFILIATE_KINDS
