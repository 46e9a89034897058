"""After-action review: what was measured in an event (a drill or a real one) against its
targets, what missed and by how much, the findings, and the corrective actions that stay
tracked across events until they are done; and the year's register of drills."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from crisisdesk.domain.group import Group
from crisisdesk.domain.playbook import Playbook
from crisisdesk.domain.text import Text
from crisisdesk.domain.timing import (
    PENDING,
    DutyTiming,
    ItemTiming,
    Measured,
    Outage,
    Recovery,
    ResponseTiming,
)

ACTION_STATES = ("open", "doing", "done", "dropped")
CLOSED_ACTION_STATES = ("done", "dropped")


@dataclass(frozen=True)
class Finding:
    id: str
    event: str
    text: str
    at: datetime
    author: str


@dataclass(frozen=True)
class CorrectiveAction:
    """A corrective action found in one event, tracked until done (across later events)."""

    id: str
    event: str  # the event it was found in
    event_title: str
    title: str
    owner: str  # who answers for it (a person or a role, as written)
    due: datetime
    state: str  # open | doing | done | dropped
    note: str
    finding: str  # the finding's id, "" for none
    created_at: datetime
    changed_at: datetime

    @property
    def closed(self) -> bool:
        return self.state in CLOSED_ACTION_STATES

    def overdue(self, now: datetime) -> bool:
        return not self.closed and now > self.due


@dataclass(frozen=True)
class AfterAction:
    """Everything the after-action report shows, read from the journal at `as_of`."""

    event_id: str
    title: str
    drill: bool
    t0: datetime
    closed_at: datetime | None
    as_of: datetime
    playbook: Playbook
    group: Group
    recoveries: tuple[Recovery, ...]
    outages: tuple[Outage, ...]
    items: tuple[ItemTiming, ...]
    duties: tuple[DutyTiming, ...]
    responses: tuple[ResponseTiming, ...]
    injects_released: int
    findings: tuple[Finding, ...]
    actions: tuple[CorrectiveAction, ...]  # found in this event
    carried: tuple[CorrectiveAction, ...]  # still open from earlier events

    def _results(self) -> list[Measured]:
        return [r.result for r in self.recoveries] + [i.result for i in self.items if i.result] \
            + [d.result for d in self.duties] + [d.target for d in self.duties if d.target] \
            + [r.result for r in self.responses]

    @property
    def measured(self) -> int:
        """How many targets were measured (items not applicable and pending ones left out)."""
        return sum(1 for r in self._results() if r.outcome != PENDING)

    @property
    def missed(self) -> int:
        return sum(1 for r in self._results() if r.missed)


@dataclass(frozen=True)
class DrillRecord:
    """One drill of the year's register."""

    event_id: str
    title: str
    t0: datetime
    closed_at: datetime | None
    playbook_title: str
    affiliates: int  # affiliates of the group taking part (all the group's)
    injects_released: int
    measured: int
    missed: int
    findings: int
    actions: int
    actions_open: int


@dataclass(frozen=True)
class TargetRow:
    """One measured target as the review lists it: what, whose, the target and when it was done."""

    kind: str  # rto | duty | duty-target | item | response
    who: Text  # the affiliate (or the group)
    what: Text
    result: Measured


def target_rows(review: AfterAction) -> list[TargetRow]:
    """Every measured target of the review (those not yet due left out): the misses first, services
    before reporting, responses and checklist items, each by its target time."""
    group, book = review.group, review.playbook

    def who(affiliate: str) -> Text:
        if affiliate in ("", "group"):
            return group.name
        return next((a.name for a in group.affiliates if a.id == affiliate), Text.plain(affiliate))

    services = {(a.id, s.id): s.name for a in group.affiliates for s in a.services}
    items = {(c.id, i.id): i.title for c in book.checklists for i in c.items}
    rows = [TargetRow("rto", who(r.affiliate), services.get((r.affiliate, r.service), Text.plain(r.service)),
                      r.result) for r in review.recoveries]
    for d in review.duties:
        rows.append(TargetRow("duty", who(d.duty.filer), d.duty.title, d.result))
        if d.target is not None:
            rows.append(TargetRow("duty-target", who(d.duty.filer), d.duty.title, d.target))
    rows += [TargetRow("item", who(i.item.affiliate),
                       items.get((i.item.checklist, i.item.item), Text.plain(i.item.item)), i.result)
             for i in review.items if i.result is not None]
    rows += [TargetRow("response", Text(), x.status.inject.text, x.result) for x in review.responses]
    shown = [r for r in rows if r.result.outcome != PENDING]
    order = {"rto": 0, "duty": 1, "duty-target": 2, "response": 3, "item": 4}
    return sorted(shown, key=lambda r: (not r.result.missed, order[r.kind], r.result.target))
