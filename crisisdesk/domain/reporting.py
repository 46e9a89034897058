"""Reporting duties owed outward: who files, whether a threshold makes the duty exist, and
the deadline of each occurrence.

Each licensed affiliate files its own electronic-finance incident report; the group files
its own duties once. Clocks run from the filer's awareness, from activation or from the
event's closure, as the playbook says.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from crisisdesk.domain.group import GROUP_DESK, Group
from crisisdesk.domain.playbook import ReportingDuty

MAX_OCCURRENCES = 200  # a recurring duty's occurrences listed at most (200 days of daily reports)


@dataclass(frozen=True)
class DutyDue:
    """One occurrence of a duty for one filer: when its clock started and its deadline."""

    duty: ReportingDuty
    filer: str  # an affiliate id, or GROUP_DESK
    occurrence: int  # 1 for the first; recurring duties count up
    start: datetime | None  # None while the reference (e.g. closure) has not happened
    deadline: datetime | None
    target: datetime | None = None  # the group's own earlier target, if the playbook sets one


def filers(duty: ReportingDuty, group: Group) -> list[str]:
    """Who files `duty`: the group desk, or each licensed affiliate of the duty's sectors."""
    if duty.filer == "group":
        return [GROUP_DESK]
    return [a.id for a in group.affiliates
            if a.licensed and (not duty.sectors or a.sector in duty.sectors)]


def threshold_met(duty: ReportingDuty, outage: timedelta, customers: int | None) -> bool:
    """Whether any of the duty's thresholds is met (a duty without thresholds always is)."""
    if not duty.when:
        return True
    return any((t.outage is None or outage >= t.outage)
               and (t.customers is None or (customers or 0) >= t.customers)
               for t in duty.when)


def occurrences(duty: ReportingDuty, filer: str, start: datetime | None,
                now: datetime) -> list[DutyDue]:
    """The occurrences due so far: the first, and for a recurring duty one more each time the
    previous deadline has passed by `now`."""
    if start is None:
        return [DutyDue(duty, filer, 1, None, None)]
    deadline = start + duty.due
    target = start + duty.target if duty.target is not None else None
    found = [DutyDue(duty, filer, 1, start, deadline, target)]
    while duty.every is not None and deadline <= now and len(found) < MAX_OCCURRENCES:
        deadline += duty.every
        target = target + duty.every if target is not None else None
        found.append(DutyDue(duty, filer, len(found) + 1, start, deadline, target))
    return found
